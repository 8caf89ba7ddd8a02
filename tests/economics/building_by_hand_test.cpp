// A whole small building worked by hand end to end (economics.md §1-4): three apartments,
// January's quarter-hours with five non-zero ones, a fixed key, and every euro of every
// bill component, of the association's account and of each apartment's cash flows checked
// against the hand calculation written out below.
#include <catch2/catch.hpp>

#include "tests/economics/economics_fixtures.hpp"

using namespace deelstroom;
using namespace deelstroom::economics;
using namespace deelstroom::economics::test;
using Catch::Detail::Approx;

// ---------------------------------------------------------------------------------------
// The building (kWh per quarter-hour; all other quarter-hours of January are 0; no other
// month has intervals):
//
//        P     Cc    C_A   C_B   C_C
//   t0   0     0.2   0.3   0.1   0
//   t1   2.0   1.0   1.0   0.2   0.4
//   t2   1.0   0.1   0.2   0.5   0
//   t3   0.4   0.9   0.1   0.1   0.1
//   t4   0     0     0.8   0     0
//
// Settlement (energy-sharing.md §1; fixed key 50/30/20, one round: a_i = min(k_i I, C_i)):
//   t1: Sc = min(2.0, 1.0) = 1.0, I = 1.0; offers 0.5/0.3/0.2 -> a = 0.5, 0.2, 0.2; R = 0.1
//   t2: Sc = 0.1, I = 0.9; offers 0.45/0.27/0.18 -> a = 0.2, 0.27, 0; R = 0.43
//   t3: Sc = 0.4, I = 0; the common meter takes 0.5 from the grid
//   t0: the common meter takes 0.2 from the grid
// January: P = 3.4, Sc = 1.5, shared = 0.7 + 0.47 + 0.2 = 1.37, R = 0.53
//          (3.4 = 1.5 + 1.37 + 0.53), common grid offtake 0.7, Cc = 2.2
// Offtake C: A 2.4 (shared 0.7, supplier 1.7), B 0.9 (0.47, 0.43), C 0.5 (0.2, 0.3)
// Monthly peaks (kWh x 4): A 4.0 kW (t1), B 2.0 kW, C 1.6 kW; common without PV 4.0 kW (t1),
// common with PV max(0.2, 0.5) x 4 = 2.0 kW. Empty months: peak 0.
//
// Tariffs (simple_tariffs): supplier 0.20 €/kWh + 120 €/year, distribution 0.05,
// transmission 0.01, levies 0.002 + 0.038 = 0.04 €/kWh, capacity 48 €/kW/year (4 €/kW per
// month, each month at least 2.5 kW -> an empty month costs 10 €), data management 12 €/year,
// VAT 6 %, injection 0.03 €/kWh, internal price 0.10 €/kWh without VAT. Shared kWh pay
// network charges and levies (Flanders).
// ---------------------------------------------------------------------------------------

TEST_CASE("hand-worked building: the settlement the bills start from", "[economics][byhand]") {
  const HandBuilding building;
  const EnergyBasis basis = prepare_energy_basis(building.series, building.schedule, hand_settings());
  const SettledEnergy year1 = basis.year(1);
  CHECK(year1.production_kwh.sum() == Approx(3.4).margin(1e-12));
  CHECK(year1.common_self_consumption_kwh.sum() == Approx(1.5).margin(1e-12));
  CHECK(year1.shared_kwh(0, 0) == Approx(0.7).margin(1e-12));
  CHECK(year1.shared_kwh(1, 0) == Approx(0.47).margin(1e-12));
  CHECK(year1.shared_kwh(2, 0) == Approx(0.2).margin(1e-12));
  CHECK(year1.injected_kwh.sum() == Approx(0.53).margin(1e-12));
  CHECK(year1.common_grid_kwh.sum() == Approx(0.7).margin(1e-12));
  CHECK(year1.common_peak_kw[0] == Approx(2.0).margin(1e-12));
  CHECK(basis.base.common_peak_kw[0] == Approx(4.0).margin(1e-12));
  CHECK(basis.base.peak_kw(0, 0) == Approx(4.0).margin(1e-12));
  CHECK(basis.base.peak_kw(2, 0) == Approx(1.6).margin(1e-12));
  CHECK(basis.base.peak_kw(0, 1) == 0.0);
}

