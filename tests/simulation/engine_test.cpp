// The engine on real buildings: the energy balance of every quarter-hour, the hard rules,
// the consumption each apartment asked for, determinism (also across threads), and a
// scenario round trip giving the same result.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include <unistd.h>

#include "core/common/data_dir.hpp"
#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

using namespace deelstroom;

namespace {

scenario::Scenario example() { return scenario::read_scenario(example_scenario_path()); }

bool same_bits(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
  return a.size() == b.size() && std::equal(a.data(), a.data() + a.size(), b.data());
}

}  // namespace

TEST_CASE("Example building: every quarter-hour balances to 1e-9 kWh and obeys the hard rules", "[simulation][balance]") {
  const scenario::Scenario s = example();
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  const sharing::BuildingSeries& series = building.series;
  REQUIRE(series.interval_count() == 35040);
  const simulation::KeyRun run = simulation::run_key(s, building, s.key, true);
  const auto& r = run.settlement;
  int violations = 0;
  double worst = 0.0;
  for (int t = 0; t < series.interval_count(); ++t) {
    const double production = series.production_kwh[t];
    const double common_self = std::min(production, series.common_consumption_kwh[t]);
    const double shared = r.allocated_kwh.col(t).sum();
    // P = Sc + sum a_i + R
    worst = std::max(worst, std::abs(production - common_self - shared - r.injected_kwh[t]));
    for (int i = 0; i < series.apartment_count(); ++i) {
      const double a = r.allocated_kwh(i, t);
      if (a < -1e-12 || a > series.offtake_kwh(i, t) + 1e-12) ++violations;
      if (!s.apartments[static_cast<std::size_t>(i)].participates && a != 0.0) ++violations;
    }
    if (r.injected_kwh[t] < -1e-12) ++violations;
  }
  CHECK(worst <= 1e-9);
  CHECK(violations == 0);
  // The yearly totals agree with the series.
  CHECK(r.year.production_kwh == Approx(series.production_kwh.sum()).epsilon(1e-12));
  double arrays_kwh = 0.0;
  for (const auto& array : building.arrays) arrays_kwh += array.ac_kwh_total;
  CHECK(arrays_kwh == Approx(series.production_kwh.sum()).epsilon(1e-12));
}

TEST_CASE("Each connection consumes the yearly kWh its scenario asks for, twins differ", "[simulation][consumption]") {
  const scenario::Scenario s = example();
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    const auto& settings = s.apartments[i].consumption;
    REQUIRE(settings.annual_kwh);
    INFO(s.apartments[i].id);
    CHECK(building.series.offtake_kwh.row(static_cast<Eigen::Index>(i)).sum() == Approx(*settings.annual_kwh).epsilon(0.001));
  }
  CHECK(building.series.common_consumption_kwh.sum() == Approx(*s.common.annual_kwh).epsilon(0.001));
  // Apartments 1.2 and 3.1 are both working couples: different seeds, different series.
  const int a = s.apartment_index("1.2"), b = s.apartment_index("3.1");
  REQUIRE(a >= 0);
  REQUIRE(b >= 0);
  CHECK(s.apartments[static_cast<std::size_t>(a)].consumption.archetype ==
        s.apartments[static_cast<std::size_t>(b)].consumption.archetype);
  CHECK((building.series.offtake_kwh.row(a) - building.series.offtake_kwh.row(b)).cwiseAbs().sum() > 100.0);
}

