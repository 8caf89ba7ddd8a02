// Meter-data import (profiles.md source 1 and 2): the Mijn Fluvius export in both column
// orders, the Fluvius open-data layout and the generic timestamp,kwh file; daylight-saving
// days, mapping another year by weekday, gaps, statuses and malformed files.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/time/civil.hpp"
#include "tests/load/load_test_support.hpp"

using namespace deelstroom;
using namespace deelstroom::load;
using namespace deelstroom::load::testing;

namespace {

/// Grid interval of a local Brussels wall-clock time (first occurrence).
int interval_of_local(const Year& year, int y, int m, int d, int hour, int minute, bool second = false) {
  const auto utc = time::local_to_utc(time::brussels_time_zone(), {y, m, d}, hour, minute, second);
  REQUIRE(utc);
  return year.grid.index_of(*utc);
}

/// The InputError a call throws (fails the test when it throws none).
template <typename F>
InputError input_error(F&& f) {
  try {
    f();
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  return InputError({}, Text{});
}

/// The hand-summed registers of tests/data/load/mijn_fluvius_two_hours.csv, 06-01-2025
/// 00:00-02:00 local: Afname Dag + Afname Nacht, and Injectie Dag + Injectie Nacht.
const double kTwoHoursOfftake[8] = {0.105, 0.098, 0.012 + 0.090, 0.120, 0.088, 0.077, 0.101, 0.003 + 0.095};
const double kTwoHoursInjection[8] = {0.0, 0.0, 0.001, 0.0, 0.0, 0.0, 0.0, 0.002};

void check_two_hours(const SeriesFile& file, const Year& year) {
  const int first = interval_of_local(year, 2025, 1, 6, 0, 0);
  CHECK(first == 4 * 96 + 92);  // 5 January 23:00 UTC
  REQUIRE(file.injection_kwh);
  for (int k = 0; k < 8; ++k) {
    CHECK(file.kwh[first + k] == Approx(kTwoHoursOfftake[k]).margin(1e-12));
    CHECK((*file.injection_kwh)[first + k] == Approx(kTwoHoursInjection[k]).margin(1e-12));
  }
}

}  // namespace

TEST_CASE("Mijn Fluvius export: BOM, =\"EAN\", decimal comma, day and night registers summed, injection apart",
          "[load][import]") {
  const Year year(2025);
  const SeriesFile file = read_series_file(data_path("mijn_fluvius_two_hours.csv"), year.context());
  check_two_hours(file, year);
  const QualityReport& q = file.quality;
  CHECK(q.format == SeriesFormat::fluvius_export);
  CHECK(q.ean == "541448800000012345");
  CHECK(q.rows == 32);
  CHECK(q.file_intervals == 8);
  // Statuses counted per row: 2 estimated Afname rows, 1 "Geen verbruik" (an empty volume read
  // as a measured 0), the 4 rows at 01:30 "Uitgelezen", the other 25 "Gemeten".
  CHECK(q.status_counts.at("Gemeten") == 25);
  CHECK(q.status_counts.at("Geschat") == 2);
  CHECK(q.status_counts.at("Geen verbruik") == 1);
  CHECK(q.status_counts.at("Uitgelezen") == 4);
  CHECK(q.file_offtake_kwh == Approx(0.789).margin(1e-9));
  CHECK(q.file_injection_kwh == Approx(0.003).margin(1e-9));
  CHECK(q.estimated_intervals >= 1);  // the 00:45 quarter-hour, wherever it was mapped
}

TEST_CASE("Mijn Fluvius export with the EAN and meter columns first reads the same", "[load][import]") {
  const Year year(2025);
  // Other column order, header names "EAN", "Registratie", times without seconds, rows
  // sorted by register then time, no BOM, LF line ends.
  const SeriesFile file = read_series_file(data_path("mijn_fluvius_ean_first.csv"), year.context());
  check_two_hours(file, year);
  CHECK(file.quality.format == SeriesFormat::fluvius_export);
  CHECK(file.quality.ean == "541448800000012345");
}

TEST_CASE("Autumn DST day: 100 quarter-hours, the repeated hour kept apart in order", "[load][import][dst]") {
  const Year year(2025);
  const SeriesFile file = read_series_file(data_path("mijn_fluvius_autumn_dst_day.csv"), year.context());
  // Row n (1..100) holds n/1000 kWh. The day's first quarter-hour is 26-10-2025 00:00 CEST =
  // 25-10 22:00 UTC; the 100 rows fill 100 consecutive UTC quarter-hours.
  const int first = interval_of_local(year, 2025, 10, 26, 0, 0);
  for (int k = 0; k < 100; ++k) CHECK(file.kwh[first + k] == Approx((k + 1) / 1000.0).margin(1e-12));
  // 02:00 summer time (00:00 UTC) and 02:00 winter time (01:00 UTC) are different quarter-hours.
  CHECK(file.kwh[interval_of_local(year, 2025, 10, 26, 2, 0, false)] == Approx(0.009));
  CHECK(file.kwh[interval_of_local(year, 2025, 10, 26, 2, 0, true)] == Approx(0.013));
  CHECK(file.quality.file_intervals == 100);
  CHECK(file.quality.file_offtake_kwh == Approx(5.050).margin(1e-9));  // sum of 1..100 thousandths
}

TEST_CASE("Spring DST day: 92 quarter-hours, none lost", "[load][import][dst]") {
  const Year year(2025);
  const SeriesFile file = read_series_file(data_path("mijn_fluvius_spring_dst_day.csv"), year.context());
  const int first = interval_of_local(year, 2025, 3, 30, 0, 0);
  const int next_day = interval_of_local(year, 2025, 3, 31, 0, 0);
  REQUIRE(next_day - first == 92);
  for (int k = 0; k < 92; ++k) CHECK(file.kwh[first + k] == Approx((k + 1) / 1000.0).margin(1e-12));
  // 01:45 winter time is followed directly by 03:00 summer time.
  CHECK(file.kwh[interval_of_local(year, 2025, 3, 30, 3, 0)] == Approx(0.009));
  CHECK(file.quality.file_intervals == 92);
}

TEST_CASE("A full year of Mijn Fluvius export comes back exactly, both DST changes included", "[load][import][dst]") {
  for (int y : {2025, 2024}) {  // 2024 is a leap year
    const Year year(y);
    const int n = year.grid.interval_count;
    const std::string text = fluvius_export(year.grid.first_utc_seconds, n, coded_kwh, [](int k) { return coded_kwh(k + 5); });
    const SeriesFile file = read_text(text, year.context());
    REQUIRE(file.kwh.size() == n);
    int mismatches = 0;
    for (int i = 0; i < n; ++i) mismatches += std::abs(file.kwh[i] - coded_kwh(i)) > 1e-12;
    CHECK(mismatches == 0);
    REQUIRE(file.injection_kwh);
    CHECK(std::abs((*file.injection_kwh)[n - 1] - coded_kwh(n + 4)) < 1e-12);
    const QualityReport& q = file.quality;
    CHECK(q.rows == 3 * n);
    CHECK(q.file_intervals == n);
    CHECK(q.filled_intervals == 0);
    CHECK(q.gaps.empty());
    CHECK_FALSE(q.mapped_from_other_dates);
    CHECK(q.year_offtake_kwh == Approx(q.file_offtake_kwh).epsilon(1e-12));
    CHECK(q.notes().empty());
  }
}

TEST_CASE("Gaps are filled and reported: short ones interpolated, a missing day from the same weekday",
          "[load][import][gaps]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  // Missing: 6 quarter-hours from interval 1000 (interpolated), and all of local 12-03-2025
  // (a Wednesday; copied from the Wednesdays a week before/after).
  const int day_first = interval_of_local(year, 2025, 3, 12, 0, 0);
  auto skip = [&](int k) { return (k >= 1000 && k < 1006) || (k >= day_first && k < day_first + 96); };
  const SeriesFile file = read_text(fluvius_export(year.grid.first_utc_seconds, n, coded_kwh, coded_kwh, nullptr, skip), year.context());
  const QualityReport& q = file.quality;
  CHECK(q.filled_intervals == 6 + 96);
  REQUIRE(q.gaps.size() == 2);
  CHECK(q.gaps[0].intervals == 6);
  CHECK(q.gaps[0].start_utc_seconds == year.grid.start_utc_seconds(1000));
  CHECK(q.gaps[1].intervals == 96);
  CHECK(q.longest_gap_intervals() == 96);
  // Linear between the known neighbours 999 and 1006.
  for (int k = 0; k < 6; ++k) {
    const double expected = coded_kwh(999) + (k + 1) / 7.0 * (coded_kwh(1006) - coded_kwh(999));
    CHECK(file.kwh[1000 + k] == Approx(expected).margin(1e-12));
  }
  // The missing Wednesday: each quarter-hour from the same quarter-hour a week earlier.
  for (int k = 0; k < 96; ++k) CHECK(file.kwh[day_first + k] == Approx(coded_kwh(day_first - 7 * 96 + k)).margin(1e-12));
  CHECK(q.filled_share() == Approx(102.0 / n));
  REQUIRE(q.notes().size() == 1);
  CHECK(q.notes()[0].find("102 quarter-hours") != std::string::npos);
}

TEST_CASE("Estimated values are counted as a share of the year", "[load][import]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  auto status = [](int k) { return k % 100 == 0 ? std::string("Geschat") : std::string("Gemeten"); };
  const SeriesFile file = read_text(fluvius_export(year.grid.first_utc_seconds, n, coded_kwh, coded_kwh, status), year.context());
  const int expected = (n + 99) / 100;  // k = 0, 100, 200, ...
  CHECK(file.quality.estimated_intervals == expected);
  CHECK(file.quality.estimated_share() == Approx(double(expected) / n));
  CHECK(file.quality.status_counts.at("Geschat") == 3 * expected);  // three registers per quarter-hour
}

TEST_CASE("Another year is mapped onto the simulated one by weekday, holidays on holidays", "[load][import][mapping]") {
  const Year source(2023);
  const Year target(2025);
  // Each 2023 value encodes its local day of the year (1..365) and quarter-hour of the day, in
  // thousandths of a kWh (at most 36.495 kWh, under the 250 kWh per quarter-hour limit).
  const time::TimeZone zone = time::brussels_time_zone();
  auto code = [&](int k) {
    const time::LocalDateTime local = time::to_local(zone, source.grid.first_utc_seconds + 900LL * k);
    const auto day = time::days_from_civil(local.date) - time::days_from_civil(2023, 1, 1);
    return static_cast<double>(day * 100 + local.hour * 4 + local.minute / 15) / 1000.0;
  };
  const int n = source.grid.interval_count;
  const SeriesFile file = read_text(generic_csv(source.grid.first_utc_seconds, n, code), target.context());
  const QualityReport& q = file.quality;
  CHECK(q.mapped_from_other_dates);
  REQUIRE(q.source_years.size() >= 1);
  CHECK(q.source_years.front() == 2023);
  const auto holidays_2023 = time::belgian_public_holidays(2023);
  const auto holidays_2025 = time::belgian_public_holidays(2025);
  int weekday_kept = 0, holiday_kept = 0, checked = 0;
  for (int i = 0; i < target.grid.interval_count; i += 37) {
    const time::LocalDateTime local = time::to_local(zone, target.grid.start_utc_seconds(i));
    if (local.date.year != 2025 || (local.date.month == 1 && local.date.day == 1)) continue;  // the grid's partial first day
    const int value = static_cast<int>(std::lround(file.kwh[i] * 1000.0));
    const time::CivilDate source_date = time::civil_from_days(time::days_from_civil(2023, 1, 1) + value / 100);
    // Same wall-clock quarter-hour (the spring DST hour aside, which the 2023 day may lack).
    if (!(local.date.month == 3 && local.hour == 2)) CHECK(value % 100 == local.hour * 4 + local.minute / 15);
    const bool holiday = std::find(holidays_2025.begin(), holidays_2025.end(), local.date) != holidays_2025.end();
    if (holiday) {
      holiday_kept += std::find(holidays_2023.begin(), holidays_2023.end(), source_date) != holidays_2023.end();
    } else {
      weekday_kept += time::weekday_from_days(time::days_from_civil(source_date)) ==
                      time::weekday_from_days(time::days_from_civil(local.date));
    }
    // An ordinary day comes from within 3 days of the same date, or a week further when that
    // would land on a holiday: at most 10 days away.
    if (!holiday) {
      const auto shift = std::abs(time::days_from_civil(source_date) - time::days_from_civil(2023, local.date.month, local.date.day));
      CHECK(shift <= 10);
    }
    ++checked;
  }
  int holiday_samples = 0;
  for (int i = 0; i < target.grid.interval_count; i += 37) {
    const time::LocalDateTime local = time::to_local(zone, target.grid.start_utc_seconds(i));
    if (local.date.year != 2025 || (local.date.month == 1 && local.date.day == 1)) continue;
    holiday_samples += std::find(holidays_2025.begin(), holidays_2025.end(), local.date) != holidays_2025.end();
  }
  REQUIRE(holiday_samples > 10);
  REQUIRE(checked > 900);
  CHECK(holiday_kept == holiday_samples);
  CHECK(weekday_kept == checked - holiday_samples);
}

TEST_CASE("Generic CSV: timestamp,kwh in UTC, and timestamp-semicolon-kWh with offsets and decimal comma", "[load][import][generic]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  for (bool local : {false, true}) {
    const char separator = local ? ';' : ',';
    const SeriesFile file = read_text(generic_csv(year.grid.first_utc_seconds, n, coded_kwh, separator, local), year.context());
    int mismatches = 0;
    for (int i = 0; i < n; ++i) mismatches += std::abs(file.kwh[i] - coded_kwh(i)) > 1e-12;
    CHECK(mismatches == 0);
    CHECK(file.quality.format == SeriesFormat::generic_csv);
    CHECK_FALSE(file.quality.mapped_from_other_dates);
    CHECK(file.quality.filled_intervals == 0);
    CHECK_FALSE(file.injection_kwh);
  }
}

