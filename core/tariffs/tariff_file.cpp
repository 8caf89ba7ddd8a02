#include "core/tariffs/tariff_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>

#include "core/common/data_dir.hpp"
#include "core/common/embedded.hpp"
#include "core/common/error.hpp"
#include "core/scenario/toml_fields.hpp"

namespace deelstroom::tariffs {

namespace {

using scenario::TableReader;

// Plausibility limits of the file's values (docs/tariffs.md): far outside any Belgian tariff,
// they catch a unit typed wrong (€/MWh as €/kWh, c€ as €).
constexpr double kMaxEurPerKwh = 1.0;
constexpr double kMaxEurPerYear = 1000.0;
constexpr double kMaxCapacityEurPerKwYear = 500.0;
constexpr double kMaxExciseEurPerMwh = 500.0;

/// Reads the sourced numbers of one table into the data's value list.
class SourcedReader {
 public:
  SourcedReader(TableReader& table, const std::set<std::string, std::less<>>& source_ids, std::vector<SourcedValue>& out)
      : table_(table), source_ids_(source_ids), out_(out) {}

  /// The value of `key` if present ({ value = x, source = "id" }), checked against [min, max].
  std::optional<double> get(std::string_view key, double min, double max) {
    auto entry = table_.optional_table(key);
    if (!entry) {
      if (table_.has(key)) table_.fail(key, Text{"verwacht { value = ..., source = \"...\" }", "expected { value = ..., source = \"...\" }"});
      return std::nullopt;
    }
    const double value = entry->number("value", 0.0, min, max);
    if (!entry->has("value")) entry->fail("value", Text{"ontbreekt: elk tarief heeft een waarde nodig", "missing: every tariff needs a value"});
    const std::string source = entry->string("source", "");
    if (source.empty()) entry->fail("source", Text{"ontbreekt: elk tarief noemt zijn bron (een id van [sources])", "missing: every tariff names its source (an id of [sources])"});
    if (!source_ids_.contains(source)) entry->fail("source", fill("onbekende bron \"{}\"; voeg [sources.{}] toe", "unknown source \"{}\"; add [sources.{}]", {source, source}));
    const std::string note = entry->string("note", "");
    entry->reject_unknown_fields();
    out_.push_back({table_.field_path(key), value, source, note});
    return value;
  }

  void set(std::string_view key, double min, double max, double& target) {
    if (auto value = get(key, min, max)) target = *value;
  }

