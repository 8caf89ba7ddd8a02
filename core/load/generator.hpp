#pragma once
// The seeded stochastic household generator (profiles.md, source 4): a different but
// statistically alike quarter-hour offtake series for each apartment of an archetype.
//
// Model, per local day: each person of the household draws when they get up, leave, come
// back and go to bed from the archetype's routine for that kind of day (working day,
// Wednesday, school holiday, Saturday, Sunday/public holiday). From that follows how many
// people are awake at home in each quarter-hour. The load is then
//   base (always on) + per awake person (activity with noise, lighting when it is dark)
//   + appliance uses started by people at home + short spikes,
// and the household is away (only the base load) during its holidays. Optional heat pump and
// EV come on top. Each part is scaled to its yearly kWh. Same seed -> same bits.
#include <cstdint>
#include <optional>
#include <string>

#include <Eigen/Core>

#include "core/load/heat_pump.hpp"
#include "core/load/profile_context.hpp"

namespace deelstroom::load {

struct EvOption {
  double annual_kwh = 2000.0;        ///< charged at home per year (about 12,000 km at 0.17 kWh/km)
  double charger_kw = 7.4;           ///< home charging power (single-phase 32 A; 3.7 and 11 kW are also common)
  double sessions_per_week = 3.0;
  /// Arrival on days the driver did not commute (on commuting days the car arrives when the
  /// first person of the household comes back).
  TimeSpread home_arrival{17.5, 2.0};
};

struct HouseholdSpec {
  std::string archetype;
  double annual_kwh = 0.0;   ///< household use without heat pump and EV; 0 = the archetype's default
  std::uint64_t seed = 0;
  bool stochastic = true;    ///< false: the archetype's mean shape (expected value, no randomness)
  std::optional<HeatPumpOption> heat_pump;
  std::optional<EvOption> ev;
};

/// The parts of a generated profile, kWh per interval of the grid.
struct HouseholdProfile {
  Eigen::ArrayXd total_kwh;      ///< what the meter sees: household + heat pump + EV
  Eigen::ArrayXd household_kwh;  ///< sums to the household's annual kWh
  Eigen::ArrayXd heat_pump_kwh;  ///< empty without a heat pump
  Eigen::ArrayXd ev_kwh;         ///< empty without an EV
  double total_sum_kwh = 0.0;    ///< total_kwh.sum(), the same bits (summed while it is scaled where it can)
};

/// Caps an EV's charging series at the charger's power: energy above charger_kw x 0.25 h in
/// a quarter-hour waits for the next quarter-hours with room (the year read as a cycle), so
/// the year's kWh are kept whenever they fit (annual kWh <= charger_kw x hours of the year).
void cap_charging(Eigen::ArrayXd& ev_kwh, double charger_kw);

/// Generates one household. `stochastic = false` gives the archetype's expected profile: the
/// same computation with every random draw replaced by its distribution (occupancy
/// probabilities, appliance start densities), so a trainer sees the type's typical day.
HouseholdProfile generate_household_profile(const HouseholdSpec& spec, const PreparedContext& context);

/// The meter's total (kWh per interval) — the scenario's entry point for an archetype.
Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const ProfileContext& context);
Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const PreparedContext& context);
/// The same, with `total_kwh` set to the series' sum() (the same bits, without reading the
/// series once more).
Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const PreparedContext& context, double& total_kwh);

}  // namespace deelstroom::load
