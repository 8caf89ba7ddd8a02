#pragma once
// PVWatts-style models of pv-model.md steps 5–9, as small pure functions: Faiman cell
// temperature, PVWatts DC power, PVWatts system losses, PVWatts inverter, degradation.
// References: Faiman (2008), Prog. Photovolt. 16:307–315; Dobos (2014), "PVWatts Version 5
// Manual", NREL/TP-6A20-62641 (pvlib.temperature.faiman, pvlib.pvsystem.pvwatts_dc,
// pvwatts_losses, pvlib.inverter.pvwatts implement the same equations).
#include <algorithm>

namespace deelstroom::pv {

/// Faiman module temperature (°C): T_air + POA/(u0 + u1·wind), POA in W/m², wind in m/s,
/// u0 in W/m²K (default 25), u1 in W·s/m³K (default 6.84).
inline double faiman_cell_temperature_c(double poa_global_w_m2, double temp_air_c, double wind_speed_m_s,
                                        double u0 = 25.0, double u1 = 6.84) {
  return temp_air_c + poa_global_w_m2 / (u0 + u1 * wind_speed_m_s);
}

/// PVWatts DC power (kW): Pdc0 · Geff/1000 · (1 + γ (Tcell − 25)), γ in 1/°C (−0.004 default).
inline double pvwatts_dc_kw(double effective_irradiance_w_m2, double cell_temperature_c, double pdc0_kw,
                            double gamma_per_c) {
  return pdc0_kw * effective_irradiance_w_m2 / 1000.0 * (1.0 + gamma_per_c * (cell_temperature_c - 25.0));
}

/// PVWatts inverter (Dobos 2014, eq. 9–11) output in kW for a DC input in kW: efficiency
/// η = η_nom/η_ref · (−0.0162 ζ − 0.0059/ζ + 0.9858), ζ = Pdc/Pdc0 with the DC nameplate
/// Pdc0 = Pac0/η_nom, output clipped to [0, Pac0].
struct InverterOutput {
  double ac_kw = 0.0;
  double clipped_kw = 0.0;  ///< what the AC limit cut off
};
inline InverterOutput pvwatts_inverter(double dc_kw, double pac0_kw, double eta_nominal = 0.96,
                                       double eta_reference = 0.9637) {
  InverterOutput out;
  if (dc_kw <= 0.0 || pac0_kw <= 0.0) return out;
  const double pdc0_kw = pac0_kw / eta_nominal;
  const double zeta = dc_kw / pdc0_kw;
  const double eta = eta_nominal / eta_reference * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
  const double ac = std::max(eta * dc_kw, 0.0);
  out.ac_kw = std::min(ac, pac0_kw);
  out.clipped_kw = ac - out.ac_kw;
  return out;
}

/// Production factor of year y (1 = first year) under a yearly degradation rate d:
/// (1 − d)^(y−1) (pv-model.md step 9; d = 0.005 default).
double degradation_factor(int year_index_1_based, double rate_per_year = 0.005);

}  // namespace deelstroom::pv
