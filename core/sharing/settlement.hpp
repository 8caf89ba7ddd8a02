#pragma once
// Settlement of a building-year (energy-sharing.md §1 and §3): per quarter-hour the common
// parts self-consume first, the rest is the shareable volume I(t), the key allocates it, and
// what is left is injected. Totals per year, month, round and tariff period.
#include <array>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "core/sharing/allocation_key.hpp"

namespace deelstroom::sharing {

/// All quarter-hour series of one building, as the sharing step sees them (kWh per interval).
struct BuildingSeries {
  Eigen::ArrayXd production_kwh;          ///< P(t), AC production on the common connection
  Eigen::ArrayXd common_consumption_kwh;  ///< Cc(t)
  /// Ci(t): apartments in rows, quarter-hours in columns (column-major, so the apartments of
  /// one quarter-hour are contiguous: the allocation's inner loop).
  Eigen::MatrixXd offtake_kwh;
  /// E_i(t): what apartment i injects itself (its own PV behind its meter), N x T like
  /// offtake_kwh; empty when no apartment injects. Several injectors (energy-sharing.md §1):
  /// the shareable volume is the common connection's injection plus these, nobody receives
  /// their own injection, and the unshared rest goes back to the injectors.
  Eigen::MatrixXd injection_kwh;
  std::vector<std::uint8_t> month;          ///< local month 1..12 of each interval
  std::vector<std::uint8_t> tariff_period;  ///< 0..period_count-1 (e.g. 0 day, 1 night); empty = all 0
  int period_count = 1;

  int interval_count() const { return static_cast<int>(production_kwh.size()); }
  int apartment_count() const { return static_cast<int>(offtake_kwh.rows()); }
  bool has_apartment_injection() const { return injection_kwh.size() != 0; }
};

struct SeriesTotals;

/// Checks sizes and values (finite, >= 0); empty string when fine, else what is wrong.
/// With `totals` (series_totals of this series) the apartments' offtake is judged by the
/// verdict series_totals found while summing it, not read once more.
std::string validate_series(const BuildingSeries& series, const SeriesTotals* totals = nullptr);
/// The cheap part of validate_series: lengths and labels only (no O(N x T) value checks).
std::string validate_series_shape(const BuildingSeries& series);

/// Which key holds on which quarter-hour (a key per period, energy-sharing.md §2).
struct KeySchedule {
  std::vector<AllocationKey> keys;
  std::vector<std::uint8_t> key_of_interval;  ///< index into keys per interval; empty = keys[0] always
};

/// One quarter-hour's allocation (for tests, explanations and the GUI's day view).
struct QuarterHourAllocation {
  Eigen::ArrayXd allocated_kwh;  ///< a_i
  Eigen::ArrayXXd by_round_kwh;  ///< rounds × N: what each round gave each apartment
  double rest_kwh = 0.0;         ///< R = I - sum a_i (all injectors together)
  int rounds_used = 0;           ///< rounds that placed energy (0 when nothing was shared)
  /// Several injectors: the part of each injector's injection that was shared, and the rest
  /// returned to it. The common connection first, then the apartments (N entries, 0 for
  /// apartments that do not inject).
  double common_shared_kwh = 0.0;
  double common_rest_kwh = 0.0;
  Eigen::ArrayXd apartment_shared_injection_kwh;
  Eigen::ArrayXd apartment_rest_kwh;
};

/// Allocates the shareable volume of one quarter-hour over apartments with offtake C.
/// Guarantees 0 <= a_i <= C_i and sum a_i <= I (the hard rules of energy-sharing.md §1).
QuarterHourAllocation allocate_quarter_hour(const AllocationKey& key, double shareable_kwh,
                                            const Eigen::ArrayXd& offtake_kwh);

/// The same with several injectors: `common_injection_kwh` from the common connection and
/// `apartment_injection_kwh` (N entries) from the apartments' own meters. The pool is their
/// sum; apartment i can receive at most min(C_i, pool - E_i) (nobody receives their own
/// injection); a relative key sets the share of every apartment injecting in this
/// quarter-hour to 0. The unshared rest goes back to the injectors pro rata of their
/// injection (see attribute_to_injectors).
QuarterHourAllocation allocate_quarter_hour(const AllocationKey& key, double common_injection_kwh,
                                            const Eigen::ArrayXd& offtake_kwh,
                                            const Eigen::ArrayXd& apartment_injection_kwh);

/// Which injector the shared volume came from (energy-sharing.md §1, several injectors):
/// injector j's shared part is s_j = lambda x I_j (pro rata of its injection, so the rest
/// I_j - s_j also goes back pro rata), except that an apartment that also received a_j can
/// supply at most (shared - a_j): what the others received. Where that cap binds, the others
/// carry the difference pro rata (water-filling). Inputs: the total shared volume, the common
/// connection's injection, and per apartment its injection E and allocation a (n entries).
/// Outputs: the common connection's shared part and each apartment's (n entries).
void attribute_to_injectors(double shared_kwh, double common_injection_kwh, const double* apartment_injection_kwh,
                            const double* allocated_kwh, int apartment_count, double& common_shared_kwh,
                            double* apartment_shared_kwh);

/// Energy flows summed over a period (kWh), with the rates of energy-sharing.md §3.
struct FlowTotals {
  double production_kwh = 0.0;
  double common_consumption_kwh = 0.0;
  double common_self_consumption_kwh = 0.0;  ///< Sc
  double shareable_kwh = 0.0;                ///< I: the common connection's and the apartments' injection
  double shared_kwh = 0.0;                   ///< sum a_i
  double injected_kwh = 0.0;                 ///< R, the common connection's unshared rest, sold by it
  double apartments_injection_kwh = 0.0;     ///< sum E_i: what apartments inject themselves
  double apartments_injected_kwh = 0.0;      ///< the apartments' unshared rest, sold by them
  double apartments_offtake_kwh = 0.0;       ///< sum C_i
  double common_grid_offtake_kwh = 0.0;      ///< Cc - Sc

