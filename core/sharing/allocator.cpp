#include "core/sharing/allocator.hpp"

#include <algorithm>
#include <stdexcept>

namespace deelstroom::sharing::detail {

// The kernel is a template on the register width W (doubles); four partial sums are P = 4 / W
// registers. Everything that takes or returns a vector is inlined into one entry function per
// width, compiled for that instruction set: no vector crosses a call. (-Wpsabi warns that such
// a vector would be passed differently under other flags: none is passed.) The library is
// compiled without contraction into fused multiply-adds, so both widths round alike.
#pragma GCC diagnostic ignored "-Wpsabi"
#define DEELSTROOM_KERNEL_INLINE inline __attribute__((always_inline))

struct Allocator::State {
  int n;         ///< apartments
  int padded;    ///< apartments rounded up to a multiple of four
  double* need;  ///< padded
  double* relative_weights;
  double* relative_later;
  const double* injection;  ///< N or null
  double* allocated;        ///< padded
  double* round_sink;       ///< rounds x padded
  int rounds_used;
};

namespace {

/// W doubles in a register (element-wise IEEE arithmetic), aligned like a double so that
/// plain std::vector storage serves.
template <int W>
struct Registers;
template <>
struct Registers<2> {
  typedef double V __attribute__((vector_size(16), aligned(8)));
};
template <>
struct Registers<4> {
  typedef double V __attribute__((vector_size(32), aligned(8)));
};

/// kRounds: the round buckets are kept (round_sink); without, the same allocation with no
/// bucket written (the economics' later years need no rounds).
template <int W, bool kRounds>
struct Kernel {
  static constexpr int kPieces = 4 / W;
  using V = typename Registers<W>::V;
  using State = Allocator::State;

  /// The four partial sums, apartment i in partial i mod 4.
  struct Partials {
    V v[kPieces];
  };

  static DEELSTROOM_KERNEL_INLINE V splat(double x) {
    V v;
    for (int k = 0; k < W; ++k) v[k] = x;
    return v;
  }
  static DEELSTROOM_KERNEL_INLINE V load(const double* at) { return *reinterpret_cast<const V*>(at); }
  static DEELSTROOM_KERNEL_INLINE void store(double* at, V v) { *reinterpret_cast<V*>(at) = v; }
  /// (s0 + s1) + (s2 + s3): apartment_sum's last step.
  static DEELSTROOM_KERNEL_INLINE double total(const Partials& sums) {
    double s[4];
    for (int p = 0; p < kPieces; ++p) {
      for (int k = 0; k < W; ++k) s[p * W + k] = sums.v[p][k];
    }
    return (s[0] + s[1]) + (s[2] + s[3]);
  }

  /// Gives apartments [at, at + W) min(offer, need): taken from their need, added to their
  /// allocation and the round's bucket. Returns the amounts; `need_after` is what is left.
  /// kFirst (a quarter-hour's first round in run_pair): the need is read from `from` (the
  /// offtake itself, or the padded copy start_from() made of its last block) and the
  /// allocation written as 0 + amount: the values start() and a later round would leave,
  /// without copying the offtake and clearing the allocation first.
  template <bool kFirst = false>
  static DEELSTROOM_KERNEL_INLINE V give(State& s, double* sink, int at, V offer, V& need_after,
                                         const double* from = nullptr) {
    const V need = load((kFirst ? from : s.need) + at);
    const V amount = offer < need ? offer : need;
    need_after = need - amount;
    store(s.need + at, need_after);
    store(s.allocated + at, (kFirst ? V{} : load(s.allocated + at)) + amount);
    if constexpr (kRounds) store(sink + at, load(sink + at) + amount);
    return amount;
  }

  /// Round r's buckets (null without kRounds).
  static DEELSTROOM_KERNEL_INLINE double* sink_of(const State& s, int round) {
    if constexpr (kRounds) {
      return s.round_sink + static_cast<std::size_t>(round) * static_cast<std::size_t>(s.padded);
    } else {
      (void)s;
      (void)round;
      return nullptr;
    }
  }

  struct RoundSums {
    double given;      ///< what the round gave
    double uncovered;  ///< later-round weight of the apartments still short after it
  };

