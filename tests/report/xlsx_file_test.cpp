// Workbooks are written like every output file: complete under their name, or not at all.
#include <catch2/catch.hpp>

#include "core/common/error.hpp"
#include "core/report/xlsx_file.hpp"
#include "tests/cli/cli_support.hpp"

using deelstroom::report::AtomicWorkbook;

namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

}  // namespace

TEST_CASE("A finished workbook is moved into place, an abandoned one leaves nothing behind") {
  const auto dir = deelstroom::test::fresh_directory("atomic_workbook");
  {
    AtomicWorkbook book(dir / "done.xlsx", "--xlsx", false);
    worksheet_write_number(workbook_add_worksheet(book.book, "Blad"), 0, 0, 1.0, nullptr);
    CHECK_FALSE(std::filesystem::exists(dir / "done.xlsx"));  // not under its name before finish()
    book.finish();
  }
  CHECK(std::filesystem::file_size(dir / "done.xlsx") > 0);
  {
    AtomicWorkbook book(dir / "abandoned.xlsx", "--xlsx", true);
    workbook_add_worksheet(book.book, "Blad");
  }  // e.g. an exception while writing the sheets
  CHECK_FALSE(std::filesystem::exists(dir / "abandoned.xlsx"));
  CHECK(entries_in(dir) == 1);  // no hidden temporary file either
  // libxlsxwriter creates the file when it closes the workbook: a missing folder is found then.
  AtomicWorkbook nowhere(dir / "missing" / "x.xlsx", "--xlsx", false);
  CHECK_THROWS_AS(nowhere.finish(), deelstroom::InputError);
  std::filesystem::remove_all(dir);
}
