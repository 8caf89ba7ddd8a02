// A building with an apartment that has its own PV behind its meter (several injectors,
// docs/sharing-rules.md): scenario syntax, the series the engine builds, the balance of every
// quarter-hour per injector, and the money that follows.
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

using namespace deelstroom;

namespace {

const char* kBuilding = R"(
[site]
latitude = 51.05
longitude = 3.72
year = 2025

[[pv.arrays]]
name = "dak"
kwp = 8.0

[[pv.arrays]]
name = "eigen PV van A"
kwp = 4.0
meter = "A"

[common]
archetype = "common_basic"
annual_kwh = 1500.0

[[apartments]]
id = "A"
shares = 400
archetype = "couple_retired"
annual_kwh = 2500.0

[[apartments]]
id = "B"
shares = 300
archetype = "home_worker"
annual_kwh = 3000.0

[[apartments]]
id = "C"
shares = 300
archetype = "family_children"
annual_kwh = 4000.0

[key]
type = "relative"
preset = "shares"

[tariffs.sharing]
internal_price_eur_per_kwh = 0.11
)";

std::string with(const std::string& from, const std::string& to) {
  std::string text = kBuilding;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("An array on an apartment's meter: own use first, the rest injected and shared, never to itself",
          "[simulation][injectors]") {
  const scenario::Scenario s = scenario::parse_scenario(kBuilding, "own_pv.toml");
  REQUIRE(s.pv.arrays[1].meter == "A");
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding b = simulation::prepare_building(s, caches);
  const sharing::BuildingSeries& series = b.series;
  REQUIRE(series.has_apartment_injection());
  // The common connection's production is the roof array only.
  CHECK(series.production_kwh.sum() == Approx(b.arrays[0].ac_kwh_total).epsilon(1e-12));
  // A's own PV: what it used itself plus what it injected is its production; its offtake is
  // its consumption less what it used itself.
  const simulation::ConsumptionOrigin& a = b.apartment_origins[0];
  CHECK(a.own_pv_kwh == Approx(b.arrays[1].ac_kwh_total).epsilon(1e-12));
  CHECK(a.own_pv_self_consumed_kwh + a.annual_injection_kwh == Approx(a.own_pv_kwh).epsilon(1e-12));
  CHECK(series.offtake_kwh.row(0).sum() + a.own_pv_self_consumed_kwh == Approx(a.annual_kwh).epsilon(1e-12));
  CHECK(series.injection_kwh.row(1).sum() == 0.0);
  // Per quarter-hour on one meter: offtake or injection, not both (the model nets within it).
  for (int t = 0; t < series.interval_count(); ++t) {
    REQUIRE(series.offtake_kwh(0, t) * series.injection_kwh(0, t) == 0.0);
  }

  const simulation::KeyRun run = simulation::run_key(s, b, s.key, true);
  const sharing::SettlementResult& r = run.settlement;
  double worst = 0.0;
  for (int t = 0; t < series.interval_count(); ++t) {
    const double common_injection =
        series.production_kwh[t] - std::min(series.production_kwh[t], series.common_consumption_kwh[t]);
    const double apartments_shared = r.injection_shared_kwh.col(t).sum();
    const double common_shared = common_injection - r.injected_kwh[t];
    // Everything allocated came from an injector's shared part.
    worst = std::max(worst, std::abs(r.allocated_kwh.col(t).sum() - common_shared - apartments_shared));
    REQUIRE(r.injected_kwh[t] >= -1e-12);
    for (int i = 0; i < 3; ++i) {
      REQUIRE(r.allocated_kwh(i, t) <= series.offtake_kwh(i, t) + 1e-12);
      REQUIRE(r.injection_shared_kwh(i, t) <= series.injection_kwh(i, t) + 1e-12);
      // Relative key: in a quarter-hour where A injects it receives nothing (its share is 0
      // and it takes nothing then).
      if (series.injection_kwh(i, t) > 0.0) REQUIRE(r.allocated_kwh(i, t) == 0.0);
    }
  }
  CHECK(worst <= 1e-9);
  CHECK(r.year.apartments_injection_kwh == Approx(a.annual_injection_kwh).epsilon(1e-12));
  CHECK(r.year.apartments_injection_kwh - r.year.apartments_injected_kwh > 0.0);  // A's injection was shared

  // Money: A is paid the internal price for its shared injection and sells the rest; the
  // association is paid for the common connection's part only.
  const economics::EconomicsResult money = simulation::run_economics(s, b, run.key);
  const economics::ApartmentResult& owner = money.apartments[0];
  const double a_shared_injection = r.injection_shared_by_month_period.row(0).sum();
  CHECK(owner.bill_with_sharing.year.sharing_income_eur == Approx(0.11 * a_shared_injection).epsilon(1e-9));
  CHECK(owner.bill_with_sharing.sold_to_sharing_kwh == Approx(a_shared_injection).epsilon(1e-12));
  CHECK(owner.bill_no_pv.injected_kwh == Approx(a.annual_injection_kwh).epsilon(1e-12));
  CHECK(owner.bill_no_pv.year.sharing_income_eur == 0.0);
  CHECK(money.association.years[1].internal_income_eur ==
        Approx(0.11 * r.year.common_shared_kwh()).epsilon(1e-9));
  CHECK(r.year.common_shared_kwh() == Approx(r.year.shared_kwh - a_shared_injection).epsilon(1e-12));
}

TEST_CASE("Key types and meters in the scenario file: clear errors, what-if warnings", "[scenario][injectors][fluvius]") {
  auto message_of = [](const std::string& text) {
    try {
      scenario::parse_scenario(text, "keys.toml");
    } catch (const InputError& error) {
      return error.where().field + ": " + error.message();
    }
    return std::string("no error");
  };
  CHECK_THAT(message_of(with("meter = \"A\"", "meter = \"Z\"")), Catch::Contains("pv.arrays") && Catch::Contains("\"Z\"") &&
                                                                      Catch::Contains("\"A\", \"B\", \"C\""));
  CHECK_THAT(message_of(with("type = \"relative\"", "type = \"optimal\"\nrounds = 3")),
             Catch::Contains("key.rounds") && Catch::Contains("cascade"));
  CHECK_THAT(message_of(with("type = \"relative\"", "type = \"cascade\"")), Catch::Contains("rounds = 2 or more"));
  // Older files: "static" with rounds is a cascade, without rounds the fixed key.
  CHECK(scenario::parse_scenario(with("type = \"relative\"", "type = \"static\"\nrounds = 2"), "old.toml").key.type == "cascade");
  CHECK(scenario::parse_scenario(with("type = \"relative\"", "type = \"static\""), "old.toml").key.type == "fixed");
  // A key Fluvius does not compute runs, with a warning that says so.
  const scenario::Scenario what_if = scenario::parse_scenario(with("type = \"relative\"", "type = \"proportional\""), "w.toml");
  bool warned = false;
  for (const Text& w : what_if.warnings) warned |= w.english.find("not offered by Fluvius") != std::string::npos;
  CHECK(warned);
  const scenario::Scenario offered = scenario::parse_scenario(kBuilding, "o.toml");
  for (const Text& w : offered.warnings) CHECK(w.english.find("not offered") == std::string::npos);
  // The meter survives a write and read.
  const scenario::Scenario again = scenario::parse_scenario(scenario::format_scenario(offered), "o.toml");
  CHECK(again.pv.arrays[1].meter == "A");
  CHECK(again.key.type == "relative");
}
