// The generator's own random numbers: reference outputs, the bell variate and its CDF.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/load/random.hpp"

using namespace deelstroom::load;

TEST_CASE("splitmix64 gives the reference sequence for seed 0", "[load][random]") {
  // Vigna's splitmix64.c started from x = 0.
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xE220A8397B1DCDAFULL);
  CHECK(splitmix64(state) == 0x6E789E6AA1B965F4ULL);
  CHECK(splitmix64(state) == 0x06C45D188009454FULL);
}

TEST_CASE("xoshiro256** is seeded through splitmix64 and follows its recurrence", "[load][random]") {
  // State after seeding with 0: the three values above and the fourth splitmix64 output.
  std::uint64_t state = 0;
  std::uint64_t s[4];
  for (auto& word : s) word = splitmix64(state);
  // First output by hand from the definition: rotl(s1 * 5, 7) * 9.
  const std::uint64_t x = s[1] * 5;
  const std::uint64_t expected = ((x << 7) | (x >> 57)) * 9;
  Random random(0);
  CHECK(random.next() == expected);
  Random same(0), other(1);
  for (int k = 0; k < 100; ++k) {
    const std::uint64_t a = same.next();
    CHECK(a != other.next());
  }
}

TEST_CASE("uniform() lies in 0..1, never 1, and has mean 1/2", "[load][random]") {
  Random random(7);
  double sum = 0.0;
  for (int k = 0; k < 100000; ++k) {
    const double u = random.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
  }
  CHECK(sum / 100000 == Approx(0.5).margin(0.005));
}

TEST_CASE("bell() has mean 0, standard deviation 1 and bounded tails", "[load][random]") {
  Random random(11);
  double sum = 0.0, squares = 0.0, largest = 0.0;
  const int n = 200000;
  for (int k = 0; k < n; ++k) {
    const double z = random.bell();
    sum += z;
    squares += z * z;
    largest = std::max(largest, std::abs(z));
  }
  CHECK(sum / n == Approx(0.0).margin(0.01));
  CHECK(std::sqrt(squares / n) == Approx(1.0).margin(0.01));
  CHECK(largest <= 2.0 * std::sqrt(3.0));
}

TEST_CASE("bell() is bit for bit the plain sum of four 16-bit uniforms", "[load][random]") {
  // bell() takes the sum from the integer fields; this is the formula it replaces.
  Random fast(23), plain(23);
  for (int k = 0; k < 200000; ++k) {
    const std::uint64_t bits = plain.next();
    double sum = 0.0;
    for (int f = 0; f < 4; ++f) sum += (static_cast<double>((bits >> (16 * f)) & 0xFFFF) + 0.5) * 0x1.0p-16;
    const double expected = (sum - 2.0) * Random::kSqrt3;
    const double z = fast.bell();
    REQUIRE(std::memcmp(&z, &expected, sizeof z) == 0);
  }
  // And at the ends of the range: all fields 0 and all 0xFFFF.
  for (std::uint64_t bits : {std::uint64_t{0}, ~std::uint64_t{0}, std::uint64_t{0xFFFF0000FFFF0000ULL}}) {
    double sum = 0.0;
    for (int f = 0; f < 4; ++f) sum += (static_cast<double>((bits >> (16 * f)) & 0xFFFF) + 0.5) * 0x1.0p-16;
    const std::uint64_t pairs = (bits & 0x0000FFFF0000FFFFULL) + ((bits >> 16) & 0x0000FFFF0000FFFFULL);
    const auto fields = static_cast<std::int64_t>((pairs & 0xFFFFFFFFULL) + (pairs >> 32));
    CHECK(static_cast<double>(fields - 131070) * 0x1.0p-16 == sum - 2.0);
  }
}

TEST_CASE("bell_cdf is the Irwin-Hall(4) CDF", "[load][random]") {
  // F(x) for the sum x of four uniforms: x = 1 -> 1/24, x = 2 -> 1/2, x = 3 -> 23/24.
  CHECK(bell_cdf(-std::sqrt(3.0)) == Approx(1.0 / 24.0));
  CHECK(bell_cdf(0.0) == Approx(0.5));
  CHECK(bell_cdf(std::sqrt(3.0)) == Approx(23.0 / 24.0));
  CHECK(bell_cdf(-10.0) == 0.0);
  CHECK(bell_cdf(10.0) == 1.0);
  // And it describes what bell() draws.
  Random random(3);
  const int n = 100000;
  int below = 0;
  for (int k = 0; k < n; ++k) below += random.bell() <= 0.8;
  CHECK(double(below) / n == Approx(bell_cdf(0.8)).margin(0.005));
}

TEST_CASE("derive_seed gives distinct, repeatable seeds per index", "[load][random]") {
  CHECK(derive_seed(42, 0) == derive_seed(42, 0));
  CHECK(derive_seed(42, 0) != derive_seed(42, 1));
  CHECK(derive_seed(42, 0) != derive_seed(43, 0));
}

TEST_CASE("uniform16_threshold decides every 16-bit draw as the comparison of doubles does", "[load][random]") {
  // For each probability, every u in 0..65535: u < threshold exactly when the uniform
  // (u + 0.5) * 2^-16 of Random::uniforms16 is below the probability.
  std::vector<double> probabilities = {-1.0, 0.0, 1e-300, 0x1.0p-17, 0x1.0p-17 + 1e-20, 0.25, 1.0 / 3.0, 0.5,
                                       0.999, 1.0, 2.0};
  for (std::uint32_t u : {0u, 1u, 12345u, 65534u, 65535u}) {
    const double uniform = (static_cast<double>(u) + 0.5) * 0x1.0p-16;
    probabilities.push_back(uniform);                        // exactly a uniform: it is not below itself
    probabilities.push_back(std::nextafter(uniform, 2.0));  // just above it
  }
  for (double p : probabilities) {
    const std::uint32_t threshold = uniform16_threshold(p);
    CAPTURE(p, threshold);
    int disagreements = 0;
    for (std::uint32_t u = 0; u < 65536; ++u) {
      const bool below = (static_cast<double>(u) + 0.5) * 0x1.0p-16 < p;
      if ((u < threshold) != below) ++disagreements;
    }
    CHECK(disagreements == 0);
  }
  CHECK(uniform16_threshold(0.5) == 32768);  // by hand: u + 0.5 < 32768
  CHECK(uniform16_threshold(1.0) == 65536);
  CHECK(uniform16_threshold(0.0) == 0);
}
