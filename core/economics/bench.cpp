#include "core/economics/bench.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/economics/decisions.hpp"
#include "core/economics/tariff_periods.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::economics {

namespace {

/// splitmix64 (Steele, Lea & Flood 2014): a small, fully specified generator, so the
/// synthetic building is the same on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

template <class Work>
double best_ms(int repetitions, Work&& work) {
  double best = 1e300;
  for (int r = 0; r < std::max(1, repetitions); ++r) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(stop - start).count());
  }
  return best;
}

}  // namespace

SyntheticBuilding synthetic_building(int apartment_count, double pv_kwp, const EnergyTariff& tariff, std::uint64_t seed) {
  const time::YearGrid grid = time::make_year_grid(2025);
  const time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  const int t_count = grid.interval_count;
  SplitMix64 random(seed);
  SyntheticBuilding building;
  building.pv_kwp = pv_kwp;
  sharing::BuildingSeries& s = building.series;
  s.production_kwh = Eigen::ArrayXd::Zero(t_count);
  s.common_consumption_kwh = Eigen::ArrayXd::Zero(t_count);
  s.offtake_kwh = Eigen::MatrixXd::Zero(apartment_count, t_count);
  s.month = calendar.month;
  s.tariff_period = tariff_periods(tariff, calendar);
  s.period_count = period_count(tariff);

  std::vector<double> yearly_scale(apartment_count);
  for (double& scale : yearly_scale) scale = 1500.0 + 2000.0 * random.uniform();
  for (int t = 0; t < t_count; ++t) {
    const double day = t / 96.0;
    const double hour_utc = (t % 96) / 4.0;
    // Sun: a bell between ~4 and ~20 UTC in summer, shorter in winter; ~950 kWh/kWp/year.
    const double season = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (day - 10.0) / 365.0);  // 0 winter .. 1 summer
    const double half_day = 3.5 + 4.5 * season;
    const double solar_noon = 11.7;
    const double x = (hour_utc - solar_noon) / half_day;
    const double clear = std::abs(x) < 1.0 ? std::cos(x * std::numbers::pi / 2.0) : 0.0;
    const double cloud = 0.35 + 0.65 * random.uniform();
    s.production_kwh[t] = pv_kwp * 0.25 * (0.25 + 0.55 * season) * clear * clear * cloud * 1.35;
    // Common parts: lift and lighting, more at night and in winter.
    const double local_hour = calendar.quarter_of_day[t] / 4.0;
    s.common_consumption_kwh[t] = 0.06 + 0.04 * (local_hour < 7 || local_hour > 18) + 0.1 * (random.uniform() < 0.05);
    for (int i = 0; i < apartment_count; ++i) {
      const double evening = (local_hour >= 17.0 && local_hour < 22.0) ? 2.2 : (local_hour >= 7.0 && local_hour < 9.0) ? 1.4 : 0.7;
      const double spike = random.uniform() < 0.02 ? 0.4 + 0.4 * random.uniform() : 0.0;
      s.offtake_kwh(i, t) = yearly_scale[i] / 35040.0 * evening * (0.6 + 0.8 * random.uniform()) + spike;
    }
  }
  for (int i = 0; i < apartment_count; ++i) {
    Apartment a;
    a.id = "A" + std::to_string(i + 1);
    a.shares_per_mille = 1000.0 / apartment_count;
    building.apartments.push_back(a);
  }
  return building;
}

EconomicsBenchFigures bench_economics(int apartment_count, int repetitions) {
  EconomicsSettings settings;
  const SyntheticBuilding building = synthetic_building(apartment_count, 4.0 * apartment_count, settings.tariffs.energy, 42);
  const sharing::KeySchedule schedule{{sharing::proportional_key(apartment_count)}, {}};

  EconomicsBenchFigures figures;
  figures.apartment_count = apartment_count;
  figures.horizon_years = settings.analysis.horizon_years;
  EnergyBasis interpolated;
  figures.prepare_interpolated_ms =
      best_ms(repetitions, [&] { interpolated = prepare_energy_basis(building.series, schedule, settings); });
  EconomicsSettings exact_settings = settings;
  exact_settings.analysis.year_evaluation = YearEvaluation::exact;
  EnergyBasis exact;
  figures.prepare_exact_ms = best_ms(std::min(repetitions, 2),
                                     [&] { exact = prepare_energy_basis(building.series, schedule, exact_settings); });
  EconomicsResult fast;
  figures.evaluate_ms = best_ms(repetitions * 4, [&] {
    fast = evaluate_economics(interpolated, building.apartments, settings, building.pv_kwp);
  });
  figures.fair_price_ms = best_ms(repetitions, [&] {
    (void)find_fair_internal_price(interpolated, building.apartments, settings, building.pv_kwp);
  });
  const EconomicsResult reference = evaluate_economics(exact, building.apartments, exact_settings, building.pv_kwp);
  for (std::size_t i = 0; i < fast.apartments.size(); ++i) {
    figures.max_npv_difference_eur = std::max(
        figures.max_npv_difference_eur, std::abs(fast.apartments[i].total.npv_eur - reference.apartments[i].total.npv_eur));
    for (std::size_t y = 1; y < fast.apartments[i].years.size(); ++y) {
      const double exact_kwh = reference.apartments[i].years[y].shared_kwh;
      if (exact_kwh > 0.0) {
        figures.max_shared_relative_difference =
            std::max(figures.max_shared_relative_difference,
                     std::abs(fast.apartments[i].years[y].shared_kwh - exact_kwh) / exact_kwh);
      }
    }
  }
  return figures;
}

std::string format_bench(const EconomicsBenchFigures& f) {
  char buffer[768];
  std::snprintf(buffer, sizeof buffer,
                "economics, %d apartments, %d-year horizon, one key:\n"
                "  prepare (interpolated, 3 settlements): %8.2f ms\n"
                "  prepare (exact, %d settlements):       %8.2f ms\n"
                "  evaluate money on a prepared basis:    %8.3f ms\n"
                "  fair internal price search:            %8.3f ms\n"
                "  interpolated vs exact: max |dNPV| %.4f EUR, max shared kWh rel. diff %.2e\n",
                f.apartment_count, f.horizon_years, f.prepare_interpolated_ms, f.horizon_years, f.prepare_exact_ms,
                f.evaluate_ms, f.fair_price_ms, f.max_npv_difference_eur, f.max_shared_relative_difference);
  return buffer;
}

}  // namespace deelstroom::economics
