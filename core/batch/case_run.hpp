#pragma once
// One batch case from its number to its output rows: build the scenario, prepare the
// building (sharing the caches of every thread), settle its own key (and the keys to
// compare), evaluate the association's and the apartments' economics for its own key only,
// and format the rows of cases.csv, apartments.csv and keys.csv. A failing case becomes a
// failures.csv row with its manifest row and the reason.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/batch/study.hpp"
#include "core/batch/summary.hpp"
#include "core/common/language.hpp"
#include "core/report/csv_writer.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::batch {

/// A key to compare in every case: "type", "type:preset" or "type:preset:rounds"
/// (e.g. "static:shares:3", "proportional", "hybrid:equal"). The case's own key is always
/// compared first as "scenario".
struct ComparedKeySpec {
  std::string label;  ///< as written
  scenario::KeySettings key;
};

/// Parses a comma-separated --keys list. Throws InputError (field "--keys") for an unknown
/// type or preset.
std::vector<ComparedKeySpec> parse_key_specs(std::string_view list);

/// How cases are run and written (everything that changes the output files).
struct CaseOptions {
  report::CsvStyle csv_style = report::CsvStyle::tidy();
  std::vector<ComparedKeySpec> compared_keys;  ///< empty: no keys.csv rows beyond the own key
  Language language = Language::dutch;          ///< of the reasons in failures.csv
};

/// The formatted result of one case, ready to append to the output files.
struct CaseOutcome {
  std::size_t index = 0;
  bool ok = false;
  std::string cases_rows;       ///< cases.csv (one row when ok)
  std::string apartment_rows;   ///< apartments.csv (one row per apartment when ok)
  std::string key_rows;         ///< keys.csv (one row per compared key when ok)
  std::string failure_rows;     ///< failures.csv (one row when failed)
  std::string error;            ///< the reason, when failed
  CaseIndicators indicators;
};

/// The output tables' headers for this study and options (each ends with a line break).
struct TableHeaders {
  std::string cases, apartments, keys, failures;
};
TableHeaders table_headers(const Study& study, const CaseOptions& options);

/// Runs case `index` of the study. Never throws for a bad case: the outcome carries the error.
CaseOutcome run_case(const Study& study, std::size_t index, const CaseOptions& options,
                     simulation::SimulationCaches& caches);

/// Serialises an outcome into one byte string and back (to send it between MPI ranks).
std::string serialise_outcome(const CaseOutcome& outcome);
CaseOutcome deserialise_outcome(std::string_view bytes);

}  // namespace deelstroom::batch
