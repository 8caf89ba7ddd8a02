#include "gui/plot.hpp"

#include <algorithm>
#include <cmath>

#include "core/report/text_table.hpp"
#include "gui/model/chart_scale.hpp"

namespace deelstroom::gui {

ImU32 series_color(int index) {
  // Hues spread by the golden angle so neighbours differ; saturation and value alternate so
  // that twenty apartments stay apart.
  const float hue = std::fmod(0.08f + 0.618034f * static_cast<float>(index), 1.0f);
  const float saturation = index % 2 == 0 ? 0.65f : 0.45f;
  const float value = index % 3 == 2 ? 0.62f : 0.80f;
  float r = 0, g = 0, b = 0;
  ImGui::ColorConvertHSVtoRGB(hue, saturation, value, r, g, b);
  return ImGui::GetColorU32(ImVec4(r, g, b, 1.0f));
}

namespace {

constexpr ImU32 kAxis = IM_COL32(60, 60, 60, 255);
constexpr ImU32 kGrid = IM_COL32(210, 210, 215, 255);
constexpr ImU32 kText = IM_COL32(30, 30, 30, 255);
constexpr ImU32 kHover = IM_COL32(0, 0, 0, 90);

// The drawing area of one chart and its value -> pixel mapping.
struct Frame {
  ImDrawList* draw = nullptr;
  ImVec2 plot_min, plot_max;  ///< the inner area (inside the axes)
  double y_low = 0, y_high = 1;
  Ticks ticks;
  int count = 0;               ///< categories or points
  bool hovered = false;
  int hover_index = -1;

  float y(double value) const {
    const double t = (value - y_low) / (y_high - y_low);
    return plot_max.y - static_cast<float>(t) * (plot_max.y - plot_min.y);
  }
  float category_left(int i) const { return plot_min.x + (plot_max.x - plot_min.x) * i / std::max(count, 1); }
  float category_width() const { return (plot_max.x - plot_min.x) / std::max(count, 1); }
  float point_x(int i) const {
    return plot_min.x + (plot_max.x - plot_min.x) * i / std::max(count - 1, 1);
  }
};

void draw_legend(const std::vector<const PlotSeries*>& series, ImDrawList* draw, ImVec2 origin, float width) {
  const float box = ImGui::GetFontSize() * 0.7f;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  float x = origin.x, y = origin.y;
  for (const PlotSeries* s : series) {
    const float item_width = box + 6.0f + ImGui::CalcTextSize(s->label.c_str()).x + 16.0f;
    if (x + item_width > origin.x + width && x > origin.x) {
      x = origin.x;
      y += line;
    }
    draw->AddRectFilled(ImVec2(x, y + (line - box) * 0.4f), ImVec2(x + box, y + (line - box) * 0.4f + box), s->color);
    draw->AddText(ImVec2(x + box + 6.0f, y), kText, s->label.c_str());
    x += item_width;
  }
}

float legend_height(const std::vector<const PlotSeries*>& series, float width) {
  if (series.empty()) return 0.0f;
  const float box = ImGui::GetFontSize() * 0.7f;
  float x = 0.0f;
  int rows = 1;
  for (const PlotSeries* s : series) {
    const float item_width = box + 6.0f + ImGui::CalcTextSize(s->label.c_str()).x + 16.0f;
    if (x + item_width > width && x > 0.0f) {
      x = 0.0f;
      ++rows;
    }
    x += item_width;
  }
  return rows * ImGui::GetTextLineHeightWithSpacing();
}

// Reserves the chart's space, draws legend, grid, y ticks and x labels; finds the hovered
// category/point.
Frame begin_frame(const char* id, double y_low, double y_high, int count, bool points,
                  const std::vector<const PlotSeries*>& legend, const PlotOptions& options) {
  Frame f;
  f.count = count;
  f.ticks = nice_ticks(std::min(y_low, 0.0), std::max(y_high, 0.0), 6);
  f.y_low = f.ticks.values.front();
  f.y_high = f.ticks.values.back();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float height = options.height > 0.0f ? options.height : std::max(avail.y, ImGui::GetFontSize() * 12.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(std::max(avail.x, 100.0f), height));
  f.hovered = ImGui::IsItemHovered();
  f.draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  const float width = std::max(avail.x, 100.0f);
  const float legend_h = options.legend ? legend_height(legend, width - font) : 0.0f;

  // Left margin fits the widest tick label.
  float label_width = 0.0f;
  for (double v : f.ticks.values) {
    label_width = std::max(label_width, ImGui::CalcTextSize(tick_label(v, f.ticks.step, options.language).c_str()).x);
  }
  f.plot_min = ImVec2(origin.x + label_width + font * 0.8f, origin.y + legend_h + font * 1.6f);
  f.plot_max = ImVec2(origin.x + width - font * 0.6f, origin.y + height - font * 1.8f);
  f.draw->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + width, origin.y + height), IM_COL32(255, 255, 255, 255));
  if (options.legend) draw_legend(legend, f.draw, ImVec2(origin.x + font * 0.5f, origin.y + font * 0.2f), width - font);
  f.draw->AddText(ImVec2(origin.x + font * 0.2f, f.plot_min.y - font * 1.4f), kText, options.unit.c_str());