TEST_CASE("Generic CSV: local times without offset need a zone, the repeated hour is resolved by order",
          "[load][import][generic][dst]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  std::string text = generic_csv(year.grid.first_utc_seconds, n, coded_kwh, ',', true);
  // Strip the offsets: "2025-01-01T01:00+01:00" -> "2025-01-01T01:00".
  std::string stripped;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t comma = line.find(',');
    const std::size_t plus = line.find('+');
    stripped += (plus != std::string::npos && plus < comma ? line.substr(0, plus) + line.substr(comma) : line) + "\n";
  }
  const InputError no_zone = input_error([&] { read_text(stripped, year.context()); });
  CHECK(no_zone.where().line == 2);
  CHECK(no_zone.message().find("zone") != std::string::npos);

  stripped.replace(0, std::string("timestamp").size(), "timestamp (Europe/Brussels)");
  const SeriesFile file = read_text(stripped, year.context());
  int mismatches = 0;
  for (int i = 0; i < n; ++i) mismatches += std::abs(file.kwh[i] - coded_kwh(i)) > 1e-12;
  CHECK(mismatches == 0);
}

TEST_CASE("Generic CSV: a wrong length, a gap, an overlap or a non-number is an error with line and column",
          "[load][import][generic][errors]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  const std::string full = generic_csv(year.grid.first_utc_seconds, n, coded_kwh);

  SECTION("too short (the fixture's six rows, ';' and decimal comma)") {
    const InputError error = input_error([&] { read_series_file(data_path("generic_six_rows.csv"), year.context()); });
    CHECK(error.where().line == 7);
    CHECK(error.message().find("35040 rows") != std::string::npos);
    CHECK(error.message().find("found 6") != std::string::npos);
  }
  SECTION("a row missing in the middle") {
    std::string text = full;
    const std::size_t line_101 = [&] {
      std::size_t pos = 0;
      for (int l = 1; l < 101; ++l) pos = text.find('\n', pos) + 1;
      return pos;
    }();
    text.erase(line_101, text.find('\n', line_101) + 1 - line_101);  // remove data row 100 (file line 101)
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 101);
    CHECK(error.where().column == 1);
    CHECK(error.message().find("missing quarter-hours") != std::string::npos);
  }
  SECTION("a row repeated") {
    std::string text = full;
    const std::size_t second = text.find('\n') + 1;
    const std::size_t third = text.find('\n', second) + 1;
    text.insert(third, text.substr(second, third - second));  // line 3 repeats line 2
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 3);
    CHECK(error.message().find("overlapping") != std::string::npos);
  }
  SECTION("text in a number") {
    std::string text = full;
    const std::size_t pos = text.find("2025-01-01T00:30Z,");
    text.replace(pos + 18, 5, "12kWh");
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 4);
    CHECK(error.where().column == 19);
    CHECK(error.where().field == "kwh");
  }
  SECTION("an unquoted decimal comma in a comma file: an extra field, not 0 kWh") {
    std::string text = full;
    const std::size_t pos = text.find("2025-01-01T01:15Z,");  // 01:15 is the sixth row: line 7
    text.replace(pos, text.find('\n', pos) - pos, "2025-01-01T01:15:00Z,0,5");
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 7);
    CHECK(error.where().column == 22);
    CHECK(error.where().field == "kwh");
    CHECK(error.message().find("too many fields") != std::string::npos);
    CHECK(error.message().find("decimal comma") != std::string::npos);
    // Any other extra field is an error as well; a trailing separator is not.
    std::string extra = full;
    const std::size_t at = extra.find("2025-01-01T00:15Z,");
    extra.insert(extra.find('\n', at), ",note");
    const InputError other = input_error([&] { read_text(extra, year.context()); });
    CHECK(other.where().line == 3);
    CHECK(other.message().find("too many fields") != std::string::npos);
    CHECK(other.message().find("decimal comma") == std::string::npos);
    std::string trailing = full;
    trailing.insert(trailing.find('\n', trailing.find("2025-01-01T00:15Z,")), ",");
    CHECK(read_text(trailing, year.context()).kwh[1] == Approx(coded_kwh(1)));
  }
  SECTION("a negative value") {
    std::string text = full;
    const std::size_t pos = text.find("2025-01-01T00:15Z,");
    text.replace(pos + 18, 5, "-0.01");
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 3);
    CHECK(error.message().find(">= 0") != std::string::npos);
  }
  SECTION("no header") {
    const InputError error = input_error([&] { read_text(full.substr(full.find('\n') + 1), year.context()); });
    CHECK(error.where().line == 1);
    CHECK(error.message().find("header") != std::string::npos);
  }
}

