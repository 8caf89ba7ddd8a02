#pragma once
// The economic sections of a scenario file: [tariffs], [investment] and [economics]
// (docs/economics.md). Every field is optional. The tariffs start from the tariff file of the
// region ([rules] set) and year (profiles/tariffs/<region>_<year>.toml, docs/tariffs.md); a
// field given here overrides the file's value. Unknown fields are errors.
//
// [tariffs]                     year (the tariff file's year, default 2026), dso_area (a
//                               network area of that file; default: the file's default
//                               area, with a warning), vat_rate
// [tariffs.energy]              contract = "single" | "day_night" | "dynamic",
//                               price_eur_per_kwh (single), day_price_eur_per_kwh,
//                               night_price_eur_per_kwh, night_start_hour, night_end_hour
//                               (local meter time, night wraps over midnight),
//                               weekend_is_night, holidays_are_night, fixed_eur_per_year,
//                               dynamic: day_ahead_file (CSV, €/MWh per quarter-hour or hour),
//                               factor, adder_eur_per_kwh (price = factor x day-ahead + adder)
// [tariffs.network]             distribution_eur_per_kwh, public_service_eur_per_kwh,
//                               surcharges_eur_per_kwh, transmission_eur_per_kwh,
//                               capacity_eur_per_kw_per_year, capacity_min_peak_kw,
//                               max_kwh_tariff_eur_per_kwh, data_management_eur_per_year,
//                               sharing_participant_fee_eur_per_year
// [tariffs.levies]              certificates_eur_per_kwh; energy_contribution_eur_per_kwh and
//                               excise_eur_per_kwh (a flat value replaces the published path)
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

/// The settings a scenario starts from: the tariffs and rule fractions of the tariff file of
/// `region` in `year` for `dso_area` (empty = the file's default), the other sections at their
/// defaults. Throws InputError when there is no such file or area.
economics::EconomicsSettings default_economics_settings(const std::string& region, int year, const std::string& dso_area);

/// Reads [tariffs], [investment] and [economics] from the scenario's root table (each
/// optional) on top of default_economics_settings(region, year, dso_area). Throws InputError
/// with file, line, column and field path; adds a warning when no dso_area was given.
economics::EconomicsSettings read_economics_settings(TableReader& root, const std::string& region,
                                                     std::vector<Text>& warnings);

/// Writes the three sections into a root table: [tariffs] with its year, area and the fields
/// that differ from the tariff file; [investment] and [economics] in full. Reading what was
/// written gives the same settings (the day-ahead series itself is not written: only its
/// file name).
void write_economics_settings(toml::table& root, const economics::EconomicsSettings& settings);

/// Parses a day-ahead price file: one price in €/MWh per line (the last field of a line
/// separated by ',' or ';'; a first line that is not a number is a header). The first line
/// decides the separator: ';' when it has one, and then a decimal comma is read ("80,00");
/// in a ',' file "80,00" is ambiguous and an error. Lines starting with an ISO 8601 time
/// stamp must be in increasing time order. It must hold one
/// price per quarter-hour of the year (`interval_count`) or one per hour (interval_count / 4,
/// each repeated for the hour's four quarter-hours), in UTC order from 1 January 00:00 UTC.
/// Bad lines and counts are InputErrors naming the file and line.
std::vector<double> parse_day_ahead_prices(std::string_view text, const std::string& file, int interval_count);

}  // namespace deelstroom::scenario
