// The training cases teach what their notes say, on the tariffs they name: some buildings
// where sharing does not pay (commuters, a roof too large), some where it clearly does (large
// common parts, PV sized to the building). When a tariff file or a model change turns a
// lesson around, this test says which case no longer teaches what its notes claim.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

using namespace deelstroom;

namespace {

struct Outcome {
  double sharing_rate = 0.0;
  double association_npv_eur = 0.0;
  std::optional<double> payback_years;
  double lowest_apartment_npv_eur = 0.0;
};

Outcome outcome_of(const std::string& name) {
  const scenario::Scenario s =
      scenario::read_scenario(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "training" / name);
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  const simulation::KeyRun run = simulation::run_key(s, building, s.key, false);
  const economics::EconomicsResult money = simulation::run_economics(s, building, run);
  Outcome o;
  o.sharing_rate = run.settlement.year.sharing_rate();
  o.association_npv_eur = money.association.indicators.npv_eur;
  o.payback_years = money.association.indicators.simple_payback_years;
  o.lowest_apartment_npv_eur = money.apartments.front().total.npv_eur;
  for (const economics::ApartmentResult& a : money.apartments) {
    if (a.participates) o.lowest_apartment_npv_eur = std::min(o.lowest_apartment_npv_eur, a.total.npv_eur);
  }
  return o;
}

}  // namespace

TEST_CASE("Training lessons: where sharing does not pay and where it clearly does", "[simulation][training]") {
  // 01: commuters away in the sun hours, 16 kWp: the association does not earn it back.
  const Outcome commuters = outcome_of("01_pendelaars.toml");
  CHECK(commuters.association_npv_eur < 0.0);
  // 02: the same roof with residents at home: more is shared, still not enough for 16 kWp.
  const Outcome retired = outcome_of("02_gepensioneerden.toml");
  CHECK(retired.sharing_rate > commuters.sharing_rate);
  CHECK(retired.association_npv_eur < 0.0);
  // 07: large common parts (12,000 kWh) and 10 kWp: pays back within 12 years, nobody loses.
  const Outcome common = outcome_of("07_grote_gemeenschappelijke_delen.toml");
  CHECK(common.association_npv_eur > 0.0);
  REQUIRE(common.payback_years);
  CHECK(*common.payback_years <= 12.0);
  CHECK(common.lowest_apartment_npv_eur > 0.0);
  // 08: case 02's building with 6 kWp: over 80 % shared, it pays, nobody loses.
  const Outcome sized = outcome_of("08_dak_op_maat.toml");
  CHECK(sized.sharing_rate > 0.8);
  CHECK(sized.association_npv_eur > 0.0);
  CHECK(sized.lowest_apartment_npv_eur > 0.0);
}
