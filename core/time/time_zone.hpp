#pragma once
// Time zones the simulator supports: fixed offsets and the EU daylight-saving rule
// (Directive 2000/84/EC: summer time from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC). Europe/Brussels is the default.
#include <cstdint>
#include <optional>
#include <string>

#include "core/time/civil.hpp"

namespace deelstroom::time {

struct TimeZone {
  std::string name = "Europe/Brussels";
  int standard_offset_minutes = 60;  ///< east of UTC, outside summer time
  bool eu_summer_time = true;        ///< +60 min between the EU change instants
};

/// Europe/Brussels (CET/CEST).
TimeZone brussels_time_zone();

/// A zone by IANA name ("Europe/Brussels", "Europe/Amsterdam", "Europe/Paris", "UTC", ...)
/// or a fixed offset "UTC+01:00" / "+01:00"; nullopt when unknown.
std::optional<TimeZone> time_zone_from_name(const std::string& name);

/// Offset of local time from UTC, in seconds, at a UTC instant (seconds since 1970).
int utc_offset_seconds(const TimeZone& zone, std::int64_t utc_seconds);

/// Whether summer time is in force at the UTC instant.
bool is_summer_time(const TimeZone& zone, std::int64_t utc_seconds);

/// UTC seconds of the instants summer time starts and ends in a year (EU rule).
std::int64_t eu_summer_time_start_utc(int year);
std::int64_t eu_summer_time_end_utc(int year);

struct LocalDateTime {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int utc_offset_minutes = 0;
};

/// Local wall-clock date and time of a UTC instant.
LocalDateTime to_local(const TimeZone& zone, std::int64_t utc_seconds);

/// UTC instant of a local wall-clock time. In the repeated October hour `second_occurrence`
/// picks the later (standard-time) instant; a time in the skipped March hour yields nullopt.
std::optional<std::int64_t> local_to_utc(const TimeZone& zone, const CivilDate& date, int hour,
                                         int minute, bool second_occurrence = false);

/// ISO 8601 label with offset, e.g. "2025-03-30T03:00+02:00".
std::string iso_local_label(const TimeZone& zone, std::int64_t utc_seconds);

/// ISO 8601 UTC label, e.g. "2025-03-30T01:00Z".
std::string iso_utc_label(std::int64_t utc_seconds);

}  // namespace deelstroom::time
