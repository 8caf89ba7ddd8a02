#pragma once
// The electricity bill of one connection (economics.md §1): supplier energy and fixed fee,
// distribution and transmission kWh tariffs, the Flemish capacity tariff, data management,
// levies, VAT, the internal price of shared energy and the injection income.
#include <array>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "core/economics/settings.hpp"

namespace deelstroom::economics {

/// The most tariff periods a contract has (day/night).
inline constexpr int kMaxPeriods = 2;

/// Price multipliers of one year relative to the tariff year: (1 + e)^(year - 1) per
/// component, so year 1 pays the tariffs as set (economics.md §2, "prices escalate each year
/// by a setting per component").
struct PriceIndex {
  /// The calendar year of this horizon year (0 = unknown: the flat excise applies).
  int calendar_year = 0;
  double energy = 1.0;
  double network = 1.0;
  double levies = 1.0;
  double injection = 1.0;
  double internal_price = 1.0;
  double costs = 1.0;
};

/// The price index of year `year` (1-based) under the escalation rates; `first_calendar_year`
/// is the tariff year (year 1), so that the excise follows its published path.
PriceIndex price_index(const Escalation& escalation, int year, int first_calendar_year = 0);

/// What one connection did in one month, as its meter and the DSO's allocation record it.
struct MonthUsage {
  /// kWh bought from the supplier per tariff period: grid offtake minus shared kWh.
  std::array<double, kMaxPeriods> supplier_kwh{};
  /// Sum over the month's quarter-hours of day-ahead price [€/kWh] x supplier kWh, in €
  /// (dynamic contracts only).
  double supplier_spot_eur = 0.0;
  /// kWh allocated by sharing (a_i), paid at the internal price.
  double shared_kwh = 0.0;
  /// The month's highest quarter-hour offtake from the grid, kW (kWh x 4). Sharing does not
  /// lower it; PV behind the meter does (economics.md §1).
  double peak_kw = 0.0;
  /// kWh injected and sold to the supplier, and their day-ahead value (dynamic injection).
  double injected_kwh = 0.0;
  double injected_spot_eur = 0.0;
  /// kWh of the connection's own injection that sharing gave to others (several injectors):
  /// the receivers pay the internal price for them to this connection.
  double sold_to_sharing_kwh = 0.0;
  /// Whether the connection takes part in a sharing group this month (the DSO's fee).
  bool sharing_participant = false;

  double supplier_total_kwh() const;
  /// kWh that pay the distribution kWh tariffs: supplier kWh + the rule set's share of shared kWh.
  double network_kwh(const RuleSet& rules) const;
};

/// A bill split into its components, €. Components up to `certificates_eur` exclude VAT.
struct BillComponents {
  double energy_eur = 0.0;           ///< supplier energy
  double supplier_fixed_eur = 0.0;   ///< supplier's fixed fee
  double distribution_eur = 0.0;     ///< distribution kWh tariffs (network use, ODV, surcharges)
  double transmission_eur = 0.0;     ///< transmission kWh tariff
  double capacity_eur = 0.0;         ///< capacity tariff (after the maximum kWh tariff)
  double data_management_eur = 0.0;  ///< data management
  double sharing_fee_eur = 0.0;      ///< the DSO's fee for a participant of a sharing group
  double levies_eur = 0.0;           ///< energy contribution and excise
  double certificates_eur = 0.0;     ///< green-power and CHP certificate costs
  double vat_eur = 0.0;              ///< VAT on all of the above
  double internal_price_eur = 0.0;   ///< paid for shared kWh (incl. VAT when the agreement adds it)
  double injection_income_eur = 0.0; ///< received for injected kWh (lowers the total)
  double sharing_income_eur = 0.0;   ///< internal price received for own injection shared with others

  /// Energy, fees, network and levies, excl. VAT.
  double excl_vat_eur() const;
  /// What the connection pays its supplier for offtake (excl. VAT + VAT), without the internal
  /// price and the injection income.
  double offtake_cost_eur() const { return excl_vat_eur() + vat_eur; }
  /// The net amount paid: offtake cost + internal price - injection income - sharing income.
  double total_eur() const { return offtake_cost_eur() + internal_price_eur - injection_income_eur - sharing_income_eur; }

