#pragma once
// Combining the output directories of the shards of one batch (--shard K/N) into the output
// a single run would have written, byte for byte: tables concatenated in shard order (the
// shards are contiguous slices in case order), journal and summary rebuilt from the shards'
// journals.
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/language.hpp"

namespace deelstroom::batch {

/// Merges complete shard directories (any order, each shard 1..N exactly once, all of the same
/// batch) into `target`. Throws InputError naming the directory that is missing, incomplete
/// or from another batch. Returns the number of cases merged.
std::size_t merge_shards(const std::vector<std::filesystem::path>& shard_directories, const std::filesystem::path& target,
                         Language language = Language::dutch);

}  // namespace deelstroom::batch
