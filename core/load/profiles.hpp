#pragma once
// The load module's entry points in one include: everything a scenario needs to turn an
// apartment's or the common parts' consumption settings into a quarter-hour series on the
// simulated year (profiles.md):
//  - generate_household (archetype + kWh + options + seed, or its mean shape),
//  - common_parts_profile (common_basic, common_heat_pump),
//  - read_series_file (Mijn Fluvius export, Fluvius open data, generic timestamp,kwh CSV),
//  - make_load_profile: any of the three from one source description,
//  - archetype_names / default_annual_kwh for validation and the GUI's lists,
//  - mean_day_shape for summaries.
// For a building, call prepare_context once and pass the PreparedContext to every apartment
// (the ProfileContext overloads prepare it on each call).
#include "core/load/archetype.hpp"
#include "core/load/common_parts.hpp"
#include "core/load/day_shape.hpp"
#include "core/load/generator.hpp"
#include "core/load/load_source.hpp"
#include "core/load/profile_context.hpp"
#include "core/load/series_file.hpp"
