#include "core/solar/solar_position.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "core/solar/spa_tables.hpp"
#include "core/time/civil.hpp"

namespace deelstroom::solar {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kDegPerRad = 180.0 / kPi;
constexpr double kRadPerDeg = kPi / 180.0;
constexpr double kSecondsPerDay = 86400.0;
constexpr double kUnixEpochJulianDay = 2440587.5;
constexpr double kJ2000 = 2451545.0;

double sind(double deg) { return std::sin(deg * kRadPerDeg); }
double cosd(double deg) { return std::cos(deg * kRadPerDeg); }
double wrap360(double deg) {
  double r = std::fmod(deg, 360.0);
  return r < 0.0 ? r + 360.0 : r;
}

template <std::size_t N>
double series(const spa_tables::PeriodicTerm (&terms)[N], double jme) {
  double sum = 0.0;
  for (const auto& t : terms) sum += t.a * std::cos(t.b + t.c * jme);
  return sum;
}

/// The location-independent ("geocentric") part of SPA at one instant.
struct Geocentric {
  double heliocentric_longitude_deg, heliocentric_latitude_deg, earth_radius_au;
  double nutation_longitude_deg, nutation_obliquity_deg, true_obliquity_deg;
  double right_ascension_deg, declination_deg;
  double sidereal_nutation_deg;  ///< Δψ·cos ε: apparent minus mean sidereal time
};

/// SPA steps 3.1–3.9 (Reda & Andreas 2004, §3.1–3.9).
Geocentric geocentric(double julian_ephemeris_day) {
  const double jce = (julian_ephemeris_day - kJ2000) / 36525.0;
  const double jme = jce / 10.0;
  using namespace spa_tables;
  const double jme2 = jme * jme, jme3 = jme2 * jme, jme4 = jme3 * jme, jme5 = jme4 * jme;
  const double l_rad = (series(kL0, jme) + series(kL1, jme) * jme + series(kL2, jme) * jme2 +
                        series(kL3, jme) * jme3 + series(kL4, jme) * jme4 + series(kL5, jme) * jme5) /
                       1e8;
  const double b_rad = (series(kB0, jme) + series(kB1, jme) * jme) / 1e8;
  const double r_au = (series(kR0, jme) + series(kR1, jme) * jme + series(kR2, jme) * jme2 +
                       series(kR3, jme) * jme3 + series(kR4, jme) * jme4) /
                      1e8;
  Geocentric g{};
  g.heliocentric_longitude_deg = wrap360(l_rad * kDegPerRad);
  g.heliocentric_latitude_deg = b_rad * kDegPerRad;
  g.earth_radius_au = r_au;
  const double theta = wrap360(g.heliocentric_longitude_deg + 180.0);
  const double beta = -g.heliocentric_latitude_deg;

  const double jce2 = jce * jce, jce3 = jce2 * jce;
  const std::array<double, 5> x = {
      297.85036 + 445267.111480 * jce - 0.0019142 * jce2 + jce3 / 189474.0,
      357.52772 + 35999.050340 * jce - 0.0001603 * jce2 - jce3 / 300000.0,
      134.96298 + 477198.867398 * jce + 0.0086972 * jce2 + jce3 / 56250.0,
      93.27191 + 483202.017538 * jce - 0.0036825 * jce2 + jce3 / 327270.0,
      125.04452 - 1934.136261 * jce + 0.0020708 * jce2 + jce3 / 450000.0,
  };
  double dpsi = 0.0, deps = 0.0;
  for (const auto& t : kNutation) {
    const double arg = (t.y0 * x[0] + t.y1 * x[1] + t.y2 * x[2] + t.y3 * x[3] + t.y4 * x[4]) * kRadPerDeg;
    dpsi += (t.a + t.b * jce) * std::sin(arg);
    deps += (t.c + t.d * jce) * std::cos(arg);
  }
  g.nutation_longitude_deg = dpsi / 36000000.0;
  g.nutation_obliquity_deg = deps / 36000000.0;

  const double u = jme / 10.0;
  const double eps0_arcsec =
      84381.448 +
      u * (-4680.93 +
           u * (-1.55 +
                u * (1999.25 +
                     u * (-51.38 +
                          u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
  g.true_obliquity_deg = eps0_arcsec / 3600.0 + g.nutation_obliquity_deg;

  const double aberration_deg = -20.4898 / (3600.0 * r_au);
  const double lambda = theta + g.nutation_longitude_deg + aberration_deg;
  const double eps = g.true_obliquity_deg;
  g.right_ascension_deg =
      wrap360(std::atan2(sind(lambda) * cosd(eps) - std::tan(beta * kRadPerDeg) * sind(eps), cosd(lambda)) *
              kDegPerRad);
  g.declination_deg = std::asin(sind(beta) * cosd(eps) + cosd(beta) * sind(eps) * sind(lambda)) * kDegPerRad;
  g.sidereal_nutation_deg = g.nutation_longitude_deg * cosd(eps);
  return g;
}

/// Mean sidereal time at Greenwich (degrees), SPA eq. 12.
double mean_sidereal_time_deg(double julian_day) {
  const double jc = (julian_day - kJ2000) / 36525.0;
  return wrap360(280.46061837 + 360.98564736629 * (julian_day - kJ2000) + 0.000387933 * jc * jc -
                 jc * jc * jc / 38710000.0);
}

struct Topocentric {
  double zenith_deg, apparent_zenith_deg, azimuth_deg;
};

/// Observer-dependent constants of SPA §3.12 (parallax terms).
struct Observer {
  double latitude_deg, longitude_deg;
  double sin_lat, cos_lat;
  double x, y;  ///< SPA eqs. 26–27
  double pressure_mbar, temperature_c, atmos_refract_deg;
};

Observer make_observer(double latitude_deg, double longitude_deg, double elevation_m, double pressure_mbar,
                       double temperature_c, double atmos_refract_deg) {
  Observer o{};
  o.latitude_deg = latitude_deg;
  o.longitude_deg = longitude_deg;
  o.sin_lat = sind(latitude_deg);
  o.cos_lat = cosd(latitude_deg);
  const double u = std::atan(0.99664719 * std::tan(latitude_deg * kRadPerDeg));
  o.x = std::cos(u) + elevation_m / 6378140.0 * o.cos_lat;
  o.y = 0.99664719 * std::sin(u) + elevation_m / 6378140.0 * o.sin_lat;
  o.pressure_mbar = pressure_mbar;
  o.temperature_c = temperature_c;
  o.atmos_refract_deg = atmos_refract_deg;
  return o;
}

/// SPA §3.10–3.15: from the geocentric sun and the apparent sidereal time to the topocentric
/// zenith (with and without refraction) and azimuth.
Topocentric topocentric(const Observer& o, double apparent_sidereal_deg, double right_ascension_deg,
                        double declination_deg, double earth_radius_au, double* hour_angle_out = nullptr) {
  const double h = wrap360(apparent_sidereal_deg + o.longitude_deg - right_ascension_deg);
  if (hour_angle_out) *hour_angle_out = h;
  const double xi = 8.794 / (3600.0 * earth_radius_au);
  const double sin_xi = sind(xi);
  const double cos_h = cosd(h), sin_h = sind(h);
  const double cos_dec = cosd(declination_deg), sin_dec = sind(declination_deg);
  const double denom = cos_dec - o.x * sin_xi * cos_h;
  const double delta_alpha = std::atan2(-o.x * sin_xi * sin_h, denom);
  const double dec_prime = std::atan2((sin_dec - o.y * sin_xi) * std::cos(delta_alpha), denom);
  const double h_prime = h * kRadPerDeg - delta_alpha;
  const double sin_dp = std::sin(dec_prime), cos_dp = std::cos(dec_prime);
  const double cos_hp = std::cos(h_prime);
  const double e0 = std::asin(o.sin_lat * sin_dp + o.cos_lat * cos_dp * cos_hp) * kDegPerRad;
  double delta_e = 0.0;
  if (e0 >= -(0.26667 + o.atmos_refract_deg)) {
    delta_e = (o.pressure_mbar / 1010.0) * (283.0 / (273.0 + o.temperature_c)) * 1.02 /
              (60.0 * std::tan((e0 + 10.3 / (e0 + 5.11)) * kRadPerDeg));
  }
  Topocentric t{};
  t.zenith_deg = 90.0 - e0;
  t.apparent_zenith_deg = 90.0 - (e0 + delta_e);
  const double gamma =
      std::atan2(std::sin(h_prime), cos_hp * o.sin_lat - std::tan(dec_prime) * o.cos_lat) * kDegPerRad;
  t.azimuth_deg = wrap360(gamma + 180.0);
  return t;
}

/// UTC date of an instant as a 1-based day of year.
int day_of_year_utc(double unix_seconds) {
  const auto days = static_cast<std::int64_t>(std::floor(unix_seconds / kSecondsPerDay));
  const time::CivilDate date = time::civil_from_days(days);
  return static_cast<int>(days - time::days_from_civil(date.year, 1, 1)) + 1;
}

double default_delta_t(const time::YearGrid& grid, const SolarPositionOptions& options) {
  return options.delta_t_s >= 0.0 ? options.delta_t_s : delta_t_seconds(grid.year + 0.5);
}

SolarPositions empty_positions(const Site& site, const time::YearGrid& grid) {
  SolarPositions p;
  p.site = site;
  p.year = grid.year;
  const int n = grid.interval_count;
  p.apparent_zenith_deg.resize(n);
  p.zenith_deg.resize(n);
  p.azimuth_deg.resize(n);
  p.extra_radiation_w_m2.resize(n);
  for (int i = 0; i < n; ++i)
    p.extra_radiation_w_m2[i] = extraterrestrial_normal_w_m2(day_of_year_utc(grid.middle_utc_seconds(i)));
  return p;
}

}  // namespace

SpaResult spa(const SpaInput& in) {
  const double jd = in.unix_seconds / kSecondsPerDay + kUnixEpochJulianDay;
  const double jde = jd + in.delta_t_s / kSecondsPerDay;
  const Geocentric g = geocentric(jde);
  const Observer o = make_observer(in.latitude_deg, in.longitude_deg, in.elevation_m, in.pressure_mbar,
                                   in.temperature_c, in.atmos_refract_deg);
  SpaResult r;
  r.julian_day = jd;
  r.heliocentric_longitude_deg = g.heliocentric_longitude_deg;
  r.heliocentric_latitude_deg = g.heliocentric_latitude_deg;
  r.earth_radius_au = g.earth_radius_au;
  r.nutation_longitude_deg = g.nutation_longitude_deg;
  r.nutation_obliquity_deg = g.nutation_obliquity_deg;
  r.true_obliquity_deg = g.true_obliquity_deg;
  r.right_ascension_deg = g.right_ascension_deg;
  r.declination_deg = g.declination_deg;
  const double nu = mean_sidereal_time_deg(jd) + g.sidereal_nutation_deg;
  const Topocentric t =
      topocentric(o, nu, g.right_ascension_deg, g.declination_deg, g.earth_radius_au, &r.hour_angle_deg);
  r.zenith_deg = t.zenith_deg;
  r.apparent_zenith_deg = t.apparent_zenith_deg;
  r.azimuth_deg = t.azimuth_deg;
  return r;
}

double delta_t_seconds(double y) {
  // Observed ΔT (IERS, start of year, seconds) 1950–2020 every 5 years; linear between
  // them, then a linear trend to the Espenak–Meeus value of 2050 (a prediction).
  static constexpr double kObserved[] = {29.15, 31.07, 33.15, 35.73, 40.18, 45.48, 50.54, 54.34,
                                         56.86, 60.78, 63.83, 64.69, 66.07, 67.64, 69.36};
  auto espenak_2050_2150 = [](double year) {
    const double u = (year - 1820.0) / 100.0;
    return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year);
  };
  if (y >= 1950.0 && y < 2020.0) {
    const double k = (y - 1950.0) / 5.0;
    const int i = static_cast<int>(k);
    return kObserved[i] + (kObserved[i + 1] - kObserved[i]) * (k - i);
  }
  if (y >= 2020.0 && y < 2050.0)
    return kObserved[14] + (espenak_2050_2150(2050.0) - kObserved[14]) * (y - 2020.0) / 30.0;
  if (y >= 2050.0 && y < 2150.0) return espenak_2050_2150(y);
  if (y >= 1900.0 && y < 1920.0) {
    const double t = y - 1900.0;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - 0.000197 * t)));
  }
  if (y >= 1920.0 && y < 1941.0) {
    const double t = y - 1920.0;
    return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
  }
  if (y >= 1941.0 && y < 1950.0) {
    const double t = y - 1950.0;
    return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
  }
  const double u = (y - 1820.0) / 100.0;
  return -20.0 + 32.0 * u * u;
}

