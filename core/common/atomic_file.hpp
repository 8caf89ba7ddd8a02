#pragma once
// Output files are written to a temporary name beside the target and renamed into place
// only when complete, so an interrupted or failed run never leaves a half-written file.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace deelstroom {

/// Calls `write` with a stream on a temporary file next to `path`, then renames it to
/// `path`. Throws InputError naming the path if the directory is missing or unwritable,
/// or if writing fails; the temporary file is removed in that case.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

/// Same, for content already in memory.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Reads a whole file; throws InputError naming the path when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace deelstroom
