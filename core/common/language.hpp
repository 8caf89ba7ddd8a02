#pragma once
// Labels for people: Dutch by default, English on request. Each call site carries both
// texts, so a label and its translation are always read together.
#include <optional>
#include <string_view>

namespace deelstroom {

enum class Language { dutch, english };

/// Picks the text for the language.
constexpr std::string_view tr(Language language, std::string_view dutch, std::string_view english) {
  return language == Language::dutch ? dutch : english;
}

/// "nl" or "en" (case-insensitive); nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);

}  // namespace deelstroom
