// Settlement of whole series: the hard rules and the energy balance in every quarter-hour,
// totals per month and round, per-period keys (energy-sharing.md §1-§3).
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>
#include <random>

#include "core/sharing/settlement.hpp"

using namespace deelstroom::sharing;

namespace {

/// A tiny deterministic generator for test data (the standard engines are specified exactly;
/// only the distributions are not, so none is used).
struct TestRandom {
  std::mt19937_64 engine;
  explicit TestRandom(std::uint64_t seed) : engine(seed) {}
  double uniform() { return static_cast<double>(engine() >> 11) * (1.0 / 9007199254740992.0); }
  int below(int n) { return static_cast<int>(engine() % static_cast<std::uint64_t>(n)); }
};

BuildingSeries series_of(const Eigen::ArrayXd& production, const Eigen::ArrayXd& common, const Eigen::MatrixXd& offtake,
                         int month = 1) {
  BuildingSeries s;
  s.production_kwh = production;
  s.common_consumption_kwh = common;
  s.offtake_kwh = offtake;
  s.month.assign(static_cast<std::size_t>(production.size()), static_cast<std::uint8_t>(month));
  return s;
}

AllocationKey random_key(TestRandom& random, int n) {
  auto random_weights = [&](bool full) {
    Eigen::ArrayXd w(n);
    for (int i = 0; i < n; ++i) w[i] = random.uniform() < 0.15 ? 0.0 : random.uniform();
    const double target = full ? 1.0 : 0.3 + 0.7 * random.uniform();
    if (w.sum() > 0.0) w *= target / w.sum();
    return w;
  };
  const int kind = random.below(5);
  if (kind == 0) return fixed_key(random_weights(random.below(2) == 0), 1 + random.below(4));
  if (kind == 1) return proportional_key(n);
  if (kind == 2) return hybrid_key(random_weights(true), random.uniform(), 1 + random.below(3));
  if (kind == 3) {
    AllocationKey key = fixed_key(random_weights(true), 1 + random.below(3));
    key.groups[0].later_weights = random_weights(true);
    return key;
  }
  // Priority groups: a random split into two groups, each with its own method.
  GroupKey first, second;
  first.member = Eigen::ArrayXd::Zero(n);
  for (int i = 0; i < n; ++i) first.member[i] = random.below(2);
  second.member = 1.0 - first.member;
  first.method = Method::proportional;
  first.weights = Eigen::ArrayXd::Zero(n);
  second.method = Method::fixed;
  second.weights = equal_weights(second.member);
  second.rounds = 2;
  return AllocationKey{{first, second}};
}

}  // namespace

