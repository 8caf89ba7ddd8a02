#include "core/simulation/economics_run.hpp"

#include "core/economics/energy_basis.hpp"
#include "core/economics/tariff_periods.hpp"

namespace deelstroom::simulation {

std::vector<economics::Apartment> economic_apartments(const scenario::Scenario& scenario) {
  std::vector<economics::Apartment> apartments;
  apartments.reserve(scenario.apartments.size());
  for (const scenario::ApartmentSettings& a : scenario.apartments) {
    economics::Apartment apartment;
    apartment.id = a.id;
    apartment.shares_per_mille = a.shares;
    apartment.participates = a.participates;
    apartment.owner_occupied = a.occupancy == scenario::Occupancy::owner;
    apartment.custom_cost_share = a.cost_share_pct;
    apartments.push_back(std::move(apartment));
  }
  return apartments;
}

double installed_kwp(const PreparedBuilding& building) {
  double kwp = 0.0;
  for (const ArrayOutput& array : building.arrays) kwp += array.kwp;
  return kwp;
}

void set_tariff_periods(sharing::BuildingSeries& series, const economics::EnergyTariff& tariff,
                        const time::LocalCalendar& calendar) {
  series.period_count = economics::period_count(tariff);
  if (series.period_count == 1) {
    series.tariff_period.clear();
  } else {
    series.tariff_period = economics::tariff_periods(tariff, calendar);
  }
}

void apply_tariff_periods(PreparedBuilding& building, const economics::EnergyTariff& tariff) {
  set_tariff_periods(building.series, tariff, building.calendar);
  // The buckets follow the tariff periods: the series totals are worked out anew.
  building.totals.reset();
  if (sharing::validate_series_shape(building.series).empty()) {
    building.totals = std::make_shared<const sharing::SeriesTotals>(sharing::series_totals(building.series));
  }
}

economics::EnergyBasis economics_basis(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                       const ResolvedKey& key, const economics::BasisShortcuts& shortcuts) {
  economics::BasisShortcuts checked = shortcuts;
  checked.series_validated = true;  // prepare_building validated the series
  if (checked.totals == nullptr) checked.totals = building.totals.get();
  return economics::prepare_energy_basis(building.series, key.schedule, scenario.economics, 1.0, checked);
}

economics::BaseEnergy building_base_energy(const scenario::Scenario& scenario, const PreparedBuilding& building) {
  const economics::EnergyTariff& tariff = scenario.economics.tariffs.energy;
  const std::vector<double> none;
  return economics::base_energy(
      building.series,
      tariff.contract == economics::EnergyContract::dynamic ? tariff.day_ahead_eur_per_mwh : none, true,
      building.totals.get());
}

economics::EconomicsResult run_economics(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                         const KeyRun& run, const economics::BaseEnergy* base) {
  const economics::BasisShortcuts shortcuts{base, &run.settlement};
  return economics::evaluate_economics(economics_basis(scenario, building, run.key, shortcuts),
                                       economic_apartments(scenario), scenario.economics, installed_kwp(building));
}

economics::EconomicsResult run_economics(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                         const ResolvedKey& key) {
  return economics::evaluate_economics(economics_basis(scenario, building, key), economic_apartments(scenario),
                                       scenario.economics, installed_kwp(building));
}

}  // namespace deelstroom::simulation
