// deelstroom profile inspect | generate | list — thin over core/load: parse, call, print.
#include "cli/profile_command.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <algorithm>
#include <optional>

#include "cli/cli_support.hpp"
#include "core/common/atomic_file.hpp"
#include "core/load/meter_folder.hpp"
#include "core/load/profiles.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/report/text_table.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::cli {

namespace {

using report::format_number;
using report::format_percent;
using report::TextTable;

constexpr int kDefaultYear = 2025;  // the scenario's default simulated year

struct YearContext {
  time::YearGrid grid;
  time::LocalCalendar calendar;
  load::ProfileContext context() const { return load::ProfileContext{grid, calendar}; }
};

YearContext year_context(int year) {
  if (year < 1971 || year > 2200) throw UsageError(Text{"--year verwacht een jaar van 1971 tot 2200", "--year expects a year from 1971 to 2200"});
  YearContext y{time::make_year_grid(year), {}};
  y.calendar = time::make_local_calendar(y.grid, time::brussels_time_zone());
  return y;
}

std::string season_name(load::Season season, Language language) {
  switch (season) {
    case load::Season::winter: return std::string(tr(language, "winter", "winter"));
    case load::Season::spring: return std::string(tr(language, "lente", "spring"));
    case load::Season::summer: return std::string(tr(language, "zomer", "summer"));
    case load::Season::autumn: return std::string(tr(language, "herfst", "autumn"));
  }
  return "";
}

std::string local_time_text(std::int64_t utc_seconds) {
  return time::iso_local_label(time::brussels_time_zone(), utc_seconds);
}

/// The mean day per season: hourly kW on working days and on Sundays/holidays.
void print_mean_days(std::ostream& out, const Eigen::ArrayXd& kwh, const time::LocalCalendar& calendar,
                     Language language) {
  const bool dutch = language == Language::dutch;
  const load::MeanDayShape shape = load::mean_day_shape(kwh, calendar);
  out << tr(language, "\nGemiddelde dag per seizoen (kW; wd = werkdag, zo = zon- en feestdag)\n",
            "\nMean day per season (kW; wd = working day, su = Sunday or public holiday)\n");
  TextTable table;
  table.add_column(tr(language, "uur", "hour"), TextTable::Align::left);
  std::array<std::array<double, 24>, 2 * load::kSeasonCount> columns{};
  for (int s = 0; s < load::kSeasonCount; ++s) {
    const auto season = static_cast<load::Season>(s);
    table.add_column(season_name(season, language) + " wd");
    table.add_column(season_name(season, language) + (dutch ? " zo" : " su"));
    columns[static_cast<std::size_t>(2 * s)] = load::hourly_means(shape.of(season, time::DayType::working_day));
    columns[static_cast<std::size_t>(2 * s + 1)] = load::hourly_means(shape.of(season, time::DayType::sunday_or_holiday));
  }
  for (std::size_t h = 0; h < 24; ++h) {
    char hour[16];
    std::snprintf(hour, sizeof hour, "%02zu-%02zu", h, h + 1);
    std::vector<std::string> row{hour};
    for (const auto& column : columns) row.push_back(format_number(column[h], 3, dutch));
    table.add_row(row);
  }
  table.print(out);
}

void print_months_and_peak(std::ostream& out, const Eigen::ArrayXd& kwh, const YearContext& year, Language language) {
  const bool dutch = language == Language::dutch;
  const std::array<double, 12> months = load::monthly_kwh(kwh, year.calendar);
  static constexpr const char* kMonthsNl[12] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                "jul", "aug", "sep", "okt", "nov", "dec"};
  static constexpr const char* kMonthsEn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  out << tr(language, "\nMaandtotalen (kWh)\n", "\nMonthly totals (kWh)\n");
  TextTable table;
  for (int m = 0; m < 12; ++m) table.add_column(dutch ? kMonthsNl[m] : kMonthsEn[m]);
  std::vector<std::string> row;
  for (double month : months) row.push_back(format_number(month, 0, dutch));
  table.add_row(row);
  table.print(out);
  Eigen::Index peak = 0;
  kwh.maxCoeff(&peak);
  out << tr(language, "\nHoogste kwartier: ", "\nHighest quarter-hour: ") << format_number(kwh[peak] * 4.0, 2, dutch)
      << " kW (" << local_time_text(year.grid.start_utc_seconds(static_cast<int>(peak))) << ")\n";
}

