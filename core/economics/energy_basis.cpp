#include "core/economics/energy_basis.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/economics/bill.hpp"
#include "core/economics/tariff_periods.hpp"

namespace deelstroom::economics {

namespace {

constexpr double kEurPerMwhToEurPerKwh = 1e-3;

double spot_eur_per_kwh(const std::vector<double>& day_ahead_eur_per_mwh, int t) {
  return day_ahead_eur_per_mwh.empty() ? 0.0 : day_ahead_eur_per_mwh[t] * kEurPerMwhToEurPerKwh;
}

int bucket_of(const sharing::BuildingSeries& series, int t) {
  const int period = series.tariff_period.empty() ? 0 : series.tariff_period[t];
  return (series.month[t] - 1) * series.period_count + period;
}

void check_day_ahead(const sharing::BuildingSeries& series, const std::vector<double>& day_ahead_eur_per_mwh) {
  if (!day_ahead_eur_per_mwh.empty() && static_cast<int>(day_ahead_eur_per_mwh.size()) != series.interval_count()) {
    throw InputError({"", 0, 0, "tariffs.energy.day_ahead_file"},
                     fill("verwacht een day-aheadprijs per kwartier ({}), gevonden {}", "expected one day-ahead price per quarter-hour ({}), found {}",
                          {std::to_string(series.interval_count()), std::to_string(day_ahead_eur_per_mwh.size())}));
  }
}

/// Weighted sum of settled energies (the Lagrange interpolation's combination) into `result`,
/// whose arrays are reused when they have the nodes' sizes.
void combine_into(const std::vector<SettledEnergy>& nodes, const std::vector<double>& weights, double scale,
                  SettledEnergy& result) {
  result = nodes[0];
  result.production_scale = scale;
  auto scale_all = [&](SettledEnergy& e, double w) {
    e.shared_kwh *= w;
    e.shared_spot_eur *= w;
    e.production_kwh *= w;
    e.common_self_consumption_kwh *= w;
    e.common_grid_kwh *= w;
    e.common_grid_spot_eur *= w;
    e.common_peak_kw *= w;
    e.injected_kwh *= w;
    e.injected_spot_eur *= w;
    e.injection_shared_kwh *= w;
    e.injection_shared_spot_eur *= w;
  };
  scale_all(result, weights[0]);
  for (std::size_t k = 1; k < nodes.size(); ++k) {
    const SettledEnergy& n = nodes[k];
    const double w = weights[k];
    result.shared_kwh += w * n.shared_kwh;
    result.shared_spot_eur += w * n.shared_spot_eur;
    result.production_kwh += w * n.production_kwh;
    result.common_self_consumption_kwh += w * n.common_self_consumption_kwh;
    result.common_grid_kwh += w * n.common_grid_kwh;
    result.common_grid_spot_eur += w * n.common_grid_spot_eur;
    result.common_peak_kw += w * n.common_peak_kw;
    result.injected_kwh += w * n.injected_kwh;
    result.injected_spot_eur += w * n.injected_spot_eur;
    result.injection_shared_kwh += w * n.injection_shared_kwh;
    result.injection_shared_spot_eur += w * n.injection_shared_spot_eur;
  }
  // Interpolation must not create negative energy where every node was >= 0 (tiny
  // undershoots between nodes where a quantity reaches 0).
  result.shared_kwh = result.shared_kwh.max(0.0);
  result.common_grid_kwh = result.common_grid_kwh.max(0.0);
  result.injected_kwh = result.injected_kwh.max(0.0);
  result.injection_shared_kwh = result.injection_shared_kwh.max(0.0);
  result.common_peak_kw = result.common_peak_kw.max(0.0);
}

/// The common meter's monthly peak of Cc - Sc = Cc - min(P x scale, Cc), x 4, kW (12).
/// Per run of equal month labels, two running maxima take alternate quarter-hours so that
/// the loop is not one chain of dependent max operations. The result is the same bits as one
/// running max: the values are finite and >= 0, the maxima start at +0 and are replaced only
/// by larger values (a -0 never enters), and the max of such a set does not depend on the
/// order it is taken in.
Eigen::ArrayXd common_grid_peak_kw(const sharing::BuildingSeries& series, double production_scale) {
  Eigen::ArrayXd peaks = Eigen::ArrayXd::Zero(12);
  const int t_count = series.interval_count();
  const double* common = series.common_consumption_kwh.data();
  const double* production = series.production_kwh.data();
  const std::uint8_t* month = series.month.data();
  auto grid_kw = [&](int t) { return (common[t] - std::min(production[t] * production_scale, common[t])) * 4.0; };
  for (int start = 0; start < t_count;) {
    const std::uint8_t label = month[start];
    int end = start;
    while (end < t_count && month[end] == label) ++end;
    double even_kw = peaks[label - 1];
    double odd_kw = even_kw;
    int t = start;
    for (; t + 1 < end; t += 2) {
      even_kw = std::max(even_kw, grid_kw(t));
      odd_kw = std::max(odd_kw, grid_kw(t + 1));
    }
    if (t < end) even_kw = std::max(even_kw, grid_kw(t));
    peaks[label - 1] = std::max(even_kw, odd_kw);
    start = end;
  }
  return peaks;
}

}  // namespace

Eigen::ArrayXd SettledEnergy::common_shared_kwh() const {
  return (shared_kwh.colwise().sum() - injection_shared_kwh.colwise().sum()).transpose();
}

Eigen::ArrayXd SettledEnergy::injected_without_sharing_kwh() const { return injected_kwh + common_shared_kwh(); }

Eigen::ArrayXd SettledEnergy::injected_without_sharing_spot_eur() const {
  return injected_spot_eur + (shared_spot_eur.colwise().sum() - injection_shared_spot_eur.colwise().sum()).transpose();
}

BaseEnergy base_energy(const sharing::BuildingSeries& series,
                       const std::vector<double>& day_ahead_eur_per_mwh, bool series_validated,
                       const sharing::SeriesTotals* totals) {
  if (!series_validated) {
    if (const std::string problem = sharing::validate_series(series); !problem.empty()) {
      throw std::invalid_argument("invalid building series: " + problem);
    }
  } else if (series.month.size() != static_cast<std::size_t>(series.interval_count()) ||
             series.offtake_kwh.cols() != series.interval_count()) {
    throw std::invalid_argument("invalid building series: lengths differ");
  }
  check_day_ahead(series, day_ahead_eur_per_mwh);
  const int n = series.apartment_count();
  const int periods = series.period_count;
  BaseEnergy base;
  base.apartment_count = n;
  base.period_count = periods;
  base.offtake_kwh = Eigen::ArrayXXd::Zero(n, 12 * periods);
  base.offtake_spot_eur = Eigen::ArrayXXd::Zero(n, 12);
  base.common_kwh = Eigen::ArrayXd::Zero(12 * periods);
  base.common_spot_eur = Eigen::ArrayXd::Zero(12);
  base.common_peak_kw = Eigen::ArrayXd::Zero(12);
  base.injection_kwh = Eigen::ArrayXXd::Zero(n, 12 * periods);
  base.injection_spot_eur = Eigen::ArrayXXd::Zero(n, 12);
  const bool injectors = series.has_apartment_injection();
  if (totals != nullptr && !totals->fits(series)) {
    throw std::invalid_argument("base_energy: the given series totals belong to another series");
  }
  // With the series totals, the apartments' kWh and peaks are known: the quarter-hour loop
  // reads the apartments' series only to price them at the spot price (dynamic contract).
  const bool apartment_sums = totals == nullptr;
  const bool dynamic = !day_ahead_eur_per_mwh.empty();
  // The common meter, per run of quarter-hours with the same bucket: the sums and the peak
  // stay in registers (the same additions in the same order as bucket by bucket in memory).
  // Without day-ahead prices the spot sums stay 0 (0 x a finite kWh added to +0 is +0).
  for (int start = 0; start < series.interval_count();) {
    const int bucket = bucket_of(series, start);
    const int m = series.month[start] - 1;
    double kwh = base.common_kwh[bucket];
    double spot_eur = base.common_spot_eur[m];
    double peak_kw = base.common_peak_kw[m];
    int t = start;
    for (; t < series.interval_count() && bucket_of(series, t) == bucket; ++t) {
      const double common = series.common_consumption_kwh[t];
      kwh += common;
      if (dynamic) spot_eur += spot_eur_per_kwh(day_ahead_eur_per_mwh, t) * common;
      peak_kw = std::max(peak_kw, common * 4.0);
    }
    base.common_kwh[bucket] = kwh;
    base.common_spot_eur[m] = spot_eur;
    base.common_peak_kw[m] = peak_kw;
    start = t;
  }
  // The apartments' series are walked only for what the totals do not hold.
  const bool apartments_walked = apartment_sums || dynamic;
  for (int t = 0; apartments_walked && t < series.interval_count(); ++t) {
    const int m = series.month[t] - 1;
    const int bucket = bucket_of(series, t);
    const double spot = spot_eur_per_kwh(day_ahead_eur_per_mwh, t);
    if (apartment_sums) base.offtake_kwh.col(bucket) += series.offtake_kwh.col(t).array();
    if (spot != 0.0) base.offtake_spot_eur.col(m) += spot * series.offtake_kwh.col(t).array();
    if (injectors) {
      if (apartment_sums) base.injection_kwh.col(bucket) += series.injection_kwh.col(t).array();
      if (spot != 0.0) base.injection_spot_eur.col(m) += spot * series.injection_kwh.col(t).array();
    }
  }
  if (apartment_sums) {
    base.peak_kw = monthly_peak_kw(series.offtake_kwh, series.month);
  } else {
    // Same bits as monthly_peak_kw: x 4 is exact and keeps the order, so max(4a, 4b) = 4 max(a, b).
    base.offtake_kwh = totals->offtake_by_month_period;
    base.injection_kwh = totals->injection_by_month_period;
    base.peak_kw = totals->offtake_max_by_month * 4.0;
  }
  return base;
}

SettledEnergy settle_energy(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                            double production_scale, const std::vector<double>& day_ahead_eur_per_mwh,
                            bool series_validated, const sharing::SeriesTotals* totals) {
  check_day_ahead(series, day_ahead_eur_per_mwh);
  sharing::SettlementOptions options;
  options.keep_series = !day_ahead_eur_per_mwh.empty();  // dynamic: a_i(t) and R(t) are priced one by one
  options.production_scale = production_scale;
  options.series_validated = series_validated;
  options.totals = totals;
  options.energy_only = true;  // the money needs the flows, not the rounds
  return gather_energy(series, sharing::settle_year(series, schedule, options), day_ahead_eur_per_mwh);
}

SettledEnergy gather_energy(const sharing::BuildingSeries& series, const sharing::SettlementResult& settled,
                            const std::vector<double>& day_ahead_eur_per_mwh) {
  check_day_ahead(series, day_ahead_eur_per_mwh);
  const bool dynamic = !day_ahead_eur_per_mwh.empty();
  if (dynamic && settled.allocated_kwh.cols() != series.interval_count()) {
    throw std::invalid_argument("gather_energy: a dynamic contract needs the settlement's quarter-hour series");
  }
  const double production_scale = settled.production_scale;
  const int n = series.apartment_count();
  SettledEnergy energy;
  energy.production_scale = production_scale;
  energy.shared_kwh = settled.shared_by_month_period;
  energy.injected_kwh = settled.injected_by_month_period;
  energy.injection_shared_kwh = settled.injection_shared_by_month_period;
  energy.injection_shared_spot_eur = Eigen::ArrayXXd::Zero(n, 12);
  const bool injectors = series.has_apartment_injection();
  if (dynamic && injectors && settled.injection_shared_kwh.cols() != series.interval_count()) {
    throw std::invalid_argument("gather_energy: a dynamic contract needs the settlement's quarter-hour series");
  }
  energy.common_grid_kwh = settled.common_grid_offtake_by_month_period;
  energy.production_kwh = Eigen::ArrayXd::Zero(12);
  energy.common_self_consumption_kwh = Eigen::ArrayXd::Zero(12);
  for (int m = 0; m < 12; ++m) {
    energy.production_kwh[m] = settled.months[m].production_kwh;
    energy.common_self_consumption_kwh[m] = settled.months[m].common_self_consumption_kwh;
  }
  energy.shared_spot_eur = Eigen::ArrayXXd::Zero(n, 12);
  energy.common_grid_spot_eur = Eigen::ArrayXd::Zero(12);
  energy.injected_spot_eur = Eigen::ArrayXd::Zero(12);
  energy.common_peak_kw = Eigen::ArrayXd::Zero(12);
  if (!dynamic) {
    energy.common_peak_kw = common_grid_peak_kw(series, production_scale);
    return energy;
  }
  for (int t = 0; t < series.interval_count(); ++t) {
    const int m = series.month[t] - 1;
    // The common meter sees Cc - Sc = max(Cc - P, 0): PV behind the meter lowers its peak.
    const double common = series.common_consumption_kwh[t];
    const double grid = common - std::min(series.production_kwh[t] * production_scale, common);
    energy.common_peak_kw[m] = std::max(energy.common_peak_kw[m], grid * 4.0);
    if (dynamic) {
      const double spot = spot_eur_per_kwh(day_ahead_eur_per_mwh, t);
      energy.common_grid_spot_eur[m] += spot * grid;
      energy.injected_spot_eur[m] += spot * settled.injected_kwh[t];
      energy.shared_spot_eur.col(m) += spot * settled.allocated_kwh.col(t).array();
      if (injectors) energy.injection_shared_spot_eur.col(m) += spot * settled.injection_shared_kwh.col(t).array();
    }
  }
  return energy;
}

double EnergyBasis::production_scale(int year) const {
  return size_scale * std::pow(1.0 - degradation_per_year, year - 1);
}

SettledEnergy EnergyBasis::year(int year) const {
  SettledEnergy scratch;
  return year_of(year, scratch);
}

const SettledEnergy& EnergyBasis::year_of(int year, SettledEnergy& scratch) const {
  if (year < 1 || year > horizon_years) throw std::out_of_range("EnergyBasis::year: year outside the horizon");
  if (nodes.size() == 1) return nodes[0];
  for (std::size_t k = 0; k < node_years.size(); ++k) {
    if (node_years[k] == year) return nodes[k];
  }
  // Lagrange interpolation in the production scale s through the nodes (s_k, E_k).
  const double s = production_scale(year);
  std::vector<double> weights(nodes.size(), 1.0);
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      if (j == k) continue;
      weights[k] *= (s - nodes[j].production_scale) / (nodes[k].production_scale - nodes[j].production_scale);
    }
  }
  combine_into(nodes, weights, s, scratch);
  return scratch;
}

