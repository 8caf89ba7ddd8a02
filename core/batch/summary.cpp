#include "core/batch/summary.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace deelstroom::batch {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const std::size_t low = static_cast<std::size_t>(std::floor(h));
  if (low + 1 >= sorted.size()) return sorted.back();
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[low + 1] - sorted[low]);
}

Distribution describe(std::vector<double> values) {
  Distribution d;
  const auto undefined = std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  d.undefined = static_cast<std::size_t>(values.end() - undefined);
  values.erase(undefined, values.end());
  d.defined = values.size();
  if (values.empty()) {
    d.mean = d.min = d.p10 = d.p25 = d.median = d.p75 = d.p90 = d.max = std::nan("");
    return d;
  }
  std::sort(values.begin(), values.end());
  // Summed in sorted order: the same set of cases gives the same bits whatever order they ran in.
  double sum = 0.0;
  for (double v : values) sum += v;
  d.mean = sum / static_cast<double>(values.size());
  d.min = values.front();
  d.max = values.back();
  d.p10 = quantile_sorted(values, 0.10);
  d.p25 = quantile_sorted(values, 0.25);
  d.median = quantile_sorted(values, 0.50);
  d.p75 = quantile_sorted(values, 0.75);
  d.p90 = quantile_sorted(values, 0.90);
  return d;
}

std::string summary_csv(const std::vector<CaseIndicators>& ok_cases, std::size_t failed_cases, report::CsvStyle style) {
  std::ostringstream out;
  report::CsvWriter csv(out, style);
  csv.header({"indicator", "cases", "undefined", "mean", "min", "p10", "p25", "median", "p75", "p90", "max"});
  const auto row = [&](const char* name, double CaseIndicators::*field, int decimals) {
    std::vector<double> values;
    values.reserve(ok_cases.size());
    for (const CaseIndicators& c : ok_cases) values.push_back(c.*field);
    const Distribution d = describe(std::move(values));
    csv.text(name).integer(static_cast<long long>(d.defined)).integer(static_cast<long long>(d.undefined));
    for (double v : {d.mean, d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.max}) csv.number(v, decimals);
    csv.end_row();
  };
  row("simple_payback_years", &CaseIndicators::simple_payback_years, 3);
  row("sharing_rate", &CaseIndicators::sharing_rate, 6);
  row("npv_eur", &CaseIndicators::npv_eur, 2);
  csv.text("cases_ok").integer(static_cast<long long>(ok_cases.size())).empty().empty().empty().empty().empty().empty()
      .empty().empty().empty();
  csv.end_row();
  csv.text("cases_failed").integer(static_cast<long long>(failed_cases)).empty().empty().empty().empty().empty().empty()
      .empty().empty().empty();
  csv.end_row();
  return out.str();
}

}  // namespace deelstroom::batch
