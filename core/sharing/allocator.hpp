#pragma once
// The allocation arithmetic of one quarter-hour (internal to core/sharing: settle_year and
// allocate_quarter_hour use it).
//
// Every sum over the apartments (what a round gave, the weight of those still short, the
// demand of a proportional group, a relative key's totals) is taken in one fixed order:
// four partial sums over the apartments i = 0, 4, 8, ..., i = 1, 5, 9, ..., and so on, added
// as (s0 + s1) + (s2 + s3) (apartment_sum below). The order is the code's, not the
// compiler's: the same bits with SSE2 (two registers of two doubles) and AVX2 (one of four),
// which the allocator picks as the processor allows, and whatever the number of threads.
// The arrays are padded to a multiple of four apartments with weight 0 and need 0: a padded
// apartment gets min(0, 0) = 0 and adds +0 to every sum, which changes no bit.
#include <cstddef>
#include <utility>
#include <vector>

#include "core/sharing/compiled_key.hpp"

namespace deelstroom::sharing::detail {

/// sum_i values[i] in the allocator's order (see above); the reference settlement and the
/// tests use it to state that order.
inline double apartment_sum(const double* values, int count) {
  double partial[4] = {0.0, 0.0, 0.0, 0.0};
  for (int i = 0; i < count; ++i) partial[i % 4] += values[i];
  return (partial[0] + partial[1]) + (partial[2] + partial[3]);
}

class Allocator {
 public:
  /// `register_doubles`: 2 (SSE2) or 4 (AVX2); 0 = the widest this processor runs. Throws
  /// std::invalid_argument for a width it cannot run.
  explicit Allocator(int apartment_count, int register_doubles = 0);

  /// Register widths (doubles) this processor runs, narrowest first.
  static std::vector<int> supported_register_doubles();

  /// Allocates `shareable` (the pool of all injectors) over the apartments with offtake
  /// `offtake` (N values) into `allocated` (padded_apartment_count() entries, overwritten)
  /// and adds each round's gifts to `round_sink` (rounds x padded_apartment_count(),
  /// round-major, accumulated: the caller's monthly buckets; null: no round buckets, the same
  /// allocation). `injection` (N entries or null)
  /// is what each apartment injects itself: it can receive at most what the others injected.
  /// Returns the total allocated.
  double run(const CompiledKey& key, double shareable, const double* offtake, const double* injection,
             double* allocated, double* round_sink);

  /// A quarter-hour for run_pair: its pool, offtake (N), allocation out (padded) and round
  /// buckets (rounds x padded).
  struct Quarter {
    double shareable;
    const double* offtake;
    double* allocated;
    double* round_sink;
  };
  /// Whether run_pair takes the key: one fixed group (fixed, relative without injection,
  /// optimal, cascade).
  static bool pairs(const CompiledKey& key);
  /// run() on two quarter-hours without apartment injection, in one pass (the processor
  /// overlaps their chains of additions); the same bits as two runs, the first's buckets
  /// added to before the second's. remaining_need() is the first's afterwards,
  /// second_remaining_need() the second's.
  std::pair<double, double> run_pair(const CompiledKey& key, const Quarter& first, const Quarter& second);
  const std::vector<double>& second_remaining_need() const { return second_need_; }
  int second_rounds_used() const { return second_rounds_used_; }

  /// Offtake still uncovered after the last run (padded_apartment_count() entries).
  const std::vector<double>& remaining_need() const { return need_; }
  /// Rounds the last run placed energy in.
  int rounds_used() const { return rounds_used_; }
  int padded_apartment_count() const { return static_cast<int>(need_.size()); }

  /// The state the width-specific kernels work on (allocator.cpp).
  struct State;

 private:
  int n_ = 0;
  int register_doubles_ = 2;
  std::vector<double> need_;
  std::vector<double> relative_weights_;
  std::vector<double> relative_later_;
  std::vector<double> second_need_;
  int rounds_used_ = 0;
  int second_rounds_used_ = 0;
};

}  // namespace deelstroom::sharing::detail