  for (double v : f.ticks.values) {
    const float y = f.y(v);
    f.draw->AddLine(ImVec2(f.plot_min.x, y), ImVec2(f.plot_max.x, y), std::abs(v) < 1e-12 ? kAxis : kGrid,
                    std::abs(v) < 1e-12 ? 1.5f : 1.0f);
    const std::string label = tick_label(v, f.ticks.step, options.language);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    f.draw->AddText(ImVec2(f.plot_min.x - size.x - font * 0.4f, y - size.y * 0.5f), kText, label.c_str());
  }
  f.draw->AddLine(f.plot_min, ImVec2(f.plot_min.x, f.plot_max.y), kAxis, 1.5f);
  f.draw->AddLine(ImVec2(f.plot_min.x, f.plot_max.y), f.plot_max, kAxis, 1.0f);

  // x labels, thinned so they do not overlap.
  float widest = 0.0f;
  for (const std::string& label : options.x_labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
  const float slot = points ? (f.plot_max.x - f.plot_min.x) / std::max(count - 1, 1) : f.category_width();
  const int every = std::max(1, static_cast<int>(std::ceil((widest + font * 0.6f) / std::max(slot, 1.0f))));
  for (int i = 0; i < count && i < static_cast<int>(options.x_labels.size()); i += every) {
    const std::string& label = options.x_labels[static_cast<std::size_t>(i)];
    if (label.empty()) continue;
    const float centre = points ? f.point_x(i) : f.category_left(i) + f.category_width() * 0.5f;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    f.draw->AddText(ImVec2(centre - size.x * 0.5f, f.plot_max.y + font * 0.3f), kText, label.c_str());
  }

  if (f.hovered && count > 0) {
    const float mouse_x = ImGui::GetIO().MousePos.x;
    if (points) {
      const float t = (mouse_x - f.plot_min.x) / std::max(f.plot_max.x - f.plot_min.x, 1.0f);
      f.hover_index = std::clamp(static_cast<int>(std::lround(t * (count - 1))), 0, count - 1);
    } else {
      f.hover_index = std::clamp(static_cast<int>((mouse_x - f.plot_min.x) / std::max(f.category_width(), 1.0f)), 0,
                                 count - 1);
    }
  }
  return f;
}

std::string value_text(double value, const PlotOptions& options) {
  return report::format_number(value, options.value_decimals, options.language == Language::dutch) + " " + options.unit;
}

// The tooltip with each series' value at the hovered index (and a total for stacks).
void hover_tooltip(const Frame& f, const std::vector<const PlotSeries*>& series, const PlotOptions& options,
                   bool with_total) {
  if (f.hover_index < 0) return;
  const auto i = static_cast<std::size_t>(f.hover_index);
  ImGui::BeginTooltip();
  const auto& titles = options.hover_labels.empty() ? options.x_labels : options.hover_labels;
  if (i < titles.size()) ImGui::TextUnformatted(titles[i].c_str());
  double total = 0.0;
  for (const PlotSeries* s : series) {
    if (i >= s->values.size()) continue;
    ImGui::ColorButton(s->label.c_str(), ImGui::ColorConvertU32ToFloat4(s->color),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(ImGui::GetFontSize() * 0.7f, ImGui::GetFontSize() * 0.7f));
    ImGui::SameLine();
    ImGui::Text("%s: %s", s->label.c_str(), value_text(s->values[i], options).c_str());
    total += s->values[i];
  }
  if (with_total && series.size() > 1) {
    ImGui::Separator();
    ImGui::Text("%s: %s", tr(options.language, "Totaal", "Total").data(), value_text(total, options).c_str());
  }
  ImGui::EndTooltip();
}

std::vector<const PlotSeries*> pointers(const std::vector<PlotSeries>& series) {
  std::vector<const PlotSeries*> out;
  for (const PlotSeries& s : series) out.push_back(&s);
  return out;
}

int point_count(const std::vector<PlotSeries>& series) {
  std::size_t count = 0;
  for (const PlotSeries& s : series) count = std::max(count, s.values.size());
  return static_cast<int>(count);
}

}  // namespace

