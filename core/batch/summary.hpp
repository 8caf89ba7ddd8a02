#pragma once
// The summary at the end of a batch: the distribution across cases of the association's
// simple payback, the building's sharing rate and the association's NPV.
#include <string>
#include <vector>

#include "core/batch/case_run.hpp"
#include "core/report/csv_writer.hpp"

namespace deelstroom::batch {

/// Quantile p (0..1) of sorted values by linear interpolation between order statistics
/// (Hyndman & Fan 1996 definition 7, the default of R's quantile() and of numpy):
/// h = (n-1)p, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). NaN when empty.
double quantile_sorted(const std::vector<double>& sorted, double p);

/// Distribution of one indicator; NaN values count as undefined (no payback within the
/// horizon, failed case) and are left out of the statistics.
struct Distribution {
  std::size_t defined = 0;
  std::size_t undefined = 0;
  double mean = 0.0, min = 0.0, p10 = 0.0, p25 = 0.0, median = 0.0, p75 = 0.0, p90 = 0.0, max = 0.0;
};
Distribution describe(std::vector<double> values);

/// summary.csv: one row per indicator (simple_payback_years, sharing_rate, npv_eur) with
/// cases, undefined, mean, min, p10, p25, median, p75, p90, max; then rows cases_ok and
/// cases_failed (count in the cases column).
std::string summary_csv(const std::vector<CaseIndicators>& ok_cases, std::size_t failed_cases, report::CsvStyle style);

}  // namespace deelstroom::batch
