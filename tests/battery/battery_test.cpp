// The association's battery: its rule by hand on four quarter-hours, nothing created or lost
// beyond the stated efficiency in any quarter-hour of a real year, the building's balance
// with the battery, its costs in the association's account, and the scenario's [battery].
#include <catch2/catch.hpp>

#include <cmath>

#include "core/battery/battery.hpp"
#include "core/common/data_dir.hpp"
#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/battery_effect.hpp"
#include "core/simulation/engine.hpp"
#include "tests/cli/cli_support.hpp"
#include "tests/eigen_values.hpp"

#include <fstream>

using namespace deelstroom;

namespace {

using test::values;

scenario::Scenario example_with_battery(double capacity_kwh, double power_kw) {
  scenario::Scenario s = scenario::read_scenario(example_scenario_path());
  s.battery.capacity_kwh = capacity_kwh;
  s.battery.power_kw = power_kw;
  s.battery.round_trip_efficiency = 0.9;
  s.battery.cost_eur = 12000.0;
  scenario::sync_economics(s);
  return s;
}

}  // namespace

TEST_CASE("Battery rule by hand: charge what no key can share, discharge to what is left open", "[battery]") {
  // 1 kWh, 4 kW (1 kWh a quarter-hour), round trip 0.81 (0.9 each way); one participant and
  // one apartment outside the sharing (its 5 kWh must not count).
  battery::BatterySpec spec{1.0, 4.0, 0.81};
  const Eigen::ArrayXd pv = values({2.0, 0.0, 0.0, 3.0});
  const Eigen::ArrayXd common = values({0.5, 0.2, 1.0, 0.0});
  Eigen::MatrixXd offtake(2, 4);
  offtake << 0.5, 0.3, 0.0, 0.0,  //
      5.0, 5.0, 5.0, 5.0;
  const battery::BatteryDispatch d = battery::dispatch_battery(spec, pv, common, offtake, {true, false}, 0.25);
  // t0: surplus 1.5, demand 0.5: 1.0 no key can share -> charged 1.0, stored 0.9.
  CHECK(d.charge_kwh[0] == Approx(1.0));
  CHECK(d.stored_kwh[0] == Approx(0.9));
  // t1: common deficit 0.2 + apartment 0.3 -> discharges 0.5, stored 0.9 - 0.5 / 0.9.
  CHECK(d.discharge_kwh[1] == Approx(0.5));
  CHECK(d.stored_kwh[1] == Approx(0.9 - 0.5 / 0.9));
  // t2: deficit 1.0 but only 0.34444 x 0.9 = 0.31 left to give -> empty.
  CHECK(d.discharge_kwh[2] == Approx((0.9 - 0.5 / 0.9) * 0.9));
  CHECK(d.stored_kwh[2] == Approx(0.0).margin(1e-12));
  // t3: surplus 3, nobody to share with: charged at its power limit (1 kWh), stored 0.9.
  CHECK(d.charge_kwh[3] == Approx(1.0));
  CHECK(d.stored_kwh[3] == Approx(0.9));
  CHECK(d.charged_kwh == Approx(2.0));
  CHECK(d.discharged_kwh == Approx(0.81));
  CHECK(d.losses_kwh == Approx(0.29));  // 2 x 0.1 charging + 0.9 x 0.1 discharging
  const Eigen::ArrayXd net = d.net_production(pv);
  CHECK(net[0] == Approx(1.0));
  CHECK(net[1] == Approx(0.5));
  CHECK(net[3] == Approx(2.0));
  // Half the power: half a kWh a quarter-hour.
  spec.power_kw = 2.0;
  CHECK(battery::dispatch_battery(spec, pv, common, offtake, {true, false}, 0.25).charge_kwh[0] == Approx(0.5));
  CHECK_THROWS(battery::dispatch_battery({1.0, 0.0, 0.9}, pv, common, offtake, {true, false}, 0.25));
  REQUIRE(battery::validate({1.0, 1.0, 0.3}));
  CHECK(battery::validate({1.0, 1.0, 0.3})->field == "round_trip_efficiency");
  CHECK(!battery::validate({1.0, 1.0, 0.9}));
}

