#pragma once
// The sum of a series of doubles in exactly the order Eigen's sum() adds it, fed piece by
// piece while the series is written: the generator sums each day's quarter-hours while they
// are still in the cache instead of reading the year again (a sum is bound by the latency of
// its additions, about 12 us a household-year), and gets the same bits as Eigen.
//
// Eigen 3.4 sums a plain array with packets of two doubles (SSE2): two packet accumulators
// take values 0-1 and 2-3, then each group of four from the 4th value on adds lane by lane
// (value i to lane i % 4); at the end lanes 0 + 2 and 1 + 3, a last pair if the size is 2 or 3
// mod 4, the two halves added, and a last odd value. Where Eigen does not vectorise doubles
// that way (no SSE2 packets of two, or unaligned data), packet_order_sum_matches_eigen() is
// false and the caller sums with Eigen itself. tests/load/packet_order_sum_test.cpp checks
// the order against Eigen's sum() bit for bit.
#include <array>
#include <cstdint>

#include <Eigen/Core>

namespace deelstroom::load {

/// True when PacketOrderSum adds in Eigen's order for an array whose data starts at `data`.
inline bool packet_order_sum_matches_eigen(const double* data) {
  return Eigen::internal::packet_traits<double>::Vectorizable && Eigen::internal::packet_traits<double>::size == 2 &&
         reinterpret_cast<std::uintptr_t>(data) % 16 == 0;
}

class PacketOrderSum {
 public:
  /// Adds the next `count` values of the series.
  void add(const double* values, Eigen::Index count) {
    Eigen::Index k = 0;
    // The group left open by the previous piece, and the very first group, value by value.
    while (k < count && (pending_ > 0 || !started_)) push_pending(values[k++]);
    // Whole groups: each value to its lane (the compiler vectorises this as two packets).
    for (; k + 4 <= count; k += 4) {
      for (int lane = 0; lane < 4; ++lane) lanes_[lane] += values[k + lane];
    }
    while (k < count) push_pending(values[k++]);
  }

  /// The sum of all values added, as Eigen's sum() of the whole series gives it.
  double total() const {
    if (!started_) {
      // Fewer than four values: Eigen adds them one after the other (0 for none).
      double sum = 0.0;
      for (int k = 0; k < pending_; ++k) sum = k == 0 ? tail_[0] : sum + tail_[k];
      return sum;
    }
    double low = lanes_[0] + lanes_[2];
    double high = lanes_[1] + lanes_[3];
    if (pending_ >= 2) {
      low += tail_[0];
      high += tail_[1];
    }
    double sum = low + high;
    if (pending_ % 2 == 1) sum += tail_[pending_ - 1];
    return sum;
  }

 private:
  /// One value into the open group; a group of four, once full, goes to the lanes (the
  /// first one initialises them, as Eigen's accumulators start from the first packets).
  void push_pending(double value) {
    tail_[pending_++] = value;
    if (pending_ < 4) return;
    for (int lane = 0; lane < 4; ++lane) lanes_[lane] = started_ ? lanes_[lane] + tail_[lane] : tail_[lane];
    started_ = true;
    pending_ = 0;
  }

  std::array<double, 4> lanes_{};
  std::array<double, 4> tail_{};  ///< the open group (at most three values between calls)
  int pending_ = 0;
  bool started_ = false;  ///< the first group of four is in the lanes
};

}  // namespace deelstroom::load