TEST_CASE("Mijn Fluvius export errors name the line and column", "[load][import][errors]") {
  const Year year(2025);
  SECTION("overlapping periods") {
    const InputError error = input_error([&] { read_series_file(data_path("mijn_fluvius_overlap.csv"), year.context()); });
    CHECK(error.where().line == 5);
    CHECK(error.where().column == 1);
    CHECK(error.where().field == "Van (datum)");
    CHECK(error.message().find("line 3") != std::string::npos);
  }
  SECTION("missing column") {
    const InputError error = input_error([&] { read_series_file(data_path("mijn_fluvius_missing_volume.csv"), year.context()); });
    CHECK(error.where().line == 1);
    CHECK(error.where().field == "Volume");
  }
  SECTION("text in a number") {
    const InputError error = input_error([&] { read_series_file(data_path("mijn_fluvius_text_in_volume.csv"), year.context()); });
    CHECK(error.where().line == 3);
    // 06-01-2025;00:15:00;06-01-2025;00:30:00;="541448800000012345";1SAG1100012345;Digitale meter;Afname Dag;abc
    CHECK(error.where().column == 104);
    CHECK(error.where().field == "Volume");
    CHECK(error.message().find("'abc'") != std::string::npos);
  }
  SECTION("daily instead of quarter-hour values") {
    const InputError error = input_error([&] { read_series_file(data_path("mijn_fluvius_daily_values.csv"), year.context()); });
    CHECK(error.where().line == 2);
    CHECK(error.message().find("quarter-hour") != std::string::npos);
  }
  SECTION("unknown register") {
    const std::string text =
        "Van (datum);Van (tijdstip);Tot (datum);Tot (tijdstip);Register;Volume\n"
        "06-01-2025;00:00:00;06-01-2025;00:15:00;Reactief;0,100\n";
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 41);
    CHECK(error.message().find("Afname Dag") != std::string::npos);
  }
  SECTION("a time in the hour skipped in spring") {
    const std::string text =
        "Van (datum);Van (tijdstip);Register;Volume\n"
        "30-03-2025;02:15:00;Afname Dag;0,100\n";
    const InputError error = input_error([&] { read_text(text, year.context()); });
    CHECK(error.where().line == 2);
    CHECK(error.where().field == "Van (tijdstip)");
  }
  SECTION("asking for a generic CSV when the file is a Fluvius export") {
    ReadOptions options;
    options.format = "csv";
    const InputError error = input_error([&] { read_series_file(data_path("mijn_fluvius_two_hours.csv"), year.context(), options); });
    CHECK(error.message().find("Mijn Fluvius") != std::string::npos);
  }
}

