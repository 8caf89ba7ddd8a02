// deelstroom bench: speed figures of the engine's stages, as medians over repeated runs on
// one thread. Benchmarks print; they never decide pass or fail.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/common/data_dir.hpp"
#include "core/scenario/scenario_io.hpp"
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

void print_row(std::ostream& out, const std::string& label, const Timing& t, const std::string& target) {
  char line[256];
  std::snprintf(line, sizeof line, "  %-52s %9.3f ms  (min %.3f, max %.3f, n=%d)%s%s\n", label.c_str(), t.median_ms, t.min_ms,
                t.max_ms, t.runs, target.empty() ? "" : "  target ", target.c_str());
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

}  // namespace

int bench_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "bench", [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "building to time (default: scenarios/bench/building_20.toml)")(
        "runs", po::value<int>()->default_value(51), "timed runs per stage (the median is reported)");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "bench [SCENARIO] [--runs N]",
                  "Times the engine's stages on one thread and prints medians (20 apartments, 2 arrays, static key\n"
                  "with 3 rounds by default). Meet the speed targets here, not in tests.",
                  options);
      return kExitOk;
    }
    const int runs = std::max(1, values["runs"].as<int>());
    const std::filesystem::path file = values.count("scenario") != 0
                                           ? std::filesystem::path(values["scenario"].as<std::string>())
                                           : data_directory() / "scenarios" / "bench" / "building_20.toml";
    const scenario::Scenario scenario = scenario::read_scenario(file);
    out << "deelstroom bench — " << file.string() << "\n"
        << "  machine: " << cpu_model() << ", " << std::thread::hardware_concurrency() << " hardware threads; one thread used\n"
        << "  building: " << scenario.apartments.size() << " apartments + common parts, " << scenario.pv.arrays.size()
        << " PV arrays, key: " << simulation::describe_key(scenario.key, false) << "\n\n";

    // Once per location and year (then cached and shared).
    const time::YearGrid grid = time::make_year_grid(scenario.site.year);
    const solar::Site site{scenario.site.latitude_deg, scenario.site.longitude_deg, scenario.site.elevation_m};
    out << "once per location-year (cached afterwards):\n";
    print_row(out, "solar positions, bulk SPA", time_it(3, 0, [&] { solar::compute_solar_positions(site, grid); }), "");
    simulation::SimulationCaches caches;
    const auto positions = caches.positions(site, grid);
    print_row(out, "weather: embedded year / file import",
              time_it(3, 0, [&] { simulation::SimulationCaches fresh; fresh.weather(scenario, grid, *positions); }), "");

    out << "\nper building (weather and sun positions loaded):\n";
    simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const Timing end_to_end = time_it(runs, 3, [&] {
      const auto prepared = simulation::prepare_building(scenario, caches);
      const auto run = simulation::run_key(scenario, prepared, scenario.key, false);
      if (run.settlement.year.production_kwh < 0.0) std::abort();
    });
    print_row(out, "end to end: PV + profiles + key + settlement", end_to_end, "<= 10 ms");
    std::vector<pv::ArrayConfig> configs;
    const Timing pv_time = time_it(runs, 3, [&] {
      for (const auto& array : scenario.pv.arrays) {
        pv::ArrayConfig config;
        config.kwp = array.kwp;
        config.tilt_deg = array.tilt_deg;
        config.azimuth_deg = array.azimuth_deg;
        pv::simulate_array(config, *building.weather, *building.positions, building.calendar);
      }
    });
    print_row(out, "  PV model chain, all arrays", pv_time, "");
    const Timing profiles = time_it(runs, 3, [&] {
      for (const auto& a : scenario.apartments) {
        simulation::ConsumptionOrigin origin;
        simulation::consumption_series(scenario, a.consumption, a.id, building, origin);
      }
    });
    print_row(out, "  consumption profiles, all apartments", profiles, "");
    Timing per_household = profiles;
    const double n = static_cast<double>(std::max<std::size_t>(1, scenario.apartments.size()));
    per_household.median_ms /= n;
    per_household.min_ms /= n;
    per_household.max_ms /= n;
    print_row(out, "  one household-year (generated)", per_household, "<= 1 ms");
    const Timing key_time = time_it(runs, 3, [&] { simulation::run_key(scenario, building, scenario.key, false); });
    print_row(out, "  allocation + settlement of the key", key_time, "<= 1 ms");
    const simulation::ResolvedKey resolved = simulation::resolve_key(scenario.key, scenario, building.series);
    sharing::SettlementOptions settle_options;
    settle_options.keep_series = false;
    print_row(out, "    of which settle_year alone",
              time_it(runs, 3, [&] { sharing::settle_year(building.series, resolved.schedule, settle_options); }), "");
    settle_options.keep_series = true;
    print_row(out, "    settle_year keeping the quarter-hour series",
              time_it(runs, 3, [&] { sharing::settle_year(building.series, resolved.schedule, settle_options); }), "");
    scenario::KeySettings optimised;
    optimised.type = "optimised";
    print_row(out, "  optimised static key (solve + settle)",
              time_it(std::max(1, runs / 5), 1, [&] { simulation::run_key(scenario, building, optimised, false); }), "");
    out << "\nFigures are wall-clock medians of one thread; the machine may be shared and noisy.\n";
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
