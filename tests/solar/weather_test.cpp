// Weather sources: PVGIS TMY import (CSV and JSON), the hourly -> quarter-hour step, and the
// embedded Uccle year.
#include "core/solar/weather.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/pv/array.hpp"
#include "core/solar/irradiance.hpp"
#include "core/time/civil.hpp"

using namespace deelstroom;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::string pvgis_path(const char* name) { return std::string(DEELSTROOM_TEST_DATA_DIR) + "/pvgis/" + name; }

/// Column sums of the file's hourly table (Wh/m² for irradiance), read independently here.
struct FileSums {
  double ghi = 0, dni = 0, dhi = 0;
  int rows = 0;
};
FileSums sum_csv(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  bool table = false;
  FileSums s;
  while (std::getline(in, line)) {
    if (line.rfind("time(UTC)", 0) == 0) {
      table = true;
      continue;
    }
    if (!table) continue;
    if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) break;
    std::stringstream ss(line);
    std::string f[10];
    for (auto& x : f) std::getline(ss, x, ',');
    s.ghi += std::stod(f[3]);
    s.dni += std::stod(f[4]);
    s.dhi += std::stod(f[5]);
    ++s.rows;
  }
  return s;
}

/// A copy of the TMY CSV with one column renamed (to test the missing-column error).
std::string csv_with_header(const std::string& from, const std::string& to) {
  std::string text = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  return text;
}

struct Fixture {
  time::YearGrid grid;
  solar::SolarPositions positions;
  explicit Fixture(int year)
      : grid(time::make_year_grid(year)),
        positions(solar::compute_solar_positions(solar::Site{45.0, 8.0, 250.0}, grid)) {}
};

}  // namespace

TEST_CASE("PVGIS TMY CSV: header, months and energy per component preserved", "[solar][weather][pvgis]") {
  Fixture f(2025);
  solar::PvgisOptions label;  // hours centred on their labels, as pvlib reads them
  label.timing = solar::PvgisTiming::label_centred;
  const solar::Weather w =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), f.grid, f.positions, label);
  REQUIRE(w.size() == 35040);
  CHECK(w.metadata.format == "pvgis-tmy-csv");
  CHECK(*w.metadata.latitude_deg == 45.0);
  CHECK(*w.metadata.longitude_deg == 8.0);
  CHECK(*w.metadata.elevation_m == 250.0);
  CHECK_THAT(*w.metadata.irradiance_time_offset_h, WithinAbs(0.1761, 1e-12));
  CHECK(w.metadata.applied_time_offset_h == 0.0);  // label-centred, as pvlib
  REQUIRE(w.metadata.months_selected.size() == 12);
  CHECK(w.metadata.months_selected[0] == std::pair<int, int>{1, 2018});
  CHECK(w.metadata.months_selected[11] == std::pair<int, int>{12, 2016});
  CHECK(w.source.find("tmy_45.000_8.000_2005_2023.csv") != std::string::npos);

  // Each hour's GHI and DHI energy lands in the quarter-hours (nothing lost but the hours
  // whose whole window is dark, reported as dropped).
  const FileSums file = sum_csv(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  REQUIRE(file.rows == 8760);
  const double ghi_wh = w.ghi_w_m2.sum() * 0.25, dhi_wh = w.dhi_w_m2.sum() * 0.25;
  CHECK_THAT(ghi_wh + w.metadata.dropped_irradiation_kwh_m2 * 1000.0, WithinRel(file.ghi, 1e-9));
  std::printf(
      "PVGIS TMY 45N 8E: GHI %.1f kWh/m2 in the file, %.4f kWh/m2 in hours with no sunlit quarter-hour\n",
      file.ghi / 1000.0, w.metadata.dropped_irradiation_kwh_m2);
  CHECK(w.metadata.dropped_irradiation_kwh_m2 < 0.001 * file.ghi / 1000.0);
  CHECK_THAT(dhi_wh, WithinRel(file.dhi, 2e-3));
  // No irradiance while the sun is down.
  for (int i = 0; i < w.size(); ++i) {
    if (f.positions.cos_zenith[i] <= 0.0) {
      REQUIRE(w.ghi_w_m2[i] == 0.0);
      REQUIRE(w.dni_w_m2[i] == 0.0);
    }
  }
  // The first hour with light: 2018-01-01 08:00 UTC labelled, G(h) = 32 W/m2, covering
  // 07:30-08:30; its four quarter-hours hold 32 Wh/m2 in total.
  const int q0 = f.grid.index_of(f.grid.first_utc_seconds + 7 * 3600 + 1800);
  CHECK_THAT(0.25 * w.ghi_w_m2.segment(q0, 4).sum(), WithinAbs(32.0, 1e-9));
  // Temperature: the label value at the label instant, linear in between. 00:00 2.04, 01:00 1.98
  // -> the middle of the 00:15-00:30 quarter (00:22:30) is 2.04 - 0.06 * 0.375.
  CHECK_THAT(w.temp_air_c[1], WithinAbs(2.04 - 0.06 * 0.375, 1e-9));
}

