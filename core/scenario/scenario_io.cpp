#include "core/scenario/scenario_io.hpp"

#include "core/battery/battery.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include "core/common/atomic_file.hpp"
#include "core/common/quoted.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/scenario/toml_fields.hpp"
#include "core/time/year_grid.hpp"
#include "core/sharing/key_catalogue.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::scenario {

namespace {

constexpr double kMaxEnergyKwh = 1e9;

// ---------------------------------------------------------------- reading

void read_site(TableReader& root, Scenario& s) {
  auto site = root.optional_table("site");
  if (!site) return;
  s.site.name = site->string("name", s.site.name);
  s.site.latitude_deg = site->number("latitude", s.site.latitude_deg, -90.0, 90.0);
  s.site.longitude_deg = site->number("longitude", s.site.longitude_deg, -180.0, 180.0);
  s.site.elevation_m = site->number("elevation_m", s.site.elevation_m, -500.0, 9000.0);
  s.site.timezone = site->string("timezone", s.site.timezone);
  if (!time::time_zone_from_name(s.site.timezone)) {
    site->fail("timezone", fill("onbekende tijdzone \"{}\"; verwacht bv. \"Europe/Brussels\", \"UTC\" of \"UTC+01:00\"",
                                "unknown time zone \"{}\"; expected e.g. \"Europe/Brussels\", \"UTC\" or \"UTC+01:00\"",
                                {s.site.timezone}));
  }
  s.site.year = static_cast<int>(site->integer("year", s.site.year, 1950, 2100));
  site->reject_unknown_fields();
}

void read_weather(TableReader& root, Scenario& s) {
  auto weather = root.optional_table("weather");
  if (!weather) return;
  const std::string source = weather->choice("source", "embedded", {"embedded", "pvgis"});
  s.weather.source = source == "pvgis" ? WeatherSource::pvgis : WeatherSource::embedded;
  s.weather.file = weather->string("file", "");
  s.weather.timing = weather->choice("timing", s.weather.timing, {"scan_time", "label"});
  if (s.weather.source == WeatherSource::pvgis && s.weather.file.empty()) {
    weather->fail("file", Text{"bron \"pvgis\" vraagt file = \"pad/naar/tmy.csv\" (een PVGIS-TMY, CSV of JSON)", "source \"pvgis\" needs file = \"path/to/tmy.csv\" (a PVGIS TMY, CSV or JSON)"});
  }
  weather->reject_unknown_fields();
}

void read_losses(TableReader& array, LossSettings& losses) {
  losses.total_pct = array.optional_number("losses_pct", 0.0, 99.0);
  auto table = array.optional_table("losses");
  if (!table) return;
  losses.soiling_pct = table->optional_number("soiling_pct", 0.0, 100.0);
  losses.shading_pct = table->optional_number("shading_pct", 0.0, 100.0);
  losses.snow_pct = table->optional_number("snow_pct", 0.0, 100.0);
  losses.mismatch_pct = table->optional_number("mismatch_pct", 0.0, 100.0);
  losses.wiring_pct = table->optional_number("wiring_pct", 0.0, 100.0);
  losses.connections_pct = table->optional_number("connections_pct", 0.0, 100.0);
  losses.light_induced_degradation_pct = table->optional_number("light_induced_degradation_pct", 0.0, 100.0);
  losses.nameplate_rating_pct = table->optional_number("nameplate_rating_pct", 0.0, 100.0);
  losses.age_pct = table->optional_number("age_pct", 0.0, 100.0);
  losses.availability_pct = table->optional_number("availability_pct", 0.0, 100.0);
  table->reject_unknown_fields();
  if (losses.total_pct) {
    array.fail("losses_pct", Text{"geef losses_pct (alle verliezen in een getal) of een tabel [losses], niet allebei", "give either losses_pct (all losses in one figure) or a [losses] table, not both"});
  }
}

void read_pv(TableReader& root, Scenario& s) {
  auto pv = root.optional_table("pv");
  if (!pv) return;
  s.pv.degradation_pct_per_year = pv->number("degradation_pct_per_year", s.pv.degradation_pct_per_year, 0.0, 10.0);
  std::set<std::string> names;
  for (TableReader& array : pv->tables("arrays")) {
    PvArraySettings a;
    a.name = array.string("name", "PV " + std::to_string(s.pv.arrays.size() + 1));
    if (!names.insert(a.name).second) array.fail("name", fill("twee PV-velden heten \"{}\"; namen moeten verschillen", "two arrays are called \"{}\"; names must differ", {a.name}));
    a.file = array.string("file", "");
    a.meter = array.string("meter", a.meter);
    if (a.meter != "common" && s.apartment_index(a.meter) < 0) {
      std::string ids;
      for (const ApartmentSettings& apartment : s.apartments) ids += (ids.empty() ? "\"" : ", \"") + apartment.id + "\"";
      array.fail("meter", fill("geen appartement \"{}\"; verwacht \"common\" (de gemeenschappelijke aansluiting) of een van {}",
                               "no apartment \"{}\"; expected \"common\" (the common connection) or one of {}", {a.meter, ids}));
    }
    const bool measured = !a.file.empty();
    a.kwp = array.number("kwp", measured ? 0.0 : a.kwp, 0.0, 1e5);
    if (!array.has("kwp") && !measured) array.fail("kwp", Text{"ontbreekt: het piekvermogen in kWp, bv. kwp = 20", "missing: the peak power in kWp, e.g. kwp = 20"});
    if (!measured && a.kwp <= 0.0) array.fail("kwp", Text{"verwacht een piekvermogen boven 0 kWp", "expected a peak power above 0 kWp"});
    a.tilt_deg = array.number("tilt_deg", a.tilt_deg, 0.0, 90.0);
    a.azimuth_deg = array.number("azimuth_deg", a.azimuth_deg, 0.0, 360.0);
    a.inverter_ac_kw = array.optional_number("inverter_ac_kw", 0.0, 1e5);
    if (a.inverter_ac_kw && *a.inverter_ac_kw <= 0.0) array.fail("inverter_ac_kw", Text{"verwacht een AC-grens boven 0 kW", "expected an AC limit above 0 kW"});
    read_losses(array, a.losses);
    a.gamma_pct_per_c = array.number("gamma_pct_per_c", a.gamma_pct_per_c, -2.0, 0.5);
    a.transposition = array.choice("transposition", a.transposition, {"perez", "hay_davies", "isotropic"});
    a.iam = array.choice("iam", a.iam, {"physical", "ashrae", "none"});
    a.albedo = array.number("albedo", a.albedo, 0.0, 1.0);
    array.reject_unknown_fields();
    s.pv.arrays.push_back(a);
  }
  pv->reject_unknown_fields();
}

void read_consumption(TableReader& table, ConsumptionSettings& c) {
  c.archetype = table.string("archetype", c.archetype);
  c.annual_kwh = table.optional_number("annual_kwh", 0.0, kMaxEnergyKwh);
  c.file = table.string("file", c.file);
  c.file_format = table.choice("format", c.file_format, {"auto", "csv", "fluvius"});
  c.ean = table.string("ean", c.ean);
  if (auto seed = table.optional_integer("seed", 0, std::numeric_limits<long long>::max())) {
    c.seed = static_cast<std::uint64_t>(*seed);
  }
  c.stochastic = table.boolean("stochastic", c.stochastic);
  if (auto hp = table.optional_table("heat_pump")) {
    c.heat_pump.enabled = hp->boolean("enabled", true);
    c.heat_pump.annual_kwh = hp->number("annual_kwh", 0.0, 0.0, kMaxEnergyKwh);
    hp->reject_unknown_fields();
  }
  if (auto ev = table.optional_table("ev")) {
    c.ev.enabled = ev->boolean("enabled", true);
    c.ev.annual_kwh = ev->number("annual_kwh", 0.0, 0.0, kMaxEnergyKwh);
    c.ev.charger_kw = ev->number("charger_kw", c.ev.charger_kw, 1.0, 50.0);
    if (c.ev.annual_kwh > c.ev.charger_kw * 8760.0) {
      char power[32], energy[32];
      std::snprintf(power, sizeof power, "%g", c.ev.charger_kw);
      std::snprintf(energy, sizeof energy, "%g", c.ev.charger_kw * 8760.0);
      ev->fail("annual_kwh", fill("een laadpaal van {} kW levert hoogstens {} kWh per jaar; verhoog charger_kw of verlaag annual_kwh",
                                  "a {} kW charger delivers at most {} kWh a year; raise charger_kw or lower annual_kwh",
                                  {power, energy}));
    }
    ev->reject_unknown_fields();
  }
  if (!c.file.empty() && !c.archetype.empty()) {
    table.fail("file", Text{"geef een meetbestand of een archetype, niet allebei", "give either a measured file or an archetype, not both"});
  }
  if (!c.file.empty() && c.annual_kwh) {
    table.fail("annual_kwh", Text{"een meetbestand brengt zijn eigen verbruik mee; verwijder annual_kwh (of het bestand)", "a measured file brings its own consumption; remove annual_kwh (or the file)"});
  }
}

void read_battery(TableReader& root, Scenario& s) {
  auto table = root.optional_table("battery");
  if (!table) return;
  BatterySettings& b = s.battery;
  b.capacity_kwh = table->number("capacity_kwh", 0.0, 0.0, battery::kMaxCapacityKwh);
  b.power_kw = table->number("power_kw", b.capacity_kwh / 2.0, 0.0, battery::kMaxPowerKw);
  if (b.capacity_kwh > 0.0 && b.power_kw <= 0.0) table->fail("power_kw", Text{"een batterij heeft een vermogen boven 0 kW nodig", "a battery needs a power above 0 kW"});
  b.round_trip_efficiency = table->number("round_trip_efficiency", b.round_trip_efficiency, battery::kMinRoundTripEfficiency, 1.0);
  b.cost_eur = table->number("cost_eur", 0.0, 0.0, 1e8);
  b.lifetime_years = static_cast<int>(table->integer("lifetime_years", b.lifetime_years, 0, 50));
  b.replacement_eur = table->optional_number("replacement_eur", 0.0, 1e8);
  table->reject_unknown_fields();
}

void read_common(TableReader& root, Scenario& s) {
  s.common.archetype = "common_basic";
  auto common = root.optional_table("common");
  if (!common) return;
  const bool has_file = common->has("file");
  if (has_file) s.common.archetype.clear();
  read_consumption(*common, s.common);
  common->reject_unknown_fields();
}

void read_apartments(TableReader& root, Scenario& s) {
  std::set<std::string> ids;
  auto tables = root.tables("apartments");
  if (tables.empty()) {
    root.fail("apartments", Text{"er is minstens een tabel [[apartments]] nodig (id, shares, archetype + annual_kwh of file)", "at least one [[apartments]] table is needed (id, shares, archetype + annual_kwh or file)"});
  }
  for (TableReader& table : tables) {
    ApartmentSettings a;
    a.id = table.string("id", "A" + std::to_string(s.apartments.size() + 1));
    if (a.id.empty()) table.fail("id", Text{"verwacht een niet-lege id zoals \"A1\" of \"2.01\"", "expected a non-empty id such as \"A1\" or \"2.01\""});
    if (!ids.insert(a.id).second) table.fail("id", fill("twee appartementen hebben id \"{}\"; ids moeten verschillen", "two apartments have id \"{}\"; ids must differ", {a.id}));
    a.shares = table.number("shares", 0.0, 0.0, 1000.0);
    read_consumption(table, a.consumption);
    if (a.consumption.file.empty() && a.consumption.archetype.empty()) {
      table.fail("archetype", fill("appartement \"{}\" heeft een verbruik nodig: archetype = \"couple_working\" (+ annual_kwh) of file = \"meter.csv\"",
                                   "apartment \"{}\" needs a consumption: archetype = \"couple_working\" (+ annual_kwh) or file = \"meter.csv\"",
                                   {a.id}));
    }
    a.participates = table.boolean("participates", a.participates);
    a.occupancy = table.choice("occupancy", "owner", {"owner", "tenant"}) == "tenant" ? Occupancy::tenant : Occupancy::owner;
    a.cost_share_pct = table.optional_number("cost_share_pct", 0.0, 100.0);
    a.investment_eur = table.optional_number("investment_eur", 0.0, 1e9);
    table.reject_unknown_fields();
    s.apartments.push_back(a);
  }
}

/// Percentages as a list (one per listed apartment, in order) or a table keyed by id.
std::vector<double> read_percentages(TableReader& table, std::string_view key, const std::vector<std::string>& ids) {
  const toml::node* node = table.raw(key);
  if (node == nullptr) return {};
  std::vector<double> values(ids.size(), 0.0);
  if (const auto* by_id = node->as_table()) {
    for (const auto& [id, value] : *by_id) {
      const std::string name(id.str());
      const auto it = std::find(ids.begin(), ids.end(), name);
      const std::string field = std::string(key) + "." + name;
      if (it == ids.end()) table.fail_at(value, field, fill("geen appartement \"{}\" in deze verdeelsleutel", "no apartment \"{}\" in this key", {name}));
      std::optional<double> number;
      if (const auto* f = value.as_floating_point()) number = f->get();
      if (const auto* i = value.as_integer()) number = static_cast<double>(i->get());
      if (!number || *number < 0.0 || *number > 100.0) table.fail_at(value, field, Text{"verwacht een percentage van 0 tot 100", "expected a percentage from 0 to 100"});
      values[static_cast<std::size_t>(it - ids.begin())] = *number;
    }
    return values;
  }
  const auto list = table.optional_numbers(key, 0.0, 100.0);
  if (list->size() != ids.size()) {
    table.fail(key, fill("verwacht {} percentages (een per appartement, in volgorde), gevonden {}; of schrijf ze als tabel { A1 = 25, A2 = 75 }",
                         "expected {} percentages (one per apartment, in order), found {}; or write them as a table { A1 = 25, A2 = 75 }",
                         {std::to_string(ids.size()), std::to_string(list->size())}));
  }
  return *list;
}

void check_percentage_sum(TableReader& table, std::string_view key, const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  if (sum > 100.0 + 1e-6) {
    std::ostringstream sum_text;
    sum_text << sum;
    table.fail(key, fill("de percentages tellen op tot {} %, verwacht hoogstens 100 %", "percentages add up to {} %, expected at most 100 %",
                         {sum_text.str()}));
  }
}

/// Reads "static" (older files) as fixed or cascade and checks that `rounds` is only given
/// where the type has a choice of rounds: the Fluvius methods fix their own rounds (fixed and
/// relative one, optimal as many as it takes).
std::string normalised_key_type(TableReader& table, const std::string& type, int rounds) {
  if (type == "static") return rounds > 1 ? "cascade" : "fixed";
  if ((type == "fixed" || type == "relative" || type == "optimal") && table.has("rounds") && rounds != 1) {
    table.fail("rounds", fill("de {} bepaalt zelf haar rondes (vast en relatief: een; optimaal: tot een ronde niets meer deelt); "
                              "voor een gekozen aantal rondes gebruik type = \"cascade\"",
                              "the {} sets its own rounds (fixed and relative: one; optimal: until a round shares nothing); "
                              "for a chosen number of rounds use type = \"cascade\"",
                              {sharing::key_type_name(type, true)}));
  }
  if (type == "cascade" && rounds < 2) {
    table.fail("rounds", Text{"een cascade vraagt rounds = 2 of meer (met een ronde is het de vaste verdeelsleutel, type = \"fixed\")", "a cascade needs rounds = 2 or more (with one round it is the fixed key, type = \"fixed\")"});
  }
  return type;
}

/// preset = "investment" splits by the apartments' investment_eur; with none given it would
/// silently be equal shares.
void check_investment_preset(TableReader& table, std::string_view field, const std::string& preset, bool any_investment) {
  if (preset != "investment" || any_investment) return;
  table.fail(field, Text{"preset \"investment\" verdeelt volgens investment_eur van de appartementen, maar geen appartement heeft "
                         "investment_eur > 0; verwacht investment_eur = ... in de [[apartments]] die bijdroegen, "
                         "of een andere preset (equal, shares, consumption, custom)",
                         "preset \"investment\" splits by the apartments' investment_eur, but no apartment has "
                         "investment_eur > 0; expected investment_eur = ... in the [[apartments]] that contributed, "
                         "or another preset (equal, shares, consumption, custom)"});
}

KeyGroupSettings read_group(TableReader& table, const std::vector<std::string>& all_ids, std::set<std::string>& used,
                            bool last, bool any_investment) {
  KeyGroupSettings g;
  if (auto listed = table.optional_strings("apartments")) {
    g.apartments = *listed;
  } else if (last) {
    for (const std::string& id : all_ids) {
      if (used.count(id) == 0) g.apartments.push_back(id);
    }
  } else {
    table.fail("apartments", Text{"een prioriteitsgroep noemt haar appartementen: apartments = [\"A1\", \"A2\"] (alleen de laatste groep mag dat weglaten)", "a priority group lists its apartments: apartments = [\"A1\", \"A2\"] (only the last group may leave it out)"});
  }
  for (const std::string& id : g.apartments) {
    if (std::find(all_ids.begin(), all_ids.end(), id) == all_ids.end()) {
      table.fail("apartments", fill("geen appartement \"{}\" in dit gebouw", "no apartment \"{}\" in this building", {id}));
    }
    if (!used.insert(id).second) table.fail("apartments", fill("appartement \"{}\" staat in twee prioriteitsgroepen", "apartment \"{}\" is in two priority groups", {id}));
  }
  g.type = table.choice("type", g.type, {"fixed", "relative", "optimal", "cascade", "static", "proportional", "hybrid", "optimised"});
  g.preset = table.choice("preset", g.preset, {"equal", "shares", "consumption", "investment", "custom"});
  check_investment_preset(table, "preset", g.preset, any_investment);
  g.percentages = read_percentages(table, "percentages", g.apartments);
  if (g.preset == "custom" && g.type != "proportional" && g.percentages.empty()) {
    table.fail("percentages", Text{"preset \"custom\" vraagt percentages, een per appartement van de groep", "preset \"custom\" needs percentages, one per apartment of the group"});
  }
  if (!g.percentages.empty() && g.preset != "custom") {
    if (table.has("preset")) table.fail("percentages", Text{"percentages worden alleen gebruikt met preset = \"custom\"", "percentages are only used with preset = \"custom\""});
    g.preset = "custom";
  }
  check_percentage_sum(table, "percentages", g.percentages);
  g.rounds = static_cast<int>(table.integer("rounds", g.rounds, 1, 100));
  g.type = normalised_key_type(table, g.type, g.rounds);
  g.fixed_fraction = table.number("fixed_fraction", g.fixed_fraction, 0.0, 1.0);
  table.reject_unknown_fields();
  return g;
}

KeySettings read_key_table(TableReader& table, const std::vector<std::string>& ids, bool allow_periods, bool any_investment) {
  KeySettings k;
  k.type = table.choice("type", k.type,
                        {"fixed", "relative", "optimal", "cascade", "static", "proportional", "hybrid", "priority", "optimised"});
  k.preset = table.choice("preset", k.preset, {"equal", "shares", "consumption", "investment", "custom"});
  if (k.type != "priority" && k.type != "proportional" && k.type != "optimised") {
    check_investment_preset(table, "preset", k.preset, any_investment);
  }
  k.percentages = read_percentages(table, "percentages", ids);
  if (!k.percentages.empty() && k.preset != "custom") {
    if (table.has("preset")) table.fail("percentages", Text{"percentages worden alleen gebruikt met preset = \"custom\"", "percentages are only used with preset = \"custom\""});
    k.preset = "custom";
  }
  if (k.preset == "custom" && k.percentages.empty() && k.type != "proportional" && k.type != "priority" &&
      k.type != "optimised") {
    table.fail("percentages", Text{"preset \"custom\" vraagt percentages = [..] met een waarde per appartement (in %)", "preset \"custom\" needs percentages = [..] with one value per apartment (in %)"});
  }
  check_percentage_sum(table, "percentages", k.percentages);
  k.rounds = static_cast<int>(table.integer("rounds", k.rounds, 1, 100));
  k.type = normalised_key_type(table, k.type, k.rounds);
  k.later_preset = table.choice("later_preset", "", {"equal", "shares", "consumption", "investment", "custom"});
  check_investment_preset(table, "later_preset", k.later_preset, any_investment);
  k.later_percentages = read_percentages(table, "later_percentages", ids);
  if (!k.later_percentages.empty()) k.later_preset = "custom";
  if (k.later_preset == "custom" && k.later_percentages.empty()) {
    table.fail("later_percentages", Text{"later_preset \"custom\" vraagt later_percentages", "later_preset \"custom\" needs later_percentages"});
  }
  if (!k.later_preset.empty() && k.type != "cascade") {
    table.fail("later_preset", Text{"een tweede verdeelsleutel voor rondes >= 2 vraagt type = \"cascade\" (de optimale "
                                    "verdeelsleutel van Fluvius herschaalt haar eigen sleutel in elke ronde)",
                                    "a second key for rounds >= 2 needs type = \"cascade\" (the Fluvius optimal key "
                                    "renormalises its own key in every round)"});
  }
  k.fixed_fraction = table.number("fixed_fraction", k.fixed_fraction, 0.0, 1.0);
  k.objective = table.choice("objective", k.objective, {"volume", "fairness"});
  std::set<std::string> used;
  auto groups = table.tables("groups");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    k.groups.push_back(read_group(groups[g], ids, used, g + 1 == groups.size(), any_investment));
  }
  if (k.type == "priority" && k.groups.empty()) {
    table.fail("groups", Text{"type \"priority\" vraagt tabellen [[key.groups]], elk met apartments = [...] en een eigen type", "type \"priority\" needs [[key.groups]] tables, each with apartments = [...] and its own type"});
  }
  if (k.type != "priority" && !k.groups.empty()) table.fail("groups", Text{"groups worden alleen gebruikt met type = \"priority\"", "groups are only used with type = \"priority\""});
  if (allow_periods) {
    std::set<int> months_taken;
    for (TableReader& period_table : table.tables("periods")) {
      PeriodKeySettings p;
      p.name = period_table.string("name", "");
      const auto months = period_table.optional_numbers("months", 1, 12);
      if (!months || months->empty()) period_table.fail("months", Text{"verwacht de maanden waarin deze verdeelsleutel geldt, bv. months = [4, 5, 6, 7, 8, 9]", "expected the months this key holds in, e.g. months = [4, 5, 6, 7, 8, 9]"});
      for (double m : *months) {
        if (m != std::floor(m)) period_table.fail("months", Text{"maanden zijn gehele getallen 1..12", "months are whole numbers 1..12"});
        if (!months_taken.insert(static_cast<int>(m)).second) {
          period_table.fail("months", fill("maand {} staat in twee periodes", "month {} is in two periods", {std::to_string(static_cast<int>(m))}));
        }
        p.months.push_back(static_cast<int>(m));
      }
      p.key = read_key_table(period_table, ids, false, any_investment);
      p.key.periods.clear();
      period_table.reject_unknown_fields();
      k.periods.push_back(p);
    }
  }
  return k;
}

