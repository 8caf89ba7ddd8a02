#pragma once
// What the association's battery changes: the same building and key with and without it
// (energy and the association's money), and the battery's own payback from the difference of
// the two cash flows.
#include <optional>

#include "core/economics/evaluate.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::simulation {

struct BatteryEffect {
  double charged_kwh = 0.0, discharged_kwh = 0.0, losses_kwh = 0.0, full_cycles = 0.0;
  double shared_with_kwh = 0.0, shared_without_kwh = 0.0;      ///< shared with the apartments, year 1
  double injected_with_kwh = 0.0, injected_without_kwh = 0.0;  ///< sold to the grid, year 1
  double npv_with_eur = 0.0, npv_without_eur = 0.0;            ///< the association's NPV
  double investment_eur = 0.0;                                 ///< the battery's part, VAT included
  /// Years until the battery's extra cash flows (with minus without) repay it; none within
  /// the horizon when they never do.
  std::optional<double> simple_payback_years;
};

/// The building as it would be without its battery: production back to the PV alone.
PreparedBuilding without_battery(const PreparedBuilding& building);

/// The effect of the scenario's battery under `key`; nullopt when the scenario has none.
/// `with` is the economics already computed with the battery.
std::optional<BatteryEffect> battery_effect(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                            const KeyRun& run, const economics::EconomicsResult& with);

}  // namespace deelstroom::simulation
