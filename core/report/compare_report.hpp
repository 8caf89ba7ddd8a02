#pragma once
// What `deelstroom compare-keys` shows: every key side by side for one building, for the
// building and per apartment.
#include <ostream>
#include <vector>

#include "core/common/language.hpp"
#include "core/scenario/scenario.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::report {

void print_key_comparison(std::ostream& out, const scenario::Scenario& scenario,
                          const std::vector<simulation::ComparedKey>& keys, Language language);

void write_key_comparison_json(std::ostream& out, const scenario::Scenario& scenario,
                               const std::vector<simulation::ComparedKey>& keys);

}  // namespace deelstroom::report
