// The building editor: site, weather, PV arrays, common parts, seed.
#include <imgui.h>

#include "core/load/archetype.hpp"
#include "gui/model/chart_scale.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace {

std::vector<std::pair<std::string, std::string>> name_options(const std::vector<std::string>& names, Language l) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const std::string& name : names) options.emplace_back(name, load::archetype_display_name(name, l == Language::dutch));
  return options;
}

/// A training case's notes and discussion questions ([training] of the scenario).
void training_section(ViewContext& c) {
  const scenario::TrainingNotes& t = c.state.scenario.training;
  if (t.empty()) return;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Opleiding: toelichting en vragen", "Training: notes and questions"),
                               ImGuiTreeNodeFlags_DefaultOpen))
    return;
  if (!t.notes.empty()) ImGui::TextWrapped("%s", t.notes.c_str());
  for (std::size_t i = 0; i < t.questions.size(); ++i) {
    ImGui::TextWrapped("%zu. %s", i + 1, t.questions[i].c_str());
  }
}

void site_section(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Gebouw en ligging", "Building and site"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  edit_text(c.state, L(l, "Naam", "Name"), s.site.name, ChangeKind::light, "site.name");
  edit_text(c.state, L(l, "Beschrijving", "Description"), s.description, ChangeKind::light, "description");
  edit_number(c.state, L(l, "Breedtegraad (°N)", "Latitude (°N)"), s.site.latitude_deg, ChangeKind::heavy, "site.latitude",
              0.01, "%.3f");
  edit_number(c.state, L(l, "Lengtegraad (°O)", "Longitude (°E)"), s.site.longitude_deg, ChangeKind::heavy,
              "site.longitude", 0.01, "%.3f");
  edit_int(c.state, L(l, "Jaar", "Year"), s.site.year, ChangeKind::heavy, "site.year");
  std::string source = s.weather.source == scenario::WeatherSource::pvgis ? "pvgis" : "embedded";
  if (edit_choice(c.state, L(l, "Weerbron", "Weather source"), source,
                  {{"embedded", L(l, "ingebouwd referentiejaar (Ukkel)", "embedded reference year (Uccle)")},
                   {"pvgis", L(l, "PVGIS TMY-bestand", "PVGIS TMY file")}},
                  ChangeKind::heavy, "weather.source")) {
    s.weather.source = source == "pvgis" ? scenario::WeatherSource::pvgis : scenario::WeatherSource::embedded;
  }
  if (s.weather.source == scenario::WeatherSource::pvgis) {
    edit_text(c.state, L(l, "TMY-bestand", "TMY file"), s.weather.file, ChangeKind::heavy, "weather.file");
  }
  std::uint64_t seed = s.seed;
  if (ImGui::InputScalar(L(l, "Toevalszaad profielen", "Profile seed"), ImGuiDataType_U64, &seed) && seed != s.seed) {
    discrete_edit(c.state, ChangeKind::heavy);
    s.seed = seed;
  }
  help_marker(L(l, "Hetzelfde zaad geeft dezelfde gegenereerde verbruiksprofielen.",
                "The same seed gives the same generated consumption profiles."));
}

void array_editor(ViewContext& c, std::size_t index) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  scenario::PvArraySettings& a = s.pv.arrays[index];
  const std::string path = "pv.arrays[" + std::to_string(index) + "].";
  ImGui::PushID(static_cast<int>(index));
  const std::string title = (a.name.empty() ? std::string(L(l, "PV-veld", "PV array")) : a.name) + "###array";
  if (ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    edit_text(c.state, L(l, "Naam", "Name"), a.name, ChangeKind::heavy, path + "name");
    edit_number(c.state, "kWp", a.kwp, ChangeKind::heavy, path + "kwp", 0.5, "%.2f");
    edit_slider(c.state, L(l, "Helling (°)", "Tilt (°)"), a.tilt_deg, 0.0, 90.0, ChangeKind::heavy, path + "tilt_deg",
                "%.0f°");
    const std::string azimuth_format = "%.0f° (" + compass_word(a.azimuth_deg, l) + ")";
    edit_slider(c.state, L(l, "Oriëntatie (°)", "Azimuth (°)"), a.azimuth_deg, 0.0, 360.0, ChangeKind::heavy,
                path + "azimuth_deg", azimuth_format.c_str());
    help_marker(L(l, "Met de klok mee vanaf het noorden: 90° = oost, 180° = zuid, 270° = west.",
                  "Clockwise from north: 90° = east, 180° = south, 270° = west."));
    edit_optional(c.state, L(l, "Omvormer AC (kW)", "Inverter AC (kW)"), a.inverter_ac_kw, a.kwp / 1.2,
                  ChangeKind::heavy, path + "inverter_ac_kw");
    edit_optional(c.state, L(l, "Verliezen totaal (%)", "Total losses (%)"), a.losses.total_pct, 14.0,
                  ChangeKind::heavy, path + "losses_pct");
    if (!a.losses.total_pct) {
      edit_optional(c.state, L(l, "Beschaduwing (%)", "Shading (%)"), a.losses.shading_pct, 3.0, ChangeKind::heavy,
                    path + "losses.shading_pct");
    }
    if (ImGui::SmallButton(L(l, "Dupliceer", "Duplicate"))) {
      discrete_edit(c.state, ChangeKind::heavy);
      scenario::PvArraySettings copy = a;
      copy.name += L(l, " (kopie)", " (copy)");
      s.pv.arrays.insert(s.pv.arrays.begin() + static_cast<std::ptrdiff_t>(index) + 1, copy);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(L(l, "Verwijder", "Remove"))) {
      discrete_edit(c.state, ChangeKind::heavy);
      s.pv.arrays.erase(s.pv.arrays.begin() + static_cast<std::ptrdiff_t>(index));
      ImGui::TreePop();
      ImGui::PopID();
      return;
    }
    ImGui::TreePop();
  }
  ImGui::PopID();
}

