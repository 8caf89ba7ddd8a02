#pragma once
// Meter readings as the importers collect them (any year, any order, possibly with gaps),
// keyed by local day and wall-clock quarter-hour, and their mapping onto the simulated year:
// day by day with the weekday kept, holidays on holidays, gaps filled and reported.
#include <array>
#include <cstdint>
#include <map>
#include <unordered_map>

#include <Eigen/Core>

#include "core/common/error.hpp"
#include "core/load/series_file.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::load {

/// Slots of one local day: 96 wall-clock quarter-hours, plus 4 for the second occurrence of
/// the hour repeated when summer time ends (so the October day's 100 quarter-hours are kept
/// apart, never merged).
inline constexpr int kDaySlots = 100;

inline int slot_index(int quarter_of_day, bool second_occurrence) {
  return second_occurrence ? 96 + (quarter_of_day & 3) : quarter_of_day;
}

enum class Channel : std::uint8_t { offtake = 0, injection = 1 };

struct SlotKey {
  std::int64_t day = 0;  ///< local civil day (days since 1970-01-01)
  int slot = 0;          ///< slot_index
};

class MeterReadings {
 public:
  explicit MeterReadings(time::TimeZone zone) : zone_(std::move(zone)) {}

  /// The local day and slot of the quarter-hour starting at a UTC instant.
  SlotKey key_of(std::int64_t utc_seconds) const;

  /// Adds kWh to a channel of the quarter-hour starting at `utc_seconds` (registers of one
  /// quarter-hour add up: day + night).
  void add(std::int64_t utc_seconds, Channel channel, double kwh, bool estimated);

  bool has_offtake() const { return offtake_slots_ > 0; }
  bool has_injection() const { return has_injection_; }
  int offtake_slots() const { return offtake_slots_; }
  std::int64_t first_utc() const { return first_utc_; }
  std::int64_t end_utc() const { return end_utc_; }
  double offtake_kwh() const { return offtake_kwh_; }
  double injection_kwh() const { return injection_kwh_; }
  const time::TimeZone& zone() const { return zone_; }

  struct Day {
    std::array<double, kDaySlots> offtake{};
    std::array<double, kDaySlots> injection{};
    std::array<std::uint8_t, kDaySlots> flags{};  ///< kHasOfftake | kHasInjection | kEstimated
    int offtake_slots = 0;
  };
  static constexpr std::uint8_t kHasOfftake = 1, kHasInjection = 2, kEstimated = 4;

  const std::map<std::int64_t, Day>& days() const { return days_; }

 private:
  time::TimeZone zone_;
  std::map<std::int64_t, Day> days_;
  int offtake_slots_ = 0;
  bool has_injection_ = false;
  std::int64_t first_utc_ = INT64_MAX;
  std::int64_t end_utc_ = INT64_MIN;
  double offtake_kwh_ = 0.0;
  double injection_kwh_ = 0.0;
};

/// Refuses a second reading of the same register for the same quarter-hour ("overlapping
/// periods"), naming both lines.
class OverlapGuard {
 public:
  void check(int register_id, std::int64_t utc_seconds, const InputLocation& where);

 private:
  std::unordered_map<std::uint64_t, int> first_line_;
};

/// The readings on the grid of the simulated year: offtake and (when present) injection per
/// interval, with `quality` completed (mapping, gaps, estimated share, totals).
/// InputError (naming `quality.file`) when the readings hold no offtake at all.
SeriesFile map_onto_grid(const MeterReadings& readings, const time::YearGrid& grid,
                         const time::LocalCalendar& calendar, QualityReport quality);

}  // namespace deelstroom::load
