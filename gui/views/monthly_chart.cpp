// Monthly bars: each month's production split into what the common parts used, what the
// apartments shared and what was injected.
#include <imgui.h>

#include "core/report/run_report.hpp"
#include "gui/plot.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

void monthly_chart(ViewContext& c) {
  const Language l = c.language;
  const sharing::SettlementResult& settlement = c.cache.results().run.settlement;
  PlotSeries common{L(l, "Gemeensch. delen", "Common parts"), flow_color::common, {}};
  PlotSeries shared{L(l, "Gedeeld met appartementen", "Shared with apartments"), flow_color::shared, {}};
  PlotSeries injected{L(l, "Injectie", "Injection"), flow_color::injected, {}};
  PlotOptions options;
  options.language = l;
  options.unit = "kWh";
  for (int m = 0; m < 12; ++m) {
    const sharing::FlowTotals& f = settlement.months[static_cast<std::size_t>(m)];
    common.values.push_back(f.common_self_consumption_kwh);
    shared.values.push_back(f.shared_kwh);
    injected.values.push_back(f.injected_kwh);
    options.x_labels.push_back(report::month_name(m + 1, l));
  }
  stacked_bars("monthly", {common, shared, injected}, options);
}

}  // namespace deelstroom::gui