  /// One round of a static key: a_i = min(w_i x scale, need_i) for every apartment, added to
  /// the allocation and the round's bucket. The same pass sums the later-round weights of the
  /// apartments still short afterwards, which the next round divides its rest by.
  static DEELSTROOM_KERNEL_INLINE RoundSums give_round(State& s, const double* __restrict weights,
                                                       const double* __restrict later, double scale,
                                                       double* __restrict sink) {
    const V zero{};
    const V one = splat(1.0);
    const V offer_scale = splat(scale);
    Partials given{}, uncovered{};
    for (int b = 0; b < s.padded; b += 4) {
      for (int p = 0; p < kPieces; ++p) {
        const int at = b + p * W;
        V need_after;
        given.v[p] += give(s, sink, at, load(weights + at) * offer_scale, need_after);
        const V still_short = need_after > zero ? one : zero;
        uncovered.v[p] += load(later + at) * still_short;
      }
    }
    return {total(given), total(uncovered)};
  }

  /// give_round for two quarter-hours in one pass: their states apart, two chains of
  /// additions each (the processor overlaps them). Their sinks may be the same buckets: a's
  /// amount is added before b's, the time order.
  /// kFirst: the quarter-hours' first round, their needs read from their offtake (first_a,
  /// first_b: see give) instead of from need.
  template <bool kFirst = false>
  static DEELSTROOM_KERNEL_INLINE void give_round_pair(State& a, State& b, const double* __restrict weights,
                                                       const double* __restrict later, double scale_a,
                                                       double scale_b, double* sink_a, double* sink_b,
                                                       RoundSums& sums_a, RoundSums& sums_b,
                                                       const double* first_a = nullptr,
                                                       const double* first_b = nullptr) {
    const V zero{};
    const V one = splat(1.0);
    const V offer_a = splat(scale_a);
    const V offer_b = splat(scale_b);
    const int straight = a.n / 4 * 4;  // blocks read from the offtake itself (see start_from)
    Partials given_a{}, uncovered_a{}, given_b{}, uncovered_b{};
    for (int block = 0; block < a.padded; block += 4) {
      for (int p = 0; p < kPieces; ++p) {
        const int at = block + p * W;
        const V weight = load(weights + at);
        const V later_weight = load(later + at);
        V need_a, need_b;
        const bool straight_block = block < straight;
        given_a.v[p] += give<kFirst>(a, sink_a, at, weight * offer_a, need_a, straight_block ? first_a : a.need);
        given_b.v[p] += give<kFirst>(b, sink_b, at, weight * offer_b, need_b, straight_block ? first_b : b.need);
        uncovered_a.v[p] += later_weight * (need_a > zero ? one : zero);
        uncovered_b.v[p] += later_weight * (need_b > zero ? one : zero);
      }
    }
    sums_a = {total(given_a), total(uncovered_a)};
    sums_b = {total(given_b), total(uncovered_b)};
  }

