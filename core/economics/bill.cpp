#include "core/economics/bill.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace deelstroom::economics {

PriceIndex price_index(const Escalation& escalation, int year, int first_calendar_year) {
  const double n = static_cast<double>(year - 1);
  return {first_calendar_year == 0 ? 0 : first_calendar_year + year - 1,
          std::pow(1.0 + escalation.energy, n),    std::pow(1.0 + escalation.network, n),
          std::pow(1.0 + escalation.levies, n),    std::pow(1.0 + escalation.injection, n),
          std::pow(1.0 + escalation.internal_price, n), std::pow(1.0 + escalation.costs, n)};
}

double MonthUsage::network_kwh(const RuleSet& rules) const {
  return supplier_total_kwh() + rules.network_charges_on_shared * shared_kwh;
}

double MonthUsage::supplier_total_kwh() const {
  double total = 0.0;
  for (double kwh : supplier_kwh) total += kwh;
  return total;
}

double BillComponents::excl_vat_eur() const {
  return energy_eur + supplier_fixed_eur + distribution_eur + transmission_eur + capacity_eur + data_management_eur +
         sharing_fee_eur + levies_eur + certificates_eur;
}

BillComponents& BillComponents::operator+=(const BillComponents& other) {
  energy_eur += other.energy_eur;
  supplier_fixed_eur += other.supplier_fixed_eur;
  distribution_eur += other.distribution_eur;
  transmission_eur += other.transmission_eur;
  capacity_eur += other.capacity_eur;
  data_management_eur += other.data_management_eur;
  sharing_fee_eur += other.sharing_fee_eur;
  levies_eur += other.levies_eur;
  certificates_eur += other.certificates_eur;
  vat_eur += other.vat_eur;
  internal_price_eur += other.internal_price_eur;
  injection_income_eur += other.injection_income_eur;
  sharing_income_eur += other.sharing_income_eur;
  return *this;
}

namespace {

double energy_cost_eur(const EnergyTariff& tariff, const MonthUsage& usage) {
  switch (tariff.contract) {
    case EnergyContract::single: return tariff.price_eur_per_kwh * usage.supplier_total_kwh();
    case EnergyContract::day_night:
      return tariff.day_price_eur_per_kwh * usage.supplier_kwh[0] + tariff.night_price_eur_per_kwh * usage.supplier_kwh[1];
    case EnergyContract::dynamic:
      return tariff.offtake_formula.factor * usage.supplier_spot_eur +
             tariff.offtake_formula.adder_eur_per_kwh * usage.supplier_total_kwh();
  }
  return 0.0;
}

double injection_income_eur(const Tariffs& tariffs, const MonthUsage& usage) {
  const InjectionTariff& injection = tariffs.injection;
  if (injection.dynamic && tariffs.energy.contract == EnergyContract::dynamic) {
    return injection.formula.factor * usage.injected_spot_eur + injection.formula.adder_eur_per_kwh * usage.injected_kwh;
  }
  return injection.price_eur_per_kwh * usage.injected_kwh;
}

/// A levy in `month`: a published path is nominal (no escalation); a flat levy escalates.
double levy_eur_per_kwh(const std::vector<LevyStep>& path, double flat, const PriceIndex& index, int month) {
  if (!path.empty() && index.calendar_year != 0) return Levies::at(path, flat, index.calendar_year, month);
  return flat * index.levies;
}

/// The maximum kWh tariff (docs/tariffs.md): lowers the months' capacity charges so that the
/// year's capacity + distribution kWh charges stay within max tariff x network kWh, never
/// below the minimum-peak capacity charge. Given the year's capacity charge (the months'
/// summed in order), returns the € allowed, or nothing when the charge stays as it is.
std::optional<double> max_kwh_allowed_eur(const Tariffs& tariffs, const RuleSet& rules, const PriceIndex& index,
                                          double network_kwh, double capacity_eur) {
  const NetworkTariff& network = tariffs.network;
  if (!rules.capacity_tariff || network.max_kwh_tariff_eur_per_kwh <= 0.0) return std::nullopt;
  const double capacity_room_eur_per_kwh = network.max_kwh_tariff_eur_per_kwh - network.distribution_total_eur_per_kwh();
  const double minimum_eur = network.capacity_min_peak_kw * network.capacity_eur_per_kw_per_year;
  const double allowed_eur = std::max(minimum_eur, capacity_room_eur_per_kwh * network_kwh) * index.network;
  if (capacity_eur <= allowed_eur || capacity_eur <= 0.0) return std::nullopt;
  return allowed_eur;
}

/// One month's capacity charge and VAT after the cap scaled the capacity by `factor`.
void scale_capacity(double vat_rate, double factor, double& capacity_eur, double& vat_eur) {
  const double removed = capacity_eur * (1.0 - factor);
  capacity_eur -= removed;
  vat_eur -= vat_rate * removed;
}

/// Applies the maximum kWh tariff to the months; returns the € taken off (excl. VAT).
double apply_max_kwh_tariff(const Tariffs& tariffs, const RuleSet& rules, const PriceIndex& index, double network_kwh,
                            std::array<BillComponents, 12>& months) {
  if (!rules.capacity_tariff || tariffs.network.max_kwh_tariff_eur_per_kwh <= 0.0) return 0.0;
  double capacity_eur = 0.0;
  for (const BillComponents& month : months) capacity_eur += month.capacity_eur;
  const std::optional<double> allowed_eur = max_kwh_allowed_eur(tariffs, rules, index, network_kwh, capacity_eur);
  if (!allowed_eur) return 0.0;
  const double factor = *allowed_eur / capacity_eur;
  for (BillComponents& month : months) scale_capacity(tariffs.vat_rate, factor, month.capacity_eur, month.vat_eur);
  return capacity_eur - *allowed_eur;
}

}  // namespace

