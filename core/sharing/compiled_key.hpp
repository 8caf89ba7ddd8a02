#pragma once
// An allocation key prepared for the settlement's inner loops (internal to core/sharing: the
// quarter-hour allocator in settlement.cpp and the four-quarter-hour one in
// lane_allocation.cpp share it).
#include <vector>

#include "core/sharing/allocation_key.hpp"

namespace deelstroom::sharing::detail {

/// A group key prepared for the inner loop: its weights over all N apartments (0 for
/// non-members: a weight of 0 gives min(0, need) = 0, exactly what leaving the apartment out
/// gives, and the straight loops over all N vectorise).
struct CompiledGroup {
  Method method = Method::fixed;
  std::vector<double> dense_weights;        ///< round-1 weight of each apartment
  std::vector<double> dense_later_weights;  ///< weight of each apartment in rounds >= 2
  std::vector<double> dense_member;  ///< 1 for members, 0 otherwise
  int rounds = 1;
  double fixed_fraction = 1.0;
  bool relative = false;
};

/// What is left below this (kWh) is rounding, not energy: a round that places everything
/// leaves sum(k) x rest - rest of the order of 1e-16, and the cascade stops there instead of
/// running empty rounds.
constexpr double kRoundingRestKwh = 1e-12;

struct CompiledKey {
  std::vector<CompiledGroup> groups;
  /// 1 for an apartment the key can give energy to (a positive weight in some round, or a
  /// member of a proportional group), 0 otherwise (e.g. a non-participant): only their unmet
  /// offtake is energy "left unshared while someone could have taken it".
  std::vector<double> eligible;
};

/// Apartments rounded up to a multiple of four: the compiled arrays' length (allocator.hpp).
inline int padded_apartment_count(int apartment_count) { return (apartment_count + 3) / 4 * 4; }

/// The key over `apartment_count` apartments with dense weights (padded with weight 0, not a
/// member, not eligible, to padded_apartment_count); throws std::invalid_argument
/// when validate_key finds a problem.
CompiledKey compile_key(const AllocationKey& key, int apartment_count);

}  // namespace deelstroom::sharing::detail