  /// serve_fixed for two quarter-hours (a fixed group, no apartment injection): in lockstep
  /// while both cascade, alone once one has ended.
  static DEELSTROOM_KERNEL_INLINE void serve_fixed_pair(State& a, State& b, const CompiledGroup& group,
                                                        double budget_a, double budget_b, const double* offtake_a,
                                                        const double* offtake_b, double& given_a, double& given_b) {
    const double* weights = group.dense_weights.data();
    const double* later = group.dense_later_weights.data();
    RoundSums sums_a, sums_b;
    give_round_pair<true>(a, b, weights, later, budget_a, budget_b, sink_of(a, 0), sink_of(b, 0), sums_a, sums_b,
                          offtake_a, offtake_b);
    given_a = sums_a.given;
    given_b = sums_b.given;
    if (given_a > 0.0) a.rounds_used = std::max(a.rounds_used, 1);
    if (given_b > 0.0) b.rounds_used = std::max(b.rounds_used, 1);
    bool active_a = true, active_b = true;
    double rest_a = 0.0, rest_b = 0.0;
    for (int round = 1; round < group.rounds; ++round) {
      if (active_a) {
        rest_a = budget_a - given_a;
        active_a = rest_a > kRoundingRestKwh && sums_a.uncovered > 0.0;
      }
      if (active_b) {
        rest_b = budget_b - given_b;
        active_b = rest_b > kRoundingRestKwh && sums_b.uncovered > 0.0;
      }
      if (!active_a && !active_b) break;
      if (active_a && active_b) {
        give_round_pair(a, b, later, later, rest_a / sums_a.uncovered, rest_b / sums_b.uncovered,
                        sink_of(a, round), sink_of(b, round), sums_a, sums_b);
      } else if (active_a) {
        sums_a = give_round(a, later, later, rest_a / sums_a.uncovered, sink_of(a, round));
      } else {
        sums_b = give_round(b, later, later, rest_b / sums_b.uncovered, sink_of(b, round));
      }
      if (active_a) {
        active_a = sums_a.given > 0.0;  // a round that shares nothing ends the cascade
        if (active_a) {
          given_a += sums_a.given;
          a.rounds_used = std::max(a.rounds_used, round + 1);
        }
      }
      if (active_b) {
        active_b = sums_b.given > 0.0;
        if (active_b) {
          given_b += sums_b.given;
          b.rounds_used = std::max(b.rounds_used, round + 1);
        }
      }
    }
  }

  static DEELSTROOM_KERNEL_INLINE void start(State& s, const double* offtake) {
    for (int i = 0; i < s.n; ++i) s.need[i] = offtake[i];
    for (int i = s.n; i < s.padded; ++i) s.need[i] = 0.0;
    std::fill(s.allocated, s.allocated + s.padded, 0.0);
  }

  /// What a first round of give<true> needs of start(): the offtake's last block, when it
  /// is not a whole one, copied into need with its padding (the whole blocks are read from
  /// the offtake itself).
  static DEELSTROOM_KERNEL_INLINE void start_from(State& s, const double* offtake) {
    for (int i = s.n / 4 * 4; i < s.padded; ++i) s.need[i] = i < s.n ? offtake[i] : 0.0;
  }

  /// run for two quarter-hours under a key of one fixed group without apartment injection
  /// (Allocator::pairs): available = pool - 0, given = 0 + fixed, total = 0 + given.
  static DEELSTROOM_KERNEL_INLINE void run_pair(State& a, State& b, const CompiledKey& key, double shareable_a,
                                                const double* offtake_a, double shareable_b,
                                                const double* offtake_b, double& total_a, double& total_b) {
    start_from(a, offtake_a);
    start_from(b, offtake_b);
    const CompiledGroup& group = key.groups[0];
    double fixed_a = 0.0, fixed_b = 0.0;
    serve_fixed_pair(a, b, group, shareable_a * group.fixed_fraction, shareable_b * group.fixed_fraction, offtake_a,
                     offtake_b, fixed_a, fixed_b);
    double given_a = 0.0, given_b = 0.0;
    given_a += fixed_a;
    given_b += fixed_b;
    total_a = 0.0 + given_a;
    total_b = 0.0 + given_b;
  }

  /// Static percentages with cascade rounds (energy-sharing.md §2.1 and §2.3).
  static DEELSTROOM_KERNEL_INLINE double serve_fixed(State& s, const CompiledGroup& group, double budget) {
    const double* weights = group.dense_weights.data();
    const double* later = group.dense_later_weights.data();
    if (group.relative && s.injection != nullptr) {
      weights = relative_weights(s, group.dense_weights, s.relative_weights);
      later = relative_weights(s, group.dense_later_weights, s.relative_later);
    }
    RoundSums sums = give_round(s, weights, later, budget, sink_of(s, 0));
    double given = sums.given;
    if (given > 0.0) s.rounds_used = std::max(s.rounds_used, 1);
    for (int round = 1; round < group.rounds; ++round) {
      const double rest = budget - given;
      if (!(rest > kRoundingRestKwh)) break;
      if (!(sums.uncovered > 0.0)) break;
      sums = give_round(s, later, later, rest / sums.uncovered, sink_of(s, round));
      if (!(sums.given > 0.0)) break;  // a round that shares nothing ends the cascade
      given += sums.given;
      s.rounds_used = std::max(s.rounds_used, round + 1);
    }
    return given;
  }

