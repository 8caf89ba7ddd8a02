#pragma once
// Field overrides of a batch case: "pv.arrays[0].kwp = 30" applied to the base scenario's TOML
// document before the scenario reader sees it, so every field the reader knows can be varied
// and every check the reader makes applies to the varied value too.
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/common/error.hpp"

namespace deelstroom::batch {

/// One step of a field path: a key of a table, or an index into an array ("[2]"), or every
/// element of an array ("[*]").
struct PathStep {
  std::string key;     ///< empty for an index step
  int index = -1;      ///< >= 0: that element; -1 with key empty: every element ([*])
  bool is_index() const { return key.empty(); }
};

/// Splits "apartments[*].archetype" into steps. Throws InputError at `where` when the path
/// is not of the form name(.name|[n]|[*])*.
std::vector<PathStep> parse_field_path(std::string_view path, const InputLocation& where);

/// A value given for a field, with where it was written (a manifest cell or a --sweep).
struct FieldOverride {
  std::string path;           ///< as written, e.g. "pv.arrays[0].kwp"
  std::vector<PathStep> steps;
  std::string value;          ///< the text of the cell
  InputLocation where;        ///< manifest file, line and column (or "--sweep")
};

/// Applies the override to the document. The cell's text becomes a TOML value typed like
/// the field it replaces when the document has one (text stays text, "30" for a number
/// becomes 30), else inferred (integer, float, boolean, [list], {table}; anything else is
/// text); "..." quotes force text. Missing tables on the way are created. Throws InputError
/// at the override's location when the path leads nowhere (an index past the end of a list,
/// a field inside a number).
void apply_override(toml::table& document, const FieldOverride& field);

/// True when an error reported by the scenario reader at `error_field` concerns the field
/// `steps` points to (or a field inside it); "[*]" matches any index.
bool path_covers(const std::vector<PathStep>& steps, std::string_view error_field);

}  // namespace deelstroom::batch
