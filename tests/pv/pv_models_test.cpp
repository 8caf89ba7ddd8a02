// PV models (Faiman, PVWatts DC / losses / inverter, degradation), validation, and the chain
// on hand-made weather, against hand calculations.
#include "core/pv/pv_models.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/pv/array.hpp"
#include "core/time/civil.hpp"

using namespace deelstroom;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Faiman cell temperature", "[pv]") {
  // 800 W/m2, 20 degC, 2 m/s: 20 + 800 / (25 + 13.68) = 40.682 degC.
  CHECK_THAT(pv::faiman_cell_temperature_c(800.0, 20.0, 2.0), WithinAbs(20.0 + 800.0 / 38.68, 1e-12));
  CHECK(pv::faiman_cell_temperature_c(0.0, 5.0, 3.0) == 5.0);
}

TEST_CASE("PVWatts DC power", "[pv]") {
  // 10 kWp, 900 W/m2, 45 degC, gamma -0.004: 10 * 0.9 * (1 - 0.08) = 8.28 kW.
  CHECK_THAT(pv::pvwatts_dc_kw(900.0, 45.0, 10.0, -0.004), WithinAbs(8.28, 1e-12));
  CHECK_THAT(pv::pvwatts_dc_kw(1000.0, 25.0, 10.0, -0.004), WithinAbs(10.0, 1e-12));
}

TEST_CASE("PVWatts system losses combine multiplicatively to 14.08 %", "[pv]") {
  pv::SystemLosses losses;
  // 1 - 0.98*0.97*1*0.98*0.98*0.995*0.985*0.99*1*0.97 = 0.140757 (PVWatts v5 manual: 14.08 %).
  CHECK_THAT(losses.total_fraction(), WithinAbs(0.140757, 1e-6));
  losses.shading_pct = 10.0;
  CHECK_THAT(losses.total_fraction(), WithinAbs(1.0 - (1.0 - 0.140757) / 0.97 * 0.90, 1e-6));
  pv::SystemLosses none{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, std::nullopt};
  CHECK(none.total_fraction() == 0.0);
}

TEST_CASE("PVWatts inverter efficiency curve and clipping", "[pv]") {
  // Pac0 4 kW -> Pdc0 = 4/0.96 = 4.16667 kW. At Pdc = 2 kW: zeta = 0.48,
  // eta = 0.96/0.9637 * (-0.007776 - 0.0122917 + 0.9858) = 0.962215, Pac = 1.924430 kW.
  const pv::InverterOutput mid = pv::pvwatts_inverter(2.0, 4.0);
  CHECK_THAT(mid.ac_kw, WithinAbs(2.0 * 0.96 / 0.9637 * (-0.0162 * 0.48 - 0.0059 / 0.48 + 0.9858), 1e-12));
  CHECK(mid.clipped_kw == 0.0);
  // At the DC nameplate (zeta 1) the efficiency is eta_nom/eta_ref * 0.9637 = 0.96 exactly.
  const pv::InverterOutput rated = pv::pvwatts_inverter(4.0 / 0.96, 4.0);
  CHECK_THAT(rated.ac_kw, WithinAbs(4.0, 1e-9));
  // Above: clipped at Pac0, the cut reported.
  const pv::InverterOutput over = pv::pvwatts_inverter(5.0, 4.0);
  CHECK(over.ac_kw == 4.0);
  const double zeta = 5.0 / (4.0 / 0.96);
  CHECK_THAT(over.clipped_kw,
             WithinAbs(5.0 * 0.96 / 0.9637 * (-0.0162 * zeta - 0.0059 / zeta + 0.9858) - 4.0, 1e-12));
  CHECK(pv::pvwatts_inverter(0.0, 4.0).ac_kw == 0.0);
  // Tiny input: the -0.0059/zeta term makes the efficiency negative; output floored at 0.
  CHECK(pv::pvwatts_inverter(0.01, 4.0).ac_kw == 0.0);
}

TEST_CASE("degradation factor", "[pv]") {
  CHECK(pv::degradation_factor(1) == 1.0);
  CHECK_THAT(pv::degradation_factor(2), WithinAbs(0.995, 1e-15));
  CHECK_THAT(pv::degradation_factor(11), WithinAbs(std::pow(0.995, 10), 1e-15));
  CHECK_THAT(pv::degradation_factor(3, 0.01), WithinAbs(0.9801, 1e-15));
}

