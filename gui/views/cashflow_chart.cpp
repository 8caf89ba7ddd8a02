// Cumulative cash flow over the horizon: the association and every apartment (owner and
// occupant together).
#include <imgui.h>

#include "gui/plot.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void cashflow_chart(ViewContext& c) {
  const Language l = c.language;
  const Results& r = c.cache.results();
  if (!r.money) {
    ImGui::TextWrapped("%s", r.money_error ? r.money_error->message.in(c.language).c_str() : "");
    return;
  }
  const economics::EconomicsResult& money = *r.money;
  PlotOptions options;
  options.language = l;
  options.unit = "€";
  PlotSeries association{L(l, "VME", "Association"), flow_color::association, {}, 4.0f};
  for (const economics::AssociationYear& year : money.association.years) {
    association.values.push_back(year.cumulative_eur);
    options.x_labels.push_back(std::to_string(year.year));
  }
  std::vector<PlotSeries> lines;
  for (std::size_t i = 0; i < money.apartments.size(); ++i) {
    PlotSeries s{money.apartments[i].id, series_color(static_cast<int>(i)), {}, 2.0f};
    for (const economics::ApartmentYear& year : money.apartments[i].years) s.values.push_back(year.cumulative_total_eur);
    lines.push_back(std::move(s));
  }
  lines.push_back(std::move(association));
  ImGui::TextDisabled("%s", L(l, "Gecumuleerde kasstroom per jaar (jaar 0 = investering)",
                               "Cumulative cash flow per year (year 0 = investment)"));
  line_chart("cashflow", lines, options);
}

}  // namespace deelstroom::gui
