#include "core/common/error.hpp"

namespace deelstroom {

std::string InputError::format_input_error(const InputLocation& where, const Text& message, Language language) {
  std::string text;
  if (!where.file.empty()) {
    text += where.file;
    if (where.line > 0) {
      text += ":" + std::to_string(where.line);
      if (where.column > 0) text += ":" + std::to_string(where.column);
    }
    text += ": ";
  } else if (where.line > 0) {
    text += std::string(tr(language, "regel ", "line ")) + std::to_string(where.line);
    if (where.column > 0) text += std::string(tr(language, ", kolom ", ", column ")) + std::to_string(where.column);
    text += ": ";
  }
  if (!where.field.empty()) text += std::string(tr(language, "veld '", "field '")) + where.field + "': ";
  text += message.in(language);
  return text;
}

InputError::InputError(InputLocation where, Text message)
    : std::runtime_error(format_input_error(where, message, Language::english)),
      where_(std::move(where)),
      message_(std::move(message)) {}

std::string describe_error(const std::exception& error, Language language) {
  if (const auto* input = dynamic_cast<const InputError*>(&error)) return input->describe(language);
  return error.what();
}

}  // namespace deelstroom
