#include "core/load/meter_readings.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/time/civil.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::load {

namespace {

constexpr int kSecondsPerQuarter = 900;
/// A source day stands in for a simulated day when it has at least half of its quarter-hours;
/// days with fewer are used only when nothing better exists.
constexpr int kUsableSlots = 48;
/// Gaps up to this many quarter-hours between two known values are interpolated linearly;
/// longer ones are copied from the same quarter-hour of the nearest same weekday.
constexpr int kInterpolateMax = 8;
constexpr int kWeeksSearched = 53;

int year_of_day(std::int64_t day) { return time::civil_from_days(day).year; }

/// Index of a date among its year's Belgian public holidays, -1 when it is none.
int holiday_index(const time::CivilDate& date) {
  const auto holidays = time::belgian_public_holidays(date.year);
  for (std::size_t h = 0; h < holidays.size(); ++h) {
    if (holidays[h] == date) return static_cast<int>(h);
  }
  return -1;
}

/// The day of `year` that stands in for `target`: the same public holiday when `target` is
/// one, else the day with the same weekday nearest to the same calendar date (within 3 days),
/// moved by a week when that would put an ordinary day on a holiday.
std::int64_t aligned_day(std::int64_t target, int year) {
  const time::CivilDate date = time::civil_from_days(target);
  const int holiday = holiday_index(date);
  if (holiday >= 0) return time::days_from_civil(time::belgian_public_holidays(year)[static_cast<std::size_t>(holiday)]);
  const int day = std::min(date.day, time::days_in_month(year, date.month));
  const std::int64_t ideal = time::days_from_civil(year, date.month, day);
  int shift = (time::weekday_from_days(target) - time::weekday_from_days(ideal) + 7) % 7;
  if (shift > 3) shift -= 7;
  std::int64_t candidate = ideal + shift;
  if (holiday_index(time::civil_from_days(candidate)) >= 0) candidate += (shift > 0 ? -7 : 7);
  return candidate;
}

class SourceChooser {
 public:
  explicit SourceChooser(const MeterReadings& readings) : days_(readings.days()) {
    for (const auto& [day, data] : days_) years_.insert(year_of_day(day));
  }

  /// The source day for a simulated day, or nullptr. Inside the period the file covers, only
  /// the day itself counts (a missing day there is a gap, filled and reported as such);
  /// outside it, the day is mapped from another date.
  std::pair<std::int64_t, const MeterReadings::Day*> choose(std::int64_t target) const {
    if (days_.empty()) return {0, nullptr};
    if (target >= days_.begin()->first && target <= days_.rbegin()->first) {
      return {target, with_data(target, 1)};
    }
    for (int min_slots : {kUsableSlots, 1}) {
      if (const auto* exact = with_data(target, min_slots)) return {target, exact};
      std::vector<int> years(years_.begin(), years_.end());
      const int target_year = year_of_day(target);
      std::stable_sort(years.begin(), years.end(), [&](int a, int b) {
        const int da = std::abs(a - target_year), db = std::abs(b - target_year);
        return da != db ? da < db : a > b;
      });
      for (int week = 0; week <= kWeeksSearched; ++week) {
        for (int year : years) {
          const std::int64_t aligned = aligned_day(target, year);
          for (int sign : {+1, -1}) {
            const std::int64_t candidate = aligned + sign * 7 * week;
            if (const auto* data = with_data(candidate, min_slots)) return {candidate, data};
            if (week == 0) break;
          }
        }
      }
    }
    return {0, nullptr};
  }

 private:
  const MeterReadings::Day* with_data(std::int64_t day, int min_slots) const {
    const auto found = days_.find(day);
    return found != days_.end() && found->second.offtake_slots >= min_slots ? &found->second : nullptr;
  }

  const std::map<std::int64_t, MeterReadings::Day>& days_;
  std::set<int> years_;
};

/// Where each grid interval sits: its local day, and each day's interval per wall-clock slot.
struct GridDays {
  std::vector<LocalDay> days;
  std::vector<int> day_of_interval;
  std::vector<std::array<int, 96>> interval_of_quarter;  ///< first occurrence; -1 when absent

