#pragma once
// Regional rule sets for sharing (energy-sharing.md §4): which key types the grid operator
// of a region computes and registers. Every other key can still be simulated, as a what-if,
// and is labelled so in every output: an adviser must never recommend a key the association
// cannot register (docs/sharing-rules.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::sharing {

struct RuleSet {
  std::string name;                        ///< flanders | brussels | wallonia | france
  std::string operator_name;               ///< the DSO that computes the keys (Fluvius, Sibelga, ...)
  /// The key types the DSO offers, in the order it presents them (key_catalogue ids).
  std::vector<std::string> offered_key_types;
  std::string source;                      ///< where the facts come from, with the date consulted

  bool offers(std::string_view type) const;
};

/// The rule set by name; nullopt when unknown.
std::optional<RuleSet> rule_set_by_name(const std::string& name);
std::vector<std::string> rule_set_names();

}  // namespace deelstroom::sharing
