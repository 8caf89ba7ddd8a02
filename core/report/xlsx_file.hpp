#pragma once
// A workbook written like every output file: into a hidden temporary file beside its target
// (per process, so two processes never share one), moved into place only when complete.
#include <filesystem>
#include <string>

#include <xlsxwriter.h>

namespace deelstroom::report {

class AtomicWorkbook {
 public:
  /// Opens the temporary workbook for `path`; `field` names the option in errors (e.g.
  /// "--xlsx"). `constant_memory`: rows must be written in order, memory stays flat. Throws
  /// InputError when libxlsxwriter cannot start a workbook (it creates the file only when it
  /// closes it: a missing folder is found by finish()).
  AtomicWorkbook(const std::filesystem::path& path, std::string field, bool constant_memory);
  /// Without finish(): closes and removes the temporary file (nothing half-written is left).
  ~AtomicWorkbook();
  AtomicWorkbook(const AtomicWorkbook&) = delete;
  AtomicWorkbook& operator=(const AtomicWorkbook&) = delete;

  /// The open workbook, for libxlsxwriter's calls (null after finish()).
  lxw_workbook* book = nullptr;

  /// Closes the workbook and renames it to the target. Throws InputError naming the path
  /// when writing or the rename fails (the temporary file is removed then).
  void finish();

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::string field_;
};

}  // namespace deelstroom::report
