#pragma once
// A small streaming JSON writer: objects, arrays, strings (escaped), numbers written so they
// read back to the same double, and null for undefined values (NaN, empty optionals).
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, bool pretty = true) : out_(out), pretty_(pretty) {}

  JsonWriter& begin_object(std::string_view key = {});
  JsonWriter& end_object();
  JsonWriter& begin_array(std::string_view key = {});
  JsonWriter& end_array();

  JsonWriter& value(std::string_view key, double number);
  JsonWriter& value(std::string_view key, std::optional<double> number);
  JsonWriter& value(std::string_view key, long long number);
  JsonWriter& value(std::string_view key, int number) { return value(key, static_cast<long long>(number)); }
  JsonWriter& value(std::string_view key, bool flag);
  JsonWriter& value(std::string_view key, std::string_view text);
  JsonWriter& value(std::string_view key, const char* text) { return value(key, std::string_view(text)); }
  JsonWriter& value(std::string_view key, const std::string& text) { return value(key, std::string_view(text)); }
  JsonWriter& null(std::string_view key);
  JsonWriter& numbers(std::string_view key, const std::vector<double>& values);

  /// Array elements (no key).
  JsonWriter& element(double number) { return value({}, number); }
  JsonWriter& element(std::string_view text) { return value({}, text); }

 private:
  void prefix(std::string_view key);
  void newline();
  void write_number(double number);

  std::ostream& out_;
  bool pretty_;
  std::vector<bool> first_;  ///< per open container: no element written yet
};

/// JSON string literal of a text (quotes included).
std::string json_quote(std::string_view text);

}  // namespace deelstroom::report
