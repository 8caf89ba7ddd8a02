#include "core/load/archetype.hpp"

#include <algorithm>
#include <optional>

#include <toml++/toml.h>

#include "core/common/embedded.hpp"
#include "core/common/error.hpp"

namespace deelstroom::load {

namespace {

constexpr std::array<std::string_view, kDayClassCount> kDayClassNames{"working", "wednesday", "school_holiday",
                                                                      "saturday", "sunday"};

/// Reads fields of one TOML table and reports problems with file, line, column and field path.
class FieldReader {
 public:
  FieldReader(const toml::table& table, std::string file, std::string path)
      : table_(table), file_(std::move(file)), path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& key, const std::string& message) const {
    InputLocation where{file_, 0, 0, field(key)};
    const toml::source_region region = node ? node->source() : table_.source();
    where.line = static_cast<int>(region.begin.line);
    where.column = static_cast<int>(region.begin.column);
    throw InputError(where, message);
  }

  std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  const toml::node* get(const std::string& key) const { return table_.get(key); }

  double number(const std::string& key, std::optional<double> fallback = std::nullopt, double min = 0.0,
                double max = 1e9) const {
    const toml::node* node = get(key);
    if (!node) {
      if (fallback) return *fallback;
      fail(nullptr, key, "missing; expected a number");
    }
    const std::optional<double> value = node->value<double>();
    if (!value) fail(node, key, "expected a number");
    if (*value < min || *value > max) {
      fail(node, key, "expected a value between " + format(min) + " and " + format(max));
    }
    return *value;
  }

  std::string text(const std::string& key, std::optional<std::string> fallback = std::nullopt) const {
    const toml::node* node = get(key);
    if (!node) {
      if (fallback) return *fallback;
      fail(nullptr, key, "missing; expected a text");
    }
    const std::optional<std::string> value = node->value<std::string>();
    if (!value) fail(node, key, "expected a text in quotes");
    return *value;
  }

  TimeSpread spread(const toml::node* node, const std::string& key) const {
    const toml::array* pair = node ? node->as_array() : nullptr;
    if (!pair || pair->size() != 2 || !(*pair)[0].value<double>() || !(*pair)[1].value<double>()) {
      fail(node, key, "expected [mean hour, spread in hours], e.g. [7.5, 0.5]");
    }
    const TimeSpread value{*(*pair)[0].value<double>(), *(*pair)[1].value<double>()};
    if (value.mean_h < 0.0 || value.mean_h > 30.0 || value.sd_h < 0.0 || value.sd_h > 6.0) {
      fail(node, key, "expected a mean hour between 0 and 30 and a spread between 0 and 6 hours");
    }
    return value;
  }

  const toml::table& sub_table(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node || !node->as_table()) fail(node, key, node ? "expected a table" : "missing table");
    return *node->as_table();
  }

  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  const toml::table& table() const { return table_; }

 private:
  static std::string format(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  const toml::table& table_;
  std::string file_;
  std::string path_;
};

/// Rejects keys a reader does not know (a typo would otherwise silently keep a default).
void reject_unknown_keys(const FieldReader& reader, std::initializer_list<std::string_view> known) {
  for (const auto& [key, node] : reader.table()) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      reader.fail(&node, std::string(key.str()), "unknown field; expected one of: " + list);
    }
  }
}

/// Fills the classes a table leaves out from their fallback (wednesday, school_holiday ->
/// working). `present` tells which classes were given.
template <typename T>
void apply_day_class_fallbacks(std::array<T, kDayClassCount>& values, const std::array<bool, kDayClassCount>& present) {
  for (DayClass fallback_class : {DayClass::wednesday, DayClass::school_holiday}) {
    const auto index = static_cast<std::size_t>(fallback_class);
    if (!present[index]) values[index] = values[static_cast<std::size_t>(DayClass::working)];
  }
}

