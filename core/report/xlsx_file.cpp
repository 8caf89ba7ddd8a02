#include "core/report/xlsx_file.hpp"

#include <unistd.h>

#include "core/common/error.hpp"

namespace deelstroom::report {

AtomicWorkbook::AtomicWorkbook(const std::filesystem::path& path, std::string field, bool constant_memory)
    : path_(path),
      // Hidden, per process, beside the target (as write_file_atomically names it): a rename
      // within one directory is atomic.
      temporary_(path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()))),
      field_(std::move(field)) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  book = workbook_new_opt(temporary_.string().c_str(), &options);
  if (!book) throw InputError({path_.string(), 0, 0, field_}, Text{"kan de werkmap niet maken", "cannot create the workbook"});
}

AtomicWorkbook::~AtomicWorkbook() {
  if (!book) return;
  workbook_close(book);  // libxlsxwriter frees the workbook here
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void AtomicWorkbook::finish() {
  lxw_workbook* open = book;
  book = nullptr;
  if (const lxw_error error = workbook_close(open); error != LXW_NO_ERROR) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    throw InputError({path_.string(), 0, 0, field_}, fill("kan de werkmap niet schrijven: {}", "cannot write the workbook: {}", {lxw_strerror(error)}));
  }
  std::error_code renamed;
  std::filesystem::rename(temporary_, path_, renamed);
  if (renamed) {
    std::error_code ignored;  // the rename's error is the one to report
    std::filesystem::remove(temporary_, ignored);
    throw InputError({path_.string(), 0, 0, field_}, fill("kan de werkmap niet op haar plaats zetten: {}", "cannot move the workbook into place: {}", {renamed.message()}));
  }
}

}  // namespace deelstroom::report
