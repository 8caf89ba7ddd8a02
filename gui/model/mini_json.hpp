#pragma once
// A small JSON reader for the self-check: it reads the CLI's `run --json` document (RFC 8259
// values; numbers as doubles, which is exact for the shortest round-trip text the core's
// JsonWriter prints) and looks values up by a path like "apartments[3].shared_kwh".
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deelstroom::gui {

struct JsonValue {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool flag = false;
  double number = 0.0;
  std::string text;
  std::vector<JsonValue> items;                            ///< array
  std::vector<std::pair<std::string, JsonValue>> members;  ///< object, in file order

  const JsonValue* member(std::string_view key) const;
};

/// Parses one JSON document. Throws InputError (field "json", column = byte offset + 1) when
/// the text is not JSON.
JsonValue parse_json(std::string_view text);

/// The value at `path` ("a.b[2].c"), or nullptr when any step is missing.
const JsonValue* find_json(const JsonValue& root, std::string_view path);

}  // namespace deelstroom::gui
