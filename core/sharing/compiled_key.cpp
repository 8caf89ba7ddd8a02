#include "core/sharing/compiled_key.hpp"

#include <stdexcept>
#include <string>

namespace deelstroom::sharing::detail {

CompiledKey compile_key(const AllocationKey& key, int apartment_count) {
  if (const std::string problem = validate_key(key, apartment_count); !problem.empty()) {
    throw std::invalid_argument("invalid allocation key: " + problem);
  }
  CompiledKey compiled;
  for (const GroupKey& group : key.groups) {
    CompiledGroup c;
    c.method = group.method;
    c.rounds = group.method == Method::proportional ? 0 : group.rounds;
    c.relative = group.relative;
    c.fixed_fraction = group.method == Method::fixed ? 1.0 : group.method == Method::hybrid ? group.fixed_fraction : 0.0;
    const bool has_later = group.later_weights.size() == apartment_count;
    const std::size_t padded = static_cast<std::size_t>(padded_apartment_count(apartment_count));
    c.dense_weights.assign(padded, 0.0);
    c.dense_later_weights.assign(padded, 0.0);
    c.dense_member.assign(padded, 0.0);
    for (int i = 0; i < apartment_count; ++i) {
      if (group.member[i] <= 0.0) continue;
      const double w = group.method == Method::proportional ? 0.0 : group.weights[i];
      c.dense_weights[static_cast<std::size_t>(i)] = w;
      c.dense_later_weights[static_cast<std::size_t>(i)] = has_later ? group.later_weights[i] : w;
      c.dense_member[static_cast<std::size_t>(i)] = 1.0;
    }
    compiled.groups.push_back(std::move(c));
  }
  compiled.eligible.assign(static_cast<std::size_t>(padded_apartment_count(apartment_count)), 0.0);
  for (const CompiledGroup& c : compiled.groups) {
    for (std::size_t i = 0; i < compiled.eligible.size(); ++i) {
      const bool receives = c.method == Method::proportional ? c.dense_member[i] > 0.0
                                                             : c.dense_weights[i] > 0.0 || c.dense_later_weights[i] > 0.0 ||
                                                                   (c.fixed_fraction < 1.0 && c.dense_member[i] > 0.0);
      if (receives) compiled.eligible[i] = 1.0;
    }
  }
  return compiled;
}

}  // namespace deelstroom::sharing::detail
