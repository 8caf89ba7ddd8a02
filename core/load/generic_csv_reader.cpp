// The generic quarter-hour series file (the scenario contract for measured consumption and
// production): header "timestamp,kwh" (or ';'), ISO 8601 timestamps marking the START of each
// quarter-hour, one row per quarter-hour of a whole year, consecutive.
#include <cmath>
#include <cstdio>

#include "core/load/meter_readings.hpp"
#include "core/load/series_readers.hpp"

namespace deelstroom::load {

namespace {

constexpr std::int64_t kSecondsPerQuarter = 900;

/// A zone written in the timestamp column's header: "timestamp (Europe/Brussels)" or
/// "timestamp [UTC]".
std::optional<std::string> zone_in_header(const std::string& name) {
  const std::size_t open = name.find_first_of("([");
  const std::size_t close = name.find_last_of(")]");
  if (open == std::string::npos || close == std::string::npos || close <= open + 1) return std::nullopt;
  return name.substr(open + 1, close - open - 1);
}

std::string utc_label(std::int64_t utc_seconds) { return time::iso_utc_label(utc_seconds); }

}  // namespace

SeriesFile read_generic_csv(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                            const ReadOptions& options) {
  const std::string file = source.file();
  if (header.fields.size() < 2) {
    throw InputError({file, header.line, 1, ""},
                     Text{"verwacht een kopregel met een tijdstempel- en een waardekolom, bv. 'timestamp,kwh'", "expected a header with a timestamp and a value column, e.g. 'timestamp,kwh'"});
  }
  if (parse_iso_timestamp(header.fields[0].text)) {
    throw InputError({file, header.line, 1, ""}, Text{"de eerste regel bevat gegevens; verwacht eerst een kopregel 'timestamp,kwh'", "the first line is data; expected a header line 'timestamp,kwh' first"});
  }
  const std::string timestamp_name = header.fields[0].text;
  int value_column = 1;
  if (!options.value_column.empty()) {
    value_column = header.find({normalise_header(options.value_column)});
    if (value_column < 0) {
      throw InputError({file, header.line, 1, options.value_column},
                       fill("kolom '{}' staat niet in de kopregel", "column '{}' is not in the header", {options.value_column}));
    }
  }
  const std::string value_name = header.fields[static_cast<std::size_t>(value_column)].text;

  // Timestamps without an offset need a zone: from the header, else from the options.
  std::optional<time::TimeZone> zone;
  std::string zone_name = options.time_zone;
  if (const auto in_header = zone_in_header(timestamp_name)) zone_name = *in_header;
  if (!zone_name.empty()) {
    zone = time::time_zone_from_name(zone_name);
    if (!zone) {
      throw InputError({file, header.line, header.fields[0].column, timestamp_name},
                       fill("onbekende tijdzone '{}'; verwacht bv. Europe/Brussels, UTC of +01:00",
                            "unknown time zone '{}'; expected e.g. Europe/Brussels, UTC or +01:00", {zone_name}));
    }
  }
  const bool decimal_comma = header.separator != ',';

  QualityReport quality;
  quality.file = file;
  quality.format = SeriesFormat::generic_csv;
  std::vector<std::int64_t> starts;
  std::vector<double> values;
  starts.reserve(35136);
  values.reserve(35136);
  std::vector<int> lines;
  lines.reserve(35136);
  std::string line;
  while (source.next(line)) {
    const CsvRow row(source, header, line);
    const CsvField& stamp_field = row.field(0, timestamp_name);
    const auto stamp = parse_iso_timestamp(stamp_field.text);
    if (!stamp) {
      row.fail(0, timestamp_name, fill("verwacht een ISO 8601-tijdstempel zoals 2025-01-01T00:00:00Z, gevonden '{}'",
                                       "expected an ISO 8601 timestamp like 2025-01-01T00:00:00Z, found '{}'", {stamp_field.text}));
    }
    if (stamp->clock.minute % 15 != 0 || stamp->clock.second != 0) {
      row.fail(0, timestamp_name, Text{"verwacht het begin van een kwartier (minuten 00, 15, 30 of 45)", "expected the start of a quarter-hour (minutes 00, 15, 30 or 45)"});
    }
    std::int64_t start = 0;
    if (stamp->utc_offset_minutes) {
      start = time::days_from_civil(stamp->date) * 86400 + stamp->clock.hour * 3600 + stamp->clock.minute * 60 -
              static_cast<std::int64_t>(*stamp->utc_offset_minutes) * 60;
    } else {
      if (!zone) {
        row.fail(0, timestamp_name,
                 Text{"de tijdstempel heeft geen tijdzone; schrijf hem met Z of een verschuiving (2025-01-01T00:00:00+01:00) of noem "
                      "de tijdzone in de kopregel, bv. 'timestamp (Europe/Brussels)'",
                      "the timestamp has no zone; write it with Z or an offset (2025-01-01T00:00:00+01:00) or name the "
                      "zone in the header, e.g. 'timestamp (Europe/Brussels)'"});
      }
      const auto first = time::local_to_utc(*zone, stamp->date, stamp->clock.hour, stamp->clock.minute, false);
      const auto second = time::local_to_utc(*zone, stamp->date, stamp->clock.hour, stamp->clock.minute, true);
      if (!first) row.fail(0, timestamp_name, Text{"deze lokale tijd bestaat niet (de klok springt vooruit voor de zomertijd)", "this local time does not exist (the clock jumps forward for summer time)"});
      // In the repeated autumn hour, the row after the first occurrence is the second one.
      start = (!starts.empty() && second && *second == starts.back() + kSecondsPerQuarter) ? *second : *first;
    }
    if (!starts.empty() && start != starts.back() + kSecondsPerQuarter) {
      const std::string expected = utc_label(starts.back() + kSecondsPerQuarter);
      if (start <= starts.back()) {
        row.fail(0, timestamp_name, fill("overlappende periode: dit kwartier ({}) komt niet na dat op regel {}; verwacht {}",
                                         "overlapping period: this quarter-hour ({}) is not after the one on line {}; expected {}",
                                         {utc_label(start), std::to_string(lines.back()), expected}));
      }
      row.fail(0, timestamp_name, fill("ontbrekende kwartieren: verwacht {} na regel {}, gevonden {}",
                                       "missing quarter-hours: expected {} after line {}, found {}",
                                       {expected, std::to_string(lines.back()), utc_label(start)}));
    }
    const CsvField& value_field = row.field(value_column, value_name);
    // More fields than the header has: "…Z,0,5" would read as 0 kWh with the 5 dropped.
    for (int extra = static_cast<int>(header.fields.size()); extra < row.size(); ++extra) {
      if (row.field(extra, "").text.empty()) continue;  // a trailing separator
      const auto is_digits = [](const std::string& t) {
        return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
      };
      const bool decimal_comma_like = header.separator == ',' && value_column + 1 < row.size() &&
                                      is_digits(row.field(value_column + 1, "").text) &&
                                      parse_decimal(value_field.text, false).has_value();
      row.fail(value_column, value_name,
               fill("te veel velden: de kopregel heeft er {}, deze regel {}", "too many fields: the header has {}, this line has {}",
                    {std::to_string(header.fields.size()), std::to_string(row.size())}) +
                   (decimal_comma_like
                        ? fill("; '{},{}' lijkt een decimale komma, die ',' splitst: verwacht een decimale punt ({}.{}) of ';' als scheidingsteken",
                               "; '{},{}' looks like a decimal comma, which ',' splits: expected a decimal point ({}.{}) or ';' as the separator",
                               {value_field.text, row.field(value_column + 1, "").text, value_field.text,
                                row.field(value_column + 1, "").text})
                        : Text{}));
    }
    const auto value = parse_decimal(value_field.text, decimal_comma);
    if (!value || !std::isfinite(*value)) {
      row.fail(value_column, value_name, fill("verwacht een aantal kWh, gevonden '{}'", "expected a number of kWh, found '{}'", {value_field.text}));
    }
    if (*value < 0.0) row.fail(value_column, value_name, fill("verwacht kWh >= 0, gevonden '{}'", "expected kWh >= 0, found '{}'", {value_field.text}));
    check_plausible_kwh(row, value_column, value_name, *value, value_field.text);
    starts.push_back(start);
    values.push_back(*value);
    lines.push_back(row.line());
  }

  const time::YearGrid& grid = context.grid;
  const int count = static_cast<int>(starts.size());
  if (count != 35040 && count != 35136) {
    throw InputError({file, count > 0 ? lines.back() : header.line, 1, ""},
                     fill("verwacht een regel per kwartier van het gesimuleerde jaar {} ({} regels), gevonden {}",
                          "expected one row per quarter-hour of the simulated year {} ({} rows), found {}",
                          {std::to_string(grid.year), std::to_string(grid.interval_count), std::to_string(count)}));
  }
  quality.rows = count;

  // The simulated year itself: the values as they are.
  if (starts.front() == grid.first_utc_seconds && count == grid.interval_count) {
    SeriesFile result;
    result.kwh = Eigen::Map<const Eigen::ArrayXd>(values.data(), count);
    quality.first_utc_seconds = starts.front();
    quality.end_utc_seconds = starts.back() + kSecondsPerQuarter;
    quality.file_intervals = count;
    quality.file_offtake_kwh = result.kwh.sum();
    quality.year_intervals = count;
    quality.year_offtake_kwh = quality.file_offtake_kwh;
    quality.source_years = {grid.year};
    result.quality = std::move(quality);
    return result;
  }
  // Another whole year (or a year in local time): mapped day by day onto the simulated one.
  MeterReadings readings(context.calendar.zone);
  for (int k = 0; k < count; ++k) readings.add(starts[static_cast<std::size_t>(k)], Channel::offtake, values[static_cast<std::size_t>(k)], false);
  return map_onto_grid(readings, grid, context.calendar, std::move(quality));
}

}  // namespace deelstroom::load
