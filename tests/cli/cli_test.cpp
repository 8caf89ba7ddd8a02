// The CLI as a user meets it: exit codes, messages naming file, line and field, languages,
// the JSON contract, output files written whole or not at all.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

std::filesystem::path write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

const char* kSmallScenario = R"(
[site]
latitude = 51.05
longitude = 3.72
year = 2025

[[pv.arrays]]
name = "roof"
kwp = 10.0
tilt_deg = 30.0
azimuth_deg = 180.0

[common]
archetype = "common_basic"
annual_kwh = 1500.0

[[apartments]]
id = "A"
shares = 500
archetype = "couple_retired"
annual_kwh = 2000.0

[[apartments]]
id = "B"
shares = 500
archetype = "single_working"
annual_kwh = 1500.0

[key]
type = "static"
preset = "shares"
rounds = 2
)";

}  // namespace

TEST_CASE("help on every command exits 0 and says what the command does", "[cli]") {
  for (const char* command : {"--help", "run --help", "compare-keys --help", "validate --help", "profile --help"}) {
    const auto result = run_cli(command, "help");
    INFO(command);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("deelstroom") != std::string::npos);
  }
  CHECK(run_cli("no-such-command", "unknown").exit_code == 2);
  CHECK(run_cli("run --no-such-option", "badoption").exit_code == 2);
}

TEST_CASE("run without a scenario runs the bundled example, in Dutch by default and English on request", "[cli]") {
  const auto dutch = run_cli("run", "example_nl");
  REQUIRE(dutch.exit_code == 0);
  CHECK(dutch.out.find("Appartement") != std::string::npos);
  CHECK(dutch.out.find("Terugverdientijd") != std::string::npos);
  const auto english = run_cli("run --lang en", "example_en");
  REQUIRE(english.exit_code == 0);
  CHECK(english.out.find("Apartment") != std::string::npos);
  CHECK(english.out.find("Payback") != std::string::npos);
  CHECK(english.out.find("Appartement") == std::string::npos);
}

TEST_CASE("a wrong scenario file gets an error naming file, line and field, and exit code 1", "[cli][errors]") {
  const auto dir = fresh_directory("cli_bad_scenario");
  std::string text = kSmallScenario;
  text.replace(text.find("tilt_deg = 30.0"), 15, "tilt_deg = \"steep\"");
  const auto file = write_text(dir / "bad.toml", text);
  for (const char* command : {"run", "validate", "compare-keys"}) {
    const auto result = run_cli(std::string(command) + " '" + file.string() + "'", "bad");
    INFO(command << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("bad.toml") != std::string::npos);
    CHECK(result.err.find(":10") != std::string::npos);  // the line of tilt_deg
    CHECK(result.err.find("tilt_deg") != std::string::npos);
  }
  // A misspelt field gets a hint.
  text = kSmallScenario;
  text.replace(text.find("annual_kwh = 2000.0"), 19, "anual_kwh = 2000.0");
  const auto typo = run_cli("validate '" + write_text(dir / "typo.toml", text).string() + "'", "typo");
  CHECK(typo.exit_code == 1);
  CHECK(typo.err.find("annual_kwh") != std::string::npos);
  // A missing file.
  const auto missing = run_cli("run '" + (dir / "nothere.toml").string() + "'", "missing");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("nothere.toml") != std::string::npos);
}

