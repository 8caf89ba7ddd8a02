// Each component of the bill (economics.md §1), computed by hand.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/economics/bill.hpp"
#include "core/economics/energy_basis.hpp"
#include "core/time/civil.hpp"
#include "core/time/year_grid.hpp"
#include "tests/economics/economics_fixtures.hpp"

using namespace deelstroom;
using namespace deelstroom::economics;
using deelstroom::economics::test::simple_tariffs;
using Catch::Detail::Approx;

TEST_CASE("single-price month bill: every component", "[economics][bill]") {
  MonthUsage usage;
  usage.supplier_kwh = {100.0, 0.0};
  usage.peak_kw = 4.0;
  const BillComponents bill = month_bill(simple_tariffs(), flanders_rules(), usage, PriceIndex{});
  CHECK(bill.energy_eur == Approx(20.0));            // 100 kWh x 0.20
  CHECK(bill.supplier_fixed_eur == Approx(10.0));    // 120 / 12
  CHECK(bill.distribution_eur == Approx(5.0));       // 100 x 0.05
  CHECK(bill.transmission_eur == Approx(1.0));       // 100 x 0.01
  CHECK(bill.capacity_eur == Approx(16.0));          // 48 / 12 x 4 kW
  CHECK(bill.data_management_eur == Approx(1.0));    // 12 / 12
  CHECK(bill.levies_eur == Approx(4.0));             // 100 x (0.002 + 0.038)
  CHECK(bill.excl_vat_eur() == Approx(57.0));
  CHECK(bill.vat_eur == Approx(3.42));               // 6 % of 57
  CHECK(bill.internal_price_eur == 0.0);
  CHECK(bill.injection_income_eur == 0.0);
  CHECK(bill.total_eur() == Approx(60.42));
}

TEST_CASE("VAT is 6 % of everything except the internal price and the injection income", "[economics][bill]") {
  MonthUsage usage;
  usage.supplier_kwh = {50.0, 0.0};
  usage.shared_kwh = 30.0;
  usage.peak_kw = 2.5;
  usage.injected_kwh = 20.0;
  const BillComponents bill = month_bill(simple_tariffs(), flanders_rules(), usage, PriceIndex{});
  // excl. VAT: energy 10 + fixed 10 + network (50 + 30) x 0.06 = 4.8 + capacity 10 + data 1
  // + levies 80 x 0.04 = 3.2 -> 39.0; VAT 2.34.
  CHECK(bill.excl_vat_eur() == Approx(39.0));
  CHECK(bill.vat_eur == Approx(2.34));
  CHECK(bill.internal_price_eur == Approx(3.0));     // 30 kWh x 0.10, no VAT
  CHECK(bill.injection_income_eur == Approx(0.6));   // 20 kWh x 0.03, no VAT
  CHECK(bill.total_eur() == Approx(39.0 + 2.34 + 3.0 - 0.6));
  Tariffs with_vat = simple_tariffs();
  with_vat.sharing.vat_on_internal_price = true;
  CHECK(month_bill(with_vat, flanders_rules(), usage, PriceIndex{}).internal_price_eur == Approx(3.18));
}

