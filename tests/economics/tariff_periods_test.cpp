// Day/night tariff periods in the meter's local time (economics.md §1): 22:00-07:00 on
// working days, the whole weekend; the boundaries move in UTC when summer time starts and ends.
#include <catch2/catch.hpp>

#include "core/economics/tariff_periods.hpp"
#include "core/time/civil.hpp"

using namespace deelstroom;
using namespace deelstroom::economics;

namespace {

struct Fixture {
  time::YearGrid grid = time::make_year_grid(2025);
  time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  EnergyTariff tariff;
  Fixture() { tariff.contract = EnergyContract::day_night; }

  /// Period of the quarter-hour starting at a UTC wall time.
  int period_at_utc(int month, int day, int hour, int minute, const std::vector<std::uint8_t>& periods) const {
    const std::int64_t seconds = time::days_from_civil(2025, month, day) * 86400 + hour * 3600 + minute * 60;
    return periods.at(static_cast<std::size_t>(grid.index_of(seconds)));
  }
};

}  // namespace

TEST_CASE("period count: two for day/night, one otherwise", "[economics][tariff]") {
  EnergyTariff tariff;
  CHECK(period_count(tariff) == 1);
  tariff.contract = EnergyContract::day_night;
  CHECK(period_count(tariff) == 2);
  tariff.contract = EnergyContract::dynamic;
  CHECK(period_count(tariff) == 1);
}

TEST_CASE("night starts at 22:00 and ends at 07:00 local time in winter (UTC+1)", "[economics][tariff]") {
  Fixture f;
  const auto periods = tariff_periods(f.tariff, f.calendar);
  REQUIRE(periods.size() == 35040);
  // Monday 24 March 2025, CET: 07:00 local = 06:00 UTC; 22:00 local = 21:00 UTC.
  CHECK(f.period_at_utc(3, 24, 5, 45, periods) == kNightPeriod);  // 06:45 local
  CHECK(f.period_at_utc(3, 24, 6, 0, periods) == kDayPeriod);     // 07:00 local
  CHECK(f.period_at_utc(3, 24, 20, 45, periods) == kDayPeriod);   // 21:45 local
  CHECK(f.period_at_utc(3, 24, 21, 0, periods) == kNightPeriod);  // 22:00 local
}

TEST_CASE("after the switch to summer time the boundaries are one hour earlier in UTC", "[economics][tariff]") {
  Fixture f;
  const auto periods = tariff_periods(f.tariff, f.calendar);
  // Monday 31 March 2025, CEST (UTC+2): 07:00 local = 05:00 UTC; 22:00 local = 20:00 UTC.
  CHECK(f.period_at_utc(3, 31, 4, 45, periods) == kNightPeriod);  // 06:45 local
  CHECK(f.period_at_utc(3, 31, 5, 0, periods) == kDayPeriod);     // 07:00 local
  CHECK(f.period_at_utc(3, 31, 19, 45, periods) == kDayPeriod);   // 21:45 local
  CHECK(f.period_at_utc(3, 31, 20, 0, periods) == kNightPeriod);  // 22:00 local
  // Back to winter time: Monday 27 October 2025, 07:00 local = 06:00 UTC.
  CHECK(f.period_at_utc(10, 27, 5, 45, periods) == kNightPeriod);
  CHECK(f.period_at_utc(10, 27, 6, 0, periods) == kDayPeriod);
}

TEST_CASE("the weekend is night all day, including the day summer time starts", "[economics][tariff]") {
  Fixture f;
  const auto periods = tariff_periods(f.tariff, f.calendar);
  CHECK(f.period_at_utc(3, 29, 11, 0, periods) == kNightPeriod);  // Saturday noon
  CHECK(f.period_at_utc(3, 30, 11, 0, periods) == kNightPeriod);  // Sunday 30 March (DST day) noon
  CHECK(f.period_at_utc(3, 28, 20, 45, periods) == kDayPeriod);   // Friday 21:45 local
  CHECK(f.period_at_utc(3, 28, 21, 0, periods) == kNightPeriod);  // Friday 22:00 local
  f.tariff.weekend_is_night = false;
  const auto weekday_rule = tariff_periods(f.tariff, f.calendar);
  CHECK(f.period_at_utc(3, 29, 11, 0, weekday_rule) == kDayPeriod);
  CHECK(f.period_at_utc(3, 29, 21, 0, weekday_rule) == kNightPeriod);
}

