// The key recommended to an association, by the stated rule (core/simulation/key_recommendation.hpp).
#include <catch2/catch.hpp>

#include <vector>

#include "core/simulation/key_recommendation.hpp"

using namespace deelstroom;

namespace {

/// A compared key with the given offer status, shared kWh and participants' NPVs (a last
/// apartment that does not participate always loses 100 €).
simulation::ComparedKey key_with(const char* label, bool offered, double shared_kwh, std::vector<double> npvs) {
  simulation::ComparedKey key;
  key.label = label;
  key.offered = offered;
  key.run.settlement.year.shared_kwh = shared_kwh;
  economics::EconomicsResult money;
  for (double npv : npvs) {
    economics::ApartmentResult a;
    a.total.npv_eur = npv;
    money.apartments.push_back(a);
  }
  economics::ApartmentResult outsider;
  outsider.participates = false;
  outsider.total.npv_eur = -100.0;
  money.apartments.push_back(outsider);
  key.economics = money;
  return key;
}

}  // namespace

TEST_CASE("The recommended key is the offered key where every participant gains that shares most", "[simulation][recommendation]") {
  std::vector<simulation::ComparedKey> keys;
  keys.push_back(key_with("fixed", true, 5000.0, {10.0, 20.0}));
  keys.push_back(key_with("optimal", true, 7000.0, {5.0, 1.0}));
  keys.push_back(key_with("relative", true, 6000.0, {-1.0, 50.0}));   // shares less than optimal, one loses
  keys.push_back(key_with("what-if", false, 9000.0, {30.0, 30.0}));  // best, but not offered: never chosen
  const simulation::KeyRecommendation advice = simulation::recommend_key(keys);
  CHECK(advice.index == 1);
  CHECK(advice.every_participant_gains);
  CHECK(advice.losing_participants == 0);
  CHECK(advice.participants == 2);  // the non-participant neither counts nor loses
}

TEST_CASE("When no offered key lets everyone gain, the fewest losers, then the most shared", "[simulation][recommendation]") {
  std::vector<simulation::ComparedKey> keys;
  keys.push_back(key_with("a", true, 8000.0, {-5.0, -1.0, 3.0}));
  keys.push_back(key_with("b", true, 6000.0, {-5.0, 2.0, 3.0}));
  keys.push_back(key_with("c", true, 7000.0, {4.0, -2.0, 3.0}));
  const simulation::KeyRecommendation advice = simulation::recommend_key(keys);
  CHECK(advice.index == 2);  // b and c lose one each; c shares more
  CHECK_FALSE(advice.every_participant_gains);
  CHECK(advice.losing_participants == 1);
  CHECK(simulation::losing_participants(*keys[0].economics) == 2);
  // Nothing offered: no recommendation.
  keys.front().offered = keys[1].offered = keys[2].offered = false;
  CHECK(simulation::recommend_key(keys).index == -1);
}