/// Keys the region's DSO does not compute stay usable as what-if keys; the scenario says so
/// in a warning (and every output labels them). A [rules] max_rounds caps a cascade's rounds.
void check_key_against_rules(const KeySettings& key, const sharing::RuleSet& rules, std::optional<int> max_rounds,
                             TableReader& table, std::vector<Text>& warnings) {
  auto check_type = [&](const std::string& type) {
    if (!rules.offers(type)) {
      warnings.push_back(Text{"verdeelsleutel \"" + type + "\" (" + sharing::key_type_name(type, true) + ") wordt niet aangeboden door " +
                                  rules.operator_name + ": alleen een wat-als, de vereniging kan ze niet registreren",
                              "key type \"" + type + "\" (" + sharing::key_type_name(type, false) + ") is not offered by " +
                                  rules.operator_name + ": a what-if only, the association cannot register it"});
    }
  };
  if (key.type == "priority") {
    check_type("priority");
  } else {
    check_type(key.type);
  }
  if (max_rounds && key.type == "cascade" && key.rounds > *max_rounds) {
    table.fail("rounds", fill("[rules] max_rounds laat hoogstens {} rondes toe", "[rules] max_rounds allows at most {} rounds",
                              {std::to_string(*max_rounds)}));
  }
  for (const KeyGroupSettings& g : key.groups) {
    if (max_rounds && g.type == "cascade" && g.rounds > *max_rounds) {
      table.fail("groups", fill("een groep heeft {} rondes; [rules] max_rounds laat hoogstens {} toe",
                                "a group has {} rounds; [rules] max_rounds allows at most {}",
                                {std::to_string(g.rounds), std::to_string(*max_rounds)}));
    }
  }
}

