#pragma once
// From a row of the buildings table to a scenario: the base scenario (the portfolio's
// shared assumptions: key, sharing agreement, investment, economics, weather, common parts)
// with the building's own apartments, roof, network area and site.
#include <cstdint>
#include <string>

#include "core/portfolio/buildings_table.hpp"
#include "core/scenario/scenario.hpp"

namespace deelstroom::portfolio {

/// Apartment ids of a generated building: "A01", "A02", ... (two digits, three from 100 on),
/// so they sort in order in every table.
std::string apartment_id(int index_from_zero, int apartment_count);

/// The seed of a building's generated profiles: FNV-1a 64 of "<base seed>/<building id>"
/// with the top bit cleared (a TOML integer is signed), so each building draws its own
/// households and the same row always draws the same.
std::uint64_t building_seed(std::uint64_t base_seed, const std::string& building_id);

/// The building of `row` on the assumptions of `base`:
/// - site: name = the row's name, latitude/longitude from the row when given;
/// - apartments: one per household of the mix in the mix's order (archetype, its default
///   yearly kWh), or one per file of the meter folder; shares from the row or equal
///   (1000 / apartments each); the last `rented` apartments are tenants;
/// - PV: one array on the common meter (roof_kwp at azimuth and tilt), or two halves at 90°
///   and 270° for east-west; losses, temperature coefficient and models of the base's first
///   array (when it has one), inverter at the PV model's default ratio;
/// - common parts: the base's archetype, its yearly kWh scaled by apartments / the base's
///   apartments (lift and lighting grow with the building);
/// - tariffs of the row's dso_area (same region and year as the base; the base's sharing
///   agreement and contract kept).
/// Throws InputError at the row's cell (table file, line, column) for an unknown network
/// area or a meter folder that does not hold one file per apartment, and naming the base for
/// what belongs to one building: a key that names apartments (custom percentages, priority
/// groups), an investment quote (quote_eur) or a custom cost split.
scenario::Scenario building_scenario(const scenario::Scenario& base, const BuildingRow& row, const std::string& table_file);

}  // namespace deelstroom::portfolio