  /// The relative key of this quarter-hour: the weights of the apartments injecting now set to
  /// 0, the others scaled so that the key keeps its total (Fluvius, relatieve verdeelsleutel).
  static const double* relative_weights(State& s, const std::vector<double>& weights, double* out) {
    for (int i = 0; i < s.padded; ++i) out[i] = i < s.n && s.injection[i] > 0.0 ? 0.0 : weights[i];
    const double total = apartment_sum(weights.data(), s.padded);
    const double kept = apartment_sum(out, s.padded);
    const double scale = kept > 0.0 ? total / kept : 0.0;
    for (int i = 0; i < s.padded; ++i) out[i] *= scale;
    return out;
  }

  /// Proportional to the (remaining) offtake (energy-sharing.md §2.2), over all apartments
  /// with a 0/1 membership mask.
  static DEELSTROOM_KERNEL_INLINE double serve_proportional(State& s, const CompiledGroup& group, double budget,
                                                            int round) {
    if (!(budget > 0.0)) return 0.0;
    const double* __restrict member = group.dense_member.data();
    double* __restrict need = s.need;
    Partials demand{};
    for (int b = 0; b < s.padded; b += 4) {
      for (int p = 0; p < kPieces; ++p) demand.v[p] += load(member + b + p * W) * load(need + b + p * W);
    }
    const double demand_kwh = total(demand);
    if (!(demand_kwh > 0.0)) return 0.0;
    // Everyone's remaining need when the budget covers it, else the same fraction of each.
    const V fraction = splat(budget >= demand_kwh ? 1.0 : budget / demand_kwh);
    double* sink = sink_of(s, round);
    Partials given{};
    for (int b = 0; b < s.padded; b += 4) {
      for (int p = 0; p < kPieces; ++p) {
        const int at = b + p * W;
        V need_after;
        given.v[p] += give(s, sink, at, load(member + at) * load(need + at) * fraction, need_after);
      }
    }
    const double given_kwh = total(given);
    if (given_kwh > 0.0) s.rounds_used = std::max(s.rounds_used, round + 1);
    return given_kwh;
  }

  static DEELSTROOM_KERNEL_INLINE double serve_group(State& s, const CompiledGroup& group, double available) {
    double given = 0.0;
    if (group.method != Method::proportional) given += serve_fixed(s, group, available * group.fixed_fraction);
    if (group.method != Method::fixed) {
      const int round = group.method == Method::hybrid ? group.rounds : 0;
      given += serve_proportional(s, group, available - given, round);
    }
    return given;
  }

