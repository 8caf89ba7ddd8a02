#pragma once
// Reading fields of a scenario's TOML tables with errors a person can act on: every error
// names the file, line, column and field path, and says what was expected. Unknown fields
// are errors too (with a "did you mean" hint), because a misspelt field silently falling
// back to its default is the worst kind of wrong result.
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/common/error.hpp"

namespace deelstroom::scenario {

/// A view on one TOML table of a scenario file, with the field path that leads to it.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, std::string path);

  bool has(std::string_view key) const;

  double number(std::string_view key, double fallback, double min, double max);
  std::optional<double> optional_number(std::string_view key, double min, double max);
  long long integer(std::string_view key, long long fallback, long long min, long long max);
  std::optional<long long> optional_integer(std::string_view key, long long min, long long max);
  bool boolean(std::string_view key, bool fallback);
  std::string string(std::string_view key, const std::string& fallback);
  std::optional<std::string> optional_string(std::string_view key);
  /// A string that must be one of `allowed`.
  std::string choice(std::string_view key, const std::string& fallback, std::initializer_list<std::string_view> allowed);
  /// An array of numbers, each within [min, max].
  std::optional<std::vector<double>> optional_numbers(std::string_view key, double min, double max);
  std::optional<std::vector<std::string>> optional_strings(std::string_view key);

  std::optional<TableReader> optional_table(std::string_view key);
  /// An array of tables ([[name]]); empty when absent.
  std::vector<TableReader> tables(std::string_view key);

  /// The names of this table's fields, in file order (none is marked as read).
  std::vector<std::string> keys() const;

  /// The raw node (for fields with several accepted shapes), marked as read.
  const toml::node* raw(std::string_view key);

  /// Throws for the first field of this table that no accessor asked for (unknown field).
  void reject_unknown_fields() const;

  /// An InputError at this table (or at one of its fields when `key` is given).
  [[noreturn]] void fail(std::string_view key, const Text& message) const;
  [[noreturn]] void fail_at(const toml::node& node, std::string_view key, const Text& message) const;

  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  std::string field_path(std::string_view key) const;

 private:
  const toml::node* find(std::string_view key);

  const toml::table* table_;
  std::string file_;
  std::string path_;
  std::set<std::string, std::less<>> read_;  ///< field names asked for (the known fields)
};

/// Parses a TOML document; a syntax error becomes an InputError with line and column.
toml::table parse_toml(std::string_view text, const std::string& file);

/// Levenshtein distance (for "did you mean" hints).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace deelstroom::scenario
