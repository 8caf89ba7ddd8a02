// Names of the views for --view (and the tests that render each one).
#include "gui/views/views.hpp"

namespace deelstroom::gui {

namespace {
struct NamedView {
  const char* name;
  std::optional<EditorTab> editor;
  std::optional<ResultTab> result;
};
// Editor views show the day chart beside them; chart views show the apartments editor.
const NamedView kViews[] = {
    {"building", EditorTab::building, ResultTab::day},
    {"apartments", EditorTab::apartments, ResultTab::apartments_chart},
    {"key", EditorTab::key, ResultTab::apartments_chart},
    {"tariffs", EditorTab::tariffs, ResultTab::cashflow},
    {"day", EditorTab::building, ResultTab::day},
    {"monthly", EditorTab::key, ResultTab::monthly},
    {"apartments-chart", EditorTab::apartments, ResultTab::apartments_chart},
    {"cashflow", EditorTab::tariffs, ResultTab::cashflow},
    {"compare", EditorTab::key, ResultTab::compare},
};
}  // namespace

bool select_view_by_name(ViewState& view, const std::string& name) {
  for (const NamedView& v : kViews) {
    if (name == v.name) {
      view.select_editor = v.editor;
      view.select_result = v.result;
      return true;
    }
  }
  return false;
}

std::vector<std::string> view_names() {
  std::vector<std::string> names;
  for (const NamedView& v : kViews) names.emplace_back(v.name);
  return names;
}

}  // namespace deelstroom::gui
