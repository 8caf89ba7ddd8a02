// deelstroom bench: speed figures of the engine's stages, as medians over repeated runs on
// one thread. Benchmarks print; they never decide pass or fail.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/common/data_dir.hpp"
#include "core/economics/energy_basis.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/sharing/reference_settlement.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

namespace {

struct Timing {
  double median_ms = 0.0, min_ms = 0.0, max_ms = 0.0;
  int runs = 0;
};

/// Runs `work` `warmup` times untimed, then `runs` times timed; medians resist a noisy machine.
Timing time_it(int runs, int warmup, const std::function<void()>& work) {
  for (int i = 0; i < warmup; ++i) work();
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back(), runs};
}

/// Beside a figure: how much slower the plain reference implementation is (median over
/// median; 0 = no reference) and the bytes one pass reads and writes (0 = not counted).
struct Context {
  double reference_ratio = 0.0;
  double bytes = 0.0;
};

void print_header(std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line, "  %-58s %9s  %-26s %8s %8s %7s\n", "", "median", "(min, max, runs)",
                "ref/fast", "MB/pass", "GB/s");
  out << line;
}

void print_row(std::ostream& out, const std::string& label, const Timing& t, const std::string& target,
               const Context& context = {}) {
  char ratio[32] = "       -";
  if (context.reference_ratio > 0.0) std::snprintf(ratio, sizeof ratio, "%7.2fx", context.reference_ratio);
  char bytes[48] = "       -       -";
  if (context.bytes > 0.0) {
    std::snprintf(bytes, sizeof bytes, "%8.2f %7.2f", context.bytes / 1e6,
                  context.bytes / (t.median_ms * 1e-3) / 1e9);
  }
  char line[384];
  std::snprintf(line, sizeof line, "  %-58s %9.3f ms (%.3f, %.3f, n=%d) %s %s%s%s\n", label.c_str(),
                t.median_ms, t.min_ms, t.max_ms, t.runs, ratio, bytes, target.empty() ? "" : "  target ",
                target.c_str());
  out << line;
}

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

/// One thread's streaming read bandwidth (a plain sum over 64 MB, far beyond the caches):
/// the ceiling the GB/s column is read against.
double streaming_read_gb_per_s() {
  const std::vector<double> block(8u << 20, 1.0);
  double sum = 0.0;
  const Timing t = time_it(5, 1, [&] {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    for (std::size_t i = 0; i < block.size(); i += 4) {
      s0 += block[i];
      s1 += block[i + 1];
      s2 += block[i + 2];
      s3 += block[i + 3];
    }
    sum += s0 + s1 + s2 + s3;
  });
  if (sum < 0.0) std::abort();  // keeps the loop
  return static_cast<double>(block.size() * sizeof(double)) / (t.median_ms * 1e-3) / 1e9;
}

/// Bytes one settlement pass touches: per quarter-hour production, common use and the month
/// and bucket labels; the apartments' offtake only where there is a shareable volume (the
/// fast path) or everywhere (the reference); the kept series when asked.
double settlement_bytes(const sharing::BuildingSeries& series, double scale, bool fast, bool keep_series) {
  const double t_count = series.interval_count();
  const double n = series.apartment_count();
  double sharing_intervals = 0.0;
  for (int t = 0; t < series.interval_count(); ++t) {
    sharing_intervals += series.production_kwh[t] * scale > series.common_consumption_kwh[t] ? 1.0 : 0.0;
  }
  double bytes =
      t_count * (8.0 + 8.0 + 1.0 + (fast ? 1.0 : 0.0) + (series.tariff_period.empty() ? 0.0 : 1.0));
  bytes += (fast ? sharing_intervals : t_count) * n * 8.0;
  if (keep_series) bytes += t_count * (n + 1.0) * 8.0;
  return bytes;
}