  static DEELSTROOM_KERNEL_INLINE double run(State& s, const CompiledKey& key, double shareable,
                                             const double* offtake) {
    start(s, offtake);
    if (s.injection != nullptr) {
      for (int i = 0; i < s.n; ++i) s.need[i] = std::min(s.need[i], std::max(shareable - s.injection[i], 0.0));
    }
    double total = 0.0;
    for (const CompiledGroup& group : key.groups) {
      const double available = shareable - total;
      if (!(available > 0.0)) break;
      total += serve_group(s, group, available);
    }
    return total;
  }
};

// Each entry function holds both kernels (with and without round buckets) of its width.
double run_sse2(Allocator::State& s, const CompiledKey& key, double shareable, const double* offtake) {
  // Two doubles: SSE2 on x86-64, NEON elsewhere.
  return s.round_sink != nullptr ? Kernel<2, true>::run(s, key, shareable, offtake)
                                 : Kernel<2, false>::run(s, key, shareable, offtake);
}

void run_pair_sse2(Allocator::State& a, Allocator::State& b, const CompiledKey& key, double shareable_a,
                   const double* offtake_a, double shareable_b, const double* offtake_b, double& total_a,
                   double& total_b) {
  if (a.round_sink != nullptr) {
    Kernel<2, true>::run_pair(a, b, key, shareable_a, offtake_a, shareable_b, offtake_b, total_a, total_b);
  } else {
    Kernel<2, false>::run_pair(a, b, key, shareable_a, offtake_a, shareable_b, offtake_b, total_a, total_b);
  }
}

#if defined(__x86_64__) || defined(__i386__)
#define DEELSTROOM_AVX2 __attribute__((target("avx2")))
constexpr int kWideDoubles = 4;
bool runs(int register_doubles) {
  return register_doubles == 2 || (register_doubles == 4 && __builtin_cpu_supports("avx2"));
}
#else
#define DEELSTROOM_AVX2
constexpr int kWideDoubles = 2;
bool runs(int register_doubles) { return register_doubles == 2; }
#endif

DEELSTROOM_AVX2 void run_pair_avx2(Allocator::State& a, Allocator::State& b, const CompiledKey& key,
                                   double shareable_a, const double* offtake_a, double shareable_b,
                                   const double* offtake_b, double& total_a, double& total_b) {
  if (a.round_sink != nullptr) {
    Kernel<kWideDoubles, true>::run_pair(a, b, key, shareable_a, offtake_a, shareable_b, offtake_b, total_a, total_b);
  } else {
    Kernel<kWideDoubles, false>::run_pair(a, b, key, shareable_a, offtake_a, shareable_b, offtake_b, total_a,
                                          total_b);
  }
}
DEELSTROOM_AVX2 double run_avx2(Allocator::State& s, const CompiledKey& key, double shareable, const double* offtake) {
  return s.round_sink != nullptr ? Kernel<kWideDoubles, true>::run(s, key, shareable, offtake)
                                 : Kernel<kWideDoubles, false>::run(s, key, shareable, offtake);
}

}  // namespace

std::vector<int> Allocator::supported_register_doubles() {
  std::vector<int> widths;
  for (int w : {2, 4}) {
    if (runs(w)) widths.push_back(w);
  }
  return widths;
}

Allocator::Allocator(int apartment_count, int register_doubles)
    : n_(apartment_count),
      need_(static_cast<std::size_t>(detail::padded_apartment_count(apartment_count)), 0.0),
      relative_weights_(need_.size(), 0.0),
      relative_later_(need_.size(), 0.0),
      second_need_(need_.size(), 0.0) {
  if (register_doubles == 0) register_doubles = supported_register_doubles().back();
  if (!runs(register_doubles)) throw std::invalid_argument("Allocator: this processor cannot run that register width");
  register_doubles_ = register_doubles;
}

double Allocator::run(const CompiledKey& key, double shareable, const double* offtake, const double* injection,
                      double* allocated, double* round_sink) {
  State state{n_,        padded_apartment_count(), need_.data(), relative_weights_.data(), relative_later_.data(),
              injection, allocated,                round_sink,   0};
  const double total = register_doubles_ == 4 ? run_avx2(state, key, shareable, offtake)
                                              : run_sse2(state, key, shareable, offtake);
  rounds_used_ = state.rounds_used;
  return total;
}

bool Allocator::pairs(const CompiledKey& key) {
  return key.groups.size() == 1 && key.groups[0].method == Method::fixed;
}

std::pair<double, double> Allocator::run_pair(const CompiledKey& key, const Quarter& first, const Quarter& second) {
  if ((first.round_sink == nullptr) != (second.round_sink == nullptr)) {
    throw std::invalid_argument("Allocator::run_pair: both quarter-hours keep round buckets, or neither");
  }
  State a{n_, padded_apartment_count(), need_.data(), relative_weights_.data(), relative_later_.data(),
          nullptr, first.allocated, first.round_sink, 0};
  State b{n_, padded_apartment_count(), second_need_.data(), relative_weights_.data(), relative_later_.data(),
          nullptr, second.allocated, second.round_sink, 0};
  double total_a = 0.0, total_b = 0.0;
  if (register_doubles_ == 4) {
    run_pair_avx2(a, b, key, first.shareable, first.offtake, second.shareable, second.offtake, total_a, total_b);
  } else {
    run_pair_sse2(a, b, key, first.shareable, first.offtake, second.shareable, second.offtake, total_a, total_b);
  }
  rounds_used_ = a.rounds_used;
  second_rounds_used_ = b.rounds_used;
  return {total_a, total_b};
}

}  // namespace deelstroom::sharing::detail
