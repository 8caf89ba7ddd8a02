#include "core/economics/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace deelstroom::economics {

double npv(const std::vector<double>& cash_flows, double rate) {
  if (!(rate > -1.0)) throw std::invalid_argument("npv: the rate must be above -1");
  // Horner's scheme in x = 1 / (1 + r): fewer operations and no pow per year.
  const double x = 1.0 / (1.0 + rate);
  double value = 0.0;
  for (auto it = cash_flows.rbegin(); it != cash_flows.rend(); ++it) value = value * x + *it;
  return value;
}

std::vector<double> discounted(const std::vector<double>& cash_flows, double rate) {
  if (!(rate > -1.0)) throw std::invalid_argument("discounted: the rate must be above -1");
  std::vector<double> result(cash_flows.size());
  double factor = 1.0;
  for (std::size_t y = 0; y < cash_flows.size(); ++y) {
    result[y] = cash_flows[y] * factor;
    factor /= 1.0 + rate;
  }
  return result;
}

std::optional<double> simple_payback_years(const std::vector<double>& cash_flows) {
  if (cash_flows.empty()) return std::nullopt;
  double cumulative = cash_flows[0];
  bool ever_below = cumulative < 0.0;
  for (std::size_t y = 1; y < cash_flows.size(); ++y) {
    const double next = cumulative + cash_flows[y];
    if (cumulative < 0.0 && next >= 0.0) {
      // cash_flows[y] > 0 here since cumulative < 0 <= next.
      return static_cast<double>(y - 1) + (-cumulative) / cash_flows[y];
    }
    ever_below = ever_below || next < 0.0;
    cumulative = next;
  }
  // Never below 0: nothing to earn back. Below 0 and never back: not within the horizon.
  if (!ever_below) return 0.0;
  return std::nullopt;
}

std::optional<double> discounted_payback_years(const std::vector<double>& cash_flows, double rate) {
  return simple_payback_years(discounted(cash_flows, rate));
}

namespace {

/// Number of sign changes in the sequence of cash flows (zeros skipped). By Descartes' rule
/// of signs NPV, a polynomial in x = 1/(1+r) > 0, has at most that many roots; with exactly
/// one change it has exactly one.
int sign_changes(const std::vector<double>& cash_flows) {
  int changes = 0;
  int previous = 0;
  for (double cf : cash_flows) {
    const int sign = cf > 0.0 ? 1 : cf < 0.0 ? -1 : 0;
    if (sign == 0) continue;
    if (previous != 0 && sign != previous) ++changes;
    previous = sign;
  }
  return changes;
}

const std::vector<double>& rate_grid() {
  static const std::vector<double> grid = [] {
    std::vector<double> r;
    for (int k = 0; k <= 40; ++k) r.push_back(-0.999 + k * (0.899 / 40.0));  // -0.999 .. -0.1
    for (int k = 1; k <= 120; ++k) r.push_back(-0.1 + k * 0.005);            // -0.1 .. 0.5
    for (int k = 1; k <= 95; ++k) r.push_back(0.5 + k * 0.1);                // 0.5 .. 10
    return r;
  }();
  return grid;
}

/// Root of NPV in [low, high] where NPV changes sign: regula falsi with the Illinois
/// modification (superlinear, and the bracket always holds the root), to 1e-12 in the rate.
double bracketed_root(const std::vector<double>& cash_flows, double low, double high, double npv_low) {
  double npv_high = npv(cash_flows, high);
  int side = 0;
  double previous_guess = high;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double guess = (low * npv_high - high * npv_low) / (npv_high - npv_low);
    const double value = npv(cash_flows, guess);
    if (value == 0.0 || high - low < 1e-12 || std::abs(guess - previous_guess) < 1e-14) return guess;
    previous_guess = guess;
    if ((value < 0.0) == (npv_low < 0.0)) {
      low = guess;
      npv_low = value;
      if (side == -1) npv_high *= 0.5;
      side = -1;
    } else {
      high = guess;
      npv_high = value;
      if (side == 1) npv_low *= 0.5;
      side = 1;
    }
    if (std::abs(high - low) < 1e-12) return 0.5 * (low + high);
  }
  return 0.5 * (low + high);
}

}  // namespace

