#pragma once
// Small inline SVG charts for the adviser's report: self-contained markup (no scripts, no
// fonts to fetch) that prints sharply on A4.
#include <string>
#include <vector>

namespace deelstroom::report {

struct SvgSeries {
  std::string name;
  std::vector<double> values;
  std::string colour;  ///< CSS colour
  double stroke_width = 1.5;
  std::string dash;  ///< SVG stroke-dasharray ("" = solid line)
};

/// Bars, one per label, on a value axis starting at 0 ("nice" ticks; `dutch` for the number
/// format of the tick labels).
std::string svg_bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                          const std::string& unit, bool dutch);

/// Lines over x = 0..n-1 (one label per x), with a zero line when the range crosses 0 and a
/// legend under the plot.
std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<SvgSeries>& series,
                           const std::string& unit, bool dutch);

/// Horizontal bars ranked from the highest value to the lowest, one row per label (so 30
/// apartments stay readable: the chart grows by a row each), on a value axis through 0;
/// positive bars green, negative red, each labelled with its name and its value.
std::string svg_ranked_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                            const std::string& unit, bool dutch);

/// Text escaped for HTML and SVG (& < > ").
std::string html_escape(const std::string& text);

/// A distinct colour for series `index` (a qualitative palette that prints in grey scale too).
std::string palette_colour(std::size_t index);

/// The dash pattern for series `index`: solid for the palette's first round of colours, then
/// dashed, then dotted, so that series sharing a colour (more series than colours, e.g. a
/// building of 20 apartments) still differ.
std::string palette_dash(std::size_t index);

}  // namespace deelstroom::report
