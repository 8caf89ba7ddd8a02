// The three methods Fluvius computes and several injectors, against hand-computed
// quarter-hours (energy-sharing.md §1-2; docs/sharing-rules.md).
#include <catch2/catch.hpp>

#include "tests/eigen_values.hpp"

#include <random>

#include "core/sharing/key_catalogue.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/sharing/settlement.hpp"

using namespace deelstroom::sharing;

namespace {

using deelstroom::test::values;

void require_values(const Eigen::ArrayXd& actual, std::initializer_list<double> expected) {
  REQUIRE(actual.size() == static_cast<Eigen::Index>(expected.size()));
  Eigen::Index i = 0;
  for (double v : expected) {
    INFO("index " << i);
    CHECK(actual[i++] == Approx(v).margin(1e-12));
  }
}

AllocationKey optimal_key(const Eigen::ArrayXd& weights) {
  return fixed_key(weights, optimal_rounds(static_cast<int>(weights.size())));
}

AllocationKey relative_key(const Eigen::ArrayXd& weights) {
  AllocationKey key = fixed_key(weights, 1);
  key.groups[0].relative = true;
  return key;
}

}  // namespace

TEST_CASE("vaste verdeelsleutel: key x injection, at most the offtake, the excess not shared", "[sharing][fluvius]") {
  // I = 3, C = (0.5, 1.0, 2.5), 1/3 each: offers 1.0 -> a = (0.5, 1.0, 1.0), 0.5 unshared.
  const auto r = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(3)), 1), 3.0, values({0.5, 1.0, 2.5}));
  require_values(r.allocated_kwh, {0.5, 1.0, 1.0});
  CHECK(r.rest_kwh == Approx(0.5));
  CHECK(r.rounds_used == 1);
}

TEST_CASE("optimale verdeelsleutel: rounds until a round shares nothing, beyond three", "[sharing][fluvius]") {
  // I = 14.9, C = (1, 2, 3, 4, 5), 20 % each. By hand:
  //   round 1: offer 2.98 each -> (1, 2, 2.98, 2.98, 2.98), given 11.94, rest 2.96; 1 and 2 covered.
  //   round 2: weight 0.6 left, offer 2.96/0.6 x 0.2 = 0.98667 to 3, 4, 5: 3 takes its last 0.02,
  //            4 and 5 take 0.98667; given 1.99333, rest 0.96667.
  //   round 3: weight 0.4, offer 0.48333 to 4 and 5: 4 takes its last 0.03333, 5 takes 0.48333;
  //            rest 0.45.
  //   round 4: 5 alone is offered 0.45 and takes it (still 0.1 short): nothing left.
  const auto r = allocate_quarter_hour(optimal_key(equal_weights(Eigen::ArrayXd::Ones(5))), 14.9,
                                       values({1.0, 2.0, 3.0, 4.0, 5.0}));
  require_values(r.allocated_kwh, {1.0, 2.0, 3.0, 4.0, 4.9});
  CHECK(r.rest_kwh == Approx(0.0).margin(1e-12));
  CHECK(r.rounds_used == 4);
  REQUIRE(r.by_round_kwh.rows() >= 4);
  CHECK(r.by_round_kwh(0, 4) == Approx(2.98));
  CHECK(r.by_round_kwh(1, 2) == Approx(0.02));
  CHECK(r.by_round_kwh(1, 4) == Approx(2.96 / 3.0));
  CHECK(r.by_round_kwh(2, 3) == Approx(4.0 - 2.98 - 2.96 / 3.0));
  CHECK(r.by_round_kwh(3, 4) == Approx(0.45));
  // A capped cascade of three rounds leaves the last 0.45 unshared.
  const auto three = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(5)), 3), 14.9,
                                           values({1.0, 2.0, 3.0, 4.0, 5.0}));
  CHECK(three.rest_kwh == Approx(0.45));
}

TEST_CASE("optimale verdeelsleutel: the spec's worked example takes two rounds", "[sharing][fluvius]") {
  const auto r = allocate_quarter_hour(optimal_key(equal_weights(Eigen::ArrayXd::Ones(3))), 3.0, values({0.5, 1.0, 2.5}));
  require_values(r.allocated_kwh, {0.5, 1.0, 1.5});
  CHECK(r.rounds_used == 2);
}

