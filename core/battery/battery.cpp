#include "core/battery/battery.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace deelstroom::battery {

std::optional<BatteryProblem> validate(const BatterySpec& spec) {
  if (!std::isfinite(spec.capacity_kwh) || spec.capacity_kwh < 0.0 || spec.capacity_kwh > kMaxCapacityKwh) {
    return BatteryProblem{"capacity_kwh", {"verwacht 0 tot 10.000 kWh (0 = geen batterij)", "expected 0 to 10,000 kWh (0 = no battery)"}};
  }
  if (!std::isfinite(spec.power_kw) || spec.power_kw < 0.0 || spec.power_kw > kMaxPowerKw) {
    return BatteryProblem{"power_kw", {"verwacht 0 tot 5.000 kW", "expected 0 to 5,000 kW"}};
  }
  if (spec.capacity_kwh > 0.0 && spec.power_kw <= 0.0) {
    return BatteryProblem{"power_kw", {"een batterij heeft een vermogen boven 0 kW nodig", "a battery needs a power above 0 kW"}};
  }
  if (!std::isfinite(spec.round_trip_efficiency) || spec.round_trip_efficiency < kMinRoundTripEfficiency ||
      spec.round_trip_efficiency > 1.0) {
    return BatteryProblem{"round_trip_efficiency",
                          {"verwacht 0,5 tot 1 (lithium-ion batterijen voor woningen en gebouwen: ongeveer 0,85-0,95)",
                           "expected 0.5 to 1 (lithium-ion home and building batteries: about 0.85-0.95)"}};
  }
  return std::nullopt;
}

BatteryDispatch dispatch_battery(const BatterySpec& spec, const Eigen::ArrayXd& pv_kwh, const Eigen::ArrayXd& common_kwh,
                                 const Eigen::MatrixXd& offtake_kwh, const std::vector<bool>& participates,
                                 double hours_per_interval) {
  if (const auto problem = validate(spec)) throw std::invalid_argument("battery " + problem->field + ": " + problem->message.english);
  const Eigen::Index t_count = pv_kwh.size();
  if (common_kwh.size() != t_count || offtake_kwh.cols() != t_count ||
      participates.size() != static_cast<std::size_t>(offtake_kwh.rows())) {
    throw std::invalid_argument("dispatch_battery: series of different lengths");
  }
  BatteryDispatch d;
  d.charge_kwh = Eigen::ArrayXd::Zero(t_count);
  d.discharge_kwh = Eigen::ArrayXd::Zero(t_count);
  d.stored_kwh = Eigen::ArrayXd::Zero(t_count);
  const double one_way = std::sqrt(spec.round_trip_efficiency);
  const double step_kwh = spec.power_kw * hours_per_interval;
  double stored = 0.0;
  for (Eigen::Index t = 0; t < t_count; ++t) {
    double demand = 0.0;
    for (Eigen::Index i = 0; i < offtake_kwh.rows(); ++i) {
      if (participates[static_cast<std::size_t>(i)]) demand += offtake_kwh(i, t);
    }
    const double surplus = std::max(pv_kwh[t] - common_kwh[t], 0.0);
    const double deficit = std::max(common_kwh[t] - pv_kwh[t], 0.0);
    const double unshareable = std::max(surplus - demand, 0.0);
    const double open = deficit + std::max(demand - surplus, 0.0);
    // At most one of the two is above zero: a surplus beyond the demand leaves nothing open.
    const double charge = std::min({unshareable, step_kwh, (spec.capacity_kwh - stored) / one_way});
    const double discharge = std::min({open, step_kwh, stored * one_way});
    if (charge > 0.0) stored = std::min(spec.capacity_kwh, stored + charge * one_way);
    if (discharge > 0.0) stored = std::max(0.0, stored - discharge / one_way);
    d.charge_kwh[t] = std::max(charge, 0.0);
    d.discharge_kwh[t] = std::max(discharge, 0.0);
    d.stored_kwh[t] = stored;
  }
  d.charged_kwh = d.charge_kwh.sum();
  d.discharged_kwh = d.discharge_kwh.sum();
  d.losses_kwh = d.charged_kwh - d.discharged_kwh - (t_count > 0 ? d.stored_kwh[t_count - 1] : 0.0);
  d.full_cycles = spec.capacity_kwh > 0.0 ? d.discharged_kwh / spec.capacity_kwh : 0.0;
  return d;
}

}  // namespace deelstroom::battery