TEST_CASE("hand-worked building: every component of every apartment's bill", "[economics][byhand]") {
  const HandBuilding building;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, hand_settings(), 4.0);
  REQUIRE(r.apartments.size() == 3);
  const double e = 1e-9;

  // Apartment A without PV, year: energy 2.4 x 0.20 = 0.48; fixed 120; distribution
  // 2.4 x 0.05 = 0.12; transmission 0.024; capacity January 4.0 kW x 4 = 16 + 11 empty months
  // x 10 = 126; data 12; levies 2.4 x 0.04 = 0.096 -> 258.72 excl. VAT; VAT 15.5232;
  // total 274.2432.
  const BillComponents& a_no = r.apartments[0].bill_no_pv.year;
  CHECK(a_no.energy_eur == Approx(0.48).margin(e));
  CHECK(a_no.supplier_fixed_eur == Approx(120.0).margin(e));
  CHECK(a_no.distribution_eur == Approx(0.12).margin(e));
  CHECK(a_no.transmission_eur == Approx(0.024).margin(e));
  CHECK(a_no.capacity_eur == Approx(126.0).margin(e));
  CHECK(a_no.data_management_eur == Approx(12.0).margin(e));
  CHECK(a_no.levies_eur == Approx(0.096).margin(e));
  CHECK(a_no.excl_vat_eur() == Approx(258.72).margin(e));
  CHECK(a_no.vat_eur == Approx(15.5232).margin(e));
  CHECK(a_no.internal_price_eur == 0.0);
  CHECK(a_no.injection_income_eur == 0.0);
  CHECK(r.apartments[0].bill_no_pv_eur == Approx(274.2432).margin(e));
  // January alone: 0.48 + 10 + 0.12 + 0.024 + 16 + 1 + 0.096 = 27.72; + 6 % = 29.3832.
  CHECK(r.apartments[0].bill_no_pv.months[0].total_eur() == Approx(29.3832).margin(e));
  // An empty month: fixed 10 + capacity 10 + data 1 = 21; + 6 % = 22.26.
  CHECK(r.apartments[0].bill_no_pv.months[6].total_eur() == Approx(22.26).margin(e));

  // A with sharing: the supplier sells 1.7 kWh -> energy 0.34; network and levies stay on
  // all 2.4 kWh; 258.58 excl. VAT; VAT 15.5148; internal price 0.7 x 0.10 = 0.07;
  // total 274.1648.
  const BillComponents& a_with = r.apartments[0].bill_with_sharing.year;
  CHECK(a_with.energy_eur == Approx(0.34).margin(e));
  CHECK(a_with.distribution_eur == Approx(0.12).margin(e));
  CHECK(a_with.transmission_eur == Approx(0.024).margin(e));
  CHECK(a_with.levies_eur == Approx(0.096).margin(e));
  CHECK(a_with.capacity_eur == Approx(126.0).margin(e));  // sharing does not lower the peak
  CHECK(a_with.excl_vat_eur() == Approx(258.58).margin(e));
  CHECK(a_with.vat_eur == Approx(15.5148).margin(e));
  CHECK(a_with.internal_price_eur == Approx(0.07).margin(e));
  CHECK(r.apartments[0].bill_with_sharing_eur == Approx(274.1648).margin(e));
  // PV without sharing does not change an apartment's bill.
  CHECK(r.apartments[0].bill_pv_no_sharing_eur == Approx(274.2432).margin(e));
  // Saving 274.2432 - 274.1648 = 0.0784 = (0.20 x 1.06 - 0.10) x 0.7.
  CHECK(r.apartments[0].occupant_saving_eur_per_year == Approx(0.0784).margin(e));
  CHECK(r.apartments[0].offtake_kwh == Approx(2.4).margin(e));
  CHECK(r.apartments[0].shared_kwh == Approx(0.7).margin(e));

  // B: 0.9 kWh, peak 2.0 kW -> billed 2.5 kW every month: capacity 120. Without PV: energy
  // 0.18, distribution 0.045, transmission 0.009, levies 0.036, fixed 120, data 12
  // -> 252.27; VAT 15.1362; total 267.4062. With sharing: energy 0.43 x 0.20 = 0.086
  // -> 252.176; VAT 15.13056; internal 0.047; total 267.35356.
  const BillComponents& b_no = r.apartments[1].bill_no_pv.year;
  CHECK(b_no.capacity_eur == Approx(120.0).margin(e));
  CHECK(b_no.excl_vat_eur() == Approx(252.27).margin(e));
  CHECK(b_no.vat_eur == Approx(15.1362).margin(e));
  CHECK(r.apartments[1].bill_no_pv_eur == Approx(267.4062).margin(e));
  const BillComponents& b_with = r.apartments[1].bill_with_sharing.year;
  CHECK(b_with.energy_eur == Approx(0.086).margin(e));
  CHECK(b_with.excl_vat_eur() == Approx(252.176).margin(e));
  CHECK(b_with.vat_eur == Approx(15.13056).margin(e));
  CHECK(b_with.internal_price_eur == Approx(0.047).margin(e));
  CHECK(r.apartments[1].bill_with_sharing_eur == Approx(267.35356).margin(e));
  CHECK(r.apartments[1].occupant_saving_eur_per_year == Approx(0.05264).margin(e));

  // C: 0.5 kWh, peak 1.6 kW -> 2.5 kW. Without PV: energy 0.1 + distribution 0.025 +
  // transmission 0.005 + levies 0.02 + 120 + 120 + 12 = 252.15; VAT 15.129; total 267.279.
  // With sharing: energy 0.06 -> 252.11; VAT 15.1266; internal 0.02; total 267.2566.
  CHECK(r.apartments[2].bill_no_pv_eur == Approx(267.279).margin(e));
  CHECK(r.apartments[2].bill_with_sharing.year.vat_eur == Approx(15.1266).margin(e));
  CHECK(r.apartments[2].bill_with_sharing_eur == Approx(267.2566).margin(e));
  CHECK(r.apartments[2].occupant_saving_eur_per_year == Approx(0.0224).margin(e));
}

