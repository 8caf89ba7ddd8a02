#pragma once
// The one error type for bad input: it says where (file, line, column or field path) and
// what was expected, so a person can fix the file without reading code. The message is
// carried in Dutch and English; the CLI or GUI picks the language when it shows it.
#include <stdexcept>
#include <string>

#include "core/common/language.hpp"
#include "core/common/text.hpp"

namespace deelstroom {

struct InputLocation {
  std::string file;   ///< path as the user gave it; empty when not from a file
  int line = 0;       ///< 1-based; 0 = unknown
  int column = 0;     ///< 1-based; 0 = unknown
  std::string field;  ///< field path, e.g. "pv.arrays[1].kwp" or a CSV column name
};

class InputError : public std::runtime_error {
 public:
  /// what() is the English line (for logs and std::exception handlers).
  InputError(InputLocation where, Text message);

  const InputLocation& where() const { return where_; }
  /// The message in English (what tests and logs compare); text() has both languages.
  const std::string& message() const { return message_.english; }
  const Text& text() const { return message_; }
  /// The whole line, location included, in `language`.
  std::string describe(Language language) const { return format_input_error(where_, message_, language); }

  /// "file:line:column: field 'x': message" (Dutch: "veld 'x'") with the parts that are known.
  static std::string format_input_error(const InputLocation& where, const Text& message, Language language);

 private:
  InputLocation where_;
  Text message_;
};

/// The text of an exception for a person: InputError in `language`, anything else as what().
std::string describe_error(const std::exception& error, Language language);

}  // namespace deelstroom
