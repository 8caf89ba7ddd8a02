#pragma once
// The energy quantities the bills and accounts need, per month (and tariff period), for the
// building without PV and for each year of the horizon with PV (economics.md §2: production
// degrades each year, and the shared volume is not linear in production).
//
// Preparing the basis is where the quarter-hours are walked (settle_year and a few passes);
// evaluating money on it (evaluate.hpp) touches only monthly figures, so tariff changes in
// the GUI and searches over the internal price need no new settlement.
#include <vector>

#include <Eigen/Core>

#include "core/economics/settings.hpp"
#include "core/sharing/settlement.hpp"

namespace deelstroom::economics {

/// Energy of the building without PV (what every connection takes from the grid).
struct BaseEnergy {
  int apartment_count = 0;
  int period_count = 1;
  Eigen::ArrayXXd offtake_kwh;       ///< N x 12P, column month*P + period: C_i
  Eigen::ArrayXXd offtake_spot_eur;  ///< N x 12: sum_t day-ahead[€/kWh] x C_i(t) (dynamic only, else 0)
  Eigen::ArrayXXd peak_kw;           ///< N x 12: monthly peak of C_i x 4
  Eigen::ArrayXd common_kwh;         ///< 12P: Cc
  Eigen::ArrayXd common_spot_eur;    ///< 12
  Eigen::ArrayXd common_peak_kw;     ///< 12: monthly peak of Cc x 4
  /// What apartments inject themselves (own PV behind their meter), sold to their supplier
  /// when nothing is shared: N x 12P, and its day-ahead value N x 12 (dynamic only).
  Eigen::ArrayXXd injection_kwh;
  Eigen::ArrayXXd injection_spot_eur;
};

/// Energy of one building-year with PV at one production scale, under the key schedule.
struct SettledEnergy {
  double production_scale = 1.0;
  Eigen::ArrayXXd shared_kwh;        ///< N x 12P: a_i
  Eigen::ArrayXXd shared_spot_eur;   ///< N x 12: sum_t day-ahead x a_i(t) (dynamic only)
  Eigen::ArrayXd production_kwh;     ///< 12: P
  Eigen::ArrayXd common_self_consumption_kwh;  ///< 12: Sc
  Eigen::ArrayXd common_grid_kwh;    ///< 12P: Cc - Sc
  Eigen::ArrayXd common_grid_spot_eur;  ///< 12
  Eigen::ArrayXd common_peak_kw;     ///< 12: monthly peak of (Cc - Sc) x 4
  Eigen::ArrayXd injected_kwh;       ///< 12P: the common connection's rest R_c
  Eigen::ArrayXd injected_spot_eur;  ///< 12
  /// The part of each apartment's own injection that was shared (it earns the internal
  /// price), N x 12P, and its day-ahead value N x 12 (dynamic only).
  Eigen::ArrayXXd injection_shared_kwh;
  Eigen::ArrayXXd injection_shared_spot_eur;

  /// What the common connection supplied to sharing: sum_i a_i - sum_i s_i, per 12P.
  Eigen::ArrayXd common_shared_kwh() const;
  /// Injection of the common connection without sharing (all it injects is sold): R_c plus
  /// what it supplied to sharing, per 12P.
  Eigen::ArrayXd injected_without_sharing_kwh() const;
  Eigen::ArrayXd injected_without_sharing_spot_eur() const;  ///< 12
};

/// The base energy of a building (no PV). `day_ahead_eur_per_mwh` is empty or has one price
/// per interval.
/// `totals`: sharing::series_totals(series) when at hand (the apartments' sums and peaks are
/// then taken from it, same bits).
BaseEnergy base_energy(const sharing::BuildingSeries& series,
                       const std::vector<double>& day_ahead_eur_per_mwh, bool series_validated = false,
                       const sharing::SeriesTotals* totals = nullptr);

/// Settles the building-year at one production scale (settle_year with production_scale)
/// and gathers the monthly figures, kWh and €. `series_validated`: the series has passed
/// sharing::validate_series already (skips its value checks).
SettledEnergy settle_energy(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                            double production_scale, const std::vector<double>& day_ahead_eur_per_mwh,
                            bool series_validated = false, const sharing::SeriesTotals* totals = nullptr);

/// The monthly figures of a settlement already made (its production_scale is the one it was
/// settled at). With a dynamic contract the settlement must have kept its series.
SettledEnergy gather_energy(const sharing::BuildingSeries& series, const sharing::SettlementResult& settled,
                            const std::vector<double>& day_ahead_eur_per_mwh);

/// Work already done that prepare_energy_basis may reuse instead of walking the year again:
/// the building's base energy (key-independent; shared when comparing keys) and a settlement
/// of the same series and schedule (used for the node whose production scale it has, usually
/// year 1). The caller guarantees they belong to the series and schedule passed.
struct BasisShortcuts {
  const BaseEnergy* base = nullptr;
  const sharing::SettlementResult* settlement = nullptr;
  /// The series has passed sharing::validate_series already (the engine's prepared buildings
  /// have): the O(N x T) value checks are not repeated.
  bool series_validated = false;
  /// sharing::series_totals of the series (settlements then skip the key-independent sums).
  const sharing::SeriesTotals* totals = nullptr;
};

/// The energy of every year of the horizon.
struct EnergyBasis {
  BaseEnergy base;
  YearEvaluation evaluation = YearEvaluation::interpolated;
  int horizon_years = 25;
  double size_scale = 1.0;            ///< production multiplier for the PV size (1 = as simulated)
  double degradation_per_year = 0.0;
  std::vector<int> node_years;        ///< the years actually settled (ascending)
  std::vector<SettledEnergy> nodes;

  /// Production scale of year y: size_scale x (1 - d)^(y - 1).
  double production_scale(int year) const;
  /// The energy of year y (1..H): a settled node, or (interpolated) the quadratic Lagrange
  /// interpolation in the production scale through the nodes of years 1, mid and H.
  SettledEnergy year(int year) const;
  /// The same without copying: the node itself when year y was settled, else the
  /// interpolation written into `scratch` (its arrays are reused once they have their sizes,
  /// so the evaluation walks the horizon without allocating a year).
  const SettledEnergy& year_of(int year, SettledEnergy& scratch) const;
};

/// Settles what the horizon needs: every year (exact), or years 1, round((1+H)/2) and H
/// (interpolated; all years when H <= 3). Without degradation one settlement serves all years.
/// Throws InputError when the day-ahead series does not match the building series, and
/// std::invalid_argument when the series' tariff periods do not fit the contract.
EnergyBasis prepare_energy_basis(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                                 const EconomicsSettings& settings, double size_scale = 1.0,
                                 const BasisShortcuts& shortcuts = {});

}  // namespace deelstroom::economics
