// Reproducible money: every double of EconomicsResult (the association's years, bills and
// indicators, every apartment's years, bills and indicators) hashed for every bundled
// scenario, in a few variants that walk the economics' other code paths (exact years, a
// day/night and a dynamic contract, an apartment with its own PV). The digests were recorded
// on the code before the evaluation was made faster; a speed-up must leave them as they are.
//
// The energy basis (the settlements the money is evaluated on) is hashed apart: when only the
// result digest moves, the money side changed; when the basis digest moves too, the energy did
// (profiles, PV, settlement) and the recorded digests need a deliberate update.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
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

/// Recorded on the unchanged evaluation (commit 7269f99): scenario, variant -> digests.
const std::map<std::string, Digests>& recorded() {
  static const std::map<std::string, Digests> digests = {
      {"bench/building_20.toml / as written", {0x9eb09c5b5c73b9c9ULL, 0xac8a096b2cf59446ULL}},
      {"bench/building_20.toml / exact years", {0xc786eb61f8e6e5e9ULL, 0x52351efea9ad67ceULL}},
      {"bench/building_20.toml / day/night contract", {0x36172779ebc2b572ULL, 0xc12857b12d6153deULL}},
      {"bench/building_20.toml / dynamic contract", {0xad6d7eb32ac15394ULL, 0x22f9836f8355b3ccULL}},
      {"bench/building_20.toml / an apartment with own PV", {0x34dfeaea5d2a631cULL, 0x4c2df4b1c7b8a9bfULL}},
      {"example.toml / as written", {0x04856145ef58cef0ULL, 0xe3a19149c833e04fULL}},
      {"example.toml / exact years", {0xd58b4dadfa5440daULL, 0x6d6fa4a3dfd4e85cULL}},
      {"example.toml / day/night contract", {0x9aca112453e31c85ULL, 0xf6175de27daa0414ULL}},
      {"example.toml / dynamic contract", {0x7159ad7af315610fULL, 0xd9b497f38ad17090ULL}},
      {"example.toml / an apartment with own PV", {0x0328dad4877ae788ULL, 0xe8d8525bf0377f25ULL}},
      {"own_building/own_building.toml / as written", {0xb1552e3217e060ecULL, 0x4eea89bc29d2ca70ULL}},
      {"own_building/own_building.toml / exact years", {0xf2aab9c194761e6aULL, 0xddc537bf681cb05cULL}},
      {"own_building/own_building.toml / day/night contract", {0x725dcabf98051305ULL, 0x2c1076edb6076ba8ULL}},
      {"own_building/own_building.toml / dynamic contract", {0x91b3c2934e123648ULL, 0xde6904424889ffffULL}},
      {"own_building/own_building.toml / an apartment with own PV", {0x1e41d77219199a21ULL, 0x1309ea7f4614082aULL}},
      {"training/01_pendelaars.toml / as written", {0x8bbc91b0a35bcc7cULL, 0x69219e4e8c690aadULL}},
      {"training/01_pendelaars.toml / exact years", {0xdae742362632e639ULL, 0xc0227284327c8603ULL}},
      {"training/01_pendelaars.toml / day/night contract", {0x58bdb8332071bd4fULL, 0x8ac0585a21b5dee5ULL}},
      {"training/01_pendelaars.toml / dynamic contract", {0xeadbab9784228172ULL, 0x8f482d7b7b063982ULL}},
      {"training/01_pendelaars.toml / an apartment with own PV", {0x96966805a6434f83ULL, 0x9dc78a4526abce4aULL}},
      {"training/02_gepensioneerden.toml / as written", {0xeed94aa07a493e9aULL, 0x36976c0b3728a0c2ULL}},
      {"training/02_gepensioneerden.toml / exact years", {0x571937f2bc48b60eULL, 0xa4d840df74536222ULL}},
      {"training/02_gepensioneerden.toml / day/night contract", {0xd3dec08b8637fbb4ULL, 0x90882bff7aead914ULL}},
      {"training/02_gepensioneerden.toml / dynamic contract", {0xf3838c01a7f6ced2ULL, 0xac4e11a536b23b27ULL}},
      {"training/02_gepensioneerden.toml / an apartment with own PV", {0x06563c10cd06c762ULL, 0xb2addd3314a11b3bULL}},
      {"training/03_oost_west.toml / as written", {0xf0d4e350ab370fadULL, 0xf0d3160039e83faeULL}},
      {"training/03_oost_west.toml / exact years", {0xe8f90b8efd6aab2fULL, 0x734c5af0789f5274ULL}},
      {"training/03_oost_west.toml / day/night contract", {0x76a37cb9ab7280edULL, 0xdc1a862be83c6a9fULL}},
      {"training/03_oost_west.toml / dynamic contract", {0x5ce5c19e58b30708ULL, 0x211342af848aaa53ULL}},
      {"training/03_oost_west.toml / an apartment with own PV", {0x265c3d37d18817ddULL, 0xd940b12deea4e2edULL}},
      {"training/04_zuid.toml / as written", {0xa2bc99289add866bULL, 0x4dd2d1ac3043d76dULL}},
      {"training/04_zuid.toml / exact years", {0x18ba9fb5a3e8e90cULL, 0x7d4d6d976ca21210ULL}},
      {"training/04_zuid.toml / day/night contract", {0xf0ec1c029098bf8bULL, 0xe78fc8d497ae5aa1ULL}},
      {"training/04_zuid.toml / dynamic contract", {0xc29e576bf1055d77ULL, 0x764188968822f8e2ULL}},
      {"training/04_zuid.toml / an apartment with own PV", {0xac171e3fe4bd47f5ULL, 0x2a8fea8076e6312cULL}},
      {"training/05_statisch_of_dynamisch.toml / as written", {0xaf39d54f98e93c35ULL, 0xf01da45e176fe737ULL}},
      {"training/05_statisch_of_dynamisch.toml / exact years", {0x6402d0e8565c81ddULL, 0xb792d644a8ebaa22ULL}},
      {"training/05_statisch_of_dynamisch.toml / day/night contract", {0x870a1f91b87bcda2ULL, 0xa39288647cc1ee6eULL}},
      {"training/05_statisch_of_dynamisch.toml / dynamic contract", {0x1a48642cf0bcaab2ULL, 0x886059d3f3c416a8ULL}},
      {"training/05_statisch_of_dynamisch.toml / an apartment with own PV", {0xb094de5108532266ULL, 0x401f9339b90778a3ULL}},
      {"training/06_cascade_rondes.toml / as written", {0x759bc4d68318c78aULL, 0xeceb8ce6804f472bULL}},
      {"training/06_cascade_rondes.toml / exact years", {0x76610102a58d5146ULL, 0x9373561b99b3e34bULL}},
      {"training/06_cascade_rondes.toml / day/night contract", {0x466ffd0a94257cc9ULL, 0xa0660b7bbd015b4bULL}},
      {"training/06_cascade_rondes.toml / dynamic contract", {0x67ea86dd8a0d720fULL, 0xed87d32c46acccc3ULL}},
      {"training/06_cascade_rondes.toml / an apartment with own PV", {0xa8e357d91343c5baULL, 0x9c70489406e59edcULL}},
      {"training/07_grote_gemeenschappelijke_delen.toml / as written", {0x6f6a2d23b0f20ae1ULL, 0x224f7a467207527cULL}},
      {"training/07_grote_gemeenschappelijke_delen.toml / exact years", {0x279354fc93d5a114ULL, 0x3134bddd4c5080d5ULL}},
      {"training/07_grote_gemeenschappelijke_delen.toml / day/night contract", {0xa208b20396a821abULL, 0xb9728215fe75e403ULL}},
      {"training/07_grote_gemeenschappelijke_delen.toml / dynamic contract", {0x7c238e6d4edbfdeeULL, 0x6263427c9109107cULL}},
      {"training/07_grote_gemeenschappelijke_delen.toml / an apartment with own PV", {0x5aaaaec504c8ceebULL, 0x51b4543dce776c15ULL}},
      {"training/08_dak_op_maat.toml / as written", {0x29f65ce0ccc8f344ULL, 0x217013597fd2c663ULL}},
      {"training/08_dak_op_maat.toml / exact years", {0x49435f6a83ce927bULL, 0x9232987a24a2f5ffULL}},
      {"training/08_dak_op_maat.toml / day/night contract", {0x6054cb95a860d520ULL, 0xd946e273d83b46e1ULL}},
      {"training/08_dak_op_maat.toml / dynamic contract", {0x563b0d753cce9e07ULL, 0x2b3aa8643f7dfcdeULL}},
      {"training/08_dak_op_maat.toml / an apartment with own PV", {0xf3360bd768bf9351ULL, 0xd7ffd6b2c1da1468ULL}},
  };
  return digests;
}

}  // namespace

