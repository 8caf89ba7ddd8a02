// Per-apartment bars: kWh shared (by round), the occupant's saving per year, or the payback.
#include <imgui.h>

#include "gui/model/shown_numbers.hpp"
#include "gui/plot.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void apartments_chart(ViewContext& c) {
  const Language l = c.language;
  const Results& r = c.cache.results();
  ImGui::RadioButton(L(l, "Gedeelde kWh", "Shared kWh"), &c.view.apartments_metric, 0);
  ImGui::SameLine();
  ImGui::RadioButton(L(l, "Besparing bewoner (€/jaar)", "Occupant saving (€/year)"), &c.view.apartments_metric, 1);
  ImGui::SameLine();
  ImGui::RadioButton(L(l, "Terugverdientijd (jaar)", "Payback (years)"), &c.view.apartments_metric, 2);

  PlotOptions options;
  options.language = l;
  const std::vector<ApartmentRow> rows = apartment_rows(r);
  for (const ApartmentRow& row : rows) options.x_labels.push_back(row.id);
  const sharing::SettlementResult& settlement = r.run.settlement;
  if (c.view.apartments_metric == 0) {
    options.unit = "kWh";
    std::vector<PlotSeries> rounds;
    for (int k = 0; k < settlement.reported_rounds(); ++k) {
      PlotSeries s{std::string(L(l, "Ronde ", "Round ")) + std::to_string(k + 1),
                   k == 0 ? flow_color::shared : series_color(k + 3), {}};
      for (int i = 0; i < settlement.apartment_count; ++i) s.values.push_back(settlement.shared_by_round(k, i));
      rounds.push_back(std::move(s));
    }
    stacked_bars("apartments-kwh", rounds, options);
    return;
  }
  if (!r.money) {
    ImGui::TextWrapped("%s", r.money_error ? r.money_error->message.in(c.language).c_str() : "");
    return;
  }
  PlotSeries values;
  if (c.view.apartments_metric == 1) {
    options.unit = "€";
    values = {L(l, "Besparing bewoner per jaar", "Occupant saving per year"), flow_color::shared, {}};
    for (const ApartmentRow& row : rows) values.values.push_back(row.saving_eur_per_year.value.value_or(0.0));
  } else {
    options.unit = L(l, "jaar", "years");
    options.value_decimals = 1;
    values = {L(l, "Terugverdientijd (eigenaar + bewoner)", "Payback (owner + occupant)"), flow_color::production, {}};
    for (const ApartmentRow& row : rows) values.values.push_back(row.payback_years.value.value_or(0.0));
    ImGui::TextDisabled("%s", L(l, "0 = niet terugverdiend binnen de horizon", "0 = not paid back within the horizon"));
  }
  grouped_bars("apartments-money", {values}, options);
}

}  // namespace deelstroom::gui
