#pragma once
// What a profile is generated or read against: the simulated year's quarter-hours, their
// local calendar, and optionally the sun's elevation and the outdoor temperature per
// interval (from the solar/weather modules). PreparedContext holds what every apartment of a
// building shares, so a building of N apartments pays for it once.
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "core/load/archetype.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::solar {
struct SolarPositions;
}

namespace deelstroom::load {

/// The sun is taken from `sun_elevation_deg` when given, else from `positions` (90 deg minus
/// the apparent zenith), else from approximate_solar_elevation_deg (Brussels).
struct ProfileContext {
  const time::YearGrid& grid;
  const time::LocalCalendar& calendar;
  const Eigen::ArrayXd* sun_elevation_deg = nullptr;      ///< optional, per interval (middle of the quarter-hour)
  const Eigen::ArrayXd* outdoor_temp_c = nullptr;         ///< optional, per interval
  const solar::SolarPositions* positions = nullptr;       ///< optional, the building's sun positions
};

/// One local calendar day as it appears on the grid: a run of consecutive intervals with the
/// same local date (96 quarter-hours; 92 on the spring DST day, 100 on the autumn one; the
/// first and last day of the UTC grid are partial).
struct LocalDay {
  int first_interval = 0;
  int interval_count = 0;
  DayClass day_class = DayClass::working;
  std::int16_t day_of_year = 0;  ///< as LocalCalendar::day_of_year
  std::uint8_t month = 1;
  std::uint8_t weekday = 0;      ///< 0 = Monday
  /// 96 intervals showing the wall-clock slots 0..95 in order (no clock change, not cut
  /// short by the grid), so slot and interval of the day coincide.
  bool regular = false;
};

struct PreparedContext {
  const time::YearGrid* grid = nullptr;
  const time::LocalCalendar* calendar = nullptr;
  std::vector<LocalDay> days;
  Eigen::ArrayXf darkness;         ///< 0 (daylight) .. 1 (dark) per interval, for indoor lighting
  Eigen::ArrayXf winter_weight;    ///< per day: cos(2 pi (day - 15) / 365.25), 1 in mid-January, -1 in mid-July
  bool sun_given = false;
  const Eigen::ArrayXd* given_temperature_c = nullptr;  ///< the caller's array (not owned)
  Eigen::ArrayXd climatology_temperature_c;              ///< used when none is given

  int interval_count() const { return grid->interval_count; }
  /// Outdoor temperature per interval (deg C): the caller's, or the Uccle climatology.
  const Eigen::ArrayXd& outdoor_temp_c() const {
    return given_temperature_c ? *given_temperature_c : climatology_temperature_c;
  }
};

/// The local days of a grid, in order.
std::vector<LocalDay> local_days(const time::LocalCalendar& calendar, int interval_count);

/// Builds the shared part of a context. Arrays given in `context` must have one value per
/// interval of the grid (std::invalid_argument otherwise: a programming error, not user input).
PreparedContext prepare_context(const ProfileContext& context);

/// The class of a local day for behaviour: Sundays and Belgian public holidays -> sunday,
/// Saturdays -> saturday, working days in Flemish school holidays -> school_holiday,
/// other Wednesdays -> wednesday, else working.
DayClass day_class_of(time::DayType day_type, bool school_holiday, int weekday);

/// Indoor lighting need from the sun's elevation: 1 at or below -2 deg (civil twilight has
/// begun), 0 at or above 10 deg, linear in sin(elevation) in between (rooms need light well
/// before sunset; the ramp is a modelling choice, not a standard). Linear in the sine so that
/// it needs no inverse trigonometry per quarter-hour.
float darkness_from_sin_elevation(double sin_elevation);
float darkness_from_elevation(double elevation_deg);

/// Approximate sine of the solar elevation at Brussels (50.85 N, 4.35 E) at a UTC instant,
/// from Cooper's (1969) declination and the equation of time in the form given by Duffie &
/// Beckman (Solar Engineering of Thermal Processes, ch. 1). Within about 1 deg: good enough
/// to decide when lights are on when the caller has no sun position.
double approximate_sin_solar_elevation(double utc_seconds);

/// Outdoor temperature (deg C) when none is given: the Uccle climatology as a smooth annual
/// cycle (mean 11.0 C, coldest in mid-January at 3.4 C, warmest in mid-July at 18.6 C; KMI/RMI
/// 1991-2020 normals, rounded) plus a daily cycle of +-3 C peaking at 15:00 local.
double climatology_temperature_c(int day_of_year, double local_hour);

}  // namespace deelstroom::load