TEST_CASE("Hard rules and energy balance hold in every quarter-hour for random keys and data",
          "[sharing][property]") {
  TestRandom random(20260101);
  int quarter_hours_checked = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 1 + random.below(12);
    const int t_count = 200;
    Eigen::ArrayXd production(t_count), common(t_count);
    Eigen::MatrixXd offtake(n, t_count);
    for (int t = 0; t < t_count; ++t) {
      production[t] = random.below(4) == 0 ? 0.0 : 5.0 * random.uniform();
      common[t] = random.below(5) == 0 ? 0.0 : random.uniform();
      for (int i = 0; i < n; ++i) offtake(i, t) = random.below(4) == 0 ? 0.0 : random.uniform() * random.uniform() * 2.0;
    }
    BuildingSeries series = series_of(production, common, offtake);
    for (int t = 0; t < t_count; ++t) series.month[static_cast<std::size_t>(t)] = static_cast<std::uint8_t>(1 + t % 12);
    KeySchedule schedule{{random_key(random, n), random_key(random, n)}, {}};
    schedule.key_of_interval.resize(t_count);
    for (auto& k : schedule.key_of_interval) k = static_cast<std::uint8_t>(random.below(2));
    INFO("trial " << trial << ", " << n << " apartments");
    const SettlementResult result = settle_year(series, schedule);
    for (int t = 0; t < t_count; ++t) {
      const double self = std::min(production[t], common[t]);
      const double shareable = production[t] - self;
      const double shared = result.allocated_kwh.col(t).sum();
      for (int i = 0; i < n; ++i) {
        REQUIRE(result.allocated_kwh(i, t) >= 0.0);
        REQUIRE(result.allocated_kwh(i, t) <= offtake(i, t) + 1e-12);
      }
      REQUIRE(shared <= shareable + 1e-12);
      REQUIRE(result.injected_kwh[t] >= -1e-12);
      REQUIRE(std::abs(production[t] - (self + shared + result.injected_kwh[t])) <= 1e-9);
      // Each quarter-hour follows the key scheduled for it.
      const auto single = allocate_quarter_hour(schedule.keys[schedule.key_of_interval[t]], shareable, offtake.col(t));
      REQUIRE((single.allocated_kwh - result.allocated_kwh.col(t).array()).abs().maxCoeff() <= 1e-12);
      ++quarter_hours_checked;
    }
    // Totals agree with the series.
    CHECK(result.year.production_kwh == Approx(production.sum()).epsilon(1e-12));
    CHECK(result.year.shared_kwh == Approx(result.allocated_kwh.sum()).epsilon(1e-12).margin(1e-12));
    CHECK(result.shared_by_round.sum() == Approx(result.year.shared_kwh).epsilon(1e-12).margin(1e-12));
    CHECK(result.year.production_kwh ==
          Approx(result.year.common_self_consumption_kwh + result.year.shared_kwh + result.year.injected_kwh).epsilon(1e-12));
  }
  CHECK(quarter_hours_checked == 60 * 200);
}

TEST_CASE("Proportional shares the most any key can share: min(I, sum C) per quarter-hour", "[sharing][property]") {
  TestRandom random(7);
  const int n = 6, t_count = 3000;
  Eigen::ArrayXd production(t_count), common = Eigen::ArrayXd::Zero(t_count);
  Eigen::MatrixXd offtake(n, t_count);
  double bound = 0.0;
  for (int t = 0; t < t_count; ++t) {
    production[t] = 3.0 * random.uniform();
    for (int i = 0; i < n; ++i) offtake(i, t) = random.uniform();
    bound += std::min(production[t], offtake.col(t).sum());
  }
  const BuildingSeries series = series_of(production, common, offtake);
  const double proportional = settle_year(series, {{proportional_key(n)}, {}}).year.shared_kwh;
  CHECK(proportional == Approx(bound).epsilon(1e-12));
  for (int rounds : {1, 2, 5}) {
    const double fixed = settle_year(series, {{fixed_key(equal_weights(Eigen::ArrayXd::Ones(n)), rounds)}, {}}).year.shared_kwh;
    CHECK(fixed <= proportional + 1e-9);
  }
}

