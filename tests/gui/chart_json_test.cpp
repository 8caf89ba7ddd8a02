// Tick placement, compass words, the JSON reader and the self-check comparison.
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "gui/model/chart_scale.hpp"
#include "gui/model/mini_json.hpp"
#include "gui/model/self_check.hpp"

using namespace deelstroom;
using namespace deelstroom::gui;

TEST_CASE("nice ticks follow Heckbert's 1-2-5 steps", "[gui]") {
  // range 13.2 -> nice 20; 20 / 5 intervals = 4 -> rounded nice 5.
  const Ticks kw = nice_ticks(0.0, 13.2, 6);
  CHECK(kw.step == 5.0);
  CHECK(kw.values == std::vector<double>{0.0, 5.0, 10.0, 15.0});
  // range 4.7 -> nice 5; 5 / 4 = 1.25 -> rounded nice 1; from floor(-3.5) to ceil(1.2).
  const Ticks mixed = nice_ticks(-3.5, 1.2, 5);
  CHECK(mixed.step == 1.0);
  CHECK(mixed.values == std::vector<double>{-4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0});
  // range 0.3 -> nice 0.5; 0.5 / 4 = 0.125 -> rounded nice 0.1; values snapped to the step.
  const Ticks small = nice_ticks(0.0, 0.3, 5);
  CHECK(small.step == Approx(0.1));
  REQUIRE(small.values.size() == 4);
  CHECK(small.values[3] == 0.30000000000000004);  // 3 x 0.1 rounded as the label prints it
  // A flat series still gets an axis.
  const Ticks flat = nice_ticks(0.0, 0.0, 5);
  CHECK(flat.values.front() == 0.0);
  CHECK(flat.values.back() >= 1.0);
}

TEST_CASE("tick labels use the language's separators and the step's decimals", "[gui]") {
  CHECK(tick_label(25000.0, 5000.0, Language::dutch) == "25.000");
  CHECK(tick_label(25000.0, 5000.0, Language::english) == "25,000");
  CHECK(tick_label(0.25, 0.05, Language::dutch) == "0,25");
  CHECK(tick_label(-1.5, 0.5, Language::english) == "-1.5");
}

TEST_CASE("compass words name eight 45 degree sectors", "[gui]") {
  CHECK(compass_word(90.0, Language::dutch) == "O");
  CHECK(compass_word(90.0, Language::english) == "E");
  CHECK(compass_word(180.0, Language::dutch) == "Z");
  CHECK(compass_word(270.0, Language::dutch) == "W");
  CHECK(compass_word(359.0, Language::dutch) == "N");
  CHECK(compass_word(22.4, Language::dutch) == "N");
  CHECK(compass_word(22.6, Language::dutch) == "NO");
  CHECK(compass_word(135.0, Language::english) == "SE");
  CHECK(compass_word(-45.0, Language::english) == "NW");
}

TEST_CASE("the JSON reader finds values by path", "[gui]") {
  const JsonValue doc = parse_json(R"({"building": {"production_kwh": 20069.5, "name": "R\u00e9sidence \"Z\""},
      "apartments": [{"id": "A1", "irr": null}, {"id": "A2", "shared_kwh": 1.5e3, "ok": true}]})");
  REQUIRE(find_json(doc, "building.production_kwh") != nullptr);
  CHECK(find_json(doc, "building.production_kwh")->number == 20069.5);
  CHECK(find_json(doc, "building.name")->text == "Résidence \"Z\"");
  CHECK(find_json(doc, "apartments[1].shared_kwh")->number == 1500.0);
  CHECK(find_json(doc, "apartments[0].irr")->type == JsonValue::Type::null);
  CHECK(find_json(doc, "apartments[1].ok")->flag);
  CHECK(find_json(doc, "apartments[2].id") == nullptr);
  CHECK(find_json(doc, "building.missing") == nullptr);
  CHECK(find_json(doc, "building[0]") == nullptr);
}

TEST_CASE("malformed JSON is an InputError with the offset", "[gui]") {
  CHECK_THROWS_AS(parse_json(R"({"a": })"), InputError);
  CHECK_THROWS_AS(parse_json(R"({"a": 1} x)"), InputError);
  CHECK_THROWS_AS(parse_json(R"(["unterminated)"), InputError);
  try {
    parse_json(R"({"a": })");
  } catch (const InputError& error) {
    CHECK(error.where().column == 7);
  }
}

TEST_CASE("the self-check passes equal numbers and names every difference", "[gui]") {
  const JsonValue cli = parse_json(R"({"building": {"production_kwh": 100.25, "sharing_rate": 0.5},
      "association": {"simple_payback_years": null}, "apartments": [{"shared_kwh": 10}]})");
  std::vector<ShownNumber> shown = {{"building.production_kwh", "", "", Unit::kwh, 100.25},
                                    {"building.sharing_rate", "", "", Unit::fraction, 0.5},
                                    {"association.simple_payback_years", "", "", Unit::years, std::nullopt},
                                    {"apartments[0].shared_kwh", "", "", Unit::kwh, 10.0}};
  const SelfCheckReport equal = compare_with_cli(shown, cli);
  CHECK(equal.compared == 4);
  CHECK(equal.passed());

  shown[0].value = 100.26;                      // a different number
  shown[2].value = 12.0;                        // defined in the GUI, null in the CLI
  shown.push_back({"apartments[1].shared_kwh", "", "", Unit::kwh, 1.0});  // missing in the CLI
  const SelfCheckReport different = compare_with_cli(shown, cli);
  CHECK_FALSE(different.passed());
  REQUIRE(different.mismatches.size() == 3);
  CHECK_THAT(different.mismatches[0], Catch::StartsWith("building.production_kwh"));
  CHECK_THAT(different.mismatches[1], Catch::Contains("null"));
  CHECK_THAT(different.mismatches[2], Catch::Contains("no such field"));
  // Nothing compared is not a pass.
  CHECK_FALSE(compare_with_cli({}, cli).passed());
}

TEST_CASE("JSON nested deeper than 64 levels is refused, not a stack overflow", "[gui]") {
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  try {
    parse_json(deep);
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("64 levels") != std::string::npos);
    CHECK(error.where().column == 65);  // the 65th '[' opens one level too many
  }
  // 64 levels are fine, and siblings do not add up.
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  CHECK_NOTHROW(parse_json(ok));
  std::string wide = "[";
  for (int i = 0; i < 200; ++i) wide += std::string(i ? "," : "") + "[[1],{}]";
  CHECK_NOTHROW(parse_json(wide + "]"));
}
