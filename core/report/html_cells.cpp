#include "core/report/html_cells.hpp"

#include <cstdio>

#include "core/report/economics_report.hpp"
#include "core/report/svg_chart.hpp"
#include "core/report/text_table.hpp"

namespace deelstroom::report {

std::string exact_text(double value) {
  char exact[40];
  std::snprintf(exact, sizeof exact, "%.17g", value);
  return exact;
}

std::string html_number(double value, int decimals, bool dutch) { return html_escape(format_number(value, decimals, dutch)); }

std::string value_cell(double value, int decimals, bool dutch) {
  return "<td class='num' data-value='" + exact_text(value) + "'>" + html_number(value, decimals, dutch) + "</td>";
}

std::string payback_cell(const std::optional<double>& years, int horizon_years, Language language) {
  const std::string exact = years ? exact_text(*years) : "null";
  return "<td class='num' data-value='" + exact + "'>" + html_escape(payback_text(years, horizon_years, language)) + "</td>";
}

}  // namespace deelstroom::report
