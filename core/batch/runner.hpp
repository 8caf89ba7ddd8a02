#pragma once
// Parallel case computation with a fixed order: worker threads claim slots in increasing
// order and the caller takes the results back in slot order (a reorder buffer), so output
// written in that order is the same whatever the number of threads. A window bounds how far
// the workers may run ahead of the caller, so memory does not grow with the case count.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/batch/case_run.hpp"

namespace deelstroom::batch {

class OrderedWorkers {
 public:
  using Compute = std::function<CaseOutcome(std::size_t slot)>;

  /// Starts `threads` workers (>= 1) over slots 0..slot_count-1. `window`: at most that many
  /// slots computed ahead of the one the caller waits for.
  OrderedWorkers(std::size_t slot_count, Compute compute, int threads, std::size_t window);
  ~OrderedWorkers();  ///< stops and joins the workers
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  /// The next slot's outcome, in slot order; nullopt when all were taken, or after stop()
  /// when the next slot will not be computed.
  std::optional<CaseOutcome> next();
  /// No new slots are started (cases under way finish); for Ctrl-C and --fail-fast.
  void stop();

 private:
  void work();

  std::size_t slot_count_;
  Compute compute_;
  std::size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_claim_ = 0;   ///< the next slot a worker will take
  std::size_t next_return_ = 0;  ///< the slot next() returns next
  std::map<std::size_t, CaseOutcome> done_;
  bool stopping_ = false;
  int running_ = 0;              ///< workers still in work()
  std::vector<std::thread> threads_;
};

}  // namespace deelstroom::batch
