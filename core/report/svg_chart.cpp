#include "core/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/report/text_table.hpp"

namespace deelstroom::report {

namespace {

constexpr double kWidth = 640.0;
constexpr double kHeight = 260.0;
constexpr double kLeft = 70.0;
constexpr double kRight = 10.0;
constexpr double kTop = 10.0;
constexpr double kBottom = 30.0;

/// Ticks at 1-2-5 steps covering [low, high] (Heckbert's "nice numbers").
std::vector<double> nice_ticks(double low, double high) {
  if (!(high > low)) high = low + 1.0;
  const double raw = (high - low) / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double step = (fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0) * magnitude;
  std::vector<double> ticks;
  // From the step at or below `low` to the first at or above `high`: the axis always holds
  // every value (a bar never runs past the last tick).
  const double first = std::floor(low / step);
  for (double k = first;; k += 1.0) {
    ticks.push_back(k * step);
    if (k * step >= high - 1e-9 * step || ticks.size() > 1000) break;
  }
  return ticks;
}

struct Axis {
  double low = 0.0, high = 1.0;
  std::vector<double> ticks;
  double y(double value) const { return kTop + (high - value) / (high - low) * (kHeight - kTop - kBottom); }
};

Axis value_axis(double low, double high) {
  Axis axis;
  axis.ticks = nice_ticks(low, high);
  axis.low = axis.ticks.front();
  axis.high = axis.ticks.back();
  return axis;
}

void draw_value_axis(std::ostringstream& svg, const Axis& axis, const std::string& unit, bool dutch) {
  for (double t : axis.ticks) {
    const double y = axis.y(t);
    svg << "<line x1='" << kLeft << "' x2='" << kWidth - kRight << "' y1='" << y << "' y2='" << y
        << "' stroke='" << (t == 0.0 ? "#333" : "#ddd") << "' stroke-width='1'/>"
        << "<text x='" << kLeft - 6 << "' y='" << y + 4 << "' text-anchor='end' font-size='11'>"
        << html_escape(format_number(t, 0, dutch)) << "</text>";
  }
  svg << "<text x='4' y='" << kTop + 8 << "' font-size='11'>" << html_escape(unit) << "</text>";
}

std::string open_svg(double height) {
  std::ostringstream svg;
  svg << "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " << kWidth << " " << height
      << "' width='100%' role='img' font-family='DejaVu Sans, Arial, sans-serif'>";
  return svg.str();
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
const char* const kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];
}  // namespace

std::string palette_colour(std::size_t index) { return kPalette[index % kPaletteSize]; }

std::string palette_dash(std::size_t index) {
  static const char* dashes[] = {"", "6 3", "1.5 2.5"};
  return dashes[(index / kPaletteSize) % 3];
}

std::string svg_bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                          const std::string& unit, bool dutch) {
  const double top = values.empty() ? 1.0 : *std::max_element(values.begin(), values.end());
  const Axis axis = value_axis(0.0, std::max(top, 1e-9));
  std::ostringstream svg;
  svg << open_svg(kHeight);
  draw_value_axis(svg, axis, unit, dutch);
  const double slot = (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(1, values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double x = kLeft + slot * static_cast<double>(i) + slot * 0.15;
    const double y = axis.y(values[i]);
    svg << "<rect x='" << x << "' y='" << y << "' width='" << slot * 0.7 << "' height='" << axis.y(0.0) - y
        << "' fill='#f2a900'><title>" << html_escape(labels[i] + ": " + format_number(values[i], 0, dutch) + " " + unit)
        << "</title></rect>"
        << "<text x='" << x + slot * 0.35 << "' y='" << kHeight - kBottom + 16 << "' text-anchor='middle' font-size='11'>"
        << html_escape(labels[i]) << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<SvgSeries>& series,
                           const std::string& unit, bool dutch) {
  double low = 0.0, high = 0.0;
  for (const SvgSeries& s : series) {
    for (double v : s.values) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  const Axis axis = value_axis(low, high);
  const double legend_rows = std::ceil(static_cast<double>(series.size()) / 5.0);
  std::ostringstream svg;
  svg << open_svg(kHeight + 18.0 * legend_rows);
  draw_value_axis(svg, axis, unit, dutch);
  const std::size_t n = x_labels.size();
  const double dx = (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(1, n - 1));
  const std::size_t label_every = std::max<std::size_t>(1, n / 13 + 1);
  for (std::size_t i = 0; i < n; i += label_every) {
    svg << "<text x='" << kLeft + dx * static_cast<double>(i) << "' y='" << kHeight - kBottom + 16
        << "' text-anchor='middle' font-size='11'>" << html_escape(x_labels[i]) << "</text>";
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    const SvgSeries& s = series[k];
    const std::string dash = s.dash.empty() ? std::string() : " stroke-dasharray='" + s.dash + "'";
    svg << "<polyline fill='none' stroke='" << s.colour << "' stroke-width='" << s.stroke_width << "'" << dash << " points='";
    for (std::size_t i = 0; i < s.values.size(); ++i) svg << kLeft + dx * static_cast<double>(i) << "," << axis.y(s.values[i]) << " ";
    svg << "'><title>" << html_escape(s.name) << "</title></polyline>";
    const double lx = kLeft + static_cast<double>(k % 5) * 112.0;
    const double ly = kHeight + 4.0 + 18.0 * std::floor(static_cast<double>(k) / 5.0);
    // The legend's swatch is a short stretch of the line itself, dashes included.
    svg << "<line x1='" << lx << "' y1='" << ly + 2 << "' x2='" << lx + 14 << "' y2='" << ly + 2 << "' stroke='" << s.colour
        << "' stroke-width='" << std::max(s.stroke_width, 2.5) << "'" << dash << "/>"
        << "<text x='" << lx + 16 << "' y='" << ly + 6 << "' font-size='11'>" << html_escape(s.name) << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

std::string svg_ranked_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                            const std::string& unit, bool dutch) {
  constexpr double kRow = 18.0, kNameWidth = 90.0, kValueWidth = 70.0, kAxisHeight = 22.0;
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Highest first; equal values keep their order (stable), so the same input draws the same chart.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
  double low = 0.0, high = 0.0;
  for (double v : values) {
    low = std::min(low, v);
    high = std::max(high, v);
  }
  const std::vector<double> ticks = nice_ticks(low, high);
  const double axis_low = ticks.front(), axis_high = ticks.back();
  const double plot_left = kNameWidth, plot_right = kWidth - kValueWidth;
  const auto x_of = [&](double v) { return plot_left + (v - axis_low) / (axis_high - axis_low) * (plot_right - plot_left); };
  const double height = kTop + kRow * static_cast<double>(values.size()) + kAxisHeight;
  std::ostringstream svg;
  svg << open_svg(height);
  const double bottom = kTop + kRow * static_cast<double>(values.size());
  for (double t : ticks) {
    svg << "<line x1='" << x_of(t) << "' x2='" << x_of(t) << "' y1='" << kTop << "' y2='" << bottom << "' stroke='"
        << (t == 0.0 ? "#333" : "#ddd") << "' stroke-width='1'/>"
        << "<text x='" << x_of(t) << "' y='" << bottom + 15 << "' text-anchor='middle' font-size='11'>"
        << html_escape(format_number(t, 0, dutch)) << "</text>";
  }
  svg << "<text x='" << kWidth - 4 << "' y='" << bottom + 15 << "' text-anchor='end' font-size='11'>" << html_escape(unit) << "</text>";
  for (std::size_t row = 0; row < order.size(); ++row) {
    const std::size_t i = order[row];
    const double y = kTop + kRow * static_cast<double>(row);
    const double x0 = x_of(0.0), x1 = x_of(values[i]);
    svg << "<text x='" << kNameWidth - 6 << "' y='" << y + 13 << "' text-anchor='end' font-size='11'>" << html_escape(labels[i])
        << "</text><rect class='" << (values[i] < 0.0 ? "loss" : "gain") << "' x='" << std::min(x0, x1) << "' y='" << y + 3
        << "' width='" << std::abs(x1 - x0) << "' height='" << kRow - 6 << "' fill='" << (values[i] < 0.0 ? "#c0392b" : "#2e8b57")
        << "'><title>" << html_escape(labels[i] + ": " + format_number(values[i], 0, dutch) + " " + unit) << "</title></rect>"
        << "<text x='" << plot_right + 4 << "' y='" << y + 13 << "' font-size='11'>" << html_escape(format_number(values[i], 0, dutch))
        << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace deelstroom::report
