#pragma once
// Running a portfolio: the buildings' scenario files written into OUT/scenarios/ (so the
// adviser opens them in the calculator), each building run from its file on worker threads,
// and one adviser report per building written into OUT/reports/ (HTML and workbook). Every
// building is computed on its own from its own file, and results are kept by table row, so
// the figures are the same whatever the number of threads.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/portfolio/buildings_table.hpp"
#include "core/portfolio/ranking.hpp"
#include "core/report/adviser_report.hpp"
#include "core/scenario/scenario.hpp"

namespace deelstroom::portfolio {

/// Where a portfolio's files go, under its output directory.
struct PortfolioLayout {
  std::filesystem::path directory;

  std::filesystem::path scenario_file(const std::string& id) const { return directory / "scenarios" / (id + ".toml"); }
  std::filesystem::path report_html(const std::string& id) const { return directory / "reports" / (id + ".html"); }
  std::filesystem::path report_xlsx(const std::string& id) const { return directory / "reports" / (id + ".xlsx"); }
  std::filesystem::path portfolio_html() const { return directory / "portfolio.html"; }
  std::filesystem::path portfolio_xlsx() const { return directory / "portfolio.xlsx"; }
};

struct RunOptions {
  int threads = 1;
  Language language = Language::dutch;
  report::ReportCover cover;
  bool workbooks = true;            ///< also write each building's .xlsx
  bool quarter_hours = false;       ///< the workbooks' quarter-hour sheet (about 6 MB a building)
  /// Called after each building (from the worker that ran it, one call at a time): buildings
  /// done so far, of how many, and the result.
  std::function<void(std::size_t done, std::size_t total, const BuildingResult& result)> progress;
};

/// Generates the scenarios of all rows and writes those of rows [first, last) (atomically) into the
/// layout's scenarios/ folder, which is created. Throws InputError for any row that cannot
/// become a scenario (see building_scenario), before anything is written.
void write_building_scenarios(const scenario::Scenario& base, const BuildingsTable& table, std::size_t first, std::size_t last,
                              const PortfolioLayout& layout);

/// Runs one building from its scenario file and writes its adviser report(s). Never throws:
/// a building that fails comes back with ok = false and the reason.
BuildingResult run_building(const BuildingRow& row, std::size_t index, const PortfolioLayout& layout, const RunOptions& options,
                            simulation::SimulationCaches& caches);

/// run_building for rows [first, last) on options.threads workers; results in row order.
std::vector<BuildingResult> run_buildings(const BuildingsTable& table, std::size_t first, std::size_t last,
                                          const PortfolioLayout& layout, const RunOptions& options);

}  // namespace deelstroom::portfolio
