#include "gui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the table's column rectangles, to check that headers fit
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "gui/model/decimal_text.hpp"

namespace deelstroom::gui {

namespace {
// One undo step per gesture: the snapshot is taken when a widget becomes active (before its
// value changes), dropped if the gesture changed nothing.
template <typename T>
bool track(AppState& state, bool changed, T& target, const T& edited, ChangeKind kind, const std::string& field) {
  if (ImGui::IsItemActivated()) {
    push_undo(state);
    state.gesture_open = true;
    state.gesture_changed = false;
  }
  if (changed) {
    if (!state.gesture_open) push_undo(state);
    target = edited;
    state.gesture_changed = true;
    mark_changed(state, kind);
  }
  if (ImGui::IsItemDeactivated()) {
    if (state.gesture_open && !state.gesture_changed) drop_last_undo(state);
    state.gesture_open = false;
  }
  field_message(state, field);
  return changed;
}

// Fields with an error get a red frame so the eye finds them.
struct ErrorFrame {
  bool active;
  ErrorFrame(const AppState& state, const std::string& field) : active(field_error(state, field) != nullptr) {
    if (active) {
      ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 215, 215, 255));
      ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(200, 30, 30, 255));
      ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
  }
  ~ErrorFrame() {
    if (active) {
      ImGui::PopStyleVar();
      ImGui::PopStyleColor(2);
    }
  }
};
}  // namespace

namespace {

/// Characters a number field takes: digits, both decimal marks, a sign.
int number_characters(ImGuiInputTextCallbackData* data) {
  const ImWchar c = data->EventChar;
  return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == '+' ? 0 : 1;
}

/// A number as text in the language's style (Dutch: decimal comma). While the field has focus
/// ImGui keeps the typed text; each edit that parses updates `value`.
bool decimal_field(const char* label, double& value, const char* format, Language language, bool read_only = false) {
  std::string shown = format_decimal(value, format_decimals(format), language);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s", shown.c_str());
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_AutoSelectAll;
  if (read_only) flags |= ImGuiInputTextFlags_ReadOnly;
  if (!ImGui::InputText(label, buffer, sizeof buffer, flags, number_characters)) return false;
  const std::optional<double> typed = parse_decimal(buffer, language);
  if (!typed || *typed == value) return false;
  value = *typed;
  return true;
}

/// decimal_field with "-" and "+" buttons of `step` (as ImGui::InputDouble draws them).
bool decimal_field_with_steps(const char* label, double& value, double step, const char* format, Language language) {
  if (step <= 0.0) return decimal_field(label, value, format, language);
  const float button = ImGui::GetFrameHeight();
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(std::max(1.0f, ImGui::CalcItemWidth() - 2.0f * (button + spacing)));
  bool changed = decimal_field("##value", value, format, language);
  ImGui::SameLine(0.0f, spacing);
  if (ImGui::Button("-", ImVec2(button, button))) value -= step, changed = true;
  ImGui::SameLine(0.0f, spacing);
  if (ImGui::Button("+", ImVec2(button, button))) value += step, changed = true;
  const std::string_view visible = std::string_view(label).substr(0, std::string_view(label).find("##"));
  if (!visible.empty()) {
    ImGui::SameLine(0.0f, spacing);
    ImGui::TextUnformatted(visible.data(), visible.data() + visible.size());
  }
  ImGui::PopID();
  return changed;
}

}  // namespace

bool edit_number(AppState& state, const char* label, double& value, ChangeKind kind, const std::string& field,
                 double step, const char* format) {
  double edited = value;
  bool changed = false;
  {
    ErrorFrame frame(state, field);
    changed = decimal_field_with_steps(label, edited, step, format, state.language);
  }
  return track(state, changed, value, edited, kind, field);
}

bool edit_slider(AppState& state, const char* label, double& value, double min, double max, ChangeKind kind,
                 const std::string& field, const char* format) {
  double edited = value;
  bool changed = false;
  {
    ErrorFrame frame(state, field);
    // The shown text in the language's style (ImGui itself prints with a point); the value is
    // rounded to the format's decimals as ImGui would do with a printf format.
    const std::string shown = display_format(edited, format, state.language);
    changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &edited, &min, &max, shown.c_str());
    if (changed) {
      const double scale = std::pow(10.0, format_decimals(format));
      edited = std::round(edited * scale) / scale;
    }
  }
  return track(state, changed, value, edited, kind, field);
}

bool edit_int(AppState& state, const char* label, int& value, ChangeKind kind, const std::string& field) {
  int edited = value;
  bool changed = false;
  {
    ErrorFrame frame(state, field);
    changed = ImGui::InputInt(label, &edited);
  }
  return track(state, changed, value, edited, kind, field);
}

bool edit_text(AppState& state, const char* label, std::string& value, ChangeKind kind, const std::string& field) {
  std::string edited = value;
  bool changed = false;
  {
    ErrorFrame frame(state, field);
    changed = ImGui::InputText(label, &edited);
  }
  return track(state, changed, value, edited, kind, field);
}

