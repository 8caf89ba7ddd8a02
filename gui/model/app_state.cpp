#include "gui/model/app_state.hpp"

#include <cstdlib>
#include <fstream>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/scenario/scenario_io.hpp"

namespace deelstroom::gui {

namespace fs = std::filesystem;

void load_into(AppState& state, scenario::Scenario scenario, const fs::path& file, bool dirty) {
  state.scenario = std::move(scenario);
  state.file = file;
  state.dirty = dirty;
  state.pending = ChangeKind::heavy;
  state.undo_stack.clear();
  state.redo_stack.clear();
  state.field_errors.clear();
  state.warnings = state.scenario.warnings;
  state.edits_since_autosave = dirty ? 1 : 0;
  if (!file.empty()) remember_recent(state.recent_files, file);
}

void push_undo(AppState& state) {
  state.undo_stack.push_back(state.scenario);
  if (state.undo_stack.size() > kUndoLimit) state.undo_stack.erase(state.undo_stack.begin());
  state.redo_stack.clear();
}

void drop_last_undo(AppState& state) {
  if (!state.undo_stack.empty()) state.undo_stack.pop_back();
}

void mark_changed(AppState& state, ChangeKind kind) {
  if (kind == ChangeKind::none) return;
  state.dirty = true;
  state.pending = combine(state.pending, kind);
  ++state.edits_since_autosave;
}

namespace {
bool step(AppState& state, std::vector<scenario::Scenario>& from, std::vector<scenario::Scenario>& to) {
  if (from.empty()) return false;
  to.push_back(std::move(state.scenario));
  state.scenario = std::move(from.back());
  from.pop_back();
  mark_changed(state, ChangeKind::heavy);
  return true;
}
}  // namespace

bool undo(AppState& state) { return step(state, state.undo_stack, state.redo_stack); }
bool redo(AppState& state) { return step(state, state.redo_stack, state.undo_stack); }

void remember_recent(std::vector<fs::path>& recent, const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  if (ec) absolute = file;
  absolute = absolute.lexically_normal();
  std::erase(recent, absolute);
  recent.insert(recent.begin(), absolute);
  if (recent.size() > kRecentLimit) recent.resize(kRecentLimit);
}

std::vector<fs::path> read_recent_files(const fs::path& list_file) {
  std::vector<fs::path> recent;
  std::ifstream in(list_file);
  std::string line;
  while (std::getline(in, line) && recent.size() < kRecentLimit) {
    if (!line.empty()) recent.emplace_back(line);
  }
  return recent;
}

void write_recent_files(const fs::path& list_file, const std::vector<fs::path>& recent) {
  std::error_code ec;
  fs::create_directories(list_file.parent_path(), ec);
  std::string text;
  for (const fs::path& file : recent) text += file.string() + "\n";
  write_file_atomically(list_file, text);
}

namespace {
// XDG base directories (freedesktop.org Base Directory Specification 0.8): the variable when
// set and absolute, else the default under $HOME.
fs::path xdg_directory(const char* variable, const char* fallback_under_home) {
  if (const char* value = std::getenv(variable); value != nullptr && value[0] == '/') return fs::path(value);
  const char* home = std::getenv("HOME");
  return fs::path(home != nullptr ? home : ".") / fallback_under_home;
}
}  // namespace

fs::path recent_files_path() { return xdg_directory("XDG_CONFIG_HOME", ".config") / "deelstroom" / "recent.txt"; }
fs::path recovery_path() { return xdg_directory("XDG_STATE_HOME", ".local/state") / "deelstroom" / "recovery.toml"; }
fs::path recovery_origin_path() { return recovery_path().replace_extension(".origin"); }

void make_paths_absolute(scenario::Scenario& s) {
  auto absolute = [&](std::string& path) {
    if (!path.empty()) path = fs::absolute(s.resolve(path)).lexically_normal().string();
  };
  absolute(s.weather.file);
  for (auto& array : s.pv.arrays) absolute(array.file);
  absolute(s.common.file);
  for (auto& apartment : s.apartments) absolute(apartment.consumption.file);
  absolute(s.economics.tariffs.energy.day_ahead_file);
}

void save_as(AppState& state, const fs::path& file) {
  scenario::write_scenario(state.scenario, file);
  // The file holds paths relative to its new folder; the scenario in memory keeps absolute
  // ones so it does not depend on where it was read from.
  make_paths_absolute(state.scenario);
  state.scenario.source_file = file;
  state.file = file;
  state.dirty = false;
  state.edits_since_autosave = 0;
  remember_recent(state.recent_files, file);
  remove_recovery();
}

void write_recovery(const AppState& state) {
  const fs::path target = recovery_path();
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  // Relative paths (meter files) are rewritten against the recovery folder, so the copy still
  // finds them.
  scenario::write_scenario(state.scenario, target);
  write_file_atomically(recovery_origin_path(), state.file.string());
}

void remove_recovery() {
  std::error_code ec;
  fs::remove(recovery_path(), ec);
  fs::remove(recovery_origin_path(), ec);
}

bool validate_into(AppState& state) {
  state.field_errors.clear();
  try {
    // Anchored at the scenario's own file so relative meter paths resolve as they will on disk.
    const fs::path anchor = state.scenario.source_file.empty() ? fs::path("nieuw.toml") : state.scenario.source_file;
    const scenario::Scenario parsed = scenario::parse_scenario(scenario::format_scenario(state.scenario, anchor), anchor);
    state.warnings = parsed.warnings;
    return true;
  } catch (const InputError& error) {
    state.field_errors[error.where().field] = error.text();
    return false;
  }
}

std::string field_of_file(const scenario::Scenario& scenario, const std::string& file, const std::string& fallback) {
  if (file.empty()) return fallback;
  std::error_code ec;
  auto same = [&](const std::string& path) {
    if (path.empty()) return false;
    const fs::path resolved = scenario.resolve(path);
    return resolved == fs::path(file) || fs::equivalent(resolved, fs::path(file), ec);
  };
  for (std::size_t i = 0; i < scenario.apartments.size(); ++i) {
    if (same(scenario.apartments[i].consumption.file)) return "apartments[" + std::to_string(i) + "].file";
  }
  if (same(scenario.common.file)) return "common.file";
  if (same(scenario.weather.file)) return "weather.file";
  return fallback;
}

const Text* field_error(const AppState& state, const std::string& field) {
  if (auto it = state.field_errors.find(field); it != state.field_errors.end()) return &it->second;
  // "apartments[3].shares" also matches an error on "apartments[*].shares".
  const auto open = field.find('[');
  const auto close = field.find(']');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    const std::string any = field.substr(0, open) + "[*]" + field.substr(close + 1);
    if (auto it = state.field_errors.find(any); it != state.field_errors.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace deelstroom::gui
