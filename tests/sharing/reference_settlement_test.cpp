// The fast settlement against the plain reference (core/sharing/reference_settlement.hpp) on
// the bench building, and the precomputed series totals against the settlement's own sums.
#include "core/sharing/reference_settlement.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "core/scenario/scenario_io.hpp"
#include "core/sharing/allocator.hpp"
#include "core/simulation/engine.hpp"

using namespace deelstroom;

namespace {

const simulation::PreparedBuilding& bench_building() {
  static const simulation::PreparedBuilding building = [] {
    const scenario::Scenario scenario =
        scenario::read_scenario(std::string(DEELSTROOM_SOURCE_DIR) + "/scenarios/bench/building_20.toml");
    simulation::SimulationCaches caches;
    return simulation::prepare_building(scenario, caches);
  }();
  return building;
}

/// The same bits (memcmp: NaN-safe and -0.0-strict).
template <class A>
bool same_bits(const A& a, const A& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(double)) == 0;
}

/// Agreement where only the order of a sum over apartments differs.
bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

template <class A>
bool close_all(const A& a, const A& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    if (!close(a.data()[k], b.data()[k])) return false;
  }
  return true;
}

void check_flows(const sharing::FlowTotals& fast, const sharing::FlowTotals& plain) {
  CHECK(close(fast.production_kwh, plain.production_kwh));
  CHECK(close(fast.common_consumption_kwh, plain.common_consumption_kwh));
  CHECK(close(fast.common_self_consumption_kwh, plain.common_self_consumption_kwh));
  CHECK(close(fast.shareable_kwh, plain.shareable_kwh));
  CHECK(close(fast.shared_kwh, plain.shared_kwh));
  CHECK(close(fast.injected_kwh, plain.injected_kwh));
  CHECK(close(fast.apartments_offtake_kwh, plain.apartments_offtake_kwh));
  CHECK(close(fast.common_grid_offtake_kwh, plain.common_grid_offtake_kwh));
}

void check_against_reference(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                             double scale) {
  const sharing::SeriesTotals totals = sharing::series_totals(series);
  sharing::SettlementOptions options;
  options.keep_series = false;
  options.production_scale = scale;
  const sharing::SettlementResult own = sharing::settle_year(series, schedule, options);
  options.totals = &totals;
  const sharing::SettlementResult fast = sharing::settle_year(series, schedule, options);
  const sharing::SettlementResult plain = sharing::reference_settle_year(series, schedule, scale);

  // With or without the precomputed totals: the same bits.
  CHECK(std::memcmp(&own.year, &fast.year, sizeof own.year) == 0);
  CHECK(std::memcmp(own.months.data(), fast.months.data(), sizeof own.months) == 0);
  CHECK(same_bits(own.shared_by_month_period, fast.shared_by_month_period));
  CHECK(same_bits(own.offtake_by_month_period, fast.offtake_by_month_period));
  CHECK(same_bits(own.shared_by_round, fast.shared_by_round));
  CHECK(own.unshared_with_demand_kwh == fast.unshared_with_demand_kwh);

  // Every register width this processor runs: the same bits as SSE2 (the order of every sum
  // over the apartments is the code's, allocator.hpp).
  for (int width : sharing::settlement_register_widths()) {
    options.register_doubles = width;
    const sharing::SettlementResult wide = sharing::settle_year(series, schedule, options);
    options.register_doubles = 2;
    const sharing::SettlementResult narrow = sharing::settle_year(series, schedule, options);
    INFO("register width " << width);
    CHECK(std::memcmp(&wide.year, &narrow.year, sizeof wide.year) == 0);
    CHECK(std::memcmp(wide.months.data(), narrow.months.data(), sizeof wide.months) == 0);
    CHECK(same_bits(wide.shared_by_month_period, narrow.shared_by_month_period));
    CHECK(same_bits(wide.injected_by_month_period, narrow.injected_by_month_period));
    CHECK(same_bits(wide.shared_by_round, narrow.shared_by_round));
    CHECK(same_bits(wide.building_round_by_month, narrow.building_round_by_month));
    CHECK(wide.rounds_used == narrow.rounds_used);
    CHECK(wide.unshared_with_demand_kwh == narrow.unshared_with_demand_kwh);
  }
  options.register_doubles = 0;

  // Energy only (the economics' later years): the same flows, no rounds, no unmet count.
  options.energy_only = true;
  const sharing::SettlementResult flows = sharing::settle_year(series, schedule, options);
  options.energy_only = false;
  CHECK(std::memcmp(&flows.year, &fast.year, sizeof flows.year) == 0);
  CHECK(std::memcmp(flows.months.data(), fast.months.data(), sizeof flows.months) == 0);
  CHECK(same_bits(flows.shared_by_month_period, fast.shared_by_month_period));
  CHECK(same_bits(flows.injected_by_month_period, fast.injected_by_month_period));
  CHECK(same_bits(flows.common_grid_offtake_by_month_period, fast.common_grid_offtake_by_month_period));
  CHECK((flows.shared_by_round == 0.0).all());
  CHECK(flows.unshared_with_demand_intervals == 0);
  CHECK(flows.rounds_used == fast.rounds_used);

  // Against the plain loops: the quantities summed in the same order are the same bits, the
  // allocations (sums over apartments in another order) agree to 1e-12 relative.
  CHECK(same_bits(fast.offtake_by_month_period, plain.offtake_by_month_period));
  CHECK(same_bits(fast.common_grid_offtake_by_month_period, plain.common_grid_offtake_by_month_period));
  CHECK(fast.year.production_kwh == plain.year.production_kwh);
  CHECK(fast.year.common_self_consumption_kwh == plain.year.common_self_consumption_kwh);
  check_flows(fast.year, plain.year);
  for (int m = 0; m < 12; ++m) check_flows(fast.months[m], plain.months[m]);
  CHECK(close_all(fast.shared_by_month_period, plain.shared_by_month_period));
  CHECK(close_all(fast.shared_by_month, plain.shared_by_month));
  CHECK(close_all(fast.injected_by_month_period, plain.injected_by_month_period));
  CHECK(close_all(fast.shared_by_round, plain.shared_by_round));
  CHECK(close_all(fast.building_round_by_month, plain.building_round_by_month));
  CHECK(fast.rounds_used == plain.rounds_used);
  CHECK(fast.unshared_with_demand_intervals == plain.unshared_with_demand_intervals);
  CHECK(close(fast.unshared_with_demand_kwh, plain.unshared_with_demand_kwh));
}