int inspect(const Arguments& args, std::ostream& out) {
  po::options_description options("Options / opties");
  add_common_options(options);
  options.add_options()("file", po::value<std::string>(), "meter-data file (Mijn Fluvius export, Fluvius open data, timestamp,kwh CSV)")(
      "year", po::value<int>()->default_value(kDefaultYear), "simulated year the data is mapped onto")(
      "format", po::value<std::string>()->default_value("auto"), "auto | csv | fluvius | fluvius_export | fluvius_open_data")(
      "ean", po::value<std::string>(), "meter to read from a file with several (open data)")(
      "timezone", po::value<std::string>(), "zone of timestamps without an offset, e.g. Europe/Brussels");
  po::positional_options_description positional;
  positional.add("file", 1);
  const po::variables_map values = parse_arguments(args, options, positional);
  if (values.count("help") != 0) {
    print_usage(out, "profile inspect FILE [--year 2025] [--format auto] [--ean EAN] [--timezone ZONE]",
                "Reads a meter-data file onto the simulated year and prints its quality, mean days and totals.\n"
                "Leest een meetbestand in op het gesimuleerde jaar en toont kwaliteit, gemiddelde dagen en totalen.",
                options);
    return kExitOk;
  }
  if (values.count("file") == 0) throw UsageError(Text{"welk bestand? deelstroom profile inspect BESTAND", "which file? deelstroom profile inspect FILE"});
  const Language language = language_from(values);
  const bool dutch = language == Language::dutch;
  const YearContext year = year_context(values["year"].as<int>());
  load::ReadOptions read;
  read.format = values["format"].as<std::string>();
  if (values.count("ean") != 0) read.ean = values["ean"].as<std::string>();
  if (values.count("timezone") != 0) read.time_zone = values["timezone"].as<std::string>();
  const load::SeriesFile file = load::read_series_file(values["file"].as<std::string>(), year.context(), read);
  const load::QualityReport& q = file.quality;

  out << tr(language, "Bestand: ", "File: ") << q.file << " (" << load::series_format_name(q.format) << ")";
  if (!q.ean.empty()) out << ", EAN " << q.ean;
  out << "\n"
      << tr(language, "Periode in het bestand: ", "Period in the file: ") << local_time_text(q.first_utc_seconds)
      << " .. " << local_time_text(q.end_utc_seconds) << " (" << format_number(q.rows, 0, dutch)
      << tr(language, " regels, ", " lines, ") << format_number(q.file_intervals, 0, dutch)
      << tr(language, " kwartieren afname, ", " quarter-hours of offtake, ") << format_number(q.file_offtake_kwh, 1, dutch)
      << " kWh)\n";
  out << tr(language, "Jaar ", "Year ") << year.grid.year << tr(language, ": afname ", ": offtake ")
      << format_number(q.year_offtake_kwh, 1, dutch) << " kWh";
  if (q.has_injection) out << tr(language, ", injectie ", ", injection ") << format_number(q.year_injection_kwh, 1, dutch) << " kWh";
  out << "\n"
      << tr(language, "Aangevuld: ", "Filled: ") << format_number(q.filled_intervals, 0, dutch)
      << tr(language, " kwartieren (", " quarter-hours (") << format_percent(q.filled_share(), 1, dutch) << tr(language, ") in ", ") in ")
      << q.gaps.size() << tr(language, " gaten, langste ", " gaps, longest ") << format_number(q.longest_gap_intervals() / 4.0, 2, dutch)
      << " h\n"
      << tr(language, "Geschat door de netbeheerder: ", "Estimated by the grid operator: ")
      << format_number(q.estimated_intervals, 0, dutch) << " (" << format_percent(q.estimated_share(), 1, dutch) << ")\n";
  if (q.mapped_from_other_dates) {
    out << tr(language, "Overgezet per weekdag uit: ", "Mapped by weekday from: ");
    for (std::size_t k = 0; k < q.source_years.size(); ++k) out << (k ? ", " : "") << q.source_years[k];
    out << " (" << q.days_from_other_dates << tr(language, " dagen van een andere datum)\n", " days from another date)\n");
  }
  if (!q.status_counts.empty()) {
    out << tr(language, "Validatiestatus: ", "Validation status: ");
    bool first = true;
    for (const auto& [status, count] : q.status_counts) {
      out << (first ? "" : ", ") << status << " " << format_number(count, 0, dutch);
      first = false;
    }
    out << "\n";
  }
  for (std::size_t g = 0; g < q.gaps.size() && g < 10; ++g) {
    out << tr(language, "  gat: ", "  gap: ") << local_time_text(q.gaps[g].start_utc_seconds) << ", "
        << format_number(q.gaps[g].intervals / 4.0, 2, dutch) << " h\n";
  }
  if (q.gaps.size() > 10) out << "  ... (" << q.gaps.size() - 10 << tr(language, " meer)\n", " more)\n");
  print_mean_days(out, file.kwh, year.calendar, language);
  print_months_and_peak(out, file.kwh, year, language);
  return kExitOk;
}

