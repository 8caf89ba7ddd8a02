#include "core/economics/decisions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/economics/indicators.hpp"

namespace deelstroom::economics {

std::vector<EconomicsResult> compare_keys(const sharing::BuildingSeries& series,
                                          const std::vector<sharing::KeySchedule>& schedules,
                                          const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                                          double pv_kwp) {
  std::vector<EconomicsResult> results;
  results.reserve(schedules.size());
  for (const sharing::KeySchedule& schedule : schedules) {
    results.push_back(run_economics(series, schedule, apartments, settings, pv_kwp));
  }
  return results;
}

namespace {

/// A line whose value changes by less than this over the whole search range is flat (€):
/// the slopes come from differences of NPVs built from bills of hundreds of euros, so a
/// price-independent apartment shows a round-off slope of ~1e-11 €/(€/kWh), which must not
/// turn into a bound at 10^13 €/kWh.
constexpr double kFlatChangeEur = 1e-6;

/// A quantity that is linear in the internal price p: value(p) = at_zero + slope p.
struct Line {
  double at_zero = 0.0;
  double slope = 0.0;
  double at(double p) const { return at_zero + slope * p; }
};

/// Narrows [min, max] to the prices where the line is >= 0; false when it is < 0 everywhere.
/// `range_eur_per_kwh` is the width of the search range (what "flat" is measured over).
bool require_non_negative(const Line& line, double range_eur_per_kwh, std::optional<double>& min,
                          std::optional<double>& max) {
  if (std::abs(line.slope) * range_eur_per_kwh < kFlatChangeEur) return line.at_zero >= -kFlatChangeEur;
  const double crossing = -line.at_zero / line.slope;
  if (line.slope > 0.0) {
    min = min ? std::max(*min, crossing) : crossing;
  } else {
    max = max ? std::min(*max, crossing) : crossing;
  }
  return true;
}

std::vector<double> flows_at(const std::vector<double>& at_zero, const std::vector<double>& at_one, double p) {
  std::vector<double> flows(at_zero.size());
  for (std::size_t y = 0; y < flows.size(); ++y) flows[y] = at_zero[y] + (at_one[y] - at_zero[y]) * p;
  return flows;
}

bool pays_back_within(const std::vector<double>& flows, double target_years) {
  const std::optional<double> payback = simple_payback_years(flows);
  return payback && *payback <= target_years;
}

EconomicsResult evaluate_at_price(const EnergyBasis& basis, const std::vector<Apartment>& apartments,
                                  EconomicsSettings settings, double pv_kwp, double price) {
  settings.tariffs.sharing.internal_price_eur_per_kwh = price;
  return evaluate_economics(basis, apartments, settings, pv_kwp);
}

}  // namespace

FairPriceResult find_fair_internal_price(const EnergyBasis& basis, const std::vector<Apartment>& apartments,
                                         const EconomicsSettings& settings, double pv_kwp,
                                         const FairPriceOptions& options) {
  if (!(options.max_price_eur_per_kwh > 0.0)) throw std::invalid_argument("the search limit must be > 0 €/kWh");
  const EconomicsResult zero = evaluate_at_price(basis, apartments, settings, pv_kwp, 0.0);
  const EconomicsResult one = evaluate_at_price(basis, apartments, settings, pv_kwp, 1.0);
  const double limit = options.max_price_eur_per_kwh;

  FairPriceResult result;
  result.target_payback_years = options.target_payback_years;

  // The association: its cash flows rise with the price every year, so its payback falls.
  const std::vector<double>& assoc0 = zero.association.cash_flows_eur;
  const std::vector<double>& assoc1 = one.association.cash_flows_eur;
  if (pays_back_within(assoc0, options.target_payback_years)) {
    result.association_min_eur_per_kwh = 0.0;
  } else if (pays_back_within(flows_at(assoc0, assoc1, limit), options.target_payback_years)) {
    double low = 0.0;
    double high = limit;
    while (high - low > 1e-6) {
      const double middle = 0.5 * (low + high);
      (pays_back_within(flows_at(assoc0, assoc1, middle), options.target_payback_years) ? high : low) = middle;
    }
    result.association_min_eur_per_kwh = high;
  }

  std::optional<double> lowest = result.association_min_eur_per_kwh;
  std::optional<double> highest = limit;
  bool feasible = lowest.has_value();
  result.lower_bound_by = "association";
  result.upper_bound_by = "search limit";
  for (std::size_t i = 0; i < apartments.size(); ++i) {
    const ApartmentResult& a0 = zero.apartments[i];
    const ApartmentResult& a1 = one.apartments[i];
    if (!a0.participates) continue;
    ApartmentPriceRange range;
    range.id = a0.id;
    bool ok = true;
    if (a0.owner_occupied) {
      ok = require_non_negative({a0.total.npv_eur, a1.total.npv_eur - a0.total.npv_eur}, limit, range.min_eur_per_kwh,
                                range.max_eur_per_kwh);
    } else {
      ok = require_non_negative({a0.owner.npv_eur, a1.owner.npv_eur - a0.owner.npv_eur}, limit, range.min_eur_per_kwh,
                                range.max_eur_per_kwh);
      for (std::size_t y = 1; ok && y < a0.years.size(); ++y) {
        const double saving = a0.years[y].occupant_eur;
        ok = require_non_negative({saving, a1.years[y].occupant_eur - saving}, limit, range.min_eur_per_kwh,
                                  range.max_eur_per_kwh);
      }
    }
    if (ok && range.min_eur_per_kwh && range.max_eur_per_kwh && *range.min_eur_per_kwh > *range.max_eur_per_kwh) {
      ok = false;
    }
    range.acceptable_at_some_price = ok;
    if (!ok) {
      feasible = false;
    } else {
      if (range.min_eur_per_kwh && (!lowest || *range.min_eur_per_kwh > *lowest)) {
        lowest = range.min_eur_per_kwh;
        result.lower_bound_by = range.id;
      }
      if (range.max_eur_per_kwh && *range.max_eur_per_kwh < *highest) {
        highest = range.max_eur_per_kwh;
        result.upper_bound_by = range.id;
      }
    }
    result.apartments.push_back(range);
  }

  if (feasible && lowest && *lowest <= *highest) {
    const double price = std::max(*lowest, 0.0);
    result.price_eur_per_kwh = price;
    result.lowest_eur_per_kwh = price;
    result.highest_eur_per_kwh = *highest;
    result.association_payback_years = simple_payback_years(flows_at(assoc0, assoc1, price));
    for (std::size_t i = 0; i < apartments.size(); ++i) {
      const double npv0 = zero.apartments[i].total.npv_eur;
      const Line total{npv0, one.apartments[i].total.npv_eur - npv0};
      if (!zero.apartments[i].participates && total.at(price) < 0.0) ++result.non_participants_losing;
    }
  }
  return result;
}

namespace {

std::string price_text(double eur_per_kwh, Language language) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", eur_per_kwh);
  std::string text = buffer;
  if (language == Language::dutch) std::replace(text.begin(), text.end(), '.', ',');
  return text + " €/kWh";
}

std::string years_text(double years, Language language) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", years);
  std::string text = buffer;
  if (language == Language::dutch) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string who(const std::string& bound, Language language) {
  if (bound == "association") return std::string(tr(language, "de terugverdiendoelstelling van de VME", "the association's payback target"));
  if (bound == "search limit") return std::string(tr(language, "de zoekgrens", "the search limit"));
  std::string text(tr(language, "appartement ", "apartment "));
  return text + bound;
}

}  // namespace