bool key_uses_shares(const KeySettings& key) {
  if (key.preset == "shares" && key.type != "proportional" && key.type != "optimised") return true;
  if (key.later_preset == "shares") return true;
  for (const KeyGroupSettings& g : key.groups) {
    if (g.preset == "shares" && g.type != "proportional" && g.type != "optimised") return true;
  }
  for (const PeriodKeySettings& p : key.periods) {
    if (key_uses_shares(p.key)) return true;
  }
  return false;
}

void read_key_and_rules(TableReader& root, Scenario& s) {
  std::vector<std::string> ids;
  for (const ApartmentSettings& a : s.apartments) ids.push_back(a.id);
  if (auto rules = root.optional_table("rules")) {
    std::vector<std::string> names = sharing::rule_set_names();
    s.rules.set = rules->string("set", s.rules.set);
    if (!sharing::rule_set_by_name(s.rules.set)) {
      std::string list;
      for (const std::string& n : names) list += (list.empty() ? "\"" : ", \"") + n + "\"";
      rules->fail("set", fill("onbekende regelset \"{}\"; verwacht een van {}", "unknown rule set \"{}\"; expected one of {}",
                              {s.rules.set, list}));
    }
    if (auto max = rules->optional_integer("max_rounds", 1, 100)) s.rules.max_rounds = static_cast<int>(*max);
    rules->reject_unknown_fields();
  }
  const sharing::RuleSet rule_set = *sharing::rule_set_by_name(s.rules.set);
  if (auto key = root.optional_table("key")) {
    bool any_investment = false;
    for (const ApartmentSettings& a : s.apartments) any_investment = any_investment || a.investment_eur.value_or(0.0) > 0.0;
    s.key = read_key_table(*key, ids, true, any_investment);
    check_key_against_rules(s.key, rule_set, s.rules.max_rounds, *key, s.warnings);
    for (const PeriodKeySettings& p : s.key.periods) {
      check_key_against_rules(p.key, rule_set, s.rules.max_rounds, *key, s.warnings);
    }
    key->reject_unknown_fields();
  }
  // Shares: warn when they do not add up to 1000, refuse when the key depends on them.
  double total = 0.0;
  for (const ApartmentSettings& a : s.apartments) total += a.shares;
  if (std::abs(total - 1000.0) > 0.5) {
    std::ostringstream total_text;
    total_text << total;
    const Text message = fill("de aandelen van de appartementen tellen op tot {}/1000, verwacht 1000",
                              "apartment shares add up to {}/1000, expected 1000", {total_text.str()});
    if (key_uses_shares(s.key)) {
      throw InputError({s.source_file.string(), 0, 0, "apartments[*].shares"},
                       message + Text{" (de verdeelsleutel \"volgens aandelen\" hangt ervan af)", " (the key \"by shares\" depends on them)"});
    }
    s.warnings.push_back(message + Text{"; kosten volgens aandelen worden herschaald naar het totaal",
                                        "; costs split by shares are normalised to the total"});
  }
}

