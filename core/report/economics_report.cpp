#include "core/report/economics_report.hpp"

#include <cmath>

#include "core/report/text_table.hpp"

namespace deelstroom::report {

namespace {

using TA = TextTable::Align;

std::string eur(double value, bool dutch) { return format_number(value, 0, dutch); }

std::string rate_text(const std::optional<double>& rate, bool dutch) {
  return rate ? format_percent(*rate, 1, dutch) : std::string(dutch ? "n.v.t." : "n/a");
}

}  // namespace

std::string payback_text(const std::optional<double>& years, int horizon_years, Language language) {
  if (years) return format_number(*years, 1, language == Language::dutch);
  return std::string(tr(language, "niet binnen ", "not within ")) + std::to_string(horizon_years) +
         std::string(tr(language, " jaar", " years"));
}

void print_economics_tables(std::ostream& out, const scenario::Scenario& scenario,
                            const economics::EconomicsResult& result, Language language) {
  const bool nl = language == Language::dutch;
  const economics::AssociationResult& vme = result.association;
  out << "\n"
      << tr(language, "Vereniging van mede-eigenaars (VME), ", "Owners' association, ") << result.horizon_years
      << tr(language, " jaar, discontovoet ", " years, discount rate ") << format_percent(result.discount_rate, 1, nl)
      << tr(language, ", tarieven ", ", tariffs of ") << scenario.economics.tariffs.year
      << (scenario.economics.tariffs.dso_area.empty() ? "" : " (" + scenario.economics.tariffs.dso_area + ")") << "\n";
  TextTable association;
  association.add_column(std::string(tr(language, "Post", "Item")), TA::left);
  association.add_column(std::string(tr(language, "Bedrag", "Amount")));
  auto row = [&](std::string_view label, std::string value) { association.add_row({std::string(label), std::move(value)}); };
  row(tr(language, "Investering incl. btw, na subsidie (EUR)", "Investment incl. VAT, after subsidy (EUR)"),
      eur(vme.investment.total_eur, nl));
  if (vme.loan_eur > 0.0) row(tr(language, "  waarvan lening (EUR)", "  of which loan (EUR)"), eur(vme.loan_eur, nl));
  const economics::AssociationYear& year1 = vme.years.size() > 1 ? vme.years[1] : vme.years.front();
  row(tr(language, "Interne verkoop gedeelde stroom jaar 1 (EUR)", "Internal sales of shared energy, year 1 (EUR)"),
      eur(year1.internal_income_eur, nl));
  row(tr(language, "Injectievergoeding jaar 1 (EUR)", "Injection income, year 1 (EUR)"), eur(year1.injection_income_eur, nl));
  row(tr(language, "Vermeden kosten gemeenschappelijke delen jaar 1 (EUR)", "Avoided common-parts cost, year 1 (EUR)"),
      eur(year1.avoided_common_cost_eur, nl));
  row(tr(language, "Kosten jaar 1: O&M, verzekering, administratie (EUR)", "Costs year 1: O&M, insurance, administration (EUR)"),
      eur(year1.om_eur + year1.insurance_eur + year1.administration_eur, nl));
  row(tr(language, "Netto resultaat jaar 1 (EUR)", "Net result, year 1 (EUR)"), eur(year1.net_eur, nl));
  row(tr(language, "Eenvoudige terugverdientijd (jaar)", "Simple payback (years)"),
      payback_text(vme.indicators.simple_payback_years, result.horizon_years, language));
  row(tr(language, "Verdisconteerde terugverdientijd (jaar)", "Discounted payback (years)"),
      payback_text(vme.indicators.discounted_payback_years, result.horizon_years, language));
  row(tr(language, "Netto contante waarde (EUR)", "Net present value (EUR)"), eur(vme.indicators.npv_eur, nl));
  row(tr(language, "Interne rentevoet", "Internal rate of return"), rate_text(vme.indicators.irr, nl));
  row(tr(language, "NCW zonder delen (EUR)", "NPV without sharing (EUR)"), eur(vme.without_sharing.npv_eur, nl));
  if (vme.lcoe_eur_per_kwh) {
    row(tr(language, "Kostprijs per kWh (LCOE, EUR/kWh)", "Levelised cost (LCOE, EUR/kWh)"),
        format_number(*vme.lcoe_eur_per_kwh, 3, nl));
  }
  association.print(out);

  out << "\n"
      << tr(language, "Per appartement (jaar 1; bewoner + eigenaar samen, ook bij verhuur)",
            "Per apartment (year 1; occupant + owner together, also when rented)")
      << "\n";
  TextTable table;
  table.add_column(tr(language, "Appartement", "Apartment"), TA::left);
  table.add_column(tr(language, "Gedeeld kWh", "Shared kWh"));
  table.add_column(tr(language, "Factuur zonder PV", "Bill without PV"));
  table.add_column(tr(language, "Factuur met delen", "Bill with sharing"));
  table.add_column(tr(language, "Besparing EUR/jaar", "Saving EUR/year"));
  table.add_column(tr(language, "Aandeel investering", "Investment share"));
  table.add_column(tr(language, "Terugverdientijd", "Payback years"));
  table.add_column(tr(language, "NCW EUR", "NPV EUR"));
  double shared = 0, no_pv = 0, with_sharing = 0, saving = 0, investment = 0, npv = 0;
  for (const economics::ApartmentResult& a : result.apartments) {
    std::string id = a.id;
    if (!a.owner_occupied) id += tr(language, " (huur)", " (rented)");
    if (!a.participates) id += tr(language, " (deelt niet)", " (not sharing)");
    table.add_row({id, format_number(a.shared_kwh, 0, nl), eur(a.bill_no_pv_eur, nl), eur(a.bill_with_sharing_eur, nl),
                   eur(a.occupant_saving_eur_per_year, nl), eur(a.owner_investment_eur, nl),
                   payback_text(a.total.simple_payback_years, result.horizon_years, language), eur(a.total.npv_eur, nl)});
    shared += a.shared_kwh;
    no_pv += a.bill_no_pv_eur;
    with_sharing += a.bill_with_sharing_eur;
    saving += a.occupant_saving_eur_per_year;
    investment += a.owner_investment_eur;
    npv += a.total.npv_eur;
  }
  table.add_rule();
  table.add_row({std::string(tr(language, "Totaal", "Total")), format_number(shared, 0, nl), eur(no_pv, nl),
                 eur(with_sharing, nl), eur(saving, nl), eur(investment, nl), "", eur(npv, nl)});
  table.print(out);
}

void print_size_optimum(std::ostream& out, const economics::SizeOptimum& optimum, double simulated_kwp,
                        Language language) {
  const bool nl = language == Language::dutch;
  out << "\n"
      << tr(language, "PV-grootte en netto contante waarde van de VME (zelfde sleutel, oriëntatie en tarieven)",
            "PV size and the association's net present value (same key, orientation and tariffs)")
      << "\n";
  TextTable table;
  table.add_column("kWp");
  table.add_column(tr(language, "Investering EUR", "Investment EUR"));
  table.add_column(tr(language, "Zelfverbruik + delen", "Self-use + shared"));
  table.add_column(tr(language, "NCW EUR", "NPV EUR"));
  // The refinement crowds points near the optimum: one row per size as printed (0.1 kWp),
  // and that row shows the best point among them.
  std::string last_label;
  std::vector<std::vector<std::string>> rows;
  for (const economics::SizePoint& point : optimum.curve) {
    std::string label = format_number(point.kwp, 1, nl);
    const bool best = std::abs(point.kwp - optimum.best_kwp) < 1e-9;
    if (best) label += " *";
    std::vector<std::string> row = {label, eur(point.investment_eur, nl), format_percent(point.self_consumption_rate, 1, nl),
                                    eur(point.association_npv_eur, nl)};
    const std::string plain = format_number(point.kwp, 1, nl);
    if (plain == last_label && !best) continue;
    if (plain == last_label) {
      rows.back() = std::move(row);
    } else {
      rows.push_back(std::move(row));
    }
    last_label = plain;
  }
  for (auto& row : rows) table.add_row(std::move(row));
  table.print(out);
  out << tr(language, "Hoogste NCW bij ", "Highest NPV at ") << format_number(optimum.best_kwp, 1, nl) << " kWp ("
      << eur(optimum.best_npv_eur, nl) << " EUR)" << tr(language, "; gesimuleerd: ", "; simulated: ")
      << format_number(simulated_kwp, 1, nl) << " kWp\n";
}

void write_association_json(JsonWriter& json, const economics::EconomicsResult& result) {
  const economics::AssociationResult& vme = result.association;
  json.begin_object("association")
      .value("horizon_years", result.horizon_years)
      .value("discount_rate", result.discount_rate)
      .value("pv_kwp", result.pv_kwp)
      .value("investment_eur", vme.investment.total_eur)
      .value("investment_excl_vat_eur", vme.investment.excl_vat_eur)
      .value("investment_vat_eur", vme.investment.vat_eur)
      .value("subsidy_eur", vme.investment.subsidy_eur)
      .value("loan_eur", vme.loan_eur)
      .value("equity_eur", vme.equity_eur)
      .value("npv_eur", vme.indicators.npv_eur)
      .value("irr", vme.indicators.irr)
      .value("simple_payback_years", vme.indicators.simple_payback_years)
      .value("discounted_payback_years", vme.indicators.discounted_payback_years)
      .value("lcoe_eur_per_kwh", vme.lcoe_eur_per_kwh)
      .value("npv_without_sharing_eur", vme.without_sharing.npv_eur)
      .value("common_bill_no_pv_eur", vme.common_bill_no_pv.total_eur())
      .value("common_bill_pv_no_sharing_eur", vme.common_bill_pv_no_sharing.total_eur())
      .value("common_bill_with_sharing_eur", vme.common_bill_with_sharing.total_eur())
      .numbers("cash_flows_eur", vme.cash_flows_eur)
      .end_object();
}

void write_apartment_economics_json(JsonWriter& json, const economics::ApartmentResult& a) {
  json.value("cost_share", a.cost_share)
      .value("bill_no_pv_eur", a.bill_no_pv_eur)
      .value("bill_pv_no_sharing_eur", a.bill_pv_no_sharing_eur)
      .value("bill_with_sharing_eur", a.bill_with_sharing_eur)
      .value("occupant_saving_eur_per_year", a.occupant_saving_eur_per_year)
      .value("owner_investment_eur", a.owner_investment_eur)
      .value("simple_payback_years", a.total.simple_payback_years)
      .value("discounted_payback_years", a.total.discounted_payback_years)
      .value("npv_eur", a.total.npv_eur)
      .value("irr", a.total.irr)
      .value("occupant_npv_eur", a.occupant_npv_eur)
      .value("owner_npv_eur", a.owner.npv_eur)
      .value("owner_irr", a.owner.irr)
      .value("owner_simple_payback_years", a.owner.simple_payback_years)
      .numbers("cash_flows_eur", a.cash_flows_eur);
}

void write_fair_price_json(JsonWriter& json, const economics::FairPriceResult& fair) {
  json.begin_object("fair_internal_price")
      .value("target_payback_years", fair.target_payback_years)
      .value("price_eur_per_kwh", fair.price_eur_per_kwh)
      .value("lowest_eur_per_kwh", fair.lowest_eur_per_kwh)
      .value("highest_eur_per_kwh", fair.highest_eur_per_kwh)
      .value("association_min_eur_per_kwh", fair.association_min_eur_per_kwh)
      .value("lower_bound_by", fair.lower_bound_by)
      .value("upper_bound_by", fair.upper_bound_by)
      .end_object();
}

void write_economics_csv(const std::function<void(const std::string&, const std::function<void(std::ostream&)>&)>& write,
                         const economics::EconomicsResult& result, const CsvStyle& style) {
  write("cash_flows_association.csv", [&](std::ostream& out) {
    CsvWriter csv(out, style);
    csv.header({"year", "production_kwh", "common_self_consumption_kwh", "shared_kwh", "injected_kwh",
                "internal_income_eur", "injection_income_eur", "avoided_common_cost_eur", "om_eur", "insurance_eur",
                "administration_eur", "inverter_eur", "battery_eur", "loan_eur", "equity_eur", "net_eur", "cumulative_eur",
                "discounted_eur"});
    for (const economics::AssociationYear& y : result.association.years) {
      csv.integer(y.year).number(y.production_kwh, 3).number(y.common_self_consumption_kwh, 3).number(y.shared_kwh, 3);
      csv.number(y.injected_kwh, 3).number(y.internal_income_eur, 2).number(y.injection_income_eur, 2);
      csv.number(y.avoided_common_cost_eur, 2).number(y.om_eur, 2).number(y.insurance_eur, 2);
      csv.number(y.administration_eur, 2).number(y.inverter_eur, 2).number(y.battery_eur, 2).number(y.loan_eur, 2).number(y.equity_eur, 2);
      csv.number(y.net_eur, 2).number(y.cumulative_eur, 2).number(y.discounted_eur, 2).end_row();
    }
  });
  write("cash_flows_apartments.csv", [&](std::ostream& out) {
    CsvWriter csv(out, style);
    csv.header({"apartment", "year", "shared_kwh", "bill_no_pv_eur", "bill_with_sharing_eur", "occupant_eur", "owner_eur",
                "total_eur", "cumulative_total_eur"});
    for (const economics::ApartmentResult& a : result.apartments) {
      for (const economics::ApartmentYear& y : a.years) {
        csv.text(a.id).integer(y.year).number(y.shared_kwh, 3).number(y.bill_no_pv_eur, 2);
        csv.number(y.bill_with_sharing_eur, 2).number(y.occupant_eur, 2).number(y.owner_eur, 2);
        csv.number(y.total_eur, 2).number(y.cumulative_total_eur, 2).end_row();
      }
    }
  });
  write("bills_year1.csv", [&](std::ostream& out) {
    CsvWriter csv(out, style);
    csv.header({"connection", "situation", "energy_eur", "supplier_fixed_eur", "distribution_eur", "transmission_eur",
                "capacity_eur", "data_management_eur", "levies_eur", "vat_eur", "internal_price_eur",
                "injection_income_eur", "total_eur"});
    auto bill_row = [&](const std::string& connection, const char* situation, const economics::ConnectionBill& bill) {
      const economics::BillComponents& b = bill.year;
      csv.text(connection).text(situation).number(b.energy_eur, 2).number(b.supplier_fixed_eur, 2);
      csv.number(b.distribution_eur, 2).number(b.transmission_eur, 2).number(b.capacity_eur, 2);
      csv.number(b.data_management_eur, 2).number(b.levies_eur, 2).number(b.vat_eur, 2);
      csv.number(b.internal_price_eur, 2).number(b.injection_income_eur, 2).number(b.total_eur(), 2).end_row();
    };
    const economics::AssociationResult& vme = result.association;
    bill_row("common", "no_pv", vme.common_bill_no_pv);
    bill_row("common", "pv_no_sharing", vme.common_bill_pv_no_sharing);
    bill_row("common", "with_sharing", vme.common_bill_with_sharing);
    for (const economics::ApartmentResult& a : result.apartments) {
      bill_row(a.id, "no_pv", a.bill_no_pv);
      bill_row(a.id, "pv_no_sharing", a.bill_pv_no_sharing);
      bill_row(a.id, "with_sharing", a.bill_with_sharing);
    }
  });
}

}  // namespace deelstroom::report
