#pragma once
// The numbers the GUI shows, taken from the results structs in one place: the indicator
// cards, the apartments' result table and the charts' totals read them from here, and the
// self-check compares the very same list with the CLI's JSON (each number carries the JSON
// path of the same quantity in `deelstroom run --json`).
#include <optional>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "gui/model/results_cache.hpp"

namespace deelstroom::gui {

enum class Unit { kwh, fraction, years, eur, eur_per_year };

struct ShownNumber {
  std::string json_path;          ///< e.g. "apartments[2].shared_kwh"
  std::string label_nl, label_en;
  Unit unit = Unit::kwh;
  std::optional<double> value;    ///< nullopt: not defined (e.g. no payback within the horizon)
  int horizon_years = 0;          ///< for undefined paybacks: "> 25 jaar"
};

/// The indicator cards: production, self-consumption rate, sharing rate, the apartments'
/// self-sufficiency, the association's simple payback (when the money could be computed).
std::vector<ShownNumber> indicator_cards(const Results& results);

/// One row of the apartments' results table.
struct ApartmentRow {
  std::string id;
  bool participates = true;
  ShownNumber offtake_kwh, shared_kwh, self_sufficiency;
  ShownNumber saving_eur_per_year, payback_years, npv_eur;  ///< value empty without money
};
std::vector<ApartmentRow> apartment_rows(const Results& results);

/// Everything above plus the monthly and cash-flow figures the charts draw, flattened.
std::vector<ShownNumber> shown_numbers(const Results& results);

/// The number as the GUI prints it ("12.345 kWh", "37,5 %", "8,2 jaar", "€ 1.234"); "—"
/// when undefined.
std::string format_shown(const ShownNumber& number, Language language);

}  // namespace deelstroom::gui
