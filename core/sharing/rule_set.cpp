#include "core/sharing/rule_set.hpp"

namespace deelstroom::sharing {

namespace {

std::vector<RuleSet> all_rule_sets() {
  return {
      // Flanders: Energiedecreet art. 7.2.1 (energiedelen in een gebouw); Fluvius computes
      // fixed percentages, proportional keys and combinations over several iterations
      // (OptimCE comparison of the three regions, 2026). Network charges apply in full to
      // shared energy (REScoop transposition tracker, Belgium-Flanders, 2024).
      // The maximum number of rounds is a working default (verify with Fluvius' current
      // sharing-key documentation).
      {"flanders", {"static", "proportional", "hybrid", "priority", "optimised"}, 3, 1.0,
       "Energiedecreet art. 7.2.1; Fluvius energiedelen; REScoop tracker 2024"},
      // Brussels: Sibelga computes static and proportional keys and combinations; local
      // sharing in one building has a reduced distribution tariff (working default 0.5 of the
      // kWh network charges; verify against Brugel's current tariff decision).
      {"brussels", {"static", "proportional", "hybrid", "priority", "optimised"}, 3, 0.5,
       "Sibelga partage d'energie; Brugel tariff methodology (verify)"},
      // Wallonia: ORES/RESA keys of the CWaPE framework; reduced network tariff for local
      // sharing (working default 0.75; verify with CWaPE).
      {"wallonia", {"static", "proportional", "hybrid", "priority", "optimised"}, 3, 0.75,
       "CWaPE partage d'energie (verify)"},
      // France (Enedis autoconsommation collective): static, default dynamic (prorata of
      // consumption), dynamic with custom coefficients; no rounds beyond the one Enedis
      // computes (Enogrid's description of the four keys). Network charges: TURPE applies.
      {"france", {"static", "proportional", "optimised"}, 1, 1.0, "Enedis; Enogrid (four keys)"},
  };
}

}  // namespace

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
