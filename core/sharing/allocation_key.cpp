#include "core/sharing/allocation_key.hpp"

#include <cmath>
#include <sstream>

namespace deelstroom::sharing {

int AllocationKey::round_count() const {
  int count = 0;
  for (const GroupKey& group : groups) {
    const int group_rounds = group.method == Method::proportional ? 1
                             : group.method == Method::hybrid     ? group.rounds + 1
                                                                  : group.rounds;
    count = std::max(count, group_rounds);
  }
  return count;
}

AllocationKey fixed_key(const Eigen::ArrayXd& weights, int rounds) {
  GroupKey group;
  group.member = Eigen::ArrayXd::Ones(weights.size());
  group.method = Method::fixed;
  group.weights = weights;
  group.rounds = rounds;
  return AllocationKey{{group}};
}

AllocationKey proportional_key(int apartment_count) {
  GroupKey group;
  group.member = Eigen::ArrayXd::Ones(apartment_count);
  group.method = Method::proportional;
  group.weights = Eigen::ArrayXd::Zero(apartment_count);
  return AllocationKey{{group}};
}

AllocationKey hybrid_key(const Eigen::ArrayXd& weights, double fixed_fraction, int rounds) {
  AllocationKey key = fixed_key(weights, rounds);
  key.groups[0].method = Method::hybrid;
  key.groups[0].fixed_fraction = fixed_fraction;
  return key;
}

Eigen::ArrayXd equal_weights(const Eigen::ArrayXd& eligible) {
  const double count = (eligible > 0.0).count();
  if (count == 0) return Eigen::ArrayXd::Zero(eligible.size());
  return (eligible > 0.0).cast<double>() / count;
}

Eigen::ArrayXd weights_proportional_to(const Eigen::ArrayXd& quantity, const Eigen::ArrayXd& eligible) {
  const Eigen::ArrayXd masked = (eligible > 0.0).select(quantity.max(0.0), 0.0);
  const double total = masked.sum();
  if (total <= 0.0) return equal_weights(eligible);
  return masked / total;
}

std::string validate_key(const AllocationKey& key, int apartment_count) {
  std::ostringstream problem;
  if (key.groups.empty()) return "the key has no group";
  Eigen::ArrayXd membership = Eigen::ArrayXd::Zero(apartment_count);
  for (std::size_t g = 0; g < key.groups.size(); ++g) {
    const GroupKey& group = key.groups[g];
    const std::string where = key.groups.size() > 1 ? "group " + std::to_string(g + 1) + ": " : "";
    if (group.member.size() != apartment_count) {
      return where + "membership has " + std::to_string(group.member.size()) + " entries, expected " +
             std::to_string(apartment_count);
    }
    membership += group.member;
    if (group.method != Method::proportional) {
      if (group.weights.size() != apartment_count) {
        return where + "percentages have " + std::to_string(group.weights.size()) + " entries, expected " +
               std::to_string(apartment_count);
      }
      if ((group.weights < 0.0).any() || !group.weights.allFinite()) {
        return where + "percentages must be finite and >= 0";
      }
      const double sum = group.weights.sum();
      if (sum > 1.0 + 1e-9) {
        problem << where << "percentages sum to " << sum * 100.0 << " %, expected at most 100 %";
        return problem.str();
      }
      if (group.later_weights.size() != 0 &&
          (group.later_weights.size() != apartment_count || (group.later_weights < 0.0).any())) {
        return where + "later-round percentages must have one value >= 0 per apartment";
      }
      if (group.rounds < 1) return where + "rounds must be at least 1";
    }
    if (group.method == Method::hybrid && !(group.fixed_fraction >= 0.0 && group.fixed_fraction <= 1.0)) {
      return where + "the fixed fraction of a hybrid key must lie between 0 and 1";
    }
  }
  if ((membership > 1.0).any()) return "an apartment belongs to more than one priority group";
  return {};
}

}  // namespace deelstroom::sharing