void pv_section(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Zonnepanelen (VME)", "Solar panels (association)"), ImGuiTreeNodeFlags_DefaultOpen))
    return;
  for (std::size_t i = 0; i < s.pv.arrays.size(); ++i) {
    const std::size_t before = s.pv.arrays.size();
    array_editor(c, i);
    if (s.pv.arrays.size() < before) break;  // removed: the indices moved, draw again next frame
  }
  if (ImGui::Button(L(l, "+ PV-veld", "+ PV array"))) {
    discrete_edit(c.state, ChangeKind::heavy);
    scenario::PvArraySettings roof;
    roof.name = L(l, "Nieuw veld", "New array");
    s.pv.arrays.push_back(roof);
  }
  edit_number(c.state, L(l, "Degradatie (%/jaar)", "Degradation (%/year)"), s.pv.degradation_pct_per_year,
              ChangeKind::light, "pv.degradation_pct_per_year", 0.1, "%.2f");
}

void battery_section(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Batterij (VME)", "Battery (association)"))) return;
  scenario::BatterySettings& b = s.battery;
  edit_number(c.state, L(l, "Capaciteit (kWh, 0 = geen)", "Capacity (kWh, 0 = none)"), b.capacity_kwh, ChangeKind::heavy,
              "battery.capacity_kwh", 5.0, "%.1f");
  if (!b.enabled()) return;
  if (b.power_kw <= 0.0) b.power_kw = b.capacity_kwh / 2.0;
  edit_number(c.state, L(l, "Vermogen (kW)", "Power (kW)"), b.power_kw, ChangeKind::heavy, "battery.power_kw", 1.0, "%.1f");
  edit_slider(c.state, L(l, "Rendement heen en terug", "Round-trip efficiency"), b.round_trip_efficiency, 0.5, 1.0,
              ChangeKind::heavy, "battery.round_trip_efficiency", "%.2f");
  edit_number(c.state, L(l, "Kostprijs (€, excl. btw)", "Cost (€, excl. VAT)"), b.cost_eur, ChangeKind::money, "battery.cost_eur",
              500.0, "%.0f");
  edit_int(c.state, L(l, "Levensduur (jaar)", "Lifetime (years)"), b.lifetime_years, ChangeKind::money, "battery.lifetime_years");
  help_marker(L(l, "Laadt alleen met zonnestroom die geen sleutel kan delen; levert aan de gemeenschappelijke delen en de "
                   "deelnemers wanneer de zon tekortschiet (docs/battery.md).",
                "Charges only from PV no key could share; delivers to the common parts and the participants when the sun "
                "falls short (docs/battery.md)."));
  if (c.cache.has_results() && c.cache.results().building && c.cache.results().building->battery) {
    const battery::BatteryDispatch& d = *c.cache.results().building->battery;
    ImGui::TextDisabled("%s %.0f kWh, %s %.0f kWh, %s %.0f kWh", L(l, "geladen", "charged"), d.charged_kwh,
                        L(l, "geleverd", "delivered"), d.discharged_kwh, L(l, "verlies", "lost"), d.losses_kwh);
  }
}

void common_section(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Gemeenschappelijke delen", "Common parts"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (s.common.measured()) {
    edit_text(c.state, L(l, "Meetbestand", "Meter file"), s.common.file, ChangeKind::heavy, "common.file");
    return;
  }
  edit_choice(c.state, L(l, "Profiel", "Profile"), s.common.archetype, name_options(load::common_parts_names(), l),
              ChangeKind::heavy, "common.archetype");
  edit_optional(c.state, L(l, "Jaarverbruik (kWh)", "Yearly use (kWh)"), s.common.annual_kwh, 3000.0, ChangeKind::heavy,
                "common.annual_kwh", "%.0f");
}

}  // namespace

void building_view(ViewContext& c) {
  training_section(c);
  site_section(c);
  pv_section(c);
  battery_section(c);
  common_section(c);
}

}  // namespace deelstroom::gui