YearPrices year_prices(const Tariffs& tariffs, const PriceIndex& index) {
  YearPrices prices;
  prices.index = index;
  const Levies& levies = tariffs.levies;
  for (int m = 0; m < 12; ++m) {
    prices.levies_eur_per_kwh[m] =
        levy_eur_per_kwh(levies.energy_contribution_path, levies.energy_contribution_eur_per_kwh, index, m + 1) +
        levy_eur_per_kwh(levies.excise_path, levies.excise_eur_per_kwh, index, m + 1);
  }
  const NetworkTariff& network = tariffs.network;
  prices.supplier_fixed_eur_per_month = tariffs.energy.fixed_eur_per_year / 12.0 * index.energy;
  prices.data_management_eur_per_month = network.data_management_eur_per_year / 12.0 * index.network;
  prices.sharing_fee_eur_per_month = network.sharing_participant_fee_eur_per_year / 12.0 * index.network;
  prices.internal_price_vat_factor = tariffs.sharing.vat_on_internal_price ? 1.0 + tariffs.vat_rate : 1.0;
  return prices;
}

namespace {

/// Fills `charges` in place: returning the struct (doubles and a bool) by value made the
/// compiler copy it through the stack with overlapping loads that stall on the stores.
void fill_month_charges(const Tariffs& tariffs, const RuleSet& rules, const MonthUsage& usage, MonthCharges& charges) {
  const double supplier_kwh = usage.supplier_total_kwh();
  const double network_kwh = usage.network_kwh(rules);
  const double transmission_kwh = supplier_kwh + rules.transmission_on_shared * usage.shared_kwh;
  const NetworkTariff& network = tariffs.network;
  charges.levy_kwh = supplier_kwh + rules.levies_on_shared * usage.shared_kwh;
  charges.energy_eur = energy_cost_eur(tariffs.energy, usage);
  charges.distribution_eur = network.distribution_total_eur_per_kwh() * network_kwh;
  charges.transmission_eur = network.transmission_eur_per_kwh * transmission_kwh;
  if (rules.capacity_tariff) {
    const double billed_peak_kw = std::max(usage.peak_kw, network.capacity_min_peak_kw);
    charges.capacity_eur = network.capacity_eur_per_kw_per_year / 12.0 * billed_peak_kw;
  }
  charges.certificates_eur = tariffs.levies.certificates_eur_per_kwh * charges.levy_kwh;
  charges.internal_price_eur = tariffs.sharing.internal_price_eur_per_kwh * usage.shared_kwh;
  charges.injection_income_eur = injection_income_eur(tariffs, usage);
  charges.sharing_income_eur = tariffs.sharing.internal_price_eur_per_kwh * usage.sold_to_sharing_kwh;
  charges.sharing_participant = usage.sharing_participant;
}

/// One month's bill: the charges times the year's indices, in the order month_bill has
/// always multiplied them ((price x kWh) x index), so that the bits stay.
BillComponents month_components(const Tariffs& tariffs, const RuleSet& rules, const MonthCharges& charges,
                                const YearPrices& prices, int month_index) {
  const PriceIndex& index = prices.index;
  BillComponents bill;
  bill.energy_eur = charges.energy_eur * index.energy;
  bill.supplier_fixed_eur = prices.supplier_fixed_eur_per_month;
  bill.distribution_eur = charges.distribution_eur * index.network;
  bill.transmission_eur = charges.transmission_eur * index.network;
  if (rules.capacity_tariff) bill.capacity_eur = charges.capacity_eur * index.network;
  bill.data_management_eur = prices.data_management_eur_per_month;
  if (charges.sharing_participant) bill.sharing_fee_eur = prices.sharing_fee_eur_per_month;
  bill.levies_eur = prices.levies_eur_per_kwh[month_index] * charges.levy_kwh;
  bill.certificates_eur = charges.certificates_eur * index.levies;
  bill.vat_eur = tariffs.vat_rate * bill.excl_vat_eur();
  bill.internal_price_eur = charges.internal_price_eur * index.internal_price * prices.internal_price_vat_factor;
  bill.injection_income_eur = charges.injection_income_eur * index.injection;
  // An apartment injector receives the agreed price for what it shared (no VAT: residential
  // prosumers are not VAT-registered), as the association does for the common connection's.
  bill.sharing_income_eur = charges.sharing_income_eur * index.internal_price;
  return bill;
}

/// The 12 months' bills after the maximum kWh tariff; returns the € it took off.
double priced_months(const Tariffs& tariffs, const RuleSet& rules, const UsageCharges& charges,
                     const YearPrices& prices, std::array<BillComponents, 12>& months) {
  for (int m = 0; m < 12; ++m) months[m] = month_components(tariffs, rules, charges.months[m], prices, m);
  return apply_max_kwh_tariff(tariffs, rules, prices.index, charges.network_kwh, months);
}

}  // namespace