TEST_CASE("hand-worked building: the common connection's bill in the three situations", "[economics][byhand]") {
  const HandBuilding building;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, hand_settings(), 4.0);
  const AssociationResult& assoc = r.association;
  const double e = 1e-9;
  // Without PV: Cc 2.2 kWh -> energy 0.44, distribution 0.11, transmission 0.022, levies
  // 0.088; fixed 120, data 12; capacity 4.0 kW x 4 + 11 x 10 = 126 -> 258.66; VAT 15.5196;
  // 274.1796.
  const BillComponents& no_pv = assoc.common_bill_no_pv.year;
  CHECK(no_pv.energy_eur == Approx(0.44).margin(e));
  CHECK(no_pv.capacity_eur == Approx(126.0).margin(e));
  CHECK(no_pv.excl_vat_eur() == Approx(258.66).margin(e));
  CHECK(assoc.common_bill_no_pv.total_eur() == Approx(274.1796).margin(e));
  // With PV and sharing: grid offtake 0.7 kWh -> energy 0.14, distribution 0.035,
  // transmission 0.007, levies 0.028; PV behind the meter lowers January's peak to 2.0 kW
  // -> billed 2.5 kW: capacity 120 -> 252.21; VAT 15.1326; offtake cost 267.3426; injection
  // R = 0.53 kWh x 0.03 = 0.0159; total 267.3267.
  const BillComponents& with = assoc.common_bill_with_sharing.year;
  CHECK(with.energy_eur == Approx(0.14).margin(e));
  CHECK(with.capacity_eur == Approx(120.0).margin(e));
  CHECK(with.vat_eur == Approx(15.1326).margin(e));
  CHECK(with.offtake_cost_eur() == Approx(267.3426).margin(e));
  CHECK(with.injection_income_eur == Approx(0.0159).margin(e));
  CHECK(assoc.common_bill_with_sharing.total_eur() == Approx(267.3267).margin(e));
  // PV without sharing: the same offtake, but R + sum a = 1.9 kWh sold: 0.057.
  CHECK(assoc.common_bill_pv_no_sharing.year.offtake_cost_eur() == Approx(267.3426).margin(e));
  CHECK(assoc.common_bill_pv_no_sharing.year.injection_income_eur == Approx(0.057).margin(e));
  CHECK(assoc.common_bill_pv_no_sharing.injected_kwh == Approx(1.9).margin(e));
}

