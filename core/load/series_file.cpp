#include "core/load/series_file.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "core/common/error.hpp"
#include "core/load/series_readers.hpp"

namespace deelstroom::load {

namespace {

/// "69,0 %" in Dutch, "69.0 %" in English.
std::string percent(double share, Language language) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", 100.0 * share);
  std::string result = text;
  if (language == Language::dutch) std::replace(result.begin(), result.end(), '.', ',');
  return result;
}

std::string hours(int intervals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", intervals / 4.0);
  std::string result = text;
  result.erase(result.find_last_not_of('0') + 1);
  if (result.back() == '.') result.pop_back();
  return result;
}

std::string join_years(const std::vector<int>& years) {
  std::string text;
  for (int year : years) text += (text.empty() ? "" : ", ") + std::to_string(year);
  return text;
}

SeriesFormat detect_layout(const CsvHeader& header, SeriesFormat requested, const std::string& file) {
  const bool export_layout = header.find({"van (datum)"}) >= 0;
  const bool open_data_layout = header.find({"datum_startuur"}) >= 0;
  const InputLocation where{file, header.line, 1, ""};
  switch (requested) {
    case SeriesFormat::fluvius_export:
    case SeriesFormat::fluvius_open_data:
      return requested;
    case SeriesFormat::automatic:
    case SeriesFormat::generic_csv:
      if (export_layout) {
        if (requested == SeriesFormat::generic_csv) {
          throw InputError(where, Text{"dit is een export van Mijn Fluvius, geen algemeen bestand 'timestamp,kwh'; gebruik format = \"fluvius\" of \"auto\"", "this is a Mijn Fluvius export, not a generic 'timestamp,kwh' file; use format = \"fluvius\" or \"auto\""});
        }
        return SeriesFormat::fluvius_export;
      }
      if (open_data_layout) {
        if (requested == SeriesFormat::generic_csv) {
          throw InputError(where, Text{"dit is de open-data-opmaak van Fluvius, geen algemeen bestand 'timestamp,kwh'; gebruik format = \"fluvius\" of \"auto\"", "this is the Fluvius open-data layout, not a generic 'timestamp,kwh' file; use format = \"fluvius\" or \"auto\""});
        }
        return SeriesFormat::fluvius_open_data;
      }
      return SeriesFormat::generic_csv;
  }
  return SeriesFormat::generic_csv;
}

}  // namespace

SeriesFormat parse_series_format(const std::string& name) {
  if (name == "auto" || name.empty()) return SeriesFormat::automatic;
  if (name == "csv") return SeriesFormat::generic_csv;
  if (name == "fluvius_export") return SeriesFormat::fluvius_export;
  if (name == "fluvius_open_data") return SeriesFormat::fluvius_open_data;
  if (name == "fluvius") return SeriesFormat::automatic;  // either Fluvius layout, told apart by the header
  throw InputError({"", 0, 0, "format"},
                   fill("onbekend formaat '{}'; verwacht \"auto\", \"csv\", \"fluvius\", \"fluvius_export\" of \"fluvius_open_data\"",
                        "unknown format '{}'; expected \"auto\", \"csv\", \"fluvius\", \"fluvius_export\" or \"fluvius_open_data\"",
                        {name}));
}

std::string series_format_name(SeriesFormat format) {
  switch (format) {
    case SeriesFormat::automatic: return "auto";
    case SeriesFormat::generic_csv: return "csv";
    case SeriesFormat::fluvius_export: return "fluvius_export";
    case SeriesFormat::fluvius_open_data: return "fluvius_open_data";
  }
  return "auto";
}

bool LineSource::next(std::string& line) {
  while (std::getline(input_, line)) {
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number_ == 1) line = std::string(strip_bom(line));
    if (line.find_first_not_of(" \t;,") != std::string::npos) return true;
  }
  return false;
}

int CsvHeader::find(std::initializer_list<std::string_view> aliases) const {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (std::find(aliases.begin(), aliases.end(), names[i]) != aliases.end()) return static_cast<int>(i);
  }
  return -1;
}

CsvRow::CsvRow(const LineSource& source, const CsvHeader& header, const std::string& line)
    : file_(source.file()),
      line_(source.line_number()),
      line_length_(static_cast<int>(line.size())),
      fields_(split_csv_line(line, header.separator)) {}

InputLocation CsvRow::location(int index, const std::string& name) const {
  const int column = index >= 0 && index < static_cast<int>(fields_.size()) ? fields_[static_cast<std::size_t>(index)].column
                                                                            : line_length_ + 1;
  return InputLocation{file_, line_, column, name};
}

void CsvRow::fail(int index, const std::string& name, const Text& message) const {
  throw InputError(location(index, name), message);
}

const CsvField& CsvRow::field(int index, const std::string& name) const {
  if (index < 0 || index >= static_cast<int>(fields_.size())) {
    fail(index, name, fill("ontbrekende waarde: de regel heeft {} velden, verwacht een in kolom '{}'",
                           "missing value: the line has {} fields, expected one in column '{}'",
                           {std::to_string(fields_.size()), name}));
  }
  return fields_[static_cast<std::size_t>(index)];
}