TEST_CASE("Every double of the economics of every bundled scenario keeps its bits", "[economics][bits][slow]") {
  const std::filesystem::path root = std::filesystem::path(DEELSTROOM_SOURCE_DIR) / "scenarios";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  simulation::SimulationCaches caches;
  std::string table;
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
      const std::string key = name + " / " + variant_name(variant);
      const Digests got = run_variant(s, variant, caches);
      char line[256];
      std::snprintf(line, sizeof line, "      {\"%s\", {0x%016llxULL, 0x%016llxULL}},\n", key.c_str(),
                    static_cast<unsigned long long>(got.basis), static_cast<unsigned long long>(got.result));
      table += line;
      const auto found = recorded().find(key);
      if (found == recorded().end()) continue;
      ++compared;
      INFO(key);
      CHECK(got.basis == found->second.basis);  // moved: the energy changed, not the money side
      CHECK(got.result == found->second.result);
    }
  }
  // DEELSTROOM_BITS_TABLE=file writes the digests as they are now, in the form recorded() takes.
  if (const char* path = std::getenv("DEELSTROOM_BITS_TABLE")) std::ofstream(path) << table;
  INFO("digests now:\n" << table);
  CHECK(compared == static_cast<int>(recorded().size()));
  CHECK(compared >= 50);
}