// ---------------------------------------------------------------- writing

std::string quoted(const std::string& text) { return quoted_literal(text); }

/// Shortest text that reads back to the same double (so a round trip is exact).
std::string number_text(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    (void)ec;
    return std::string(buffer, end) + ".0";
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;
  return std::string(buffer, end);
}

std::string numbers_text(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + number_text(values[i]);
  return out + "]";
}

std::string strings_text(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + quoted(values[i]);
  return out + "]";
}

std::string rebased(const Scenario& s, const std::string& path, const std::filesystem::path& target_file) {
  if (path.empty() || target_file.empty() || std::filesystem::path(path).is_absolute()) return path;
  const std::filesystem::path absolute = std::filesystem::absolute(s.resolve(path)).lexically_normal();
  std::filesystem::path target_dir = std::filesystem::absolute(target_file).parent_path();
  return absolute.lexically_relative(target_dir).generic_string();
}

void write_consumption(std::ostream& out, const ConsumptionSettings& c, const std::string& file) {
  if (!file.empty()) {
    out << "file = " << quoted(file) << "\n";
    if (c.file_format != "auto") out << "format = " << quoted(c.file_format) << "\n";
    if (!c.ean.empty()) out << "ean = " << quoted(c.ean) << "\n";
  } else {
    out << "archetype = " << quoted(c.archetype) << "\n";
    if (c.annual_kwh) out << "annual_kwh = " << number_text(*c.annual_kwh) << "\n";
    if (!c.stochastic) out << "stochastic = false\n";
  }
  if (c.seed) out << "seed = " << *c.seed << "\n";
  if (c.heat_pump.enabled) {
    out << "heat_pump = { enabled = true, annual_kwh = " << number_text(c.heat_pump.annual_kwh) << " }\n";
  }
  if (c.ev.enabled) {
    out << "ev = { enabled = true, annual_kwh = " << number_text(c.ev.annual_kwh)
        << ", charger_kw = " << number_text(c.ev.charger_kw) << " }\n";
  }
}

