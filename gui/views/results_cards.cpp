// The indicator cards above the charts: the building's headline figures in large type.
#include <algorithm>

#include <imgui.h>

#include "gui/model/shown_numbers.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void results_cards(ViewContext& c) {
  if (!c.cache.has_results()) {
    if (c.cache.building_busy()) {
      ImGui::TextUnformatted(L(c.language, "Nog geen resultaten: het gebouw wordt doorgerekend…",
                               "No results yet: the building is being computed…"));
    } else {
      ImGui::TextUnformatted(L(c.language, "Geen resultaten: verbeter eerst de invoer hierboven.",
                               "No results: first correct the input above."));
    }
    return;
  }
  const std::vector<ShownNumber> cards = indicator_cards(c.cache.results());
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(cards.size() - 1)) /
                      static_cast<float>(cards.size());
  const float font = ImGui::GetFontSize();
  const float height = font * 1.4f + (c.view.card_font ? c.view.card_font->FontSize : font * 1.6f) + font * 0.8f;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(245, 247, 250, 255));
    ImGui::BeginChild("card", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    const float inner = ImGui::GetContentRegionAvail().x;
    // Texts wider than the card are drawn smaller rather than cut (long English labels,
    // presentation mode on a narrow window).
    auto fitted = [inner](const std::string& text) {
      const float width = ImGui::CalcTextSize(text.c_str()).x;
      ImGui::SetWindowFontScale(width > inner ? std::max(inner / width, 0.5f) : 1.0f);
      ImGui::TextUnformatted(text.c_str());
      ImGui::SetWindowFontScale(1.0f);
    };
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 100, 255));
    fitted(c.language == Language::dutch ? cards[i].label_nl : cards[i].label_en);
    ImGui::PopStyleColor();
    if (c.view.card_font) ImGui::PushFont(c.view.card_font);
    fitted(format_shown(cards[i], c.language));
    if (c.view.card_font) ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

}  // namespace deelstroom::gui
