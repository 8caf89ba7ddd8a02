#pragma once
// The engine: from a scenario to the building's quarter-hour series (the heavy, cached part:
// sun, weather, PV, consumption profiles) and from those series to a key's settlement (the
// light part a GUI re-runs on every slider move).
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/economics/evaluate.hpp"
#include "core/load/profile_context.hpp"
#include "core/pv/array.hpp"
#include "core/scenario/scenario.hpp"
#include "core/battery/battery.hpp"
#include "core/sharing/settlement.hpp"
#include "core/simulation/key_resolution.hpp"
#include "core/solar/solar_position.hpp"
#include "core/solar/weather.hpp"
#include "core/time/year_grid.hpp"

namespace deelstroom::simulation {

/// Work shared between buildings and threads: sun positions per (location, year) and weather
/// per (source, location, year). Thread-safe.
class SimulationCaches {
 public:
  std::shared_ptr<const solar::SolarPositions> positions(const solar::Site& site, const time::YearGrid& grid);
  std::shared_ptr<const solar::Weather> weather(const scenario::Scenario& scenario, const time::YearGrid& grid,
                                                const solar::SolarPositions& positions);
  /// The local calendar of a year in a time zone (DST, holidays, school holidays).
  std::shared_ptr<const time::LocalCalendar> calendar(const time::YearGrid& grid, const std::string& time_zone_name);
  /// A modelled array's year on cached weather, sun and calendar (the objects these caches
  /// returned: identity stands for location, year and source). Batches of profile draws
  /// reuse the same roofs; the last kArrayCacheSize distinct arrays are kept (memory stays
  /// flat in sweeps). A hit returns exactly what simulate_array would: same bits.
  std::shared_ptr<const pv::ArrayResult> array_result(const pv::ArrayConfig& config,
                                                      const std::shared_ptr<const solar::Weather>& weather,
                                                      const std::shared_ptr<const solar::SolarPositions>& positions,
                                                      const std::shared_ptr<const time::LocalCalendar>& calendar);
  static constexpr std::size_t kArrayCacheSize = 16;

 private:
  solar::SolarPositionCache positions_;
  std::mutex calendar_mutex_;
  std::map<std::string, std::shared_ptr<const time::LocalCalendar>> calendars_;
  struct CachedArray {
    pv::ArrayConfig config;
    std::shared_ptr<const solar::Weather> weather;  // held: the identity must not be reused
    std::shared_ptr<const solar::SolarPositions> positions;
    std::shared_ptr<const time::LocalCalendar> calendar;
    std::shared_ptr<const pv::ArrayResult> result;
  };
  std::mutex array_mutex_;
  std::vector<CachedArray> arrays_;  ///< oldest first
  std::mutex weather_mutex_;
  std::map<std::string, std::shared_ptr<const solar::Weather>> weather_;
};

/// One PV array's production over the year.
struct ArrayOutput {
  std::string name;
  std::string meter = "common";            ///< "common" or the apartment whose meter it is behind
  double kwp = 0.0;
  bool measured = false;                   ///< production read from a file
  Eigen::ArrayXd ac_kwh;                   ///< per quarter-hour
  std::array<double, 12> monthly_ac_kwh{};
  double ac_kwh_total = 0.0;
  double poa_kwh_per_m2 = 0.0;             ///< plane-of-array irradiation (modelled arrays)
  double clipping_kwh = 0.0;
  double dc_kwh = 0.0;
  double specific_yield_kwh_per_kwp() const { return kwp > 0.0 ? ac_kwh_total / kwp : 0.0; }
};

/// Where a connection's consumption came from, for reports and data-quality notes.
struct ConsumptionOrigin {
  std::string label;                       ///< "couple_retired, 2400 kWh (generated, seed 123)" or the file
  double annual_kwh = 0.0;
  /// What the connection injects itself in the year (own PV behind its meter: the injection
  /// registers of its meter file, and/or arrays with meter = this apartment), kWh.
  double annual_injection_kwh = 0.0;
  /// Its own PV production (arrays behind its meter), kWh/year, and the part used at once.
  double own_pv_kwh = 0.0;
  double own_pv_self_consumed_kwh = 0.0;
  std::vector<Text> notes;                 ///< gaps filled, estimated values, ...
};

/// The heavy inputs of one building, ready for any key.
struct PreparedBuilding {
  time::YearGrid grid;
  time::LocalCalendar calendar;
  std::shared_ptr<const solar::SolarPositions> positions;
  std::shared_ptr<const solar::Weather> weather;
  std::vector<ArrayOutput> arrays;
  /// production (sum of the common arrays, with a battery: PV - charge + discharge), common, apartments
  sharing::BuildingSeries series;
  /// series_totals(series), shared by every settlement of the building (set with the tariff
  /// periods by apply_tariff_periods; null while the series is incomplete).
  std::shared_ptr<const sharing::SeriesTotals> totals;
  /// With a [battery]: its dispatch, and the PV alone on the common connection (the
  /// production before the battery), kWh per interval.
  std::optional<battery::BatteryDispatch> battery;
  Eigen::ArrayXd pv_production_kwh;
  ConsumptionOrigin common_origin;
  std::vector<ConsumptionOrigin> apartment_origins;
  std::vector<Text> warnings;
};

/// A PVGIS file whose latitude differs from the site's by more than this gets a warning.
inline constexpr double kMaxWeatherLatitudeDifferenceDeg = 0.5;

/// Builds the heavy inputs. Throws InputError for unreadable weather or meter files.
PreparedBuilding prepare_building(const scenario::Scenario& scenario, SimulationCaches& caches);

/// The consumption profile of one connection (archetype generated with its seed, or a file).
/// `prepared`: the building's load context (load::prepare_context), to share between the
/// connections of a building; prepared here when null.
/// `injection`, when given, receives the injection registers of a measured file (empty when
/// the file has none or the profile is generated).
Eigen::ArrayXd consumption_series(const scenario::Scenario& scenario, const scenario::ConsumptionSettings& settings,
                                  const std::string& connection_id, const PreparedBuilding& building,
                                  ConsumptionOrigin& origin, const load::PreparedContext* prepared = nullptr,
                                  Eigen::ArrayXd* injection = nullptr);

/// The seed of a connection's generated profile: its own when set, else derived from the
/// scenario seed and the connection id (stable when apartments are reordered).
std::uint64_t consumption_seed(const scenario::Scenario& scenario, const scenario::ConsumptionSettings& settings,
                               const std::string& connection_id);

/// One key applied to the building.
struct KeyRun {
  ResolvedKey key;
  sharing::SettlementResult settlement;
};

/// Resolves and settles a key on prepared inputs. `energy_only`: the flows without the round
/// buckets and the unmet count (SettlementOptions::energy_only), for batches, whose tables
/// hold neither.
KeyRun run_key(const scenario::Scenario& scenario, const PreparedBuilding& building, const scenario::KeySettings& key,
               bool keep_series = true, bool energy_only = false);

}  // namespace deelstroom::simulation

namespace deelstroom::simulation {

/// One labelled key of a comparison and its settlement.
struct ComparedKey {
  std::string label;
  scenario::KeySettings key;
  bool offered = false;  ///< the region's DSO computes it (else a what-if)
  KeyRun run;
  std::optional<economics::EconomicsResult> economics;  ///< when asked for
};

/// Every key of comparison_keys() settled on the same prepared building (no series kept),
/// with each key's bills, cash flows and indicators when `with_economics`.
std::vector<ComparedKey> compare_keys(const scenario::Scenario& scenario, const PreparedBuilding& building, bool dutch,
                                      bool with_economics = false);

}  // namespace deelstroom::simulation