bool edit_bool(AppState& state, const char* label, bool& value, ChangeKind kind, const std::string& field) {
  bool edited = value;
  const bool changed = ImGui::Checkbox(label, &edited);
  return track(state, changed, value, edited, kind, field);
}

void check_fit(AppState& state, const std::string& text, float width_px, float available_px) {
  if (width_px <= available_px + 0.5f) return;
  char line[96];
  std::snprintf(line, sizeof line, " (needs %.0f px, has %.0f px)", width_px, available_px);
  state.clipped_texts.push_back(text + line);
}

void fitted_text(AppState& state, const std::string& text, bool wrap) {
  const float available = ImGui::GetContentRegionAvail().x;
  if (!wrap) {
    check_fit(state, text, ImGui::CalcTextSize(text.c_str()).x, available);
    ImGui::TextUnformatted(text.c_str());
    return;
  }
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string word = text.substr(start, end - start);
    check_fit(state, word, ImGui::CalcTextSize(word.c_str()).x, available);
    start = end + 1;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void headers_row(AppState& state) {
  // As ImGui::TableHeadersRow does it, with the width of each header checked in its cell.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
    if (!ImGui::TableSetColumnIndex(column)) continue;
    const char* name = ImGui::TableGetColumnName(column);
    const std::string visible(std::string_view(name).substr(0, std::string_view(name).find("##")));
    // The room TableHeader gives the label: the cell from the cursor to the column's right edge.
    const ImGuiTableColumn& cell = ImGui::GetCurrentTable()->Columns[column];
    check_fit(state, visible, ImGui::CalcTextSize(visible.c_str()).x, cell.MaxX - ImGui::GetCursorScreenPos().x);
    ImGui::PushID(column);
    ImGui::TableHeader(name);
    ImGui::PopID();
  }
}

bool edit_choice(AppState& state, const char* label, std::string& value,
                 const std::vector<std::pair<std::string, std::string>>& options, ChangeKind kind,
                 const std::string& field) {
  std::string shown = value;
  for (const auto& [name, text] : options) {
    if (name == value) shown = text;
  }
  bool changed = false;
  ErrorFrame frame(state, field);
  // Combos inside tables (label "##...") drop the arrow to leave room for the text.
  const ImGuiComboFlags flags = label[0] == '#' && label[1] == '#' ? ImGuiComboFlags_NoArrowButton : 0;
  const float arrow = (flags & ImGuiComboFlags_NoArrowButton) != 0 ? 0.0f : ImGui::GetFrameHeight();
  const float padding = 2.0f * ImGui::GetStyle().FramePadding.x;
  const float needed = ImGui::CalcTextSize(shown.c_str()).x;
  std::string id = label;
  const std::string_view visible = std::string_view(label).substr(0, std::string_view(label).find("##"));
  if (needed > ImGui::CalcItemWidth() - arrow - padding && !visible.empty()) {
    // A long choice (a key's full name in presentation mode): the label goes above and the
    // combo takes the whole width, rather than cutting the name.
    ImGui::TextUnformatted(visible.data(), visible.data() + visible.size());
    ImGui::SetNextItemWidth(-FLT_MIN);
    id = "##" + id;
    check_fit(state, shown, needed, ImGui::GetContentRegionAvail().x - arrow - padding);
  } else {
    check_fit(state, shown, needed, ImGui::CalcItemWidth() - arrow - padding);
  }
  if (ImGui::BeginCombo(id.c_str(), shown.c_str(), flags)) {
    for (const auto& [name, text] : options) {
      if (ImGui::Selectable(text.c_str(), name == value) && name != value) {
        push_undo(state);
        value = name;
        mark_changed(state, kind);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  field_message(state, field);
  return changed;
}

bool edit_optional(AppState& state, const char* label, std::optional<double>& value, double fallback, ChangeKind kind,
                   const std::string& field, const char* format) {
  bool set = value.has_value();
  ImGui::PushID(label);
  bool changed = false;
  if (ImGui::Checkbox("##set", &set)) {
    push_undo(state);
    value = set ? std::optional<double>(fallback) : std::nullopt;
    mark_changed(state, kind);
    changed = true;
  }
  ImGui::PopID();
  ImGui::SameLine();
  if (value) {
    double v = *value;
    if (edit_number(state, label, v, kind, field, 0.0, format)) {
      value = v;
      changed = true;
    }
  } else {
    ImGui::BeginDisabled();
    double v = fallback;
    decimal_field(label, v, format, state.language, true);
    ImGui::EndDisabled();
    field_message(state, field);
  }
  return changed;
}

void field_message(const AppState& state, const std::string& field) {
  if (const Text* message = field_error(state, field)) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
    ImGui::TextWrapped("%s", message->in(state.language).c_str());
    ImGui::PopStyleColor();
  }
}

void discrete_edit(AppState& state, ChangeKind kind) {
  push_undo(state);
  mark_changed(state, kind);
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace deelstroom::gui