  GridDays(const time::LocalCalendar& calendar, int interval_count) : days(local_days(calendar, interval_count)) {
    day_of_interval.resize(static_cast<std::size_t>(interval_count));
    interval_of_quarter.resize(days.size());
    for (std::size_t d = 0; d < days.size(); ++d) {
      interval_of_quarter[d].fill(-1);
      for (int i = days[d].first_interval; i < days[d].first_interval + days[d].interval_count; ++i) {
        day_of_interval[static_cast<std::size_t>(i)] = static_cast<int>(d);
        int& slot = interval_of_quarter[d][calendar.quarter_of_day[static_cast<std::size_t>(i)]];
        if (slot < 0) slot = i;
      }
    }
  }
};

/// The interval with data nearest in kind to `i`: the same wall-clock quarter-hour on the
/// same weekday 1, 2, ... weeks away, else on the nearest day of the same class, else on the
/// nearest day; -1 if none.
int donor_interval(int i, const GridDays& grid_days, const std::vector<std::uint8_t>& quarter,
                   const std::vector<std::uint8_t>& known) {
  const int day = grid_days.day_of_interval[static_cast<std::size_t>(i)];
  const int q = quarter[static_cast<std::size_t>(i)];
  const int day_count = static_cast<int>(grid_days.days.size());
  auto known_at = [&](int other_day) {
    if (other_day < 0 || other_day >= day_count) return -1;
    const int j = grid_days.interval_of_quarter[static_cast<std::size_t>(other_day)][q];
    return j >= 0 && known[static_cast<std::size_t>(j)] ? j : -1;
  };
  for (int week = 1; week <= kWeeksSearched; ++week) {
    for (int sign : {-1, +1}) {
      if (const int j = known_at(day + sign * 7 * week); j >= 0) return j;
    }
  }
  const DayClass day_class = grid_days.days[static_cast<std::size_t>(day)].day_class;
  for (bool same_class : {true, false}) {
    for (int distance = 1; distance < day_count; ++distance) {
      for (int sign : {-1, +1}) {
        const int other = day + sign * distance;
        if (other < 0 || other >= day_count) continue;
        if (same_class && grid_days.days[static_cast<std::size_t>(other)].day_class != day_class) continue;
        if (const int j = known_at(other); j >= 0) return j;
      }
    }
  }
  return -1;
}

/// Fills the intervals without data (known == 0) in place and returns the runs filled.
std::vector<Gap> fill_gaps(Eigen::ArrayXd& offtake, Eigen::ArrayXd& injection, const std::vector<std::uint8_t>& known,
                           const GridDays& grid_days, const std::vector<std::uint8_t>& quarter,
                           const time::YearGrid& grid) {
  const int n = static_cast<int>(offtake.size());
  std::vector<Gap> gaps;
  for (int a = 0; a < n;) {
    if (known[static_cast<std::size_t>(a)]) {
      ++a;
      continue;
    }
    int b = a;
    while (b < n && !known[static_cast<std::size_t>(b)]) ++b;
    gaps.push_back(Gap{grid.start_utc_seconds(a), b - a});
    const int length = b - a;
    if (length <= kInterpolateMax && a > 0 && b < n) {
      for (int k = 0; k < length; ++k) {
        const double weight = static_cast<double>(k + 1) / (length + 1);
        offtake[a + k] = offtake[a - 1] + weight * (offtake[b] - offtake[a - 1]);
        injection[a + k] = injection[a - 1] + weight * (injection[b] - injection[a - 1]);
      }
    } else {
      for (int i = a; i < b; ++i) {
        const int donor = donor_interval(i, grid_days, quarter, known);
        offtake[i] = donor >= 0 ? offtake[donor] : 0.0;
        injection[i] = donor >= 0 ? injection[donor] : 0.0;
      }
    }
    a = b;
  }
  return gaps;
}

}  // namespace

SlotKey MeterReadings::key_of(std::int64_t utc_seconds) const {
  const time::LocalDateTime local = time::to_local(zone_, utc_seconds);
  const std::optional<std::int64_t> first = time::local_to_utc(zone_, local.date, local.hour, local.minute, false);
  const bool second_occurrence = first && *first != utc_seconds;
  return SlotKey{time::days_from_civil(local.date), slot_index(local.hour * 4 + local.minute / 15, second_occurrence)};
}

void MeterReadings::add(std::int64_t utc_seconds, Channel channel, double kwh, bool estimated) {
  const SlotKey key = key_of(utc_seconds);
  Day& day = days_[key.day];
  std::uint8_t& flags = day.flags[static_cast<std::size_t>(key.slot)];
  if (channel == Channel::offtake) {
    if (!(flags & kHasOfftake)) {
      flags |= kHasOfftake;
      ++day.offtake_slots;
      ++offtake_slots_;
    }
    day.offtake[static_cast<std::size_t>(key.slot)] += kwh;
    offtake_kwh_ += kwh;
  } else {
    flags |= kHasInjection;
    has_injection_ = true;
    day.injection[static_cast<std::size_t>(key.slot)] += kwh;
    injection_kwh_ += kwh;
  }
  if (estimated) flags |= kEstimated;
  first_utc_ = std::min(first_utc_, utc_seconds);
  end_utc_ = std::max(end_utc_, utc_seconds + kSecondsPerQuarter);
}

