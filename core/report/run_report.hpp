#pragma once
// What `deelstroom run` shows and writes: the per-apartment and building tables, the JSON
// summary (the contract other tools read), and CSV tables.
#include <filesystem>
#include <ostream>
#include <string>

#include "core/common/language.hpp"
#include "core/economics/decisions.hpp"
#include "core/economics/evaluate.hpp"
#include "core/report/csv_writer.hpp"
#include "core/scenario/scenario.hpp"
#include "core/simulation/battery_effect.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::report {

/// Everything one run produced, by reference.
struct RunView {
  const scenario::Scenario& scenario;
  const simulation::PreparedBuilding& building;
  const simulation::KeyRun& run;
  /// The money side (economics.md); nullptr when not evaluated.
  const economics::EconomicsResult* economics = nullptr;
  /// The fair internal price (decision helper); nullptr when not searched.
  const economics::FairPriceResult* fair_price = nullptr;
  /// With a [battery]: what it changes (simulation::battery_effect); nullptr otherwise.
  const simulation::BatteryEffect* battery = nullptr;
};

/// Terminal tables: building, arrays, rounds, apartments.
void print_run_tables(std::ostream& out, const RunView& view, Language language);

/// The JSON summary: building.*, arrays[], apartments[], rounds[], months[] (energies in kWh,
/// rates as fractions).
void write_run_json(std::ostream& out, const RunView& view);

struct CsvExportOptions {
  CsvStyle style = CsvStyle::tidy();
  bool quarter_hours = false;  ///< also the quarter-hour series (large)
};

/// Writes the CSV tables and summary.json into `directory` (created if missing). Every file is
/// written to a temporary name and renamed when complete. Returns the files written.
std::vector<std::filesystem::path> write_run_files(const std::filesystem::path& directory, const RunView& view,
                                                   const CsvExportOptions& options);

/// What an apartment's consumption is, for people: "meting" / "measured" for a meter file, else
/// the household type's display name (never the scenario's snake_case id).
std::string consumption_label(const scenario::ConsumptionSettings& consumption, Language language);

/// Month names for tables.
std::string month_name(int month_1_based, Language language);

}  // namespace deelstroom::report
