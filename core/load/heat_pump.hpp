#pragma once
// Electricity of an air-to-water heat pump per quarter-hour, driven by the outdoor temperature:
// space heating in proportion to heating degree-hours below a heating limit, divided by a
// COP that falls as it gets colder, plus domestic hot water reheated in a daily window.
#include <Eigen/Core>

#include "core/load/profile_context.hpp"

namespace deelstroom::load {

struct HeatPumpOption {
  double annual_kwh = 2000.0;         ///< electricity per year, space heating + hot water (apartment, SCOP ~3.5)
  double hot_water_share = 0.25;      ///< part of annual_kwh for domestic hot water
  double hot_water_start_h = 13.0;    ///< local hour the tank is reheated (a midday window suits PV)
  double hot_water_duration_h = 2.0;
  double heating_limit_c = 15.0;      ///< no space heating above this (smoothed) outdoor temperature
  double supply_temp_c = 35.0;        ///< flow temperature of the emitters (floor heating ~35 C)
  double night_setback = 0.85;        ///< space-heating factor from 23:00 to 06:00 local
};

/// Coefficient of performance at an outdoor temperature: a fixed share (0.45) of the Carnot
/// COP between the supply temperature and outdoors, with at least 10 K of lift, clamped to
/// [1.5, 6]. A fixed fraction of the Carnot COP is a common simplification; 0.4-0.5 is the
/// usual range for air-to-water units, 0.45 its middle (an assumption: a unit's datasheet
/// gives its own; 0.45 gives COP 4.0 at 0 C outdoors with 35 C supply).
double heat_pump_cop(double outdoor_temp_c, double supply_temp_c);

/// The heat pump's electricity per interval (kWh), summing to option.annual_kwh. Space heating
/// follows max(0, limit - T_smooth) / COP(T), with T_smooth the outdoor temperature through a
/// first-order filter of 12 h time constant (the building's thermal inertia);
/// `heating_limit_offset_c` shifts the limit (apartments differ in insulation and comfort).
Eigen::ArrayXd heat_pump_series(const HeatPumpOption& option, const PreparedContext& context,
                                double heating_limit_offset_c = 0.0);

}  // namespace deelstroom::load
