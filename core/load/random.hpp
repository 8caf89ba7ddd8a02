#pragma once
// The generator's own random numbers. std:: distributions are implementation-defined, so the
// profiles would differ between standard libraries; these use integer arithmetic and
// IEEE-exact operations only (+, -, *, / on doubles), so a seed gives the same bits on every
// platform.
#include <cstdint>

namespace deelstroom::load {

/// SplitMix64 step (Steele, Lea & Flood 2014): used to expand a seed into generator state and
/// to derive independent sub-seeds.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// A seed for one member of a family (e.g. apartment `index` of a building with `seed`),
/// statistically independent of its siblings.
inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t state = seed ^ (0xD1B54A32D192ED03ULL * (index + 1));
  splitmix64(state);
  return splitmix64(state);
}

/// xoshiro256** 1.0 (Blackman & Vigna 2018), seeded through SplitMix64 as its authors advise.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto& word : s_) word = splitmix64(state);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// True with probability p.
  bool bernoulli(double p) { return uniform() < p; }

  /// A standardised bell-shaped variate: the Irwin-Hall sum of four uniforms, shifted and
  /// scaled to mean 0 and standard deviation 1. Bounded to +-2*sqrt(3) (no absurd wake-up
  /// times in the tails) and with a closed-form CDF (irwin_hall4_cdf), so the deterministic
  /// "mean shape" mode integrates exactly the distribution the stochastic mode samples.
  double bell() {
    const std::uint64_t bits = next();
    // The sum of the four uniforms (u_k + 0.5) * 2^-16 and its partial sums are multiples
    // of 2^-17 below 4, so every addition is exact in double, and so is subtracting 2: the
    // centred sum is (u_0 + u_1 + u_2 + u_3 - 131070) * 2^-16 exactly, taken here from the
    // integer sum of the four 16-bit fields (two at a time in each 32-bit half).
    const std::uint64_t pairs = (bits & 0x0000FFFF0000FFFFULL) + ((bits >> 16) & 0x0000FFFF0000FFFFULL);
    const auto fields = static_cast<std::int64_t>((pairs & 0xFFFFFFFFULL) + (pairs >> 32));
    return static_cast<double>(fields - 131070) * 0x1.0p-16 * kSqrt3;
  }

  /// Four uniforms on (0, 1) with 16-bit resolution from a single draw (for per-quarter-hour
  /// noise, where resolution matters less than speed).
  void uniforms16(double out[4]) {
    const std::uint64_t bits = next();
    for (int k = 0; k < 4; ++k) out[k] = (static_cast<double>((bits >> (16 * k)) & 0xFFFF) + 0.5) * 0x1.0p-16;
  }

  static constexpr double kSqrt3 = 1.7320508075688772;

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

/// The number of 16-bit values u whose uniform (u + 0.5) * 2^-16 (Random::uniforms16) is
/// below `probability`, so that the draw `uniform < probability` is `u < threshold`. Found
/// with that very comparison of doubles (the uniform grows with u), so the integer test
/// decides exactly as the comparison does.
inline std::uint32_t uniform16_threshold(double probability) {
  std::uint32_t low = 0, high = 65536;  // the first u that fails lies in [low, high]
  while (low < high) {
    const std::uint32_t middle = (low + high) / 2;
    if ((static_cast<double>(middle) + 0.5) * 0x1.0p-16 < probability) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/// P(Z <= z) for the standardised variate of Random::bell(): the Irwin-Hall(4) CDF
/// F(x) = 1/4! * sum_{k=0}^{floor x} (-1)^k C(4,k) (x-k)^4 at x = z/sqrt(3) + 2.
double bell_cdf(double z);

}  // namespace deelstroom::load