TEST_CASE("public holidays are day unless holidays_are_night", "[economics][tariff]") {
  Fixture f;
  // Easter Monday 21 April 2025, noon local (10:00 UTC, CEST).
  CHECK(f.period_at_utc(4, 21, 10, 0, tariff_periods(f.tariff, f.calendar)) == kDayPeriod);
  f.tariff.holidays_are_night = true;
  CHECK(f.period_at_utc(4, 21, 10, 0, tariff_periods(f.tariff, f.calendar)) == kNightPeriod);
  // An ordinary Tuesday stays day.
  CHECK(f.period_at_utc(4, 22, 10, 0, tariff_periods(f.tariff, f.calendar)) == kDayPeriod);
}

TEST_CASE("night hours are settable and a single contract has one period", "[economics][tariff]") {
  CHECK(is_night(EnergyTariff{}, 23, 2, false));
  EnergyTariff tariff;
  tariff.night_start_hour = 21;
  tariff.night_end_hour = 6;
  CHECK(is_night(tariff, 21, 0, false));
  CHECK_FALSE(is_night(tariff, 6, 0, false));
  CHECK(is_night(tariff, 5, 0, false));
  tariff.night_start_hour = 1;  // a window that does not wrap over midnight
  tariff.night_end_hour = 5;
  CHECK(is_night(tariff, 1, 0, false));
  CHECK_FALSE(is_night(tariff, 0, 0, false));
  CHECK_FALSE(is_night(tariff, 5, 0, false));
  Fixture f;
  f.tariff.contract = EnergyContract::single;
  const auto periods = tariff_periods(f.tariff, f.calendar);
  CHECK(std::all_of(periods.begin(), periods.end(), [](std::uint8_t p) { return p == 0; }));
}

TEST_CASE("on the 23- and 25-hour days the night keeps its local hours", "[economics][tariff]") {
  // Without the weekend rule the two DST Sundays follow the working-day hours. 30 March 2025
  // has no 02:00-03:00 local: night 00:00-07:00 is 6 hours (24 quarter-hours) + 22:00-24:00
  // (8) = 32; day 07:00-22:00 = 60; 92 in all. 26 October 2025 has 02:00-03:00 twice: night
  // 8 hours (32) + 8 = 40; day 60; 100 in all.
  Fixture f;
  f.tariff.weekend_is_night = false;
  const auto periods = tariff_periods(f.tariff, f.calendar);
  const auto count_day = [&](int day_of_year, std::uint8_t period) {
    int count = 0;
    for (std::size_t i = 0; i < periods.size(); ++i) {
      if (f.calendar.day_of_year[i] == day_of_year && periods[i] == period) ++count;
    }
    return count;
  };
  const int march_30 = 31 + 28 + 29;                              // 0-based day of the year
  const int october_26 = 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 25;
  CHECK(count_day(march_30, kNightPeriod) == 32);
  CHECK(count_day(march_30, kDayPeriod) == 60);
  CHECK(count_day(october_26, kNightPeriod) == 40);
  CHECK(count_day(october_26, kDayPeriod) == 60);
  // The boundaries themselves: 30 March 07:00 CEST = 05:00 UTC; 26 October 07:00 CET = 06:00 UTC.
  CHECK(f.period_at_utc(3, 30, 4, 45, periods) == kNightPeriod);
  CHECK(f.period_at_utc(3, 30, 5, 0, periods) == kDayPeriod);
  CHECK(f.period_at_utc(10, 26, 5, 45, periods) == kNightPeriod);
  CHECK(f.period_at_utc(10, 26, 6, 0, periods) == kDayPeriod);
  CHECK(f.period_at_utc(10, 26, 20, 45, periods) == kDayPeriod);   // 21:45 CET
  CHECK(f.period_at_utc(10, 26, 21, 0, periods) == kNightPeriod);  // 22:00 CET
}
