#include "core/sharing/reference_settlement.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace deelstroom::sharing {

namespace {

/// What one quarter-hour's allocation leaves behind, for the result's buckets.
struct PlainQuarterHour {
  std::vector<double> need;       ///< offtake not yet covered
  std::vector<double> allocated;  ///< a_i
  std::vector<double> by_round;   ///< rounds x N, round-major
  double shared = 0.0;
  int rounds_used = 0;
};

double member_weight(const GroupKey& group, const Eigen::ArrayXd& weights, int i) {
  if (group.member[i] <= 0.0 || group.method == Method::proportional) return 0.0;
  return weights[i];
}

double later_weight(const GroupKey& group, int i) {
  const bool has_later = group.later_weights.size() == group.member.size();
  return member_weight(group, has_later ? group.later_weights : group.weights, i);
}

/// One round of a static key: each apartment gets min(w_i x scale, its need).
double plain_round(const GroupKey& group, bool later, double scale, int round, PlainQuarterHour& q) {
  const int n = static_cast<int>(q.need.size());
  double given = 0.0;
  for (int i = 0; i < n; ++i) {
    const double weight = later ? later_weight(group, i) : member_weight(group, group.weights, i);
    const double amount = std::min(weight * scale, q.need[i]);
    q.need[i] -= amount;
    q.allocated[i] += amount;
    q.by_round[static_cast<std::size_t>(round) * n + i] += amount;
    given += amount;
  }
  return given;
}

/// Static percentages with cascade rounds: the rest offered again to those still short.
double plain_fixed(const GroupKey& group, double budget, PlainQuarterHour& q) {
  const int n = static_cast<int>(q.need.size());
  double given = plain_round(group, false, budget, 0, q);
  if (given > 0.0) q.rounds_used = std::max(q.rounds_used, 1);
  for (int round = 1; round < group.rounds; ++round) {
    const double rest = budget - given;
    if (!(rest > 1e-12)) break;
    double uncovered = 0.0;
    for (int i = 0; i < n; ++i) {
      if (q.need[i] > 0.0) uncovered += later_weight(group, i);
    }
    if (!(uncovered > 0.0)) break;
    const double round_given = plain_round(group, true, rest / uncovered, round, q);
    if (!(round_given > 0.0)) break;
    given += round_given;
    q.rounds_used = std::max(q.rounds_used, round + 1);
  }
  return given;
}

/// Proportional to the remaining offtake of the group's members.
double plain_proportional(const GroupKey& group, double budget, int round, PlainQuarterHour& q) {
  if (!(budget > 0.0)) return 0.0;
  const int n = static_cast<int>(q.need.size());
  double demand = 0.0;
  for (int i = 0; i < n; ++i) {
    if (group.member[i] > 0.0) demand += q.need[i];
  }
  if (!(demand > 0.0)) return 0.0;
  const double fraction = budget >= demand ? 1.0 : budget / demand;
  double given = 0.0;
  for (int i = 0; i < n; ++i) {
    if (group.member[i] <= 0.0) continue;
    const double amount = std::min(q.need[i] * fraction, q.need[i]);
    q.need[i] -= amount;
    q.allocated[i] += amount;
    q.by_round[static_cast<std::size_t>(round) * n + i] += amount;
    given += amount;
  }
  if (given > 0.0) q.rounds_used = std::max(q.rounds_used, round + 1);
  return given;
}

/// The groups in priority order, each on what the previous ones left.
void plain_allocate(const AllocationKey& key, double pool, const double* offtake, PlainQuarterHour& q) {
  const int n = static_cast<int>(q.need.size());
  for (int i = 0; i < n; ++i) {
    q.need[i] = offtake[i];
    q.allocated[i] = 0.0;
  }
  std::fill(q.by_round.begin(), q.by_round.end(), 0.0);
  q.rounds_used = 0;
  q.shared = 0.0;
  for (const GroupKey& group : key.groups) {
    const double available = pool - q.shared;
    if (!(available > 0.0)) break;
    double given = 0.0;
    if (group.method != Method::proportional) {
      const double fraction = group.method == Method::hybrid ? group.fixed_fraction : 1.0;
      given += plain_fixed(group, available * fraction, q);
    }
    if (group.method != Method::fixed) {
      given +=
          plain_proportional(group, available - given, group.method == Method::hybrid ? group.rounds : 0, q);
    }
    q.shared += given;
  }
}

/// Can the key give apartment i anything at all (some weight, or a proportional part)?
bool eligible(const AllocationKey& key, int i) {
  for (const GroupKey& group : key.groups) {
    if (group.member[i] <= 0.0) continue;
    if (group.method != Method::fixed) return true;
    if (member_weight(group, group.weights, i) > 0.0 || later_weight(group, i) > 0.0) return true;
  }
  return false;
}

}  // namespace

