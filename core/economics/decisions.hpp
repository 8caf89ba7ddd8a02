#pragma once
// Decision helpers for the adviser (economics.md §5): every key side by side, the fair
// internal price, and the PV size that maximises the association's NPV.
#include <optional>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/economics/evaluate.hpp"

namespace deelstroom::economics {

/// The economics of the building under each key schedule, in the order given (the key
/// changes only the sharing; tariffs, investment and apartments stay the same).
std::vector<EconomicsResult> compare_keys(const sharing::BuildingSeries& series,
                                          const std::vector<sharing::KeySchedule>& schedules,
                                          const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                                          double pv_kwp);

struct FairPriceOptions {
  /// The association must earn its investment back (simple payback) within this many years.
  double target_payback_years = 15.0;
  /// Upper end of the search, €/kWh.
  double max_price_eur_per_kwh = 1.0;
};

/// The range of internal prices one participating apartment accepts, €/kWh (nullopt: no
/// bound on that side). An owner-occupied apartment accepts a price when its total NPV
/// (occupant + owner) is >= 0; a rented one when its owner part's NPV is >= 0 and its
/// occupant part (the tenant's saving) is >= 0 in every year.
struct ApartmentPriceRange {
  std::string id;
  std::optional<double> min_eur_per_kwh;
  std::optional<double> max_eur_per_kwh;
  bool acceptable_at_some_price = true;  ///< false: loses at every price
};

/// What the fair-price search found.
struct FairPriceResult {
  /// The lowest internal price at which the association pays back within the target and no
  /// participating apartment loses (the price most favourable to the occupants that still
  /// meets the association's target); nullopt when no price does.
  std::optional<double> price_eur_per_kwh;
  /// The whole range of acceptable prices (when any).
  std::optional<double> lowest_eur_per_kwh;
  std::optional<double> highest_eur_per_kwh;
  /// The lowest price at which the association pays back within the target (nullopt: not
  /// even at max_price_eur_per_kwh).
  std::optional<double> association_min_eur_per_kwh;
  double target_payback_years = 0.0;
  std::optional<double> association_payback_years;  ///< at the chosen price
  std::vector<ApartmentPriceRange> apartments;      ///< participating apartments only
  std::string lower_bound_by;   ///< "association" or an apartment id: who sets the lowest price
  std::string upper_bound_by;   ///< an apartment id, or "search limit"
  int non_participants_losing = 0;  ///< non-participating apartments with total NPV < 0 at the price
};

/// Searches the internal price (economics.md §5). Every cash flow is linear in the internal
/// price (income of the association, cost of the occupants), so two evaluations give each
/// apartment's NPV as a line; the association's payback (monotone in the price) is found by
/// bisection to 1e-6 €/kWh on those lines.
FairPriceResult find_fair_internal_price(const EnergyBasis& basis, const std::vector<Apartment>& apartments,
                                         const EconomicsSettings& settings, double pv_kwp,
                                         const FairPriceOptions& options = {});

/// The result in words for the adviser (Dutch or English).
std::string explain(const FairPriceResult& result, Language language);

/// One PV size and what it gives.
struct SizePoint {
  double kwp = 0.0;
  double association_npv_eur = 0.0;
  double investment_eur = 0.0;
  double self_consumption_rate = 0.0;  ///< year 1: (Sc + shared) / P
};

struct SizeOptimum {
  double best_kwp = 0.0;
  double best_npv_eur = 0.0;
  std::vector<SizePoint> curve;  ///< the grid evaluated, ascending kWp (refinement points included)
};

/// The PV size in [min_kwp, max_kwp] that maximises the association's NPV. Production scales
/// with kWp at the same DC/AC ratio (settle_year's production_scale = kWp / simulated_kwp);
/// the investment scales with kWp (a quote is scaled in proportion). A grid of `steps` + 1
/// sizes, then a golden-section refinement around the best grid point (to 0.01 kWp).
SizeOptimum optimise_pv_size(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                             const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                             double simulated_kwp, double min_kwp, double max_kwp, int steps = 12);

/// Evaluates one PV size (what optimise_pv_size does for each point).
SizePoint evaluate_pv_size(const sharing::BuildingSeries& series, const sharing::KeySchedule& schedule,
                           const std::vector<Apartment>& apartments, const EconomicsSettings& settings,
                           double simulated_kwp, double kwp);

}  // namespace deelstroom::economics
