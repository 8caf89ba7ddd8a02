// Readers of Fluvius meter data: the Mijn Fluvius quarter-hour export of one digital meter,
// and the open-data layout "Verbruiksprofielen digitale meters - kwartierwaarden".
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/load/meter_readings.hpp"
#include "core/load/series_readers.hpp"

namespace deelstroom::load {

namespace {

constexpr int kSecondsPerQuarter = 900;

Text expected_date(const std::string& found) {
  return fill("verwacht een datum dd-mm-jjjj, gevonden '{}'", "expected a date dd-mm-yyyy, found '{}'", {found});
}

Text expected_time(const std::string& found) {
  return fill("verwacht een tijd uu:mm:ss, gevonden '{}'", "expected a time hh:mm:ss, found '{}'", {found});
}

/// Mijn Fluvius writes Belgian local time.
time::TimeZone fluvius_zone() { return time::brussels_time_zone(); }

/// A column that must be in the header; InputError naming the header line otherwise.
int require_column(const CsvHeader& header, const LineSource& source, std::initializer_list<std::string_view> aliases,
                   const std::string& name) {
  const int index = header.find(aliases);
  if (index < 0) {
    throw InputError({source.file(), header.line, 1, name}, fill("kolom '{}' ontbreekt in de kopregel", "missing column '{}' in the header", {name}));
  }
  return index;
}

/// The EAN as digits only (Mijn Fluvius may write ="5414..." or with spaces).
std::string clean_ean(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits.empty() ? text : digits;
}

/// Keeps the rows of one meter: the one asked for, or the first one seen.
class MeterFilter {
 public:
  explicit MeterFilter(std::string wanted) : wanted_(clean_ean(wanted)) {}

  bool keep(const std::string& raw_ean) {
    const std::string ean = clean_ean(raw_ean);
    if (ean.empty()) return true;
    if (chosen_.empty()) {
      if (!wanted_.empty() && ean != wanted_) {
        others_.insert(ean);
        return false;
      }
      chosen_ = ean;
    }
    if (ean == chosen_) return true;
    others_.insert(ean);
    return false;
  }

  void report(QualityReport& quality, const LineSource& source) const {
    if (!wanted_.empty() && chosen_.empty()) {
      throw InputError({source.file(), 0, 0, "ean"}, fill("meter {} staat niet in het bestand", "meter {} is not in the file", {wanted_}));
    }
    quality.ean = chosen_;
    quality.other_meters_skipped = static_cast<int>(others_.size());
  }

 private:
  std::string wanted_;
  std::string chosen_;
  std::set<std::string> others_;
};

/// kWh from a field: a number >= 0 with decimal comma or point.
double volume_kwh(const CsvRow& row, int index, const std::string& name, bool decimal_comma) {
  const CsvField& field = row.field(index, name);
  const std::optional<double> value = parse_decimal(field.text, decimal_comma);
  if (!value || !std::isfinite(*value)) {
    row.fail(index, name, fill("verwacht een aantal kWh (bv. 0,125), gevonden '{}'", "expected a number of kWh (e.g. 0,125), found '{}'", {field.text}));
  }
  if (*value < 0.0) row.fail(index, name, fill("verwacht kWh >= 0, gevonden '{}'", "expected kWh >= 0, found '{}'", {field.text}));
  check_plausible_kwh(row, index, name, *value, field.text);
  return *value;
}

/// UTC start of a local Belgian quarter-hour. In the repeated October hour the first row of a
/// register for a wall-clock time is the summer-time one, the second the winter-time one.
class LocalTimeResolver {
 public:
  explicit LocalTimeResolver(time::TimeZone zone) : zone_(std::move(zone)) {}

  std::int64_t utc(const CsvRow& row, int column, const std::string& name, const time::CivilDate& date,
                   const ClockTime& clock, int register_id) {
    const auto first = time::local_to_utc(zone_, date, clock.hour, clock.minute, false);
    if (!first) {
      row.fail(column, name, Text{"deze lokale tijd bestaat niet: de klok springt van 02:00 naar 03:00 bij het begin van de zomertijd", "this local time does not exist: the clock jumps from 02:00 to 03:00 when summer time starts"});
    }
    const auto second = time::local_to_utc(zone_, date, clock.hour, clock.minute, true);
    if (!second || *second == *first) return *first;
    const auto key = std::make_tuple(register_id, time::days_from_civil(date), clock.hour * 60 + clock.minute);
    return occurrences_[key]++ == 0 ? *first : *second;
  }

