#include "core/time/time_zone.hpp"

#include <array>
#include <cstdio>
#include <string_view>

namespace deelstroom::time {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

struct NamedZone {
  std::string_view name;
  int standard_offset_minutes;
  bool eu_summer_time;
};

constexpr std::array<NamedZone, 14> kNamedZones{{
    {"Europe/Brussels", 60, true},   {"Europe/Amsterdam", 60, true}, {"Europe/Luxembourg", 60, true},
    {"Europe/Paris", 60, true},      {"Europe/Berlin", 60, true},    {"Europe/Madrid", 60, true},
    {"Europe/Rome", 60, true},       {"Europe/Vienna", 60, true},    {"Europe/London", 0, true},
    {"Europe/Dublin", 0, true},      {"Europe/Lisbon", 0, true},     {"Europe/Helsinki", 120, true},
    {"UTC", 0, false},               {"Etc/UTC", 0, false},
}};

std::optional<int> parse_fixed_offset_minutes(std::string_view text) {
  if (text.rfind("UTC", 0) == 0) text.remove_prefix(3);
  if (text.empty()) return 0;
  const int sign = text[0] == '-' ? -1 : (text[0] == '+' ? 1 : 0);
  if (sign == 0) return std::nullopt;
  text.remove_prefix(1);
  int hours = 0, minutes = 0;
  if (text.size() == 5 && text[2] == ':') {
    hours = (text[0] - '0') * 10 + (text[1] - '0');
    minutes = (text[3] - '0') * 10 + (text[4] - '0');
  } else if (text.size() == 2 || text.size() == 1) {
    for (char c : text) hours = hours * 10 + (c - '0');
  } else {
    return std::nullopt;
  }
  for (char c : text) {
    if (c != ':' && (c < '0' || c > '9')) return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

}  // namespace

TimeZone brussels_time_zone() { return TimeZone{}; }

std::optional<TimeZone> time_zone_from_name(const std::string& name) {
  for (const auto& zone : kNamedZones) {
    if (zone.name == name) return TimeZone{name, zone.standard_offset_minutes, zone.eu_summer_time};
  }
  if (auto offset = parse_fixed_offset_minutes(name)) return TimeZone{name, *offset, false};
  return std::nullopt;
}

std::int64_t eu_summer_time_start_utc(int year) {
  return days_from_civil(last_weekday_of_month(year, 3, 6)) * kSecondsPerDay + 3600;
}

std::int64_t eu_summer_time_end_utc(int year) {
  return days_from_civil(last_weekday_of_month(year, 10, 6)) * kSecondsPerDay + 3600;
}

bool is_summer_time(const TimeZone& zone, std::int64_t utc_seconds) {
  if (!zone.eu_summer_time) return false;
  const int year = civil_from_days(floor_div(utc_seconds, kSecondsPerDay)).year;
  return utc_seconds >= eu_summer_time_start_utc(year) && utc_seconds < eu_summer_time_end_utc(year);
}

int utc_offset_seconds(const TimeZone& zone, std::int64_t utc_seconds) {
  return zone.standard_offset_minutes * 60 + (is_summer_time(zone, utc_seconds) ? 3600 : 0);
}

LocalDateTime to_local(const TimeZone& zone, std::int64_t utc_seconds) {
  const int offset = utc_offset_seconds(zone, utc_seconds);
  const std::int64_t local = utc_seconds + offset;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t second_of_day = local - days * kSecondsPerDay;
  LocalDateTime result;
  result.date = civil_from_days(days);
  result.hour = static_cast<int>(second_of_day / 3600);
  result.minute = static_cast<int>((second_of_day % 3600) / 60);
  result.utc_offset_minutes = offset / 60;
  return result;
}

std::optional<std::int64_t> local_to_utc(const TimeZone& zone, const CivilDate& date, int hour,
                                         int minute, bool second_occurrence) {
  const std::int64_t local = days_from_civil(date) * kSecondsPerDay + hour * 3600 + minute * 60;
  const std::int64_t standard = zone.standard_offset_minutes * 60;
  // Candidates: the instant read as standard time and as summer time.
  const std::int64_t as_standard = local - standard;
  const std::int64_t as_summer = local - standard - 3600;
  const bool standard_fits = utc_offset_seconds(zone, as_standard) == standard;
  const bool summer_fits = zone.eu_summer_time && utc_offset_seconds(zone, as_summer) == standard + 3600;
  if (standard_fits && summer_fits) return second_occurrence ? as_standard : as_summer;
  if (summer_fits) return as_summer;
  if (standard_fits) return as_standard;
  return std::nullopt;
}

std::string iso_local_label(const TimeZone& zone, std::int64_t utc_seconds) {
  const LocalDateTime t = to_local(zone, utc_seconds);
  const int offset = t.utc_offset_minutes;
  const int magnitude = offset < 0 ? -offset : offset;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", t.date.year, t.date.month,
                t.date.day, t.hour, t.minute, offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return buffer;
}

std::string iso_utc_label(std::int64_t utc_seconds) {
  const std::int64_t days = floor_div(utc_seconds, kSecondsPerDay);
  const std::int64_t second_of_day = utc_seconds - days * kSecondsPerDay;
  const CivilDate d = civil_from_days(days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(second_of_day / 3600), static_cast<int>((second_of_day % 3600) / 60));
  return buffer;
}

}  // namespace deelstroom::time
