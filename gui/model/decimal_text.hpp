#pragma once
// Numbers in edit fields as people type them: Dutch shows and accepts the decimal comma
// ("12,5"), English the point. Pure functions, so the widgets stay thin and this is tested.
#include <optional>
#include <string>
#include <string_view>

#include "core/common/language.hpp"

namespace deelstroom::gui {

/// `value` with `decimals` decimals and the language's decimal mark, no thousands separator
/// (an edit field's text): 12.5, 2, Dutch -> "12,50"; English -> "12.50".
std::string format_decimal(double value, int decimals, Language language);

/// A typed number: digits with one decimal mark, ',' or '.' in either language (a numeric
/// keypad types '.'), an optional sign and surrounding spaces. When both marks occur, the last
/// one is the decimal mark and the other groups thousands ("1.234,5" and "1,234.5" are both
/// 1234.5). nullopt when it is not a number.
std::optional<double> parse_decimal(std::string_view text, Language language);

/// The decimals of a printf format such as "%.1f %%" (the first conversion); 2 when it names none.
int format_decimals(std::string_view printf_format);

/// An ImGui display format for `value`: the printf format with its conversion replaced by the
/// number in the language's style, the rest kept ("%.1f %%", 12.5, Dutch -> "12,5 %%").
std::string display_format(double value, std::string_view printf_format, Language language);

}  // namespace deelstroom::gui
