#include "core/simulation/battery_effect.hpp"

#include "core/simulation/economics_run.hpp"

namespace deelstroom::simulation {

PreparedBuilding without_battery(const PreparedBuilding& building) {
  PreparedBuilding bare = building;
  if (bare.battery) {
    bare.series.production_kwh = bare.pv_production_kwh;
    bare.battery.reset();
    bare.pv_production_kwh = Eigen::ArrayXd();
  }
  return bare;
}

std::optional<BatteryEffect> battery_effect(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                            const KeyRun& run, const economics::EconomicsResult& with) {
  if (!building.battery) return std::nullopt;
  scenario::Scenario plain = scenario;
  plain.battery = {};
  scenario::sync_economics(plain);
  const PreparedBuilding bare = without_battery(building);
  const KeyRun bare_run = run_key(plain, bare, plain.key, false);
  const economics::EconomicsResult without = run_economics(plain, bare, bare_run);

  BatteryEffect e;
  const battery::BatteryDispatch& d = *building.battery;
  e.charged_kwh = d.charged_kwh;
  e.discharged_kwh = d.discharged_kwh;
  e.losses_kwh = d.losses_kwh;
  e.full_cycles = d.full_cycles;
  e.shared_with_kwh = run.settlement.year.shared_kwh;
  e.shared_without_kwh = bare_run.settlement.year.shared_kwh;
  e.injected_with_kwh = run.settlement.year.injected_kwh;
  e.injected_without_kwh = bare_run.settlement.year.injected_kwh;
  e.npv_with_eur = with.association.indicators.npv_eur;
  e.npv_without_eur = without.association.indicators.npv_eur;
  e.investment_eur = with.association.investment.total_eur - without.association.investment.total_eur;
  std::vector<double> extra;
  for (std::size_t y = 0; y < with.association.cash_flows_eur.size() && y < without.association.cash_flows_eur.size(); ++y) {
    extra.push_back(with.association.cash_flows_eur[y] - without.association.cash_flows_eur[y]);
  }
  e.simple_payback_years = economics::indicators_of(extra, with.discount_rate).simple_payback_years;
  return e;
}

}  // namespace deelstroom::simulation
