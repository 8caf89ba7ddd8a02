#include "core/time/year_grid.hpp"

#include <algorithm>

namespace deelstroom::time {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t monday_on_or_before(std::int64_t day) { return day - weekday_from_days(day); }

bool in_range(std::int64_t day, std::int64_t first, std::int64_t last) { return day >= first && day <= last; }

}  // namespace

int YearGrid::index_of(std::int64_t utc_seconds) const {
  if (utc_seconds < first_utc_seconds) return -1;
  const std::int64_t i = (utc_seconds - first_utc_seconds) / kSecondsPerQuarterHour;
  return i < interval_count ? static_cast<int>(i) : -1;
}

YearGrid make_year_grid(int year) {
  YearGrid grid;
  grid.year = year;
  grid.first_utc_seconds = days_from_civil(year, 1, 1) * kSecondsPerDay;
  grid.interval_count = days_in_year(year) * 96;
  return grid;
}

YearGrid make_year_grid(int year, const TimeZone& zone) {
  YearGrid grid = make_year_grid(year);
  // Local midnight exists on 1 January in every zone this program knows (no DST change
  // then); the UTC offset at that instant moves the start.
  const std::int64_t utc_midnight = grid.first_utc_seconds;
  grid.first_utc_seconds = utc_midnight - utc_offset_seconds(zone, utc_midnight);
  return grid;
}

std::vector<CivilDate> belgian_public_holidays(int year) {
  const std::int64_t easter = days_from_civil(easter_sunday(year));
  return {
      {year, 1, 1},
      civil_from_days(easter + 1),   // Easter Monday
      {year, 5, 1},
      civil_from_days(easter + 39),  // Ascension Day
      civil_from_days(easter + 50),  // Whit Monday
      {year, 7, 21},
      {year, 8, 15},
      {year, 11, 1},
      {year, 11, 11},
      {year, 12, 25},
  };
}

bool is_flemish_school_holiday(const CivilDate& date) {
  const int year = date.year;
  const std::int64_t day = days_from_civil(date);
  // Summer: 1 July - 31 August.
  if (in_range(day, days_from_civil(year, 7, 1), days_from_civil(year, 8, 31))) return true;
  // Autumn: the week (Monday-Sunday) holding 1 November; when 1 November is a Sunday, the
  // week after.
  {
    const std::int64_t nov1 = days_from_civil(year, 11, 1);
    const std::int64_t monday = weekday_from_days(nov1) == 6 ? nov1 + 1 : monday_on_or_before(nov1);
    if (in_range(day, monday, monday + 6)) return true;
  }
  // Christmas: two weeks from the Monday of the week holding 25 December (when Christmas
  // falls on a Saturday or Sunday, from the Monday after). It runs into January.
  for (int y : {year, year - 1}) {
    const std::int64_t christmas = days_from_civil(y, 12, 25);
    const int weekday = weekday_from_days(christmas);
    const std::int64_t monday = weekday >= 5 ? christmas + (7 - weekday) : monday_on_or_before(christmas);
    if (in_range(day, monday, monday + 13)) return true;
  }
  const std::int64_t easter = days_from_civil(easter_sunday(year));
  // Spring (carnival) holiday: the week from the Monday 48 days before Easter.
  if (in_range(day, easter - 48, easter - 48 + 6)) return true;
  // Easter holiday: two weeks from the first Monday of April; when Easter Sunday falls in
  // March, from Easter Monday; when it falls after 15 April, from the second Monday before
  // Easter Monday.
  {
    std::int64_t start = days_from_civil(year, 4, 1);
    start += (7 - weekday_from_days(start)) % 7;  // first Monday of April
    const CivilDate easter_date = civil_from_days(easter);
    if (easter_date.month == 3) {
      start = easter + 1;
    } else if (easter_date.month == 4 && easter_date.day > 15) {
      start = easter + 1 - 14;
    }
    if (in_range(day, start, start + 13)) return true;
  }
  return false;
}

LocalCalendar make_local_calendar(const YearGrid& grid, const TimeZone& zone) {
  LocalCalendar calendar;
  calendar.zone = zone;
  const auto n = static_cast<std::size_t>(grid.interval_count);
  calendar.month.resize(n);
  calendar.day_of_month.resize(n);
  calendar.weekday.resize(n);
  calendar.quarter_of_day.resize(n);
  calendar.day_of_year.resize(n);
  calendar.summer_time.resize(n);
  calendar.day_type.resize(n);
  calendar.school_holiday.resize(n);

  const std::int64_t first_day = days_from_civil(grid.year, 1, 1);
  std::vector<std::int64_t> holidays;
  for (int y : {grid.year, grid.year + 1}) {
    for (const CivilDate& d : belgian_public_holidays(y)) holidays.push_back(days_from_civil(d));
  }

  std::int64_t cached_day = INT64_MIN;
  DayType cached_type = DayType::working_day;
  bool cached_school = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t utc = grid.start_utc_seconds(static_cast<int>(i));
    const LocalDateTime local = to_local(zone, utc);
    const std::int64_t day = days_from_civil(local.date);
    if (day != cached_day) {
      cached_day = day;
      const int weekday = weekday_from_days(day);
      const bool holiday = std::find(holidays.begin(), holidays.end(), day) != holidays.end();
      cached_type = (holiday || weekday == 6) ? DayType::sunday_or_holiday
                    : weekday == 5            ? DayType::saturday
                                              : DayType::working_day;
      cached_school = is_flemish_school_holiday(local.date);
    }
    calendar.month[i] = static_cast<std::uint8_t>(local.date.month);
    calendar.day_of_month[i] = static_cast<std::uint8_t>(local.date.day);
    calendar.weekday[i] = static_cast<std::uint8_t>(weekday_from_days(day));
    calendar.quarter_of_day[i] = static_cast<std::uint8_t>(local.hour * 4 + local.minute / 15);
    calendar.day_of_year[i] = static_cast<std::int16_t>(day - first_day);
    calendar.summer_time[i] = is_summer_time(zone, utc) ? 1 : 0;
    calendar.day_type[i] = cached_type;
    calendar.school_holiday[i] = cached_school ? 1 : 0;
  }
  return calendar;
}

}  // namespace deelstroom::time