// The association (hand_settings): 4 kWp at 1000 €/kWp = 4000 + 6 % VAT = 4240 €; half
// financed by a loan at 0 % over 2 years (2120 €, instalments 1060 €/year in years 1-2),
// equity 2120 €. Yearly: O&M 10 €/kWp = 40, insurance 50, administration 20 + 3 participants
// x 10 = 50; the inverter (lifetime 2 years, 150 €/kWp + 6 % VAT = 636 €) in year 2 (not in
// the horizon's last year 3). No escalation, no degradation: every year has January's energy.
//   income: internal 1.37 x 0.10 = 0.137; injection 0.0159; avoided common cost
//           274.1796 - 267.3426 = 6.837 (1.5 kWh x 0.30 x 1.06 = 0.477 + 6 € capacity x 1.06
//           = 6.36) -> 6.9899
//   year 0: -2120
//   year 1: 6.9899 - 40 - 50 - 50 - 1060 = -1193.0101
//   year 2: 6.9899 - 140 - 1060 - 636 = -1829.0101
//   year 3: 6.9899 - 140 = -133.0101
TEST_CASE("hand-worked building: the association's account, year by year", "[economics][byhand]") {
  const HandBuilding building;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, hand_settings(), 4.0);
  const AssociationResult& assoc = r.association;
  const double e = 1e-9;
  CHECK(assoc.investment.excl_vat_eur == Approx(4000.0).margin(e));
  CHECK(assoc.investment.vat_eur == Approx(240.0).margin(e));
  CHECK(assoc.investment.total_eur == Approx(4240.0).margin(e));
  CHECK(assoc.loan_eur == Approx(2120.0).margin(e));
  CHECK(assoc.equity_eur == Approx(2120.0).margin(e));
  CHECK(assoc.loan_instalment_eur_per_year == Approx(1060.0).margin(e));
  REQUIRE(assoc.years.size() == 4);

  const AssociationYear& y1 = assoc.years[1];
  CHECK(y1.production_kwh == Approx(3.4).margin(e));
  CHECK(y1.common_self_consumption_kwh == Approx(1.5).margin(e));
  CHECK(y1.shared_kwh == Approx(1.37).margin(e));
  CHECK(y1.injected_kwh == Approx(0.53).margin(e));
  CHECK(y1.internal_income_eur == Approx(0.137).margin(e));
  CHECK(y1.injection_income_eur == Approx(0.0159).margin(e));
  CHECK(y1.avoided_common_cost_eur == Approx(6.837).margin(e));
  CHECK(y1.om_eur == Approx(40.0).margin(e));
  CHECK(y1.insurance_eur == Approx(50.0).margin(e));
  CHECK(y1.administration_eur == Approx(50.0).margin(e));
  CHECK(y1.inverter_eur == 0.0);
  CHECK(y1.loan_eur == Approx(1060.0).margin(e));
  CHECK(y1.net_eur == Approx(-1193.0101).margin(e));
  CHECK(assoc.years[2].inverter_eur == Approx(636.0).margin(e));
  CHECK(assoc.years[2].net_eur == Approx(-1829.0101).margin(e));
  CHECK(assoc.years[3].loan_eur == 0.0);
  CHECK(assoc.years[3].inverter_eur == 0.0);
  CHECK(assoc.years[3].net_eur == Approx(-133.0101).margin(e));
  const std::vector<double> expected{-2120.0, -1193.0101, -1829.0101, -133.0101};
  for (std::size_t y = 0; y < expected.size(); ++y) CHECK(assoc.cash_flows_eur[y] == Approx(expected[y]).margin(e));
  CHECK(assoc.years[3].cumulative_eur == Approx(-5275.0303).margin(e));
  CHECK(assoc.years[2].discounted_eur == Approx(-1829.0101 / 1.21).margin(e));

  // Without sharing: injection 0.057 + avoided 6.837 - (40 + 50 + 1060) = -1143.106 (no
  // internal income, no administration); year 2 also pays the inverter: -1779.106; year 3
  // -83.106.
  const std::vector<double> without{-2120.0, -1143.106, -1779.106, -83.106};
  for (std::size_t y = 0; y < without.size(); ++y) {
    CHECK(assoc.cash_flows_without_sharing_eur[y] == Approx(without[y]).margin(e));
  }

  // Indicators at 10 %: the flows never turn positive -> no payback, no IRR.
  CHECK(assoc.indicators.npv_eur ==
        Approx(-2120.0 - 1193.0101 / 1.1 - 1829.0101 / 1.21 - 133.0101 / 1.331).margin(e));
  CHECK_FALSE(assoc.indicators.simple_payback_years.has_value());
  CHECK_FALSE(assoc.indicators.discounted_payback_years.has_value());
  CHECK_FALSE(assoc.indicators.irr.has_value());
  // LCOE: (4240 + 90/1.1 + (90 + 636)/1.21 + 90/1.331) / (3.4/1.1 + 3.4/1.21 + 3.4/1.331); the
  // loan is financing, not a cost of the installation.
  REQUIRE(assoc.lcoe_eur_per_kwh.has_value());
  CHECK(*assoc.lcoe_eur_per_kwh ==
        Approx((4240.0 + 90.0 / 1.1 + 726.0 / 1.21 + 90.0 / 1.331) / (3.4 / 1.1 + 3.4 / 1.21 + 3.4 / 1.331)).epsilon(1e-12));
}