void write_key_body(std::ostream& out, const KeySettings& k) {
  out << "type = " << quoted(k.type) << "\n";
  out << "preset = " << quoted(k.preset) << "\n";
  if (!k.percentages.empty()) out << "percentages = " << numbers_text(k.percentages) << "\n";
  if (k.type == "cascade" || k.type == "hybrid") out << "rounds = " << k.rounds << "\n";
  if (!k.later_preset.empty()) out << "later_preset = " << quoted(k.later_preset) << "\n";
  if (!k.later_percentages.empty()) out << "later_percentages = " << numbers_text(k.later_percentages) << "\n";
  if (k.type == "hybrid") out << "fixed_fraction = " << number_text(k.fixed_fraction) << "\n";
  if (k.type == "optimised") out << "objective = " << quoted(k.objective) << "\n";
}

/// A dynamic contract's day-ahead prices, read from the file the scenario names.
void load_day_ahead_prices(Scenario& s) {
  economics::EnergyTariff& energy = s.economics.tariffs.energy;
  if (energy.contract != economics::EnergyContract::dynamic || energy.day_ahead_file.empty()) return;
  const std::filesystem::path path = s.resolve(energy.day_ahead_file);
  if (!std::filesystem::exists(path)) {
    throw InputError({s.source_file.string(), 0, 0, "tariffs.energy.day_ahead_file"},
                     fill("day-aheadprijzenbestand \"{}\" niet gevonden", "day-ahead price file \"{}\" not found", {path.string()}));
  }
  energy.day_ahead_eur_per_mwh =
      parse_day_ahead_prices(read_text_file(path), path.string(), time::make_year_grid(s.site.year).interval_count);
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::filesystem::path& file) {
  return parse_scenario_document(parse_toml(text, file.string()), file);
}