TEST_CASE("relatieve verdeelsleutel: an injector's share goes to the others", "[sharing][fluvius][injectors]") {
  // Common connection injects 2; apartment A injects 1 and takes nothing; B takes 2, C 0.5.
  // Pool 3. Fixed 1/3 each: offers 1.0; A takes 0 (no offtake), B 1.0, C 0.5: shared 1.5.
  const Eigen::ArrayXd offtake = values({0.0, 2.0, 0.5});
  const Eigen::ArrayXd injection = values({1.0, 0.0, 0.0});
  const Eigen::ArrayXd thirds = equal_weights(Eigen::ArrayXd::Ones(3));
  const auto fixed = allocate_quarter_hour(fixed_key(thirds, 1), 2.0, offtake, injection);
  require_values(fixed.allocated_kwh, {0.0, 1.0, 0.5});
  CHECK(fixed.rest_kwh == Approx(1.5));
  // Relative: A injects, so its third is 0 and B and C get 1/2 each: offers 1.5 -> B 1.5,
  // C 0.5: shared 2.0.
  const auto relative = allocate_quarter_hour(relative_key(thirds), 2.0, offtake, injection);
  require_values(relative.allocated_kwh, {0.0, 1.5, 0.5});
  CHECK(relative.rest_kwh == Approx(1.0));
  // The rest goes back pro rata of injection (2 : 1): common 2/3, A 1/3.
  CHECK(relative.common_rest_kwh == Approx(2.0 / 3.0));
  require_values(relative.apartment_rest_kwh, {1.0 / 3.0, 0.0, 0.0});
  CHECK(relative.common_shared_kwh == Approx(4.0 / 3.0));
  require_values(relative.apartment_shared_injection_kwh, {2.0 / 3.0, 0.0, 0.0});
  // Without apartment injection the relative key is the fixed key.
  const auto plain = allocate_quarter_hour(relative_key(thirds), 3.0, values({0.5, 1.0, 2.5}));
  require_values(plain.allocated_kwh, {0.5, 1.0, 1.0});
}

TEST_CASE("an apartment that injects and takes never receives its own injection", "[sharing][injectors]") {
  // Common injects 0.5; apartment A injects 1.0 and takes 1.0 in the same quarter-hour (both
  // registers of its meter); B takes 1.0. Pool 1.5. Fixed 1/2 each: offers 0.75.
  // A can receive at most what the others injected: min(1.0, 1.5 - 1.0) = 0.5. B takes 0.75.
  const auto r = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(2)), 1), 0.5, values({1.0, 1.0}),
                                       values({1.0, 0.0}));
  require_values(r.allocated_kwh, {0.5, 0.75});
  CHECK(r.rest_kwh == Approx(0.25));
  // Pro rata would make A supply 1.25 x 1/1.5 = 0.833, but only 1.25 - 0.5 = 0.75 went to
  // others than A: A supplies 0.75, the common connection the other 0.5 (all it injected).
  require_values(r.apartment_shared_injection_kwh, {0.75, 0.0});
  CHECK(r.common_shared_kwh == Approx(0.5));
  CHECK(r.common_rest_kwh == Approx(0.0).margin(1e-12));
  require_values(r.apartment_rest_kwh, {0.25, 0.0});
}

TEST_CASE("two apartment injectors and the common connection: balances close per injector", "[sharing][injectors]") {
  // Random quarter-hours with three injectors (common, A, B) and four apartments, every key
  // method: the hard rules and, per injector, injection = shared part + rest.
  std::mt19937_64 random(12);
  std::uniform_real_distribution<double> kwh(0.0, 2.0);
  const Eigen::ArrayXd weights = values({0.1, 0.2, 0.3, 0.4});
  for (int trial = 0; trial < 2000; ++trial) {
    const Eigen::ArrayXd offtake = values({kwh(random), kwh(random), kwh(random) * (trial % 3 == 0), kwh(random)});
    const Eigen::ArrayXd injection = values({kwh(random), 0.0, kwh(random) * (trial % 2), 0.0});
    const double common = kwh(random) * (trial % 5 != 0);
    for (const AllocationKey& key : {fixed_key(weights, 1), relative_key(weights), optimal_key(weights), proportional_key(4)}) {
      const auto r = allocate_quarter_hour(key, common, offtake, injection);
      const double pool = common + injection.sum();
      const double shared = r.allocated_kwh.sum();
      REQUIRE(shared <= pool + 1e-12);
      for (int i = 0; i < 4; ++i) {
        REQUIRE(r.allocated_kwh[i] >= 0.0);
        REQUIRE(r.allocated_kwh[i] <= offtake[i] + 1e-12);
        // Nobody receives their own injection: what i received came from the others' shared parts.
        REQUIRE(r.allocated_kwh[i] <= shared - r.apartment_shared_injection_kwh[i] + 1e-12);
        REQUIRE(r.apartment_shared_injection_kwh[i] + r.apartment_rest_kwh[i] == Approx(injection[i]).margin(1e-12));
        REQUIRE(r.apartment_rest_kwh[i] >= -1e-12);
      }
      REQUIRE(r.common_shared_kwh + r.common_rest_kwh == Approx(common).margin(1e-12));
      REQUIRE(r.common_shared_kwh + r.apartment_shared_injection_kwh.sum() == Approx(shared).margin(1e-12));
      REQUIRE(r.rest_kwh == Approx(pool - shared).margin(1e-12));
    }
  }
}

