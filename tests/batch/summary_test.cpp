// The batch summaries: "not paid back" kept as an infinite payback and counted as its own
// share, grouped summaries against hand-counted cases, the journal carrying the groups, and
// the conflicts a study refuses (two sources for one field, duplicate ids, too many cases).
#include <catch2/catch.hpp>

#include "tests/error_of.hpp"

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <sstream>

#include "core/batch/output.hpp"
#include "core/batch/study.hpp"
#include "core/batch/summary.hpp"
#include "tests/cli/cli_support.hpp"

using namespace deelstroom;
using namespace deelstroom::batch;

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
const std::filesystem::path kData = std::filesystem::path(DEELSTROOM_TEST_DATA_DIR) / "batch";

using test::error_of;

/// Four hand-made cases: a variable pv with values 10 and 20, the own key and one compared.
///   case 0, pv 10: payback 10,    sharing 0.4, NPV  100, losing 0,    keys 0.4 / 0.3
///   case 1, pv 20: never,         sharing 0.5, NPV -200, losing 0.5,  keys 0.5 / 0.2
///   case 2, pv 20: failed
///   case 3, pv 10: payback 14,    sharing 0.6, NPV  300, losing 0.25, keys 0.6 / 0.5
GroupLayout layout() { return {{{"pv.arrays[0].kwp", {"10", "20"}}}, {"scenario", "fixed:equal"}}; }

std::vector<SummaryCase> cases() {
  return {{true, {0}, {10.0, 0.4, 100.0, 0.0, {0.4, 0.3}}},
          {true, {1}, {kNever, 0.5, -200.0, 0.5, {0.5, 0.2}}},
          {false, {1}, {}},
          {true, {0}, {14.0, 0.6, 300.0, 0.25, {0.6, 0.5}}}};
}

}  // namespace

TEST_CASE("quantiles keep a never-paid-back case as an infinite payback", "[batch][summary]") {
  const std::vector<double> sorted{10.0, 14.0, kNever};
  CHECK(quantile_sorted(sorted, 0.0) == 10.0);
  CHECK(quantile_sorted(sorted, 0.1) == Approx(10.8));  // h = 0.2: 10 + 0.2 x 4
  CHECK(quantile_sorted(sorted, 0.5) == 14.0);          // h = 1 exactly: no 0 x Inf
  CHECK(std::isinf(quantile_sorted(sorted, 0.75)));     // h = 1.5, between 14 and never
  const Distribution d = describe({kNever, 10.0, std::nan(""), 14.0});
  CHECK(d.defined == 3);
  CHECK(d.undefined == 1);
  CHECK(d.infinite == 1);
  CHECK(std::isinf(d.mean));
  CHECK(d.median == 14.0);
}

TEST_CASE("summary.csv counts the cases not paid back within the horizon", "[batch][summary]") {
  const std::string csv = summary_csv(cases(), report::CsvStyle::tidy());
  CHECK_THAT(csv, Catch::StartsWith("indicator,cases,undefined,not_paid_back,mean,min,p10,p25,median,p75,p90,max\r\n"));
  // Paybacks 10, 14, never: mean Inf, p10 10.8, p25 12 (h = 0.5), median 14, p75 and up Inf.
  CHECK_THAT(csv, Catch::Contains("simple_payback_years,3,0,1,Inf,10,10.8,12,14,Inf,Inf,Inf\r\n"));
  // NPV 100, -200, 300: mean 66.67, sorted -200, 100, 300.
  CHECK_THAT(csv, Catch::Contains("npv_eur,3,0,,66.67,-200,-140,-50,100,200,260,300\r\n"));
  // Losing shares 0, 0.5, 0.25: mean 0.25.
  CHECK_THAT(csv, Catch::Contains("losing_apartment_share,3,0,,0.25,0,0.05,0.125,0.25,0.375,0.45,0.5\r\n"));
  CHECK_THAT(csv, Catch::Contains("cases_ok,3,"));
  CHECK_THAT(csv, Catch::Contains("cases_failed,1,"));
}

