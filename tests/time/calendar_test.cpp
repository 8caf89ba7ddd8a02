// The quarter-hour calendar: UTC grid, Brussels daylight-saving time, holidays.
#include <catch2/catch.hpp>

#include <map>

#include "core/time/year_grid.hpp"

using namespace deelstroom::time;

TEST_CASE("A year has 35,040 quarter-hours in UTC, 35,136 in a leap year", "[time]") {
  CHECK(make_year_grid(2025).interval_count == 35040);
  CHECK(make_year_grid(2024).interval_count == 35136);
  CHECK(make_year_grid(2100).interval_count == 35040);  // not a leap year
  CHECK(make_year_grid(2000).interval_count == 35136);
  CHECK(iso_utc_label(make_year_grid(2025).first_utc_seconds) == "2025-01-01T00:00Z");
}

TEST_CASE("Civil date arithmetic round-trips and knows weekdays", "[time]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(civil_from_days(days_from_civil(2024, 2, 29)) == CivilDate{2024, 2, 29});
  CHECK(weekday_from_days(days_from_civil(2025, 11, 23)) == 6);  // a Sunday
  CHECK(weekday_from_days(days_from_civil(2000, 1, 1)) == 5);    // a Saturday
  for (std::int64_t d = -1000; d < 100000; d += 37) CHECK(days_from_civil(civil_from_days(d)) == d);
}

TEST_CASE("Easter and the Belgian public holidays", "[time]") {
  CHECK(easter_sunday(2024) == CivilDate{2024, 3, 31});
  CHECK(easter_sunday(2025) == CivilDate{2025, 4, 20});
  CHECK(easter_sunday(2026) == CivilDate{2026, 4, 5});
  const auto holidays = belgian_public_holidays(2025);
  REQUIRE(holidays.size() == 10);
  CHECK(holidays[1] == CivilDate{2025, 4, 21});  // Easter Monday
  CHECK(holidays[3] == CivilDate{2025, 5, 29});  // Ascension
  CHECK(holidays[4] == CivilDate{2025, 6, 9});   // Whit Monday
}

TEST_CASE("Brussels summer time starts and ends on the last Sundays of March and October at 01:00 UTC", "[time][dst]") {
  const TimeZone brussels = brussels_time_zone();
  // 2025: 30 March and 26 October.
  const std::int64_t start = eu_summer_time_start_utc(2025);
  CHECK(iso_utc_label(start) == "2025-03-30T01:00Z");
  CHECK(iso_utc_label(eu_summer_time_end_utc(2025)) == "2025-10-26T01:00Z");
  CHECK(iso_local_label(brussels, start - 900) == "2025-03-30T01:45+01:00");
  CHECK(iso_local_label(brussels, start) == "2025-03-30T03:00+02:00");
  const std::int64_t end = eu_summer_time_end_utc(2025);
  CHECK(iso_local_label(brussels, end - 900) == "2025-10-26T02:45+02:00");
  CHECK(iso_local_label(brussels, end) == "2025-10-26T02:00+01:00");
  // Local -> UTC: the skipped hour has no instant; the repeated hour has two.
  CHECK_FALSE(local_to_utc(brussels, {2025, 3, 30}, 2, 30).has_value());
  CHECK(*local_to_utc(brussels, {2025, 10, 26}, 2, 30, false) == end - 1800);
  CHECK(*local_to_utc(brussels, {2025, 10, 26}, 2, 30, true) == end + 1800);
  CHECK(*local_to_utc(brussels, {2025, 7, 1}, 12, 0) == days_from_civil(2025, 7, 1) * 86400 + 10 * 3600);
}

TEST_CASE("Local calendar: the change days have 92 and 100 quarter-hours", "[time][dst]") {
  const YearGrid grid = make_year_grid(2025);
  const LocalCalendar calendar = make_local_calendar(grid, brussels_time_zone());
  std::map<int, int> per_day;
  for (int i = 0; i < grid.interval_count; ++i) ++per_day[calendar.day_of_year[static_cast<std::size_t>(i)]];
  const int march_30 = static_cast<int>(days_from_civil(2025, 3, 30) - days_from_civil(2025, 1, 1));
  const int october_26 = static_cast<int>(days_from_civil(2025, 10, 26) - days_from_civil(2025, 1, 1));
  CHECK(per_day[march_30] == 92);
  CHECK(per_day[october_26] == 100);
  CHECK(per_day[100] == 96);
  // The first UTC quarter-hour is 01:00 local on 1 January; the last is 00:45 local on 1 January of the next year.
  CHECK(calendar.quarter_of_day.front() == 4);
  CHECK(calendar.day_of_year.back() == 365);
  CHECK(calendar.month.back() == 1);
  // The repeated October hour appears twice, labelled 02:00-02:45 both times.
  int count_0200 = 0;
  for (int i = 0; i < grid.interval_count; ++i) {
    if (calendar.day_of_year[static_cast<std::size_t>(i)] == october_26 && calendar.quarter_of_day[static_cast<std::size_t>(i)] == 8) ++count_0200;
  }
  CHECK(count_0200 == 2);
}

