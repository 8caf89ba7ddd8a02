#include "core/load/profile_context.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "core/solar/solar_position.hpp"

namespace deelstroom::load {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kBrusselsLatitudeDeg = 50.85;
constexpr double kBrusselsLongitudeDeg = 4.35;

void check_size(const Eigen::ArrayXd* values, int expected, const char* name) {
  if (values && values->size() != expected) {
    throw std::invalid_argument(std::string(name) + " has " + std::to_string(values->size()) +
                                " values; the grid has " + std::to_string(expected) + " intervals");
  }
}

}  // namespace

std::vector<LocalDay> local_days(const time::LocalCalendar& calendar, int interval_count) {
  std::vector<LocalDay> days;
  days.reserve(368);
  for (int i = 0; i < interval_count;) {
    LocalDay day;
    day.first_interval = i;
    day.day_of_year = calendar.day_of_year[i];
    day.month = calendar.month[i];
    day.weekday = calendar.weekday[i];
    day.day_class = day_class_of(calendar.day_type[i], calendar.school_holiday[i] != 0, calendar.weekday[i]);
    bool in_order = true;
    for (; i < interval_count && calendar.day_of_year[i] == day.day_of_year; ++i) {
      in_order = in_order && calendar.quarter_of_day[i] == i - day.first_interval;
    }
    day.interval_count = i - day.first_interval;
    day.regular = in_order && day.interval_count == 96;
    days.push_back(day);
  }
  return days;
}

DayClass day_class_of(time::DayType day_type, bool school_holiday, int weekday) {
  if (day_type == time::DayType::sunday_or_holiday) return DayClass::sunday;
  if (day_type == time::DayType::saturday) return DayClass::saturday;
  if (school_holiday) return DayClass::school_holiday;
  return weekday == 2 ? DayClass::wednesday : DayClass::working;
}

float darkness_from_sin_elevation(double sin_elevation) {
  constexpr double kSinLow = -0.034899496702500969;  // sin(-2 deg)
  constexpr double kSinHigh = 0.17364817766693033;   // sin(10 deg)
  return static_cast<float>(std::clamp((kSinHigh - sin_elevation) / (kSinHigh - kSinLow), 0.0, 1.0));
}

float darkness_from_elevation(double elevation_deg) {
  return darkness_from_sin_elevation(std::sin(elevation_deg * kDegree));
}

namespace {

/// Declination and equation of time for a day of the year (1-based).
struct SunOfDay {
  double declination_rad = 0.0;
  double equation_of_time_h = 0.0;
};

SunOfDay sun_of_day(double day_of_year) {
  const double b = 2.0 * std::numbers::pi * (day_of_year - 81.0) / 364.0;
  return SunOfDay{23.45 * kDegree * std::sin(2.0 * std::numbers::pi * (284.0 + day_of_year) / 365.0),
                  (9.87 * std::sin(2.0 * b) - 7.53 * std::cos(b) - 1.5 * std::sin(b)) / 60.0};
}

double day_of_year_of(double utc_seconds) {
  const time::CivilDate date = time::civil_from_days(static_cast<std::int64_t>(std::floor(utc_seconds / 86400.0)));
  return static_cast<double>(time::days_from_civil(date) - time::days_from_civil(date.year, 1, 1)) + 1.0;
}

double hour_angle_rad(double utc_seconds, const SunOfDay& sun) {
  const double utc_hour = std::fmod(utc_seconds / 3600.0, 24.0);
  const double solar_hour = utc_hour + kBrusselsLongitudeDeg / 15.0 + sun.equation_of_time_h;
  return (solar_hour - 12.0) * 15.0 * kDegree;
}

/// Darkness per interval from the approximate sun: per UTC day the declination and equation
/// of time, then cos(hour angle) advanced by a rotation per quarter-hour (exact up to
/// rounding), so the year costs a few hundred trigonometric calls, not tens of thousands.
Eigen::ArrayXf approximate_darkness(const time::YearGrid& grid) {
  const double latitude = kBrusselsLatitudeDeg * kDegree;
  const double step = 0.25 * 15.0 * kDegree;
  const double cos_step = std::cos(step), sin_step = std::sin(step);
  Eigen::ArrayXf darkness(grid.interval_count);
  for (int first = 0; first < grid.interval_count; first += 96) {
    const double middle = grid.middle_utc_seconds(first);
    const SunOfDay sun = sun_of_day(day_of_year_of(middle));
    const double a = std::sin(latitude) * std::sin(sun.declination_rad);
    const double b = std::cos(latitude) * std::cos(sun.declination_rad);
    const double omega = hour_angle_rad(middle, sun);
    double cos_omega = std::cos(omega), sin_omega = std::sin(omega);
    for (int i = first; i < std::min(first + 96, grid.interval_count); ++i) {
      darkness[i] = darkness_from_sin_elevation(a + b * cos_omega);
      const double next_cos = cos_omega * cos_step - sin_omega * sin_step;
      sin_omega = sin_omega * cos_step + cos_omega * sin_step;
      cos_omega = next_cos;
    }
  }
  return darkness;
}

}  // namespace

