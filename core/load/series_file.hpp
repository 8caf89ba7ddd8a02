#pragma once
// Quarter-hour series from files (profiles.md sources 1 and 2): measured consumption of an
// apartment, or measured PV production, turned into one value per interval of the simulated
// year, with a report on the data's quality.
//
// Accepted layouts (auto-detected from the header, or named by ReadOptions::format):
//  - Mijn Fluvius export: "Van (datum);Van (tijdstip);Tot (datum);Tot (tijdstip);EAN-code;
//    Meter;Metertype;Register;Volume;Eenheid;Validatiestatus;Omschrijving", columns found by
//    name in any order, local Brussels time, decimal comma, day and night registers added,
//    offtake (Afname) and injection (Injectie) kept apart, statuses counted;
//  - Fluvius open data "Verbruiksprofielen digitale meters": EAN_ID, Datum, Datum_Startuur,
//    Volume_Afname_KWh, Volume_Injectie_KWh, ... (one meter chosen by ReadOptions::ean);
//  - generic CSV: header "timestamp,kwh" (or ';'), ISO 8601 timestamps with Z or an offset
//    (or a zone in the header, "timestamp (Europe/Brussels)"), each the START of its
//    quarter-hour; exactly one row per quarter-hour of a whole year, in order.
//
// Data of another year is mapped onto the simulated one day by day keeping the weekday
// (a Monday stays a Monday) and public holidays on public holidays; missing quarter-hours
// of the Fluvius layouts are filled and reported (the generic CSV must be complete).
#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/common/language.hpp"
#include "core/load/profile_context.hpp"

namespace deelstroom::load {

enum class SeriesFormat { automatic, generic_csv, fluvius_export, fluvius_open_data };

/// "auto", "csv", "fluvius" (either Fluvius layout, told apart by the header),
/// "fluvius_export", "fluvius_open_data". InputError (field "format") otherwise.
SeriesFormat parse_series_format(const std::string& name);
std::string series_format_name(SeriesFormat format);

struct ReadOptions {
  std::string format = "auto";  ///< see parse_series_format
  /// Zone of timestamps written without an offset (generic CSV, open data) when the header
  /// does not name one, e.g. "Europe/Brussels". Empty: such timestamps are an error.
  std::string time_zone;
  /// The meter to read from a file holding several (open data); empty: the first one.
  std::string ean;
  /// Generic CSV: the column holding the values (header name); empty: the second column.
  std::string value_column;
};

/// A run of quarter-hours the file did not provide (in the simulated year).
struct Gap {
  std::int64_t start_utc_seconds = 0;
  int intervals = 0;
};

struct QualityReport {
  std::string file;
  SeriesFormat format = SeriesFormat::automatic;  ///< the layout that was read
  std::string ean;                                ///< meter, when the file names one
  int other_meters_skipped = 0;                   ///< meters in the file that were not read
  std::int64_t first_utc_seconds = 0;             ///< start of the first quarter-hour in the file
  std::int64_t end_utc_seconds = 0;               ///< end of the last one
  int rows = 0;                                   ///< data lines read
  int file_intervals = 0;                         ///< distinct quarter-hours with offtake in the file
  double file_offtake_kwh = 0.0;                  ///< sum over the whole file
  double file_injection_kwh = 0.0;
  std::map<std::string, int> status_counts;      ///< Validatiestatus -> rows (Fluvius export)
  int estimated_intervals = 0;                    ///< quarter-hours of the year from estimated ("Geschat") values

  int year_intervals = 0;                         ///< quarter-hours of the simulated year
  int filled_intervals = 0;                       ///< of those, filled (no data for them)
  std::vector<Gap> gaps;                          ///< the filled runs, in order
  bool mapped_from_other_dates = false;           ///< some days came from another date (other year)
  std::vector<int> source_years;                  ///< years the simulated year's days came from
  int days_from_other_dates = 0;
  double year_offtake_kwh = 0.0;                  ///< after mapping and filling
  double year_injection_kwh = 0.0;
  bool has_injection = false;

  double estimated_share() const { return year_intervals > 0 ? double(estimated_intervals) / year_intervals : 0.0; }
  double filled_share() const { return year_intervals > 0 ? double(filled_intervals) / year_intervals : 0.0; }
  int longest_gap_intervals() const;
  /// Short sentences for warnings: what was mapped, filled or estimated (empty when clean).
  std::vector<std::string> notes(Language language = Language::english) const;
};

struct SeriesFile {
  Eigen::ArrayXd kwh;                          ///< offtake (or the file's one value column), kWh per interval
  std::optional<Eigen::ArrayXd> injection_kwh; ///< when the file has injection registers/columns
  QualityReport quality;
};

/// Reads a file onto the context's grid. InputError naming file, line and column for
/// malformed content (missing column, text in a number, overlapping periods, wrong length).
SeriesFile read_series_file(const std::filesystem::path& path, const ProfileContext& context,
                            const ReadOptions& options = {});

/// The same from a stream; `file_label` names it in errors and the report.
SeriesFile read_series_stream(std::istream& input, const std::string& file_label, const ProfileContext& context,
                              const ReadOptions& options = {});

}  // namespace deelstroom::load
