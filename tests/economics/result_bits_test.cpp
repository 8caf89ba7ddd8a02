// Reproducible money: every double of EconomicsResult (the association's years, bills and
// indicators, every apartment's years, bills and indicators) hashed for every bundled
// scenario, in a few variants that walk the economics' other code paths (exact years, a
// day/night and a dynamic contract, an apartment with its own PV). A second run with nothing
// cached, and the one-call path against the reusing one, must give the same bits. (No digest
// is stored: expected values come from hand calculations elsewhere, not from the program.)
//
// The energy basis (the settlements the money is evaluated on) is hashed apart.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

using namespace deelstroom;

namespace {

/// FNV-1a over the bits of doubles and integers, in a fixed order.
class Digest {
 public:
  void add(double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    add_bits(bits);
  }
  void add(int value) { add_bits(static_cast<std::uint64_t>(static_cast<std::int64_t>(value))); }
  void add(bool value) { add_bits(value ? 1u : 0u); }
  void add(const std::optional<double>& value) {
    add(value.has_value());
    if (value) add(*value);
  }
  void add(const std::vector<double>& values) {
    add(static_cast<int>(values.size()));
    for (double v : values) add(v);
  }
  void add(const Eigen::ArrayXXd& values) {
    add(static_cast<int>(values.rows()));
    add(static_cast<int>(values.cols()));
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
      for (Eigen::Index r = 0; r < values.rows(); ++r) add(values(r, c));
    }
  }
  void add(const Eigen::ArrayXd& values) {
    add(static_cast<int>(values.size()));
    for (Eigen::Index k = 0; k < values.size(); ++k) add(values[k]);
  }
  std::uint64_t value() const { return state_; }