TEST_CASE("Battery on the example building: every quarter-hour balances, nothing beyond the efficiency lost", "[battery][balance]") {
  const scenario::Scenario s = example_with_battery(30.0, 10.0);
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding b = simulation::prepare_building(s, caches);
  REQUIRE(b.battery);
  const battery::BatteryDispatch& d = *b.battery;
  const double one_way = std::sqrt(0.9);
  const simulation::KeyRun run = simulation::run_key(s, b, s.key, true);
  double worst_battery = 0.0, worst_building = 0.0;
  int violations = 0;
  double before = 0.0;
  for (int t = 0; t < b.series.interval_count(); ++t) {
    // Stored energy moves by the charge x sqrt(eta) and the discharge / sqrt(eta), no more.
    worst_battery = std::max(worst_battery, std::abs(d.stored_kwh[t] - before - d.charge_kwh[t] * one_way + d.discharge_kwh[t] / one_way));
    before = d.stored_kwh[t];
    if (d.charge_kwh[t] > 10.0 * 0.25 + 1e-12 || d.discharge_kwh[t] > 10.0 * 0.25 + 1e-12) ++violations;
    if (d.stored_kwh[t] < -1e-12 || d.stored_kwh[t] > 30.0 + 1e-9) ++violations;
    if (d.charge_kwh[t] > 0.0 && d.discharge_kwh[t] > 0.0) ++violations;
    // The PV on the common connection = what the key saw + charge - discharge.
    worst_battery = std::max(worst_battery, std::abs(b.pv_production_kwh[t] - b.series.production_kwh[t] - d.charge_kwh[t] + d.discharge_kwh[t]));
    // The building: P' = Sc + shared + injected.
    const double production = b.series.production_kwh[t];
    const double common_self = std::min(production, b.series.common_consumption_kwh[t]);
    worst_building = std::max(worst_building, std::abs(production - common_self - run.settlement.allocated_kwh.col(t).sum() -
                                                       run.settlement.injected_kwh[t]));
  }
  CHECK(worst_battery <= 1e-9);
  CHECK(worst_building <= 1e-9);
  CHECK(violations == 0);
  // The year: losses are exactly what the efficiency takes on the way in and out.
  const double end = d.stored_kwh[d.stored_kwh.size() - 1];
  CHECK(d.losses_kwh == Approx(d.charged_kwh * (1.0 - one_way) + d.discharged_kwh * (1.0 / one_way - 1.0)).epsilon(1e-9));
  CHECK(d.charged_kwh - d.discharged_kwh - end == Approx(d.losses_kwh).epsilon(1e-12));
  CHECK(d.discharged_kwh > 1000.0);  // it does something on this building (20 MWh PV, 41 % shared)

  // Against the same building without a battery: less injected, at least as much shared.
  const scenario::Scenario plain = example_with_battery(0.0, 0.0);
  const simulation::PreparedBuilding p = simulation::prepare_building(plain, caches);
  CHECK(!p.battery);
  const simulation::KeyRun plain_run = simulation::run_key(plain, p, plain.key, false);
  CHECK(run.settlement.year.injected_kwh < plain_run.settlement.year.injected_kwh - 1000.0);
  CHECK(run.settlement.year.shared_kwh >= plain_run.settlement.year.shared_kwh);
  CHECK(p.series.production_kwh.sum() == Approx(b.pv_production_kwh.sum()).epsilon(1e-12));
}

TEST_CASE("Battery costs: in the investment with VAT, replaced at the end of its lifetime", "[battery][economics]") {
  scenario::Scenario s = example_with_battery(20.0, 10.0);
  s.battery.cost_eur = 10000.0;
  s.battery.lifetime_years = 10;
  s.battery.replacement_eur = 8000.0;
  s.economics.analysis.escalation.costs = 0.0;
  scenario::sync_economics(s);
  scenario::Scenario without = s;
  without.battery = {};
  scenario::sync_economics(without);
  simulation::SimulationCaches caches;
  const auto with_money = simulation::run_economics(s, simulation::prepare_building(s, caches),
                                                    simulation::run_key(s, simulation::prepare_building(s, caches), s.key, false));
  const simulation::PreparedBuilding bare = simulation::prepare_building(without, caches);
  const auto without_money = simulation::run_economics(without, bare, simulation::run_key(without, bare, without.key, false));
  const double vat = s.economics.investment.vat_rate;
  CHECK(with_money.association.investment.total_eur - without_money.association.investment.total_eur ==
        Approx(10000.0 * (1.0 + vat)));
  const int horizon = with_money.horizon_years;
  REQUIRE(horizon >= 21);
  for (int y = 1; y <= horizon; ++y) {
    INFO("year " << y);
    const double expected = (y % 10 == 0 && y < horizon) ? 8000.0 * (1.0 + vat) : 0.0;
    CHECK(with_money.association.years[static_cast<std::size_t>(y)].battery_eur == Approx(expected));
  }
}

