#pragma once
// The buildings table of a portfolio study (issue 15, "A portfolio"): one row per apartment
// building, read from a CSV file as a spreadsheet writes it — ',' with a decimal point, or
// ';' with a decimal comma (a Flemish Excel). Every bad cell becomes one InputError naming
// the file, the line, the column and the field, and what was expected.
//
// Columns (header names, case-insensitive; scenarios/portfolio/README.md documents them):
//   id          required; letters, digits, '-', '_' and '.' (it names the building's files)
//   name        the building's name or address (or a column "address"); default: the id
//   apartments  required; number of apartments, 1..500
//   shares      optional; one value per apartment in 1/1000ths, separated by '|'
//               (e.g. "95|85|110"); empty: equal shares
//   households  the household mix, "archetype:count" separated by '+' or '|'
//               (e.g. "couple_working:4+single_retired:2"; counts add up to apartments)
//   meters      instead of households: a folder of measured series, one file per apartment
//               (sorted by name; the file name without extension is the apartment's id)
//   rented      optional; how many apartments are rented out (the last ones), default 0
//   roof_kwp    required; PV power on the roof, kWp (> 0)
//   azimuth_deg optional; degrees clockwise from north (180 = south, the default), or
//               "east-west" / "oost-west" (half the power facing 90°, half 270°)
//   tilt_deg    optional; 0..90, default 35
//   dso_area    required; the Fluvius network area (deelstroom tariffs lists them)
//   latitude, longitude  optional; default: the base scenario's site
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::portfolio {

/// "couple_working:4": this many apartments of this household archetype.
struct HouseholdCount {
  std::string archetype;
  int count = 0;
};

/// One building of the table, as written (validated, not yet a scenario).
struct BuildingRow {
  int line = 0;                           ///< 1-based line in the table, for errors
  std::string id;
  std::string name;
  int apartment_count = 0;
  std::vector<double> shares_per_mille;   ///< empty: equal shares
  std::vector<HouseholdCount> households; ///< empty when meter_folder is set
  std::filesystem::path meter_folder;     ///< resolved against the table's folder
  int rented_count = 0;
  double roof_kwp = 0.0;
  bool east_west = false;                 ///< half the power at 90°, half at 270°
  double azimuth_deg = 180.0;             ///< when not east_west
  double tilt_deg = 35.0;
  std::string dso_area;
  int dso_area_column = 0;                ///< 1-based column of the dso_area cell (errors found later)
  int meters_column = 0;                  ///< 1-based column of the meters cell
  std::optional<double> latitude_deg;
  std::optional<double> longitude_deg;
};

struct BuildingsTable {
  std::string file;                       ///< as the user gave it (for errors)
  char separator = ',';
  std::vector<BuildingRow> rows;          ///< in table order
};

/// Parses the table's text. `file` names it in errors; relative meter folders are resolved
/// against `base_directory`. Empty lines and lines starting with '#' are skipped. Throws
/// InputError at the first bad header or cell, with file, line, column and field.
BuildingsTable parse_buildings_table(std::string_view text, const std::string& file,
                                     const std::filesystem::path& base_directory);

/// Reads and parses a buildings table file (relative meter folders: against its folder).
BuildingsTable read_buildings_table(const std::filesystem::path& file);

/// Splits "couple_working:4+single_retired:2" (separators '+' or '|'; spaces allowed).
/// Throws InputError at `where` for a malformed part, an unknown archetype or a count < 1.
std::vector<HouseholdCount> parse_household_mix(std::string_view text, const std::string& file, int line, int column);

}  // namespace deelstroom::portfolio
