#include "core/batch/overrides.hpp"

#include <cctype>
#include <charconv>

namespace deelstroom::batch {

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

[[noreturn]] void fail(const FieldOverride& field, const Text& message) {
  InputLocation where = field.where;
  where.field = field.path;
  throw InputError(where, message);
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return text;
}

bool quoted_text(std::string_view text) { return text.size() >= 2 && text.front() == '"' && text.back() == '"'; }

/// The cell as a TOML value of its own (a one-entry document "v = <text>"); text when it is
/// not a TOML value (bare words such as proportional).
toml::table inferred_value(std::string_view text) {
  try {
    toml::table parsed = toml::parse("v = " + std::string(text));
    if (parsed.size() == 1 && parsed.contains("v")) return parsed;
  } catch (const toml::parse_error&) {
    // not a TOML value: plain text
  }
  toml::table plain;
  plain.insert_or_assign("v", std::string(text));
  return plain;
}

/// The value that replaces `existing` (nullptr when the field is new).
toml::table new_value(const toml::node* existing, std::string_view raw) {
  const std::string_view text = trimmed(raw);
  toml::table value;
  if (quoted_text(text)) return inferred_value(text);  // TOML's own string escapes apply
  if (existing != nullptr && existing->is_string()) {
    value.insert_or_assign("v", std::string(text));
    return value;
  }
  value = inferred_value(text);
  // A whole number for a float field stays a float (the reader accepts both; keeping the
  // type keeps messages about the field the same).
  if (existing != nullptr && existing->is_floating_point()) {
    if (const auto* integer = value.get("v")->as_integer()) {
      toml::table as_float;
      as_float.insert_or_assign("v", static_cast<double>(integer->get()));
      return as_float;
    }
  }
  return value;
}

void assign_in_table(toml::table& table, const std::string& key, const FieldOverride& field) {
  const toml::table value = new_value(table.get(key), field.value);
  value.get("v")->visit([&](const auto& node) { table.insert_or_assign(key, node); });
}

void assign_in_array(toml::array& array, std::size_t index, const FieldOverride& field) {
  const toml::table value = new_value(array.get(index), field.value);
  value.get("v")->visit([&](const auto& node) { array.replace(array.cbegin() + static_cast<std::ptrdiff_t>(index), node); });
}

std::string path_prefix(const std::vector<PathStep>& steps, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    if (steps[i].is_index()) {
      text += steps[i].index < 0 ? "[*]" : "[" + std::to_string(steps[i].index) + "]";
    } else {
      if (!text.empty()) text += ".";
      text += steps[i].key;
    }
  }
  return text;
}

void apply_from(toml::node& node, std::size_t step_index, const FieldOverride& field);

void apply_in_array(toml::array& array, std::size_t step_index, const FieldOverride& field) {
  const PathStep& step = field.steps[step_index];
  const bool last = step_index + 1 == field.steps.size();
  std::vector<std::size_t> targets;
  if (step.index < 0) {
    for (std::size_t i = 0; i < array.size(); ++i) targets.push_back(i);
  } else if (static_cast<std::size_t>(step.index) < array.size()) {
    targets.push_back(static_cast<std::size_t>(step.index));
  } else {
    fail(field, fill("{} heeft {} elementen (index 0 tot {}); er is geen [{}] in het basisscenario",
                     "{} has {} entries (index 0 to {}); there is no [{}] in the base scenario",
                     {path_prefix(field.steps, step_index), std::to_string(array.size()),
                      std::to_string(static_cast<long long>(array.size()) - 1), std::to_string(step.index)}));
  }
  for (std::size_t i : targets) {
    if (last) {
      assign_in_array(array, i, field);
    } else {
      apply_from(*array.get(i), step_index + 1, field);
    }
  }
}

void apply_in_table(toml::table& table, std::size_t step_index, const FieldOverride& field) {
  const PathStep& step = field.steps[step_index];
  if (step_index + 1 == field.steps.size()) {
    assign_in_table(table, step.key, field);
    return;
  }
  toml::node* child = table.get(step.key);
  if (child == nullptr) {
    if (field.steps[step_index + 1].is_index()) {
      fail(field, fill("het basisscenario heeft geen lijst {} om in te indexeren; schrijf de lijst eerst in het basisscenario",
                       "the base scenario has no list {} to index into; write the list in the base scenario first",
                       {path_prefix(field.steps, step_index + 1)}));
    }
    child = &table.insert_or_assign(step.key, toml::table{}).first->second;
  }
  apply_from(*child, step_index + 1, field);
}

