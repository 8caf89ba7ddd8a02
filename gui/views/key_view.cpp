// The key editor: type, preset, rounds, the hybrid's fixed part, the optimiser's objective
// and custom percentages per apartment. Every change here is light (same frame).
#include <cmath>

#include <imgui.h>

#include "core/report/text_table.hpp"
#include "core/sharing/key_catalogue.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/simulation/key_resolution.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace {

/// Every key type by its one name (sharing::key_types), the DSO's methods first; the others
/// carry the what-if mark so a trainer never presents them as registrable.
std::vector<std::pair<std::string, std::string>> type_options(Language l, const std::optional<sharing::RuleSet>& rules) {
  const bool dutch = l == Language::dutch;
  std::vector<std::pair<std::string, std::string>> offered;
  std::vector<std::pair<std::string, std::string>> what_if;
  for (const sharing::KeyTypeInfo& info : sharing::key_types()) {
    const std::string id(info.id);
    const std::string name = sharing::key_type_name(id, dutch);
    if (!rules || rules->offers(id)) {
      offered.emplace_back(id, name + (rules ? " (" + rules->operator_name + ")" : ""));
    } else {
      what_if.emplace_back(id, name + " (" + (dutch ? "wat-als" : "what-if") + ")");
    }
  }
  offered.insert(offered.end(), what_if.begin(), what_if.end());
  return offered;
}

std::vector<std::pair<std::string, std::string>> preset_options(Language l) {
  return {{"equal", L(l, "gelijke delen", "equal")},
          {"shares", L(l, "volgens aandelen", "by shares")},
          {"consumption", L(l, "volgens jaarverbruik", "by yearly consumption")},
          {"investment", L(l, "volgens inbreng", "by investment")},
          {"custom", L(l, "eigen percentages", "custom percentages")}};
}

void custom_percentages(ViewContext& c, std::vector<double>& percentages, const std::string& field) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (percentages.size() != s.apartments.size()) {
    // Start from equal parts so the list is valid at once.
    push_undo(c.state);
    percentages.assign(s.apartments.size(), s.apartments.empty() ? 0.0 : 100.0 / static_cast<double>(s.apartments.size()));
    mark_changed(c.state, ChangeKind::light);
  }
  double total = 0.0;
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    edit_slider(c.state, s.apartments[i].id.c_str(), percentages[i], 0.0, 100.0, ChangeKind::light, field, "%.1f %%");
    total += percentages[i];
    ImGui::PopID();
  }
  const bool ok = total <= 100.0 + 1e-6;
  ImGui::PushStyleColor(ImGuiCol_Text, ok ? IM_COL32(30, 110, 50, 255) : IM_COL32(190, 20, 20, 255));
  ImGui::Text("%s %s %%", L(l, "Som:", "Sum:"), report::format_number(total, 1, l == Language::dutch).c_str());
  ImGui::PopStyleColor();
  field_message(c.state, field);
}

}  // namespace

void key_view(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  scenario::KeySettings& key = s.key;
  const Language l = c.language;
  const auto rules = sharing::rule_set_by_name(s.rules.set);
  const int max_rounds = s.rules.max_rounds.value_or(10);

  ImGui::TextWrapped("%s: %s", L(l, "Sleutel", "Key"), simulation::describe_key(key, l == Language::dutch).c_str());
  ImGui::Spacing();
  edit_choice(c.state, L(l, "Soort", "Type"), key.type, type_options(l, rules),
              ChangeKind::light, "key.type");
  if (key.type == "priority") {
    ImGui::TextWrapped("%s", L(l, "Voorrangsgroepen worden in het scenariobestand ([[key.groups]]) ingesteld.",
                               "Priority groups are set in the scenario file ([[key.groups]])."));
    for (const auto& group : key.groups) {
      std::string members;
      for (const auto& id : group.apartments) members += (members.empty() ? "" : ", ") + id;
      ImGui::BulletText("%s: %s", group.type.c_str(), members.c_str());
    }
  }
  const sharing::KeyTypeInfo* info = sharing::key_type_info(key.type);
  if (info != nullptr) ImGui::TextWrapped("%s", std::string(l == Language::dutch ? info->summary_nl : info->summary_en).c_str());
  if (rules && !rules->offers(key.type)) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 90, 0, 255));
    ImGui::TextWrapped("%s %s.", L(l, "Wat-als: deze sleutel wordt niet aangeboden door", "What-if: this key is not offered by"),
                       rules->operator_name.c_str());
    ImGui::PopStyleColor();
  }
  if (info != nullptr && info->uses_percentages) {
    edit_choice(c.state, L(l, "Verdeling", "Split"), key.preset, preset_options(l), ChangeKind::light, "key.preset");
    if (key.preset == "custom") custom_percentages(c, key.percentages, "key.percentages");
  }
  if (key.type == "cascade" || key.type == "hybrid") {
    if (key.type == "cascade" && key.rounds < 2) key.rounds = 2;
    if (max_rounds > 1) {
      int rounds = key.rounds;
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
      if (ImGui::SliderInt(L(l, "Rondes (cascade)", "Rounds (cascade)"), &rounds, key.type == "cascade" ? 2 : 1, max_rounds) &&
          rounds != key.rounds) {
        discrete_edit(c.state, ChangeKind::light);
        key.rounds = rounds;
      }
      help_marker(L(l, "In ronde 2 en later wordt wat over is opnieuw verdeeld over wie nog afname heeft.",
                    "In rounds 2 and later, what is left is offered again to those who still take from the grid."));
      field_message(c.state, "key.rounds");
    }
  }
  if (key.type == "hybrid") {
    edit_slider(c.state, L(l, "Vast deel", "Fixed part"), key.fixed_fraction, 0.0, 1.0, ChangeKind::light,
                "key.fixed_fraction", "%.2f");
  }
  if (key.type == "optimised") {
    edit_choice(c.state, L(l, "Doel", "Objective"), key.objective,
                {{"volume", L(l, "zoveel mogelijk delen", "share as much as possible")},
                 {"fairness", L(l, "eerlijk (gelijke zelfvoorziening)", "fair (equal self-sufficiency)")}},
                ChangeKind::light, "key.objective");
  }
  if (!key.periods.empty()) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", L(l, "Deze sleutel heeft periodes (maanden met een eigen sleutel); die staan in het bestand.",
                               "This key has periods (months with their own key); they are kept from the file."));
  }
  if (c.cache.light_error()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
    ImGui::TextWrapped("%s", c.cache.light_error()->message.in(c.language).c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace deelstroom::gui
