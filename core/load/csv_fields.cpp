#include "core/load/csv_fields.hpp"

#include <cctype>
#include <charconv>

namespace deelstroom::load {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads exactly `count` digits at `pos`; nullopt otherwise.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<time::CivilDate> valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > time::days_in_month(year, month)) return std::nullopt;
  return time::CivilDate{year, month, day};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

char detect_separator(std::string_view header) {
  int semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

std::vector<CsvField> split_csv_line(std::string_view line, char separator) {
  std::vector<CsvField> fields;
  std::size_t pos = 0;
  while (true) {
    CsvField field;
    // Skip leading spaces; the column is where the content starts.
    while (pos < line.size() && line[pos] == ' ') ++pos;
    field.column = static_cast<int>(pos) + 1;
    std::string text;
    // Excel's ="..." guard: a formula returning the text between the quotes.
    if (pos + 1 < line.size() && line[pos] == '=' && line[pos + 1] == '"') ++pos;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            text += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        text += line[pos++];
      }
      // Anything between the closing quote and the separator is kept (malformed but readable).
      while (pos < line.size() && line[pos] != separator) text += line[pos++];
    } else {
      while (pos < line.size() && line[pos] != separator) text += line[pos++];
    }
    field.text = std::string(trim(text));
    fields.push_back(std::move(field));
    if (pos >= line.size()) break;
    ++pos;  // the separator
  }
  return fields;
}

std::string_view strip_bom(std::string_view line) {
  if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF && static_cast<unsigned char>(line[1]) == 0xBB &&
      static_cast<unsigned char>(line[2]) == 0xBF) {
    line.remove_prefix(3);
  }
  return line;
}

std::string normalise_header(std::string_view name) {
  std::string result;
  for (char c : trim(strip_bom(name))) result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::optional<double> parse_decimal(std::string_view text, bool decimal_comma) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  std::string buffer(text);
  if (decimal_comma) {
    const std::size_t comma = buffer.find(',');
    if (comma != std::string::npos) {
      // "1.234,5" (thousands separator) is refused rather than misread.
      if (buffer.find('.') != std::string::npos || buffer.find(',', comma + 1) != std::string::npos) return std::nullopt;
      buffer[comma] = '.';
    }
  }
  double value = 0.0;
  const auto [end, error] = std::from_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (error != std::errc() || end != buffer.data() + buffer.size()) return std::nullopt;
  return value;
}

std::optional<ClockTime> parse_clock_time(std::string_view text) {
  text = trim(text);
  // Accept "7:45" as well as "07:45".
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
  const auto hour = digits(text, 0, colon);
  const auto minute = digits(text, colon + 1, 2);
  if (!hour || !minute) return std::nullopt;
  ClockTime clock{*hour, *minute, 0};
  std::size_t pos = colon + 3;
  if (pos < text.size()) {
    if (text[pos] != ':') return std::nullopt;
    const auto second = digits(text, pos + 1, 2);
    if (!second || pos + 3 != text.size()) return std::nullopt;
    clock.second = *second;
  }
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) return std::nullopt;
  return clock;
}

std::optional<time::CivilDate> parse_date(std::string_view text) {
  text = trim(text);
  if (text.size() != 10) return std::nullopt;
  if (text[4] == '-' && text[7] == '-') {
    const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (!year || !month || !day) return std::nullopt;
    return valid_date(*year, *month, *day);
  }
  if ((text[2] == '-' || text[2] == '/') && text[5] == text[2]) {
    const auto day = digits(text, 0, 2), month = digits(text, 3, 2), year = digits(text, 6, 4);
    if (!year || !month || !day) return std::nullopt;
    return valid_date(*year, *month, *day);
  }
  return std::nullopt;
}

std::optional<IsoTimestamp> parse_iso_timestamp(std::string_view text) {
  text = trim(text);
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  const auto date = parse_date(text.substr(0, 10));
  if (!date || text[4] != '-') return std::nullopt;
  // The clock runs until the zone designator (Z, + or -) or a fraction.
  std::size_t end = 11;
  while (end < text.size() && (is_digit(text[end]) || text[end] == ':')) ++end;
  const auto clock = parse_clock_time(text.substr(11, end - 11));
  if (!clock) return std::nullopt;
  IsoTimestamp stamp{*date, *clock, std::nullopt};
  if (end < text.size() && (text[end] == '.' || text[end] == ',')) {
    ++end;
    while (end < text.size() && is_digit(text[end])) {
      if (text[end] != '0') return std::nullopt;  // quarter-hour data: whole seconds only
      ++end;
    }
  }
  std::string_view zone = text.substr(end);
  if (zone.empty()) return stamp;
  if (zone == "Z" || zone == "z") {
    stamp.utc_offset_minutes = 0;
    return stamp;
  }
  if (zone.front() != '+' && zone.front() != '-') return std::nullopt;
  const int sign = zone.front() == '-' ? -1 : 1;
  zone.remove_prefix(1);
  std::optional<int> hours, minutes;
  if (zone.size() == 5 && zone[2] == ':') {
    hours = digits(zone, 0, 2);
    minutes = digits(zone, 3, 2);
  } else if (zone.size() == 4) {
    hours = digits(zone, 0, 2);
    minutes = digits(zone, 2, 2);
  } else if (zone.size() == 2) {
    hours = digits(zone, 0, 2);
    minutes = 0;
  }
  if (!hours || !minutes || *hours > 14 || *minutes > 59) return std::nullopt;
  stamp.utc_offset_minutes = sign * (*hours * 60 + *minutes);
  return stamp;
}

}  // namespace deelstroom::load
