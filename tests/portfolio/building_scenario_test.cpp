// From a table row to a scenario: the fields checked by hand against the row and the base
// (the shipped example building: 10 apartments, common parts 3,500 kWh, seed 2025).
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "core/portfolio/building_scenario.hpp"
#include "core/scenario/scenario_io.hpp"
#include "tests/cli/cli_support.hpp"

using deelstroom::InputError;
using namespace deelstroom::portfolio;

namespace {

deelstroom::scenario::Scenario example_base() {
  return deelstroom::scenario::read_scenario(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "example.toml");
}

BuildingRow six_apartments() {
  return parse_buildings_table(
             "id,name,apartments,households,rented,roof_kwp,azimuth_deg,tilt_deg,dso_area,latitude\n"
             "ANT-9,Residentie Test,6,couple_working:4+single_retired:2,1,12,oost-west,10,antwerpen,51.2\n",
             "t.csv", "/data")
      .rows.front();
}

}  // namespace

TEST_CASE("A generated building carries the row's apartments, roof, area and site on the base's assumptions") {
  const auto base = example_base();
  const auto s = building_scenario(base, six_apartments(), "t.csv");
  CHECK(s.site.name == "Residentie Test");
  CHECK(s.site.latitude_deg == 51.2);
  CHECK(s.site.longitude_deg == base.site.longitude_deg);  // not in the row: the base's
  REQUIRE(s.apartments.size() == 6);
  const char* archetypes[] = {"couple_working", "couple_working", "couple_working", "couple_working", "single_retired",
                              "single_retired"};
  for (std::size_t i = 0; i < 6; ++i) {
    INFO(i);
    CHECK(s.apartments[i].id == "A0" + std::to_string(i + 1));
    CHECK(s.apartments[i].consumption.archetype == archetypes[i]);
    CHECK_FALSE(s.apartments[i].consumption.annual_kwh.has_value());  // the archetype's default
    CHECK(s.apartments[i].shares == Approx(1000.0 / 6.0));           // equal: 166.67 each
    CHECK(s.apartments[i].occupancy == (i == 5 ? deelstroom::scenario::Occupancy::tenant : deelstroom::scenario::Occupancy::owner));
  }
  // East-west: 12 kWp split in two halves of 6 kWp facing 90° and 270°, at the row's tilt,
  // with the base's losses (the example's shading 2 %).
  REQUIRE(s.pv.arrays.size() == 2);
  CHECK(s.pv.arrays[0].kwp == 6.0);
  CHECK(s.pv.arrays[0].azimuth_deg == 90.0);
  CHECK(s.pv.arrays[1].kwp == 6.0);
  CHECK(s.pv.arrays[1].azimuth_deg == 270.0);
  CHECK(s.pv.arrays[1].tilt_deg == 10.0);
  CHECK(s.pv.arrays[0].losses.shading_pct == 2.0);
  CHECK_FALSE(s.pv.arrays[0].inverter_ac_kw.has_value());
  CHECK(s.pv.arrays[0].meter == "common");
  // Common parts: 3,500 kWh for the example's 10 apartments -> 3,500 x 6 / 10 = 2,100 kWh.
  REQUIRE(s.common.annual_kwh.has_value());
  CHECK(*s.common.annual_kwh == Approx(2100.0));
  CHECK(s.economics.tariffs.dso_area == "antwerpen");
  CHECK(s.economics.tariffs.year == base.economics.tariffs.year);
  CHECK(s.economics.tariffs.sharing.internal_price_eur_per_kwh == base.economics.tariffs.sharing.internal_price_eur_per_kwh);
  CHECK(s.key.type == base.key.type);
  CHECK(s.key.preset == base.key.preset);
  CHECK(s.seed == building_seed(2025, "ANT-9"));
  CHECK(s.seed != base.seed);
}

TEST_CASE("A south roof is one array, given shares are kept, ids get three digits from 100 apartments") {
  auto row = six_apartments();
  row.east_west = false;
  row.azimuth_deg = 200.0;
  row.shares_per_mille = {100, 100, 200, 200, 200, 200};
  const auto s = building_scenario(example_base(), row, "t.csv");
  REQUIRE(s.pv.arrays.size() == 1);
  CHECK(s.pv.arrays[0].kwp == 12.0);
  CHECK(s.pv.arrays[0].azimuth_deg == 200.0);
  CHECK(s.apartments[2].shares == 200.0);
  CHECK(apartment_id(0, 99) == "A01");
  CHECK(apartment_id(99, 120) == "A100");
  CHECK(apartment_id(4, 120) == "A005");
}

TEST_CASE("The seed is the FNV-1a 64 of base seed and id below 2^63, and a written scenario reads back") {
  // FNV-1a 64 of "1/a": offset basis 0xcbf29ce484222325, prime 0x100000001b3, bytes 0x31 0x2f 0x61.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : std::string("1/a")) hash = (hash ^ c) * 0x100000001b3ULL;
  CHECK(building_seed(1, "a") == (hash & 0x7fffffffffffffffULL));
  const auto s = building_scenario(example_base(), six_apartments(), "t.csv");
  const auto dir = deelstroom::test::fresh_directory("portfolio_scenario");
  deelstroom::scenario::write_scenario(s, dir / "ANT-9.toml");
  const auto back = deelstroom::scenario::read_scenario(dir / "ANT-9.toml");
  CHECK(back.seed == s.seed);
  CHECK(back.apartments.size() == 6);
  CHECK(back.economics.tariffs.dso_area == "antwerpen");
  std::filesystem::remove_all(dir);
}

TEST_CASE("Rows that cannot become a scenario are named at their cell") {
  const auto base = example_base();
  SECTION("an unknown network area") {
    auto row = six_apartments();
    row.dso_area = "gent";
    try {
      building_scenario(base, row, "t.csv");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().file == "t.csv");
      CHECK(e.where().line == 2);
      CHECK(e.where().column == row.dso_area_column);
      CHECK(e.where().field == "dso_area");
      CHECK(std::string(e.what()).find("imewo") != std::string::npos);  // the known areas are listed
    }
  }
  SECTION("a meter folder with the wrong number of files") {
    const auto dir = deelstroom::test::fresh_directory("portfolio_meters");
    std::ofstream(dir / "one.csv") << "x\n";
    auto row = parse_buildings_table("id,apartments,meters,roof_kwp,dso_area\nM,2,m,5,west\n", "t.csv", dir).rows.front();
    row.meter_folder = dir;
    try {
      building_scenario(base, row, "t.csv");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().line == 2);
      CHECK(e.where().column == 5);
      CHECK(e.where().field == "meters");
      CHECK(std::string(e.what()).find("holds 1 files, expected one per apartment (2)") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
  }
  SECTION("a base key that names apartments") {
    auto custom = base;
    custom.key.preset = "custom";
    CHECK_THROWS_AS(building_scenario(custom, six_apartments(), "t.csv"), InputError);
  }
  SECTION("a base with one building's quote") {
    auto quoted = base;
    quoted.economics.investment.quote_eur = 25000.0;
    try {
      building_scenario(quoted, six_apartments(), "t.csv");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().field == "investment.quote_eur");
    }
  }
}
