#pragma once
// Quarter-hour weather on the simulation's YearGrid (pv-model.md, "Weather sources"): the
// embedded Uccle year, PVGIS TMY files (CSV or JSON), and the hourly → quarter-hour step
// that preserves each hour's energy.
#include <Eigen/Core>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/solar/solar_position.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::solar {

/// Where a weather year came from, for reports.
struct WeatherMetadata {
  std::string file;    ///< path as given; empty for the embedded year
  std::string format;  ///< "embedded", "pvgis-tmy-csv", "pvgis-tmy-json"
  std::optional<double> latitude_deg, longitude_deg, elevation_m;  ///< the file's site
  std::optional<double> irradiance_time_offset_h;  ///< PVGIS header "Irradiance Time Offset (h)"
  double applied_time_offset_h = 0.0;  ///< offset of the hour's centre from its label actually used
  std::vector<std::pair<int, int>> months_selected;  ///< (month, source year) of a TMY
  std::string radiation_database;                    ///< e.g. "PVGIS-SARAH3" (JSON only)
  bool decomposed_with_erbs = false;                 ///< file had only GHI
  double dropped_irradiation_kwh_m2 = 0.0;           ///< GHI of hours whose window has no sunlit quarter
};

/// Weather per interval of a YearGrid: irradiance as means over the interval.
struct Weather {
  Eigen::ArrayXd ghi_w_m2;        ///< global horizontal
  Eigen::ArrayXd dni_w_m2;        ///< direct normal
  Eigen::ArrayXd dhi_w_m2;        ///< diffuse horizontal
  Eigen::ArrayXd temp_air_c;      ///< air temperature at 2 m
  Eigen::ArrayXd wind_speed_m_s;  ///< wind speed (10 m for PVGIS, used as-is as pvlib does)
  std::string source;             ///< one line for reports, e.g. "PVGIS TMY tmy.csv (45.000 N, 8.000 E)"
  WeatherMetadata metadata;

  int size() const { return static_cast<int>(ghi_w_m2.size()); }
};

/// An hourly year already on the simulated calendar year: value k belongs to the hour
/// labelled year start + k h (UTC). Irradiance values are taken as the mean over the hour
/// centred on label + centre_offset_s; temperature and wind as instantaneous at the label.
struct HourlyWeather {
  std::vector<double> ghi_w_m2, dni_w_m2, dhi_w_m2, temp_air_c, wind_speed_m_s;  ///< dni/dhi may be empty
  double centre_offset_s = 0.0;
};

/// Hourly → quarter-hours (pv-model.md step 2): each hour's GHI and DHI energy is spread over
/// the quarter-hours its window covers in proportion to the extraterrestrial horizontal
/// irradiance at their middles (the hour's clearness and diffuse indices are kept), so both
/// energies are preserved; quarter-hours with the sun down get nothing. DNI keeps the hour's
/// value on the sunlit quarter-hours (the beam clearness DNI/E0n is kept). The three
/// components are carried over as the file gives them, as pvlib uses them; closure
/// GHI = DNI cos z + DHI holds per quarter-hour only as well as it holds in the file at the
/// chosen timing. Without DNI/DHI the quarter-hour GHI is split with Erbs. Temperature and wind are
/// interpolated linearly between the hour labels. The year is cyclic: a window reaching past 31 December
/// wraps to 1 January (a TMY has no neighbouring year).
Weather hourly_to_quarter_hours(const HourlyWeather& hourly, const time::YearGrid& grid,
                                const SolarPositions& positions);

/// How PVGIS hourly irradiance is placed in time.
enum class PvgisTiming {
  /// The value labelled HH:00 is the mean of HH:00 ± 30 min. This is how pvlib uses a PVGIS
  /// TMY (read_pvgis_tmy keeps the labels; solar position is then computed at HH:00), so the
  /// simulator agrees with a pvlib chain on the same file.
  label_centred,
  /// Centre the hour on label + "Irradiance Time Offset (h)" from the file's header (PVGIS:
  /// the time the irradiance actually refers to, the satellite's scan time for SARAH, 0.5 h
  /// for ERA5 hourly means). The default (docs/weather-timing.md): physically right, and east
  /// and west arrays shift by several percent between the two conventions. Files without the
  /// field (TMY) are placed as label_centred.
  label_plus_offset_centred,
};

struct PvgisOptions {
  PvgisTiming timing = PvgisTiming::label_plus_offset_centred;
};

/// Reads a PVGIS TMY file, CSV or JSON (told apart by content), puts its 12 months on the
/// grid's calendar year (a leap year gets 29 February from 28 February; a 29 February in the
/// file is dropped for a common year), and converts it to quarter-hours. Columns are found by
/// name: time(UTC), T2m, G(h), WS10m are required, Gb(n) and Gd(h) optional (both or neither).
/// Throws InputError naming the file, line and column/field when something is missing or bad.
Weather load_pvgis_weather(const std::filesystem::path& file, const time::YearGrid& grid,
                           const SolarPositions& positions, const PvgisOptions& options = {});

/// Same, from text already in memory (`name` is used in messages).
Weather parse_pvgis_weather(const std::string& text, const std::string& name, const time::YearGrid& grid,
                            const SolarPositions& positions, const PvgisOptions& options = {});

/// Monthly climate statistics the embedded year is built from (see embedded_weather.cpp for
/// the sources).
struct MonthlyClimate {
  double ghi_kwh_m2[12];  ///< monthly global horizontal irradiation
  double temp_air_c[12];  ///< monthly mean air temperature
  double wind_speed_m_s[12];
};
const MonthlyClimate& uccle_climate();

/// The embedded default year for central Belgium (Uccle), deterministic for a seed: daily
/// clearness indices drawn around each month's mean (log-normal, day-to-day AR(1)), within-
/// day fluctuations around the extraterrestrial shape, each month rescaled to its GHI
/// statistic, Erbs for DNI/DHI; temperature from the monthly means with a diurnal cycle.
/// The site gives the sun's path (`positions` must be for that site and grid).
Weather embedded_weather(const Site& site, const time::YearGrid& grid, const SolarPositions& positions,
                         std::uint64_t seed = 20250101);

}  // namespace deelstroom::solar
