#include "core/report/csv_writer.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/common/error.hpp"

namespace deelstroom::report {

CsvStyle csv_style_by_name(std::string_view name) {
  if (name == "tidy") return CsvStyle::tidy();
  if (name == "excel-be") return CsvStyle::excel_be();
  throw InputError({"", 0, 0, "--csv-style"}, fill("onbekende CSV-stijl \"{}\"; verwacht \"tidy\" of \"excel-be\"",
                                                 "unknown CSV style \"{}\"; expected \"tidy\" or \"excel-be\"", {name}));
}

CsvWriter::CsvWriter(std::ostream& out, CsvStyle style) : out_(out), style_(style) {
  if (style_.byte_order_mark) out_ << "\xEF\xBB\xBF";
}

void CsvWriter::separator() {
  if (row_started_) out_ << style_.separator;
  row_started_ = true;
}

CsvWriter& CsvWriter::header(const std::vector<std::string>& names) {
  for (const std::string& name : names) text(name);
  end_row();
  return *this;
}

CsvWriter& CsvWriter::text(std::string_view cell) {
  separator();
  const bool needs_quotes = cell.find_first_of(std::string{style_.separator, '"', '\n', '\r'}) != std::string_view::npos;
  if (!needs_quotes) {
    out_ << cell;
    return *this;
  }
  out_ << '"';
  for (char c : cell) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
  return *this;
}

CsvWriter& CsvWriter::number(double value, int max_decimals) {
  separator();
  if (!std::isfinite(value)) return *this;  // an empty cell: undefined
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", max_decimals, value);
  std::string text(buffer);
  // Trim trailing zeros of the fraction ("12.500000" -> "12.5", "3.000000" -> "3").
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  if (style_.decimal_mark != '.') {
    for (char& c : text) {
      if (c == '.') c = style_.decimal_mark;
    }
  }
  out_ << text;
  return *this;
}

CsvWriter& CsvWriter::integer(long long value) {
  separator();
  out_ << value;
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  out_ << "\r\n";
  row_started_ = false;
}

}  // namespace deelstroom::report
