#pragma once
// Timings of the load module for `deelstroom bench` (printed, never asserted).
#include <string>
#include <vector>

namespace deelstroom::load {

struct LoadBenchmark {
  int intervals = 0;
  int repetitions = 0;
  double prepare_context_ms = 0.0;         ///< once per building: local days, lighting need, temperature
  double household_median_ms = 0.0;        ///< one generated household-year, median over the archetypes' runs
  double household_min_ms = 0.0;
  double household_with_options_ms = 0.0;  ///< couple_working with heat pump and EV, median
  double mean_shape_ms = 0.0;              ///< one archetype's mean shape (stochastic = false)
  double common_parts_ms = 0.0;            ///< common_heat_pump, median
  double building_20_ms = 0.0;             ///< 20 households + common parts, one thread, median
  double fluvius_import_ms = 0.0;          ///< a year of Mijn Fluvius export (2 registers, 70,080 lines) read and mapped
  std::vector<std::pair<std::string, double>> per_archetype_ms;  ///< median per household archetype
};

/// Runs each measurement `repetitions` times on one thread (wall clock, medians).
LoadBenchmark run_load_benchmark(int repetitions = 21);

}  // namespace deelstroom::load
