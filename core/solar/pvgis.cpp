// PVGIS TMY import (CSV and JSON, PVGIS 5.x "tmy" tool output, as in tests/data/pvgis/).
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string_view>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/solar/weather.hpp"
#include "core/time/civil.hpp"

namespace deelstroom::solar {

namespace {

// Column names of the hourly table (pv-model.md, "PVGIS TMY files").
constexpr std::string_view kTime = "time(UTC)";
constexpr std::string_view kTemp = "T2m";
constexpr std::string_view kGhi = "G(h)";
constexpr std::string_view kDni = "Gb(n)";
constexpr std::string_view kDhi = "Gd(h)";
constexpr std::string_view kWind = "WS10m";

/// Physical bounds of an hourly value (docs/input-limits.md): irradiance from 0 to 1500 W/m²
/// (the extraterrestrial 1361 W/m² with margin), air temperature -60..70 °C, wind 0..75 m/s.
/// Outside them the file is broken or in other units; a message saying so, else nullopt.
std::optional<Text> implausible(std::string_view column, double value) {
  double low = 0.0, high = 0.0;
  const char* unit = "";
  Text what;
  if (column == kTemp) {
    low = -60.0, high = 70.0, unit = " °C", what = {"een luchttemperatuur", "an air temperature"};
  } else if (column == kWind) {
    low = 0.0, high = 75.0, unit = " m/s", what = {"een windsnelheid", "a wind speed"};
  } else {
    low = 0.0, high = 1500.0, unit = " W/m²";
    what = {"een instraling (de zon geeft hoogstens 1361 W/m² boven de atmosfeer)",
            "an irradiance (the sun gives at most 1361 W/m² above the air)"};
  }
  if (value >= low && value <= high) return std::nullopt;
  char range[96], found[32];
  std::snprintf(range, sizeof range, " from %g to %g%s", low, high, unit);
  std::snprintf(found, sizeof found, "%g", value);
  std::string range_nl = range;
  range_nl.replace(1, 4, "van");
  range_nl.replace(range_nl.find(" to "), 4, " tot ");
  return Text{"verwacht ", "expected "} + what + Text{range_nl, range} + fill(", gevonden {}", ", found {}", {found});
}

/// One hourly record as read, before it is put on the simulated year.
struct Record {
  int line = 0;
  int month = 0, day = 0, hour = 0, minute = 0;
  double ghi = 0, dni = 0, dhi = 0, temp = 0, wind = 0;
};

struct ParsedFile {
  WeatherMetadata metadata;
  bool has_components = true;
  std::vector<Record> records;
};

[[noreturn]] void fail(const std::string& file, int line, int column, std::string field,
                       Text message) {
  throw InputError(InputLocation{file, line, column, std::move(field)}, std::move(message));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<double> to_number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// "YYYYMMDD:HHMM" → record date fields; false when malformed.
bool parse_timestamp(std::string_view s, Record& r) {
  s = trim(s);
  if (s.size() != 13 || s[8] != ':') return false;
  for (int i = 0; i < 13; ++i) {
    if (i != 8 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  auto num = [&](int pos, int len) {
    int v = 0;
    for (int i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int year = num(0, 4);
  r.month = num(4, 2);
  r.day = num(6, 2);
  r.hour = num(9, 2);
  r.minute = num(11, 2);
  return r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= time::days_in_month(year, r.month) &&
         r.hour <= 23 && r.minute <= 59;
}

// ---------------------------------------------------------------- CSV

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

struct Field {
  std::string_view text;
  int column = 1;  ///< 1-based character column
};

std::vector<Field> split_fields(std::string_view line) {
  std::vector<Field> fields;
  std::size_t pos = 0;
  while (true) {
    const std::size_t comma = line.find(',', pos);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    fields.push_back({line.substr(pos, end - pos), static_cast<int>(pos) + 1});
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return fields;
}

std::optional<double> header_value(std::string_view line, std::string_view key) {
  if (line.substr(0, key.size()) != key) return std::nullopt;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return to_number(line.substr(colon + 1));
}

ParsedFile parse_csv(std::string_view text, const std::string& name) {
  ParsedFile out;
  out.metadata.format = "pvgis-tmy-csv";
  const auto lines = split_lines(text);
  int header_line = -1;
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    const std::string_view line = trim(lines[i]);
    if (auto v = header_value(line, "Latitude")) out.metadata.latitude_deg = v;
    if (auto v = header_value(line, "Longitude")) out.metadata.longitude_deg = v;
    if (auto v = header_value(line, "Elevation")) out.metadata.elevation_m = v;
    if (auto v = header_value(line, "Irradiance Time Offset")) out.metadata.irradiance_time_offset_h = v;
    if (line == "month,year") {
      for (int m = 1; m <= 12 && i + m < static_cast<int>(lines.size()); ++m) {
        const auto f = split_fields(lines[i + m]);
        if (f.size() != 2) break;
        const auto month = to_number(f[0].text), year = to_number(f[1].text);
        if (!month || !year) break;
        out.metadata.months_selected.emplace_back(static_cast<int>(*month), static_cast<int>(*year));
      }
    }
    if (line.substr(0, kTime.size()) == kTime) {
      header_line = i;
      break;
    }
  }
  if (header_line < 0) {
    fail(name, 0, 0, std::string(kTime),
         Text{"geen uurtabel gevonden: verwacht een kopregel die begint met 'time(UTC)' (een PVGIS-TMY in CSV)",
              "no hourly table found: expected a header line starting with 'time(UTC)' (a PVGIS TMY CSV)"});
  }
  const auto header = split_fields(lines[header_line]);
  std::map<std::string, int, std::less<>> column_of;
  for (int c = 0; c < static_cast<int>(header.size()); ++c) column_of[std::string(trim(header[c].text))] = c;
  auto require = [&](std::string_view column) {
    const auto it = column_of.find(column);
    if (it == column_of.end()) {
      fail(name, header_line + 1, 0, std::string(column),
           fill("de uurtabel heeft geen kolom '{}' (kolommen van een PVGIS-TMY: time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP)",
                "the hourly table has no column '{}' (PVGIS TMY columns: time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP)",
                {column}));
    }
    return it->second;
  };
  const int c_time = require(kTime), c_temp = require(kTemp), c_ghi = require(kGhi), c_wind = require(kWind);
  const bool has_dni = column_of.count(kDni) > 0, has_dhi = column_of.count(kDhi) > 0;
  if (has_dni != has_dhi) require(has_dni ? kDhi : kDni);  // one without the other: name the missing one
  out.has_components = has_dni && has_dhi;
  const int c_dni = out.has_components ? column_of.find(kDni)->second : -1;
  const int c_dhi = out.has_components ? column_of.find(kDhi)->second : -1;

  for (int i = header_line + 1; i < static_cast<int>(lines.size()); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty() || !std::isdigit(static_cast<unsigned char>(line.front()))) break;  // footer
    const auto fields = split_fields(lines[i]);
    if (fields.size() < header.size()) {
      fail(name, i + 1, 0, "",
           fill("verwacht {} waarden gescheiden door komma's, gevonden {}", "expected {} comma-separated values, found {}",
                {std::to_string(header.size()), std::to_string(fields.size())}));
    }
    Record r;
    r.line = i + 1;
    if (!parse_timestamp(fields[c_time].text, r)) {
      fail(name, i + 1, fields[c_time].column, std::string(kTime),
           Text{"verwacht een tijdstempel JJJJMMDD:UUMM (UTC)", "expected a time stamp YYYYMMDD:HHMM (UTC)"});
    }
    auto number = [&](int c, std::string_view column) {
      const auto v = to_number(fields[c].text);
      if (!v)
        fail(name, i + 1, fields[c].column, std::string(column),
             fill("verwacht een getal, gevonden '{}'", "expected a number, found '{}'", {trim(fields[c].text)}));
      if (const auto problem = implausible(column, *v)) fail(name, i + 1, fields[c].column, std::string(column), *problem);
      return *v;
    };
    r.temp = number(c_temp, kTemp);
    r.ghi = number(c_ghi, kGhi);
    r.wind = number(c_wind, kWind);
    if (out.has_components) {
      r.dni = number(c_dni, kDni);
      r.dhi = number(c_dhi, kDhi);
    }
    out.records.push_back(r);
  }
  if (out.records.empty()) fail(name, header_line + 2, 0, "", Text{"de uurtabel heeft geen rijen", "the hourly table has no rows"});
  return out;
}

// ---------------------------------------------------------------- JSON

/// Deepest nesting of arrays and objects accepted. PVGIS output nests 4 levels; the limit keeps a
/// hostile or broken file from exhausting the stack of the recursive parser.
constexpr int kMaxJsonDepth = 64;

/// A minimal JSON value (RFC 8259) with the line it starts on, enough for PVGIS output.
struct Json {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  double number = 0.0;
  bool boolean = false;
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object;
  int line = 0;

  const Json* find(std::string_view key) const {
    for (const auto& [k, v] : object) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

class JsonParser {
 public:
  JsonParser(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  Json parse_document() {
    Json v = parse_value();
    skip_space();
    if (pos_ != text_.size()) error("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void error(const std::string& message) {
    const std::size_t line_start = text_.rfind('\n', pos_ == 0 ? 0 : pos_ - 1);
    const int column =
        static_cast<int>(pos_ - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    fail(name_, line_, column, "", fill("ongeldige JSON: {}", "invalid JSON: {}", {message}));
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }

  bool consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Json parse_value() {
    skip_space();
    if (pos_ >= text_.size()) error("unexpected end of file");
    Json v;
    v.line = line_;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (depth_ >= kMaxJsonDepth) {
        error("arrays and objects nested more than " + std::to_string(kMaxJsonDepth) +
              " levels deep (expected a PVGIS file, which nests 4 levels)");
      }
    }
    struct DepthGuard {
      int& depth;
      explicit DepthGuard(int& d) : depth(d) { ++depth; }
      ~DepthGuard() { --depth; }
    } guard(depth_);
    if (c == '{') {
      v.type = Json::Type::object;
      ++pos_;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return v;
      }
      while (true) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '"') error("expected a key string");
        std::string key = parse_string();
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ':') error("expected ':'");
        ++pos_;
        v.object.emplace_back(std::move(key), parse_value());
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == '}') {
          ++pos_;
          return v;
        }
        error("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = Json::Type::array;
      ++pos_;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return v;
      }
      while (true) {
        v.array.push_back(parse_value());
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == ']') {
          ++pos_;
          return v;
        }
        error("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.type = Json::Type::string;
      v.string = parse_string();
      return v;
    }
    if (consume("true")) {
      v.type = Json::Type::boolean;
      v.boolean = true;
      return v;
    }
    if (consume("false")) {
      v.type = Json::Type::boolean;
      return v;
    }
    if (consume("null")) return v;
    std::size_t end = pos_;
    while (end < text_.size() &&
           (std::isdigit(static_cast<unsigned char>(text_[end])) || text_[end] == '-' || text_[end] == '+' ||
            text_[end] == '.' || text_[end] == 'e' || text_[end] == 'E')) {
      ++end;
    }
    const auto number = to_number(text_.substr(pos_, end - pos_));
    if (end == pos_ || !number) error("expected a value");
    v.type = Json::Type::number;
    v.number = *number;
    pos_ = end;
    return v;
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string s;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        const char e = text_[pos_++];
        switch (e) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          case 'u':
            pos_ += 4;
            c = '?';
            break;  // PVGIS keys and values are ASCII
          default:
            c = e;
        }
      }
      s.push_back(c);
    }
    if (pos_ >= text_.size()) error("unterminated string");
    ++pos_;
    return s;
  }

  std::string_view text_;
  const std::string& name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int depth_ = 0;  ///< arrays and objects open around the current value
};

ParsedFile parse_json(std::string_view text, const std::string& name) {
  const Json root = JsonParser(text, name).parse_document();
  auto member = [&](const Json& parent, std::string_view key, const std::string& path) -> const Json& {
    const Json* v = parent.type == Json::Type::object ? parent.find(key) : nullptr;
    if (!v) fail(name, parent.line, 0, path, fill("'{}' ontbreekt", "missing '{}'", {key}));
    return *v;
  };
  auto number_of = [&](const Json& v, const std::string& path) {
    if (v.type != Json::Type::number) fail(name, v.line, 0, path, Text{"verwacht een getal", "expected a number"});
    return v.number;
  };
  ParsedFile out;
  out.metadata.format = "pvgis-tmy-json";
  if (const Json* inputs = root.find("inputs")) {
    if (const Json* location = inputs->find("location")) {
      if (const Json* v = location->find("latitude"); v && v->type == Json::Type::number)
        out.metadata.latitude_deg = v->number;
      if (const Json* v = location->find("longitude"); v && v->type == Json::Type::number)
        out.metadata.longitude_deg = v->number;
      if (const Json* v = location->find("elevation"); v && v->type == Json::Type::number)
        out.metadata.elevation_m = v->number;
      if (const Json* v = location->find("irradiance_time_offset"); v && v->type == Json::Type::number) {
        out.metadata.irradiance_time_offset_h = v->number;
      }
    }
    if (const Json* meteo = inputs->find("meteo_data")) {
      if (const Json* v = meteo->find("radiation_db"); v && v->type == Json::Type::string)
        out.metadata.radiation_database = v->string;
    }
  }
  const Json& outputs = member(root, "outputs", "outputs");
  if (const Json* months = outputs.find("months_selected"); months && months->type == Json::Type::array) {
    for (const Json& m : months->array) {
      const Json* month = m.find("month");
      const Json* year = m.find("year");
      if (month && year && month->type == Json::Type::number && year->type == Json::Type::number) {
        out.metadata.months_selected.emplace_back(static_cast<int>(month->number),
                                                  static_cast<int>(year->number));
      }
    }
  }
  const Json& hourly = member(outputs, "tmy_hourly", "outputs.tmy_hourly");
  if (hourly.type != Json::Type::array || hourly.array.empty()) {
    fail(name, hourly.line, 0, "outputs.tmy_hourly", Text{"verwacht een niet-lege lijst uurrecords", "expected a non-empty array of hourly records"});
  }
  const Json& first = hourly.array.front();
  out.has_components = first.find(kDni) != nullptr && first.find(kDhi) != nullptr;
  for (std::size_t i = 0; i < hourly.array.size(); ++i) {
    const Json& rec = hourly.array[i];
    const std::string path = "outputs.tmy_hourly[" + std::to_string(i) + "].";
    Record r;
    r.line = rec.line;
    const Json& stamp = member(rec, kTime, path + std::string(kTime));
    if (stamp.type != Json::Type::string || !parse_timestamp(stamp.string, r)) {
      fail(name, rec.line, 0, path + std::string(kTime), Text{"verwacht een tijdstempel JJJJMMDD:UUMM (UTC)", "expected a time stamp YYYYMMDD:HHMM (UTC)"});
    }
    auto value = [&](std::string_view key) {
      const Json& field = member(rec, key, path + std::string(key));
      const double v = number_of(field, path + std::string(key));
      if (const auto problem = implausible(key, v)) fail(name, field.line, 0, path + std::string(key), *problem);
      return v;
    };
    r.temp = value(kTemp);
    r.ghi = value(kGhi);
    r.wind = value(kWind);
    if (out.has_components) {
      r.dni = value(kDni);
      r.dhi = value(kDhi);
    }
    out.records.push_back(r);
  }
  return out;
}

// ---------------------------------------------------------------- onto the simulated year

HourlyWeather place_on_year(const ParsedFile& parsed, const std::string& name, int year) {
  const int hours = time::days_in_year(year) * 24;
  HourlyWeather h;
  std::vector<int> filled(hours, 0);
  h.ghi_w_m2.assign(hours, 0.0);
  h.temp_air_c.assign(hours, 0.0);
  h.wind_speed_m_s.assign(hours, 0.0);
  if (parsed.has_components) {
    h.dni_w_m2.assign(hours, 0.0);
    h.dhi_w_m2.assign(hours, 0.0);
  }
  const int minute = parsed.records.front().minute;
  const std::int64_t year_start_day = time::days_from_civil(year, 1, 1);
  auto put = [&](const Record& r, int month, int day) {
    const int k = static_cast<int>(time::days_from_civil(year, month, day) - year_start_day) * 24 + r.hour;
    if (filled[k]) {
      char when[40];
      std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", month, day, r.hour, r.minute);
      fail(name, r.line, 0, std::string(kTime),
           fill("een tweede record voor {} (elk uur van het jaar een keer)", "a second record for {} (each hour of the year once)", {when}));
    }
    filled[k] = 1;
    h.ghi_w_m2[k] = r.ghi;
    h.temp_air_c[k] = r.temp;
    h.wind_speed_m_s[k] = r.wind;
    if (parsed.has_components) {
      h.dni_w_m2[k] = r.dni;
      h.dhi_w_m2[k] = r.dhi;
    }
  };
  for (const Record& r : parsed.records) {
    if (r.minute != minute) {
      fail(name, r.line, 0, std::string(kTime),
           fill("alle tijdstempels moeten dezelfde minuut hebben (gevonden :{} na :{})",
                "all time stamps must have the same minute (found :{} after :{})",
                {std::to_string(r.minute), std::to_string(minute)}));
    }
    if (r.month == 2 && r.day == 29 && !time::is_leap_year(year)) continue;  // not in a common year
    put(r, r.month, r.day);
  }
  // A leap simulated year takes 29 February from 28 February when the file has none.
  if (time::is_leap_year(year)) {
    const int feb28 = static_cast<int>(time::days_from_civil(year, 2, 28) - year_start_day) * 24;
    for (int hour = 0; hour < 24; ++hour) {
      const int k29 = feb28 + 24 + hour;
      if (filled[k29] || !filled[feb28 + hour]) continue;
      filled[k29] = 1;
      h.ghi_w_m2[k29] = h.ghi_w_m2[feb28 + hour];
      h.temp_air_c[k29] = h.temp_air_c[feb28 + hour];
      h.wind_speed_m_s[k29] = h.wind_speed_m_s[feb28 + hour];
      if (parsed.has_components) {
        h.dni_w_m2[k29] = h.dni_w_m2[feb28 + hour];
        h.dhi_w_m2[k29] = h.dhi_w_m2[feb28 + hour];
      }
    }
  }
  for (int k = 0; k < hours; ++k) {
    if (filled[k]) continue;
    const time::CivilDate date = time::civil_from_days(year_start_day + k / 24);
    char when[40];
    std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", date.month, date.day, k % 24, minute);
    fail(name, 0, 0, std::string(kTime),
         fill("geen record voor {} UTC (een TMY heeft elk uur van het jaar nodig)", "no record for {} UTC (a TMY needs every hour of the year)",
              {when}));
  }
  h.centre_offset_s = minute * 60.0;
  return h;
}

}  // namespace

Weather parse_pvgis_weather(const std::string& text, const std::string& name, const time::YearGrid& grid,
                            const SolarPositions& positions, const PvgisOptions& options) {
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // UTF-8 byte order mark
  const std::string_view start = trim(body);
  const ParsedFile parsed =
      !start.empty() && start.front() == '{' ? parse_json(body, name) : parse_csv(body, name);
  HourlyWeather hourly = place_on_year(parsed, name, grid.year);
  if (options.timing == PvgisTiming::label_plus_offset_centred && parsed.metadata.irradiance_time_offset_h) {
    hourly.centre_offset_s += *parsed.metadata.irradiance_time_offset_h * 3600.0;
  }
  // The hours are placed from 1 January 00:00 UTC; a local-year grid starts earlier (Brussels:
  // 31 December 23:00 UTC), so each hour sits that much later on the grid (cyclic year).
  const double grid_shift_s = static_cast<double>(time::days_from_civil(grid.year, 1, 1) * 86400 - grid.first_utc_seconds);
  hourly.centre_offset_s += grid_shift_s;
  Weather w = hourly_to_quarter_hours(hourly, grid, positions);
  const double applied = w.metadata.applied_time_offset_h - grid_shift_s / 3600.0;  // from the label
  const double dropped = w.metadata.dropped_irradiation_kwh_m2;
  const bool erbs_used = w.metadata.decomposed_with_erbs;
  w.metadata = parsed.metadata;
  w.metadata.file = name;
  w.metadata.applied_time_offset_h = applied;
  w.metadata.dropped_irradiation_kwh_m2 = dropped;
  w.metadata.decomposed_with_erbs = erbs_used;
  char site[96] = "";
  if (parsed.metadata.latitude_deg && parsed.metadata.longitude_deg) {
    std::snprintf(site, sizeof site, " (%.3f N, %.3f E)", *parsed.metadata.latitude_deg,
                  *parsed.metadata.longitude_deg);
  }
  const std::string file_name = std::filesystem::path(name).filename().string();
  w.source = "PVGIS TMY " + file_name + site;
  return w;
}

Weather load_pvgis_weather(const std::filesystem::path& file, const time::YearGrid& grid,
                           const SolarPositions& positions, const PvgisOptions& options) {
  return parse_pvgis_weather(read_text_file(file), file.string(), grid, positions, options);
}

}  // namespace deelstroom::solar
