#pragma once
// The economic settings of a scenario (docs/economics.md): tariffs, the regional rule set, the
// association's investment and costs, and the horizon of the cash-flow analysis.
//
// Tariffs are data, not code: a scenario takes them from the dated, sourced tariff file of
// its region and year (profiles/tariffs/<region>_<year>.toml, read by core/tariffs) and may
// override single fields. The structs below therefore start at zero: a zero tariff is "not
// loaded", never a silent default. Prices are in euro EXCLUDING VAT unless the field name
// says otherwise; VAT is added by the bill.
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
  /// Supplier energy price, €/kWh excl. VAT (single, day and night), from the tariff file.
  double price_eur_per_kwh = 0.0;
  double day_price_eur_per_kwh = 0.0;
  double night_price_eur_per_kwh = 0.0;
  /// Night hours on working days, local wall clock of the meter: [start, end) wrapping over
  /// midnight. 22:00-07:00 is the usual Flemish meter programme (economics.md §1).
  int night_start_hour = 22;
  int night_end_hour = 7;
  /// The whole weekend (Saturday and Sunday) is night (economics.md §1).
  bool weekend_is_night = true;
  /// Belgian public holidays on working days are night too. Default false: the digital
  /// meter's day/night registers follow the DSO's weekly programme (working days 7-22 h day,
  /// weekend night), which has no public holidays (docs/tariffs.md).
  bool holidays_are_night = false;
  /// Fixed supplier fee (vaste vergoeding), €/year excl. VAT, from the tariff file.
  double fixed_eur_per_year = 0.0;
  /// Dynamic contracts: formula on the day-ahead price, and the price series itself.
  PriceFormula offtake_formula{1.0, 0.0};
  /// Where the day-ahead series came from (a CSV file, relative to the scenario); kept for
  /// the scenario's round trip. The series is loaded by the scenario layer.
  std::string day_ahead_file;
  /// Day-ahead price per quarter-hour of the simulated year, €/MWh (may be negative).
  std::vector<double> day_ahead_eur_per_mwh;

  bool operator==(const EnergyTariff&) const = default;
};

/// Distribution and transmission network tariffs of one DSO area (residential low voltage,
/// digital meter), from the tariff file.
struct NetworkTariff {
  /// Distribution kWh tariffs, €/kWh excl. VAT: network use ("kWh-tarief netgebruik"),
  /// public-service obligations ("ODV") and surcharges ("toeslagen"). The bill charges their
  /// sum as the distribution kWh component.
  double distribution_eur_per_kwh = 0.0;
  double public_service_eur_per_kwh = 0.0;
  double surcharges_eur_per_kwh = 0.0;
  /// Transmission (Elia), €/kWh excl. VAT, where the DSO lists it apart (0 when included).
  double transmission_eur_per_kwh = 0.0;
  /// Capacity tariff, €/kW/year excl. VAT, on the mean of the monthly peaks.
  double capacity_eur_per_kw_per_year = 0.0;
  /// Each monthly peak counts for at least this much (Flemish rule since 2023: 2.5 kW).
  double capacity_min_peak_kw = 0.0;
  /// Maximum kWh tariff ("maximumtarief"), €/kWh excl. VAT; 0 = none. Over a year, capacity
  /// charge + distribution kWh charges may not exceed this rate x the kWh taken, but the
  /// capacity charge never drops below the minimum peak x the capacity rate (docs/tariffs.md).
  double max_kwh_tariff_eur_per_kwh = 0.0;
  /// Data management (databeheer), €/year excl. VAT.
  double data_management_eur_per_year = 0.0;
  /// The DSO's yearly fee per participant of a sharing group, €/year excl. VAT (charged to
  /// every participating connection, the association's included).
  double sharing_participant_fee_eur_per_year = 0.0;

  /// The distribution kWh tariffs together, €/kWh.
  double distribution_total_eur_per_kwh() const {
    return distribution_eur_per_kwh + public_service_eur_per_kwh + surcharges_eur_per_kwh;
  }

