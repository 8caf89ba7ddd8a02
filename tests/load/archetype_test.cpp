// The archetype library shipped in profiles/ and the checks on its files.
#include <catch2/catch.hpp>

#include <string>

#include "core/common/embedded.hpp"
#include "core/common/error.hpp"
#include "core/load/archetype.hpp"

using namespace deelstroom;
using namespace deelstroom::load;

namespace {

std::string embedded(const char* name) {
  const auto bytes = embedded_file(name);
  REQUIRE(bytes);
  return std::string(*bytes);
}

InputError parse_error(const std::string& households, const std::string& common) {
  try {
    parse_archetype_library(households, "households.toml", common, "common_parts.toml");
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  return InputError({}, Text{});
}

}  // namespace

TEST_CASE("The archetype names are the stable scenario keys, in file order", "[load][archetype]") {
  CHECK(archetype_names() == std::vector<std::string>{"single_working", "single_retired", "couple_working", "couple_retired",
                                                      "family_children", "home_worker", "student"});
  CHECK(common_parts_names() == std::vector<std::string>{"common_basic", "common_heat_pump"});
}

TEST_CASE("Default yearly kWh lie in the ranges of sources.md", "[load][archetype]") {
  // Flemish apartments 1,500-3,000 kWh by household size (a family of four up to the 3,500 kWh
  // standard household, a student's studio below); common parts 2,000-6,000 kWh without a
  // collective heat pump.
  for (const std::string& name : archetype_names()) {
    CHECK(default_annual_kwh(name) >= 600.0);
    CHECK(default_annual_kwh(name) <= 3500.0);
  }
  CHECK(default_annual_kwh("single_working") < default_annual_kwh("couple_working"));
  CHECK(default_annual_kwh("couple_working") < default_annual_kwh("family_children"));
  CHECK(default_annual_kwh("common_basic") >= 2000.0);
  CHECK(default_annual_kwh("common_basic") <= 6000.0);
  CHECK(default_annual_kwh("common_heat_pump") > default_annual_kwh("common_basic"));
}

TEST_CASE("An unknown archetype is an input error listing the valid names", "[load][archetype]") {
  try {
    find_household_archetype("retired_couple", "apartments[2].archetype");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.where().field == "apartments[2].archetype");
    for (const std::string& name : archetype_names()) CHECK(error.message().find(name) != std::string::npos);
  }
  CHECK_THROWS_AS(default_annual_kwh("mansion"), InputError);
  CHECK_THROWS_AS(find_common_parts_archetype("common_pool"), InputError);
}

TEST_CASE("Households are built from the person types named in the file", "[load][archetype]") {
  const ArchetypeLibrary& library = archetype_library();
  const HouseholdArchetype& family = find_household_archetype("family_children");
  REQUIRE(family.persons.size() == 4);
  CHECK(library.person_types[static_cast<std::size_t>(family.persons[2])].name == "pupil");
  // The pupil's Wednesday afternoon at home, and the commuter's Wednesday = working day.
  const PersonType& pupil = library.person_types[static_cast<std::size_t>(family.persons[2])];
  CHECK(pupil.day[static_cast<int>(DayClass::wednesday)].back.mean_h == 12.5);
  CHECK(pupil.day[static_cast<int>(DayClass::working)].back.mean_h == 16.0);
  const PersonType& commuter = library.person_types[static_cast<std::size_t>(family.persons[0])];
  CHECK(commuter.day[static_cast<int>(DayClass::wednesday)].back.mean_h ==
        commuter.day[static_cast<int>(DayClass::working)].back.mean_h);
}

TEST_CASE("Mistakes in the archetype files are located errors", "[load][archetype]") {
  const std::string households = embedded("households.toml");
  const std::string common = embedded("common_parts.toml");

  SECTION("a misspelt field") {
    std::string text = households;
    text.replace(text.find("base_kw = 0.080"), 7, "basekw ");
    const InputError error = parse_error(text, common);
    CHECK(error.where().file == "households.toml");
    CHECK(error.where().line > 0);
    CHECK(error.where().field.find("household.single_working") == 0);
  }
  SECTION("an unknown person type") {
    std::string text = households;
    text.replace(text.find("persons = [\"commuter\"]"), 22, "persons = [\"pensioner\"]");
    const InputError error = parse_error(text, common);
    CHECK(error.where().field == "household.single_working.persons");
    CHECK(error.message().find("retired") != std::string::npos);
  }
  SECTION("a routine without its Sunday") {
    std::string text = households;
    const std::size_t start = text.find("sunday   = { wake = [8.00, 0.75], leave = [11.00, 1.50], back = [16.00, 1.50]");
    REQUIRE(start != std::string::npos);
    text.erase(start, text.find('\n', start) - start);
    const InputError error = parse_error(text, common);
    CHECK(error.where().field == "person.retired");
    CHECK(error.message().find("sunday") != std::string::npos);
  }
  SECTION("a movement table with 23 hours") {
    std::string text = common;
    text.replace(text.find("0.40, 0.20]"), 11, "0.40]");
    const InputError error = parse_error(households, text);
    CHECK(error.where().field == "movement.working");
    CHECK(error.where().file == "common_parts.toml");
  }
  SECTION("a TOML syntax error") {
    const InputError error = parse_error(households + "\n[household.broken\n", common);
    CHECK(error.where().line > 200);
  }
}

TEST_CASE("Every archetype has a Dutch and an English name for users, never its id", "[load][archetype][names]") {
  std::vector<std::string> ids = load::archetype_names();
  for (const std::string& id : load::common_parts_names()) ids.push_back(id);
  REQUIRE(ids.size() >= 9);
  for (const std::string& id : ids) {
    INFO(id);
    const std::string nl = load::archetype_display_name(id, true);
    const std::string en = load::archetype_display_name(id, false);
    CHECK(nl.find('_') == std::string::npos);
    CHECK(en.find('_') == std::string::npos);
  }
  // profiles/households.toml: [household.couple_retired] label_nl / label_en (the one table of names).
  CHECK(load::archetype_display_name("couple_retired", true) == "Gepensioneerd koppel");
  CHECK(load::archetype_display_name("couple_retired", false) == "Retired couple");
  CHECK(load::archetype_display_name("my_own_type", true) == "my_own_type");  // a user's addition keeps its id
}
