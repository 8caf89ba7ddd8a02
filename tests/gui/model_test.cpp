// The GUI's window-free model: undo, recent files, validation messages at fields, recovery,
// the results cache's light, money-only and background paths, shown numbers.
#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"
#include "gui/model/app_state.hpp"
#include "gui/model/results_cache.hpp"
#include "gui/model/shown_numbers.hpp"
#include "gui/model/training.hpp"

using namespace deelstroom;
using namespace deelstroom::gui;
namespace fs = std::filesystem;

namespace {
fs::path fresh_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("deelstroom_gui_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Prepares the building and the key's results on this thread (the background job, waited for).
void compute(ResultsCache& cache, const scenario::Scenario& s) {
  cache.request_building(s);
  REQUIRE(cache.wait_idle(300.0));
  REQUIRE(cache.poll());
  REQUIRE(cache.recompute_light(s));
}
}  // namespace

TEST_CASE("undo and redo restore the scenario step by step", "[gui]") {
  AppState state;
  load_into(state, scenario::default_scenario(), {});
  const double original_kwp = state.scenario.pv.arrays[0].kwp;
  push_undo(state);
  state.scenario.pv.arrays[0].kwp = 20.0;
  mark_changed(state, ChangeKind::heavy);
  push_undo(state);
  state.scenario.key.preset = "shares";
  mark_changed(state, ChangeKind::light);
  CHECK(state.dirty);

  REQUIRE(undo(state));
  CHECK(state.scenario.key.preset == "equal");
  CHECK(state.scenario.pv.arrays[0].kwp == 20.0);
  REQUIRE(undo(state));
  CHECK(state.scenario.pv.arrays[0].kwp == original_kwp);
  CHECK_FALSE(undo(state));
  REQUIRE(redo(state));
  CHECK(state.scenario.pv.arrays[0].kwp == 20.0);
  // An undo may change anything: the results are rebuilt.
  CHECK(state.pending == ChangeKind::heavy);
  // A new edit after an undo drops the redo branch.
  push_undo(state);
  CHECK(state.redo_stack.empty());
}

TEST_CASE("the undo stack keeps at most kUndoLimit steps", "[gui]") {
  AppState state;
  load_into(state, scenario::default_scenario(), {});
  for (std::size_t i = 0; i < kUndoLimit + 10; ++i) {
    push_undo(state);
    state.scenario.seed = i + 100;
  }
  CHECK(state.undo_stack.size() == kUndoLimit);
  // The oldest steps went first: the oldest kept snapshot has seed 100 + 10 - 1.
  CHECK(state.undo_stack.front().seed == 109);
}

TEST_CASE("change kinds combine to the most expensive", "[gui]") {
  CHECK(combine(ChangeKind::money, ChangeKind::light) == ChangeKind::light);
  CHECK(combine(ChangeKind::heavy, ChangeKind::money) == ChangeKind::heavy);
  AppState state;
  state.pending = ChangeKind::none;
  mark_changed(state, ChangeKind::money);
  mark_changed(state, ChangeKind::light);
  mark_changed(state, ChangeKind::money);
  CHECK(state.pending == ChangeKind::light);
  CHECK(state.dirty);
}

TEST_CASE("recent files: most recent first, no duplicates, at most kRecentLimit, saved and read back", "[gui]") {
  std::vector<fs::path> recent;
  for (int i = 0; i < 10; ++i) remember_recent(recent, "/tmp/file" + std::to_string(i) + ".toml");
  remember_recent(recent, "/tmp/file5.toml");
  REQUIRE(recent.size() == kRecentLimit);
  CHECK(recent[0] == fs::path("/tmp/file5.toml"));
  CHECK(recent[1] == fs::path("/tmp/file9.toml"));
  CHECK(std::count(recent.begin(), recent.end(), fs::path("/tmp/file5.toml")) == 1);
  const fs::path list = fresh_directory("recent") / "recent.txt";
  write_recent_files(list, recent);
  CHECK(read_recent_files(list) == recent);
  CHECK(read_recent_files(list.parent_path() / "missing.txt").empty());
}

TEST_CASE("a negative kWp is refused with a message at the kWp field; the scenario is kept", "[gui]") {
  AppState state;
  load_into(state, scenario::default_scenario(), {});
  state.scenario.pv.arrays[0].kwp = -5.0;
  CHECK_FALSE(validate_into(state));
  const Text* message = field_error(state, "pv.arrays[0].kwp");
  REQUIRE(message != nullptr);
  CHECK_THAT(message->english, Catch::Contains("-5"));
  CHECK_THAT(message->dutch, Catch::Contains("verwacht"));
  CHECK(field_error(state, "pv.arrays[0].tilt_deg") == nullptr);
  CHECK(state.scenario.pv.arrays[0].kwp == -5.0);  // nothing lost: the person corrects it
  state.scenario.pv.arrays[0].kwp = 5.0;
  CHECK(validate_into(state));
  CHECK(state.field_errors.empty());
}

TEST_CASE("shares that do not add up to 1000 are an error at every apartment's shares under a key by shares", "[gui]") {
  AppState state;
  load_into(state, scenario::default_scenario(), {});
  state.scenario.apartments[2].shares += 25.0;  // 1025 in total
  state.scenario.key.preset = "shares";
  CHECK_FALSE(validate_into(state));
  REQUIRE(field_error(state, "apartments[2].shares") != nullptr);
  CHECK_THAT(field_error(state, "apartments[0].shares")->english, Catch::Contains("1025"));
  // With an equal key the same shares are only a warning (costs are normalised).
  state.scenario.key.preset = "equal";
  CHECK(validate_into(state));
  REQUIRE(state.warnings.size() == 1);
  CHECK_THAT(state.warnings[0].english, Catch::Contains("1025"));
}

TEST_CASE("a broken meter file is reported by the background job and placed at the apartment using it", "[gui]") {
  scenario::Scenario s = scenario::default_scenario();
  ResultsCache cache;
  compute(cache, s);
  const double shared_before = cache.results().run.settlement.year.shared_kwh;

  s.apartments[1].consumption.archetype.clear();
  s.apartments[1].consumption.annual_kwh.reset();
  s.apartments[1].consumption.file = std::string(DEELSTROOM_TEST_DATA_DIR) + "/load/mijn_fluvius_text_in_volume.csv";
  cache.request_building(s);
  REQUIRE(cache.wait_idle(300.0));
  CHECK_FALSE(cache.poll());
  REQUIRE(cache.building_error());
  CHECK_THAT(cache.building_error()->message.english, Catch::Contains("abc"));
  CHECK(field_of_file(s, cache.building_error()->file, cache.building_error()->field) == "apartments[1].file");
  // The last good results stay on screen.
  REQUIRE(cache.has_results());
  CHECK(cache.results().run.settlement.year.shared_kwh == shared_before);
}

TEST_CASE("a money-only change gives the same results as a full recompute", "[gui]") {
  scenario::Scenario s = scenario::default_scenario();
  ResultsCache cache;
  compute(cache, s);
  s.economics.tariffs.sharing.internal_price_eur_per_kwh = 0.17;
  s.economics.investment.subsidy_eur = 2500.0;
  s.apartments[3].occupancy = scenario::Occupancy::tenant;
  REQUIRE(cache.recompute_money(s));
  CHECK(cache.results().money_only);
  const economics::EconomicsResult money_only = *cache.results().money;
  REQUIRE(cache.recompute_light(s));
  CHECK_FALSE(cache.results().money_only);
  const economics::EconomicsResult full = *cache.results().money;
  CHECK(money_only.association.indicators.npv_eur == full.association.indicators.npv_eur);
  CHECK(money_only.association.cash_flows_eur == full.association.cash_flows_eur);
  for (std::size_t i = 0; i < full.apartments.size(); ++i) {
    CHECK(money_only.apartments[i].cash_flows_eur == full.apartments[i].cash_flows_eur);
  }
  // The price moved the result at all (the check above compares something that changed).
  ResultsCache other;
  compute(other, scenario::default_scenario());
  CHECK(other.results().money->association.indicators.npv_eur != full.association.indicators.npv_eur);
}

TEST_CASE("a money-only change that alters the energy basis falls back to the full recompute", "[gui]") {
  scenario::Scenario s = scenario::default_scenario();
  ResultsCache cache;
  compute(cache, s);
  s.economics.analysis.horizon_years = 12;
  REQUIRE(cache.recompute_money(s));
  CHECK_FALSE(cache.results().money_only);
  CHECK(cache.results().money->horizon_years == 12);
  CHECK(cache.results().money->association.cash_flows_eur.size() == 13);  // years 0..12
}

TEST_CASE("the light recompute waits for a building with the scenario's apartments", "[gui]") {
  scenario::Scenario s = scenario::default_scenario();
  ResultsCache cache;
  compute(cache, s);
  s.apartments.pop_back();
  CHECK_FALSE(cache.recompute_light(s));
}

TEST_CASE("shown numbers carry their CLI JSON paths and format per language", "[gui]") {
  scenario::Scenario s = scenario::default_scenario();
  ResultsCache cache;
  compute(cache, s);
  const std::vector<ShownNumber> cards = indicator_cards(cache.results());
  REQUIRE(cards.size() == 5);
  CHECK(cards[0].json_path == "building.production_kwh");
  CHECK(*cards[0].value == cache.results().run.settlement.year.production_kwh);
  const auto rows = apartment_rows(cache.results());
  REQUIRE(rows.size() == s.apartments.size());
  CHECK(rows[3].shared_kwh.json_path == "apartments[3].shared_kwh");

  ShownNumber rate{"x", "", "", Unit::fraction, 0.4567};
  CHECK(format_shown(rate, Language::dutch) == "45,7 %");
  CHECK(format_shown(rate, Language::english) == "45.7 %");
  ShownNumber energy{"x", "", "", Unit::kwh, 20069.4};
  CHECK(format_shown(energy, Language::dutch) == "20.069 kWh");
  ShownNumber never{"x", "", "", Unit::years, std::nullopt, 25};
  CHECK(format_shown(never, Language::dutch) == "> 25 jaar");
  CHECK(format_shown(never, Language::english) == "> 25 years");
}

TEST_CASE("the recovery copy holds the unsaved scenario and where it came from", "[gui]") {
  const fs::path dir = fresh_directory("recovery");
  setenv("XDG_STATE_HOME", dir.c_str(), 1);
  AppState state;
  load_into(state, scenario::default_scenario(), "/somewhere/gebouw.toml");
  state.scenario.pv.arrays[0].kwp = 23.5;
  write_recovery(state);
  REQUIRE(recovery_path() == dir / "deelstroom" / "recovery.toml");
  const scenario::Scenario back = scenario::read_scenario(recovery_path());
  CHECK(back.pv.arrays[0].kwp == 23.5);
  CHECK(read_text_file(recovery_origin_path()) == "/somewhere/gebouw.toml");
  remove_recovery();
  CHECK_FALSE(fs::exists(recovery_path()));
  unsetenv("XDG_STATE_HOME");
}

TEST_CASE("saving writes a file the reader accepts and clears dirty", "[gui]") {
  const fs::path dir = fresh_directory("save");
  setenv("XDG_STATE_HOME", dir.c_str(), 1);
  AppState state;
  load_into(state, scenario::default_scenario(), {});
  state.scenario.key.type = "cascade";
  state.scenario.key.rounds = 3;
  mark_changed(state, ChangeKind::light);
  save_as(state, dir / "gebouw.toml");
  CHECK_FALSE(state.dirty);
  CHECK(state.recent_files.front() == dir / "gebouw.toml");
  CHECK(scenario::read_scenario(dir / "gebouw.toml").key.rounds == 3);
  // Saving into a missing folder fails with InputError and leaves the state as it was.
  state.scenario.key.rounds = 2;
  mark_changed(state, ChangeKind::light);
  CHECK_THROWS_AS(save_as(state, dir / "missing" / "x.toml"), InputError);
  CHECK(state.dirty);
  CHECK(state.file == dir / "gebouw.toml");
  unsetenv("XDG_STATE_HOME");
}

TEST_CASE("the training cases are listed with their descriptions", "[gui]") {
  const auto cases = training_cases(fs::path(DEELSTROOM_SOURCE_DIR) / "scenarios" / "training");
  REQUIRE(cases.size() >= 4);
  REQUIRE(cases.size() <= 10);
  for (const TrainingCase& item : cases) CHECK_THAT(item.title, Catch::StartsWith("Casus"));
  CHECK(std::is_sorted(cases.begin(), cases.end(),
                       [](const TrainingCase& a, const TrainingCase& b) { return a.file < b.file; }));
  // Every case carries its teaching notes and discussion questions for the calculator.
  for (const TrainingCase& item : cases) {
    const scenario::Scenario s = scenario::read_scenario(item.file);
    INFO(item.file.string());
    CHECK_FALSE(s.training.notes.empty());
    CHECK(s.training.questions.size() >= 2);
  }
}

TEST_CASE("saving into another folder keeps the meter files found, in the file and in memory", "[gui]") {
  const fs::path dir = fresh_directory("save_elsewhere");
  setenv("XDG_STATE_HOME", dir.c_str(), 1);
  const fs::path meter = fs::path(DEELSTROOM_TEST_DATA_DIR) / "load" / "mijn_fluvius_two_hours.csv";
  // A scenario read from the test data folder refers to its meter file relatively.
  const fs::path original = dir / "a" / "gebouw.toml";
  fs::create_directories(original.parent_path());
  fs::create_directories(dir / "b" / "c");
  const std::string relative = fs::relative(meter, original.parent_path()).generic_string();
  write_file_atomically(original, "[[pv.arrays]]\nkwp = 10\n\n[[apartments]]\nid = \"A1\"\nshares = 500\nfile = \"" +
                                      relative + "\"\n\n[[apartments]]\nid = \"A2\"\nshares = 500\n"
                                      "archetype = \"couple_working\"\n");
  AppState state;
  load_into(state, scenario::read_scenario(original), original);
  REQUIRE(fs::path(state.scenario.apartments[0].consumption.file).is_relative());

  save_as(state, dir / "b" / "c" / "kopie.toml");
  CHECK(fs::equivalent(state.scenario.resolve(state.scenario.apartments[0].consumption.file), meter));
  const scenario::Scenario copy = scenario::read_scenario(dir / "b" / "c" / "kopie.toml");
  CHECK(fs::path(copy.apartments[0].consumption.file).is_relative());
  CHECK(fs::equivalent(copy.resolve(copy.apartments[0].consumption.file), meter));
  unsetenv("XDG_STATE_HOME");
}
