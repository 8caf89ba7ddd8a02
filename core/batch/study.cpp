#include "core/batch/study.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/common/atomic_file.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/scenario/toml_fields.hpp"

namespace deelstroom::batch {

namespace {

struct CsvCell {
  std::string text;
  int column = 0;  ///< 1-based cell number in the record
};
struct CsvRecord {
  int line = 0;
  std::vector<CsvCell> cells;
};

/// Splits CSV text into records (RFC 4180 quoting; CR LF or LF line ends), skipping blank
/// lines. A quoted cell may span lines; the record keeps the line it starts on.
std::vector<CsvRecord> split_csv(std::string_view text, char separator, const std::string& file) {
  std::vector<CsvRecord> records;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string cell;
    bool quoted = false;
    bool in_quotes = false;
    bool record_done = false;
    while (!record_done) {
      if (i >= text.size()) {
        if (in_quotes) throw InputError({file, record.line, static_cast<int>(record.cells.size()) + 1, ""}, Text{"een cel tussen aanhalingstekens is niet gesloten (\" ontbreekt)", "a quoted cell is not closed (missing \")"});
        record.cells.push_back({cell, static_cast<int>(record.cells.size()) + 1});
        break;
      }
      const char c = text[i++];
      if (in_quotes) {
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            cell += '"';
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          cell += c;
        }
        continue;
      }
      if (c == '"' && cell.empty() && !quoted) {
        in_quotes = quoted = true;
      } else if (c == separator) {
        record.cells.push_back({cell, static_cast<int>(record.cells.size()) + 1});
        cell.clear();
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
        ++line;
        record.cells.push_back({cell, static_cast<int>(record.cells.size()) + 1});
        record_done = true;
      } else {
        cell += c;
      }
    }
    const bool blank = record.cells.size() == 1 && record.cells[0].text.find_first_not_of(" \t") == std::string::npos;
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

/// ',' or ';': the one the header line uses more often outside quotes.
char detect_separator(std::string_view text) {
  int commas = 0, semicolons = 0;
  bool in_quotes = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return std::string(text);
}

/// "12,5" -> "12.5" in a ';' manifest (the Flemish Excel decimal comma).
/// Only a cell of the form [+-]digits,digits is changed. A plain scan, not std::regex: the
/// recursive regex matcher overflows the stack on a long cell.
std::string decimal_point(const std::string& cell) {
  std::size_t i = 0;
  if (i < cell.size() && (cell[i] == '+' || cell[i] == '-')) ++i;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i])) != 0) ++i;
    return i > start;
  };
  if (!digits()) return cell;
  const std::size_t comma = i;
  if (i >= cell.size() || cell[i] != ',') return cell;
  ++i;
  if (!digits() || i != cell.size()) return cell;
  std::string text = cell;
  text[comma] = '.';
  return text;
}

std::optional<double> number_of(const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// Two sources writing the same field: a manifest column that is also swept, or two sweeps
/// of one path (or of paths inside one another, as apartments[*].archetype and
/// apartments[0].archetype). The later would silently win; the analyst must choose.
void check_conflicts(const StudyDefinition& definition) {
  const auto overlap = [](const std::vector<PathStep>& a, const std::string& a_text, const std::vector<PathStep>& b,
                          const std::string& b_text) { return path_covers(a, b_text) || path_covers(b, a_text); };
  for (std::size_t s = 0; s < definition.sweeps.size(); ++s) {
    const Sweep& sweep = definition.sweeps[s];
    const InputLocation where{"", 0, 0, "--sweep " + sweep.path};
    for (std::size_t t = 0; t < s; ++t) {
      if (overlap(sweep.steps, sweep.path, definition.sweeps[t].steps, definition.sweeps[t].path)) {
        throw InputError(where, fill("twee sweeps schrijven hetzelfde veld ('{}' en '{}'); geef elk veld één --sweep",
                                     "two sweeps write the same field ('{}' and '{}'); give each field one --sweep",
                                     {definition.sweeps[t].path, sweep.path}));
      }
    }
    if (!definition.manifest) continue;
    const Manifest& m = *definition.manifest;
    for (std::size_t c = 0; c < m.field_columns.size(); ++c) {
      const std::vector<PathStep> column = parse_field_path(m.field_columns[c], InputLocation{m.file.string(), 1, 0, m.field_columns[c]});
      if (overlap(sweep.steps, sweep.path, column, m.field_columns[c])) {
        throw InputError(where, fill("'{}' is ook de kolom '{}' van het manifest {}; een veld komt uit het manifest of uit een sweep, niet uit beide",
                                     "'{}' is also the manifest column '{}' of {}; a field comes from the manifest or from a sweep, not both",
                                     {sweep.path, m.field_columns[c], m.file.string()}));
      }
    }
  }
}

}  // namespace