std::array<bool, kDayClassCount> require_day_classes(const FieldReader& reader) {
  std::array<bool, kDayClassCount> present{};
  for (std::size_t c = 0; c < kDayClassCount; ++c) present[c] = reader.get(std::string(kDayClassNames[c])) != nullptr;
  for (DayClass needed : {DayClass::working, DayClass::saturday, DayClass::sunday}) {
    if (!present[static_cast<std::size_t>(needed)]) {
      reader.fail(nullptr, std::string(day_class_name(needed)), "missing; working, saturday and sunday are required");
    }
  }
  return present;
}

PersonDay parse_person_day(const FieldReader& day) {
  reject_unknown_keys(day, {"absent", "wake", "sleep", "out", "leave", "back"});
  PersonDay result;
  result.absent_probability = day.number("absent", 0.0, 0.0, 1.0);
  result.wake = day.spread(day.get("wake"), "wake");
  result.sleep = day.spread(day.get("sleep"), "sleep");
  result.out_probability = day.number("out", 0.0, 0.0, 1.0);
  if (result.out_probability > 0.0) {
    result.leave = day.spread(day.get("leave"), "leave");
    result.back = day.spread(day.get("back"), "back");
  }
  return result;
}

PersonType parse_person(const FieldReader& reader, const std::string& name) {
  reject_unknown_keys(reader, {"morning_kwh", "working", "wednesday", "school_holiday", "saturday", "sunday"});
  PersonType person;
  person.name = name;
  person.morning_kwh = reader.number("morning_kwh", 0.0, 0.0, 5.0);
  const auto present = require_day_classes(reader);
  for (std::size_t c = 0; c < kDayClassCount; ++c) {
    if (!present[c]) continue;
    const std::string key(kDayClassNames[c]);
    person.day[c] = parse_person_day(FieldReader(reader.sub_table(key), reader.file(), reader.field(key)));
  }
  apply_day_class_fallbacks(person.day, present);
  return person;
}

Appliance parse_appliance(const FieldReader& reader) {
  reject_unknown_keys(reader, {"name", "kwh", "duration_h", "uses", "start"});
  Appliance appliance;
  appliance.name = reader.text("name");
  appliance.kwh_per_use = reader.number("kwh", std::nullopt, 0.0, 100.0);
  appliance.duration_h = reader.number("duration_h", std::nullopt, 0.25, 24.0);
  const FieldReader uses(reader.sub_table("uses"), reader.file(), reader.field("uses"));
  const FieldReader start(reader.sub_table("start"), reader.file(), reader.field("start"));
  const auto uses_present = require_day_classes(uses);
  const auto start_present = require_day_classes(start);
  for (std::size_t c = 0; c < kDayClassCount; ++c) {
    const std::string key(kDayClassNames[c]);
    if (uses_present[c]) appliance.uses_per_day[c] = uses.number(key, std::nullopt, 0.0, 10.0);
    if (start_present[c]) appliance.start[c] = start.spread(start.get(key), key);
  }
  apply_day_class_fallbacks(appliance.uses_per_day, uses_present);
  apply_day_class_fallbacks(appliance.start, start_present);
  return appliance;
}