int generate(const Arguments& args, std::ostream& out) {
  po::options_description options("Options / opties");
  add_common_options(options);
  options.add_options()("type", po::value<std::string>(), "archetype, e.g. couple_retired (see: deelstroom profile list)")(
      "kwh", po::value<double>(), "yearly kWh (default: the archetype's)")(
      "seed", po::value<std::string>()->default_value("1"), "seed, 0 .. 18446744073709551615 (same seed, same series)")(
      "out", po::value<std::string>(), "output CSV (timestamp,kwh; UTC quarter-hour starts)")(
      "year", po::value<int>()->default_value(kDefaultYear), "simulated year")(
      "mean", "the archetype's mean shape instead of one generated household")(
      "heat-pump-kwh", po::value<double>(), "add a heat pump using this many kWh a year")(
      "ev-kwh", po::value<double>(), "add home charging of an EV, this many kWh a year")(
      "charger-kw", po::value<double>()->default_value(7.4), "EV charging power");
  po::positional_options_description positional;
  positional.add("type", 1);
  const po::variables_map values = parse_arguments(args, options, positional);
  if (values.count("help") != 0) {
    print_usage(out, "profile generate TYPE [--kwh N] [--seed S] --out FILE [--year 2025] [--mean]",
                "Generates one household's (or the common parts') quarter-hour offtake and writes it as CSV.\n"
                "Maakt het kwartierverbruik van een huishouden (of de gemene delen) en schrijft het als CSV.",
                options);
    return kExitOk;
  }
  if (values.count("type") == 0) throw UsageError(Text{"welk type huishouden? deelstroom profile generate TYPE (deelstroom profile list)",
                                                        "which archetype? deelstroom profile generate TYPE (deelstroom profile list)"});
  if (values.count("out") == 0) throw UsageError(Text{"waarheen? --out BESTAND", "where to? --out FILE"});
  const Language language = language_from(values);
  const bool dutch = language == Language::dutch;
  const YearContext year = year_context(values["year"].as<int>());
  const std::string type = values["type"].as<std::string>();
  const double kwh = values.count("kwh") != 0 ? values["kwh"].as<double>() : 0.0;
  const bool stochastic = values.count("mean") == 0;
  // Read as text: program_options would wrap "-1" to 18446744073709551615.
  const std::string seed_text = values["seed"].as<std::string>();
  std::uint64_t seed = 0;
  const auto [seed_end, seed_error] = std::from_chars(seed_text.data(), seed_text.data() + seed_text.size(), seed);
  if (seed_text.empty() || seed_error != std::errc() || seed_end != seed_text.data() + seed_text.size()) {
    throw UsageError(fill("--seed verwacht een geheel getal van 0 tot 18446744073709551615, gevonden '{}'",
                          "--seed expects a whole number from 0 to 18446744073709551615, found '{}'", {seed_text}));
  }

  load::LoadSource source;
  const std::vector<std::string> common = load::common_parts_names();
  if (std::find(common.begin(), common.end(), type) != common.end()) {
    source = load::CommonPartsSpec{type, kwh, seed, stochastic};
  } else {
    load::HouseholdSpec spec;
    spec.archetype = type;
    spec.annual_kwh = kwh;
    spec.seed = seed;
    spec.stochastic = stochastic;
    if (values.count("heat-pump-kwh") != 0) {
      spec.heat_pump = load::HeatPumpOption{};
      spec.heat_pump->annual_kwh = values["heat-pump-kwh"].as<double>();
    }
    if (values.count("ev-kwh") != 0) {
      spec.ev = load::EvOption{};
      spec.ev->annual_kwh = values["ev-kwh"].as<double>();
      spec.ev->charger_kw = values["charger-kw"].as<double>();
    }
    source = spec;
  }
  const load::LoadProfile profile = load::make_load_profile(source, year.context());
  const std::string path = values["out"].as<std::string>();
  write_file_atomically(path, [&](std::ostream& file) {
    file << "timestamp,kwh\n";
    char value[32];
    for (int i = 0; i < year.grid.interval_count; ++i) {
      std::snprintf(value, sizeof value, "%.6f", profile.kwh[i]);
      file << time::iso_utc_label(year.grid.start_utc_seconds(i)) << ',' << value << '\n';
    }
  });
  out << path << ": " << profile.description << ", " << format_number(profile.kwh.sum(), 1, dutch)
      << tr(language, " kWh in ", " kWh in ") << year.grid.year << ", " << year.grid.interval_count
      << tr(language, " kwartieren\n", " quarter-hours\n");
  print_months_and_peak(out, profile.kwh, year, language);
  return kExitOk;
}

