#include "core/sharing/rule_set.hpp"

#include <algorithm>

namespace deelstroom::sharing {

namespace {

std::vector<RuleSet> all_rule_sets() {
  return {
      // Flanders: Energiedecreet art. 7.2.1 (energiedelen in een gebouw). Fluvius computes
      // exactly three methods: vaste, relatieve and optimale verdeelsleutel (Fluvius,
      // "Energie delen: verdeelsleutels", consulted 2026-12; see docs/sharing-rules.md).
      {"flanders", "Fluvius", {"fixed", "relative", "optimal"},
       "Energiedecreet art. 7.2.1; Fluvius, verdeelsleutels voor energiedelen (geraadpleegd 2026-12)"},
      // Brussels: Sibelga's three distribution methods: fixed (one round, or several rounds
      // until nothing is left), proportional to consumption, and hybrid (Sibelga, "Méthodes
      // de répartition", consulted 2026-12).
      {"brussels", "Sibelga", {"fixed", "optimal", "proportional", "hybrid"},
       "Sibelga, Méthodes de répartition (geraadpleegd 2026-12)"},
      // Wallonia: the CWaPE standard keys that ORES and RESA apply: fixed equal, fixed
      // specific percentages, dynamic in proportion to consumption; any other key needs a
      // specific authorisation (ORES, "Le partage d'énergie en pratique", consulted 2026-12).
      {"wallonia", "ORES / RESA", {"fixed", "proportional"},
       "CWaPE standaardsleutels; ORES, Le partage d'énergie en pratique (geraadpleegd 2026-12)"},
      // France (Enedis autoconsommation collective): static and default dynamic (prorata of
      // consumption) (Enogrid's description of the four Enedis keys).
      {"france", "Enedis", {"fixed", "proportional"}, "Enedis; Enogrid (the four keys)"},
  };
}

}  // namespace

bool RuleSet::offers(std::string_view type) const {
  return std::find(offered_key_types.begin(), offered_key_types.end(), type) != offered_key_types.end();
}

std::optional<RuleSet> rule_set_by_name(const std::string& name) {
  for (RuleSet& rules : all_rule_sets()) {
    if (rules.name == name) return rules;
  }
  return std::nullopt;
}

std::vector<std::string> rule_set_names() {
  std::vector<std::string> names;
  for (const RuleSet& rules : all_rule_sets()) names.push_back(rules.name);
  return names;
}

}  // namespace deelstroom::sharing
