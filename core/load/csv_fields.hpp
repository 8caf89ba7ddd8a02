#pragma once
// Small pieces for reading the meter-data CSV files the importers accept: splitting a line
// into fields (quotes, Excel's ="..." text guard), decimal commas, Belgian and ISO 8601
// dates and times. Every field remembers its character column for error messages.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time/civil.hpp"

namespace deelstroom::load {

struct CsvField {
  std::string text;  ///< unquoted and trimmed
  int column = 1;    ///< 1-based character column where the field starts
};

/// The separator a header line uses: ';', ',' or a tab (the most frequent outside quotes).
char detect_separator(std::string_view header);

/// Splits one line. Handles "quoted; fields" with "" escapes and the ="5414..." form Excel
/// exports use to keep long numbers as text; trims spaces around fields.
std::vector<CsvField> split_csv_line(std::string_view line, char separator);

/// Removes a UTF-8 byte-order mark at the start of a file's first line.
std::string_view strip_bom(std::string_view line);

/// Lower-case ASCII, trimmed: for matching header names ("Van (datum)" -> "van (datum)").
std::string normalise_header(std::string_view name);

/// A decimal number with a '.' or (when `decimal_comma`) a ',' as decimal mark, e.g. "0,123",
/// "1.5e-3", "-2". nullopt for anything else (text, empty, thousands separators).
std::optional<double> parse_decimal(std::string_view text, bool decimal_comma);

/// A wall-clock time "HH:MM" or "HH:MM:SS" (seconds must be 0 for quarter-hour data).
struct ClockTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
};
std::optional<ClockTime> parse_clock_time(std::string_view text);

/// A date "dd-mm-yyyy" or "dd/mm/yyyy" (Belgian order, as Mijn Fluvius writes it) or ISO
/// "yyyy-mm-dd". nullopt when malformed or not a real date.
std::optional<time::CivilDate> parse_date(std::string_view text);

/// An ISO 8601 timestamp "yyyy-mm-ddThh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm|+hhmm]" (a space may
/// replace the T). The offset is nullopt when the text has none.
struct IsoTimestamp {
  time::CivilDate date;
  ClockTime clock;
  std::optional<int> utc_offset_minutes;
};
std::optional<IsoTimestamp> parse_iso_timestamp(std::string_view text);

}  // namespace deelstroom::load
