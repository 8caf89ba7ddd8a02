#pragma once
// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (H. Hinnant's
// civil-from-days algorithms), exact for all years the simulator uses.
#include <cstdint>

namespace deelstroom::time {

struct CivilDate {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// Days since 1970-01-01 of a civil date.
std::int64_t days_from_civil(int year, int month, int day);
inline std::int64_t days_from_civil(const CivilDate& date) {
  return days_from_civil(date.year, date.month, date.day);
}

/// The civil date of a day count since 1970-01-01.
CivilDate civil_from_days(std::int64_t days);

/// ISO weekday: 0 = Monday ... 6 = Sunday.
int weekday_from_days(std::int64_t days);

bool is_leap_year(int year);
int days_in_month(int year, int month);
int days_in_year(int year);

/// Easter Sunday (Gregorian, anonymous "Meeus/Jones/Butcher" algorithm).
CivilDate easter_sunday(int year);

/// The last given ISO weekday (0 = Monday) of a month.
CivilDate last_weekday_of_month(int year, int month, int iso_weekday);

}  // namespace deelstroom::time
