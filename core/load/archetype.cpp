#include "core/load/archetype.hpp"

#include <algorithm>
#include <optional>

#include "core/common/embedded.hpp"
#include "core/common/error.hpp"
#include "core/scenario/toml_fields.hpp"

namespace deelstroom::load {

namespace {

constexpr std::array<std::string_view, kDayClassCount> kDayClassNames{"working", "wednesday", "school_holiday",
                                                                      "saturday", "sunday"};

using scenario::TableReader;

double required_number(TableReader& reader, std::string_view key, double min, double max) {
  const std::optional<double> value = reader.optional_number(key, min, max);
  if (!value) reader.fail(key, fill("ontbreekt: verwacht een getal van {} tot {}", "missing: expected a number from {} to {}",
                                      {std::to_string(min), std::to_string(max)}));
  return *value;
}

TimeSpread required_spread(TableReader& reader, std::string_view key) {
  const std::optional<std::vector<double>> pair = reader.optional_numbers(key, 0.0, 30.0);
  if (!pair || pair->size() != 2 || (*pair)[1] > 6.0) {
    reader.fail(key, Text{"verwacht [gemiddeld uur, spreiding in uren], bv. [7.5, 0.5] (uur 0-30, spreiding 0-6)", "expected [mean hour, spread in hours], e.g. [7.5, 0.5] (hour 0-30, spread 0-6)"});
  }
  return TimeSpread{(*pair)[0], (*pair)[1]};
}

/// The sub-tables of a table as (name, reader), in the order they appear in the file (toml++
/// keeps keys sorted; a trainer expects lists in the order the file gives them).
std::vector<std::pair<std::string, TableReader>> named_tables(TableReader& parent, std::string_view key) {
  const toml::node* node = parent.raw(key);
  if (!node || !node->as_table()) parent.fail(key, fill("ontbreekt: verwacht tabellen [{}.NAAM]", "missing: expected tables [{}.NAME]", {parent.field_path(key)}));
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [name, child] : *node->as_table()) entries.emplace_back(&name, &child);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second->source().begin.line < b.second->source().begin.line;
  });
  std::vector<std::pair<std::string, TableReader>> result;
  for (const auto& [name, child] : entries) {
    const std::string path = parent.field_path(key) + "." + std::string(name->str());
    if (!child->as_table()) parent.fail_at(*child, key, fill("verwacht een tabel [{}]", "expected a table [{}]", {path}));
    result.emplace_back(std::string(name->str()), TableReader(*child->as_table(), parent.file(), path));
  }
  return result;
}

/// Which day classes a table gives; working, saturday and sunday are required.
std::array<bool, kDayClassCount> day_classes_present(TableReader& reader) {
  std::array<bool, kDayClassCount> present{};
  for (std::size_t c = 0; c < kDayClassCount; ++c) present[c] = reader.has(kDayClassNames[c]);
  for (DayClass needed : {DayClass::working, DayClass::saturday, DayClass::sunday}) {
    if (!present[static_cast<std::size_t>(needed)]) {
      reader.fail("", fill("'{}' ontbreekt: working, saturday en sunday zijn verplicht", "missing '{}': working, saturday and sunday are required",
                           {day_class_name(needed)}));
    }
  }
  return present;
}

/// Fills the classes a table leaves out from their fallback (wednesday, school_holiday ->
/// working).
template <typename T>
void apply_day_class_fallbacks(std::array<T, kDayClassCount>& values, const std::array<bool, kDayClassCount>& present) {
  for (DayClass fallback_class : {DayClass::wednesday, DayClass::school_holiday}) {
    const auto index = static_cast<std::size_t>(fallback_class);
    if (!present[index]) values[index] = values[static_cast<std::size_t>(DayClass::working)];
  }
}

/// Reads one value per day class with `read(reader, key)`, applying the fallbacks.
template <typename T, typename Read>
std::array<T, kDayClassCount> per_day_class(TableReader& reader, Read read) {
  const auto present = day_classes_present(reader);
  std::array<T, kDayClassCount> values{};
  for (std::size_t c = 0; c < kDayClassCount; ++c) {
    if (present[c]) values[c] = read(reader, kDayClassNames[c]);
  }
  apply_day_class_fallbacks(values, present);
  reader.reject_unknown_fields();
  return values;
}

PersonDay parse_person_day(TableReader& reader, std::string_view key) {
  std::optional<TableReader> day = reader.optional_table(key);
  PersonDay result;
  result.absent_probability = day->number("absent", 0.0, 0.0, 1.0);
  result.wake = required_spread(*day, "wake");
  result.sleep = required_spread(*day, "sleep");
  result.out_probability = day->number("out", 0.0, 0.0, 1.0);
  if (result.out_probability > 0.0) {
    result.leave = required_spread(*day, "leave");
    result.back = required_spread(*day, "back");
  } else {
    day->raw("leave");
    day->raw("back");
  }
  day->reject_unknown_fields();
  return result;
}

PersonType parse_person(TableReader& reader, const std::string& name) {
  PersonType person;
  person.name = name;
  person.morning_kwh = reader.number("morning_kwh", 0.0, 0.0, 5.0);
  person.day = per_day_class<PersonDay>(reader, parse_person_day);
  return person;
}

