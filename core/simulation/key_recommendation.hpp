#pragma once
// Which key to recommend to an association, by a stated rule (docs/sharing-rules.md): among
// the keys the region's DSO computes, the one under which every participating apartment
// gains (occupant + owner NPV >= 0) and that shares the most; when no offered key lets every
// participant gain, the offered key with the fewest losing participants, then the most
// shared. What-if keys are never recommended: the association cannot register them.
#include <string>
#include <vector>

#include "core/simulation/engine.hpp"

namespace deelstroom::simulation {

struct KeyRecommendation {
  int index = -1;                ///< into the compared keys; -1 when no offered key has economics
  bool every_participant_gains = false;
  int losing_participants = 0;   ///< under the recommended key
  int participants = 0;
};

/// Participating apartments whose total NPV (occupant + owner) is below 0 under `money`.
int losing_participants(const economics::EconomicsResult& money);

/// The recommendation over `keys` (each needs its economics; keys without are skipped).
KeyRecommendation recommend_key(const std::vector<ComparedKey>& keys);

}  // namespace deelstroom::simulation
