// Identities the economics must keep on any building (economics.md §3): the owners' parts add
// up to the association's result every year, the occupant's saving is the price difference on
// the shared kWh, and sharing below the supplier price never raises a participant's bill.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/common/error.hpp"
#include "core/economics/bill.hpp"
#include "core/economics/energy_basis.hpp"
#include "core/economics/evaluate.hpp"
#include "tests/economics/economics_fixtures.hpp"

using namespace deelstroom;
using namespace deelstroom::economics;
using namespace deelstroom::economics::test;
using Catch::Detail::Approx;

namespace {

/// Four apartments on a synthetic year; D does not take part in sharing (the key gives it 0).
struct YearBuilding {
  sharing::BuildingSeries series;
  sharing::KeySchedule schedule;
  std::vector<Apartment> apartments;

  explicit YearBuilding(bool day_night = false) : series(synthetic_year(4, day_night)) {
    Eigen::ArrayXd weights(4);
    weights << 0.4, 0.35, 0.25, 0.0;
    schedule.keys = {sharing::fixed_key(weights, 2)};
    apartments = {{"A", 300.0, true, true, 2.0},
                  {"B", 300.0, true, false, 1.0},
                  {"C", 250.0, true, true, 1.0},
                  {"D", 150.0, false, true, 0.0}};
  }
};

/// Realistic settings with escalation, degradation, a loan and an inverter replacement.
EconomicsSettings year_settings() {
  EconomicsSettings s;
  s.tariffs = simple_tariffs();
  s.investment.eur_per_kwp = 1200.0;
  s.investment.subsidy_eur = 500.0;
  s.investment.administration_eur_per_participant_per_year = 12.0;
  s.investment.inverter_lifetime_years = 10;
  s.investment.loan = Loan{0.4, 0.045, 8};
  s.analysis.horizon_years = 20;
  s.analysis.discount_rate = 0.03;
  s.analysis.degradation_per_year = 0.005;
  s.analysis.escalation.energy = 0.03;
  s.analysis.escalation.network = 0.025;
  s.analysis.escalation.internal_price = 0.01;
  s.analysis.escalation.injection = -0.01;
  return s;
}

}  // namespace

TEST_CASE("the owners' parts add up to the association's net result every year, for every split",
          "[economics][consistency]") {
  const YearBuilding building;
  for (YearEvaluation evaluation : {YearEvaluation::exact, YearEvaluation::interpolated}) {
    EconomicsSettings settings = year_settings();
    settings.analysis.year_evaluation = evaluation;
    const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, settings);
    for (CostSplit split : {CostSplit::shares, CostSplit::participants, CostSplit::custom}) {
      settings.analysis.cost_split = split;
      const EconomicsResult r = evaluate_economics(basis, building.apartments, settings, 6.0);
      INFO("split " << cost_split_name(split) << ", evaluation " << year_evaluation_name(evaluation));
      REQUIRE(r.association.cash_flows_eur.size() == 21);
      for (std::size_t y = 0; y < r.association.cash_flows_eur.size(); ++y) {
        double owners = 0.0;
        for (const ApartmentResult& a : r.apartments) owners += a.owner_cash_flows_eur[y];
        CHECK(std::abs(owners - r.association.cash_flows_eur[y]) < 0.005);
      }
      double investment_shares = 0.0;
      for (const ApartmentResult& a : r.apartments) investment_shares += a.owner_investment_eur;
      CHECK(std::abs(investment_shares - r.association.equity_eur) < 0.005);
    }
  }
}

