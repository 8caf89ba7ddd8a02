#include "core/pv/array.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/pv/pv_models.hpp"

namespace deelstroom::pv {

double degradation_factor(int year_index_1_based, double rate_per_year) {
  return std::pow(1.0 - rate_per_year, std::max(year_index_1_based - 1, 0));
}

double SystemLosses::total_fraction() const {
  if (total_pct) return *total_pct / 100.0;
  double kept = 1.0;
  for (double pct : {soiling_pct, shading_pct, snow_pct, mismatch_pct, wiring_pct, connections_pct,
                     light_induced_degradation_pct, nameplate_rating_pct, age_pct, availability_pct}) {
    kept *= 1.0 - pct / 100.0;
  }
  return 1.0 - kept;
}

double effective_inverter_ac_kw(const ArrayConfig& config) {
  return config.inverter_ac_kw > 0.0 ? config.inverter_ac_kw : config.kwp / kDefaultDcAcRatio;
}

std::vector<ConfigProblem> validate(const ArrayConfig& c) {
  std::vector<ConfigProblem> problems;
  auto check = [&](bool ok, const char* field, const Text& message) {
    if (!ok) problems.push_back({field, message});
  };
  // Comparisons are written so that NaN fails them.
  check(c.kwp > 0.0 && std::isfinite(c.kwp), "kwp", Text{"verwacht een piekvermogen boven 0 kWp", "expected a peak power above 0 kWp"});
  check(c.tilt_deg >= 0.0 && c.tilt_deg <= 90.0, "tilt_deg",
        Text{"verwacht een helling van 0 (horizontaal) tot 90 (verticaal) graden", "expected a tilt from 0 (horizontal) to 90 (vertical) degrees"});
  check(c.azimuth_deg >= 0.0 && c.azimuth_deg <= 360.0, "azimuth_deg",
        Text{"verwacht een azimut van 0 tot 360 graden met de klok mee vanaf het noorden (180 = zuid)", "expected an azimuth from 0 to 360 degrees clockwise from north (180 = south)"});
  check(c.inverter_ac_kw >= 0.0 && std::isfinite(c.inverter_ac_kw), "inverter_ac_kw",
        Text{"verwacht een AC-vermogen van de omvormer van 0 kW (automatisch) of meer", "expected an inverter AC power of 0 kW (automatic) or more"});
  check(c.inverter_nominal_efficiency > 0.0 && c.inverter_nominal_efficiency <= 1.0,
        "inverter_nominal_efficiency", Text{"verwacht een rendement boven 0 en hoogstens 1", "expected an efficiency above 0 and at most 1"});
  check(c.inverter_reference_efficiency > 0.0 && c.inverter_reference_efficiency <= 1.0,
        "inverter_reference_efficiency", Text{"verwacht een rendement boven 0 en hoogstens 1", "expected an efficiency above 0 and at most 1"});
  const std::pair<const char*, double> losses[] = {
      {"losses.soiling_pct", c.losses.soiling_pct},
      {"losses.shading_pct", c.losses.shading_pct},
      {"losses.snow_pct", c.losses.snow_pct},
      {"losses.mismatch_pct", c.losses.mismatch_pct},
      {"losses.wiring_pct", c.losses.wiring_pct},
      {"losses.connections_pct", c.losses.connections_pct},
      {"losses.light_induced_degradation_pct", c.losses.light_induced_degradation_pct},
      {"losses.nameplate_rating_pct", c.losses.nameplate_rating_pct},
      {"losses.age_pct", c.losses.age_pct},
      {"losses.availability_pct", c.losses.availability_pct},
  };
  for (const auto& [field, pct] : losses)
    check(pct >= 0.0 && pct <= 100.0, field, Text{"verwacht een verlies van 0 tot 100 %", "expected a loss from 0 to 100 %"});
  check(c.gamma_pct_per_c >= -2.0 && c.gamma_pct_per_c <= 0.5, "gamma_pct_per_c",
        Text{"verwacht een temperatuurcoefficient tussen -2 en 0,5 %/°C (meestal -0,3 tot -0,5)", "expected a temperature coefficient between -2 and 0.5 %/°C (typically -0.3 to -0.5)"});
  check(c.iam_ashrae_b0 >= 0.0 && c.iam_ashrae_b0 <= 1.0, "iam_ashrae_b0",
        Text{"verwacht b0 van 0 tot 1 (meestal 0,05)", "expected b0 from 0 to 1 (typically 0.05)"});
  check(c.albedo >= 0.0 && c.albedo <= 1.0, "albedo", Text{"verwacht een albedo van de grond van 0 tot 1 (meestal 0,2)", "expected a ground albedo from 0 to 1 (0.2 typical)"});
  check(c.temperature.u0_w_m2k > 0.0 && std::isfinite(c.temperature.u0_w_m2k), "temperature.u0_w_m2k",
        Text{"verwacht u0 boven 0 W/m2K (standaard van Faiman 25)", "expected u0 above 0 W/m2K (Faiman default 25)"});
  check(c.temperature.u1_w_s_m3k >= 0.0 && std::isfinite(c.temperature.u1_w_s_m3k), "temperature.u1_w_s_m3k",
        Text{"verwacht u1 van 0 of meer W s/m3K (standaard van Faiman 6,84)", "expected u1 of 0 or more W s/m3K (Faiman default 6.84)"});
  return problems;
}

namespace {

void check_sizes(const solar::Weather& w, const solar::SolarPositions& p, const time::LocalCalendar& cal) {
  const auto n = static_cast<Eigen::Index>(p.size());
  if (w.ghi_w_m2.size() != n || w.dni_w_m2.size() != n || w.dhi_w_m2.size() != n ||
      w.temp_air_c.size() != n || w.wind_speed_m_s.size() != n ||
      static_cast<Eigen::Index>(cal.month.size()) != n) {
    throw std::invalid_argument(
        "simulate_array: weather, positions and calendar must be on the same year grid");
  }
}

}  // namespace

ArrayResult simulate_array(const ArrayConfig& config, const solar::Weather& weather,
                           const solar::SolarPositions& positions, const time::LocalCalendar& calendar) {
  check_sizes(weather, positions, calendar);
  const int n = positions.size();
  constexpr double kRad = std::numbers::pi / 180.0;
  const double cos_tilt = std::cos(config.tilt_deg * kRad), sin_tilt = std::sin(config.tilt_deg * kRad);
  // cos(aoi) = cos β cos z + sin β sin z cos(φ − φs), expanded so the per-location products
  // (sin z cos φ, sin z sin φ) are reused from the positions.
  const double beam_cos_az = sin_tilt * std::cos(config.azimuth_deg * kRad);
  const double beam_sin_az = sin_tilt * std::sin(config.azimuth_deg * kRad);
  const double keep_after_losses = 1.0 - config.losses.total_fraction();
  const double gamma = config.gamma_pct_per_c / 100.0;
  const double pac0_kw = effective_inverter_ac_kw(config);
  const double ground_factor = config.albedo * 0.5 * (1.0 - cos_tilt);
  constexpr double kHours = time::kHoursPerQuarterHour;

  ArrayResult r;
  r.name = config.name;
  r.kwp = config.kwp;
  r.ac_kwh = Eigen::ArrayXd::Zero(n);
  const double* ghi = weather.ghi_w_m2.data();
  const double* dni = weather.dni_w_m2.data();
  const double* dhi = weather.dhi_w_m2.data();
  for (int i = 0; i < n; ++i) {
    if (!(ghi[i] > 0.0 || dni[i] > 0.0 || dhi[i] > 0.0)) continue;  // night: nothing to do
    const double cos_z = positions.cos_zenith[i];
    const double cos_aoi = std::clamp(cos_tilt * cos_z + beam_cos_az * positions.sin_zenith_cos_azimuth[i] +
                                          beam_sin_az * positions.sin_zenith_sin_azimuth[i],
                                      -1.0, 1.0);
    const double beam = std::max(dni[i] * cos_aoi, 0.0);
    double sky = 0.0;
    switch (config.transposition) {
      case solar::TranspositionModel::perez: {
        const solar::PerezBrightness b =
            solar::perez_brightness(dhi[i], dni[i], positions.extra_radiation_w_m2[i],
                                    positions.apparent_zenith_deg[i], positions.airmass_relative[i]);
        // Below the horizon pvlib's Perez gives no sky diffuse (air mass undefined).
        sky = positions.airmass_relative[i] > 0.0
                  ? solar::perez_sky_diffuse(dhi[i], b, cos_tilt, sin_tilt, cos_aoi, cos_z)
                  : 0.0;
        break;
      }
      case solar::TranspositionModel::hay_davies:
        sky = solar::hay_davies_sky_diffuse(dhi[i], dni[i], positions.extra_radiation_w_m2[i], cos_tilt,
                                            cos_aoi, cos_z);
        break;
      case solar::TranspositionModel::isotropic:
        sky = solar::isotropic_sky_diffuse(dhi[i], cos_tilt);
        break;
    }
    const double ground = ghi[i] * ground_factor;
    const double poa = beam + sky + ground;
    double iam = 1.0;
    if (config.iam == solar::IamModel::physical)
      iam = solar::iam_physical(cos_aoi);
    else if (config.iam == solar::IamModel::ashrae)
      iam = solar::iam_ashrae(cos_aoi, config.iam_ashrae_b0);
    // Incidence-angle losses on the beam only (pv-model.md step 4; as pvlib's ModelChain).
    const double effective = beam * iam + sky + ground;
    const double t_cell =
        faiman_cell_temperature_c(poa, weather.temp_air_c[i], weather.wind_speed_m_s[i],
                                  config.temperature.u0_w_m2k, config.temperature.u1_w_s_m3k);
    const double dc_kw = pvwatts_dc_kw(effective, t_cell, config.kwp, gamma) * keep_after_losses;
    const InverterOutput ac = pvwatts_inverter(dc_kw, pac0_kw, config.inverter_nominal_efficiency,
                                               config.inverter_reference_efficiency);
    const int m = calendar.month[i] - 1;
    r.ac_kwh[i] = ac.ac_kw * kHours;
    r.ac_kwh_month[m] += ac.ac_kw * kHours;
    r.dc_kwh_month[m] += std::max(dc_kw, 0.0) * kHours;
    r.poa_kwh_m2_month[m] += poa * kHours / 1000.0;
    r.clipping_kwh_month[m] += ac.clipped_kw * kHours;
  }
  for (int m = 0; m < 12; ++m) {
    r.ac_kwh_year += r.ac_kwh_month[m];
    r.dc_kwh_year += r.dc_kwh_month[m];
    r.poa_kwh_m2_year += r.poa_kwh_m2_month[m];
    r.clipping_kwh_year += r.clipping_kwh_month[m];
  }
  r.specific_yield_kwh_per_kwp = config.kwp > 0.0 ? r.ac_kwh_year / config.kwp : 0.0;
  return r;
}

ArrayResult sum_results(const std::vector<ArrayResult>& arrays, const std::string& name) {
  ArrayResult total;
  total.name = name;
  for (const ArrayResult& a : arrays) {
    if (total.ac_kwh.size() == 0) total.ac_kwh = Eigen::ArrayXd::Zero(a.ac_kwh.size());
    total.ac_kwh += a.ac_kwh;
    total.kwp += a.kwp;
    total.ac_kwh_year += a.ac_kwh_year;
    total.dc_kwh_year += a.dc_kwh_year;
    total.clipping_kwh_year += a.clipping_kwh_year;
    for (int m = 0; m < 12; ++m) {
      total.ac_kwh_month[m] += a.ac_kwh_month[m];
      total.dc_kwh_month[m] += a.dc_kwh_month[m];
      total.clipping_kwh_month[m] += a.clipping_kwh_month[m];
    }
  }
  // Plane-of-array irradiation of several planes does not add; report the kWp-weighted mean.
  for (const ArrayResult& a : arrays) {
    const double weight = total.kwp > 0.0 ? a.kwp / total.kwp : 0.0;
    total.poa_kwh_m2_year += weight * a.poa_kwh_m2_year;
    for (int m = 0; m < 12; ++m) total.poa_kwh_m2_month[m] += weight * a.poa_kwh_m2_month[m];
  }
  total.specific_yield_kwh_per_kwp = total.kwp > 0.0 ? total.ac_kwh_year / total.kwp : 0.0;
  return total;
}

}  // namespace deelstroom::pv
