// Allocation keys against hand-computed quarter-hours (energy-sharing.md §2).
#include <catch2/catch.hpp>

#include "tests/eigen_values.hpp"

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

}  // namespace

TEST_CASE("Spec worked example: static equal, one round", "[sharing][key]") {
  // I = 3.0, C = (0.5, 1.0, 2.5): each is offered 1.0 -> a = (0.5, 1.0, 1.0), rest 0.5.
  const auto result = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(3)), 1), 3.0,
                                            values({0.5, 1.0, 2.5}));
  require_values(result.allocated_kwh, {0.5, 1.0, 1.0});
  CHECK(result.rest_kwh == Approx(0.5));
}

TEST_CASE("Spec worked example: static equal, two rounds", "[sharing][key]") {
  // Round 2 offers the 0.5 to apartment 3 alone -> a = (0.5, 1.0, 1.5), rest 0.
  const auto result = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(3)), 2), 3.0,
                                            values({0.5, 1.0, 2.5}));
  require_values(result.allocated_kwh, {0.5, 1.0, 1.5});
  CHECK(result.rest_kwh == Approx(0.0).margin(1e-12));
  REQUIRE(result.by_round_kwh.rows() == 2);
  CHECK(result.by_round_kwh.row(0).sum() == Approx(2.5));
  CHECK(result.by_round_kwh.row(1).sum() == Approx(0.5));
  CHECK(result.by_round_kwh(1, 2) == Approx(0.5));
}

TEST_CASE("Spec worked example: proportional", "[sharing][key]") {
  // sum C = 4.0 > I -> a = 3.0 * (0.125, 0.25, 0.625) = (0.375, 0.75, 1.875).
  const auto result = allocate_quarter_hour(proportional_key(3), 3.0, values({0.5, 1.0, 2.5}));
  require_values(result.allocated_kwh, {0.375, 0.75, 1.875});
  CHECK(result.rest_kwh == Approx(0.0).margin(1e-12));
}

TEST_CASE("Proportional key covers everyone when the volume exceeds demand", "[sharing][key]") {
  const auto result = allocate_quarter_hour(proportional_key(3), 5.0, values({0.5, 1.0, 2.5}));
  require_values(result.allocated_kwh, {0.5, 1.0, 2.5});
  CHECK(result.rest_kwh == Approx(1.0));
}

TEST_CASE("Cascade needs three rounds when two apartments are capped in turn", "[sharing][key]") {
  // I = 6, C = (1, 2.5, 10), equal thirds.
  // Round 1: offers 2 each -> (1, 2, 2), given 5, rest 1.
  // Round 2: uncovered {2, 3}, offers 0.5 each -> apt 2 gets 0.5 (now covered at 2.5), apt 3 0.5; rest 0.
  // With 1 kWh more (I = 7): round 1 offers 7/3 each -> (1, 7/3, 7/3), rest 7 - 1 - 14/3 = 4/3.
  // Round 2: uncovered {2, 3}, offers 2/3 each -> apt 2 needs 1/6 only -> gets 1/6, apt 3 gets 2/3;
  // rest 4/3 - 1/6 - 2/3 = 1/2. Round 3: uncovered {3} -> gets 1/2. Final (1, 2.5, 3.5).
  const AllocationKey key = fixed_key(equal_weights(Eigen::ArrayXd::Ones(3)), 3);
  const auto six = allocate_quarter_hour(key, 6.0, values({1.0, 2.5, 10.0}));
  require_values(six.allocated_kwh, {1.0, 2.5, 2.5});
  const auto seven = allocate_quarter_hour(key, 7.0, values({1.0, 2.5, 10.0}));
  require_values(seven.allocated_kwh, {1.0, 2.5, 3.5});
  CHECK(seven.by_round_kwh.row(0).sum() == Approx(1.0 + 14.0 / 3.0));
  CHECK(seven.by_round_kwh.row(1).sum() == Approx(1.0 / 6.0 + 2.0 / 3.0));
  CHECK(seven.by_round_kwh.row(2).sum() == Approx(0.5));
  CHECK(seven.rest_kwh == Approx(0.0).margin(1e-12));
  // Two rounds only: the 0.5 of round 3 stays unshared.
  const auto two = allocate_quarter_hour(fixed_key(equal_weights(Eigen::ArrayXd::Ones(3)), 2), 7.0,
                                         values({1.0, 2.5, 10.0}));
  require_values(two.allocated_kwh, {1.0, 2.5, 3.0});
  CHECK(two.rest_kwh == Approx(0.5));
}

TEST_CASE("Static percentages summing to less than 100 % leave the rest unshared in round 1", "[sharing][key]") {
  // k = (0.2, 0.3), I = 10, C = (5, 5): round 1 -> (2, 3), rest 5.
  const auto one = allocate_quarter_hour(fixed_key(values({0.2, 0.3}), 1), 10.0, values({5.0, 5.0}));
  require_values(one.allocated_kwh, {2.0, 3.0});
  CHECK(one.rest_kwh == Approx(5.0));
  // Round 2 renormalises over the uncovered: 5 kWh by 0.2:0.3 -> +2, +3 -> (4, 6) capped at 5:
  // apt 2 gets 2 (covered), apt 1 gets 2 -> (4, 5); rest 1.
  const auto two = allocate_quarter_hour(fixed_key(values({0.2, 0.3}), 2), 10.0, values({5.0, 5.0}));
  require_values(two.allocated_kwh, {4.0, 5.0});
  CHECK(two.rest_kwh == Approx(1.0));
}

