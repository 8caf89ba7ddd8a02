#pragma once
// A double-quoted string literal with the escapes JSON (RFC 8259 §7) and TOML basic strings
// share: \" \\ \n \r \t and \u00XX for other control characters. One function serves both
// the JSON writer and the scenario writer.
#include <string>
#include <string_view>

namespace deelstroom {

std::string quoted_literal(std::string_view text);

}  // namespace deelstroom