sharing::AllocationKey priority_key(int n) {
  sharing::AllocationKey key;
  sharing::GroupKey first;
  first.member = Eigen::ArrayXd::Zero(n);
  first.member.head(n / 2) = 1.0;
  first.weights = first.member / first.member.sum();
  first.rounds = 3;
  sharing::GroupKey rest;
  rest.member = 1.0 - first.member;
  rest.method = sharing::Method::proportional;
  rest.weights = Eigen::ArrayXd::Zero(n);
  key.groups = {first, rest};
  return key;
}

}  // namespace

TEST_CASE("settle_year gives the plain reference's energies for every kind of key",
          "[sharing][settlement][reference]") {
  const sharing::BuildingSeries& series = bench_building().series;
  const int n = series.apartment_count();
  REQUIRE(n == 20);
  Eigen::ArrayXd shares = Eigen::ArrayXd::LinSpaced(n, 1.0, 2.0);
  shares /= shares.sum();
  const std::vector<std::pair<const char*, sharing::AllocationKey>> keys = {
      {"fixed", sharing::fixed_key(shares)},
      {"cascade of 3", sharing::fixed_key(shares, 3)},
      {"optimal", sharing::fixed_key(shares, sharing::optimal_rounds(n))},
      {"proportional", sharing::proportional_key(n)},
      {"hybrid", sharing::hybrid_key(shares, 0.5, 2)},
      {"priority groups", priority_key(n)},
  };
  for (const auto& [name, key] : keys) {
    for (double scale : {1.0, 0.8}) {
      INFO(name << " at production scale " << scale);
      check_against_reference(series, {{key}, {}}, scale);
    }
  }
}

TEST_CASE("the fast settlement matches the reference with tariff periods and a key per period",
          "[sharing][settlement][reference]") {
  sharing::BuildingSeries series = bench_building().series;
  const int n = series.apartment_count();
  series.period_count = 2;
  series.tariff_period.resize(static_cast<std::size_t>(series.interval_count()));
  for (int t = 0; t < series.interval_count(); ++t) series.tariff_period[t] = (t % 96) < 28 ? 1 : 0;
  sharing::KeySchedule schedule{
      {sharing::fixed_key(Eigen::ArrayXd::Constant(n, 1.0 / n), n), sharing::proportional_key(n)}, {}};
  schedule.key_of_interval.resize(static_cast<std::size_t>(series.interval_count()));
  for (int t = 0; t < series.interval_count(); ++t)
    schedule.key_of_interval[t] = series.month[t] >= 4 && series.month[t] <= 9 ? 1 : 0;
  check_against_reference(series, schedule, 1.0);
}

