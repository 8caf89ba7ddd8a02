// Scenario files: defaults, every section, precise errors, and the write-read round trip.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"

using namespace deelstroom;
using namespace deelstroom::scenario;

namespace {

const char* kSmall = R"(
[[pv.arrays]]
kwp = 10

[[apartments]]
id = "A"
shares = 500
archetype = "couple_working"

[[apartments]]
id = "B"
shares = 500
archetype = "couple_retired"
annual_kwh = 2000
)";

/// Parses text expected to fail; returns the error.
InputError parse_error(const std::string& text) {
  try {
    parse_scenario(text, "bad.toml");
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("A small scenario gets sensible defaults", "[scenario]") {
  const Scenario s = parse_scenario(kSmall, "small.toml");
  CHECK(s.site.timezone == "Europe/Brussels");
  CHECK(s.site.year == 2025);
  CHECK(s.weather.source == WeatherSource::embedded);
  REQUIRE(s.pv.arrays.size() == 1);
  CHECK(s.pv.arrays[0].tilt_deg == 35.0);
  CHECK(s.pv.arrays[0].azimuth_deg == 180.0);
  CHECK(s.common.archetype == "common_basic");
  REQUIRE(s.apartments.size() == 2);
  CHECK_FALSE(s.apartments[0].consumption.annual_kwh.has_value());
  CHECK(*s.apartments[1].consumption.annual_kwh == 2000.0);
  CHECK(s.key.type == "fixed");  // the Fluvius vaste verdeelsleutel
  CHECK(s.key.preset == "equal");
  CHECK(s.key.rounds == 1);
  CHECK(s.rules.set == "flanders");
  // Tariffs: the Flemish 2026 file at its default area, and a warning that says so.
  CHECK(s.economics.tariffs.year == 2026);
  CHECK(s.economics.tariffs.dso_area == "antwerpen");
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].english.find("dso_area") != std::string::npos);
  CHECK(s.warnings[0].english.find("Fluvius Antwerpen") != std::string::npos);
}

TEST_CASE("The bundled example scenario reads", "[scenario]") {
  const Scenario s = read_scenario(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "example.toml");
  CHECK(s.apartments.size() == 10);
  CHECK(s.pv.arrays.size() == 2);
  CHECK(s.key.preset == "shares");
  CHECK(s.apartments[9].participates == false);
  CHECK(s.apartments[6].occupancy == Occupancy::tenant);
  CHECK(*s.pv.arrays[0].losses.shading_pct == 2.0);
}

TEST_CASE("Errors name the file, line, column and field", "[scenario][errors]") {
  SECTION("malformed TOML") {
    const InputError e = parse_error("[site]\nlatitude = = 5\n");
    CHECK(e.where().file == "bad.toml");
    CHECK(e.where().line == 2);
    CHECK(std::string(e.what()).find("not valid TOML") != std::string::npos);
  }
  SECTION("unknown key type, with a hint") {
    const InputError e = parse_error(std::string(kSmall) + "\n[key]\ntype = \"statc\"\n");
    CHECK(e.where().field == "key.type");
    CHECK(e.where().line == 17);
    CHECK(std::string(e.what()).find("did you mean \"static\"") != std::string::npos);
  }
  SECTION("negative kWp") {
    const InputError e = parse_error("[[pv.arrays]]\nkwp = -3\n[[apartments]]\narchetype = \"student\"\n");
    CHECK(e.where().field == "pv.arrays[0].kwp");
    CHECK(e.where().line == 2);
    CHECK(std::string(e.what()).find("found -3") != std::string::npos);
  }
  SECTION("a misspelt field is not silently ignored") {
    const InputError e = parse_error("[[pv.arrays]]\nkwp = 3\ntilt = 30\n[[apartments]]\narchetype = \"student\"\n");
    CHECK(e.where().field == "pv.arrays[0].tilt");
    CHECK(e.where().line == 3);
    CHECK(std::string(e.what()).find("did you mean 'tilt_deg'") != std::string::npos);
  }
  SECTION("text where a number belongs") {
    const InputError e = parse_error("[site]\nlatitude = \"51\"\n[[apartments]]\narchetype = \"student\"\n");
    CHECK(e.where().field == "site.latitude");
    CHECK(std::string(e.what()).find("found text") != std::string::npos);
  }
  SECTION("custom percentages above 100 %") {
    const InputError e = parse_error(std::string(kSmall) + "\n[key]\npreset = \"custom\"\npercentages = [60, 50]\n");
    CHECK(e.where().field == "key.percentages");
    CHECK(std::string(e.what()).find("110 %") != std::string::npos);
  }
  SECTION("custom percentages of the wrong length") {
    const InputError e = parse_error(std::string(kSmall) + "\n[key]\npreset = \"custom\"\npercentages = [60]\n");
    CHECK(std::string(e.what()).find("expected 2 percentages") != std::string::npos);
  }
  SECTION("shares not adding to 1000 when the key depends on them") {
    std::string text = kSmall;
    text.replace(text.find("shares = 500"), 12, "shares = 400");
    const InputError e = parse_error(text + "\n[key]\npreset = \"shares\"\n");
    CHECK(e.where().field == "apartments[*].shares");
    CHECK(std::string(e.what()).find("900/1000") != std::string::npos);
  }
  SECTION("too many rounds for the rule set") {
    const InputError e = parse_error(std::string(kSmall) + "\n[key]\nrounds = 9\n");
    CHECK(e.where().field == "key.rounds");
  }
  SECTION("an apartment without consumption") {
    const InputError e = parse_error("[[apartments]]\nid = \"X\"\n");
    CHECK(e.where().field == "apartments[0].archetype");
  }
  SECTION("duplicate ids") {
    const InputError e = parse_error("[[apartments]]\nid = \"X\"\narchetype = \"student\"\n[[apartments]]\nid = \"X\"\narchetype = \"student\"\n");
    CHECK(e.where().line == 5);
  }
  SECTION("pvgis without a file") {
    const InputError e = parse_error(std::string(kSmall) + "\n[weather]\nsource = \"pvgis\"\n");
    CHECK(e.where().field == "weather.file");
  }
}

