#include "core/scenario/economics_section.hpp"

#include <charconv>
#include <cmath>

#include "core/common/error.hpp"
#include "core/load/csv_fields.hpp"
#include "core/tariffs/tariff_file.hpp"

namespace deelstroom::scenario {

namespace economics_fields {

using namespace deelstroom::economics;

constexpr double kMaxPrice = 10.0;  // €/kWh: far above any real tariff; catches €/MWh typed as €/kWh
constexpr double kMaxAmount = 1e9;  // €

/// A yearly rate: above -1 (-100 %) and at most 10.
double rate(TableReader& table, std::string_view key, double fallback) {
  const double value = table.number(key, fallback, -1.0, 10.0);
  if (value <= -1.0) table.fail(key, Text{"verwacht een jaarlijks percentage boven -1 (-100 %), gevonden -1", "expected a yearly rate above -1 (-100 %), found -1"});
  return value;
}

void read_energy(TableReader& t, EnergyTariff& e) {
  const std::string contract = t.choice("contract", std::string(contract_name(e.contract)), {"single", "day_night", "dynamic"});
  e.contract = contract == "day_night" ? EnergyContract::day_night
               : contract == "dynamic" ? EnergyContract::dynamic
                                       : EnergyContract::single;
  e.price_eur_per_kwh = t.number("price_eur_per_kwh", e.price_eur_per_kwh, 0.0, kMaxPrice);
  e.day_price_eur_per_kwh = t.number("day_price_eur_per_kwh", e.day_price_eur_per_kwh, 0.0, kMaxPrice);
  e.night_price_eur_per_kwh = t.number("night_price_eur_per_kwh", e.night_price_eur_per_kwh, 0.0, kMaxPrice);
  e.night_start_hour = static_cast<int>(t.integer("night_start_hour", e.night_start_hour, 0, 23));
  e.night_end_hour = static_cast<int>(t.integer("night_end_hour", e.night_end_hour, 0, 23));
  e.weekend_is_night = t.boolean("weekend_is_night", e.weekend_is_night);
  e.holidays_are_night = t.boolean("holidays_are_night", e.holidays_are_night);
  e.fixed_eur_per_year = t.number("fixed_eur_per_year", e.fixed_eur_per_year, 0.0, 1e5);
  e.day_ahead_file = t.string("day_ahead_file", e.day_ahead_file);
  e.offtake_formula.factor = t.number("factor", e.offtake_formula.factor, -100.0, 100.0);
  e.offtake_formula.adder_eur_per_kwh = t.number("adder_eur_per_kwh", e.offtake_formula.adder_eur_per_kwh, -kMaxPrice, kMaxPrice);
  if (e.contract == EnergyContract::dynamic && e.day_ahead_file.empty()) {
    t.fail("contract", Text{"een dynamisch contract vraagt day_ahead_file (de day-aheadprijzen, €/MWh)", "a dynamic contract needs day_ahead_file (the day-ahead prices, €/MWh)"});
  }
  t.reject_unknown_fields();
}

void read_network(TableReader& t, NetworkTariff& n) {
  n.distribution_eur_per_kwh = t.number("distribution_eur_per_kwh", n.distribution_eur_per_kwh, 0.0, kMaxPrice);
  n.public_service_eur_per_kwh = t.number("public_service_eur_per_kwh", n.public_service_eur_per_kwh, 0.0, kMaxPrice);
  n.surcharges_eur_per_kwh = t.number("surcharges_eur_per_kwh", n.surcharges_eur_per_kwh, 0.0, kMaxPrice);
  n.transmission_eur_per_kwh = t.number("transmission_eur_per_kwh", n.transmission_eur_per_kwh, 0.0, kMaxPrice);
  n.capacity_eur_per_kw_per_year = t.number("capacity_eur_per_kw_per_year", n.capacity_eur_per_kw_per_year, 0.0, 1e4);
  n.capacity_min_peak_kw = t.number("capacity_min_peak_kw", n.capacity_min_peak_kw, 0.0, 1e3);
  n.max_kwh_tariff_eur_per_kwh = t.number("max_kwh_tariff_eur_per_kwh", n.max_kwh_tariff_eur_per_kwh, 0.0, kMaxPrice);
  n.data_management_eur_per_year = t.number("data_management_eur_per_year", n.data_management_eur_per_year, 0.0, 1e5);
  n.sharing_participant_fee_eur_per_year =
      t.number("sharing_participant_fee_eur_per_year", n.sharing_participant_fee_eur_per_year, 0.0, 1e5);
  t.reject_unknown_fields();
}

/// The overrides of a scenario's [tariffs] on top of the tariff file (year and area are read
/// before, to choose the file).
void read_tariffs(TableReader& t, Tariffs& tariffs) {
  t.integer("year", tariffs.year, 2000, 2100);
  t.string("dso_area", "");
  tariffs.vat_rate = t.number("vat_rate", tariffs.vat_rate, 0.0, 1.0);
  if (auto energy = t.optional_table("energy")) read_energy(*energy, tariffs.energy);
  if (auto network = t.optional_table("network")) read_network(*network, tariffs.network);
  if (auto levies = t.optional_table("levies")) {
    Levies& l = tariffs.levies;
    // A flat value given in the scenario replaces the file's published path.
    if (auto contribution = levies->optional_number("energy_contribution_eur_per_kwh", 0.0, kMaxPrice)) {
      l.energy_contribution_eur_per_kwh = *contribution;
      l.energy_contribution_path.clear();
    }
    if (auto excise = levies->optional_number("excise_eur_per_kwh", 0.0, kMaxPrice)) {
      l.excise_eur_per_kwh = *excise;
      l.excise_path.clear();
    }
    l.certificates_eur_per_kwh = levies->number("certificates_eur_per_kwh", l.certificates_eur_per_kwh, 0.0, kMaxPrice);
    levies->reject_unknown_fields();
  }
  if (auto injection = t.optional_table("injection")) {
    InjectionTariff& i = tariffs.injection;
    // Injection may be negative: some contracts charge for injected kWh.
    i.price_eur_per_kwh = injection->number("price_eur_per_kwh", i.price_eur_per_kwh, -kMaxPrice, kMaxPrice);
    i.dynamic = injection->boolean("dynamic", i.dynamic);
    i.formula.factor = injection->number("factor", i.formula.factor, -100.0, 100.0);
    i.formula.adder_eur_per_kwh = injection->number("adder_eur_per_kwh", i.formula.adder_eur_per_kwh, -kMaxPrice, kMaxPrice);
    if (i.dynamic && tariffs.energy.contract != EnergyContract::dynamic) {
      injection->fail("dynamic", Text{"dynamische injectie vraagt een dynamisch energiecontract ([tariffs.energy] contract = \"dynamic\")", "dynamic injection needs a dynamic energy contract ([tariffs.energy] contract = \"dynamic\")"});
    }
    injection->reject_unknown_fields();
  }
  if (auto sharing = t.optional_table("sharing")) {
    SharingAgreement& s = tariffs.sharing;
    s.internal_price_eur_per_kwh = sharing->number("internal_price_eur_per_kwh", s.internal_price_eur_per_kwh, 0.0, kMaxPrice);
    s.vat_on_internal_price = sharing->boolean("vat_on_internal_price", s.vat_on_internal_price);
    sharing->reject_unknown_fields();
  }
  t.reject_unknown_fields();
}

void read_investment(TableReader& t, Investment& inv) {
  inv.eur_per_kwp = t.number("eur_per_kwp", inv.eur_per_kwp, 0.0, 1e5);
  if (auto quote = t.optional_number("quote_eur", 0.0, kMaxAmount)) inv.quote_eur = *quote;
  inv.extra_eur = t.number("extra_eur", inv.extra_eur, 0.0, kMaxAmount);
  inv.subsidy_eur = t.number("subsidy_eur", inv.subsidy_eur, 0.0, kMaxAmount);
  inv.vat_rate = t.number("vat_rate", inv.vat_rate, 0.0, 1.0);
  inv.om_eur_per_kwp_per_year = t.number("om_eur_per_kwp_per_year", inv.om_eur_per_kwp_per_year, 0.0, 1e4);
  inv.insurance_eur_per_year = t.number("insurance_eur_per_year", inv.insurance_eur_per_year, 0.0, kMaxAmount);
  inv.administration_eur_per_year = t.number("administration_eur_per_year", inv.administration_eur_per_year, 0.0, kMaxAmount);
  inv.administration_eur_per_participant_per_year = t.number(
      "administration_eur_per_participant_per_year", inv.administration_eur_per_participant_per_year, 0.0, kMaxAmount);
  inv.inverter_lifetime_years = static_cast<int>(t.integer("inverter_lifetime_years", inv.inverter_lifetime_years, 0, 100));
  inv.inverter_replacement_eur_per_kwp =
      t.number("inverter_replacement_eur_per_kwp", inv.inverter_replacement_eur_per_kwp, 0.0, 1e5);
  if (auto loan = t.optional_table("loan")) {
    inv.loan.fraction = loan->number("fraction", inv.loan.fraction, 0.0, 1.0);
    inv.loan.rate = rate(*loan, "rate", inv.loan.rate);
    inv.loan.years = static_cast<int>(loan->integer("years", inv.loan.years, 1, 100));
    loan->reject_unknown_fields();
  }
  t.reject_unknown_fields();
}

void read_analysis(TableReader& t, Analysis& a) {
  a.horizon_years = static_cast<int>(t.integer("horizon_years", a.horizon_years, 1, 100));
  a.discount_rate = rate(t, "discount_rate", a.discount_rate);
  const std::string split = t.choice("cost_split", std::string(cost_split_name(a.cost_split)), {"shares", "participants", "custom"});
  a.cost_split = split == "participants" ? CostSplit::participants : split == "custom" ? CostSplit::custom : CostSplit::shares;
  const std::string evaluation =
      t.choice("year_evaluation", std::string(year_evaluation_name(a.year_evaluation)), {"interpolated", "exact"});
  a.year_evaluation = evaluation == "exact" ? YearEvaluation::exact : YearEvaluation::interpolated;
  if (auto escalation = t.optional_table("escalation")) {
    Escalation& e = a.escalation;
    e.energy = rate(*escalation, "energy", e.energy);
    e.network = rate(*escalation, "network", e.network);
    e.levies = rate(*escalation, "levies", e.levies);
    e.injection = rate(*escalation, "injection", e.injection);
    e.internal_price = rate(*escalation, "internal_price", e.internal_price);
    e.costs = rate(*escalation, "costs", e.costs);
    escalation->reject_unknown_fields();
  }
  t.reject_unknown_fields();
}

}  // namespace economics_fields

economics::EconomicsSettings default_economics_settings(const std::string& region, int year, const std::string& dso_area) {
  const auto data = tariffs::load_tariffs(region, year, dso_area);
  economics::EconomicsSettings settings;
  settings.tariffs = data->tariffs;
  settings.rules = data->rules;
  return settings;
}

economics::EconomicsSettings read_economics_settings(TableReader& root, const std::string& region,
                                                     std::vector<Text>& warnings) {
  auto table = root.optional_table("tariffs");
  int year = economics::kDefaultTariffYear;
  std::string area;
  if (table) {
    year = static_cast<int>(table->integer("year", year, 2000, 2100));
    area = table->string("dso_area", "");
  }
  economics::EconomicsSettings settings;
  try {
    settings = default_economics_settings(region, year, area);
  } catch (const InputError& error) {
    // A missing year or an unknown area is the scenario's field; a broken tariff file is
    // reported at its own file and line.
    const std::string& field = error.where().field;
    if (error.where().file.empty() && field == "tariffs.year") {
      if (table && table->has("year")) table->fail("year", error.text());
      root.fail("tariffs", error.text());
    }
    if (field == "dso_area" && table) table->fail("dso_area", error.text());
    throw;
  }
  if (const auto data = tariffs::load_tariffs(region, year, area); area.empty() && data->areas.size() > 1) {
    warnings.push_back(fill("[tariffs] dso_area niet gegeven: de tarieven van {} (de standaard van het bestand) worden gebruikt; "
                            "zet dso_area op het netgebied van het gebouw",
                            "[tariffs] dso_area not given: the tariffs of {} (the file's default) are used; set dso_area to "
                            "the building's network area",
                            {data->area_name}));
  }
  if (table) economics_fields::read_tariffs(*table, settings.tariffs);
  if (auto investment = root.optional_table("investment")) economics_fields::read_investment(*investment, settings.investment);
  if (auto analysis = root.optional_table("economics")) economics_fields::read_analysis(*analysis, settings.analysis);
  return settings;
}

namespace {

/// Every [tariffs] field of `t`, as the scenario reader takes them.
toml::table tariff_fields(const economics::Tariffs& t) {
  using namespace deelstroom::economics;
  const EnergyTariff& e = t.energy;
  toml::table energy{{"contract", std::string(contract_name(e.contract))},
                     {"price_eur_per_kwh", e.price_eur_per_kwh},
                     {"day_price_eur_per_kwh", e.day_price_eur_per_kwh},
                     {"night_price_eur_per_kwh", e.night_price_eur_per_kwh},
                     {"night_start_hour", e.night_start_hour},
                     {"night_end_hour", e.night_end_hour},
                     {"weekend_is_night", e.weekend_is_night},
                     {"holidays_are_night", e.holidays_are_night},
                     {"fixed_eur_per_year", e.fixed_eur_per_year},
                     {"factor", e.offtake_formula.factor},
                     {"adder_eur_per_kwh", e.offtake_formula.adder_eur_per_kwh}};
  if (!e.day_ahead_file.empty()) energy.insert_or_assign("day_ahead_file", e.day_ahead_file);
  const NetworkTariff& n = t.network;
  toml::table network{{"distribution_eur_per_kwh", n.distribution_eur_per_kwh},
                      {"public_service_eur_per_kwh", n.public_service_eur_per_kwh},
                      {"surcharges_eur_per_kwh", n.surcharges_eur_per_kwh},
                      {"transmission_eur_per_kwh", n.transmission_eur_per_kwh},
                      {"capacity_eur_per_kw_per_year", n.capacity_eur_per_kw_per_year},
                      {"capacity_min_peak_kw", n.capacity_min_peak_kw},
                      {"max_kwh_tariff_eur_per_kwh", n.max_kwh_tariff_eur_per_kwh},
                      {"data_management_eur_per_year", n.data_management_eur_per_year},
                      {"sharing_participant_fee_eur_per_year", n.sharing_participant_fee_eur_per_year}};
  // A levy with a published path is the file's; a flat levy is written (it replaces the path).
  toml::table levies{{"certificates_eur_per_kwh", t.levies.certificates_eur_per_kwh}};
  if (t.levies.energy_contribution_path.empty()) {
    levies.insert_or_assign("energy_contribution_eur_per_kwh", t.levies.energy_contribution_eur_per_kwh);
  }
  if (t.levies.excise_path.empty()) levies.insert_or_assign("excise_eur_per_kwh", t.levies.excise_eur_per_kwh);
  toml::table injection{{"price_eur_per_kwh", t.injection.price_eur_per_kwh},
                        {"dynamic", t.injection.dynamic},
                        {"factor", t.injection.formula.factor},
                        {"adder_eur_per_kwh", t.injection.formula.adder_eur_per_kwh}};
  toml::table sharing{{"internal_price_eur_per_kwh", t.sharing.internal_price_eur_per_kwh},
                      {"vat_on_internal_price", t.sharing.vat_on_internal_price}};
  return toml::table{{"vat_rate", t.vat_rate},           {"energy", std::move(energy)},
                     {"network", std::move(network)}, {"levies", std::move(levies)},
                     {"injection", std::move(injection)}, {"sharing", std::move(sharing)}};
}

/// Whether two scalar TOML values are equal (same type and value).
bool same_value(const toml::node& a, const toml::node& b) {
  if (a.type() != b.type()) return false;
  if (auto x = a.as_floating_point()) return x->get() == b.as_floating_point()->get();
  if (auto x = a.as_integer()) return x->get() == b.as_integer()->get();
  if (auto x = a.as_boolean()) return x->get() == b.as_boolean()->get();
  if (auto x = a.as_string()) return x->get() == b.as_string()->get();
  return false;
}

/// Removes from `fields` every value equal to the one in `defaults` (recursively), so that a
/// saved scenario holds only what differs from its tariff file.
void remove_defaults(toml::table& fields, const toml::table& defaults) {
  std::vector<std::string> same;
  for (auto& [key, node] : fields) {
    const toml::node* base = defaults.get(key.str());
    if (base == nullptr) continue;
    if (auto* sub = node.as_table(); sub != nullptr && base->is_table()) {
      remove_defaults(*sub, *base->as_table());
      if (sub->empty()) same.emplace_back(key.str());
    } else if (same_value(node, *base)) {
      same.emplace_back(key.str());
    }
  }
  for (const std::string& key : same) fields.erase(key);
}

}  // namespace

void write_economics_settings(toml::table& root, const economics::EconomicsSettings& settings) {
  using namespace deelstroom::economics;
  const Tariffs& t = settings.tariffs;
  toml::table tariffs = tariff_fields(t);
  try {
    // The file the reader will start from; a levy whose path was replaced stays written.
    const Tariffs defaults = default_economics_settings(settings.rules.name, t.year, t.dso_area).tariffs;
    toml::table base = tariff_fields(defaults);
    remove_defaults(tariffs, base);
  } catch (const InputError&) {
    // No tariff file for this region and year: every field is written.
  }
  tariffs.insert("year", t.year);
  if (!t.dso_area.empty()) tariffs.insert("dso_area", t.dso_area);
  root.insert_or_assign("tariffs", std::move(tariffs));

  const Investment& inv = settings.investment;
  toml::table investment{{"eur_per_kwp", inv.eur_per_kwp},
                         {"extra_eur", inv.extra_eur},
                         {"subsidy_eur", inv.subsidy_eur},
                         {"vat_rate", inv.vat_rate},
                         {"om_eur_per_kwp_per_year", inv.om_eur_per_kwp_per_year},
                         {"insurance_eur_per_year", inv.insurance_eur_per_year},
                         {"administration_eur_per_year", inv.administration_eur_per_year},
                         {"administration_eur_per_participant_per_year", inv.administration_eur_per_participant_per_year},
                         {"inverter_lifetime_years", inv.inverter_lifetime_years},
                         {"inverter_replacement_eur_per_kwp", inv.inverter_replacement_eur_per_kwp},
                         {"loan", toml::table{{"fraction", inv.loan.fraction}, {"rate", inv.loan.rate}, {"years", inv.loan.years}}}};
  if (inv.quote_eur) investment.insert_or_assign("quote_eur", *inv.quote_eur);
  root.insert_or_assign("investment", std::move(investment));

  const Analysis& a = settings.analysis;
  const Escalation& esc = a.escalation;
  toml::table analysis{{"horizon_years", a.horizon_years},
                       {"discount_rate", a.discount_rate},
                       {"cost_split", std::string(cost_split_name(a.cost_split))},
                       {"year_evaluation", std::string(year_evaluation_name(a.year_evaluation))},
                       {"escalation", toml::table{{"energy", esc.energy},
                                                  {"network", esc.network},
                                                  {"levies", esc.levies},
                                                  {"injection", esc.injection},
                                                  {"internal_price", esc.internal_price},
                                                  {"costs", esc.costs}}}};
  root.insert_or_assign("economics", std::move(analysis));
}

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '"')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '"')) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::vector<double> parse_day_ahead_prices(std::string_view text, const std::string& file, int interval_count) {
  std::vector<double> prices;
  int line_number = 0;
  std::size_t position = 0;
  // The file's separator, from its first line: ';' when that line has one (Flemish Excel CSV,
  // whose decimal mark is ','), otherwise ','. 0 until the first line is seen.
  char separator = 0;
  std::optional<std::int64_t> previous_time;  // UTC (or wall-clock) seconds of the last time stamp
  int previous_time_line = 0;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(position, end - position);
    position = end + 1;
    ++line_number;
    if (trim(line).empty()) continue;
    if (separator == 0) separator = line.find(';') != std::string_view::npos ? ';' : ',';
    const bool decimal_comma = separator == ';';
    const std::size_t cut = line.rfind(separator);
    const std::string_view field = cut == std::string_view::npos ? line : line.substr(cut + 1);
    const int column = static_cast<int>(cut == std::string_view::npos ? 1 : cut + 2);
    std::optional<double> value;
    if (decimal_comma) {
      value = load::parse_decimal(trim(field), true);
      if (value && !std::isfinite(*value)) value.reset();
    } else {
      value = parse_number(field);
    }
    if (!value) {
      if (prices.empty() && line_number == 1) continue;  // a header
      throw InputError({file, line_number, column, "price"},
                       fill("verwacht een day-aheadprijs in €/MWh, gevonden \"{}\"", "expected a day-ahead price in €/MWh, found \"{}\"",
                            {trim(field)}) +
                           (decimal_comma ? Text{" (scheidingsteken ';', decimaalteken ',' of '.')", " (separator ';', decimal mark ',' or '.')"}
                                          : Text{}));
    }
    if (!decimal_comma && cut != std::string_view::npos) {
      // "80,00" in a ',' file: a decimal comma or a value after a number? Both halves being
      // numbers and the last one a bare integer is read neither way.
      const std::string_view last = trim(field);
      const bool bare_digits = !last.empty() && last.find_first_not_of("0123456789") == std::string_view::npos;
      const std::string_view head = line.substr(0, cut);
      const std::size_t before = head.rfind(',');
      const std::string_view previous = before == std::string_view::npos ? head : head.substr(before + 1);
      if (bare_digits && parse_number(previous)) {
        throw InputError({file, line_number, column, "price"},
                         fill("dubbelzinnig \"{}\": verwacht een prijs met een decimale punt (80.00) na ',', of ';' als "
                              "scheidingsteken wanneer het decimaalteken ',' is (80,00)",
                              "ambiguous \"{}\": expected a price with a decimal point (80.00) after ',', or ';' as separator "
                              "when the decimal mark is ',' (80,00)",
                              {trim(line)}));
      }
    }
    // A line starting with an ISO 8601 time stamp: the stamps must increase.
    const std::size_t first_cut = line.find(separator);
    if (first_cut != std::string_view::npos) {
      if (const auto stamp = load::parse_iso_timestamp(trim(line.substr(0, first_cut)))) {
        const std::int64_t seconds = time::days_from_civil(stamp->date) * 86400 + stamp->clock.hour * 3600 +
                                     stamp->clock.minute * 60 + stamp->clock.second -
                                     std::int64_t{stamp->utc_offset_minutes.value_or(0)} * 60;
        if (previous_time && seconds <= *previous_time) {
          throw InputError({file, line_number, 1, "time"},
                           fill("verwacht tijdstempels in stijgende volgorde (UTC vanaf 1 januari 00:00), gevonden \"{}\" niet na die op regel {}",
                                "expected time stamps in increasing order (UTC from 1 January 00:00), found \"{}\" not after the one on line {}",
                                {trim(line.substr(0, first_cut)), std::to_string(previous_time_line)}));
        }
        previous_time = seconds;
        previous_time_line = line_number;
      }
    }
    prices.push_back(*value);
  }
  const int count = static_cast<int>(prices.size());
  if (count == interval_count) return prices;
  if (interval_count % 4 == 0 && count == interval_count / 4) {
    std::vector<double> quarter_hours;
    quarter_hours.reserve(interval_count);
    for (double price : prices) quarter_hours.insert(quarter_hours.end(), 4, price);
    return quarter_hours;
  }
  throw InputError({file, line_number, 0, "price"},
                   fill("verwacht {} kwartierprijzen of {} uurprijzen, gevonden {}", "expected {} quarter-hourly or {} hourly prices, found {}",
                        {std::to_string(interval_count), std::to_string(interval_count / 4), std::to_string(count)}));
}

}  // namespace deelstroom::scenario
