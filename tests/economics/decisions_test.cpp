// Decision helpers (economics.md §5) on buildings small enough that the answer is known by
// hand: the fair internal price (every cash flow is a line in the price), the PV size with the
// highest NPV (a kink where production meets demand), and every key side by side.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/economics/decisions.hpp"
#include "tests/economics/economics_fixtures.hpp"

using namespace deelstroom;
using namespace deelstroom::economics;
using namespace deelstroom::economics::test;
using Catch::Detail::Approx;

namespace {

/// 1000 quarter-hours of January with P = 1 kWh, no common load and apartment offtake
/// (0.2, 0.3, 0.5): a proportional key shares everything, so per year the association shares
/// S = 1000 kWh (A 200, B 300, C 500) and injects nothing. Shares 500/300/200; C is rented.
struct PriceBuilding {
  sharing::BuildingSeries series = empty_january(3);
  sharing::KeySchedule schedule;
  std::vector<Apartment> apartments{{"A", 500.0, true, true, std::nullopt},
                                    {"B", 300.0, true, true, std::nullopt},
                                    {"C", 200.0, true, false, std::nullopt}};
  PriceBuilding() {
    for (int t = 0; t < 1000; ++t) set_quarter_hour(series, t, 1.0, 0.0, {0.2, 0.3, 0.5});
    schedule.keys = {sharing::proportional_key(3)};
  }
};

/// bare_settings with a 100 € quote (no VAT) over 10 years.
EconomicsSettings price_settings(double discount_rate) {
  EconomicsSettings s = bare_settings();
  s.investment.quote_eur = 100.0;
  s.analysis.horizon_years = 10;
  s.analysis.discount_rate = discount_rate;
  return s;
}

}  // namespace

// At internal price p (€/kWh), every year: the association earns 1000 p; an occupant saves
// (0.20 x 1.06 - p) a_i = (0.212 - p) a_i (the energy no longer bought, with its VAT; network
// charges stay); an owner gets w_i x 1000 p and paid w_i x 100 at year 0.
TEST_CASE("fair internal price at 0 %: the association's target sets the lowest price", "[economics][decisions]") {
  const PriceBuilding building;
  const EconomicsSettings settings = price_settings(0.0);
  const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, settings);
  FairPriceOptions options;
  options.target_payback_years = 5.0;
  const FairPriceResult result = find_fair_internal_price(basis, building.apartments, settings, 4.0, options);
  // Association: payback 100 / (1000 p) <= 5 -> p >= 0.02.
  REQUIRE(result.association_min_eur_per_kwh.has_value());
  CHECK(*result.association_min_eur_per_kwh == Approx(0.02).margin(2e-6));
  // A (owner-occupied): NPV = -50 + 10 [(0.212 - p) 200 + 500 p] = 374 + 3000 p >= 0 from
  //   p = -0.124667 (no upper bound).
  // B (owner-occupied): -30 + 10 [(0.212 - p) 300 + 300 p] = 606 whatever the price.
  // C (rented): owner -20 + 10 x 200 p >= 0 -> p >= 0.01; tenant (0.212 - p) 500 >= 0 -> p <= 0.212.
  REQUIRE(result.apartments.size() == 3);
  CHECK(*result.apartments[0].min_eur_per_kwh == Approx(-374.0 / 3000.0).margin(1e-9));
  CHECK_FALSE(result.apartments[0].max_eur_per_kwh.has_value());
  CHECK_FALSE(result.apartments[1].min_eur_per_kwh.has_value());
  CHECK_FALSE(result.apartments[1].max_eur_per_kwh.has_value());
  CHECK(result.apartments[1].acceptable_at_some_price);
  CHECK(*result.apartments[2].min_eur_per_kwh == Approx(0.01).margin(1e-9));
  CHECK(*result.apartments[2].max_eur_per_kwh == Approx(0.212).margin(1e-9));
  REQUIRE(result.price_eur_per_kwh.has_value());
  CHECK(*result.price_eur_per_kwh == Approx(0.02).margin(2e-6));
  CHECK(*result.highest_eur_per_kwh == Approx(0.212).margin(1e-9));
  CHECK(result.lower_bound_by == "association");
  CHECK(result.upper_bound_by == "C");
  CHECK(*result.association_payback_years == Approx(5.0).margin(1e-3));
  CHECK(result.non_participants_losing == 0);
}