TEST_CASE("Shares not adding to 1000 only warn when nothing depends on them", "[scenario]") {
  std::string text = kSmall;
  text.replace(text.find("shares = 500"), 12, "shares = 400");
  const Scenario s = parse_scenario(text + "\n[tariffs]\ndso_area = \"west\"\n", "warn.toml");
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].english.find("900/1000") != std::string::npos);
}

TEST_CASE("Priority groups and per-period keys read", "[scenario]") {
  const Scenario s = parse_scenario(std::string(kSmall) + R"(
[key]
type = "priority"
[[key.groups]]
apartments = ["B"]
type = "proportional"
[[key.groups]]
type = "static"
rounds = 2
[[key.periods]]
name = "zomer"
months = [6, 7, 8]
type = "proportional"
)", "groups.toml");
  REQUIRE(s.key.groups.size() == 2);
  CHECK(s.key.groups[1].apartments == std::vector<std::string>{"A"});  // the rest
  REQUIRE(s.key.periods.size() == 1);
  CHECK(s.key.periods[0].months == std::vector<int>{6, 7, 8});
  CHECK(s.key.periods[0].key.type == "proportional");
}

TEST_CASE("Custom percentages by apartment id", "[scenario]") {
  const Scenario s = parse_scenario(std::string(kSmall) + "\n[key]\npercentages = { B = 70, A = 30 }\n", "pct.toml");
  CHECK(s.key.preset == "custom");
  CHECK(s.key.percentages == std::vector<double>{30.0, 70.0});
}

TEST_CASE("Writing and reading a scenario gives the same scenario", "[scenario][roundtrip]") {
  Scenario original = read_scenario(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "example.toml");
  original.key.type = "priority";
  original.key.groups = {{{"0.1", "0.2"}, "cascade", "custom", {40.0, 60.0}, 2, 0.5}, {{"1.1"}, "proportional", "equal", {}, 1, 0.5}};
  original.key.periods.push_back({"winter", {1, 2, 12}, KeySettings{}});
  original.pv.arrays[1].losses.total_pct = 12.5;
  original.pv.arrays[1].losses.shading_pct.reset();
  original.apartments[2].cost_share_pct = 12.25;
  original.site.latitude_deg = 51.0512345678901;
  const std::string text = format_scenario(original);
  const Scenario again = parse_scenario(text, original.source_file);
  CHECK(format_scenario(again) == text);
  CHECK(again.site.latitude_deg == original.site.latitude_deg);
  CHECK(again.key.groups[0].percentages == std::vector<double>{40.0, 60.0});
  CHECK(again.key.periods[0].months == std::vector<int>{1, 2, 12});
  CHECK(*again.pv.arrays[1].losses.total_pct == 12.5);
  CHECK(again.apartments[9].participates == false);
}

TEST_CASE("preset investment without any investment_eur is an error at key.preset", "[scenario][errors]") {
  // kSmall ends on line 14; [key] is line 15, type 16, preset 17.
  const InputError e = parse_error(std::string(kSmall) + "[key]\ntype = \"fixed\"\npreset = \"investment\"\n");
  CHECK(e.where().file == "bad.toml");
  CHECK(e.where().line == 17);
  CHECK(e.where().field == "key.preset");
  CHECK_THAT(e.message(), Catch::Contains("investment_eur"));
  // The second key of a cascade too.
  const InputError later =
      parse_error(std::string(kSmall) + "[key]\ntype = \"cascade\"\nrounds = 3\nlater_preset = \"investment\"\n");
  CHECK(later.where().field == "key.later_preset");
  CHECK(later.where().line == 18);
  // With one apartment's contribution it reads.
  std::string with_investment = kSmall;
  with_investment.replace(with_investment.find("annual_kwh = 2000"), 17, "annual_kwh = 2000\ninvestment_eur = 5000");
  const Scenario s = parse_scenario(with_investment + "[key]\ntype = \"fixed\"\npreset = \"investment\"\n", "ok.toml");
  CHECK(s.key.preset == "investment");
}

TEST_CASE("A training case's notes and questions are read and written back", "[scenario]") {
  const std::string text = std::string(kSmall) +
                           "\n[training]\nnotes = \"Twee regels:\\nwie is thuis?\"\nquestions = [\"Waarom?\", \"Hoeveel \\\"meer\\\"?\"]\n"
                           "[tariffs]\ndso_area = \"west\"\n";
  const Scenario s = parse_scenario(text, "t.toml");
  CHECK(s.training.notes == "Twee regels:\nwie is thuis?");
  REQUIRE(s.training.questions.size() == 2);
  CHECK(s.training.questions[1] == "Hoeveel \"meer\"?");
  const Scenario again = parse_scenario(format_scenario(s), "t.toml");
  CHECK(again.training.notes == s.training.notes);
  CHECK(again.training.questions == s.training.questions);
  CHECK(parse_error(std::string(kSmall) + "\n[training]\nquestion = [\"x\"]\n").where().field == "training.question");
}
