// The two CSV styles of issue #7: tidy (`,`, decimal point, no BOM) for R and Python, and
// excel-be (`;`, decimal comma, UTF-8 BOM) for a Flemish Excel. Expected texts written by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/report/csv_writer.hpp"

using deelstroom::report::csv_style_by_name;
using deelstroom::report::CsvStyle;
using deelstroom::report::CsvWriter;

namespace {

/// One header and one row of mixed cells in the given style.
std::string sample_table(const CsvStyle& style) {
  std::ostringstream out;
  CsvWriter csv(out, style);
  csv.header({"apartment", "shared_kwh", "saving_eur"});
  csv.text("A;1, \"noord\"").number(1234.5).number(-0.25);
  csv.end_row();
  csv.text("B2").number(3.0).empty();
  csv.end_row();
  return out.str();
}

}  // namespace

TEST_CASE("excel-be CSV: semicolons, decimal commas, a BOM, and text with a semicolon quoted", "[report][csv]") {
  const std::string text = sample_table(CsvStyle::excel_be());
  // UTF-8 byte-order mark once, at the start: Excel then reads é and € correctly.
  const std::string expected = "\xEF\xBB\xBF"
                               "apartment;shared_kwh;saving_eur\r\n"
                               "\"A;1, \"\"noord\"\"\";1234,5;-0,25\r\n"
                               "B2;3;\r\n";
  CHECK(text == expected);
}

TEST_CASE("tidy CSV: commas, decimal points, no BOM, and text with a comma quoted", "[report][csv]") {
  const std::string text = sample_table(CsvStyle::tidy());
  const std::string expected = "apartment,shared_kwh,saving_eur\r\n"
                               "\"A;1, \"\"noord\"\"\",1234.5,-0.25\r\n"
                               "B2,3,\r\n";
  CHECK(text == expected);
}

TEST_CASE("CSV numbers: no thousands separator, trailing zeros trimmed, -0 as 0, undefined as an empty cell",
          "[report][csv]") {
  std::ostringstream out;
  CsvWriter csv(out, CsvStyle::excel_be());
  csv.number(1234567.0).number(0.1, 3).number(-1e-9, 6).number(std::numeric_limits<double>::quiet_NaN()).number(2.0 / 3.0, 4);
  csv.integer(-42);
  csv.end_row();
  // 1234567 keeps no separator (a '.' would be a thousands mark to a Flemish Excel);
  // -1e-9 rounds to -0.000000 and is written 0; NaN stays empty; 2/3 to 4 decimals is 0,6667.
  CHECK(out.str() == "\xEF\xBB\xBF"
                     "1234567;0,1;0;;0,6667;-42\r\n");
}

TEST_CASE("CSV style names: tidy, excel-be, anything else is refused", "[report][csv]") {
  CHECK(csv_style_by_name("tidy").separator == ',');
  CHECK_FALSE(csv_style_by_name("tidy").byte_order_mark);
  const CsvStyle excel = csv_style_by_name("excel-be");
  CHECK(excel.separator == ';');
  CHECK(excel.decimal_mark == ',');
  CHECK(excel.byte_order_mark);
  CHECK_THROWS_AS(csv_style_by_name("excel"), deelstroom::InputError);  // a user's typo: an input error
  CHECK_THROWS_AS(csv_style_by_name("Excel-BE"), deelstroom::InputError);
}
