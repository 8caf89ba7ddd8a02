// deelstroom batch and merge end to end through the built CLI: the same bytes for 1, 2 and
// 4 threads; kill -9 or Ctrl-C and a rerun give the files of an uninterrupted run; shards
// merged equal one run; bad rows land in failures.csv with row and column.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

const char* const kResultFiles[] = {"cases.csv",   "apartments.csv",     "keys.csv",   "failures.csv",
                                    "summary.csv", "summary_groups.csv", "journal.txt"};

const std::string kStudy =
    "batch tests/data/batch/study.csv --scenario tests/data/batch/small.toml --sweep key.rounds=1,2 --draws 2 "
    "--keys fixed:equal,optimal:shares,proportional --quiet";

void check_same_files(const std::filesystem::path& a, const std::filesystem::path& b) {
  for (const char* name : kResultFiles) {
    INFO(name);
    REQUIRE(std::filesystem::exists(a / name) == std::filesystem::exists(b / name));
    if (std::filesystem::exists(a / name)) CHECK(read_whole_file(a / name) == read_whole_file(b / name));
  }
}

std::size_t journalled_cases(const std::filesystem::path& dir) {
  const std::string journal = read_whole_file(dir / "journal.txt");
  std::size_t count = 0;
  for (std::size_t at = journal.find("\ncase "); at != std::string::npos; at = journal.find("\ncase ", at + 1)) ++count;
  return count;
}

/// Starts the CLI in the background, waits until `min_cases` are journalled, sends `signal`.
/// Returns the cases journalled when the signal was sent.
std::size_t interrupt_batch(const std::string& args, const std::filesystem::path& out, int signal, std::size_t min_cases) {
  const std::filesystem::path pid_file = out.parent_path() / "pid";
  const std::string command = std::string("cd '") + DEELSTROOM_SOURCE_DIR + "' && { '" + DEELSTROOM_CLI_PATH + "' " + args +
                              " --out '" + out.string() + "' >/dev/null 2>&1 & echo $! > '" + pid_file.string() + "'; }";
  REQUIRE(std::system(command.c_str()) == 0);
  const pid_t pid = static_cast<pid_t>(std::stol(read_whole_file(pid_file)));
  std::size_t seen = 0;
  for (int wait = 0; wait < 3000 && seen < min_cases; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (std::filesystem::exists(out / "journal.txt")) seen = journalled_cases(out);
  }
  ::kill(pid, signal);
  for (int wait = 0; wait < 2000 && ::kill(pid, 0) == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return seen;
}

}  // namespace

