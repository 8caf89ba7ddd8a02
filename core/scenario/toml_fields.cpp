#include "core/scenario/toml_fields.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace deelstroom::scenario {

namespace {

Text describe_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return {"tekst", "text"};
    case toml::node_type::integer: return {"een geheel getal", "a whole number"};
    case toml::node_type::floating_point: return {"een getal", "a number"};
    case toml::node_type::boolean: return {"true/false", "true/false"};
    case toml::node_type::array: return {"een lijst", "a list"};
    case toml::node_type::table: return {"een tabel", "a table"};
    default: return {"een datum/tijd", "a date/time"};
  }
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

Text range_text(double min, double max) {
  return fill("een getal van {} tot {}", "a number from {} to {}", {format_number(min), format_number(max)});
}

Text expected_found(const Text& expected, const Text& found) {
  return fill("verwacht ", "expected ") + expected + fill(", gevonden ", ", found ") + found;
}

}  // namespace

TableReader::TableReader(const toml::table& table, std::string file, std::string path)
    : table_(&table), file_(std::move(file)), path_(std::move(path)) {}

std::string TableReader::field_path(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  if (key.empty()) return path_;
  return path_ + "." + std::string(key);
}

bool TableReader::has(std::string_view key) const { return table_->get(key) != nullptr; }

const toml::node* TableReader::find(std::string_view key) {
  // Every key asked for is a known field name, present or not.
  read_.insert(std::string(key));
  return table_->get(key);
}

const toml::node* TableReader::raw(std::string_view key) { return find(key); }

void TableReader::fail(std::string_view key, const Text& message) const {
  const toml::node* node = key.empty() ? nullptr : table_->get(key);
  const auto& source = node != nullptr ? node->source() : table_->source();
  throw InputError({file_, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column), field_path(key)},
                   message);
}

void TableReader::fail_at(const toml::node& node, std::string_view key, const Text& message) const {
  const auto& source = node.source();
  throw InputError({file_, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column), field_path(key)},
                   message);
}

std::optional<double> TableReader::optional_number(std::string_view key, double min, double max) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  std::optional<double> value;
  if (const auto* f = node->as_floating_point()) value = f->get();
  if (const auto* i = node->as_integer()) value = static_cast<double>(i->get());
  if (!value) fail(key, expected_found(range_text(min, max), describe_type(*node)));
  if (!std::isfinite(*value) || *value < min || *value > max) {
    fail(key, expected_found(range_text(min, max), verbatim(format_number(*value))));
  }
  return value;
}

double TableReader::number(std::string_view key, double fallback, double min, double max) {
  return optional_number(key, min, max).value_or(fallback);
}

std::optional<long long> TableReader::optional_integer(std::string_view key, long long min, long long max) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  const auto* i = node->as_integer();
  const Text whole_range = fill("een geheel getal van {} tot {}", "a whole number from {} to {}",
                                {std::to_string(min), std::to_string(max)});
  if (i == nullptr) {
    fail(key, expected_found(whole_range, describe_type(*node)));
  }
  const long long value = i->get();
  if (value < min || value > max) {
    fail(key, expected_found(whole_range, verbatim(std::to_string(value))));
  }
  return value;
}

long long TableReader::integer(std::string_view key, long long fallback, long long min, long long max) {
  return optional_integer(key, min, max).value_or(fallback);
}

bool TableReader::boolean(std::string_view key, bool fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  const auto* b = node->as_boolean();
  if (b == nullptr) fail(key, expected_found({"true of false", "true or false"}, describe_type(*node)));
  return b->get();
}

std::optional<std::string> TableReader::optional_string(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  const auto* s = node->as_string();
  if (s == nullptr) fail(key, expected_found({"tekst tussen aanhalingstekens", "text in quotes"}, describe_type(*node)));
  return s->get();
}

std::string TableReader::string(std::string_view key, const std::string& fallback) {
  return optional_string(key).value_or(fallback);
}

