#include "core/sharing/optimise.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <stdexcept>

namespace deelstroom::sharing {

namespace {

/// g_i(k) = sum_t min(k I_t, C_t) for one apartment, as sorted breakpoints b = C/I.
struct ShareCurve {
  std::vector<double> breakpoints;  ///< ascending
  std::vector<double> prefix_offtake;  ///< prefix_offtake[j] = sum of C over breakpoints < j
  std::vector<double> suffix_shareable;  ///< suffix_shareable[j] = sum of I over breakpoints >= j

  double total_offtake() const { return prefix_offtake.back(); }

  /// Index of the segment holding k: the number of breakpoints <= k.
  std::size_t segment(double k) const {
    return static_cast<std::size_t>(std::upper_bound(breakpoints.begin(), breakpoints.end(), k) - breakpoints.begin());
  }
  double value(double k) const {
    const std::size_t j = segment(k);
    return prefix_offtake[j] + k * suffix_shareable[j];
  }
  /// Smallest k with value(k) >= v (v <= total_offtake()).
  double inverse(double v) const {
    if (v <= 0.0) return 0.0;
    // value at breakpoint j = prefix_offtake[j] + b_j suffix_shareable[j], nondecreasing in j.
    std::size_t lo = 0, hi = breakpoints.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      const double at = prefix_offtake[mid] + breakpoints[mid] * suffix_shareable[mid];
      if (at >= v) hi = mid; else lo = mid + 1;
    }
    if (lo == breakpoints.size()) return breakpoints.empty() ? 0.0 : breakpoints.back();
    return suffix_shareable[lo] > 0.0 ? std::min((v - prefix_offtake[lo]) / suffix_shareable[lo], breakpoints[lo])
                                      : breakpoints[lo];
  }
};

std::vector<int> all_or(const std::vector<int>& intervals, Eigen::Index count) {
  if (!intervals.empty()) return intervals;
  std::vector<int> all(static_cast<std::size_t>(count));
  std::iota(all.begin(), all.end(), 0);
  return all;
}

ShareCurve make_curve(int apartment, const Eigen::ArrayXd& shareable, const Eigen::MatrixXd& offtake,
                      const std::vector<int>& intervals) {
  std::vector<std::pair<double, std::pair<double, double>>> points;  // (b, (C, I))
  for (int t : intervals) {
    const double i_t = shareable[t];
    const double c_t = offtake(apartment, t);
    if (i_t > 0.0 && c_t > 0.0) points.push_back({c_t / i_t, {c_t, i_t}});
  }
  std::sort(points.begin(), points.end());
  ShareCurve curve;
  const std::size_t m = points.size();
  curve.breakpoints.resize(m);
  curve.prefix_offtake.assign(m + 1, 0.0);
  curve.suffix_shareable.assign(m + 1, 0.0);
  for (std::size_t j = 0; j < m; ++j) {
    curve.breakpoints[j] = points[j].first;
    curve.prefix_offtake[j + 1] = curve.prefix_offtake[j] + points[j].second.first;
  }
  for (std::size_t j = m; j-- > 0;) curve.suffix_shareable[j] = curve.suffix_shareable[j + 1] + points[j].second.second;
  return curve;
}

std::vector<ShareCurve> make_curves(const Eigen::ArrayXd& shareable, const Eigen::MatrixXd& offtake,
                                    const Eigen::ArrayXd& eligible, const std::vector<int>& intervals) {
  if (shareable.size() != offtake.cols()) throw std::invalid_argument("shareable and offtake differ in length");
  if (eligible.size() != offtake.rows()) throw std::invalid_argument("one eligibility flag per apartment expected");
  const std::vector<int> used = all_or(intervals, shareable.size());
  std::vector<ShareCurve> curves(static_cast<std::size_t>(offtake.rows()));
  for (int i = 0; i < offtake.rows(); ++i) {
    ShareCurve& curve = curves[static_cast<std::size_t>(i)];
    if (eligible[i] > 0.0) {
      curve = make_curve(i, shareable, offtake, used);
    } else {
      curve.prefix_offtake.assign(1, 0.0);
      curve.suffix_shareable.assign(1, 0.0);
    }
  }
  return curves;
}

/// Greedy marginal allocation of the remaining budget, starting from `weights`: the exact
/// optimum of a separable concave piecewise-linear maximisation.
void fill_by_marginal_volume(const std::vector<ShareCurve>& curves, Eigen::ArrayXd& weights, double budget) {
  struct Head {
    double marginal;
    int apartment;
    std::size_t segment;
  };
  auto worse = [](const Head& a, const Head& b) {
    if (a.marginal != b.marginal) return a.marginal < b.marginal;
    return a.apartment > b.apartment;  // lower index first on ties, for determinism
  };
  std::priority_queue<Head, std::vector<Head>, decltype(worse)> heads(worse);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const ShareCurve& curve = curves[i];
    const std::size_t j = curve.segment(weights[static_cast<Eigen::Index>(i)]);
    if (j < curve.breakpoints.size()) heads.push({curve.suffix_shareable[j], static_cast<int>(i), j});
  }
  while (budget > 0.0 && !heads.empty()) {
    Head head = heads.top();
    heads.pop();
    if (!(head.marginal > 0.0)) break;
    const ShareCurve& curve = curves[static_cast<std::size_t>(head.apartment)];
    double& k = weights[head.apartment];
    const double room = curve.breakpoints[head.segment] - k;
    const double step = std::min(std::max(room, 0.0), budget);
    k += step;
    budget -= step;
    if (step >= room) {
      k = curve.breakpoints[head.segment];
      const std::size_t next = head.segment + 1;
      if (next < curve.breakpoints.size()) heads.push({curve.suffix_shareable[next], head.apartment, next});
    }
  }
}

