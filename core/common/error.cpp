#include "core/common/error.hpp"

namespace deelstroom {

std::string format_input_error(const InputLocation& where, const std::string& message) {
  std::string text;
  if (!where.file.empty()) {
    text += where.file;
    if (where.line > 0) {
      text += ":" + std::to_string(where.line);
      if (where.column > 0) text += ":" + std::to_string(where.column);
    }
    text += ": ";
  } else if (where.line > 0) {
    text += "line " + std::to_string(where.line);
    if (where.column > 0) text += ", column " + std::to_string(where.column);
    text += ": ";
  }
  if (!where.field.empty()) text += "field '" + where.field + "': ";
  text += message;
  return text;
}

InputError::InputError(InputLocation where, std::string message)
    : std::runtime_error(format_input_error(where, message)),
      where_(std::move(where)),
      message_(std::move(message)) {}

}  // namespace deelstroom
