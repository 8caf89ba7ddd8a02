#pragma once
// The self-check: the numbers the GUI shows for a scenario against the CLI's JSON for the
// same file (`deelstroom run --json`, run as a child process).
#include <filesystem>
#include <string>
#include <vector>

#include "gui/model/mini_json.hpp"
#include "gui/model/shown_numbers.hpp"

namespace deelstroom::gui {

struct SelfCheckReport {
  int compared = 0;
  std::vector<std::string> mismatches;  ///< one line each: path, GUI value, CLI value
  bool passed() const { return compared > 0 && mismatches.empty(); }
};

/// Compares each shown number with the JSON value at its path. Equal means: both undefined
/// (nullopt / null), or both numbers within 1e-9 relative (the JSON text is the shortest
/// round trip of the double, so equal results give equal bits; the tolerance only absorbs
/// printing by other tools). A missing path is a mismatch.
SelfCheckReport compare_with_cli(const std::vector<ShownNumber>& shown, const JsonValue& cli_json);

/// The CLI binary: $DEELSTROOM_CLI when set, else the one built beside the GUI.
std::filesystem::path cli_path();

/// Runs `deelstroom run SCENARIO --json` and returns its standard output. Throws
/// std::runtime_error when the CLI cannot be started or exits non-zero.
std::string run_cli_json(const std::filesystem::path& scenario_file);

}  // namespace deelstroom::gui