TEST_CASE("grouped summary per variable value and per compared key, counted by hand", "[batch][summary]") {
  const std::string csv = summary_groups_csv(layout(), cases(), report::CsvStyle::tidy());
  CHECK_THAT(csv, Catch::StartsWith("variable,value,indicator,cases,failed,not_paid_back,not_paid_back_share,mean,"));
  CHECK_THAT(csv, Catch::Contains("all,all,simple_payback_years,3,1,1,0.333333,Inf,10,10.8,12,14,Inf,Inf,Inf\r\n"));
  // pv 10: cases 0 and 3, paybacks 10 and 14 (p10 = 10.4, p25 = 11, p75 = 13, p90 = 13.6).
  CHECK_THAT(csv, Catch::Contains("pv.arrays[0].kwp,10,simple_payback_years,2,0,0,0,12,10,10.4,11,12,13,13.6,14\r\n"));
  CHECK_THAT(csv, Catch::Contains("pv.arrays[0].kwp,10,npv_eur,2,0,,,200,100,120,150,200,250,280,300\r\n"));
  // pv 20: case 1 never pays back, case 2 failed.
  CHECK_THAT(csv, Catch::Contains("pv.arrays[0].kwp,20,simple_payback_years,1,1,1,1,Inf,Inf,Inf,Inf,Inf,Inf,Inf,Inf\r\n"));
  CHECK_THAT(csv, Catch::Contains("pv.arrays[0].kwp,20,losing_apartment_share,1,1,,,0.5,0.5,"));
  // The compared key's sharing rates 0.3, 0.2, 0.5: mean 0.333333, median 0.3.
  CHECK_THAT(csv, Catch::Contains("key,fixed:equal,sharing_rate,3,1,,,0.333333,0.2,0.22,0.25,0.3,0.4,0.46,0.5\r\n"));
  CHECK_THAT(csv, Catch::Contains("key,scenario,sharing_rate,3,1,,,0.5,0.4,"));
}

TEST_CASE("the journal carries the groups, so a resumed or merged batch groups alike", "[batch][summary]") {
  const auto dir = test::fresh_directory("batch_groups_journal");
  Journal journal;
  journal.fingerprint = "abc";
  journal.first = 0;
  journal.last = 2;
  journal.layout = {{{"site.name", {"Gebouw A", "100% PV", ""}}}, {"scenario", "optimal:shares"}};
  JournalEntry entry;
  entry.index = 0;
  entry.ok = true;
  entry.indicators = {kNever, 0.5, -10.0, 0.25, {0.5, 0.75}};
  entry.groups = {1};
  std::string text = journal_header_text(journal) + journal_entry_text(entry);
  {
    std::ofstream out(dir / "journal.txt", std::ios::binary);
    out << text;
  }
  const Journal back = read_journal(dir / "journal.txt");
  REQUIRE(back.layout.variables.size() == 1);
  CHECK(back.layout.variables[0].name == "site.name");
  CHECK(back.layout.variables[0].values == std::vector<std::string>{"Gebouw A", "100% PV", ""});
  CHECK(back.layout.key_labels == std::vector<std::string>{"scenario", "optimal:shares"});
  REQUIRE(back.entries.size() == 1);
  CHECK(back.entries[0].groups == std::vector<std::uint32_t>{1});
  CHECK(std::isinf(back.entries[0].indicators.simple_payback_years));
  CHECK(back.entries[0].indicators.losing_apartment_share == 0.25);
  CHECK(back.entries[0].indicators.key_sharing_rates == std::vector<double>{0.5, 0.75});
  // A group index beyond the variable's values is not a journal line of this batch.
  {
    std::ofstream out(dir / "journal.txt", std::ios::binary);
    entry.groups = {3};
    out << journal_header_text(journal) << journal_entry_text(entry);
  }
  CHECK_THROWS_AS(read_journal(dir / "journal.txt"), InputError);
}

