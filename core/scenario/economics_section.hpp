#pragma once
// The economic sections of a scenario file: [tariffs], [investment] and [economics]
// (economics.md). Every field is optional; an absent field keeps its documented default
// (core/economics/settings.hpp). Unknown fields are errors.
//
// [tariffs]                     year (the year the prices hold for), vat_rate
// [tariffs.energy]              contract = "single" | "day_night" | "dynamic",
//                               price_eur_per_kwh (single), day_price_eur_per_kwh,
//                               night_price_eur_per_kwh, night_start_hour, night_end_hour
//                               (local meter time, night wraps over midnight),
//                               weekend_is_night, holidays_are_night, fixed_eur_per_year,
//                               dynamic: day_ahead_file (CSV, €/MWh per quarter-hour or hour),
//                               factor, adder_eur_per_kwh (price = factor x day-ahead + adder)
// [tariffs.network]             distribution_eur_per_kwh, transmission_eur_per_kwh,
//                               capacity_eur_per_kw_per_year, capacity_min_peak_kw,
//                               data_management_eur_per_year
// [tariffs.levies]              energy_contribution_eur_per_kwh, excise_eur_per_kwh
// [tariffs.injection]           price_eur_per_kwh (may be negative), dynamic (true: use the
//                               formula on the day-ahead price), factor, adder_eur_per_kwh
// [tariffs.sharing]             internal_price_eur_per_kwh, vat_on_internal_price
// [investment]                  eur_per_kwp, quote_eur (replaces eur_per_kwp x kWp), extra_eur,
//                               subsidy_eur, vat_rate, om_eur_per_kwp_per_year,
//                               insurance_eur_per_year, administration_eur_per_year,
//                               administration_eur_per_participant_per_year,
//                               inverter_lifetime_years (0 = never), inverter_replacement_eur_per_kwp
// [investment.loan]             fraction (of the investment), rate, years
// [economics]                   horizon_years, discount_rate,
//                               cost_split = "shares" | "participants" | "custom",
//                               year_evaluation = "interpolated" | "exact"
// [economics.escalation]        energy, network, levies, injection, internal_price, costs
//                               (yearly rates; year 1 pays the tariffs as set)
//
// Degradation is not read here: the scenario takes it from [pv] degradation_pct_per_year
// (one figure for the PV model and the horizon).
// Amounts are euro excl. VAT except the yearly association costs (as paid). Rates are
// fractions (0.06 = 6 %). The regional rule set is chosen by the scenario's [rules] section.
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/economics/settings.hpp"
#include "core/scenario/toml_fields.hpp"

namespace deelstroom::scenario {

/// Reads [tariffs], [investment] and [economics] from the scenario's root table (each
/// optional; defaults otherwise). Throws InputError with file, line, column and field path.
economics::EconomicsSettings read_economics_settings(TableReader& root);

/// Writes the three sections into a root table (all fields, so a saved file documents the
/// values used). Reading what was written gives the same settings (the day-ahead series
/// itself is not written: only its file name).
void write_economics_settings(toml::table& root, const economics::EconomicsSettings& settings);

/// Parses a day-ahead price file: one price in €/MWh per line (the last field of a line
/// separated by ',' or ';'; a first line that is not a number is a header). It must hold one
/// price per quarter-hour of the year (`interval_count`) or one per hour (interval_count / 4,
/// each repeated for the hour's four quarter-hours), in UTC order from 1 January 00:00 UTC.
/// Bad lines and counts are InputErrors naming the file and line.
std::vector<double> parse_day_ahead_prices(std::string_view text, const std::string& file, int interval_count);

}  // namespace deelstroom::scenario
