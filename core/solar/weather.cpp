#include "core/solar/weather.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/solar/irradiance.hpp"

namespace deelstroom::solar {

namespace {

constexpr double kSecondsPerHour = 3600.0;
constexpr double kSecondsPerQuarter = 900.0;

/// Linear interpolation of an hourly, cyclic series whose value k sits at k hours, at t hours.
double interpolate_cyclic(const std::vector<double>& values, double t_hours) {
  const int n = static_cast<int>(values.size());
  const double k = std::floor(t_hours);
  const double f = t_hours - k;
  int i0 = static_cast<int>(k) % n;
  if (i0 < 0) i0 += n;
  const int i1 = (i0 + 1) % n;
  return values[i0] * (1.0 - f) + values[i1] * f;
}

/// The quarter-hours an hour's window overlaps: hour k covers [k h + offset − 30 min,
/// k h + offset + 30 min) from the start of the year; at most five quarter-hours, each with
/// the covered fraction of its 15 minutes (cyclic over the year).
struct HourWindow {
  int index[5];
  double overlap[5];
};

HourWindow hour_window(int k, double centre_offset_s, int interval_count) {
  HourWindow window;
  const double start_s = k * kSecondsPerHour + centre_offset_s - kSecondsPerHour / 2.0;
  const int q0 = static_cast<int>(std::floor(start_s / kSecondsPerQuarter));
  for (int j = 0; j < 5; ++j) {
    const double q_start = (q0 + j) * kSecondsPerQuarter;
    const double covered =
        std::min(start_s + kSecondsPerHour, q_start + kSecondsPerQuarter) - std::max(start_s, q_start);
    window.overlap[j] = std::max(covered, 0.0) / kSecondsPerQuarter;
    window.index[j] = ((q0 + j) % interval_count + interval_count) % interval_count;
  }
  return window;
}

}  // namespace

Weather hourly_to_quarter_hours(const HourlyWeather& hourly, const time::YearGrid& grid,
                                const SolarPositions& positions) {
  const int n = grid.interval_count;
  const int hours = n / 4;
  if (static_cast<int>(hourly.ghi_w_m2.size()) != hours || positions.size() != n) {
    throw std::invalid_argument("hourly_to_quarter_hours: series length does not match the year grid");
  }
  const bool has_components = !hourly.dni_w_m2.empty() && !hourly.dhi_w_m2.empty();

  // Extraterrestrial horizontal irradiance at each quarter-hour's middle: the shape within
  // the hour that keeps the hour's clearness index.
  Eigen::ArrayXd shape = positions.cos_zenith.max(0.0) * positions.extra_radiation_w_m2;

  Weather w;
  w.ghi_w_m2 = Eigen::ArrayXd::Zero(n);
  w.dhi_w_m2 = Eigen::ArrayXd::Zero(n);
  w.dni_w_m2 = Eigen::ArrayXd::Zero(n);
  w.temp_air_c.resize(n);
  w.wind_speed_m_s.resize(n);
  double dropped_wh_m2 = 0.0;

  for (int k = 0; k < hours; ++k) {
    const double ghi = std::max(hourly.ghi_w_m2[k], 0.0);
    if (ghi <= 0.0) continue;
    const double dhi = has_components ? std::clamp(hourly.dhi_w_m2[k], 0.0, ghi) : 0.0;
    const HourWindow window = hour_window(k, hourly.centre_offset_s, n);
    const auto& overlap = window.overlap;
    const auto& index = window.index;
    double weight_sum = 0.0;
    for (int j = 0; j < 5; ++j) weight_sum += overlap[j] * shape[index[j]];
    if (weight_sum <= 0.0) {  // no sunlit quarter-hour middle in the window
      dropped_wh_m2 += ghi;
      continue;
    }
    for (int j = 0; j < 5; ++j) {
      if (overlap[j] <= 0.0) continue;
      // The quarter's share of the hour's energy, as a mean over the quarter (x4).
      const double factor = 4.0 * overlap[j] * shape[index[j]] / weight_sum;
      w.ghi_w_m2[index[j]] += ghi * factor;
      w.dhi_w_m2[index[j]] += dhi * factor;
    }
  }

  for (int q = 0; q < n; ++q) {
    if (w.ghi_w_m2[q] <= 0.0 || positions.cos_zenith[q] <= 0.0) {
      w.dhi_w_m2[q] = w.ghi_w_m2[q];
      continue;
    }
    if (!has_components) {
      const ErbsSplit split =
          erbs(w.ghi_w_m2[q], positions.apparent_zenith_deg[q], positions.extra_radiation_w_m2[q]);
      w.dni_w_m2[q] = split.dni_w_m2;
      w.dhi_w_m2[q] = split.dhi_w_m2;
    }
  }
  if (has_components) {
    // DNI keeps the hour's value on the sunlit quarter-hours its window covers (time-weighted
    // where a quarter straddles two windows): the beam clearness DNI/E0n of the hour is kept.
    // Deriving it from closure instead, (GHI − DHI)/cos z, would move beam between morning
    // and afternoon whenever the file's closure holds at another instant than the window's
    // centre (PVGIS: at label + offset), shifting east/west arrays by ±3 % against pvlib.
    for (int k = 0; k < hours; ++k) {
      const double dni = std::max(hourly.dni_w_m2[k], 0.0);
      if (dni <= 0.0) continue;
      const HourWindow window = hour_window(k, hourly.centre_offset_s, n);
      for (int j = 0; j < 5; ++j) {
        const int q = window.index[j];
        if (window.overlap[j] > 0.0 && positions.cos_zenith[q] > 0.0)
          w.dni_w_m2[q] += dni * window.overlap[j];
      }
    }
  }

  for (int q = 0; q < n; ++q) {
    const double t_hours = (q + 0.5) * kSecondsPerQuarter / kSecondsPerHour;  // middle, labels at whole hours
    w.temp_air_c[q] = interpolate_cyclic(hourly.temp_air_c, t_hours);
    w.wind_speed_m_s[q] = std::max(interpolate_cyclic(hourly.wind_speed_m_s, t_hours), 0.0);
  }
  w.metadata.applied_time_offset_h = hourly.centre_offset_s / kSecondsPerHour;
  w.metadata.decomposed_with_erbs = !has_components;
  w.metadata.dropped_irradiation_kwh_m2 = dropped_wh_m2 / 1000.0;
  return w;
}

}  // namespace deelstroom::solar