TEST_CASE("the cost splits give the shares they promise", "[economics][consistency]") {
  const YearBuilding building;
  // shares: 300/300/250/150 of 1000.
  const std::vector<double> by_shares = cost_shares(building.apartments, CostSplit::shares);
  CHECK(by_shares[0] == Approx(0.30));
  CHECK(by_shares[3] == Approx(0.15));
  // participants: D (not participating) carries nothing; the others 300/300/250 of 850.
  const std::vector<double> by_participants = cost_shares(building.apartments, CostSplit::participants);
  CHECK(by_participants[0] == Approx(300.0 / 850.0));
  CHECK(by_participants[2] == Approx(250.0 / 850.0));
  CHECK(by_participants[3] == 0.0);
  // custom: 2/1/1/0 of 4.
  const std::vector<double> by_custom = cost_shares(building.apartments, CostSplit::custom);
  CHECK(by_custom[0] == Approx(0.5));
  CHECK(by_custom[1] == Approx(0.25));
  CHECK(by_custom[3] == 0.0);

  EconomicsSettings settings = year_settings();
  settings.analysis.cost_split = CostSplit::participants;
  const EconomicsResult r =
      run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  for (double flow : r.apartments[3].owner_cash_flows_eur) CHECK(flow == 0.0);
  // D shares nothing, so as occupant it neither gains nor loses.
  CHECK(r.apartments[3].shared_kwh == 0.0);
  CHECK(r.apartments[3].occupant_saving_eur_per_year == Approx(0.0).margin(1e-9));

  // A custom split without a share for an apartment is an error naming it.
  std::vector<Apartment> missing = building.apartments;
  missing[2].custom_cost_share.reset();
  try {
    cost_shares(missing, CostSplit::custom);
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    CHECK(error.where().field == "apartments[2].cost_share");
  }
}

TEST_CASE("occupant saving = (supplier price - internal price) x shared kWh, VAT as the rules say",
          "[economics][consistency]") {
  struct Case {
    const char* name;
    EnergyContract contract;
    bool vat_on_internal;
  };
  for (const Case& c : {Case{"single", EnergyContract::single, false}, Case{"single, VAT on internal", EnergyContract::single, true},
                        Case{"day/night", EnergyContract::day_night, false}, Case{"dynamic", EnergyContract::dynamic, true}}) {
    INFO(c.name);
    const YearBuilding building(c.contract == EnergyContract::day_night);
    EconomicsSettings settings = year_settings();
    settings.analysis.year_evaluation = YearEvaluation::exact;
    settings.analysis.horizon_years = 4;
    Tariffs& t = settings.tariffs;
    t.energy.contract = c.contract;
    t.energy.day_price_eur_per_kwh = 0.27;
    t.energy.night_price_eur_per_kwh = 0.16;
    t.sharing.vat_on_internal_price = c.vat_on_internal;
    if (c.contract == EnergyContract::dynamic) {
      t.energy.offtake_formula = {1.2, 0.02};
      std::uint64_t state = 7;
      t.energy.day_ahead_eur_per_mwh.resize(building.series.interval_count());
      for (double& p : t.energy.day_ahead_eur_per_mwh) p = -20.0 + 180.0 * uniform01(state);
    }
    const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, settings);
    const EconomicsResult r = evaluate_economics(basis, building.apartments, settings, 6.0);
    const double vat = 1.0 + t.vat_rate;
    for (int y = 1; y <= settings.analysis.horizon_years; ++y) {
      const PriceIndex index = price_index(settings.analysis.escalation, y);
      const SettledEnergy energy = basis.year(y);
      for (int i = 0; i < 4; ++i) {
        // What the supplier no longer sells, with its VAT:
        double supplier_eur = 0.0;
        double shared_kwh = 0.0;
        for (int m = 0; m < 12; ++m) {
          for (int p = 0; p < basis.base.period_count; ++p) {
            const double kwh = energy.shared_kwh(i, m * basis.base.period_count + p);
            shared_kwh += kwh;
            switch (c.contract) {
              case EnergyContract::single: supplier_eur += t.energy.price_eur_per_kwh * kwh; break;
              case EnergyContract::day_night:
                supplier_eur += (p == 0 ? t.energy.day_price_eur_per_kwh : t.energy.night_price_eur_per_kwh) * kwh;
                break;
              case EnergyContract::dynamic: supplier_eur += t.energy.offtake_formula.adder_eur_per_kwh * kwh; break;
            }
          }
          if (c.contract == EnergyContract::dynamic) supplier_eur += t.energy.offtake_formula.factor * energy.shared_spot_eur(i, m);
        }
        const double internal_eur =
            t.sharing.internal_price_eur_per_kwh * index.internal_price * shared_kwh * (c.vat_on_internal ? vat : 1.0);
        const double expected = supplier_eur * index.energy * vat - internal_eur;
        CHECK(r.apartments[i].years[y].occupant_eur == Approx(expected).margin(1e-7));
        CHECK(r.apartments[i].years[y].shared_kwh == Approx(shared_kwh).margin(1e-9));
      }
    }
    CHECK(r.apartments[0].shared_kwh > 10.0);  // the identity is not trivially 0 = 0
  }
}