TEST_CASE("a study refuses a field written by two sources, duplicate ids and columns, too many cases", "[batch][summary]") {
  // A manifest column that is also swept.
  StudyDefinition definition;
  definition.base_scenario = kData / "small.toml";
  definition.manifest = read_manifest(kData / "study.csv");
  definition.sweeps.push_back(parse_sweep("pv.arrays[0].kwp=5,10"));
  const InputError swept_column = error_of([&] { Study study(definition); });
  CHECK(swept_column.where().field == "--sweep pv.arrays[0].kwp");
  CHECK_THAT(swept_column.message(), Catch::Contains("also the manifest column 'pv.arrays[0].kwp'"));
  // A sweep of one apartment's archetype inside the column apartments[*].archetype.
  definition.sweeps = {parse_sweep("apartments[1].archetype=single_working,couple_retired")};
  CHECK_THAT(error_of([&] { Study study(definition); }).message(), Catch::Contains("apartments[*].archetype"));

  // Two sweeps of one field.
  definition.manifest.reset();
  definition.sweeps = {parse_sweep("key.rounds=1,2"), parse_sweep("key.rounds=3,4")};
  CHECK_THAT(error_of([&] { Study study(definition); }).message(), Catch::Contains("two sweeps write the same field"));

  // Four sweeps of a million values: 10^24 cases would wrap a 64-bit count.
  definition.sweeps.clear();
  for (const char* path : {"pv.arrays[0].kwp", "pv.arrays[0].tilt_deg", "pv.arrays[0].azimuth_deg", "seed"}) {
    definition.sweeps.push_back(parse_sweep(std::string(path) + "=1:1000000:1"));
  }
  const InputError too_many = error_of([&] { Study study(definition); });
  CHECK_THAT(too_many.message(), Catch::Contains("more than 1000000000000 cases"));

  // A column named twice, a case_id used twice: errors at their line and column.
  const InputError twice = error_of([&] { parse_manifest("case_id,key.type,key.type\na,fixed,optimal\n", "m.csv"); });
  CHECK(twice.where().line == 1);
  CHECK(twice.where().column == 3);
  CHECK_THAT(twice.message(), Catch::Contains("appears twice"));
  const InputError same_id = error_of([&] { parse_manifest("case_id,key.type\na,fixed\nb,fixed\na,optimal\n", "m.csv"); });
  CHECK(same_id.where().line == 4);
  CHECK(same_id.where().column == 1);
  CHECK_THAT(same_id.message(), Catch::Contains("already used on line 2"));
}

TEST_CASE("batch: summary_groups.csv groups the study's cases by manifest column and sweep", "[batch][cli]") {
  const auto dir = test::fresh_directory("batch_groups_cli");
  const auto result = test::run_cli("batch tests/data/batch/study.csv --scenario tests/data/batch/small.toml --sweep key.rounds=1,2 "
                                    "--keys proportional --quiet --threads 2 --out '" + (dir / "out").string() + "'",
                                    "batch_groups_cli");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string groups = test::read_whole_file(dir / "out" / "summary_groups.csv");
  // 3 rows x 2 rounds = 6 cases; each manifest value has 2 cases, each round value 3.
  CHECK_THAT(groups, Catch::Contains("\r\nall,all,npv_eur,6,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\npv.arrays[0].kwp,8,npv_eur,2,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\npv.arrays[0].kwp,20,npv_eur,2,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\nkey.type,proportional,npv_eur,2,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\napartments[*].archetype,(scenario),npv_eur,2,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\nkey.rounds,2,npv_eur,3,0,"));
  CHECK_THAT(groups, Catch::Contains("\r\nkey,proportional,sharing_rate,6,0,"));
  CHECK(std::filesystem::file_size(dir / "out" / "summary.xlsx") > 1000);
}

TEST_CASE("batch: heat pump and electric car per apartment as sweep variables", "[batch][cli]") {
  const auto dir = test::fresh_directory("batch_electrified");
  const auto result = test::run_cli("batch --scenario tests/data/batch/small.toml --sweep apartments[*].ev.enabled=false,true "
                                    "--sweep apartments[0].heat_pump.enabled=false,true --quiet --threads 1 --out '" +
                                        (dir / "out").string() + "'",
                                    "batch_electrified");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // apartments_offtake_kwh of the four cases (ev, heat pump): the three apartments' cars add
  // 3 x 2,000 kWh (the generator's default yearly charge), apartment 0's heat pump 2,000 kWh.
  std::istringstream lines(test::read_whole_file(dir / "out" / "cases.csv"));
  std::string line;
  std::getline(lines, line);
  std::vector<std::string> header;
  for (std::size_t start = 0, comma = 0; comma != std::string::npos; start = comma + 1) {
    comma = line.find(',', start);
    header.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
  }
  const auto column = std::find(header.begin(), header.end(), "apartments_offtake_kwh") - header.begin();
  std::vector<double> offtake;
  while (std::getline(lines, line)) {
    // The key label is quoted and holds a comma: count cells outside quotes.
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) cells.emplace_back();
      else cells.back() += c;
    }
    offtake.push_back(std::stod(cells[static_cast<std::size_t>(column)]));
  }
  REQUIRE(offtake.size() == 4);  // (no ev, no hp), (no ev, hp), (ev, no hp), (ev, hp)
  CHECK(offtake[1] - offtake[0] == Approx(2000.0).epsilon(1e-6));
  CHECK(offtake[2] - offtake[0] == Approx(6000.0).epsilon(1e-6));
  CHECK(offtake[3] - offtake[0] == Approx(8000.0).epsilon(1e-6));
}