Appliance parse_appliance(TableReader& reader) {
  Appliance appliance;
  appliance.name = reader.string("name", "");
  if (appliance.name.empty()) reader.fail("name", Text{"ontbreekt: verwacht de naam van het toestel", "missing: expected the appliance's name"});
  appliance.kwh_per_use = required_number(reader, "kwh", 0.0, 100.0);
  appliance.duration_h = required_number(reader, "duration_h", 0.25, 24.0);
  std::optional<TableReader> uses = reader.optional_table("uses");
  std::optional<TableReader> start = reader.optional_table("start");
  if (!uses) reader.fail("uses", Text{"ontbreekt: verwacht uses = { working = ..., saturday = ..., sunday = ... }", "missing: expected uses = { working = ..., saturday = ..., sunday = ... }"});
  if (!start) reader.fail("start", Text{"ontbreekt: verwacht start = { working = [uur, spreiding], ... }", "missing: expected start = { working = [hour, spread], ... }"});
  appliance.uses_per_day = per_day_class<double>(
      *uses, [](TableReader& r, std::string_view key) { return required_number(r, key, 0.0, 10.0); });
  appliance.start = per_day_class<TimeSpread>(*start, required_spread);
  reader.reject_unknown_fields();
  return appliance;
}

HouseholdArchetype parse_household(TableReader& reader, const std::string& name,
                                   const std::vector<PersonType>& person_types) {
  HouseholdArchetype household;
  household.name = name;
  household.label_nl = reader.string("label_nl", name);
  household.label_en = reader.string("label_en", household.label_nl);
  household.annual_kwh = required_number(reader, "annual_kwh", 1.0, 1e6);
  const std::optional<std::vector<std::string>> persons = reader.optional_strings("persons");
  if (!persons || persons->empty()) reader.fail("persons", Text{"verwacht een lijst persoonstypes, bv. [\"commuter\"]", "expected a list of person types, e.g. [\"commuter\"]"});
  for (const std::string& type : *persons) {
    const auto found = std::find_if(person_types.begin(), person_types.end(),
                                    [&](const PersonType& p) { return p.name == type; });
    if (found == person_types.end()) {
      std::string names;
      for (const PersonType& p : person_types) names += (names.empty() ? "" : ", ") + p.name;
      reader.fail("persons", fill("onbekend persoonstype '{}'; verwacht een van: {}", "unknown person type '{}'; expected one of: {}", {type, names}));
    }
    household.persons.push_back(static_cast<int>(found - person_types.begin()));
  }
  household.base_kw = required_number(reader, "base_kw", 0.0, 10.0);
  household.active_kw = required_number(reader, "active_kw", 0.0, 10.0);
  household.light_kw = required_number(reader, "light_kw", 0.0, 10.0);
  household.spikes_per_active_h = reader.number("spikes_per_active_h", 0.0, 0.0, 4.0);
  household.spike_kwh = reader.number("spike_kwh", 0.0, 0.0, 1.0);
  household.appliance_uses = reader.number("appliance_uses", 1.0, 0.0, 10.0);
  household.winter_activity_increase = reader.number("winter_activity_increase", 0.0, 0.0, 1.0);
  household.vacation_summer_days = static_cast<int>(reader.integer("vacation_summer_days", 0, 0, 62));
  household.vacation_other_days = static_cast<int>(reader.integer("vacation_other_days", 0, 0, 60));
  reader.reject_unknown_fields();
  return household;
}

std::array<double, 24> parse_hour_weights(TableReader& reader, std::string_view key) {
  const std::optional<std::vector<double>> values = reader.optional_numbers(key, 0.0, 1e6);
  if (!values || values->size() != 24) reader.fail(key, Text{"verwacht 24 getallen >= 0, een per lokaal uur 00-23", "expected 24 numbers >= 0, one per local hour 00-23"});
  std::array<double, 24> weights{};
  std::copy(values->begin(), values->end(), weights.begin());
  return weights;
}

CommonPartsArchetype parse_common_parts(TableReader& reader, const std::string& name,
                                        const std::array<std::array<double, 24>, kDayClassCount>& movement) {
  CommonPartsArchetype parts;
  parts.name = name;
  parts.label_nl = reader.string("label_nl", name);
  parts.label_en = reader.string("label_en", parts.label_nl);
  parts.annual_kwh = required_number(reader, "annual_kwh", 1.0, 1e7);
  parts.ventilation_kw = reader.number("ventilation_kw", 0.0, 0.0, 100.0);
  parts.standby_kw = reader.number("standby_kw", 0.0, 0.0, 100.0);
  parts.lighting_kw = reader.number("lighting_kw", 0.0, 0.0, 100.0);
  parts.lighting_dark_base = reader.number("lighting_dark_base", 0.0, 0.0, 1.0);
  parts.lift_kwh_per_day = reader.number("lift_kwh_per_day", 0.0, 0.0, 1000.0);
  parts.heat_pump_share = reader.number("heat_pump_share", 0.0, 0.0, 0.99);
  parts.heat_pump_hot_water_share = reader.number("heat_pump_hot_water_share", 0.0, 0.0, 1.0);
  parts.movement = movement;
  reader.reject_unknown_fields();
  return parts;
}

