// The tariff data files (docs/tariffs.md): published figures, a source for every value, clear
// errors, and next year's file read without recompiling.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/common/error.hpp"
#include "core/report/tariff_listing.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/tariffs/tariff_file.hpp"
#include "tests/cli/cli_support.hpp"

using namespace deelstroom;
using Catch::Detail::Approx;

TEST_CASE("Flemish 2026 tariffs per Fluvius area are the VREG list's figures", "[tariffs]") {
  // Control values of the VREG 2026 lists (sheets FA and FW, digital meter, excl. VAT).
  const auto west = tariffs::load_tariffs("flanders", 2026, "west");
  CHECK(west->area_name == "Fluvius West");
  CHECK(west->tariffs.network.capacity_eur_per_kw_per_year == 57.0995726);
  CHECK(west->tariffs.network.distribution_eur_per_kwh == 0.0280823);
  CHECK(west->tariffs.network.public_service_eur_per_kwh == 0.0332887);
  CHECK(west->tariffs.network.surcharges_eur_per_kwh == 0.0018227);
  const auto antwerpen = tariffs::load_tariffs("flanders", 2026, "antwerpen");
  CHECK(antwerpen->tariffs.network.capacity_eur_per_kw_per_year == 49.4036563);
  // The offtake tariff suppliers print is the sum: Antwerpen 5.35 c€/kWh incl. 6 % VAT on a
  // DATS 24 card (spring 2026); Imewo 0.0522864 €/kWh excl. VAT on the Ecopower card (April 2026).
  CHECK(antwerpen->tariffs.network.distribution_total_eur_per_kwh() * 1.06 == Approx(0.0535).margin(0.00005));
  const auto imewo = tariffs::load_tariffs("flanders", 2026, "imewo");
  CHECK(imewo->tariffs.network.distribution_total_eur_per_kwh() == Approx(0.0522864).margin(1e-9));
  for (const auto& area : {west, antwerpen, imewo}) {
    CHECK(area->tariffs.network.data_management_eur_per_year == 17.85);
    CHECK(area->tariffs.network.max_kwh_tariff_eur_per_kwh == 0.3276168);
    CHECK(area->tariffs.network.capacity_min_peak_kw == 2.5);
    CHECK(area->tariffs.network.transmission_eur_per_kwh == 0.0);  // included in the Flemish list
    CHECK(area->tariffs.vat_rate == 0.06);
    CHECK(area->rules.capacity_tariff);
    CHECK(area->rules.network_charges_on_shared == 1.0);  // Fluvius: no discount on shared kWh
    CHECK(area->tariffs.network.sharing_participant_fee_eur_per_year == 1.0);
    CHECK(area->tariffs.levies.certificates_eur_per_kwh == 0.015);
  }
  CHECK(antwerpen->areas.size() == 8);
  // The 2025 list differs (e.g. West 56.93 €/kW/year, data management 17.51 €/year).
  const auto west_2025 = tariffs::load_tariffs("flanders", 2025, "west");
  CHECK(west_2025->tariffs.network.capacity_eur_per_kw_per_year == 56.9323959);
  CHECK(west_2025->tariffs.network.data_management_eur_per_year == 17.51);
}

TEST_CASE("The excise and energy contribution follow the published path", "[tariffs]") {
  const economics::Levies& levies = tariffs::load_tariffs("flanders", 2026, "")->tariffs.levies;
  CHECK(levies.excise_at(2026, 7) == Approx(0.04748));
  CHECK(levies.excise_at(2026, 8) == Approx(0.046));
  CHECK(levies.excise_at(2027, 1) == Approx(0.043));
  CHECK(levies.excise_at(2028, 6) == Approx(0.040));
  CHECK(levies.excise_at(2029, 12) == Approx(0.038));
  CHECK(levies.excise_at(2035, 1) == Approx(0.038));  // after the path: its last value
  CHECK(levies.energy_contribution_at(2026, 7) == Approx(0.0019261));
  CHECK(levies.energy_contribution_at(2026, 8) == 0.0);
  // The flat values are those in force on 1 January of the file's year.
  CHECK(levies.excise_eur_per_kwh == Approx(0.04748));
  CHECK(levies.energy_contribution_eur_per_kwh == Approx(0.0019261));
}

TEST_CASE("Brussels and Wallonia: no capacity tariff, reduced distribution tariffs on shared kWh", "[tariffs]") {
  const auto wallonia = tariffs::load_tariffs("wallonia", 2026, "");
  CHECK(wallonia->area_id == "ores");
  CHECK_FALSE(wallonia->rules.capacity_tariff);
  CHECK(wallonia->rules.network_charges_on_shared == 0.2);  // CWaPE: 80 % off within one building
  CHECK(wallonia->rules.transmission_on_shared == 1.0);
  CHECK(tariffs::load_tariffs("wallonia", 2026, "resa")->tariffs.network.distribution_eur_per_kwh == 0.1043);
  const auto brussels = tariffs::load_tariffs("brussels", 2026, "");
  CHECK_FALSE(brussels->rules.capacity_tariff);
  CHECK(brussels->rules.network_charges_on_shared == 0.0);  // Brugel type A: same building
  CHECK(brussels->tariffs.network.transmission_eur_per_kwh == 0.0214403);
}

