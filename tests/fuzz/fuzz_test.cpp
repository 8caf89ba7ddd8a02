// A short, bounded fuzz run of every parser (tests/fuzz/fuzz_targets.hpp); longer runs by hand
// with the deelstroom_fuzz program (tests/fuzz/README.md).
#include <catch2/catch.hpp>

#include <string>

#include "tests/fuzz/fuzz_targets.hpp"

using namespace deelstroom;

namespace {

/// Iterations per target in the test suite: a few seconds each (more under the sanitizers).
constexpr int kIterations = 300;

void fuzz_target(const std::string& name) {
  const auto& all = fuzz::targets();
  const auto target = std::find_if(all.begin(), all.end(), [&](const fuzz::Target& t) { return t.name == name; });
  REQUIRE(target != all.end());
  const auto corpus = fuzz::load_corpus(std::string(DEELSTROOM_SOURCE_DIR) + "/tests/fuzz/corpus", DEELSTROOM_SOURCE_DIR, name);
  REQUIRE_FALSE(corpus.empty());
  const fuzz::FuzzReport report = fuzz::fuzz(*target, corpus, kIterations, 20261203);
  INFO(report.finding.value_or("") << "\ninput (first 400 bytes): " << report.finding_input.substr(0, 400));
  CHECK_FALSE(report.finding.has_value());
  CHECK(report.runs == static_cast<int>(corpus.size()) + kIterations);
  // The corpus is accepted and the mutations reach the refusals: a fuzz run that never gets
  // past the first check or never accepts anything tests nothing.
  CHECK(report.accepted >= 1);
  CHECK(report.refused >= 1);
}

}  // namespace

TEST_CASE("fuzz: scenario files are parsed or refused with an InputError", "[fuzz]") { fuzz_target("scenario"); }
TEST_CASE("fuzz: tariff files are parsed or refused with an InputError", "[fuzz]") { fuzz_target("tariffs"); }
TEST_CASE("fuzz: meter files are parsed or refused with an InputError", "[fuzz]") { fuzz_target("meter"); }
TEST_CASE("fuzz: PVGIS files are parsed or refused with an InputError", "[fuzz]") { fuzz_target("pvgis"); }
TEST_CASE("fuzz: day-ahead price files are parsed or refused with an InputError", "[fuzz]") { fuzz_target("day_ahead"); }
TEST_CASE("fuzz: batch manifests are parsed or refused with an InputError", "[fuzz]") { fuzz_target("manifest"); }
TEST_CASE("fuzz: sweep specifications are parsed or refused with an InputError", "[fuzz]") { fuzz_target("sweep"); }
