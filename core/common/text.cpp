#include "core/common/text.hpp"

namespace deelstroom {

namespace {

std::string fill_one(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  out.reserve(pattern.size() + 16 * values.size());
  auto value = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      if (value != values.end()) out += *value++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

Text fill(std::string_view dutch, std::string_view english, std::initializer_list<std::string_view> values) {
  return Text{fill_one(dutch, values), fill_one(english, values)};
}

Text verbatim(std::string text) { return Text{text, std::move(text)}; }

Text operator+(Text left, const Text& right) {
  left.dutch += right.dutch;
  left.english += right.english;
  return left;
}

}  // namespace deelstroom
