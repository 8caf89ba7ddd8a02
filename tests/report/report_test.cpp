// The adviser's report and workbook show exactly the figures of `deelstroom run --json` and
// `deelstroom compare-keys --json` (checked by tests/report/check_report.py on every bundled
// scenario), and a bad output path is an error that leaves no file behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <vector>

#include "core/report/adviser_report.hpp"
#include "core/report/pdf.hpp"
#include "core/report/svg_chart.hpp"
#include "core/report/text_table.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"
#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

/// Runs tests/report/check_report.py on a `run --json` output, a `compare-keys --json` output
/// and the report's files (any but the first may be empty); returns its exit code (0 equal,
/// 1 different, 77 workbook not readable here).
int run_checker(const std::filesystem::path& json, const std::filesystem::path& keys, const std::filesystem::path& html,
                const std::filesystem::path& xlsx, const std::string& language = "nl") {
  std::string command = "/usr/bin/python3 '" + std::string(DEELSTROOM_SOURCE_DIR) + "/tests/report/check_report.py' '" +
                        json.string() + "' --lang " + language;
  if (!keys.empty()) command += " --keys '" + keys.string() + "'";
  if (!html.empty()) command += " --html '" + html.string() + "'";
  if (!xlsx.empty()) command += " --xlsx '" + xlsx.string() + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Every scenario the project ships (example, bench building, training cases).
std::vector<std::string> bundled_scenarios() {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".toml") {
      found.push_back(std::filesystem::relative(entry.path(), DEELSTROOM_SOURCE_DIR).string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

bool have_python() { return std::filesystem::exists("/usr/bin/python3"); }

}  // namespace

TEST_CASE("Report and workbook show the figures of run and compare-keys JSON for every bundled scenario", "[report]") {
  if (!have_python()) {
    WARN("python3 missing: the report's figures are not compared");
    return;
  }
  const auto scenarios = bundled_scenarios();
  REQUIRE(scenarios.size() >= 2);  // at least the example and the bench building
  for (const std::string& scenario : scenarios) {
    INFO(scenario);
    const auto dir = fresh_directory("report_figures");
    const auto json = run_cli("run --json '" + scenario + "'", "report_json");
    REQUIRE(json.exit_code == 0);
    std::ofstream(dir / "run.json") << json.out;
    const auto keys = run_cli("compare-keys --json '" + scenario + "'", "report_keys");
    REQUIRE(keys.exit_code == 0);
    std::ofstream(dir / "keys.json") << keys.out;
    const auto written = run_cli("report '" + scenario + "' --out '" + (dir / "r.html").string() + "' --xlsx '" +
                                     (dir / "r.xlsx").string() + "'",
                                 "report_write");
    REQUIRE(written.exit_code == 0);
    const int checked = run_checker(dir / "run.json", dir / "keys.json", dir / "r.html", dir / "r.xlsx");
    if (checked == 77) {
      WARN("openpyxl missing: only the HTML was compared");
    } else {
      CHECK(checked == 0);
    }
  }
}

TEST_CASE("The Dutch report and workbook name household types in Dutch and show no identifier", "[report]") {
  if (!have_python()) {
    WARN("python3 missing: the report's names are not checked");
    return;
  }
  const auto dir = fresh_directory("report_names");
  const auto json = run_cli("run --json", "names_json");
  REQUIRE(json.exit_code == 0);
  std::ofstream(dir / "run.json") << json.out;
  REQUIRE(run_cli("report --out '" + (dir / "r.html").string() + "' --xlsx '" + (dir / "r.xlsx").string() + "'", "names").exit_code == 0);
  const std::string html = read_whole_file(dir / "r.html");
  // scenarios/example.toml has couple_retired and single_retired apartments; their Dutch
  // labels are those of profiles/households.toml.
  CHECK(html.find("<td>Gepensioneerd koppel</td>") != std::string::npos);
  CHECK(html.find("<td>Alleenstaande gepensioneerde</td>") != std::string::npos);
  CHECK(html.find("couple_retired") == std::string::npos);
  CHECK(html.find(">assumption<") == std::string::npos);
  CHECK(html.find(">aanname<") != std::string::npos);  // the internal price's source, in Dutch
  // The checker finds no identifier in the real files (figures are compared too; 77 = no openpyxl)...
  const int checked = run_checker(dir / "run.json", {}, dir / "r.html", dir / "r.xlsx");
  CHECK((checked == 0 || checked == 77));
  // ...and does find one planted in the visible text, so the check can fail.
  std::string planted = html;
  planted.replace(planted.find("<td>Gepensioneerd koppel</td>"), 29, "<td>couple_retired</td>");
  std::ofstream(dir / "planted.html") << planted;
  CHECK(run_checker(dir / "run.json", {}, dir / "planted.html", {}) == 1);
}

TEST_CASE("run --xlsx writes the same workbook, in English with --lang en, and leaves the JSON unchanged", "[report]") {
  if (!have_python()) {
    WARN("python3 missing: the workbook is not compared");
    return;
  }
  const auto dir = fresh_directory("run_xlsx");
  const auto plain = run_cli("run --json", "run_plain");
  const auto with_book = run_cli("run --json --lang en --xlsx '" + (dir / "book.xlsx").string() + "'", "run_xlsx");
  REQUIRE(plain.exit_code == 0);
  REQUIRE(with_book.exit_code == 0);
  // Keeping the quarter-hour series for the workbook changes no figure of the run.
  CHECK(with_book.out == plain.out);
  std::ofstream(dir / "run.json") << with_book.out;
  const int checked = run_checker(dir / "run.json", {}, {}, dir / "book.xlsx", "en");
  if (checked == 77) {
    WARN("openpyxl missing: the workbook is not compared");
  } else {
    CHECK(checked == 0);
  }
  // A workbook that cannot be written fails the run: exit 1, no JSON half-printed as success.
  const auto refused = run_cli("run --json --xlsx '" + (dir / "missing" / "book.xlsx").string() + "'", "run_xlsx_bad");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("book.xlsx") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_CASE("The report is one self-contained HTML document in the asked language", "[report]") {
  const auto dir = fresh_directory("report_content");
  REQUIRE(run_cli("report --adviser 'An Peeters' --organisation 'Energiehuis Gent' --date 2026-12-01 --out '" +
                      (dir / "nl.html").string() + "'",
                  "report_nl")
              .exit_code == 0);
  REQUIRE(run_cli("report --lang en --out '" + (dir / "en.html").string() + "'", "report_en").exit_code == 0);
  const std::string dutch = read_whole_file(dir / "nl.html");
  const std::string english = read_whole_file(dir / "en.html");
  for (const char* part : {"<!DOCTYPE html>", "<svg", "@media print", "Tarieven 2026", "Fluvius Imewo", "vreg_tariffs_2026", "Verklarende woordenlijst",
                           "Gevoeligheid", "id='fingerprint'"}) {
    INFO(part);
    CHECK(dutch.find(part) != std::string::npos);
  }
  CHECK(english.find("Glossary") != std::string::npos);
  // The cover names the adviser, the date, the data and the tariffs; then the conclusion,
  // before the assumptions, names the recommended key.
  const auto cover = dutch.find("<table id='cover'>");
  REQUIRE(cover != std::string::npos);
  for (const char* part : {"An Peeters", "Energiehuis Gent", "2026-12-01", "10 appartementen op gegenereerde profielen",
                           "2026, Vlaanderen, Fluvius Imewo"}) {
    INFO(part);
    CHECK(dutch.find(part, cover) < dutch.find("<section id='conclusion'>"));
  }
  const auto conclusion = dutch.find("<section id='conclusion'>");
  REQUIRE(conclusion != std::string::npos);
  CHECK(conclusion < dutch.find("Gebouw en aannames"));
  CHECK(dutch.find("Aanbevolen sleutel", conclusion) != std::string::npos);
  CHECK(dutch.find("Interne prijs", conclusion) != std::string::npos);
  CHECK(english.find("Recommended key") != std::string::npos);
  // Owner versus occupant is explained on the building's own figures (the example has two
  // rented apartments, 3.1 and 3.2).
  const auto owners = dutch.find("<div id='owner-occupant'>");
  REQUIRE(owners != std::string::npos);
  CHECK(dutch.find("Verhuurd: 3.1, 3.2", owners) != std::string::npos);
  CHECK(english.find("owner's NPV can be negative while the total is positive") != std::string::npos);
  CHECK(english.find("Verklarende woordenlijst") == std::string::npos);
  // Nothing fetched from elsewhere: no scripts, no external links, stylesheets or images (the
  // tariff sources' addresses are printed as text, for the reader to look up).
  for (const char* outside : {"<script", "href='http", "href=\"http", "url(", "<link", "src="}) {
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

TEST_CASE("A directory nobody may write into, a directory at the target's path: errors, nothing left", "[report][files]") {
  // /proc takes no new files, not even from root (the tests may run as root, where chmod
  // would not stop a write).
  if (std::filesystem::is_directory("/proc/self")) {
    const auto html = run_cli("report --out /proc/deelstroom_report_test.html", "report_proc_html");
    CHECK(html.exit_code == 1);
    CHECK(html.err.find("/proc/deelstroom_report_test.html") != std::string::npos);
    const auto xlsx = run_cli("report --xlsx /proc/deelstroom_report_test.xlsx", "report_proc_xlsx");
    CHECK(xlsx.exit_code == 1);
    CHECK(xlsx.err.find("/proc/deelstroom_report_test.xlsx") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists("/proc/deelstroom_report_test.html"));
    CHECK_FALSE(std::filesystem::exists("/proc/deelstroom_report_test.xlsx"));
  }
  const auto dir = fresh_directory("report_occupied");
  // The workbook's name is taken by a directory (with a file in it): the directory stays as it
  // was, and the temporary file next to it is removed.
  std::filesystem::create_directories(dir / "book.xlsx");
  std::ofstream(dir / "book.xlsx" / "keep.txt") << "keep";
  const auto xlsx = run_cli("report --xlsx '" + (dir / "book.xlsx").string() + "'", "report_dir_xlsx");
  CHECK(xlsx.exit_code == 1);
  CHECK(xlsx.err.find("book.xlsx") != std::string::npos);
  CHECK(read_whole_file(dir / "book.xlsx" / "keep.txt") == "keep");
  // A regular file where the report's folder should be: an error, the file untouched.
  std::ofstream(dir / "folder") << "not a folder";
  const auto html = run_cli("report --out '" + (dir / "folder" / "r.html").string() + "'", "report_file_parent");
  CHECK(html.exit_code == 1);
  CHECK(html.err.find("folder") != std::string::npos);
  CHECK(read_whole_file(dir / "folder") == "not a folder");
  // Only what the test made is there.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"book.xlsx", "folder"});
}

TEST_CASE("FNV-1a 64 gives the published test vectors", "[report]") {
  // draft-eastlake-fnv, appendix C (FNV-1a, 64 bits).
  CHECK(deelstroom::report::fnv1a_64("") == 0xcbf29ce484222325ULL);
  CHECK(deelstroom::report::fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(deelstroom::report::fnv1a_64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("Sensitivity: the scenario's own case is the run's economics, higher prices and production pay more",
          "[report]") {
  using namespace deelstroom;
  const scenario::Scenario scenario = scenario::read_scenario(std::string(DEELSTROOM_SOURCE_DIR) + "/scenarios/example.toml");
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
  const simulation::KeyRun run = simulation::run_key(scenario, building, scenario.key, false);
  const economics::EconomicsResult money = simulation::run_economics(scenario, building, run);
  const auto cases = report::sensitivity_cases(scenario, building, run, Language::english);
  REQUIRE(cases.size() == 5);
  // As in the scenario: the same money as the run (same basis, same settings).
  CHECK(cases[0].association_npv_eur == Approx(money.association.indicators.npv_eur).epsilon(1e-12));
  double apartments_npv_eur = 0.0;
  for (const auto& a : money.apartments) apartments_npv_eur += a.total.npv_eur;
  CHECK(cases[0].apartments_npv_eur == Approx(apartments_npv_eur).epsilon(1e-12));
  // The labels say the rates used: the example escalates 2 %/year, so 0.0 and 4.0.
  REQUIRE(scenario.economics.analysis.escalation.energy == Approx(0.02));
  CHECK(cases[1].label == "Energy price rises 0.0 %/year");
  CHECK(cases[2].label == "Energy price rises 4.0 %/year");
  // A dearer supplier price makes every avoided kWh worth more: the avoided common-parts
  // offtake for the association, the avoided supplier energy for the occupants.
  CHECK(cases[1].association_npv_eur < cases[0].association_npv_eur);
  CHECK(cases[0].association_npv_eur < cases[2].association_npv_eur);
  CHECK(cases[1].apartments_npv_eur < cases[0].apartments_npv_eur);
  CHECK(cases[0].apartments_npv_eur < cases[2].apartments_npv_eur);
  // More production: more injected and shared kWh, each sold at a positive price.
  CHECK(cases[3].association_npv_eur < cases[0].association_npv_eur);
  CHECK(cases[0].association_npv_eur < cases[4].association_npv_eur);
}

TEST_CASE("The same scenario gives the same report and workbook bytes, run after run", "[report][determinism]") {
  const auto dir = fresh_directory("report_same");
  for (const char* name : {"1", "2"}) {
    const std::string stem = (dir / name).string();
    REQUIRE(run_cli("report --out '" + stem + ".html' --xlsx '" + stem + ".xlsx'", std::string("report_same") + name).exit_code == 0);
  }
  CHECK(read_whole_file(dir / "1.html") == read_whole_file(dir / "2.html"));
  // The workbook has no "now" in it (the checker verifies its creation stamp is the simulated
  // year's 1 January, which would fail if the current time leaked in).
  CHECK(read_whole_file(dir / "1.xlsx") == read_whole_file(dir / "2.xlsx"));
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

TEST_CASE("The warnings of a run appear in the report's cover", "[report]") {
  const auto dir = fresh_directory("report_warnings");
  std::string text = read_whole_file(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "example.toml");
  const std::string area = "dso_area = \"imewo\"";
  REQUIRE(text.find(area) != std::string::npos);
  text.erase(text.find(area), area.size());  // no network area: the scenario warns
  std::ofstream(dir / "no_area.toml") << text;
  REQUIRE(run_cli("report '" + (dir / "no_area.toml").string() + "' --out '" + (dir / "r.html").string() + "'", "report_warn")
              .exit_code == 0);
  const std::string html = read_whole_file(dir / "r.html");
  const auto notes = html.find("<ul id='data-notes'>");
  REQUIRE(notes != std::string::npos);
  CHECK(html.find("dso_area", notes) < html.find("</ul>", notes));
  CHECK(notes < html.find("<section id='conclusion'>"));
}

TEST_CASE("report --pdf prints an A4 PDF and leaves no temporary file", "[report][pdf]") {
  if (!deelstroom::report::find_pdf_renderer()) {
    WARN("no Chromium installed: the PDF is not printed");
    return;
  }
  const auto dir = fresh_directory("report_pdf");
  const auto result = run_cli("report --adviser 'An Peeters' --pdf '" + (dir / "rapport.pdf").string() + "'", "report_pdf");
  REQUIRE(result.exit_code == 0);
  const std::string pdf = read_whole_file(dir / "rapport.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  // A4 is 595 x 842 points; every page's MediaBox says so.
  std::size_t boxes = 0;
  for (std::size_t at = pdf.find("/MediaBox"); at != std::string::npos; at = pdf.find("/MediaBox", at + 1)) {
    const std::string box = pdf.substr(at, 40);
    INFO(box);
    CHECK((box.find(" 595") != std::string::npos || box.find(" 594") != std::string::npos));
    CHECK((box.find(" 842") != std::string::npos || box.find(" 841") != std::string::npos));
    ++boxes;
  }
  CHECK(boxes >= 2);  // several pages
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);  // no temporary HTML or half-written PDF left beside it
  CHECK(result.err.find("rapport.pdf") != std::string::npos);
  // With poppler's pdftotext (installed by .ci/test): the text holds the conclusion and the
  // page numbers of the print style ("pagina 1 / N").
  if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
    const std::string text_file = (dir.parent_path() / "report_pdf.txt").string();
    REQUIRE(std::system(("pdftotext -layout '" + (dir / "rapport.pdf").string() + "' '" + text_file + "'").c_str()) == 0);
    const std::string text = read_whole_file(text_file);
    CHECK(text.find("Conclusie") != std::string::npos);
    CHECK(text.find("An Peeters") != std::string::npos);
    CHECK(text.find("pagina 1 / ") != std::string::npos);
    CHECK(text.find("pagina 2 / ") != std::string::npos);
  } else {
    WARN("no pdftotext: the PDF's text and page numbers are not read");
  }
}

TEST_CASE("A building with a battery: its section in the report, its figures as run --json has them", "[report][battery]") {
  const auto dir = fresh_directory("report_battery");
  std::string text = read_whole_file(std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "example.toml");
  std::ofstream(dir / "battery.toml") << text << "\n[battery]\ncapacity_kwh = 20\npower_kw = 10\ncost_eur = 10000\n";
  const std::string scenario = "'" + (dir / "battery.toml").string() + "'";
  const auto report = run_cli("report " + scenario + " --out '" + (dir / "r.html").string() + "' --xlsx '" +
                                  (dir / "r.xlsx").string() + "'",
                              "report_battery");
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  const auto json = run_cli("run " + scenario + " --json", "report_battery_json");
  REQUIRE(json.exit_code == 0);
  const std::string html = read_whole_file(dir / "r.html");
  const auto section = html.find("<section id='battery'>");
  REQUIRE(section != std::string::npos);
  CHECK(section < html.find("<h2>De verdeelsleutel en de alternatieven</h2>"));
  // The NPV without the battery, rounded to the euro in Dutch, as run --json computed it.
  const auto at = json.out.find("\"npv_without_eur\": ");
  REQUIRE(at != std::string::npos);
  const double npv_without = std::stod(json.out.substr(at + 19));
  CHECK(html.find(deelstroom::report::format_number(npv_without, 0, true), section) < html.find("</section>", section));
}

TEST_CASE("The report of a 20-apartment building: ranked NPV bars for all, three lines instead of twenty", "[report]") {
  const auto dir = fresh_directory("report_twenty");
  const auto result = run_cli("report scenarios/bench/building_20.toml --out '" + (dir / "r.html").string() + "'", "report_twenty");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string html = read_whole_file(dir / "r.html");
  const auto ranked = html.find("<div id='npv-ranked'>");
  const auto lines = html.find("<div id='cumulative-apartments'>");
  REQUIRE(ranked != std::string::npos);
  REQUIRE(lines != std::string::npos);
  const auto count = [&](std::size_t from, const std::string& part) {
    std::size_t n = 0;
    const std::size_t end = html.find("</div>", from);
    for (std::size_t at = html.find(part, from); at < end; at = html.find(part, at + 1)) ++n;
    return n;
  };
  CHECK(count(ranked, "<rect") == 20);
  CHECK(count(lines, "<polyline") == 3);
}
