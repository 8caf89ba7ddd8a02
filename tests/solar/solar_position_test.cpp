// NREL SPA against the worked example of Reda & Andreas (2004/2008), Table A5.1, and the bulk
// path against full SPA over a year.
#include "core/solar/solar_position.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <thread>
#include <vector>

#include "core/time/civil.hpp"

using namespace deelstroom;
using Catch::Matchers::WithinAbs;

namespace {

solar::SpaInput paper_example() {
  solar::SpaInput in;
  // 2003-10-17 12:30:30 local time at UTC-7 = 19:30:30 UTC.
  in.unix_seconds =
      static_cast<double>(time::days_from_civil(2003, 10, 17) * 86400 + 19 * 3600 + 30 * 60 + 30);
  in.latitude_deg = 39.742476;
  in.longitude_deg = -105.1786;
  in.elevation_m = 1830.14;
  in.pressure_mbar = 820.0;
  in.temperature_c = 11.0;
  in.delta_t_s = 67.0;
  in.atmos_refract_deg = 0.5667;
  return in;
}

double angle_difference_deg(double a, double b) {
  double d = std::fmod(std::abs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

}  // namespace

TEST_CASE("SPA reproduces the paper's worked example", "[solar][spa]") {
  const solar::SpaResult r = solar::spa(paper_example());
  // Intermediate values of Table A5.1 (they check every periodic-term table).
  CHECK_THAT(r.julian_day, WithinAbs(2452930.312847, 1e-6));
  CHECK_THAT(r.heliocentric_longitude_deg, WithinAbs(24.0182616917, 1e-9));
  CHECK_THAT(r.heliocentric_latitude_deg, WithinAbs(-0.0001011219, 1e-10));
  CHECK_THAT(r.earth_radius_au, WithinAbs(0.9965422974, 1e-10));
  CHECK_THAT(r.nutation_longitude_deg, WithinAbs(-0.00399840, 1e-8));
  CHECK_THAT(r.nutation_obliquity_deg, WithinAbs(0.00166657, 1e-8));
  CHECK_THAT(r.true_obliquity_deg, WithinAbs(23.440465, 1e-6));
  CHECK_THAT(r.right_ascension_deg, WithinAbs(202.22741, 1e-5));
  CHECK_THAT(r.declination_deg, WithinAbs(-9.31434, 1e-5));
  CHECK_THAT(r.hour_angle_deg, WithinAbs(11.105900, 1e-5));
  // The published results (topocentric zenith with refraction, azimuth from north).
  CHECK_THAT(r.apparent_zenith_deg, WithinAbs(50.11162, 1e-4));
  CHECK_THAT(r.azimuth_deg, WithinAbs(194.34024, 1e-4));
}

TEST_CASE("refraction only lifts the sun near or above the horizon", "[solar][spa]") {
  solar::SpaInput in = paper_example();
  const solar::SpaResult day = solar::spa(in);
  CHECK(day.apparent_zenith_deg < day.zenith_deg);  // refraction raises the apparent sun
  CHECK(day.zenith_deg - day.apparent_zenith_deg < 0.05);
  in.unix_seconds += 12 * 3600;  // local midnight: deep below the horizon, no refraction
  const solar::SpaResult night = solar::spa(in);
  CHECK(night.zenith_deg > 120.0);
  CHECK(night.apparent_zenith_deg == night.zenith_deg);
}

TEST_CASE("delta T follows the observed values", "[solar][spa]") {
  CHECK_THAT(solar::delta_t_seconds(2000.0), WithinAbs(63.83, 1e-9));
  CHECK_THAT(solar::delta_t_seconds(2017.5), WithinAbs((67.64 + 69.36) / 2.0, 1e-9));
  CHECK_THAT(solar::delta_t_seconds(1950.0), WithinAbs(29.15, 1e-9));
  // Continuity at the joins of the pieces (within 0.5 s).
  CHECK_THAT(solar::delta_t_seconds(1949.999), WithinAbs(solar::delta_t_seconds(1950.0), 0.5));
  CHECK_THAT(solar::delta_t_seconds(2049.999), WithinAbs(solar::delta_t_seconds(2050.0), 0.5));
}

TEST_CASE("extraterrestrial irradiance and airmass follow Spencer and Kasten-Young", "[solar]") {
  // Spencer at day 1: 1366.1 * (1.00011 + 0.034221 + 0.000719) = 1413.98 W/m2 (hand calculation).
  CHECK_THAT(solar::extraterrestrial_normal_w_m2(1), WithinAbs(1366.1 * 1.035050, 1e-6));
  // Near aphelion (early July) the Earth is farthest: about 1321 W/m2.
  CHECK_THAT(solar::extraterrestrial_normal_w_m2(185), WithinAbs(1321.0, 2.0));
  // Kasten-Young at zenith 0: 1/(1 + 0.50572 * 96.07995^-1.6364) = 0.99971.
  CHECK_THAT(solar::relative_airmass_kasten_young(0.0), WithinAbs(0.999714, 1e-5));
  // At 60 degrees: 36.07995^-1.6364 = 0.0028290, so 1/(0.5 + 0.50572 * 0.0028290) = 1.99429.
  CHECK_THAT(solar::relative_airmass_kasten_young(60.0), WithinAbs(1.99429, 1e-4));
  CHECK(solar::relative_airmass_kasten_young(90.5) == 0.0);
  // Standard atmosphere: 1013.25 mbar at sea level, about 898.7 mbar at 1000 m.
  CHECK_THAT(solar::pressure_from_elevation_mbar(0.0), WithinAbs(1013.25, 0.05));
  CHECK_THAT(solar::pressure_from_elevation_mbar(1000.0), WithinAbs(898.75, 0.2));
}

TEST_CASE("bulk positions stay within 1e-4 degree of full SPA over a year at Uccle", "[solar][spa][bulk]") {
  const solar::Site uccle{50.80, 4.35, 100.0};
  const time::YearGrid grid = time::make_year_grid(2024);  // leap year: 35,136 intervals
  const solar::SolarPositions bulk = solar::compute_solar_positions(uccle, grid);
  const solar::SolarPositions exact = solar::compute_solar_positions_exact(uccle, grid);
  REQUIRE(bulk.size() == 35136);
  double max_zenith = 0.0, max_apparent = 0.0, max_azimuth = 0.0;
  for (int i = 0; i < bulk.size(); ++i) {
    max_zenith = std::max(max_zenith, std::abs(bulk.zenith_deg[i] - exact.zenith_deg[i]));
    max_apparent =
        std::max(max_apparent, std::abs(bulk.apparent_zenith_deg[i] - exact.apparent_zenith_deg[i]));
    max_azimuth = std::max(max_azimuth, angle_difference_deg(bulk.azimuth_deg[i], exact.azimuth_deg[i]));
  }
  INFO("max |dzenith| " << max_zenith << ", |dapparent| " << max_apparent << ", |dazimuth| " << max_azimuth);
  CHECK(max_zenith < 1e-4);
  CHECK(max_apparent < 1e-4);
  CHECK(max_azimuth < 1e-4);
  // Every position is taken at the interval's middle: interval 0 is 00:00-00:15 UTC on
  // 1 January, so its position is the SPA one at 00:07:30.
  solar::SpaInput in;
  in.unix_seconds = static_cast<double>(grid.first_utc_seconds) + 450.0;
  in.latitude_deg = 50.80;
  in.longitude_deg = 4.35;
  in.elevation_m = 100.0;
  in.pressure_mbar = solar::pressure_from_elevation_mbar(100.0);
  in.delta_t_s = solar::delta_t_seconds(2024.5);
  CHECK_THAT(exact.zenith_deg[0], WithinAbs(solar::spa(in).zenith_deg, 1e-12));
  // Sanity of the geometry: at Uccle the sun culminates near 11:40 UTC at ~62.6 deg zenith
  // at the winter solstice (90 - (90 - 50.8 - 23.44)).
  const int solstice_noon = grid.index_of(time::days_from_civil(2024, 12, 21) * 86400 + 11 * 3600 + 37 * 60);
  CHECK_THAT(exact.zenith_deg[solstice_noon], WithinAbs(50.80 + 23.44, 0.2));
  CHECK_THAT(exact.azimuth_deg[solstice_noon], WithinAbs(180.0, 3.0));
}

TEST_CASE("the position cache computes a location-year once and shares it across threads", "[solar][cache]") {
  solar::SolarPositionCache cache;
  const time::YearGrid grid = time::make_year_grid(2025);
  const solar::Site site{50.85, 4.35, 50.0};
  std::vector<std::shared_ptr<const solar::SolarPositions>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { got[t] = cache.get(site, grid); });
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) CHECK(got[t].get() == got[0].get());
  CHECK(cache.size() == 1);
  const auto other = cache.get(solar::Site{51.0, 4.35, 50.0}, grid);
  CHECK(other.get() != got[0].get());
  CHECK(cache.size() == 2);
  CHECK(got[0]->size() == grid.interval_count);
}