HouseholdArchetype parse_household(const FieldReader& reader, const std::string& name,
                                   const std::vector<PersonType>& person_types) {
  reject_unknown_keys(reader, {"label_nl", "label_en", "annual_kwh", "persons", "base_kw", "active_kw", "light_kw",
                               "spikes_per_active_h", "spike_kwh", "appliance_uses", "winter_activity_increase",
                               "vacation_summer_days", "vacation_other_days"});
  HouseholdArchetype household;
  household.name = name;
  household.label_nl = reader.text("label_nl");
  household.label_en = reader.text("label_en", household.label_nl);
  household.annual_kwh = reader.number("annual_kwh", std::nullopt, 1.0, 1e6);
  const toml::node* persons = reader.get("persons");
  const toml::array* list = persons ? persons->as_array() : nullptr;
  if (!list || list->empty()) reader.fail(persons, "persons", "expected a list of person types, e.g. [\"commuter\"]");
  for (const toml::node& entry : *list) {
    const std::optional<std::string> type = entry.value<std::string>();
    const auto found = std::find_if(person_types.begin(), person_types.end(),
                                    [&](const PersonType& p) { return type && p.name == *type; });
    if (found == person_types.end()) {
      std::string names;
      for (const PersonType& p : person_types) names += (names.empty() ? "" : ", ") + p.name;
      reader.fail(&entry, "persons", "unknown person type; expected one of: " + names);
    }
    household.persons.push_back(static_cast<int>(found - person_types.begin()));
  }
  household.base_kw = reader.number("base_kw", std::nullopt, 0.0, 10.0);
  household.active_kw = reader.number("active_kw", std::nullopt, 0.0, 10.0);
  household.light_kw = reader.number("light_kw", std::nullopt, 0.0, 10.0);
  household.spikes_per_active_h = reader.number("spikes_per_active_h", 0.0, 0.0, 4.0);
  household.spike_kwh = reader.number("spike_kwh", 0.0, 0.0, 1.0);
  household.appliance_uses = reader.number("appliance_uses", 1.0, 0.0, 10.0);
  household.winter_activity_increase = reader.number("winter_activity_increase", 0.0, 0.0, 2.0);
  household.vacation_summer_days = static_cast<int>(reader.number("vacation_summer_days", 0.0, 0.0, 62.0));
  household.vacation_other_days = static_cast<int>(reader.number("vacation_other_days", 0.0, 0.0, 60.0));
  return household;
}

std::array<double, 24> parse_hour_weights(const FieldReader& reader, const std::string& key) {
  const toml::node* node = reader.get(key);
  const toml::array* list = node ? node->as_array() : nullptr;
  if (!list || list->size() != 24) reader.fail(node, key, "expected 24 numbers, one per local hour 00-23");
  std::array<double, 24> weights{};
  for (std::size_t h = 0; h < 24; ++h) {
    const std::optional<double> value = (*list)[h].value<double>();
    if (!value || *value < 0.0) reader.fail(&(*list)[h], key, "expected a number >= 0");
    weights[h] = *value;
  }
  return weights;
}

CommonPartsArchetype parse_common_parts(const FieldReader& reader, const std::string& name,
                                        const std::array<std::array<double, 24>, kDayClassCount>& movement) {
  reject_unknown_keys(reader, {"label_nl", "label_en", "annual_kwh", "ventilation_kw", "standby_kw", "lighting_kw",
                               "lighting_dark_base", "lift_kwh_per_day", "heat_pump_share",
                               "heat_pump_hot_water_share"});
  CommonPartsArchetype parts;
  parts.name = name;
  parts.label_nl = reader.text("label_nl");
  parts.label_en = reader.text("label_en", parts.label_nl);
  parts.annual_kwh = reader.number("annual_kwh", std::nullopt, 1.0, 1e7);
  parts.ventilation_kw = reader.number("ventilation_kw", 0.0, 0.0, 100.0);
  parts.standby_kw = reader.number("standby_kw", 0.0, 0.0, 100.0);
  parts.lighting_kw = reader.number("lighting_kw", 0.0, 0.0, 100.0);
  parts.lighting_dark_base = reader.number("lighting_dark_base", 0.0, 0.0, 1.0);
  parts.lift_kwh_per_day = reader.number("lift_kwh_per_day", 0.0, 0.0, 1000.0);
  parts.heat_pump_share = reader.number("heat_pump_share", 0.0, 0.0, 0.99);
  parts.heat_pump_hot_water_share = reader.number("heat_pump_hot_water_share", 0.0, 0.0, 1.0);
  parts.movement = movement;
  return parts;
}

toml::table parse_document(std::string_view text, std::string_view name) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    throw InputError({std::string(name), static_cast<int>(error.source().begin.line),
                      static_cast<int>(error.source().begin.column), ""},
                     std::string(error.description()));
  }
}

template <typename T, typename Parse>
std::vector<T> parse_named_tables(const FieldReader& root, const std::string& key, Parse parse) {
  // toml++ keeps a table's keys sorted; keep the file's order instead (the order a trainer
  // wrote them in is the order lists show them in).
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [name, node] : root.sub_table(key)) entries.emplace_back(&name, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second->source().begin.line < b.second->source().begin.line;
  });
  std::vector<T> result;
  for (const auto& [name, node] : entries) {
    const std::string path = key + "." + std::string(name->str());
    if (!node->as_table()) root.fail(node, path, "expected a table");
    result.push_back(parse(FieldReader(*node->as_table(), root.file(), path), std::string(name->str())));
  }
  return result;
}