TEST_CASE("Fluvius open data: one meter chosen by EAN, UTC timestamps, injection apart", "[load][import]") {
  const Year year(2025);
  ReadOptions options;
  options.ean = "541448900000000002";
  const SeriesFile file = read_series_file(data_path("fluvius_open_data_two_meters.csv"), year.context(), options);
  const QualityReport& q = file.quality;
  CHECK(q.format == SeriesFormat::fluvius_open_data);
  CHECK(q.ean == "541448900000000002");
  CHECK(q.other_meters_skipped == 1);
  CHECK(q.rows == 4);
  // 2024-01-01T00:00Z is 01:00 local on New Year's Day 2024; mapped holiday-on-holiday onto
  // 01:00 local on 1 January 2025, the grid's first interval.
  CHECK(file.kwh[0] == Approx(0.050));
  CHECK(file.kwh[1] == Approx(0.040));
  CHECK(file.kwh[2] == Approx(0.045));
  CHECK(file.kwh[3] == Approx(0.060));
  REQUIRE(file.injection_kwh);
  CHECK((*file.injection_kwh)[3] == Approx(0.020));
  CHECK(q.mapped_from_other_dates);

  const SeriesFile first_meter = read_series_file(data_path("fluvius_open_data_two_meters.csv"), year.context());
  CHECK(first_meter.quality.ean == "541448900000000001");
  CHECK(first_meter.kwh[0] == Approx(0.210));

  options.ean = "541448900000000009";
  const InputError error = input_error([&] { read_series_file(data_path("fluvius_open_data_two_meters.csv"), year.context(), options); });
  CHECK(error.where().field == "ean");
}