BillComponents month_bill(const Tariffs& tariffs, const RuleSet& rules, const MonthUsage& usage, const PriceIndex& index,
                          int month) {
  if (month < 1 || month > 12) throw std::out_of_range("month_bill: month outside 1..12");
  MonthCharges charges;
  fill_month_charges(tariffs, rules, usage, charges);
  return month_components(tariffs, rules, charges, year_prices(tariffs, index), month - 1);
}

UsageCharges usage_charges(const Tariffs& tariffs, const RuleSet& rules, const std::array<MonthUsage, 12>& usage) {
  UsageCharges charges;
  for (int m = 0; m < 12; ++m) {
    const MonthUsage& u = usage[m];
    fill_month_charges(tariffs, rules, u, charges.months[m]);
    charges.network_kwh += u.network_kwh(rules);
    charges.peak_kw[m] = u.peak_kw;
    charges.supplier_kwh += u.supplier_total_kwh();
    charges.shared_kwh += u.shared_kwh;
    charges.injected_kwh += u.injected_kwh;
    charges.sold_to_sharing_kwh += u.sold_to_sharing_kwh;
  }
  return charges;
}

ConnectionBill year_bill(const Tariffs& tariffs, const RuleSet& rules, const UsageCharges& charges,
                         const YearPrices& prices) {
  ConnectionBill bill;
  bill.network_kwh = charges.network_kwh;
  bill.peak_kw = charges.peak_kw;
  bill.supplier_kwh = charges.supplier_kwh;
  bill.shared_kwh = charges.shared_kwh;
  bill.injected_kwh = charges.injected_kwh;
  bill.sold_to_sharing_kwh = charges.sold_to_sharing_kwh;
  bill.capacity_capped_eur = priced_months(tariffs, rules, charges, prices, bill.months);
  for (const BillComponents& month : bill.months) bill.year += month;
  return bill;
}

BillComponents year_bill_total(const Tariffs& tariffs, const RuleSet& rules, const UsageCharges& charges,
                               const YearPrices& prices) {
  // The months are summed as they are priced; only capacity and VAT are kept per month, for
  // the maximum kWh tariff, which then sums those two again from the scaled months.
  std::array<double, 12> capacity_eur{};
  std::array<double, 12> vat_eur{};
  BillComponents year;
  for (int m = 0; m < 12; ++m) {
    const BillComponents month = month_components(tariffs, rules, charges.months[m], prices, m);
    year += month;
    capacity_eur[m] = month.capacity_eur;
    vat_eur[m] = month.vat_eur;
  }
  const std::optional<double> allowed_eur =
      max_kwh_allowed_eur(tariffs, rules, prices.index, charges.network_kwh, year.capacity_eur);
  if (allowed_eur) {
    const double factor = *allowed_eur / year.capacity_eur;
    year.capacity_eur = 0.0;
    year.vat_eur = 0.0;
    for (int m = 0; m < 12; ++m) {
      scale_capacity(tariffs.vat_rate, factor, capacity_eur[m], vat_eur[m]);
      year.capacity_eur += capacity_eur[m];
      year.vat_eur += vat_eur[m];
    }
  }
  return year;
}

ConnectionBill year_bill(const Tariffs& tariffs, const RuleSet& rules, const std::array<MonthUsage, 12>& usage,
                         const PriceIndex& index) {
  return year_bill(tariffs, rules, usage_charges(tariffs, rules, usage), year_prices(tariffs, index));
}

Eigen::ArrayXXd monthly_peak_kw(const Eigen::MatrixXd& kwh, const std::vector<std::uint8_t>& month) {
  if (static_cast<Eigen::Index>(month.size()) != kwh.cols()) {
    throw std::invalid_argument("monthly_peak_kw: month labels and series differ in length");
  }
  Eigen::ArrayXXd peaks = Eigen::ArrayXXd::Zero(kwh.rows(), 12);
  for (Eigen::Index t = 0; t < kwh.cols(); ++t) {
    const int m = month[t] - 1;
    for (Eigen::Index i = 0; i < kwh.rows(); ++i) peaks(i, m) = std::max(peaks(i, m), kwh(i, t) * 4.0);
  }
  return peaks;
}

}  // namespace deelstroom::economics