TEST_CASE("A small series settled by hand: months, rounds, unshared quarter-hours", "[sharing][settlement]") {
  // Two apartments, four quarter-hours (two in January, two in July), equal key, one round.
  //  t  P    Cc   Sc   I    C1   C2   a1   a2   R
  //  0  0.0  0.2  0.0  0.0  0.5  0.5  0    0    0
  //  1  1.2  0.2  0.2  1.0  0.1  0.9  0.1  0.5  0.4   (apt 2 still short 0.4: unshared with demand)
  //  2  3.0  0.0  0.0  3.0  1.0  2.0  1.0  1.5  0.5   (apt 2 still short 0.5)
  //  3  0.5  1.0  0.5  0.0  0.3  0.0  0    0    0
  Eigen::ArrayXd production(4), common(4);
  production << 0.0, 1.2, 3.0, 0.5;
  common << 0.2, 0.2, 0.0, 1.0;
  Eigen::MatrixXd offtake(2, 4);
  offtake << 0.5, 0.1, 1.0, 0.3,  //
      0.5, 0.9, 2.0, 0.0;
  BuildingSeries series = series_of(production, common, offtake);
  series.month = {1, 1, 7, 7};
  const SettlementResult r = settle_year(series, {{fixed_key(equal_weights(Eigen::ArrayXd::Ones(2)), 1)}, {}});
  CHECK(r.year.production_kwh == Approx(4.7));
  CHECK(r.year.common_self_consumption_kwh == Approx(0.7));
  CHECK(r.year.shareable_kwh == Approx(4.0));
  CHECK(r.year.shared_kwh == Approx(3.1));
  CHECK(r.year.injected_kwh == Approx(0.9));
  CHECK(r.year.common_grid_offtake_kwh == Approx(0.2 + 0.5));
  CHECK(r.months[0].shared_kwh == Approx(0.6));
  CHECK(r.months[6].shared_kwh == Approx(2.5));
  CHECK(r.shared_by_month(0, 0) == Approx(0.1));
  CHECK(r.shared_by_month(1, 6) == Approx(1.5));
  CHECK(r.apartment_shared_kwh(0) == Approx(1.1));
  CHECK(r.apartment_offtake_kwh(1) == Approx(3.4));
  CHECK(r.apartment_self_sufficiency(1) == Approx(2.0 / 3.4));
  CHECK(r.year.self_consumption_rate() == Approx((0.7 + 3.1) / 4.7));
  CHECK(r.year.sharing_rate() == Approx(3.1 / 4.0));
  CHECK(r.unshared_with_demand_intervals == 2);
  CHECK(r.unshared_with_demand_kwh == Approx(0.4 + 0.5));
  // With two rounds the unshared-with-demand quarter-hours disappear: round 2 gives apt 2
  // 0.4 at t1 and 0.5 at t2.
  const SettlementResult two = settle_year(series, {{fixed_key(equal_weights(Eigen::ArrayXd::Ones(2)), 2)}, {}});
  CHECK(two.year.shared_kwh == Approx(4.0));
  CHECK(two.unshared_with_demand_intervals == 0);
  CHECK(two.shared_by_round(1, 1) == Approx(0.9));
  CHECK(two.building_round_by_month(1, 0) == Approx(0.4));
  CHECK(two.building_round_by_month(1, 6) == Approx(0.5));
}

TEST_CASE("a non-participant's offtake is not energy left unshared while someone could take it", "[sharing][settlement]") {
  // One quarter-hour: 2 kWh shareable, apartment 1 takes 0.5 and has key weight 1, apartment 2
  // (not in the agreement) takes 3 with weight 0. Apartment 1 is covered (0.5); the 1.5 kWh
  // rest goes to the grid with nobody eligible left, so the note must not count it.
  Eigen::ArrayXd production(1);
  Eigen::ArrayXd common(1);
  production << 2.0;
  common << 0.0;
  Eigen::MatrixXd offtake(2, 1);
  offtake << 0.5, 3.0;
  BuildingSeries series = series_of(production, common, offtake);
  series.month = {1};
  Eigen::ArrayXd weights(2);
  weights << 1.0, 0.0;
  const SettlementResult r = settle_year(series, {{fixed_key(weights, 1)}, {}});
  CHECK(r.year.shared_kwh == Approx(0.5));
  CHECK(r.unshared_with_demand_intervals == 0);
  CHECK(r.unshared_with_demand_kwh == 0.0);
}

