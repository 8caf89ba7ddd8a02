// Every key side by side for this building: a table of the building's figures per key and
// bars per apartment (kWh shared or the occupant's saving) with one colour per key.
#include <imgui.h>

#include "core/report/text_table.hpp"
#include "gui/plot.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void key_comparison_view(ViewContext& c) {
  const Language l = c.language;
  const bool nl = l == Language::dutch;
  c.cache.request_comparison(nl);
  const std::vector<simulation::ComparedKey>* keys = c.cache.comparison();
  if (keys == nullptr) {
    ImGui::TextUnformatted(L(l, "Alle sleutels worden doorgerekend…", "Computing every key…"));
    return;
  }
  if (c.cache.comparison_error()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
    ImGui::TextWrapped("%s", c.cache.comparison_error()->message.in(c.language).c_str());
    ImGui::PopStyleColor();
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("keys", 5, flags)) {
    ImGui::TableSetupColumn(L(l, "Sleutel", "Key"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(L(l, "Gedeeld", "Shared"));
    ImGui::TableSetupColumn(L(l, "Delingsgraad", "Sharing rate"));
    ImGui::TableSetupColumn(L(l, "Zelfverbruik", "Self-consumption"));
    ImGui::TableSetupColumn(L(l, "NCW VME", "Association NPV"));
    headers_row(c.state);
    for (std::size_t k = 0; k < keys->size(); ++k) {
      const simulation::ComparedKey& key = (*keys)[k];
      const sharing::FlowTotals& year = key.run.settlement.year;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(series_color(static_cast<int>(k))),
                         ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize() * 0.7f, ImGui::GetFontSize() * 0.7f));
      ImGui::SameLine();
      fitted_text(c.state, key.label, true);
      ImGui::TableNextColumn();
      ImGui::Text("%s kWh", report::format_number(year.shared_kwh, 0, nl).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(report::format_percent(year.sharing_rate(), 1, nl).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(report::format_percent(year.self_consumption_rate(), 1, nl).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("€ %s", key.economics ? report::format_number(key.economics->association.indicators.npv_eur, 0, nl).c_str()
                                        : "—");
    }
    ImGui::EndTable();
  }
  ImGui::RadioButton(L(l, "Gedeelde kWh per appartement", "Shared kWh per apartment"), &c.view.compare_metric, 0);
  ImGui::SameLine();
  ImGui::RadioButton(L(l, "Besparing bewoner (€/jaar)", "Occupant saving (€/year)"), &c.view.compare_metric, 1);
  PlotOptions options;
  options.language = l;
  options.unit = c.view.compare_metric == 0 ? "kWh" : "€";
  options.legend = false;  // the table above is the legend
  const Results& r = c.cache.results();
  for (const auto& a : r.scenario.apartments) options.x_labels.push_back(a.id);
  std::vector<PlotSeries> series;
  for (std::size_t k = 0; k < keys->size(); ++k) {
    const simulation::ComparedKey& key = (*keys)[k];
    PlotSeries s{key.label, series_color(static_cast<int>(k)), {}};
    for (int i = 0; i < key.run.settlement.apartment_count; ++i) {
      if (c.view.compare_metric == 0) {
        s.values.push_back(key.run.settlement.apartment_shared_kwh(i));
      } else {
        s.values.push_back(key.economics ? key.economics->apartments[static_cast<std::size_t>(i)].occupant_saving_eur_per_year
                                         : 0.0);
      }
    }
    series.push_back(std::move(s));
  }
  grouped_bars("compare", series, options);
}

}  // namespace deelstroom::gui