double pressure_from_elevation_mbar(double elevation_m) {
  return std::pow((44331.514 - elevation_m) / 11880.516, 1.0 / 0.1902632);  // Pa / 100
}

double extraterrestrial_normal_w_m2(int day_of_year) {
  const double b = 2.0 * kPi * (day_of_year - 1) / 365.0;
  return 1366.1 * (1.00011 + 0.034221 * std::cos(b) + 0.00128 * std::sin(b) + 0.000719 * std::cos(2.0 * b) +
                   7.7e-05 * std::sin(2.0 * b));
}

double relative_airmass_kasten_young(double apparent_zenith_deg) {
  if (!(apparent_zenith_deg <= 90.0)) return 0.0;
  return 1.0 /
         (cosd(apparent_zenith_deg) + 0.50572 * std::pow(6.07995 + (90.0 - apparent_zenith_deg), -1.6364));
}

void fill_derived(SolarPositions& p) {
  const int n = p.size();
  p.cos_zenith.resize(n);
  p.sin_zenith_cos_azimuth.resize(n);
  p.sin_zenith_sin_azimuth.resize(n);
  p.airmass_relative.resize(n);
  for (int i = 0; i < n; ++i) {
    const double z = p.apparent_zenith_deg[i] * kRadPerDeg;
    const double a = p.azimuth_deg[i] * kRadPerDeg;
    const double sz = std::sin(z);
    p.cos_zenith[i] = std::cos(z);
    p.sin_zenith_cos_azimuth[i] = sz * std::cos(a);
    p.sin_zenith_sin_azimuth[i] = sz * std::sin(a);
    p.airmass_relative[i] = relative_airmass_kasten_young(p.apparent_zenith_deg[i]);
  }
}