Scenario parse_scenario_document(const toml::table& document, const std::filesystem::path& file) {
  const std::string file_label = file.string();
  TableReader root(document, file_label, "");
  Scenario s;
  s.source_file = file;
  s.description = root.string("description", "");
  if (auto seed = root.optional_integer("seed", 0, std::numeric_limits<long long>::max())) {
    s.seed = static_cast<std::uint64_t>(*seed);
  }
  read_site(root, s);
  read_weather(root, s);
  read_common(root, s);
  read_apartments(root, s);
  read_pv(root, s);  // after the apartments: an array may sit behind an apartment's meter
  read_key_and_rules(root, s);
  read_battery(root, s);
  if (auto training = root.optional_table("training")) {
    s.training.notes = training->string("notes", "");
    if (auto questions = training->optional_strings("questions")) s.training.questions = *questions;
    training->reject_unknown_fields();
  }
  s.economics = read_economics_settings(root, s.rules.set, s.warnings);
  root.reject_unknown_fields();
  sync_economics(s);
  load_day_ahead_prices(s);
  if (s.pv.arrays.empty()) s.warnings.push_back(Text{"geen [[pv.arrays]]: het gebouw heeft geen zonnepanelen, er wordt niets gedeeld", "no [[pv.arrays]]: the building has no PV, nothing is shared"});
  return s;
}

