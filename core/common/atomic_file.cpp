#include "core/common/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

#include "core/common/error.hpp"

namespace deelstroom {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw InputError({path.string(), 0, 0, ""},
                     fill("kan niet schrijven: map '{}' bestaat niet", "cannot write: directory '{}' does not exist", {directory.string()}));
  }
  if (path.filename().empty() || fs::is_directory(path, ec)) {
    throw InputError({path.string(), 0, 0, ""}, Text{"kan niet schrijven: verwacht een bestandsnaam, gevonden een map", "cannot write: expected a file name, found a directory"});
  }
  const fs::path temporary =
      directory / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    errno = 0;
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      const int error = errno;  // from the failing open(), before anything else can change it
      const std::string reason = error != 0 ? std::strerror(error) : "";
      throw InputError({path.string(), 0, 0, ""},
                       fill("kan niet schrijven in map '{}': {}", "cannot write in directory '{}': {}", {directory.string()}) +
                           (error != 0 ? verbatim(reason) : Text{"het bestand kan niet gemaakt worden", "the file cannot be created"}));
    }
    try {
      write(out);
    } catch (...) {
      out.close();
      fs::remove(temporary, ec);
      throw;
    }
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temporary, ec);
      throw InputError({path.string(), 0, 0, ""}, Text{"schrijven mislukt (schijf vol?)", "writing failed (disk full?)"});
    }
  }
  std::error_code renamed;
  fs::rename(temporary, path, renamed);
  if (renamed) {
    fs::remove(temporary, ec);  // its own error code: the rename's is the one to report
    throw InputError({path.string(), 0, 0, ""}, fill("kan het bestand niet vervangen: {}", "cannot replace the file: {}", {renamed.message()}));
  }
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) { out << content; });
}

std::string read_text_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError({path.string(), 0, 0, ""}, Text{"bestand niet gevonden", "file not found"});
  }
  if (fs::is_directory(path, ec)) {
    throw InputError({path.string(), 0, 0, ""}, Text{"verwacht een bestand, gevonden een map", "expected a file, found a directory"});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string(), 0, 0, ""}, Text{"kan het bestand niet openen om te lezen", "cannot open the file for reading"});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace deelstroom
