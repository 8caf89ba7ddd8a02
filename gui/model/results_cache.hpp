#pragma once
// The results the views draw, and the work to keep them current. The heavy part
// (prepare_building: weather, PV, profiles) runs on a background thread; the light part
// (run_key + run_economics) runs on the UI thread in the frame of the edit. The key
// comparison (every key, with money) runs in the background on request.
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/economics/evaluate.hpp"
#include "core/scenario/scenario.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::gui {

/// A problem met while computing: where (field path, may be empty) and what.
struct ComputeError {
  std::string field;
  Text message;      ///< the whole line (location included) in both languages
  std::string file;  ///< the file the problem is in (a meter file, a TMY), when known
};

/// Everything one light recompute produced for the scenario it was given.
struct Results {
  std::shared_ptr<simulation::PreparedBuilding> building;
  scenario::Scenario scenario;          ///< the scenario the results belong to
  simulation::KeyRun run;               ///< with quarter-hour series (for the day chart)
  std::optional<economics::EconomicsResult> money;
  std::optional<ComputeError> money_error;
  double light_ms = 0.0;                ///< time of the last run_key + run_economics
  double key_ms = 0.0;                  ///< of which run_key
  bool money_only = false;              ///< the last recompute re-evaluated only the money
};

class ResultsCache {
 public:
  ResultsCache();
  ~ResultsCache();
  ResultsCache(const ResultsCache&) = delete;
  ResultsCache& operator=(const ResultsCache&) = delete;

  /// Prepares the building for `scenario` in the background. A request made while one runs
  /// waits and replaces any older waiting request (only the newest scenario matters).
  void request_building(const scenario::Scenario& scenario);
  /// Adopts a finished building (call once per frame). True when a new building arrived: the
  /// caller then recomputes the light part.
  bool poll();
  bool building_busy() const { return building_job_.valid(); }
  /// Seconds since the running background job started (0 when idle).
  double building_busy_seconds() const;
  /// The last background failure (unreadable meter file, ...); cleared by a success.
  const std::optional<ComputeError>& building_error() const { return building_error_; }

  /// run_key + run_economics for `scenario` on the current building, on this thread. Returns
  /// false (and keeps the previous results) when there is no building yet or the key cannot
  /// be resolved; light_error() says why.
  bool recompute_light(const scenario::Scenario& scenario);
  const std::optional<ComputeError>& light_error() const { return light_error_; }

  /// Re-evaluates only the money (economics::evaluate_economics on the energy basis cached by
  /// the last recompute_light) for a scenario whose energy is unchanged: prices, investment,
  /// discount rate, cost split, occupancy. Falls back to recompute_light when the basis does
  /// not fit (contract periods, horizon or degradation changed). Same results as
  /// run_economics, which evaluates the same basis.
  bool recompute_money(const scenario::Scenario& scenario);

  bool has_results() const { return results_ != nullptr; }
  const Results& results() const { return *results_; }
  /// Increases with every new set of results (views use it to refresh derived data).
  int generation() const { return generation_; }

  /// Every key side by side (with money) on the current building, in the background.
  void request_comparison(bool dutch);
  bool comparison_busy() const { return comparison_job_.valid(); }
  /// The comparison of the current results' generation, or nullptr (not asked / out of date).
  const std::vector<simulation::ComparedKey>* comparison() const;
  /// Why the last comparison failed (e.g. a custom cost split without shares).
  const std::optional<ComputeError>& comparison_error() const { return comparison_error_; }

  /// Blocks until the running background jobs are ready to be adopted by poll() (headless
  /// modes), at most `timeout_seconds`. Returns false on timeout.
  bool wait_idle(double timeout_seconds);

 private:
  struct BuildingJobResult {
    std::shared_ptr<simulation::PreparedBuilding> building;
    std::optional<ComputeError> error;
  };
  void start_building_job(scenario::Scenario scenario);
  void ensure_tariff_periods(const scenario::Scenario& scenario);

  simulation::SimulationCaches caches_;
  std::future<BuildingJobResult> building_job_;
  std::chrono::steady_clock::time_point building_job_start_;
  std::optional<scenario::Scenario> waiting_request_;
  std::optional<ComputeError> building_error_;
  std::shared_ptr<simulation::PreparedBuilding> building_;
  std::optional<economics::EnergyTariff> applied_tariff_;  ///< periods/base energy computed for it
  std::optional<economics::BaseEnergy> base_energy_;
  std::optional<economics::EnergyBasis> basis_;  ///< of the current results' key
  std::optional<ComputeError> light_error_;
  std::unique_ptr<Results> results_;
  int generation_ = 0;

  std::future<std::vector<simulation::ComparedKey>> comparison_job_;
  int comparison_job_generation_ = -1;
  std::vector<simulation::ComparedKey> comparison_;
  int comparison_generation_ = -1;
  std::optional<ComputeError> comparison_error_;
};

/// Milliseconds between two steady-clock points.
double elapsed_ms(std::chrono::steady_clock::time_point start, std::chrono::steady_clock::time_point end);

}  // namespace deelstroom::gui
