// The buildings table: good rows in both spreadsheet styles, and every kind of bad row with
// the file, line, character column and field of its error (columns counted by hand).
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "core/portfolio/buildings_table.hpp"

using deelstroom::InputError;
using deelstroom::portfolio::BuildingsTable;
using deelstroom::portfolio::parse_buildings_table;
using deelstroom::portfolio::parse_household_mix;

namespace {

BuildingsTable parse(const std::string& text) { return parse_buildings_table(text, "b.csv", "/data"); }

/// The error of parsing `text`; fails the test when there is none.
InputError error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& error) {
    return error;
  }
  FAIL("no error for:\n" << text);
  throw std::logic_error("unreachable");
}

const std::string kHeader = "id,name,apartments,households,roof_kwp,dso_area\n";

}  // namespace

TEST_CASE("A comma table with a decimal point gives its rows in order") {
  const BuildingsTable table = parse(
      "# portfolio of two\n"
      "id,name,apartments,shares,households,rented,roof_kwp,azimuth_deg,tilt_deg,dso_area,latitude,longitude\n"
      "B1,\"Residentie A, Gent\",3,400|300|300,couple_working:2+student:1,1,10.5,east-west,10,imewo,51.05,3.72\n"
      "\n"
      "B2,Blok B,2,,single_retired:2,,6,200,30,Antwerpen,,\n");
  CHECK(table.separator == ',');
  REQUIRE(table.rows.size() == 2);
  const auto& a = table.rows[0];
  CHECK(a.line == 3);
  CHECK(a.id == "B1");
  CHECK(a.name == "Residentie A, Gent");
  CHECK(a.apartment_count == 3);
  CHECK(a.shares_per_mille == std::vector<double>{400, 300, 300});
  REQUIRE(a.households.size() == 2);
  CHECK(a.households[0].archetype == "couple_working");
  CHECK(a.households[0].count == 2);
  CHECK(a.households[1].archetype == "student");
  CHECK(a.households[1].count == 1);
  CHECK(a.rented_count == 1);
  CHECK(a.roof_kwp == 10.5);
  CHECK(a.east_west);
  CHECK(a.tilt_deg == 10.0);
  CHECK(a.dso_area == "imewo");
  CHECK(a.latitude_deg == 51.05);
  CHECK(a.longitude_deg == 3.72);
  const auto& b = table.rows[1];
  CHECK(b.line == 5);
  CHECK(b.shares_per_mille.empty());
  CHECK(b.rented_count == 0);
  CHECK_FALSE(b.east_west);
  CHECK(b.azimuth_deg == 200.0);
  CHECK(b.dso_area == "antwerpen");  // area names are matched in lower case
  CHECK_FALSE(b.latitude_deg.has_value());
}

TEST_CASE("A Flemish Excel table: semicolons, decimal comma, byte-order mark, default orientation") {
  const BuildingsTable table = parse(
      "\xEF\xBB\xBFid;address;apartments;households;roof_kwp;tilt_deg;dso_area\n"
      "G-7;Kerkstraat 1, Aalst;2;couple_retired:1|home_worker:1;12,5;22,5;midden_vlaanderen\n");
  CHECK(table.separator == ';');
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].name == "Kerkstraat 1, Aalst");
  CHECK(table.rows[0].roof_kwp == 12.5);
  CHECK(table.rows[0].tilt_deg == 22.5);
  CHECK(table.rows[0].azimuth_deg == 180.0);
  CHECK(table.rows[0].households.size() == 2);
}

TEST_CASE("A meter folder instead of a household mix is resolved against the table's folder") {
  const BuildingsTable table = parse("id,apartments,meters,roof_kwp,dso_area\nM1,4,meters/m1,8,west\n");
  CHECK(table.rows[0].meter_folder == std::filesystem::path("/data/meters/m1"));
  CHECK(table.rows[0].meters_column == 6);  // "M1,4," is five characters
  CHECK(table.rows[0].households.empty());
  CHECK(table.rows[0].name == "M1");  // no name column: the id
}

TEST_CASE("Bad headers name the line, the column and the header cell") {
  SECTION("unknown column") {
    const InputError e = error_of("id,apartments,households,roof_kw,dso_area\n");
    CHECK(e.where().file == "b.csv");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 26);  // "id,apartments,households," is 25 characters
    CHECK(e.where().field == "roof_kw");
  }
  SECTION("repeated column") {
    const InputError e = error_of("id,apartments,households,roof_kwp,dso_area,id\n");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 44);
  }
  SECTION("missing required column") {
    const InputError e = error_of("id,apartments,households,dso_area\nB,1,student:1,west\n");
    CHECK(e.where().field == "roof_kwp");
  }
  SECTION("neither households nor meters") {
    const InputError e = error_of("id,apartments,roof_kwp,dso_area\n");
    CHECK(e.where().field == "households");
  }
  SECTION("header only") {
    const InputError e = error_of(kHeader);
    CHECK(std::string(e.what()).find("no buildings") != std::string::npos);
  }
}

