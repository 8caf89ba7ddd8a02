#pragma once
// Shared helpers of the load tests: a simulated year, and full-year meter files written the
// way Mijn Fluvius and the generic CSV contract write them (so the importers can be checked
// on every quarter-hour of a year with both daylight-saving changes).
#include <cstdio>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "core/load/profiles.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::load::testing {

inline std::string data_path(const std::string& name) { return std::string(DEELSTROOM_TEST_DATA_DIR) + "/load/" + name; }

struct Year {
  time::YearGrid grid;
  time::LocalCalendar calendar;

  explicit Year(int year)
      : grid(time::make_year_grid(year)), calendar(time::make_local_calendar(grid, time::brussels_time_zone())) {}
  ProfileContext context() const { return ProfileContext{grid, calendar}; }
};

/// A distinct, exactly representable value per quarter-hour (thousandths of a kWh).
inline double coded_kwh(int index) { return ((index * 37) % 900 + 1) / 1000.0; }

/// "0,123" for 0.123 (Mijn Fluvius writes a decimal comma and three decimals).
inline std::string comma_kwh(double kwh) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", kwh);
  std::string s = text;
  s[s.find('.')] = ',';
  return s;
}

/// Mijn Fluvius export of every quarter-hour from UTC `first` for `count` quarter-hours: an
/// "Afname Dag"/"Afname Nacht" pair summing to offtake(k) (night register 22:00-07:00, the
/// other register 0) and an "Injectie Dag" row with injection(k). `status(k)` gives the
/// Validatiestatus; rows with `skip(k)` are left out.
inline std::string fluvius_export(std::int64_t first_utc, int count, const std::function<double(int)>& offtake,
                                  const std::function<double(int)>& injection,
                                  const std::function<std::string(int)>& status = nullptr,
                                  const std::function<bool(int)>& skip = nullptr) {
  const time::TimeZone zone = time::brussels_time_zone();
  std::ostringstream text;
  text << "\xEF\xBB\xBF" << "Van (datum);Van (tijdstip);Tot (datum);Tot (tijdstip);EAN-code;Meter;Metertype;Register;Volume;"
       << "Eenheid;Validatiestatus;Omschrijving\r\n";
  char prefix[128];
  for (int k = 0; k < count; ++k) {
    if (skip && skip(k)) continue;
    const std::int64_t start = first_utc + 900LL * k;
    const time::LocalDateTime from = time::to_local(zone, start);
    const time::LocalDateTime to = time::to_local(zone, start + 900);
    std::snprintf(prefix, sizeof prefix, "%02d-%02d-%04d;%02d:%02d:00;%02d-%02d-%04d;%02d:%02d:00;", from.date.day,
                  from.date.month, from.date.year, from.hour, from.minute, to.date.day, to.date.month, to.date.year,
                  to.hour, to.minute);
    const bool night = from.hour >= 22 || from.hour < 7;
    const std::string st = status ? status(k) : "Gemeten";
    const std::string tail = ";1SAG1100012345;Digitale meter;";
    text << prefix << "=\"541448800000012345\"" << tail << "Afname Dag;" << comma_kwh(night ? 0.0 : offtake(k)) << ";kWh;"
         << st << ";\r\n";
    text << prefix << "=\"541448800000012345\"" << tail << "Afname Nacht;" << comma_kwh(night ? offtake(k) : 0.0)
         << ";kWh;" << st << ";\r\n";
    text << prefix << "=\"541448800000012345\"" << tail << "Injectie Dag;" << comma_kwh(injection(k)) << ";kWh;" << st
         << ";\r\n";
  }
  return text.str();
}

/// A generic series file: header, then "timestamp<sep>value" per quarter-hour from UTC
/// `first`; timestamps in UTC with Z (`local` false) or as local Brussels time with offset.
inline std::string generic_csv(std::int64_t first_utc, int count, const std::function<double(int)>& kwh,
                               char separator = ',', bool local = false) {
  std::ostringstream text;
  text << "timestamp" << separator << "kwh\n";
  char value[32];
  for (int k = 0; k < count; ++k) {
    const std::int64_t start = first_utc + 900LL * k;
    std::snprintf(value, sizeof value, "%.3f", kwh(k));
    std::string v = value;
    if (separator == ';') v[v.find('.')] = ',';
    text << (local ? time::iso_local_label(time::brussels_time_zone(), start) : time::iso_utc_label(start)) << separator
         << v << "\n";
  }
  return text.str();
}

inline SeriesFile read_text(const std::string& text, const ProfileContext& context, const ReadOptions& options = {}) {
  std::istringstream input(text);
  return read_series_stream(input, "test.csv", context, options);
}

}  // namespace deelstroom::load::testing
