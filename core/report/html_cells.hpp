#pragma once
// Table cells of the HTML reports: the number as a person reads it (language's separators)
// and, in a data-value attribute, the exact value for tools and tests.
#include <optional>
#include <string>

#include "core/common/language.hpp"

namespace deelstroom::report {

/// A value with all the digits that read back to the same double ("%.17g").
std::string exact_text(double value);

/// format_number, HTML-escaped.
std::string html_number(double value, int decimals, bool dutch);

/// <td class='num' data-value='exact'>shown</td>
std::string value_cell(double value, int decimals, bool dutch);

/// A payback cell: payback_text shown, the exact years (or null when not within the
/// horizon) in data-value.
std::string payback_cell(const std::optional<double>& years, int horizon_years, Language language);

}  // namespace deelstroom::report