  BillComponents& operator+=(const BillComponents& other);
};

/// The bill of one connection for month `month` (1..12) of the index's calendar year
/// (economics.md §1, docs/tariffs.md):
/// - energy: single price x kWh, day/night prices x kWh per period, or (dynamic)
///   factor x supplier_spot_eur + adder x kWh, all x index.energy; fixed fee / 12;
/// - network kWh tariffs (distribution total, transmission) on supplier kWh +
///   rules.network_charges_on_shared x shared kWh;
/// - capacity: €/kW/year / 12 x max(peak, minimum peak) (Flemish capacity tariff: the yearly
///   charge is the rate times the mean of the 12 monthly peaks, each at least 2.5 kW);
///   data management / 12; sharing participant fee / 12 (participants); all x index.network;
/// - energy contribution and certificates on supplier kWh + rules.levies_on_shared x shared
///   kWh, x index.levies; the excise on the same kWh at the path's value for the month
///   (nominal; a flat excise without path is escalated x index.levies);
/// - VAT at tariffs.vat_rate on all of the above;
/// - internal price x shared kWh x index.internal_price (x (1 + VAT) if the agreement says so);
/// - injection income: price (or formula on the day-ahead price) x injected kWh x
///   index.injection, no VAT (residential prosumers are not VAT-registered).
BillComponents month_bill(const Tariffs& tariffs, const RuleSet& rules, const MonthUsage& usage, const PriceIndex& index,
                          int month = 1);

/// A connection's bill over a year: per month and summed.
struct ConnectionBill {
  /// kWh that paid the network kWh tariffs (supplier kWh + the rule set's share of shared kWh).
  double network_kwh = 0.0;
  /// How much the maximum kWh tariff took off the capacity charge, € excl. VAT (>= 0).
  double capacity_capped_eur = 0.0;
  std::array<BillComponents, 12> months{};
  BillComponents year;
  std::array<double, 12> peak_kw{};  ///< measured monthly peaks (before the minimum applies)
  double supplier_kwh = 0.0;         ///< bought from the supplier
  double shared_kwh = 0.0;           ///< allocated by sharing
  double injected_kwh = 0.0;
  double sold_to_sharing_kwh = 0.0;  ///< own injection shared with others

  double grid_offtake_kwh() const { return supplier_kwh + shared_kwh; }
  double total_eur() const { return year.total_eur(); }
};

/// The year's bill from the 12 months' usage (January first). With a maximum kWh tariff the
/// year's capacity charge is lowered to max(minimum peak x rate, (max tariff - distribution
/// kWh tariffs) x network kWh) when it exceeds that, spread over the months by their capacity
/// charge (VAT follows).
ConnectionBill year_bill(const Tariffs& tariffs, const RuleSet& rules, const std::array<MonthUsage, 12>& usage,
                         const PriceIndex& index);

/// What the tariffs cost in one year of the horizon, worked out once for every connection's
/// bill of that year: the fixed fees per month, the levies of each month (a published path
/// is looked up by calendar year and month) and the year sums of the fixed fees. Each value
/// is computed exactly as month_bill computes it, so bills made from it keep their bits.
struct YearPrices {
  PriceIndex index;
  std::array<double, 12> levies_eur_per_kwh{};  ///< energy contribution + excise, month 1..12 at [0..11]
  double supplier_fixed_eur_per_month = 0.0;    ///< fixed fee / 12 x index.energy
  double data_management_eur_per_month = 0.0;   ///< data management / 12 x index.network
  double sharing_fee_eur_per_month = 0.0;       ///< sharing participant fee / 12 x index.network
  double internal_price_vat_factor = 1.0;       ///< 1 + VAT when the agreement adds VAT, else 1
};

YearPrices year_prices(const Tariffs& tariffs, const PriceIndex& index);

/// One month of a connection's usage priced at the tariffs' year-1 values, before the year's
/// price indices multiply them (what does not depend on the year is worked out once: a
/// connection without PV uses the same months every year).
struct MonthCharges {
  double energy_eur = 0.0;            ///< single / day-night / dynamic energy cost
  double distribution_eur = 0.0;      ///< distribution total x network kWh
  double transmission_eur = 0.0;      ///< transmission x transmission kWh
  double capacity_eur = 0.0;          ///< (capacity tariff / 12) x billed peak
  double levy_kwh = 0.0;              ///< kWh that pay the levies
  double certificates_eur = 0.0;      ///< certificates x levy kWh
  double internal_price_eur = 0.0;    ///< internal price x shared kWh
  double injection_income_eur = 0.0;  ///< injection price (or formula) x injected kWh
  double sharing_income_eur = 0.0;    ///< internal price x kWh sold to sharing
  bool sharing_participant = false;
};

/// A connection's 12 months of charges and the year's kWh figures of its bill.
struct UsageCharges {
  std::array<MonthCharges, 12> months{};
  double network_kwh = 0.0;
  std::array<double, 12> peak_kw{};
  double supplier_kwh = 0.0;
  double shared_kwh = 0.0;
  double injected_kwh = 0.0;
  double sold_to_sharing_kwh = 0.0;
};

UsageCharges usage_charges(const Tariffs& tariffs, const RuleSet& rules, const std::array<MonthUsage, 12>& usage);

/// year_bill from charges and the year's prices: the same bits as year_bill(tariffs, rules,
/// usage, index) for usage_charges(tariffs, rules, usage) and year_prices(tariffs, index).
ConnectionBill year_bill(const Tariffs& tariffs, const RuleSet& rules, const UsageCharges& charges,
                         const YearPrices& prices);

/// Only the year's sums of that bill (ConnectionBill::year): the same bits, without keeping
/// the months (the years after the first show only their totals).
BillComponents year_bill_total(const Tariffs& tariffs, const RuleSet& rules, const UsageCharges& charges,
                               const YearPrices& prices);

/// Monthly peaks, kW: for each row of `kwh` (one connection, kWh per quarter-hour in the
/// columns) the highest value x 4 within each local month (month labels 1..12 per column).
/// A month without intervals has peak 0. Result: rows x 12.
Eigen::ArrayXXd monthly_peak_kw(const Eigen::MatrixXd& kwh, const std::vector<std::uint8_t>& month);

}  // namespace deelstroom::economics
