#pragma once
// Small buildings and round-number settings for the economics tests: every figure they lead
// to can be worked out on paper (the hand calculations are in the tests that use them).
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/economics/evaluate.hpp"
#include "core/sharing/allocation_key.hpp"
#include "core/sharing/settlement.hpp"

namespace deelstroom::economics::test {

/// Round-number tariffs: supplier 0.20 €/kWh + 120 €/year, distribution 0.05, transmission
/// 0.01, levies 0.002 + 0.038, capacity 48 €/kW/year (4 €/kW/month) with a 2.5 kW minimum,
/// data management 12 €/year, VAT 6 %, injection 0.03, internal price 0.10 without VAT.
inline Tariffs simple_tariffs() {
  Tariffs t;
  t.vat_rate = 0.06;
  t.energy.contract = EnergyContract::single;
  t.energy.price_eur_per_kwh = 0.20;
  t.energy.fixed_eur_per_year = 120.0;
  t.network.distribution_eur_per_kwh = 0.05;
  t.network.transmission_eur_per_kwh = 0.01;
  t.network.capacity_eur_per_kw_per_year = 48.0;
  t.network.capacity_min_peak_kw = 2.5;
  t.network.data_management_eur_per_year = 12.0;
  t.levies.energy_contribution_eur_per_kwh = 0.002;
  t.levies.excise_eur_per_kwh = 0.038;
  t.injection.price_eur_per_kwh = 0.03;
  t.sharing.internal_price_eur_per_kwh = 0.10;
  t.sharing.vat_on_internal_price = false;
  return t;
}

/// No escalation at all (every year pays the tariffs as set).
inline Escalation no_escalation() {
  Escalation e;
  e.energy = e.network = e.levies = e.injection = e.internal_price = e.costs = 0.0;
  return e;
}

/// The settings of the hand-worked building: simple_tariffs, Flemish rules; 1000 €/kWp +
/// 6 % VAT, O&M 10 €/kWp/year, insurance 50 €/year, administration 20 €/year + 10 € per
/// participant, inverter every 2 years at 150 €/kWp (+ VAT), half financed at 0 % over 2
/// years; horizon 3 years at 10 %, no escalation, no degradation, split by shares.
inline EconomicsSettings hand_settings() {
  EconomicsSettings s;
  s.tariffs = simple_tariffs();
  s.rules = flanders_rules();
  Investment& inv = s.investment;
  inv.eur_per_kwp = 1000.0;
  inv.quote_eur.reset();
  inv.extra_eur = 0.0;
  inv.subsidy_eur = 0.0;
  inv.vat_rate = 0.06;
  inv.om_eur_per_kwp_per_year = 10.0;
  inv.insurance_eur_per_year = 50.0;
  inv.administration_eur_per_year = 20.0;
  inv.administration_eur_per_participant_per_year = 10.0;
  inv.inverter_lifetime_years = 2;
  inv.inverter_replacement_eur_per_kwp = 150.0;
  inv.loan = Loan{0.5, 0.0, 2};
  Analysis& a = s.analysis;
  a.horizon_years = 3;
  a.discount_rate = 0.10;
  a.degradation_per_year = 0.0;
  a.escalation = no_escalation();
  a.cost_split = CostSplit::shares;
  a.year_evaluation = YearEvaluation::exact;
  return s;
}

/// Settings without any cost but the investment (no fees, no O&M, no loan, no inverter),
/// for tests whose answer is a line or a kink in the price or the size.
inline EconomicsSettings bare_settings() {
  EconomicsSettings s = hand_settings();
  s.tariffs.energy.fixed_eur_per_year = 0.0;
  s.tariffs.network.capacity_eur_per_kw_per_year = 0.0;
  s.tariffs.network.data_management_eur_per_year = 0.0;
  s.investment.vat_rate = 0.0;
  s.investment.om_eur_per_kwp_per_year = 0.0;
  s.investment.insurance_eur_per_year = 0.0;
  s.investment.administration_eur_per_year = 0.0;
  s.investment.administration_eur_per_participant_per_year = 0.0;
  s.investment.inverter_lifetime_years = 0;
  s.investment.loan = Loan{0.0, 0.0, 1};
  s.analysis.discount_rate = 0.0;
  return s;
}

/// An empty January of quarter-hours (31 x 96 intervals, month label 1) for N apartments.
inline sharing::BuildingSeries empty_january(int apartments) {
  const int intervals = 31 * 96;
  sharing::BuildingSeries s;
  s.production_kwh = Eigen::ArrayXd::Zero(intervals);
  s.common_consumption_kwh = Eigen::ArrayXd::Zero(intervals);
  s.offtake_kwh = Eigen::MatrixXd::Zero(apartments, intervals);
  s.month.assign(intervals, 1);
  return s;
}

inline void set_quarter_hour(sharing::BuildingSeries& s, int t, double production, double common,
                             const std::vector<double>& offtake) {
  s.production_kwh[t] = production;
  s.common_consumption_kwh[t] = common;
  for (std::size_t i = 0; i < offtake.size(); ++i) s.offtake_kwh(static_cast<Eigen::Index>(i), t) = offtake[i];
}

/// splitmix64 (Steele, Lea, Flood 2014): deterministic numbers for synthetic series.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// Uniform in [0, 1) from the top 53 bits.
inline double uniform01(std::uint64_t& state) { return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53; }

/// A synthetic non-leap year of quarter-hours (UTC months of 2025) for N apartments: PV of a
/// few kWp (a daily bell 07:00-19:00 scaled by season), a small common load, apartments with
/// random base load and evening peaks; day/night periods 0/1 (night 22:00-07:00 UTC) when
/// `day_night`. Deterministic for a seed.
inline sharing::BuildingSeries synthetic_year(int apartments, bool day_night, std::uint64_t seed = 42) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int intervals = 365 * 96;
  sharing::BuildingSeries s;
  s.production_kwh = Eigen::ArrayXd::Zero(intervals);
  s.common_consumption_kwh = Eigen::ArrayXd::Zero(intervals);
  s.offtake_kwh = Eigen::MatrixXd::Zero(apartments, intervals);
  s.month.resize(intervals);
  if (day_night) {
    s.period_count = 2;
    s.tariff_period.resize(intervals);
  }
  std::uint64_t state = seed;
  int t = 0;
  for (int m = 0; m < 12; ++m) {
    const double season = 0.5 + 0.5 * std::sin(3.14159265358979 * (m + 0.5) / 12.0);
    for (int d = 0; d < kDays[m]; ++d) {
      const double cloud = 0.3 + 0.7 * uniform01(state);
      for (int q = 0; q < 96; ++q, ++t) {
        s.month[t] = static_cast<std::uint8_t>(m + 1);
        const double hour = q / 4.0;
        if (day_night) s.tariff_period[t] = (hour >= 22.0 || hour < 7.0) ? 1 : 0;
        if (hour >= 7.0 && hour < 19.0) {
          s.production_kwh[t] = 1.5 * season * cloud * std::sin(3.14159265358979 * (hour - 7.0) / 12.0);
        }
        s.common_consumption_kwh[t] = 0.03 + 0.05 * uniform01(state);
        for (int i = 0; i < apartments; ++i) {
          const double evening = (hour >= 17.0 && hour < 22.0) ? 0.25 : 0.0;
          s.offtake_kwh(i, t) = 0.04 + 0.02 * i + evening * uniform01(state) + (uniform01(state) < 0.02 ? 0.5 : 0.0);
        }
      }
    }
  }
  return s;
}

