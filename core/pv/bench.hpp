#pragma once
// Timings of the solar and PV chain for `deelstroom bench` (printed, never asserted).
namespace deelstroom::pv {

struct PvBenchmark {
  int intervals = 0;
  int repetitions = 0;
  double solar_positions_ms = 0.0;        ///< one location-year, bulk path (done once, then cached)
  double solar_positions_exact_ms = 0.0;  ///< same with full SPA per interval, for comparison
  double embedded_weather_ms = 0.0;       ///< the embedded Uccle year
  double two_arrays_median_ms = 0.0;      ///< simulate_array for a south and an east-west pair (2 arrays)
  double two_arrays_min_ms = 0.0;
};

/// Runs the PV part of a building-year: 2 arrays on one year of quarter-hours with the
/// positions and weather already computed, `repetitions` times; wall-clock on this thread.
PvBenchmark run_pv_benchmark(int repetitions = 31);

}  // namespace deelstroom::pv
