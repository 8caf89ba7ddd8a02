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
  return guarded(err, "bench", args, [&]() {
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
    const time::YearGrid grid =
        time::make_year_grid(scenario.site.year, time::time_zone_from_name(scenario.site.timezone).value_or(time::brussels_time_zone()));
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
    print_row(out, "end to end: PV + profiles + key + settlement", end_to_end, "");
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
      load::ProfileContext context{building.grid, building.calendar};
      context.positions = building.positions.get();
      context.outdoor_temp_c = &building.weather->temp_air_c;
      const load::PreparedContext prepared = load::prepare_context(context);  // once per building
      for (const auto& a : scenario.apartments) {
        simulation::ConsumptionOrigin origin;
        simulation::consumption_series(scenario, a.consumption, a.id, building, origin, &prepared);
      }
    });
    print_row(out, "  consumption profiles, all apartments (one load context)", profiles, "");
    Timing per_household = profiles;
    const double n = static_cast<double>(std::max<std::size_t>(1, scenario.apartments.size()));
    per_household.median_ms /= n;
    per_household.min_ms /= n;
    per_household.max_ms /= n;
    print_row(out, "  one household-year (generated)", per_household, "<= 1 ms (issue #4)");
    const Timing key_time = time_it(runs, 3, [&] { simulation::run_key(scenario, building, scenario.key, false); });
    print_row(out, "  allocation + settlement of the key", key_time, "");
    const simulation::ResolvedKey resolved = simulation::resolve_key(scenario.key, scenario, building.series);
    sharing::SettlementOptions settle_options;
    settle_options.keep_series = false;
    print_row(out, "    of which settle_year alone",
              time_it(runs, 3, [&] { sharing::settle_year(building.series, resolved.schedule, settle_options); }), "");
    settle_options.keep_series = true;
    print_row(out, "    settle_year keeping the quarter-hour series",
              time_it(runs, 3, [&] { sharing::settle_year(building.series, resolved.schedule, settle_options); }), "");
    settle_options.keep_series = false;
    settle_options.series_validated = true;
    print_row(out, "    settle_year on a validated series",
              time_it(runs, 3, [&] { sharing::settle_year(building.series, resolved.schedule, settle_options); }), "");

    out << "\neconomics (bills, account, cash flows over the horizon):\n";
    const auto year1 = simulation::run_key(scenario, building, scenario.key, false);
    print_row(out, "  energy basis + evaluation (reusing the year-1 settlement)",
              time_it(runs, 3, [&] { simulation::run_economics(scenario, building, year1); }), "");
    const economics::EnergyBasis basis = simulation::economics_basis(scenario, building, year1.key);
    const auto apartments = simulation::economic_apartments(scenario);
    const double kwp = simulation::installed_kwp(building);
    print_row(out, "  evaluation only (a tariff change)",
              time_it(runs, 3, [&] { economics::evaluate_economics(basis, apartments, scenario.economics, kwp); }), "");
    print_row(out, "a light change in the GUI: key + settlement + economics", time_it(runs, 3, [&] {
                const auto run = simulation::run_key(scenario, building, scenario.key, false);
                simulation::run_economics(scenario, building, run);
              }),
              "<= 16 ms (issue #6)");
    print_row(out, "one batch case: building + 3 keys + economics of one", time_it(std::max(1, runs / 3), 1, [&] {
                const auto prepared = simulation::prepare_building(scenario, caches);
                const auto base = simulation::building_base_energy(scenario, prepared);
                for (const char* preset : {"equal", "shares", "consumption"}) {
                  scenario::KeySettings key = scenario.key;
                  key.preset = preset;
                  const auto run = simulation::run_key(scenario, prepared, key, false);
                  if (key.preset == scenario.key.preset) simulation::run_economics(scenario, prepared, run, &base);
                }
              }),
              "<= 24 ms (issue #5: 10,000 in 2 min on 2 cores)");
    scenario::KeySettings optimised;
    optimised.type = "optimised";
    print_row(out, "  optimised static key (solve + settle)",
              time_it(std::max(1, runs / 5), 1, [&] { simulation::run_key(scenario, building, optimised, false); }), "");
    out << "\nFigures are wall-clock medians of one thread; the machine may be shared and noisy.\n";
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
