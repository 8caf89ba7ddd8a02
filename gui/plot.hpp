#pragma once
// A small plotting helper on ImGui's draw lists, sized in font units so charts read on a
// projector: a frame with a y axis (nice ticks, grid, unit), category or point x labels, a
// legend, and a hover line with every series' value at the mouse. It draws what it is given;
// the numbers come from core results.
#include <string>
#include <vector>

#include <imgui.h>

#include "core/common/language.hpp"

namespace deelstroom::gui {

struct PlotSeries {
  std::string label;
  ImU32 color = 0;
  std::vector<double> values;  ///< one per category / point
  float thickness = 2.0f;      ///< lines only
};

struct PlotOptions {
  Language language = Language::dutch;
  std::string unit;                     ///< shown above the y axis and in hover values ("kWh", "€")
  std::vector<std::string> x_labels;    ///< one per category / point ("" = no label)
  std::vector<std::string> hover_labels;  ///< titles of the hover box (default: x_labels)
  int value_decimals = 0;               ///< decimals in hover values
  float height = 0.0f;                  ///< 0: fill the remaining height
  bool legend = true;
};

/// Bars stacked per category (e.g. months: self-consumption + shared + injected).
void stacked_bars(const char* id, const std::vector<PlotSeries>& series, const PlotOptions& options);
/// Bars side by side per category (e.g. apartments x keys).
void grouped_bars(const char* id, const std::vector<PlotSeries>& series, const PlotOptions& options);
/// Areas stacked over points (the day chart), with optional lines drawn on top.
void stacked_areas(const char* id, const std::vector<PlotSeries>& areas, const std::vector<PlotSeries>& lines,
                   const PlotOptions& options);
/// Lines over points (cumulative cash flows); a zero line is drawn when the range crosses 0.
void line_chart(const char* id, const std::vector<PlotSeries>& lines, const PlotOptions& options);

/// A distinct colour per index (for apartments), readable on the light background.
ImU32 series_color(int index);

/// Fixed colours of the energy flows, the same in every chart.
namespace flow_color {
inline constexpr ImU32 production = IM_COL32(230, 160, 20, 255);
inline constexpr ImU32 common = IM_COL32(120, 120, 130, 255);
inline constexpr ImU32 shared = IM_COL32(40, 150, 90, 255);
inline constexpr ImU32 injected = IM_COL32(150, 200, 240, 255);
inline constexpr ImU32 association = IM_COL32(20, 20, 20, 255);
}  // namespace flow_color

}  // namespace deelstroom::gui
