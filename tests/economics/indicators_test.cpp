// Financial indicators against hand-computed cases (economics.md §4), edge cases included.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/economics/indicators.hpp"

using namespace deelstroom::economics;
using Catch::Detail::Approx;

TEST_CASE("NPV discounts each year's flow", "[economics][indicators]") {
  // -100 + 60/1.1 + 60/1.21 = (-121 + 66 + 60) / 1.21 = 5 / 1.21 = 4.132231
  CHECK(npv({-100.0, 60.0, 60.0}, 0.10) == Approx(5.0 / 1.21).epsilon(1e-12));
  CHECK(npv({-100.0, 60.0, 60.0}, 0.0) == Approx(20.0));
  CHECK_THROWS(npv({-100.0, 60.0}, -1.0));
}

TEST_CASE("simple payback is interpolated within the crossing year", "[economics][indicators]") {
  // Cumulative: -100, -70, -40, -10, +20 -> 3 + 10/30 years.
  CHECK(*simple_payback_years({-100.0, 30.0, 30.0, 30.0, 30.0, 30.0}) == Approx(3.0 + 1.0 / 3.0));
  // Exactly zero at the end of year 4.
  CHECK(*simple_payback_years({-100.0, 25.0, 25.0, 25.0, 25.0}) == Approx(4.0));
}

TEST_CASE("discounted payback uses the discounted flows", "[economics][indicators]") {
  // At 10 %: -100, 27.2727, 24.7934, 22.5394, 20.4904, 18.6276; cumulative after 4 years
  // -4.9040 -> 4 + 4.9040 / 18.6276 = 4.26327 years.
  const std::vector<double> flows{-100.0, 30.0, 30.0, 30.0, 30.0, 30.0};
  const double after4 = -100.0 + 30.0 / 1.1 + 30.0 / 1.21 + 30.0 / 1.331 + 30.0 / 1.4641;
  CHECK(after4 == Approx(-4.90404).epsilon(1e-5));
  CHECK(*discounted_payback_years(flows, 0.10) == Approx(4.0 + 4.90404 / 18.62764).epsilon(1e-5));
}

TEST_CASE("cash flows that never earn the investment back", "[economics][indicators]") {
  // Positive flows that are too small: no payback, but a (negative) IRR exists:
  // -100 + 10x + 10x^2 = 0 with x = 1/(1+r) -> x = (-1 + sqrt(41)) / 2 = 2.701562 -> r = -0.629844.
  const std::vector<double> small{-100.0, 10.0, 10.0};
  CHECK_FALSE(simple_payback_years(small).has_value());
  CHECK_FALSE(discounted_payback_years(small, 0.05).has_value());
  const double x = (-1.0 + std::sqrt(41.0)) / 2.0;
  REQUIRE(irr(small).has_value());
  CHECK(*irr(small) == Approx(1.0 / x - 1.0).epsilon(1e-9));
  // Never positive at all: no payback and no IRR (no sign change).
  const std::vector<double> losses{-100.0, -5.0, -5.0};
  CHECK_FALSE(simple_payback_years(losses).has_value());
  CHECK_FALSE(irr(losses).has_value());
  CHECK(irr_roots(losses).empty());
}

TEST_CASE("IRR of a conventional project", "[economics][indicators]") {
  // -100 + 60x + 60x^2 = 0 -> x = (-1 + sqrt(1 + 20/3)) / 2 -> r = 1/x - 1 = 0.130662.
  const double x = (-1.0 + std::sqrt(1.0 + 20.0 / 3.0)) / 2.0;
  CHECK(*irr({-100.0, 60.0, 60.0}) == Approx(1.0 / x - 1.0).epsilon(1e-10));
  // -1000 then 10 x 150: the annuity factor 1000/150 = 6.6667 holds at r = 8.1441 % (checked
  // by substitution below rather than by a table).
  std::vector<double> flows{-1000.0};
  flows.insert(flows.end(), 10, 150.0);
  const double rate = *irr(flows);
  CHECK(std::abs(npv(flows, rate)) < 1e-7);
  CHECK(rate == Approx(0.081441).epsilon(1e-4));
}

TEST_CASE("several sign changes: every root, the one closest to 0 as the IRR", "[economics][indicators]") {
  // -100 + 230x - 132x^2 = 0 -> x = (230 -+ 10) / 264 -> r = 10 % and 20 %.
  const std::vector<double> flows{-100.0, 230.0, -132.0};
  const std::vector<double> roots = irr_roots(flows);
  REQUIRE(roots.size() == 2);
  CHECK(roots[0] == Approx(0.10).epsilon(1e-10));
  CHECK(roots[1] == Approx(0.20).epsilon(1e-10));
  CHECK(*irr(flows) == Approx(0.10).epsilon(1e-10));
  // Payback is the first crossing: -100 + 230 -> 100/230 of year 1 (it dips below 0 again in
  // year 2, which the cash-flow table shows).
  CHECK(*simple_payback_years(flows) == Approx(100.0 / 230.0));
  // Sign changes but no root: -1 + 3x - 3x^2 has a negative discriminant (9 - 12).
  CHECK_FALSE(irr({-1.0, 3.0, -3.0}).has_value());
}

