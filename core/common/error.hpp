#pragma once
// The one error type for bad input: it says where (file, line, column or field path) and
// what was expected, so a person can fix the file without reading code.
#include <stdexcept>
#include <string>

namespace deelstroom {

struct InputLocation {
  std::string file;   ///< path as the user gave it; empty when not from a file
  int line = 0;       ///< 1-based; 0 = unknown
  int column = 0;     ///< 1-based; 0 = unknown
  std::string field;  ///< field path, e.g. "pv.arrays[1].kwp" or a CSV column name
};

class InputError : public std::runtime_error {
 public:
  InputError(InputLocation where, std::string message);

  const InputLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  InputLocation where_;
  std::string message_;
};

/// "file:line:column: field 'x': message" with the parts that are known.
std::string format_input_error(const InputLocation& where, const std::string& message);

}  // namespace deelstroom
