#pragma once
// A portfolio's results per building, their ranking and where sharing pays.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deelstroom::portfolio {

/// What the portfolio report shows of one building (its adviser report has the rest).
struct BuildingResult {
  std::size_t index = 0;                ///< row in the buildings table (0-based)
  std::string id;
  std::string name;
  std::string dso_area;
  bool ok = false;                      ///< false: the building failed (error says why)
  std::string error;
  int apartment_count = 0;
  double pv_kwp = 0.0;
  double production_kwh = 0.0;          ///< year 1
  double shared_kwh = 0.0;              ///< year 1
  double sharing_rate = 0.0;            ///< shared / (shared + injected), year 1
  double self_sufficiency = 0.0;        ///< of the whole building, year 1
  double investment_eur = 0.0;
  double association_npv_eur = 0.0;     ///< with sharing, the scenario's key
  std::optional<double> association_payback_years;  ///< nullopt: not within the horizon
  double association_npv_without_sharing_eur = 0.0;
  /// Sum over the apartments of occupant + owner NPV: what the building as a whole gains.
  double apartments_npv_eur = 0.0;
  int apartments_losing = 0;            ///< apartments whose occupant + owner NPV < 0
  int horizon_years = 0;

  /// Apartments that lose, as a fraction of the apartments (0 when there are none).
  double losing_share() const;
  /// What sharing adds to the building: apartments_npv_eur - association NPV without
  /// sharing (the PV would still be there, injecting what the common parts cannot use).
  double sharing_gain_eur() const;
};

/// Where sharing pays, building by building:
/// - pays: the building gains (apartments' NPV > 0), sharing adds to it (gain > 0) and no
///   apartment loses;
/// - pays_but_some_lose: as pays, but one or more apartments lose (a different key or
///   internal price may fix that: see the building's report);
/// - does_not_pay: otherwise (or the building failed).
enum class Verdict { pays, pays_but_some_lose, does_not_pay };
Verdict verdict_of(const BuildingResult& result);
std::string_view verdict_name(Verdict verdict);  ///< "pays", "pays_but_some_lose", "does_not_pay"

/// The ranking criteria of --rank-by.
enum class RankBy { npv, payback, sharing_rate, losing_share };
/// "npv", "payback", "sharing", "losers"; nullopt otherwise.
std::optional<RankBy> rank_by_name(std::string_view name);
std::string_view rank_by_text(RankBy rank_by);

/// The buildings' positions in ranked order (indices into `results`): best first by
/// `rank_by` — association NPV high to low; payback short to long (none within the
/// horizon last); sharing rate high to low; share of apartments that lose low to high.
/// Ties go to the higher association NPV, then the table's order; failed buildings last, in
/// table order. The same results always give the same order.
std::vector<std::size_t> rank_buildings(const std::vector<BuildingResult>& results, RankBy rank_by);

}  // namespace deelstroom::portfolio
