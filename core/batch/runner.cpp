#include "core/batch/runner.hpp"

#include <algorithm>

namespace deelstroom::batch {

OrderedWorkers::OrderedWorkers(std::size_t slot_count, Compute compute, int threads, std::size_t window)
    : slot_count_(slot_count), compute_(std::move(compute)), window_(std::max<std::size_t>(1, window)) {
  const int count = std::max(1, threads);
  running_ = count;
  threads_.reserve(static_cast<std::size_t>(count));
  for (int t = 0; t < count; ++t) threads_.emplace_back([this] { work(); });
}

OrderedWorkers::~OrderedWorkers() {
  stop();
  for (std::thread& thread : threads_) thread.join();
}

void OrderedWorkers::stop() {
  const std::lock_guard lock(mutex_);
  stopping_ = true;
  changed_.notify_all();
}

void OrderedWorkers::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return stopping_ || next_claim_ >= slot_count_ || next_claim_ < next_return_ + window_; });
    if (stopping_ || next_claim_ >= slot_count_) break;
    const std::size_t slot = next_claim_++;
    lock.unlock();
    CaseOutcome outcome = compute_(slot);
    lock.lock();
    done_.emplace(slot, std::move(outcome));
    changed_.notify_all();
  }
  --running_;
  changed_.notify_all();
}

std::optional<CaseOutcome> OrderedWorkers::next() {
  std::unique_lock lock(mutex_);
  if (next_return_ >= slot_count_) return std::nullopt;
  changed_.wait(lock, [&] { return done_.count(next_return_) != 0 || (stopping_ && running_ == 0) ||
                                   (stopping_ && next_return_ >= next_claim_); });
  const auto found = done_.find(next_return_);
  if (found == done_.end()) return std::nullopt;
  CaseOutcome outcome = std::move(found->second);
  done_.erase(found);
  ++next_return_;
  changed_.notify_all();
  return outcome;
}

}  // namespace deelstroom::batch
