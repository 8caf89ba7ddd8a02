#pragma once
// The training cases a trainer opens with one click: the scenario files in
// scenarios/training/ of the data directory, titled by their `description`.
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/text.hpp"

namespace deelstroom::gui {

struct TrainingCase {
  std::filesystem::path file;
  std::string title;  ///< the scenario's description, or the file name when it has none
  Text problem;       ///< why the file does not read as a scenario (empty when it does)
};

/// The cases in `directory` (default: data_directory()/scenarios/training), sorted by file
/// name. Files that do not read are listed with their error as title (a trainer sees why).
std::vector<TrainingCase> training_cases(const std::filesystem::path& directory);
std::filesystem::path training_directory();

}  // namespace deelstroom::gui
