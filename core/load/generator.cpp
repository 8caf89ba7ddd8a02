#include "core/load/generator.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>
#include <vector>

#include "core/common/error.hpp"
#include "core/load/packet_order_sum.hpp"
#include "core/load/random.hpp"
#include "core/time/civil.hpp"

// GCC turns a loop of stores of zero into memset (a string instruction here); clang has
// no such switch per function and no such habit at this size.
#if defined(__GNUC__) && !defined(__clang__)
#define DEELSTROOM_NO_MEMSET_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define DEELSTROOM_NO_MEMSET_LOOPS
#endif

namespace deelstroom::load {

namespace {

constexpr int kSlots = 96;                 // wall-clock quarter-hours of a local day
constexpr int kEventSlots = 2 * kSlots;    // a use started late may run past midnight
constexpr double kHoursPerSlot = 0.25;
constexpr double kHoursPerYear = 8760.0;  ///< a charger's yearly bound (a leap year's extra day left as margin)
constexpr int kMorningSlots = 2;           // breakfast appliances run in the first half hour
/// Spread (h) of each person's own shift of all their times: apartments of one type do not
/// share one clock. Also widens the mean shape's spreads (sqrt(sd^2 + shift^2)).
constexpr double kPersonShiftSdH = 0.4;
/// Multiplicative noise on the activity load of an awake person: uniform on [0.4, 1.6].
constexpr float kNoiseLow = 0.4f;
constexpr float kNoiseWidth = 1.2f;
constexpr int kSummerDays = 62;            // July and August: where the summer holiday block falls

using SlotArray = std::array<float, kSlots>;
using EventArray = std::array<float, kEventSlots>;

/// Centre of a slot in hours since local midnight.
double slot_centre_h(int slot) { return (slot + 0.5) * kHoursPerSlot; }

/// The first slot whose centre is at or after `hour` (0..96): a person who gets up at `hour`
/// is awake from this slot on. Consistent with spread_cdf: slot_of(T) <= q <=> T <= centre(q).
int slot_of(double hour) {
  // ceil by truncation (the clamp to [-1, 97] first changes no result and keeps the value in
  // int range): without SSE4.1 std::ceil is a longer sequence, and this runs for every draw.
  const double x = std::clamp(hour * 4.0 - 0.5, -1.0, 97.0);
  const int truncated = static_cast<int>(x);
  const int ceiling = truncated + (static_cast<double>(truncated) < x ? 1 : 0);
  return std::clamp(ceiling, 0, kSlots);
}

/// P(T <= hour) for T = mean + sd * Z (Z from Random::bell), with an extra independent spread.
double spread_cdf(const TimeSpread& spread, double hour, double extra_sd_h) {
  const double sd = std::sqrt(spread.sd_h * spread.sd_h + extra_sd_h * extra_sd_h);
  if (sd <= 0.0) return hour >= spread.mean_h ? 1.0 : 0.0;
  return bell_cdf((hour - spread.mean_h) / sd);
}

/// Probability that min(slot_of(T), 95) == q: the start slot of an event at time T.
SlotArray start_pmf(const TimeSpread& spread, double extra_sd_h) {
  SlotArray pmf{};
  double previous = 0.0;
  for (int q = 0; q < kSlots; ++q) {
    const double cumulative = q == kSlots - 1 ? 1.0 : spread_cdf(spread, slot_centre_h(q), extra_sd_h);
    pmf[q] = static_cast<float>(cumulative - previous);
    previous = cumulative;
  }
  return pmf;
}

/// Adds `kw` to `count` consecutive event slots from `first`.
void add_block(EventArray& events, int first, int count, float kw) {
  const int end = std::min(first + count, kEventSlots);
  for (int q = first; q < end; ++q) events[q] += kw;
}

/// An appliance prepared for one household: power while running and start densities.
struct PreparedAppliance {
  const Appliance* appliance = nullptr;
  int duration_slots = 1;
  float kw = 0.0f;
  std::array<SlotArray, kDayClassCount> pmf{};
  std::array<int, kDayClassCount> first{};  ///< slots where pmf > 0: [first, last)
  std::array<int, kDayClassCount> last{};
};

std::vector<PreparedAppliance> prepare_appliances(const std::vector<Appliance>& appliances) {
  std::vector<PreparedAppliance> prepared;
  prepared.reserve(appliances.size());
  for (const Appliance& appliance : appliances) {
    PreparedAppliance p;
    p.appliance = &appliance;
    p.duration_slots = std::max(1, static_cast<int>(std::lround(appliance.duration_h / kHoursPerSlot)));
    p.kw = static_cast<float>(appliance.kwh_per_use / (p.duration_slots * kHoursPerSlot));
    for (int c = 0; c < kDayClassCount; ++c) {
      p.pmf[c] = start_pmf(appliance.start[c], 0.0);
      int first = 0, last = kSlots;
      while (first < kSlots && p.pmf[c][first] <= 0.0f) ++first;
      while (last > first && p.pmf[c][last - 1] <= 0.0f) --last;
      p.first[c] = first;
      p.last[c] = last;
    }
    prepared.push_back(p);
  }
  return prepared;
}

/// Where a day falls for the holiday blocks: index within July-August, or within the rest.
struct VacationCalendar {
  int summer_first_day = 0;  ///< day_of_year of 1 July
  int other_day_count = 0;