 private:
  TableReader& table_;
  const std::set<std::string, std::less<>>& source_ids_;
  std::vector<SourcedValue>& out_;
};

/// The network fields, from [network] (common) or [areas.<id>] (the area's own).
void read_network_fields(SourcedReader& r, economics::NetworkTariff& n, bool& has_capacity) {
  r.set("distribution_eur_per_kwh", 0.0, kMaxEurPerKwh, n.distribution_eur_per_kwh);
  r.set("public_service_eur_per_kwh", 0.0, kMaxEurPerKwh, n.public_service_eur_per_kwh);
  r.set("surcharges_eur_per_kwh", 0.0, kMaxEurPerKwh, n.surcharges_eur_per_kwh);
  r.set("transmission_eur_per_kwh", 0.0, kMaxEurPerKwh, n.transmission_eur_per_kwh);
  if (auto capacity = r.get("capacity_eur_per_kw_per_year", 0.0, kMaxCapacityEurPerKwYear)) {
    n.capacity_eur_per_kw_per_year = *capacity;
    has_capacity = true;
  }
  r.set("capacity_min_peak_kw", 0.0, 100.0, n.capacity_min_peak_kw);
  r.set("max_kwh_tariff_eur_per_kwh", 0.0, kMaxEurPerKwh, n.max_kwh_tariff_eur_per_kwh);
  r.set("data_management_eur_per_year", 0.0, kMaxEurPerYear, n.data_management_eur_per_year);
  r.set("sharing_participant_fee_eur_per_year", 0.0, kMaxEurPerYear, n.sharing_participant_fee_eur_per_year);
}

/// "YYYY-MM" -> (year, month).
std::pair<int, int> year_month(TableReader& step, const std::string& text) {
  int year = 0;
  int month = 0;
  char dash = 0;
  std::istringstream in(text);
  if (!(in >> year >> dash >> month) || dash != '-' || year < 2000 || year > 2100 || month < 1 || month > 12 ||
      in.peek() != EOF) {
    step.fail("from", fill("verwacht een maand als \"JJJJ-MM\", gevonden \"{}\"", "expected a month as \"YYYY-MM\", found \"{}\"", {text}));
  }
  return {year, month};
}

/// A levy path: [{ from = "YYYY-MM", eur_per_mwh = ..., source = "..." }, ...] in date order.
std::vector<economics::LevyStep> read_levy_path(TableReader& t, std::string_view key, std::vector<SourcedValue>& values,
                                                const std::set<std::string, std::less<>>& source_ids) {
  std::vector<economics::LevyStep> path;
  for (TableReader& step : t.tables(key)) {
    const auto [year, month] = year_month(step, step.string("from", ""));
    const double eur_per_mwh = step.number("eur_per_mwh", 0.0, 0.0, kMaxExciseEurPerMwh);
    if (!step.has("eur_per_mwh")) step.fail("eur_per_mwh", Text{"ontbreekt: de accijns vanaf die maand, €/MWh", "missing: the excise from that month, €/MWh"});
    const std::string source = step.string("source", "");
    if (!source_ids.contains(source)) step.fail("source", fill("verwacht de id van een item in [sources], gevonden \"{}\"", "expected the id of a [sources] entry, found \"{}\"", {source}));
    const std::string note = step.string("note", "");
    step.reject_unknown_fields();
    if (!path.empty() && std::tie(year, month) <= std::tie(path.back().year, path.back().month)) {
      step.fail("from", Text{"de stappen moeten in datumvolgorde staan", "the steps must be in date order"});
    }
    path.push_back({year, month, eur_per_mwh / 1000.0});
    values.push_back({step.path(), eur_per_mwh / 1000.0, source, note});
  }
  if (path.empty()) t.fail(key, Text{"ontbreekt: het verloop van de heffing ([{ from = \"JJJJ-MM\", eur_per_mwh = ..., source = ... }])",
                                     "missing: the levy's path ([{ from = \"YYYY-MM\", eur_per_mwh = ..., source = ... }])"});
  return path;
}

void read_levies(TableReader& t, SourcedReader& r, economics::Levies& levies, std::vector<SourcedValue>& values,
                 const std::set<std::string, std::less<>>& source_ids, int file_year) {
  r.set("certificates_eur_per_kwh", 0.0, kMaxEurPerKwh, levies.certificates_eur_per_kwh);
  levies.energy_contribution_path = read_levy_path(t, "energy_contribution", values, source_ids);
  levies.excise_path = read_levy_path(t, "excise", values, source_ids);
  // The flat values: in force on 1 January of the file's year (or the first step's value).
  levies.energy_contribution_eur_per_kwh = levies.energy_contribution_path.front().eur_per_kwh;
  levies.energy_contribution_eur_per_kwh = levies.energy_contribution_at(file_year, 1);
  levies.excise_eur_per_kwh = levies.excise_path.front().eur_per_kwh;
  levies.excise_eur_per_kwh = levies.excise_at(file_year, 1);
}

std::vector<TariffSource> read_sources(TableReader& root) {
  std::vector<TariffSource> sources;
  auto table = root.optional_table("sources");
  if (!table) root.fail("sources", Text{"ontbreekt: een tabel [sources.<id>] voor elk aangehaald document", "missing: a [sources.<id>] table for every document cited"});
  for (const std::string& id : table->keys()) {
    auto entry = table->optional_table(id);
    TariffSource s;
    s.id = id;
    s.title = entry->string("title", "");
    s.url = entry->string("url", "");
    s.date = entry->string("date", "");
    s.note = entry->string("note", "");
    if (s.title.empty()) entry->fail("title", Text{"ontbreekt: wat het document is", "missing: what the document is"});
    if (s.date.empty()) entry->fail("date", Text{"ontbreekt: de datum waarop het document verscheen of geraadpleegd werd", "missing: the date the document was published or consulted"});
    entry->reject_unknown_fields();
    sources.push_back(std::move(s));
  }
  return sources;
}

}  // namespace

const TariffSource* TariffData::source(std::string_view id) const {
  for (const TariffSource& s : sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

TariffData parse_tariff_file(std::string_view text, const std::string& file, std::string_view area) {
  const toml::table document = scenario::parse_toml(text, file);
  TableReader root(document, file, "");
  TariffData data;
  data.file = file;
  data.region = root.string("region", "");
  if (data.region.empty()) root.fail("region", Text{"ontbreekt: de regio waarvoor de tarieven gelden (bv. \"flanders\")", "missing: the region the tariffs hold for (e.g. \"flanders\")"});
  data.year = static_cast<int>(root.integer("year", 0, 2000, 2100));
  if (data.year == 0) root.fail("year", Text{"ontbreekt: het jaar waarvoor de tarieven gelden", "missing: the year the tariffs hold for"});
  data.default_area = root.string("default_area", "");
  data.sources = read_sources(root);
  std::set<std::string, std::less<>> ids;
  for (const TariffSource& s : data.sources) ids.insert(s.id);

  economics::Tariffs& t = data.tariffs;
  t.year = data.year;
  data.rules.name = data.region;
  bool has_capacity = false;

  if (auto vat = root.optional_table("vat")) {
    SourcedReader r(*vat, ids, data.values);
    r.set("rate", 0.0, 0.5, t.vat_rate);
    vat->reject_unknown_fields();
  }
  if (auto energy = root.optional_table("energy")) {
    SourcedReader r(*energy, ids, data.values);
    r.set("price_eur_per_kwh", 0.0, kMaxEurPerKwh, t.energy.price_eur_per_kwh);
    r.set("day_price_eur_per_kwh", 0.0, kMaxEurPerKwh, t.energy.day_price_eur_per_kwh);
    r.set("night_price_eur_per_kwh", 0.0, kMaxEurPerKwh, t.energy.night_price_eur_per_kwh);
    r.set("fixed_eur_per_year", 0.0, kMaxEurPerYear, t.energy.fixed_eur_per_year);
    r.set("dynamic_adder_eur_per_kwh", -kMaxEurPerKwh, kMaxEurPerKwh, t.energy.offtake_formula.adder_eur_per_kwh);
    energy->reject_unknown_fields();
  }
  if (auto injection = root.optional_table("injection")) {
    SourcedReader r(*injection, ids, data.values);
    r.set("price_eur_per_kwh", -kMaxEurPerKwh, kMaxEurPerKwh, t.injection.price_eur_per_kwh);
    r.set("dynamic_adder_eur_per_kwh", -kMaxEurPerKwh, kMaxEurPerKwh, t.injection.formula.adder_eur_per_kwh);
    injection->reject_unknown_fields();
  }
  if (auto levies = root.optional_table("levies")) {
    SourcedReader r(*levies, ids, data.values);
    read_levies(*levies, r, t.levies, data.values, ids, data.year);
    levies->reject_unknown_fields();
  } else {
    root.fail("levies", Text{"ontbreekt: een tabel [levies] met het verloop van de accijns", "missing: a [levies] table with the excise path"});
  }
  if (auto network = root.optional_table("network")) {
    SourcedReader r(*network, ids, data.values);
    read_network_fields(r, t.network, has_capacity);
    network->reject_unknown_fields();
  }
  if (auto sharing = root.optional_table("sharing")) {
    SourcedReader r(*sharing, ids, data.values);
    r.set("network_charges_on_shared", 0.0, 1.0, data.rules.network_charges_on_shared);
    r.set("transmission_on_shared", 0.0, 1.0, data.rules.transmission_on_shared);
    r.set("levies_on_shared", 0.0, 1.0, data.rules.levies_on_shared);
    r.set("internal_price_eur_per_kwh", 0.0, kMaxEurPerKwh, t.sharing.internal_price_eur_per_kwh);
    sharing->reject_unknown_fields();
  }

  auto areas = root.optional_table("areas");
  if (!areas) root.fail("areas", Text{"ontbreekt: minstens een netgebied [areas.<id>]", "missing: at least one [areas.<id>] network area"});
  for (const std::string& id : areas->keys()) {
    auto entry = areas->optional_table(id);
    data.areas.push_back({id, entry->string("name", id)});
  }
  if (data.areas.empty()) areas->fail("", Text{"verwacht minstens een netgebied", "expected at least one network area"});
  if (data.default_area.empty()) data.default_area = data.areas.front().id;
  const std::string wanted(area.empty() ? std::string_view(data.default_area) : area);
  auto chosen = std::find_if(data.areas.begin(), data.areas.end(), [&](const TariffArea& a) { return a.id == wanted; });
  if (chosen == data.areas.end()) {
    std::string list;
    for (const TariffArea& a : data.areas) list += (list.empty() ? "" : ", ") + a.id;
    throw InputError({file, 0, 0, area.empty() ? "default_area" : "dso_area"},
                     fill("onbekend netgebied \"{}\"; verwacht een van {}", "unknown network area \"{}\"; expected one of {}", {wanted, list}));
  }
  data.area_id = chosen->id;
  data.area_name = chosen->name;
  t.dso_area = data.area_id;
  // Every area is checked (a typo in another area is still an error), the chosen one applied.
  for (const TariffArea& a : data.areas) {
    auto entry = areas->optional_table(a.id);
    entry->string("name", a.id);
    economics::NetworkTariff network = t.network;
    bool area_capacity = has_capacity;
    std::vector<SourcedValue> area_values;
    SourcedReader r(*entry, ids, area_values);
    read_network_fields(r, network, area_capacity);
    entry->reject_unknown_fields();
    if (a.id == data.area_id) {
      t.network = network;
      has_capacity = area_capacity;
      data.values.insert(data.values.end(), area_values.begin(), area_values.end());
    }
  }
  data.rules.capacity_tariff = has_capacity;
  root.reject_unknown_fields();
  return data;
}

std::filesystem::path tariffs_directory() {
  if (const char* env = std::getenv("DEELSTROOM_TARIFFS_DIR"); env != nullptr && *env != '\0') return env;
  return data_directory() / "profiles" / "tariffs";
}

namespace {

bool is_tariff_file_name(std::string_view name) {
  const auto underscore = name.rfind('_');
  return underscore != std::string_view::npos && name.size() == underscore + 1 + 4 + 5 &&
         name.substr(name.size() - 5) == ".toml" &&
         std::all_of(name.begin() + static_cast<long>(underscore) + 1, name.end() - 5, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> tariff_file_names() {
  std::set<std::string> names;
  std::error_code error;
  const std::filesystem::path dir = tariffs_directory();
  if (std::filesystem::is_directory(dir, error)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file(error) && is_tariff_file_name(name)) names.insert(name);
    }
  }
  for (const auto& [name, bytes] : embedded_files()) {
    if (is_tariff_file_name(name)) names.insert(std::string(name));
  }
  return {names.begin(), names.end()};
}

std::shared_ptr<const TariffData> load_tariffs(std::string_view region, int year, std::string_view area) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, int, std::string, std::string>, std::shared_ptr<const TariffData>> cache;
  const std::string name = std::string(region) + "_" + std::to_string(year) + ".toml";
  const std::filesystem::path path = tariffs_directory() / name;
  std::error_code error;
  const bool on_disk = std::filesystem::is_regular_file(path, error);
  // Keyed by the directory too, so that a test (or a user) switching directories reads anew.
  const auto key = std::make_tuple(on_disk ? path.string() : "embedded:" + name, year, std::string(region), std::string(area));
  {
    std::lock_guard lock(mutex);
    if (auto found = cache.find(key); found != cache.end()) return found->second;
  }
  std::string text;
  std::string label;
  if (on_disk) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) throw InputError({path.string(), 0, 0, ""}, Text{"kan het tarievenbestand niet lezen", "cannot read the tariff file"});
    text = buffer.str();
    label = path.string();
  } else if (auto bytes = embedded_file(name)) {
    text = std::string(*bytes);
    label = "profiles/tariffs/" + name;
  } else {
    std::string present;
    for (const std::string& file : tariff_file_names()) present += (present.empty() ? "" : ", ") + file;
    throw InputError({"", 0, 0, "tariffs.year"},
                     fill("geen tarieven voor {} {}: verwacht {}; aanwezige tarievenbestanden: {}",
                          "no tariffs for {} {}: expected {}; tariff files present: {}",
                          {region, std::to_string(year), path.string(), present.empty() ? "-" : present}));
  }
  auto data = std::make_shared<TariffData>(parse_tariff_file(text, label, area));
  if (data->region != region || data->year != year) {
    throw InputError({label, 0, 0, "region"}, fill("het bestand bevat {} {}, zijn naam zegt {} {}", "the file holds {} {}, its name says {} {}",
                                                   {data->region, std::to_string(data->year), region, std::to_string(year)}));
  }
  std::lock_guard lock(mutex);
  cache.emplace(key, data);
  return data;
}

}  // namespace deelstroom::tariffs