TEST_CASE("Zero production and zero consumption share nothing", "[sharing][key]") {
  const AllocationKey key = fixed_key(equal_weights(Eigen::ArrayXd::Ones(2)), 3);
  const auto no_sun = allocate_quarter_hour(key, 0.0, values({1.0, 2.0}));
  require_values(no_sun.allocated_kwh, {0.0, 0.0});
  CHECK(no_sun.rest_kwh == 0.0);
  const auto nobody_home = allocate_quarter_hour(key, 2.0, values({0.0, 0.0}));
  require_values(nobody_home.allocated_kwh, {0.0, 0.0});
  CHECK(nobody_home.rest_kwh == Approx(2.0));
  const auto proportional = allocate_quarter_hour(proportional_key(2), 2.0, values({0.0, 0.0}));
  CHECK(proportional.rest_kwh == Approx(2.0));
}

TEST_CASE("Hybrid: fixed fraction by percentages, the rest proportionally", "[sharing][key]") {
  // I = 4, f = 0.5, k = (0.5, 0.5), C = (0.5, 3).
  // Fixed part 2 kWh: offers 1 each -> (0.5, 1), placed 1.5.
  // Proportional part: 4 - 1.5 = 2.5 over remaining needs (0, 2) -> all 2 to apt 2 -> (0.5, 3), rest 0.5.
  const auto result = allocate_quarter_hour(hybrid_key(values({0.5, 0.5}), 0.5, 1), 4.0, values({0.5, 3.0}));
  require_values(result.allocated_kwh, {0.5, 3.0});
  CHECK(result.rest_kwh == Approx(0.5));
  // I = 2: fixed part 1 -> (0.5, 0.5); proportional 1 over needs (0, 2.5) -> apt 2 +1 -> (0.5, 1.5).
  const auto smaller = allocate_quarter_hour(hybrid_key(values({0.5, 0.5}), 0.5, 1), 2.0, values({0.5, 3.0}));
  require_values(smaller.allocated_kwh, {0.5, 1.5});
  REQUIRE(smaller.by_round_kwh.rows() == 2);
  CHECK(smaller.by_round_kwh.row(0).sum() == Approx(1.0));
  CHECK(smaller.by_round_kwh.row(1).sum() == Approx(1.0));
}

TEST_CASE("Priority groups: the first group is served before the next", "[sharing][key]") {
  // Group 1 = apt 3 (social tenant) proportional; group 2 = apts 1, 2 equal static.
  // I = 3, C = (2, 2, 1.2): group 1 takes 1.2; group 2 gets 1.8 -> 0.9 each.
  GroupKey first;
  first.member = values({0, 0, 1});
  first.method = Method::proportional;
  GroupKey second;
  second.member = values({1, 1, 0});
  second.method = Method::fixed;
  second.weights = values({0.5, 0.5, 0.0});
  const AllocationKey key{{first, second}};
  const auto result = allocate_quarter_hour(key, 3.0, values({2.0, 2.0, 1.2}));
  require_values(result.allocated_kwh, {0.9, 0.9, 1.2});
  CHECK(result.rest_kwh == Approx(0.0).margin(1e-12));
  // Not enough for the first group: nothing reaches the second.
  const auto scarce = allocate_quarter_hour(key, 1.0, values({2.0, 2.0, 1.2}));
  require_values(scarce.allocated_kwh, {0.0, 0.0, 1.0});
}

TEST_CASE("Later rounds may use a second key", "[sharing][key]") {
  // k1 = (1, 0) for round 1, k2 = (0, 1) for round 2. I = 3, C = (1, 5).
  // Round 1: apt 1 offered 3 -> takes 1; rest 2. Round 2: uncovered {2} with weight 1 -> +2.
  AllocationKey key = fixed_key(values({1.0, 0.0}), 2);
  key.groups[0].later_weights = values({0.0, 1.0});
  const auto result = allocate_quarter_hour(key, 3.0, values({1.0, 5.0}));
  require_values(result.allocated_kwh, {1.0, 2.0});
}

TEST_CASE("Keys that break the rules are rejected", "[sharing][key]") {
  CHECK_FALSE(validate_key(fixed_key(values({0.6, 0.6})), 2).empty());
  CHECK_FALSE(validate_key(fixed_key(values({-0.1, 0.5})), 2).empty());
  CHECK_FALSE(validate_key(fixed_key(values({0.5, 0.5}), 0), 2).empty());
  CHECK_FALSE(validate_key(fixed_key(values({0.5})), 2).empty());
  CHECK_FALSE(validate_key(hybrid_key(values({0.5, 0.5}), 1.5), 2).empty());
  CHECK(validate_key(fixed_key(values({0.5, 0.5})), 2).empty());
  CHECK_THROWS_AS(allocate_quarter_hour(fixed_key(values({0.7, 0.7})), 1.0, values({1.0, 1.0})),
                  std::invalid_argument);
}

TEST_CASE("Presets: equal, proportional to shares, fallback to equal", "[sharing][key]") {
  require_values(equal_weights(values({1, 0, 1, 1})), {1.0 / 3, 0.0, 1.0 / 3, 1.0 / 3});
  require_values(weights_proportional_to(values({100, 300, 600}), values({1, 1, 1})), {0.1, 0.3, 0.6});
  // Non-participants get nothing; the rest renormalises: 100 and 600 -> 1/7, 6/7.
  require_values(weights_proportional_to(values({100, 300, 600}), values({1, 0, 1})), {1.0 / 7, 0.0, 6.0 / 7});
  require_values(weights_proportional_to(values({0, 0}), values({1, 1})), {0.5, 0.5});
}