TEST_CASE("fair internal price at 10 %: a landlord's NPV sets the lowest price", "[economics][decisions]") {
  const PriceBuilding building;
  const EconomicsSettings settings = price_settings(0.10);
  const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, settings);
  FairPriceOptions options;
  options.target_payback_years = 10.0;  // association: 100 / (1000 p) <= 10 -> p >= 0.01
  const FairPriceResult result = find_fair_internal_price(basis, building.apartments, settings, 4.0, options);
  // C's owner: -20 + 200 p x AF >= 0 with AF = (1 - 1.1^-10) / 0.1 = 6.144567 -> p >= 0.1 / AF.
  const double annuity_factor = (1.0 - std::pow(1.1, -10.0)) / 0.1;
  REQUIRE(result.price_eur_per_kwh.has_value());
  CHECK(*result.price_eur_per_kwh == Approx(0.1 / annuity_factor).margin(1e-9));
  CHECK(result.lower_bound_by == "C");
  CHECK(result.upper_bound_by == "C");
  CHECK(*result.association_min_eur_per_kwh == Approx(0.01).margin(2e-6));
  // Payback at that price: 100 / (1000 x 0.016275) = 6.1446 years (= AF, by construction).
  CHECK(*result.association_payback_years == Approx(annuity_factor).margin(1e-6));
  const std::string dutch = explain(result, Language::dutch);
  CHECK(dutch.find("0,0163 €/kWh") != std::string::npos);
  CHECK(dutch.find("appartement C") != std::string::npos);
  CHECK(explain(result, Language::english).find("0.0163 €/kWh") != std::string::npos);
}

TEST_CASE("fair internal price: when no price works, it says why", "[economics][decisions]") {
  const PriceBuilding building;
  const EconomicsSettings settings = price_settings(0.0);
  const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, settings);
  // Payback within 0.4 years needs p >= 0.25, above what C's tenant accepts (0.212).
  FairPriceOptions strict;
  strict.target_payback_years = 0.4;
  const FairPriceResult too_dear = find_fair_internal_price(basis, building.apartments, settings, 4.0, strict);
  CHECK(*too_dear.association_min_eur_per_kwh == Approx(0.25).margin(2e-6));
  CHECK_FALSE(too_dear.price_eur_per_kwh.has_value());
  // Within 0.05 years would need p >= 2 €/kWh, beyond the 1 €/kWh search limit.
  strict.target_payback_years = 0.05;
  const FairPriceResult impossible = find_fair_internal_price(basis, building.apartments, settings, 4.0, strict);
  CHECK_FALSE(impossible.association_min_eur_per_kwh.has_value());
  CHECK_FALSE(impossible.price_eur_per_kwh.has_value());
  CHECK(explain(impossible, Language::dutch).rfind("Geen interne prijs", 0) == 0);
  // A 5000 € quote. B (owner-occupied, 30 %): -1500 + 10 [(0.212 - p) 300 + 300 p] = -864 at
  // every price. C's landlord needs -1000 + 10 x 200 p >= 0 -> p >= 0.5, but C's tenant accepts
  // at most 0.212. Both lose at every price; the explanation names the first.
  EconomicsSettings dear = settings;
  dear.investment.quote_eur = 5000.0;
  const EnergyBasis dear_basis = prepare_energy_basis(building.series, building.schedule, dear);
  FairPriceOptions ten_years;
  ten_years.target_payback_years = 10.0;  // 5000 / (1000 p) <= 10 -> p >= 0.5
  const FairPriceResult loses = find_fair_internal_price(dear_basis, building.apartments, dear, 4.0, ten_years);
  CHECK(*loses.association_min_eur_per_kwh == Approx(0.5).margin(2e-6));
  CHECK(loses.apartments[0].acceptable_at_some_price);
  CHECK_FALSE(loses.apartments[1].acceptable_at_some_price);
  CHECK_FALSE(loses.apartments[2].acceptable_at_some_price);
  CHECK(*loses.apartments[2].min_eur_per_kwh == Approx(0.5).margin(1e-9));
  CHECK_FALSE(loses.price_eur_per_kwh.has_value());
  CHECK(explain(loses, Language::dutch).find("appartement B verliest bij elke prijs") != std::string::npos);
}