TEST_CASE("Every value of every shipped tariff file names a source the file describes", "[tariffs]") {
  const auto names = tariffs::tariff_file_names();
  REQUIRE(names.size() >= 4);
  for (const std::string& name : names) {
    const std::string region = name.substr(0, name.rfind('_'));
    const int year = std::stoi(name.substr(name.rfind('_') + 1, 4));
    const auto file = tariffs::load_tariffs(region, year, "");
    for (const tariffs::TariffArea& area : file->areas) {
      const auto data = tariffs::load_tariffs(region, year, area.id);
      INFO(name << " " << area.id);
      CHECK(data->values.size() >= 15);
      for (const tariffs::SourcedValue& v : data->values) {
        INFO(v.field);
        const tariffs::TariffSource* source = data->source(v.source_id);
        REQUIRE(source != nullptr);
        CHECK_FALSE(source->title.empty());
        CHECK_FALSE(source->date.empty());
      }
      // The listing cites a source for every line.
      for (const report::TariffLine& line : report::tariff_lines(data->tariffs, data->rules, *data, Language::dutch)) {
        INFO(line.label);
        CHECK_FALSE(line.source_ids.empty());
        CHECK_FALSE(line.from_scenario);
      }
    }
  }
}

namespace {

/// The smallest building a scenario needs, before its [tariffs].
const std::string kBuilding = "[[pv.arrays]]\nkwp = 10\n[[apartments]]\nid = \"A\"\nshares = 1000\narchetype = \"couple_working\"\n";

const char* kMinimal = R"(
region = "flanders"
year = 2026
[sources.s]
title = "t"
date = "2026"
[levies]
excise = [{ from = "2026-01", eur_per_mwh = 40.0, source = "s" }]
energy_contribution = [{ from = "2026-01", eur_per_mwh = 1.0, source = "s" }]
[areas.a]
capacity_eur_per_kw_per_year = { value = 50.0, source = "s" }
)";

InputError tariff_error(const std::string& text, const std::string& area = "") {
  try {
    tariffs::parse_tariff_file(text, "my_tariffs.toml", area);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError({}, Text{});
}

}  // namespace

TEST_CASE("A broken tariff file is an error naming the file, line and field", "[tariffs]") {
  const auto ok = tariffs::parse_tariff_file(kMinimal, "my_tariffs.toml", "");
  CHECK(ok.tariffs.network.capacity_eur_per_kw_per_year == 50.0);
  CHECK(ok.rules.capacity_tariff);
  std::string text = kMinimal;

  SECTION("a value without source") {
    text += "distribution_eur_per_kwh = { value = 0.05 }\n";
    const InputError e = tariff_error(text);
    CHECK(e.where().file == "my_tariffs.toml");
    CHECK(e.where().field == "areas.a.distribution_eur_per_kwh.source");
    CHECK(e.where().line > 0);
  }
  SECTION("an unknown source") {
    text += "distribution_eur_per_kwh = { value = 0.05, source = \"nowhere\" }\n";
    CHECK(std::string(tariff_error(text).what()).find("unknown source \"nowhere\"") != std::string::npos);
  }
  SECTION("a bare number") {
    text += "distribution_eur_per_kwh = 0.05\n";
    CHECK(tariff_error(text).where().field == "areas.a.distribution_eur_per_kwh");
  }
  SECTION("€/MWh typed as €/kWh") {
    text += "distribution_eur_per_kwh = { value = 50.0, source = \"s\" }\n";
    CHECK(tariff_error(text).where().field == "areas.a.distribution_eur_per_kwh.value");
  }
  SECTION("an unknown field") {
    text += "capacity_eur_per_kw = { value = 50.0, source = \"s\" }\n";
    CHECK(tariff_error(text).where().field == "areas.a.capacity_eur_per_kw");
  }
  SECTION("an unknown area lists the areas") {
    const InputError e = tariff_error(text, "gent");
    CHECK(e.where().field == "dso_area");
    CHECK(std::string(e.what()).find("expected one of a") != std::string::npos);
  }
  SECTION("excise steps out of order") {
    const std::string step = "excise = [{ from = \"2026-01\"";
    text.replace(text.find(step), step.size(), "excise = [{ from = \"2026-13\"");
    const InputError e = tariff_error(text);
    INFO(e.what());
    CHECK(e.where().field == "levies.excise[0].from");
  }
}