/// Spreads what is left of the 100 % in proportion to each eligible apartment's offtake
/// (beyond all breakpoints it changes no allocation; it keeps the key readable).
void spread_leftover(const std::vector<ShareCurve>& curves, const Eigen::ArrayXd& eligible, Eigen::ArrayXd& weights) {
  const double leftover = 1.0 - weights.sum();
  if (leftover <= 1e-12) return;
  Eigen::ArrayXd basis = Eigen::ArrayXd::Zero(weights.size());
  for (Eigen::Index i = 0; i < weights.size(); ++i) {
    if (eligible[i] > 0.0) basis[i] = curves[static_cast<std::size_t>(i)].total_offtake();
  }
  if (basis.sum() <= 0.0) {
    basis = (eligible > 0.0).cast<double>();
    if (basis.sum() <= 0.0) return;
  }
  weights += leftover * basis / basis.sum();
}

}  // namespace

Eigen::ArrayXd shareable_series(const BuildingSeries& series, double production_scale) {
  const Eigen::ArrayXd production = series.production_kwh * production_scale;
  return production - production.min(series.common_consumption_kwh);
}

double static_round_shared_kwh(const Eigen::ArrayXd& weights, const Eigen::ArrayXd& shareable_kwh,
                               const Eigen::MatrixXd& offtake_kwh, const std::vector<int>& intervals) {
  double total = 0.0;
  for (int t : all_or(intervals, shareable_kwh.size())) {
    for (Eigen::Index i = 0; i < offtake_kwh.rows(); ++i) total += std::min(weights[i] * shareable_kwh[t], offtake_kwh(i, t));
  }
  return total;
}

Eigen::ArrayXd optimise_volume_weights(const Eigen::ArrayXd& shareable_kwh, const Eigen::MatrixXd& offtake_kwh,
                                       const Eigen::ArrayXd& eligible, const std::vector<int>& intervals) {
  const std::vector<ShareCurve> curves = make_curves(shareable_kwh, offtake_kwh, eligible, intervals);
  Eigen::ArrayXd weights = Eigen::ArrayXd::Zero(offtake_kwh.rows());
  fill_by_marginal_volume(curves, weights, 1.0);
  spread_leftover(curves, eligible, weights);
  return weights;
}

Eigen::ArrayXd optimise_fair_weights(const Eigen::ArrayXd& shareable_kwh, const Eigen::MatrixXd& offtake_kwh,
                                     const Eigen::ArrayXd& eligible, const Eigen::ArrayXd& benefit_per_kwh,
                                     const std::vector<int>& intervals) {
  const std::vector<ShareCurve> curves = make_curves(shareable_kwh, offtake_kwh, eligible, intervals);
  const Eigen::Index n = offtake_kwh.rows();
  Eigen::ArrayXd benefit = benefit_per_kwh;
  if (benefit.size() == 0) {
    benefit = Eigen::ArrayXd::Zero(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      const double total = offtake_kwh.row(i).sum();
      benefit[i] = total > 0.0 ? 1.0 / total : 0.0;
    }
  }
  if (benefit.size() != n) throw std::invalid_argument("one benefit weight per apartment expected");
  // Apartments that can gain take part in the max-min; the level is bounded by the one
  // whose whole attainable volume is smallest.
  std::vector<int> contenders;
  double top_level = std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < n; ++i) {
    const ShareCurve& curve = curves[static_cast<std::size_t>(i)];
    if (eligible[i] > 0.0 && benefit[i] > 0.0 && curve.total_offtake() > 0.0) {
      contenders.push_back(static_cast<int>(i));
      top_level = std::min(top_level, benefit[i] * curve.total_offtake());
    }
  }
  Eigen::ArrayXd weights = Eigen::ArrayXd::Zero(n);
  if (!contenders.empty()) {
    auto weights_for = [&](double level) {
      Eigen::ArrayXd k = Eigen::ArrayXd::Zero(n);
      for (int i : contenders) k[i] = curves[static_cast<std::size_t>(i)].inverse(level / benefit[i]);
      return k;
    };
    double low = 0.0, high = top_level;
    if (weights_for(high).sum() <= 1.0) {
      low = high;
    } else {
      for (int iteration = 0; iteration < 200 && high - low > 1e-15 * top_level; ++iteration) {
        const double mid = 0.5 * (low + high);
        if (weights_for(mid).sum() <= 1.0) low = mid; else high = mid;
      }
    }
    weights = weights_for(low);
    const double used = weights.sum();
    if (used > 1.0) weights /= used;  // only by rounding
  }
  fill_by_marginal_volume(curves, weights, 1.0 - weights.sum());
  spread_leftover(curves, eligible, weights);
  return weights;
}

}  // namespace deelstroom::sharing
