#pragma once
// The tariffs a calculation uses, line by line with their source (docs/tariffs.md): for
// `deelstroom tariffs` and the adviser report's assumptions. A value a scenario overrides is
// marked as the scenario's, not the file's.
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/economics/settings.hpp"
#include "core/tariffs/tariff_file.hpp"

namespace deelstroom::report {

using tariffs::TariffData;
using tariffs::TariffSource;

struct TariffLine {
  std::string label;      ///< in the asked language
  std::string value;      ///< formatted with its unit (Dutch or English number format)
  std::vector<std::string> source_ids;  ///< ids of the file's [sources]; empty when the scenario set it
  bool from_scenario = false;
};

/// The lines of `tariffs` and `rules` as used, each with the file's source when the value is
/// the file's (`file` is the region's tariff file of the same year and area).
std::vector<TariffLine> tariff_lines(const economics::Tariffs& tariffs, const economics::RuleSet& rules,
                                     const TariffData& file, Language language);

/// The sources the lines cite, in the file's order.
std::vector<TariffSource> cited_sources(const std::vector<TariffLine>& lines, const TariffData& file);

/// A source id for people: the tariff files' own ids (vreg_tariffs_2026, ...) are citation
/// keys listed with their titles, but "assumption" is a word and reads "aanname" in Dutch.
std::string source_id_text(const std::string& id, Language language);
/// The title of a cited source; the program's own "assumption" entry is titled in the language
/// asked for (the other titles are the documents' own).
std::string source_title_text(const TariffSource& source, Language language);

/// Plain text: the file, region, year and area, the lines with their source ids, the sources
/// cited, and the other areas of the file.
std::string format_tariff_listing(const std::vector<TariffLine>& lines, const TariffData& file, Language language);

}  // namespace deelstroom::report