/// The energy basis of a key worked out the plain way: base energy from the raw series and
/// every node year settled by the reference (same node years and scales as `fast`).
economics::EnergyBasis reference_basis(const scenario::Scenario& scenario,
                                       const simulation::PreparedBuilding& building,
                                       const simulation::ResolvedKey& key,
                                       const economics::EnergyBasis& fast) {
  economics::EnergyBasis basis = fast;
  const std::vector<double> no_prices;
  basis.base = economics::base_energy(building.series, no_prices, false);
  basis.nodes.clear();
  for (int year : basis.node_years) {
    basis.nodes.push_back(economics::gather_energy(
        building.series,
        sharing::reference_settle_year(building.series, key.schedule, basis.production_scale(year)),
        no_prices));
  }
  (void)scenario;
  return basis;
}

std::string register_name(int register_doubles) {
  return register_doubles == 4 ? "AVX2" : "SSE2";
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// One batch case: the building with its own profile draws (seed + case), three keys settled,
/// the economics of the scenario's own preset. Returns a digest of its results' bits.
std::uint64_t batch_case(const scenario::Scenario& base_scenario, simulation::SimulationCaches& caches,
                         std::size_t index) {
  scenario::Scenario scenario = base_scenario;
  scenario.seed = base_scenario.seed + index;
  const auto prepared = simulation::prepare_building(scenario, caches);
  const auto base = simulation::building_base_energy(scenario, prepared);
  std::uint64_t digest = 0xcbf29ce484222325ULL;
  auto mix = [&](double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    digest = (digest ^ bits) * 0x100000001b3ULL;
  };
  for (const char* preset : {"equal", "shares", "consumption"}) {
    scenario::KeySettings key = scenario.key;
    key.preset = preset;
    const auto run = simulation::run_key(scenario, prepared, key, false, true);  // as a batch case settles
    mix(run.settlement.year.shared_kwh);
    if (key.preset == scenario.key.preset) {
      const auto money = simulation::run_economics(scenario, prepared, run, &base);
      for (const auto& apartment : money.apartments) mix(apartment.total.npv_eur);
    }
  }
  return digest;
}

struct BatchFigures {
  double wall_s = 0.0;
  std::uint64_t digest = 0;
  long rss_at_tenth_kb = 0, rss_at_end_kb = 0;
};

/// `cases` batch cases on `threads` threads (cases claimed in order; digests combined in case
/// order, so the digest is the same for every thread count when the results are).
BatchFigures run_batch(const scenario::Scenario& scenario, simulation::SimulationCaches& caches,
                       std::size_t cases, int threads) {
  std::vector<std::uint64_t> digests(cases, 0);
  std::atomic<std::size_t> next{0}, done{0};
  BatchFigures figures;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int k = 0; k < threads; ++k) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < cases; i = next++) {
        digests[i] = batch_case(scenario, caches, i);
        ++done;
      }
    });
  }
  while (done.load() < cases) {
    if (figures.rss_at_tenth_kb == 0 && done.load() >= std::max<std::size_t>(1, cases / 10))
      figures.rss_at_tenth_kb = peak_rss_kb();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  for (std::thread& worker : workers) worker.join();
  figures.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (figures.rss_at_tenth_kb == 0) figures.rss_at_tenth_kb = peak_rss_kb();
  figures.rss_at_end_kb = peak_rss_kb();
  figures.digest = 0xcbf29ce484222325ULL;
  for (std::uint64_t d : digests) figures.digest = (figures.digest ^ d) * 0x100000001b3ULL;
  return figures;
}

/// "1,2,all" -> thread counts (all = the hardware's).
std::vector<int> thread_counts(const std::string& list) {
  std::vector<int> counts;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (item == "all") {
      counts.push_back(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    } else {
      counts.push_back(std::max(1, std::stoi(item)));
    }
  }
  return counts;
}

}  // namespace