TEST_CASE("capacity tariff: mean of 12 monthly peaks, each at least 2.5 kW", "[economics][bill]") {
  const std::array<double, 12> peaks{2.0, 3.0, 4.0, 2.5, 1.0, 5.0, 2.0, 2.0, 2.0, 3.5, 4.5, 6.0};
  std::array<MonthUsage, 12> usage{};
  for (int m = 0; m < 12; ++m) usage[m].peak_kw = peaks[m];
  const ConnectionBill bill = year_bill(simple_tariffs(), flanders_rules(), usage, PriceIndex{});
  // Billed peaks: 2.5 3 4 2.5 2.5 5 2.5 2.5 2.5 3.5 4.5 6 -> sum 41, mean 3.416667 kW;
  // 48 €/kW/year x 3.416667 kW = 164 €.
  CHECK(bill.year.capacity_eur == Approx(164.0));
  CHECK(bill.months[0].capacity_eur == Approx(10.0));  // January, 2.0 kW -> billed 2.5 kW x 4 €
  CHECK(bill.months[4].capacity_eur == Approx(10.0));  // May, 1.0 kW -> 2.5 kW
  CHECK(bill.months[11].capacity_eur == Approx(24.0)); // December, 6 kW x 4 €
  CHECK(bill.peak_kw[4] == 1.0);                       // the measured peak is kept
  // A rule set without capacity tariff charges none.
  RuleSet no_capacity = flanders_rules();
  no_capacity.capacity_tariff = false;
  CHECK(year_bill(simple_tariffs(), no_capacity, usage, PriceIndex{}).year.capacity_eur == 0.0);
}

TEST_CASE("day/night and dynamic energy prices", "[economics][bill]") {
  Tariffs t = simple_tariffs();
  t.energy.contract = EnergyContract::day_night;
  t.energy.day_price_eur_per_kwh = 0.30;
  t.energy.night_price_eur_per_kwh = 0.15;
  MonthUsage usage;
  usage.supplier_kwh = {10.0, 20.0};
  CHECK(month_bill(t, flanders_rules(), usage, PriceIndex{}).energy_eur == Approx(6.0));  // 3 + 3

  t.energy.contract = EnergyContract::dynamic;
  t.energy.offtake_formula = {1.1, 0.02};
  MonthUsage dynamic;
  dynamic.supplier_kwh = {50.0, 0.0};
  dynamic.supplier_spot_eur = 5.0;  // e.g. 50 kWh at 100 €/MWh
  // 1.1 x 5 € + 0.02 €/kWh x 50 kWh = 6.5 €
  CHECK(month_bill(t, flanders_rules(), dynamic, PriceIndex{}).energy_eur == Approx(6.5));

  // Dynamic injection: 0.9 x spot value - 0.01 €/kWh.
  t.injection.dynamic = true;
  t.injection.formula = {0.9, -0.01};
  dynamic.injected_kwh = 40.0;
  dynamic.injected_spot_eur = 2.0;
  CHECK(month_bill(t, flanders_rules(), dynamic, PriceIndex{}).injection_income_eur == Approx(0.9 * 2.0 - 0.4));
}

TEST_CASE("shared kWh pay network charges and levies by the rule set's fractions", "[economics][bill]") {
  MonthUsage usage;
  usage.supplier_kwh = {20.0, 0.0};
  usage.shared_kwh = 10.0;
  RuleSet rules = flanders_rules();
  CHECK(month_bill(simple_tariffs(), rules, usage, PriceIndex{}).distribution_eur == Approx(1.5));  // 30 x 0.05
  rules.network_charges_on_shared = 0.5;
  rules.transmission_on_shared = 0.2;
  rules.levies_on_shared = 0.0;
  const BillComponents reduced = month_bill(simple_tariffs(), rules, usage, PriceIndex{});
  CHECK(reduced.distribution_eur == Approx(1.25));  // (20 + 5) x 0.05
  CHECK(reduced.transmission_eur == Approx(0.22));  // (20 + 2) x 0.01
  CHECK(reduced.levies_eur == Approx(0.8));         // 20 x 0.04
}

TEST_CASE("a negative injection price costs money", "[economics][bill]") {
  Tariffs t = simple_tariffs();
  t.injection.price_eur_per_kwh = -0.01;
  MonthUsage usage;
  usage.injected_kwh = 100.0;
  const BillComponents bill = month_bill(t, flanders_rules(), usage, PriceIndex{});
  CHECK(bill.injection_income_eur == Approx(-1.0));
  CHECK(bill.total_eur() == Approx(bill.offtake_cost_eur() + 1.0));
}