void stacked_bars(const char* id, const std::vector<PlotSeries>& series, const PlotOptions& options) {
  const int count = point_count(series);
  double high = 0.0, low = 0.0;
  for (int i = 0; i < count; ++i) {
    double positive = 0.0, negative = 0.0;
    for (const PlotSeries& s : series) {
      const double v = static_cast<std::size_t>(i) < s.values.size() ? s.values[static_cast<std::size_t>(i)] : 0.0;
      (v >= 0 ? positive : negative) += v;
    }
    high = std::max(high, positive);
    low = std::min(low, negative);
  }
  const auto legend = pointers(series);
  Frame f = begin_frame(id, low, high, count, false, legend, options);
  for (int i = 0; i < count; ++i) {
    const float left = f.category_left(i) + f.category_width() * 0.15f;
    const float right = f.category_left(i) + f.category_width() * 0.85f;
    double positive = 0.0, negative = 0.0;
    for (const PlotSeries& s : series) {
      const double v = static_cast<std::size_t>(i) < s.values.size() ? s.values[static_cast<std::size_t>(i)] : 0.0;
      double& base = v >= 0 ? positive : negative;
      f.draw->AddRectFilled(ImVec2(left, f.y(base + v)), ImVec2(right, f.y(base)), s.color);
      base += v;
    }
    if (i == f.hover_index) {
      f.draw->AddRect(ImVec2(left - 2, f.y(positive) - 2), ImVec2(right + 2, f.y(negative) + 2), kHover, 0.0f, 0, 2.0f);
    }
  }
  hover_tooltip(f, legend, options, true);
}

/// The lowest and highest value over all series, with 0 always inside (bars and lines start
/// from the zero line).
std::pair<double, double> value_range(const std::vector<PlotSeries>& series) {
  double high = 0.0, low = 0.0;
  for (const PlotSeries& s : series) {
    for (double v : s.values) {
      high = std::max(high, v);
      low = std::min(low, v);
    }
  }
  return {low, high};
}

/// Each series as a polyline over the first `count` points.
void draw_polylines(Frame& f, const std::vector<PlotSeries>& lines, int count) {
  for (const PlotSeries& s : lines) {
    std::vector<ImVec2> points;
    for (int i = 0; i < count && static_cast<std::size_t>(i) < s.values.size(); ++i) {
      points.emplace_back(f.point_x(i), f.y(s.values[static_cast<std::size_t>(i)]));
    }
    f.draw->AddPolyline(points.data(), static_cast<int>(points.size()), s.color, 0, s.thickness);
  }
}

/// The vertical line at the hovered point; returns its x.
float draw_hover_line(Frame& f) {
  const float x = f.point_x(f.hover_index);
  f.draw->AddLine(ImVec2(x, f.plot_min.y), ImVec2(x, f.plot_max.y), kHover, 1.5f);
  return x;
}