Manifest parse_manifest(std::string_view text, const std::filesystem::path& file) {
  Manifest manifest;
  manifest.file = file;
  manifest.separator = detect_separator(text);
  const std::string label = file.string();
  const std::vector<CsvRecord> records = split_csv(text, manifest.separator, label);
  if (records.empty()) throw InputError({label, 1, 0, ""}, Text{"leeg manifest; verwacht een kopregel met veldpaden (bv. case_id,pv.arrays[0].kwp,key.type) en een rij per geval", "empty manifest; expected a header line with field paths (e.g. case_id,pv.arrays[0].kwp,key.type) and one row per case"});
  const CsvRecord& header = records.front();
  int case_id_column = -1, scenario_column = -1;
  std::vector<std::pair<int, std::vector<PathStep>>> field_columns;  // cell index, steps
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string name = trim(header.cells[c].text);
    const InputLocation where{label, header.line, header.cells[c].column, name};
    for (std::size_t before = 0; before < c; ++before) {
      if (!name.empty() && trim(header.cells[before].text) == name) {
        throw InputError(where, fill("kolom '{}' staat er twee keer (ook kolom {}); welke waarde moet een geval krijgen? Houd er één",
                                     "column '{}' appears twice (also column {}); which value should a case take? Keep one",
                                     {name, std::to_string(header.cells[before].column)}));
      }
    }
    if (name == "case_id") {
      case_id_column = static_cast<int>(c);
    } else if (name == "scenario") {
      scenario_column = static_cast<int>(c);
    } else {
      if (name.empty()) throw InputError(where, Text{"lege kolomnaam; verwacht een veldpad zoals pv.arrays[0].kwp", "empty column name; expected a field path such as pv.arrays[0].kwp"});
      field_columns.emplace_back(static_cast<int>(c), parse_field_path(name, where));
      manifest.field_columns.push_back(name);
    }
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.cells.size() != header.cells.size()) {
      throw InputError({label, record.line, static_cast<int>(std::min(record.cells.size(), header.cells.size())) + 1, ""},
                       fill("deze rij heeft {} cellen, de kopregel {} (scheidingsteken '{}')", "this row has {} cells, the header has {} (separator '{}')",
                            {std::to_string(record.cells.size()), std::to_string(header.cells.size()), std::string(1, manifest.separator)}));
    }
    ManifestRow row;
    row.line = record.line;
    if (case_id_column >= 0) {
      const CsvCell& cell = record.cells[static_cast<std::size_t>(case_id_column)];
      row.case_id = trim(cell.text);
      for (const ManifestRow& earlier : manifest.rows) {
        if (!row.case_id.empty() && earlier.case_id == row.case_id) {
          throw InputError({label, record.line, cell.column, "case_id"},
                           fill("case_id \"{}\" is al gebruikt op regel {}; elk geval heeft een eigen id nodig (of laat de cel leeg)",
                                "case_id \"{}\" is already used on line {}; every case needs its own id (or leave the cell empty)",
                                {row.case_id, std::to_string(earlier.line)}));
        }
      }
    }
    if (scenario_column >= 0) row.scenario_file = trim(record.cells[static_cast<std::size_t>(scenario_column)].text);
    for (std::size_t f = 0; f < field_columns.size(); ++f) {
      const CsvCell& cell = record.cells[static_cast<std::size_t>(field_columns[f].first)];
      std::string value = trim(cell.text);
      if (manifest.separator == ';') value = decimal_point(value);
      row.cells.push_back(value);
      if (value.empty()) continue;  // an empty cell keeps the scenario's value
      row.overrides.push_back({manifest.field_columns[f], field_columns[f].second, value,
                               InputLocation{label, record.line, cell.column, manifest.field_columns[f]}});
    }
    manifest.rows.push_back(std::move(row));
  }
  if (manifest.rows.empty()) throw InputError({label, header.line + 1, 0, ""}, Text{"het manifest heeft een kopregel maar geen rijen (een rij per geval)", "the manifest has a header but no rows (one row per case)"});
  return manifest;
}

