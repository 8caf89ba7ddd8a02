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
  if (cumulative >= 0.0) return 0.0;
  for (std::size_t y = 1; y < cash_flows.size(); ++y) {
    const double next = cumulative + cash_flows[y];
    if (next >= 0.0) {
      // cash_flows[y] > 0 here since cumulative < 0 <= next.
      return static_cast<double>(y - 1) + (-cumulative) / cash_flows[y];
    }
    cumulative = next;
  }
  return std::nullopt;
}

std::optional<double> discounted_payback_years(const std::vector<double>& cash_flows, double rate) {
  return simple_payback_years(discounted(cash_flows, rate));
}

namespace {

bool changes_sign(const std::vector<double>& cash_flows) {
  bool positive = false;
  bool negative = false;
  for (double cf : cash_flows) {
    positive = positive || cf > 0.0;
    negative = negative || cf < 0.0;
  }
  return positive && negative;
}

/// Grid of rates on which NPV's sign is sampled: fine near 0 (where IRRs of real projects
/// lie), coarser towards -1 and 10.
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

double bisect_root(const std::vector<double>& cash_flows, double low, double high, double npv_low) {
  for (int iteration = 0; iteration < 200 && high - low > 1e-12; ++iteration) {
    const double middle = 0.5 * (low + high);
    const double value = npv(cash_flows, middle);
    if (value == 0.0) return middle;
    if ((value < 0.0) == (npv_low < 0.0)) {
      low = middle;
      npv_low = value;
    } else {
      high = middle;
    }
  }
  return 0.5 * (low + high);
}

}  // namespace

std::vector<double> irr_roots(const std::vector<double>& cash_flows) {
  std::vector<double> roots;
  if (!changes_sign(cash_flows)) return roots;
  const std::vector<double>& grid = rate_grid();
  double previous_rate = grid[0];
  double previous_value = npv(cash_flows, previous_rate);
  if (previous_value == 0.0) roots.push_back(previous_rate);
  for (std::size_t k = 1; k < grid.size(); ++k) {
    const double value = npv(cash_flows, grid[k]);
    if (value == 0.0) {
      roots.push_back(grid[k]);
    } else if (previous_value != 0.0 && (value < 0.0) != (previous_value < 0.0)) {
      roots.push_back(bisect_root(cash_flows, previous_rate, grid[k], previous_value));
    }
    previous_rate = grid[k];
    previous_value = value;
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