TEST_CASE("Tariff periods split the totals without changing them", "[sharing][settlement]") {
  Eigen::ArrayXd production(3), common = Eigen::ArrayXd::Zero(3);
  production << 1.0, 2.0, 0.0;
  Eigen::MatrixXd offtake(1, 3);
  offtake << 0.5, 1.0, 0.7;
  BuildingSeries series = series_of(production, common, offtake, 3);
  series.tariff_period = {0, 1, 1};
  series.period_count = 2;
  const SettlementResult r = settle_year(series, {{proportional_key(1)}, {}});
  const int day = 2 * 2 + 0, night = 2 * 2 + 1;  // March, periods 0 and 1
  CHECK(r.shared_by_month_period(0, day) == Approx(0.5));
  CHECK(r.shared_by_month_period(0, night) == Approx(1.0));
  CHECK(r.offtake_by_month_period(0, night) == Approx(1.7));
  CHECK(r.injected_by_month_period[day] == Approx(0.5));
  CHECK(r.injected_by_month_period[night] == Approx(1.0));
  CHECK(r.shared_by_month(0, 2) == Approx(1.5));
}

TEST_CASE("Production scale multiplies production before the common parts take their share", "[sharing][settlement]") {
  Eigen::ArrayXd production(1), common(1);
  production << 2.0;
  common << 0.5;
  Eigen::MatrixXd offtake(1, 1);
  offtake << 10.0;
  const BuildingSeries series = series_of(production, common, offtake);
  SettlementOptions options;
  options.production_scale = 0.9;
  const SettlementResult r = settle_year(series, {{proportional_key(1)}, {}}, options);
  CHECK(r.year.production_kwh == Approx(1.8));
  CHECK(r.year.shared_kwh == Approx(1.3));
}

TEST_CASE("Bad series are refused", "[sharing][settlement]") {
  Eigen::ArrayXd production(2), common(2);
  production << 1.0, -1.0;
  common << 0.0, 0.0;
  Eigen::MatrixXd offtake = Eigen::MatrixXd::Ones(1, 2);
  CHECK_THROWS_AS(settle_year(series_of(production, common, offtake), {{proportional_key(1)}, {}}), std::invalid_argument);
  production[1] = 1.0;
  BuildingSeries series = series_of(production, common, offtake);
  series.month[1] = 13;
  CHECK_THROWS_AS(settle_year(series, {{proportional_key(1)}, {}}), std::invalid_argument);
}