TEST_CASE("cli: errors are Dutch by default and English with --lang en, with file, line and field", "[cli]") {
  const auto dir = fresh_directory("cli_error_language");
  std::string text = kSmallScenario;
  text.replace(text.find("tilt_deg = 30.0"), 15, "tilt_deg = \"steep\"");
  const auto file = write_text(dir / "bad.toml", text).string();
  // tilt_deg is read as a number from 0 to 90 (scenario_io.cpp); "steep" is text. Line 10.
  const auto dutch = run_cli("validate '" + file + "'", "error_nl");
  INFO(dutch.err);
  CHECK(dutch.exit_code == 1);
  CHECK(dutch.err.find(file + ":10:") != std::string::npos);
  CHECK(dutch.err.find("veld 'pv.arrays[0].tilt_deg': verwacht een getal van 0 tot 90, gevonden tekst") != std::string::npos);
  CHECK(dutch.err.find("expected") == std::string::npos);
  const auto english = run_cli("validate '" + file + "' --lang en", "error_en");
  INFO(english.err);
  CHECK(english.exit_code == 1);
  CHECK(english.err.find(file + ":10:") != std::string::npos);
  CHECK(english.err.find("field 'pv.arrays[0].tilt_deg': expected a number from 0 to 90, found text") != std::string::npos);
  CHECK(english.err.find("verwacht") == std::string::npos);
  // A misspelt field: the hint in both languages.
  text = kSmallScenario;
  text.replace(text.find("annual_kwh = 2000.0"), 19, "anual_kwh = 2000.0");
  const auto typo_file = write_text(dir / "typo.toml", text).string();
  CHECK(run_cli("validate '" + typo_file + "'", "typo_nl").err.find("onbekend veld 'anual_kwh' (bedoelde u 'annual_kwh'?)") !=
        std::string::npos);
  CHECK(run_cli("validate '" + typo_file + "' --lang=en", "typo_en").err.find("unknown field 'anual_kwh' (did you mean 'annual_kwh'?)") !=
        std::string::npos);
  // A warning (shares 500 + 400 = 900, not 1000) follows the language too.
  text = kSmallScenario;
  text.replace(text.rfind("shares = 500"), 12, "shares = 400");
  text.replace(text.find("preset = \"shares\""), 17, "preset = \"equal\"");  // with a key by shares it is an error
  const auto shares_file = write_text(dir / "shares.toml", text).string();
  const auto warned_nl = run_cli("validate '" + shares_file + "' --quick", "warn_nl");
  CHECK(warned_nl.out.find("waarschuwing: de aandelen van de appartementen tellen op tot 900/1000, verwacht 1000") != std::string::npos);
  const auto warned_en = run_cli("validate '" + shares_file + "' --quick --lang en", "warn_en");
  CHECK(warned_en.out.find("warning: apartment shares add up to 900/1000, expected 1000") != std::string::npos);
}

TEST_CASE("run --json holds the contract's fields, consistent with each other", "[cli][json]") {
  const auto dir = fresh_directory("cli_json");
  const auto file = write_text(dir / "small.toml", kSmallScenario);
  const auto result = run_cli("run --json '" + file.string() + "'", "json");
  REQUIRE(result.exit_code == 0);
  for (const char* field :
       {"\"building\"", "\"production_kwh\"", "\"shared_kwh\"", "\"self_consumption_rate\"", "\"sharing_rate\"",
        "\"association\"", "\"investment_eur\"", "\"npv_eur\"", "\"irr\"", "\"simple_payback_years\"",
        "\"discounted_payback_years\"", "\"bill_no_pv_eur\"", "\"bill_pv_no_sharing_eur\"", "\"bill_with_sharing_eur\"",
        "\"occupant_saving_eur_per_year\"", "\"owner_investment_eur\""}) {
    INFO(field);
    CHECK(result.out.find(field) != std::string::npos);
  }
  // 10 kWp at the default 1,200 EUR/kWp excl. VAT plus 6 % VAT: 12,720 EUR; apartments
  // A and B own half each: 6,360 EUR.
  CHECK(result.out.find("\"investment_eur\": 12720") != std::string::npos);
  CHECK(result.out.find("\"owner_investment_eur\": 6360") != std::string::npos);
  // Which tariffs: the Flemish 2026 file at its default area (no dso_area in the file).
  CHECK(result.out.find("\"tariff_region\": \"flanders\"") != std::string::npos);
  CHECK(result.out.find("\"tariff_year\": 2026") != std::string::npos);
  CHECK(result.out.find("\"tariff_dso_area\": \"antwerpen\"") != std::string::npos);
}

TEST_CASE("run with --out writes whole files, an unusable directory is an error and leaves nothing behind", "[cli][files]") {
  const auto dir = fresh_directory("cli_out");
  const auto file = write_text(dir / "small.toml", kSmallScenario);
  const auto out = dir / "results";
  const auto result = run_cli("run '" + file.string() + "' --out '" + out.string() + "' --quarter-hours", "out");
  REQUIRE(result.exit_code == 0);
  for (const char* name : {"apartments_annual.csv", "apartments_monthly.csv", "building_monthly.csv", "arrays_monthly.csv",
                           "quarter_hours.csv", "summary.json", "cash_flows_association.csv",
                           "cash_flows_apartments.csv", "bills_year1.csv"}) {
    INFO(name);
    CHECK(std::filesystem::is_regular_file(out / name));
  }
  int leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    if (entry.path().filename().string().find(".tmp") != std::string::npos) ++leftovers;
  }
  CHECK(leftovers == 0);
  // A year of quarter-hours in the series: 35,040 rows plus the header.
  const std::string series = read_whole_file(out / "quarter_hours.csv");
  CHECK(std::count(series.begin(), series.end(), '\n') == 35041);
  // The 26 rows of the association's cash flows (years 0..25) plus the header.
  const std::string flows = read_whole_file(out / "cash_flows_association.csv");
  CHECK(std::count(flows.begin(), flows.end(), '\n') == 27);

  // A file where the directory should be: an error naming it, nothing written.
  const auto blocked = write_text(dir / "blocked", "not a directory");
  const auto refused = run_cli("run '" + file.string() + "' --out '" + (blocked / "sub").string() + "'", "blocked");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("blocked") != std::string::npos);
  CHECK(read_whole_file(blocked) == "not a directory");
}