  bool operator==(const NetworkTariff&) const = default;
};

/// A step of a published levy path: from the first day of `month` of `year` on, the levy is
/// `eur_per_kwh`.
struct LevyStep {
  int year = 0;
  int month = 1;
  double eur_per_kwh = 0.0;

  bool operator==(const LevyStep&) const = default;
};

/// Federal levies and the Flemish certificate costs on every kWh taken from the grid.
struct Levies {
  /// Federal energy contribution (energiebijdrage), €/kWh excl. VAT, when no path is given
  /// or before its first step; with a path: its value on 1 January of the tariff year.
  double energy_contribution_eur_per_kwh = 0.0;
  /// Special excise (bijzondere accijns), €/kWh excl. VAT, likewise.
  double excise_eur_per_kwh = 0.0;
  /// The published paths (nominal, not escalated); empty = the flat value above, escalated
  /// like the other levies. After a path's last step its last value holds.
  std::vector<LevyStep> energy_contribution_path;
  std::vector<LevyStep> excise_path;
  /// Green-power and CHP certificate costs billed per kWh (Flanders), €/kWh excl. VAT.
  double certificates_eur_per_kwh = 0.0;

  /// The value of `path` in force in `month` (1..12) of `calendar_year`; `flat` before the
  /// first step or for an empty path.
  static double at(const std::vector<LevyStep>& path, double flat, int calendar_year, int month);
  double excise_at(int calendar_year, int month) const { return at(excise_path, excise_eur_per_kwh, calendar_year, month); }
  double energy_contribution_at(int calendar_year, int month) const {
    return at(energy_contribution_path, energy_contribution_eur_per_kwh, calendar_year, month);
  }
  /// Energy contribution + excise (flat) + certificates, €/kWh (for display).
  double total_eur_per_kwh() const {
    return energy_contribution_eur_per_kwh + excise_eur_per_kwh + certificates_eur_per_kwh;
  }

  bool operator==(const Levies&) const = default;
};

/// What the supplier pays for injected kWh (may be negative: some contracts charge for it).
struct InjectionTariff {
  /// Injection remuneration, €/kWh, from the tariff file.
  double price_eur_per_kwh = 0.0;
  /// With a dynamic energy contract: whether injection is paid by the formula on the
  /// day-ahead price instead of the fixed price.
  bool dynamic = false;
  PriceFormula formula{1.0, 0.0};

  bool operator==(const InjectionTariff&) const = default;
};

/// The agreement among the participants (economics.md §1, row "shared energy").
struct SharingAgreement {
  /// Internal price of shared energy paid by the occupant to the association, €/kWh, as
  /// agreed; may be 0. Not a published figure but the participants' choice: the tariff file
  /// proposes a starting value below the supplier price (docs/tariffs.md).
  double internal_price_eur_per_kwh = 0.0;
  /// Whether VAT is added on top of the internal price. Default false: an owners'
  /// association that is not VAT-registered charges the agreed price as is; one that is
  /// VAT-registered sets this (a question for the association's accountant).
  bool vat_on_internal_price = false;

  bool operator==(const SharingAgreement&) const = default;
};

/// The default tariff year of a new scenario (the newest year with files for every region).
inline constexpr int kDefaultTariffYear = 2026;

/// The tariffs of one year and DSO area (economics.md §1).
struct Tariffs {
  /// The year the prices hold for (the tariff file's year; year 1 of the horizon).
  int year = kDefaultTariffYear;
  /// The DSO network area (an area id of the tariff file; empty = the file's default area).
  std::string dso_area;
  /// VAT on residential electricity, from the tariff file.
  double vat_rate = 0.0;
  EnergyTariff energy;
  NetworkTariff network;
  Levies levies;
  InjectionTariff injection;
  SharingAgreement sharing;

  bool operator==(const Tariffs&) const = default;
};

