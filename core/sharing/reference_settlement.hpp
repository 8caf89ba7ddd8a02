#pragma once
// A plain reference of settle_year (energy-sharing.md §1 to §3): the rules written as the
// straightforward loops one would write first, quarter-hour by quarter-hour and apartment by
// apartment, with no precomputed totals, no compiled key and no vector tricks. The bench
// prints each fast figure's ratio to it, and the tests check that settle_year gives the same
// energies (the fast path only reorders a few sums over apartments: agreement to 1e-12 kWh
// relative, bit for bit in the quantities summed in the same order).
#include "core/sharing/settlement.hpp"

namespace deelstroom::sharing {

/// The reference settlement of a building without apartment injection (the common
/// connection is the only injector; throws std::invalid_argument otherwise). Fills the
/// year and month flows, the per-apartment and per-round totals, the buckets per month and
/// tariff period and the unshared-with-demand count; never the quarter-hour series.
SettlementResult reference_settle_year(const BuildingSeries& series, const KeySchedule& schedule,
                                       double production_scale = 1.0);

}  // namespace deelstroom::sharing