void OverlapGuard::check(int register_id, std::int64_t utc_seconds, const InputLocation& where) {
  const std::uint64_t key = (static_cast<std::uint64_t>(utc_seconds / kSecondsPerQuarter) << 8) |
                            static_cast<std::uint64_t>(register_id & 0xFF);
  const auto [found, inserted] = first_line_.emplace(key, where.line);
  if (!inserted) {
    const Text of_register = register_id > 0 ? Text{" van dit register", " of this register"} : Text{};
    throw InputError(where, Text{"overlappende periode: dit kwartier", "overlapping period: this quarter-hour"} + of_register +
                                fill(" staat al op regel {}", " is already given on line {}", {std::to_string(found->second)}));
  }
}

SeriesFile map_onto_grid(const MeterReadings& readings, const time::YearGrid& grid, const time::LocalCalendar& calendar,
                         QualityReport quality) {
  if (!readings.has_offtake()) throw InputError({quality.file, 0, 0, ""}, Text{"het bestand bevat geen afnamewaarden", "the file holds no offtake values"});
  const int n = grid.interval_count;
  const GridDays grid_days(calendar, n);
  const std::int64_t first_day = time::days_from_civil(grid.year, 1, 1);
  const SourceChooser chooser(readings);

  Eigen::ArrayXd offtake = Eigen::ArrayXd::Zero(n);
  Eigen::ArrayXd injection = Eigen::ArrayXd::Zero(n);
  std::vector<std::uint8_t> known(static_cast<std::size_t>(n), 0);
  std::set<int> source_years;
  for (const LocalDay& day : grid_days.days) {
    const std::int64_t target = first_day + day.day_of_year;
    const auto [source_day, source] = chooser.choose(target);
    if (!source) continue;
    source_years.insert(year_of_day(source_day));
    if (source_day != target) ++quality.days_from_other_dates;
    std::array<bool, 96> seen{};
    for (int i = day.first_interval; i < day.first_interval + day.interval_count; ++i) {
      const int q = calendar.quarter_of_day[static_cast<std::size_t>(i)];
      int slot = slot_index(q, seen[static_cast<std::size_t>(q)]);
      seen[static_cast<std::size_t>(q)] = true;
      // A repeated hour mapped from a day that had it once: the hour is used twice.
      if (slot >= 96 && !(source->flags[static_cast<std::size_t>(slot)] & MeterReadings::kHasOfftake)) slot = q;
      const std::uint8_t flags = source->flags[static_cast<std::size_t>(slot)];
      if (flags & MeterReadings::kHasOfftake) {
        offtake[i] = source->offtake[static_cast<std::size_t>(slot)];
        known[static_cast<std::size_t>(i)] = 1;
        if (flags & MeterReadings::kEstimated) ++quality.estimated_intervals;
      }
      if (flags & MeterReadings::kHasInjection) injection[i] = source->injection[static_cast<std::size_t>(slot)];
    }
  }

  quality.gaps = fill_gaps(offtake, injection, known, grid_days, calendar.quarter_of_day, grid);
  quality.year_intervals = n;
  quality.filled_intervals = static_cast<int>(std::count(known.begin(), known.end(), 0));
  quality.source_years.assign(source_years.begin(), source_years.end());
  quality.mapped_from_other_dates = quality.days_from_other_dates > 0;
  quality.first_utc_seconds = readings.first_utc();
  quality.end_utc_seconds = readings.end_utc();
  quality.file_intervals = readings.offtake_slots();
  quality.file_offtake_kwh = readings.offtake_kwh();
  quality.file_injection_kwh = readings.injection_kwh();
  quality.has_injection = readings.has_injection();
  quality.year_offtake_kwh = offtake.sum();
  quality.year_injection_kwh = readings.has_injection() ? injection.sum() : 0.0;

  SeriesFile result;
  result.kwh = std::move(offtake);
  if (readings.has_injection()) result.injection_kwh = std::move(injection);
  result.quality = std::move(quality);
  return result;
}

}  // namespace deelstroom::load
