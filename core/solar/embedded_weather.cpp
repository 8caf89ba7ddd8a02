// The embedded default weather year for central Belgium (Uccle, 50.80 N 4.35 E).
#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "core/solar/irradiance.hpp"
#include "core/solar/random.hpp"
#include "core/solar/weather.hpp"
#include "core/time/civil.hpp"

namespace deelstroom::solar {

const MonthlyClimate& uccle_climate() {
  // Monthly global horizontal irradiation at Uccle (kWh/m²), working values for the 1991–2020
  // climate. Anchors from KMI/IRM (Royal Meteorological Institute of Belgium): the climate
  // atlas normals 1991–2020 give a Belgian mean of 5270 Wh/m²/day in June (158 kWh/m²),
  // 545 Wh/m²/day in December (16.9 kWh/m²) and 2880 Wh/m²/day over the year (1051 kWh/m²);
  // KMI's Uccle May totals 2013–2023 average 158 kWh/m² (published by Futech, 2023). The other
  // months follow the usual seasonal shape at 50.8 N (approximate: not read from the KMI Uccle
  // monthly normals table; a PVGIS file gives measured hours). Year total 1044 kWh/m².
  // Mean air temperature (°C): KMI Uccle normals 1991–2020 (January 3.7 °C as KMI's monthly
  // bulletins quote; other months approximate). Wind speed at 10 m (m/s): approximate Uccle
  // monthly means; it only enters the module temperature.
  static const MonthlyClimate climate = {
      {21.5, 37.0, 75.0, 118.0, 155.0, 158.0, 156.0, 133.0, 92.0, 56.0, 25.5, 17.0},
      {3.7, 4.2, 7.1, 10.4, 14.0, 17.0, 19.0, 18.6, 15.3, 11.4, 7.1, 4.2},
      {3.9, 3.8, 3.8, 3.4, 3.1, 2.9, 2.9, 2.8, 2.9, 3.2, 3.5, 3.8},
  };
  return climate;
}

namespace {

constexpr int kQuartersPerDay = 96;

/// Day-to-day persistence of cloudiness and its spread (log-normal daily clearness around
/// the month's mean); values typical of mid-latitude maritime climates.
constexpr double kDailyPersistence = 0.4;
constexpr double kDailySigma = 0.45;
constexpr double kDailyKtMin = 0.04, kDailyKtMax = 0.75;
/// Within-day fluctuation: AR(1) at quarter-hour steps, strongest for broken clouds.
constexpr double kQuarterPersistence = 0.85;
constexpr double kQuarterKtMax = 1.0;

double interpolate_monthly(const double (&values)[12], const time::CivilDate& date) {
  // Linear between mid-months so the temperature has no steps at month boundaries.
  const double position =
      date.month - 1 + (date.day - 0.5) / time::days_in_month(date.year, date.month) - 0.5;
  const double floor_position = std::floor(position);
  const int m0 = (static_cast<int>(floor_position) + 12) % 12;
  const int m1 = (m0 + 1) % 12;
  const double f = position - floor_position;
  return values[m0] * (1.0 - f) + values[m1] * f;
}

}  // namespace

Weather embedded_weather(const Site& site, const time::YearGrid& grid, const SolarPositions& positions,
                         std::uint64_t seed) {
  const MonthlyClimate& climate = uccle_climate();
  const int n = grid.interval_count;
  const int days = n / kQuartersPerDay;
  // Days of the simulated calendar year (the grid starts at local or UTC midnight of 1 January).
  const std::int64_t first_day = time::days_from_civil(grid.year, 1, 1);
  Random random(seed);

  // Extraterrestrial horizontal irradiance per quarter and its daily sum (Wh/m²).
  const Eigen::ArrayXd shape = positions.cos_zenith.max(0.0) * positions.extra_radiation_w_m2;
  std::vector<double> day_et_wh(days, 0.0);
  std::vector<int> day_month(days);
  for (int d = 0; d < days; ++d) {
    day_et_wh[d] = shape.segment(d * kQuartersPerDay, kQuartersPerDay).sum() * 0.25;
    day_month[d] = time::civil_from_days(first_day + d).month;
  }

  // Daily clearness index: log-normal around the month's mean with AR(1) persistence, then
  // each month rescaled so that its irradiation matches the statistic.
  std::vector<double> day_kt(days);
  double z = 0.0;
  for (int d = 0; d < days; ++d) {
    z = kDailyPersistence * z + std::sqrt(1.0 - kDailyPersistence * kDailyPersistence) * random.normal();
    day_kt[d] = std::exp(kDailySigma * z - 0.5 * kDailySigma * kDailySigma);
  }
  for (int month = 1; month <= 12; ++month) {
    const double target_wh = climate.ghi_kwh_m2[month - 1] * 1000.0;
    for (int pass = 0; pass < 8; ++pass) {
      double sum = 0.0;
      for (int d = 0; d < days; ++d) {
        if (day_month[d] == month) sum += day_kt[d] * day_et_wh[d];
      }
      if (sum <= 0.0) break;
      const double scale = target_wh / sum;
      for (int d = 0; d < days; ++d) {
        if (day_month[d] == month) day_kt[d] = std::clamp(day_kt[d] * scale, kDailyKtMin, kDailyKtMax);
      }
    }
  }

  Weather w;
  w.ghi_w_m2 = Eigen::ArrayXd::Zero(n);
  w.dni_w_m2 = Eigen::ArrayXd::Zero(n);
  w.dhi_w_m2 = Eigen::ArrayXd::Zero(n);
  w.temp_air_c.resize(n);
  w.wind_speed_m_s.resize(n);

  double x = 0.0;             // within-day cloud state
  double temp_anomaly = 0.0;  // day-to-day temperature anomaly (°C)
  double wind_factor_log = 0.0;
  for (int d = 0; d < days; ++d) {
    const double kt = day_kt[d];
    // Broken clouds (kt mid-range) fluctuate most; clear and overcast days are smooth.
    const double sigma = 0.05 + 2.2 * kt * std::max(kDailyKtMax - kt, 0.0);
    const int q_begin = d * kQuartersPerDay;
    double day_sum = 0.0;
    for (int q = q_begin; q < q_begin + kQuartersPerDay; ++q) {
      x = kQuarterPersistence * x +
          std::sqrt(1.0 - kQuarterPersistence * kQuarterPersistence) * random.normal();
      const double kt_q = std::min(kt * std::exp(sigma * x - 0.5 * sigma * sigma), kQuarterKtMax);
      w.ghi_w_m2[q] = kt_q * shape[q];
      day_sum += w.ghi_w_m2[q] * 0.25;
    }
    if (day_sum > 0.0) {  // exact daily irradiation kt · H0
      w.ghi_w_m2.segment(q_begin, kQuartersPerDay) *= kt * day_et_wh[d] / day_sum;
    }
    for (int q = q_begin; q < q_begin + kQuartersPerDay; ++q) {
      if (w.ghi_w_m2[q] <= 0.0) continue;
      const ErbsSplit split =
          erbs(w.ghi_w_m2[q], positions.apparent_zenith_deg[q], positions.extra_radiation_w_m2[q]);
      w.dni_w_m2[q] = split.dni_w_m2;
      w.dhi_w_m2[q] = split.dhi_w_m2;
    }

    // Temperature: the monthly normal, a persistent daily anomaly (σ 2.5 °C), and a diurnal
    // cycle peaking at 15:00 local solar time whose amplitude grows with sunshine.
    temp_anomaly = 0.7 * temp_anomaly + std::sqrt(1.0 - 0.49) * 2.5 * random.normal();
    wind_factor_log = 0.5 * wind_factor_log + std::sqrt(1.0 - 0.25) * 0.35 * random.normal();
    const time::CivilDate date = time::civil_from_days(first_day + d);
    const double mean_c = interpolate_monthly(climate.temp_air_c, date);
    const double wind_mean = interpolate_monthly(climate.wind_speed_m_s, date);
    const double half_range_c = 1.0 + 7.0 * kt;
    for (int q = q_begin; q < q_begin + kQuartersPerDay; ++q) {
      const double utc_hour = (q - q_begin + 0.5) * 0.25;
      const double solar_hour = utc_hour + site.longitude_deg / 15.0;
      const double diurnal = std::cos(2.0 * std::numbers::pi * (solar_hour - 15.0) / 24.0);
      w.temp_air_c[q] = mean_c + temp_anomaly + half_range_c * diurnal;
      // Wind is stronger in the afternoon (mixing); mean-preserving log-normal daily factor.
      w.wind_speed_m_s[q] = wind_mean * std::exp(wind_factor_log - 0.5 * 0.35 * 0.35) * (1.0 + 0.2 * diurnal);
    }
  }
  w.source = "ingebouwd referentiejaar Ukkel / embedded reference year Uccle";
  w.metadata.format = "embedded";
  w.metadata.latitude_deg = 50.80;
  w.metadata.longitude_deg = 4.35;
  w.metadata.elevation_m = 100.0;
  return w;
}

}  // namespace deelstroom::solar