TEST_CASE("PVGIS hours land on the local year at their UTC time, by default at label plus the scan offset", "[solar][weather][pvgis]") {
  // The local Brussels year starts at 31 December 23:00 UTC. The first hour with light,
  // labelled 08:00 UTC on 1 January with G(h) = 32 W/m2: label-centred it covers 07:30-08:30
  // UTC, i.e. local 08:30-09:30; at label + 0.1761 h it covers 07:40:34-08:40:34 UTC.
  const time::YearGrid grid = time::make_year_grid(2025, time::brussels_time_zone());
  const solar::SolarPositions positions = solar::compute_solar_positions(solar::Site{45.0, 8.0, 250.0}, grid);
  const std::int64_t utc_year_start = time::days_from_civil(2025, 1, 1) * 86400;
  solar::PvgisOptions label;
  label.timing = solar::PvgisTiming::label_centred;
  const solar::Weather centred =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), grid, positions, label);
  const int q0 = grid.index_of(utc_year_start + 7 * 3600 + 1800);
  CHECK(q0 == 4 * 8 + 2);  // 07:30 UTC = local 08:30, the 35th quarter-hour of the local year
  CHECK_THAT(0.25 * centred.ghi_w_m2.segment(q0, 4).sum(), WithinAbs(32.0, 1e-9));
  CHECK(centred.metadata.applied_time_offset_h == 0.0);
  const solar::Weather scanned = solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), grid, positions);
  CHECK_THAT(scanned.metadata.applied_time_offset_h, WithinAbs(0.1761, 1e-12));
  // Shifted later: the 07:30-07:45 UTC quarter holds the whole quarter of the hour when
  // label-centred, only its last 4.4 minutes at the scan time (the hour before is dark).
  CHECK(scanned.ghi_w_m2[q0] < 0.5 * centred.ghi_w_m2[q0]);
  CHECK(scanned.ghi_w_m2[q0] > 0.0);
  CHECK_THAT(scanned.ghi_w_m2.sum(), WithinRel(centred.ghi_w_m2.sum(), 1e-3));
}

TEST_CASE("PVGIS TMY JSON reads the same as the CSV", "[solar][weather][pvgis]") {
  Fixture f(2025);
  const solar::Weather csv =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), f.grid, f.positions);
  const solar::Weather json =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.json"), f.grid, f.positions);
  CHECK(json.metadata.format == "pvgis-tmy-json");
  CHECK(json.metadata.radiation_database == "PVGIS-SARAH3");
  CHECK_THAT(*json.metadata.irradiance_time_offset_h, WithinAbs(0.1761, 1e-12));
  CHECK(json.metadata.months_selected == csv.metadata.months_selected);
  CHECK((json.ghi_w_m2 - csv.ghi_w_m2).abs().maxCoeff() < 1e-9);
  CHECK((json.dni_w_m2 - csv.dni_w_m2).abs().maxCoeff() < 1e-9);
  CHECK((json.temp_air_c - csv.temp_air_c).abs().maxCoeff() < 1e-9);
  CHECK((json.wind_speed_m_s - csv.wind_speed_m_s).abs().maxCoeff() < 1e-9);
}

