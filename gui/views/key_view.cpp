// The key editor: type, preset, rounds, the hybrid's fixed part, the optimiser's objective
// and custom percentages per apartment. Every change here is light (same frame).
#include <cmath>

#include <imgui.h>

#include "core/report/text_table.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/simulation/key_resolution.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace {

std::vector<std::pair<std::string, std::string>> type_options(Language l, const std::vector<std::string>& allowed) {
  const std::vector<std::pair<std::string, std::string>> all = {
      {"static", L(l, "statisch (vaste percentages)", "static (fixed percentages)")},
      {"proportional", L(l, "proportioneel (naar verbruik per kwartier)", "proportional (to each quarter-hour's use)")},
      {"hybrid", L(l, "hybride (deels vast, deels proportioneel)", "hybrid (part fixed, part proportional)")},
      {"priority", L(l, "voorrangsgroepen", "priority groups")},
      {"optimised", L(l, "geoptimaliseerd", "optimised")}};
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& option : all) {
    if (allowed.empty() || std::find(allowed.begin(), allowed.end(), option.first) != allowed.end()) {
      options.push_back(option);
    }
  }
  return options;
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
  const int max_rounds = s.rules.max_rounds.value_or(rules ? rules->max_rounds : 1);

  ImGui::TextWrapped("%s: %s", L(l, "Sleutel", "Key"), simulation::describe_key(key, l == Language::dutch).c_str());
  ImGui::Spacing();
  edit_choice(c.state, L(l, "Soort", "Type"), key.type, type_options(l, rules ? rules->allowed_key_types : std::vector<std::string>{}),
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
  if (key.type == "static" || key.type == "hybrid") {
    edit_choice(c.state, L(l, "Verdeling", "Split"), key.preset, preset_options(l), ChangeKind::light, "key.preset");
    if (key.preset == "custom") custom_percentages(c, key.percentages, "key.percentages");
    if (max_rounds > 1) {
      int rounds = key.rounds;
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
      if (ImGui::SliderInt(L(l, "Rondes (cascade)", "Rounds (cascade)"), &rounds, 1, max_rounds) && rounds != key.rounds) {
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
    ImGui::TextWrapped("%s", c.cache.light_error()->message.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace deelstroom::gui
