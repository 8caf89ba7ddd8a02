// A whole building's meter exports at once: matched by EAN, else by the apartment's id in
// the file name; what fits nobody is listed, what fits two is an error naming both.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/common/error.hpp"
#include "core/load/meter_folder.hpp"
#include "core/time/time_zone.hpp"
#include "core/time/year_grid.hpp"
#include "tests/cli/cli_support.hpp"

using namespace deelstroom;

namespace {

/// A two-hour Mijn Fluvius export of meter `ean`: 0.1 kWh offtake every quarter-hour.
void write_export(const std::filesystem::path& file, const std::string& ean) {
  std::ofstream out(file);
  out << "Van (datum);Van (tijdstip);Tot (datum);Tot (tijdstip);EAN-code;Meter;Metertype;Register;Volume;Eenheid;"
         "Validatiestatus;Omschrijving\n";
  for (int q = 0; q < 8; ++q) {
    char from[16], to[16];
    std::snprintf(from, sizeof from, "%02d:%02d:00", q / 4, (q % 4) * 15);
    std::snprintf(to, sizeof to, "%02d:%02d:00", (q + 1) / 4, ((q + 1) % 4) * 15);
    out << "06-01-2025;" << from << ";06-01-2025;" << to << ";=\"" << ean << "\";1SAG1;Digitale meter;Afname Dag;0,100;kWh;Gemeten;\n";
  }
}

struct Year {
  time::YearGrid grid = time::make_year_grid(2025, time::brussels_time_zone());
  time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
};

}  // namespace

TEST_CASE("An apartment's id names a file only as a word of its own", "[load][meters]") {
  CHECK(load::file_name_names("A1.csv", "A1"));
  CHECK(load::file_name_names("verbruik_a1_2025.csv", "A1"));
  CHECK(load::file_name_names("appartement 2.1.csv", "2.1"));
  CHECK_FALSE(load::file_name_names("A12.csv", "A1"));
  CHECK_FALSE(load::file_name_names("appartement 2.10.csv", "2.1"));
  CHECK_FALSE(load::file_name_names("BA1.csv", "A1"));
}

TEST_CASE("A folder of exports matched to the apartments by EAN and by file name", "[load][meters]") {
  const auto dir = test::fresh_directory("meter_folder");
  write_export(dir / "export_woning_A1.csv", "541448800000000001");
  write_export(dir / "meter_541448800000000002.csv", "541448800000000002");  // no id in the name: by EAN
  write_export(dir / "garage.csv", "541448800000000009");                    // nobody's
  const Year year;
  const std::vector<load::MeterTarget> targets{{"A1", ""}, {"A2", "541448800000000002"}, {"A3", ""}};
  const load::MeterFolderImport found = load::import_meter_files(load::meter_files({dir}), targets, {year.grid, year.calendar});
  REQUIRE(found.matches.size() == 2);
  CHECK(found.matches[0].apartment == 0);
  CHECK(found.matches[0].matched_by == "file name");
  CHECK(found.matches[1].apartment == 1);
  CHECK(found.matches[1].matched_by == "ean");
  CHECK(found.matches[1].quality.ean == "541448800000000002");
  // Eight quarter-hours of 0.1 kWh in the file.
  CHECK(found.matches[0].quality.file_offtake_kwh == Approx(0.8));
  REQUIRE(found.unmatched_files.size() == 1);
  CHECK(found.unmatched_files[0].filename() == "garage.csv");
  CHECK(found.apartments_without_file == std::vector<std::string>{"A3"});

  // A file whose name fits two apartments is refused, naming both.
  write_export(dir / "A1_A3.csv", "541448800000000005");
  try {
    load::import_meter_files(load::meter_files({dir}), targets, {year.grid, year.calendar});
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK_THAT(error.message(), Catch::Contains("fits two apartments (A1 and A3)"));
    CHECK_THAT(error.where().file, Catch::EndsWith("A1_A3.csv"));
  }
  CHECK_THROWS_AS(load::meter_files({dir / "missing"}), InputError);
}

TEST_CASE("profile import: a building's exports into its scenario, with the yearly kWh shown", "[load][meters][cli]") {
  const auto dir = test::fresh_directory("meter_import_cli");
  std::filesystem::create_directories(dir / "exports");
  write_export(dir / "exports" / "A1.csv", "541448800000000001");
  write_export(dir / "exports" / "A3.csv", "541448800000000003");
  std::string scenario = test::read_whole_file(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "tests/data/batch/small.toml");
  std::ofstream(dir / "building.toml") << scenario;
  const auto result = test::run_cli("profile import '" + (dir / "building.toml").string() + "' '" + (dir / "exports").string() +
                                        "' --out '" + (dir / "metered.toml").string() + "'",
                                    "meter_import");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("A1"));
  CHECK_THAT(result.out, Catch::Contains("bestandsnaam"));
  CHECK_THAT(result.out, Catch::Contains("Geen bestand voor A2"));
  const std::string written = test::read_whole_file(dir / "metered.toml");
  CHECK_THAT(written, Catch::Contains("file = \"exports/A1.csv\""));
  CHECK_THAT(written, Catch::Contains("ean = \"541448800000000001\""));
  // The written scenario runs on the measured files.
  CHECK(test::run_cli("validate '" + (dir / "metered.toml").string() + "'", "meter_import_validate").exit_code == 0);
}
