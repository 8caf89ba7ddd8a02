#pragma once
// Bills, the association's account and each apartment's cash flows and indicators over the
// horizon (economics.md §1-4): the numbers the CLI prints and the GUI shows.
#include <optional>
#include <string>
#include <vector>

#include "core/economics/bill.hpp"
#include "core/economics/energy_basis.hpp"
#include "core/economics/settings.hpp"
#include "core/sharing/settlement.hpp"

namespace deelstroom::economics {

/// What the engine knows of each apartment (one entry per row of BuildingSeries::offtake_kwh).
struct Apartment {
  std::string id;
  double shares_per_mille = 0.0;  ///< shares in the common parts (aandelen), usually 1/1000ths
  bool participates = true;       ///< takes part in sharing
  bool owner_occupied = true;     ///< false: rented, owner and occupant are different people
  std::optional<double> custom_cost_share;  ///< weight for CostSplit::custom (normalised over all)
};

/// The indicators of one cash-flow series (economics.md §4).
struct Indicators {
  double npv_eur = 0.0;
  std::optional<double> irr;                       ///< nullopt: undefined (no sign change / no root)
  std::optional<double> simple_payback_years;      ///< nullopt: not within the horizon
  std::optional<double> discounted_payback_years;  ///< nullopt: not within the horizon
};

/// Indicators of cash flows CF_0..CF_H at a discount rate.
Indicators indicators_of(const std::vector<double>& cash_flows, double discount_rate);

/// The investment of the association, € (economics.md §2).
struct InvestmentCost {
  double excl_vat_eur = 0.0;  ///< quote or €/kWp x kWp, plus extras and the battery
  double vat_eur = 0.0;
  double subsidy_eur = 0.0;
  double total_eur = 0.0;     ///< excl. VAT + VAT - subsidy
};
InvestmentCost investment_cost(const Investment& investment, double pv_kwp);

/// One year of the association's account, €. Year 0 holds the investment only.
struct AssociationYear {
  int year = 0;
  double production_kwh = 0.0;
  double common_self_consumption_kwh = 0.0;
  double shared_kwh = 0.0;
  double injected_kwh = 0.0;
  double internal_income_eur = 0.0;      ///< internal price x shared kWh the common connection supplied
  double injection_income_eur = 0.0;     ///< injection price x R
  double avoided_common_cost_eur = 0.0;  ///< common connection's offtake bill without PV minus with PV
  double om_eur = 0.0;
  double insurance_eur = 0.0;
  double administration_eur = 0.0;
  double inverter_eur = 0.0;
  double battery_eur = 0.0;              ///< battery replacement (VAT included)
  double loan_eur = 0.0;                 ///< loan instalment
  double equity_eur = 0.0;               ///< year 0: the owners' own investment
  double net_eur = 0.0;                  ///< the year's cash flow (income - costs; year 0: -equity)
  double cumulative_eur = 0.0;
  double discounted_eur = 0.0;
};

/// The association's (VME's) result.
struct AssociationResult {
  InvestmentCost investment;
  double loan_eur = 0.0;                     ///< principal borrowed
  double equity_eur = 0.0;                   ///< investment paid by the owners at year 0
  double loan_instalment_eur_per_year = 0.0;
  std::vector<AssociationYear> years;        ///< 0..H
  std::vector<double> cash_flows_eur;        ///< net_eur of years 0..H
  Indicators indicators;
  std::optional<double> lcoe_eur_per_kwh;    ///< (investment + O&M, insurance, inverter) / production, discounted
  /// The same association without sharing (situation 2: everything shareable is injected; no
  /// internal income and no sharing administration), for comparison.
  std::vector<double> cash_flows_without_sharing_eur;
  Indicators without_sharing;
  /// The common connection's bill in year 1 in the three situations.
  ConnectionBill common_bill_no_pv;
  ConnectionBill common_bill_pv_no_sharing;
  ConnectionBill common_bill_with_sharing;
};

/// One year of an apartment's cash flows, €. Year 0 holds the owner's investment share only.
struct ApartmentYear {
  int year = 0;
  double shared_kwh = 0.0;
  double bill_no_pv_eur = 0.0;          ///< = bill with PV without sharing
  double bill_with_sharing_eur = 0.0;
  double occupant_eur = 0.0;            ///< bill without sharing - bill with sharing
  double owner_eur = 0.0;               ///< cost share x association net result (year 0: - investment share)
  double total_eur = 0.0;
  double cumulative_total_eur = 0.0;
};

/// One apartment's result (economics.md §3).
struct ApartmentResult {
  std::string id;
  bool participates = true;
  bool owner_occupied = true;
  double cost_share = 0.0;               ///< fraction of the association's costs and income
  double offtake_kwh = 0.0;              ///< year 1, C_i
  double shared_kwh = 0.0;               ///< year 1, a_i
  /// Year-1 bills in the three situations (no PV and PV without sharing are the same for an
  /// apartment: only the common connection sees the PV without sharing).
  ConnectionBill bill_no_pv;
  ConnectionBill bill_pv_no_sharing;
  ConnectionBill bill_with_sharing;
  double bill_no_pv_eur = 0.0;
  double bill_pv_no_sharing_eur = 0.0;
  double bill_with_sharing_eur = 0.0;
  double occupant_saving_eur_per_year = 0.0;  ///< year 1
  double owner_investment_eur = 0.0;          ///< cost share x equity
  std::vector<ApartmentYear> years;           ///< 0..H
  std::vector<double> cash_flows_eur;         ///< total (occupant + owner), years 0..H
  std::vector<double> owner_cash_flows_eur;   ///< owner part only
  Indicators total;                           ///< on cash_flows_eur
  Indicators owner;                           ///< on owner_cash_flows_eur
  double occupant_npv_eur = 0.0;              ///< NPV of the occupant part alone
};

/// The economics of one building under one key.
struct EconomicsResult {
  int horizon_years = 0;
  double discount_rate = 0.0;
  double pv_kwp = 0.0;
  YearEvaluation evaluation = YearEvaluation::interpolated;
  AssociationResult association;
  std::vector<ApartmentResult> apartments;
};

/// Each apartment's fraction of the association's costs and income under the split
/// (economics.md §3); sums to 1. Throws InputError (field "apartments[i].cost_share" or
/// "economics.cost_split") when the split cannot be made.
std::vector<double> cost_shares(const std::vector<Apartment>& apartments, CostSplit split);

/// Evaluates money on a prepared energy basis: bills of every connection in the three
/// situations, the association's yearly account, every apartment's occupant and owner cash
/// flows and the indicators. `pv_kwp` is the installed size the basis was settled for.
EconomicsResult evaluate_economics(const EnergyBasis& basis, const std::vector<Apartment>& apartments,
                                   const EconomicsSettings& settings, double pv_kwp);

/// prepare_energy_basis + evaluate_economics.
EconomicsResult run_economics(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                              const std::vector<Apartment>& apartments, const EconomicsSettings& settings, double pv_kwp);

/// Monthly usage of apartment i without PV (energy == nullptr) or with sharing.
std::array<MonthUsage, 12> apartment_usage(const BaseEnergy& base, const SettledEnergy* energy, int apartment);
/// Monthly usage of the common connection without PV (energy == nullptr), with PV without
/// sharing (with_sharing false) or with sharing.
std::array<MonthUsage, 12> common_usage(const BaseEnergy& base, const SettledEnergy* energy, bool with_sharing);

}  // namespace deelstroom::economics
