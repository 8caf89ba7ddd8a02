#include "core/load/profile_context.hpp"

#include <algorithm>
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
    while (i < interval_count && calendar.day_of_year[i] == day.day_of_year) ++i;
    day.interval_count = i - day.first_interval;
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

float darkness_from_elevation(double elevation_deg) {
  return static_cast<float>(std::clamp((10.0 - elevation_deg) / 12.0, 0.0, 1.0));
}

double approximate_solar_elevation_deg(double utc_seconds) {
  const double days_since_epoch = utc_seconds / 86400.0;
  const time::CivilDate date = time::civil_from_days(static_cast<std::int64_t>(std::floor(days_since_epoch)));
  const double day_of_year =
      static_cast<double>(time::days_from_civil(date) - time::days_from_civil(date.year, 1, 1)) + 1.0;
  const double declination = 23.45 * kDegree * std::sin(2.0 * std::numbers::pi * (284.0 + day_of_year) / 365.0);
  const double b = 2.0 * std::numbers::pi * (day_of_year - 81.0) / 364.0;
  const double equation_of_time_min = 9.87 * std::sin(2.0 * b) - 7.53 * std::cos(b) - 1.5 * std::sin(b);
  const double utc_hour = (days_since_epoch - std::floor(days_since_epoch)) * 24.0;
  const double solar_hour = utc_hour + kBrusselsLongitudeDeg / 15.0 + equation_of_time_min / 60.0;
  const double hour_angle = (solar_hour - 12.0) * 15.0 * kDegree;
  const double latitude = kBrusselsLatitudeDeg * kDegree;
  const double sin_elevation = std::sin(latitude) * std::sin(declination) +
                               std::cos(latitude) * std::cos(declination) * std::cos(hour_angle);
  return std::asin(std::clamp(sin_elevation, -1.0, 1.0)) / kDegree;
}

double climatology_temperature_c(int day_of_year, double local_hour) {
  const double annual = 11.0 - 7.6 * std::cos(2.0 * std::numbers::pi * (day_of_year - 15) / 365.25);
  const double daily = 3.0 * std::cos(2.0 * std::numbers::pi * (local_hour - 15.0) / 24.0);
  return annual + daily;
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
  prepared.temperature_given = context.outdoor_temp_c != nullptr;

  prepared.darkness.resize(n);
  if (context.sun_elevation_deg) {
    for (int i = 0; i < n; ++i) prepared.darkness[i] = darkness_from_elevation((*context.sun_elevation_deg)[i]);
  } else if (context.positions) {
    for (int i = 0; i < n; ++i) {
      prepared.darkness[i] = darkness_from_elevation(90.0 - context.positions->apparent_zenith_deg[i]);
    }
  } else {
    for (int i = 0; i < n; ++i) {
      prepared.darkness[i] = darkness_from_elevation(approximate_solar_elevation_deg(context.grid.middle_utc_seconds(i)));
    }
  }

  if (context.outdoor_temp_c) {
    prepared.outdoor_temp_c = *context.outdoor_temp_c;
  } else {
    prepared.outdoor_temp_c.resize(n);
    for (int i = 0; i < n; ++i) {
      const double local_hour = (context.calendar.quarter_of_day[i] + 0.5) / 4.0;
      prepared.outdoor_temp_c[i] = climatology_temperature_c(context.calendar.day_of_year[i], local_hour);
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
