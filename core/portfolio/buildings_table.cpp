#include "core/portfolio/buildings_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/load/archetype.hpp"
#include "core/load/csv_fields.hpp"

namespace deelstroom::portfolio {

namespace {

/// Most apartments one row may describe (a typo like 1000 fails here, not in the simulation).
constexpr int kMaxApartments = 500;

enum class Column { id, name, apartments, shares, households, meters, rented, roof_kwp, azimuth_deg, tilt_deg, dso_area, latitude, longitude };

const std::map<std::string, Column>& column_names() {
  static const std::map<std::string, Column> names = {
      {"id", Column::id},
      {"name", Column::name},
      {"address", Column::name},
      {"apartments", Column::apartments},
      {"shares", Column::shares},
      {"households", Column::households},
      {"meters", Column::meters},
      {"rented", Column::rented},
      {"roof_kwp", Column::roof_kwp},
      {"azimuth_deg", Column::azimuth_deg},
      {"tilt_deg", Column::tilt_deg},
      {"dso_area", Column::dso_area},
      {"latitude", Column::latitude},
      {"longitude", Column::longitude},
  };
  return names;
}

std::string expected_columns() {
  return "id, name (or address), apartments, shares, households, meters, rented, roof_kwp, azimuth_deg, tilt_deg, "
         "dso_area, latitude, longitude";
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::optional<int> parse_integer(std::string_view text) {
  text = trimmed(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// Splits on any of `separators`, trimming each part.
std::vector<std::string> split_any(std::string_view text, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of(separators, start);
    parts.emplace_back(trimmed(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.front() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

/// Reads the cells of one data line into a row; `cell` finds a column's field.
class RowReader {
 public:
  RowReader(const std::string& file, int line, bool decimal_comma) : file_(file), line_(line), decimal_comma_(decimal_comma) {}

  [[noreturn]] void fail(const load::CsvField& field, const std::string& name, const Text& message) const {
    throw InputError({file_, line_, field.column, name}, message);
  }

  double number(const load::CsvField& field, const std::string& name, double low, double high) const {
    const auto value = load::parse_decimal(field.text, decimal_comma_);
    if (!value || !std::isfinite(*value)) {
      fail(field, name, decimal_comma_ ? fill("verwacht een getal (decimale komma of punt), niet '{}'", "expected a number (decimal comma or point), not '{}'", {field.text})
                                       : fill("verwacht een getal, niet '{}'", "expected a number, not '{}'", {field.text}));
    }
    if (*value < low || *value > high) {
      fail(field, name, fill("verwacht een waarde van {} tot {}, niet {}", "expected a value from {} to {}, not {}", {compact(low), compact(high), field.text}));
    }
    return *value;
  }

  int integer(const load::CsvField& field, const std::string& name, int low, int high) const {
    const auto value = parse_integer(field.text);
    if (!value) fail(field, name, fill("verwacht een geheel getal, niet '{}'", "expected a whole number, not '{}'", {field.text}));
    if (*value < low || *value > high) {
      fail(field, name, fill("verwacht een geheel getal van {} tot {}, niet {}", "expected a whole number from {} to {}, not {}",
                             {std::to_string(low), std::to_string(high), field.text}));
    }
    return *value;
  }

  int line() const { return line_; }
  const std::string& file() const { return file_; }
  bool decimal_comma() const { return decimal_comma_; }

 private:
  static std::string compact(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
  }
  const std::string& file_;
  int line_;
  bool decimal_comma_;
};

std::vector<double> parse_shares(const RowReader& reader, const load::CsvField& field, int apartment_count) {
  std::vector<double> shares;
  for (const std::string& part : split_any(field.text, "|")) {
    const auto value = load::parse_decimal(part, reader.decimal_comma());
    if (!value || !std::isfinite(*value) || *value <= 0.0) {
      reader.fail(field, "shares", fill("verwacht positieve aandelen gescheiden door '|' (bv. 95|85|110), niet '{}'",
                                        "expected positive shares separated by '|' (e.g. 95|85|110), not '{}'", {part}));
    }
    shares.push_back(*value);
  }
  if (static_cast<int>(shares.size()) != apartment_count) {
    reader.fail(field, "shares", fill("verwacht één aandeel per appartement ({}), gevonden {}", "expected one share per apartment ({}), found {}",
                                      {std::to_string(apartment_count), std::to_string(shares.size())}));
  }
  return shares;
}

void read_orientation(const RowReader& reader, const load::CsvField& field, BuildingRow& row) {
  std::string lower = load::normalise_header(field.text);
  std::replace(lower.begin(), lower.end(), '_', '-');
  if (lower == "east-west" || lower == "oost-west") {
    row.east_west = true;
    return;
  }
  const auto value = load::parse_decimal(field.text, reader.decimal_comma());
  if (!value || !std::isfinite(*value) || *value < 0.0 || *value > 360.0) {
    reader.fail(field, "azimuth_deg", fill("verwacht graden met de klok mee vanaf het noorden (0..360, 180 = zuid) of oost-west, niet '{}'",
                                           "expected degrees clockwise from north (0..360, 180 = south) or east-west, not '{}'", {field.text}));
  }
  row.azimuth_deg = *value;
}

/// The columns of the header, in order; refuses unknown and repeated names.
std::vector<Column> read_header(const std::vector<load::CsvField>& fields, const std::string& file, int line) {
  std::vector<Column> columns;
  std::set<Column> seen;
  for (const load::CsvField& field : fields) {
    const std::string name = load::normalise_header(field.text);
    const auto found = column_names().find(name);
    if (found == column_names().end()) {
      throw InputError({file, line, field.column, field.text}, fill("onbekende kolom '{}'; verwacht {}", "unknown column '{}'; expected {}", {field.text, expected_columns()}));
    }
    if (!seen.insert(found->second).second) {
      throw InputError({file, line, field.column, field.text}, fill("kolom '{}' staat er twee keer", "column '{}' appears twice", {field.text}));
    }
    columns.push_back(found->second);
  }
  for (const auto& [name, column] : {std::pair{"id", Column::id}, std::pair{"apartments", Column::apartments},
                                     std::pair{"roof_kwp", Column::roof_kwp}, std::pair{"dso_area", Column::dso_area}}) {
    if (seen.count(column) == 0) throw InputError({file, line, 0, name}, fill("de kopregel heeft geen kolom '{}'", "the header has no column '{}'", {name}));
  }
  if (seen.count(Column::households) == 0 && seen.count(Column::meters) == 0) {
    throw InputError({file, line, 0, "households"}, Text{"de kopregel heeft een kolom 'households' (de mix van huishoudens) of 'meters' nodig",
                                                         "the header needs a column 'households' (the household mix) or 'meters'"});
  }
  return columns;
}

BuildingRow read_row(const RowReader& reader, const std::vector<Column>& columns, const std::vector<load::CsvField>& fields,
                     const std::filesystem::path& base_directory) {
  if (fields.size() != columns.size()) {
    const load::CsvField& last = fields.back();
    throw InputError({reader.file(), reader.line(), last.column, ""},
                     fill("verwacht {} cellen zoals in de kopregel, gevonden {} (een '{}' in een cel moet tussen aanhalingstekens)",
                          "expected {} cells as in the header, found {} (a '{}' inside a cell needs quotes)",
                          {std::to_string(columns.size()), std::to_string(fields.size()), reader.decimal_comma() ? ";" : ","}));
  }
  std::map<Column, const load::CsvField*> cell;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!fields[c].text.empty()) cell[columns[c]] = &fields[c];
  }
  auto required = [&](Column column, const char* name) -> const load::CsvField& {
    const auto found = cell.find(column);
    if (found == cell.end()) {
      const std::size_t at = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
      throw InputError({reader.file(), reader.line(), fields[at].column, name}, fill("de cel '{}' is leeg", "the cell '{}' is empty", {name}));
    }
    return *found->second;
  };
  BuildingRow row;
  row.line = reader.line();
  const load::CsvField& id = required(Column::id, "id");
  if (!valid_id(id.text)) {
    reader.fail(id, "id", fill("verwacht letters, cijfers, '-', '_' of '.' (de id geeft de bestanden van het gebouw hun naam), niet '{}'",
                               "expected letters, digits, '-', '_' or '.' (the id names the building's files), not '{}'", {id.text}));
  }
  row.id = id.text;
  row.name = cell.count(Column::name) != 0 ? cell[Column::name]->text : row.id;
  row.apartment_count = reader.integer(required(Column::apartments, "apartments"), "apartments", 1, kMaxApartments);
  if (cell.count(Column::shares) != 0) row.shares_per_mille = parse_shares(reader, *cell[Column::shares], row.apartment_count);
  const bool has_mix = cell.count(Column::households) != 0;
  const bool has_meters = cell.count(Column::meters) != 0;
  if (has_mix == has_meters) {
    const load::CsvField& at = has_mix ? *cell[Column::meters] : fields.front();
    reader.fail(at, "households", has_mix ? Text{"geef de mix van huishoudens of een map met meters, niet beide",
                                                 "give the household mix or a meter folder, not both"}
                                          : Text{"geef de mix van huishoudens (bv. couple_working:4+single_retired:2) of een map met meters",
                                                 "give the household mix (e.g. couple_working:4+single_retired:2) or a meter folder"});
  }
  if (has_mix) {
    const load::CsvField& mix = *cell[Column::households];
    row.households = parse_household_mix(mix.text, reader.file(), reader.line(), mix.column);
    int total = 0;
    for (const HouseholdCount& household : row.households) total += household.count;
    if (total != row.apartment_count) {
      reader.fail(mix, "households", fill("de huishoudens tellen op tot {}, verwacht {} (de appartementen)",
                                          "the household counts add up to {}, expected {} (the apartments)",
                                          {std::to_string(total), std::to_string(row.apartment_count)}));
    }
  } else {
    const load::CsvField& meters = *cell[Column::meters];
    row.meter_folder = base_directory / meters.text;
    row.meters_column = meters.column;
  }
  if (cell.count(Column::rented) != 0) {
    row.rented_count = reader.integer(*cell[Column::rented], "rented", 0, row.apartment_count);
  }
  row.roof_kwp = reader.number(required(Column::roof_kwp, "roof_kwp"), "roof_kwp", 0.1, 10000.0);
  if (cell.count(Column::azimuth_deg) != 0) read_orientation(reader, *cell[Column::azimuth_deg], row);
  if (cell.count(Column::tilt_deg) != 0) row.tilt_deg = reader.number(*cell[Column::tilt_deg], "tilt_deg", 0.0, 90.0);
  const load::CsvField& area = required(Column::dso_area, "dso_area");
  row.dso_area = load::normalise_header(area.text);
  row.dso_area_column = area.column;
  if (cell.count(Column::latitude) != 0) row.latitude_deg = reader.number(*cell[Column::latitude], "latitude", -90.0, 90.0);
  if (cell.count(Column::longitude) != 0) row.longitude_deg = reader.number(*cell[Column::longitude], "longitude", -180.0, 180.0);
  return row;
}

}  // namespace

std::vector<HouseholdCount> parse_household_mix(std::string_view text, const std::string& file, int line, int column) {
  const std::vector<std::string> known = load::archetype_names();
  std::vector<HouseholdCount> mix;
  for (const std::string& part : split_any(text, "+|")) {
    const std::size_t colon = part.find(':');
    const std::string archetype(trimmed(std::string_view(part).substr(0, colon)));
    const auto count = colon == std::string::npos ? std::optional<int>(1) : parse_integer(std::string_view(part).substr(colon + 1));
    if (archetype.empty() || !count) {
      throw InputError({file, line, column, "households"},
                       fill("verwacht type:aantal gescheiden door '+' (bv. couple_working:4+single_retired:2), niet '{}'",
                            "expected archetype:count separated by '+' (e.g. couple_working:4+single_retired:2), not '{}'", {part}));
    }
    if (std::find(known.begin(), known.end(), archetype) == known.end()) {
      std::string list;
      for (const std::string& name : known) list += (list.empty() ? "" : ", ") + name;
      throw InputError({file, line, column, "households"}, fill("onbekend type huishouden '{}'; verwacht een van {}",
                                                                "unknown household archetype '{}'; expected one of {}", {archetype, list}));
    }
    if (*count < 1) {
      throw InputError({file, line, column, "households"}, fill("het aantal van '{}' moet 1 of meer zijn", "the count of '{}' must be 1 or more", {archetype}));
    }
    mix.push_back({archetype, *count});
  }
  return mix;
}

BuildingsTable parse_buildings_table(std::string_view text, const std::string& file, const std::filesystem::path& base_directory) {
  BuildingsTable table;
  table.file = file;
  std::vector<Column> columns;
  std::map<std::string, int> id_lines;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line_number == 1) line = load::strip_bom(line);
    if (trimmed(line).empty() || trimmed(line).front() == '#') continue;
    if (columns.empty()) {
      table.separator = load::detect_separator(line);
      columns = read_header(load::split_csv_line(line, table.separator), file, line_number);
      continue;
    }
    const RowReader reader(file, line_number, table.separator == ';');
    const std::vector<load::CsvField> fields = load::split_csv_line(line, table.separator);
    BuildingRow row = read_row(reader, columns, fields, base_directory);
    if (const auto [at, fresh] = id_lines.emplace(row.id, line_number); !fresh) {
      const auto id_at = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), Column::id) - columns.begin());
      throw InputError({file, line_number, fields[id_at].column, "id"},
                       fill("gebouw-id '{}' is al gebruikt op regel {}", "building id '{}' already used on line {}", {row.id, std::to_string(at->second)}));
    }
    table.rows.push_back(std::move(row));
  }
  if (columns.empty()) {
    throw InputError({file, 0, 0, ""}, fill("de tabel is leeg: verwacht een kopregel ({})", "the table is empty: expected a header line ({})", {expected_columns()}));
  }
  if (table.rows.empty()) throw InputError({file, line_number, 0, ""}, Text{"de tabel heeft een kopregel maar geen gebouwen", "the table has a header but no buildings"});
  return table;
}

BuildingsTable read_buildings_table(const std::filesystem::path& file) {
  return parse_buildings_table(read_text_file(file), file.string(), file.parent_path());
}

}  // namespace deelstroom::portfolio