TEST_CASE("excel-be CSV: semicolons, decimal commas and a BOM", "[cli][files]") {
  const auto dir = fresh_directory("cli_excel");
  const auto file = write_text(dir / "small.toml", kSmallScenario);
  REQUIRE(run_cli("run '" + file.string() + "' --out '" + (dir / "r").string() + "' --csv-style excel-be", "excel")
              .exit_code == 0);
  const std::string text = read_whole_file(dir / "r" / "building_monthly.csv");
  REQUIRE(text.size() > 3);
  CHECK(text.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(text.find("month;production_kwh") != std::string::npos);
  const std::string second_line = text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n') - 1);
  CHECK(second_line.find(',') != std::string::npos);  // decimal comma
  CHECK(second_line.find('.') == std::string::npos);
}

TEST_CASE("the same scenario gives the same bytes, run after run", "[cli][determinism]") {
  const auto first = run_cli("run --json", "same1");
  const auto second = run_cli("run --json", "same2");
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
}

TEST_CASE("profile generate writes a year at the asked kWh, inspect reads it back, a broken file is located",
          "[cli][profile]") {
  const auto dir = fresh_directory("cli_profile");
  const auto file = dir / "retired.csv";
  const auto generated =
      run_cli("profile generate couple_retired --kwh 2500 --seed 3 --out '" + file.string() + "' --lang en", "generate");
  REQUIRE(generated.exit_code == 0);
  const std::string text = read_whole_file(file);
  CHECK(std::count(text.begin(), text.end(), '\n') == 35041);  // header + a year of quarter-hours
  // Sum the kWh column by hand: the file must hold the 2,500 kWh asked for.
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  double total = 0.0;
  while (std::getline(lines, line)) total += std::stod(line.substr(line.find(',') + 1));
  CHECK(total == Approx(2500.0).epsilon(1e-4));
  const auto inspected = run_cli("profile inspect '" + file.string() + "' --lang en", "inspect");
  REQUIRE(inspected.exit_code == 0);
  CHECK(inspected.out.find("2,500.0 kWh") != std::string::npos);
  const auto broken = run_cli(std::string("profile inspect '") + DEELSTROOM_TEST_DATA_DIR +
                                  "/load/mijn_fluvius_text_in_volume.csv'",
                              "broken");
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("mijn_fluvius_text_in_volume.csv:3:") != std::string::npos);
  CHECK(broken.err.find("Volume") != std::string::npos);
}

TEST_CASE("run --optimise-size prints the size search, a bad range is a usage error", "[cli][economics]") {
  const auto found = run_cli("run --optimise-size 4:40 --lang en", "size");
  REQUIRE(found.exit_code == 0);
  CHECK(found.out.find("Highest NPV at ") != std::string::npos);
  CHECK(found.out.find(" *") != std::string::npos);
  for (const char* bad : {"40:4", "x:5", "10"}) {
    const auto refused = run_cli(std::string("run --optimise-size ") + bad, "size_bad");
    INFO(bad);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("MIN:MAX") != std::string::npos);
  }
}