TEST_CASE("settle_year with apartment injection: totals per injector and the balance every quarter-hour", "[sharing][injectors]") {
  // Two quarter-hours by hand. t0: production 3, common 1 -> common injects 2; A injects 1
  // (takes 0), B takes 2, C 0.5 (the relative case above). t1: no production; A injects 0.4
  // and B takes 1: B receives 0.4 (pool 0.4, fixed 1/3 offers 0.1333 -> B 0.1333; optimal
  // gives B all 0.4 over the rounds).
  BuildingSeries series;
  series.production_kwh = values({3.0, 0.0});
  series.common_consumption_kwh = values({1.0, 0.0});
  series.offtake_kwh.resize(3, 2);
  series.offtake_kwh << 0.0, 0.0, 2.0, 1.0, 0.5, 0.0;
  series.injection_kwh.resize(3, 2);
  series.injection_kwh << 1.0, 0.4, 0.0, 0.0, 0.0, 0.0;
  series.month = {1, 1};
  KeySchedule schedule;
  AllocationKey key = optimal_key(equal_weights(Eigen::ArrayXd::Ones(3)));
  key.groups[0].relative = true;
  schedule.keys = {key};
  const SettlementResult r = settle_year(series, schedule);
  // t0 relative then optimal: B 1.5 and C 0.5 in round 1 already (pool 3 -> 2 shared; C is
  // covered, B gets 0.5 more in round 2): B 2.0, C 0.5 -> shared 2.5 of 3.
  // t1: A injects, its share is 0; B gets 1/2 x 0.4 = 0.2 in round 1, C has no offtake, so
  // round 2 gives B the other 0.2: B 0.4.
  CHECK(r.year.shared_kwh == Approx(2.9));
  CHECK(r.year.shareable_kwh == Approx(3.4));
  CHECK(r.year.apartments_injection_kwh == Approx(1.4));
  // t0: 2.5 of 3 shared, pro rata: common 2 x 2.5/3, A 1 x 2.5/3; t1: A 0.4.
  CHECK(r.injection_shared_by_month_period(0, 0) == Approx(2.5 / 3.0 + 0.4));
  CHECK(r.year.injected_kwh == Approx(2.0 - 2.0 * 2.5 / 3.0));
  CHECK(r.year.apartments_injected_kwh == Approx(1.0 - 2.5 / 3.0));
  CHECK(r.year.common_shared_kwh() == Approx(2.0 * 2.5 / 3.0));
  CHECK(r.rounds_used == 2);
  // Balance per quarter-hour: a_i(t) and the shared parts add up.
  for (int t = 0; t < 2; ++t) {
    const double pool = r.injected_kwh[t] + r.injection_shared_kwh.col(t).sum() + (t == 0 ? 2.0 * 2.5 / 3.0 : 0.0);
    CHECK(r.allocated_kwh.col(t).sum() <= pool + 1e-9);
  }
}

TEST_CASE("each region offers its DSO's key types, and the names come from one table", "[sharing][rules]") {
  const RuleSet flanders = *rule_set_by_name("flanders");
  CHECK(flanders.operator_name == "Fluvius");
  CHECK(flanders.offered_key_types == std::vector<std::string>{"fixed", "relative", "optimal"});
  CHECK_FALSE(flanders.offers("proportional"));
  CHECK_FALSE(flanders.offers("hybrid"));
  CHECK_FALSE(flanders.offers("priority"));
  CHECK_FALSE(flanders.offers("optimised"));
  CHECK(rule_set_by_name("brussels")->offers("proportional"));
  CHECK(rule_set_by_name("wallonia")->offers("fixed"));
  CHECK_FALSE(rule_set_by_name("wallonia")->offers("optimal"));
  CHECK(key_type_name("fixed", true) == "vaste verdeelsleutel");
  CHECK(key_type_name("relative", true) == "relatieve verdeelsleutel");
  CHECK(key_type_name("optimal", true) == "optimale verdeelsleutel");
  for (const KeyTypeInfo& info : key_types()) {
    CHECK(!info.name_nl.empty());
    CHECK(!info.name_en.empty());
  }
}
