#pragma once
// The summary at the end of a batch: the distribution across cases of the association's
// simple payback, the building's sharing rate, the association's NPV and the share of
// participating apartments that lose money, for the whole batch (summary.csv) and grouped by
// every swept or manifest variable and by compared key (summary_groups.csv, summary.xlsx).
//
// "Not paid back within the horizon" is never dropped: it counts as an infinite payback in
// the quantiles (so a median is "Inf" when more than half the cases do not pay back) and as
// its own share (not_paid_back). Failed cases are counted apart and left out of the figures.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/report/csv_writer.hpp"

namespace deelstroom::batch {

/// Quantile p (0..1) of sorted values by linear interpolation between order statistics
/// (Hyndman & Fan 1996 definition 7, the default of R's quantile() and of numpy):
/// h = (n-1)p, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). NaN when empty.
/// +Inf values (never paid back) sort last; a quantile that falls on or beyond them is +Inf.
double quantile_sorted(const std::vector<double>& sorted, double p);

/// Distribution of one indicator. NaN values are undefined (a failed case; an apartment
/// share in a building without participants) and left out; +Inf values (no payback within
/// the horizon) are kept and counted in `infinite`.
struct Distribution {
  std::size_t defined = 0;    ///< values that are not NaN (Inf included)
  std::size_t undefined = 0;  ///< NaN values
  std::size_t infinite = 0;   ///< +Inf values (not paid back within the horizon)
  double mean = 0.0, min = 0.0, p10 = 0.0, p25 = 0.0, median = 0.0, p75 = 0.0, p90 = 0.0, max = 0.0;
};
Distribution describe(std::vector<double> values);

/// What a case contributes to the summaries.
struct CaseIndicators {
  /// +Inf when the investment is not paid back within the horizon; NaN for a failed case.
  double simple_payback_years = std::numeric_limits<double>::quiet_NaN();
  double sharing_rate = std::numeric_limits<double>::quiet_NaN();
  double npv_eur = std::numeric_limits<double>::quiet_NaN();
  /// Participating apartments with a negative NPV (occupant + owner) / participating
  /// apartments; NaN without participants or for a failed case.
  double losing_apartment_share = std::numeric_limits<double>::quiet_NaN();
  /// Sharing rate of each compared key (--keys), in the order of GroupLayout::key_labels.
  std::vector<double> key_sharing_rates;
};

/// A variable the cases are grouped by: a manifest column or a sweep, with its distinct
/// values in order of first appearance ("" = the scenario's own value, an empty cell).
struct GroupVariable {
  std::string name;
  std::vector<std::string> values;
};

/// How the cases of a batch are grouped: its variables and the compared keys' labels.
struct GroupLayout {
  std::vector<GroupVariable> variables;
  std::vector<std::string> key_labels;
};

/// One case as the summaries see it.
struct SummaryCase {
  bool ok = false;
  std::vector<std::uint32_t> groups;  ///< per variable: index into its values
  CaseIndicators indicators;
};

/// summary.csv: one row per indicator (simple_payback_years, sharing_rate, npv_eur,
/// losing_apartment_share) with cases, undefined, not_paid_back, mean, min, p10, p25, median,
/// p75, p90, max; then rows cases_ok and cases_failed (count in the cases column).
std::string summary_csv(const std::vector<SummaryCase>& cases, report::CsvStyle style);

/// summary_groups.csv (tidy): variable, value, indicator, cases, failed, not_paid_back,
/// not_paid_back_share, mean, min, p10, p25, median, p75, p90, max. One block per value of
/// every variable (each indicator a row), then per compared key its sharing rate
/// (variable "key"), after a first block for all cases (variable "all").
std::string summary_groups_csv(const GroupLayout& layout, const std::vector<SummaryCase>& cases, report::CsvStyle style);

/// summary.xlsx: the grouped summary as a sheet (column titles in the language), written to
/// a temporary file and renamed.
void write_summary_workbook(const std::filesystem::path& path, const GroupLayout& layout,
                            const std::vector<SummaryCase>& cases, Language language);

}  // namespace deelstroom::batch
