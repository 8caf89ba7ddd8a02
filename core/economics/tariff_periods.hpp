#pragma once
// Tariff periods of the supplier's energy price per quarter-hour (economics.md §1, day/night):
// what the engine puts in BuildingSeries::tariff_period so that settle_year returns the
// energy per month x period that the bills need.
#include <cstdint>
#include <vector>

#include "core/economics/settings.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::economics {

inline constexpr std::uint8_t kDayPeriod = 0;
inline constexpr std::uint8_t kNightPeriod = 1;

/// Number of tariff periods of a contract: 2 for day/night (0 = day, 1 = night), else 1.
int period_count(const EnergyTariff& tariff);

/// Whether the night tariff applies at a local hour on a local day. Night: hours in
/// [night_start_hour, night_end_hour) wrapping over midnight on working days, all day on
/// Saturday and Sunday when weekend_is_night, and on Belgian public holidays when
/// holidays_are_night. Hours are the meter's local wall clock (Europe/Brussels, with DST).
bool is_night(const EnergyTariff& tariff, int local_hour, int iso_weekday, bool public_holiday);

/// Tariff period (0 = day, 1 = night; all 0 unless day/night) of every interval of a local
/// calendar.
std::vector<std::uint8_t> tariff_periods(const EnergyTariff& tariff, const time::LocalCalendar& calendar);

}  // namespace deelstroom::economics