  int summer_index(const LocalDay& day) const {
    return (day.month == 7 || day.month == 8) ? day.day_of_year - summer_first_day : -1;
  }
  int other_index(const LocalDay& day) const {
    if (day.month == 7 || day.month == 8) return -1;
    const int index = day.day_of_year < summer_first_day ? day.day_of_year : day.day_of_year - kSummerDays;
    return (index >= 0 && index < other_day_count) ? index : -1;
  }
};

VacationCalendar vacation_calendar(int year) {
  VacationCalendar calendar;
  calendar.summer_first_day = static_cast<int>(time::days_from_civil(year, 7, 1) - time::days_from_civil(year, 1, 1));
  calendar.other_day_count = time::days_in_year(year) - kSummerDays;
  return calendar;
}

/// Probability that position `index` (of `positions`) lies in a block of `length` placed
/// uniformly at random (start 0 .. positions - length).
double block_probability(int index, int length, int positions) {
  if (index < 0 || length <= 0) return 0.0;
  length = std::min(length, positions);
  const int starts = positions - length + 1;
  const int covering = std::min(index, positions - length) - std::max(0, index - length + 1) + 1;
  return covering > 0 ? static_cast<double>(covering) / starts : 0.0;
}

/// Per-household scale factors and draws that hold for the whole year.
struct HouseholdTraits {
  float base_kw = 0.0f;
  float active_kw = 0.0f;
  float light_kw = 0.0f;
  std::vector<double> person_shift_h;
  std::vector<double> appliance_scale;
  int summer_vacation_start = -1;
  int other_vacation_start = -1;
  double heat_pump_limit_offset_c = 0.0;
};

HouseholdTraits draw_traits(const HouseholdArchetype& archetype, std::size_t appliance_count, bool stochastic,
                            const VacationCalendar& vacations, Random& random) {
  HouseholdTraits traits;
  // Apartments of one type still differ: fridge and standby, how much is switched on, and
  // how often the machines run (each factor has mean 1, so the type's average is kept).
  const double base_scale = stochastic ? 0.75 + 0.5 * random.uniform() : 1.0;
  const double active_scale = stochastic ? 0.7 + 0.6 * random.uniform() : 1.0;
  const double light_scale = stochastic ? 0.7 + 0.6 * random.uniform() : 1.0;
  traits.base_kw = static_cast<float>(archetype.base_kw * base_scale);
  traits.active_kw = static_cast<float>(archetype.active_kw * active_scale);
  traits.light_kw = static_cast<float>(archetype.light_kw * light_scale);
  for (std::size_t p = 0; p < archetype.persons.size(); ++p) {
    traits.person_shift_h.push_back(stochastic ? kPersonShiftSdH * random.bell() : 0.0);
  }
  for (std::size_t a = 0; a < appliance_count; ++a) {
    traits.appliance_scale.push_back(archetype.appliance_uses * (stochastic ? 0.6 + 0.8 * random.uniform() : 1.0));
  }
  if (stochastic) {
    const int summer_length = std::min(archetype.vacation_summer_days, kSummerDays);
    if (summer_length > 0) {
      traits.summer_vacation_start = static_cast<int>(random.uniform() * (kSummerDays - summer_length + 1));
    }
    const int other_length = std::min(archetype.vacation_other_days, vacations.other_day_count);
    if (other_length > 0) {
      traits.other_vacation_start = static_cast<int>(random.uniform() * (vacations.other_day_count - other_length + 1));
    }
    traits.heat_pump_limit_offset_c = 0.7 * random.bell();
  }
  return traits;
}

bool on_vacation(const HouseholdTraits& traits, const HouseholdArchetype& archetype, const VacationCalendar& vacations,
                 const LocalDay& day) {
  const int summer = vacations.summer_index(day);
  if (summer >= 0 && traits.summer_vacation_start >= 0) {
    return summer >= traits.summer_vacation_start && summer < traits.summer_vacation_start + archetype.vacation_summer_days;
  }
  const int other = vacations.other_index(day);
  return other >= 0 && traits.other_vacation_start >= 0 && other >= traits.other_vacation_start &&
         other < traits.other_vacation_start + archetype.vacation_other_days;
}

double presence_probability(const HouseholdArchetype& archetype, const VacationCalendar& vacations,
                            const LocalDay& day) {
  const int summer = vacations.summer_index(day);
  if (summer >= 0) return 1.0 - block_probability(summer, archetype.vacation_summer_days, kSummerDays);
  return 1.0 - block_probability(vacations.other_index(day), archetype.vacation_other_days, vacations.other_day_count);
}

/// What one person did on one day (stochastic mode).
struct PersonOutcome {
  bool home = false;       ///< not absent the whole day
  bool went_out = false;
  int back_slot = 0;
};

/// The state the stochastic day loop carries from day to day. Today and tomorrow live in two
/// halves that swap roles at midnight (no copying of a day's slots), and the day's slots go
/// from today's half into tomorrow's where a use runs past midnight.
class DayBuffers {
 public:
  /// Persons awake at home per slot of today.
  const SlotArray& active() const { return awake_[today_]; }
  /// Appliance and morning power (kW) by slot of today.
  const SlotArray& events() const { return events_[today_]; }

  /// Adds `persons` (1 or -1) to today's persons awake at home in slots [first, end).
  void add_awake(int first, int end, float persons) {
    if (first >= end) return;
    SlotArray& active = awake_[today_];
    for (int q = first; q < end; ++q) active[q] += persons;
    mark_change(today_, first);
    mark_change(today_, end);
  }

  /// Adds a person still up after midnight to tomorrow's slots [0, end).
  void add_carry(int end) {
    SlotArray& carry = awake_[1 - today_];
    for (int q = 0; q < end; ++q) carry[q] += 1.0f;
    mark_change(1 - today_, end);
  }

  /// Slots 1..95 of today where the number of persons awake may differ from the slot
  /// before (bit q % 64 of word q / 64); between two of them it is the same.
  const std::array<std::uint64_t, 2>& awake_changes() const { return changes_[today_]; }

  /// Adds `kw` to `count` consecutive slots from slot `first` of today (96 and on: tomorrow,
  /// up to tomorrow's end), each slot's additions in call order as on one 192-slot array.
  void add_events(int first, int count, float kw) {
    const int end = std::min(first + count, kEventSlots);
    SlotArray& today = events_[today_];
    SlotArray& tomorrow = events_[1 - today_];
    for (int q = first; q < std::min(end, kSlots); ++q) today[q] += kw;
    for (int q = std::max(first, kSlots); q < end; ++q) tomorrow[q - kSlots] += kw;
  }

