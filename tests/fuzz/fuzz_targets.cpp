#include "tests/fuzz/fuzz_targets.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/batch/study.hpp"
#include "core/common/error.hpp"
#include "core/load/series_file.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/solar/solar_position.hpp"
#include "core/solar/weather.hpp"
#include "core/tariffs/tariff_file.hpp"
#include "core/time/time_zone.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::fuzz {

namespace {

/// The year the file parsers put their data on, with its calendar and sun (built once).
struct Year {
  time::YearGrid grid = time::make_year_grid(2025, time::brussels_time_zone());
  time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  solar::SolarPositions positions = solar::compute_solar_positions(solar::Site{45.0, 8.0, 250.0}, grid);
};

const Year& year() {
  static const Year y;
  return y;
}

[[noreturn]] void fooled(const std::string& what) { throw std::logic_error("fooled: " + what); }

void require_finite(const Eigen::ArrayXd& values, const char* what, bool non_negative) {
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) fooled(std::string(what) + " holds a non-finite value");
    if (non_negative && values[i] < 0.0) fooled(std::string(what) + " holds a negative value");
  }
}

void run_meter(const std::string& text) {
  const Year& y = year();
  std::istringstream in(text);
  load::ReadOptions options;
  options.time_zone = "Europe/Brussels";
  const load::SeriesFile file = load::read_series_stream(in, "fuzz.csv", load::ProfileContext{y.grid, y.calendar}, options);
  if (file.kwh.size() != static_cast<Eigen::Index>(y.grid.interval_count)) fooled("series of the wrong length");
  require_finite(file.kwh, "offtake", true);
  if (file.injection_kwh) require_finite(*file.injection_kwh, "injection", true);
}

void run_pvgis(const std::string& text) {
  const Year& y = year();
  const solar::Weather weather = solar::parse_pvgis_weather(text, "fuzz_pvgis", y.grid, y.positions);
  require_finite(weather.ghi_w_m2, "GHI", true);
  require_finite(weather.temp_air_c, "air temperature", false);
  require_finite(weather.wind_speed_m_s, "wind", true);
}

void run_day_ahead(const std::string& text) {
  const int count = year().grid.interval_count;
  const std::vector<double> prices = scenario::parse_day_ahead_prices(text, "fuzz_prices.csv", count);
  if (static_cast<int>(prices.size()) != count) fooled("price series of the wrong length");
  for (double p : prices) {
    if (!std::isfinite(p)) fooled("a non-finite price");
  }
}

void run_scenario(const std::string& text) {
  const scenario::Scenario s = scenario::parse_scenario(text, "fuzz/scenario.toml");
  for (const auto& a : s.pv.arrays) {
    if (!std::isfinite(a.kwp) || a.kwp < 0.0) fooled("array kWp");
  }
  for (const auto& a : s.apartments) {
    if (!std::isfinite(a.shares) || a.shares < 0.0) fooled("apartment shares");
  }
}

void run_tariffs(const std::string& text) {
  const tariffs::TariffData data = tariffs::parse_tariff_file(text, "fuzz_tariffs.toml", "");
  for (const tariffs::SourcedValue& v : data.values) {
    if (!std::isfinite(v.value)) fooled("a non-finite tariff");
    if (data.source(v.source_id) == nullptr) fooled("a value citing no source");
  }
}

void run_manifest(const std::string& text) {
  const batch::Manifest manifest = batch::parse_manifest(text, "fuzz_manifest.csv");
  for (const auto& row : manifest.rows) {
    if (row.cells.size() != manifest.field_columns.size()) fooled("a row with another number of cells");
  }
}

void run_sweep(const std::string& text) {
  // One spec per line, as on a command line (--sweep a --sweep b).
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const batch::Sweep sweep = batch::parse_sweep(line);
    if (sweep.values.empty()) fooled("a sweep without values");
  }
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> list = {
      {"scenario", run_scenario}, {"tariffs", run_tariffs},   {"meter", run_meter}, {"pvgis", run_pvgis},
      {"day_ahead", run_day_ahead}, {"manifest", run_manifest}, {"sweep", run_sweep},
  };
  return list;
}

