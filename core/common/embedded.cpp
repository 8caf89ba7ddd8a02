#include "core/common/embedded.hpp"

namespace deelstroom {

std::optional<std::string_view> embedded_file(std::string_view name) {
  for (const auto& [file_name, bytes] : embedded_files()) {
    if (file_name == name) return bytes;
  }
  return std::nullopt;
}

}  // namespace deelstroom