TEST_CASE("escalation: year y pays (1 + e)^(y - 1) per component", "[economics][bill]") {
  Escalation e;
  e.energy = 0.02;
  e.network = 0.05;
  e.levies = 0.0;
  e.injection = -0.02;
  e.internal_price = 0.01;
  e.costs = 0.03;
  const PriceIndex first = price_index(e, 1);
  CHECK(first.energy == 1.0);
  CHECK(first.network == 1.0);
  const PriceIndex third = price_index(e, 3);
  CHECK(third.energy == Approx(1.0404));
  CHECK(third.network == Approx(1.1025));
  CHECK(third.levies == 1.0);
  CHECK(third.injection == Approx(0.9604));
  CHECK(third.internal_price == Approx(1.0201));
  CHECK(third.costs == Approx(1.0609));
  MonthUsage usage;
  usage.supplier_kwh = {100.0, 0.0};
  const BillComponents bill = month_bill(simple_tariffs(), flanders_rules(), usage, third);
  CHECK(bill.energy_eur == Approx(20.0 * 1.0404));
  CHECK(bill.distribution_eur == Approx(5.0 * 1.1025));
  CHECK(bill.capacity_eur == Approx(10.0 * 1.1025));
  CHECK(bill.levies_eur == Approx(4.0));
}

TEST_CASE("monthly peaks: highest quarter-hour kWh x 4 per month and row", "[economics][bill]") {
  Eigen::MatrixXd kwh(2, 5);
  kwh << 0.5, 1.0, 0.25, 0.75, 0.1,  //
      0.2, 0.1, 2.0, 0.3, 0.0;
  const std::vector<std::uint8_t> month{1, 1, 2, 2, 3};
  const Eigen::ArrayXXd peaks = monthly_peak_kw(kwh, month);
  CHECK(peaks(0, 0) == Approx(4.0));
  CHECK(peaks(0, 1) == Approx(3.0));
  CHECK(peaks(0, 2) == Approx(0.4));
  CHECK(peaks(1, 1) == Approx(8.0));
  CHECK(peaks(1, 2) == 0.0);
  CHECK(peaks(0, 5) == 0.0);  // a month without intervals
}

TEST_CASE("monthly peaks fall in the meter's local month", "[economics][bill]") {
  // 31 January 2025 23:15 UTC is 1 February 00:15 in Brussels (CET, UTC+1): a 1.5 kWh
  // quarter-hour there is February's 6 kW peak, and January keeps its 0.5 kWh (2 kW) peak of
  // 31 January 22:45 UTC (23:45 local). Billed: January 2.5 kW (minimum) x 4 € = 10 €,
  // February 6 kW x 4 € = 24 €.
  const time::YearGrid grid = time::make_year_grid(2025);
  const time::LocalCalendar calendar = time::make_local_calendar(grid, time::brussels_time_zone());
  const auto at = [&](int month, int day, int hour, int minute) {
    return grid.index_of(time::days_from_civil(2025, month, day) * 86400 + hour * 3600 + minute * 60);
  };
  sharing::BuildingSeries series;
  series.production_kwh = Eigen::ArrayXd::Zero(grid.interval_count);
  series.common_consumption_kwh = Eigen::ArrayXd::Zero(grid.interval_count);
  series.offtake_kwh = Eigen::MatrixXd::Zero(1, grid.interval_count);
  series.month = calendar.month;
  series.offtake_kwh(0, at(1, 31, 23, 15)) = 1.5;
  series.offtake_kwh(0, at(1, 31, 22, 45)) = 0.5;
  const BaseEnergy base = base_energy(series, {});
  CHECK(base.peak_kw(0, 0) == Approx(2.0));
  CHECK(base.peak_kw(0, 1) == Approx(6.0));
  std::array<MonthUsage, 12> usage{};
  for (int m = 0; m < 12; ++m) usage[m].peak_kw = base.peak_kw(0, m);
  const ConnectionBill bill = year_bill(simple_tariffs(), flanders_rules(), usage, PriceIndex{});
  CHECK(bill.months[0].capacity_eur == Approx(10.0));
  CHECK(bill.months[1].capacity_eur == Approx(24.0));
  CHECK(bill.year.capacity_eur == Approx(10.0 * 11 + 24.0));
}

