#pragma once
// Files shipped inside the binary (the contents of profiles/), so the program runs from any
// directory without installed data.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace deelstroom {

/// All embedded files as (file name, bytes), generated at build time from profiles/.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

/// The bytes of one embedded file by its name (e.g. "couple_working.csv"), if present.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace deelstroom
