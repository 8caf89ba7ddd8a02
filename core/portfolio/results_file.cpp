#include "core/portfolio/results_file.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/load/csv_fields.hpp"
#include "core/report/csv_writer.hpp"
#include "core/report/html_cells.hpp"

namespace deelstroom::portfolio {

namespace {

const std::vector<std::string>& column_names() {
  static const std::vector<std::string> names = {
      "index", "id", "name", "dso_area", "ok", "error", "apartments", "pv_kwp", "production_kwh", "shared_kwh",
      "sharing_rate", "self_sufficiency", "investment_eur", "association_npv_eur", "association_payback_years",
      "association_npv_without_sharing_eur", "apartments_npv_eur", "apartments_losing", "horizon_years"};
  return names;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

class FieldReader {
 public:
  FieldReader(const std::vector<load::CsvField>& fields, const std::string& file, int line)
      : fields_(fields), file_(file), line_(line) {}

  const std::string& text(std::size_t c) const { return fields_[c].text; }
  double number(std::size_t c) const {
    double value = 0.0;
    const std::string& cell = fields_[c].text;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (cell.empty() || error != std::errc() || end != cell.data() + cell.size()) fail(c, Text{"verwacht een getal", "expected a number"});
    return value;
  }
  long long integer(std::size_t c) const {
    long long value = 0;
    const std::string& cell = fields_[c].text;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (cell.empty() || error != std::errc() || end != cell.data() + cell.size()) fail(c, Text{"verwacht een geheel getal", "expected a whole number"});
    return value;
  }
  [[noreturn]] void fail(std::size_t c, const Text& message) const {
    throw InputError({file_, line_, fields_[c].column, column_names()[c]},
                     message + fill(", niet '{}'", ", not '{}'", {fields_[c].text}));
  }

 private:
  const std::vector<load::CsvField>& fields_;
  const std::string& file_;
  int line_;
};

BuildingResult read_result(const FieldReader& f) {
  BuildingResult r;
  r.index = static_cast<std::size_t>(f.integer(0));
  r.id = f.text(1);
  r.name = f.text(2);
  r.dso_area = f.text(3);
  r.ok = f.integer(4) != 0;
  r.error = f.text(5);
  r.apartment_count = static_cast<int>(f.integer(6));
  r.pv_kwp = f.number(7);
  r.production_kwh = f.number(8);
  r.shared_kwh = f.number(9);
  r.sharing_rate = f.number(10);
  r.self_sufficiency = f.number(11);
  r.investment_eur = f.number(12);
  r.association_npv_eur = f.number(13);
  if (!f.text(14).empty()) r.association_payback_years = f.number(14);
  r.association_npv_without_sharing_eur = f.number(15);
  r.apartments_npv_eur = f.number(16);
  r.apartments_losing = static_cast<int>(f.integer(17));
  r.horizon_years = static_cast<int>(f.integer(18));
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

std::string format_results(const std::vector<BuildingResult>& results) {
  std::ostringstream out;
  report::CsvWriter csv(out, report::CsvStyle::tidy());
  csv.header(column_names());
  for (const BuildingResult& r : results) {
    csv.integer(static_cast<long long>(r.index)).text(r.id).text(r.name).text(r.dso_area).integer(r.ok ? 1 : 0)
        .text(one_line(r.error)).integer(r.apartment_count);
    for (double value : {r.pv_kwp, r.production_kwh, r.shared_kwh, r.sharing_rate, r.self_sufficiency, r.investment_eur,
                         r.association_npv_eur}) {
      csv.text(report::exact_text(value));
    }
    if (r.association_payback_years) {
      csv.text(report::exact_text(*r.association_payback_years));
    } else {
      csv.empty();
    }
    csv.text(report::exact_text(r.association_npv_without_sharing_eur)).text(report::exact_text(r.apartments_npv_eur)).integer(r.apartments_losing)
        .integer(r.horizon_years);
    csv.end_row();
  }
  return out.str();
}

std::vector<BuildingResult> parse_results(const std::string& text, const std::string& file) {
  const std::vector<std::string> lines = lines_of(text);
  std::vector<BuildingResult> results;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::vector<load::CsvField> fields = load::split_csv_line(lines[n], ',');
    const int line = static_cast<int>(n) + 1;
    if (fields.size() != column_names().size()) {
      throw InputError({file, line, 0, ""}, fill("verwacht {} cellen, gevonden {} (geen resultatenbestand van een portefeuille?)",
                                                 "expected {} cells, found {} (not a portfolio results file?)",
                                                 {std::to_string(column_names().size()), std::to_string(fields.size())}));
    }
    if (n == 0) {
      for (std::size_t c = 0; c < fields.size(); ++c) {
        if (fields[c].text != column_names()[c]) {
          throw InputError({file, line, fields[c].column, fields[c].text}, fill("verwacht de kolom '{}'", "expected the column '{}'", {column_names()[c]}));
        }
      }
      continue;
    }
    results.push_back(read_result(FieldReader(fields, file, line)));
  }
  if (lines.empty()) throw InputError({file, 0, 0, ""}, Text{"het resultatenbestand is leeg", "the results file is empty"});
  return results;
}

std::string format_shard_info(const ShardInfo& info) {
  std::ostringstream out;
  out << "table_fingerprint=" << info.table_fingerprint << "\n"
      << "table=" << info.table_name << "\n"
      << "base=" << info.base_name << "\n"
      << "shard=" << info.shard_number << "/" << info.shard_count << "\n"
      << "buildings=" << info.building_count << "\n"
      << "first=" << info.first << "\n"
      << "last=" << info.last << "\n";
  return out.str();
}

ShardInfo parse_shard_info(const std::string& text, const std::string& file) {
  std::map<std::string, std::string> values;
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::size_t equals = lines[n].find('=');
    if (equals == std::string::npos) throw InputError({file, static_cast<int>(n) + 1, 0, ""}, Text{"verwacht naam=waarde", "expected name=value"});
    values[lines[n].substr(0, equals)] = lines[n].substr(equals + 1);
  }
  ShardInfo info;
  try {
    info.table_fingerprint = values.at("table_fingerprint");
    info.table_name = values.at("table");
    info.base_name = values.at("base");
    const std::string& shard = values.at("shard");
    const std::size_t slash = shard.find('/');
    info.shard_number = std::stoi(shard.substr(0, slash));
    info.shard_count = std::stoi(shard.substr(slash + 1));
    info.building_count = std::stoull(values.at("buildings"));
    info.first = std::stoull(values.at("first"));
    info.last = std::stoull(values.at("last"));
  } catch (const std::exception&) {
    throw InputError({file, 0, 0, ""}, Text{"verwacht table_fingerprint, table, base, shard=K/N, buildings, first en last (geen shard van een portefeuille?)",
                                            "expected table_fingerprint, table, base, shard=K/N, buildings, first and last (not a portfolio shard?)"});
  }
  return info;
}

void write_results(const std::filesystem::path& directory, const std::vector<BuildingResult>& results, const ShardInfo& info) {
  write_file_atomically(directory / kResultsFileName, format_results(results));
  write_file_atomically(directory / kShardFileName, format_shard_info(info));
}

std::vector<BuildingResult> read_shard_results(const std::vector<std::filesystem::path>& directories, ShardInfo& merged) {
  std::map<int, std::pair<ShardInfo, std::vector<BuildingResult>>> shards;
  for (const std::filesystem::path& directory : directories) {
    const std::filesystem::path info_file = directory / kShardFileName;
    const ShardInfo info = parse_shard_info(read_text_file(info_file), info_file.string());
    if (!shards.empty() && (info.table_fingerprint != shards.begin()->second.first.table_fingerprint ||
                            info.shard_count != shards.begin()->second.first.shard_count)) {
      throw InputError({directory.string(), 0, 0, ""}, Text{"deze shard hoort bij een andere portefeuille (andere tabel, basis of opties)",
                                                            "this shard belongs to another portfolio (other table, base or options)"});
    }
    const std::filesystem::path results_file = directory / kResultsFileName;
    std::vector<BuildingResult> results = parse_results(read_text_file(results_file), results_file.string());
    if (results.size() != info.last - info.first) {
      throw InputError({results_file.string(), 0, 0, ""}, fill("onvolledige shard: {} van {} gebouwen", "incomplete shard: {} of {} buildings",
                                                               {std::to_string(results.size()), std::to_string(info.last - info.first)}));
    }
    if (!shards.emplace(info.shard_number, std::pair{info, std::move(results)}).second) {
      throw InputError({directory.string(), 0, 0, ""}, fill("shard {} staat er twee keer", "shard {} given twice", {std::to_string(info.shard_number)}));
    }
  }
  if (shards.empty()) throw InputError({"", 0, 0, "--merge"}, Text{"geen mappen van shards gegeven", "no shard directories given"});
  merged = shards.begin()->second.first;
  for (int k = 1; k <= merged.shard_count; ++k) {
    if (shards.count(k) == 0) {
      throw InputError({"", 0, 0, "--merge"}, fill("shard {}/{} ontbreekt", "shard {}/{} is missing", {std::to_string(k), std::to_string(merged.shard_count)}));
    }
  }
  std::vector<BuildingResult> all;
  for (auto& [number, shard] : shards) {
    for (BuildingResult& result : shard.second) all.push_back(std::move(result));
  }
  merged.shard_number = 1;
  merged.shard_count = 1;
  merged.first = 0;
  merged.last = merged.building_count;
  return all;
}

}  // namespace deelstroom::portfolio
