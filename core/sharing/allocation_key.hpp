#pragma once
// Allocation keys (energy-sharing.md §2): how the shareable volume I(t) of a quarter-hour is
// divided over the apartments. Pure data; the arithmetic is in allocate.hpp.
#include <string>
#include <vector>

#include <Eigen/Core>

namespace deelstroom::sharing {

/// How one group of apartments is served.
///
/// The three methods Fluvius computes (Flanders) are all `fixed` groups:
/// - vaste verdeelsleutel: fixed, 1 round;
/// - relatieve verdeelsleutel: fixed, 1 round, `relative` (an injector's own share is set to 0
///   in the quarter-hours it injects and the key renormalised over the others);
/// - optimale verdeelsleutel: fixed with rounds = optimal_rounds(N): the key is renormalised
///   over the participants still uncovered and the rest divided again until a round shares
///   nothing (no round cap).
enum class Method {
  fixed,         ///< static percentages k_i: a_i = min(k_i I, C_i), cascaded over rounds
  proportional,  ///< dynamic: a_i = I C_i / sum C_j (or C_i when I covers everyone)
  hybrid,        ///< a fraction f of I by fixed percentages, the rest proportionally
};

/// One priority group and the key it is served with. An ordinary key is a single group.
struct GroupKey {
  /// 1 for apartments in this group (N entries); apartments outside get nothing here.
  Eigen::ArrayXd member;
  Method method = Method::fixed;
  /// Static percentages as fractions, N entries, >= 0, sum <= 1 (fixed and hybrid only).
  Eigen::ArrayXd weights;
  /// Number of rounds of the fixed part (1 = no cascade). In round r >= 2 the rest is
  /// offered again to the apartments still uncovered, with `later_weights` (or `weights`
  /// when empty) renormalised over them.
  int rounds = 1;
  Eigen::ArrayXd later_weights;
  /// Hybrid only: the fraction f of the group's volume divided by the fixed percentages.
  double fixed_fraction = 1.0;
  /// Relative key (Fluvius "relatieve verdeelsleutel"): in a quarter-hour where an apartment
  /// injects, its percentage is set to 0 and the others' percentages are scaled up so that
  /// they keep the key's total. Without apartment injection it is the fixed key.
  bool relative = false;
};

/// Rounds that make a cascade exhaustive over N apartments: every round either places all
/// that is left or covers at least one more apartment, so N rounds are always enough. This is
/// the Fluvius optimal key ("tot een ronde niets meer verdeelt"), without a cap.
inline int optimal_rounds(int apartment_count) { return apartment_count > 1 ? apartment_count : 1; }

/// A key: groups served in priority order (each gets what the previous groups left).
struct AllocationKey {
  std::vector<GroupKey> groups;

  /// Number of reported rounds: the fixed rounds, plus one for a proportional part.
  int round_count() const;
};

/// Convenience constructors for the common single-group keys over N apartments.
AllocationKey fixed_key(const Eigen::ArrayXd& weights, int rounds = 1);
AllocationKey proportional_key(int apartment_count);
AllocationKey hybrid_key(const Eigen::ArrayXd& weights, double fixed_fraction, int rounds = 1);

/// Static-key presets (energy-sharing.md §2.1), each returned as fractions summing to 1 over
/// the apartments whose `eligible` entry is 1 (others get 0).
Eigen::ArrayXd equal_weights(const Eigen::ArrayXd& eligible);
/// Proportional to a positive quantity per apartment (shares in 1/1000ths, annual kWh, or an
/// investment contribution); when every eligible value is 0, falls back to equal weights.
Eigen::ArrayXd weights_proportional_to(const Eigen::ArrayXd& quantity, const Eigen::ArrayXd& eligible);

/// Checks a key against N apartments; returns an empty string when valid, else what is wrong
/// (e.g. "group 1: percentages sum to 1.05, expected at most 1").
std::string validate_key(const AllocationKey& key, int apartment_count);

}  // namespace deelstroom::sharing
