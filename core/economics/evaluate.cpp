#include "core/economics/evaluate.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/economics/indicators.hpp"

namespace deelstroom::economics {

Indicators indicators_of(const std::vector<double>& cash_flows, double discount_rate) {
  Indicators result;
  result.npv_eur = npv(cash_flows, discount_rate);
  result.irr = irr(cash_flows);
  result.simple_payback_years = simple_payback_years(cash_flows);
  result.discounted_payback_years = discounted_payback_years(cash_flows, discount_rate);
  return result;
}

InvestmentCost investment_cost(const Investment& investment, double pv_kwp) {
  InvestmentCost cost;
  const double installation = investment.quote_eur ? *investment.quote_eur : investment.eur_per_kwp * pv_kwp;
  cost.excl_vat_eur = installation + investment.extra_eur + investment.battery_eur;
  cost.vat_eur = cost.excl_vat_eur * investment.vat_rate;
  cost.subsidy_eur = investment.subsidy_eur;
  cost.total_eur = cost.excl_vat_eur + cost.vat_eur - cost.subsidy_eur;
  return cost;
}

std::vector<double> cost_shares(const std::vector<Apartment>& apartments, CostSplit split) {
  const std::size_t n = apartments.size();
  std::vector<double> weights(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const Apartment& a = apartments[i];
    const std::string field = "apartments[" + std::to_string(i) + "]";
    if (!std::isfinite(a.shares_per_mille) || a.shares_per_mille < 0.0) {
      throw InputError({"", 0, 0, field + ".shares"}, Text{"verwacht aandelen >= 0", "expected shares >= 0"});
    }
    switch (split) {
      case CostSplit::shares: weights[i] = a.shares_per_mille; break;
      case CostSplit::participants: weights[i] = a.participates ? a.shares_per_mille : 0.0; break;
      case CostSplit::custom:
        if (!a.custom_cost_share) {
          throw InputError({"", 0, 0, field + ".cost_share"}, Text{"de eigen kostenverdeling vraagt een kostenaandeel voor elk appartement", "the custom cost split needs a cost share for every apartment"});
        }
        if (!std::isfinite(*a.custom_cost_share) || *a.custom_cost_share < 0.0) {
          throw InputError({"", 0, 0, field + ".cost_share"}, Text{"verwacht een kostenaandeel >= 0", "expected a cost share >= 0"});
        }
        weights[i] = *a.custom_cost_share;
        break;
    }
  }
  double total = 0.0;
  for (double w : weights) total += w;
  if (!(total > 0.0)) {
    const Text why = split == CostSplit::participants
                         ? Text{"geen deelnemend appartement heeft aandelen om de kosten te dragen",
                                "no participating apartment has shares to carry the costs"}
                     : split == CostSplit::custom ? Text{"de eigen kostenaandelen tellen op tot 0", "the custom cost shares sum to 0"}
                                                  : Text{"de aandelen van de appartementen tellen op tot 0", "the apartments' shares sum to 0"};
    throw InputError({"", 0, 0, "economics.cost_split"}, why);
  }
  for (double& w : weights) w /= total;
  return weights;
}

std::array<MonthUsage, 12> apartment_usage(const BaseEnergy& base, const SettledEnergy* energy, int i) {
  std::array<MonthUsage, 12> usage{};
  const int periods = base.period_count;
  for (int m = 0; m < 12; ++m) {
    MonthUsage& u = usage[m];
    for (int p = 0; p < periods; ++p) {
      const int bucket = m * periods + p;
      const double shared = energy != nullptr ? energy->shared_kwh(i, bucket) : 0.0;
      u.supplier_kwh[p] = base.offtake_kwh(i, bucket) - shared;
      u.shared_kwh += shared;
      // Own injection: all sold to the supplier without sharing; with sharing, the shared part
      // earns the internal price and the rest is sold.
      const double sold_to_sharing = energy != nullptr ? energy->injection_shared_kwh(i, bucket) : 0.0;
      u.injected_kwh += base.injection_kwh(i, bucket) - sold_to_sharing;
      u.sold_to_sharing_kwh += sold_to_sharing;
    }
    u.injected_spot_eur =
        base.injection_spot_eur(i, m) - (energy != nullptr ? energy->injection_shared_spot_eur(i, m) : 0.0);
    u.supplier_spot_eur = base.offtake_spot_eur(i, m) - (energy != nullptr ? energy->shared_spot_eur(i, m) : 0.0);
    u.peak_kw = base.peak_kw(i, m);  // sharing is administrative: the meter's peak stays
  }
  return usage;
}

std::array<MonthUsage, 12> common_usage(const BaseEnergy& base, const SettledEnergy* energy, bool with_sharing) {
  std::array<MonthUsage, 12> usage{};
  const int periods = base.period_count;
  Eigen::ArrayXd injected;
  Eigen::ArrayXd injected_spot;
  if (energy != nullptr) {
    injected = with_sharing ? energy->injected_kwh : energy->injected_without_sharing_kwh();
    injected_spot = with_sharing ? energy->injected_spot_eur : energy->injected_without_sharing_spot_eur();
  }
  for (int m = 0; m < 12; ++m) {
    MonthUsage& u = usage[m];
    for (int p = 0; p < periods; ++p) {
      const int bucket = m * periods + p;
      u.supplier_kwh[p] = energy != nullptr ? energy->common_grid_kwh[bucket] : base.common_kwh[bucket];
      if (energy != nullptr) u.injected_kwh += injected[bucket];
    }
    if (energy != nullptr) {
      u.supplier_spot_eur = energy->common_grid_spot_eur[m];
      u.injected_spot_eur = injected_spot[m];
      u.peak_kw = energy->common_peak_kw[m];
    } else {
      u.supplier_spot_eur = base.common_spot_eur[m];
      u.peak_kw = base.common_peak_kw[m];
    }
  }
  return usage;
}

namespace {

/// Whether two series hold the same doubles bit for bit (== would take -0 for 0): then every
/// indicator computed from them is the same too.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  return a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

bool inverter_due(const Investment& investment, int year, int horizon) {
  const int lifetime = investment.inverter_lifetime_years;
  return lifetime > 0 && year % lifetime == 0 && year < horizon;
}

}  // namespace

EconomicsResult evaluate_economics(const EnergyBasis& basis, const std::vector<Apartment>& apartments,
                                   const EconomicsSettings& settings, double pv_kwp) {
  validate_settings(settings);
  const int n = basis.base.apartment_count;
  if (static_cast<int>(apartments.size()) != n) {
    throw std::invalid_argument("evaluate_economics: one Apartment per row of the offtake matrix expected");
  }
  if (!(pv_kwp >= 0.0)) throw InputError({"", 0, 0, "pv.kwp"}, Text{"verwacht een geinstalleerd vermogen >= 0 kWp", "expected an installed size >= 0 kWp"});
  const int horizon = basis.horizon_years;
  const double rate = settings.analysis.discount_rate;
  const Tariffs& tariffs = settings.tariffs;
  const RuleSet& rules = settings.rules;
  const Investment& inv = settings.investment;
  const std::vector<double> shares = cost_shares(apartments, settings.analysis.cost_split);
  int participants = 0;
  for (const Apartment& a : apartments) participants += a.participates ? 1 : 0;

  EconomicsResult result;
  result.horizon_years = horizon;
  result.discount_rate = rate;
  result.pv_kwp = pv_kwp;
  result.evaluation = basis.evaluation;

  AssociationResult& assoc = result.association;
  assoc.investment = investment_cost(inv, pv_kwp);
  assoc.loan_eur = inv.loan.fraction * std::max(assoc.investment.total_eur, 0.0);
  assoc.equity_eur = assoc.investment.total_eur - assoc.loan_eur;
  assoc.loan_instalment_eur_per_year =
      assoc.loan_eur > 0.0 ? annuity_eur_per_year(assoc.loan_eur, inv.loan.rate, inv.loan.years) : 0.0;

  AssociationYear year0;
  year0.equity_eur = assoc.equity_eur;
  year0.net_eur = -assoc.equity_eur;
  assoc.years.push_back(year0);
  assoc.cash_flows_eur.push_back(year0.net_eur);
  assoc.cash_flows_without_sharing_eur.push_back(year0.net_eur);

  result.apartments.resize(n);
  for (int i = 0; i < n; ++i) {
    ApartmentResult& a = result.apartments[i];
    a.id = apartments[i].id;
    a.participates = apartments[i].participates;
    a.owner_occupied = apartments[i].owner_occupied;
    a.cost_share = shares[i];
    a.owner_investment_eur = shares[i] * assoc.equity_eur;
    ApartmentYear y0;
    y0.owner_eur = -a.owner_investment_eur;
    y0.total_eur = y0.owner_eur;
    y0.cumulative_total_eur = y0.total_eur;
    a.years.push_back(y0);
    a.cash_flows_eur.push_back(y0.total_eur);
    a.owner_cash_flows_eur.push_back(y0.owner_eur);
  }

  std::vector<double> lcoe_costs;
  std::vector<double> production;
  lcoe_costs.reserve(horizon);
  production.reserve(horizon);
  assoc.years.reserve(horizon + 1);
  assoc.cash_flows_eur.reserve(horizon + 1);
  assoc.cash_flows_without_sharing_eur.reserve(horizon + 1);
  for (ApartmentResult& a : result.apartments) {
    a.years.reserve(horizon + 1);
    a.cash_flows_eur.reserve(horizon + 1);
    a.owner_cash_flows_eur.reserve(horizon + 1);
  }
  std::vector<double> occupant_flows(static_cast<std::size_t>(n) * horizon, 0.0);
  // Without PV a connection uses the same months every year: its charges are worked out once
  // and only the year's price indices change its bill.
  const UsageCharges common_no_pv_charges = usage_charges(tariffs, rules, common_usage(basis.base, nullptr, false));
  std::vector<UsageCharges> no_pv_charges(n);
  for (int i = 0; i < n; ++i) no_pv_charges[i] = usage_charges(tariffs, rules, apartment_usage(basis.base, nullptr, i));
  SettledEnergy interpolated;  // reused for every interpolated year

  for (int y = 1; y <= horizon; ++y) {
    const PriceIndex index = price_index(settings.analysis.escalation, y, tariffs.year);
    const YearPrices prices = year_prices(tariffs, index);
    const SettledEnergy& energy = basis.year_of(y, interpolated);
    // Year 1's bills are kept whole in the result; the later years need only their sums.
    const bool first_year = y == 1;
    auto bill_total = [&](const UsageCharges& charges, ConnectionBill& kept) {
      if (!first_year) return year_bill_total(tariffs, rules, charges, prices);
      kept = year_bill(tariffs, rules, charges, prices);
      return kept.year;
    };
    const BillComponents common_no_pv = bill_total(common_no_pv_charges, assoc.common_bill_no_pv);
    const BillComponents common_no_sharing = bill_total(
        usage_charges(tariffs, rules, common_usage(basis.base, &energy, false)), assoc.common_bill_pv_no_sharing);
    // With sharing the common connection is a participant of the group (the DSO's fee).
    std::array<MonthUsage, 12> common_sharing_usage = common_usage(basis.base, &energy, true);
    for (MonthUsage& month : common_sharing_usage) month.sharing_participant = participants > 0;
    const BillComponents common_sharing =
        bill_total(usage_charges(tariffs, rules, common_sharing_usage), assoc.common_bill_with_sharing);

    AssociationYear row;
    row.year = y;
    row.production_kwh = energy.production_kwh.sum();
    row.common_self_consumption_kwh = energy.common_self_consumption_kwh.sum();
    row.shared_kwh = energy.shared_kwh.sum();
    row.injected_kwh = energy.injected_kwh.sum();
    // The association keeps the agreed price on what its common connection supplied (with
    // apartment injectors, they are paid for their part); VAT on it (if any) goes to the state.
    row.internal_income_eur =
        tariffs.sharing.internal_price_eur_per_kwh * index.internal_price * energy.common_shared_kwh().sum();
    row.injection_income_eur = common_sharing.injection_income_eur;
    row.avoided_common_cost_eur = common_no_pv.offtake_cost_eur() - common_sharing.offtake_cost_eur();
    row.om_eur = inv.om_eur_per_kwp_per_year * pv_kwp * index.costs;
    row.insurance_eur = inv.insurance_eur_per_year * index.costs;
    row.administration_eur =
        (inv.administration_eur_per_year + inv.administration_eur_per_participant_per_year * participants) * index.costs;
    if (inverter_due(inv, y, horizon)) {
      row.inverter_eur = inv.inverter_replacement_eur_per_kwp * pv_kwp * (1.0 + inv.vat_rate) * index.costs;
    }
    if (inv.battery_eur > 0.0 && inv.battery_lifetime_years > 0 && y % inv.battery_lifetime_years == 0 && y < horizon) {
      row.battery_eur = inv.battery_replacement_eur * (1.0 + inv.vat_rate) * index.costs;
    }
    if (y <= inv.loan.years) row.loan_eur = assoc.loan_instalment_eur_per_year;
    const double shared_costs = row.om_eur + row.insurance_eur + row.inverter_eur + row.battery_eur + row.loan_eur;
    row.net_eur = row.internal_income_eur + row.injection_income_eur + row.avoided_common_cost_eur - shared_costs -
                  row.administration_eur;
    assoc.years.push_back(row);
    assoc.cash_flows_eur.push_back(row.net_eur);
    // Without sharing: Sc is the same, everything shareable is sold, no internal income and
    // no sharing administration.
    assoc.cash_flows_without_sharing_eur.push_back(common_no_sharing.injection_income_eur +
                                                   common_no_pv.offtake_cost_eur() -
                                                   common_no_sharing.offtake_cost_eur() - shared_costs);
    lcoe_costs.push_back(row.om_eur + row.insurance_eur + row.inverter_eur + row.battery_eur);
    production.push_back(row.production_kwh);

    for (int i = 0; i < n; ++i) {
      ApartmentResult& a = result.apartments[i];
      const BillComponents without = bill_total(no_pv_charges[i], a.bill_no_pv);
      std::array<MonthUsage, 12> with_usage = apartment_usage(basis.base, &energy, i);
      for (MonthUsage& month : with_usage) month.sharing_participant = apartments[i].participates;
      const UsageCharges with_charges = usage_charges(tariffs, rules, with_usage);
      const BillComponents with = bill_total(with_charges, a.bill_with_sharing);
      ApartmentYear ay;
      ay.year = y;
      ay.shared_kwh = with_charges.shared_kwh;
      ay.bill_no_pv_eur = without.total_eur();
      ay.bill_with_sharing_eur = with.total_eur();
      ay.occupant_eur = ay.bill_no_pv_eur - ay.bill_with_sharing_eur;
      ay.owner_eur = shares[i] * row.net_eur;
      ay.total_eur = ay.occupant_eur + ay.owner_eur;
      ay.cumulative_total_eur = a.years.back().cumulative_total_eur + ay.total_eur;
      a.years.push_back(ay);
      a.cash_flows_eur.push_back(ay.total_eur);
      a.owner_cash_flows_eur.push_back(ay.owner_eur);
      occupant_flows[static_cast<std::size_t>(i) * horizon + (y - 1)] = ay.occupant_eur;
      if (first_year) {
        a.bill_pv_no_sharing = a.bill_no_pv;
        a.bill_no_pv_eur = a.bill_pv_no_sharing_eur = ay.bill_no_pv_eur;
        a.bill_with_sharing_eur = ay.bill_with_sharing_eur;
        a.occupant_saving_eur_per_year = ay.occupant_eur;
        a.offtake_kwh = a.bill_with_sharing.grid_offtake_kwh();
        a.shared_kwh = with_charges.shared_kwh;
      }
    }
  }

  // Cumulative and discounted columns of the association's table.
  double cumulative = 0.0;
  double factor = 1.0;
  for (AssociationYear& row : assoc.years) {
    cumulative += row.net_eur;
    row.cumulative_eur = cumulative;
    row.discounted_eur = row.net_eur * factor;
    factor /= 1.0 + rate;
  }
  assoc.indicators = indicators_of(assoc.cash_flows_eur, rate);
  assoc.without_sharing = indicators_of(assoc.cash_flows_without_sharing_eur, rate);
  assoc.lcoe_eur_per_kwh = lcoe(assoc.investment.total_eur, lcoe_costs, production, rate);

  for (int i = 0; i < n; ++i) {
    ApartmentResult& a = result.apartments[i];
    // Apartments with the same shares have the same owner cash flows (often all of them):
    // the indicators (the IRR's iterations above all) are worked out once per distinct series.
    const ApartmentResult* same_total = nullptr;
    const ApartmentResult* same_owner = nullptr;
    for (int j = 0; j < i; ++j) {
      const ApartmentResult& earlier = result.apartments[j];
      if (same_total == nullptr && same_bits(earlier.cash_flows_eur, a.cash_flows_eur)) same_total = &earlier;
      if (same_owner == nullptr && same_bits(earlier.owner_cash_flows_eur, a.owner_cash_flows_eur)) same_owner = &earlier;
    }
    a.total = same_total != nullptr ? same_total->total : indicators_of(a.cash_flows_eur, rate);
    a.owner = same_owner != nullptr ? same_owner->owner : indicators_of(a.owner_cash_flows_eur, rate);
    std::vector<double> occupant(horizon + 1, 0.0);
    for (int y = 1; y <= horizon; ++y) occupant[y] = occupant_flows[static_cast<std::size_t>(i) * horizon + (y - 1)];
    a.occupant_npv_eur = npv(occupant, rate);
  }
  return result;
}

EconomicsResult run_economics(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                              const std::vector<Apartment>& apartments, const EconomicsSettings& settings, double pv_kwp) {
  return evaluate_economics(prepare_energy_basis(series, schedule, settings), apartments, settings, pv_kwp);
}

}  // namespace deelstroom::economics