TEST_CASE("Scenario battery table: read, written back, bad values named", "[battery][scenario]") {
  const std::string base = read_text_file(example_scenario_path());
  scenario::Scenario s = scenario::parse_scenario(
      base + "\n[battery]\ncapacity_kwh = 20\nround_trip_efficiency = 0.92\ncost_eur = 9000\n", "b.toml");
  CHECK(s.battery.capacity_kwh == 20.0);
  CHECK(s.battery.power_kw == 10.0);  // default: a two-hour battery
  CHECK(s.battery.round_trip_efficiency == 0.92);
  CHECK(s.economics.investment.battery_eur == 9000.0);
  CHECK(s.economics.investment.battery_replacement_eur == 9000.0);
  const scenario::Scenario back = scenario::parse_scenario(scenario::format_scenario(s, "b.toml"), "b.toml");
  CHECK(back.battery.capacity_kwh == 20.0);
  CHECK(back.battery.power_kw == 10.0);
  CHECK(back.battery.cost_eur == 9000.0);
  try {
    scenario::parse_scenario(base + "\n[battery]\ncapacity_kwh = 20\nround_trip_efficiency = 0.3\n", "b.toml");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.where().field == "battery.round_trip_efficiency");
  }
  try {
    scenario::parse_scenario(base + "\n[battery]\ncapacity_kwh = 20\npower_kw = 0\n", "b.toml");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.where().field == "battery.power_kw");
  }
}

TEST_CASE("Battery effect: the building without it is the building never given one", "[battery][economics]") {
  const scenario::Scenario s = example_with_battery(20.0, 10.0);
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding b = simulation::prepare_building(s, caches);
  const simulation::KeyRun run = simulation::run_key(s, b, s.key, false);
  const economics::EconomicsResult money = simulation::run_economics(s, b, run);
  const auto effect = simulation::battery_effect(s, b, run, money);
  REQUIRE(effect);
  // An independent path: the scenario without [battery], prepared from scratch.
  scenario::Scenario plain = s;
  plain.battery = {};
  scenario::sync_economics(plain);
  const simulation::PreparedBuilding p = simulation::prepare_building(plain, caches);
  const simulation::KeyRun plain_run = simulation::run_key(plain, p, plain.key, false);
  const economics::EconomicsResult plain_money = simulation::run_economics(plain, p, plain_run);
  CHECK(effect->shared_without_kwh == plain_run.settlement.year.shared_kwh);
  CHECK(effect->injected_without_kwh == plain_run.settlement.year.injected_kwh);
  CHECK(effect->npv_without_eur == Approx(plain_money.association.indicators.npv_eur).epsilon(1e-12));
  CHECK(effect->npv_with_eur == money.association.indicators.npv_eur);
  CHECK(effect->investment_eur == Approx(12000.0 * (1.0 + s.economics.investment.vat_rate)));
  CHECK(effect->discharged_kwh == b.battery->discharged_kwh);
  // Without a battery there is no effect to show.
  CHECK(!simulation::battery_effect(plain, p, plain_run, plain_money));
}

TEST_CASE("Battery in the CLI: a sweep variable of batch, a block of run --json", "[battery][cli]") {
  const auto dir = test::fresh_directory("battery_cli");
  const auto batch = test::run_cli("batch --scenario tests/data/batch/small.toml --sweep battery.capacity_kwh=0,10 --quiet --threads 1 --out '" +
                                       (dir / "sweep").string() + "'",
                                   "battery_sweep");
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  const std::string cases = test::read_whole_file(dir / "sweep" / "cases.csv");
  CHECK_THAT(cases, Catch::Contains(",battery_kwh,battery_charged_kwh,battery_discharged_kwh,battery_losses_kwh\r\n"));
  CHECK_THAT(cases, Catch::Contains(",0,0,0,0\r\n"));  // the case without a battery
  CHECK_THAT(test::read_whole_file(dir / "sweep" / "summary_groups.csv"), Catch::Contains("\r\nbattery.capacity_kwh,10,npv_eur,1,0,"));

  const std::string scenario = (dir / "battery.toml").string();
  {
    std::ofstream out(scenario);
    out << read_text_file(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "tests/data/batch/small.toml")
        << "\n[battery]\ncapacity_kwh = 10\npower_kw = 5\ncost_eur = 6000\n";
  }
  const auto run = test::run_cli("run '" + scenario + "' --json", "battery_json");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("\"battery\": {"));
  CHECK_THAT(run.out, Catch::Contains("\"capacity_kwh\": 10"));
  CHECK_THAT(run.out, Catch::Contains("\"npv_without_eur\": "));
  const auto text = test::run_cli("run '" + scenario + "'", "battery_text");
  CHECK_THAT(text.out, Catch::Contains("Batterij van de VME"));
  CHECK_THAT(text.out, Catch::Contains("uit de batterij geleverd"));
}