TEST_CASE("A missing year names the tariff files present", "[tariffs]") {
  try {
    tariffs::load_tariffs("flanders", 2031, "");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    const std::string message = e.what();
    CHECK(message.find("flanders_2031.toml") != std::string::npos);
    CHECK(message.find("flanders_2026.toml") != std::string::npos);
    CHECK(message.find("wallonia_2026.toml") != std::string::npos);
  }
  // In a scenario the error points at [tariffs] year.
  try {
    scenario::parse_scenario(kBuilding + "[tariffs]\nyear = 2031\n", "s.toml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.where().file == "s.toml");
    CHECK(e.where().field == "tariffs.year");
    CHECK(e.where().line == 8);
  }
  try {
    scenario::parse_scenario(kBuilding + "[tariffs]\ndso_area = \"gent\"\n", "s.toml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.where().field == "tariffs.dso_area");
    CHECK(std::string(e.what()).find("imewo") != std::string::npos);
  }
}

TEST_CASE("Next year's tariff file is read from the tariff directory without recompiling", "[tariffs]") {
  const auto dir = std::filesystem::temp_directory_path() / "deelstroom_tariffs_2027";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ifstream in(std::string(DEELSTROOM_SOURCE_DIR) + "/profiles/tariffs/flanders_2026.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("year = 2026"), 11, "year = 2027");
    const std::string west = "capacity_eur_per_kw_per_year = { value = 57.0995726";
    text.replace(text.find(west), west.size(), "capacity_eur_per_kw_per_year = { value = 61.25");
    std::ofstream(dir / "flanders_2027.toml") << text;
  }
  ::setenv("DEELSTROOM_TARIFFS_DIR", dir.c_str(), 1);
  const auto names = tariffs::tariff_file_names();
  CHECK(std::find(names.begin(), names.end(), "flanders_2027.toml") != names.end());
  const auto next = tariffs::load_tariffs("flanders", 2027, "west");
  CHECK(next->tariffs.network.capacity_eur_per_kw_per_year == 61.25);
  CHECK(next->file == (dir / "flanders_2027.toml").string());
  // A scenario on 2027 uses it, and the 2026 file still comes from the program.
  const scenario::Scenario s = scenario::parse_scenario(kBuilding + "[tariffs]\nyear = 2027\ndso_area = \"west\"\n", "s.toml");
  CHECK(s.economics.tariffs.network.capacity_eur_per_kw_per_year == 61.25);
  CHECK(tariffs::load_tariffs("flanders", 2026, "west")->tariffs.network.capacity_eur_per_kw_per_year == 57.0995726);
  ::unsetenv("DEELSTROOM_TARIFFS_DIR");
  std::filesystem::remove_all(dir);
}

TEST_CASE("A scenario overrides single tariffs and saves only what differs from the file", "[tariffs][scenario]") {
  const std::string text = kBuilding + "[tariffs]\nyear = 2026\ndso_area = \"kempen\"\n[tariffs.energy]\nprice_eur_per_kwh = 0.155\n";
  const scenario::Scenario s = scenario::parse_scenario(text, "s.toml");
  CHECK(s.warnings.empty());
  CHECK(s.economics.tariffs.energy.price_eur_per_kwh == 0.155);
  CHECK(s.economics.tariffs.network.capacity_eur_per_kw_per_year == 56.2069857);  // Kempen 2026
  const auto file = tariffs::load_tariffs("flanders", 2026, "kempen");
  const auto lines = report::tariff_lines(s.economics.tariffs, s.economics.rules, *file, Language::english);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0].label == "Supplier energy price (single)");
  CHECK(lines[0].from_scenario);
  CHECK(lines[0].source_ids.empty());
  const std::string saved = scenario::format_scenario(s);
  INFO(saved);
  CHECK(saved.find("price_eur_per_kwh = 0.155") != std::string::npos);
  CHECK(saved.find("dso_area = 'kempen'") != std::string::npos);
  CHECK(saved.find("capacity_eur_per_kw_per_year") == std::string::npos);
  CHECK(scenario::parse_scenario(saved, "s.toml").economics == s.economics);
  // A flat excise replaces the path.
  const scenario::Scenario flat =
      scenario::parse_scenario(text + "[tariffs.levies]\nexcise_eur_per_kwh = 0.05\n", "s.toml");
  CHECK(flat.economics.tariffs.levies.excise_path.empty());
  CHECK(scenario::parse_scenario(scenario::format_scenario(flat), "s.toml").economics == flat.economics);
}

TEST_CASE("deelstroom tariffs prints the values used with their sources", "[tariffs][cli]") {
  const auto west = test::run_cli("tariffs --area west", "tariffs_west");
  CHECK(west.exit_code == 0);
  CHECK(west.out.find("Fluvius West") != std::string::npos);
  CHECK(west.out.find("57,10 €/kW/jaar") != std::string::npos);
  CHECK(west.out.find("vreg_tariffs_2026") != std::string::npos);
  CHECK(west.out.find("Bronnen") != std::string::npos);
  const auto missing = test::run_cli("tariffs --year 2031", "tariffs_2031");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("flanders_2026.toml") != std::string::npos);
  const auto example =
      test::run_cli("tariffs --lang en '" + std::string(DEELSTROOM_SOURCE_DIR) + "/scenarios/example.toml'", "tariffs_example");
  CHECK(example.exit_code == 0);
  CHECK(example.out.find("Fluvius Imewo") != std::string::npos);
  CHECK(example.out.find("54.20 €/kW/year") != std::string::npos);
}