// Each apartment: shares 500/300/200 -> 0.5/0.3/0.2 of the association.
//   A: year 0 owner -1060; year 1 occupant 0.0784 + owner 0.5 x -1193.0101 = -596.50505
//      -> total -596.42665; year 2 owner -914.50505; year 3 owner -66.50505
//   B: year 0 -636; year 1 occupant 0.05264 + owner -357.90303 = -357.85039
//   C: year 0 -424; year 1 occupant 0.0224 + owner -238.60202 = -238.57962
TEST_CASE("hand-worked building: each apartment's occupant and owner cash flows", "[economics][byhand]") {
  const HandBuilding building;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, hand_settings(), 4.0);
  const double e = 1e-9;
  const ApartmentResult& a = r.apartments[0];
  CHECK(a.cost_share == Approx(0.5).margin(e));
  CHECK(a.owner_investment_eur == Approx(1060.0).margin(e));
  CHECK(a.cash_flows_eur[0] == Approx(-1060.0).margin(e));
  CHECK(a.years[1].occupant_eur == Approx(0.0784).margin(e));
  CHECK(a.years[1].owner_eur == Approx(-596.50505).margin(e));
  CHECK(a.years[1].total_eur == Approx(-596.42665).margin(e));
  CHECK(a.years[2].owner_eur == Approx(-914.50505).margin(e));
  CHECK(a.years[3].owner_eur == Approx(-66.50505).margin(e));
  CHECK(a.years[3].occupant_eur == Approx(0.0784).margin(e));  // no escalation, no degradation
  CHECK(a.years[3].cumulative_total_eur ==
        Approx(-1060.0 - 596.42665 - (914.50505 - 0.0784) - (66.50505 - 0.0784)).margin(e));
  CHECK(a.occupant_npv_eur == Approx(0.0784 / 1.1 + 0.0784 / 1.21 + 0.0784 / 1.331).margin(e));

  const ApartmentResult& b = r.apartments[1];
  CHECK(b.owner_cash_flows_eur[0] == Approx(-636.0).margin(e));
  CHECK(b.years[1].occupant_eur == Approx(0.05264).margin(e));
  CHECK(b.years[1].owner_eur == Approx(-357.90303).margin(e));
  CHECK(b.cash_flows_eur[1] == Approx(-357.85039).margin(e));

  const ApartmentResult& c = r.apartments[2];
  CHECK_FALSE(c.owner_occupied);
  CHECK(c.owner_cash_flows_eur[0] == Approx(-424.0).margin(e));
  CHECK(c.years[1].owner_eur == Approx(-238.60202).margin(e));
  CHECK(c.cash_flows_eur[1] == Approx(-238.57962).margin(e));
  CHECK(c.owner.npv_eur ==
        Approx(-424.0 + 0.2 * (-1193.0101 / 1.1 - 1829.0101 / 1.21 - 133.0101 / 1.331)).margin(e));
}