std::string explain(const FairPriceResult& result, Language language) {
  const std::string target = years_text(result.target_payback_years, language);
  std::string text;
  if (!result.association_min_eur_per_kwh) {
    text += tr(language, "Geen interne prijs laat de VME binnen ", "No internal price lets the association pay back within ");
    text += target;
    text += tr(language, " jaar terugverdienen.", " years.");
    return text;
  }
  if (!result.price_eur_per_kwh) {
    text += tr(language, "De VME verdient terug binnen ", "The association pays back within ");
    text += target;
    text += tr(language, " jaar vanaf ", " years from ");
    text += price_text(*result.association_min_eur_per_kwh, language);
    text += tr(language, ", maar geen prijs laat elk deelnemend appartement winnen",
               ", but no price lets every participating apartment gain");
    for (const ApartmentPriceRange& range : result.apartments) {
      if (!range.acceptable_at_some_price) {
        text += tr(language, " (appartement ", " (apartment ");
        text += range.id;
        text += tr(language, " verliest bij elke prijs)", " loses at every price)");
        break;
      }
    }
    text += ".";
    return text;
  }
  text += tr(language, "Interne prijs ", "Internal price ");
  text += price_text(*result.price_eur_per_kwh, language);
  text += tr(language, ": de VME verdient terug in ", ": the association pays back in ");
  text += years_text(result.association_payback_years.value_or(0.0), language);
  text += tr(language, " jaar (doel ", " years (target ");
  text += target;
  text += tr(language, " jaar) en geen deelnemend appartement verliest. Aanvaardbaar van ",
             " years) and no participating apartment loses. Acceptable from ");
  text += price_text(*result.lowest_eur_per_kwh, language);
  text += tr(language, " (bepaald door ", " (set by ");
  text += who(result.lower_bound_by, language);
  text += tr(language, ") tot ", ") to ");
  text += price_text(*result.highest_eur_per_kwh, language);
  text += tr(language, " (bepaald door ", " (set by ");
  text += who(result.upper_bound_by, language);
  text += ").";
  if (result.non_participants_losing > 0) {
    text += tr(language, " Let op: ", " Note: ");
    text += std::to_string(result.non_participants_losing);
    text += tr(language, " niet-deelnemend(e) appartement(en) verliest/verliezen bij deze prijs.",
               " non-participating apartment(s) lose at this price.");
  }
  return text;
}

