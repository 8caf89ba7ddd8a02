#pragma once
// The economic settings of a scenario (economics.md): tariffs, the regional rule set, the
// association's investment and costs, and the horizon of the cash-flow analysis.
//
// Every default names its source and the year it holds for (sources.md). Prices are in euro
// EXCLUDING VAT unless the field name says otherwise; VAT is added by the bill. Values marked
// "working default, verify" could not be confirmed from a public source while writing this
// and must be checked before a report is given to a client.
//
// Every struct compares equal field by field (exact doubles): a scenario written and read
// back must give the same settings.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::economics {

/// How the supplier charges for energy.
enum class EnergyContract {
  single,     ///< one price for every kWh
  day_night,  ///< a day and a night price (tariff periods 0 = day, 1 = night)
  dynamic,    ///< per quarter-hour: factor * day-ahead price + adder
};

/// A price derived from the day-ahead market price: factor * spot [€/kWh] + adder [€/kWh].
/// Belgian dynamic contracts are quoted this way (e.g. "Belpex x 1.0 + 1.5 c€/kWh").
struct PriceFormula {
  double factor = 1.0;
  double adder_eur_per_kwh = 0.0;

  bool operator==(const PriceFormula&) const = default;
};

/// The supplier's energy price (economics.md §1, row "energy (supplier)").
struct EnergyTariff {
  EnergyContract contract = EnergyContract::single;
  // Supplier energy price 10-15 c€/kWh excl. VAT for 2024-2025 contracts (sources.md);
  // working default for 2025, verify against the CREG/VREG price comparisons.
  double price_eur_per_kwh = 0.12;
  // Day/night: working defaults for 2025 around the single price (verify).
  double day_price_eur_per_kwh = 0.13;
  double night_price_eur_per_kwh = 0.10;
  /// Night hours on working days, local wall clock of the meter: [start, end) wrapping over
  /// midnight. 22:00-07:00 is the usual Flemish meter programme (economics.md §1).
  int night_start_hour = 22;
  int night_end_hour = 7;
  /// The whole weekend (Saturday and Sunday) is night (economics.md §1).
  bool weekend_is_night = true;
  /// Belgian public holidays on working days are night too. Default false: the day/night
  /// switching of Flemish meters follows a weekly programme that does not know public
  /// holidays (working default, verify with the DSO for the meter type).
  bool holidays_are_night = false;
  /// Fixed supplier fee (vaste vergoeding), €/year excl. VAT: typical 2025 offers are
  /// €50-100/year (working default, verify).
  double fixed_eur_per_year = 60.0;
  /// Dynamic contracts: formula on the day-ahead price, and the price series itself.
  PriceFormula offtake_formula{1.0, 0.015};
  /// Where the day-ahead series came from (a CSV file, relative to the scenario); kept for
  /// the scenario's round trip. The series is loaded by the scenario layer.
  std::string day_ahead_file;
  /// Day-ahead price per quarter-hour of the simulated year, €/MWh (may be negative).
  std::vector<double> day_ahead_eur_per_mwh;

  bool operator==(const EnergyTariff&) const = default;
};

/// Distribution and transmission network tariffs (Fluvius, residential low voltage).
struct NetworkTariff {
  // Distribution kWh part ("afname"), €/kWh excl. VAT. Together with transmission and levies
  // roughly 8-12 c€/kWh (sources.md); working default for Fluvius 2025, verify per DSO area
  // on fluvius.be (tariff sheets "periodieke distributienettarieven").
  double distribution_eur_per_kwh = 0.050;
  // Transmission (Elia, passed on by Fluvius), €/kWh excl. VAT: working default 2025, verify.
  double transmission_eur_per_kwh = 0.015;
  // Capacity tariff, €/kW/year excl. VAT. Fluvius: "in 2023 ... gemiddeld over Vlaanderen
  // ongeveer € 40,4 per kW" (Fluvius FAQ capaciteitstarief, 2023); distribution tariffs rose
  // about 8 % in 2024 (VREG, December 2023) and again in 2025. Working default for 2025 within
  // the €40-55 range of sources.md; verify per DSO area.
  double capacity_eur_per_kw_per_year = 50.0;
  /// Each monthly peak counts for at least this much (Flemish rule since 2023: 2.5 kW).
  double capacity_min_peak_kw = 2.5;
  // Data management (databeheer), €/year excl. VAT: ≈ €15-20 (sources.md); working default
  // for 2025, verify.
  double data_management_eur_per_year = 18.0;

