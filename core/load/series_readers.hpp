#pragma once
// The three file layouts read_series_file understands, each reading the data lines after a
// header that series_file.cpp has already split. Internal to core/load.
#include <istream>
#include <string>
#include <vector>

#include "core/load/csv_fields.hpp"
#include "core/load/series_file.hpp"

namespace deelstroom::load {

/// Lines of a file with their 1-based numbers; skips blank lines and strips '\r'.
class LineSource {
 public:
  LineSource(std::istream& input, std::string file) : input_(input), file_(std::move(file)) {}

  bool next(std::string& line);
  int line_number() const { return line_number_; }
  const std::string& file() const { return file_; }

 private:
  std::istream& input_;
  std::string file_;
  int line_number_ = 0;
};

/// A header: its fields (original and normalised names) and separator.
struct CsvHeader {
  std::vector<CsvField> fields;
  std::vector<std::string> names;  ///< normalise_header of each field
  char separator = ',';
  int line = 1;

  /// Index of the first column whose normalised name is one of `aliases`, -1 if none.
  int find(std::initializer_list<std::string_view> aliases) const;
};

/// A data line split into fields, with accessors that report problems at the field.
class CsvRow {
 public:
  CsvRow(const LineSource& source, const CsvHeader& header, const std::string& line);

  /// The field in column `index` (named `name` in errors); InputError when the line is short.
  const CsvField& field(int index, const std::string& name) const;
  [[noreturn]] void fail(int index, const std::string& name, const Text& message) const;
  InputLocation location(int index, const std::string& name) const;
  int line() const { return line_; }
  int size() const { return static_cast<int>(fields_.size()); }

 private:
  std::string file_;
  int line_ = 0;
  int line_length_ = 0;
  std::vector<CsvField> fields_;
};

/// Largest energy accepted in one quarter-hour from a meter file: 250 kWh is 1 MW for 15
/// minutes, far above any residential connection (docs/input-limits.md). More is taken to be
/// a unit or decimal-mark mistake (Wh for kWh, "1.234" thousands) and is an error.
inline constexpr double kMaxKwhPerQuarterHour = 250.0;

/// InputError at the row's field when `kwh` is above kMaxKwhPerQuarterHour.
void check_plausible_kwh(const CsvRow& row, int index, const std::string& name, double kwh, const std::string& text);

SeriesFile read_fluvius_export(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                               const ReadOptions& options);
SeriesFile read_fluvius_open_data(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                                  const ReadOptions& options);
SeriesFile read_generic_csv(LineSource& source, const CsvHeader& header, const ProfileContext& context,
                            const ReadOptions& options);

}  // namespace deelstroom::load
