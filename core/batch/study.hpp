#pragma once
// A batch study: the cases an analyst asks for. A manifest (CSV, one row per case: columns
// are field paths into a base scenario, plus optional case_id and scenario), sweeps
// (--sweep path=a:b:step or path=v1,v2; Cartesian product) and Monte Carlo draws over the
// profile seed. Cases are numbered 0..N-1 in a fixed order (manifest row slowest, then each
// sweep in the order given, draw fastest) and decoded from their number, so no list of
// cases is ever held in memory and every process (thread, shard, MPI rank) agrees on it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/batch/overrides.hpp"
#include "core/scenario/scenario.hpp"

namespace deelstroom::batch {

/// One row of a manifest.
struct ManifestRow {
  int line = 0;                          ///< 1-based line in the manifest file
  std::string case_id;                   ///< the case_id column, or "" when absent
  std::string scenario_file;             ///< the scenario column as written ("" = the base scenario)
  std::vector<FieldOverride> overrides;  ///< non-empty cells of field-path columns
  std::vector<std::string> cells;        ///< the field-path cells as written (for the output)
};

struct Manifest {
  std::filesystem::path file;
  char separator = ',';
  std::vector<std::string> field_columns;  ///< field-path columns, in file order
  std::vector<ManifestRow> rows;
};

/// Parses a manifest. The separator is ',' or ';' (whichever the header line uses); with ';'
/// a decimal comma in a number ("12,5") is read as a decimal point. Cells may be quoted
/// ("a,b"). Throws InputError with line and column (the CSV column number, 1 = first) for a
/// header that is not a field path, a column named twice, a case_id used twice, a row with
/// the wrong number of cells, or no rows.
Manifest parse_manifest(std::string_view text, const std::filesystem::path& file);
Manifest read_manifest(const std::filesystem::path& file);

/// One --sweep: a field path and its values (as text, in order).
struct Sweep {
  std::string path;
  std::vector<PathStep> steps;
  std::vector<std::string> values;
};

/// Parses "path=a:b:step" (from a to b inclusive, numbers) or "path=v1,v2,...". Throws
/// InputError (field "--sweep") when malformed or when the range is empty or has more than
/// 1,000,000 values.
Sweep parse_sweep(std::string_view spec);

/// The seed of Monte Carlo draw `draw` of a case whose scenario seed is `base_seed`: a
/// splitmix64 hash of both, kept within TOML's positive integers (63 bits).
std::uint64_t draw_seed(std::uint64_t base_seed, int draw);

/// Where a case sits in the study.
struct CaseCoordinates {
  std::size_t row = 0;                     ///< manifest row (0 when there is no manifest)
  std::vector<std::size_t> sweep_values;   ///< index into each sweep's values
  int draw = -1;                           ///< -1: no Monte Carlo
};

/// The definition of a study (what decides the cases; not how they are run).
struct StudyDefinition {
  std::filesystem::path base_scenario;     ///< for rows without their own scenario
  std::optional<Manifest> manifest;
  std::vector<Sweep> sweeps;
  int draws = 0;                           ///< 0: the scenarios' own seeds
};

/// A case's scenario, ready to simulate, and the values that identify it in the output.
struct CaseScenario {
  scenario::Scenario scenario;
  std::uint64_t seed = 0;
};

/// The most cases one study may hold (a batch of more would not finish in a lifetime; the
/// count is also checked for overflow while it is multiplied out).
inline constexpr std::size_t kMaxCases = 1'000'000'000'000ULL;

/// Cases of a study: counting, decoding and building their scenarios. Thread-safe after
/// construction (the base document is read once and copied per case).
class Study {
 public:
  /// Reads the base scenario (and checks it reads as a scenario on its own, so its own
  /// errors come with its own lines before any case runs). Throws InputError for a field
  /// written by two sources (a manifest column also swept, two sweeps of one field) and for
  /// more than kMaxCases cases.
  explicit Study(StudyDefinition definition);

  const StudyDefinition& definition() const { return definition_; }
  std::size_t case_count() const { return case_count_; }
  CaseCoordinates coordinates(std::size_t index) const;

  /// The scenario of case `index`: the base document (or the row's scenario file), the row's
  /// overrides, the sweeps' values, then the draw's seed. An error in an override is an
  /// InputError at the manifest cell (or --sweep) that wrote it; other errors name the
  /// manifest row.
  CaseScenario build(std::size_t index) const;

  /// The manifest line of a case (0 without a manifest) and its case_id ("" when none).
  int manifest_line(const CaseCoordinates& at) const;
  std::string case_id(const CaseCoordinates& at) const;

 private:
  toml::table document_for(const ManifestRow* row, std::filesystem::path& file) const;

  StudyDefinition definition_;
  toml::table base_document_;
  std::size_t case_count_ = 0;
};

}  // namespace deelstroom::batch