TEST_CASE("the prepared building's series totals are those of its series",
          "[sharing][settlement][reference]") {
  const simulation::PreparedBuilding& building = bench_building();
  REQUIRE(building.totals != nullptr);
  REQUIRE(building.totals->fits(building.series));
  const sharing::SeriesTotals fresh = sharing::series_totals(building.series);
  CHECK(same_bits(building.totals->offtake_by_month_period, fresh.offtake_by_month_period));
  CHECK(same_bits(building.totals->offtake_max_by_month, fresh.offtake_max_by_month));
  CHECK(building.totals->bucket == fresh.bucket);
  // The largest quarter-hour of each month, checked the long way for one apartment.
  for (int m = 0; m < 12; ++m) {
    double largest = 0.0;
    for (int t = 0; t < building.series.interval_count(); ++t) {
      if (building.series.month[t] == m + 1) largest = std::max(largest, building.series.offtake_kwh(3, t));
    }
    CHECK(fresh.offtake_max_by_month(3, m) == largest);
  }
  // Totals of another series are refused.
  sharing::BuildingSeries other = building.series;
  other.period_count = 2;
  other.tariff_period.assign(static_cast<std::size_t>(other.interval_count()), 0);
  sharing::SettlementOptions options;
  options.totals = building.totals.get();
  const sharing::KeySchedule schedule{{sharing::proportional_key(other.apartment_count())}, {}};
  CHECK_THROWS_AS(sharing::settle_year(other, schedule, options), std::invalid_argument);
}

TEST_CASE("sums over the apartments are four partial sums added in pairs, whatever the register width",
          "[sharing][settlement]") {
  // 1e16 + 1 rounds back to 1e16 (the spacing of doubles there is 2): in ascending order the
  // four values sum to ((1e16 + 1) - 1e16) + 1 = 1; as the allocator adds them, the partial
  // sums are the values themselves and (1e16 + 1) + (-1e16 + 1) = 1e16 - 1e16 = 0.
  const double values[4] = {1e16, 1.0, -1e16, 1.0};
  CHECK(sharing::detail::apartment_sum(values, 4) == 0.0);
  double ascending = 0.0;
  for (double v : values) ascending += v;
  CHECK(ascending == 1.0);
  // A fifth apartment joins partial 0: p0 = 1e16 + 2 (exact), p1 = 1, p2 = -1e16, p3 = 1;
  // p0 + p1 = 1e16 + 3 rounds (ties to even) to 1e16 + 4, p2 + p3 = -1e16 + 1 to -1e16: 4.
  const double five[5] = {1e16, 1.0, -1e16, 1.0, 2.0};
  CHECK(sharing::detail::apartment_sum(five, 5) == 4.0);
  // Padding with zeros changes nothing.
  const double padded[8] = {1e16, 1.0, -1e16, 1.0, 2.0, 0.0, 0.0, 0.0};
  CHECK(sharing::detail::apartment_sum(padded, 8) == 4.0);
  CHECK_FALSE(sharing::settlement_register_widths().empty());
  CHECK(sharing::settlement_register_widths().front() == 2);
}

TEST_CASE("the fast settlement matches the reference when the apartments do not fill the last block of four",
          "[sharing][settlement][reference]") {
  // The paired first round reads whole blocks of four apartments from the offtake itself and
  // the last, partial block from a padded copy: 1, 2, 3, 5, 6 and 7 apartments take that path.
  for (int n : {1, 2, 3, 5, 6, 7}) {
    sharing::BuildingSeries series = bench_building().series;
    series.offtake_kwh = Eigen::MatrixXd(series.offtake_kwh.topRows(n));
    Eigen::ArrayXd shares = Eigen::ArrayXd::LinSpaced(n, 1.0, 3.0);
    shares /= shares.sum();
    for (int rounds : {1, 3}) {
      INFO(n << " apartments, " << rounds << " rounds");
      REQUIRE(sharing::detail::Allocator::pairs(sharing::detail::compile_key(sharing::fixed_key(shares, rounds), n)));
      check_against_reference(series, {{sharing::fixed_key(shares, rounds)}, {}}, 1.0);
      check_against_reference(series, {{sharing::fixed_key(shares, rounds)}, {}}, 0.9);
    }
  }
}
