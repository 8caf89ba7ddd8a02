#include "core/simulation/key_resolution.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/sharing/optimise.hpp"
#include "core/sharing/key_catalogue.hpp"
#include "core/sharing/rule_set.hpp"

namespace deelstroom::simulation {

namespace {

using scenario::KeySettings;
using scenario::Scenario;

Eigen::ArrayXd percentages_to_fractions(const std::vector<double>& percentages) {
  Eigen::ArrayXd w(static_cast<Eigen::Index>(percentages.size()));
  for (std::size_t i = 0; i < percentages.size(); ++i) w[static_cast<Eigen::Index>(i)] = percentages[i] / 100.0;
  return w;
}

struct KeyContext {
  const Scenario& scenario;
  const sharing::BuildingSeries& series;
  Eigen::ArrayXd participates;
  std::vector<int> intervals;  ///< the quarter-hours this key holds on (all when empty)

  int n() const { return static_cast<int>(scenario.apartments.size()); }

  /// I(t) at production scale 1: only the optimised keys need it, so it is worked out on
  /// first use (a year-long array per resolution otherwise).
  const Eigen::ArrayXd& shareable_kwh() const {
    if (!shareable_cache) shareable_cache = sharing::shareable_series(series);
    return *shareable_cache;
  }
  mutable std::optional<Eigen::ArrayXd> shareable_cache;