  /// (Sc + shared) / P; 0 without production.
  double self_consumption_rate() const;
  /// shared / I; 0 without shareable volume.
  double sharing_rate() const;
  /// shared / sum C_i: the part of the apartments' offtake covered by shared PV.
  double apartments_self_sufficiency() const;
  /// (Sc + shared) / (Cc + sum C_i): the part of all the building's use covered by its PV.
  double building_self_sufficiency() const;
  double apartments_grid_offtake_kwh() const { return apartments_offtake_kwh - shared_kwh; }
  /// The part of the shared volume the common connection (the association's PV) supplied.
  double common_shared_kwh() const { return shared_kwh - (apartments_injection_kwh - apartments_injected_kwh); }
};

/// The sums of a building's series that no key and no production scale changes (kWh), in
/// the order settle_year adds them (quarter-hour by quarter-hour, so the same bits): worked
/// out once per building and passed to every settlement of it (SettlementOptions::totals).
struct SeriesTotals {
  int apartment_count = 0;
  int interval_count = 0;
  int period_count = 1;
  /// Result bucket month0 x period_count + period of each quarter-hour.
  std::vector<std::uint8_t> bucket;
  Eigen::ArrayXXd offtake_by_month_period;    ///< N x 12P: sum of C_i(t) per bucket
  Eigen::ArrayXXd injection_by_month_period;  ///< N x 12P: sum of E_i(t) (zeros without injectors)
  /// N x 12: the largest C_i(t) of each month (kWh in a quarter-hour; 0 for an empty month).
  Eigen::ArrayXXd offtake_max_by_month;
  /// sum_i E_i(t) per quarter-hour, apartments in ascending order (empty without injectors).
  Eigen::ArrayXd apartments_injection_kwh;
  /// Every C_i(t) finite and >= 0: validate_series's verdict on the offtake, found in the
  /// same pass as the sums.
  bool offtake_finite_non_negative = false;
  /// Does this summary belong to a series of this shape? (Its values are the caller's word.)
  bool fits(const BuildingSeries& series) const;
};

/// The key- and scale-independent sums of a series whose shape validate_series accepts.
SeriesTotals series_totals(const BuildingSeries& series);

/// Moves each apartment's offtake (rows[i]: a value per quarter-hour) into the series' N x T
/// offtake matrix (sized already, overwritten) and returns series_totals of the series, worked
/// out in the same pass while each block of quarter-hours is in the cache: the same totals,
/// bit for bit, without reading the matrix once more. The series' months, tariff periods and
/// injection must be set. Throws std::invalid_argument for a row of another length.
SeriesTotals place_offtake_with_totals(const std::vector<Eigen::ArrayXd>& rows, BuildingSeries& series);

struct SettlementOptions {
  /// Keep the per-quarter-hour allocations (N × T) and injection series; off in batches.
  bool keep_series = true;
  /// Production multiplier (e.g. degradation (1-d)^(y-1) for later years).
  double production_scale = 1.0;
  /// The caller has already passed this series through validate_series (prepare_building
  /// does): only the cheap shape checks run, not the O(N x T) value checks.
  bool series_validated = false;
  /// series_totals(series) of this very series, worked out once per building (the engine
  /// keeps it in PreparedBuilding); null: settle_year works them out itself. Same bits
  /// either way; only the offtake of the quarter-hours with a shareable volume is read.
  const SeriesTotals* totals = nullptr;
  /// The register width (doubles) the allocation runs with: 2 = SSE2, 4 = AVX2, 0 = the widest
  /// this processor runs. The same bits whatever the choice (the order of every sum over the
  /// apartments is fixed by the code: core/sharing/allocator.hpp; tests compare them).
  int register_doubles = 0;
  /// Only the energy flows: no round buckets (shared_by_round, building_round_by_month stay 0)
  /// and no count of energy left unshared while someone could have taken it. The same
  /// allocation bits; the economics' later years (interpolation nodes) need nothing more.
  bool energy_only = false;
};

/// The register widths (doubles) SettlementOptions::register_doubles may name on this
/// processor, narrowest first.
std::vector<int> settlement_register_widths();

/// The settlement of one building-year under a key schedule.
struct SettlementResult {
  double production_scale = 1.0;  ///< the production multiplier it was settled at
  int apartment_count = 0;
  int round_count = 0;
  /// Most rounds any quarter-hour needed (the optimal key reports how many it took).
  int rounds_used = 0;
  int period_count = 1;