  /// Midnight: tomorrow becomes today, and the day that ended is cleared to become tomorrow.
  void next_day() {
    const int ended = today_;
    today_ = 1 - today_;
    clear(awake_[ended]);
    clear(events_[ended]);
    changes_[ended] = {0, 0};
  }

 private:
  /// A day's slots to +0 in stores of four (std::fill, or this loop left to the compiler,
  /// becomes a string instruction whose start-up costs more than the stores).
  DEELSTROOM_NO_MEMSET_LOOPS static void clear(SlotArray& slots) {
    typedef float Four __attribute__((vector_size(16), aligned(4)));
    static_assert(kSlots % 4 == 0);
    for (int q = 0; q < kSlots; q += 4) *reinterpret_cast<Four*>(slots.data() + q) = Four{};
  }

  void mark_change(int half, int slot) {
    if (slot > 0 && slot < kSlots) changes_[half][slot / 64] |= std::uint64_t{1} << (slot % 64);
  }

  std::array<SlotArray, 2> awake_{};
  std::array<SlotArray, 2> events_{};
  std::array<std::array<std::uint64_t, 2>, 2> changes_{};
  int today_ = 0;
};

/// Draws one person's day into the buffers.
PersonOutcome simulate_person(const PersonType& person, DayClass day_class, double shift_h, DayBuffers& day,
                              Random& random) {
  const PersonDay& routine = person.day[static_cast<int>(day_class)];
  PersonOutcome outcome;
  if (random.uniform() < routine.absent_probability) return outcome;
  outcome.home = true;
  const int wake = slot_of(routine.wake.mean_h + shift_h + routine.wake.sd_h * random.bell());
  const double sleep_h = routine.sleep.mean_h + shift_h + routine.sleep.sd_h * random.bell();
  const int sleep = slot_of(sleep_h);
  day.add_awake(wake, sleep, 1.0f);
  if (sleep_h > 24.0 && wake < sleep) day.add_carry(slot_of(sleep_h - 24.0));
  if (routine.out_probability > 0.0 && random.uniform() < routine.out_probability) {
    const int leave = slot_of(routine.leave.mean_h + shift_h + routine.leave.sd_h * random.bell());
    const int back = slot_of(routine.back.mean_h + shift_h + routine.back.sd_h * random.bell());
    day.add_awake(std::max(leave, wake), std::min(back, sleep), -1.0f);
    outcome.went_out = true;
    outcome.back_slot = std::min(back, kSlots - 1);
  }
  if (wake < sleep && person.morning_kwh > 0.0) {
    day.add_events(std::min(wake, kSlots - 1), kMorningSlots,
                   static_cast<float>(person.morning_kwh / (kMorningSlots * kHoursPerSlot)));
  }
  return outcome;
}

/// sum over the start window of pmf(q) * awake persons(q), with four partial sums (the
/// additions are then independent and the loop is not bound by their latency).
double start_weight(const PreparedAppliance& appliance, int day_class, const SlotArray& active) {
  const float* pmf = appliance.pmf[day_class].data();
  float partial[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  int q = appliance.first[day_class];
  const int last = appliance.last[day_class];
  for (; q + 4 <= last; q += 4) {
    for (int k = 0; k < 4; ++k) partial[k] += pmf[q + k] * active[q + k];
  }
  for (; q < last; ++q) partial[0] += pmf[q] * active[q];
  return static_cast<double>((partial[0] + partial[1]) + (partial[2] + partial[3]));
}

/// Starts the appliance uses of one day, each at a slot drawn from start density x people at home.
void simulate_appliances(const std::vector<PreparedAppliance>& appliances, const HouseholdTraits& traits,
                         DayClass day_class, double person_count, DayBuffers& day, Random& random) {
  const int c = static_cast<int>(day_class);
  for (std::size_t a = 0; a < appliances.size(); ++a) {
    const PreparedAppliance& appliance = appliances[a];
    const double uses = appliance.appliance->uses_per_day[c] * traits.appliance_scale[a];
    // P(a use starts at q) = pmf(q) * active(q) / persons per expected use, so the mean
    // shape below can integrate it exactly: a use happens with probability
    // min(1, remaining) * ratio, ratio = sum(pmf * active) / persons <= 1.
    double weight_sum = -1.0;  // computed only when a draw could accept (most days it cannot)
    for (double remaining = uses; remaining > 0.0; remaining -= 1.0) {
      const double draw = random.uniform();
      const double chance = std::min(1.0, remaining);
      if (draw >= chance) continue;
      if (weight_sum < 0.0) weight_sum = start_weight(appliance, c, day.active());
      if (draw >= chance * weight_sum / person_count) continue;
      double target = random.uniform() * weight_sum;
      int q = appliance.first[c];
      for (; q < appliance.last[c] - 1; ++q) {
        target -= appliance.pmf[c][q] * day.active()[q];
        if (target < 0.0) break;
      }
      day.add_events(q, appliance.duration_slots, appliance.kw);
    }
  }
}

struct ChargingSession {
  int start = 0;          ///< first interval
  double energy_kwh = 0;  ///< energy to deliver
};

/// Lays the sessions down at the charger's power after scaling their energies to
/// `annual_kwh`: each session charges at full power from its start until its energy is
/// delivered, and where sessions overlap the later one waits, so no quarter-hour ever draws
/// more than the charger can deliver.
Eigen::ArrayXd lay_charging_sessions(std::vector<ChargingSession> sessions, double annual_kwh, double charger_kw,
                                     Eigen::Index interval_count) {
  Eigen::ArrayXd ev_kwh = Eigen::ArrayXd::Zero(interval_count);
  double planned_kwh = 0.0;
  for (const ChargingSession& session : sessions) planned_kwh += session.energy_kwh;
  if (planned_kwh <= 0.0) return ev_kwh;
  const double factor = annual_kwh / planned_kwh;
  const double per_interval = charger_kw * kHoursPerSlot;
  for (ChargingSession& session : sessions) {
    double energy = session.energy_kwh * factor;
    // A session still charging at the end of the year goes on from its start (the year is
    // read as a cycle): the year's energy is delivered in full and never above the charger.
    for (Eigen::Index step = 0; step < interval_count && energy > 1e-12; ++step) {
      const Eigen::Index i = (session.start + step) % interval_count;
      const double delivered = std::min(per_interval - ev_kwh[i], energy);
      if (delivered <= 0.0) continue;
      ev_kwh[i] += delivered;
      energy -= delivered;
    }
  }
  return ev_kwh;
}

}  // namespace

void cap_charging(Eigen::ArrayXd& ev_kwh, double charger_kw) {
  const double cap_kwh = charger_kw * kHoursPerSlot;
  const Eigen::Index n = ev_kwh.size();
  double waiting_kwh = 0.0;
  // Two rounds over the cyclic year: the energy above the cap at the end of the first round
  // fits in the spare quarter-hours of the second whenever the year's total fits at all.
  for (Eigen::Index step = 0; step < 2 * n; ++step) {
    const Eigen::Index i = step % n;
    if (step >= n && waiting_kwh <= 0.0) break;
    const double wanted = ev_kwh[i] + waiting_kwh;
    ev_kwh[i] = std::min(wanted, cap_kwh);
    waiting_kwh = wanted - ev_kwh[i];
  }
}

namespace {

/// The interval of a day that shows wall-clock slot `slot` (or the next existing one: the
/// skipped hour of the spring DST day), -1 if none.
int interval_of_slot(const LocalDay& day, const std::vector<std::uint8_t>& quarter_of_day, int slot) {
  for (int k = 0; k < day.interval_count; ++k) {
    if (quarter_of_day[day.first_interval + k] >= slot) return day.first_interval + k;
  }
  return -1;
}

/// Scales a series whose sum is `sum_kwh` to `total_kwh` (unchanged if it sums to 0).
void scale_to(Eigen::ArrayXd& series, double total_kwh, double sum_kwh) {
  if (sum_kwh > 0.0) series *= total_kwh / sum_kwh;
}

void scale_to(Eigen::ArrayXd& series, double total_kwh) { scale_to(series, total_kwh, series.sum()); }

/// scale_to, returning the scaled series' sum as Eigen's sum() gives it: summed a piece at a
/// time right after the piece is scaled, so the series is read once.
double scale_and_sum(Eigen::ArrayXd& series, double total_kwh, double sum_kwh) {
  if (!packet_order_sum_matches_eigen(series.data())) {
    scale_to(series, total_kwh, sum_kwh);
    return series.sum();
  }
  const bool scaled = sum_kwh > 0.0;  // a series summing to 0 stays as it is
  const double factor = scaled ? total_kwh / sum_kwh : 1.0;
  constexpr Eigen::Index kPiece = 512;
  PacketOrderSum sum;
  double* values = series.data();
  for (Eigen::Index first = 0; first < series.size(); first += kPiece) {
    const Eigen::Index count = std::min(kPiece, series.size() - first);
    if (scaled) {
      for (Eigen::Index k = first; k < first + count; ++k) values[k] *= factor;
    }
    sum.add(values + first, count);
  }
  return sum.total();
}

/// The library's appliances with their start densities, computed once (the library is
/// immutable after its first use).
const std::vector<PreparedAppliance>& library_appliances() {
  static const std::vector<PreparedAppliance> prepared = prepare_appliances(archetype_library().appliances);
  return prepared;
}

struct GeneratorSetup {
  const HouseholdArchetype& archetype;
  std::vector<const PersonType*> persons;
  const std::vector<PreparedAppliance>& appliances;
  VacationCalendar vacations;
  double spike_probability_per_person = 0.0;  ///< per awake person and slot
  float spike_kw = 0.0f;
};

GeneratorSetup make_setup(const HouseholdArchetype& archetype, const PreparedContext& context) {
  const ArchetypeLibrary& library = archetype_library();
  std::vector<const PersonType*> persons;
  for (int index : archetype.persons) persons.push_back(&library.person_types[static_cast<std::size_t>(index)]);
  GeneratorSetup setup{archetype, persons, library_appliances(), vacation_calendar(context.grid->year)};
  setup.spike_probability_per_person = archetype.spikes_per_active_h * kHoursPerSlot;
  setup.spike_kw = static_cast<float>(archetype.spike_kwh / kHoursPerSlot);
  return setup;
}

float season_factor(const HouseholdArchetype& archetype, float winter_weight) {
  return 1.0f + 0.5f * static_cast<float>(archetype.winter_activity_increase) * winter_weight;
}

/// The household's powers on one day (kW), as the quarter-hours of that day use them.
struct DayPowers {
  float base_kw = 0.0f;
  float active_kw = 0.0f;  ///< per awake person, with the season's factor
  float light_kw = 0.0f;   ///< per awake person when it is dark
  float spike_kw = 0.0f;
  double spike_probability_per_person = 0.0;  ///< per awake person and slot
};

/// The quarter-hours of one day in the order of the grid: persons awake and appliance power
/// per interval (the day's slots, repeated or skipped on a day the clock changes).
struct DaySlots {
  const float* awake = nullptr;
  const float* events_kw = nullptr;
};

/// A day's slots per interval: the buffers themselves on a regular day, else gathered
/// through the interval's wall-clock slot into `awake` and `events_kw`.
DaySlots day_slots(const LocalDay& local_day, const std::vector<std::uint8_t>& quarter, const DayBuffers& day,
                   std::vector<float>& awake, std::vector<float>& events_kw) {
  if (local_day.regular) return {day.active().data(), day.events().data()};
  for (int k = 0; k < local_day.interval_count; ++k) {
    const int q = quarter[static_cast<std::size_t>(local_day.first_interval + k)];
    awake[static_cast<std::size_t>(k)] = day.active()[q];
    events_kw[static_cast<std::size_t>(k)] = day.events()[q];
  }
  return {awake.data(), events_kw.data()};
}

/// Spike thresholds (uniform16_threshold of awake persons x probability per person) for each
/// whole number of awake persons a household can have: each of its persons today plus each
/// one still up from the night before.
std::vector<std::uint32_t> spike_thresholds(std::size_t person_count, double probability_per_person) {
  std::vector<std::uint32_t> thresholds(2 * person_count + 1);
  for (std::size_t awake = 0; awake < thresholds.size(); ++awake) {
    thresholds[awake] = uniform16_threshold(static_cast<double>(static_cast<float>(awake)) * probability_per_person);
  }
  return thresholds;
}

/// The spike threshold for `awake` persons: from the table for a whole number it covers,
/// else computed (never needed by the shipped model, kept for exactness).
std::uint32_t spike_threshold(const std::vector<std::uint32_t>& thresholds, float awake,
                              double probability_per_person) {
  if (awake >= 0.0f && awake < static_cast<float>(thresholds.size())) {
    const auto whole = static_cast<std::size_t>(awake);
    if (static_cast<float>(whole) == awake) return thresholds[whole];
  }
  return uniform16_threshold(static_cast<double>(awake) * probability_per_person);
}

/// `mask` all ones: `a`, all zeros: `b` (bit operations only, so the loop using it has no
/// branch and the compiler vectorises it; the chosen value's bits are unchanged).
float select_bits(std::uint32_t mask, float a, float b) {
  return std::bit_cast<float>((mask & std::bit_cast<std::uint32_t>(a)) | (~mask & std::bit_cast<std::uint32_t>(b)));
}

/// kWh of intervals [first, end) of a day where nobody is awake at home: base and appliances.
void idle_kwh(const DaySlots& slots, int first, int end, const DayPowers& powers, double* kwh) {
  for (int k = first; k < end; ++k) kwh[k] = (powers.base_kw + slots.events_kw[k]) * kHoursPerSlot;
}

/// kWh of intervals [first, end) of a day with `awake` (> 0) persons awake at home: base and
/// appliances, and per awake person activity with its noise, light when it is dark and a
/// spike where the spike uniform is below `spike_threshold` (spike_threshold()).
/// `noise[k - first]` holds the two 16-bit uniforms of interval k (activity low, spike
/// high) as Random::uniforms16 makes them. Branch-free (the compiler vectorises it); each
/// value's arithmetic is that of the plain per-interval formula, in its order.
void awake_kwh(const DaySlots& slots, const float* darkness, const std::uint32_t* noise, int first, int end,
               float awake, std::uint32_t spike_threshold, const DayPowers& powers, double* kwh) {
  for (int k = first; k < end; ++k) {
    const std::uint32_t bits = noise[k - first];
    const float idle_kw = powers.base_kw + slots.events_kw[k];
    // static_cast<float>((u + 0.5) * 2^-16), exactly (17 significant bits).
    const float uniform = (static_cast<float>(static_cast<std::int32_t>(bits & 0xFFFFu)) + 0.5f) * 0x1.0p-16f;
    const float activity = kNoiseLow + kNoiseWidth * uniform;
    const float busy_kw = idle_kw + awake * (powers.active_kw * activity + powers.light_kw * darkness[k]);
    const std::uint32_t spike = (bits >> 16) < spike_threshold ? ~0u : 0u;
    kwh[k] = select_bits(spike, busy_kw + powers.spike_kw, busy_kw) * kHoursPerSlot;
  }
}

/// A run of intervals of one day with the same number of persons awake at home.
struct AwakeRun {
  int first = 0;
  int end = 0;
  float awake = 0.0f;
};

/// The day's intervals as runs of equal awake persons, found by comparing neighbours (a day
/// the clock changes). Returns the number of runs.
int scanned_runs(const float* awake, int count, std::vector<AwakeRun>& runs) {
  int run_count = 0;
  for (int k = 0; k < count;) {
    const float persons = awake[k];
    int end = k + 1;
    while (end < count && awake[end] == persons) ++end;
    runs[static_cast<std::size_t>(run_count++)] = {k, end, persons};
    k = end;
  }
  return run_count;
}

/// A regular day's slots as runs between the slots where the awake count may change (not
/// every run need differ from the one before). Returns the number of runs.
int marked_runs(const DayBuffers& day, std::vector<AwakeRun>& runs) {
  const SlotArray& active = day.active();
  int run_count = 0;
  int first = 0;
  for (int word = 0; word < 2; ++word) {
    for (std::uint64_t bits = day.awake_changes()[static_cast<std::size_t>(word)]; bits != 0; bits &= bits - 1) {
      const int slot = 64 * word + std::countr_zero(bits);
      runs[static_cast<std::size_t>(run_count++)] = {first, slot, active[first]};
      first = slot;
    }
  }
  runs[static_cast<std::size_t>(run_count++)] = {first, kSlots, active[first]};
  return run_count;
}

/// kWh of each interval of one day. The awake intervals take, in order, two 16-bit uniforms
/// each of Random::uniforms16 (activity, then spike): a 64-bit draw serves two awake
/// intervals, its low half the first, and each day starts on a fresh draw.
void day_kwh(const DaySlots& slots, const float* darkness, const std::vector<AwakeRun>& runs, int run_count,
             const DayPowers& powers, const std::vector<std::uint32_t>& spike_thresholds, Random& random,
             std::vector<std::uint32_t>& noise, double* kwh) {
  int awake_count = 0;
  for (int r = 0; r < run_count; ++r) {
    const AwakeRun& run = runs[static_cast<std::size_t>(r)];
    if (run.awake > 0.0f) awake_count += run.end - run.first;
  }
  for (int m = 0; 2 * m < awake_count; ++m) {
    const std::uint64_t bits = random.next();
    noise[static_cast<std::size_t>(2 * m)] = static_cast<std::uint32_t>(bits);
    noise[static_cast<std::size_t>(2 * m + 1)] = static_cast<std::uint32_t>(bits >> 32);
  }
  const std::uint32_t* next = noise.data();
  for (int r = 0; r < run_count; ++r) {
    const AwakeRun& run = runs[static_cast<std::size_t>(r)];
    if (run.awake > 0.0f) {
      const std::uint32_t threshold =
          spike_threshold(spike_thresholds, run.awake, powers.spike_probability_per_person);
      awake_kwh(slots, darkness, next, run.first, run.end, run.awake, threshold, powers, kwh);
      next += run.end - run.first;
    } else {
      idle_kwh(slots, run.first, run.end, powers, kwh);
    }
  }
}

/// The household's series with its sum (as Eigen's sum() of the series gives it).
struct SimulatedHousehold {
  Eigen::ArrayXd kwh;
  double sum_kwh = 0.0;
};

SimulatedHousehold simulate_household(const GeneratorSetup& setup, const HouseholdTraits& traits,
                                      const std::optional<EvOption>& ev, const PreparedContext& context,
                                      Random& random, std::vector<ChargingSession>& sessions) {
  const HouseholdArchetype& archetype = setup.archetype;
  const std::vector<std::uint8_t>& quarter = context.calendar->quarter_of_day;
  const double person_count = static_cast<double>(setup.persons.size());
  const double session_probability = ev ? std::min(1.0, ev->sessions_per_week / 7.0) : 0.0;
  const double session_kwh = ev ? ev->annual_kwh / (52.0 * std::max(ev->sessions_per_week, 1e-9)) : 0.0;
  const std::vector<std::uint32_t> thresholds =
      spike_thresholds(setup.persons.size(), setup.spike_probability_per_person);

  Eigen::ArrayXd household(context.interval_count());
  DayBuffers day;
  std::vector<PersonOutcome> outcomes(setup.persons.size());
  int longest_day = 0;
  for (const LocalDay& local_day : context.days) longest_day = std::max(longest_day, local_day.interval_count);
  const auto day_length = static_cast<std::size_t>(longest_day);
  std::vector<float> gathered_awake(day_length), gathered_events_kw(day_length);
  std::vector<std::uint32_t> noise(day_length + 1);
  std::vector<AwakeRun> runs(day_length);
  // Summed day by day while the day is in the cache (scaling needs the sum).
  PacketOrderSum sum;
  for (std::size_t d = 0; d < context.days.size(); ++d) {
    const LocalDay& local_day = context.days[d];
    day.next_day();
    const bool home = !on_vacation(traits, archetype, setup.vacations, local_day);
    if (home) {
      for (std::size_t p = 0; p < setup.persons.size(); ++p) {
        outcomes[p] = simulate_person(*setup.persons[p], local_day.day_class, traits.person_shift_h[p], day, random);
      }
      simulate_appliances(setup.appliances, traits, local_day.day_class, person_count, day, random);
      if (ev && outcomes[0].home && random.uniform() < session_probability) {
        const int arrival_slot =
            outcomes[0].went_out
                ? outcomes[0].back_slot
                : std::min(slot_of(ev->home_arrival.mean_h + ev->home_arrival.sd_h * random.bell()), kSlots - 1);
        const int start = interval_of_slot(local_day, quarter, arrival_slot);
        const double energy = session_kwh * std::max(0.2, 1.0 + 0.3 * random.bell());
        if (start >= 0) sessions.push_back({start, energy});
      }
    }
    DayPowers powers;
    powers.base_kw = traits.base_kw;
    powers.active_kw = traits.active_kw * season_factor(archetype, context.winter_weight[static_cast<Eigen::Index>(d)]);
    powers.light_kw = traits.light_kw;
    powers.spike_kw = setup.spike_kw;
    powers.spike_probability_per_person = setup.spike_probability_per_person;
    const DaySlots slots = day_slots(local_day, quarter, day, gathered_awake, gathered_events_kw);
    const int run_count =
        local_day.regular ? marked_runs(day, runs) : scanned_runs(slots.awake, local_day.interval_count, runs);
    day_kwh(slots, context.darkness.data() + local_day.first_interval, runs, run_count, powers, thresholds, random,
            noise, household.data() + local_day.first_interval);
    sum.add(household.data() + local_day.first_interval, local_day.interval_count);
  }
  const double sum_kwh = packet_order_sum_matches_eigen(household.data()) ? sum.total() : household.sum();
  return {std::move(household), sum_kwh};
}

/// The expected day of each day class (mean mode): awake persons, and appliance, morning and
/// spike power, all as probabilities x power.
struct ExpectedDay {
  SlotArray active{};   ///< expected persons awake at home
  SlotArray tail{};     ///< expected persons still up after midnight, by slot of the next day
  EventArray events{};  ///< expected appliance and morning power (kW), today and past midnight
};

ExpectedDay expected_day(const GeneratorSetup& setup, DayClass day_class) {
  const int c = static_cast<int>(day_class);
  ExpectedDay day;
  for (const PersonType* person : setup.persons) {
    const PersonDay& routine = person->day[c];
    const double present = 1.0 - routine.absent_probability;
    for (int q = 0; q < kSlots; ++q) {
      const double t = slot_centre_h(q);
      const double awake = spread_cdf(routine.wake, t, kPersonShiftSdH) * (1.0 - spread_cdf(routine.sleep, t, kPersonShiftSdH));
      const double out = routine.out_probability * spread_cdf(routine.leave, t, kPersonShiftSdH) *
                         (1.0 - spread_cdf(routine.back, t, kPersonShiftSdH));
      day.active[q] += static_cast<float>(present * awake * (1.0 - out));
      day.tail[q] += static_cast<float>(present * (1.0 - spread_cdf(routine.sleep, t + 24.0, kPersonShiftSdH)));
    }
    if (person->morning_kwh > 0.0) {
      const SlotArray wake = start_pmf(routine.wake, kPersonShiftSdH);
      const float kw = static_cast<float>(person->morning_kwh / (kMorningSlots * kHoursPerSlot));
      for (int q = 0; q < kSlots; ++q) add_block(day.events, q, kMorningSlots, static_cast<float>(present) * wake[q] * kw);
    }
  }
  const double person_count = static_cast<double>(setup.persons.size());
  for (const PreparedAppliance& appliance : setup.appliances) {
    const double uses = appliance.appliance->uses_per_day[c] * setup.archetype.appliance_uses;
    for (int q = appliance.first[c]; q < appliance.last[c]; ++q) {
      const double starts = uses * appliance.pmf[c][q] * day.active[q] / person_count;
      add_block(day.events, q, appliance.duration_slots, static_cast<float>(starts) * appliance.kw);
    }
  }
  return day;
}

Eigen::ArrayXd expected_household(const GeneratorSetup& setup, const HouseholdTraits& traits,
                                  const std::optional<EvOption>& ev, const PreparedContext& context,
                                  Eigen::ArrayXd& ev_kwh) {
  const HouseholdArchetype& archetype = setup.archetype;
  const std::vector<std::uint8_t>& quarter = context.calendar->quarter_of_day;
  std::array<ExpectedDay, kDayClassCount> days;
  for (int c = 0; c < kDayClassCount; ++c) days[c] = expected_day(setup, static_cast<DayClass>(c));

  Eigen::ArrayXd household(context.interval_count());
  double previous_presence = 0.0;
  const ExpectedDay* previous = nullptr;
  for (std::size_t d = 0; d < context.days.size(); ++d) {
    const LocalDay& local_day = context.days[d];
    const ExpectedDay& today = days[static_cast<int>(local_day.day_class)];
    const float presence = static_cast<float>(presence_probability(archetype, setup.vacations, local_day));
    const float active_kw = traits.active_kw * season_factor(archetype, context.winter_weight[static_cast<Eigen::Index>(d)]);
    const int end = local_day.first_interval + local_day.interval_count;
    const float spike_kw = static_cast<float>(setup.spike_probability_per_person) * setup.spike_kw;
    for (int i = local_day.first_interval; i < end; ++i) {
      const int q = quarter[i];
      float awake = presence * today.active[q];
      float kw = presence * today.events[q];
      if (previous) {
        awake += static_cast<float>(previous_presence) * previous->tail[q];
        kw += static_cast<float>(previous_presence) * previous->events[kSlots + q];
      }
      kw += awake * (active_kw + traits.light_kw * context.darkness[i] + spike_kw);
      household[i] = (traits.base_kw + kw) * kHoursPerSlot;
    }
    if (ev) {
      // Expected charging: session probability x arrival density x the charging curve of a
      // mean session.
      const PersonDay& driver = setup.persons[0]->day[static_cast<int>(local_day.day_class)];
      const double day_probability = std::min(1.0, ev->sessions_per_week / 7.0) * presence * (1.0 - driver.absent_probability);
      const SlotArray back = start_pmf(driver.back, kPersonShiftSdH);
      const SlotArray home = start_pmf(ev->home_arrival, 0.0);
      const double session_kwh = ev->annual_kwh / (52.0 * std::max(ev->sessions_per_week, 1e-9));
      for (int q = 0; q < kSlots; ++q) {
        const double arrival = driver.out_probability * back[q] + (1.0 - driver.out_probability) * home[q];
        if (arrival <= 0.0) continue;
        const int start = interval_of_slot(local_day, quarter, q);
        if (start < 0) continue;
        double energy = session_kwh * day_probability * arrival;
        const double per_interval = ev->charger_kw * kHoursPerSlot * day_probability * arrival;
        for (int i = start; i < ev_kwh.size() && energy > 1e-15; ++i) {
          const double delivered = std::min(per_interval, energy);
          ev_kwh[i] += delivered;
          energy -= delivered;
        }
      }
    }
    previous = &today;
    previous_presence = presence;
  }
  return household;
}

void require(bool condition, const char* field, const Text& expected) {
  if (!condition) throw InputError({"", 0, 0, field}, expected);
}

bool finite_in(double value, double low, double high) { return std::isfinite(value) && value >= low && value <= high; }

void validate(const HouseholdSpec& spec) {
  require(finite_in(spec.annual_kwh, 0.0, 1e6), "annual_kwh", Text{"verwacht een jaarverbruik >= 0 kWh (0 = de standaard van het archetype)", "expected a yearly consumption >= 0 kWh (0 = the archetype's default)"});
  if (spec.heat_pump) {
    const HeatPumpOption& hp = *spec.heat_pump;
    require(finite_in(hp.annual_kwh, 0.0, 1e6), "heat_pump.annual_kwh", Text{"verwacht kWh per jaar >= 0", "expected kWh per year >= 0"});
    require(finite_in(hp.hot_water_share, 0.0, 1.0), "heat_pump.hot_water_share", Text{"verwacht een aandeel tussen 0 en 1", "expected a share between 0 and 1"});
    require(finite_in(hp.hot_water_start_h, 0.0, 24.0), "heat_pump.hot_water_start_h", Text{"verwacht een lokaal uur 0-24", "expected a local hour 0-24"});
    require(finite_in(hp.hot_water_duration_h, 0.25, 24.0), "heat_pump.hot_water_duration_h", Text{"verwacht 0,25-24 uur", "expected 0.25-24 hours"});
    require(finite_in(hp.heating_limit_c, -10.0, 30.0), "heat_pump.heating_limit_c", Text{"verwacht -10 tot 30 graden C", "expected -10 to 30 degrees C"});
    require(finite_in(hp.supply_temp_c, 20.0, 80.0), "heat_pump.supply_temp_c", Text{"verwacht 20 tot 80 graden C", "expected 20 to 80 degrees C"});
    require(finite_in(hp.night_setback, 0.0, 1.0), "heat_pump.night_setback", Text{"verwacht een factor tussen 0 en 1", "expected a factor between 0 and 1"});
  }
  if (spec.ev) {
    const EvOption& ev = *spec.ev;
    require(finite_in(ev.annual_kwh, 0.0, 1e5), "ev.annual_kwh", Text{"verwacht kWh per jaar >= 0", "expected kWh per year >= 0"});
    require(finite_in(ev.charger_kw, 1.0, 50.0), "ev.charger_kw", Text{"verwacht een laadvermogen van 1 tot 50 kW", "expected a charging power of 1 to 50 kW"});
    require(ev.annual_kwh <= ev.charger_kw * kHoursPerYear, "ev.annual_kwh",
            Text{"meer dan de laadpaal in een jaar kan leveren (charger_kw x 8.760 h); verhoog ev.charger_kw of verlaag ev.annual_kwh",
                 "more than the charger can deliver in a year (charger_kw x 8,760 h); raise ev.charger_kw or lower ev.annual_kwh"});
    require(finite_in(ev.sessions_per_week, 0.1, 14.0), "ev.sessions_per_week", Text{"verwacht 0,1 tot 14 laadbeurten per week", "expected 0.1 to 14 sessions a week"});
    require(finite_in(ev.home_arrival.mean_h, 0.0, 24.0) && finite_in(ev.home_arrival.sd_h, 0.0, 6.0),
            "ev.home_arrival", Text{"verwacht [gemiddeld uur 0-24, spreiding 0-6 uur]", "expected [mean hour 0-24, spread 0-6 hours]"});
  }
}

/// Generates a household; with `keep_parts` false only total_kwh is filled (one array less to
/// allocate on the hot path of a building's simulation), with `with_sum` false total_sum_kwh
/// is left 0 (a sum nobody asked for is not taken).
HouseholdProfile generate(const HouseholdSpec& spec, const PreparedContext& context, bool keep_parts, bool with_sum) {
  const HouseholdArchetype& archetype = find_household_archetype(spec.archetype);
  validate(spec);
  const double annual_kwh = spec.annual_kwh > 0.0 ? spec.annual_kwh : archetype.annual_kwh;
  const GeneratorSetup setup = make_setup(archetype, context);
  Random random(spec.seed);
  const HouseholdTraits traits =
      draw_traits(archetype, setup.appliances.size(), spec.stochastic, setup.vacations, random);

  HouseholdProfile profile;
  std::optional<double> household_sum_kwh;  // Eigen's sum() of household_kwh, when known
  Eigen::ArrayXd ev_kwh = Eigen::ArrayXd::Zero(spec.ev ? context.interval_count() : 0);
  if (spec.stochastic) {
    std::vector<ChargingSession> sessions;
    SimulatedHousehold simulated = simulate_household(setup, traits, spec.ev, context, random, sessions);
    profile.household_kwh = std::move(simulated.kwh);
    household_sum_kwh = scale_and_sum(profile.household_kwh, annual_kwh, simulated.sum_kwh);
    if (spec.ev) ev_kwh = lay_charging_sessions(std::move(sessions), spec.ev->annual_kwh, spec.ev->charger_kw, context.interval_count());
  } else {
    profile.household_kwh = expected_household(setup, traits, spec.ev, context, ev_kwh);
    scale_to(profile.household_kwh, annual_kwh);
  }
  if (keep_parts) {
    profile.total_kwh = profile.household_kwh;
  } else {
    profile.total_kwh = std::move(profile.household_kwh);
  }
  if (spec.heat_pump) {
    profile.heat_pump_kwh = heat_pump_series(*spec.heat_pump, context, traits.heat_pump_limit_offset_c);
    profile.total_kwh += profile.heat_pump_kwh;
  }
  if (spec.ev) {
    if (!spec.stochastic) {
      // The expected profile is a density: scaled to the year's kWh it may ask more than the
      // charger gives in the busiest quarter-hours; the rest waits, as a real car would.
      scale_to(ev_kwh, spec.ev->annual_kwh);  // the laid sessions already sum to it
      cap_charging(ev_kwh, spec.ev->charger_kw);
    }
    profile.total_kwh += ev_kwh;
    profile.ev_kwh = std::move(ev_kwh);
  }
  if (!keep_parts) {
    profile.heat_pump_kwh = Eigen::ArrayXd();
    profile.ev_kwh = Eigen::ArrayXd();
  }
  if (with_sum) {
    const bool total_is_household = !spec.heat_pump && !spec.ev;
    profile.total_sum_kwh = total_is_household && household_sum_kwh ? *household_sum_kwh : profile.total_kwh.sum();
  }
  return profile;
}

}  // namespace

HouseholdProfile generate_household_profile(const HouseholdSpec& spec, const PreparedContext& context) {
  return generate(spec, context, true, true);
}

Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const PreparedContext& context) {
  return std::move(generate(spec, context, false, false).total_kwh);
}

Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const PreparedContext& context, double& total_kwh) {
  HouseholdProfile profile = generate(spec, context, false, true);
  total_kwh = profile.total_sum_kwh;
  return std::move(profile.total_kwh);
}

Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const ProfileContext& context) {
  return generate_household(spec, prepare_context(context));
}

}  // namespace deelstroom::load
