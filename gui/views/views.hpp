#pragma once
// One function per view. Editors change the scenario through the widgets (gui/widgets.hpp);
// result views draw what the results cache holds and compute nothing themselves.
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/common/language.hpp"
#include "core/common/text.hpp"
#include "gui/model/app_state.hpp"
#include "gui/model/results_cache.hpp"

namespace deelstroom::gui {

/// Which view a headless run or a menu selects ("building", "day", ...).
enum class EditorTab { building, apartments, key, tariffs };
enum class ResultTab { day, monthly, apartments_chart, cashflow, compare };

/// Display state of the views (not part of the scenario, not saved).
struct ViewState {
  int day_of_year = 172;          ///< 1-based day shown by the day chart (172 = 21 June)
  int apartments_metric = 0;      ///< 0 kWh shared, 1 € per year, 2 payback years
  int compare_metric = 0;         ///< 0 kWh shared, 1 € per year (occupant saving)
  bool cash_flow_owner_only = false;
  /// Tabs to select on the next frame (from --view or a training case); cleared when applied.
  std::optional<EditorTab> select_editor;
  std::optional<ResultTab> select_result;
  ResultTab current_result = ResultTab::day;
  std::string meter_import_path;  ///< the path typed in the apartments' import field
  int meter_import_apartment = 0;
  std::string meter_folder_path;  ///< the folder typed in the whole-building import field
  Text meter_folder_status;       ///< what the last folder import matched (or its error)
  ImFont* card_font = nullptr;    ///< large digits for the indicator cards (nullptr: default)
};

struct ViewContext {
  AppState& state;
  ResultsCache& cache;
  ViewState& view;
  Language language;
};

// Editors (left pane)
void building_view(ViewContext& context);
void apartments_view(ViewContext& context);
void key_view(ViewContext& context);
void tariffs_view(ViewContext& context);
// Results (right pane)
void results_cards(ViewContext& context);
void day_chart(ViewContext& context);
void monthly_chart(ViewContext& context);
void apartments_chart(ViewContext& context);
void cashflow_chart(ViewContext& context);
void key_comparison_view(ViewContext& context);

/// Parses a --view name; false when unknown.
bool select_view_by_name(ViewState& view, const std::string& name);
/// All view names accepted by --view.
std::vector<std::string> view_names();

}  // namespace deelstroom::gui