TEST_CASE("compare-keys on a Flemish building lists the three Fluvius methods first, then the what-if keys, marked",
          "[cli][keys][fluvius]") {
  const auto dir = fresh_directory("cli_fluvius_keys");
  const auto file = write_text(dir / "small.toml", kSmallScenario);
  const auto result = run_cli("compare-keys '" + file.string() + "'", "fluvius_keys");
  REQUIRE(result.exit_code == 0);
  const std::string& out = result.out;
  const auto fixed = out.find("vaste verdeelsleutel");
  const auto relative = out.find("relatieve verdeelsleutel");
  const auto optimal = out.find("optimale verdeelsleutel");
  const auto what_if = out.find("wat-als: niet aangeboden door Fluvius");
  REQUIRE(fixed != std::string::npos);
  REQUIRE(relative != std::string::npos);
  REQUIRE(optimal != std::string::npos);
  REQUIRE(what_if != std::string::npos);
  // The scenario's own key (a "static" 2-round file: a cascade, a what-if) is listed first
  // with its mark; after it the DSO's methods come before every other what-if key.
  const auto second_row = out.find("\n 2 ");
  REQUIRE(second_row != std::string::npos);
  CHECK(out.find("cascade", 0) < second_row);
  CHECK(out.find("verdeling naar verbruik per kwartier") > optimal);
  CHECK(out.find("hybride sleutel") > optimal);
  CHECK(out.find("wat-als", second_row) > out.rfind("optimale verdeelsleutel"));
  // English names and marks with --lang en; JSON tells which keys the DSO offers.
  const auto english = run_cli("compare-keys '" + file.string() + "' --lang en", "fluvius_keys_en");
  CHECK(english.out.find("optimal key") != std::string::npos);
  CHECK(english.out.find("what-if: not offered by Fluvius") != std::string::npos);
  const auto json = run_cli("compare-keys '" + file.string() + "' --json", "fluvius_keys_json");
  CHECK(json.out.find("\"offered_by_dso\": true") != std::string::npos);
  CHECK(json.out.find("\"offered_by_dso\": false") != std::string::npos);
}

TEST_CASE("non-finite and negative numbers on the command line are refused with a message", "[cli][errors]") {
  // A sweep to NaN: an error before any case runs.
  const auto dir = fresh_directory("cli_nonfinite");
  const auto sweep = run_cli("batch --scenario tests/data/batch/small.toml --sweep 'pv.arrays[0].kwp=0:nan:1' --out '" +
                                 (dir / "sweep").string() + "' --lang en",
                             "sweep_nan");
  CHECK((sweep.exit_code == 1 || sweep.exit_code == 2));
  CHECK(sweep.err.find("finite") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "sweep" / "cases.csv"));
  // A negative seed does not wrap to 18446744073709551615.
  const auto seed = run_cli("profile generate couple_retired --seed -1 --out '" + (dir / "p.csv").string() + "' --lang en",
                            "seed_negative");
  CHECK(seed.exit_code == 2);
  CHECK(seed.err.find("--seed") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "p.csv"));
  CHECK(run_cli("profile generate couple_retired --seed 18446744073709551616 --out '" + (dir / "p.csv").string() + "'",
                "seed_big")
            .exit_code == 2);
  // An infinite size range.
  for (const char* bad : {"0:inf", "nan:5", "0:1e999"}) {
    INFO(bad);
    const auto size = run_cli(std::string("run --optimise-size ") + bad + " --lang en", "size_inf");
    CHECK(size.exit_code == 2);
    CHECK(size.err.find("finite") != std::string::npos);
  }
}

TEST_CASE("an unusable --out file names the real reason and never Success", "[cli][files]") {
  const auto dir = fresh_directory("cli_out_reason");
  // A directory where the file should be.
  const auto to_directory = run_cli("profile generate couple_retired --out '" + dir.string() + "' --lang en", "out_dir");
  CHECK(to_directory.exit_code == 1);
  CHECK(to_directory.err.find("Success") == std::string::npos);
  CHECK(to_directory.err.find("directory") != std::string::npos);
  // A directory nobody may write in (sysfs refuses new files, even for root): the errno text.
  const auto refused = run_cli("profile generate couple_retired --out /sys/deelstroom_test.csv --lang en", "out_sys");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("Success") == std::string::npos);
  CHECK(refused.err.find("cannot write in directory '/sys': ") != std::string::npos);
  CHECK(refused.err.find("': the file cannot be created") == std::string::npos);  // errno was set by open()
}

TEST_CASE("cli: command-line mistakes are said in Dutch by default and in English with --lang en", "[cli]") {
  const auto ours = deelstroom::test::run_cli("validate", "usage_nl");
  CHECK(ours.exit_code == 2);
  CHECK_THAT(ours.err, Catch::Contains("welk scenario? deelstroom validate SCENARIO"));
  const auto ours_en = deelstroom::test::run_cli("validate --lang en", "usage_en");
  CHECK(ours_en.exit_code == 2);
  CHECK_THAT(ours_en.err, Catch::Contains("which scenario? deelstroom validate SCENARIO"));
  // Boost's own errors: the option they name, in Dutch.
  const auto unknown = deelstroom::test::run_cli("run --bogus", "usage_unknown_nl");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("onbekende optie '--bogus'"));
  const auto unknown_en = deelstroom::test::run_cli("run --bogus --lang en", "usage_unknown_en");
  CHECK_THAT(unknown_en.err, Catch::Contains("unrecognised option '--bogus'"));
}
