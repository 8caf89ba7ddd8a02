// PacketOrderSum adds in exactly the order of Eigen's sum(), so the generator can sum a
// series while writing it and still get Eigen's bits.
#include <catch2/catch.hpp>

#include <cstring>

#include <Eigen/Core>

#include "core/load/packet_order_sum.hpp"
#include "core/load/random.hpp"

using namespace deelstroom::load;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("PacketOrderSum gives Eigen's sum() bit for bit, in pieces of any size", "[load][sum]") {
  Random random(5);
  for (Eigen::Index size : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 95, 96, 97, 98, 99, 35036, 35040, 35041,
                            35042, 35043, 35044, 35136}) {
    // Values of very different sizes, so that the order of the additions shows in the bits.
    Eigen::ArrayXd values(size);
    for (Eigen::Index i = 0; i < size; ++i) values[i] = random.uniform() * (i % 7 == 0 ? 1e6 : 1e-3) + 1e-9 * (i % 3);
    REQUIRE(packet_order_sum_matches_eigen(values.data()));
    for (Eigen::Index piece : {1, 2, 3, 5, 92, 96, 100, 1000000}) {
      PacketOrderSum sum;
      for (Eigen::Index first = 0; first < size; first += piece) {
        sum.add(values.data() + first, std::min(piece, size - first));
      }
      INFO("size " << size << ", pieces of " << piece);
      CHECK(same_bits(sum.total(), values.sum()));
    }
  }
}
