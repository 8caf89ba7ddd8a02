#include "core/portfolio/portfolio_run.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "core/common/error.hpp"
#include "core/portfolio/building_scenario.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"

namespace deelstroom::portfolio {

namespace {

/// The portfolio's figures of one building from its run.
void fill_result(BuildingResult& result, const simulation::KeyRun& run, const economics::EconomicsResult& money) {
  const sharing::FlowTotals& year = run.settlement.year;
  result.apartment_count = static_cast<int>(money.apartments.size());
  result.pv_kwp = money.pv_kwp;
  result.production_kwh = year.production_kwh;
  result.shared_kwh = year.shared_kwh;
  result.sharing_rate = year.sharing_rate();
  result.self_sufficiency = year.building_self_sufficiency();
  result.investment_eur = money.association.investment.total_eur;
  result.association_npv_eur = money.association.indicators.npv_eur;
  result.association_payback_years = money.association.indicators.simple_payback_years;
  result.association_npv_without_sharing_eur = money.association.without_sharing.npv_eur;
  result.apartments_npv_eur = 0.0;
  result.apartments_losing = 0;
  for (const economics::ApartmentResult& apartment : money.apartments) {
    result.apartments_npv_eur += apartment.total.npv_eur;
    if (apartment.total.npv_eur < 0.0) ++result.apartments_losing;
  }
  result.horizon_years = money.horizon_years;
}

}  // namespace

void write_building_scenarios(const scenario::Scenario& base, const BuildingsTable& table, std::size_t first, std::size_t last,
                              const PortfolioLayout& layout) {
  // Every row is generated (and so checked), also in a shard: a bad row fails every shard
  // at once, before hours of work.
  std::vector<scenario::Scenario> scenarios;
  for (const BuildingRow& row : table.rows) scenarios.push_back(building_scenario(base, row, table.file));
  std::filesystem::create_directories(layout.directory / "scenarios");
  for (std::size_t i = first; i < last; ++i) scenario::write_scenario(scenarios[i], layout.scenario_file(table.rows[i].id));
}

BuildingResult run_building(const BuildingRow& row, std::size_t index, const PortfolioLayout& layout, const RunOptions& options,
                            simulation::SimulationCaches& caches) {
  BuildingResult result;
  result.index = index;
  result.id = row.id;
  result.name = row.name;
  result.dso_area = row.dso_area;
  result.apartment_count = row.apartment_count;
  try {
    // Run from the written file, so the report's figures and fingerprint are those of the
    // scenario the adviser opens.
    const scenario::Scenario s = scenario::read_scenario(layout.scenario_file(row.id));
    const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
    const simulation::KeyRun run = simulation::run_key(s, building, s.key, options.quarter_hours);
    const economics::EconomicsResult money = simulation::run_economics(s, building, run);
    report::write_adviser_report(s, building, run, money, layout.report_html(row.id),
                                 options.workbooks ? layout.report_xlsx(row.id) : std::filesystem::path(), options.language,
                                 options.cover);
    fill_result(result, run, money);
    result.ok = true;
  } catch (const std::exception& error) {
    result.ok = false;
    result.error = describe_error(error, options.language);  // the reports are in that language
  }
  return result;
}

std::vector<BuildingResult> run_buildings(const BuildingsTable& table, std::size_t first, std::size_t last,
                                          const PortfolioLayout& layout, const RunOptions& options) {
  std::filesystem::create_directories(layout.directory / "reports");
  std::vector<BuildingResult> results(last - first);
  simulation::SimulationCaches caches;
  std::atomic<std::size_t> next{first};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < last;) {
      results[i - first] = run_building(table.rows[i], i, layout, options, caches);
      const std::lock_guard lock(progress_mutex);
      ++done;
      if (options.progress) options.progress(done, last - first, results[i - first]);
    }
  };
  const int thread_count = std::max(1, std::min<int>(options.threads, static_cast<int>(last - first)));
  std::vector<std::thread> workers;
  for (int t = 1; t < thread_count; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  return results;
}

}  // namespace deelstroom::portfolio
