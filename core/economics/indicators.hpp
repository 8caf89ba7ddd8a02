#pragma once
// Financial indicators of a cash-flow series CF_0 ... CF_H (economics.md §4). CF_0 is the
// investment moment (start of year 1); CF_y (y >= 1) is the net flow of year y, taken to
// accrue evenly over the year when a payback is interpolated.
#include <optional>
#include <vector>

namespace deelstroom::economics {

/// Net present value sum_y CF_y / (1 + r)^y, €. Requires r > -1.
double npv(const std::vector<double>& cash_flows, double rate);

/// The cash flows discounted to year 0: CF_y / (1 + r)^y.
std::vector<double> discounted(const std::vector<double>& cash_flows, double rate);

/// Simple payback, years: the first moment the cumulative cash flow turns from below 0 to
/// >= 0, interpolated linearly within the year that crosses (y - 1 + deficit / CF_y). 0 when
/// the cumulative sum is never below 0 (nothing to earn back); nullopt when it falls below 0
/// and does not come back within the horizon. The cumulative sum can start at 0 and fall
/// below later (an investment financed entirely by a loan: the instalments are the cost), so
/// CF_0 >= 0 alone does not mean "paid back". With several sign changes the FIRST crossing is
/// returned.
std::optional<double> simple_payback_years(const std::vector<double>& cash_flows);

/// Discounted payback: the simple payback of the discounted cash flows.
std::optional<double> discounted_payback_years(const std::vector<double>& cash_flows, double rate);

/// All internal rates of return found in [-0.999, 10]: the roots of NPV(r). With one sign
/// change in the cash flows there is exactly one root (Descartes' rule of signs in
/// x = 1/(1+r)), bracketed directly; with several, NPV's sign is sampled on a grid (denser
/// near 0) and each bracket refined. Refinement: regula falsi (Illinois) to 1e-12. Ascending.
/// Empty when the cash flows do not change sign (no IRR exists) or NPV has no root in the
/// range. A double root that touches 0 without crossing is not found.
std::vector<double> irr_roots(const std::vector<double>& cash_flows);

/// The internal rate of return: the root of NPV(r) = 0 (the one closest to 0 when the cash
/// flows change sign several times and NPV has several roots); nullopt ("undefined") when
/// the cash flows do not change sign or NPV has no root in (-1, 10].
std::optional<double> irr(const std::vector<double>& cash_flows);

/// Levelised cost of energy, €/kWh: (investment + sum_y cost_y / (1+r)^y) /
/// (sum_y energy_y / (1+r)^y), with costs and energy for years 1..H (index 0 = year 1).
/// nullopt when the discounted energy is 0.
std::optional<double> lcoe(double investment_eur, const std::vector<double>& yearly_costs_eur,
                           const std::vector<double>& yearly_energy_kwh, double rate);

/// Yearly annuity of a loan, €/year: P r / (1 - (1 + r)^-n), or P / n at r = 0.
double annuity_eur_per_year(double principal_eur, double rate, int years);

}  // namespace deelstroom::economics