 private:
  time::TimeZone zone_;
  std::map<std::tuple<int, std::int64_t, int>, int> occurrences_;
};

bool is_quarter_start(const ClockTime& clock) { return clock.minute % 15 == 0 && clock.second == 0; }

QualityReport base_report(const LineSource& source, SeriesFormat format) {
  QualityReport quality;
  quality.file = source.file();
  quality.format = format;
  return quality;
}

}  // namespace

SeriesFile read_fluvius_export(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                               const ReadOptions& options) {
  const std::string kFromDate = "Van (datum)", kFromTime = "Van (tijdstip)", kToDate = "Tot (datum)",
                    kToTime = "Tot (tijdstip)", kRegister = "Register", kVolume = "Volume", kUnit = "Eenheid",
                    kStatus = "Validatiestatus", kEan = "EAN-code";
  const int from_date = require_column(header, source, {"van (datum)"}, kFromDate);
  const int from_time = require_column(header, source, {"van (tijdstip)"}, kFromTime);
  const int register_column = require_column(header, source, {"register", "registratie"}, kRegister);
  const int volume = require_column(header, source, {"volume"}, kVolume);
  const int to_date = header.find({"tot (datum)"});
  const int to_time = header.find({"tot (tijdstip)"});
  const int unit = header.find({"eenheid"});
  const int status = header.find({"validatiestatus"});
  const int ean = header.find({"ean-code", "ean", "ean code", "ean_id"});

  QualityReport quality = base_report(source, SeriesFormat::fluvius_export);
  MeterReadings readings(context.calendar.zone);
  OverlapGuard guard;
  LocalTimeResolver resolver(fluvius_zone());
  MeterFilter meters(options.ean);
  std::vector<std::string> registers;  // register names seen, for overlap checks per register
  std::string line;
  while (source.next(line)) {
    const CsvRow row(source, header, line);
    if (ean >= 0 && !meters.keep(row.field(ean, kEan).text)) continue;

    const std::string register_name = row.field(register_column, kRegister).text;
    const std::string register_key = normalise_header(register_name);
    Channel channel = Channel::offtake;
    if (register_key.rfind("afname", 0) == 0) {
      channel = Channel::offtake;
    } else if (register_key.rfind("injectie", 0) == 0) {
      channel = Channel::injection;
    } else {
      row.fail(register_column, kRegister,
               fill("onbekend register '{}'; verwacht Afname Dag, Afname Nacht, Injectie Dag of Injectie Nacht",
                    "unknown register '{}'; expected Afname Dag, Afname Nacht, Injectie Dag or Injectie Nacht", {register_name}));
    }
    auto known = std::find(registers.begin(), registers.end(), register_key);
    if (known == registers.end()) known = registers.insert(registers.end(), register_key);
    const int register_id = static_cast<int>(known - registers.begin()) + 1;

    if (unit >= 0) {
      const std::string& unit_text = row.field(unit, kUnit).text;
      if (!unit_text.empty() && normalise_header(unit_text) != "kwh") {
        row.fail(unit, kUnit, fill("verwacht de eenheid kWh, gevonden '{}' (is dit de export van een gasmeter?)",
                                   "expected the unit kWh, found '{}' (is this a gas meter's export?)", {unit_text}));
      }
    }
    const std::string status_text = status >= 0 ? row.field(status, kStatus).text : std::string();
    if (!status_text.empty()) ++quality.status_counts[status_text];
    ++quality.rows;

    const auto date = parse_date(row.field(from_date, kFromDate).text);
    if (!date) row.fail(from_date, kFromDate, expected_date(row.field(from_date, kFromDate).text));
    const auto clock = parse_clock_time(row.field(from_time, kFromTime).text);
    if (!clock) row.fail(from_time, kFromTime, expected_time(row.field(from_time, kFromTime).text));
    if (!is_quarter_start(*clock)) {
      row.fail(from_time, kFromTime, Text{"verwacht het begin van een kwartier (minuten 00, 15, 30 of 45)", "expected the start of a quarter-hour (minutes 00, 15, 30 or 45)"});
    }
    const std::int64_t start = resolver.utc(row, from_time, kFromTime, *date, *clock, register_id);

    if (to_date >= 0 && to_time >= 0) {
      const auto end_date = parse_date(row.field(to_date, kToDate).text);
      const auto end_clock = parse_clock_time(row.field(to_time, kToTime).text);
      if (!end_date) row.fail(to_date, kToDate, expected_date(row.field(to_date, kToDate).text));
      if (!end_clock) row.fail(to_time, kToTime, expected_time(row.field(to_time, kToTime).text));
      const auto end_first = time::local_to_utc(fluvius_zone(), *end_date, end_clock->hour, end_clock->minute, false);
      const auto end_second = time::local_to_utc(fluvius_zone(), *end_date, end_clock->hour, end_clock->minute, true);
      // Either the instant 15 minutes later, or the wall clock 15 minutes later (exports
      // differ in how they label the end of the last quarter before the clock changes).
      const std::int64_t wall_start = time::days_from_civil(*date) * 1440 + clock->hour * 60 + clock->minute;
      const std::int64_t wall_end = time::days_from_civil(*end_date) * 1440 + end_clock->hour * 60 + end_clock->minute;
      const bool quarter = (end_first && *end_first == start + kSecondsPerQuarter) ||
                           (end_second && *end_second == start + kSecondsPerQuarter) || wall_end - wall_start == 15;
      if (!quarter) {
        row.fail(to_time, kToTime,
                 Text{"verwacht kwartierperiodes ('Tot' 15 minuten na 'Van'); exporteer de gegevens per kwartier "
                      "('Kwartier') in Mijn Fluvius, niet per dag of uur",
                      "expected quarter-hour periods ('Tot' 15 minutes after 'Van'); export the data per quarter-hour "
                      "('Kwartier') in Mijn Fluvius, not per day or hour"});
      }
    }

    const std::string& volume_text = row.field(volume, kVolume).text;
    double kwh = 0.0;
    if (volume_text.empty()) {
      // "Geen verbruik" without a number is a measured zero; any other empty value is missing.
      if (normalise_header(status_text) != "geen verbruik") continue;
    } else {
      kwh = volume_kwh(row, volume, kVolume, true);
    }
    guard.check(register_id, start, row.location(from_date, kFromDate));
    readings.add(start, channel, kwh, normalise_header(status_text) == "geschat");
  }
  meters.report(quality, source);
  return map_onto_grid(readings, context.grid, context.calendar, std::move(quality));
}

SeriesFile read_fluvius_open_data(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                                  const ReadOptions& options) {
  const std::string kEan = "EAN_ID", kStart = "Datum_Startuur", kOfftake = "Volume_Afname_KWh",
                    kInjection = "Volume_Injectie_KWh";
  const int ean = header.find({"ean_id", "ean"});
  const int start_column = require_column(header, source, {"datum_startuur"}, kStart);
  const int offtake = require_column(header, source, {"volume_afname_kwh"}, kOfftake);
  const int injection = header.find({"volume_injectie_kwh"});
  const bool decimal_comma = header.separator != ',';

  time::TimeZone zone = fluvius_zone();
  if (!options.time_zone.empty()) {
    const auto given = time::time_zone_from_name(options.time_zone);
    if (!given) throw InputError({source.file(), 0, 0, "time_zone"}, fill("onbekende tijdzone '{}'", "unknown time zone '{}'", {options.time_zone}));
    zone = *given;
  }

  QualityReport quality = base_report(source, SeriesFormat::fluvius_open_data);
  MeterReadings readings(context.calendar.zone);
  OverlapGuard guard;
  LocalTimeResolver resolver(zone);
  MeterFilter meters(options.ean);
  std::string line;
  while (source.next(line)) {
    const CsvRow row(source, header, line);
    if (ean >= 0 && !meters.keep(row.field(ean, kEan).text)) continue;
    ++quality.rows;
    const CsvField& start_field = row.field(start_column, kStart);
    const auto stamp = parse_iso_timestamp(start_field.text);
    if (!stamp) {
      row.fail(start_column, kStart, fill("verwacht een tijdstempel zoals 2024-01-01T00:00:00Z, gevonden '{}'",
                                          "expected a timestamp like 2024-01-01T00:00:00Z, found '{}'", {start_field.text}));
    }
    if (!is_quarter_start(stamp->clock)) row.fail(start_column, kStart, Text{"verwacht het begin van een kwartier", "expected the start of a quarter-hour"});
    std::int64_t start = 0;
    if (stamp->utc_offset_minutes) {
      start = time::days_from_civil(stamp->date) * 86400 + stamp->clock.hour * 3600 + stamp->clock.minute * 60 -
              static_cast<std::int64_t>(*stamp->utc_offset_minutes) * 60;
    } else {
      start = resolver.utc(row, start_column, kStart, stamp->date, stamp->clock, 0);
    }
    for (const auto& [column, name, channel] :
         {std::tuple{offtake, kOfftake, Channel::offtake}, std::tuple{injection, kInjection, Channel::injection}}) {
      if (column < 0 || row.field(column, name).text.empty()) continue;
      const double kwh = volume_kwh(row, column, name, decimal_comma);
      guard.check(channel == Channel::offtake ? 0 : 1, start, row.location(start_column, kStart));
      readings.add(start, channel, kwh, false);
    }
  }
  meters.report(quality, source);
  return map_onto_grid(readings, context.grid, context.calendar, std::move(quality));
}

}  // namespace deelstroom::load
