// deelstroom portfolio BUILDINGS.csv --out DIR: from a buildings table to one scenario and one
// adviser report per building plus the portfolio report that ranks them (issue 15). Slices
// with --shard K/N (then --merge), spread over MPI ranks in an MPI build. Thin: the core
// generates, runs and writes; this file parses the command line, prints progress and, with
// MPI, waits for the ranks.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <mutex>
#include <thread>

#ifdef DEELSTROOM_HAVE_MPI
#include <mpi.h>
#endif

#include "cli/cli_support.hpp"
#include "cli/mpi_session.hpp"
#include "cli/commands.hpp"
#include "core/batch/output.hpp"
#include "core/common/atomic_file.hpp"
#include "core/common/data_dir.hpp"
#include "core/common/error.hpp"
#include "core/portfolio/portfolio_run.hpp"
#include "core/portfolio/results_file.hpp"
#include "core/report/portfolio_report.hpp"
#include "core/scenario/scenario_io.hpp"

namespace deelstroom::cli {

namespace {

struct PortfolioSettings {
  std::filesystem::path table_file;
  std::filesystem::path base_file;
  portfolio::PortfolioLayout layout;
  portfolio::RunOptions run;
  portfolio::RankBy rank_by = portfolio::RankBy::npv;
  batch::Shard shard;
  bool quiet = false;
};

/// One line per building on stderr: where it stands and what it came to.
void print_progress(std::ostream& err, Language language, std::size_t done, std::size_t total, const portfolio::BuildingResult& r,
                    double seconds) {
  char line[400];
  if (r.ok) {
    std::snprintf(line, sizeof line, "portfolio: %zu/%zu %s (%s): %s %.0f €, %s %.0f %%  [%.1f s]\n", done, total, r.id.c_str(),
                  r.name.c_str(), language == Language::dutch ? "NCW VME" : "association NPV", r.association_npv_eur,
                  language == Language::dutch ? "delingsgraad" : "sharing rate", 100.0 * r.sharing_rate, seconds);
  } else {
    std::snprintf(line, sizeof line, "portfolio: %zu/%zu %s (%s): %s %s\n", done, total, r.id.c_str(), r.name.c_str(),
                  language == Language::dutch ? "MISLUKT:" : "FAILED:", r.error.c_str());
  }
  err << line << std::flush;
}

std::size_t failed_count(const std::vector<portfolio::BuildingResult>& results) {
  std::size_t failed = 0;
  for (const portfolio::BuildingResult& r : results) failed += r.ok ? 0 : 1;
  return failed;
}

/// The portfolio report (HTML and workbook) from the results of the whole table.
void write_portfolio_report(const PortfolioSettings& settings, const portfolio::ShardInfo& info,
                            const std::vector<portfolio::BuildingResult>& results) {
  const report::PortfolioReport report{info.table_name, info.base_name, settings.rank_by, results, settings.run.cover};
  write_file_atomically(settings.layout.portfolio_html(),
                        [&](std::ostream& file) { report::write_portfolio_html(file, report, settings.run.language); });
  report::write_portfolio_xlsx(settings.layout.portfolio_xlsx(), report, settings.run.language);
}

/// Prints the end of a complete portfolio and returns the exit code (failures: 1).
int finish(const PortfolioSettings& settings, const std::vector<portfolio::BuildingResult>& results, std::ostream& out,
           std::ostream& err) {
  const Language language = settings.run.language;
  const std::size_t failed = failed_count(results);
  out << tr(language, "klaar: ", "done: ") << results.size() << tr(language, " gebouwen, ", " buildings, ") << failed
      << tr(language, " mislukt; portefeuillerapport: ", " failed; portfolio report: ") << settings.layout.portfolio_html().string()
      << tr(language, " (en .xlsx), rapporten per gebouw in ", " (and .xlsx), one report per building in ")
      << (settings.layout.directory / "reports").string() << "\n";
  if (failed > 0) {
    err << "deelstroom portfolio: " << failed << tr(language, " gebouw(en) mislukt, zie ", " building(s) failed, see ")
        << settings.layout.portfolio_html().string() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

/// Copies a shard's scenarios and reports into the merged directory (unless it is the same).
void copy_shard_files(const std::filesystem::path& shard, const std::filesystem::path& target) {
  std::error_code ec;
  if (std::filesystem::equivalent(shard, target, ec)) return;
  for (const char* folder : {"scenarios", "reports"}) {
    if (!std::filesystem::is_directory(shard / folder)) continue;
    std::filesystem::create_directories(target / folder);
    for (const auto& entry : std::filesystem::directory_iterator(shard / folder)) {
      if (!entry.is_regular_file()) continue;
      std::filesystem::copy_file(entry.path(), target / folder / entry.path().filename(),
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }
}

int merge_portfolio(const PortfolioSettings& settings, const std::vector<std::filesystem::path>& shards, std::ostream& out,
                    std::ostream& err) {
  portfolio::ShardInfo info;
  const std::vector<portfolio::BuildingResult> results = portfolio::read_shard_results(shards, info);
  std::filesystem::create_directories(settings.layout.directory);
  for (const std::filesystem::path& shard : shards) copy_shard_files(shard, settings.layout.directory);
  portfolio::write_results(settings.layout.directory, results, info);
  write_portfolio_report(settings, info, results);
  return finish(settings, results, out, err);
}

/// The identity of a portfolio's inputs: shards of different tables or bases must not merge.
std::string portfolio_fingerprint(const PortfolioSettings& settings) {
  return batch::fingerprint_of({DEELSTROOM_VERSION, read_text_file(settings.table_file), read_text_file(settings.base_file),
                                settings.run.language == Language::dutch ? "nl" : "en",
                                settings.run.workbooks ? "xlsx" : "no-xlsx", settings.run.quarter_hours ? "qh" : "no-qh"});
}

/// Runs the shard's buildings (all of them with --shard 1/1) and writes their results.
int run_portfolio(PortfolioSettings settings, std::ostream& out, std::ostream& err) {
  const portfolio::BuildingsTable table = portfolio::read_buildings_table(settings.table_file);
  const scenario::Scenario base = scenario::read_scenario(settings.base_file);
  // Under mpirun each rank runs one slice (rank + 1 of size) into the same directory; rank 0
  // merges the slices' results when all are done.
  int rank = 0, ranks = 1;
#ifdef DEELSTROOM_HAVE_MPI
  MpiSession mpi;
  if (mpi.active && mpi.size > 1) {
    if (settings.shard.count != 1) throw UsageError(Text{"--shard en mpirun samen: kies het ene of het andere", "--shard and mpirun together: give one or the other"});
    rank = mpi.rank;
    ranks = mpi.size;
    settings.shard = {rank + 1, ranks};
  }
#endif
  const auto [first, last] = batch::shard_range(settings.shard, table.rows.size());
  portfolio::ShardInfo info{portfolio_fingerprint(settings), settings.table_file.filename().string(),
                            settings.base_file.filename().string(), settings.shard.number, settings.shard.count,
                            table.rows.size(), first, last};
  portfolio::write_building_scenarios(base, table, first, last, settings.layout);
  const Language language = settings.run.language;
  if (!settings.quiet) {
    err << "portfolio: " << last - first << tr(language, " gebouwen", " buildings");
    if (settings.shard.count > 1) err << " (shard " << settings.shard.number << "/" << settings.shard.count << ")";
    err << ", " << settings.run.threads << " thread(s)\n";
  }
  const auto start = std::chrono::steady_clock::now();
  std::mutex err_mutex;
  if (!settings.quiet) {
    settings.run.progress = [&](std::size_t done, std::size_t total, const portfolio::BuildingResult& r) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::lock_guard lock(err_mutex);
      print_progress(err, language, done, total, r, seconds);
    };
  }
  const std::vector<portfolio::BuildingResult> results = portfolio::run_buildings(table, first, last, settings.layout, settings.run);
  if (!settings.quiet) {
    char line[120];
    std::snprintf(line, sizeof line, "portfolio: %zu %s in %.1f s\n", results.size(), language == Language::dutch ? "gebouwen" : "buildings",
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    err << line;
  }
  const std::filesystem::path results_directory =
      ranks > 1 ? settings.layout.directory / "shards" / std::to_string(rank + 1) : settings.layout.directory;
  std::filesystem::create_directories(results_directory);
  portfolio::write_results(results_directory, results, info);
#ifdef DEELSTROOM_HAVE_MPI
  if (ranks > 1) {
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank != 0) return failed_count(results) > 0 ? kExitFailure : kExitOk;
    std::vector<std::filesystem::path> shards;
    for (int k = 1; k <= ranks; ++k) shards.push_back(settings.layout.directory / "shards" / std::to_string(k));
    return merge_portfolio(settings, shards, out, err);
  }
#endif
  if (settings.shard.count > 1) {
    out << "shard " << settings.shard.number << "/" << settings.shard.count << ": " << results.size()
        << tr(language, " gebouwen, ", " buildings, ") << failed_count(results) << tr(language, " mislukt, in ", " failed, in ")
        << settings.layout.directory.string()
        << tr(language, "\nna alle shards: deelstroom portfolio --merge DIR... --out DIR\n",
              "\nwhen all shards are done: deelstroom portfolio --merge DIR... --out DIR\n");
    return failed_count(results) > 0 ? kExitFailure : kExitOk;
  }
  info.first = 0;
  info.last = table.rows.size();
  write_portfolio_report(settings, info, results);
  return finish(settings, results, out, err);
}

}  // namespace

int portfolio_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "portfolio", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("table", po::value<std::string>(), "the buildings table (CSV, ',' or ';' with decimal comma)")(
        "out", po::value<std::string>(), "output directory: scenarios/, reports/, portfolio.html, portfolio.xlsx, portfolio_results.csv")(
        "base", po::value<std::string>(), "scenario with the shared assumptions (key, tariffs year, investment, economics); default: the example building")(
        "threads", po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))), "worker threads")(
        "rank-by", po::value<std::string>()->default_value("npv"), "npv (association NPV), payback, sharing (sharing rate) or losers (share of apartments that lose)")(
        "shard", po::value<std::string>()->default_value("1/1"), "K/N: run only slice K of N of the buildings (then --merge)")(
        "merge", po::value<std::vector<std::string>>()->multitoken(), "merge the output directories of the shards into --out")(
        "no-xlsx", "no workbook per building (the portfolio workbook is always written)")(
        "quarter-hours", "the buildings' workbooks get their quarter-hour sheet (about 6 MB each)")(
        "adviser", po::value<std::string>()->default_value(""), "the adviser's name, on the covers")(
        "organisation", po::value<std::string>()->default_value(""), "the adviser's organisation")(
        "date", po::value<std::string>(), "the reports' date as printed (default: today, YYYY-MM-DD)")(
        "quiet", "no progress lines");
    po::positional_options_description positional;
    positional.add("table", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "portfolio BUILDINGS.csv --out DIR [--base SCENARIO] [--threads N] [--shard K/N] [--lang en]\n"
                       "       deelstroom portfolio --merge DIR... --out DIR",
                  "From a buildings table: one scenario and one adviser report per building, and the portfolio report that "
                  "ranks them.\nVan een gebouwentabel: per gebouw een scenario en een adviesrapport, en het "
                  "portefeuillerapport dat ze rangschikt. Columns: see scenarios/portfolio/README.md.",
                  options);
      return kExitOk;
    }
    PortfolioSettings settings;
    settings.run.language = language_from(values);
    if (values.count("out") == 0) throw UsageError(Text{"--out MAP is nodig", "--out DIR is required"});
    settings.layout.directory = values["out"].as<std::string>();
    const auto rank_by = portfolio::rank_by_name(values["rank-by"].as<std::string>());
    if (!rank_by) throw UsageError(Text{"--rank-by verwacht npv, payback, sharing of losers", "--rank-by expects npv, payback, sharing or losers"});
    settings.rank_by = *rank_by;
    settings.run.threads = std::max(1, values["threads"].as<int>());
    settings.run.workbooks = values.count("no-xlsx") == 0;
    settings.run.quarter_hours = values.count("quarter-hours") != 0;
    settings.run.cover = {values["adviser"].as<std::string>(), values["organisation"].as<std::string>(),
                          values.count("date") != 0 ? values["date"].as<std::string>() : today_iso_date()};
    settings.shard = batch::parse_shard(values["shard"].as<std::string>());
    settings.quiet = values.count("quiet") != 0;
    if (values.count("merge") != 0) {
      if (values.count("table") != 0) throw UsageError(Text{"--merge neemt mappen van shards, geen gebouwentabel", "--merge takes shard directories, not a buildings table"});
      std::vector<std::filesystem::path> shards;
      for (const std::string& dir : values["merge"].as<std::vector<std::string>>()) shards.emplace_back(dir);
      return merge_portfolio(settings, shards, out, err);
    }
    if (values.count("table") == 0) throw UsageError(Text{"geef de gebouwentabel (bv. scenarios/portfolio/buildings.csv)", "give the buildings table (e.g. scenarios/portfolio/buildings.csv)"});
    settings.table_file = values["table"].as<std::string>();
    settings.base_file = values.count("base") != 0 ? std::filesystem::path(values["base"].as<std::string>()) : example_scenario_path();
    return run_portfolio(settings, out, err);
  });
}

}  // namespace deelstroom::cli
