#include "core/economics/settings.hpp"

#include <cmath>
#include <sstream>

#include "core/common/error.hpp"

namespace deelstroom::economics {

namespace {

[[noreturn]] void reject(const std::string& field, const Text& expected, double found) {
  std::ostringstream found_text;
  found_text << found;
  throw InputError({"", 0, 0, field},
                   Text{"verwacht ", "expected "} + expected + fill(", gevonden {}", ", found {}", {found_text.str()}));
}

void require_at_least(const std::string& field, double value, double min) {
  if (!std::isfinite(value) || value < min) {
    std::ostringstream min_text;
    min_text << min;
    reject(field, fill("een getal >= {}", "a number >= {}", {min_text.str()}), value);
  }
}

void require_fraction(const std::string& field, double value) {
  if (!std::isfinite(value) || value < 0.0 || value > 1.0) reject(field, Text{"een fractie van 0 tot 1", "a fraction from 0 to 1"}, value);
}

/// A yearly rate must stay above -100 %: (1 + r)^y would vanish or change sign.
void require_rate(const std::string& field, double value) {
  if (!std::isfinite(value) || value <= -1.0 || value > 10.0) {
    reject(field, Text{"een jaarlijks percentage boven -1 (-100 %) en hoogstens 10", "a yearly rate above -1 (-100 %) and at most 10"}, value);
  }
}

void require_price(const std::string& field, double value) { require_at_least(field, value, 0.0); }

}  // namespace

RuleSet flanders_rules() { return RuleSet{}; }

double Levies::at(const std::vector<LevyStep>& path, double flat, int calendar_year, int month) {
  double value = flat;
  if (calendar_year == 0) return value;
  for (const LevyStep& step : path) {
    if (step.year < calendar_year || (step.year == calendar_year && step.month <= month)) value = step.eur_per_kwh;
  }
  return value;
}

void validate_settings(const EconomicsSettings& settings) {
  const Tariffs& t = settings.tariffs;
  require_rate("tariffs.vat_rate", t.vat_rate);
  require_at_least("tariffs.vat_rate", t.vat_rate, 0.0);
  const EnergyTariff& e = t.energy;
  require_price("tariffs.energy.price_eur_per_kwh", e.price_eur_per_kwh);
  require_price("tariffs.energy.day_price_eur_per_kwh", e.day_price_eur_per_kwh);
  require_price("tariffs.energy.night_price_eur_per_kwh", e.night_price_eur_per_kwh);
  require_price("tariffs.energy.fixed_eur_per_year", e.fixed_eur_per_year);
  if (e.night_start_hour < 0 || e.night_start_hour > 23) reject("tariffs.energy.night_start_hour", Text{"een uur 0..23", "an hour 0..23"}, e.night_start_hour);
  if (e.night_end_hour < 0 || e.night_end_hour > 23) reject("tariffs.energy.night_end_hour", Text{"een uur 0..23", "an hour 0..23"}, e.night_end_hour);
  if (!std::isfinite(e.offtake_formula.factor)) reject("tariffs.energy.factor", Text{"een eindig getal", "a finite number"}, e.offtake_formula.factor);
  if (!std::isfinite(e.offtake_formula.adder_eur_per_kwh)) {
    reject("tariffs.energy.adder_eur_per_kwh", Text{"een eindig getal", "a finite number"}, e.offtake_formula.adder_eur_per_kwh);
  }
  for (double price : e.day_ahead_eur_per_mwh) {
    if (!std::isfinite(price)) reject("tariffs.energy.day_ahead_file", Text{"eindige prijzen", "finite prices"}, price);
  }
  const NetworkTariff& n = t.network;
  require_price("tariffs.network.distribution_eur_per_kwh", n.distribution_eur_per_kwh);
  require_price("tariffs.network.public_service_eur_per_kwh", n.public_service_eur_per_kwh);
  require_price("tariffs.network.surcharges_eur_per_kwh", n.surcharges_eur_per_kwh);
  require_price("tariffs.network.max_kwh_tariff_eur_per_kwh", n.max_kwh_tariff_eur_per_kwh);
  require_price("tariffs.network.sharing_participant_fee_eur_per_year", n.sharing_participant_fee_eur_per_year);
  require_price("tariffs.network.transmission_eur_per_kwh", n.transmission_eur_per_kwh);
  require_price("tariffs.network.capacity_eur_per_kw_per_year", n.capacity_eur_per_kw_per_year);
  require_price("tariffs.network.capacity_min_peak_kw", n.capacity_min_peak_kw);
  require_price("tariffs.network.data_management_eur_per_year", n.data_management_eur_per_year);
  require_price("tariffs.levies.energy_contribution_eur_per_kwh", t.levies.energy_contribution_eur_per_kwh);
  require_price("tariffs.levies.excise_eur_per_kwh", t.levies.excise_eur_per_kwh);
  require_price("tariffs.levies.certificates_eur_per_kwh", t.levies.certificates_eur_per_kwh);
  for (const LevyStep& step : t.levies.excise_path) require_price("tariffs.levies.excise", step.eur_per_kwh);
  for (const LevyStep& step : t.levies.energy_contribution_path) {
    require_price("tariffs.levies.energy_contribution", step.eur_per_kwh);
  }
  // Injection may be negative (contracts that charge for injection), but must be finite.
  if (!std::isfinite(t.injection.price_eur_per_kwh)) {
    reject("tariffs.injection.price_eur_per_kwh", Text{"een eindig getal", "a finite number"}, t.injection.price_eur_per_kwh);
  }
  require_price("tariffs.sharing.internal_price_eur_per_kwh", t.sharing.internal_price_eur_per_kwh);

  require_fraction("rules.network_charges_on_shared", settings.rules.network_charges_on_shared);
  require_fraction("rules.transmission_on_shared", settings.rules.transmission_on_shared);
  require_fraction("rules.levies_on_shared", settings.rules.levies_on_shared);

  const Investment& inv = settings.investment;
  require_price("investment.eur_per_kwp", inv.eur_per_kwp);
  if (inv.quote_eur) require_price("investment.quote_eur", *inv.quote_eur);
  require_price("investment.extra_eur", inv.extra_eur);
  require_price("investment.subsidy_eur", inv.subsidy_eur);
  require_rate("investment.vat_rate", inv.vat_rate);
  require_at_least("investment.vat_rate", inv.vat_rate, 0.0);
  require_price("investment.om_eur_per_kwp_per_year", inv.om_eur_per_kwp_per_year);
  require_price("investment.insurance_eur_per_year", inv.insurance_eur_per_year);
  require_price("investment.administration_eur_per_year", inv.administration_eur_per_year);
  require_price("investment.administration_eur_per_participant_per_year", inv.administration_eur_per_participant_per_year);
  if (inv.inverter_lifetime_years < 0) reject("investment.inverter_lifetime_years", Text{"een geheel getal >= 0", "a whole number >= 0"}, inv.inverter_lifetime_years);
  require_price("investment.inverter_replacement_eur_per_kwp", inv.inverter_replacement_eur_per_kwp);
  require_fraction("investment.loan.fraction", inv.loan.fraction);
  require_rate("investment.loan.rate", inv.loan.rate);
  if (inv.loan.years < 1) reject("investment.loan.years", Text{"een geheel getal >= 1", "a whole number >= 1"}, inv.loan.years);

  const Analysis& a = settings.analysis;
  if (a.horizon_years < 1 || a.horizon_years > 100) reject("economics.horizon_years", Text{"een geheel getal van 1 tot 100", "a whole number from 1 to 100"}, a.horizon_years);
  require_rate("economics.discount_rate", a.discount_rate);
  if (!std::isfinite(a.degradation_per_year) || a.degradation_per_year < 0.0 || a.degradation_per_year >= 1.0) {
    // Set by the user as [pv] degradation_pct_per_year (sync_economics copies it here).
    reject("pv.degradation_pct_per_year", Text{"een fractie van 0 tot (niet tot en met) 1", "a fraction from 0 up to (not including) 1"}, a.degradation_per_year);
  }
  require_rate("economics.escalation.energy", a.escalation.energy);
  require_rate("economics.escalation.network", a.escalation.network);
  require_rate("economics.escalation.levies", a.escalation.levies);
  require_rate("economics.escalation.injection", a.escalation.injection);
  require_rate("economics.escalation.internal_price", a.escalation.internal_price);
  require_rate("economics.escalation.costs", a.escalation.costs);
}

std::string_view contract_name(EnergyContract contract) {
  switch (contract) {
    case EnergyContract::single: return "single";
    case EnergyContract::day_night: return "day_night";
    case EnergyContract::dynamic: return "dynamic";
  }
  return "single";
}

std::string_view cost_split_name(CostSplit split) {
  switch (split) {
    case CostSplit::shares: return "shares";
    case CostSplit::participants: return "participants";
    case CostSplit::custom: return "custom";
  }
  return "shares";
}

std::string_view year_evaluation_name(YearEvaluation evaluation) {
  return evaluation == YearEvaluation::exact ? "exact" : "interpolated";
}

}  // namespace deelstroom::economics
