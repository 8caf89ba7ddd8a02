#pragma once
// A sentence for people in both languages the program speaks. The core builds both texts
// where it knows what went wrong; the CLI or GUI picks one at the edge, so the core holds
// no language setting and stays thread-safe.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/common/language.hpp"

namespace deelstroom {

struct Text {
  std::string dutch;
  std::string english;

  const std::string& in(Language language) const { return language == Language::dutch ? dutch : english; }
  bool empty() const { return dutch.empty() && english.empty(); }
  bool operator==(const Text&) const = default;
};

/// Both templates with each "{}" replaced, in order, by the same value (names, numbers and
/// paths read the same in both languages). Extra "{}" stay empty; extra values are ignored.
Text fill(std::string_view dutch, std::string_view english, std::initializer_list<std::string_view> values = {});

/// A text that reads the same in both languages (a file name, a number, a quoted value).
Text verbatim(std::string text);

Text operator+(Text left, const Text& right);

}  // namespace deelstroom
