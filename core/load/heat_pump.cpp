#include "core/load/heat_pump.hpp"

#include <algorithm>
#include <cmath>

namespace deelstroom::load {

namespace {

constexpr double kKelvin = 273.15;
constexpr double kCarnotShare = 0.45;
constexpr double kInertiaHours = 12.0;

/// Scales a non-negative series to a total; a series of zeros becomes a flat one (a heat
/// pump in a year that never drops below the limit still heats its hot water).
void scale_to_total(Eigen::ArrayXd& series, double total) {
  const double sum = series.sum();
  if (sum > 0.0) {
    series *= total / sum;
  } else if (series.size() > 0) {
    series.setConstant(total / static_cast<double>(series.size()));
  }
}

}  // namespace

double heat_pump_cop(double outdoor_temp_c, double supply_temp_c) {
  const double lift_k = std::max(supply_temp_c - outdoor_temp_c, 10.0);
  return std::clamp(kCarnotShare * (supply_temp_c + kKelvin) / lift_k, 1.5, 6.0);
}

Eigen::ArrayXd heat_pump_series(const HeatPumpOption& option, const PreparedContext& context,
                                double heating_limit_offset_c) {
  const int n = context.interval_count();
  const time::LocalCalendar& calendar = *context.calendar;
  const double limit_c = option.heating_limit_c + heating_limit_offset_c;

  // Space heating: first-order smoothing of the outdoor temperature (exact discretisation of
  // dT/dt = (T_out - T)/tau over a quarter-hour), started from the first value.
  const Eigen::ArrayXd& outdoor_temp_c = context.outdoor_temp_c();
  Eigen::ArrayXd space(n);
  const double alpha = 1.0 - std::exp(-0.25 / kInertiaHours);
  double smoothed_c = n > 0 ? outdoor_temp_c[0] : 0.0;
  for (int i = 0; i < n; ++i) {
    const double outdoor_c = outdoor_temp_c[i];
    smoothed_c += alpha * (outdoor_c - smoothed_c);
    const double demand = std::max(0.0, limit_c - smoothed_c);
    const int hour = calendar.quarter_of_day[i] / 4;
    const double setback = (hour >= 23 || hour < 6) ? option.night_setback : 1.0;
    space[i] = demand * setback / heat_pump_cop(outdoor_c, option.supply_temp_c);
  }
  scale_to_total(space, option.annual_kwh * (1.0 - option.hot_water_share));

  // Hot water: the same energy every day, reheated evenly over the window.
  Eigen::ArrayXd hot_water = Eigen::ArrayXd::Zero(n);
  const int first_slot = static_cast<int>(std::lround(option.hot_water_start_h * 4.0));
  const int slot_count = std::max(1, static_cast<int>(std::lround(option.hot_water_duration_h * 4.0)));
  for (int i = 0; i < n; ++i) {
    const int slot = calendar.quarter_of_day[i];
    const int relative = (slot - first_slot + 96) % 96;
    if (relative < slot_count) hot_water[i] = 1.0;
  }
  scale_to_total(hot_water, option.annual_kwh * option.hot_water_share);
  return space + hot_water;
}

}  // namespace deelstroom::load
