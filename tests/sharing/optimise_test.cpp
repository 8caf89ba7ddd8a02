// The optimised static key against hand-solved cases (energy-sharing.md §2.6).
#include <catch2/catch.hpp>

#include "core/sharing/optimise.hpp"

using namespace deelstroom::sharing;

namespace {
// Three quarter-hours with I = 1 each; C1 = 0.6 always, C2 = (0.3, 0.3, 0.9).
// g1(k) = 3k up to k = 0.6; g2(k) = 3k up to 0.3, then 0.9 + (k - 0.3) up to 0.9.
struct Case {
  Eigen::ArrayXd shareable = Eigen::ArrayXd::Ones(3);
  Eigen::MatrixXd offtake{{0.6, 0.6, 0.6}, {0.3, 0.3, 0.9}};
  Eigen::ArrayXd eligible = Eigen::ArrayXd::Ones(2);
};
}  // namespace

TEST_CASE("Volume-optimal static key equals the hand solution", "[sharing][optimise]") {
  // Greedy on marginals: apt 1 to 0.6 (marginal 3), apt 2 to 0.3 (marginal 3), the last 0.1 to
  // apt 2 (marginal 1) -> k = (0.6, 0.4); shared 1.8 + 1.0 = 2.8 = sum_t min(I, C1 + C2).
  const Case c;
  const Eigen::ArrayXd k = optimise_volume_weights(c.shareable, c.offtake, c.eligible);
  CHECK(k[0] == Approx(0.6));
  CHECK(k[1] == Approx(0.4));
  CHECK(static_round_shared_kwh(k, c.shareable, c.offtake) == Approx(2.8));
  // Equal percentages share 1.5 + 1.1 = 2.6.
  CHECK(static_round_shared_kwh(Eigen::ArrayXd::Constant(2, 0.5), c.shareable, c.offtake) == Approx(2.6));
}

TEST_CASE("Max-min fair static key equalises self-sufficiency", "[sharing][optimise]") {
  // Solve (3 k1)/1.8 = (0.6 + k2)/1.5 with k1 + k2 = 1: k2 = 3.42/6.3 = 0.542857..., k1 = 0.457142...
  const Case c;
  const Eigen::ArrayXd k = optimise_fair_weights(c.shareable, c.offtake, c.eligible);
  CHECK(k[0] == Approx(1.0 - 3.42 / 6.3).epsilon(1e-9));
  CHECK(k[1] == Approx(3.42 / 6.3).epsilon(1e-9));
  CHECK(k.sum() == Approx(1.0));
}

TEST_CASE("Optimised key gives nothing to ineligible apartments and uses the whole volume when it can",
          "[sharing][optimise]") {
  // I = (2, 2), C1 = (2, 2), C2 = (0.5, 0): the whole 100 % to apt 1 shares 4 (everything),
  // where equal percentages share only 2.5.
  const Eigen::ArrayXd shareable = Eigen::ArrayXd::Constant(2, 2.0);
  const Eigen::MatrixXd offtake{{2.0, 2.0}, {0.5, 0.0}};
  const Eigen::ArrayXd k = optimise_volume_weights(shareable, offtake, Eigen::ArrayXd::Ones(2));
  CHECK(static_round_shared_kwh(k, shareable, offtake) == Approx(4.0));
  CHECK(k[0] == Approx(1.0));
  Eigen::ArrayXd only_second(2);
  only_second << 0.0, 1.0;
  const Eigen::ArrayXd k2 = optimise_volume_weights(shareable, offtake, only_second);
  CHECK(k2[0] == 0.0);
  CHECK(k2[1] == Approx(1.0));  // 0.25 suffices; the rest is spread over the only eligible one
  CHECK(static_round_shared_kwh(k2, shareable, offtake) == Approx(0.5));
}

TEST_CASE("Optimised key over a subset of quarter-hours (a period)", "[sharing][optimise]") {
  const Case c;
  // Only quarter-hour 2 (I = 1, C = (0.6, 0.9)): any k with k1 <= 0.6... the greedy fills apt 1
  // to 0.6 and apt 2 to 0.4 (both marginal 1) -> shared min(0.6,0.6) + min(0.4,0.9) = 1.0.
  const Eigen::ArrayXd k = optimise_volume_weights(c.shareable, c.offtake, c.eligible, {2});
  CHECK(static_round_shared_kwh(k, c.shareable, c.offtake, {2}) == Approx(1.0));
}
