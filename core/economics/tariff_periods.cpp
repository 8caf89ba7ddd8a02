#include "core/economics/tariff_periods.hpp"

namespace deelstroom::economics {

int period_count(const EnergyTariff& tariff) { return tariff.contract == EnergyContract::day_night ? 2 : 1; }

bool is_night(const EnergyTariff& tariff, int local_hour, int iso_weekday, bool public_holiday) {
  if (tariff.weekend_is_night && iso_weekday >= 5) return true;
  if (tariff.holidays_are_night && public_holiday) return true;
  const int start = tariff.night_start_hour;
  const int end = tariff.night_end_hour;
  if (start == end) return false;  // no night hours on working days
  return start > end ? (local_hour >= start || local_hour < end) : (local_hour >= start && local_hour < end);
}

std::vector<std::uint8_t> tariff_periods(const EnergyTariff& tariff, const time::LocalCalendar& calendar) {
  const std::size_t n = calendar.quarter_of_day.size();
  std::vector<std::uint8_t> periods(n, kDayPeriod);
  if (tariff.contract != EnergyContract::day_night) return periods;
  for (std::size_t i = 0; i < n; ++i) {
    // A public holiday is a "sunday_or_holiday" day that is not a Sunday.
    const bool holiday = calendar.day_type[i] == time::DayType::sunday_or_holiday && calendar.weekday[i] != 6;
    if (is_night(tariff, calendar.quarter_of_day[i] / 4, calendar.weekday[i], holiday)) periods[i] = kNightPeriod;
  }
  return periods;
}

}  // namespace deelstroom::economics
