#include "core/report/text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace deelstroom::report {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string format_number(double value, int decimals, bool dutch) {
  if (!std::isfinite(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string digits(buffer);
  std::string fraction;
  if (auto dot = digits.find('.'); dot != std::string::npos) {
    fraction = digits.substr(dot + 1);
    digits = digits.substr(0, dot);
  }
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += dutch ? '.' : ',';
    grouped += digits[i];
  }
  const bool negative = value < 0.0 && std::any_of(buffer, buffer + std::char_traits<char>::length(buffer),
                                                   [](char c) { return c >= '1' && c <= '9'; });
  std::string text = (negative ? "-" : "") + grouped;
  if (!fraction.empty()) text += (dutch ? "," : ".") + fraction;
  return text;
}

std::string format_percent(double fraction, int decimals, bool dutch) {
  if (!std::isfinite(fraction)) return "-";
  return format_number(fraction * 100.0, decimals, dutch) + " %";
}

void TextTable::add_column(std::string_view title, Align align) {
  titles_.emplace_back(title);
  aligns_.push_back(align);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(titles_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::add_rule() { rows_.emplace_back(); }

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths(titles_.size());
  for (std::size_t c = 0; c < titles_.size(); ++c) {
    widths[c] = display_width(titles_[c]);
    for (const auto& row : rows_) {
      if (!row.empty()) widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  auto print_cells = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::size_t pad = widths[c] - display_width(cells[c]);
      if (c > 0) out << "  ";
      if (aligns_[c] == Align::right) out << std::string(pad, ' ') << cells[c];
      else out << cells[c] << (c + 1 < cells.size() ? std::string(pad, ' ') : "");
    }
    out << '\n';
  };
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += 2 * (widths.empty() ? 0 : widths.size() - 1);
  print_cells(titles_);
  out << std::string(total, '-') << '\n';
  for (const auto& row : rows_) {
    if (row.empty()) out << std::string(total, '-') << '\n';
    else print_cells(row);
  }
}

}  // namespace deelstroom::report
