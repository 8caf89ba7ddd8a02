#pragma once
// The load module's entry points in one include: everything a scenario needs to turn an
// apartment's or the common parts' consumption settings into a quarter-hour series on the
// simulated year (profiles.md):
//  - generate_household (archetype + kWh + options + seed, or its mean shape),
//  - common_parts_profile (common_basic, common_heat_pump),
//  - read_series_file (Mijn Fluvius export, Fluvius open data, generic timestamp,kwh CSV),
//  - archetype_names / default_annual_kwh for validation and the GUI's lists.
#include "core/load/archetype.hpp"
#include "core/load/common_parts.hpp"
#include "core/load/generator.hpp"
#include "core/load/profile_context.hpp"
#include "core/load/series_file.hpp"