int list(const Arguments& args, std::ostream& out) {
  po::options_description options("Options / opties");
  add_common_options(options);
  const po::variables_map values = parse_arguments(args, options, {});
  if (values.count("help") != 0) {
    print_usage(out, "profile list", "Lists the archetypes and their default yearly kWh.\nToont de archetypes.", options);
    return kExitOk;
  }
  const Language language = language_from(values);
  const bool dutch = language == Language::dutch;
  const load::ArchetypeLibrary& library = load::archetype_library();
  TextTable table;
  table.add_column(tr(language, "naam", "name"), TextTable::Align::left);
  table.add_column(tr(language, "omschrijving", "description"), TextTable::Align::left);
  table.add_column(tr(language, "kWh/jaar", "kWh/year"));
  for (const auto& household : library.households) {
    table.add_row({household.name, dutch ? household.label_nl : household.label_en, format_number(household.annual_kwh, 0, dutch)});
  }
  table.add_rule();
  for (const auto& parts : library.common_parts) {
    table.add_row({parts.name, dutch ? parts.label_nl : parts.label_en, format_number(parts.annual_kwh, 0, dutch)});
  }
  table.print(out);
  return kExitOk;
}

/// profile import SCENARIO FOLDER|FILE... [--out NEW.toml]: meter exports for a whole
/// building, matched to the apartments by EAN or file name (core/load/meter_folder).
int import_meters(const Arguments& args, std::ostream& out) {
  po::options_description options("Options / opties");
  add_common_options(options);
  options.add_options()("scenario", po::value<std::string>(), "the building's scenario (its apartments, ids and EANs)")(
      "files", po::value<std::vector<std::string>>()->composing(), "a folder of meter exports, or the files")(
      "out", po::value<std::string>(), "write the scenario with each matched apartment on its meter file (may be the same file)");
  po::positional_options_description positional;
  positional.add("scenario", 1).add("files", -1);
  const po::variables_map values = parse_arguments(args, options, positional);
  if (values.count("help") != 0) {
    print_usage(out, "profile import SCENARIO FOLDER|FILE... [--out NEW.toml]",
                "Matches a building's meter exports to its apartments (by EAN, else by the apartment's id in the file name)\n"
                "and shows each apartment's yearly kWh; with --out writes the scenario with the files.\n"
                "Koppelt de meterexports van een gebouw aan de appartementen (op EAN, anders op het nummer in de bestandsnaam).",
                options);
    return kExitOk;
  }
  if (values.count("scenario") == 0 || values.count("files") == 0) {
    throw UsageError(Text{"verwacht: deelstroom profile import SCENARIO MAP|BESTAND... [--out NIEUW.toml]",
                          "expected: deelstroom profile import SCENARIO FOLDER|FILE... [--out NEW.toml]"});
  }
  const Language language = language_from(values);
  const bool dutch = language == Language::dutch;
  scenario::Scenario s = scenario::read_scenario(values["scenario"].as<std::string>());
  std::vector<std::filesystem::path> paths;
  for (const std::string& path : values["files"].as<std::vector<std::string>>()) paths.emplace_back(path);
  std::vector<load::MeterTarget> targets;
  for (const scenario::ApartmentSettings& a : s.apartments) targets.push_back({a.id, a.consumption.ean});
  const std::optional<time::TimeZone> zone = time::time_zone_from_name(s.site.timezone);
  if (!zone) throw UsageError(fill("onbekende tijdzone in het scenario: {}", "unknown time zone in the scenario: {}", {s.site.timezone}));
  const time::YearGrid grid = time::make_year_grid(s.site.year, *zone);
  const time::LocalCalendar calendar = time::make_local_calendar(grid, *zone);
  const load::MeterFolderImport found = load::import_meter_files(load::meter_files(paths), targets, {grid, calendar});

  TextTable table;
  table.add_column(tr(language, "Appartement", "Apartment"), TextTable::Align::left);
  table.add_column(tr(language, "Bestand", "File"), TextTable::Align::left);
  table.add_column(tr(language, "Gekoppeld op", "Matched by"), TextTable::Align::left);
  table.add_column(tr(language, "kWh/jaar", "kWh/year"));
  table.add_column(tr(language, "Aangevuld", "Filled"));
  for (const load::MeterMatch& m : found.matches) {
    table.add_row({targets[m.apartment].id, m.file.filename().string(),
                   m.matched_by == "ean" ? "EAN " + m.quality.ean : std::string(tr(language, "bestandsnaam", "file name")),
                   format_number(m.quality.year_offtake_kwh, 0, dutch), format_percent(m.quality.filled_share(), 1, dutch)});
  }
  table.print(out);
  for (const std::string& id : found.apartments_without_file) {
    out << tr(language, "Geen bestand voor ", "No file for ") << id
        << tr(language, ": het blijft op zijn profiel.\n", ": it keeps its profile.\n");
  }
  for (const std::filesystem::path& file : found.unmatched_files) {
    out << tr(language, "Niet gekoppeld: ", "Not matched: ") << file.string()
        << tr(language, " (geen appartementnummer of EAN herkend)\n", " (no apartment id or EAN recognised)\n");
  }
  if (values.count("out") != 0) {
    const std::filesystem::path target = std::filesystem::absolute(values["out"].as<std::string>());
    for (const load::MeterMatch& m : found.matches) {
      scenario::ConsumptionSettings& c = s.apartments[m.apartment].consumption;
      // Relative to the scenario read (the writer rebases it onto the new file): the folder moves as a whole.
      c.file = std::filesystem::absolute(m.file).lexically_normal()
                   .lexically_relative(std::filesystem::absolute(s.base_directory()).lexically_normal())
                   .generic_string();
      c.file_format = "auto";
      c.archetype.clear();
      c.annual_kwh.reset();
      if (c.ean.empty() && !m.quality.ean.empty()) c.ean = m.quality.ean;
    }
    scenario::write_scenario(s, target);
    out << tr(language, "geschreven: ", "written: ") << target.string() << "\n";
  }
  return kExitOk;
}

void print_overview(std::ostream& out) {
  out << "Usage: deelstroom profile inspect FILE | generate TYPE --out FILE | import SCENARIO FOLDER | list  [--lang nl|en] [--help]\n\n"
      << "  inspect   kwaliteit, gemiddelde dagen en totalen van een meetbestand / quality, mean days, totals of a meter file\n"
      << "  generate  kwartierverbruik van een archetype naar CSV / an archetype's quarter-hours to CSV\n"
      << "  import    meterexports van een heel gebouw koppelen / a whole building's meter exports, matched\n"
      << "  list      de archetypes / the archetypes\n";
}

}  // namespace

int profile_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "profile", args, [&]() {
    if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
      print_overview(out);
      return args.empty() ? kExitUsage : kExitOk;
    }
    const Arguments rest(args.begin() + 1, args.end());
    if (args.front() == "inspect") return inspect(rest, out);
    if (args.front() == "generate") return generate(rest, out);
    if (args.front() == "list") return list(rest, out);
    if (args.front() == "import") return import_meters(rest, out);
    throw UsageError(fill("onbekende actie '{}'; verwacht inspect, generate, import of list",
                          "unknown action '{}'; expected inspect, generate, import or list", {args.front()}));
  });
}

}  // namespace deelstroom::cli