template <typename Named>
const Named& find_named(const std::vector<Named>& items, const std::string& name, const std::string& field,
                        const Text& what) {
  for (const Named& item : items) {
    if (item.name == name) return item;
  }
  std::string names;
  for (const Named& item : items) names += (names.empty() ? "" : ", ") + item.name;
  throw InputError({"", 0, 0, field}, Text{"onbekend ", "unknown "} + what +
                                          fill(" '{}'; verwacht een van: {}", " '{}'; expected one of: {}", {name, names}));
}

}  // namespace

std::string_view day_class_name(DayClass day_class) { return kDayClassNames[static_cast<std::size_t>(day_class)]; }

ArchetypeLibrary parse_archetype_library(std::string_view households_toml, std::string_view households_name,
                                         std::string_view common_parts_toml, std::string_view common_parts_name) {
  ArchetypeLibrary library;
  const toml::table households = scenario::parse_toml(households_toml, std::string(households_name));
  TableReader root(households, std::string(households_name), "");
  for (auto& [name, reader] : named_tables(root, "person")) library.person_types.push_back(parse_person(reader, name));
  for (TableReader& reader : root.tables("appliance")) library.appliances.push_back(parse_appliance(reader));
  if (library.appliances.empty()) root.fail("appliance", Text{"ontbreekt: verwacht tabellen [[appliance]]", "missing: expected [[appliance]] tables"});
  for (auto& [name, reader] : named_tables(root, "household")) {
    library.households.push_back(parse_household(reader, name, library.person_types));
  }
  root.reject_unknown_fields();

  const toml::table common = scenario::parse_toml(common_parts_toml, std::string(common_parts_name));
  TableReader common_root(common, std::string(common_parts_name), "");
  std::optional<TableReader> movement_table = common_root.optional_table("movement");
  if (!movement_table) common_root.fail("movement", Text{"ontbreekt: verwacht een tabel [movement]", "missing: expected a [movement] table"});
  const auto movement = per_day_class<std::array<double, 24>>(*movement_table, parse_hour_weights);
  for (auto& [name, reader] : named_tables(common_root, "common_parts")) {
    library.common_parts.push_back(parse_common_parts(reader, name, movement));
  }
  common_root.reject_unknown_fields();
  return library;
}

const ArchetypeLibrary& archetype_library() {
  // Parsed on first use from the files embedded at build time; immutable afterwards
  // (thread-safe initialisation of a function-local static).
  static const ArchetypeLibrary library = [] {
    const auto households = embedded_file("households.toml");
    const auto common = embedded_file("common_parts.toml");
    if (!households || !common) {
      throw InputError({"profiles/", 0, 0, ""}, Text{"de archetypebestanden zitten niet in deze build", "the archetype files were not embedded in this build"});
    }
    return parse_archetype_library(*households, "profiles/households.toml", *common, "profiles/common_parts.toml");
  }();
  return library;
}

std::vector<std::string> archetype_names() {
  std::vector<std::string> names;
  for (const HouseholdArchetype& household : archetype_library().households) names.push_back(household.name);
  return names;
}

std::vector<std::string> common_parts_names() {
  std::vector<std::string> names;
  for (const CommonPartsArchetype& parts : archetype_library().common_parts) names.push_back(parts.name);
  return names;
}

std::string archetype_display_name(std::string_view id, bool dutch) {
  // One table of names: the labels in profiles/*.toml, also listed by `deelstroom profile list`.
  const ArchetypeLibrary& library = archetype_library();
  for (const HouseholdArchetype& household : library.households) {
    if (household.name == id) return dutch ? household.label_nl : household.label_en;
  }
  for (const CommonPartsArchetype& parts : library.common_parts) {
    if (parts.name == id) return dutch ? parts.label_nl : parts.label_en;
  }
  return std::string(id);
}

const HouseholdArchetype& find_household_archetype(const std::string& name, const std::string& field) {
  return find_named(archetype_library().households, name, field, Text{"huishoudarchetype", "household archetype"});
}

const CommonPartsArchetype& find_common_parts_archetype(const std::string& name, const std::string& field) {
  return find_named(archetype_library().common_parts, name, field, Text{"archetype voor de gemeenschappelijke delen", "common-parts archetype"});
}

double default_annual_kwh(const std::string& archetype) {
  const ArchetypeLibrary& library = archetype_library();
  for (const HouseholdArchetype& household : library.households) {
    if (household.name == archetype) return household.annual_kwh;
  }
  for (const CommonPartsArchetype& parts : library.common_parts) {
    if (parts.name == archetype) return parts.annual_kwh;
  }
  std::vector<std::string> names = archetype_names();
  for (const std::string& name : common_parts_names()) names.push_back(name);
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  throw InputError({"", 0, 0, "archetype"}, fill("onbekend archetype '{}'; verwacht een van: {}",
                                                 "unknown archetype '{}'; expected one of: {}", {archetype, list}));
}

}  // namespace deelstroom::load