TEST_CASE("PVGIS import rejects a file without a needed column, naming it", "[solar][weather][pvgis]") {
  Fixture f(2025);
  for (const std::string column : {"T2m", "G(h)", "WS10m"}) {
    const std::string text = csv_with_header("," + column + ",", ",X" + column + ",");
    try {
      solar::parse_pvgis_weather(text, "bad.csv", f.grid, f.positions);
      FAIL("no error for a missing " << column);
    } catch (const InputError& e) {
      CHECK(e.where().file == "bad.csv");
      CHECK(e.where().line == 18);  // the table's header line
      CHECK(e.where().field == column);
      CHECK(std::string(e.what()).find(column) != std::string::npos);
    }
  }
  // Gb(n) without Gd(h): the missing one is named.
  try {
    solar::parse_pvgis_weather(csv_with_header(",Gd(h),", ",Gdx,"), "bad.csv", f.grid, f.positions);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().field == "Gd(h)");
  }
  // A bad number names line and column.
  std::string text = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  text.replace(text.find("20180101:0300,1.85"), 18, "20180101:0300,x.85");
  try {
    solar::parse_pvgis_weather(text, "bad.csv", f.grid, f.positions);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().line == 22);
    CHECK(e.where().column == 15);
    CHECK(e.where().field == "T2m");
  }
  // JSON: a record without G(h).
  std::string json = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.json"));
  json.replace(json.find("\"G(h)\": 0.0"), 4 + 2, "\"Gx\"");
  try {
    solar::parse_pvgis_weather(json, "bad.json", f.grid, f.positions);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().field == "outputs.tmy_hourly[0].G(h)");
  }
  // A missing hour is reported with its date.
  text = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  const auto row = text.find("20180101:0500");
  text.erase(row, text.find('\n', row) + 1 - row);
  try {
    solar::parse_pvgis_weather(text, "bad.csv", f.grid, f.positions);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("01-01 05:00") != std::string::npos);
  }
}

TEST_CASE("a PVGIS file with only GHI is split with Erbs per quarter-hour", "[solar][weather][pvgis]") {
  Fixture f(2025);
  std::string text = csv_with_header(",Gb(n),Gd(h),", ",Bx,Dx,");
  const solar::Weather w = solar::parse_pvgis_weather(text, "ghi_only.csv", f.grid, f.positions);
  CHECK(w.metadata.decomposed_with_erbs);
  const FileSums file = sum_csv(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  CHECK_THAT(w.ghi_w_m2.sum() * 0.25 + w.metadata.dropped_irradiation_kwh_m2 * 1000.0,
             WithinRel(file.ghi, 1e-9));
  for (int i = 0; i < w.size(); ++i) {
    if (w.ghi_w_m2[i] <= 0.0) continue;
    const solar::ErbsSplit split =
        solar::erbs(w.ghi_w_m2[i], f.positions.apparent_zenith_deg[i], f.positions.extra_radiation_w_m2[i]);
    REQUIRE(w.dhi_w_m2[i] == split.dhi_w_m2);
    REQUIRE(w.dni_w_m2[i] == split.dni_w_m2);
  }
  // Erbs's split is close to the file's own diffuse total (within 15 % over the year).
  CHECK_THAT(w.dhi_w_m2.sum() * 0.25, WithinRel(file.dhi, 0.15));
}

TEST_CASE("PVGIS months go onto a leap simulated year with 29 February from the 28th",
          "[solar][weather][pvgis]") {
  Fixture f(2024);
  const solar::Weather w =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), f.grid, f.positions);
  REQUIRE(w.size() == 35136);
  const int feb28 = f.grid.index_of(time::days_from_civil(2024, 2, 28) * 86400);
  const int feb29 = f.grid.index_of(time::days_from_civil(2024, 2, 29) * 86400);
  // Temperatures are interpolated between labels, so compare inside the day.
  for (int q = 8; q < 88; ++q) REQUIRE(w.temp_air_c[feb29 + q] == w.temp_air_c[feb28 + q]);
  CHECK(w.ghi_w_m2.segment(feb29, 96).sum() > 0.0);
  // March in the simulated year is March of the file (2009): 1 March 12:00 UTC label.
  // The file's 2009-03-01 is placed on 2024-03-01, so the day's GHI equals the file's sum.
  const int mar1 = f.grid.index_of(time::days_from_civil(2024, 3, 1) * 86400);
  double file_day_wh = 0.0;
  {
    std::ifstream in(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("20090301:", 0) == 0) {
        std::stringstream ss(line);
        std::string x;
        for (int c = 0; c < 4; ++c) std::getline(ss, x, ',');
        file_day_wh += std::stod(x);
      }
    }
  }
  CHECK_THAT(0.25 * w.ghi_w_m2.segment(mar1, 96).sum(), WithinRel(file_day_wh, 1e-9));
}

