#include "core/simulation/engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/load/profiles.hpp"
#include "core/pv/array.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/simulation/economics_run.hpp"

namespace deelstroom::simulation {

namespace {

/// The reader's data-quality sentences in both languages (same sentences, same order).
std::vector<Text> quality_notes(const load::QualityReport& quality) {
  const std::vector<std::string> dutch = quality.notes(Language::dutch);
  const std::vector<std::string> english = quality.notes(Language::english);
  std::vector<Text> notes;
  for (std::size_t i = 0; i < dutch.size() && i < english.size(); ++i) notes.push_back(Text{dutch[i], english[i]});
  return notes;
}

/// splitmix64 finaliser: a well-mixed 64-bit hash step.
std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

solar::Site site_of(const scenario::Scenario& s) {
  return solar::Site{s.site.latitude_deg, s.site.longitude_deg, s.site.elevation_m};
}

pv::ArrayConfig array_config(const scenario::PvArraySettings& a) {
  pv::ArrayConfig config;
  config.name = a.name;
  config.kwp = a.kwp;
  config.tilt_deg = a.tilt_deg;
  config.azimuth_deg = a.azimuth_deg;
  config.inverter_ac_kw = a.inverter_ac_kw.value_or(0.0);
  config.gamma_pct_per_c = a.gamma_pct_per_c;
  config.albedo = a.albedo;
  config.transposition = a.transposition == "isotropic"    ? solar::TranspositionModel::isotropic
                         : a.transposition == "hay_davies" ? solar::TranspositionModel::hay_davies
                                                           : solar::TranspositionModel::perez;
  config.iam = a.iam == "ashrae" ? solar::IamModel::ashrae : a.iam == "none" ? solar::IamModel::none : solar::IamModel::physical;
  const scenario::LossSettings& l = a.losses;
  pv::SystemLosses& losses = config.losses;
  losses.total_pct = l.total_pct;
  losses.soiling_pct = l.soiling_pct.value_or(losses.soiling_pct);
  losses.shading_pct = l.shading_pct.value_or(losses.shading_pct);
  losses.snow_pct = l.snow_pct.value_or(losses.snow_pct);
  losses.mismatch_pct = l.mismatch_pct.value_or(losses.mismatch_pct);
  losses.wiring_pct = l.wiring_pct.value_or(losses.wiring_pct);
  losses.connections_pct = l.connections_pct.value_or(losses.connections_pct);
  losses.light_induced_degradation_pct = l.light_induced_degradation_pct.value_or(losses.light_induced_degradation_pct);
  losses.nameplate_rating_pct = l.nameplate_rating_pct.value_or(losses.nameplate_rating_pct);
  losses.age_pct = l.age_pct.value_or(losses.age_pct);
  losses.availability_pct = l.availability_pct.value_or(losses.availability_pct);
  return config;
}

std::array<double, 12> monthly_sums(const Eigen::ArrayXd& series, const time::LocalCalendar& calendar) {
  std::array<double, 12> months{};
  for (Eigen::Index t = 0; t < series.size(); ++t) months[calendar.month[static_cast<std::size_t>(t)] - 1u] += series[t];
  return months;
}

load::ProfileContext profile_context(const PreparedBuilding& building) {
  load::ProfileContext context{building.grid, building.calendar};
  context.positions = building.positions.get();
  context.outdoor_temp_c = building.weather ? &building.weather->temp_air_c : nullptr;
  return context;
}

}  // namespace

std::shared_ptr<const solar::SolarPositions> SimulationCaches::positions(const solar::Site& site, const time::YearGrid& grid) {
  return positions_.get(site, grid);
}

std::shared_ptr<const solar::Weather> SimulationCaches::weather(const scenario::Scenario& s, const time::YearGrid& grid,
                                                                const solar::SolarPositions& positions) {
  std::ostringstream key;
  key.precision(17);
  key << (s.weather.source == scenario::WeatherSource::pvgis ? s.resolve(s.weather.file).lexically_normal().string()
                                                             : std::string("embedded"))
      << "|" << s.site.latitude_deg << "|" << s.site.longitude_deg << "|" << s.site.elevation_m << "|" << grid.year << "|" << grid.first_utc_seconds << "|" << s.weather.timing;
  std::lock_guard<std::mutex> lock(weather_mutex_);
  auto found = weather_.find(key.str());
  if (found != weather_.end()) return found->second;
  std::shared_ptr<const solar::Weather> weather;
  if (s.weather.source == scenario::WeatherSource::pvgis) {
    solar::PvgisOptions options;
    options.timing = s.weather.timing == "label" ? solar::PvgisTiming::label_centred : solar::PvgisTiming::label_plus_offset_centred;
    weather = std::make_shared<const solar::Weather>(solar::load_pvgis_weather(s.resolve(s.weather.file), grid, positions, options));
  } else {
    weather = std::make_shared<const solar::Weather>(solar::embedded_weather(site_of(s), grid, positions));
  }
  weather_.emplace(key.str(), weather);
  return weather;
}

std::uint64_t consumption_seed(const scenario::Scenario& scenario, const scenario::ConsumptionSettings& settings,
                               const std::string& connection_id) {
  if (settings.seed) return *settings.seed;
  return mix64(scenario.seed ^ mix64(fnv1a(connection_id)));
}

std::shared_ptr<const time::LocalCalendar> SimulationCaches::calendar(const time::YearGrid& grid,
                                                                    const std::string& time_zone_name) {
  const std::string key = time_zone_name + "|" + std::to_string(grid.year) + "|" + std::to_string(grid.first_utc_seconds);
  std::lock_guard<std::mutex> lock(calendar_mutex_);
  auto found = calendars_.find(key);
  if (found != calendars_.end()) return found->second;
  const auto zone = time::time_zone_from_name(time_zone_name);
  if (!zone) throw InputError({"", 0, 0, "site.timezone"}, fill("onbekende tijdzone \"{}\"", "unknown time zone \"{}\"", {time_zone_name}));
  auto calendar = std::make_shared<const time::LocalCalendar>(time::make_local_calendar(grid, *zone));
  calendars_.emplace(key, calendar);
  return calendar;
}

std::shared_ptr<const pv::ArrayResult> SimulationCaches::array_result(
    const pv::ArrayConfig& config, const std::shared_ptr<const solar::Weather>& weather,
    const std::shared_ptr<const solar::SolarPositions>& positions, const std::shared_ptr<const time::LocalCalendar>& calendar) {
  {
    std::lock_guard<std::mutex> lock(array_mutex_);
    for (const CachedArray& cached : arrays_) {
      if (cached.weather == weather && cached.positions == positions && cached.calendar == calendar && cached.config == config) {
        return cached.result;
      }
    }
  }
  // Computed outside the lock (other threads go on); two threads may compute the same array
  // once each, with the same bits.
  auto result = std::make_shared<const pv::ArrayResult>(pv::simulate_array(config, *weather, *positions, *calendar));
  std::lock_guard<std::mutex> lock(array_mutex_);
  if (arrays_.size() >= kArrayCacheSize) arrays_.erase(arrays_.begin());
  arrays_.push_back({config, weather, positions, calendar, result});
  return result;
}

Eigen::ArrayXd consumption_series(const scenario::Scenario& scenario, const scenario::ConsumptionSettings& settings,
                                  const std::string& connection_id, const PreparedBuilding& building,
                                  ConsumptionOrigin& origin, const load::PreparedContext* prepared,
                                  Eigen::ArrayXd* injection) {
  const load::ProfileContext context = profile_context(building);
  std::optional<load::PreparedContext> own;
  if (!prepared && !settings.measured()) {
    own = load::prepare_context(context);
    prepared = &*own;
  }
  Eigen::ArrayXd series;
  std::optional<double> summed_kwh;  // series.sum(), when the generator gave it
  if (settings.measured()) {
    load::ReadOptions options;
    options.format = settings.file_format;
    options.ean = settings.ean;
    const load::SeriesFile file = load::read_series_file(scenario.resolve(settings.file), context, options);
    series = file.kwh;
    if (injection != nullptr && file.injection_kwh && file.injection_kwh->sum() > 0.0) *injection = *file.injection_kwh;
    origin.label = settings.file;
    origin.notes = quality_notes(file.quality);
  } else {
    const std::uint64_t seed = consumption_seed(scenario, settings, connection_id);
    const bool common = connection_id == "common";
    if (common) {
      load::CommonPartsSpec spec;
      spec.archetype = settings.archetype;
      spec.annual_kwh = settings.annual_kwh.value_or(0.0);
      spec.seed = seed;
      spec.stochastic = settings.stochastic;
      series = load::common_parts_profile(spec, *prepared);
    } else {
      load::HouseholdSpec spec;
      spec.archetype = settings.archetype;
      spec.annual_kwh = settings.annual_kwh.value_or(0.0);
      spec.seed = seed;
      spec.stochastic = settings.stochastic;
      if (settings.heat_pump.enabled) {
        load::HeatPumpOption heat_pump;
        if (settings.heat_pump.annual_kwh > 0.0) heat_pump.annual_kwh = settings.heat_pump.annual_kwh;
        spec.heat_pump = heat_pump;
      }
      if (settings.ev.enabled) {
        load::EvOption ev;
        if (settings.ev.annual_kwh > 0.0) ev.annual_kwh = settings.ev.annual_kwh;
        ev.charger_kw = settings.ev.charger_kw;
        spec.ev = ev;
      }
      double series_kwh = 0.0;
      series = load::generate_household(spec, *prepared, series_kwh);
      summed_kwh = series_kwh;
    }
    std::ostringstream label;
    label << settings.archetype << (settings.stochastic ? " (seed " + std::to_string(seed) + ")" : " (mean shape)");
    origin.label = label.str();
  }
  origin.annual_kwh = summed_kwh ? *summed_kwh : series.sum();
  return series;
}

namespace {

/// Puts the association's battery on the common connection: dispatches it on the PV and the
/// consumption, keeps the PV alone in pv_production_kwh and makes the series' production
/// the common connection's net production (what the key divides).
void apply_battery(const scenario::Scenario& s, PreparedBuilding& b) {
  battery::BatterySpec spec;
  spec.capacity_kwh = s.battery.capacity_kwh;
  spec.power_kw = s.battery.power_kw;
  spec.round_trip_efficiency = s.battery.round_trip_efficiency;
  std::vector<bool> participates;
  for (const scenario::ApartmentSettings& a : s.apartments) participates.push_back(a.participates);
  if (const auto problem = battery::validate(spec)) {
    throw InputError({s.source_file.string(), 0, 0, "battery." + problem->field}, problem->message);
  }
  sharing::BuildingSeries& series = b.series;
  b.battery = battery::dispatch_battery(spec, series.production_kwh, series.common_consumption_kwh, series.offtake_kwh,
                                        participates, 0.25 /* hours per quarter-hour */);
  b.pv_production_kwh = series.production_kwh;
  series.production_kwh = b.battery->net_production(b.pv_production_kwh);
}

}  // namespace

PreparedBuilding prepare_building(const scenario::Scenario& s, SimulationCaches& caches) {
  PreparedBuilding b;
  const auto zone = time::time_zone_from_name(s.site.timezone);
  if (!zone) throw InputError({s.source_file.string(), 0, 0, "site.timezone"}, fill("onbekende tijdzone \"{}\"", "unknown time zone \"{}\"", {s.site.timezone}));
  b.grid = time::make_year_grid(s.site.year, *zone);  // the local year: local midnight to local midnight
  const std::shared_ptr<const time::LocalCalendar> calendar = caches.calendar(b.grid, s.site.timezone);
  b.calendar = *calendar;
  b.positions = caches.positions(site_of(s), b.grid);
  b.weather = caches.weather(s, b.grid, *b.positions);
  // A weather file for another place: the sun is computed for the site, the irradiance is not
  // (docs/input-limits.md).
  if (const auto& file_latitude = b.weather->metadata.latitude_deg;
      file_latitude && std::abs(*file_latitude - s.site.latitude_deg) > kMaxWeatherLatitudeDifferenceDeg) {
    char file_latitude_text[32], site_latitude_text[32], limit_text[32];
    std::snprintf(file_latitude_text, sizeof file_latitude_text, "%.3f", *file_latitude);
    std::snprintf(site_latitude_text, sizeof site_latitude_text, "%.3f", s.site.latitude_deg);
    std::snprintf(limit_text, sizeof limit_text, "%.1f", kMaxWeatherLatitudeDifferenceDeg);
    b.warnings.push_back(fill("weerbestand {} is voor breedtegraad {}, de site (site.latitude_deg) ligt op {}: meer dan {} "
                              "graad verschil; verwacht het PVGIS-bestand van deze site",
                              "weather file {} is for latitude {}, the site (site.latitude_deg) is at {}: more than {} "
                              "degree apart; expected the PVGIS file of this site",
                              {b.weather->metadata.file, file_latitude_text, site_latitude_text, limit_text}));
  }
  const int t_count = b.grid.interval_count;

  // PV: modelled arrays, or measured production replacing the model.
  sharing::BuildingSeries& series = b.series;
  series.production_kwh = Eigen::ArrayXd::Zero(t_count);
  for (std::size_t k = 0; k < s.pv.arrays.size(); ++k) {
    const scenario::PvArraySettings& settings = s.pv.arrays[k];
    ArrayOutput out;
    out.name = settings.name;
    out.meter = settings.meter;
    out.kwp = settings.kwp;
    if (!settings.file.empty()) {
      load::ReadOptions options;
      options.format = "csv";
      const load::SeriesFile file = load::read_series_file(s.resolve(settings.file), profile_context(b), options);
      out.measured = true;
      out.ac_kwh = file.kwh;
    } else {
      const pv::ArrayConfig config = array_config(settings);
      if (const auto problems = pv::validate(config); !problems.empty()) {
        throw InputError({s.source_file.string(), 0, 0, "pv.arrays[" + std::to_string(k) + "]." + problems.front().field},
                         problems.front().message);
      }
      const std::shared_ptr<const pv::ArrayResult> result = caches.array_result(config, b.weather, b.positions, calendar);
      out.ac_kwh = result->ac_kwh;
      out.poa_kwh_per_m2 = result->poa_kwh_m2_year;
      out.clipping_kwh = result->clipping_kwh_year;
      out.dc_kwh = result->dc_kwh_year;
    }
    out.ac_kwh_total = out.ac_kwh.sum();
    out.monthly_ac_kwh = monthly_sums(out.ac_kwh, b.calendar);
    if (settings.meter == "common") series.production_kwh += out.ac_kwh;
    b.arrays.push_back(std::move(out));
  }

  // Consumption: the common parts and each apartment.
  // One load context for every connection of the building (days, daylight, temperature).
  const load::PreparedContext load_context = load::prepare_context(profile_context(b));
  series.common_consumption_kwh = consumption_series(s, s.common, "common", b, b.common_origin, &load_context);
  const int n = static_cast<int>(s.apartments.size());
  series.offtake_kwh.resize(n, t_count);
  b.apartment_origins.resize(static_cast<std::size_t>(n));
  // The injection matrix exists only when some apartment injects (own PV or a meter file's
  // injection registers): a building without apartment injectors allocates nothing here.
  Eigen::MatrixXd injection;
  bool any_injection = false;
  // Each apartment's year is generated as one contiguous series and moved into the N x T
  // matrix afterwards in cache-sized blocks (sharing::place_offtake_with_totals): writing a
  // row of the column-major matrix directly stores 8 bytes every N x 8 bytes, a cache line
  // per quarter-hour per apartment.
  std::vector<Eigen::ArrayXd> offtakes(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const scenario::ApartmentSettings& a = s.apartments[static_cast<std::size_t>(i)];
    ConsumptionOrigin& origin = b.apartment_origins[static_cast<std::size_t>(i)];
    Eigen::ArrayXd measured_injection;
    Eigen::ArrayXd offtake = consumption_series(s, a.consumption, a.id, b, origin, &load_context, &measured_injection);
    const bool own_arrays =
        std::any_of(b.arrays.begin(), b.arrays.end(), [&](const ArrayOutput& array) { return array.meter == a.id; });
    if (measured_injection.size() == t_count || own_arrays) {
      Eigen::ArrayXd injected = measured_injection.size() == t_count ? measured_injection : Eigen::ArrayXd::Zero(t_count);
      // Own PV behind the apartment's meter covers its own use first (behind the meter, per
      // quarter-hour); only the rest is injected, and that rest is shareable.
      if (own_arrays) {
        Eigen::ArrayXd own_pv = Eigen::ArrayXd::Zero(t_count);
        for (const ArrayOutput& array : b.arrays) {
          if (array.meter == a.id) own_pv += array.ac_kwh;
        }
        if (own_pv.sum() > 0.0) {
          const Eigen::ArrayXd self_consumed = own_pv.min(offtake);
          offtake -= self_consumed;
          injected += own_pv - self_consumed;
          origin.own_pv_kwh = own_pv.sum();
          origin.own_pv_self_consumed_kwh = self_consumed.sum();
        }
      }
      origin.annual_injection_kwh = injected.sum();
      if (origin.annual_injection_kwh > 0.0) {
        if (!any_injection) injection = Eigen::MatrixXd::Zero(n, t_count);
        injection.row(i) = injected.matrix().transpose();
        any_injection = true;
      }
    }
    offtakes[static_cast<std::size_t>(i)] = std::move(offtake);
    for (const Text& note : origin.notes) b.warnings.push_back(verbatim(a.id + ": ") + note);
  }
  if (any_injection) series.injection_kwh = std::move(injection);
  series.month = b.calendar.month;
  set_tariff_periods(series, s.economics.tariffs.energy, b.calendar);
  // The rows into the N x T matrix with the series totals in the same pass (the totals
  // depend on the offtake, the injection and the tariff periods, not on the battery).
  b.totals = std::make_shared<const sharing::SeriesTotals>(sharing::place_offtake_with_totals(offtakes, series));
  if (s.battery.enabled()) apply_battery(s, b);
  if (const std::string problem = sharing::validate_series(series, b.totals.get()); !problem.empty()) {
    throw InputError({s.source_file.string(), 0, 0, ""},
                     fill("interne fout in de tijdreeksen: {}", "internal error in the time series: {}", {problem}));
  }
  return b;
}

KeyRun run_key(const scenario::Scenario& scenario, const PreparedBuilding& building, const scenario::KeySettings& key,
               bool keep_series, bool energy_only) {
  KeyRun run;
  run.key = resolve_key(key, scenario, building.series);
  sharing::SettlementOptions options;
  options.keep_series = keep_series;
  options.energy_only = energy_only;
  options.series_validated = true;  // prepare_building validated the series
  options.totals = building.totals.get();
  run.settlement = sharing::settle_year(building.series, run.key.schedule, options);
  return run;
}

std::vector<ComparedKey> compare_keys(const scenario::Scenario& scenario, const PreparedBuilding& building, bool dutch,
                                      bool with_economics) {
  std::vector<ComparedKey> compared;
  std::optional<economics::BaseEnergy> base;
  if (with_economics) base = building_base_energy(scenario, building);
  const bool dynamic = scenario.economics.tariffs.energy.contract == economics::EnergyContract::dynamic;
  for (const ComparisonKey& candidate : comparison_keys(scenario, dutch)) {
    ComparedKey entry{candidate.label, candidate.key, candidate.offered,
                      run_key(scenario, building, candidate.key, dynamic), std::nullopt};
    if (with_economics) entry.economics = run_economics(scenario, building, entry.run, &*base);
    compared.push_back(std::move(entry));
  }
  return compared;
}

}  // namespace deelstroom::simulation