/// Regional rules that change the economics of sharing (energy-sharing.md §4), read from
/// the [sharing] and [network] sections of the region's tariff file.
struct RuleSet {
  std::string name = "flanders";
  /// Fraction 0..1 of the distribution kWh tariffs that shared kWh pay (Flanders 1.0: no
  /// local-sharing discount; Wallonia and Brussels: reduced within one building).
  double network_charges_on_shared = 1.0;
  /// Fraction 0..1 of the transmission kWh tariff that shared kWh pay.
  double transmission_on_shared = 1.0;
  /// Fraction 0..1 of the kWh levies and certificate costs that shared kWh pay.
  double levies_on_shared = 1.0;
  /// Whether the capacity tariff applies (Flanders since 2023).
  bool capacity_tariff = true;

  bool operator==(const RuleSet&) const = default;
};

/// The Flemish rule set as a starting point (every fraction 1, capacity tariff on).
RuleSet flanders_rules();

/// A loan that finances part of the investment (annuity, yearly instalments).
struct Loan {
  double fraction = 0.0;  ///< part of the investment (after subsidy) financed, 0..1
  double rate = 0.04;     ///< yearly interest rate: an assumption of the tool; enter the bank's offer
  int years = 10;

  bool operator==(const Loan&) const = default;
};

/// The association's investment and yearly costs (economics.md §2). Investment amounts are
/// excl. VAT (VAT is added at `vat_rate`); yearly costs are as paid (VAT included).
struct Investment {
  /// PV for an apartment roof, €/kWp excl. VAT: the middle of the usual €1,000-1,400/kWp of
  /// Flemish rooftop quotes (docs/tariffs.md, "Assumptions"); a quote replaces it (quote_eur).
  double eur_per_kwp = 1200.0;
  /// A quote for the whole installation (excl. VAT) replaces eur_per_kwp * kWp when given.
  std::optional<double> quote_eur;
  /// Metering, communication, installation extras, excl. VAT.
  double extra_eur = 0.0;
  /// Subsidies received, € (subtracted after VAT).
  double subsidy_eur = 0.0;
  /// VAT on the investment: 6 % for work on dwellings older than 10 years (the reduced rate
  /// for renovation of private dwellings), 21 % otherwise; the building decides.
  double vat_rate = 0.06;
  /// O&M (cleaning, monitoring, inspections), €/kWp/year: an assumption of the tool
  /// (docs/tariffs.md, "Assumptions"); enter the maintenance contract.
  double om_eur_per_kwp_per_year = 10.0;
  /// Insurance of the installation, €/year: an assumption; enter the policy's premium.
  double insurance_eur_per_year = 50.0;
  /// Sharing administration (platform or syndic's fee), €/year and €/participant/year: an
  /// assumption for a syndic's extra work. The DSO's own fee per participant is a tariff
  /// (NetworkTariff::sharing_participant_fee_eur_per_year, from the tariff file).
  double administration_eur_per_year = 100.0;
  double administration_eur_per_participant_per_year = 0.0;
  /// Inverter replacement: every `inverter_lifetime_years` (while before the horizon's last
  /// year), at eur_per_kwp excl. VAT. String inverters last about 12-15 years; 0 = never.
  int inverter_lifetime_years = 13;
  /// Replacement price, €/kWp excl. VAT: an assumption (docs/tariffs.md, "Assumptions").
  double inverter_replacement_eur_per_kwp = 150.0;
  /// A battery of the association (scenario [battery]; core/battery): installed cost excl.
  /// VAT in the investment, replaced every battery_lifetime_years within the horizon (0 =
  /// never) at battery_replacement_eur excl. VAT.
  double battery_eur = 0.0;
  int battery_lifetime_years = 15;
  double battery_replacement_eur = 0.0;
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
  int horizon_years = 25;      ///< PV lifetime 25-30 years (docs/tariffs.md, "Assumptions")
  double discount_rate = 0.03; ///< real-terms working default; choose per study
  /// Production degradation per year: 0.4-0.5 %/year (docs/tariffs.md, "Assumptions").
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
