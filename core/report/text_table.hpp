#pragma once
// Plain-text tables for a terminal: aligned columns, numbers right-aligned, widths counted
// in characters (UTF-8 aware, so "€" and "ë" do not shift columns).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::report {

class TextTable {
 public:
  enum class Align { left, right };

  void add_column(std::string_view title, Align align = Align::right);
  void add_row(std::vector<std::string> cells);
  /// A horizontal rule before the next row (e.g. before a total).
  void add_rule();
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> titles_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;  ///< an empty row = a rule
};

/// Number of characters (code points) in a UTF-8 string.
std::size_t display_width(const std::string& text);

/// Fixed-point text with a thousands separator and decimal mark per language
/// (Dutch: 1.234,5; English: 1,234.5).
std::string format_number(double value, int decimals, bool dutch);

/// A fraction as a percentage ("37,5 %" / "37.5 %").
std::string format_percent(double fraction, int decimals, bool dutch);

}  // namespace deelstroom::report
