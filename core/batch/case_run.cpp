#include "core/batch/case_run.hpp"

#include "core/common/error.hpp"
#include "core/sharing/key_catalogue.hpp"

#include <cmath>
#include <cstring>
#include <sstream>

#include "core/simulation/economics_run.hpp"
#include "core/simulation/key_resolution.hpp"

namespace deelstroom::batch {

namespace {

constexpr int kEnergyDecimals = 3;  // kWh to the Wh
constexpr int kRateDecimals = 6;
constexpr int kMoneyDecimals = 2;   // € to the cent
constexpr int kYearsDecimals = 3;

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

void optional_number(report::CsvWriter& csv, const std::optional<double>& value, int decimals) {
  if (value) {
    csv.number(*value, decimals);
  } else {
    csv.empty();
  }
}

std::vector<std::string> input_columns(const Study& study) {
  std::vector<std::string> names{"case", "case_id", "manifest_line", "scenario"};
  const StudyDefinition& d = study.definition();
  if (d.manifest) names.insert(names.end(), d.manifest->field_columns.begin(), d.manifest->field_columns.end());
  for (const Sweep& sweep : d.sweeps) names.push_back(sweep.path);
  names.push_back("draw");
  names.push_back("seed");
  return names;
}

/// The case's identifying cells: number, id, manifest line, scenario file, the manifest's
/// cells, the sweeps' values, the draw and the seed (empty when unknown).
void write_inputs(report::CsvWriter& csv, const Study& study, std::size_t index, const std::string* seed) {
  const StudyDefinition& d = study.definition();
  const CaseCoordinates at = study.coordinates(index);
  csv.integer(static_cast<long long>(index)).text(study.case_id(at)).integer(study.manifest_line(at));
  const ManifestRow* row = d.manifest ? &d.manifest->rows[at.row] : nullptr;
  csv.text(row != nullptr && !row->scenario_file.empty() ? row->scenario_file : d.base_scenario.filename().string());
  if (row != nullptr) {
    for (const std::string& cell : row->cells) csv.text(cell);
  }
  for (std::size_t s = 0; s < d.sweeps.size(); ++s) csv.text(d.sweeps[s].values[at.sweep_values[s]]);
  if (at.draw >= 0) {
    csv.integer(at.draw);
  } else {
    csv.empty();
  }
  if (seed != nullptr) {
    csv.text(*seed);
  } else {
    csv.empty();
  }
}

std::string header_line(const std::vector<std::string>& names, report::CsvStyle style) {
  std::ostringstream out;
  style.byte_order_mark = false;  // the output files write the mark once, before the header
  report::CsvWriter(out, style).header(names);
  return out.str();
}

void write_flows(report::CsvWriter& csv, const sharing::FlowTotals& year) {
  csv.number(year.shared_kwh, kEnergyDecimals)
      .number(year.injected_kwh, kEnergyDecimals)
      .number(year.sharing_rate(), kRateDecimals)
      .number(year.self_consumption_rate(), kRateDecimals)
      .number(year.apartments_self_sufficiency(), kRateDecimals);
}

double lowest_self_sufficiency(const sharing::SettlementResult& settlement) {
  double lowest = settlement.apartment_count > 0 ? 1.0 : 0.0;
  for (int i = 0; i < settlement.apartment_count; ++i) lowest = std::min(lowest, settlement.apartment_self_sufficiency(i));
  return lowest;
}

report::CsvStyle row_style(const CaseOptions& options) {
  report::CsvStyle style = options.csv_style;
  style.byte_order_mark = false;
  return style;
}

void write_key_row(std::ostringstream& out, const CaseOptions& options, std::size_t index, const std::string& case_id,
                   const std::string& label, const simulation::KeyRun& run, bool offered_by_dso) {
  report::CsvWriter csv(out, row_style(options));
  csv.integer(static_cast<long long>(index)).text(case_id).text(label).text(run.key.info.label).integer(offered_by_dso ? 1 : 0);
  write_flows(csv, run.settlement.year);
  csv.number(lowest_self_sufficiency(run.settlement), kRateDecimals);
  csv.end_row();
}

/// Participating apartments whose NPV (occupant + owner) is below zero, as a share of the
/// participating apartments; NaN when none participates.
double losing_apartment_share(const std::vector<economics::ApartmentResult>& apartments) {
  int participating = 0, losing = 0;
  for (const economics::ApartmentResult& a : apartments) {
    if (!a.participates) continue;
    ++participating;
    if (a.total.npv_eur < 0.0) ++losing;
  }
  return participating > 0 ? static_cast<double>(losing) / participating : std::numeric_limits<double>::quiet_NaN();
}

void fill_outcome(CaseOutcome& outcome, const Study& study, std::size_t index, const CaseOptions& options,
                  simulation::SimulationCaches& caches) {
  const CaseScenario built = study.build(index);
  const scenario::Scenario& s = built.scenario;
  const std::string seed = std::to_string(built.seed);
  const std::string case_id = study.case_id(study.coordinates(index));
  const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  // cases.csv and keys.csv hold flows, not rounds: settled without round buckets.
  const simulation::KeyRun own = simulation::run_key(s, building, s.key, false, true);
  const economics::EconomicsResult money = simulation::run_economics(s, building, own);

  std::ostringstream keys;
  if (!options.compared_keys.empty()) {
    const sharing::RuleSet rules = sharing::rule_set_by_name(s.rules.set).value_or(*sharing::rule_set_by_name("flanders"));
    write_key_row(keys, options, index, case_id, "scenario", own, simulation::key_offered(s.key, rules));
    outcome.indicators.key_sharing_rates.push_back(own.settlement.year.sharing_rate());
    for (const ComparedKeySpec& spec : options.compared_keys) {
      const simulation::KeyRun run = simulation::run_key(s, building, spec.key, false, true);
      write_key_row(keys, options, index, case_id, spec.label, run, simulation::key_offered(spec.key, rules));
      outcome.indicators.key_sharing_rates.push_back(run.settlement.year.sharing_rate());
    }
  }

  std::ostringstream cases;
  report::CsvWriter row(cases, row_style(options));
  write_inputs(row, study, index, &seed);
  const sharing::FlowTotals& year = own.settlement.year;
  const economics::AssociationResult& association = money.association;
  row.integer(static_cast<long long>(s.apartments.size()))
      .number(money.pv_kwp, kEnergyDecimals)
      .text(own.key.info.label)
      .number(year.production_kwh, kEnergyDecimals)
      .number(year.common_consumption_kwh, kEnergyDecimals)
      .number(year.common_self_consumption_kwh, kEnergyDecimals)
      .number(year.apartments_offtake_kwh, kEnergyDecimals);
  write_flows(row, year);
  row.number(year.building_self_sufficiency(), kRateDecimals)
      .number(association.investment.total_eur, kMoneyDecimals)
      .number(association.indicators.npv_eur, kMoneyDecimals);
  optional_number(row, association.indicators.irr, kRateDecimals);
  optional_number(row, association.indicators.simple_payback_years, kYearsDecimals);
  optional_number(row, association.indicators.discounted_payback_years, kYearsDecimals);
  optional_number(row, association.lcoe_eur_per_kwh, kRateDecimals);
  row.number(association.without_sharing.npv_eur, kMoneyDecimals);
  row.number(s.battery.enabled() ? s.battery.capacity_kwh : 0.0, kEnergyDecimals);
  if (building.battery) {
    row.number(building.battery->charged_kwh, kEnergyDecimals)
        .number(building.battery->discharged_kwh, kEnergyDecimals)
        .number(building.battery->losses_kwh, kEnergyDecimals);
  } else {
    row.number(0.0, kEnergyDecimals).number(0.0, kEnergyDecimals).number(0.0, kEnergyDecimals);
  }
  row.end_row();

  std::ostringstream apartments;
  report::CsvWriter apartment_row(apartments, row_style(options));
  for (std::size_t i = 0; i < money.apartments.size(); ++i) {
    const economics::ApartmentResult& a = money.apartments[i];
    apartment_row.integer(static_cast<long long>(index)).text(case_id).text(a.id).integer(a.participates ? 1 : 0)
        .text(a.owner_occupied ? "owner" : "tenant")
        .number(a.offtake_kwh, kEnergyDecimals)
        .number(a.shared_kwh, kEnergyDecimals)
        .number(a.offtake_kwh > 0.0 ? a.shared_kwh / a.offtake_kwh : 0.0, kRateDecimals)
        .number(a.bill_no_pv_eur, kMoneyDecimals)
        .number(a.bill_with_sharing_eur, kMoneyDecimals)
        .number(a.occupant_saving_eur_per_year, kMoneyDecimals)
        .number(a.owner_investment_eur, kMoneyDecimals)
        .number(a.total.npv_eur, kMoneyDecimals);
    optional_number(apartment_row, a.total.irr, kRateDecimals);
    optional_number(apartment_row, a.total.simple_payback_years, kYearsDecimals);
    apartment_row.end_row();
  }

  outcome.ok = true;
  outcome.cases_rows = cases.str();
  outcome.apartment_rows = apartments.str();
  outcome.key_rows = keys.str();
  outcome.indicators.sharing_rate = year.sharing_rate();
  outcome.indicators.npv_eur = association.indicators.npv_eur;
  // Not paid back within the horizon: an infinite payback, kept in the statistics.
  outcome.indicators.simple_payback_years = association.indicators.simple_payback_years
                                                ? *association.indicators.simple_payback_years
                                                : std::numeric_limits<double>::infinity();
  outcome.indicators.losing_apartment_share = losing_apartment_share(money.apartments);
}

void append_string(std::string& out, std::string_view text) {
  const std::uint64_t size = text.size();
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out.append(text);
}

template <typename T>
void append_raw(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T take_raw(std::string_view& bytes) {
  if (bytes.size() < sizeof(T)) throw std::runtime_error("truncated batch message");
  T value;
  std::memcpy(&value, bytes.data(), sizeof value);
  bytes.remove_prefix(sizeof value);
  return value;
}

std::string take_string(std::string_view& bytes) {
  const auto size = take_raw<std::uint64_t>(bytes);
  if (bytes.size() < size) throw std::runtime_error("truncated batch message");
  std::string text(bytes.substr(0, size));
  bytes.remove_prefix(size);
  return text;
}

}  // namespace

std::vector<ComparedKeySpec> parse_key_specs(std::string_view list) {
  std::vector<ComparedKeySpec> specs;
  for (const std::string& item : split(list, ',')) {
    if (item.empty()) continue;
    const std::vector<std::string> parts = split(item, ':');
    const auto fail = [&](const Text& why) {
      throw InputError({"", 0, 0, "--keys"}, verbatim("\"" + item + "\": ") + why +
                                                  Text{"; verwacht type[:preset[:rondes]], bv. optimal:shares, fixed:equal, cascade:shares:3, proportional",
                                                       "; expected type[:preset[:rounds]], e.g. optimal:shares, fixed:equal, cascade:shares:3, proportional"});
    };
    ComparedKeySpec spec;
    spec.label = item;
    spec.key.type = parts[0];
    const std::vector<std::string> types = sharing::key_type_ids();
    if (spec.key.type == "priority" ||
        (spec.key.type != "static" && std::find(types.begin(), types.end(), spec.key.type) == types.end())) {
      fail(Text{"onbekend type (fixed, relative, optimal, cascade, proportional, hybrid of optimised)", "unknown type (fixed, relative, optimal, cascade, proportional, hybrid or optimised)"});
    }
    if (parts.size() > 3) fail(Text{"te veel delen", "too many parts"});
    if (parts.size() >= 2) {
      spec.key.preset = parts[1];
      if (spec.key.preset != "equal" && spec.key.preset != "shares" && spec.key.preset != "consumption" &&
          spec.key.preset != "investment") {
        fail(Text{"onbekende preset (equal, shares, consumption of investment)", "unknown preset (equal, shares, consumption or investment)"});
      }
    }
    if (parts.size() == 3) {
      try {
        std::size_t used = 0;
        spec.key.rounds = std::stoi(parts[2], &used);
        if (used != parts[2].size() || spec.key.rounds < 1 || spec.key.rounds > 100) fail(Text{"rondes moeten 1..100 zijn", "rounds must be 1..100"});
        if (spec.key.type == "static") spec.key.type = spec.key.rounds > 1 ? "cascade" : "fixed";  // older lists
        if (spec.key.type != "cascade" && spec.key.type != "hybrid" && spec.key.rounds != 1) {
          fail(Text{"rondes gelden alleen voor cascade- en hybride verdeelsleutels", "rounds are set for cascade and hybrid keys only"});
        }
      } catch (const std::logic_error&) {
        fail(Text{"rondes moeten een geheel getal zijn", "rounds must be a whole number"});
      }
    }
    if (spec.key.type == "static") spec.key.type = "fixed";  // "static" of older lists, one round
    if (spec.key.type == "cascade" && spec.key.rounds < 2) fail(Text{"een cascade vraagt rondes >= 2, bv. cascade:shares:3", "a cascade needs rounds >= 2, e.g. cascade:shares:3"});
    specs.push_back(spec);
  }
  return specs;
}

TableHeaders table_headers(const Study& study, const CaseOptions& options) {
  TableHeaders headers;
  std::vector<std::string> cases = input_columns(study);
  for (const char* name : {"apartments", "pv_kwp", "key", "production_kwh", "common_consumption_kwh",
                           "common_self_consumption_kwh", "apartments_offtake_kwh", "shared_kwh", "injected_kwh",
                           "sharing_rate", "self_consumption_rate", "apartments_self_sufficiency",
                           "building_self_sufficiency", "investment_eur", "npv_eur", "irr", "simple_payback_years",
                           "discounted_payback_years", "lcoe_eur_per_kwh", "npv_without_sharing_eur", "battery_kwh",
                           "battery_charged_kwh", "battery_discharged_kwh", "battery_losses_kwh"}) {
    cases.emplace_back(name);
  }
  headers.cases = header_line(cases, options.csv_style);
  headers.apartments = header_line({"case", "case_id", "apartment", "participates", "occupancy", "offtake_kwh", "shared_kwh",
                                    "self_sufficiency", "bill_no_pv_eur", "bill_with_sharing_eur",
                                    "occupant_saving_eur_per_year", "owner_investment_eur", "npv_eur", "irr",
                                    "simple_payback_years"},
                                   options.csv_style);
  headers.keys = header_line({"case", "case_id", "key", "key_label", "offered_by_dso", "shared_kwh", "injected_kwh", "sharing_rate",
                              "self_consumption_rate", "apartments_self_sufficiency", "lowest_apartment_self_sufficiency"},
                             options.csv_style);
  std::vector<std::string> failures = input_columns(study);
  failures.emplace_back("reason");
  headers.failures = header_line(failures, options.csv_style);
  return headers;
}

CaseOutcome run_case(const Study& study, std::size_t index, const CaseOptions& options,
                     simulation::SimulationCaches& caches) {
  CaseOutcome outcome;
  outcome.index = index;
  try {
    fill_outcome(outcome, study, index, options, caches);
    return outcome;
  } catch (const std::exception& error) {
    outcome = CaseOutcome{};
    outcome.index = index;
    outcome.error = describe_error(error, options.language);
  }
  std::string reason = outcome.error;
  for (char& c : reason) {
    if (c == '\n' || c == '\r') c = ' ';  // one physical line per row
  }
  std::ostringstream failure;
  report::CsvWriter row(failure, row_style(options));
  write_inputs(row, study, index, nullptr);
  row.text(reason);
  row.end_row();
  outcome.failure_rows = failure.str();
  return outcome;
}

std::string serialise_outcome(const CaseOutcome& outcome) {
  std::string bytes;
  append_raw<std::uint64_t>(bytes, outcome.index);
  append_raw<std::uint8_t>(bytes, outcome.ok ? 1 : 0);
  for (const std::string* text : {&outcome.cases_rows, &outcome.apartment_rows, &outcome.key_rows, &outcome.failure_rows,
                                  &outcome.error}) {
    append_string(bytes, *text);
  }
  append_raw(bytes, outcome.indicators.simple_payback_years);
  append_raw(bytes, outcome.indicators.sharing_rate);
  append_raw(bytes, outcome.indicators.npv_eur);
  append_raw(bytes, outcome.indicators.losing_apartment_share);
  append_raw<std::uint64_t>(bytes, outcome.indicators.key_sharing_rates.size());
  for (double rate : outcome.indicators.key_sharing_rates) append_raw(bytes, rate);
  return bytes;
}

CaseOutcome deserialise_outcome(std::string_view bytes) {
  CaseOutcome outcome;
  outcome.index = take_raw<std::uint64_t>(bytes);
  outcome.ok = take_raw<std::uint8_t>(bytes) != 0;
  for (std::string* text : {&outcome.cases_rows, &outcome.apartment_rows, &outcome.key_rows, &outcome.failure_rows,
                            &outcome.error}) {
    *text = take_string(bytes);
  }
  outcome.indicators.simple_payback_years = take_raw<double>(bytes);
  outcome.indicators.sharing_rate = take_raw<double>(bytes);
  outcome.indicators.npv_eur = take_raw<double>(bytes);
  outcome.indicators.losing_apartment_share = take_raw<double>(bytes);
  const auto keys = take_raw<std::uint64_t>(bytes);
  if (keys > bytes.size() / sizeof(double)) throw std::runtime_error("truncated batch message");
  for (std::uint64_t k = 0; k < keys; ++k) outcome.indicators.key_sharing_rates.push_back(take_raw<double>(bytes));
  return outcome;
}

}  // namespace deelstroom::batch
