#pragma once
// Which group each case of a batch belongs to, for the grouped summary: one variable per
// manifest field column (and the scenario column when rows name their own scenario) and per
// sweep, each with its distinct values; the compared keys' labels.
#include <cstdint>
#include <vector>

#include "core/batch/case_run.hpp"
#include "core/batch/study.hpp"
#include "core/batch/summary.hpp"

namespace deelstroom::batch {

class CaseGrouper {
 public:
  CaseGrouper() = default;
  CaseGrouper(const Study& study, const CaseOptions& options);

  const GroupLayout& layout() const { return layout_; }
  /// Per variable of the layout, the index of case `index`'s value.
  std::vector<std::uint32_t> groups(std::size_t index) const;

 private:
  const Study* study_ = nullptr;
  GroupLayout layout_;
  std::vector<std::vector<std::uint32_t>> row_values_;    ///< per manifest variable, per row
  std::vector<std::vector<std::uint32_t>> sweep_values_;  ///< per sweep, per value position
};

}  // namespace deelstroom::batch
