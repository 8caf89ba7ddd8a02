// deelstroom portfolio end to end through the built CLI: the shipped 20-building example
// writes 20 scenarios, 20 adviser reports and the portfolio report; the same files with 1
// and 3 threads; shards merged equal one run; a bad table names file, line and column.
#include <catch2/catch.hpp>

#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

std::size_t files_in(const std::filesystem::path& dir, const std::string& extension) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) count += entry.path().extension() == extension ? 1 : 0;
  return count;
}

const std::string kThree = "portfolio tests/data/portfolio/three.csv --date 2026-01-31 --no-xlsx --quiet";

}  // namespace

TEST_CASE("The shipped portfolio of 20 buildings writes 20 scenarios, 20 reports and the portfolio report") {
  const auto out = fresh_directory("portfolio_example");
  const auto result = run_cli("portfolio scenarios/portfolio/buildings.csv --threads 2 --date 2026-01-31 --out '" + out.string() + "'",
                              "portfolio_example");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(files_in(out / "scenarios", ".toml") == 20);
  CHECK(files_in(out / "reports", ".html") == 20);
  CHECK(files_in(out / "reports", ".xlsx") == 20);
  CHECK(std::filesystem::file_size(out / "portfolio.xlsx") > 0);
  const std::string html = read_whole_file(out / "portfolio.html");
  CHECK(count_of(html, "<tr class=") == 20);          // one ranking row per building
  CHECK(count_of(html, "href='reports/") == 20);      // each linked to its report
  CHECK(html.find("href='reports/GNT-01.html'") != std::string::npos);
  CHECK(html.find("Waar delen loont") != std::string::npos);
  // Network areas by their names, not their ids (no untranslated identifier in the Dutch report).
  CHECK(html.find("Fluvius Halle-Vilvoorde") != std::string::npos);
  CHECK(html.find("halle_vilvoorde") == std::string::npos);
  CHECK(count_of(result.err, "portfolio: ") == 22);   // a start line, one line per building, the time taken
  CHECK(result.out.find("20 gebouwen, 0 mislukt") != std::string::npos);
  // The generated scenarios open as they are (the adviser edits them in the calculator).
  const auto validated = run_cli("validate '" + (out / "scenarios" / "OST-01.toml").string() + "'", "portfolio_validate");
  CHECK(validated.exit_code == 0);
  std::filesystem::remove_all(out);
}

TEST_CASE("A portfolio gives the same files with 1 and 3 threads, and in English with --lang en") {
  const auto one = fresh_directory("portfolio_t1"), three = fresh_directory("portfolio_t3");
  REQUIRE(run_cli(kThree + " --threads 1 --out '" + one.string() + "'", "portfolio_t1").exit_code == 0);
  REQUIRE(run_cli(kThree + " --threads 3 --out '" + three.string() + "'", "portfolio_t3").exit_code == 0);
  for (const char* file : {"portfolio_results.csv", "portfolio.html", "portfolio.xlsx", "reports/T1.html", "reports/T2.html", "reports/T3.html",
                           "scenarios/T2.toml"}) {
    INFO(file);
    CHECK(read_whole_file(one / file) == read_whole_file(three / file));
  }
  const auto english = fresh_directory("portfolio_en");
  REQUIRE(run_cli(kThree + " --lang en --out '" + english.string() + "'", "portfolio_en").exit_code == 0);
  CHECK(read_whole_file(english / "portfolio.html").find("Where sharing pays") != std::string::npos);
  for (const auto& dir : {one, three, english}) std::filesystem::remove_all(dir);
}

TEST_CASE("Shards of a portfolio merged give the portfolio report of one run") {
  const auto whole = fresh_directory("portfolio_whole"), first = fresh_directory("portfolio_s1"),
             second = fresh_directory("portfolio_s2"), merged = fresh_directory("portfolio_merged");
  REQUIRE(run_cli(kThree + " --out '" + whole.string() + "'", "portfolio_whole").exit_code == 0);
  const auto shard_one = run_cli(kThree + " --shard 1/2 --out '" + first.string() + "'", "portfolio_s1");
  REQUIRE(shard_one.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(first / "portfolio.html"));  // a shard alone has no portfolio report
  CHECK(files_in(first / "reports", ".html") == 1);                // floor(3/2) = 1 building in shard 1
  REQUIRE(run_cli(kThree + " --shard 2/2 --out '" + second.string() + "'", "portfolio_s2").exit_code == 0);
  const auto merge = run_cli("portfolio --quiet --date 2026-01-31 --merge '" + second.string() + "' '" + first.string() +
                                 "' --out '" + merged.string() + "'",
                             "portfolio_merge");
  INFO(merge.err);
  REQUIRE(merge.exit_code == 0);
  CHECK(read_whole_file(merged / "portfolio.html") == read_whole_file(whole / "portfolio.html"));
  CHECK(read_whole_file(merged / "portfolio_results.csv") == read_whole_file(whole / "portfolio_results.csv"));
  CHECK(files_in(merged / "reports", ".html") == 3);
  // `deelstroom merge` recognises portfolio shards and merges them the same way.
  const auto by_merge = fresh_directory("portfolio_by_merge");
  REQUIRE(run_cli("merge '" + first.string() + "' '" + second.string() + "' --out '" + by_merge.string() + "'",
                  "portfolio_by_merge").exit_code == 0);
  CHECK(read_whole_file(by_merge / "portfolio_results.csv") == read_whole_file(whole / "portfolio_results.csv"));
  std::filesystem::remove_all(by_merge);
  const auto incomplete = run_cli("portfolio --merge '" + first.string() + "' --out '" + merged.string() + "'", "portfolio_merge1");
  CHECK(incomplete.exit_code == 1);
  CHECK(incomplete.err.find("shard 2/2 ontbreekt") != std::string::npos);  // Dutch by default
  for (const auto& dir : {whole, first, second, merged}) std::filesystem::remove_all(dir);
}

