#include "gui/model/shown_numbers.hpp"

#include "core/report/text_table.hpp"

namespace deelstroom::gui {

namespace {
ShownNumber number(std::string path, std::string nl, std::string en, Unit unit, std::optional<double> value) {
  return ShownNumber{std::move(path), std::move(nl), std::move(en), unit, value};
}
std::string apartment_path(int i, const char* field) {
  return "apartments[" + std::to_string(i) + "]." + field;
}
}  // namespace

std::vector<ShownNumber> indicator_cards(const Results& results) {
  const sharing::FlowTotals& year = results.run.settlement.year;
  std::vector<ShownNumber> cards;
  cards.push_back(number("building.production_kwh", "PV-productie", "PV production", Unit::kwh, year.production_kwh));
  cards.push_back(number("building.self_consumption_rate", "Zelfverbruik", "Self-consumption", Unit::fraction,
                         year.self_consumption_rate()));
  cards.push_back(number("building.sharing_rate", "Delingsgraad", "Sharing rate", Unit::fraction, year.sharing_rate()));
  cards.push_back(number("building.apartments_self_sufficiency", "Zelfvoorziening app.", "Apartments' self-sufficiency",
                         Unit::fraction, year.apartments_self_sufficiency()));
  std::optional<double> payback;
  if (results.money) payback = results.money->association.indicators.simple_payback_years;
  cards.push_back(number("association.simple_payback_years", "Terugverdientijd VME", "Association payback", Unit::years,
                         payback));
  if (results.money) cards.back().horizon_years = results.money->horizon_years;
  return cards;
}

std::vector<ApartmentRow> apartment_rows(const Results& results) {
  const sharing::SettlementResult& settlement = results.run.settlement;
  std::vector<ApartmentRow> rows;
  for (int i = 0; i < settlement.apartment_count; ++i) {
    ApartmentRow row;
    row.id = results.scenario.apartments[static_cast<std::size_t>(i)].id;
    row.participates = results.scenario.apartments[static_cast<std::size_t>(i)].participates;
    row.offtake_kwh = number(apartment_path(i, "offtake_kwh"), "Afname", "Offtake", Unit::kwh,
                             settlement.apartment_offtake_kwh(i));
    row.shared_kwh = number(apartment_path(i, "shared_kwh"), "Gedeeld", "Shared", Unit::kwh,
                            settlement.apartment_shared_kwh(i));
    row.self_sufficiency = number(apartment_path(i, "self_sufficiency"), "Zelfvoorz.", "Self-suff.", Unit::fraction,
                                  settlement.apartment_self_sufficiency(i));
    std::optional<double> saving, payback, npv;
    if (results.money) {
      const economics::ApartmentResult& a = results.money->apartments[static_cast<std::size_t>(i)];
      saving = a.occupant_saving_eur_per_year;
      payback = a.total.simple_payback_years;
      npv = a.total.npv_eur;
    }
    row.saving_eur_per_year = number(apartment_path(i, "occupant_saving_eur_per_year"), "Besparing bewoner",
                                     "Occupant saving", Unit::eur_per_year, saving);
    row.payback_years = number(apartment_path(i, "simple_payback_years"), "Terugverdientijd", "Payback", Unit::years,
                               payback);
    if (results.money) row.payback_years.horizon_years = results.money->horizon_years;
    row.npv_eur = number(apartment_path(i, "npv_eur"), "NCW", "NPV", Unit::eur, npv);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ShownNumber> shown_numbers(const Results& results) {
  std::vector<ShownNumber> all = indicator_cards(results);
  for (const ApartmentRow& row : apartment_rows(results)) {
    for (const ShownNumber* n : {&row.offtake_kwh, &row.shared_kwh, &row.self_sufficiency}) all.push_back(*n);
    if (results.money) {
      for (const ShownNumber* n : {&row.saving_eur_per_year, &row.payback_years, &row.npv_eur}) all.push_back(*n);
    }
  }
  // The monthly chart's bars: shared and injected per month (building), and the apartments'
  // monthly shared kWh.
  const sharing::SettlementResult& settlement = results.run.settlement;
  for (int m = 0; m < 12; ++m) {
    const std::string month = "months[" + std::to_string(m) + "].";
    const sharing::FlowTotals& f = settlement.months[static_cast<std::size_t>(m)];
    all.push_back(number(month + "production_kwh", "PV", "PV", Unit::kwh, f.production_kwh));
    all.push_back(number(month + "common_self_consumption_kwh", "Gemeensch.", "Common", Unit::kwh,
                         f.common_self_consumption_kwh));
    all.push_back(number(month + "shared_kwh", "Gedeeld", "Shared", Unit::kwh, f.shared_kwh));
    all.push_back(number(month + "injected_kwh", "Injectie", "Injection", Unit::kwh, f.injected_kwh));
  }
  // The cash-flow chart's lines (association and every apartment, every year).
  if (results.money) {
    const auto& flows = results.money->association.cash_flows_eur;
    for (std::size_t y = 0; y < flows.size(); ++y) {
      all.push_back(number("association.cash_flows_eur[" + std::to_string(y) + "]", "VME", "Association", Unit::eur,
                           flows[y]));
    }
    all.push_back(number("association.npv_eur", "NCW VME", "Association NPV", Unit::eur,
                         results.money->association.indicators.npv_eur));
    for (std::size_t i = 0; i < results.money->apartments.size(); ++i) {
      const auto& apartment_flows = results.money->apartments[i].cash_flows_eur;
      for (std::size_t y = 0; y < apartment_flows.size(); ++y) {
        all.push_back(number(apartment_path(static_cast<int>(i), "cash_flows_eur") + "[" + std::to_string(y) + "]",
                             "Kasstroom", "Cash flow", Unit::eur, apartment_flows[y]));
      }
    }
  }
  return all;
}

std::string format_shown(const ShownNumber& n, Language language) {
  const bool nl = language == Language::dutch;
  if (!n.value) {
    // The only undefined figures are paybacks beyond the horizon (and IRRs without a root).
    if (n.unit != Unit::years) return "—";
    return n.horizon_years > 0 ? "> " + std::to_string(n.horizon_years) + (nl ? " jaar" : " years")
                               : (nl ? "niet terugverdiend" : "not paid back");
  }
  const double v = *n.value;
  switch (n.unit) {
    case Unit::kwh: return report::format_number(v, 0, nl) + " kWh";
    case Unit::fraction: return report::format_percent(v, 1, nl);
    case Unit::years: return report::format_number(v, 1, nl) + (nl ? " jaar" : " years");
    case Unit::eur: return "€ " + report::format_number(v, 0, nl);
    case Unit::eur_per_year: return "€ " + report::format_number(v, 0, nl) + (nl ? "/jaar" : "/year");
  }
  return "";
}

}  // namespace deelstroom::gui
