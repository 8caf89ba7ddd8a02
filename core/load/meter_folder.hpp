#pragma once
// Meter data for a whole building at once: a folder (or a list) of meter exports, each
// matched to its apartment, first by EAN (the apartment's `ean` against the meter the file
// names, as Mijn Fluvius exports do), then by file name (the apartment's id as a word of the
// file name: "A1.csv", "verbruik_2.1_2025.csv"; "2.1" does not match "2.10").
// A file that fits two apartments, or two files that fit one, is an error naming both:
// nothing is guessed.
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/text.hpp"
#include "core/load/profile_context.hpp"
#include "core/load/series_file.hpp"

namespace deelstroom::load {

/// What the import needs to know of an apartment.
struct MeterTarget {
  std::string id;
  std::string ean;  ///< digits; empty when unknown
};

struct MeterMatch {
  std::size_t apartment = 0;     ///< index into the targets
  std::filesystem::path file;
  std::string matched_by;        ///< "ean" or "file name"
  QualityReport quality;         ///< yearly kWh, gaps, estimated values, the meter's EAN
};

struct MeterFolderImport {
  std::vector<MeterMatch> matches;                   ///< in the targets' order
  std::vector<std::filesystem::path> unmatched_files;
  std::vector<std::string> apartments_without_file;  ///< ids of targets no file matched
};

/// True when `id` appears in the file name's stem as a word of its own (letters, digits and
/// '.' of the id not continued by another letter or digit), compared without case.
bool file_name_names(const std::filesystem::path& file, const std::string& id);

/// The CSV files of `folder` (sorted by name), or `paths` as given when they are files.
/// Throws InputError when a path does not exist.
std::vector<std::filesystem::path> meter_files(const std::vector<std::filesystem::path>& paths);

/// Reads every file (each must be a meter export the readers know) and matches it. Throws
/// InputError for an unreadable file, a file that fits two apartments, or an apartment that
/// two files fit.
MeterFolderImport import_meter_files(const std::vector<std::filesystem::path>& files, const std::vector<MeterTarget>& targets,
                                     const ProfileContext& context);

}  // namespace deelstroom::load