SettlementResult reference_settle_year(const BuildingSeries& series, const KeySchedule& schedule,
                                       double production_scale) {
  if (const std::string problem = validate_series(series); !problem.empty()) {
    throw std::invalid_argument("invalid building series: " + problem);
  }
  if (series.has_apartment_injection()) {
    throw std::invalid_argument("reference_settle_year: apartment injection is not covered by the reference");
  }
  const int n = series.apartment_count();
  const int periods = series.period_count;
  int rounds = 1;
  for (const AllocationKey& key : schedule.keys) {
    if (const std::string problem = validate_key(key, n); !problem.empty())
      throw std::invalid_argument(problem);
    rounds = std::max(rounds, key.round_count());
  }
  SettlementResult r;
  r.apartment_count = n;
  r.round_count = rounds;
  r.period_count = periods;
  r.production_scale = production_scale;
  r.offtake_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  r.shared_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  r.injected_by_month_period = Eigen::ArrayXd::Zero(12 * periods);
  r.common_grid_offtake_by_month_period = Eigen::ArrayXd::Zero(12 * periods);
  r.injection_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  r.injection_shared_by_month_period = Eigen::ArrayXXd::Zero(n, 12 * periods);
  r.offtake_by_month = Eigen::ArrayXXd::Zero(n, 12);
  r.shared_by_month = Eigen::ArrayXXd::Zero(n, 12);
  r.shared_by_round = Eigen::ArrayXXd::Zero(rounds, n);
  r.building_round_by_month = Eigen::ArrayXXd::Zero(rounds, 12);

  PlainQuarterHour q{std::vector<double>(n), std::vector<double>(n),
                     std::vector<double>(static_cast<std::size_t>(rounds) * n)};
  for (int t = 0; t < series.interval_count(); ++t) {
    const int m = series.month[t] - 1;
    const int column = m * periods + (series.tariff_period.empty() ? 0 : series.tariff_period[t]);
    const double production = series.production_kwh[t] * production_scale;
    const double common = series.common_consumption_kwh[t];
    const double self_consumed = std::min(production, common);
    const double pool = production - self_consumed;
    FlowTotals& month = r.months[m];
    month.production_kwh += production;
    month.common_consumption_kwh += common;
    month.common_self_consumption_kwh += self_consumed;
    month.shareable_kwh += pool;
    month.common_grid_offtake_kwh += common - self_consumed;
    r.common_grid_offtake_by_month_period[column] += common - self_consumed;
    for (int i = 0; i < n; ++i) r.offtake_by_month_period(i, column) += series.offtake_kwh(i, t);
    if (!(pool > 0.0)) continue;

    const AllocationKey& key =
        schedule.keys[schedule.key_of_interval.empty() ? 0 : schedule.key_of_interval[t]];
    plain_allocate(key, pool, series.offtake_kwh.col(t).data(), q);
    const double shared = std::min(q.shared, pool);
    r.rounds_used = std::max(r.rounds_used, q.rounds_used);
    month.shared_kwh += shared;
    month.injected_kwh += pool - shared;
    r.injected_by_month_period[column] += pool - shared;
    for (int i = 0; i < n; ++i) r.shared_by_month_period(i, column) += q.allocated[i];
    for (int round = 0; round < rounds; ++round) {
      for (int i = 0; i < n; ++i)
        r.shared_by_round(round, i) += q.by_round[static_cast<std::size_t>(round) * n + i];
    }
    double unmet = 0.0;
    for (int i = 0; i < n; ++i) {
      if (eligible(key, i)) unmet += q.need[i];
    }
    if (pool - shared > 1e-12 && unmet > 1e-12) {
      ++r.unshared_with_demand_intervals;
      r.unshared_with_demand_kwh += std::min(pool - shared, unmet);
    }
    for (int round = 0; round < rounds; ++round) {
      for (int i = 0; i < n; ++i)
        r.building_round_by_month(round, m) += q.by_round[static_cast<std::size_t>(round) * n + i];
    }
  }

  for (int m = 0; m < 12; ++m) {
    for (int i = 0; i < n; ++i) {
      for (int p = 0; p < periods; ++p) {
        r.offtake_by_month(i, m) += r.offtake_by_month_period(i, m * periods + p);
        r.shared_by_month(i, m) += r.shared_by_month_period(i, m * periods + p);
      }
      r.months[m].apartments_offtake_kwh += r.offtake_by_month(i, m);
    }
    const FlowTotals& month = r.months[m];
    r.year.production_kwh += month.production_kwh;
    r.year.common_consumption_kwh += month.common_consumption_kwh;
    r.year.common_self_consumption_kwh += month.common_self_consumption_kwh;
    r.year.shareable_kwh += month.shareable_kwh;
    r.year.shared_kwh += month.shared_kwh;
    r.year.injected_kwh += month.injected_kwh;
    r.year.apartments_offtake_kwh += month.apartments_offtake_kwh;
    r.year.common_grid_offtake_kwh += month.common_grid_offtake_kwh;
  }
  return r;
}

}  // namespace deelstroom::sharing
