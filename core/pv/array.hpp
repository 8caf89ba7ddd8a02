#pragma once
// One PV array and its simulation over a year of quarter-hours (pv-model.md, the model
// chain): transposition, incidence-angle losses on the beam, Faiman temperature, PVWatts DC,
// system losses, inverter with clipping.
#include <Eigen/Core>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/common/text.hpp"
#include "core/pv/pv_models.hpp"
#include "core/solar/irradiance.hpp"
#include "core/solar/solar_position.hpp"
#include "core/solar/weather.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::pv {

/// PVWatts system losses in percent (Dobos 2014, Table 4 defaults), combined
/// multiplicatively: 1 − Π(1 − loss/100) = 14.08 % with the defaults.
struct SystemLosses {
  double soiling_pct = 2.0;
  double shading_pct = 3.0;
  double snow_pct = 0.0;
  double mismatch_pct = 2.0;
  double wiring_pct = 2.0;
  double connections_pct = 0.5;
  double light_induced_degradation_pct = 1.5;
  double nameplate_rating_pct = 1.0;
  double age_pct = 0.0;
  double availability_pct = 3.0;
  /// One figure for all losses (an adviser's "14 %"); overrides the categories when set.
  std::optional<double> total_pct;

  /// The combined loss as a fraction (0.1408 for the defaults).
  double total_fraction() const;
  bool operator==(const SystemLosses&) const = default;  ///< every field (caches compare configs)
};

/// Faiman coefficients.
struct TemperatureModel {
  double u0_w_m2k = 25.0;
  double u1_w_s_m3k = 6.84;
  bool operator==(const TemperatureModel&) const = default;  ///< every field (caches compare configs)
};

struct ArrayConfig {
  std::string name = "PV";
  double kwp = 10.0;            ///< DC nameplate at STC (Pdc0)
  double tilt_deg = 35.0;       ///< 0 = horizontal, 90 = vertical
  double azimuth_deg = 180.0;   ///< clockwise from north: 90 east, 180 south, 270 west
  double inverter_ac_kw = 0.0;  ///< AC limit Pac0; 0 = default kwp / 1.1 (DC/AC ratio 1.1)
  double inverter_nominal_efficiency = 0.96;
  double inverter_reference_efficiency = 0.9637;
  SystemLosses losses;
  double gamma_pct_per_c = -0.4;  ///< DC temperature coefficient (−0.4 %/°C = −0.004 /°C)
  solar::TranspositionModel transposition = solar::TranspositionModel::perez;
  solar::IamModel iam = solar::IamModel::physical;
  double iam_ashrae_b0 = 0.05;
  double albedo = 0.2;
  TemperatureModel temperature;
  bool operator==(const ArrayConfig&) const = default;  ///< every field (caches compare configs)
};

/// DC/AC ratio used when no inverter size is given: 1.1, a common sizing for Belgian roofs
/// (the inverter then clips only on the clearest, coolest hours).
inline constexpr double kDefaultDcAcRatio = 1.1;

/// The AC limit in kW actually used (inverter_ac_kw, or kwp / 1.1 when 0).
double effective_inverter_ac_kw(const ArrayConfig& config);

struct ConfigProblem {
  std::string field;    ///< e.g. "tilt_deg", "losses.shading_pct"
  Text message;         ///< what was expected (the caller adds the array's path)
};

/// Problems of a configuration, each naming its field; empty when valid.
std::vector<ConfigProblem> validate(const ArrayConfig& config);

/// Per-array results over the year. Energies in kWh, irradiation in kWh/m²; months are local
/// months (index 0 = January) from the LocalCalendar.
struct ArrayResult {
  std::string name;
  double kwp = 0.0;
  Eigen::ArrayXd ac_kwh;  ///< per interval on the YearGrid: a measured series can replace it

  double ac_kwh_year = 0.0;
  double dc_kwh_year = 0.0;        ///< DC after system losses (the inverter's input)
  double poa_kwh_m2_year = 0.0;    ///< plane-of-array irradiation (before IAM)
  double clipping_kwh_year = 0.0;  ///< AC energy lost to the inverter limit
  double specific_yield_kwh_per_kwp = 0.0;
  std::array<double, 12> ac_kwh_month{};
  std::array<double, 12> dc_kwh_month{};
  std::array<double, 12> poa_kwh_m2_month{};
  std::array<double, 12> clipping_kwh_month{};
};

/// Runs the model chain for one array on every interval (weather and positions on the same
/// grid as the calendar). Throws std::invalid_argument when the sizes differ.
ArrayResult simulate_array(const ArrayConfig& config, const solar::Weather& weather,
                           const solar::SolarPositions& positions, const time::LocalCalendar& calendar);

/// Sums per interval, year and month from a per-interval AC series (e.g. several arrays).
ArrayResult sum_results(const std::vector<ArrayResult>& arrays, const std::string& name = "totaal");

}  // namespace deelstroom::pv