TEST_CASE("Day types: weekends, public holidays and Flemish school holidays", "[time]") {
  const YearGrid grid = make_year_grid(2025);
  const LocalCalendar calendar = make_local_calendar(grid, brussels_time_zone());
  auto at_noon = [&](int month, int day) {
    return static_cast<std::size_t>(grid.index_of(*local_to_utc(calendar.zone, {2025, month, day}, 12, 0)));
  };
  CHECK(calendar.day_type[at_noon(11, 21)] == DayType::working_day);  // Friday
  CHECK(calendar.day_type[at_noon(11, 22)] == DayType::saturday);
  CHECK(calendar.day_type[at_noon(11, 23)] == DayType::sunday_or_holiday);
  CHECK(calendar.day_type[at_noon(7, 21)] == DayType::sunday_or_holiday);  // National Day, a Monday
  CHECK(calendar.school_holiday[at_noon(7, 15)] == 1);
  CHECK(calendar.school_holiday[at_noon(9, 15)] == 0);
  // Easter 2025 is 20 April (after 15 April): the holiday starts the second Monday before
  // Easter Monday, 7 April, and runs to 20 April.
  CHECK(calendar.school_holiday[at_noon(4, 4)] == 0);
  CHECK(calendar.school_holiday[at_noon(4, 7)] == 1);
  CHECK(calendar.school_holiday[at_noon(4, 20)] == 1);
  CHECK(calendar.school_holiday[at_noon(4, 22)] == 0);
  // Carnival 2025: Easter - 48 days = 3 March (Monday) to 9 March.
  CHECK(calendar.school_holiday[at_noon(3, 3)] == 1);
  CHECK(calendar.school_holiday[at_noon(3, 10)] == 0);
  // Autumn: 1 November 2025 is a Saturday -> week of 27 October.
  CHECK(calendar.school_holiday[at_noon(10, 27)] == 1);
  // Christmas: 25 December 2025 is a Thursday -> from Monday 22 December, two weeks, into 2026.
  CHECK(calendar.school_holiday[at_noon(12, 22)] == 1);
  CHECK(calendar.school_holiday[at_noon(12, 19)] == 0);
  CHECK(is_flemish_school_holiday({2026, 1, 4}));
  CHECK_FALSE(is_flemish_school_holiday({2026, 1, 5}));
}

TEST_CASE("Time zones by name and fixed offsets", "[time]") {
  CHECK(time_zone_from_name("Europe/Brussels").has_value());
  CHECK(time_zone_from_name("UTC")->standard_offset_minutes == 0);
  CHECK(time_zone_from_name("UTC+02:00")->standard_offset_minutes == 120);
  CHECK(time_zone_from_name("-05:30")->standard_offset_minutes == -330);
  CHECK_FALSE(time_zone_from_name("Mars/Olympus").has_value());
  CHECK(utc_offset_seconds(*time_zone_from_name("UTC+02:00"), 0) == 7200);
}

TEST_CASE("A local year starts at local midnight 1 January and ends at the next", "[time][local-year]") {
  const TimeZone brussels = brussels_time_zone();
  const YearGrid grid = make_year_grid(2025, brussels);
  // Brussels is at UTC+1 on 1 January: local midnight is 23:00 UTC the day before.
  CHECK(iso_utc_label(grid.first_utc_seconds) == "2024-12-31T23:00Z");
  CHECK(grid.interval_count == 35040);  // the March hour lost comes back in October
  CHECK(make_year_grid(2024, brussels).interval_count == 35136);
  const LocalCalendar calendar = make_local_calendar(grid, brussels);
  // The first quarter-hour is 00:00 local on 1 January, the last 23:45 on 31 December.
  CHECK(calendar.month.front() == 1);
  CHECK(calendar.day_of_month.front() == 1);
  CHECK(calendar.quarter_of_day.front() == 0);
  CHECK(calendar.day_of_year.front() == 0);
  CHECK(calendar.month.back() == 12);
  CHECK(calendar.day_of_month.back() == 31);
  CHECK(calendar.quarter_of_day.back() == 95);
  for (std::int16_t day : calendar.day_of_year) {
    REQUIRE(day >= 0);
    REQUIRE(day <= 364);
  }
}
