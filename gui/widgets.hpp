#pragma once
// Editing widgets bound to the scenario: each edit gesture makes one undo step, marks the
// scenario dirty with the kind of recompute it needs, and shows the field's error message
// (from the scenario reader's rules) right under the field.
#include <string>
#include <utility>
#include <vector>

#include "core/common/language.hpp"
#include "gui/model/app_state.hpp"

namespace deelstroom::gui {

/// The text for the current language as a C string for ImGui (tr() returns views of the
/// literals, which are null-terminated).
inline const char* L(Language language, const char* dutch, const char* english) {
  return tr(language, dutch, english).data();
}

/// Number field (InputDouble with step buttons). `field` is the scenario field path used for
/// error messages ("pv.arrays[0].kwp").
bool edit_number(AppState& state, const char* label, double& value, ChangeKind kind, const std::string& field,
                 double step = 0.0, const char* format = "%.2f");
/// Slider for a number in [min, max].
bool edit_slider(AppState& state, const char* label, double& value, double min, double max, ChangeKind kind,
                 const std::string& field, const char* format = "%.1f");
bool edit_int(AppState& state, const char* label, int& value, ChangeKind kind, const std::string& field);
bool edit_text(AppState& state, const char* label, std::string& value, ChangeKind kind, const std::string& field);
bool edit_bool(AppState& state, const char* label, bool& value, ChangeKind kind, const std::string& field);
/// A combo over (value, label) pairs.
bool edit_choice(AppState& state, const char* label, std::string& value,
                 const std::vector<std::pair<std::string, std::string>>& options, ChangeKind kind,
                 const std::string& field);
/// An optional number: a checkbox "set" and the value (unset = the default).
bool edit_optional(AppState& state, const char* label, std::optional<double>& value, double fallback, ChangeKind kind,
                   const std::string& field, const char* format = "%.1f");

/// The field's error in red under the last widget (nothing when fine).
void field_message(const AppState& state, const std::string& field);

/// Records a discrete edit made by a button (add/remove apartment, ...): undo step + change.
void discrete_edit(AppState& state, ChangeKind kind);

/// Notes `text` in state.clipped_texts when it is wider than `available_px`.
void check_fit(AppState& state, const std::string& text, float width_px, float available_px);
/// Text in a table cell (or any line), noted when it does not fit the room left. With `wrap`
/// it breaks into lines at the cell's edge, and only a word wider than the cell is noted.
void fitted_text(AppState& state, const std::string& text, bool wrap = false);
/// ImGui::TableHeadersRow, noting each header that does not fit its column.
void headers_row(AppState& state);

/// "(?)" with a tooltip.
void help_marker(const char* text);

}  // namespace deelstroom::gui
