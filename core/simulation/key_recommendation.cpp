#include "core/simulation/key_recommendation.hpp"

namespace deelstroom::simulation {

int losing_participants(const economics::EconomicsResult& money) {
  int losing = 0;
  for (const economics::ApartmentResult& a : money.apartments) losing += a.participates && a.total.npv_eur < 0.0 ? 1 : 0;
  return losing;
}

KeyRecommendation recommend_key(const std::vector<ComparedKey>& keys) {
  KeyRecommendation best;
  double best_shared_kwh = 0.0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const ComparedKey& key = keys[k];
    if (!key.offered || !key.economics) continue;
    const int losing = losing_participants(*key.economics);
    const double shared = key.run.settlement.year.shared_kwh;
    const bool better = best.index < 0 || losing < best.losing_participants ||
                        (losing == best.losing_participants && shared > best_shared_kwh);
    if (!better) continue;
    best.index = static_cast<int>(k);
    best.losing_participants = losing;
    best_shared_kwh = shared;
    best.participants = 0;
    for (const economics::ApartmentResult& a : key.economics->apartments) best.participants += a.participates ? 1 : 0;
  }
  best.every_participant_gains = best.index >= 0 && best.losing_participants == 0;
  return best;
}

}  // namespace deelstroom::simulation