TEST_CASE("the maximum kWh tariff caps capacity + distribution kWh charges over the year", "[economics][bill][tariffs]") {
  // simple_tariffs: capacity 48 €/kW/year, distribution 0.05 €/kWh, minimum peak 2.5 kW; a
  // maximum kWh tariff of 0.30 €/kWh leaves 0.25 €/kWh for the capacity charge.
  Tariffs t = simple_tariffs();
  t.network.max_kwh_tariff_eur_per_kwh = 0.30;
  auto year_of = [&](double kwh_per_month, double peak_kw) {
    std::array<MonthUsage, 12> usage{};
    for (MonthUsage& m : usage) {
      m.supplier_kwh = {kwh_per_month, 0.0};
      m.peak_kw = peak_kw;
    }
    return year_bill(t, flanders_rules(), usage, PriceIndex{});
  };
  // 600 kWh, 5 kW every month: capacity 48 x 5 = 240 €; cap max(2.5 x 48 = 120, 0.25 x 600 = 150) = 150.
  const ConnectionBill low = year_of(50.0, 5.0);
  CHECK(low.year.capacity_eur == Approx(150.0));
  CHECK(low.capacity_capped_eur == Approx(90.0));
  CHECK(low.months[0].capacity_eur == Approx(12.5));  // spread by the months' charges: 150 / 12
  CHECK(low.year.vat_eur == Approx(0.06 * low.year.excl_vat_eur()));
  // 300 kWh: 0.25 x 300 = 75 is below the minimum-peak charge 120, which holds.
  const ConnectionBill tiny = year_of(25.0, 5.0);
  CHECK(tiny.year.capacity_eur == Approx(120.0));
  // 3000 kWh: the cap (750 €) is far above 240 €: nothing changes.
  const ConnectionBill normal = year_of(250.0, 5.0);
  CHECK(normal.year.capacity_eur == Approx(240.0));
  CHECK(normal.capacity_capped_eur == 0.0);
  // No maximum tariff (0): no cap.
  t.network.max_kwh_tariff_eur_per_kwh = 0.0;
  CHECK(year_of(50.0, 5.0).year.capacity_eur == Approx(240.0));
}

TEST_CASE("levies follow their published path by month, nominal, while a flat levy escalates", "[economics][bill][tariffs]") {
  Tariffs t = simple_tariffs();
  t.levies.energy_contribution_eur_per_kwh = 0.0019261;
  t.levies.energy_contribution_path = {{2023, 7, 0.0019261}, {2026, 8, 0.0}};
  t.levies.excise_eur_per_kwh = 0.04748;
  t.levies.excise_path = {{2023, 7, 0.04748}, {2026, 8, 0.046}, {2027, 1, 0.043}, {2028, 1, 0.040}, {2029, 1, 0.038}};
  t.levies.certificates_eur_per_kwh = 0.015;
  MonthUsage usage;
  usage.supplier_kwh = {100.0, 0.0};
  PriceIndex index;
  index.calendar_year = 2026;
  CHECK(month_bill(t, flanders_rules(), usage, index, 7).levies_eur == Approx(100.0 * (0.0019261 + 0.04748)));
  CHECK(month_bill(t, flanders_rules(), usage, index, 8).levies_eur == Approx(100.0 * 0.046));
  CHECK(month_bill(t, flanders_rules(), usage, index, 8).certificates_eur == Approx(1.5));
  // 2031 (after the path): 38 €/MWh nominal even with a 10 % levy index; certificates escalate.
  index.calendar_year = 2031;
  index.levies = 1.1;
  CHECK(month_bill(t, flanders_rules(), usage, index, 3).levies_eur == Approx(100.0 * 0.038));
  CHECK(month_bill(t, flanders_rules(), usage, index, 3).certificates_eur == Approx(1.65));
  // Without a calendar year (or without a path) the flat values escalate.
  index.calendar_year = 0;
  CHECK(month_bill(t, flanders_rules(), usage, index, 3).levies_eur == Approx(100.0 * (0.0019261 + 0.04748) * 1.1));
  // The price index of a horizon year carries its calendar year.
  CHECK(price_index(Escalation{}, 3, 2026).calendar_year == 2028);
  CHECK(price_index(Escalation{}, 3).calendar_year == 0);
}

