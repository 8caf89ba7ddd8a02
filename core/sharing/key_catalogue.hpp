#pragma once
// The names of the allocation-key types, one table for every interface (CLI, GUI, report,
// CSV): a key has one name everywhere. The Dutch names of the three Flemish methods are
// Fluvius' own wording (docs/sharing-rules.md lists the sources).
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::sharing {

struct KeyTypeInfo {
  std::string_view id;          ///< the scenario file's `type` (fixed, relative, optimal, ...)
  std::string_view name_nl;     ///< e.g. "vaste verdeelsleutel"
  std::string_view name_en;     ///< e.g. "fixed key"
  std::string_view summary_nl;  ///< one sentence: what it does
  std::string_view summary_en;
  bool uses_percentages = false;  ///< takes a preset / percentages
};

/// Every key type, the three Fluvius methods first.
const std::vector<KeyTypeInfo>& key_types();
/// The entry of a type id; nullptr when unknown.
const KeyTypeInfo* key_type_info(std::string_view id);
/// Its name in the language asked for (the id itself when unknown).
std::string key_type_name(std::string_view id, bool dutch);
/// The type ids a scenario may use (for error messages and choices).
std::vector<std::string> key_type_ids();

}  // namespace deelstroom::sharing