SizePoint evaluate_pv_size(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                           const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                           double simulated_kwp, double kwp) {
  if (!(simulated_kwp > 0.0)) throw std::invalid_argument("the simulated PV size must be > 0 kWp");
  if (!(kwp >= 0.0)) throw std::invalid_argument("the PV size must be >= 0 kWp");
  const double scale = kwp / simulated_kwp;
  EconomicsSettings scaled = settings;
  if (scaled.investment.quote_eur) *scaled.investment.quote_eur *= scale;
  const EnergyBasis basis = prepare_energy_basis(series, schedule, scaled, scale);
  const EconomicsResult result = evaluate_economics(basis, apartments, scaled, kwp);
  SizePoint point;
  point.kwp = kwp;
  point.association_npv_eur = result.association.indicators.npv_eur;
  point.investment_eur = result.association.investment.total_eur;
  const AssociationYear& first = result.association.years.at(1);
  point.self_consumption_rate =
      first.production_kwh > 0.0 ? (first.common_self_consumption_kwh + first.shared_kwh) / first.production_kwh : 0.0;
  return point;
}

SizeOptimum optimise_pv_size(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                             const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                             double simulated_kwp, double min_kwp, double max_kwp, int steps) {
  if (!(min_kwp >= 0.0) || !(max_kwp >= min_kwp) || steps < 1) {
    throw std::invalid_argument("optimise_pv_size: expected 0 <= min_kwp <= max_kwp and steps >= 1");
  }
  SizeOptimum optimum;
  auto evaluate = [&](double kwp) {
    const SizePoint point = evaluate_pv_size(series, schedule, apartments, settings, simulated_kwp, kwp);
    optimum.curve.push_back(point);
    if (optimum.curve.size() == 1 || point.association_npv_eur > optimum.best_npv_eur) {
      optimum.best_kwp = point.kwp;
      optimum.best_npv_eur = point.association_npv_eur;
    }
    return point.association_npv_eur;
  };
  const double step = (max_kwp - min_kwp) / steps;
  for (int k = 0; k <= steps; ++k) evaluate(min_kwp + k * step);

  // Golden-section refinement between the best grid point's neighbours.
  double low = std::max(min_kwp, optimum.best_kwp - step);
  double high = std::min(max_kwp, optimum.best_kwp + step);
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  double left = high - ratio * (high - low);
  double right = low + ratio * (high - low);
  double left_npv = high - low > 0.01 ? evaluate(left) : 0.0;
  double right_npv = high - low > 0.01 ? evaluate(right) : 0.0;
  while (high - low > 0.01) {
    if (left_npv >= right_npv) {
      high = right;
      right = left;
      right_npv = left_npv;
      left = high - ratio * (high - low);
      left_npv = evaluate(left);
    } else {
      low = left;
      left = right;
      left_npv = right_npv;
      right = low + ratio * (high - low);
      right_npv = evaluate(right);
    }
  }
  std::sort(optimum.curve.begin(), optimum.curve.end(), [](const SizePoint& a, const SizePoint& b) { return a.kwp < b.kwp; });
  return optimum;
}

}  // namespace deelstroom::economics
