#include "core/load/bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "core/load/profiles.hpp"
#include "core/load/random.hpp"

namespace deelstroom::load {

namespace {

template <typename F>
std::vector<double> samples_ms(int repetitions, F&& f) {
  std::vector<double> samples;
  for (int r = 0; r < std::max(repetitions, 1); ++r) {
    const auto start = std::chrono::steady_clock::now();
    f(r);
    samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(samples.begin(), samples.end());
  return samples;
}

double median(const std::vector<double>& sorted) { return sorted[sorted.size() / 2]; }

/// A year of quarter-hours as Mijn Fluvius writes them (local time, decimal comma, an offtake
/// and an injection register per quarter-hour).
std::string synthetic_fluvius_export(const time::YearGrid& grid, const time::LocalCalendar& calendar) {
  std::ostringstream text;
  text << "Van (datum);Van (tijdstip);Tot (datum);Tot (tijdstip);EAN-code;Meter;Metertype;Register;Volume;Eenheid;"
          "Validatiestatus;Omschrijving\n";
  char line[256];
  for (int i = 0; i < grid.interval_count; ++i) {
    const auto from = time::to_local(calendar.zone, grid.start_utc_seconds(i));
    const auto to = time::to_local(calendar.zone, grid.start_utc_seconds(i) + 900);
    for (const char* reg : {"Afname Dag", "Injectie Dag"}) {
      std::snprintf(line, sizeof line,
                    "%02d-%02d-%04d;%02d:%02d:00;%02d-%02d-%04d;%02d:%02d:00;=\"541448800000000001\";1SAG0000000001;"
                    "Digitale meter;%s;0,%03d;kWh;Gemeten;\n",
                    from.date.day, from.date.month, from.date.year, from.hour, from.minute, to.date.day, to.date.month,
                    to.date.year, to.hour, to.minute, reg, (i * 7) % 500);
      text << line;
    }
  }
  return text.str();
}

}  // namespace

LoadBenchmark run_load_benchmark(int repetitions) {
  LoadBenchmark b;
  const time::YearGrid grid = time::make_year_grid(2025);
  const time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  const ProfileContext context{grid, calendar};
  b.intervals = grid.interval_count;
  b.repetitions = std::max(repetitions, 1);
  b.prepare_context_ms = median(samples_ms(repetitions, [&](int) { (void)prepare_context(context); }));
  const PreparedContext prepared = prepare_context(context);

  double checksum = 0.0;
  std::vector<double> all;
  for (const std::string& name : archetype_names()) {
    HouseholdSpec spec;
    spec.archetype = name;
    const auto samples = samples_ms(repetitions, [&](int r) {
      spec.seed = derive_seed(2025, static_cast<std::uint64_t>(r));
      checksum += generate_household(spec, prepared)[0];
    });
    b.per_archetype_ms.emplace_back(name, median(samples));
    all.insert(all.end(), samples.begin(), samples.end());
  }
  std::sort(all.begin(), all.end());
  b.household_median_ms = median(all);
  b.household_min_ms = all.front();

  HouseholdSpec options;
  options.archetype = "couple_working";
  options.heat_pump = HeatPumpOption{};
  options.ev = EvOption{};
  b.household_with_options_ms = median(samples_ms(repetitions, [&](int r) {
    options.seed = static_cast<std::uint64_t>(r);
    checksum += generate_household(options, prepared)[0];
  }));
  HouseholdSpec mean_shape;
  mean_shape.archetype = "couple_retired";
  mean_shape.stochastic = false;
  b.mean_shape_ms = median(samples_ms(repetitions, [&](int) { checksum += generate_household(mean_shape, prepared)[0]; }));
  CommonPartsSpec common;
  common.archetype = "common_heat_pump";
  b.common_parts_ms = median(samples_ms(repetitions, [&](int r) {
    common.seed = static_cast<std::uint64_t>(r);
    checksum += common_parts_profile(common, prepared)[0];
  }));

  const std::vector<std::string> names = archetype_names();
  b.building_20_ms = median(samples_ms(repetitions, [&](int r) {
    const PreparedContext building = prepare_context(context);
    for (int a = 0; a < 20; ++a) {
      HouseholdSpec spec;
      spec.archetype = names[static_cast<std::size_t>(a) % names.size()];
      spec.seed = derive_seed(static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(a));
      checksum += generate_household(spec, building)[0];
    }
    checksum += common_parts_profile(CommonPartsSpec{}, building)[0];
  }));

  const std::string export_text = synthetic_fluvius_export(grid, calendar);
  b.fluvius_import_ms = median(samples_ms(std::max(1, repetitions / 4), [&](int) {
    std::istringstream input(export_text);
    checksum += read_series_stream(input, "bench.csv", context).kwh[0];
  }));
  if (checksum < 0.0) b.repetitions = -b.repetitions;  // keeps the work observable; never true
  return b;
}

}  // namespace deelstroom::load