template <typename Named>
const Named& find_named(const std::vector<Named>& items, const std::string& name, const std::string& field,
                        const char* what) {
  for (const Named& item : items) {
    if (item.name == name) return item;
  }
  std::string names;
  for (const Named& item : items) names += (names.empty() ? "" : ", ") + item.name;
  throw InputError({"", 0, 0, field}, "unknown " + std::string(what) + " '" + name + "'; expected one of: " + names);
}

}  // namespace

std::string_view day_class_name(DayClass day_class) { return kDayClassNames[static_cast<std::size_t>(day_class)]; }

ArchetypeLibrary parse_archetype_library(std::string_view households_toml, std::string_view households_name,
                                         std::string_view common_parts_toml, std::string_view common_parts_name) {
  ArchetypeLibrary library;
  const toml::table households = parse_document(households_toml, households_name);
  const FieldReader root(households, std::string(households_name), "");
  reject_unknown_keys(root, {"person", "appliance", "household"});
  library.person_types = parse_named_tables<PersonType>(root, "person", parse_person);

  const toml::node* appliances = root.get("appliance");
  const toml::array* appliance_list = appliances ? appliances->as_array() : nullptr;
  if (!appliance_list) root.fail(appliances, "appliance", "expected [[appliance]] tables");
  for (std::size_t i = 0; i < appliance_list->size(); ++i) {
    const toml::table* table = (*appliance_list)[i].as_table();
    const std::string path = "appliance[" + std::to_string(i) + "]";
    if (!table) root.fail(&(*appliance_list)[i], path, "expected a table");
    library.appliances.push_back(parse_appliance(FieldReader(*table, root.file(), path)));
  }
  library.households = parse_named_tables<HouseholdArchetype>(
      root, "household",
      [&](const FieldReader& reader, const std::string& name) { return parse_household(reader, name, library.person_types); });

  const toml::table common = parse_document(common_parts_toml, common_parts_name);
  const FieldReader common_root(common, std::string(common_parts_name), "");
  reject_unknown_keys(common_root, {"movement", "common_parts"});
  const FieldReader movement_reader(common_root.sub_table("movement"), common_root.file(), "movement");
  reject_unknown_keys(movement_reader, {"working", "wednesday", "school_holiday", "saturday", "sunday"});
  const auto movement_present = require_day_classes(movement_reader);
  std::array<std::array<double, 24>, kDayClassCount> movement{};
  for (std::size_t c = 0; c < kDayClassCount; ++c) {
    if (movement_present[c]) movement[c] = parse_hour_weights(movement_reader, std::string(kDayClassNames[c]));
  }
  apply_day_class_fallbacks(movement, movement_present);
  library.common_parts = parse_named_tables<CommonPartsArchetype>(
      common_root, "common_parts",
      [&](const FieldReader& reader, const std::string& name) { return parse_common_parts(reader, name, movement); });
  return library;
}

const ArchetypeLibrary& archetype_library() {
  // Parsed on first use from the files embedded at build time; immutable afterwards
  // (thread-safe initialisation of a function-local static).
  static const ArchetypeLibrary library = [] {
    const auto households = embedded_file("households.toml");
    const auto common = embedded_file("common_parts.toml");
    if (!households || !common) {
      throw InputError({"profiles/", 0, 0, ""}, "the archetype files were not embedded in this build");
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

const HouseholdArchetype& find_household_archetype(const std::string& name, const std::string& field) {
  return find_named(archetype_library().households, name, field, "household archetype");
}

const CommonPartsArchetype& find_common_parts_archetype(const std::string& name, const std::string& field) {
  return find_named(archetype_library().common_parts, name, field, "common-parts archetype");
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
  throw InputError({"", 0, 0, "archetype"}, "unknown archetype '" + archetype + "'; expected one of: " + list);
}

}  // namespace deelstroom::load
