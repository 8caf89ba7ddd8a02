#include "core/load/random.hpp"

namespace deelstroom::load {

double bell_cdf(double z) {
  const double x = z / Random::kSqrt3 + 2.0;  // the sum of four uniforms, on [0, 4]
  if (x <= 0.0) return 0.0;
  if (x >= 4.0) return 1.0;
  // Irwin-Hall CDF for n = 4, with the binomial coefficients 1, 4, 6, 4.
  constexpr double kBinomial[4] = {1.0, -4.0, 6.0, -4.0};
  double sum = 0.0;
  for (int k = 0; k < 4 && k <= x; ++k) {
    const double d = x - k;
    sum += kBinomial[k] * d * d * d * d;
  }
  return sum / 24.0;
}

}  // namespace deelstroom::load
