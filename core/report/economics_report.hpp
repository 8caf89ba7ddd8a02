#pragma once
// The money side of `deelstroom run`: the payback table per apartment and the association's
// account on the terminal, the economics fields of the JSON contract, and the cash-flow and
// bill tables as CSV (economics.md §1-4).
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/economics/decisions.hpp"
#include "core/economics/evaluate.hpp"
#include "core/report/csv_writer.hpp"
#include "core/report/json_writer.hpp"
#include "core/scenario/scenario.hpp"

namespace deelstroom::report {

/// "12,3" years, or "niet binnen 25 jaar" / "not within 25 years".
std::string payback_text(const std::optional<double>& years, int horizon_years, Language language);

/// Terminal tables: the association's investment and indicators, then per apartment kWh
/// shared, € saved per year by the occupant, share of the investment, payback and NPV.
void print_economics_tables(std::ostream& out, const scenario::Scenario& scenario,
                            const economics::EconomicsResult& result, Language language);

/// The "association" object of the run JSON (investment_eur, npv_eur, irr,
/// simple_payback_years, discounted_payback_years, ...; null where undefined).
void write_association_json(JsonWriter& json, const economics::EconomicsResult& result);

/// The economics fields of one apartment object of the run JSON (bill_no_pv_eur,
/// bill_pv_no_sharing_eur, bill_with_sharing_eur, occupant_saving_eur_per_year,
/// owner_investment_eur, simple_payback_years, npv_eur, irr, ...; first-year bills).
void write_apartment_economics_json(JsonWriter& json, const economics::ApartmentResult& apartment);

/// The fair internal price (decision helper) as a JSON object.
void write_fair_price_json(JsonWriter& json, const economics::FairPriceResult& fair);

/// The PV-size search: NPV of the association per size and the best size.
void print_size_optimum(std::ostream& out, const economics::SizeOptimum& optimum, double simulated_kwp,
                        Language language);

/// Writes cash_flows_association.csv, cash_flows_apartments.csv and bills_year1.csv through
/// `write(name, body)` (the caller's atomic writer).
void write_economics_csv(const std::function<void(const std::string&, const std::function<void(std::ostream&)>&)>& write,
                         const economics::EconomicsResult& result, const CsvStyle& style);

}  // namespace deelstroom::report
