#pragma once
// One entry point from "where does this connection's consumption come from" to its quarter-hour
// series (profiles.md: an apartment is an archetype with kWh, options and seed, or a measured
// file; a building may mix them; the common parts likewise).
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include <Eigen/Core>

#include "core/load/common_parts.hpp"
#include "core/load/generator.hpp"
#include "core/load/series_file.hpp"

namespace deelstroom::load {

/// A measured series: Mijn Fluvius export, Fluvius open data or generic CSV.
struct MeasuredSpec {
  std::filesystem::path file;
  ReadOptions read;
  double annual_kwh = 0.0;  ///< > 0: rescale the measured offtake to this yearly total; 0: as measured
};

using LoadSource = std::variant<HouseholdSpec, CommonPartsSpec, MeasuredSpec>;

struct LoadProfile {
  Eigen::ArrayXd kwh;                           ///< offtake per interval of the grid
  std::optional<Eigen::ArrayXd> injection_kwh;  ///< measured injection, when the file has it
  std::optional<QualityReport> quality;         ///< measured sources only
  std::string description;                      ///< e.g. "couple_retired (seed 42)", "A1.csv (fluvius_export)"
};

/// The series of a source on the context's grid. InputError for unknown archetypes (listing
/// the valid names), bad options and unreadable files.
LoadProfile make_load_profile(const LoadSource& source, const PreparedContext& context);
LoadProfile make_load_profile(const LoadSource& source, const ProfileContext& context);

}  // namespace deelstroom::load