 private:
  void add_bits(std::uint64_t bits) {
    for (int byte = 0; byte < 8; ++byte) {
      state_ = (state_ ^ ((bits >> (8 * byte)) & 0xffu)) * 0x100000001b3ULL;
    }
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

void add_components(Digest& d, const economics::BillComponents& b) {
  for (double v : {b.energy_eur, b.supplier_fixed_eur, b.distribution_eur, b.transmission_eur, b.capacity_eur,
                   b.data_management_eur, b.sharing_fee_eur, b.levies_eur, b.certificates_eur, b.vat_eur,
                   b.internal_price_eur, b.injection_income_eur, b.sharing_income_eur}) {
    d.add(v);
  }
}

void add_bill(Digest& d, const economics::ConnectionBill& bill) {
  d.add(bill.network_kwh);
  d.add(bill.capacity_capped_eur);
  for (const economics::BillComponents& month : bill.months) add_components(d, month);
  add_components(d, bill.year);
  for (double peak : bill.peak_kw) d.add(peak);
  for (double v : {bill.supplier_kwh, bill.shared_kwh, bill.injected_kwh, bill.sold_to_sharing_kwh}) d.add(v);
}

void add_indicators(Digest& d, const economics::Indicators& indicators) {
  d.add(indicators.npv_eur);
  d.add(indicators.irr);
  d.add(indicators.simple_payback_years);
  d.add(indicators.discounted_payback_years);
}

std::uint64_t result_digest(const economics::EconomicsResult& r) {
  Digest d;
  d.add(r.horizon_years);
  d.add(r.discount_rate);
  d.add(r.pv_kwp);
  d.add(static_cast<int>(r.evaluation));
  const economics::AssociationResult& a = r.association;
  for (double v : {a.investment.excl_vat_eur, a.investment.vat_eur, a.investment.subsidy_eur, a.investment.total_eur,
                   a.loan_eur, a.equity_eur, a.loan_instalment_eur_per_year}) {
    d.add(v);
  }
  d.add(static_cast<int>(a.years.size()));
  for (const economics::AssociationYear& y : a.years) {
    d.add(y.year);
    for (double v : {y.production_kwh, y.common_self_consumption_kwh, y.shared_kwh, y.injected_kwh,
                     y.internal_income_eur, y.injection_income_eur, y.avoided_common_cost_eur, y.om_eur,
                     y.insurance_eur, y.administration_eur, y.inverter_eur, y.battery_eur, y.loan_eur, y.equity_eur,
                     y.net_eur, y.cumulative_eur, y.discounted_eur}) {
      d.add(v);
    }
  }
  d.add(a.cash_flows_eur);
  add_indicators(d, a.indicators);
  d.add(a.lcoe_eur_per_kwh);
  d.add(a.cash_flows_without_sharing_eur);
  add_indicators(d, a.without_sharing);
  add_bill(d, a.common_bill_no_pv);
  add_bill(d, a.common_bill_pv_no_sharing);
  add_bill(d, a.common_bill_with_sharing);
  d.add(static_cast<int>(r.apartments.size()));
  for (const economics::ApartmentResult& ap : r.apartments) {
    d.add(ap.participates);
    d.add(ap.owner_occupied);
    for (double v : {ap.cost_share, ap.offtake_kwh, ap.shared_kwh, ap.bill_no_pv_eur, ap.bill_pv_no_sharing_eur,
                     ap.bill_with_sharing_eur, ap.occupant_saving_eur_per_year, ap.owner_investment_eur,
                     ap.occupant_npv_eur}) {
      d.add(v);
    }
    add_bill(d, ap.bill_no_pv);
    add_bill(d, ap.bill_pv_no_sharing);
    add_bill(d, ap.bill_with_sharing);
    d.add(static_cast<int>(ap.years.size()));
    for (const economics::ApartmentYear& y : ap.years) {
      d.add(y.year);
      for (double v : {y.shared_kwh, y.bill_no_pv_eur, y.bill_with_sharing_eur, y.occupant_eur, y.owner_eur,
                       y.total_eur, y.cumulative_total_eur}) {
        d.add(v);
      }
    }
    d.add(ap.cash_flows_eur);
    d.add(ap.owner_cash_flows_eur);
    add_indicators(d, ap.total);
    add_indicators(d, ap.owner);
  }
  return d.value();
}

std::uint64_t basis_digest(const economics::EnergyBasis& basis) {
  Digest d;
  const economics::BaseEnergy& b = basis.base;
  for (const Eigen::ArrayXXd* m : {&b.offtake_kwh, &b.offtake_spot_eur, &b.peak_kw, &b.injection_kwh, &b.injection_spot_eur}) {
    d.add(*m);
  }
  for (const Eigen::ArrayXd* v : {&b.common_kwh, &b.common_spot_eur, &b.common_peak_kw}) d.add(*v);
  for (const economics::SettledEnergy& e : basis.nodes) {
    d.add(e.production_scale);
    for (const Eigen::ArrayXXd* m : {&e.shared_kwh, &e.shared_spot_eur, &e.injection_shared_kwh, &e.injection_shared_spot_eur}) {
      d.add(*m);
    }
    for (const Eigen::ArrayXd* v : {&e.production_kwh, &e.common_self_consumption_kwh, &e.common_grid_kwh,
                                    &e.common_grid_spot_eur, &e.common_peak_kw, &e.injected_kwh, &e.injected_spot_eur}) {
      d.add(*v);
    }
  }
  return d.value();
}

/// A day-ahead series of the year, €/MWh, the same on every platform: a daily swing with a
/// midday dip, and a few negative hours in spring and summer.
std::vector<double> synthetic_day_ahead(int interval_count) {
  std::vector<double> prices(static_cast<std::size_t>(interval_count));
  for (int t = 0; t < interval_count; ++t) {
    const int quarter = t % 96;
    const int day = t / 96;
    double price = 60.0 + 0.25 * (quarter % 48) - 0.125 * (day % 29);
    if (quarter >= 44 && quarter < 60) price -= 45.0 + 0.5 * (day % 7);
    if (day > 90 && day < 240 && quarter >= 48 && quarter < 52 && day % 5 == 0) price = -12.5;
    prices[static_cast<std::size_t>(t)] = price;
  }
  return prices;
}

enum class Variant { as_written, exact_years, day_night, dynamic, own_pv };

const char* variant_name(Variant v) {
  switch (v) {
    case Variant::as_written: return "as written";
    case Variant::exact_years: return "exact years";
    case Variant::day_night: return "day/night contract";
    case Variant::dynamic: return "dynamic contract";
    case Variant::own_pv: return "an apartment with own PV";
  }
  return "";
}

struct Digests {
  std::uint64_t basis = 0;
  std::uint64_t result = 0;
};

Digests run_variant(scenario::Scenario s, Variant variant, simulation::SimulationCaches& caches) {
  economics::EnergyTariff& energy = s.economics.tariffs.energy;
  switch (variant) {
    case Variant::as_written: break;
    case Variant::exact_years: s.economics.analysis.year_evaluation = economics::YearEvaluation::exact; break;
    case Variant::day_night: energy.contract = economics::EnergyContract::day_night; break;
    case Variant::dynamic: energy.contract = economics::EnergyContract::dynamic; break;
    case Variant::own_pv: {
      scenario::PvArraySettings own;
      own.name = "own PV";
      own.kwp = 3.0;
      own.meter = s.apartments.front().id;
      s.pv.arrays.push_back(own);
      break;
    }
  }
  simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  if (variant == Variant::dynamic) {
    energy.day_ahead_eur_per_mwh = synthetic_day_ahead(building.series.interval_count());
    energy.offtake_formula = {1.1, 0.012};
    s.economics.tariffs.injection.dynamic = true;
    s.economics.tariffs.injection.formula = {0.9, -0.011};
  }
  simulation::apply_tariff_periods(building, energy);
  const simulation::KeyRun run = simulation::run_key(s, building, s.key, false);
  const economics::EnergyBasis basis = simulation::economics_basis(s, building, run.key);
  const economics::EconomicsResult money = simulation::run_economics(s, building, run);
  // The one-call and the reusing path promise the same bits.
  CHECK(result_digest(simulation::run_economics(s, building, run.key)) == result_digest(money));
  return {basis_digest(basis), result_digest(money)};
}

}  // namespace

TEST_CASE("Every double of the economics of every bundled scenario is the same on a second run, by either path",
          "[economics][bits][slow]") {
  const std::filesystem::path root = std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  simulation::SimulationCaches caches;
  std::set<std::uint64_t> results;
  int compared = 0;
  for (const std::filesystem::path& file : files) {
    scenario::Scenario s;
    try {
      s = scenario::read_scenario(file);
    } catch (const std::exception&) {
      continue;  // a file that does not load on its own (e.g. a fragment) has no economics
    }
    const std::string name = std::filesystem::relative(file, root).generic_string();
    for (Variant variant : {Variant::as_written, Variant::exact_years, Variant::day_night, Variant::dynamic,
                            Variant::own_pv}) {
      INFO(name << " / " << variant_name(variant));
      const Digests first = run_variant(s, variant, caches);
      simulation::SimulationCaches fresh;  // nothing shared with the first run
      const Digests second = run_variant(s, variant, fresh);
      CHECK(first.basis == second.basis);
      CHECK(first.result == second.result);
      results.insert(first.result);
      ++compared;
    }
  }
  CHECK(compared >= 50);
  // Every variant of every scenario reaches different money: the digests see the paths apart.
  CHECK(results.size() == static_cast<std::size_t>(compared));
}