TEST_CASE("A building with a folder of meter files runs on them, the scenario pointing at them relatively") {
  const auto dir = fresh_directory("portfolio_meters_e2e");
  std::filesystem::create_directories(dir / "meters" / "b1");
  for (int i = 1; i <= 3; ++i) {
    const auto made = run_cli("profile generate couple_retired --kwh 2500 --seed " + std::to_string(i) + " --out '" +
                                  (dir / "meters" / "b1" / ("flat" + std::to_string(i) + ".csv")).string() + "'",
                              "portfolio_meter_" + std::to_string(i));
    REQUIRE(made.exit_code == 0);
  }
  std::ofstream(dir / "table.csv") << "id,apartments,meters,roof_kwp,dso_area\nM1,3,meters/b1,6,kempen\n";
  const auto result = run_cli("portfolio '" + (dir / "table.csv").string() + "' --no-xlsx --quiet --out '" + (dir / "out").string() + "'",
                              "portfolio_meters_run");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string toml = read_whole_file(dir / "out" / "scenarios" / "M1.toml");
  // From out/scenarios/ back up two folders to the table's folder.
  CHECK(toml.find("id = \"flat2\"") != std::string::npos);
  CHECK(toml.find("file = \"../../meters/b1/flat2.csv\"") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "out" / "reports" / "M1.html"));

  // A building whose meter file cannot be read fails alone: the others are reported, the
  // portfolio report lists it with the reason, and the command exits 1.
  std::filesystem::create_directories(dir / "meters" / "broken");
  std::ofstream(dir / "meters" / "broken" / "x.csv") << "dit is geen meterbestand\n";
  std::ofstream(dir / "two.csv") << "id,apartments,meters,roof_kwp,dso_area\nM1,3,meters/b1,6,kempen\nM2,1,meters/broken,4,west\n";
  const auto failing = run_cli("portfolio '" + (dir / "two.csv").string() + "' --no-xlsx --out '" + (dir / "out2").string() + "'",
                               "portfolio_meters_broken");
  CHECK(failing.exit_code == 1);
  CHECK(failing.err.find("1 gebouw(en) mislukt") != std::string::npos);
  CHECK(failing.err.find("M2 (M2): MISLUKT") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "out2" / "reports" / "M1.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "out2" / "reports" / "M2.html"));
  const std::string page = read_whole_file(dir / "out2" / "portfolio.html");
  CHECK(page.find("id='failures'") != std::string::npos);
  CHECK(page.find("x.csv") != std::string::npos);  // the reason names the file
  std::filesystem::remove_all(dir);
}

TEST_CASE("A bad buildings table fails before anything runs, naming file, line, column and field") {
  const auto out = fresh_directory("portfolio_bad");
  const auto result = run_cli("portfolio tests/data/portfolio/bad_area.csv --quiet --out '" + out.string() + "'", "portfolio_bad");
  CHECK(result.exit_code == 1);
  // "B2;Fout;6;student:6;8,5;" is 24 characters: the area starts in column 25 of line 3.
  CHECK(result.err.find("tests/data/portfolio/bad_area.csv:3:25: veld 'dso_area': ") != std::string::npos);
  const auto english = run_cli("portfolio tests/data/portfolio/bad_area.csv --quiet --lang en --out '" + out.string() + "'", "portfolio_bad_en");
  CHECK(english.err.find("tests/data/portfolio/bad_area.csv:3:25: field 'dso_area': unknown network area") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out / "scenarios" / "B1.toml"));
  CHECK_FALSE(std::filesystem::exists(out / "portfolio.html"));
  const auto usage = run_cli("portfolio tests/data/portfolio/three.csv", "portfolio_usage");
  CHECK(usage.exit_code == 2);  // --out is required
  CHECK(run_cli("portfolio tests/data/portfolio/three.csv --rank-by best --out '" + out.string() + "'", "portfolio_rank").exit_code == 2);
  std::filesystem::remove_all(out);
}
