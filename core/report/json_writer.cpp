#include "core/report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/common/quoted.hpp"

namespace deelstroom::report {

std::string json_quote(std::string_view text) { return quoted_literal(text); }

void JsonWriter::newline() {
  if (!pretty_) return;
  out_ << '\n';
  for (std::size_t i = 0; i < first_.size(); ++i) out_ << "  ";
}

void JsonWriter::prefix(std::string_view key) {
  if (!first_.empty()) {
    if (!first_.back()) out_ << ',';
    first_.back() = false;
    newline();
  }
  if (!key.empty()) out_ << json_quote(key) << (pretty_ ? ": " : ":");
}

void JsonWriter::write_number(double number) {
  if (!std::isfinite(number)) {
    out_ << "null";
    return;
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  (void)ec;
  out_.write(buffer, end - buffer);
}

JsonWriter& JsonWriter::begin_object(std::string_view key) {
  prefix(key);
  out_ << '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ << '}';
  if (first_.empty() && pretty_) out_ << '\n';
  return *this;
}

JsonWriter& JsonWriter::begin_array(std::string_view key) {
  prefix(key);
  out_ << '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ << ']';
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, double number) {
  prefix(key);
  write_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, std::optional<double> number) {
  prefix(key);
  if (number) write_number(*number); else out_ << "null";
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, long long number) {
  prefix(key);
  out_ << number;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, bool flag) {
  prefix(key);
  out_ << (flag ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, std::string_view text) {
  prefix(key);
  out_ << json_quote(text);
  return *this;
}

JsonWriter& JsonWriter::null(std::string_view key) {
  prefix(key);
  out_ << "null";
  return *this;
}

JsonWriter& JsonWriter::numbers(std::string_view key, const std::vector<double>& values) {
  prefix(key);
  out_ << '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out_ << (pretty_ ? ", " : ",");
    write_number(values[i]);
  }
  out_ << ']';
  return *this;
}

}  // namespace deelstroom::report