void apply_from(toml::node& node, std::size_t step_index, const FieldOverride& field) {
  const PathStep& step = field.steps[step_index];
  if (step.is_index()) {
    toml::array* array = node.as_array();
    if (array == nullptr) fail(field, fill("{} is geen lijst in het basisscenario", "{} is not a list in the base scenario", {path_prefix(field.steps, step_index)}));
    apply_in_array(*array, step_index, field);
    return;
  }
  toml::table* table = node.as_table();
  if (table == nullptr) fail(field, fill("{} is geen tabel in het basisscenario", "{} is not a table in the base scenario", {path_prefix(field.steps, step_index)}));
  apply_in_table(*table, step_index, field);
}

}  // namespace

std::vector<PathStep> parse_field_path(std::string_view path, const InputLocation& where) {
  std::vector<PathStep> steps;
  const auto bad = [&](const Text& why) {
    InputLocation at = where;
    at.field = std::string(path);
    throw InputError(at, Text{"geen veldpad (", "not a field path ("} + why +
                             Text{"); verwacht bv. pv.arrays[0].kwp of apartments[*].archetype",
                                  "); expected e.g. pv.arrays[0].kwp or apartments[*].archetype"});
  };
  std::size_t i = 0;
  bool expect_name = true;
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos || steps.empty()) bad(Text{"[ ] niet in evenwicht", "unbalanced [ ]"});
      const std::string_view inside = path.substr(i + 1, close - i - 1);
      PathStep step;
      if (inside != "*") {
        int index = -1;
        const auto [end, error] = std::from_chars(inside.data(), inside.data() + inside.size(), index);
        if (error != std::errc{} || end != inside.data() + inside.size() || index < 0 || inside.empty()) {
          bad(fill("index \"{}\" is geen geheel getal >= 0 of *", "index \"{}\" is not a whole number >= 0 or *", {inside}));
        }
        step.index = index;
      }
      steps.push_back(step);
      i = close + 1;
      expect_name = false;
      continue;
    }
    if (path[i] == '.') {
      if (expect_name) bad(Text{"lege naam", "empty name"});
      ++i;
      expect_name = true;
      continue;
    }
    if (!expect_name) bad(Text{"verwacht . of [ na een naam of index", "expected . or [ after a name or index"});
    std::size_t end = i;
    while (end < path.size() && is_name_char(path[end])) ++end;
    if (end == i) bad(fill("onverwacht teken '{}'", "unexpected character '{}'", {std::string(1, path[i])}));
    steps.push_back({std::string(path.substr(i, end - i)), -1});
    i = end;
    expect_name = false;
  }
  if (steps.empty() || expect_name) bad(Text{"lege naam", "empty name"});
  if (steps.back().is_index() && steps.size() == 1) bad(Text{"begint met een index", "starts with an index"});
  return steps;
}

void apply_override(toml::table& document, const FieldOverride& field) {
  apply_in_table(document, 0, field);
}

bool path_covers(const std::vector<PathStep>& steps, std::string_view error_field) {
  std::size_t at = 0;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PathStep& step = steps[s];
    if (step.is_index()) {
      if (at >= error_field.size() || error_field[at] != '[') return false;
      const std::size_t close = error_field.find(']', at);
      if (close == std::string_view::npos) return false;
      if (step.index >= 0 && error_field.substr(at + 1, close - at - 1) != std::to_string(step.index)) return false;
      at = close + 1;
    } else {
      if (s > 0) {
        if (at >= error_field.size() || error_field[at] != '.') return false;
        ++at;
      }
      if (error_field.substr(at, step.key.size()) != step.key) return false;
      at += step.key.size();
    }
  }
  return at == error_field.size() || error_field[at] == '.' || error_field[at] == '[';
}

}  // namespace deelstroom::batch
