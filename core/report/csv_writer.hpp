#pragma once
// CSV tables in two styles: tidy (`,` and a decimal point, for R and Python) and the one a
// Flemish Excel opens directly (`;`, decimal comma, UTF-8 byte-order mark).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::report {

struct CsvStyle {
  char separator = ',';
  char decimal_mark = '.';
  bool byte_order_mark = false;

  static CsvStyle tidy() { return {}; }
  static CsvStyle excel_be() { return {';', ',', true}; }
};

/// Parses "tidy" or "excel-be"; throws InputError (field --csv-style) otherwise.
CsvStyle csv_style_by_name(std::string_view name);

/// Writes rows of cells; numbers formatted per the style, text quoted when needed.
class CsvWriter {
 public:
  CsvWriter(std::ostream& out, CsvStyle style);

  CsvWriter& header(const std::vector<std::string>& names);
  CsvWriter& text(std::string_view cell);
  CsvWriter& number(double value, int max_decimals = 6);
  CsvWriter& integer(long long value);
  CsvWriter& empty();
  void end_row();

 private:
  void separator();
  std::ostream& out_;
  CsvStyle style_;
  bool row_started_ = false;
};

}  // namespace deelstroom::report
