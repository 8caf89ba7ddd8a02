#include "gui/model/training.hpp"

#include <algorithm>

#include "core/common/data_dir.hpp"
#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"

namespace deelstroom::gui {

std::filesystem::path training_directory() { return data_directory() / "scenarios" / "training"; }

std::vector<TrainingCase> training_cases(const std::filesystem::path& directory) {
  std::vector<TrainingCase> cases;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.path().extension() != ".toml") continue;
    TrainingCase item{entry.path(), entry.path().stem().string(), {}};
    try {
      const scenario::Scenario s = scenario::read_scenario(entry.path());
      if (!s.description.empty()) item.title = s.description;
    } catch (const InputError& error) {
      item.problem = Text{error.describe(Language::dutch), error.describe(Language::english)};
    }
    cases.push_back(std::move(item));
  }
  std::sort(cases.begin(), cases.end(), [](const TrainingCase& a, const TrainingCase& b) { return a.file < b.file; });
  return cases;
}

}  // namespace deelstroom::gui