TEST_CASE("hand-worked building with a day/night contract", "[economics][byhand]") {
  // t0 and t4 fall in the night (period 1), t1..t3 in the day. Day 0.25 €/kWh, night 0.15.
  // A: day offtake 1.0 + 0.2 + 0.1 = 1.3, shared 0.7 -> supplier 0.6 day; night 0.3 + 0.8 = 1.1.
  //   energy without PV: 1.3 x 0.25 + 1.1 x 0.15 = 0.325 + 0.165 = 0.49
  //   energy with sharing: 0.6 x 0.25 + 1.1 x 0.15 = 0.15 + 0.165 = 0.315
  //   saving: (0.49 - 0.315) x 1.06 - 0.07 = 0.1855 - 0.07 = 0.1155 = (0.25 x 1.06 - 0.10) x 0.7
  // B: night offtake 0.1 (t0), day 0.8, shared 0.47 (all day): saving (0.265 - 0.10) x 0.47
  //   = 0.07755.
  HandBuilding building;
  building.series.period_count = 2;
  building.series.tariff_period.assign(building.series.interval_count(), 0);
  building.series.tariff_period[HandBuilding::t0] = 1;
  building.series.tariff_period[HandBuilding::t4] = 1;
  EconomicsSettings settings = hand_settings();
  settings.tariffs.energy.contract = EnergyContract::day_night;
  settings.tariffs.energy.day_price_eur_per_kwh = 0.25;
  settings.tariffs.energy.night_price_eur_per_kwh = 0.15;
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, settings, 4.0);
  const double e = 1e-9;
  CHECK(r.apartments[0].bill_no_pv.year.energy_eur == Approx(0.49).margin(e));
  CHECK(r.apartments[0].bill_with_sharing.year.energy_eur == Approx(0.315).margin(e));
  CHECK(r.apartments[0].occupant_saving_eur_per_year == Approx(0.1155).margin(e));
  CHECK(r.apartments[1].occupant_saving_eur_per_year == Approx(0.07755).margin(e));
  // Common connection: without PV day 1.0 + 0.1 + 0.9 = 2.0, night 0.2 -> 0.5 + 0.03 = 0.53;
  // with PV day 0.5 (t3), night 0.2 -> 0.125 + 0.03 = 0.155.
  CHECK(r.association.common_bill_no_pv.year.energy_eur == Approx(0.53).margin(e));
  CHECK(r.association.common_bill_with_sharing.year.energy_eur == Approx(0.155).margin(e));
}

TEST_CASE("hand-worked building fully financed by a loan: no payback at year 0", "[economics][byhand]") {
  // Loan 100 % of 4240 € at 0 % over 2 years: instalments 2120 €, equity 0.
  //   year 0: 0; year 1: 6.9899 - 140 - 2120 = -2253.0101; year 2: -2253.0101 - 636 =
  //   -2889.0101; year 3: 6.9899 - 140 = -133.0101.
  // Nothing is paid up front, but the cumulative sum falls below 0 and never comes back:
  // not paid back within the horizon (not "0 years").
  const HandBuilding building;
  EconomicsSettings settings = hand_settings();
  settings.investment.loan = Loan{1.0, 0.0, 2};
  const EconomicsResult r = run_economics(building.series, building.schedule, building.apartments, settings, 4.0);
  const double e = 1e-9;
  CHECK(r.association.equity_eur == Approx(0.0).margin(e));
  CHECK(r.association.cash_flows_eur[0] == Approx(0.0).margin(e));
  CHECK(r.association.cash_flows_eur[1] == Approx(-2253.0101).margin(e));
  CHECK(r.association.cash_flows_eur[2] == Approx(-2889.0101).margin(e));
  CHECK(r.association.cash_flows_eur[3] == Approx(-133.0101).margin(e));
  CHECK_FALSE(r.association.indicators.simple_payback_years.has_value());
  CHECK_FALSE(r.apartments[0].owner.simple_payback_years.has_value());
  CHECK(r.apartments[0].owner_investment_eur == Approx(0.0).margin(e));
}
