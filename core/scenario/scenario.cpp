#include "core/scenario/scenario.hpp"

#include "core/common/error.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/sharing/rule_set.hpp"

namespace deelstroom::scenario {

std::filesystem::path Scenario::base_directory() const {
  if (source_file.empty()) return std::filesystem::current_path();
  const std::filesystem::path parent = source_file.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

std::filesystem::path Scenario::resolve(const std::string& path) const {
  const std::filesystem::path p(path);
  return p.is_absolute() ? p : base_directory() / p;
}

int Scenario::apartment_index(const std::string& id) const {
  for (std::size_t i = 0; i < apartments.size(); ++i) {
    if (apartments[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void sync_economics(Scenario& scenario) {
  economics::EconomicsSettings& money = scenario.economics;
  if (money.rules.name != scenario.rules.set) {
    // Another region (an editor changed [rules] set): its tariff file for the same year, at
    // its default area, with the agreement and contract kept. Without such a file the
    // tariffs stay.
    try {
      set_tariff_year_and_area(scenario, money.tariffs.year, "");
    } catch (const InputError& error) {
      scenario.warnings.push_back(error.text() + fill("; de tarieven van {} blijven", "; the tariffs of {} are kept", {money.rules.name}));
      money.rules.name = scenario.rules.set;
    }
  }
  money.analysis.degradation_per_year = scenario.pv.degradation_pct_per_year / 100.0;
  const BatterySettings& battery = scenario.battery;
  money.investment.battery_eur = battery.enabled() ? battery.cost_eur : 0.0;
  money.investment.battery_lifetime_years = battery.lifetime_years;
  money.investment.battery_replacement_eur = battery.enabled() ? battery.replacement_eur.value_or(battery.cost_eur) : 0.0;
}

void set_tariff_year_and_area(Scenario& scenario, int year, const std::string& dso_area) {
  economics::EconomicsSettings region = default_economics_settings(scenario.rules.set, year, dso_area);
  region.tariffs.sharing = scenario.economics.tariffs.sharing;
  region.tariffs.energy.contract = scenario.economics.tariffs.energy.contract;
  region.tariffs.energy.day_ahead_file = scenario.economics.tariffs.energy.day_ahead_file;
  region.tariffs.energy.day_ahead_eur_per_mwh = scenario.economics.tariffs.energy.day_ahead_eur_per_mwh;
  scenario.economics.tariffs = region.tariffs;
  scenario.economics.rules = region.rules;
}

Scenario default_scenario() {
  Scenario s;
  s.economics = default_economics_settings(s.rules.set, economics::kDefaultTariffYear, "");
  s.site.name = "Nieuw gebouw";
  PvArraySettings roof;
  roof.name = "Dak zuid";
  roof.kwp = 15.0;
  s.pv.arrays.push_back(roof);
  s.common.archetype = "common_basic";
  s.common.annual_kwh = 3000.0;
  const char* types[] = {"couple_retired", "couple_working", "single_working", "family_children",
                         "single_retired", "home_worker"};
  const double kwh[] = {2200, 2500, 1600, 3500, 1500, 2400};
  for (int i = 0; i < 6; ++i) {
    ApartmentSettings a;
    a.id = "A" + std::to_string(i + 1);
    a.shares = i < 4 ? 170.0 : 160.0;
    a.consumption.archetype = types[i];
    a.consumption.annual_kwh = kwh[i];
    s.apartments.push_back(a);
  }
  s.key.type = "optimal";
  s.key.preset = "equal";
  sync_economics(s);
  return s;
}

}  // namespace deelstroom::scenario