  bool operator==(const NetworkTariff&) const = default;
};

/// Federal levies on every kWh taken from the grid.
struct Levies {
  // Energiebijdrage: 1.9261 €/MWh excl. VAT for residential customers (federal energy
  // contribution, unchanged for years; working default, verify for 2025).
  double energy_contribution_eur_per_kwh = 0.0019261;
  // Bijzondere accijns: 47.48 €/MWh excl. VAT from 1 July 2023 (FOD Financiën reform of
  // 1 April 2023; figure quoted by mijnenergie.be and link2fleet.be). It is indexed; verify
  // the 2025 rate.
  double excise_eur_per_kwh = 0.04748;

  double total_eur_per_kwh() const { return energy_contribution_eur_per_kwh + excise_eur_per_kwh; }

  bool operator==(const Levies&) const = default;
};

/// What the supplier pays for injected kWh (may be negative: some contracts charge for it).
struct InjectionTariff {
  // Injection remuneration 2-5 c€/kWh (sources.md): working default for 2025, verify.
  double price_eur_per_kwh = 0.03;
  /// With a dynamic energy contract: whether injection is paid by the formula on the
  /// day-ahead price instead of the fixed price.
  bool dynamic = false;
  PriceFormula formula{1.0, -0.01};

  bool operator==(const InjectionTariff&) const = default;
};

/// The agreement among the participants (economics.md §1, row "shared energy").
struct SharingAgreement {
  /// Internal price of shared energy paid by the occupant to the association, €/kWh, as
  /// agreed; may be 0. Working default: below the supplier price incl. VAT so that sharing
  /// pays the occupant (a choice of the participants, not a published figure).
  double internal_price_eur_per_kwh = 0.10;
  /// Whether VAT is added on top of the internal price. Default false: an owners'
  /// association that is not VAT-registered charges the agreed price as is (verify with the
  /// association's accountant).
  bool vat_on_internal_price = false;

  bool operator==(const SharingAgreement&) const = default;
};

/// The tariffs of one year (economics.md §1).
struct Tariffs {
  /// The year the prices hold for (information for the report; escalation starts from it).
  int year = 2025;
  // VAT on residential electricity: 6 % since 1 April 2023, made permanent with the excise
  // reform (FOD Financiën, "Uw energiefactuur").
  double vat_rate = 0.06;
  EnergyTariff energy;
  NetworkTariff network;
  Levies levies;
  InjectionTariff injection;
  SharingAgreement sharing;

  bool operator==(const Tariffs&) const = default;
};

/// Regional rules that change the economics of sharing (energy-sharing.md §4).
struct RuleSet {
  std::string name = "flanders";
  /// Fraction 0..1 of the network kWh tariffs (distribution + transmission) that shared kWh
  /// pay. Flanders: 1.0 — shared energy pays network charges in full, no local-sharing
  /// discount (sources.md; a VITO cost-benefit analysis for the regulator found no grid
  /// benefit, REScoop transposition tracker, Belgium-Flanders, 2024).
  double network_charges_on_shared = 1.0;
  /// Fraction 0..1 of the kWh levies that shared kWh pay. Flanders: 1.0 (levies are due on
  /// all offtake, economics.md §1; verify).
  double levies_on_shared = 1.0;
  /// Whether the capacity tariff applies (Flanders since 2023; Brussels and Wallonia have
  /// none in 2025).
  bool capacity_tariff = true;

  bool operator==(const RuleSet&) const = default;
};

/// The Flemish rule set (the default).
RuleSet flanders_rules();
/// A rule set by name ("flanders"); nullopt when unknown. Other regions are left to be added
/// with their sources (see sources.md for what is known).
std::optional<RuleSet> rule_set_named(std::string_view name);

/// A loan that finances part of the investment (annuity, yearly instalments).
struct Loan {
  double fraction = 0.0;  ///< part of the investment (after subsidy) financed, 0..1
  double rate = 0.04;     ///< yearly interest rate (working default, verify with the bank)
  int years = 10;

  bool operator==(const Loan&) const = default;
};

