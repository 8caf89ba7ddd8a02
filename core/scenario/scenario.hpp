#pragma once
// The scenario: one apartment building as its file describes it (TOML, read and written by
// the core so the CLI, the GUI and the batch runner share one format). This is the file's
// model — what the person wrote, with defaults filled in — not yet the computed series.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/common/text.hpp"
#include "core/economics/settings.hpp"

namespace deelstroom::scenario {

struct SiteSettings {
  std::string name;                      ///< building name for reports
  double latitude_deg = 50.85;           ///< default: Brussels
  double longitude_deg = 4.35;
  double elevation_m = 60.0;
  std::string timezone = "Europe/Brussels";
  int year = 2025;                       ///< simulated calendar year
};

enum class WeatherSource { embedded, pvgis };

struct WeatherSettings {
  WeatherSource source = WeatherSource::embedded;
  std::string file;  ///< PVGIS TMY (CSV or JSON), relative to the scenario file
  /// Where PVGIS hourly irradiance sits in time: "scan_time" (label + the file's Irradiance
  /// Time Offset, the default) or "label" (the hour centred on its label, as pvlib reads it).
  std::string timing = "scan_time";
};

/// PVWatts loss categories in % (pv-model.md step 7); unset = the PVWatts default.
struct LossSettings {
  std::optional<double> total_pct;  ///< one figure for all losses, overrides the categories
  std::optional<double> soiling_pct, shading_pct, snow_pct, mismatch_pct, wiring_pct, connections_pct,
      light_induced_degradation_pct, nameplate_rating_pct, age_pct, availability_pct;
};

struct PvArraySettings {
  std::string name;
  double kwp = 10.0;
  double tilt_deg = 35.0;
  double azimuth_deg = 180.0;              ///< clockwise from north, 180 = south
  std::optional<double> inverter_ac_kw;    ///< unset: the PV model's default ratio
  LossSettings losses;
  double gamma_pct_per_c = -0.4;           ///< power temperature coefficient, %/°C
  std::string transposition = "perez";     ///< perez | hay_davies | isotropic
  std::string iam = "physical";            ///< physical | ashrae
  double albedo = 0.2;
  std::string file;                        ///< measured production (replaces the model)
  /// The meter the array is connected behind: "common" (the association's common
  /// connection, the default) or an apartment's id (that apartment's own PV: it first
  /// covers the apartment's use, the rest is injected by that apartment and shared).
  std::string meter = "common";
};

struct PvSettings {
  std::vector<PvArraySettings> arrays;
  double degradation_pct_per_year = 0.5;   ///< pv-model.md step 9
};

/// Options of the household generator (profiles.md §4).
struct HeatPumpSettings {
  double annual_kwh = 0.0;                 ///< electricity of the heat pump; 0 = generator default
  bool enabled = false;
};
struct EvSettings {
  double annual_kwh = 0.0;                 ///< 0 = generator default
  double charger_kw = 7.4;
  bool enabled = false;
};

/// Where a connection's quarter-hour consumption comes from: an archetype scaled to a
/// yearly kWh (generated, seeded), or a measured file.
struct ConsumptionSettings {
  std::string archetype;                   ///< e.g. couple_retired, common_basic
  std::optional<double> annual_kwh;        ///< unset: the archetype's default
  std::string file;                        ///< measured series (generic CSV or Mijn Fluvius export)
  std::string file_format = "auto";        ///< auto | csv | fluvius
  /// The meter's EAN (digits): picks it from a file holding several meters, and matches an
  /// apartment to its export when a folder of exports is imported (load/meter_folder).
  std::string ean;
  std::optional<std::uint64_t> seed;       ///< unset: derived from the scenario seed and the id
  bool stochastic = true;                  ///< false: the archetype's mean shape
  HeatPumpSettings heat_pump;
  EvSettings ev;