TEST_CASE("Unknown format names and missing files are input errors", "[load][import][errors]") {
  const Year year(2025);
  ReadOptions options;
  options.format = "xlsx";
  CHECK(input_error([&] { read_series_file(data_path("generic_six_rows.csv"), year.context(), options); }).where().field == "format");
  CHECK(input_error([&] { read_series_file(data_path("no_such_file.csv"), year.context()); }).message() == "file not found");
}

TEST_CASE("Meter files: more than 250 kWh in a quarter-hour or a non-finite value is an error naming file and line",
          "[load][import][errors][limits]") {
  const Year year(2025);
  const int n = year.grid.interval_count;
  const std::string full = generic_csv(year.grid.first_utc_seconds, n, coded_kwh);
  auto with_value = [&](const std::string& value) {
    std::string text = full;
    const std::size_t pos = text.find("2025-01-01T00:30Z,");  // line 4
    text.replace(pos + 18, 5, value);
    return text;
  };
  // 250 kWh is the limit itself (1 MW for 15 minutes): accepted.
  CHECK(read_text(with_value("250"), year.context()).kwh[2] == 250.0);
  const InputError above = input_error([&] { read_text(with_value("250.5"), year.context()); });
  CHECK(above.where().file == "test.csv");
  CHECK(above.where().line == 4);
  CHECK(above.where().column == 19);
  CHECK(above.where().field == "kwh");
  CHECK(above.message().find("at most 250 kWh") != std::string::npos);
  for (const char* not_finite : {"inf", "nan", "1e400"}) {
    INFO(not_finite);
    const InputError error = input_error([&] { read_text(with_value(not_finite), year.context()); });
    CHECK(error.where().line == 4);
  }
  // The Mijn Fluvius export: 1250,5 kWh in the Afname Nacht register on line 3 (Volume, column 106).
  std::string export_text = read_text_file(data_path("mijn_fluvius_two_hours.csv"));
  const std::size_t pos = export_text.find(";0,105;");
  REQUIRE(pos != std::string::npos);
  export_text.replace(pos, 7, ";1250,5;");
  const InputError fluvius = input_error([&] { read_text(export_text, year.context()); });
  CHECK(fluvius.where().line == 3);
  CHECK(fluvius.where().column == 106);
  CHECK(fluvius.where().field == "Volume");
  CHECK(fluvius.message().find("at most 250 kWh") != std::string::npos);
}