TEST_CASE("series_totals judges the offtake as validate_series does, in the same pass", "[sharing][settlement]") {
  // Three apartments, five quarter-hours (not a multiple of the four lanes of the plain check).
  const Eigen::ArrayXd production = Eigen::ArrayXd::Constant(5, 1.0);
  const Eigen::ArrayXd common = Eigen::ArrayXd::Zero(5);
  Eigen::MatrixXd offtake = Eigen::MatrixXd::Constant(3, 5, 0.25);
  offtake(1, 2) = 0.0;  // 0 is allowed
  BuildingSeries fine = series_of(production, common, offtake);
  const SeriesTotals fine_totals = series_totals(fine);
  CHECK(fine_totals.offtake_finite_non_negative);
  CHECK(validate_series(fine, &fine_totals).empty());
  CHECK(validate_series(fine).empty());
  const SeriesTotals other_totals = series_totals(series_of(production.head(4), common.head(4), offtake.leftCols(4)));
  CHECK_FALSE(other_totals.fits(fine));

  const double bad_values[] = {-1e-300, std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (const double bad : bad_values) {
    for (const auto& [row, column] : {std::pair{0, 0}, std::pair{2, 4}, std::pair{1, 3}}) {
      BuildingSeries broken = fine;
      broken.offtake_kwh(row, column) = bad;
      const SeriesTotals totals = series_totals(broken);
      CAPTURE(bad, row, column);
      CHECK_FALSE(totals.offtake_finite_non_negative);
      CHECK(validate_series(broken, &totals) == "apartment offtake must be finite and >= 0");
      CHECK(validate_series(broken) == "apartment offtake must be finite and >= 0");
      // Totals of a series of another shape are not used: the offtake is read itself.
      CHECK(validate_series(broken, &other_totals) == "apartment offtake must be finite and >= 0");
    }
  }
}

TEST_CASE("place_offtake_with_totals fills the matrix and gives series_totals bit for bit", "[sharing][settlement]") {
  // 150 quarter-hours (two whole blocks of 64 and a partial one), two months, two tariff
  // periods, three apartments of which one injects.
  const int t_count = 150;
  const int n = 3;
  TestRandom random(20261204);
  std::vector<Eigen::ArrayXd> rows(n, Eigen::ArrayXd(t_count));
  for (auto& row : rows) {
    for (int t = 0; t < t_count; ++t) row[t] = random.uniform();  // fractions: the sum's order shows in its bits
  }
  BuildingSeries series = series_of(Eigen::ArrayXd::Constant(t_count, 1.0), Eigen::ArrayXd::Zero(t_count),
                                    Eigen::MatrixXd::Zero(n, t_count));
  for (int t = 0; t < t_count; ++t) series.month[t] = t < 70 ? 1 : 2;
  series.period_count = 2;
  series.tariff_period.resize(t_count);
  for (int t = 0; t < t_count; ++t) series.tariff_period[t] = static_cast<std::uint8_t>((t / 10) % 2);
  series.injection_kwh = Eigen::MatrixXd::Zero(n, t_count);
  for (int t = 0; t < t_count; t += 3) series.injection_kwh(2, t) = 0.5 * random.uniform();

  BuildingSeries placed = series;
  placed.offtake_kwh.setConstant(-7.0);  // overwritten
  const SeriesTotals fused = place_offtake_with_totals(rows, placed);
  for (int i = 0; i < n; ++i) CHECK((placed.offtake_kwh.row(i).transpose().array() == rows[i]).all());

  BuildingSeries plain = series;
  for (int i = 0; i < n; ++i) plain.offtake_kwh.row(i) = rows[i].matrix().transpose();
  const SeriesTotals expected = series_totals(plain);
  auto same = [](const Eigen::ArrayXXd& a, const Eigen::ArrayXXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
  };
  CHECK(same(fused.offtake_by_month_period, expected.offtake_by_month_period));
  CHECK(same(fused.injection_by_month_period, expected.injection_by_month_period));
  CHECK(same(fused.offtake_max_by_month, expected.offtake_max_by_month));
  CHECK(same(fused.apartments_injection_kwh, expected.apartments_injection_kwh));
  CHECK(fused.bucket == expected.bucket);
  CHECK(fused.offtake_finite_non_negative);
  // By hand: bucket (month 1, period 0) of apartment 0 holds t = 0-9, 20-29, ..., 60-69, in time order.
  double by_hand = 0.0;
  for (int t = 0; t < 70; ++t) {
    if ((t / 10) % 2 == 0) by_hand += rows[0][t];
  }
  CHECK(fused.offtake_by_month_period(0, 0) == by_hand);

  // The verdict is validate_series's, also where the shortcut (no sign bit, finite sums)
  // cannot decide: -0.0 is >= 0, two huge finite values sum past the largest double.
  const double largest = std::numeric_limits<double>::max();
  const std::vector<std::pair<double, bool>> values = {{-0.25, false},
                                                       {-0.0, true},
                                                       {std::numeric_limits<double>::quiet_NaN(), false},
                                                       {std::numeric_limits<double>::infinity(), false},
                                                       {-std::numeric_limits<double>::infinity(), false},
                                                       {largest, true}};
  for (const auto& [value, fine] : values) {
    std::vector<Eigen::ArrayXd> odd = rows;
    odd[1][140] = value;
    odd[1][141] = value;
    CAPTURE(value);
    CHECK(place_offtake_with_totals(odd, placed).offtake_finite_non_negative == fine);
    CHECK(validate_series(placed).empty() == fine);
  }
  rows[1] = Eigen::ArrayXd::Zero(t_count - 1);
  CHECK_THROWS_AS(place_offtake_with_totals(rows, placed), std::invalid_argument);
}