TEST_CASE("Each kind of bad row is named by line, column and field") {
  struct Case {
    const char* row;
    int column;
    const char* field;
  };
  // Columns: the 1-based character where the bad cell starts on line 2.
  const Case cases[] = {
      {"B 1,x,2,student:2,5,west", 1, "id"},                     // a space cannot name a file
      {"B1,x,zwei,student:2,5,west", 6, "apartments"},          // not a number
      {"B1,x,0,student:2,5,west", 6, "apartments"},             // below 1
      {"B1,x,2,student:3,5,west", 8, "households"},             // counts add up to 3, not 2
      {"B1,x,2,astronaut:2,5,west", 8, "households"},           // unknown archetype
      {"B1,x,2,student-2,5,west", 8, "households"},             // no ':' count: read as archetype name
      {"B1,x,2,student:0+single_working:2,5,west", 8, "households"},  // count below 1
      {"B1,x,2,student:2,abc,west", 18, "roof_kwp"},            // not a number
      {"B1,x,2,student:2,0,west", 18, "roof_kwp"},              // no PV
      {"B1,x,2,student:2,5,", 20, "dso_area"},                  // empty required cell
  };
  for (const Case& c : cases) {
    INFO(c.row);
    const InputError e = error_of(kHeader + c.row + "\n");
    CHECK(e.where().file == "b.csv");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == c.column);
    CHECK(e.where().field == c.field);
  }
}

TEST_CASE("Optional cells out of range, cell counts, both mix and meters, and duplicate ids") {
  const std::string header = "id,apartments,shares,households,meters,rented,roof_kwp,azimuth_deg,tilt_deg,dso_area\n";
  SECTION("shares: one per apartment") {
    const InputError e = error_of(header + "B1,3,500|500,student:3,,,5,180,30,west\n");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 6);
    CHECK(e.where().field == "shares");
  }
  SECTION("more rented than apartments") {
    const InputError e = error_of(header + "B1,3,,student:3,,4,5,180,30,west\n");
    CHECK(e.where().column == 18);
    CHECK(e.where().field == "rented");
  }
  SECTION("azimuth neither degrees nor east-west") {
    const InputError e = error_of(header + "B1,3,,student:3,,,5,zuid,30,west\n");
    CHECK(e.where().column == 21);
    CHECK(e.where().field == "azimuth_deg");
  }
  SECTION("tilt above 90") {
    const InputError e = error_of(header + "B1,3,,student:3,,,5,180,95,west\n");
    CHECK(e.where().column == 25);
    CHECK(e.where().field == "tilt_deg");
  }
  SECTION("both a household mix and meters") {
    const InputError e = error_of(header + "B1,3,,student:3,m/,,5,180,30,west\n");
    CHECK(e.where().column == 17);
    CHECK(e.where().field == "households");
  }
  SECTION("a missing cell") {
    const InputError e = error_of(header + "B1,3,,student:3,,,5,180,30\n");
    CHECK(e.where().line == 2);
    CHECK(std::string(e.what()).find("expected 10 cells") != std::string::npos);
  }
  SECTION("an id used twice names both lines") {
    const InputError e = error_of(header + "B1,3,,student:3,,,5,180,30,west\n# comment\nB1,2,,student:2,,,5,180,30,west\n");
    CHECK(e.where().line == 4);
    CHECK(e.where().column == 1);
    CHECK(e.where().field == "id");
    CHECK(std::string(e.what()).find("line 2") != std::string::npos);
  }
  SECTION("a decimal comma in a comma file is a cell too many") {
    const InputError e = error_of(header + "B1,3,,student:3,,,5,5,180,30,west\n");
    CHECK(std::string(e.what()).find("found 11") != std::string::npos);
  }
}

TEST_CASE("The household mix accepts '+' and '|' and spaces, and a bare archetype counts once") {
  const auto mix = parse_household_mix(" couple_working : 4 | student+single_retired:2", "f", 1, 1);
  REQUIRE(mix.size() == 3);
  CHECK(mix[0].archetype == "couple_working");
  CHECK(mix[0].count == 4);
  CHECK(mix[1].archetype == "student");
  CHECK(mix[1].count == 1);
  CHECK(mix[2].count == 2);
}