  bool measured() const { return !file.empty(); }
};

enum class Occupancy { owner, tenant };

struct ApartmentSettings {
  std::string id;
  double shares = 0.0;                     ///< in 1/1000ths of the building (aandelen)
  ConsumptionSettings consumption;
  bool participates = true;                ///< takes part in sharing
  Occupancy occupancy = Occupancy::owner;
  std::optional<double> cost_share_pct;    ///< custom split of the association's account
  std::optional<double> investment_eur;    ///< contribution (for the "investment" preset)
};

struct KeySettings;

struct KeyGroupSettings {
  std::vector<std::string> apartments;     ///< ids, served in this group
  std::string type = "fixed";              ///< fixed | relative | optimal | cascade | proportional | hybrid | optimised
  std::string preset = "equal";
  std::vector<double> percentages;         ///< per member, in %, for preset custom
  int rounds = 1;
  double fixed_fraction = 0.5;
};

struct PeriodKeySettings;

struct KeySettings {
  /// One of sharing::key_types(): fixed | relative | optimal (the Fluvius methods) |
  /// cascade | proportional | hybrid | priority | optimised. Files may say "static" (older
  /// files): read as fixed (rounds = 1) or cascade (rounds > 1).
  std::string type = "fixed";
  std::string preset = "equal";            ///< equal | shares | consumption | investment | custom
  std::vector<double> percentages;         ///< one per apartment (file order), in %, for custom
  int rounds = 1;                          ///< cascade and hybrid only: rounds of the fixed part
  std::string later_preset;                ///< a second key for rounds >= 2 (empty = same key)
  std::vector<double> later_percentages;
  double fixed_fraction = 0.5;             ///< hybrid: share of the volume by the static part
  std::string objective = "volume";        ///< optimised: volume | fairness
  std::vector<KeyGroupSettings> groups;    ///< priority groups in order
  std::vector<PeriodKeySettings> periods;  ///< keys valid in some months only
};

struct PeriodKeySettings {
  std::string name;
  std::vector<int> months;                 ///< 1..12
  KeySettings key;                         ///< its own type, preset, rounds ... (no nested periods)
};

/// A rule set (energy-sharing.md §4): which keys a region allows and how shared energy is
/// charged. Flanders is the default.
struct RuleSettings {
  std::string set = "flanders";            ///< flanders | brussels | wallonia | france
  std::optional<int> max_rounds;           ///< a cap on the rounds of a cascade key (what-if); unset: none
};

/// A training case's teaching material ([training]): shown by the calculator beside the case.
struct TrainingNotes {
  std::string notes;                       ///< for the trainer: what the case shows
  std::vector<std::string> questions;      ///< discussion questions for the group

  bool empty() const { return notes.empty() && questions.empty(); }
};

/// [battery]: a battery of the association on the common connection (core/battery).
/// Costs are excl. VAT (the investment's VAT rate applies); 0 kWh = no battery.
struct BatterySettings {
  double capacity_kwh = 0.0;
  double power_kw = 0.0;                   ///< 0 with a capacity: capacity / 2 (a 2-hour battery)
  double round_trip_efficiency = 0.9;
  double cost_eur = 0.0;                   ///< installed, excl. VAT
  int lifetime_years = 15;                 ///< replaced every lifetime_years within the horizon; 0 = never
  std::optional<double> replacement_eur;   ///< unset: cost_eur
  bool enabled() const { return capacity_kwh > 0.0; }
};

struct Scenario {
  std::filesystem::path source_file;       ///< where it was read from (empty when built in memory)
  std::string description;
  std::uint64_t seed = 1;                  ///< seeds the generated profiles
  SiteSettings site;
  WeatherSettings weather;
  PvSettings pv;
  ConsumptionSettings common;
  std::vector<ApartmentSettings> apartments;
  KeySettings key;
  RuleSettings rules;
  BatterySettings battery;
  /// [tariffs], [investment], [economics]; rules and degradation follow [rules] and [pv]
  /// (see sync_economics).
  economics::EconomicsSettings economics;
  TrainingNotes training;                  ///< [training]: notes and questions of a training case
  std::vector<Text> warnings;              ///< problems that do not stop a run

  /// Directory that relative paths in the file are relative to.
  std::filesystem::path base_directory() const;
  /// A path from the file resolved against base_directory().
  std::filesystem::path resolve(const std::string& path) const;
  int apartment_index(const std::string& id) const;  ///< -1 when unknown
};

/// Makes the economic settings follow the rest of the scenario: a changed [rules] set loads
/// that region's tariff file (set_tariff_year_and_area: same year, default area),
/// degradation follows [pv]. Called after reading and by editors (GUI) after changing those.
void sync_economics(Scenario& scenario);

/// Reloads the tariffs from the file of `year` and `dso_area` (empty = default area) of the
/// scenario's region, keeping the sharing agreement and the contract type (editors).
/// Throws InputError when there is no such file or area.
void set_tariff_year_and_area(Scenario& scenario, int year, const std::string& dso_area);

/// A small, valid building (used by the GUI's "new building" and as test base).
Scenario default_scenario();

}  // namespace deelstroom::scenario
