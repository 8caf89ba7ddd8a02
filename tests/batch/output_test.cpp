// Batch output: the journal records complete cases only, and a resumed output is truncated
// to the last journalled case, so a rerun continues without losing or doubling rows.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/batch/output.hpp"
#include "tests/cli/cli_support.hpp"

using namespace deelstroom;
using namespace deelstroom::batch;

namespace {

TableHeaders headers() { return {"case,x\r\n", "case,apartment\r\n", "", "case,reason\r\n"}; }

CaseOutcome outcome(std::size_t index, bool ok) {
  CaseOutcome o;
  o.index = index;
  o.ok = ok;
  if (ok) {
    o.cases_rows = std::to_string(index) + ",1.5\r\n";
    o.apartment_rows = std::to_string(index) + ",A1\r\n" + std::to_string(index) + ",A2\r\n";
    o.indicators = {10.0 + static_cast<double>(index), 0.5, -100.0, 0.0, {}};
  } else {
    o.failure_rows = std::to_string(index) + ",broken\r\n";
  }
  return o;
}

void append_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::app);
  out << text;
}

}  // namespace

TEST_CASE("batch output resumes after the last complete journalled case", "[batch]") {
  const auto dir = test::fresh_directory("batch_output");
  {
    BatchOutput output(dir, "abc", {1, 1}, 0, 5, headers(), report::CsvStyle::tidy(), false);
    CHECK(output.next_index() == 0);
    output.append(outcome(0, true));
    output.append(outcome(1, false));
    output.append(outcome(2, true));
    CHECK_THROWS(output.append(outcome(4, true)));  // out of order
  }
  CHECK(!std::filesystem::exists(dir / "keys.csv"));  // no compared keys, no table
  // An interrupted case 3: rows written, journal line cut short.
  append_text(dir / "cases.csv", "3,9.9\r\n");
  append_text(dir / "apartments.csv", "3,A1\r\n");
  append_text(dir / "journal.txt", "case 3 1 12");

  BatchOutput resumed(dir, "abc", {1, 1}, 0, 5, headers(), report::CsvStyle::tidy(), false);
  CHECK(resumed.resumed_cases() == 3);
  CHECK(resumed.next_index() == 3);
  CHECK(test::read_whole_file(dir / "cases.csv") == "case,x\r\n0,1.5\r\n2,1.5\r\n");
  CHECK(test::read_whole_file(dir / "apartments.csv") == "case,apartment\r\n0,A1\r\n0,A2\r\n2,A1\r\n2,A2\r\n");
  CHECK(test::read_whole_file(dir / "failures.csv") == "case,reason\r\n1,broken\r\n");
  resumed.append(outcome(3, true));
  resumed.append(outcome(4, true));
  CHECK(resumed.complete());
  resumed.finish();
  const Journal journal = read_journal(dir / "journal.txt");
  CHECK(journal.done);
  REQUIRE(journal.entries.size() == 5);
  CHECK(journal.entries[1].ok == false);
  CHECK(journal.entries[4].indicators.simple_payback_years == 14.0);
  // cases.csv after case 4: header 8 bytes + four rows of 7 bytes.
  CHECK(journal.entries[4].sizes[0] == 8 + 4 * 7);
  const std::string summary = test::read_whole_file(dir / "summary.csv");
  // Paybacks of the ok cases 0, 2, 3, 4: 10, 12, 13, 14 -> median 12.5, mean 12.25.
  CHECK_THAT(summary, Catch::Contains("simple_payback_years,4,0,0,12.25,10,"));
  CHECK_THAT(summary, Catch::Contains("cases_failed,1"));
}

TEST_CASE("batch output refuses another batch's directory unless restarted", "[batch]") {
  const auto dir = test::fresh_directory("batch_other");
  {
    BatchOutput output(dir, "abc", {1, 1}, 0, 2, headers(), report::CsvStyle::tidy(), false);
    output.append(outcome(0, true));
  }
  CHECK_THROWS_AS(BatchOutput(dir, "def", {1, 1}, 0, 2, headers(), report::CsvStyle::tidy(), false), InputError);
  CHECK_THROWS_AS(BatchOutput(dir, "abc", {1, 2}, 0, 1, headers(), report::CsvStyle::tidy(), false), InputError);
  BatchOutput restarted(dir, "def", {1, 1}, 0, 2, headers(), report::CsvStyle::tidy(), true);
  CHECK(restarted.next_index() == 0);
  CHECK(test::read_whole_file(dir / "cases.csv") == "case,x\r\n");
}
