#include "core/load/generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/common/error.hpp"
#include "core/load/random.hpp"
#include "core/time/civil.hpp"

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
int slot_of(double hour) { return static_cast<int>(std::clamp(std::ceil(hour * 4.0 - 0.5), 0.0, 96.0)); }

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

/// The state the stochastic day loop carries from day to day.
struct DayBuffers {
  SlotArray active{};   ///< persons awake at home per slot of today
  SlotArray carry{};    ///< persons still up after midnight, per slot of tomorrow
  EventArray events{};  ///< kW by slot of today (0..95) and tomorrow (96..191)

  void next_day() {
    std::copy(events.begin() + kSlots, events.end(), events.begin());
    std::fill(events.begin() + kSlots, events.end(), 0.0f);
    active = carry;
    carry.fill(0.0f);
  }
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
  for (int q = wake; q < sleep; ++q) day.active[q] += 1.0f;
  if (sleep_h > 24.0 && wake < sleep) {
    for (int q = 0; q < slot_of(sleep_h - 24.0); ++q) day.carry[q] += 1.0f;
  }
  if (routine.out_probability > 0.0 && random.uniform() < routine.out_probability) {
    const int leave = slot_of(routine.leave.mean_h + shift_h + routine.leave.sd_h * random.bell());
    const int back = slot_of(routine.back.mean_h + shift_h + routine.back.sd_h * random.bell());
    for (int q = std::max(leave, wake); q < std::min(back, sleep); ++q) day.active[q] -= 1.0f;
    outcome.went_out = true;
    outcome.back_slot = std::min(back, kSlots - 1);
  }
  if (wake < sleep && person.morning_kwh > 0.0) {
    add_block(day.events, std::min(wake, kSlots - 1), kMorningSlots,
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
      if (weight_sum < 0.0) weight_sum = start_weight(appliance, c, day.active);
      if (draw >= chance * weight_sum / person_count) continue;
      double target = random.uniform() * weight_sum;
      int q = appliance.first[c];
      for (; q < appliance.last[c] - 1; ++q) {
        target -= appliance.pmf[c][q] * day.active[q];
        if (target < 0.0) break;
      }
      add_block(day.events, q, appliance.duration_slots, appliance.kw);
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

void scale_to(Eigen::ArrayXd& series, double total_kwh) {
  const double sum = series.sum();
  if (sum > 0.0) series *= total_kwh / sum;
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

Eigen::ArrayXd simulate_household(const GeneratorSetup& setup, const HouseholdTraits& traits,
                                  const std::optional<EvOption>& ev, const PreparedContext& context, Random& random,
                                  std::vector<ChargingSession>& sessions) {
  const HouseholdArchetype& archetype = setup.archetype;
  const std::vector<std::uint8_t>& quarter = context.calendar->quarter_of_day;
  const double person_count = static_cast<double>(setup.persons.size());
  const double session_probability = ev ? std::min(1.0, ev->sessions_per_week / 7.0) : 0.0;
  const double session_kwh = ev ? ev->annual_kwh / (52.0 * std::max(ev->sessions_per_week, 1e-9)) : 0.0;

  Eigen::ArrayXd household(context.interval_count());
  DayBuffers day;
  std::vector<PersonOutcome> outcomes(setup.persons.size());
  double noise[4];
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
    const float active_kw = traits.active_kw * season_factor(archetype, context.winter_weight[static_cast<Eigen::Index>(d)]);
    const int end = local_day.first_interval + local_day.interval_count;
    int noise_used = 4;
    for (int i = local_day.first_interval; i < end; ++i) {
      const int q = quarter[i];
      const float awake = day.active[q];
      float kw = traits.base_kw + day.events[q];
      if (awake > 0.0f) {
        if (noise_used >= 3) {
          random.uniforms16(noise);
          noise_used = 0;
        }
        const float activity = kNoiseLow + kNoiseWidth * static_cast<float>(noise[noise_used++]);
        kw += awake * (active_kw * activity + traits.light_kw * context.darkness[i]);
        if (noise[noise_used++] < awake * setup.spike_probability_per_person) kw += setup.spike_kw;
      }
      household[i] = kw * kHoursPerSlot;
    }
  }
  return household;
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
/// allocate on the hot path of a building's simulation).
HouseholdProfile generate(const HouseholdSpec& spec, const PreparedContext& context, bool keep_parts) {
  const HouseholdArchetype& archetype = find_household_archetype(spec.archetype);
  validate(spec);
  const double annual_kwh = spec.annual_kwh > 0.0 ? spec.annual_kwh : archetype.annual_kwh;
  const GeneratorSetup setup = make_setup(archetype, context);
  Random random(spec.seed);
  const HouseholdTraits traits =
      draw_traits(archetype, setup.appliances.size(), spec.stochastic, setup.vacations, random);

  HouseholdProfile profile;
  Eigen::ArrayXd ev_kwh = Eigen::ArrayXd::Zero(spec.ev ? context.interval_count() : 0);
  if (spec.stochastic) {
    std::vector<ChargingSession> sessions;
    profile.household_kwh = simulate_household(setup, traits, spec.ev, context, random, sessions);
    if (spec.ev) ev_kwh = lay_charging_sessions(std::move(sessions), spec.ev->annual_kwh, spec.ev->charger_kw, context.interval_count());
  } else {
    profile.household_kwh = expected_household(setup, traits, spec.ev, context, ev_kwh);
  }
  scale_to(profile.household_kwh, annual_kwh);
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
  return profile;
}

}  // namespace

HouseholdProfile generate_household_profile(const HouseholdSpec& spec, const PreparedContext& context) {
  return generate(spec, context, true);
}

Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const PreparedContext& context) {
  return std::move(generate(spec, context, false).total_kwh);
}

Eigen::ArrayXd generate_household(const HouseholdSpec& spec, const ProfileContext& context) {
  return generate_household(spec, prepare_context(context));
}

}  // namespace deelstroom::load
