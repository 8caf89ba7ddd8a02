#include "core/sharing/settlement.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>

#include "core/sharing/compiled_key.hpp"
#include "core/sharing/allocator.hpp"

namespace deelstroom::sharing {

namespace {

using detail::Allocator;
using detail::CompiledKey;
using detail::compile_key;

double safe_ratio(double numerator, double denominator) { return denominator > 0.0 ? numerator / denominator : 0.0; }

}  // namespace

double FlowTotals::self_consumption_rate() const {
  return safe_ratio(common_self_consumption_kwh + shared_kwh, production_kwh);
}
double FlowTotals::sharing_rate() const { return safe_ratio(shared_kwh, shareable_kwh); }
double FlowTotals::apartments_self_sufficiency() const { return safe_ratio(shared_kwh, apartments_offtake_kwh); }
double FlowTotals::building_self_sufficiency() const {
  return safe_ratio(common_self_consumption_kwh + shared_kwh, common_consumption_kwh + apartments_offtake_kwh);
}

double SettlementResult::apartment_self_sufficiency(int i) const {
  return safe_ratio(apartment_shared_kwh(i), apartment_offtake_kwh(i));
}

/// Lengths and labels (cheap, and what memory safety needs); validate_series adds the value
/// checks.
std::string validate_series_shape(const BuildingSeries& series) {
  const Eigen::Index t = series.production_kwh.size();
  if (series.common_consumption_kwh.size() != t) return "common consumption and production differ in length";
  if (series.offtake_kwh.cols() != t) return "apartment offtake and production differ in length";
  if (static_cast<Eigen::Index>(series.month.size()) != t) return "month labels and production differ in length";
  if (!series.tariff_period.empty() && static_cast<Eigen::Index>(series.tariff_period.size()) != t) {
    return "tariff periods and production differ in length";
  }
  if (series.period_count < 1) return "period_count must be at least 1";
  if (series.has_apartment_injection() &&
      (series.injection_kwh.rows() != series.offtake_kwh.rows() || series.injection_kwh.cols() != t)) {
    return "apartment injection and apartment offtake differ in size";
  }
  // Labels index the result's buckets: checked always (one byte per quarter-hour).
  for (std::uint8_t m : series.month) {
    if (m < 1 || m > 12) return "month labels must lie in 1..12";
  }
  for (std::uint8_t p : series.tariff_period) {
    if (p >= series.period_count) return "tariff period out of range";
  }
  return {};
}

namespace {

/// Every value finite and >= 0, in one vectorised pass: x - x is 0 for a finite x and NaN
/// for an infinite or NaN one, so the sum of them is 0 exactly when all are finite; the
/// minimum says whether any is negative. Both verdicts are independent of the order of the
/// reduction. The same verdict as allFinite() && !(x < 0).any(), in one pass instead of two.
bool finite_non_negative(const double* __restrict values, Eigen::Index count) {
  constexpr int kLanes = 4;  // independent accumulators: no chain of dependent additions
  double smallest[kLanes], not_finite[kLanes];
  for (int lane = 0; lane < kLanes; ++lane) {
    smallest[lane] = std::numeric_limits<double>::infinity();
    not_finite[lane] = 0.0;
  }
  Eigen::Index k = 0;
  for (; k + kLanes <= count; k += kLanes) {
    for (int lane = 0; lane < kLanes; ++lane) {
      const double v = values[k + lane];
      smallest[lane] = v < smallest[lane] ? v : smallest[lane];
      not_finite[lane] += v - v;
    }
  }
  for (; k < count; ++k) {
    smallest[0] = values[k] < smallest[0] ? values[k] : smallest[0];
    not_finite[0] += values[k] - values[k];
  }
  bool fine = true;
  for (int lane = 0; lane < kLanes; ++lane) fine = fine && not_finite[lane] == 0.0 && smallest[lane] >= 0.0;
  return fine;
}

}  // namespace

std::string validate_series(const BuildingSeries& series, const SeriesTotals* totals) {
  if (std::string problem = validate_series_shape(series); !problem.empty()) return problem;
  const bool offtake_fine = totals != nullptr && totals->fits(series)
                                ? totals->offtake_finite_non_negative
                                : finite_non_negative(series.offtake_kwh.data(), series.offtake_kwh.size());
  if (!finite_non_negative(series.production_kwh.data(), series.production_kwh.size())) {
    return "production must be finite and >= 0";
  }
  if (!finite_non_negative(series.common_consumption_kwh.data(), series.common_consumption_kwh.size())) {
    return "common consumption must be finite and >= 0";
  }
  if (!offtake_fine) {
    return "apartment offtake must be finite and >= 0";
  }
  if (series.has_apartment_injection() &&
      !finite_non_negative(series.injection_kwh.data(), series.injection_kwh.size())) {
    return "apartment injection must be finite and >= 0";
  }
  return {};
}

void attribute_to_injectors(double shared_kwh, double common_injection_kwh, const double* apartment_injection_kwh,
                            const double* allocated_kwh, int apartment_count, double& common_shared_kwh,
                            double* apartment_shared_kwh) {
  // Injector j in 0..n-1 is apartment j, injector n the common connection. Each gets
  // lambda x I_j, capped at cap_j; lambda is raised over the uncapped ones until the shared
  // volume is placed (at most n + 1 passes: each pass caps one more injector or ends).
  const int n = apartment_count;
  auto injection = [&](int j) { return j == n ? common_injection_kwh : apartment_injection_kwh[j]; };
  auto cap = [&](int j) {
    return j == n ? common_injection_kwh : std::min(apartment_injection_kwh[j], std::max(shared_kwh - allocated_kwh[j], 0.0));
  };
  auto result = [&](int j) -> double& { return j == n ? common_shared_kwh : apartment_shared_kwh[j]; };
  std::vector<std::uint8_t> capped(static_cast<std::size_t>(n) + 1, 0);
  for (int j = 0; j <= n; ++j) {
    result(j) = 0.0;
    if (!(injection(j) > 0.0)) capped[static_cast<std::size_t>(j)] = 1;
  }
  double remaining = shared_kwh;
  while (remaining > 0.0) {
    double free_injection = 0.0;
    for (int j = 0; j <= n; ++j) {
      if (!capped[static_cast<std::size_t>(j)]) free_injection += injection(j);
    }
    if (!(free_injection > 0.0)) break;
    const double lambda = remaining / free_injection;
    bool newly_capped = false;
    for (int j = 0; j <= n; ++j) {
      if (capped[static_cast<std::size_t>(j)] || lambda * injection(j) < cap(j)) continue;
      result(j) = cap(j);
      remaining -= cap(j);
      capped[static_cast<std::size_t>(j)] = 1;
      newly_capped = true;
    }
    if (newly_capped) continue;
    for (int j = 0; j <= n; ++j) {
      if (!capped[static_cast<std::size_t>(j)]) result(j) = lambda * injection(j);
    }
    remaining = 0.0;
  }
  // A last-bit remainder (rounding) stays with the common connection, which has no cap from
  // receiving.
  if (remaining > 0.0) common_shared_kwh = std::min(common_shared_kwh + remaining, common_injection_kwh);
}

namespace {

QuarterHourAllocation allocate_with(const AllocationKey& key, double common_injection_kwh, const Eigen::ArrayXd& offtake_kwh,
                                    const Eigen::ArrayXd* apartment_injection_kwh) {
  const int n = static_cast<int>(offtake_kwh.size());
  if (!(common_injection_kwh >= 0.0) || (offtake_kwh < 0.0).any() ||
      (apartment_injection_kwh != nullptr && (apartment_injection_kwh->size() != n || (*apartment_injection_kwh < 0.0).any()))) {
    throw std::invalid_argument("shareable volume, injection and offtake must be >= 0 (one injection per apartment)");
  }
  const CompiledKey compiled = compile_key(key, n);
  const int rounds = std::max(1, key.round_count());
  const double* injection = apartment_injection_kwh != nullptr ? apartment_injection_kwh->data() : nullptr;
  const double pool = common_injection_kwh + (injection != nullptr ? apartment_injection_kwh->sum() : 0.0);
  Allocator allocator(n);
  const int padded = allocator.padded_apartment_count();
  QuarterHourAllocation result;
  std::vector<double> allocated(static_cast<std::size_t>(padded), 0.0);
  std::vector<double> by_round(static_cast<std::size_t>(rounds) * padded, 0.0);
  const double total = allocator.run(compiled, pool, offtake_kwh.data(), injection, allocated.data(), by_round.data());
  result.allocated_kwh = Eigen::Map<const Eigen::ArrayXd>(allocated.data(), n);
  result.by_round_kwh = Eigen::Map<const Eigen::ArrayXXd>(by_round.data(), padded, rounds).topRows(n).transpose();
  result.rest_kwh = pool - total;
  result.rounds_used = allocator.rounds_used();
  result.apartment_shared_injection_kwh = Eigen::ArrayXd::Zero(n);
  result.apartment_rest_kwh = Eigen::ArrayXd::Zero(n);
  if (injection != nullptr) {
    attribute_to_injectors(total, common_injection_kwh, injection, result.allocated_kwh.data(), n,
                           result.common_shared_kwh, result.apartment_shared_injection_kwh.data());
    result.apartment_rest_kwh = *apartment_injection_kwh - result.apartment_shared_injection_kwh;
  } else {
    result.common_shared_kwh = total;
  }
  result.common_rest_kwh = common_injection_kwh - result.common_shared_kwh;
  return result;
}

}  // namespace

QuarterHourAllocation allocate_quarter_hour(const AllocationKey& key, double shareable_kwh,
                                            const Eigen::ArrayXd& offtake_kwh) {
  return allocate_with(key, shareable_kwh, offtake_kwh, nullptr);
}

QuarterHourAllocation allocate_quarter_hour(const AllocationKey& key, double common_injection_kwh,
                                            const Eigen::ArrayXd& offtake_kwh,
                                            const Eigen::ArrayXd& apartment_injection_kwh) {
  return allocate_with(key, common_injection_kwh, offtake_kwh, &apartment_injection_kwh);
}

bool SeriesTotals::fits(const BuildingSeries& series) const {
  return apartment_count == series.apartment_count() && interval_count == series.interval_count() &&
         period_count == series.period_count && static_cast<int>(bucket.size()) == interval_count &&
         (apartments_injection_kwh.size() != 0) == series.has_apartment_injection();
}

namespace {

SeriesTotals start_totals(const BuildingSeries& series) {
  if (const std::string problem = validate_series_shape(series); !problem.empty()) {
    throw std::invalid_argument("invalid building series: " + problem);
  }
  const int n = series.apartment_count();
  const int t_count = series.interval_count();
  const int periods = series.period_count;
  SeriesTotals totals;
  totals.apartment_count = n;
  totals.interval_count = t_count;
  totals.period_count = periods;
  totals.bucket.resize(static_cast<std::size_t>(t_count));
  totals.offtake_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  totals.injection_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  totals.offtake_max_by_month = Eigen::ArrayXXd::Zero(n, 12);
  if (series.has_apartment_injection()) totals.apartments_injection_kwh = Eigen::ArrayXd::Zero(t_count);
  return totals;
}

/// Adds quarter-hours [first, last) to the totals: each apartment's sums in time order
/// whatever the blocks, so any split of the year gives the same bits.
void add_totals(const BuildingSeries& series, int first, int last, SeriesTotals& totals) {
  const int n = series.apartment_count();
  const int periods = series.period_count;
  const bool injectors = series.has_apartment_injection();
  for (int t = first; t < last; ++t) {
    const int period = series.tariff_period.empty() ? 0 : series.tariff_period[t];
    const int bucket = (series.month[t] - 1) * periods + period;
    totals.bucket[static_cast<std::size_t>(t)] = static_cast<std::uint8_t>(bucket);
    const double* __restrict offtake = series.offtake_kwh.col(t).data();
    double* __restrict offtake_bucket = &totals.offtake_by_month_period(0, bucket);
    double* __restrict offtake_max = &totals.offtake_max_by_month(0, series.month[t] - 1);
    for (int i = 0; i < n; ++i) {
      offtake_bucket[i] += offtake[i];
      offtake_max[i] = std::max(offtake_max[i], offtake[i]);
    }
    if (injectors) {
      const double* __restrict injection = series.injection_kwh.col(t).data();
      double* __restrict injection_bucket = &totals.injection_by_month_period(0, bucket);
      double apartments_injection = 0.0;
      for (int i = 0; i < n; ++i) {
        injection_bucket[i] += injection[i];
        apartments_injection += injection[i];
      }
      totals.apartments_injection_kwh[t] = apartments_injection;
    }
  }
}

}  // namespace

SeriesTotals series_totals(const BuildingSeries& series) {
  SeriesTotals totals = start_totals(series);
  add_totals(series, 0, series.interval_count(), totals);
  totals.offtake_finite_non_negative = finite_non_negative(series.offtake_kwh.data(), series.offtake_kwh.size());
  return totals;
}

SeriesTotals place_offtake_with_totals(const std::vector<Eigen::ArrayXd>& rows, BuildingSeries& series) {
  const Eigen::Index n = series.offtake_kwh.rows();
  const Eigen::Index t_count = series.offtake_kwh.cols();
  if (static_cast<Eigen::Index>(rows.size()) != n) {
    throw std::invalid_argument("place_offtake_with_totals: one row per apartment expected");
  }
  for (const Eigen::ArrayXd& row : rows) {
    if (row.size() != t_count) throw std::invalid_argument("a connection's series differs in length from the year");
  }
  SeriesTotals totals = start_totals(series);
  // A block of quarter-hours at a time: the rows' values into the block's columns (8 bytes
  // every N x 8 bytes: done in blocks that stay in the cache), then the block's totals while
  // its columns are still there. The bits of the values are OR-ed on the way.
  constexpr Eigen::Index kBlock = 64;
  double* __restrict out = series.offtake_kwh.data();
  std::uint64_t any_bits = 0;
  for (Eigen::Index first = 0; first < t_count; first += kBlock) {
    const Eigen::Index last = std::min(first + kBlock, t_count);
    for (Eigen::Index i = 0; i < n; ++i) {
      const double* __restrict row = rows[static_cast<std::size_t>(i)].data();
      for (Eigen::Index t = first; t < last; ++t) {
        out[t * n + i] = row[t];
        any_bits |= std::bit_cast<std::uint64_t>(row[t]);
      }
    }
    add_totals(series, static_cast<int>(first), static_cast<int>(last), totals);
  }
  // validate_series's verdict on the offtake, exactly: no value has its sign bit set and
  // every sum is finite (a NaN or an infinity would make its bucket's sum NaN or infinite)
  // means every value is finite and >= +0. Otherwise (a -0.0, a negative or non-finite
  // value, or finite values summing past the largest double) the values are read once more.
  const bool no_sign = (any_bits & (std::uint64_t{1} << 63)) == 0;
  totals.offtake_finite_non_negative = (no_sign && totals.offtake_by_month_period.isFinite().all()) ||
                                       finite_non_negative(series.offtake_kwh.data(), series.offtake_kwh.size());
  return totals;
}

namespace {

/// True when some apartment the key can serve still has unmet offtake (need x eligible > 0):
/// a vectorised test first, so that the serial sum of the unmet offtake (its bits fixed by
/// the ascending order) runs only in the quarter-hours where it is not 0.
bool any_unmet(const double* __restrict need, const double* __restrict eligible, int n) {
  // The largest need x eligible (a max: the same whatever the order, and it vectorises).
  double largest = 0.0;
  for (int i = 0; i < n; ++i) {
    const double unmet = need[i] * eligible[i];
    largest = unmet > largest ? unmet : largest;
  }
  return largest > 0.0;
}

}  // namespace

std::vector<int> settlement_register_widths() { return Allocator::supported_register_doubles(); }

SettlementResult settle_year(const BuildingSeries& series, const KeySchedule& schedule,
                             const SettlementOptions& options) {
  const std::string problem = options.series_validated ? validate_series_shape(series) : validate_series(series);
  if (!problem.empty()) throw std::invalid_argument("invalid building series: " + problem);
  if (schedule.keys.empty()) throw std::invalid_argument("the key schedule has no key");
  const int n = series.apartment_count();
  const int t_count = series.interval_count();
  const int periods = series.period_count;
  if (!schedule.key_of_interval.empty() && static_cast<int>(schedule.key_of_interval.size()) != t_count) {
    throw std::invalid_argument("the key schedule and the series differ in length");
  }
  std::vector<CompiledKey> keys;
  int rounds = 1;
  for (const AllocationKey& key : schedule.keys) {
    keys.push_back(compile_key(key, n));
    rounds = std::max(rounds, key.round_count());
  }
  for (std::uint8_t k : schedule.key_of_interval) {
    if (k >= keys.size()) throw std::invalid_argument("key index out of range in the key schedule");
  }
  std::optional<SeriesTotals> own_totals;
  if (options.totals != nullptr && !options.totals->fits(series)) {
    throw std::invalid_argument("settle_year: the given series totals belong to another series");
  }
  if (options.totals == nullptr) own_totals = series_totals(series);
  const SeriesTotals& totals = options.totals != nullptr ? *options.totals : *own_totals;

  SettlementResult result;
  result.apartment_count = n;
  result.round_count = rounds;
  result.period_count = periods;
  result.production_scale = options.production_scale;
  result.offtake_by_month_period = totals.offtake_by_month_period;
  result.shared_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  result.injected_by_month_period = Eigen::ArrayXd::Zero(12 * periods);
  result.common_grid_offtake_by_month_period = Eigen::ArrayXd::Zero(12 * periods);
  const int padded = detail::padded_apartment_count(n);
  // Column m*R + r; rows padded like the allocator's arrays (the padding stays 0).
  Eigen::ArrayXXd round_by_month_apartment = Eigen::ArrayXXd::Zero(padded, 12 * rounds);
  const bool injectors = series.has_apartment_injection();
  result.injection_by_month_period = totals.injection_by_month_period;
  result.injection_shared_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  if (options.keep_series) {
    result.allocated_kwh = Eigen::MatrixXd::Zero(n, t_count);
    result.injected_kwh = Eigen::ArrayXd::Zero(t_count);
    if (injectors) result.injection_shared_kwh = Eigen::MatrixXd::Zero(n, t_count);
  }

  Allocator allocator(n, options.register_doubles);
  std::vector<double> allocated(static_cast<std::size_t>(padded), 0.0);
  std::vector<double> injection_shared(static_cast<std::size_t>(n), 0.0);
  const double scale = options.production_scale;

  // What every quarter-hour with a pool adds to the month and the buckets once its key has
  // given `shared` of it (a_i in allocated_kwh, the uncovered offtake in need_kwh).
  auto book = [&](FlowTotals& month, int t, double pool, double shared, double rest, const double* allocated_kwh,
                  const double* need_kwh, const CompiledKey& key) {
    const int bucket = totals.bucket[static_cast<std::size_t>(t)];
    month.shared_kwh += shared;
    month.injected_kwh += rest;
    result.injected_by_month_period[bucket] += rest;
    double* shared_bucket = &result.shared_by_month_period(0, bucket);
    for (int i = 0; i < n; ++i) shared_bucket[i] += allocated_kwh[i];
    if (!options.energy_only && pool - shared > 1e-12 && any_unmet(need_kwh, key.eligible.data(), n)) {
      double unmet = 0.0;
      for (int i = 0; i < n; ++i) unmet += need_kwh[i] * key.eligible[static_cast<std::size_t>(i)];
      if (unmet > 1e-12) {
        ++result.unshared_with_demand_intervals;
        result.unshared_with_demand_kwh += std::min(pool - shared, unmet);
      }
    }
    if (options.keep_series) {
      for (int i = 0; i < n; ++i) result.allocated_kwh(i, t) = allocated_kwh[i];
      result.injected_kwh[t] = rest;
    }
  };

  // A quarter-hour whose key Allocator::run_pair takes waits for the next one of the same key
  // in its month; both are booked in time order.
  struct Waiting {
    const CompiledKey* key = nullptr;
    int t = 0;
    double pool = 0.0;
    const double* offtake = nullptr;
    double* round_sink = nullptr;
  } waiting;
  std::vector<double> second_allocated(static_cast<std::size_t>(padded), 0.0);
  auto book_capped = [&](FlowTotals& month, int t, double pool, double shared, const double* allocated_kwh,
                         const double* need_kwh, int rounds_used, const CompiledKey& key) {
    result.rounds_used = std::max(result.rounds_used, rounds_used);
    if (shared > pool) shared = pool;  // guards a last-bit rounding excess of sum(k) = 1
    book(month, t, pool, shared, pool - shared, allocated_kwh, need_kwh, key);
  };
  auto settle_waiting = [&](FlowTotals& month) {
    if (waiting.key == nullptr) return;
    const double shared =
        allocator.run(*waiting.key, waiting.pool, waiting.offtake, nullptr, allocated.data(), waiting.round_sink);
    book_capped(month, waiting.t, waiting.pool, shared, allocated.data(), allocator.remaining_need().data(),
                allocator.rounds_used(), *waiting.key);
    waiting.key = nullptr;
  };
  auto settle_pair = [&](FlowTotals& month, int t, double pool, const double* offtake, double* round_sink) {
    const auto [first, second] =
        allocator.run_pair(*waiting.key, {waiting.pool, waiting.offtake, allocated.data(), waiting.round_sink},
                           {pool, offtake, second_allocated.data(), round_sink});
    book_capped(month, waiting.t, waiting.pool, first, allocated.data(), allocator.remaining_need().data(),
                allocator.rounds_used(), *waiting.key);
    book_capped(month, t, pool, second, second_allocated.data(), allocator.second_remaining_need().data(),
                allocator.second_rounds_used(), *waiting.key);
    waiting.key = nullptr;
  };

  // Month by month (the labels run in blocks): the month's flows are summed in a local copy
  // the compiler keeps in registers, in the same order as quarter-hour by quarter-hour.
  for (int run_start = 0; run_start < t_count;) {
    const int month0 = series.month[run_start] - 1;
    int run_end = run_start + 1;
    while (run_end < t_count && series.month[run_end] == series.month[run_start]) ++run_end;
    FlowTotals month = result.months[month0];
    double* round_sink = options.energy_only ? nullptr : &round_by_month_apartment(0, month0 * rounds);
    for (int t = run_start; t < run_end; ++t) {
      const int bucket = totals.bucket[static_cast<std::size_t>(t)];
      const double production = series.production_kwh[t] * scale;
      const double common = series.common_consumption_kwh[t];
      const double self_consumed = std::min(production, common);
      const double shareable = production - self_consumed;
      const double* injection = injectors ? series.injection_kwh.col(t).data() : nullptr;
      double apartments_injection = 0.0;
      if (injectors) {
        apartments_injection = totals.apartments_injection_kwh[t];
        month.apartments_injection_kwh += apartments_injection;
        month.shareable_kwh += apartments_injection;
      }
      const double pool = shareable + apartments_injection;

      month.production_kwh += production;
      month.common_consumption_kwh += common;
      month.common_self_consumption_kwh += self_consumed;
      month.shareable_kwh += shareable;
      month.common_grid_offtake_kwh += common - self_consumed;
      result.common_grid_offtake_by_month_period[bucket] += common - self_consumed;
      // The offtake per bucket is in the totals: a quarter-hour without a shareable volume
      // reads no apartment's series.
      if (!(pool > 0.0)) continue;

      const double* offtake = series.offtake_kwh.col(t).data();
      const CompiledKey& key = keys[schedule.key_of_interval.empty() ? 0 : schedule.key_of_interval[t]];
      if (!injectors && Allocator::pairs(key)) {
        // Two at a time (Allocator::run_pair): this one waits for the next of its key.
        if (waiting.key == &key) {
          settle_pair(month, t, pool, offtake, round_sink);
          continue;
        }
        settle_waiting(month);
        waiting = {&key, t, pool, offtake, round_sink};
        continue;
      }
      settle_waiting(month);  // earlier quarter-hours are booked first
      double shared = allocator.run(key, pool, offtake, injection, allocated.data(), round_sink);
      result.rounds_used = std::max(result.rounds_used, allocator.rounds_used());
      if (shared > pool) shared = pool;  // guards a last-bit rounding excess of sum(k) = 1
      double rest = pool - shared;
      if (injectors) {
        double common_shared = 0.0;
        attribute_to_injectors(shared, shareable, injection, allocated.data(), n, common_shared,
                               injection_shared.data());
        double* shared_injection_bucket = &result.injection_shared_by_month_period(0, bucket);
        double apartments_shared = 0.0;
        for (int i = 0; i < n; ++i) {
          shared_injection_bucket[i] += injection_shared[i];
          apartments_shared += injection_shared[i];
        }
        month.apartments_injected_kwh += apartments_injection - apartments_shared;
        if (options.keep_series) {
          std::copy(injection_shared.begin(), injection_shared.end(),
                    result.injection_shared_kwh.col(t).data());
        }
        rest = shareable - common_shared;  // the common connection's own rest
      }
      book(month, t, pool, shared, rest, allocated.data(), allocator.remaining_need().data(), key);
    }
    settle_waiting(month);
    result.months[month0] = month;
    run_start = run_end;
  }

  // Per-month and yearly aggregates from the buckets.
  result.offtake_by_month = Eigen::ArrayXXd::Zero(n, 12);
  result.shared_by_month = Eigen::ArrayXXd::Zero(n, 12);
  result.shared_by_round = Eigen::ArrayXXd::Zero(rounds, n);
  result.building_round_by_month = Eigen::ArrayXXd::Zero(rounds, 12);
  for (int m = 0; m < 12; ++m) {
    for (int p = 0; p < periods; ++p) {
      result.offtake_by_month.col(m) += result.offtake_by_month_period.col(m * periods + p);
      result.shared_by_month.col(m) += result.shared_by_month_period.col(m * periods + p);
    }
    for (int r = 0; r < rounds; ++r) {
      const Eigen::ArrayXd column = round_by_month_apartment.col(m * rounds + r).head(n);
      result.shared_by_round.row(r) += column.transpose();
      result.building_round_by_month(r, m) = column.sum();
    }
    result.months[m].apartments_offtake_kwh = result.offtake_by_month.col(m).sum();
    const FlowTotals& month = result.months[m];
    FlowTotals& year = result.year;
    year.production_kwh += month.production_kwh;
    year.common_consumption_kwh += month.common_consumption_kwh;
    year.common_self_consumption_kwh += month.common_self_consumption_kwh;
    year.shareable_kwh += month.shareable_kwh;
    year.shared_kwh += month.shared_kwh;
    year.injected_kwh += month.injected_kwh;
    year.apartments_injection_kwh += month.apartments_injection_kwh;
    year.apartments_injected_kwh += month.apartments_injected_kwh;
    year.apartments_offtake_kwh += month.apartments_offtake_kwh;
    year.common_grid_offtake_kwh += month.common_grid_offtake_kwh;
  }
  return result;
}

}  // namespace deelstroom::sharing
