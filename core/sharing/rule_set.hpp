#pragma once
// Regional rule sets for sharing (energy-sharing.md §4). Each names what a grid operator
// accepts; the simulator refuses a key a region does not offer, so a Flemish adviser cannot
// present a result the DSO would not compute.
#include <optional>
#include <string>
#include <vector>

namespace deelstroom::sharing {

struct RuleSet {
  std::string name;                        ///< flanders | brussels | wallonia | france
  std::vector<std::string> allowed_key_types;
  int max_rounds = 1;
  /// Fraction of the distribution-network kWh charges that shared kWh still pay
  /// (1 = full charges, as in Flanders).
  double network_charges_on_shared = 1.0;
  std::string source;                      ///< where the facts come from
};

/// The rule set by name; nullopt when unknown.
std::optional<RuleSet> rule_set_by_name(const std::string& name);
std::vector<std::string> rule_set_names();

}  // namespace deelstroom::sharing
