#pragma once
// The adviser's report (issue #7): one self-contained HTML document per building (inline CSS
// and SVG, an A4 print style) and an Excel workbook with the same figures. Everything shown
// is what core computed for the scenario; the report only lays it out.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/language.hpp"
#include "core/economics/decisions.hpp"
#include "core/economics/evaluate.hpp"
#include "core/scenario/scenario.hpp"
#include "core/simulation/battery_effect.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::report {

/// One line of the sensitivity table: the association's result when one assumption moves.
struct SensitivityCase {
  std::string label;
  double association_npv_eur = 0.0;
  std::optional<double> association_payback_years;
  double apartments_npv_eur = 0.0;  ///< sum over apartments of occupant + owner NPV
};

/// Who hands the report over, and when (the cover block). Empty fields are left out.
struct ReportCover {
  std::string adviser;
  std::string organisation;
  std::string date;  ///< as the adviser wants it printed (the CLI gives today's, YYYY-MM-DD)
};

/// Everything the report shows, computed by core.
struct AdviserReport {
  const scenario::Scenario& scenario;
  const simulation::PreparedBuilding& building;
  const simulation::KeyRun& run;                       ///< the scenario's own key
  const economics::EconomicsResult& economics;         ///< of that key
  const std::vector<simulation::ComparedKey>& keys;    ///< all keys, with economics
  const economics::FairPriceResult& fair_price;
  std::vector<SensitivityCase> sensitivity;
  std::string fingerprint;                             ///< scenario_fingerprint
  ReportCover cover;
  std::optional<simulation::BatteryEffect> battery;    ///< with a [battery]: with and without it
};

/// FNV-1a, 64 bits, of `bytes` (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3; test vectors in draft-eastlake-fnv, appendix C). Not cryptographic: it
/// identifies a scenario's text, it does not protect it.
std::uint64_t fnv1a_64(std::string_view bytes);

/// FNV-1a 64 of the scenario as format_scenario writes it (16 hex digits): the same inputs give
/// the same fingerprint, so a number in a report can be traced to its scenario.
std::string scenario_fingerprint(const scenario::Scenario& scenario);

/// How far the sensitivity table moves its assumptions: the supplier's energy price escalation
/// by ± 2 percentage points a year, the PV production by ± 10 % (economics.md §5: "payback
/// under low/high price escalation and production").
inline constexpr double kEscalationStep = 0.02;
inline constexpr double kProductionStep = 0.10;

/// The association's NPV and payback, and the apartments' NPV together, as in the scenario,
/// with the energy price escalating kEscalationStep lower and higher than the scenario's rate,
/// and with production kProductionStep lower and higher (in that order, five cases).
std::vector<SensitivityCase> sensitivity_cases(const scenario::Scenario& scenario,
                                               const simulation::PreparedBuilding& building,
                                               const simulation::KeyRun& run, Language language);

/// The HTML document (UTF-8). Per-apartment figures also carry their exact values in
/// data-value attributes, so tools (and the tests) can compare them with the JSON output.
void write_html_report(std::ostream& out, const AdviserReport& report, Language language);

/// The workbook: sheets Samenvatting/Summary, Appartementen/Apartments, Maanden/Monthly,
/// Kasstromen/Cash flows, Kwartieren/Quarter-hours and Sleutels/Keys (every key with each
/// apartment's NPV and occupant saving), with number formats and units in the headers. Written to a temporary file next to `path` and renamed when complete; throws
/// InputError naming the path when it cannot be written.
void write_xlsx_report(const std::filesystem::path& path, const AdviserReport& report, Language language);

/// What the CLI's `report` command and the GUI's export do: computes what the report needs
/// beyond the run (every key with its economics, the fair internal price, the sensitivity,
/// the fingerprint) and writes the HTML (when `html` is not empty, atomically) and the
/// workbook (when `xlsx` is not empty). The run should keep its quarter-hour series for the
/// workbook's quarter-hour sheet (left empty otherwise).
void write_adviser_report(const scenario::Scenario& scenario, const simulation::PreparedBuilding& building,
                          const simulation::KeyRun& run, const economics::EconomicsResult& economics,
                          const std::filesystem::path& html, const std::filesystem::path& xlsx, Language language,
                          const ReportCover& cover = {});

}  // namespace deelstroom::report
