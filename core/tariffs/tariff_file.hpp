#pragma once
// Tariffs as dated, sourced data (docs/tariffs.md): one TOML file per region and year under
// profiles/tariffs/ (<region>_<year>.toml), each value with the source it comes from. A user
// adds next year's file without recompiling: files in the tariff directory are read at run
// time; the files shipped with the program are also embedded, for a binary run elsewhere.
//
// File layout (every number is { value = ..., source = "<id>" }, optionally note = "..."):
//   region, year, default_area
//   [sources.<id>]        title, url, date (publication or consultation), note
//   [vat]                 rate
//   [energy]              price_eur_per_kwh, day_price_eur_per_kwh, night_price_eur_per_kwh,
//                         fixed_eur_per_year, dynamic_adder_eur_per_kwh
//   [injection]           price_eur_per_kwh, dynamic_adder_eur_per_kwh
//   [levies]              energy_contribution_eur_per_kwh, certificates_eur_per_kwh,
//                         excise = [{ from = "YYYY-MM", eur_per_mwh = ..., source = ... }, ...]
//   [network]             fields common to every area (any field of [areas.<id>])
//   [areas.<id>]          name, distribution_eur_per_kwh, public_service_eur_per_kwh,
//                         surcharges_eur_per_kwh, transmission_eur_per_kwh,
//                         capacity_eur_per_kw_per_year, capacity_min_peak_kw,
//                         max_kwh_tariff_eur_per_kwh, data_management_eur_per_year,
//                         sharing_participant_fee_eur_per_year
//   [sharing]             network_charges_on_shared, levies_on_shared,
//                         internal_price_eur_per_kwh (a proposed starting value)
// A region without capacity_eur_per_kw_per_year has no capacity tariff.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/economics/settings.hpp"

namespace deelstroom::tariffs {

/// A document a value comes from.
struct TariffSource {
  std::string id;
  std::string title;
  std::string url;
  std::string date;  ///< publication or consultation date, as written in the file
  std::string note;
};

/// One value of the file as it was used, with its source.
struct SourcedValue {
  std::string field;      ///< e.g. "areas.antwerpen.capacity_eur_per_kw_per_year"
  double value = 0.0;
  std::string source_id;
  std::string note;
};

/// A network area of the file.
struct TariffArea {
  std::string id;
  std::string name;
};

/// A tariff file read for one area: the tariffs and rule fractions, and where each came from.
struct TariffData {
  std::string file;    ///< the file's name as read (directory path or "embedded:<name>")
  std::string region;
  int year = 0;
  std::string area_id;
  std::string area_name;
  std::string default_area;
  std::vector<TariffArea> areas;
  economics::Tariffs tariffs;
  economics::RuleSet rules;
  std::vector<SourcedValue> values;
  std::vector<TariffSource> sources;

  const TariffSource* source(std::string_view id) const;
};

/// Parses a tariff file for `area` (empty = the file's default area). Throws InputError naming
/// the file, line and field for a value without source, an unknown source or field, a
/// value out of its plausible range, or an unknown area (listing the areas).
TariffData parse_tariff_file(std::string_view text, const std::string& file, std::string_view area);

/// $DEELSTROOM_TARIFFS_DIR if set, else profiles/tariffs under the data directory.
std::filesystem::path tariffs_directory();

/// The tariff files present: those in tariffs_directory() and the embedded ones, by name.
std::vector<std::string> tariff_file_names();

/// The tariffs of `region` in `year` for `area` (empty = default area): the file
/// <region>_<year>.toml from the tariff directory, else the embedded copy. A missing year is
/// an InputError naming the files present. Results are cached (thread-safe).
std::shared_ptr<const TariffData> load_tariffs(std::string_view region, int year, std::string_view area);

}  // namespace deelstroom::tariffs