TEST_CASE("Same scenario and seed, same bits: twice, and on two threads at once", "[simulation][determinism]") {
  const scenario::Scenario s = example();
  simulation::SimulationCaches serial_cache;
  const simulation::PreparedBuilding reference = simulation::prepare_building(s, serial_cache);
  const simulation::KeyRun reference_run = simulation::run_key(s, reference, s.key, false);

  simulation::SimulationCaches shared_cache;  // one cache shared by two threads, as in a batch
  std::vector<simulation::PreparedBuilding> built(2);
  std::vector<std::thread> threads;
  for (int k = 0; k < 2; ++k) {
    threads.emplace_back([&, k] { built[static_cast<std::size_t>(k)] = simulation::prepare_building(s, shared_cache); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& building : built) {
    CHECK(same_bits(building.series.production_kwh, reference.series.production_kwh));
    CHECK(same_bits(building.series.common_consumption_kwh, reference.series.common_consumption_kwh));
    const Eigen::ArrayXXd diff = (building.series.offtake_kwh - reference.series.offtake_kwh).array();
    CHECK((diff == 0.0).all());
    const simulation::KeyRun run = simulation::run_key(s, building, s.key, false);
    CHECK(run.settlement.year.shared_kwh == reference_run.settlement.year.shared_kwh);
  }
  // Another scenario seed draws other households.
  scenario::Scenario reseeded = s;
  reseeded.seed = s.seed + 1;
  const simulation::PreparedBuilding other = simulation::prepare_building(reseeded, serial_cache);
  CHECK_FALSE((other.series.offtake_kwh.array() == reference.series.offtake_kwh.array()).all());
}

TEST_CASE("A scenario written and read back gives the same result, to the bit", "[simulation][roundtrip]") {
  const scenario::Scenario s = example();
  const std::filesystem::path file = std::filesystem::temp_directory_path() / ("deelstroom_roundtrip_" + std::to_string(::getpid()) + ".toml");
  scenario::write_scenario(s, file);
  const scenario::Scenario again = scenario::read_scenario(file);
  simulation::SimulationCaches caches;
  const auto first = simulation::prepare_building(s, caches);
  const auto second = simulation::prepare_building(again, caches);
  const auto run1 = simulation::run_key(s, first, s.key, false);
  const auto run2 = simulation::run_key(again, second, again.key, false);
  CHECK(run1.settlement.year.shared_kwh == run2.settlement.year.shared_kwh);
  CHECK(run1.settlement.year.injected_kwh == run2.settlement.year.injected_kwh);
  const auto money1 = simulation::run_economics(s, first, run1.key);
  const auto money2 = simulation::run_economics(again, second, run2.key);
  CHECK(money1.association.indicators.npv_eur == money2.association.indicators.npv_eur);
  for (std::size_t i = 0; i < money1.apartments.size(); ++i) {
    CHECK(money1.apartments[i].total.npv_eur == money2.apartments[i].total.npv_eur);
  }
  std::filesystem::remove(file);
}

TEST_CASE("Engine economics: owners' parts add up to the association, year by year, to the cent", "[simulation][economics]") {
  const scenario::Scenario s = example();
  simulation::SimulationCaches caches;
  const auto building = simulation::prepare_building(s, caches);
  const auto run = simulation::run_key(s, building, s.key, false);
  const auto money = simulation::run_economics(s, building, run.key);
  REQUIRE(money.association.years.size() == static_cast<std::size_t>(money.horizon_years + 1));
  for (std::size_t y = 0; y < money.association.years.size(); ++y) {
    double owners = 0.0;
    for (const auto& a : money.apartments) owners += a.years[y].owner_eur;
    INFO("year " << y);
    CHECK(owners == Approx(money.association.years[y].net_eur).margin(0.005));
  }
  // Year 1: the association's shared kWh is the settlement's, and each occupant saves
  // (supplier price incl. VAT - internal price) x shared kWh with the default single contract
  // (shared kWh pay network charges and levies in Flanders, so only the energy part is saved),
  // minus the DSO's yearly fee per participant (+ VAT).
  const auto& t = s.economics.tariffs;
  REQUIRE(t.network.sharing_participant_fee_eur_per_year == 1.0);  // Fluvius, profiles/tariffs/flanders_2026.toml
  CHECK(money.association.years[1].shared_kwh == Approx(run.settlement.year.shared_kwh).epsilon(1e-12));
  for (std::size_t i = 0; i < money.apartments.size(); ++i) {
    const double shared = run.settlement.apartment_shared_kwh(static_cast<int>(i));
    const double fee = s.apartments[i].participates ? t.network.sharing_participant_fee_eur_per_year * (1.0 + t.vat_rate) : 0.0;
    const double expected =
        (t.energy.price_eur_per_kwh * (1.0 + t.vat_rate) - t.sharing.internal_price_eur_per_kwh) * shared - fee;
    INFO(money.apartments[i].id);
    CHECK(money.apartments[i].occupant_saving_eur_per_year == Approx(expected).margin(1e-6));
  }
}

TEST_CASE("A building on PVGIS weather: the CSV and JSON of the same TMY give the same production",
          "[simulation][weather]") {
  auto scenario_for = [](const std::string& file) {
    scenario::Scenario s = scenario::default_scenario();
    s.site.latitude_deg = 45.0;  // the location of the bundled PVGIS files
    s.site.longitude_deg = 8.0;
    s.weather.source = scenario::WeatherSource::pvgis;
    s.weather.file = std::string(DEELSTROOM_TEST_DATA_DIR) + "/pvgis/" + file;
    return s;
  };
  simulation::SimulationCaches caches;
  const auto from_csv = simulation::prepare_building(scenario_for("tmy_45.000_8.000_2005_2023.csv"), caches);
  const auto from_json = simulation::prepare_building(scenario_for("tmy_45.000_8.000_2005_2023.json"), caches);
  const double csv_kwh = from_csv.series.production_kwh.sum();
  CHECK(csv_kwh == Approx(from_json.series.production_kwh.sum()).epsilon(1e-6));
  // 15 kWp facing south at 35 degrees in Piedmont: PVGIS-style yields of 1,100-1,500 kWh/kWp.
  const double yield = csv_kwh / 15.0;
  CHECK(yield > 1100.0);
  CHECK(yield < 1500.0);
  // And more than the same roof on the embedded Belgian year.
  const auto belgian = simulation::prepare_building(scenario::default_scenario(), caches);
  CHECK(csv_kwh > 1.1 * belgian.series.production_kwh.sum());
}

TEST_CASE("The array cache returns what the model computes, misses on any config change, and stays bounded",
          "[simulation][cache]") {
  const scenario::Scenario s = example();
  simulation::SimulationCaches caches;
  const time::YearGrid grid = time::make_year_grid(s.site.year);
  const auto calendar = caches.calendar(grid, s.site.timezone);
  const auto positions = caches.positions(solar::Site{s.site.latitude_deg, s.site.longitude_deg, s.site.elevation_m}, grid);
  const auto weather = caches.weather(s, grid, *positions);
  pv::ArrayConfig config;
  config.kwp = 12.0;
  const auto first = caches.array_result(config, weather, positions, calendar);
  const auto again = caches.array_result(config, weather, positions, calendar);
  CHECK(first == again);  // a hit: the same object
  const pv::ArrayResult direct = pv::simulate_array(config, *weather, *positions, *calendar);
  CHECK(same_bits(first->ac_kwh, direct.ac_kwh));
  pv::ArrayConfig tilted = config;
  tilted.losses.soiling_pct += 1.0;  // a nested field counts too
  const auto other = caches.array_result(tilted, weather, positions, calendar);
  CHECK(other != first);
  CHECK(other->ac_kwh_year < first->ac_kwh_year);
  // More distinct arrays than the cache holds: the first is computed again (a new object),
  // with the same bits.
  for (std::size_t k = 0; k < simulation::SimulationCaches::kArrayCacheSize; ++k) {
    pv::ArrayConfig c = config;
    c.tilt_deg = 1.0 + static_cast<double>(k);
    caches.array_result(c, weather, positions, calendar);
  }
  const auto recomputed = caches.array_result(config, weather, positions, calendar);
  CHECK(recomputed != first);
  CHECK(same_bits(recomputed->ac_kwh, first->ac_kwh));
}

TEST_CASE("A PVGIS file more than half a degree of latitude from the site gives a warning", "[simulation][weather][limits]") {
  auto scenario_at = [](double latitude) {
    scenario::Scenario s = scenario::default_scenario();
    s.site.latitude_deg = latitude;
    s.site.longitude_deg = 8.0;
    s.weather.source = scenario::WeatherSource::pvgis;
    s.weather.file = std::string(DEELSTROOM_TEST_DATA_DIR) + "/pvgis/tmy_45.000_8.000_2005_2023.csv";  // 45.000 N
    return s;
  };
  auto latitude_warnings = [](const simulation::PreparedBuilding& b) {
    int found = 0;
    for (const Text& w : b.warnings) found += w.english.find("latitude 45.000") != std::string::npos;
    return found;
  };
  simulation::SimulationCaches caches;
  // Brussels (50.85 N) on a Piedmont file: 5.85 degrees apart.
  const auto brussels = simulation::prepare_building(scenario_at(50.85), caches);
  CHECK(latitude_warnings(brussels) == 1);
  // 0.4 degree apart: no warning.
  CHECK(latitude_warnings(simulation::prepare_building(scenario_at(45.4), caches)) == 0);
}

TEST_CASE("A key by investment built in code without any investment_eur is an error at key.preset", "[simulation][key]") {
  scenario::Scenario s = scenario::default_scenario();
  REQUIRE(s.apartments.size() >= 2);
  for (auto& a : s.apartments) a.investment_eur.reset();
  s.key.type = "fixed";
  s.key.preset = "investment";
  simulation::SimulationCaches caches;
  const simulation::PreparedBuilding building = simulation::prepare_building(s, caches);
  try {
    simulation::run_key(s, building, s.key, false);
    FAIL("no error for preset investment without investments");
  } catch (const InputError& e) {
    CHECK(e.where().field == "key.preset");
    CHECK(std::string(e.what()).find("investment_eur") != std::string::npos);
  }
  // Only the first apartment invested: a fixed key gives it 100 %, the others nothing.
  s.apartments[0].investment_eur = 1000.0;
  const simulation::KeyRun run = simulation::run_key(s, building, s.key, false);
  CHECK(run.settlement.apartment_shared_kwh(0) > 0.0);
  for (std::size_t i = 1; i < s.apartments.size(); ++i) CHECK(run.settlement.apartment_shared_kwh(static_cast<int>(i)) == 0.0);
}