  FlowTotals year;
  std::array<FlowTotals, 12> months{};

  /// Per apartment (rows) and month (columns 0..11), kWh.
  Eigen::ArrayXXd offtake_by_month;  ///< N × 12
  Eigen::ArrayXXd shared_by_month;   ///< N × 12
  /// shared by round: round_count × N yearly, and round r's monthly totals for the building.
  Eigen::ArrayXXd shared_by_round;        ///< R × N
  Eigen::ArrayXXd building_round_by_month;  ///< R × 12
  /// Per apartment, month and tariff period: column m*period_count + p.
  Eigen::ArrayXXd offtake_by_month_period;  ///< N × 12P
  Eigen::ArrayXXd shared_by_month_period;   ///< N × 12P
  /// Injection R per month and tariff period (12P) and the common connection's grid offtake.
  Eigen::ArrayXd injected_by_month_period;
  Eigen::ArrayXd common_grid_offtake_by_month_period;
  /// Apartments' own injection E_i and the part of it that was shared, N × 12P (zeros when
  /// no apartment injects).
  Eigen::ArrayXXd injection_by_month_period;
  Eigen::ArrayXXd injection_shared_by_month_period;

  /// Quarter-hours where energy stayed unshared although some apartment still had offtake
  /// (the symptom of a badly chosen static key), and the kWh that could have been shared then.
  int unshared_with_demand_intervals = 0;
  double unshared_with_demand_kwh = 0.0;

  /// With keep_series: a_i(t) (N × T) and R(t) of the common connection; with apartment
  /// injection also the shared part of each apartment's injection s_i(t) (N × T).
  Eigen::MatrixXd allocated_kwh;
  Eigen::ArrayXd injected_kwh;
  Eigen::MatrixXd injection_shared_kwh;

  /// Rounds worth reporting: those that shared energy (at least 1, at most round_count). The
  /// optimal key reserves N rounds and usually needs a few.
  int reported_rounds() const { return rounds_used < 1 ? 1 : (rounds_used < round_count ? rounds_used : round_count); }

  double apartment_offtake_kwh(int i) const { return offtake_by_month.row(i).sum(); }
  double apartment_shared_kwh(int i) const { return shared_by_month.row(i).sum(); }
  /// shared_i / C_i (0 without offtake).
  double apartment_self_sufficiency(int i) const;
};

/// Settles a building-year: self-consumption of the common parts, allocation by the key valid
/// on each quarter-hour, injection of the rest, and all totals. Single-threaded and
/// deterministic: the same inputs give the same bits.
SettlementResult settle_year(const BuildingSeries& series, const KeySchedule& schedule,
                             const SettlementOptions& options = {});

}  // namespace deelstroom::sharing
