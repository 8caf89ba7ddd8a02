#pragma once
// Where the files the program ships (scenarios/, profiles/) live at run time.
#include <filesystem>

namespace deelstroom {

/// $DEELSTROOM_DATA_DIR if set, else the source tree the program was built from.
std::filesystem::path data_directory();

/// The bundled example building, scenarios/example.toml under data_directory().
std::filesystem::path example_scenario_path();

}  // namespace deelstroom
