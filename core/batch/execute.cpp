#include "core/batch/execute.hpp"

#include "core/batch/runner.hpp"

namespace deelstroom::batch {

namespace {

/// How many cases the workers may finish ahead of the writer, per thread: enough to keep
/// every thread busy while one slow case holds the writer back, few enough that the reorder
/// buffer stays a few MB.
constexpr std::size_t kWindowPerThread = 8;

bool stop_requested(const ExecuteOptions& options) {
  return options.stop != nullptr && options.stop->load(std::memory_order_relaxed);
}

}  // namespace

ExecuteResult execute_cases(const Study& study, const CaseOptions& case_options, std::size_t first, std::size_t last,
                            BatchOutput* output, const ProcessGroup& group, const ExecuteOptions& options,
                            simulation::SimulationCaches& caches) {
  ExecuteResult result;
  const std::size_t total = last > first ? last - first : 0;
  const std::size_t ranks = static_cast<std::size_t>(group.size);
  const std::size_t rank = static_cast<std::size_t>(group.rank);
  // This rank's cases: first + rank, first + rank + P, ...
  const std::size_t own_count = total > rank ? (total - rank + ranks - 1) / ranks : 0;
  OrderedWorkers workers(
      own_count,
      [&](std::size_t slot) { return run_case(study, first + rank + slot * ranks, case_options, caches); },
      options.threads, kWindowPerThread * static_cast<std::size_t>(std::max(1, options.threads)));

  if (group.rank != 0) {
    while (auto outcome = workers.next()) group.send_to_root(serialise_outcome(*outcome));
    return result;
  }
  for (std::size_t i = first; i < last; ++i) {
    if (stop_requested(options)) workers.stop();
    const std::size_t owner = (i - first) % ranks;
    std::optional<CaseOutcome> outcome;
    if (owner == 0) {
      outcome = workers.next();
    } else {
      outcome = deserialise_outcome(group.receive_from(static_cast<int>(owner)));
    }
    if (!outcome) {
      result.stopped = true;
      break;
    }
    output->append(*outcome);
    ++result.written;
    if (!outcome->ok) {
      if (result.failed == 0) result.first_failure = outcome->error;
      ++result.failed;
    }
    if (options.progress) options.progress(result.written, result.failed);
    if (!outcome->ok && options.fail_fast) {
      workers.stop();
      result.stopped = i + 1 < last;
      break;
    }
  }
  return result;
}

}  // namespace deelstroom::batch