/// The association's investment and yearly costs (economics.md §2). Investment amounts are
/// excl. VAT (VAT is added at `vat_rate`); yearly costs are as paid (VAT included).
struct Investment {
  // PV for an apartment roof: €1,000-1,400/kWp excl. VAT (sources.md); working default 2025,
  // verify with quotes.
  double eur_per_kwp = 1200.0;
  /// A quote for the whole installation (excl. VAT) replaces eur_per_kwp * kWp when given.
  std::optional<double> quote_eur;
  /// Metering, communication, installation extras, excl. VAT.
  double extra_eur = 0.0;
  /// Subsidies received, € (subtracted after VAT).
  double subsidy_eur = 0.0;
  // VAT on the investment: 6 % for work on dwellings older than 10 years (sources.md,
  // verify for the building); 21 % otherwise.
  double vat_rate = 0.06;
  // O&M (cleaning, monitoring, inspections), €/kWp/year: working default, verify.
  double om_eur_per_kwp_per_year = 10.0;
  // Insurance of the installation, €/year: working default, verify.
  double insurance_eur_per_year = 50.0;
  /// Sharing administration (platform or syndic's fee), €/year and €/participant/year.
  /// Working defaults (a syndic's extra work); Fluvius charges no fee for sharing in a
  /// building (verify).
  double administration_eur_per_year = 100.0;
  double administration_eur_per_participant_per_year = 0.0;
  /// Inverter replacement: every `inverter_lifetime_years` (while before the horizon's last
  /// year), at eur_per_kwp excl. VAT. Around year 12-15 (sources.md); 0 = never.
  int inverter_lifetime_years = 13;
  double inverter_replacement_eur_per_kwp = 150.0;  // working default, verify
  Loan loan;

  bool operator==(const Investment&) const = default;
};

/// Yearly escalation rates per component (fraction per year; year 1 holds the tariffs as set).
/// Working defaults near the ECB's inflation target (2 %); choose per study.
struct Escalation {
  double energy = 0.02;          ///< supplier energy prices and fixed fee
  double network = 0.02;         ///< distribution, transmission, capacity, data management
  double levies = 0.02;          ///< energy contribution and excise
  double injection = 0.0;        ///< injection remuneration
  double internal_price = 0.02;  ///< the agreed internal price (if indexed)
  double costs = 0.02;           ///< O&M, insurance, administration, inverter replacement

  bool operator==(const Escalation&) const = default;
};

/// How the association's costs and income are divided over the owners (economics.md §3).
enum class CostSplit {
  shares,        ///< all apartments by their shares (1/1000ths); the legal default
  participants,  ///< only participating apartments, by their shares
  custom,        ///< each apartment's custom cost share (normalised to 1)
};

/// How later years' energy is found (production degrades, the shared volume is not linear).
enum class YearEvaluation {
  exact,         ///< settle_year for every year of the horizon
  interpolated,  ///< settle at years 1, mid and H; quadratic interpolation in between
};

/// The cash-flow analysis (economics.md §2-4).
struct Analysis {
  int horizon_years = 25;      ///< lifetime 25-30 years (sources.md)
  double discount_rate = 0.03; ///< real-terms working default; choose per study
  /// Production degradation per year: 0.4-0.5 %/year (sources.md).
  double degradation_per_year = 0.005;
  Escalation escalation;
  CostSplit cost_split = CostSplit::shares;
  YearEvaluation year_evaluation = YearEvaluation::interpolated;

  bool operator==(const Analysis&) const = default;
};

/// Everything economic about a scenario.
struct EconomicsSettings {
  Tariffs tariffs;
  RuleSet rules;
  Investment investment;
  Analysis analysis;

  bool operator==(const EconomicsSettings&) const = default;
};

/// Checks value ranges (prices >= 0 except injection, rates > -100 %, horizon >= 1, ...).
/// Throws InputError naming the field path (e.g. "economics.discount_rate") for the first
/// problem; does nothing when all is fine. Used for settings built in code (GUI, tests); the
/// scenario reader reports the same problems with file, line and column.
void validate_settings(const EconomicsSettings& settings);

/// The name used in scenario files for each choice.
std::string_view contract_name(EnergyContract contract);
std::string_view cost_split_name(CostSplit split);
std::string_view year_evaluation_name(YearEvaluation evaluation);

}  // namespace deelstroom::economics
