// A short, bounded fuzz run of the buildings table parser (the mutations of
// tests/fuzz/fuzz_targets.hpp on the corpus tests/fuzz/corpus/buildings/): every input is
// parsed into plausible rows or refused with an InputError.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/portfolio/buildings_table.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

using namespace deelstroom;

namespace {

[[noreturn]] void fooled(const std::string& what) { throw std::logic_error("fooled: " + what); }

void run_buildings_table(const std::string& text) {
  const portfolio::BuildingsTable table = portfolio::parse_buildings_table(text, "fuzz_buildings.csv", "/data");
  if (table.rows.empty()) fooled("a table without buildings");
  for (const portfolio::BuildingRow& row : table.rows) {
    if (row.id.empty() || row.apartment_count < 1) fooled("a building without id or apartments");
    if (!std::isfinite(row.roof_kwp) || row.roof_kwp <= 0.0) fooled("a roof without power");
    if (!std::isfinite(row.tilt_deg) || !std::isfinite(row.azimuth_deg)) fooled("a non-finite orientation");
    if (!row.shares_per_mille.empty() && static_cast<int>(row.shares_per_mille.size()) != row.apartment_count) {
      fooled("shares that do not match the apartments");
    }
    int households = 0;
    for (const auto& h : row.households) households += h.count;
    if (row.meter_folder.empty() && households != row.apartment_count) fooled("a mix that does not add up");
    if (row.rented_count < 0 || row.rented_count > row.apartment_count) fooled("more rented than apartments");
    if (row.dso_area.empty()) fooled("a building without network area");
  }
}

}  // namespace

TEST_CASE("fuzz: buildings tables are parsed or refused with an InputError", "[fuzz]") {
  constexpr int kIterations = 300;
  const fuzz::Target target{"buildings", run_buildings_table};
  const auto corpus =
      fuzz::load_corpus(std::string(DEELSTROOM_SOURCE_DIR) + "/tests/fuzz/corpus", DEELSTROOM_SOURCE_DIR, "buildings");
  REQUIRE(corpus.size() >= 3);
  const fuzz::FuzzReport report = fuzz::fuzz(target, corpus, kIterations, 20261204);
  INFO(report.finding.value_or("") << "\ninput (first 400 bytes): " << report.finding_input.substr(0, 400));
  CHECK_FALSE(report.finding.has_value());
  CHECK(report.accepted >= 1);
  CHECK(report.refused >= 1);
}