TEST_CASE("validate names the fields that are wrong", "[pv]") {
  CHECK(pv::validate(pv::ArrayConfig{}).empty());
  pv::ArrayConfig bad;
  bad.kwp = -1.0;
  bad.tilt_deg = 95.0;
  bad.azimuth_deg = 400.0;
  bad.losses.shading_pct = 120.0;
  bad.albedo = std::nan("");
  const auto problems = pv::validate(bad);
  auto has = [&](const std::string& field) {
    for (const auto& p : problems) {
      if (p.field == field) return true;
    }
    return false;
  };
  CHECK(problems.size() == 5);
  CHECK(has("kwp"));
  CHECK(has("tilt_deg"));
  CHECK(has("azimuth_deg"));
  CHECK(has("losses.shading_pct"));
  CHECK(has("albedo"));
  CHECK(pv::effective_inverter_ac_kw(pv::ArrayConfig{}) == 10.0 / 1.1);
  pv::ArrayConfig sized;
  sized.inverter_ac_kw = 8.0;
  CHECK(pv::effective_inverter_ac_kw(sized) == 8.0);
}

namespace {

/// One year grid with one hand-made sunny interval; all other intervals dark.
struct OneInterval {
  time::YearGrid grid = time::make_year_grid(2025);
  time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  solar::SolarPositions positions = solar::compute_solar_positions(solar::Site{50.8, 4.35, 0.0}, grid);
  solar::Weather weather;
  int index = 0;
  OneInterval(double ghi, double dni, double dhi, double temp, double wind) {
    const int n = grid.interval_count;
    weather.ghi_w_m2 = Eigen::ArrayXd::Zero(n);
    weather.dni_w_m2 = Eigen::ArrayXd::Zero(n);
    weather.dhi_w_m2 = Eigen::ArrayXd::Zero(n);
    weather.temp_air_c = Eigen::ArrayXd::Constant(n, temp);
    weather.wind_speed_m_s = Eigen::ArrayXd::Constant(n, wind);
    index =
        grid.index_of(time::days_from_civil(2025, 6, 21) * 86400 + 11 * 3600 + 30 * 60);  // near solar noon
    weather.ghi_w_m2[index] = ghi;
    weather.dni_w_m2[index] = dni;
    weather.dhi_w_m2[index] = dhi;
  }
};

}  // namespace

TEST_CASE("the chain on one interval follows the hand calculation", "[pv][chain]") {
  // Isotropic sky, no IAM, no losses: every step can be checked by hand.
  OneInterval s(800.0, 600.0, 200.0, 20.0, 1.0);
  pv::ArrayConfig c;
  c.kwp = 5.0;
  c.tilt_deg = 30.0;
  c.azimuth_deg = 180.0;
  c.transposition = solar::TranspositionModel::isotropic;
  c.iam = solar::IamModel::none;
  c.losses = pv::SystemLosses{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, std::nullopt};
  c.inverter_ac_kw = 10.0;  // no clipping
  const pv::ArrayResult r = pv::simulate_array(c, s.weather, s.positions, s.calendar);
  const double z = s.positions.apparent_zenith_deg[s.index], az = s.positions.azimuth_deg[s.index];
  const double cos_aoi = solar::cos_angle_of_incidence(30.0, 180.0, z, az);
  const double cos30 = std::cos(30.0 * M_PI / 180.0);
  const double poa = 600.0 * cos_aoi + 200.0 * (1 + cos30) / 2 + 800.0 * 0.2 * (1 - cos30) / 2;
  const double t_cell = 20.0 + poa / (25.0 + 6.84);
  const double dc = 5.0 * poa / 1000.0 * (1 - 0.004 * (t_cell - 25.0));
  const double ac = pv::pvwatts_inverter(dc, 10.0).ac_kw;
  CHECK_THAT(r.poa_kwh_m2_year, WithinRel(poa * 0.25 / 1000.0, 1e-12));
  CHECK_THAT(r.dc_kwh_year, WithinRel(dc * 0.25, 1e-12));
  CHECK_THAT(r.ac_kwh[s.index], WithinRel(ac * 0.25, 1e-12));
  CHECK_THAT(r.ac_kwh_year, WithinRel(ac * 0.25, 1e-12));
  CHECK_THAT(r.ac_kwh_month[5], WithinRel(ac * 0.25, 1e-12));  // June, local
  CHECK(r.ac_kwh.sum() == r.ac_kwh_year);
  CHECK_THAT(r.specific_yield_kwh_per_kwp, WithinRel(ac * 0.25 / 5.0, 1e-12));

  // The default losses scale DC by 1 - 0.140757.
  pv::ArrayConfig lossy = c;
  lossy.losses = pv::SystemLosses{};
  CHECK_THAT(pv::simulate_array(lossy, s.weather, s.positions, s.calendar).dc_kwh_year,
             WithinRel(dc * 0.25 * (1 - 0.140757), 1e-5));

  // IAM applies to the beam only: the physical IAM lowers the result by beam*(1-IAM) in POA terms.
  pv::ArrayConfig with_iam = c;
  with_iam.iam = solar::IamModel::physical;
  const double effective = 600.0 * cos_aoi * solar::iam_physical(cos_aoi) + 200.0 * (1 + cos30) / 2 +
                           800.0 * 0.2 * (1 - cos30) / 2;
  CHECK_THAT(pv::simulate_array(with_iam, s.weather, s.positions, s.calendar).dc_kwh_year,
             WithinRel(5.0 * effective / 1000.0 * (1 - 0.004 * (t_cell - 25.0)) * 0.25, 1e-12));
}

