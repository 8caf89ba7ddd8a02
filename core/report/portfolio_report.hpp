#pragma once
// The portfolio report (issue 15): one self-contained HTML page and one workbook that rank
// the buildings of a portfolio and show where sharing pays, each building linked to its own
// adviser report (reports/<id>.html). Everything shown comes from the buildings' results.
#include <filesystem>
#include <utility>
#include <ostream>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/portfolio/ranking.hpp"
#include "core/report/adviser_report.hpp"

namespace deelstroom::report {

struct PortfolioReport {
  std::string table_name;                             ///< the buildings table's file name
  std::string base_name;                              ///< the base scenario's file name
  portfolio::RankBy rank_by = portfolio::RankBy::npv;
  std::vector<portfolio::BuildingResult> results;     ///< in table order
  ReportCover cover;
};

/// Totals over the buildings that ran.
struct PortfolioTotals {
  int buildings = 0;
  int failed = 0;
  int apartments = 0;
  double pv_kwp = 0.0;
  double investment_eur = 0.0;
  double association_npv_eur = 0.0;
  double apartments_npv_eur = 0.0;
  int pays = 0, pays_but_some_lose = 0, does_not_pay = 0;  ///< buildings per verdict (failed not counted)
};
PortfolioTotals portfolio_totals(const std::vector<portfolio::BuildingResult>& results);

/// The same totals per network area (dso_area), areas in alphabetical order.
std::vector<std::pair<std::string, PortfolioTotals>> totals_by_area(const std::vector<portfolio::BuildingResult>& results);

/// The HTML page (UTF-8): totals, where sharing pays (by building and by network area), the ranking table (figures also in
/// data-value attributes with all digits), a bar chart of the association's NPV and the
/// buildings that failed with their reasons.
void write_portfolio_html(std::ostream& out, const PortfolioReport& report, Language language);

/// The workbook: sheets Rangschikking/Ranking (one row per building in ranked order) and
/// Samenvatting/Summary. Written to a temporary file and renamed; throws InputError naming
/// the path when it cannot be written.
void write_portfolio_xlsx(const std::filesystem::path& path, const PortfolioReport& report, Language language);

}  // namespace deelstroom::report
