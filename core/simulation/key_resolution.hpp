#pragma once
// From the key as the scenario describes it (type, preset, rounds, groups, periods) to the
// numeric key schedule the sharing step applies: presets become percentages from the
// building's data (shares, yearly consumption, investment), the optimised key is solved
// on the building's own quarter-hours, and each quarter-hour gets the key of its month.
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"
#include "core/sharing/settlement.hpp"

namespace deelstroom::simulation {

/// What the resolved key looks like, for reports ("the optimised key gives A3 14.2 %").
struct ResolvedKeyInfo {
  std::string label;                          ///< e.g. "static, by shares, 2 rounds"
  std::vector<std::string> period_labels;     ///< "" for the main key, then one per period
  std::vector<Eigen::ArrayXd> round1_weights; ///< per key of the schedule, the first group's percentages (fractions)
};

struct ResolvedKey {
  sharing::KeySchedule schedule;
  ResolvedKeyInfo info;
};

/// Resolves a key of the scenario on the building's series. `month` is the local month per
/// interval (1..12), as in the series.
ResolvedKey resolve_key(const scenario::KeySettings& key, const scenario::Scenario& scenario,
                        const sharing::BuildingSeries& series);

/// A short human label of a key in the chosen language ("statisch, volgens aandelen, 2 rondes").
std::string describe_key(const scenario::KeySettings& key, bool dutch);

/// The keys a trainer compares side by side: equal, by shares, by consumption (1 and 3
/// rounds), proportional, hybrid 50/50, optimised for volume and for fairness, and the
/// scenario's own key first. Only keys the scenario's rule set allows are listed.
std::vector<std::pair<std::string, scenario::KeySettings>> comparison_keys(const scenario::Scenario& scenario, bool dutch);

}  // namespace deelstroom::simulation
