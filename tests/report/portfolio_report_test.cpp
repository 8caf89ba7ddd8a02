// The portfolio report's totals (whole portfolio and per network area) on hand-made results,
// and the ranking as the HTML shows it.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/report/portfolio_report.hpp"

using deelstroom::portfolio::BuildingResult;
using namespace deelstroom::report;

namespace {

BuildingResult building(std::size_t index, const std::string& id, const std::string& area, int apartments, double kwp,
                        double association_npv, double apartments_npv, double npv_without_sharing, int losing) {
  BuildingResult r;
  r.index = index;
  r.id = id;
  r.name = "Gebouw " + id;
  r.dso_area = area;
  r.ok = true;
  r.apartment_count = apartments;
  r.pv_kwp = kwp;
  r.association_npv_eur = association_npv;
  r.apartments_npv_eur = apartments_npv;
  r.association_npv_without_sharing_eur = npv_without_sharing;
  r.apartments_losing = losing;
  r.horizon_years = 25;
  return r;
}

// By hand:
//   P west  10 apts 12 kWp  VME  4,000  apartments 9,000  without sharing 1,000  0 lose -> pays
//   Q west   6 apts  8 kWp  VME -1,000  apartments 2,000  without sharing   500  2 lose -> pays, some lose
//   R imewo 20 apts 30 kWp  VME -6,000  apartments -500   without sharing -9,000 0 lose -> does not pay (building loses)
//   S imewo failed
std::vector<BuildingResult> four() {
  std::vector<BuildingResult> results = {building(0, "P", "west", 10, 12, 4000, 9000, 1000, 0),
                                         building(1, "Q", "west", 6, 8, -1000, 2000, 500, 2),
                                         building(2, "R", "imewo", 20, 30, -6000, -500, -9000, 0)};
  BuildingResult failed;
  failed.index = 3;
  failed.id = "S";
  failed.dso_area = "imewo";
  failed.error = "meter file unreadable";
  results.push_back(failed);
  return results;
}

}  // namespace

TEST_CASE("Portfolio totals count buildings by verdict and add up the buildings that ran") {
  const PortfolioTotals t = portfolio_totals(four());
  CHECK(t.buildings == 3);
  CHECK(t.failed == 1);
  CHECK(t.apartments == 36);
  CHECK(t.pv_kwp == 50.0);
  CHECK(t.association_npv_eur == -3000.0);
  CHECK(t.apartments_npv_eur == 10500.0);
  CHECK(t.pays == 1);
  CHECK(t.pays_but_some_lose == 1);
  CHECK(t.does_not_pay == 1);
}

TEST_CASE("Portfolio totals per network area, areas in alphabetical order") {
  const auto areas = totals_by_area(four());
  REQUIRE(areas.size() == 2);
  CHECK(areas[0].first == "imewo");
  CHECK(areas[0].second.buildings == 1);
  CHECK(areas[0].second.failed == 1);
  CHECK(areas[0].second.does_not_pay == 1);
  CHECK(areas[1].first == "west");
  CHECK(areas[1].second.apartments == 16);
  CHECK(areas[1].second.association_npv_eur == 3000.0);
}

TEST_CASE("The portfolio page lists the buildings in ranked order with links and the failures with their reasons") {
  PortfolioReport report{"b.csv", "base.toml", deelstroom::portfolio::RankBy::npv, four(), {"An", "", "2026-01-31"}};
  std::ostringstream html;
  write_portfolio_html(html, report, deelstroom::Language::english);
  const std::string page = html.str();
  const auto p = page.find("data-id='P'"), q = page.find("data-id='Q'"), r = page.find("data-id='R'");
  REQUIRE(p != std::string::npos);
  CHECK(p < q);  // NPV 4,000 before -1,000 before -6,000
  CHECK(q < r);
  CHECK(page.find("data-id='S'") == std::string::npos);  // failed: not ranked ...
  CHECK(page.find("meter file unreadable") != std::string::npos);  // ... but listed with the reason
  CHECK(page.find("href='reports/P.html'") != std::string::npos);
  CHECK(page.find("<tr class='pays_but_some_lose' data-id='Q'>") != std::string::npos);
}