Scenario read_scenario(const std::filesystem::path& file) {
  return parse_scenario(read_text_file(file), file);
}

std::string format_scenario(const Scenario& s, const std::filesystem::path& target_file) {
  std::ostringstream out;
  out << "# deelstroom scenario: one apartment building (TOML).\n";
  if (!s.description.empty()) out << "description = " << quoted(s.description) << "\n";
  out << "seed = " << s.seed << "\n\n";
  out << "[site]\n";
  if (!s.site.name.empty()) out << "name = " << quoted(s.site.name) << "\n";
  out << "latitude = " << number_text(s.site.latitude_deg) << "\n"
      << "longitude = " << number_text(s.site.longitude_deg) << "\n"
      << "elevation_m = " << number_text(s.site.elevation_m) << "\n"
      << "timezone = " << quoted(s.site.timezone) << "\n"
      << "year = " << s.site.year << "\n\n";
  out << "[weather]\n";
  if (s.weather.source == WeatherSource::pvgis) {
    out << "source = \"pvgis\"\nfile = " << quoted(rebased(s, s.weather.file, target_file)) << "\n"
        << "timing = " << quoted(s.weather.timing) << "\n\n";
  } else {
    out << "source = \"embedded\"\n\n";
  }
  out << "[pv]\ndegradation_pct_per_year = " << number_text(s.pv.degradation_pct_per_year) << "\n\n";
  for (const PvArraySettings& a : s.pv.arrays) {
    out << "[[pv.arrays]]\nname = " << quoted(a.name) << "\n";
    if (a.meter != "common") out << "meter = " << quoted(a.meter) << "\n";
    if (!a.file.empty()) {
      out << "file = " << quoted(rebased(s, a.file, target_file)) << "\n";
      if (a.kwp > 0.0) out << "kwp = " << number_text(a.kwp) << "\n";
      out << "\n";
      continue;
    }
    out << "kwp = " << number_text(a.kwp) << "\n"
        << "tilt_deg = " << number_text(a.tilt_deg) << "\n"
        << "azimuth_deg = " << number_text(a.azimuth_deg) << "\n";
    if (a.inverter_ac_kw) out << "inverter_ac_kw = " << number_text(*a.inverter_ac_kw) << "\n";
    if (a.losses.total_pct) out << "losses_pct = " << number_text(*a.losses.total_pct) << "\n";
    out << "gamma_pct_per_c = " << number_text(a.gamma_pct_per_c) << "\n"
        << "transposition = " << quoted(a.transposition) << "\n"
        << "iam = " << quoted(a.iam) << "\n"
        << "albedo = " << number_text(a.albedo) << "\n";
    const std::pair<const char*, const std::optional<double>*> categories[] = {
        {"soiling_pct", &a.losses.soiling_pct}, {"shading_pct", &a.losses.shading_pct},
        {"snow_pct", &a.losses.snow_pct}, {"mismatch_pct", &a.losses.mismatch_pct},
        {"wiring_pct", &a.losses.wiring_pct}, {"connections_pct", &a.losses.connections_pct},
        {"light_induced_degradation_pct", &a.losses.light_induced_degradation_pct},
        {"nameplate_rating_pct", &a.losses.nameplate_rating_pct}, {"age_pct", &a.losses.age_pct},
        {"availability_pct", &a.losses.availability_pct}};
    std::string losses;
    for (const auto& [name, value] : categories) {
      if (*value) losses += (losses.empty() ? "" : ", ") + std::string(name) + " = " + number_text(**value);
    }
    if (!losses.empty()) out << "losses = { " << losses << " }\n";
    out << "\n";
  }
  out << "[common]\n";
  write_consumption(out, s.common, rebased(s, s.common.file, target_file));
  out << "\n";
  for (const ApartmentSettings& a : s.apartments) {
    out << "[[apartments]]\nid = " << quoted(a.id) << "\nshares = " << number_text(a.shares) << "\n";
    write_consumption(out, a.consumption, rebased(s, a.consumption.file, target_file));
    if (!a.participates) out << "participates = false\n";
    if (a.occupancy == Occupancy::tenant) out << "occupancy = \"tenant\"\n";
    if (a.cost_share_pct) out << "cost_share_pct = " << number_text(*a.cost_share_pct) << "\n";
    if (a.investment_eur) out << "investment_eur = " << number_text(*a.investment_eur) << "\n";
    out << "\n";
  }
  out << "[rules]\nset = " << quoted(s.rules.set) << "\n";
  if (s.rules.max_rounds) out << "max_rounds = " << *s.rules.max_rounds << "\n";
  out << "\n[key]\n";
  write_key_body(out, s.key);
  for (const KeyGroupSettings& g : s.key.groups) {
    out << "\n[[key.groups]]\napartments = " << strings_text(g.apartments) << "\ntype = " << quoted(g.type)
        << "\npreset = " << quoted(g.preset) << "\n";
    if (!g.percentages.empty()) out << "percentages = " << numbers_text(g.percentages) << "\n";
    out << "rounds = " << g.rounds << "\n";
    if (g.type == "hybrid") out << "fixed_fraction = " << number_text(g.fixed_fraction) << "\n";
  }
  for (const PeriodKeySettings& p : s.key.periods) {
    out << "\n[[key.periods]]\n";
    if (!p.name.empty()) out << "name = " << quoted(p.name) << "\n";
    out << "months = [";
    for (std::size_t i = 0; i < p.months.size(); ++i) out << (i ? ", " : "") << p.months[i];
    out << "]\n";
    write_key_body(out, p.key);
    for (const KeyGroupSettings& g : p.key.groups) {
      out << "\n[[key.periods.groups]]\napartments = " << strings_text(g.apartments) << "\ntype = " << quoted(g.type)
          << "\npreset = " << quoted(g.preset) << "\nrounds = " << g.rounds << "\n";
      if (!g.percentages.empty()) out << "percentages = " << numbers_text(g.percentages) << "\n";
    }
  }
  if (s.battery.enabled()) {
    const BatterySettings& b = s.battery;
    out << "\n[battery]\ncapacity_kwh = " << number_text(b.capacity_kwh) << "\npower_kw = " << number_text(b.power_kw)
        << "\nround_trip_efficiency = " << number_text(b.round_trip_efficiency) << "\ncost_eur = " << number_text(b.cost_eur)
        << "\nlifetime_years = " << b.lifetime_years << "\n";
    if (b.replacement_eur) out << "replacement_eur = " << number_text(*b.replacement_eur) << "\n";
  }
  if (!s.training.empty()) {
    out << "\n[training]\n";
    if (!s.training.notes.empty()) out << "notes = " << quoted(s.training.notes) << "\n";
    if (!s.training.questions.empty()) out << "questions = " << strings_text(s.training.questions) << "\n";
  }
  economics::EconomicsSettings money = s.economics;
  money.tariffs.energy.day_ahead_file = rebased(s, money.tariffs.energy.day_ahead_file, target_file);
  toml::table sections;
  write_economics_settings(sections, money);
  out << "\n# Tariffs (euro excl. VAT), the association's investment and the cash-flow analysis.\n"
      << toml::toml_formatter{sections} << "\n";
  return out.str();
}

void write_scenario(const Scenario& scenario, const std::filesystem::path& file) {
  write_file_atomically(file, format_scenario(scenario, file));
}

}  // namespace deelstroom::scenario