int bench_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "bench", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(),
                          "building to time (default: scenarios/bench/building_20.toml)")(
        "runs", po::value<int>()->default_value(51), "timed runs per stage (the median is reported)")(
        "batch", po::value<int>()->default_value(0),
        "also run this many batch cases (building + 3 keys + economics, a profile draw each) per thread "
        "count")("threads", po::value<std::string>()->default_value("1,2,all"),
                 "thread counts of the batch run, e.g. 1,2,all");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(
          out, "bench [SCENARIO] [--runs N] [--batch CASES [--threads 1,2,all]]",
          "Times the engine's stages on one thread and prints medians (20 apartments, 2 arrays, optimal key\n"
          "by shares by default), each beside the plain reference implementation's time (ref/fast) and the\n"
          "bytes one pass touches. --batch adds the batch's thread scaling. Meet the speed targets here, "
          "not\n"
          "in tests.",
          options);
      return kExitOk;
    }
    const int runs = std::max(1, values["runs"].as<int>());
    const std::filesystem::path file = values.count("scenario") != 0
                                           ? std::filesystem::path(values["scenario"].as<std::string>())
                                           : data_directory() / "scenarios" / "bench" / "building_20.toml";
    const scenario::Scenario scenario = scenario::read_scenario(file);
    out << "deelstroom bench — " << file.string() << "\n"
        << "  machine: " << cpu_model() << ", " << std::thread::hardware_concurrency()
        << " hardware threads; one thread used\n"
        << "  building: " << scenario.apartments.size() << " apartments + common parts, "
        << scenario.pv.arrays.size() << " PV arrays, key: " << simulation::describe_key(scenario.key, false)
        << "\n";
    char bandwidth[128];
    std::snprintf(bandwidth, sizeof bandwidth,
                  "  memory: %.1f GB/s streaming read on one thread (a plain sum over 64 MB)\n\n",
                  streaming_read_gb_per_s());
    out << bandwidth;

    // Once per location and year (then cached and shared).
    const time::YearGrid grid =
        time::make_year_grid(scenario.site.year, time::time_zone_from_name(scenario.site.timezone).value_or(time::brussels_time_zone()));
    const solar::Site site{scenario.site.latitude_deg, scenario.site.longitude_deg, scenario.site.elevation_m};
    out << "once per location-year (cached afterwards):\n";
    print_header(out);
    print_row(out, "solar positions, bulk SPA", time_it(3, 0, [&] { solar::compute_solar_positions(site, grid); }), "");
    simulation::SimulationCaches caches;
    const auto positions = caches.positions(site, grid);
    print_row(out, "weather: embedded year / file import",
              time_it(3, 0, [&] { simulation::SimulationCaches fresh; fresh.weather(scenario, grid, *positions); }), "");

    out << "\nper building (weather and sun positions loaded):\n";
    print_header(out);
    simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const sharing::BuildingSeries& series = building.series;
    const double n = static_cast<double>(std::max<std::size_t>(1, scenario.apartments.size()));
    const double t_count = series.interval_count();
    const double series_bytes = t_count * 8.0;
    const double settle_fast_bytes = settlement_bytes(series, 1.0, true, false);
    const double settle_plain_bytes = settlement_bytes(series, 1.0, false, false);
    // Profiles: each series written, summed, copied into the building's matrix.
    const double profile_bytes = (n + 1.0) * series_bytes * 3.0;
    // Preparing: the profiles, the arrays' sum, the value checks and the series totals over N x T.
    const double prepare_bytes = profile_bytes + 4.0 * series_bytes + 2.0 * n * series_bytes;

    const simulation::ResolvedKey resolved = simulation::resolve_key(scenario.key, scenario, series);
    const Timing plain_settle =
        time_it(runs, 3, [&] { sharing::reference_settle_year(series, resolved.schedule); });
    const Timing plain_end_to_end = time_it(runs, 3, [&] {
      const auto prepared = simulation::prepare_building(scenario, caches);
      const auto key = simulation::resolve_key(scenario.key, scenario, prepared.series);
      if (sharing::reference_settle_year(prepared.series, key.schedule).year.production_kwh < 0.0)
        std::abort();
    });
    const Timing end_to_end = time_it(runs, 3, [&] {
      const auto prepared = simulation::prepare_building(scenario, caches);
      const auto run = simulation::run_key(scenario, prepared, scenario.key, false);
      if (run.settlement.year.production_kwh < 0.0) std::abort();
    });
    print_row(out, "end to end: PV + profiles + key + settlement", end_to_end, "<= 5 ms (issue #16)",
              {plain_end_to_end.median_ms / end_to_end.median_ms, prepare_bytes + settle_fast_bytes});
    const Timing pv_time = time_it(runs, 3, [&] {
      for (const auto& array : scenario.pv.arrays) {
        pv::ArrayConfig config;
        config.kwp = array.kwp;
        config.tilt_deg = array.tilt_deg;
        config.azimuth_deg = array.azimuth_deg;
        pv::simulate_array(config, *building.weather, *building.positions, building.calendar);
      }
    });
    print_row(out, "  PV model chain, all arrays (cached in batches)", pv_time, "");
    auto all_profiles = [&](bool shared_context) {
      load::ProfileContext context{building.grid, building.calendar};
      context.positions = building.positions.get();
      context.outdoor_temp_c = &building.weather->temp_air_c;
      std::optional<load::PreparedContext> prepared;
      if (shared_context) prepared = load::prepare_context(context);  // once per building
      for (const auto& a : scenario.apartments) {
        simulation::ConsumptionOrigin origin;
        simulation::consumption_series(scenario, a.consumption, a.id, building, origin,
                                       prepared ? &*prepared : nullptr);
      }
    };
    const Timing plain_profiles = time_it(runs, 3, [&] { all_profiles(false); });
    const Timing profiles = time_it(runs, 3, [&] { all_profiles(true); });
    print_row(out, "  consumption profiles, all apartments (one load context)", profiles,
              "<= 2 ms (issue #16)", {plain_profiles.median_ms / profiles.median_ms, n * series_bytes * 2.0});
    Timing per_household = profiles;
    per_household.median_ms /= n;
    per_household.min_ms /= n;
    per_household.max_ms /= n;
    print_row(out, "  one household-year (generated)", per_household, "<= 1 ms (issue #4)",
              {0.0, series_bytes * 2.0});
    const Timing key_time = time_it(runs, 3, [&] { simulation::run_key(scenario, building, scenario.key, false); });
    print_row(out, "  allocation + settlement of the key", key_time, "<= 1 ms (issue #16)",
              {plain_settle.median_ms / key_time.median_ms, settle_fast_bytes});
    sharing::SettlementOptions settle_options;
    settle_options.keep_series = false;
    settle_options.series_validated = true;
    settle_options.totals = building.totals.get();
    const Timing settle_time =
        time_it(runs, 3, [&] { sharing::settle_year(series, resolved.schedule, settle_options); });
    print_row(out, "    settle_year with the building's series totals", settle_time, "",
              {plain_settle.median_ms / settle_time.median_ms, settle_fast_bytes});
    // The same settlement with each register width the processor runs (the same bits:
    // tests/sharing/reference_settlement_test.cpp).
    for (int width : sharing::settlement_register_widths()) {
      settle_options.register_doubles = width;
      const Timing widths = time_it(runs, 3, [&] { sharing::settle_year(series, resolved.schedule, settle_options); });
      print_row(out, "      with " + register_name(width) + " (" + std::to_string(width) + " doubles a register)", widths,
                "", {plain_settle.median_ms / widths.median_ms, settle_fast_bytes});
    }
    settle_options.register_doubles = 0;
    settle_options.keep_series = true;
    const Timing settle_kept =
        time_it(runs, 3, [&] { sharing::settle_year(series, resolved.schedule, settle_options); });
    print_row(out, "    settle_year keeping the quarter-hour series", settle_kept, "",
              {plain_settle.median_ms / settle_kept.median_ms, settlement_bytes(series, 1.0, true, true)});
    settle_options.keep_series = false;
    settle_options.totals = nullptr;
    settle_options.series_validated = false;
    const Timing settle_alone =
        time_it(runs, 3, [&] { sharing::settle_year(series, resolved.schedule, settle_options); });
    print_row(out, "    settle_year alone (checks values, sums the totals itself)", settle_alone, "",
              {plain_settle.median_ms / settle_alone.median_ms, settle_plain_bytes + n * series_bytes});
    print_row(out, "    reference: the same key as straightforward loops", plain_settle, "",
              {1.0, settle_plain_bytes});

    out << "\neconomics (bills, account, cash flows over the horizon):\n";
    print_header(out);
    const auto year1 = simulation::run_key(scenario, building, scenario.key, false);
    const economics::EnergyBasis basis = simulation::economics_basis(scenario, building, year1.key);
    const auto apartments = simulation::economic_apartments(scenario);
    const double kwp = simulation::installed_kwp(building);
    const bool dynamic = scenario.economics.tariffs.energy.contract == economics::EnergyContract::dynamic;
    double basis_bytes = 2.0 * n * series_bytes;  // the base energy without totals
    for (int year : basis.node_years) {
      if (year != 1) basis_bytes += settlement_bytes(series, basis.production_scale(year), true, dynamic);
      basis_bytes += 3.0 * series_bytes;  // gather: production, common, month
    }
    const Timing plain_economics = dynamic ? Timing{} : time_it(runs, 3, [&] {
      economics::evaluate_economics(reference_basis(scenario, building, year1.key, basis), apartments,
                                    scenario.economics, kwp);
    });
    auto economics_ratio = [&](const Timing& fast, double extra_plain_ms) {
      return dynamic ? 0.0 : (plain_economics.median_ms + extra_plain_ms) / fast.median_ms;
    };
    const Timing economics_time =
        time_it(runs, 3, [&] { simulation::run_economics(scenario, building, year1); });
    print_row(out, "  energy basis + evaluation (reusing the year-1 settlement)", economics_time,
              "<= 1 ms (issue #16)", {economics_ratio(economics_time, 0.0), basis_bytes});
    const Timing evaluation =
        time_it(runs, 3, [&] { economics::evaluate_economics(basis, apartments, scenario.economics, kwp); });
    print_row(out, "  evaluation only (a tariff change)", evaluation, "");
    const Timing light = time_it(runs, 3, [&] {
      const auto run = simulation::run_key(scenario, building, scenario.key, false);
      simulation::run_economics(scenario, building, run);
    });
    print_row(out, "a light change in the GUI: key + settlement + economics", light, "<= 3 ms (issue #16)",
              {economics_ratio(light, plain_settle.median_ms), settle_fast_bytes + basis_bytes});
    const Timing batch_case_time =
        time_it(std::max(1, runs / 3), 1, [&] { batch_case(scenario, caches, 0); });
    print_row(out, "one batch case: building + 3 keys + economics of one", batch_case_time,
              "<= 10 ms (issue #16)",
              {(plain_end_to_end.median_ms + 2.0 * plain_settle.median_ms + plain_economics.median_ms) /
                   batch_case_time.median_ms,
               prepare_bytes + 3.0 * settle_fast_bytes + basis_bytes});
    scenario::KeySettings optimised;
    optimised.type = "optimised";
    print_row(out, "  optimised static key (solve + settle)",
              time_it(std::max(1, runs / 5), 1, [&] { simulation::run_key(scenario, building, optimised, false); }), "");
    out << "\nref/fast: the plain reference (straightforward loops, no cached totals; for a whole case the "
           "same\n"
           "stages with the reference settlement) over this figure. MB/pass: bytes one pass reads and "
           "writes\n"
           "(arrays of N x T and T; small tables left out); GB/s: those bytes over the median time.\n";

    const int batch_cases = values["batch"].as<int>();
    if (batch_cases > 0) {
      out << "\nbatch of " << batch_cases
          << " cases (building with its own profile draws + 3 keys + economics):\n";
      double one_thread_s = 0.0;
      for (int threads : thread_counts(values["threads"].as<std::string>())) {
        const BatchFigures f = run_batch(scenario, caches, static_cast<std::size_t>(batch_cases), threads);
        if (one_thread_s == 0.0) one_thread_s = f.wall_s * threads;  // the first count's work on one thread
        char line[320];
        std::snprintf(line, sizeof line,
                      "  %2d thread%s %8.2f s  %7.1f cases/s  speed-up %.2f  10,000 cases ~ %.0f s  peak RSS "
                      "%.0f MB at "
                      "10%%, %.0f MB at the end  digest %016llx\n",
                      threads, threads == 1 ? " " : "s", f.wall_s, batch_cases / f.wall_s,
                      one_thread_s / f.wall_s, f.wall_s / batch_cases * 10000.0, f.rss_at_tenth_kb / 1024.0,
                      f.rss_at_end_kb / 1024.0, static_cast<unsigned long long>(f.digest));
        out << line;
      }
      out << "  (the digest is taken over every case's results in case order: the same digest = the same "
             "bits)\n";
    }
    out << "\nFigures are wall-clock medians of one thread; the machine may be shared and noisy.\n";
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
