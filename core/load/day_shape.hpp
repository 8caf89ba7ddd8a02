#pragma once
// Summaries of a quarter-hour series for people: the mean day per season and kind of day
// (what `deelstroom profile inspect` prints and the tests compare with reference shapes), and
// monthly totals.
#include <array>

#include <Eigen/Core>

#include "core/time/year_grid.hpp"

namespace deelstroom::load {

/// Meteorological seasons of the local month: winter Dec-Feb, spring Mar-May, summer Jun-Aug,
/// autumn Sep-Nov.
enum class Season { winter = 0, spring = 1, summer = 2, autumn = 3 };
inline constexpr int kSeasonCount = 4;
Season season_of_month(int month);

/// Mean power (kW) per local quarter-hour of the day, by season and day type (working day,
/// Saturday, Sunday/public holiday), from a series in kWh per interval. A slot without any
/// interval (none in practice) is 0. The repeated autumn hour counts twice in its slot's mean.
struct MeanDayShape {
  std::array<std::array<std::array<double, 96>, 3>, kSeasonCount> kw{};
  std::array<std::array<int, 3>, kSeasonCount> day_count{};  ///< days of each kind averaged

  const std::array<double, 96>& of(Season season, time::DayType day_type) const {
    return kw[static_cast<std::size_t>(season)][static_cast<std::size_t>(day_type)];
  }
};

MeanDayShape mean_day_shape(const Eigen::ArrayXd& kwh, const time::LocalCalendar& calendar);

/// The 24 hourly means (kW) of a 96-slot day.
std::array<double, 24> hourly_means(const std::array<double, 96>& quarter_hours);

/// kWh per local month (index 0 = January).
std::array<double, 12> monthly_kwh(const Eigen::ArrayXd& kwh, const time::LocalCalendar& calendar);

/// Pearson correlation of two equally long sequences (NaN when one is constant).
double correlation(const double* a, const double* b, int count);

}  // namespace deelstroom::load
