#include "core/report/compare_report.hpp"

#include <algorithm>

#include "core/report/economics_report.hpp"
#include "core/report/json_writer.hpp"
#include "core/report/text_table.hpp"

namespace deelstroom::report {

namespace {

/// Smallest and largest self-sufficiency among the participating apartments.
std::pair<double, double> self_sufficiency_range(const scenario::Scenario& s, const sharing::SettlementResult& r) {
  double low = 1.0, high = 0.0;
  bool any = false;
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    if (!s.apartments[i].participates) continue;
    const double value = r.apartment_self_sufficiency(static_cast<int>(i));
    low = std::min(low, value);
    high = std::max(high, value);
    any = true;
  }
  return any ? std::make_pair(low, high) : std::make_pair(0.0, 0.0);
}

/// Per key: the association's NPV and payback; per apartment and key: the occupant's saving
/// in year 1 and the apartment's NPV (occupant + owner).
void print_money_comparison(std::ostream& out, const scenario::Scenario& s, const std::vector<simulation::ComparedKey>& keys,
                            Language language) {
  const bool nl = language == Language::dutch;
  const int horizon = keys.front().economics->horizon_years;
  out << "\n" << tr(language, "VME per sleutel", "Owners' association per key") << "\n";
  TextTable association;
  association.add_column("#", TextTable::Align::right);
  association.add_column(tr(language, "Interne verkoop jaar 1 EUR", "Internal sales year 1 EUR"));
  association.add_column(tr(language, "NCW EUR", "NPV EUR"));
  association.add_column(tr(language, "Terugverdientijd", "Payback years"));
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const economics::AssociationResult& vme = keys[k].economics->association;
    const double internal = vme.years.size() > 1 ? vme.years[1].internal_income_eur : 0.0;
    association.add_row({std::to_string(k + 1), format_number(internal, 0, nl), format_number(vme.indicators.npv_eur, 0, nl),
                         payback_text(vme.indicators.simple_payback_years, horizon, language)});
  }
  association.print(out);
  auto apartment_table = [&](std::string_view title, auto value_of) {
    out << "\n" << title << "\n";
    TextTable table;
    table.add_column(tr(language, "Appartement", "Apartment"), TextTable::Align::left);
    for (std::size_t k = 0; k < keys.size(); ++k) table.add_column("#" + std::to_string(k + 1));
    for (std::size_t i = 0; i < s.apartments.size(); ++i) {
      std::vector<std::string> row = {s.apartments[i].id};
      for (const auto& key : keys) row.push_back(format_number(value_of(key.economics->apartments[i]), 0, nl));
      table.add_row(row);
    }
    table.print(out);
  };
  apartment_table(tr(language, "Besparing bewoner jaar 1, EUR per appartement (kolom = sleutel #)",
                     "Occupant saving year 1, EUR per apartment (column = key #)"),
                  [](const economics::ApartmentResult& a) { return a.occupant_saving_eur_per_year; });
  apartment_table(tr(language, "NCW bewoner + eigenaar, EUR per appartement (kolom = sleutel #)",
                     "NPV occupant + owner, EUR per apartment (column = key #)"),
                  [](const economics::ApartmentResult& a) { return a.total.npv_eur; });
}

}  // namespace

void print_key_comparison(std::ostream& out, const scenario::Scenario& s, const std::vector<simulation::ComparedKey>& keys,
                          Language language) {
  const bool nl = language == Language::dutch;
  out << (s.site.name.empty() ? std::string(tr(language, "Gebouw", "Building")) : s.site.name) << " — "
      << tr(language, "verdeelsleutels vergeleken", "allocation keys compared") << "\n\n";
  TextTable summary;
  summary.add_column("#", TextTable::Align::right);
  summary.add_column(tr(language, "Sleutel", "Key"), TextTable::Align::left);
  summary.add_column(tr(language, "Gedeeld kWh", "Shared kWh"));
  summary.add_column(tr(language, "Delingsgraad", "Sharing rate"));
  summary.add_column(tr(language, "Zelfverbruik", "Self-consumption"));
  summary.add_column(tr(language, "Zelfvoorz. min–max", "Self-suff. min–max"));
  summary.add_column(tr(language, "Gemist kWh", "Missed kWh"));
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const auto& r = keys[k].run.settlement;
    const auto [low, high] = self_sufficiency_range(s, r);
    summary.add_row({std::to_string(k + 1), keys[k].label, format_number(r.year.shared_kwh, 0, nl),
                     format_percent(r.year.sharing_rate(), 1, nl), format_percent(r.year.self_consumption_rate(), 1, nl),
                     format_percent(low, 0, nl) + " – " + format_percent(high, 0, nl),
                     format_number(r.unshared_with_demand_kwh, 0, nl)});
  }
  summary.print(out);
  out << "\n" << tr(language, "Gedeelde kWh per appartement (kolom = sleutel #)", "Shared kWh per apartment (column = key #)")
      << "\n";
  TextTable per_apartment;
  per_apartment.add_column(tr(language, "Appartement", "Apartment"), TextTable::Align::left);
  for (std::size_t k = 0; k < keys.size(); ++k) per_apartment.add_column("#" + std::to_string(k + 1));
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    std::vector<std::string> row = {s.apartments[i].id};
    for (const auto& key : keys) row.push_back(format_number(key.run.settlement.apartment_shared_kwh(static_cast<int>(i)), 0, nl));
    per_apartment.add_row(row);
  }
  per_apartment.print(out);
  if (!keys.empty() && keys.front().economics) print_money_comparison(out, s, keys, language);
  out << "\n"
      << tr(language,
            "Gemist = kWh die ongedeeld bleef terwijl een appartement nog afname had. Zelfvoorziening = gedeeld / afname.\n",
            "Missed = kWh left unshared while an apartment still had offtake. Self-sufficiency = shared / offtake.\n");
}

void write_key_comparison_json(std::ostream& out, const scenario::Scenario& s,
                               const std::vector<simulation::ComparedKey>& keys) {
  JsonWriter json(out);
  json.begin_object().value("building", s.site.name).begin_array("keys");
  for (const auto& key : keys) {
    const auto& r = key.run.settlement;
    json.begin_object()
        .value("label", key.label)
        .value("type", key.key.type)
        .value("preset", key.key.preset)
        .value("rounds", key.key.rounds)
        .value("offered_by_dso", key.offered)
        .value("rounds_used", r.rounds_used)
        .value("shared_kwh", r.year.shared_kwh)
        .value("injected_kwh", r.year.injected_kwh)
        .value("sharing_rate", r.year.sharing_rate())
        .value("self_consumption_rate", r.year.self_consumption_rate())
        .value("unshared_with_demand_kwh", r.unshared_with_demand_kwh);
    if (key.economics) write_association_json(json, *key.economics);
    json.begin_array("apartments");
    for (std::size_t i = 0; i < s.apartments.size(); ++i) {
      const int index = static_cast<int>(i);
      const auto& weights = key.run.key.info.round1_weights.front();
      json.begin_object()
          .value("id", s.apartments[i].id)
          .value("shared_kwh", r.apartment_shared_kwh(index))
          .value("self_sufficiency", r.apartment_self_sufficiency(index))
          .value("key_percentage", key.key.type == "proportional" ? 0.0 : weights[index] * 100.0);
      if (key.economics) write_apartment_economics_json(json, key.economics->apartments[i]);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
}

}  // namespace deelstroom::report
