#pragma once
// The common parts' consumption (profiles.md, source 3: "the common parts of a building"):
// continuous ventilation and standby, hall and stair lighting when it is dark (more when
// residents come and go), lift trips following the residents' movement, and optionally a
// collective heat pump driven by the outdoor temperature.
#include <cstdint>
#include <string>

#include <Eigen/Core>

#include "core/load/profile_context.hpp"

namespace deelstroom::load {

struct CommonPartsSpec {
  std::string archetype = "common_basic";
  double annual_kwh = 0.0;   ///< 0 = the archetype's default
  std::uint64_t seed = 0;
  bool stochastic = true;    ///< false: expected lift trips instead of drawn ones
};

struct CommonPartsProfile {
  Eigen::ArrayXd total_kwh;      ///< kWh per interval, sums to the annual kWh
  Eigen::ArrayXd services_kwh;   ///< ventilation, standby, lighting, lift
  Eigen::ArrayXd heat_pump_kwh;  ///< empty without a collective heat pump
};

/// Energy of one lift trip (kWh): order of magnitude of a small traction lift in a residential
/// building (a few hundred kg, 4-6 floors); used to turn kWh per day into trips.
inline constexpr double kLiftTripKwh = 0.05;

CommonPartsProfile common_parts_components(const CommonPartsSpec& spec, const PreparedContext& context);
Eigen::ArrayXd common_parts_profile(const CommonPartsSpec& spec, const PreparedContext& context);
Eigen::ArrayXd common_parts_profile(const CommonPartsSpec& spec, const ProfileContext& context);

}  // namespace deelstroom::load
