// The report's inline SVG charts: bar heights proportional to the values, one line per series,
// and series that share a colour told apart by their dashes.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/report/svg_chart.hpp"

using deelstroom::report::palette_colour;
using deelstroom::report::palette_dash;
using deelstroom::report::svg_bar_chart;
using deelstroom::report::svg_line_chart;
using deelstroom::report::SvgSeries;

namespace {

/// The numeric value of every `name='...'` attribute in order of appearance.
std::vector<double> attribute_values(const std::string& svg, const std::string& element, const std::string& name) {
  std::vector<double> values;
  const std::regex pattern("<" + element + "[^>]* " + name + "='([-0-9.e]+)'");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern); it != std::sregex_iterator(); ++it) {
    values.push_back(std::stod((*it)[1].str()));
  }
  return values;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("Bar chart: one bar per value, heights in proportion to the values, on a zero baseline", "[report][svg]") {
  // 100, 200 and 400 kWh: by hand, the second bar is twice and the third four times the first.
  const std::string svg = svg_bar_chart({"jan", "feb", "mrt"}, {100.0, 200.0, 400.0}, "kWh", true);
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  const auto heights = attribute_values(svg, "rect", "height");
  const auto tops = attribute_values(svg, "rect", "y");
  REQUIRE(heights.size() == 3);
  REQUIRE(tops.size() == 3);
  CHECK(heights[1] == Approx(2.0 * heights[0]));
  CHECK(heights[2] == Approx(4.0 * heights[0]));
  // Every bar stands on the same baseline (y + height is the zero line).
  CHECK(tops[0] + heights[0] == Approx(tops[2] + heights[2]));
  // Hover titles carry the value in the report's number format (Dutch: no decimals here).
  CHECK(svg.find("<title>mrt: 400 kWh</title>") != std::string::npos);
}

TEST_CASE("Line chart: one polyline per series with a point per x, names escaped, a legend entry each", "[report][svg]") {
  const std::vector<SvgSeries> series = {{"A&B", {-100.0, 0.0, 100.0}, "#111", 1.5, ""},
                                         {"C", {50.0, 50.0, 50.0}, "#222", 1.5, "6 3"}};
  const std::string svg = svg_line_chart({"0", "1", "2"}, series, "€", false);
  CHECK(count_of(svg, "<polyline") == 2);
  CHECK(svg.find("A&amp;B") != std::string::npos);
  CHECK(svg.find("A&B") == std::string::npos);
  // The dashed series is dashed on the plot and in its legend swatch; the solid one is not.
  CHECK(count_of(svg, "stroke-dasharray='6 3'") == 2);
  CHECK(count_of(svg, "stroke-dasharray") == 2);
  // Three points each: "x,y x,y x,y".
  const std::regex points("points='([^']*)'");
  int checked = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), points); it != std::sregex_iterator(); ++it, ++checked) {
    CHECK(count_of((*it)[1].str(), ",") == 3);
  }
  CHECK(checked == 2);
}

TEST_CASE("Palette: 36 series get 36 different colour and dash pairs", "[report][svg]") {
  std::set<std::pair<std::string, std::string>> styles;
  for (std::size_t i = 0; i < 36; ++i) styles.insert({palette_colour(i), palette_dash(i)});
  CHECK(styles.size() == 36);
  CHECK(palette_dash(0).empty());  // the first round is solid
  CHECK(palette_colour(12) == palette_colour(0));
  CHECK(palette_dash(12) != palette_dash(0));
}

TEST_CASE("Ranked bars: highest first, widths in proportion, losses red left of zero, a row per apartment", "[report][svg]") {
  const std::vector<std::string> names{"A1", "A2", "A3", "A4"};
  const std::vector<double> npv{100.0, -50.0, 300.0, 200.0};
  const std::string svg = deelstroom::report::svg_ranked_bars(names, npv, "€", true);
  // Rows in the order 300 (A3), 200 (A4), 100 (A1), -50 (A2).
  CHECK(svg.find(">A3<") < svg.find(">A4<"));
  CHECK(svg.find(">A4<") < svg.find(">A1<"));
  CHECK(svg.find(">A1<") < svg.find(">A2<"));
  const std::vector<double> widths = attribute_values(svg, "rect", "width");
  REQUIRE(widths.size() == 4);
  CHECK(widths[0] / widths[2] == Approx(3.0));  // 300 against 100
  CHECK(widths[1] / widths[3] == Approx(4.0));  // 200 against -50
  CHECK(count_of(svg, "class='loss'") == 1);
  CHECK(count_of(svg, "class='gain'") == 3);
  // The loss bar ends where the gain bars start: at zero.
  const std::vector<double> xs = attribute_values(svg, "rect", "x");
  CHECK(xs[3] + widths[3] == Approx(xs[0]));
  // Thirty apartments: thirty rows, the chart 18 px taller per row.
  std::vector<std::string> many;
  std::vector<double> values;
  for (int i = 0; i < 30; ++i) {
    many.push_back("A" + std::to_string(i));
    values.push_back(10.0 * i - 100.0);
  }
  const std::string tall = deelstroom::report::svg_ranked_bars(many, values, "€", true);
  CHECK(count_of(tall, "<rect") == 30);
  const std::vector<double> heights = attribute_values(tall, "rect", "height");
  CHECK(heights.front() == Approx(12.0));
}