TEST_CASE("with an internal price below the supplier's, sharing never raises a participant's bill",
          "[economics][consistency]") {
  const YearBuilding building;
  EconomicsSettings settings = year_settings();
  settings.analysis.year_evaluation = YearEvaluation::exact;
  settings.analysis.horizon_years = 3;
  settings.analysis.escalation.internal_price = 0.0;  // stays below the escalating supplier price
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  for (const ApartmentResult& a : r.apartments) {
    for (std::size_t y = 1; y < a.years.size(); ++y) {
      CHECK(a.years[y].bill_with_sharing_eur <= a.years[y].bill_no_pv_eur + 1e-9);
      if (a.participates) CHECK(a.years[y].bill_with_sharing_eur < a.years[y].bill_no_pv_eur);
    }
  }
  // The other way round: an internal price above the supplier's price incl. VAT
  // (0.25 > 0.20 x 1.06) makes every sharing participant pay more.
  settings.tariffs.sharing.internal_price_eur_per_kwh = 0.25;
  const EconomicsResult dear = run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  for (const ApartmentResult& a : dear.apartments) {
    if (a.participates) CHECK(a.bill_with_sharing_eur > a.bill_no_pv_eur);
  }
}

TEST_CASE("degradation: each settled year produces (1 - d)^(y - 1) of year 1", "[economics][consistency]") {
  const YearBuilding building;
  EconomicsSettings settings = year_settings();
  settings.analysis.year_evaluation = YearEvaluation::exact;
  settings.analysis.horizon_years = 5;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  const double first = r.association.years[1].production_kwh;
  REQUIRE(first > 1000.0);
  for (int y = 2; y <= 5; ++y) {
    CHECK(r.association.years[y].production_kwh == Approx(first * std::pow(0.995, y - 1)).epsilon(1e-12));
  }
  // Interpolated years stay close to the exact ones (quadratic in the production scale).
  settings.analysis.horizon_years = 20;
  const EconomicsResult exact = run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  settings.analysis.year_evaluation = YearEvaluation::interpolated;
  const EconomicsResult interpolated =
      run_economics(building.series, building.schedule, building.apartments, settings, 6.0);
  for (int y = 1; y <= 20; ++y) {
    CHECK(interpolated.association.years[y].shared_kwh ==
          Approx(exact.association.years[y].shared_kwh).epsilon(1e-3));
  }
  CHECK(interpolated.association.indicators.npv_eur == Approx(exact.association.indicators.npv_eur).epsilon(1e-3));
}

TEST_CASE("a basis built from reused work equals one built from scratch", "[economics][consistency]") {
  // prepare_energy_basis may reuse the base energy and the year-1 settlement (comparing keys,
  // the CLI's run); the money must come out the same to the bit.
  const YearBuilding building;
  EconomicsSettings settings = year_settings();
  settings.analysis.horizon_years = 6;
  const EnergyBasis scratch = prepare_energy_basis(building.series, building.schedule, settings);
  const BaseEnergy base = base_energy(building.series, {});
  sharing::SettlementOptions options;
  options.keep_series = false;
  const sharing::SettlementResult year1 = sharing::settle_year(building.series, building.schedule, options);
  const EnergyBasis reused = prepare_energy_basis(building.series, building.schedule, settings, 1.0, {&base, &year1});
  const EconomicsResult a = evaluate_economics(scratch, building.apartments, settings, 6.0);
  const EconomicsResult b = evaluate_economics(reused, building.apartments, settings, 6.0);
  CHECK(a.association.cash_flows_eur == b.association.cash_flows_eur);
  for (std::size_t i = 0; i < a.apartments.size(); ++i) CHECK(a.apartments[i].cash_flows_eur == b.apartments[i].cash_flows_eur);
  // A base of another building is refused.
  const BaseEnergy other = base_energy(synthetic_year(3, false), {});
  CHECK_THROWS_AS(prepare_energy_basis(building.series, building.schedule, settings, 1.0, {&other, nullptr}),
                  std::invalid_argument);
}