std::vector<std::string> load_corpus(const std::filesystem::path& corpus_root, const std::filesystem::path& root,
                                     const std::string& target) {
  auto read = [](const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = corpus_root / target;
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().filename() != "seeds.txt") files.push_back(entry.path());
    }
    std::ifstream seeds(dir / "seeds.txt");
    for (std::string line; std::getline(seeds, line);) {
      if (!line.empty() && line[0] != '#') files.push_back(root / line);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> corpus;
  for (const auto& file : files) corpus.push_back(read(file));
  return corpus;
}

namespace {

std::uint64_t next(std::uint64_t& state) {
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 0x2545F4914F6CDD1DULL;
}

std::size_t below(std::uint64_t& state, std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next(state) % n); }

}  // namespace

std::string mutate(const std::vector<std::string>& corpus, std::uint64_t& state) {
  static const std::vector<std::string> tokens = {
      ",", ";", ".", "-", "e", "\n", "\r\n", "\"", "'", "=", " ", "\t", "[", "]", "{", "}", ":", "0", "9",
      "1e308", "-1e308", "1e400", "nan", "inf", "-0", "99999999999999999999", "0,5", "1.234,5", "2025-13-45T25:61:00Z",
      "2025-03-30T02:30:00", "\xC3\xA9", "\xFF", std::string(1, '\0'), "[[apartments]]\n", "[tariffs]\nyear = 2031\n"};
  std::string input = corpus.empty() ? std::string() : corpus[below(state, corpus.size())];
  const int edits = 1 + static_cast<int>(below(state, 8));
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = below(state, input.size() + 1);
    switch (below(state, 7)) {
      case 0:  // flip a byte
        if (!input.empty()) input[below(state, input.size())] ^= static_cast<char>(1u << below(state, 8));
        break;
      case 1:  // insert a token
        input.insert(at, tokens[below(state, tokens.size())]);
        break;
      case 2: {  // delete a range
        const std::size_t length = std::min(input.size() - std::min(at, input.size()), below(state, 64) + 1);
        if (at < input.size()) input.erase(at, length);
        break;
      }
      case 3: {  // duplicate a range
        if (input.empty()) break;
        const std::size_t from = below(state, input.size());
        const std::size_t length = std::min(input.size() - from, below(state, 256) + 1);
        input.insert(at, input.substr(from, length));
        break;
      }
      case 4: {  // replace a number by an extreme one
        const std::size_t digit = input.find_first_of("0123456789", at);
        if (digit == std::string::npos) break;
        std::size_t end = digit;
        while (end < input.size() && (std::isdigit(static_cast<unsigned char>(input[end])) || input[end] == '.')) ++end;
        input.replace(digit, end - digit, tokens[19 + below(state, 7)]);
        break;
      }
      case 5:  // deep nesting
        input.insert(at, std::string(100 + below(state, 5000), below(state, 2) == 0 ? '[' : '{'));
        break;
      default: {  // splice another corpus entry
        if (corpus.empty()) break;
        const std::string& other = corpus[below(state, corpus.size())];
        const std::size_t from = below(state, other.size());
        input.insert(at, other.substr(from, below(state, 2048)));
        break;
      }
    }
  }
  return input;
}

FuzzReport fuzz(const Target& target, const std::vector<std::string>& corpus, int iterations, std::uint64_t seed) {
  FuzzReport report;
  std::uint64_t state = seed == 0 ? 0x9E3779B97F4A7C15ULL : seed;
  const int total = static_cast<int>(corpus.size()) + iterations;
  for (int i = 0; i < total && !report.finding; ++i) {
    const std::string input = i < static_cast<int>(corpus.size()) ? corpus[static_cast<std::size_t>(i)] : mutate(corpus, state);
    ++report.runs;
    try {
      target.run(input);
      ++report.accepted;
    } catch (const InputError&) {
      ++report.refused;
    } catch (const std::exception& e) {
      report.finding = "input " + std::to_string(i) + ": " + e.what();
      report.finding_input = input;
    }
  }
  return report;
}

}  // namespace deelstroom::fuzz
