#pragma once
// deelstroom profile: look at a meter-data file, generate an archetype's quarter-hour series,
// list the archetypes.
#include "cli/command.hpp"

namespace deelstroom::cli {

/// `deelstroom profile inspect FILE` | `generate TYPE --kwh N --seed S --out FILE` | `list`.
int profile_command(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace deelstroom::cli
