#include "core/scenario/scenario.hpp"

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
  economics::RuleSet& rules = scenario.economics.rules;
  rules.name = scenario.rules.set;
  // Network charges on shared kWh by region (the tariff data files refine these).
  rules.network_charges_on_shared = scenario.rules.set == "brussels"   ? 0.5
                                    : scenario.rules.set == "wallonia" ? 0.75
                                                                       : 1.0;
  // The capacity tariff on the monthly peak exists in Flanders only (since 2023).
  rules.capacity_tariff = scenario.rules.set == "flanders";
  scenario.economics.analysis.degradation_per_year = scenario.pv.degradation_pct_per_year / 100.0;
}

Scenario default_scenario() {
  Scenario s;
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
