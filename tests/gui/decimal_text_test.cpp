// Number fields in Dutch show and accept the decimal comma (issue 14); English uses the point.
#include <catch2/catch.hpp>

#include "gui/model/decimal_text.hpp"

using namespace deelstroom;
using namespace deelstroom::gui;

TEST_CASE("format_decimal writes the language's decimal mark and no thousands separator", "[gui][decimal]") {
  CHECK(format_decimal(12.5, 2, Language::dutch) == "12,50");
  CHECK(format_decimal(12.5, 2, Language::english) == "12.50");
  CHECK(format_decimal(1234.5, 1, Language::dutch) == "1234,5");
  CHECK(format_decimal(0.25, 0, Language::dutch) == "0");
  CHECK(format_decimal(-0.001, 2, Language::dutch) == "0,00");  // no "-0,00"
  CHECK(format_decimal(-3.75, 1, Language::dutch) == "-3,8");
}

TEST_CASE("parse_decimal reads a comma or a point as the decimal mark", "[gui][decimal]") {
  CHECK(parse_decimal("12,5", Language::dutch) == Approx(12.5));
  CHECK(parse_decimal("12.5", Language::dutch) == Approx(12.5));  // a numeric keypad types '.'
  CHECK(parse_decimal(" -0,25 ", Language::dutch) == Approx(-0.25));
  CHECK(parse_decimal("1.234,5", Language::dutch) == Approx(1234.5));  // '.' groups thousands before the ','
  CHECK(parse_decimal("1,234.5", Language::english) == Approx(1234.5));
  CHECK(parse_decimal("20", Language::english) == Approx(20.0));
  CHECK_FALSE(parse_decimal("", Language::dutch).has_value());
  CHECK_FALSE(parse_decimal(",", Language::dutch).has_value());
  CHECK_FALSE(parse_decimal("1,2,3", Language::dutch).has_value());
  CHECK_FALSE(parse_decimal("12 kWh", Language::dutch).has_value());
  CHECK_FALSE(parse_decimal("1-2", Language::dutch).has_value());
}

TEST_CASE("what a Dutch field shows reads back as the same number", "[gui][decimal]") {
  for (double value : {0.0, 0.1, 2.35, 19.99, 1500.0, -7.5}) {
    INFO(value);
    CHECK(parse_decimal(format_decimal(value, 2, Language::dutch), Language::dutch) == Approx(value));
  }
}

TEST_CASE("display_format puts the number in the language's style into a slider's format", "[gui][decimal]") {
  CHECK(format_decimals("%.1f %%") == 1);
  CHECK(format_decimals("%.0f") == 0);
  CHECK(format_decimals("%.3f") == 3);
  CHECK(format_decimals("no conversion") == 2);
  CHECK(display_format(12.5, "%.1f %%", Language::dutch) == "12,5 %%");
  CHECK(display_format(0.105, "%.2f", Language::english) == "0.10");  // 0.105 is 0.10499... in binary
  CHECK(display_format(33.3, "%.0f°", Language::dutch) == "33°");
}