TEST_CASE("clipping is counted and AC never exceeds the inverter limit", "[pv][chain]") {
  OneInterval s(1000.0, 900.0, 100.0, 0.0, 5.0);
  pv::ArrayConfig c;
  c.kwp = 10.0;
  c.inverter_ac_kw = 5.0;
  const pv::ArrayResult r = pv::simulate_array(c, s.weather, s.positions, s.calendar);
  CHECK(r.ac_kwh[s.index] == 5.0 * 0.25);
  CHECK(r.clipping_kwh_year > 0.0);
  CHECK(r.clipping_kwh_month[5] == r.clipping_kwh_year);
  c.inverter_ac_kw = 20.0;
  const pv::ArrayResult unclipped = pv::simulate_array(c, s.weather, s.positions, s.calendar);
  CHECK(unclipped.clipping_kwh_year == 0.0);
  CHECK_THAT(unclipped.ac_kwh_year, WithinRel(r.ac_kwh_year + r.clipping_kwh_year, 0.02));
}

TEST_CASE("orientation: a south roof beats an east and a north roof at noon, transposition options differ",
          "[pv][chain]") {
  OneInterval s(700.0, 600.0, 150.0, 20.0, 2.0);
  pv::ArrayConfig south, east, north;
  east.azimuth_deg = 90.0;
  north.azimuth_deg = 0.0;
  const double p_south = pv::simulate_array(south, s.weather, s.positions, s.calendar).ac_kwh_year;
  const double p_east = pv::simulate_array(east, s.weather, s.positions, s.calendar).ac_kwh_year;
  const double p_north = pv::simulate_array(north, s.weather, s.positions, s.calendar).ac_kwh_year;
  CHECK(p_south > p_east);
  CHECK(p_east > p_north);
  pv::ArrayConfig hd = south, iso = south;
  hd.transposition = solar::TranspositionModel::hay_davies;
  iso.transposition = solar::TranspositionModel::isotropic;
  const double p_hd = pv::simulate_array(hd, s.weather, s.positions, s.calendar).ac_kwh_year;
  const double p_iso = pv::simulate_array(iso, s.weather, s.positions, s.calendar).ac_kwh_year;
  // Circumsolar brightening (Perez, Hay-Davies) gives a sun-facing plane more than isotropic.
  CHECK(p_hd > p_iso);
  CHECK(p_south > p_iso);
}

TEST_CASE("sum of arrays", "[pv]") {
  OneInterval s(700.0, 600.0, 150.0, 20.0, 2.0);
  pv::ArrayConfig a, b;
  a.kwp = 4.0;
  b.kwp = 6.0;
  b.azimuth_deg = 90.0;
  const auto ra = pv::simulate_array(a, s.weather, s.positions, s.calendar);
  const auto rb = pv::simulate_array(b, s.weather, s.positions, s.calendar);
  const auto total = pv::sum_results({ra, rb});
  CHECK(total.kwp == 10.0);
  CHECK_THAT(total.ac_kwh_year, WithinRel(ra.ac_kwh_year + rb.ac_kwh_year, 1e-12));
  CHECK_THAT(total.ac_kwh.sum(), WithinRel(total.ac_kwh_year, 1e-12));
  CHECK_THAT(total.poa_kwh_m2_year, WithinRel(0.4 * ra.poa_kwh_m2_year + 0.6 * rb.poa_kwh_m2_year, 1e-12));
}
