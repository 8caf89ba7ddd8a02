// Ranking and verdicts on hand-made results, and the results file read back exactly.
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "core/portfolio/ranking.hpp"
#include "core/portfolio/results_file.hpp"
#include "tests/cli/cli_support.hpp"

using namespace deelstroom::portfolio;

namespace {

BuildingResult building(std::size_t index, const std::string& id, double npv, std::optional<double> payback, double sharing_rate,
                        int losing, int apartments = 10) {
  BuildingResult r;
  r.index = index;
  r.id = id;
  r.name = "Gebouw " + id;
  r.ok = true;
  r.association_npv_eur = npv;
  r.association_payback_years = payback;
  r.sharing_rate = sharing_rate;
  r.apartments_losing = losing;
  r.apartment_count = apartments;
  r.horizon_years = 25;
  return r;
}

std::vector<std::string> ids_in(const std::vector<BuildingResult>& results, const std::vector<std::size_t>& order) {
  std::vector<std::string> ids;
  for (std::size_t i : order) ids.push_back(results[i].id);
  return ids;
}

// Four buildings and a failed one. By hand:
//   A: NPV  5,000  payback 12  sharing 0.50  losing 2/10 = 0.2
//   B: NPV 20,000  payback 18  sharing 0.40  losing 0/10 = 0
//   C: NPV -3,000  no payback  sharing 0.90  losing 5/10 = 0.5
//   D: NPV  5,000  payback  9  sharing 0.40  losing 1/5  = 0.2
//   E: failed
std::vector<BuildingResult> four_and_a_failure() {
  std::vector<BuildingResult> results = {building(0, "A", 5000, 12.0, 0.5, 2), building(1, "B", 20000, 18.0, 0.4, 0),
                                         building(2, "C", -3000, std::nullopt, 0.9, 5), building(3, "D", 5000, 9.0, 0.4, 1, 5)};
  BuildingResult failed;
  failed.index = 4;
  failed.id = "E";
  failed.association_npv_eur = 1e9;  // never ranked on figures it does not have
  results.insert(results.begin() + 1, failed);  // table order need not be index order in the vector
  return results;
}

}  // namespace

TEST_CASE("Ranking by association NPV: high to low, ties in table order, failed last") {
  const auto results = four_and_a_failure();
  CHECK(ids_in(results, rank_buildings(results, RankBy::npv)) == std::vector<std::string>{"B", "A", "D", "C", "E"});
}

TEST_CASE("Ranking by payback: short to long, none within the horizon last among those that ran") {
  const auto results = four_and_a_failure();
  CHECK(ids_in(results, rank_buildings(results, RankBy::payback)) == std::vector<std::string>{"D", "A", "B", "C", "E"});
}

TEST_CASE("Ranking by sharing rate: high to low, ties to the higher NPV") {
  const auto results = four_and_a_failure();
  // B and D both share 40 %: B has the higher NPV.
  CHECK(ids_in(results, rank_buildings(results, RankBy::sharing_rate)) == std::vector<std::string>{"C", "A", "B", "D", "E"});
}

TEST_CASE("Ranking by the share of apartments that lose: low to high") {
  const auto results = four_and_a_failure();
  // A and D both 0.2 (2/10 and 1/5) and the same NPV: table order, A first.
  CHECK(ids_in(results, rank_buildings(results, RankBy::losing_share)) == std::vector<std::string>{"B", "A", "D", "C", "E"});
}

TEST_CASE("Rank names parse and an unknown one is refused") {
  CHECK(rank_by_name("losers") == RankBy::losing_share);
  CHECK(rank_by_name("sharing") == RankBy::sharing_rate);
  CHECK_FALSE(rank_by_name("best").has_value());
}

TEST_CASE("Verdicts: sharing pays where the building gains, sharing adds and nobody loses") {
  BuildingResult r = building(0, "A", 1000, 10.0, 0.5, 0);
  r.apartments_npv_eur = 8000;
  r.association_npv_without_sharing_eur = 3000;  // gain 5,000
  CHECK(r.sharing_gain_eur() == 5000.0);
  CHECK(verdict_of(r) == Verdict::pays);
  r.apartments_losing = 1;
  CHECK(verdict_of(r) == Verdict::pays_but_some_lose);
  CHECK(r.losing_share() == 0.1);
  r.apartments_losing = 0;
  r.association_npv_without_sharing_eur = 9000;  // the panels pay more without sharing
  CHECK(verdict_of(r) == Verdict::does_not_pay);
  r.association_npv_without_sharing_eur = -5000;
  r.apartments_npv_eur = -1;  // the building as a whole loses
  CHECK(verdict_of(r) == Verdict::does_not_pay);
  r.apartments_npv_eur = 8000;
  r.ok = false;
  CHECK(verdict_of(r) == Verdict::does_not_pay);
}

TEST_CASE("The results file reads back every figure exactly, and an absent payback as absent") {
  std::vector<BuildingResult> results = {building(0, "A", 0.1 + 0.2, 12.345678901234567, 1.0 / 3.0, 2),
                                         building(1, "B,\"quoted\"", -1e-300, std::nullopt, 0.0, 0)};
  results[1].ok = false;
  results[1].error = "file.csv:3:4: bad\nsecond line";
  const auto back = parse_results(format_results(results), "r.csv");
  REQUIRE(back.size() == 2);
  CHECK(back[0].association_npv_eur == 0.1 + 0.2);
  CHECK(back[0].association_payback_years == 12.345678901234567);
  CHECK(back[0].sharing_rate == 1.0 / 3.0);
  CHECK(back[0].apartments_losing == 2);
  CHECK(back[1].id == "B,\"quoted\"");
  CHECK(back[1].association_npv_eur == -1e-300);
  CHECK_FALSE(back[1].association_payback_years.has_value());
  CHECK_FALSE(back[1].ok);
  CHECK(back[1].error == "file.csv:3:4: bad second line");  // one line per building
}

TEST_CASE("Shards merge in shard order, a missing, repeated or foreign shard is refused") {
  const auto dir = deelstroom::test::fresh_directory("portfolio_shards");
  auto shard = [&](int k, const std::string& fingerprint, std::size_t first, std::size_t last) {
    std::vector<BuildingResult> results;
    for (std::size_t i = first; i < last; ++i) results.push_back(building(i, "B" + std::to_string(i), 1.0 * i, 1.0, 0.5, 0));
    const auto path = dir / std::to_string(k) / fingerprint;
    std::filesystem::create_directories(path);
    write_results(path, results, ShardInfo{fingerprint, "b.csv", "base.toml", k, 2, 5, first, last});
    return path;
  };
  const auto one = shard(1, "f1", 0, 2), two = shard(2, "f1", 2, 5), foreign = shard(2, "f2", 2, 5);
  ShardInfo merged;
  const auto all = read_shard_results({two, one}, merged);
  REQUIRE(all.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(all[i].index == i);
  CHECK(merged.shard_count == 1);
  CHECK(merged.last == 5);
  CHECK(merged.table_name == "b.csv");
  CHECK_THROWS_AS(read_shard_results({one}, merged), deelstroom::InputError);
  CHECK_THROWS_AS(read_shard_results({one, one}, merged), deelstroom::InputError);
  CHECK_THROWS_AS(read_shard_results({one, foreign}, merged), deelstroom::InputError);
  std::filesystem::remove_all(dir);
}
