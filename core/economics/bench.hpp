#pragma once
// Benchmark of the economics for `deelstroom bench`: how long preparing the energy basis
// (settlements) and evaluating the money take for one building and one key. Prints figures;
// never part of the tests' assertions.
#include <cstdint>
#include <string>

#include "core/economics/evaluate.hpp"

namespace deelstroom::economics {

/// A deterministic synthetic building-year (2025, quarter-hours) for benchmarks and
/// accuracy tests: `apartment_count` apartments of 1,500-3,500 kWh/year with evening peaks
/// and random appliance spikes, common parts of ~3,000 kWh/year, and a PV array of
/// `pv_kwp` with a clear-sky-like daily bell scaled by season (~950 kWh/kWp/year). The
/// random numbers come from splitmix64 (same seed, same building). Tariff periods are
/// filled for `tariff`. Shares are equal (1000 / N each); every apartment participates.
struct SyntheticBuilding {
  sharing::BuildingSeries series;
  std::vector<Apartment> apartments;
  double pv_kwp = 0.0;
};
SyntheticBuilding synthetic_building(int apartment_count, double pv_kwp, const EnergyTariff& tariff, std::uint64_t seed);

struct EconomicsBenchFigures {
  int apartment_count = 0;
  int horizon_years = 0;
  double prepare_interpolated_ms = 0.0;  ///< base + 3 settlements
  double prepare_exact_ms = 0.0;         ///< base + H settlements
  double evaluate_ms = 0.0;              ///< money on a prepared basis (bills, accounts, indicators)
  double fair_price_ms = 0.0;            ///< the internal-price search on a prepared basis
  /// Largest difference between interpolated and exact yearly evaluation over all
  /// apartments: NPV (€) and year-1..H shared kWh (relative).
  double max_npv_difference_eur = 0.0;
  double max_shared_relative_difference = 0.0;
};

/// Runs the benchmark on a synthetic building (best of `repetitions` per figure).
EconomicsBenchFigures bench_economics(int apartment_count = 10, int repetitions = 5);

/// The figures as lines of text.
std::string format_bench(const EconomicsBenchFigures& figures);

}  // namespace deelstroom::economics
