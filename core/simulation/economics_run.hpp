#pragma once
// The economics of a scenario on its prepared building: the bridge between the engine's
// energy (PreparedBuilding, KeyRun) and core/economics (bills, the association's account,
// each apartment's cash flows and indicators; economics.md).
#include <vector>

#include "core/economics/decisions.hpp"
#include "core/economics/evaluate.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::simulation {

/// What core/economics needs to know of each apartment, in the scenario's order.
std::vector<economics::Apartment> economic_apartments(const scenario::Scenario& scenario);

/// Installed PV power of the building, kWp (sum over the arrays).
double installed_kwp(const PreparedBuilding& building);

/// The series' tariff periods (period_count and the period of each quarter-hour) for the
/// energy tariff; the totals are left as they are.
void set_tariff_periods(sharing::BuildingSeries& series, const economics::EnergyTariff& tariff,
                        const time::LocalCalendar& calendar);

/// Puts the contract's tariff periods (day/night) into the building's series so settlements
/// return energy per month x period, and works out the series totals anew. Call it when the
/// contract changes on a prepared building (prepare_building sets the periods before it
/// places the rows, and the totals in the same pass).
void apply_tariff_periods(PreparedBuilding& building, const economics::EnergyTariff& tariff);

/// Bills, account, cash flows and indicators of the building under a resolved key. Throws
/// InputError for settings that cannot be evaluated (e.g. a custom split without shares).
economics::EconomicsResult run_economics(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                         const ResolvedKey& key);

/// The same, reusing what is already known: the key's year-1 settlement (`run`) and, when
/// given, the building's base energy (economics::base_energy; the same for every key).
/// Cheaper by one to two walks of the year; the results are the same.
economics::EconomicsResult run_economics(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                         const KeyRun& run, const economics::BaseEnergy* base = nullptr);

/// The building's energy without PV (key-independent), to share between keys.
economics::BaseEnergy building_base_energy(const scenario::Scenario& scenario, const PreparedBuilding& building);

/// The energy basis of the horizon under a key (the settlements the money is evaluated on),
/// for the decision helpers and the GUI (which re-evaluates money on it when tariffs move).
economics::EnergyBasis economics_basis(const scenario::Scenario& scenario, const PreparedBuilding& building,
                                       const ResolvedKey& key, const economics::BasisShortcuts& shortcuts = {});

}  // namespace deelstroom::simulation
