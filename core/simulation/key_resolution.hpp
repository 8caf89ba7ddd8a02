#pragma once
// From the key as the scenario describes it (type, preset, rounds, groups, periods) to the
// numeric key schedule the sharing step applies: presets become percentages from the
// building's data (shares, yearly consumption, investment), the optimised key is solved
// on the building's own quarter-hours, and each quarter-hour gets the key of its month.
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"
#include "core/sharing/rule_set.hpp"
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

/// A short human label of a key in the chosen language ("vaste verdeelsleutel, volgens
/// aandelen"), with the names of sharing::key_types().
std::string describe_key(const scenario::KeySettings& key, bool dutch);

/// Whether the region's DSO computes this key (its type and every period's type).
bool key_offered(const scenario::KeySettings& key, const sharing::RuleSet& rules);
/// The words that mark a key the DSO does not offer ("wat-als: niet aangeboden door Fluvius").
std::string what_if_mark(const sharing::RuleSet& rules, bool dutch);

struct ComparisonKey {
  std::string label;      ///< describe_key, with the what-if mark where the DSO does not offer it
  scenario::KeySettings key;
  bool offered = false;   ///< the region's DSO computes it
  bool scenario_key = false;
};

/// The keys compared side by side: the scenario's own key first, then the methods of the
/// region's DSO (Flanders: vaste, relatieve, optimale verdeelsleutel) with the presets equal,
/// by shares and by consumption, then the what-if keys (cascade of 3 rounds, proportional,
/// hybrid 50/50, optimised for volume and for fairness), each marked as not offered.
std::vector<ComparisonKey> comparison_keys(const scenario::Scenario& scenario, bool dutch);

}  // namespace deelstroom::simulation