EnergyBasis prepare_energy_basis(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                                 const EconomicsSettings& settings, double size_scale, const BasisShortcuts& shortcuts) {
  validate_settings(settings);
  const EnergyTariff& tariff = settings.tariffs.energy;
  if (series.period_count > kMaxPeriods) throw std::invalid_argument("at most two tariff periods are supported");
  if (tariff.contract == EnergyContract::day_night && series.period_count != 2) {
    throw std::invalid_argument("a day/night contract needs the series' tariff periods (economics::tariff_periods)");
  }
  if (!(size_scale >= 0.0) || !std::isfinite(size_scale)) throw std::invalid_argument("size_scale must be >= 0");
  const std::vector<double> no_prices;
  const bool dynamic = tariff.contract == EnergyContract::dynamic;
  if (dynamic && tariff.day_ahead_eur_per_mwh.empty()) {
    throw InputError({"", 0, 0, "tariffs.energy.day_ahead_file"}, Text{"een dynamisch contract vraagt een reeks day-aheadprijzen", "a dynamic contract needs a day-ahead price series"});
  }
  const std::vector<double>& prices = dynamic ? tariff.day_ahead_eur_per_mwh : no_prices;

  EnergyBasis basis;
  if (shortcuts.base) {
    if (shortcuts.base->apartment_count != series.apartment_count() || shortcuts.base->period_count != series.period_count) {
      throw std::invalid_argument("prepare_energy_basis: the given base energy belongs to another series");
    }
    basis.base = *shortcuts.base;
  } else {
    basis.base = base_energy(series, prices, shortcuts.series_validated, shortcuts.totals);
  }
  basis.evaluation = settings.analysis.year_evaluation;
  basis.horizon_years = settings.analysis.horizon_years;
  basis.size_scale = size_scale;
  basis.degradation_per_year = settings.analysis.degradation_per_year;

  const int horizon = basis.horizon_years;
  if (basis.degradation_per_year == 0.0 || size_scale == 0.0) {  // every year is the same
    basis.node_years = {1};
  } else if (basis.evaluation == YearEvaluation::exact || horizon <= 3) {
    for (int y = 1; y <= horizon; ++y) basis.node_years.push_back(y);
  } else {
    basis.node_years = {1, (horizon + 2) / 2, horizon};
  }
  for (int y : basis.node_years) {
    const double scale = basis.production_scale(y);
    const sharing::SettlementResult* known = shortcuts.settlement;
    if (known && known->production_scale == scale && (!dynamic || known->allocated_kwh.cols() == series.interval_count())) {
      basis.nodes.push_back(gather_energy(series, *known, prices));
    } else {
      basis.nodes.push_back(
          settle_energy(series, schedule, scale, prices, true, shortcuts.totals));  // checked above
    }
  }
  return basis;
}

}  // namespace deelstroom::economics