TEST_CASE("optimise_pv_size finds the kink where production meets demand", "[economics][decisions]") {
  // 1000 quarter-hours with P = 1 kWh at the simulated 10 kWp, demand 0.37 kWh, no common load.
  // At k kWp: P = 0.1 k per quarter-hour, shared min(0.1 k, 0.37), injected the rest.
  // One year at 0 %, 5 €/kWp, internal 0.10, injection 0.01:
  //   NPV(k) = -5 k + 100 min(0.1 k, 0.37) + 10 max(0.1 k - 0.37, 0)
  //          = 5 k up to 3.7 kWp (18.5 €), then 18.5 - 4 (k - 3.7).
  sharing::BuildingSeries series = empty_january(3);
  for (int t = 0; t < 1000; ++t) set_quarter_hour(series, t, 1.0, 0.0, {0.2, 0.1, 0.07});
  sharing::KeySchedule schedule;
  schedule.keys = {sharing::proportional_key(3)};
  const std::vector<Apartment> apartments{{"A", 400.0, true, true, std::nullopt},
                                          {"B", 300.0, true, true, std::nullopt},
                                          {"C", 300.0, true, true, std::nullopt}};
  EconomicsSettings settings = bare_settings();
  settings.analysis.horizon_years = 1;
  settings.investment.eur_per_kwp = 5.0;
  settings.tariffs.injection.price_eur_per_kwh = 0.01;

  const SizePoint small = evaluate_pv_size(series, schedule, apartments, settings, 10.0, 2.0);
  CHECK(small.association_npv_eur == Approx(10.0).margin(1e-9));
  CHECK(small.investment_eur == Approx(10.0).margin(1e-9));
  CHECK(small.self_consumption_rate == Approx(1.0).margin(1e-12));
  const SizePoint large = evaluate_pv_size(series, schedule, apartments, settings, 10.0, 10.0);
  CHECK(large.association_npv_eur == Approx(18.5 - 4.0 * 6.3).margin(1e-9));
  CHECK(large.self_consumption_rate == Approx(0.37).margin(1e-12));

  const SizeOptimum optimum = optimise_pv_size(series, schedule, apartments, settings, 10.0, 0.0, 10.0, 12);
  CHECK(optimum.best_kwp == Approx(3.7).margin(0.01));
  CHECK(optimum.best_npv_eur == Approx(18.5).margin(0.05));
  CHECK(optimum.best_npv_eur <= 18.5 + 1e-9);
  CHECK(optimum.curve.size() > 13);  // the 13 grid sizes and the refinement
  for (std::size_t k = 1; k < optimum.curve.size(); ++k) CHECK(optimum.curve[k - 1].kwp <= optimum.curve[k].kwp);

  // A quote scales with the size: 50 € quoted for the simulated 10 kWp -> 25 € at 5 kWp.
  settings.investment.quote_eur = 50.0;
  CHECK(evaluate_pv_size(series, schedule, apartments, settings, 10.0, 5.0).investment_eur == Approx(25.0));
  CHECK_THROWS_AS(optimise_pv_size(series, schedule, apartments, settings, 10.0, 5.0, 4.0), std::invalid_argument);
}

TEST_CASE("compare_keys: each key's shared kWh and money, in the order given", "[economics][decisions]") {
  // The hand-worked building (building_by_hand_test.cpp) under its fixed 50/30/20 key and
  // under a proportional key. Proportional: t1 I = 1.0 over C = (1.0, 0.2, 0.4), sum 1.6 ->
  // a = 0.625, 0.125, 0.25; t2 I = 0.9 covers all of C = (0.2, 0.5, 0) -> R = 0.2.
  // Totals: A 0.825, B 0.625, C 0.25 (1.7 kWh), injected 0.2.
  const HandBuilding building;
  sharing::KeySchedule proportional;
  proportional.keys = {sharing::proportional_key(3)};
  const std::vector<EconomicsResult> results =
      compare_keys(building.series, {building.schedule, proportional}, building.apartments, hand_settings(), 4.0);
  REQUIRE(results.size() == 2);
  const double e = 1e-9;
  CHECK(results[0].apartments[0].shared_kwh == Approx(0.7).margin(e));
  CHECK(results[1].apartments[0].shared_kwh == Approx(0.825).margin(e));
  CHECK(results[1].apartments[1].shared_kwh == Approx(0.625).margin(e));
  CHECK(results[1].apartments[2].shared_kwh == Approx(0.25).margin(e));
  // Occupant savings (0.212 - 0.10) x a_i: A 0.0924, B 0.07, C 0.028.
  CHECK(results[1].apartments[0].occupant_saving_eur_per_year == Approx(0.0924).margin(e));
  CHECK(results[1].apartments[1].occupant_saving_eur_per_year == Approx(0.07).margin(e));
  CHECK(results[1].apartments[2].occupant_saving_eur_per_year == Approx(0.028).margin(e));
  // Association: internal 0.17, injection 0.2 x 0.03 = 0.006; the rest as by hand
  // (avoided 6.837, costs 140 + loan 1060): 0.17 + 0.006 + 6.837 - 1200 = -1192.987.
  CHECK(results[1].association.years[1].internal_income_eur == Approx(0.17).margin(e));
  CHECK(results[1].association.years[1].injection_income_eur == Approx(0.006).margin(e));
  CHECK(results[1].association.years[1].net_eur == Approx(-1192.987).margin(e));
  CHECK(results[0].association.years[1].net_eur == Approx(-1193.0101).margin(e));
  // The key changes nothing else: the investment and the bills without PV are the same.
  CHECK(results[1].association.investment.total_eur == results[0].association.investment.total_eur);
  CHECK(results[1].apartments[1].bill_no_pv_eur == results[0].apartments[1].bill_no_pv_eur);
}
