#pragma once
// A battery owned by the association on the common connection (behind its meter, beside the
// PV). Its rule, per quarter-hour, in time order:
//   surplus  = PV - common use (what the common connection would inject), >= 0
//   deficit  = common use - PV (what it would draw), >= 0
//   demand   = offtake of the apartments that take part in sharing
//   charge    from the surplus no key can share: max(0, surplus - demand), up to the power
//             and the room left;
//   discharge to the deficit and to the demand the surplus leaves open:
//             deficit + max(0, demand - surplus), up to the power and the energy stored.
// The round-trip efficiency is split evenly between charging and discharging (sqrt each
// way). The battery starts the year empty. The grid operator sees only the common meter: the
// common connection's net production becomes PV - charge + discharge, and that is what the
// allocation key divides (so a key that cannot place all of it injects the rest).
// The dispatch does not depend on the key: every key is compared on the same battery.
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/common/text.hpp"

namespace deelstroom::battery {

struct BatterySpec {
  double capacity_kwh = 0.0;          ///< usable capacity
  double power_kw = 0.0;              ///< charge and discharge power limit (AC)
  double round_trip_efficiency = 0.9; ///< AC to AC, 0 < eta <= 1
};

/// Plausibility limits of a battery (docs/input-limits.md).
inline constexpr double kMaxCapacityKwh = 10000.0;
inline constexpr double kMaxPowerKw = 5000.0;
inline constexpr double kMinRoundTripEfficiency = 0.5;

/// A battery field out of its limits and what was expected.
struct BatteryProblem {
  std::string field;  ///< "capacity_kwh", "power_kw" or "round_trip_efficiency"
  Text message;
};

/// Empty when plausible, else the first field out of its limits.
std::optional<BatteryProblem> validate(const BatterySpec& spec);

/// The battery's quarter-hours and year totals, kWh.
struct BatteryDispatch {
  Eigen::ArrayXd charge_kwh;     ///< AC energy taken from the PV surplus in each interval
  Eigen::ArrayXd discharge_kwh;  ///< AC energy delivered in each interval
  Eigen::ArrayXd stored_kwh;     ///< energy stored at the end of each interval
  double charged_kwh = 0.0;
  double discharged_kwh = 0.0;
  double losses_kwh = 0.0;       ///< charged - discharged - (stored at the end - at the start)
  double full_cycles = 0.0;      ///< discharged / capacity

  /// The common connection's production with the battery: PV - charge + discharge.
  Eigen::ArrayXd net_production(const Eigen::ArrayXd& pv_kwh) const { return pv_kwh - charge_kwh + discharge_kwh; }
};

/// Dispatches the battery over the year. `offtake_kwh` holds the apartments in rows and the
/// intervals in columns (the building's series); `participates[i]` says whether apartment i
/// takes part in sharing. `hours_per_interval` turns power into energy (0.25 for quarter-hours).
BatteryDispatch dispatch_battery(const BatterySpec& spec, const Eigen::ArrayXd& pv_kwh, const Eigen::ArrayXd& common_kwh,
                                 const Eigen::MatrixXd& offtake_kwh, const std::vector<bool>& participates,
                                 double hours_per_interval);

}  // namespace deelstroom::battery