TEST_CASE("the DSO's sharing fee is charged to participants only, and shared kWh pay certificates", "[economics][bill][tariffs]") {
  Tariffs t = simple_tariffs();
  t.network.sharing_participant_fee_eur_per_year = 12.0;
  t.levies.certificates_eur_per_kwh = 0.015;
  MonthUsage usage;
  usage.supplier_kwh = {20.0, 0.0};
  usage.shared_kwh = 10.0;
  CHECK(month_bill(t, flanders_rules(), usage, PriceIndex{}).sharing_fee_eur == 0.0);
  usage.sharing_participant = true;
  PriceIndex index;
  index.network = 1.5;
  const BillComponents bill = month_bill(t, flanders_rules(), usage, index);
  CHECK(bill.sharing_fee_eur == Approx(1.5));             // 12 / 12 x 1.5
  CHECK(bill.certificates_eur == Approx(30.0 * 0.015));   // Flanders: shared kWh pay them too
  RuleSet no_levies = flanders_rules();
  no_levies.levies_on_shared = 0.0;
  CHECK(month_bill(t, no_levies, usage, index).certificates_eur == Approx(20.0 * 0.015));
  CHECK(bill.vat_eur == Approx(0.06 * bill.excl_vat_eur()));
}

TEST_CASE("a year's bill from charges and prices: the same bits whole or as totals and capped or not", "[economics][bill][bits]") {
  // year_bill_total sums the months as it prices them and redoes capacity and VAT only when
  // the maximum kWh tariff scales them: it must agree with the whole bill's year, to the bit.
  Tariffs t = simple_tariffs();
  t.network.max_kwh_tariff_eur_per_kwh = 0.30;
  t.levies.excise_path = {{2026, 1, 0.05}, {2027, 4, 0.043}};
  t.year = 2026;
  t.sharing.internal_price_eur_per_kwh = 0.11;
  t.sharing.vat_on_internal_price = true;
  const RuleSet rules = flanders_rules();
  Escalation escalation;
  escalation.injection = -0.01;
  auto same_bits = [](const BillComponents& a, const BillComponents& b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
  };
  for (double kwh_per_month : {25.0, 50.0, 250.0}) {
    std::array<MonthUsage, 12> usage{};
    for (int m = 0; m < 12; ++m) {
      usage[m].supplier_kwh = {kwh_per_month * (0.7 + 0.05 * m), 0.0};
      usage[m].shared_kwh = 3.0 + m;
      usage[m].injected_kwh = 10.0 * m;
      usage[m].sold_to_sharing_kwh = 0.5 * m;
      usage[m].peak_kw = 2.0 + 0.4 * m;
      usage[m].sharing_participant = m % 2 == 0;
    }
    const UsageCharges charges = usage_charges(t, rules, usage);
    for (int year = 1; year <= 25; year += 6) {
      const PriceIndex index = price_index(escalation, year, t.year);
      const YearPrices prices = year_prices(t, index);
      const ConnectionBill whole = year_bill(t, rules, charges, prices);
      INFO(kwh_per_month << " kWh/month, year " << year);
      CHECK(same_bits(year_bill_total(t, rules, charges, prices), whole.year));
      CHECK(same_bits(year_bill(t, rules, usage, index).year, whole.year));
      if (kwh_per_month == 50.0) CHECK(whole.capacity_capped_eur > 0.0);  // the cap is exercised
    }
  }
}