std::vector<double> irr_roots(const std::vector<double>& cash_flows) {
  std::vector<double> roots;
  const int changes = sign_changes(cash_flows);
  if (changes == 0) return roots;
  const std::vector<double>& grid = rate_grid();
  if (changes == 1) {
    // Exactly one root for r > -1: bracket it, starting where real projects' IRRs lie and
    // widening towards the ends of the range (steep NPV near -1 slows regula falsi down).
    static constexpr double kLows[] = {-0.5, -0.9, -0.99, -0.999};
    static constexpr double kHighs[] = {1.0, 3.0, 10.0, 10.0};
    for (int k = 0; k < 4; ++k) {
      const double npv_low = npv(cash_flows, kLows[k]);
      const double npv_high = npv(cash_flows, kHighs[k]);
      if (npv_low == 0.0) return {kLows[k]};
      if (npv_high == 0.0) return {kHighs[k]};
      if ((npv_low < 0.0) != (npv_high < 0.0)) return {bracketed_root(cash_flows, kLows[k], kHighs[k], npv_low)};
    }
    return roots;
  }
  // NPV at every grid rate at once (Horner in x = 1/(1+r), vectorised over the grid).
  static const std::vector<double> discount_factors = [] {
    std::vector<double> x;
    for (double rate : rate_grid()) x.push_back(1.0 / (1.0 + rate));
    return x;
  }();
  const std::size_t points = discount_factors.size();
  std::vector<double> values(points, 0.0);
  for (auto it = cash_flows.rbegin(); it != cash_flows.rend(); ++it) {
    const double cf = *it;
    for (std::size_t k = 0; k < points; ++k) values[k] = values[k] * discount_factors[k] + cf;
  }
  if (values[0] == 0.0) roots.push_back(grid[0]);
  for (std::size_t k = 1; k < grid.size(); ++k) {
    const double value = values[k];
    const double previous_value = values[k - 1];
    if (value == 0.0) {
      roots.push_back(grid[k]);
    } else if (previous_value != 0.0 && (value < 0.0) != (previous_value < 0.0)) {
      roots.push_back(bracketed_root(cash_flows, grid[k - 1], grid[k], previous_value));
    }
  }
  return roots;
}

std::optional<double> irr(const std::vector<double>& cash_flows) {
  const std::vector<double> roots = irr_roots(cash_flows);
  if (roots.empty()) return std::nullopt;
  return *std::min_element(roots.begin(), roots.end(), [](double a, double b) { return std::abs(a) < std::abs(b); });
}

std::optional<double> lcoe(double investment_eur, const std::vector<double>& yearly_costs_eur,
                           const std::vector<double>& yearly_energy_kwh, double rate) {
  if (!(rate > -1.0)) throw std::invalid_argument("lcoe: the rate must be above -1");
  double costs = investment_eur;
  double energy = 0.0;
  double factor = 1.0;
  const std::size_t years = std::max(yearly_costs_eur.size(), yearly_energy_kwh.size());
  for (std::size_t y = 0; y < years; ++y) {
    factor /= 1.0 + rate;
    if (y < yearly_costs_eur.size()) costs += yearly_costs_eur[y] * factor;
    if (y < yearly_energy_kwh.size()) energy += yearly_energy_kwh[y] * factor;
  }
  if (!(energy > 0.0)) return std::nullopt;
  return costs / energy;
}

double annuity_eur_per_year(double principal_eur, double rate, int years) {
  if (years < 1) throw std::invalid_argument("annuity: at least one year");
  if (rate == 0.0) return principal_eur / years;
  return principal_eur * rate / (1.0 - std::pow(1.0 + rate, -years));
}

}  // namespace deelstroom::economics
