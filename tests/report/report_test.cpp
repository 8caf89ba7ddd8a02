// The adviser's report and workbook show exactly the figures of `deelstroom run --json`
// (checked by tests/report/check_report.py on both bundled buildings), and a bad output path
// is an error that leaves no file behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include "core/report/adviser_report.hpp"
#include "core/report/svg_chart.hpp"
#include "core/scenario/scenario_io.hpp"
#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

int run_checker(const std::filesystem::path& json, const std::filesystem::path& html, const std::filesystem::path& xlsx) {
  const std::string command = "/usr/bin/python3 '" + std::string(DEELSTROOM_SOURCE_DIR) + "/tests/report/check_report.py' '" +
                              json.string() + "' '" + html.string() + "' '" + xlsx.string() + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("Report and workbook show the JSON's per-apartment figures for the bundled buildings", "[report]") {
  if (!std::filesystem::exists("/usr/bin/python3")) {
    WARN("python3 missing: the report's figures are not compared");
    return;
  }
  for (const char* scenario : {"scenarios/example.toml", "scenarios/bench/building_20.toml"}) {
    INFO(scenario);
    const auto dir = fresh_directory("report_figures");
    const auto json = run_cli(std::string("run --json ") + scenario, "report_json");
    REQUIRE(json.exit_code == 0);
    std::ofstream(dir / "run.json") << json.out;
    const auto written = run_cli(std::string("report ") + scenario + " --out '" + (dir / "r.html").string() + "' --xlsx '" +
                                     (dir / "r.xlsx").string() + "'",
                                 "report_write");
    REQUIRE(written.exit_code == 0);
    const int checked = run_checker(dir / "run.json", dir / "r.html", dir / "r.xlsx");
    if (checked == 77) {
      WARN("openpyxl missing: only the HTML was compared");
    } else {
      CHECK(checked == 0);
    }
  }
}

TEST_CASE("The report is one self-contained HTML document in the asked language", "[report]") {
  const auto dir = fresh_directory("report_content");
  REQUIRE(run_cli("report --out '" + (dir / "nl.html").string() + "'", "report_nl").exit_code == 0);
  REQUIRE(run_cli("report --lang en --out '" + (dir / "en.html").string() + "'", "report_en").exit_code == 0);
  const std::string dutch = read_whole_file(dir / "nl.html");
  const std::string english = read_whole_file(dir / "en.html");
  for (const char* part : {"<!DOCTYPE html>", "<svg", "@media print", "Tarieven 2025", "Verklarende woordenlijst",
                           "Gevoeligheid", "id='fingerprint'"}) {
    INFO(part);
    CHECK(dutch.find(part) != std::string::npos);
  }
  CHECK(english.find("Glossary") != std::string::npos);
  CHECK(english.find("Verklarende woordenlijst") == std::string::npos);
  // Nothing fetched from elsewhere: no scripts, no external links or images.
  for (const char* outside : {"<script", "http://", "https://", "<link", "src="}) {
    INFO(outside);
    const std::string without_svg_namespace = [&] {
      std::string text = dutch;
      for (std::size_t at; (at = text.find("xmlns='http://www.w3.org/2000/svg'")) != std::string::npos;) text.erase(at, 34);
      return text;
    }();
    CHECK(without_svg_namespace.find(outside) == std::string::npos);
  }
}

TEST_CASE("An unusable output path is an error naming it, and no file or partial file is left", "[report][files]") {
  const auto dir = fresh_directory("report_bad_path");
  const auto missing_dir = dir / "no_such_dir";
  const auto html = run_cli("report --out '" + (missing_dir / "r.html").string() + "'", "report_bad_html");
  CHECK(html.exit_code == 1);
  CHECK(html.err.find("no_such_dir") != std::string::npos);
  const auto xlsx = run_cli("report --xlsx '" + (missing_dir / "r.xlsx").string() + "'", "report_bad_xlsx");
  CHECK(xlsx.exit_code == 1);
  CHECK(xlsx.err.find("r.xlsx") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(missing_dir));
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 0);
  CHECK(run_cli("report", "report_no_target").exit_code == 2);  // neither --out nor --xlsx
}

TEST_CASE("The scenario fingerprint follows the scenario's content", "[report]") {
  deelstroom::scenario::Scenario s = deelstroom::scenario::default_scenario();
  const std::string first = deelstroom::report::scenario_fingerprint(s);
  CHECK(first.size() == 16);
  CHECK(deelstroom::report::scenario_fingerprint(s) == first);
  s.apartments[0].shares += 1.0;
  CHECK(deelstroom::report::scenario_fingerprint(s) != first);
}

TEST_CASE("HTML escaping of names in the report", "[report]") {
  CHECK(deelstroom::report::html_escape("A&B <\"x\"> 'y'") == "A&amp;B &lt;&quot;x&quot;&gt; &#39;y&#39;");
}
