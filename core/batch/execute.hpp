#pragma once
// Running a batch's cases into its output: the cases [first, last) not yet journalled, on
// worker threads, written in case order. Spread over processes (MPI ranks) through a
// ProcessGroup whose transport the caller provides, so the core does not depend on MPI:
// rank r computes the cases first + r, first + r + P, ... (round robin) and the root (rank
// 0) receives them in case order and writes them.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "core/batch/case_run.hpp"
#include "core/batch/output.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::batch {

/// The processes sharing a batch. One process: rank 0 of 1, no transport needed.
struct ProcessGroup {
  int rank = 0;
  int size = 1;
  /// Non-root ranks: send one serialised outcome to the root.
  std::function<void(const std::string& bytes)> send_to_root;
  /// Root: receive the next serialised outcome of rank `from` (ranks send in case order).
  std::function<std::string(int from)> receive_from;
};

struct ExecuteOptions {
  int threads = 1;
  bool fail_fast = false;
  /// Set (e.g. by a signal handler) to stop: no new cases start, finished ones are written.
  const std::atomic<bool>* stop = nullptr;
  /// Root: called after each case written, with cases written in this run and failures so far.
  std::function<void(std::size_t written, std::size_t failed)> progress;
};

struct ExecuteResult {
  std::size_t written = 0;      ///< cases written by this run (root)
  std::size_t failed = 0;       ///< of which failed
  bool stopped = false;         ///< by the stop flag or --fail-fast before the last case
  std::string first_failure;    ///< the reason of the first failed case written
};

/// Computes and writes the cases [first, last). The root passes its output (first =
/// output.next_index()); other ranks pass nullptr and the same first and last.
ExecuteResult execute_cases(const Study& study, const CaseOptions& case_options, std::size_t first, std::size_t last,
                            BatchOutput* output, const ProcessGroup& group, const ExecuteOptions& options,
                            simulation::SimulationCaches& caches);

}  // namespace deelstroom::batch
