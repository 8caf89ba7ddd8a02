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
  // One size for every card: the labels share one scale, the figures another, each the
  // largest that lets the widest of them fit. Labels go no smaller than 60 % and then break
  // into two lines (every card gets the second line, so all stay one size).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float inner = width - 2.0f * (style.WindowPadding.x + style.ChildBorderSize) - 1.0f;
  float label_scale = 1.0f, value_scale = 1.0f;
  for (const ShownNumber& card : cards) {
    const float label_width = ImGui::CalcTextSize((c.language == Language::dutch ? card.label_nl : card.label_en).c_str()).x;
    if (c.view.card_font) ImGui::PushFont(c.view.card_font);
    const float value_width = ImGui::CalcTextSize(format_shown(card, c.language).c_str()).x;
    if (c.view.card_font) ImGui::PopFont();
    // 3 % to spare: scaled glyphs are placed on whole pixels, so the width does not scale exactly.
    if (label_width > inner) label_scale = std::min(label_scale, 0.97f * inner / label_width);
    if (value_width > inner) value_scale = std::min(value_scale, 0.97f * inner / value_width);
  }
  const bool two_line_labels = label_scale < 0.6f;
  label_scale = std::max(label_scale, 0.6f);
  value_scale = std::max(value_scale, 0.5f);
  const float label_lines = two_line_labels ? 2.0f : 1.0f;
  const float height = font * (0.4f + label_lines * label_scale * 1.1f) +
                       (c.view.card_font ? c.view.card_font->FontSize : font * 1.6f) + font * 0.8f;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(245, 247, 250, 255));
    ImGui::BeginChild("card", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    auto scaled = [&c](const std::string& text, float scale, bool wrap) {
      ImGui::SetWindowFontScale(scale);
      fitted_text(c.state, text, wrap);
      ImGui::SetWindowFontScale(1.0f);
    };
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 100, 255));
    scaled(c.language == Language::dutch ? cards[i].label_nl : cards[i].label_en, label_scale, two_line_labels);
    ImGui::PopStyleColor();
    if (c.view.card_font) ImGui::PushFont(c.view.card_font);
    scaled(format_shown(cards[i], c.language), value_scale, false);
    if (c.view.card_font) ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

}  // namespace deelstroom::gui