double approximate_sin_solar_elevation(double utc_seconds) {
  const SunOfDay sun = sun_of_day(day_of_year_of(utc_seconds));
  const double latitude = kBrusselsLatitudeDeg * kDegree;
  return std::sin(latitude) * std::sin(sun.declination_rad) +
         std::cos(latitude) * std::cos(sun.declination_rad) * std::cos(hour_angle_rad(utc_seconds, sun));
}

namespace {

double climatology_day_mean_c(int day_of_year) {
  return 11.0 - 7.6 * std::cos(2.0 * std::numbers::pi * (day_of_year - 15) / 365.25);
}

double climatology_daily_swing_c(double local_hour) {
  return 3.0 * std::cos(2.0 * std::numbers::pi * (local_hour - 15.0) / 24.0);
}

}  // namespace

double climatology_temperature_c(int day_of_year, double local_hour) {
  return climatology_day_mean_c(day_of_year) + climatology_daily_swing_c(local_hour);
}

PreparedContext prepare_context(const ProfileContext& context) {
  const int n = context.grid.interval_count;
  if (static_cast<int>(context.calendar.day_of_year.size()) != n) {
    throw std::invalid_argument("the local calendar does not belong to the grid");
  }
  check_size(context.sun_elevation_deg, n, "sun_elevation_deg");
  check_size(context.outdoor_temp_c, n, "outdoor_temp_c");
  if (context.positions && context.positions->size() != n) {
    throw std::invalid_argument("the solar positions do not belong to the grid");
  }

  PreparedContext prepared;
  prepared.grid = &context.grid;
  prepared.calendar = &context.calendar;
  prepared.days = local_days(context.calendar, n);
  prepared.sun_given = context.sun_elevation_deg != nullptr || context.positions != nullptr;

  prepared.given_temperature_c = context.outdoor_temp_c;

  prepared.darkness.resize(n);
  if (context.sun_elevation_deg) {
    for (int i = 0; i < n; ++i) prepared.darkness[i] = darkness_from_elevation((*context.sun_elevation_deg)[i]);
  } else if (context.positions) {
    // cos(apparent zenith) = sin(apparent elevation), already computed by the solar module.
    for (int i = 0; i < n; ++i) prepared.darkness[i] = darkness_from_sin_elevation(context.positions->cos_zenith[i]);
  } else {
    prepared.darkness = approximate_darkness(context.grid);
  }

  if (!context.outdoor_temp_c) {
    // The climatology per local day and quarter-hour of the day (a table, not a cosine per interval).
    std::array<double, 96> daily{};
    for (int q = 0; q < 96; ++q) daily[static_cast<std::size_t>(q)] = climatology_daily_swing_c((q + 0.5) / 4.0);
    prepared.climatology_temperature_c.resize(n);
    for (const LocalDay& day : prepared.days) {
      const double annual = climatology_day_mean_c(day.day_of_year);
      for (int i = day.first_interval; i < day.first_interval + day.interval_count; ++i) {
        prepared.climatology_temperature_c[i] = annual + daily[context.calendar.quarter_of_day[static_cast<std::size_t>(i)]];
      }
    }
  }

  prepared.winter_weight.resize(static_cast<Eigen::Index>(prepared.days.size()));
  for (std::size_t d = 0; d < prepared.days.size(); ++d) {
    prepared.winter_weight[static_cast<Eigen::Index>(d)] =
        static_cast<float>(std::cos(2.0 * std::numbers::pi * (prepared.days[d].day_of_year - 15) / 365.25));
  }
  return prepared;
}

}  // namespace deelstroom::load
