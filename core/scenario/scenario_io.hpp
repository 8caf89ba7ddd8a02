#pragma once
// Reading and writing scenario files (TOML). Reading validates everything it can: a wrong
// file gets one InputError naming file, line, column and field path and what was expected.
#include <filesystem>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/scenario/scenario.hpp"

namespace deelstroom::scenario {

/// Reads and validates a scenario file.
Scenario read_scenario(const std::filesystem::path& file);

/// Parses scenario text; `file` names it in errors and anchors relative paths.
Scenario parse_scenario(std::string_view text, const std::filesystem::path& file);

/// Reads and validates an already parsed TOML document (the batch runner edits a base
/// scenario's document field by field before reading it). Errors carry the nodes' source
/// positions; nodes added after parsing have none (line 0).
Scenario parse_scenario_document(const toml::table& document, const std::filesystem::path& file);

/// The scenario as TOML text. Paths are written relative to `target_file`'s directory when
/// given (so a saved copy in another folder still finds its meter files).
std::string format_scenario(const Scenario& scenario, const std::filesystem::path& target_file = {});

/// Writes a scenario file atomically (temporary file + rename).
void write_scenario(const Scenario& scenario, const std::filesystem::path& file);

}  // namespace deelstroom::scenario