TEST_CASE("hourly to quarter-hours keeps each hour's energy at any time offset", "[solar][weather]") {
  Fixture f(2025);
  solar::HourlyWeather h;
  const int hours = f.grid.interval_count / 4;
  h.temp_air_c.assign(hours, 10.0);
  h.wind_speed_m_s.assign(hours, 2.0);
  h.ghi_w_m2.assign(hours, 0.0);
  // Noon UTC on 21 June (sun high at 45 N, 8 E): 600 W/m2 for one hour.
  const int k = (f.grid.index_of(time::days_from_civil(2025, 6, 21) * 86400 + 12 * 3600)) / 4;
  h.ghi_w_m2[k] = 600.0;
  for (double offset_h : {0.0, 0.1761, 0.5}) {
    h.centre_offset_s = offset_h * 3600.0;
    const solar::Weather w = solar::hourly_to_quarter_hours(h, f.grid, f.positions);
    CHECK_THAT(w.ghi_w_m2.sum() * 0.25, WithinAbs(600.0, 1e-9));
    // Energy sits in the window: label 12:00 + offset ± 30 min.
    const int first = 4 * k - 2 + static_cast<int>(std::floor(offset_h * 4.0));
    CHECK_THAT(w.ghi_w_m2.segment(first, 5).sum() * 0.25, WithinAbs(600.0, 1e-9));
    // GHI only: split with Erbs, closure holds.
    const int q = 4 * k;
    CHECK_THAT(w.dhi_w_m2[q] + w.dni_w_m2[q] * f.positions.cos_zenith[q], WithinAbs(w.ghi_w_m2[q], 1e-9));
    CHECK(w.metadata.decomposed_with_erbs);
  }
  // The offset option moves PVGIS hours: with label + 0.1761 h the hour's centre is later, so
  // a morning-facing array sees less than with label-centred hours.
  solar::PvgisOptions offset;
  offset.timing = solar::PvgisTiming::label_plus_offset_centred;
  const solar::Weather shifted =
      solar::load_pvgis_weather(pvgis_path("tmy_45.000_8.000_2005_2023.csv"), f.grid, f.positions, offset);
  CHECK_THAT(shifted.metadata.applied_time_offset_h, WithinAbs(0.1761, 1e-12));
}