std::string TableReader::choice(std::string_view key, const std::string& fallback,
                                std::initializer_list<std::string_view> allowed) {
  const std::optional<std::string> value = optional_string(key);
  if (!value) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return *value;
  std::string list;
  std::vector<std::string> candidates;
  for (std::string_view option : allowed) {
    if (!list.empty()) list += ", ";
    list += "\"" + std::string(option) + "\"";
    candidates.emplace_back(option);
  }
  Text message = fill("verwacht een van {}, gevonden \"{}\"", "expected one of {}, found \"{}\"", {list, *value});
  if (auto hint = closest_match(*value, candidates)) {
    message = message + fill(" (bedoelde u \"{}\"?)", " (did you mean \"{}\"?)", {*hint});
  }
  fail(key, message);
}

std::optional<std::vector<double>> TableReader::optional_numbers(std::string_view key, double min, double max) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  const auto* array = node->as_array();
  if (array == nullptr) fail(key, expected_found({"een lijst getallen zoals [1, 2, 3]", "a list of numbers like [1, 2, 3]"}, describe_type(*node)));
  std::vector<double> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    std::optional<double> value;
    if (const auto* f = element.as_floating_point()) value = f->get();
    if (const auto* n = element.as_integer()) value = static_cast<double>(n->get());
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!value) fail_at(element, where, expected_found(range_text(min, max), describe_type(element)));
    if (!std::isfinite(*value) || *value < min || *value > max) {
      fail_at(element, where, expected_found(range_text(min, max), verbatim(format_number(*value))));
    }
    values.push_back(*value);
  }
  return values;
}

std::optional<std::vector<std::string>> TableReader::optional_strings(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  const auto* array = node->as_array();
  if (array == nullptr) fail(key, expected_found({"een lijst teksten zoals [\"A1\", \"A2\"]", "a list of texts like [\"A1\", \"A2\"]"},
                                               describe_type(*node)));
  std::vector<std::string> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* s = element.as_string();
    if (s == nullptr) {
      fail_at(element, std::string(key) + "[" + std::to_string(i) + "]", expected_found({"tekst tussen aanhalingstekens", "text in quotes"}, describe_type(element)));
    }
    values.push_back(s->get());
  }
  return values;
}

std::vector<std::string> TableReader::keys() const {
  std::vector<std::string> names;
  for (const auto& [key, node] : *table_) names.emplace_back(key.str());
  return names;
}

std::optional<TableReader> TableReader::optional_table(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  const auto* table = node->as_table();
  if (table == nullptr) fail(key, expected_found(fill("een tabel ([{}])", "a table ([{}])", {field_path(key)}), describe_type(*node)));
  return TableReader(*table, file_, field_path(key));
}

std::vector<TableReader> TableReader::tables(std::string_view key) {
  std::vector<TableReader> result;
  const toml::node* node = find(key);
  if (node == nullptr) return result;
  const auto* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    if (array != nullptr && array->empty()) return result;
    fail(key, expected_found(fill("een lijst tabellen ([[{}]])", "a list of tables ([[{}]])", {field_path(key)}), describe_type(*node)));
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    result.emplace_back(*array->get(i)->as_table(), file_, field_path(key) + "[" + std::to_string(i) + "]");
  }
  return result;
}

void TableReader::reject_unknown_fields() const {
  std::vector<std::string> known(read_.begin(), read_.end());
  for (const auto& [key, node] : *table_) {
    const std::string name(key.str());
    if (read_.count(name) != 0) continue;
    Text message = fill("onbekend veld '{}'", "unknown field '{}'", {name});
    if (auto hint = closest_match(name, known)) message = message + fill(" (bedoelde u '{}'?)", " (did you mean '{}'?)", {*hint});
    const auto& source = node.source();
    throw InputError({file_, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column), field_path(name)},
                     message);
  }
}

toml::table parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const auto& source = error.source();
    throw InputError({file, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column), ""},
                     fill("geen geldige TOML: {}", "not valid TOML: {}", {error.description()}));
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A field written without its unit suffix ("tilt" for "tilt_deg") is the likeliest slip.
  for (const std::string& candidate : candidates) {
    if (word.size() >= 3 && candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0 &&
        candidate[word.size()] == '_') {
      return candidate;
    }
  }
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace deelstroom::scenario
