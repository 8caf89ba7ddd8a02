#include "core/common/language.hpp"

#include <cctype>
#include <string>

namespace deelstroom {

std::optional<Language> parse_language(std::string_view code) {
  std::string lower;
  for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "nl" || lower == "nl-be" || lower == "dutch" || lower == "nederlands") return Language::dutch;
  if (lower == "en" || lower == "en-gb" || lower == "en-us" || lower == "english") return Language::english;
  return std::nullopt;
}

}  // namespace deelstroom
