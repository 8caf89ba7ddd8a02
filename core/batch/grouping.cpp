#include "core/batch/grouping.hpp"

#include <algorithm>

namespace deelstroom::batch {

namespace {

/// The position of `value` in `values`, appended when new.
std::uint32_t index_of(std::vector<std::string>& values, const std::string& value) {
  const auto found = std::find(values.begin(), values.end(), value);
  if (found != values.end()) return static_cast<std::uint32_t>(found - values.begin());
  values.push_back(value);
  return static_cast<std::uint32_t>(values.size() - 1);
}

}  // namespace

CaseGrouper::CaseGrouper(const Study& study, const CaseOptions& options) : study_(&study) {
  const StudyDefinition& d = study.definition();
  if (d.manifest) {
    const Manifest& m = *d.manifest;
    const bool own_scenarios =
        std::any_of(m.rows.begin(), m.rows.end(), [](const ManifestRow& row) { return !row.scenario_file.empty(); });
    if (own_scenarios) {
      GroupVariable variable{"scenario", {}};
      std::vector<std::uint32_t> per_row;
      for (const ManifestRow& row : m.rows) {
        per_row.push_back(index_of(variable.values, row.scenario_file.empty() ? d.base_scenario.filename().string() : row.scenario_file));
      }
      layout_.variables.push_back(std::move(variable));
      row_values_.push_back(std::move(per_row));
    }
    for (std::size_t c = 0; c < m.field_columns.size(); ++c) {
      GroupVariable variable{m.field_columns[c], {}};
      std::vector<std::uint32_t> per_row;
      for (const ManifestRow& row : m.rows) per_row.push_back(index_of(variable.values, row.cells[c]));
      // A column with one value everywhere does not split the cases: no group of its own.
      if (variable.values.size() < 2) continue;
      layout_.variables.push_back(std::move(variable));
      row_values_.push_back(std::move(per_row));
    }
  }
  for (std::size_t s = 0; s < d.sweeps.size(); ++s) {
    GroupVariable variable{d.sweeps[s].path, {}};
    std::vector<std::uint32_t> per_value;
    for (const std::string& value : d.sweeps[s].values) per_value.push_back(index_of(variable.values, value));
    layout_.variables.push_back(std::move(variable));
    sweep_values_.push_back(std::move(per_value));
  }
  if (!options.compared_keys.empty()) {
    layout_.key_labels.push_back("scenario");
    for (const ComparedKeySpec& spec : options.compared_keys) layout_.key_labels.push_back(spec.label);
  }
}

std::vector<std::uint32_t> CaseGrouper::groups(std::size_t index) const {
  std::vector<std::uint32_t> result;
  if (study_ == nullptr) return result;
  const CaseCoordinates at = study_->coordinates(index);
  result.reserve(layout_.variables.size());
  for (const std::vector<std::uint32_t>& per_row : row_values_) result.push_back(per_row[at.row]);
  for (std::size_t s = 0; s < sweep_values_.size(); ++s) result.push_back(sweep_values_[s][at.sweep_values[s]]);
  return result;
}

}  // namespace deelstroom::batch
