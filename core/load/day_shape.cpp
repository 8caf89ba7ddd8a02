#include "core/load/day_shape.hpp"

#include <cmath>
#include <limits>

namespace deelstroom::load {

Season season_of_month(int month) {
  if (month == 12 || month <= 2) return Season::winter;
  if (month <= 5) return Season::spring;
  if (month <= 8) return Season::summer;
  return Season::autumn;
}

MeanDayShape mean_day_shape(const Eigen::ArrayXd& kwh, const time::LocalCalendar& calendar) {
  MeanDayShape shape;
  std::array<std::array<std::array<int, 96>, 3>, kSeasonCount> samples{};
  for (Eigen::Index i = 0; i < kwh.size(); ++i) {
    const auto t = static_cast<std::size_t>(i);
    const auto season = static_cast<std::size_t>(season_of_month(calendar.month[t]));
    const auto type = static_cast<std::size_t>(calendar.day_type[t]);
    const std::size_t slot = calendar.quarter_of_day[t];
    shape.kw[season][type][slot] += kwh[i] / time::kHoursPerQuarterHour;
    ++samples[season][type][slot];
    if (i == 0 || calendar.day_of_year[t] != calendar.day_of_year[t - 1]) ++shape.day_count[season][type];
  }
  for (std::size_t s = 0; s < kSeasonCount; ++s) {
    for (std::size_t d = 0; d < 3; ++d) {
      for (std::size_t q = 0; q < 96; ++q) {
        if (samples[s][d][q] > 0) shape.kw[s][d][q] /= samples[s][d][q];
      }
    }
  }
  return shape;
}

std::array<double, 24> hourly_means(const std::array<double, 96>& quarter_hours) {
  std::array<double, 24> hours{};
  for (std::size_t q = 0; q < 96; ++q) hours[q / 4] += quarter_hours[q] / 4.0;
  return hours;
}

std::array<double, 12> monthly_kwh(const Eigen::ArrayXd& kwh, const time::LocalCalendar& calendar) {
  std::array<double, 12> months{};
  for (Eigen::Index i = 0; i < kwh.size(); ++i) months[calendar.month[static_cast<std::size_t>(i)] - 1u] += kwh[i];
  return months;
}

double correlation(const double* a, const double* b, int count) {
  double mean_a = 0.0, mean_b = 0.0;
  for (int k = 0; k < count; ++k) {
    mean_a += a[k] / count;
    mean_b += b[k] / count;
  }
  double ab = 0.0, aa = 0.0, bb = 0.0;
  for (int k = 0; k < count; ++k) {
    ab += (a[k] - mean_a) * (b[k] - mean_b);
    aa += (a[k] - mean_a) * (a[k] - mean_a);
    bb += (b[k] - mean_b) * (b[k] - mean_b);
  }
  if (aa <= 0.0 || bb <= 0.0) return std::numeric_limits<double>::quiet_NaN();
  return ab / std::sqrt(aa * bb);
}

}  // namespace deelstroom::load