void check_plausible_kwh(const CsvRow& row, int index, const std::string& name, double kwh, const std::string& text) {
  if (kwh <= kMaxKwhPerQuarterHour) return;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", kMaxKwhPerQuarterHour);
  row.fail(index, name,
           fill("verwacht hoogstens {} kWh in een kwartier (1 MW; zie docs/input-limits.md), gevonden '{}': Wh in plaats van kWh, "
                "of een scheidingsteken voor duizendtallen?",
                "expected at most {} kWh in a quarter-hour (1 MW; see docs/input-limits.md), found '{}': Wh instead of kWh, or a "
                "thousands separator?",
                {limit, text}));
}

int QualityReport::longest_gap_intervals() const {
  int longest = 0;
  for (const Gap& gap : gaps) longest = std::max(longest, gap.intervals);
  return longest;
}

std::vector<std::string> QualityReport::notes(Language language) const {
  std::vector<std::string> lines;
  if (mapped_from_other_dates) {
    lines.push_back(std::string(tr(language, "gegevens van ", "data of ")) + join_years(source_years) +
                    std::string(tr(language, " per weekdag op het gesimuleerde jaar gelegd (",
                                   " mapped onto the simulated year by weekday (")) +
                    std::to_string(days_from_other_dates) +
                    std::string(tr(language, " dagen van een andere datum)", " days from another date)")));
  }
  if (filled_intervals > 0) {
    lines.push_back(std::to_string(filled_intervals) + std::string(tr(language, " kwartieren (", " quarter-hours (")) +
                    percent(filled_share(), language) +
                    std::string(tr(language, ") zonder gegevens aangevuld in ", ") without data filled in ")) +
                    std::to_string(gaps.size()) + std::string(tr(language, " gaten, langste ", " gaps, longest ")) +
                    hours(longest_gap_intervals()) + " h");
  }
  if (estimated_intervals > 0) {
    lines.push_back(std::to_string(estimated_intervals) + std::string(tr(language, " kwartieren (", " quarter-hours (")) +
                    percent(estimated_share(), language) +
                    std::string(tr(language, ") zijn schattingen van de netbeheerder (Geschat)",
                                   ") are estimates by the grid operator (Geschat)")));
  }
  if (other_meters_skipped > 0) {
    lines.push_back(std::to_string(other_meters_skipped) +
                    std::string(tr(language, " andere meter(s) in het bestand overgeslagen; gelezen: EAN ",
                                   " other meter(s) in the file skipped; read: EAN ")) +
                    ean);
  }
  return lines;
}

SeriesFile read_series_stream(std::istream& input, const std::string& file_label, const ProfileContext& context,
                              const ReadOptions& options) {
  SeriesFormat requested = SeriesFormat::automatic;
  try {
    requested = parse_series_format(options.format);
  } catch (const InputError& error) {
    throw InputError({file_label, 0, 0, "format"}, error.text());
  }
  LineSource source(input, file_label);
  std::string line;
  if (!source.next(line)) throw InputError({file_label, 0, 0, ""}, Text{"het bestand is leeg; verwacht een kopregel en gegevens", "the file is empty; expected a header line and data"});
  CsvHeader header;
  header.line = source.line_number();
  header.separator = detect_separator(line);
  header.fields = split_csv_line(line, header.separator);
  for (const CsvField& field : header.fields) header.names.push_back(normalise_header(field.text));

  const SeriesFormat layout = detect_layout(header, requested, file_label);
  // "fluvius" must be one of the Fluvius layouts.
  if (options.format == "fluvius" && layout == SeriesFormat::generic_csv) {
    throw InputError({file_label, header.line, 1, ""},
                     Text{"verwacht een Fluvius-bestand: een export van Mijn Fluvius (kopregel 'Van (datum);Van (tijdstip);...') of de "
                          "open-data-opmaak (EAN_ID, Datum_Startuur, Volume_Afname_KWh, ...)",
                          "expected a Fluvius file: a Mijn Fluvius export (header 'Van (datum);Van (tijdstip);...') or the "
                          "open-data layout (EAN_ID, Datum_Startuur, Volume_Afname_KWh, ...)"});
  }
  switch (layout) {
    case SeriesFormat::fluvius_export: return read_fluvius_export(source, header, context, options);
    case SeriesFormat::fluvius_open_data: return read_fluvius_open_data(source, header, context, options);
    default: return read_generic_csv(source, header, context, options);
  }
}

SeriesFile read_series_file(const std::filesystem::path& path, const ProfileContext& context,
                            const ReadOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError({path.string(), 0, 0, ""}, Text{"bestand niet gevonden", "file not found"});
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError({path.string(), 0, 0, ""}, Text{"verwacht een bestand, gevonden een map", "expected a file, found a directory"});
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) throw InputError({path.string(), 0, 0, ""}, Text{"kan het bestand niet openen om te lezen", "cannot open the file for reading"});
  return read_series_stream(input, path.string(), context, options);
}

}  // namespace deelstroom::load
