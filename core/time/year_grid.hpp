#pragma once
// The simulation's time axis: every quarter-hour of one calendar year, from local midnight
// 1 January to local midnight 1 January of the next year in the site's time zone (35,040
// intervals; 35,136 in a leap year: the hour lost in spring comes back in autumn), and the
// local calendar of each interval. Meter exports and bills count the local year.
#include <cstdint>
#include <string>
#include <vector>

#include "core/time/time_zone.hpp"

namespace deelstroom::time {

inline constexpr int kSecondsPerQuarterHour = 900;
inline constexpr double kHoursPerQuarterHour = 0.25;

struct YearGrid {
  int year = 2025;
  std::int64_t first_utc_seconds = 0;  ///< start of the first interval (local Jan 1 00:00, in UTC)
  int interval_count = 0;

  /// UTC seconds of the start of interval i.
  std::int64_t start_utc_seconds(int i) const {
    return first_utc_seconds + static_cast<std::int64_t>(i) * kSecondsPerQuarterHour;
  }
  /// UTC seconds of the middle of interval i (where the sun's position is taken).
  double middle_utc_seconds(int i) const { return static_cast<double>(start_utc_seconds(i)) + 450.0; }
  /// Index of the interval holding a UTC instant, or -1 outside the year.
  int index_of(std::int64_t utc_seconds) const;
};

/// The quarter-hours of a calendar year in UTC (00:00 UTC to 00:00 UTC).
YearGrid make_year_grid(int year);
/// The quarter-hours of a local calendar year: from local midnight 1 January in `zone`
/// (Europe/Brussels: 31 December 23:00 UTC) to local midnight of the next 1 January.
YearGrid make_year_grid(int year, const TimeZone& zone);

enum class DayType : std::uint8_t { working_day = 0, saturday = 1, sunday_or_holiday = 2 };

/// Per-interval local calendar (each vector has YearGrid::interval_count entries).
/// On a UTC grid (make_year_grid(year)) the last UTC hour of the year is local Jan 1 of the
/// next year; it keeps that label (month 1) so that months always sum to the year. On a local
/// grid every interval lies in the simulated local year.
struct LocalCalendar {
  TimeZone zone;
  std::vector<std::uint8_t> month;            ///< 1..12, local
  std::vector<std::uint8_t> day_of_month;     ///< 1..31, local
  std::vector<std::uint8_t> weekday;          ///< 0 = Monday ... 6 = Sunday, local
  std::vector<std::uint8_t> quarter_of_day;   ///< 0..95, local wall clock (hour*4 + minute/15)
  std::vector<std::int16_t> day_of_year;      ///< 0-based day index of the local date within the simulated year (-1 for the previous year's date, 365/366 for the next)
  std::vector<std::uint8_t> summer_time;      ///< 1 while summer time is in force
  std::vector<DayType> day_type;              ///< working day / Saturday / Sunday or Belgian public holiday
  std::vector<std::uint8_t> school_holiday;   ///< 1 during Flemish school holidays

  int hour(int i) const { return quarter_of_day[i] / 4; }
};

/// Builds the local calendar of a year grid in a zone (holidays: Belgium, Flemish schools).
LocalCalendar make_local_calendar(const YearGrid& grid, const TimeZone& zone);

/// Belgian legal public holidays of a year (New Year, Easter Monday, Labour Day, Ascension,
/// Whit Monday, National Day, Assumption, All Saints, Armistice, Christmas).
std::vector<CivilDate> belgian_public_holidays(int year);

/// Whether a date falls in the Flemish school holidays (autumn, Christmas, spring/carnival,
/// Easter, summer), following the Flemish Government's calendar rules (Besluit van de
/// Vlaamse Regering betreffende de organisatie van het schooljaar); the Easter holiday is the
/// two weeks from the first Monday of April, moved as the rule says when Easter falls early or late.
bool is_flemish_school_holiday(const CivilDate& date);

}  // namespace deelstroom::time