  Eigen::ArrayXd annual_offtake() const {
    if (intervals.empty()) return series.offtake_kwh.rowwise().sum().array();
    Eigen::ArrayXd total = Eigen::ArrayXd::Zero(n());
    for (int t : intervals) total += series.offtake_kwh.col(t).array();
    return total;
  }
};

/// Static percentages of a preset over the eligible apartments (fractions, N entries).
Eigen::ArrayXd preset_weights(const std::string& preset, const std::vector<double>& custom, const Eigen::ArrayXd& eligible,
                              const KeyContext& context) {
  const int n = context.n();
  if (preset == "custom") {
    // Custom percentages are given per listed apartment; expand when given for a group.
    if (static_cast<int>(custom.size()) == n) return percentages_to_fractions(custom) * (eligible > 0.0).cast<double>();
    Eigen::ArrayXd w = Eigen::ArrayXd::Zero(n);
    std::size_t next = 0;
    for (int i = 0; i < n && next < custom.size(); ++i) {
      if (eligible[i] > 0.0) w[i] = custom[next++] / 100.0;
    }
    return w;
  }
  if (preset == "equal") return sharing::equal_weights(eligible);
  Eigen::ArrayXd quantity = Eigen::ArrayXd::Zero(n);
  for (int i = 0; i < n; ++i) {
    const auto& a = context.scenario.apartments[static_cast<std::size_t>(i)];
    if (preset == "shares") quantity[i] = a.shares;
    if (preset == "investment") quantity[i] = a.investment_eur.value_or(0.0);
  }
  if (preset == "consumption") quantity = context.annual_offtake();
  // Without any investment the split would silently fall back to equal shares.
  if (preset == "investment" && !((quantity * (eligible > 0.0).cast<double>()) > 0.0).any()) {
    throw InputError({context.scenario.source_file.string(), 0, 0, "key.preset"},
                     Text{"preset \"investment\" verdeelt volgens investment_eur van de appartementen, maar geen delend appartement "
                          "heeft investment_eur > 0; verwacht investment_eur in [[apartments]] of een andere preset",
                          "preset \"investment\" splits by the apartments' investment_eur, but no sharing apartment has "
                          "investment_eur > 0; expected investment_eur in [[apartments]] or another preset"});
  }
  return sharing::weights_proportional_to(quantity, eligible);
}

sharing::GroupKey make_group(const std::string& type, const std::string& preset, const std::vector<double>& custom,
                             int rounds, double fixed_fraction, const KeySettings* full_key, const Eigen::ArrayXd& member,
                             const KeyContext& context) {
  sharing::GroupKey group;
  group.member = member;
  group.rounds = rounds;
  const int n = context.n();
  if (type == "proportional") {
    group.method = sharing::Method::proportional;
    group.weights = Eigen::ArrayXd::Zero(n);
    return group;
  }
  if (type == "optimised") {
    group.method = sharing::Method::fixed;
    const std::string objective = full_key != nullptr ? full_key->objective : "volume";
    group.weights = objective == "fairness"
                        ? sharing::optimise_fair_weights(context.shareable_kwh(), context.series.offtake_kwh, member, {},
                                                         context.intervals)
                        : sharing::optimise_volume_weights(context.shareable_kwh(), context.series.offtake_kwh, member,
                                                           context.intervals);
    return group;
  }
  group.method = type == "hybrid" ? sharing::Method::hybrid : sharing::Method::fixed;
  group.fixed_fraction = fixed_fraction;
  // The Fluvius methods fix their rounds: fixed and relative one, optimal until a round shares
  // nothing (optimal_rounds(N) is always enough). Cascade and hybrid take the file's rounds.
  if (type == "fixed" || type == "relative") group.rounds = 1;
  if (type == "optimal") group.rounds = sharing::optimal_rounds(n);
  group.relative = type == "relative";
  group.weights = preset_weights(preset, custom, member, context);
  if (full_key != nullptr && !full_key->later_preset.empty()) {
    group.later_weights = preset_weights(full_key->later_preset, full_key->later_percentages, member, context);
  }
  return group;
}

sharing::AllocationKey build_key(const KeySettings& key, const KeyContext& context) {
  sharing::AllocationKey result;
  if (key.type != "priority") {
    result.groups.push_back(make_group(key.type, key.preset, key.percentages, key.rounds, key.fixed_fraction, &key,
                                       context.participates, context));
    return result;
  }
  for (const scenario::KeyGroupSettings& g : key.groups) {
    Eigen::ArrayXd member = Eigen::ArrayXd::Zero(context.n());
    for (const std::string& id : g.apartments) {
      const int i = context.scenario.apartment_index(id);
      if (i >= 0) member[i] = context.participates[i];
    }
    result.groups.push_back(make_group(g.type, g.preset, g.percentages, g.rounds, g.fixed_fraction, nullptr, member, context));
  }
  return result;
}

}  // namespace

std::string describe_key(const KeySettings& key, bool dutch) {
  auto preset_name = [&](const std::string& preset) -> std::string {
    if (preset == "equal") return dutch ? "gelijke delen" : "equal";
    if (preset == "shares") return dutch ? "volgens aandelen" : "by shares";
    if (preset == "consumption") return dutch ? "volgens jaarverbruik" : "by annual consumption";
    if (preset == "investment") return dutch ? "volgens inbreng" : "by investment";
    return dutch ? "eigen percentages" : "custom percentages";
  };
  std::string text = sharing::key_type_name(key.type, dutch);
  const sharing::KeyTypeInfo* info = sharing::key_type_info(key.type);
  if (key.type == "hybrid") {
    text += ": " + std::to_string(static_cast<int>(key.fixed_fraction * 100 + 0.5)) + " % " + preset_name(key.preset) +
            (dutch ? ", rest naar verbruik" : ", rest by offtake");
  } else if (info != nullptr && info->uses_percentages) {
    text += ", " + preset_name(key.preset);
  }
  if (key.type == "cascade") {
    text = (dutch ? "cascade, " : "cascade, ") + preset_name(key.preset) + ", " + std::to_string(key.rounds) +
           (dutch ? " rondes" : " rounds");
  }
  if (key.type == "optimised") {
    text += key.objective == "fairness" ? (dutch ? " (eerlijkst)" : " (fairest)") : (dutch ? " (meeste volume)" : " (most volume)");
  }
  if (key.type == "priority") text += " (" + std::to_string(key.groups.size()) + ")";
  return text;
}

bool key_offered(const KeySettings& key, const sharing::RuleSet& rules) {
  if (!rules.offers(key.type)) return false;
  for (const scenario::PeriodKeySettings& period : key.periods) {
    if (!key_offered(period.key, rules)) return false;
  }
  return true;
}

std::string what_if_mark(const sharing::RuleSet& rules, bool dutch) {
  return (dutch ? "wat-als: niet aangeboden door " : "what-if: not offered by ") + rules.operator_name;
}

ResolvedKey resolve_key(const KeySettings& key, const Scenario& scenario, const sharing::BuildingSeries& series) {
  const int n = static_cast<int>(scenario.apartments.size());
  if (series.apartment_count() != n) throw std::invalid_argument("series and scenario differ in apartments");
  KeyContext context{scenario, series, Eigen::ArrayXd::Zero(n), {}, std::nullopt};
  for (int i = 0; i < n; ++i) context.participates[i] = scenario.apartments[static_cast<std::size_t>(i)].participates ? 1.0 : 0.0;

  ResolvedKey resolved;
  resolved.info.label = describe_key(key, true);
  // Key 0 holds in every month no period claims.
  std::vector<int> main_intervals;
  std::vector<int> month_to_key(13, 0);
  for (std::size_t p = 0; p < key.periods.size(); ++p) {
    for (int m : key.periods[p].months) month_to_key[static_cast<std::size_t>(m)] = static_cast<int>(p) + 1;
  }
  if (!key.periods.empty()) {
    for (int t = 0; t < series.interval_count(); ++t) {
      if (month_to_key[series.month[static_cast<std::size_t>(t)]] == 0) main_intervals.push_back(t);
    }
  }
  context.intervals = main_intervals;
  resolved.schedule.keys.push_back(build_key(key, context));
  resolved.info.period_labels.push_back("");
  for (std::size_t p = 0; p < key.periods.size(); ++p) {
    context.intervals.clear();
    for (int t = 0; t < series.interval_count(); ++t) {
      if (month_to_key[series.month[static_cast<std::size_t>(t)]] == static_cast<int>(p) + 1) context.intervals.push_back(t);
    }
    resolved.schedule.keys.push_back(build_key(key.periods[p].key, context));
    resolved.info.period_labels.push_back(key.periods[p].name);
  }
  if (!key.periods.empty()) {
    resolved.schedule.key_of_interval.resize(static_cast<std::size_t>(series.interval_count()));
    for (int t = 0; t < series.interval_count(); ++t) {
      resolved.schedule.key_of_interval[static_cast<std::size_t>(t)] =
          static_cast<std::uint8_t>(month_to_key[series.month[static_cast<std::size_t>(t)]]);
    }
  }
  for (const sharing::AllocationKey& k : resolved.schedule.keys) {
    const std::string problem = sharing::validate_key(k, n);
    if (!problem.empty()) throw InputError({scenario.source_file.string(), 0, 0, "key"},
                                          fill("ongeldige verdeelsleutel: {}", "invalid key: {}", {problem}));
    resolved.info.round1_weights.push_back(k.groups.front().weights);
  }
  return resolved;
}

std::vector<ComparisonKey> comparison_keys(const Scenario& scenario, bool dutch) {
  const sharing::RuleSet rules = sharing::rule_set_by_name(scenario.rules.set).value_or(*sharing::rule_set_by_name("flanders"));
  auto simple = [](const std::string& type, const std::string& preset) {
    KeySettings k;
    k.type = type;
    k.preset = preset;
    return k;
  };
  // The region's DSO methods (in its order) over the usual presets, then the what-if keys.
  // Without an apartment that injects, the relative key is the fixed key: one preset shows it.
  bool apartment_injects = false;
  for (const scenario::PvArraySettings& array : scenario.pv.arrays) apartment_injects |= array.meter != "common";
  for (const scenario::ApartmentSettings& a : scenario.apartments) apartment_injects |= a.consumption.measured();
  std::vector<KeySettings> candidates;
  for (const std::string& type : rules.offered_key_types) {
    const sharing::KeyTypeInfo* info = sharing::key_type_info(type);
    if (type == "relative" && !apartment_injects) {
      candidates.push_back(simple(type, "shares"));
    } else if (info != nullptr && info->uses_percentages && type != "hybrid") {
      for (const char* preset : {"equal", "shares", "consumption"}) candidates.push_back(simple(type, preset));
    } else {
      KeySettings k = simple(type, "equal");
      if (type == "hybrid") k.fixed_fraction = 0.5;
      candidates.push_back(k);
    }
  }
  const std::vector<KeySettings> what_ifs = [&] {
    std::vector<KeySettings> list;
    KeySettings cascade = simple("cascade", "equal");
    cascade.rounds = 3;
    if (scenario.rules.max_rounds) cascade.rounds = std::min(cascade.rounds, *scenario.rules.max_rounds);
    if (cascade.rounds >= 2) list.push_back(cascade);
    list.push_back(simple("proportional", "equal"));
    KeySettings hybrid = simple("hybrid", "equal");
    hybrid.fixed_fraction = 0.5;
    list.push_back(hybrid);
    list.push_back(simple("optimised", "equal"));
    KeySettings fair = simple("optimised", "equal");
    fair.objective = "fairness";
    list.push_back(fair);
    return list;
  }();
  for (const KeySettings& k : what_ifs) {
    if (!rules.offers(k.type)) candidates.push_back(k);
  }

  std::vector<ComparisonKey> keys;
  auto label_of = [&](const KeySettings& k, bool offered) {
    return describe_key(k, dutch) + (offered ? "" : " (" + what_if_mark(rules, dutch) + ")");
  };
  const bool own_offered = key_offered(scenario.key, rules);
  keys.push_back({(dutch ? "gekozen: " : "scenario: ") + label_of(scenario.key, own_offered), scenario.key, own_offered, true});
  for (const KeySettings& k : candidates) {
    const bool duplicate = scenario.key.periods.empty() && describe_key(k, dutch) == describe_key(scenario.key, dutch);
    if (duplicate) continue;
    const bool offered = key_offered(k, rules);
    keys.push_back({label_of(k, offered), k, offered, false});
  }
  // The scenario's own key stays first; then the offered keys before the what-ifs.
  std::stable_partition(keys.begin() + 1, keys.end(), [](const ComparisonKey& k) { return k.offered; });
  return keys;
}

}  // namespace deelstroom::simulation