TEST_CASE("zero investment", "[economics][indicators]") {
  const std::vector<double> flows{0.0, 10.0, 10.0};
  CHECK(*simple_payback_years(flows) == 0.0);
  CHECK(*discounted_payback_years(flows, 0.05) == 0.0);
  CHECK_FALSE(irr(flows).has_value());  // no sign change: undefined
  CHECK(npv(flows, 0.0) == Approx(20.0));
  CHECK(*simple_payback_years({0.0, 0.0}) == 0.0);
}

TEST_CASE("LCOE and loan annuity", "[economics][indicators]") {
  // (1000 + 2 x 10) / (2 x 1000) at r = 0.
  CHECK(*lcoe(1000.0, {10.0, 10.0}, {1000.0, 1000.0}, 0.0) == Approx(0.51));
  // At 10 %: (1000 + 10/1.1 + 10/1.21) / (1000/1.1 + 1000/1.21) = 1017.3554 / 1735.5372
  CHECK(*lcoe(1000.0, {10.0, 10.0}, {1000.0, 1000.0}, 0.10) == Approx(1017.355372 / 1735.537190));
  CHECK_FALSE(lcoe(1000.0, {10.0}, {0.0}, 0.05).has_value());
  // 1000 at 5 % over 2 years: 50 / (1 - 1/1.1025) = 537.80488
  CHECK(annuity_eur_per_year(1000.0, 0.05, 2) == Approx(537.80488).epsilon(1e-7));
  CHECK(annuity_eur_per_year(1000.0, 0.0, 4) == Approx(250.0));
}

TEST_CASE("payback when nothing is paid at year 0 but the later years cost money", "[economics][indicators]") {
  // A fully loan-financed installation: CF_0 = 0, the instalments exceed the income at first.
  // Cumulative 0, -100, -40, +20 -> it turns >= 0 in year 3: 2 + 40/60 years.
  CHECK(*simple_payback_years({0.0, -100.0, 60.0, 60.0}) == Approx(2.0 + 40.0 / 60.0));
  // It falls below 0 and never comes back: not within the horizon (not "0 years").
  CHECK_FALSE(simple_payback_years({0.0, -100.0, 10.0, 10.0}).has_value());
  // At 10 %: discounted 0, -90.9091, 49.5868, 45.0789; cumulative after year 2 is -41.3223,
  // so the crossing is in year 3: 2 + 41.3223 / 45.0789.
  const double d1 = -100.0 / 1.1;
  const double d2 = 60.0 / 1.21;
  const double d3 = 60.0 / 1.331;
  CHECK(*discounted_payback_years({0.0, -100.0, 60.0, 60.0}, 0.10) == Approx(2.0 + -(d1 + d2) / d3));
}

TEST_CASE("payback is the first crossing even when an inverter replacement dips it again", "[economics][indicators]") {
  // Cumulative -100, -40, +20, -30, -20: first >= 0 during year 2 at 1 + 40/60.
  CHECK(*simple_payback_years({-100.0, 60.0, 60.0, -50.0, 10.0}) == Approx(1.0 + 40.0 / 60.0));
}

TEST_CASE("three sign changes: three IRRs, bracketed one by one", "[economics][indicators]") {
  // 66 (x - 1)(x - 1/1.1)(x - 1/1.2) = 66x^3 - 181x^2 + 165x - 50 with x = 1/(1+r):
  // CF = -50, 165, -181, 66 has NPV roots at r = 0, 10 % and 20 %; the IRR is the one closest
  // to 0.
  const std::vector<double> flows{-50.0, 165.0, -181.0, 66.0};
  CHECK(npv(flows, 0.0) == Approx(0.0).margin(1e-12));
  const std::vector<double> roots = irr_roots(flows);
  REQUIRE(roots.size() == 3);
  CHECK(roots[0] == Approx(0.0).margin(1e-9));
  CHECK(roots[1] == Approx(0.10).margin(1e-9));
  CHECK(roots[2] == Approx(0.20).margin(1e-9));
  CHECK(*irr(flows) == Approx(0.0).margin(1e-9));
}

TEST_CASE("IRR far from 0 on either side", "[economics][indicators]") {
  // -100 + 300x = 0 -> x = 1/3 -> r = 200 %; -100 + 5x = 0 -> x = 20 -> r = -95 %.
  CHECK(*irr({-100.0, 300.0}) == Approx(2.0).epsilon(1e-10));
  CHECK(*irr({-100.0, 5.0}) == Approx(-0.95).epsilon(1e-10));
  // A single sign change from + to - (a loan received, then repaid): 100 - 110x = 0 -> 10 %.
  CHECK(*irr({100.0, -110.0}) == Approx(0.10).epsilon(1e-10));
}

TEST_CASE("LCOE by hand: zero investment and costs that vary by year", "[economics][indicators]") {
  // Only yearly costs: (10/1.05 + 10/1.05^2) / (100/1.05 + 100/1.05^2) = 0.1 (same discounting).
  CHECK(*lcoe(0.0, {10.0, 10.0}, {100.0, 100.0}, 0.05) == Approx(0.1));
  // An inverter in year 2 and degrading energy, at 0 %: (500 + 5 + 105) / (1000 + 990) = 610 / 1990.
  CHECK(*lcoe(500.0, {5.0, 105.0}, {1000.0, 990.0}, 0.0) == Approx(610.0 / 1990.0));
  CHECK_THROWS(lcoe(500.0, {5.0}, {1000.0}, -1.0));
}
