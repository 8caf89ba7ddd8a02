// `deelstroom run --out DIR --csv-style excel-be` writes the same tables as the default tidy
// style, cell for cell, only with `;` between cells, a decimal comma in numbers and a UTF-8
// byte-order mark (issue #7, part 3). Compared on every CSV file the run writes.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_support.hpp"

using deelstroom::test::fresh_directory;
using deelstroom::test::read_whole_file;
using deelstroom::test::run_cli;

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, separator)) cells.push_back(cell);
  if (!line.empty() && line.back() == separator) cells.emplace_back();
  return cells;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

/// "-12.5", "0.25": digits, one point, digits (what the tidy style writes for a fraction).
bool is_decimal_number(const std::string& cell) {
  std::size_t i = (!cell.empty() && cell[0] == '-') ? 1 : 0;
  const std::size_t point = cell.find('.');
  if (point == std::string::npos || point == i || point + 1 == cell.size()) return false;
  for (; i < cell.size(); ++i) {
    if (i != point && (cell[i] < '0' || cell[i] > '9')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("excel-be CSV files hold the tidy files' cells with semicolons, decimal commas and a BOM", "[report][csv][cli]") {
  const auto dir = fresh_directory("csv_styles");
  REQUIRE(run_cli("run --quarter-hours --out '" + (dir / "tidy").string() + "'", "csv_tidy").exit_code == 0);
  REQUIRE(run_cli("run --quarter-hours --csv-style excel-be --out '" + (dir / "excel").string() + "'", "csv_excel").exit_code == 0);
  int files = 0;
  long converted_numbers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "tidy")) {
    if (entry.path().extension() != ".csv") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    INFO(name);
    const std::string tidy = read_whole_file(entry.path());
    const std::string excel = read_whole_file(dir / "excel" / name);
    REQUIRE(excel.size() > 3);
    CHECK(tidy.substr(0, 3) != "\xEF\xBB\xBF");  // tidy: no BOM, R and pandas read the header as is
    REQUIRE(excel.substr(0, 3) == "\xEF\xBB\xBF");
    // Neither style needed quotes for these tables; the cell-wise comparison relies on it.
    REQUIRE(tidy.find('"') == std::string::npos);
    REQUIRE(excel.find('"') == std::string::npos);
    const auto tidy_lines = lines_of(tidy);
    const auto excel_lines = lines_of(excel.substr(3));
    REQUIRE(tidy_lines.size() == excel_lines.size());
    const auto header = split(tidy_lines[0], ',');
    CHECK(split(excel_lines[0], ';') == header);
    for (std::size_t row = 1; row < tidy_lines.size(); ++row) {
      const auto tidy_cells = split(tidy_lines[row], ',');
      const auto excel_cells = split(excel_lines[row], ';');
      REQUIRE(tidy_cells.size() == header.size());
      REQUIRE(excel_cells.size() == header.size());
      for (std::size_t c = 0; c < header.size(); ++c) {
        std::string expected = tidy_cells[c];
        // Apartment ids such as "1.2" (columns apartment, connection) are text, not numbers:
        // they stay as written.
        const bool id_column = header[c] == "apartment" || header[c] == "connection";
        if (!id_column && is_decimal_number(expected)) {
          expected[expected.find('.')] = ',';
          ++converted_numbers;
        }
        if (excel_cells[c] != expected) {
          INFO("row " << row << ", column " << header[c]);
          CHECK(excel_cells[c] == expected);
        }
      }
    }
  }
  CHECK(files >= 8);  // the yearly, monthly, array, quarter-hour, cash-flow and bill tables
  CHECK(converted_numbers > 35040);  // at least the quarter-hour production column's decimals
}