TEST_CASE("batch: the same bytes for 1, 2 and 4 threads", "[batch][cli]") {
  const auto dir = fresh_directory("batch_threads");
  for (int threads : {1, 2, 4}) {
    const auto result = run_cli(kStudy + " --threads " + std::to_string(threads) + " --out '" +
                                    (dir / std::to_string(threads)).string() + "'",
                                "batch_threads_" + std::to_string(threads));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  const std::string cases = read_whole_file(dir / "1" / "cases.csv");
  // Header + 12 cases: 3 manifest rows x 2 sweep values x 2 draws.
  CHECK(std::count(cases.begin(), cases.end(), '\n') == 13);
  const std::string apartments = read_whole_file(dir / "1" / "apartments.csv");
  CHECK(std::count(apartments.begin(), apartments.end(), '\n') == 1 + 12 * 3);
  const std::string keys = read_whole_file(dir / "1" / "keys.csv");
  CHECK(std::count(keys.begin(), keys.end(), '\n') == 1 + 12 * 4);  // own key + 3 compared per case
  // Which keys Fluvius computes: the fixed and optimal keys yes, the proportional key is a what-if.
  CHECK(keys.find("key,key_label,offered_by_dso,") != std::string::npos);
  CHECK(keys.find(",fixed:equal,\"vaste verdeelsleutel, gelijke delen\",1,") != std::string::npos);
  CHECK(keys.find(",optimal:shares,\"optimale verdeelsleutel, volgens aandelen\",1,") != std::string::npos);
  CHECK(keys.find(",proportional,verdeling naar verbruik per kwartier,0,") != std::string::npos);
  check_same_files(dir / "1", dir / "2");
  check_same_files(dir / "1", dir / "4");
}

TEST_CASE("batch: kill -9 and rerun give the files of an uninterrupted run", "[batch][cli]") {
  const auto dir = fresh_directory("batch_kill");
  const std::string args = "batch --scenario tests/data/batch/small.toml --draws 150 --threads 2 --keys proportional --quiet";
  const auto reference = run_cli(args + " --out '" + (dir / "reference").string() + "'", "batch_kill_reference");
  REQUIRE(reference.exit_code == 0);
  const std::size_t at_kill = interrupt_batch(args, dir / "killed", SIGKILL, 10);
  CHECK(at_kill >= 10);
  REQUIRE(read_whole_file(dir / "killed" / "journal.txt").find("done") == std::string::npos);  // it was mid-run
  const auto rerun = run_cli(args + " --out '" + (dir / "killed").string() + "'", "batch_kill_rerun");
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  check_same_files(dir / "reference", dir / "killed");
}

TEST_CASE("batch: Ctrl-C stops cleanly and a rerun continues", "[batch][cli]") {
  const auto dir = fresh_directory("batch_sigint");
  const std::string args = "batch --scenario tests/data/batch/small.toml --draws 150 --threads 1 --quiet";
  const auto reference = run_cli(args + " --out '" + (dir / "reference").string() + "'", "batch_sigint_reference");
  REQUIRE(reference.exit_code == 0);
  interrupt_batch(args, dir / "stopped", SIGINT, 5);
  const std::size_t kept = journalled_cases(dir / "stopped");
  CHECK(kept >= 5);
  CHECK(kept < 150);
  CHECK(!std::filesystem::exists(dir / "stopped" / "summary.csv"));
  const auto rerun = run_cli(args + " --out '" + (dir / "stopped").string() + "'", "batch_sigint_rerun");
  REQUIRE(rerun.exit_code == 0);
  check_same_files(dir / "reference", dir / "stopped");
}

TEST_CASE("batch: shards merged equal a single run", "[batch][cli]") {
  const auto dir = fresh_directory("batch_shards");
  REQUIRE(run_cli(kStudy + " --threads 2 --out '" + (dir / "single").string() + "'", "batch_shards_single").exit_code == 0);
  std::string shard_dirs;
  for (int k : {3, 1, 2}) {
    const std::string shard = (dir / ("shard" + std::to_string(k))).string();
    REQUIRE(run_cli(kStudy + " --threads 1 --shard " + std::to_string(k) + "/3 --out '" + shard + "'",
                    "batch_shards_" + std::to_string(k)).exit_code == 0);
    shard_dirs += " '" + shard + "'";
  }
  const auto merged = run_cli("merge" + shard_dirs + " --out '" + (dir / "merged").string() + "'", "batch_merge");
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  check_same_files(dir / "single", dir / "merged");

  // An incomplete set is refused with the reason.
  const auto partial = run_cli("merge '" + (dir / "shard1").string() + "' --out '" + (dir / "partial").string() + "'",
                               "batch_merge_partial");
  CHECK(partial.exit_code == 1);
  CHECK_THAT(partial.err, Catch::Contains("verwacht 3 mappen van delen"));
}

TEST_CASE("batch: failing rows go to failures.csv with row and column, --fail-fast stops", "[batch][cli]") {
  const auto dir = fresh_directory("batch_failures");
  const std::string args = "batch tests/data/batch/bad_rows.csv --scenario tests/data/batch/small.toml --quiet";
  const auto result = run_cli(args + " --out '" + (dir / "all").string() + "'", "batch_failures_all");
  // The batch ran to the end but two of its three cases failed: exit 3, said also with --quiet.
  REQUIRE(result.exit_code == 3);
  CHECK_THAT(result.err, Catch::Contains("2 van 3 gevallen mislukt; zie "));
  CHECK_THAT(result.err, Catch::Contains("failures.csv"));
  const auto english = run_cli(args + " --lang en --out '" + (dir / "english").string() + "'", "batch_failures_english");
  CHECK(english.exit_code == 3);
  CHECK_THAT(english.err, Catch::Contains("2 of 3 cases failed; see "));
  // The reasons in failures.csv are in the chosen language too.
  CHECK_THAT(read_whole_file(dir / "english" / "failures.csv"), Catch::Contains("bad_rows.csv:3:3: field 'key.type'"));
  const std::string failures = read_whole_file(dir / "all" / "failures.csv");
  CHECK_THAT(failures, Catch::Contains("bad_rows.csv:3:3: veld 'key.type'"));
  CHECK_THAT(failures, Catch::Contains("bad_rows.csv:4:2: veld 'pv.arrays[0].kwp'"));
  const std::string cases = read_whole_file(dir / "all" / "cases.csv");
  CHECK(std::count(cases.begin(), cases.end(), '\n') == 2);  // header + the good row
  CHECK_THAT(read_whole_file(dir / "all" / "summary.csv"), Catch::Contains("cases_failed,2"));

  const auto fast = run_cli(args + " --fail-fast --out '" + (dir / "fast").string() + "'", "batch_failures_fast");
  CHECK(fast.exit_code == 1);
  CHECK_THAT(fast.err, Catch::Contains("bad_rows.csv:3:3"));
  CHECK(journalled_cases(dir / "fast") == 2);  // the good case and the first failure

  // --fail-fast reports a failure also when it is the last case.
  const auto last = run_cli("batch tests/data/batch/unknown_field.csv --scenario tests/data/batch/small.toml --quiet --fail-fast --out '" +
                                (dir / "last").string() + "'",
                            "batch_failures_last");
  CHECK(last.exit_code == 1);
  CHECK_THAT(last.err, Catch::Contains("unknown_field.csv:2:2: veld 'pv.arrays[0].kwpp'"));

  // Another batch into the same directory is refused.
  const auto other = run_cli(kStudy + " --out '" + (dir / "all").string() + "'", "batch_failures_other");
  CHECK(other.exit_code == 1);
  CHECK_THAT(other.err, Catch::Contains("--restart"));
}

TEST_CASE("batch: excel-be style writes semicolons, decimal commas and a byte-order mark", "[batch][cli]") {
  const auto dir = fresh_directory("batch_excel");
  const auto result = run_cli("batch tests/data/batch/excel.csv --scenario tests/data/batch/small.toml --csv-style excel-be --quiet --out '" +
                                  (dir / "out").string() + "'",
                              "batch_excel");
  REQUIRE(result.exit_code == 0);
  const std::string cases = read_whole_file(dir / "out" / "cases.csv");
  CHECK(cases.rfind("\xEF\xBB\xBF" "case;case_id;", 0) == 0);
  CHECK_THAT(cases, Catch::Contains(";12,5;"));
}