TEST_CASE("embedded Uccle year matches its monthly statistics and is deterministic",
          "[solar][weather][embedded]") {
  const solar::Site uccle{50.80, 4.35, 100.0};
  const time::YearGrid grid = time::make_year_grid(2025);
  const solar::SolarPositions positions = solar::compute_solar_positions(uccle, grid);
  const solar::Weather w = solar::embedded_weather(uccle, grid, positions);
  const solar::MonthlyClimate& climate = solar::uccle_climate();
  double month_kwh[12] = {};
  double month_temp[12] = {};
  int month_n[12] = {};
  for (int i = 0; i < w.size(); ++i) {
    const int m = time::civil_from_days(grid.start_utc_seconds(i) / 86400).month - 1;
    month_kwh[m] += w.ghi_w_m2[i] * 0.25 / 1000.0;
    month_temp[m] += w.temp_air_c[i];
    ++month_n[m];
  }
  for (int m = 0; m < 12; ++m) {
    INFO("month " << m + 1 << ": " << month_kwh[m] << " kWh/m2 vs " << climate.ghi_kwh_m2[m]);
    CHECK(std::abs(month_kwh[m] / climate.ghi_kwh_m2[m] - 1.0) < 0.02);
    // Monthly mean temperature near the normal (daily anomalies average out within ~1.5 °C).
    CHECK(std::abs(month_temp[m] / month_n[m] - climate.temp_air_c[m]) < 2.5);
  }
  // Physically sound: no light at night, diffuse never above global, closure holds.
  for (int i = 0; i < w.size(); ++i) {
    if (positions.cos_zenith[i] <= 0.0) REQUIRE(w.ghi_w_m2[i] == 0.0);
    REQUIRE(w.dhi_w_m2[i] <= w.ghi_w_m2[i] + 1e-9);
    REQUIRE(std::abs(w.dhi_w_m2[i] + w.dni_w_m2[i] * std::max(positions.cos_zenith[i], 0.0) - w.ghi_w_m2[i]) <
            1e-6);
  }
  // Days differ (stochastic cloudiness): June's daily sums spread widely.
  double min_day = 1e9, max_day = 0.0;
  const int june1 = grid.index_of(time::days_from_civil(2025, 6, 1) * 86400);
  for (int d = 0; d < 30; ++d) {
    const double day = w.ghi_w_m2.segment(june1 + 96 * d, 96).sum() * 0.25;
    min_day = std::min(min_day, day);
    max_day = std::max(max_day, day);
  }
  CHECK(max_day > 2.0 * min_day);
  // Same seed, same bits; another seed, another year.
  const solar::Weather again = solar::embedded_weather(uccle, grid, positions);
  CHECK((again.ghi_w_m2 == w.ghi_w_m2).all());
  CHECK((again.temp_air_c == w.temp_air_c).all());
  const solar::Weather other = solar::embedded_weather(uccle, grid, positions, 7);
  CHECK(!(other.ghi_w_m2 == w.ghi_w_m2).all());
}

TEST_CASE("embedded Uccle year gives a Belgian specific yield for a south 35 degree array",
          "[solar][weather][embedded][pv]") {
  const solar::Site uccle{50.80, 4.35, 100.0};
  const time::YearGrid grid = time::make_year_grid(2025);
  const solar::SolarPositions positions = solar::compute_solar_positions(uccle, grid);
  const solar::Weather w = solar::embedded_weather(uccle, grid, positions);
  const time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  pv::ArrayConfig config;
  config.kwp = 10.0;
  const pv::ArrayResult r = pv::simulate_array(config, w, positions, calendar);
  std::printf("embedded Uccle year: GHI %.0f kWh/m2, POA south 35 %.0f kWh/m2, specific yield %.0f kWh/kWp\n",
              w.ghi_w_m2.sum() * 0.25 / 1000.0, r.poa_kwh_m2_year, r.specific_yield_kwh_per_kwp);
  // Belgian band for a well-oriented roof (sources.md): about 850-950 kWh/kWp/year.
  CHECK(r.specific_yield_kwh_per_kwp > 850.0);
  CHECK(r.specific_yield_kwh_per_kwp < 950.0);
}

TEST_CASE("PVGIS JSON nested too deeply is an error and not a stack overflow", "[solar][weather][pvgis]") {
  Fixture f(2025);
  // 5,000 nested arrays on line 2, column 1 onwards.
  const std::string deep = "{\"a\":\n" + std::string(5000, '[') + std::string(5000, ']') + "\n}";
  try {
    solar::parse_pvgis_weather(deep, "deep.json", f.grid, f.positions);
    FAIL("no error for 5,000 levels");
  } catch (const InputError& e) {
    CHECK(e.where().file == "deep.json");
    CHECK(e.where().line == 2);
    // The outer object is level 1, so the 64th '[' (column 64) is the 65th level.
    CHECK(e.where().column == 64);
    CHECK(std::string(e.what()).find("nested more than 64 levels") != std::string::npos);
  }
  // 64 levels are still read: the error is then about the missing PVGIS content.
  const std::string ok = "{\"x\":" + std::string(63, '[') + std::string(63, ']') + "}";
  try {
    solar::parse_pvgis_weather(ok, "ok.json", f.grid, f.positions);
    FAIL("no error for a file without outputs");
  } catch (const InputError& e) {
    CHECK(e.where().field == "outputs");
  }
}