/// The building of building_by_hand_test.cpp: three apartments (shares 500/300/200, C rented),
/// five non-zero quarter-hours in January, a fixed key 50/30/20 in one round.
struct HandBuilding {
  static constexpr int t0 = 8;     // 1 January 02:00 UTC
  static constexpr int t1 = 1196;  // 13 January 11:00 UTC
  static constexpr int t2 = 1296;  // 14 January 12:00 UTC
  static constexpr int t3 = 2000;  // 21 January 20:00 UTC
  static constexpr int t4 = 2900;  // 31 January 05:00 UTC

  sharing::BuildingSeries series = empty_january(3);
  sharing::KeySchedule schedule;
  std::vector<Apartment> apartments;

  HandBuilding() {
    set_quarter_hour(series, t0, 0.0, 0.2, {0.3, 0.1, 0.0});
    set_quarter_hour(series, t1, 2.0, 1.0, {1.0, 0.2, 0.4});
    set_quarter_hour(series, t2, 1.0, 0.1, {0.2, 0.5, 0.0});
    set_quarter_hour(series, t3, 0.4, 0.9, {0.1, 0.1, 0.1});
    set_quarter_hour(series, t4, 0.0, 0.0, {0.8, 0.0, 0.0});
    Eigen::ArrayXd weights(3);
    weights << 0.5, 0.3, 0.2;
    schedule.keys = {sharing::fixed_key(weights)};
    apartments = {{"A", 500.0, true, true, std::nullopt},
                  {"B", 300.0, true, true, std::nullopt},
                  {"C", 200.0, true, false, std::nullopt}};
  }
};

}  // namespace deelstroom::economics::test
