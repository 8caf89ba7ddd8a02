#include "core/common/data_dir.hpp"

#include <cstdlib>

namespace deelstroom {

std::filesystem::path data_directory() {
  if (const char* env = std::getenv("DEELSTROOM_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return DEELSTROOM_SOURCE_DATA_DIR;
}

std::filesystem::path example_scenario_path() { return data_directory() / "scenarios" / "example.toml"; }

}  // namespace deelstroom
