#pragma once
// The optimised static key (energy-sharing.md §2.6): percentages chosen from the building's
// own data, beyond the presets grid operators offer.
#include <vector>

#include <Eigen/Core>

#include "core/sharing/settlement.hpp"

namespace deelstroom::sharing {

/// Shareable volume I(t) = P(t) - min(P(t), Cc(t)) of a building (production scaled).
Eigen::ArrayXd shareable_series(const BuildingSeries& series, double production_scale = 1.0);

/// Volume one round of static percentages shares over the given intervals (all when empty):
/// sum_t sum_i min(k_i I(t), C_i(t)), in kWh.
double static_round_shared_kwh(const Eigen::ArrayXd& weights, const Eigen::ArrayXd& shareable_kwh,
                               const Eigen::MatrixXd& offtake_kwh, const std::vector<int>& intervals = {});

/// Percentages that maximise the volume one round shares (a concave, separable problem
/// solved exactly by greedy marginal allocation over each apartment's breakpoints C_i/I):
/// k >= 0, sum k <= 1, k_i = 0 where `eligible` is 0. Percentage that cannot add volume is
/// spread over the eligible apartments in proportion to their offtake (it changes nothing).
Eigen::ArrayXd optimise_volume_weights(const Eigen::ArrayXd& shareable_kwh, const Eigen::MatrixXd& offtake_kwh,
                                       const Eigen::ArrayXd& eligible, const std::vector<int>& intervals = {});

/// Max-min fair percentages: maximise min_i benefit_per_kwh_i x shared_i(k) over the eligible
/// apartments with offtake (bisection on the attainable level), then place what is left of
/// the 100 % to maximise volume. With benefit_per_kwh_i = 1 / C_i (the default when empty)
/// this maximises the smallest self-sufficiency; with (price gain per kWh) / bill it maximises
/// the smallest relative bill saving.
Eigen::ArrayXd optimise_fair_weights(const Eigen::ArrayXd& shareable_kwh, const Eigen::MatrixXd& offtake_kwh,
                                     const Eigen::ArrayXd& eligible, const Eigen::ArrayXd& benefit_per_kwh = {},
                                     const std::vector<int>& intervals = {});

}  // namespace deelstroom::sharing
