#include "gui/model/decimal_text.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace deelstroom::gui {

namespace {

/// Where the first printf conversion starts and ends ("%.1f" in "%.1f %%"); npos when none.
std::pair<std::size_t, std::size_t> conversion(std::string_view format) {
  for (std::size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (format[i + 1] == '%') {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < format.size() && !std::isalpha(static_cast<unsigned char>(format[end]))) ++end;
    return {i, end < format.size() ? end + 1 : end};
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string format_decimal(double value, int decimals, Language language) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals < 0 ? 0 : decimals, value);
  std::string out = text;
  if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);  // "-0,00" reads as a mistake
  if (language == Language::dutch) {
    for (char& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

std::optional<double> parse_decimal(std::string_view text, Language /*language*/) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  const std::size_t last_comma = text.rfind(','), last_point = text.rfind('.');
  char decimal_mark = 0;
  if (last_comma != std::string_view::npos && last_point != std::string_view::npos) {
    decimal_mark = last_comma > last_point ? ',' : '.';
  } else if (last_comma != std::string_view::npos) {
    decimal_mark = ',';
  } else if (last_point != std::string_view::npos) {
    decimal_mark = '.';
  }
  std::string plain;
  bool digits = false, mark_seen = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      plain += c;
      digits = true;
    } else if ((c == '-' || c == '+') && i == 0) {
      plain += c;
    } else if (c == decimal_mark) {
      if (mark_seen) return std::nullopt;  // "1,2,3": two decimal marks
      mark_seen = true;
      plain += '.';
    } else if (c == ',' || c == '.') {
      continue;  // the other mark groups thousands
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

int format_decimals(std::string_view printf_format) {
  const auto [begin, end] = conversion(printf_format);
  if (begin == std::string_view::npos) return 2;
  const std::string_view spec = printf_format.substr(begin, end - begin);
  const std::size_t point = spec.find('.');
  if (point == std::string_view::npos) return spec.back() == 'f' ? 6 : 2;
  int decimals = 0;
  for (std::size_t i = point + 1; i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])); ++i) {
    decimals = decimals * 10 + (spec[i] - '0');
  }
  return decimals;
}

std::string display_format(double value, std::string_view printf_format, Language language) {
  const auto [begin, end] = conversion(printf_format);
  if (begin == std::string_view::npos) return std::string(printf_format);
  return std::string(printf_format.substr(0, begin)) + format_decimal(value, format_decimals(printf_format), language) +
         std::string(printf_format.substr(end));
}

}  // namespace deelstroom::gui
