#include "core/economics/bill.hpp"

#include <algorithm>
#include <cmath>
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
/// below the minimum-peak capacity charge. Returns the € taken off (excl. VAT).
double apply_max_kwh_tariff(const Tariffs& tariffs, const RuleSet& rules, const PriceIndex& index, double network_kwh,
                            std::array<BillComponents, 12>& months) {
  const NetworkTariff& network = tariffs.network;
  if (!rules.capacity_tariff || network.max_kwh_tariff_eur_per_kwh <= 0.0) return 0.0;
  double capacity_eur = 0.0;
  for (const BillComponents& month : months) capacity_eur += month.capacity_eur;
  const double capacity_room_eur_per_kwh = network.max_kwh_tariff_eur_per_kwh - network.distribution_total_eur_per_kwh();
  const double minimum_eur = network.capacity_min_peak_kw * network.capacity_eur_per_kw_per_year;
  const double allowed_eur = std::max(minimum_eur, capacity_room_eur_per_kwh * network_kwh) * index.network;
  if (capacity_eur <= allowed_eur || capacity_eur <= 0.0) return 0.0;
  const double factor = allowed_eur / capacity_eur;
  for (BillComponents& month : months) {
    const double removed = month.capacity_eur * (1.0 - factor);
    month.capacity_eur -= removed;
    month.vat_eur -= tariffs.vat_rate * removed;
  }
  return capacity_eur - allowed_eur;
}

}  // namespace

BillComponents month_bill(const Tariffs& tariffs, const RuleSet& rules, const MonthUsage& usage, const PriceIndex& index,
                          int month) {
  BillComponents bill;
  const double supplier_kwh = usage.supplier_total_kwh();
  const double network_kwh = usage.network_kwh(rules);
  const double transmission_kwh = supplier_kwh + rules.transmission_on_shared * usage.shared_kwh;
  const double levy_kwh = supplier_kwh + rules.levies_on_shared * usage.shared_kwh;
  const NetworkTariff& network = tariffs.network;

  bill.energy_eur = energy_cost_eur(tariffs.energy, usage) * index.energy;
  bill.supplier_fixed_eur = tariffs.energy.fixed_eur_per_year / 12.0 * index.energy;
  bill.distribution_eur = network.distribution_total_eur_per_kwh() * network_kwh * index.network;
  bill.transmission_eur = network.transmission_eur_per_kwh * transmission_kwh * index.network;
  if (rules.capacity_tariff) {
    const double billed_peak_kw = std::max(usage.peak_kw, network.capacity_min_peak_kw);
    bill.capacity_eur = network.capacity_eur_per_kw_per_year / 12.0 * billed_peak_kw * index.network;
  }
  bill.data_management_eur = network.data_management_eur_per_year / 12.0 * index.network;
  if (usage.sharing_participant) bill.sharing_fee_eur = network.sharing_participant_fee_eur_per_year / 12.0 * index.network;
  bill.levies_eur = (levy_eur_per_kwh(tariffs.levies.energy_contribution_path, tariffs.levies.energy_contribution_eur_per_kwh,
                                      index, month) +
                     levy_eur_per_kwh(tariffs.levies.excise_path, tariffs.levies.excise_eur_per_kwh, index, month)) *
                    levy_kwh;
  const Levies& levies = tariffs.levies;
  bill.certificates_eur = levies.certificates_eur_per_kwh * levy_kwh * index.levies;
  bill.vat_eur = tariffs.vat_rate * bill.excl_vat_eur();

  const double internal_vat = tariffs.sharing.vat_on_internal_price ? 1.0 + tariffs.vat_rate : 1.0;
  bill.internal_price_eur =
      tariffs.sharing.internal_price_eur_per_kwh * usage.shared_kwh * index.internal_price * internal_vat;
  bill.injection_income_eur = injection_income_eur(tariffs, usage) * index.injection;
  // An apartment injector receives the agreed price for what it shared (no VAT: residential
  // prosumers are not VAT-registered), as the association does for the common connection's.
  bill.sharing_income_eur = tariffs.sharing.internal_price_eur_per_kwh * usage.sold_to_sharing_kwh * index.internal_price;
  return bill;
}

ConnectionBill year_bill(const Tariffs& tariffs, const RuleSet& rules, const std::array<MonthUsage, 12>& usage,
                         const PriceIndex& index) {
  ConnectionBill bill;
  for (int m = 0; m < 12; ++m) {
    bill.months[m] = month_bill(tariffs, rules, usage[m], index, m + 1);
    bill.network_kwh += usage[m].network_kwh(rules);
    bill.peak_kw[m] = usage[m].peak_kw;
    bill.supplier_kwh += usage[m].supplier_total_kwh();
    bill.shared_kwh += usage[m].shared_kwh;
    bill.injected_kwh += usage[m].injected_kwh;
    bill.sold_to_sharing_kwh += usage[m].sold_to_sharing_kwh;
  }
  bill.capacity_capped_eur = apply_max_kwh_tariff(tariffs, rules, index, bill.network_kwh, bill.months);
  for (const BillComponents& month : bill.months) bill.year += month;
  return bill;
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
