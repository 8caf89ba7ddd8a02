// One day's quarter-hours, stacked: what the common parts used of the PV, what each apartment
// received, what was injected; the production as a line on top.
#include <cstdio>

#include <imgui.h>

#include "core/time/civil.hpp"
#include "gui/plot.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void day_chart(ViewContext& c) {
  const Language l = c.language;
  const Results& r = c.cache.results();
  const simulation::PreparedBuilding& b = *r.building;
  const int days = b.grid.interval_count / 96;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  ImGui::SliderInt(L(l, "Dag van het jaar", "Day of the year"), &c.view.day_of_year, 1, days);
  const time::CivilDate date = time::civil_from_days(time::days_from_civil({r.scenario.site.year, 1, 1}) + c.view.day_of_year - 1);
  ImGui::SameLine();
  ImGui::Text("%02d-%02d-%04d", date.day, date.month, date.year);
  ImGui::SameLine();
  if (ImGui::SmallButton(L(l, "21 juni", "21 June"))) c.view.day_of_year = 172;
  ImGui::SameLine();
  if (ImGui::SmallButton(L(l, "21 maart", "21 March"))) c.view.day_of_year = 80;
  ImGui::SameLine();
  if (ImGui::SmallButton(L(l, "21 december", "21 December"))) c.view.day_of_year = 355;

  // The quarter-hours of the local day, in order (92 or 100 on the DST days).
  std::vector<int> intervals;
  for (int i = 0; i < b.grid.interval_count; ++i) {
    if (b.calendar.day_of_year[static_cast<std::size_t>(i)] == c.view.day_of_year - 1) intervals.push_back(i);
  }
  const int n = r.run.settlement.apartment_count;
  // kWh per quarter-hour x 4 = average kW over the quarter-hour.
  constexpr double kw_per_kwh = 4.0;
  PlotSeries common{L(l, "Gemeensch. delen", "Common parts"), flow_color::common, {}};
  PlotSeries injected{L(l, "Injectie", "Injection"), flow_color::injected, {}};
  PlotSeries production{L(l, "Productie", "Production"), flow_color::production, {}, 3.0f};
  std::vector<PlotSeries> apartments;
  for (int a = 0; a < n; ++a) apartments.push_back({r.scenario.apartments[static_cast<std::size_t>(a)].id, series_color(a), {}});
  PlotOptions options;
  options.language = l;
  options.unit = "kW";
  options.value_decimals = 2;
  const bool have_series = r.run.settlement.allocated_kwh.cols() == b.grid.interval_count;
  for (int i : intervals) {
    const double p = b.series.production_kwh[i];
    double shared = 0.0;
    for (int a = 0; a < n && have_series; ++a) {
      const double v = r.run.settlement.allocated_kwh(a, i);
      apartments[static_cast<std::size_t>(a)].values.push_back(v * kw_per_kwh);
      shared += v;
    }
    const double rest = have_series ? r.run.settlement.injected_kwh[i] : 0.0;
    // What the PV gave the common parts is what is neither shared nor injected.
    common.values.push_back(std::max(p - shared - rest, 0.0) * kw_per_kwh);
    injected.values.push_back(rest * kw_per_kwh);
    production.values.push_back(p * kw_per_kwh);
    const int q = b.calendar.quarter_of_day[static_cast<std::size_t>(i)];
    char label[8];
    std::snprintf(label, sizeof label, "%02d:%02d", q / 4, (q % 4) * 15);
    options.x_labels.push_back(q % 4 == 0 ? label : "");
    options.hover_labels.push_back(label);
  }
  std::vector<PlotSeries> areas;
  areas.push_back(common);
  for (auto& a : apartments) areas.push_back(std::move(a));
  areas.push_back(injected);
  stacked_areas("day", areas, {production}, options);
}

}  // namespace deelstroom::gui