SolarPositions compute_solar_positions_exact(const Site& site, const time::YearGrid& grid,
                                             const SolarPositionOptions& options) {
  SolarPositions p = empty_positions(site, grid);
  SpaInput in;
  in.latitude_deg = site.latitude_deg;
  in.longitude_deg = site.longitude_deg;
  in.elevation_m = site.elevation_m;
  in.pressure_mbar = pressure_from_elevation_mbar(site.elevation_m);
  in.temperature_c = options.temperature_c;
  in.delta_t_s = default_delta_t(grid, options);
  for (int i = 0; i < grid.interval_count; ++i) {
    in.unix_seconds = grid.middle_utc_seconds(i);
    const SpaResult r = spa(in);
    p.apparent_zenith_deg[i] = r.apparent_zenith_deg;
    p.zenith_deg[i] = r.zenith_deg;
    p.azimuth_deg[i] = r.azimuth_deg;
  }
  fill_derived(p);
  return p;
}

SolarPositions compute_solar_positions(const Site& site, const time::YearGrid& grid,
                                       const SolarPositionOptions& options) {
  SolarPositions p = empty_positions(site, grid);
  const double delta_t = default_delta_t(grid, options);
  // Geocentric nodes every 3 h, from 2 steps before the year to 3 after, so every interval
  // middle has two nodes on each side.
  constexpr double kStepSeconds = 3.0 * 3600.0;
  const double t0 = static_cast<double>(grid.first_utc_seconds) - 2.0 * kStepSeconds;
  const int node_count = static_cast<int>(grid.interval_count *
                                          static_cast<double>(time::kSecondsPerQuarterHour) / kStepSeconds) +
                         6;
  std::vector<double> alpha(node_count), dec(node_count), radius(node_count), nut(node_count);
  for (int k = 0; k < node_count; ++k) {
    const double jd = (t0 + k * kStepSeconds) / kSecondsPerDay + kUnixEpochJulianDay;
    const Geocentric g = geocentric(jd + delta_t / kSecondsPerDay);
    alpha[k] = g.right_ascension_deg;
    if (k > 0) {  // unwrap so the interpolation never crosses the 360° seam
      while (alpha[k] - alpha[k - 1] > 180.0) alpha[k] -= 360.0;
      while (alpha[k] - alpha[k - 1] < -180.0) alpha[k] += 360.0;
    }
    dec[k] = g.declination_deg;
    radius[k] = g.earth_radius_au;
    nut[k] = g.sidereal_nutation_deg;
  }
  const Observer o =
      make_observer(site.latitude_deg, site.longitude_deg, site.elevation_m,
                    pressure_from_elevation_mbar(site.elevation_m), options.temperature_c, 0.5667);
  for (int i = 0; i < grid.interval_count; ++i) {
    const double t = grid.middle_utc_seconds(i);
    const double s = (t - t0) / kStepSeconds;
    const int k = static_cast<int>(std::floor(s));  // nodes k-1, k, k+1, k+2
    const double f = s - k;
    // 4-point Lagrange weights at nodes -1, 0, 1, 2 for the fraction f in [0, 1).
    const double w0 = -f * (f - 1.0) * (f - 2.0) / 6.0;
    const double w1 = (f + 1.0) * (f - 1.0) * (f - 2.0) / 2.0;
    const double w2 = -(f + 1.0) * f * (f - 2.0) / 2.0;
    const double w3 = (f + 1.0) * f * (f - 1.0) / 6.0;
    auto interp = [&](const std::vector<double>& v) {
      return w0 * v[k - 1] + w1 * v[k] + w2 * v[k + 1] + w3 * v[k + 2];
    };
    const double jd = t / kSecondsPerDay + kUnixEpochJulianDay;
    const double nu = mean_sidereal_time_deg(jd) + interp(nut);
    const Topocentric tp = topocentric(o, nu, interp(alpha), interp(dec), interp(radius));
    p.apparent_zenith_deg[i] = tp.apparent_zenith_deg;
    p.zenith_deg[i] = tp.zenith_deg;
    p.azimuth_deg[i] = tp.azimuth_deg;
  }
  fill_derived(p);
  return p;
}

std::shared_ptr<const SolarPositions> SolarPositionCache::get(const Site& site, const time::YearGrid& grid) {
  std::shared_ptr<Slot> slot;
  {
    std::lock_guard lock(mutex_);
    auto& entry = slots_[Key{site.latitude_deg, site.longitude_deg, site.elevation_m, grid.year, grid.first_utc_seconds}];
    if (!entry) entry = std::make_shared<Slot>();
    slot = entry;
  }
  // Computed outside the map's lock, so other locations proceed in parallel; call_once makes
  // concurrent callers of the same key wait for the one computation.
  std::call_once(slot->once, [&] {
    slot->positions = std::make_shared<const SolarPositions>(compute_solar_positions(site, grid));
  });
  return slot->positions;
}

std::size_t SolarPositionCache::size() const {
  std::lock_guard lock(mutex_);
  return slots_.size();
}

}  // namespace deelstroom::solar