TEST_CASE("PVGIS values outside physical limits are errors naming the file line and column", "[solar][weather][pvgis][limits]") {
  Fixture f(2025);
  const std::string original = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.csv"));
  const std::string row = "20180101:0300,1.85,97.57,0.0,-0.0,0.0,307.17,0.84,279.0,99710.0";  // line 22
  REQUIRE(original.find(row) != std::string::npos);
  struct Case {
    std::string row;
    int column;
    std::string field;
  };
  // Columns counted by hand from the row above: T2m at 15, G(h) at 26, Gb(n) at 30, Gd(h) at 35, WS10m at 46.
  const Case cases[] = {
      {"20180101:0300,1.85,97.57,1501,-0.0,0.0,307.17,0.84,279.0,99710.0", 26, "G(h)"},   // above 1500 W/m²
      {"20180101:0300,1.85,97.57,0.0,-0.5,0.0,307.17,0.84,279.0,99710.0", 30, "Gb(n)"},   // negative
      {"20180101:0300,1.85,97.57,0.0,1600,0.0,307.17,0.84,279.0,99710.0", 30, "Gb(n)"},
      {"20180101:0300,1.85,97.57,0.0,-0.0,-1.0,307.17,0.84,279.0,99710.0", 35, "Gd(h)"},
      {"20180101:0300,70.5,97.57,0.0,-0.0,0.0,307.17,0.84,279.0,99710.0", 15, "T2m"},    // hotter than 70 °C
      {"20180101:0300,-60.5,97.57,0.0,-0.0,0.0,307.17,0.84,279.0,99710.0", 15, "T2m"},   // colder than -60 °C
      {"20180101:0300,1.85,97.57,0.0,-0.0,0.0,307.17,-0.1,279.0,99710.0", 46, "WS10m"},  // negative wind
      {"20180101:0300,1.85,97.57,0.0,-0.0,0.0,307.17,75.5,279.0,99710.0", 46, "WS10m"},  // above 75 m/s
  };
  for (const Case& c : cases) {
    INFO(c.row);
    std::string text = original;
    text.replace(text.find(row), row.size(), c.row);
    try {
      solar::parse_pvgis_weather(text, "bad.csv", f.grid, f.positions);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().file == "bad.csv");
      CHECK(e.where().line == 22);
      CHECK(e.where().column == c.column);
      CHECK(e.where().field == c.field);
      CHECK(std::string(e.what()).find("expected") != std::string::npos);
    }
  }
  // The limits themselves are accepted: 1500 W/m², -60 and 70 °C, 0 and 75 m/s.
  std::string edge = original;
  edge.replace(edge.find(row), row.size(), "20180101:0300,70,97.57,1500,1500,1500,307.17,75,279.0,99710.0");
  CHECK_NOTHROW(solar::parse_pvgis_weather(edge, "edge.csv", f.grid, f.positions));
  // JSON: the first record's T2m of 99 °C (the file is one line).
  std::string json = read_text_file(pvgis_path("tmy_45.000_8.000_2005_2023.json"));
  json.replace(json.find("\"T2m\": 2.04"), 11, "\"T2m\": 99.0");
  try {
    solar::parse_pvgis_weather(json, "bad.json", f.grid, f.positions);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().file == "bad.json");
    CHECK(e.where().line == 1);
    CHECK(e.where().field == "outputs.tmy_hourly[0].T2m");
    CHECK(std::string(e.what()).find("-60 to 70") != std::string::npos);
  }
}