Manifest read_manifest(const std::filesystem::path& file) { return parse_manifest(read_text_file(file), file); }

Sweep parse_sweep(std::string_view spec) {
  const auto fail = [&](const Text& why) {
    throw InputError({"", 0, 0, "--sweep " + std::string(spec)},
                     why + Text{"; verwacht pad=van:tot:stap (bv. pv.arrays[0].kwp=10:60:10) of pad=w1,w2,...",
                                "; expected path=from:to:step (e.g. pv.arrays[0].kwp=10:60:10) or path=v1,v2,..."});
  };
  const std::size_t equals = spec.find('=');
  if (equals == std::string_view::npos) fail(Text{"geen '='", "no '='"});
  Sweep sweep;
  sweep.path = trim(spec.substr(0, equals));
  sweep.steps = parse_field_path(sweep.path, InputLocation{"", 0, 0, "--sweep"});
  const std::string values = trim(spec.substr(equals + 1));
  if (values.empty()) fail(Text{"geen waarden", "no values"});
  const bool looks_like_range = values.find(':') != std::string::npos && values.find(',') == std::string::npos &&
                                values.front() != '"' && values.front() != '[';
  if (looks_like_range) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t colon = values.find(':'); ; colon = values.find(':', start)) {
      parts.push_back(trim(values.substr(start, colon == std::string::npos ? std::string::npos : colon - start)));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    if (parts.size() != 3) fail(Text{"een bereik heeft drie getallen van:tot:stap", "a range has three numbers from:to:step"});
    const auto from = number_of(parts[0]), to = number_of(parts[1]), step = number_of(parts[2]);
    if (!from || !to || !step) fail(Text{"van, tot en stap moeten getallen zijn", "from, to and step must be numbers"});
    if (!std::isfinite(*from) || !std::isfinite(*to) || !std::isfinite(*step)) {
      fail(fill("van, tot en stap moeten eindige getallen zijn (gevonden '{}:{}:{}')", "from, to and step must be finite numbers (found '{}:{}:{}')",
                {parts[0], parts[1], parts[2]}));
    }
    if (*step <= 0.0 || *to < *from) fail(Text{"verwacht van <= tot en een stap boven 0", "expected from <= to and a step above 0"});
    // Inclusive of `to` up to rounding (10:60:10 gives 10, 20, ..., 60).
    const double count = std::floor((*to - *from) / *step + 1e-9) + 1.0;
    if (count > 1e6) fail(Text{"meer dan 1.000.000 waarden", "more than 1,000,000 values"});
    const bool whole = *from == std::floor(*from) && *step == std::floor(*step);
    for (long long k = 0; k < static_cast<long long>(count); ++k) {
      const double value = *from + static_cast<double>(k) * *step;
      sweep.values.push_back(whole ? std::to_string(static_cast<long long>(value)) : number_text(value));
    }
    return sweep;
  }
  std::size_t start = 0;
  while (start <= values.size()) {
    const std::size_t comma = values.find(',', start);
    const std::string value = trim(values.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (value.empty()) fail(Text{"een lege waarde", "an empty value"});
    sweep.values.push_back(value);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return sweep;
}

std::uint64_t draw_seed(std::uint64_t base_seed, int draw) {
  return splitmix64(base_seed ^ splitmix64(static_cast<std::uint64_t>(draw) + 1)) >> 1;
}

Study::Study(StudyDefinition definition) : definition_(std::move(definition)) {
  const std::string label = definition_.base_scenario.string();
  base_document_ = scenario::parse_toml(read_text_file(definition_.base_scenario), label);
  scenario::parse_scenario_document(base_document_, definition_.base_scenario);  // its own errors, its own lines
  check_conflicts(definition_);
  case_count_ = definition_.manifest ? definition_.manifest->rows.size() : 1;
  const auto multiply = [&](std::size_t factor, const std::string& field) {
    if (__builtin_mul_overflow(case_count_, factor, &case_count_) || case_count_ > kMaxCases) {
      throw InputError({"", 0, 0, field}, fill("de studie heeft meer dan {} gevallen (rijen van het manifest x waarden van de sweeps x trekkingen); splits ze in kleinere studies",
                                               "the study has more than {} cases (manifest rows x sweep values x draws); split it into smaller studies",
                                               {std::to_string(kMaxCases)}));
    }
  };
  for (const Sweep& sweep : definition_.sweeps) multiply(sweep.values.size(), "--sweep " + sweep.path);
  if (definition_.draws > 0) multiply(static_cast<std::size_t>(definition_.draws), "--draws");
}

CaseCoordinates Study::coordinates(std::size_t index) const {
  CaseCoordinates at;
  std::size_t rest = index;
  if (definition_.draws > 0) {
    at.draw = static_cast<int>(rest % static_cast<std::size_t>(definition_.draws));
    rest /= static_cast<std::size_t>(definition_.draws);
  }
  at.sweep_values.resize(definition_.sweeps.size());
  for (std::size_t s = definition_.sweeps.size(); s-- > 0;) {
    at.sweep_values[s] = rest % definition_.sweeps[s].values.size();
    rest /= definition_.sweeps[s].values.size();
  }
  at.row = rest;
  return at;
}

int Study::manifest_line(const CaseCoordinates& at) const {
  return definition_.manifest ? definition_.manifest->rows[at.row].line : 0;
}

std::string Study::case_id(const CaseCoordinates& at) const {
  return definition_.manifest ? definition_.manifest->rows[at.row].case_id : std::string();
}

toml::table Study::document_for(const ManifestRow* row, std::filesystem::path& file) const {
  if (row == nullptr || row->scenario_file.empty()) {
    file = definition_.base_scenario;
    return base_document_;
  }
  // Relative to the manifest, like paths inside a scenario are relative to the scenario.
  file = definition_.manifest->file.parent_path() / row->scenario_file;
  if (!std::filesystem::exists(file)) {
    throw InputError({definition_.manifest->file.string(), row->line, 0, "scenario"},
                     fill("scenariobestand \"{}\" bestaat niet", "scenario file \"{}\" does not exist", {file.string()}));
  }
  return scenario::parse_toml(read_text_file(file), file.string());
}

CaseScenario Study::build(std::size_t index) const {
  const CaseCoordinates at = coordinates(index);
  const ManifestRow* row = definition_.manifest ? &definition_.manifest->rows[at.row] : nullptr;
  std::filesystem::path file;
  toml::table document = document_for(row, file);
  std::vector<const FieldOverride*> applied;
  if (row != nullptr) {
    for (const FieldOverride& field : row->overrides) {
      apply_override(document, field);
      applied.push_back(&field);
    }
  }
  std::vector<FieldOverride> sweep_fields;
  sweep_fields.reserve(definition_.sweeps.size());
  for (std::size_t s = 0; s < definition_.sweeps.size(); ++s) {
    const Sweep& sweep = definition_.sweeps[s];
    sweep_fields.push_back({sweep.path, sweep.steps, sweep.values[at.sweep_values[s]],
                            InputLocation{"", 0, 0, "--sweep " + sweep.path}});
    apply_override(document, sweep_fields.back());
  }
  for (const FieldOverride& field : sweep_fields) applied.push_back(&field);

  CaseScenario result;
  if (at.draw >= 0) {
    std::uint64_t base_seed = 1;
    if (const auto* seed = document.get("seed"); seed != nullptr && seed->is_integer()) {
      base_seed = static_cast<std::uint64_t>(seed->as_integer()->get());
    }
    document.insert_or_assign("seed", static_cast<std::int64_t>(draw_seed(base_seed, at.draw)));
  }
  try {
    result.scenario = scenario::parse_scenario_document(document, file);
  } catch (const InputError& error) {
    // The last override that wrote the field the reader complains about is to blame.
    for (auto it = applied.rbegin(); it != applied.rend(); ++it) {
      if (path_covers((*it)->steps, error.where().field)) {
        InputLocation where = (*it)->where;
        where.field = error.where().field;
        throw InputError(where, error.text() + fill(" (waarde \"{}\")", " (value \"{}\")", {(*it)->value}));
      }
    }
    if (row != nullptr && error.where().line == 0) {
      InputLocation where{definition_.manifest->file.string(), row->line, 0, error.where().field};
      throw InputError(where, error.text() + fill(" (in {} met de waarden van deze rij)", " (in {} with this row's values)", {file.string()}));
    }
    throw;
  }
  result.seed = result.scenario.seed;
  return result;
}

}  // namespace deelstroom::batch
