#pragma once
// The archetype library (profiles.md "Archetypes shipped in profiles/"): household types and
// common-parts types with their default yearly consumption and the behavioural parameters the
// generator draws from. The numbers live in profiles/households.toml and
// profiles/common_parts.toml (embedded in the binary); their sources are in profiles/README.md.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::load {

/// How a person's day is organised. Working days in Flemish school holidays and Wednesdays
/// (free afternoon in Flemish primary schools) have their own class; an archetype that does
/// not describe them falls back to `working`.
enum class DayClass : std::uint8_t { working = 0, wednesday = 1, school_holiday = 2, saturday = 3, sunday = 4 };
inline constexpr int kDayClassCount = 5;

/// "working", "wednesday", ... (the keys used in the TOML files).
std::string_view day_class_name(DayClass day_class);

/// A clock time (hours since local midnight, may exceed 24 for "after midnight") with its
/// spread: the generator draws mean + sd * Z with Z a bounded bell variate (random.hpp).
struct TimeSpread {
  double mean_h = 0.0;
  double sd_h = 0.0;
};

/// One person's routine on one class of day.
struct PersonDay {
  double absent_probability = 0.0;  ///< away the whole day and night (visiting, travelling)
  TimeSpread wake;                  ///< gets up
  TimeSpread sleep;                 ///< goes to bed
  double out_probability = 0.0;     ///< leaves home once during the day (work, school, errands)
  TimeSpread leave;
  TimeSpread back;
};

struct PersonType {
  std::string name;
  std::array<PersonDay, kDayClassCount> day;  ///< by DayClass (fallbacks already applied)
  double morning_kwh = 0.0;                   ///< kettle, coffee, toaster, hair dryer right after getting up
};

/// A use of a household appliance (a meal cooked, a washing cycle): its energy is spread
/// evenly over its duration from a start drawn from `start`, weighted by how many people are
/// awake at home (an appliance is started by someone who is there).
struct Appliance {
  std::string name;
  double kwh_per_use = 0.0;
  double duration_h = 0.25;
  std::array<double, kDayClassCount> uses_per_day{};  ///< expected uses on a day of each class
  std::array<TimeSpread, kDayClassCount> start{};
};

struct HouseholdArchetype {
  std::string name;  ///< stable snake_case key used in scenario files
  std::string label_nl;
  std::string label_en;
  double annual_kwh = 0.0;               ///< default yearly offtake (without heat pump or EV)
  std::vector<int> persons;              ///< indices into ArchetypeLibrary::person_types
  double base_kw = 0.0;                  ///< always on: fridge, freezer, standby, router
  double active_kw = 0.0;                ///< per person awake at home: screens, small appliances
  double light_kw = 0.0;                 ///< per person awake at home when it is dark
  double spikes_per_active_h = 0.0;      ///< short high loads (kettle, microwave) per awake person-hour
  double spike_kwh = 0.0;
  double appliance_uses = 1.0;           ///< multiplier on the appliance table's uses per day
  double winter_activity_increase = 0.0; ///< active load in mid-January relative to mid-July, e.g. 0.15
  int vacation_summer_days = 0;          ///< one block away in July-August
  int vacation_other_days = 0;           ///< one block away at another time of the year
};

/// Common parts of a building: ventilation, lighting of halls and stairs, lift, and
/// optionally a collective heat pump.
struct CommonPartsArchetype {
  std::string name;
  std::string label_nl;
  std::string label_en;
  double annual_kwh = 0.0;
  double ventilation_kw = 0.0;        ///< continuous mechanical ventilation (system C/D fans)
  double standby_kw = 0.0;            ///< lift controller, intercom, door openers, emergency lights
  double lighting_kw = 0.0;           ///< hall and stair lighting when it is dark, scaled by movement
  double lighting_dark_base = 0.0;    ///< part of the lighting on whenever it is dark (night lights)
  double lift_kwh_per_day = 0.0;      ///< lift trips, distributed by movement
  std::array<std::array<double, 24>, kDayClassCount> movement{};  ///< residents' comings and goings per local hour (relative)
  double heat_pump_share = 0.0;       ///< share of annual_kwh used by a collective heat pump (0 = none)
  double heat_pump_hot_water_share = 0.0;
};

struct ArchetypeLibrary {
  std::vector<PersonType> person_types;
  std::vector<Appliance> appliances;
  std::vector<HouseholdArchetype> households;
  std::vector<CommonPartsArchetype> common_parts;
};

/// The library shipped in profiles/ (parsed once from the embedded files, then shared).
const ArchetypeLibrary& archetype_library();

/// Parses a library from the text of a households file and a common-parts file (for tests and
/// for users who edit a copy). Throws InputError naming the file, line and field on bad input.
ArchetypeLibrary parse_archetype_library(std::string_view households_toml, std::string_view households_name,
                                         std::string_view common_parts_toml, std::string_view common_parts_name);

/// Names of the household archetypes, in library order.
std::vector<std::string> archetype_names();
/// Names of the common-parts archetypes.
std::vector<std::string> common_parts_names();

/// The name a user reads for an archetype id (household or common parts), in Dutch or
/// English: "gepensioneerd koppel" for couple_retired. The id itself when unknown (an
/// archetype a user added to a copy of the library).
std::string archetype_display_name(std::string_view id, bool dutch);

/// The archetype of that name; InputError listing the valid names otherwise (`field` is the
/// scenario field path to report, e.g. "apartments[3].load.archetype").
const HouseholdArchetype& find_household_archetype(const std::string& name, const std::string& field = "archetype");
const CommonPartsArchetype& find_common_parts_archetype(const std::string& name,
                                                        const std::string& field = "archetype");

/// Default yearly offtake of a household or common-parts archetype (kWh).
double default_annual_kwh(const std::string& archetype);

}  // namespace deelstroom::load