void grouped_bars(const char* id, const std::vector<PlotSeries>& series, const PlotOptions& options) {
  const int count = point_count(series);
  const auto [low, high] = value_range(series);
  const auto legend = pointers(series);
  Frame f = begin_frame(id, low, high, count, false, legend, options);
  const float group = f.category_width() * 0.8f;
  const float bar = group / std::max<float>(static_cast<float>(series.size()), 1.0f);
  for (int i = 0; i < count; ++i) {
    const float left = f.category_left(i) + f.category_width() * 0.1f;
    if (i == f.hover_index) {
      f.draw->AddRectFilled(ImVec2(f.category_left(i), f.plot_min.y),
                            ImVec2(f.category_left(i) + f.category_width(), f.plot_max.y), IM_COL32(0, 0, 0, 18));
    }
    for (std::size_t k = 0; k < series.size(); ++k) {
      const auto& values = series[k].values;
      if (static_cast<std::size_t>(i) >= values.size()) continue;
      const double v = values[static_cast<std::size_t>(i)];
      const float x0 = left + bar * static_cast<float>(k);
      f.draw->AddRectFilled(ImVec2(x0, std::min(f.y(v), f.y(0.0))), ImVec2(x0 + bar * 0.9f, std::max(f.y(v), f.y(0.0))),
                            series[k].color);
    }
  }
  hover_tooltip(f, legend, options, false);
}

void stacked_areas(const char* id, const std::vector<PlotSeries>& areas, const std::vector<PlotSeries>& lines,
                   const PlotOptions& options) {
  const int count = std::max(point_count(areas), point_count(lines));
  std::vector<double> top(static_cast<std::size_t>(count), 0.0);
  double high = 0.0;
  for (int i = 0; i < count; ++i) {
    double sum = 0.0;
    for (const PlotSeries& s : areas) sum += static_cast<std::size_t>(i) < s.values.size() ? s.values[static_cast<std::size_t>(i)] : 0.0;
    high = std::max(high, sum);
    for (const PlotSeries& s : lines) {
      if (static_cast<std::size_t>(i) < s.values.size()) high = std::max(high, s.values[static_cast<std::size_t>(i)]);
    }
  }
  std::vector<const PlotSeries*> legend = pointers(areas);
  for (const PlotSeries& s : lines) legend.push_back(&s);
  Frame f = begin_frame(id, 0.0, high, count, true, legend, options);
  std::vector<double> base(static_cast<std::size_t>(count), 0.0);
  for (const PlotSeries& s : areas) {
    // One quad per segment (areas are convex per segment, so AddConvexPolyFilled is safe).
    for (int i = 0; i + 1 < count; ++i) {
      const auto a = static_cast<std::size_t>(i), b = a + 1;
      const double va = a < s.values.size() ? s.values[a] : 0.0;
      const double vb = b < s.values.size() ? s.values[b] : 0.0;
      if (va <= 0.0 && vb <= 0.0) continue;
      const ImVec2 quad[4] = {ImVec2(f.point_x(i), f.y(base[a])), ImVec2(f.point_x(i), f.y(base[a] + va)),
                              ImVec2(f.point_x(i + 1), f.y(base[b] + vb)), ImVec2(f.point_x(i + 1), f.y(base[b]))};
      f.draw->AddConvexPolyFilled(quad, 4, s.color);
    }
    for (std::size_t i = 0; i < base.size(); ++i) base[i] += i < s.values.size() ? s.values[i] : 0.0;
  }
  draw_polylines(f, lines, count);
  if (f.hover_index >= 0) draw_hover_line(f);
  hover_tooltip(f, legend, options, false);
}

void line_chart(const char* id, const std::vector<PlotSeries>& lines, const PlotOptions& options) {
  const int count = point_count(lines);
  const auto [low, high] = value_range(lines);
  const auto legend = pointers(lines);
  Frame f = begin_frame(id, low, high, count, true, legend, options);
  draw_polylines(f, lines, count);
  if (f.hover_index >= 0) {
    const float x = draw_hover_line(f);
    for (const PlotSeries& s : lines) {
      if (static_cast<std::size_t>(f.hover_index) < s.values.size()) {
        f.draw->AddCircleFilled(ImVec2(x, f.y(s.values[static_cast<std::size_t>(f.hover_index)])), s.thickness + 2.0f,
                                s.color);
      }
    }
  }
  hover_tooltip(f, legend, options, false);
}

}  // namespace deelstroom::gui
