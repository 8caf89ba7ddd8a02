#pragma once
// The state of the desktop calculator between frames: the scenario being edited, where it
// lives on disk, whether it has unsaved changes, undo/redo snapshots, recent files and the
// display options. Plain data plus small functions; no window code, so it is unit-tested.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/common/language.hpp"
#include "core/scenario/scenario.hpp"

namespace deelstroom::gui {

/// What an edit invalidates, from cheap to expensive. Money: prices, investment, discount
/// rate, cost split, occupancy (re-evaluate the money on the cached energy basis). Light: the
/// key, shares, participation, the contract's periods, horizon, degradation (run_key +
/// run_economics). Both are recomputed in the frame of the edit. Heavy: site, weather, PV,
/// consumption profiles, the apartment list (prepare_building again, in the background).
enum class ChangeKind { none = 0, money = 1, light = 2, heavy = 3 };

/// The larger of two change kinds (a heavy change includes the light one).
constexpr ChangeKind combine(ChangeKind a, ChangeKind b) { return a > b ? a : b; }

struct AppState {
  scenario::Scenario scenario;
  std::filesystem::path file;           ///< empty: never saved
  bool dirty = false;                   ///< unsaved changes
  ChangeKind pending = ChangeKind::heavy;  ///< what the results must redo before the next draw
  std::vector<scenario::Scenario> undo_stack;
  std::vector<scenario::Scenario> redo_stack;
  std::vector<std::filesystem::path> recent_files;  ///< most recent first
  Language language = Language::dutch;
  bool presentation = false;            ///< larger text for a projector
  /// Texts drawn wider than their room in the current frame (key names, table headers, card
  /// texts, combo previews): "text (needs W px, has A px)". Cleared each frame; --check-fit
  /// fails when it is not empty.
  std::vector<std::string> clipped_texts;
  /// Field path -> message of the first problem found in the scenario ("pv.arrays[0].kwp").
  std::map<std::string, Text> field_errors;
  std::vector<Text> warnings;     ///< the reader's warnings (e.g. shares != 1000)
  std::string status;                   ///< last message for the status bar
  int edits_since_autosave = 0;
  /// An edit gesture (a drag, typing in a field) in progress: one undo step for all of it.
  bool gesture_open = false;
  bool gesture_changed = false;
};

/// At most this many undo steps are kept.
inline constexpr std::size_t kUndoLimit = 100;
/// At most this many recent files are remembered.
inline constexpr std::size_t kRecentLimit = 8;

/// Replaces the scenario (open, new, training case, recovery): clears undo, dirty and errors,
/// asks for a heavy recompute.
void load_into(AppState& state, scenario::Scenario scenario, const std::filesystem::path& file, bool dirty = false);

/// Records the scenario as it is before an edit (one undo step per edit gesture).
void push_undo(AppState& state);
/// Drops the last undo step (an edit gesture that changed nothing).
void drop_last_undo(AppState& state);
/// Marks the scenario changed: dirty, and the results redo at least `kind`.
void mark_changed(AppState& state, ChangeKind kind);
/// Undo/redo one step; false when there is none. Both ask for a heavy recompute (the
/// snapshot may differ in anything).
bool undo(AppState& state);
bool redo(AppState& state);

/// Moves `file` to the front of `recent` (no duplicates, at most kRecentLimit).
void remember_recent(std::vector<std::filesystem::path>& recent, const std::filesystem::path& file);

/// Recent files, one path per line; missing file = empty list.
std::vector<std::filesystem::path> read_recent_files(const std::filesystem::path& list_file);
void write_recent_files(const std::filesystem::path& list_file, const std::vector<std::filesystem::path>& recent);

/// $XDG_CONFIG_HOME/deelstroom/recent.txt (default ~/.config).
std::filesystem::path recent_files_path();
/// $XDG_STATE_HOME/deelstroom/recovery.toml (default ~/.local/state): autosave of unsaved work.
std::filesystem::path recovery_path();
/// Beside the recovery file: the path the unsaved scenario belonged to (may be empty).
std::filesystem::path recovery_origin_path();

/// Rewrites the scenario's file references (weather, measured PV, meter files, day-ahead
/// prices) as absolute paths, so they keep pointing at the same files when the scenario's
/// own location (source_file) changes.
void make_paths_absolute(scenario::Scenario& scenario);

/// Saves the scenario with core's write_scenario (atomic), clears dirty, remembers the file.
/// Throws InputError when the file cannot be written (the state is then unchanged).
void save_as(AppState& state, const std::filesystem::path& file);

/// Writes the recovery copy (and where it came from). Throws InputError on failure.
void write_recovery(const AppState& state);
/// Removes the recovery copy (after a save, or when the user discards it).
void remove_recovery();

/// Finds the first problem in the scenario by the same rules as reading a file: the scenario
/// is formatted and parsed back (core's format_scenario/parse_scenario), so the GUI refuses
/// exactly what `deelstroom run` would refuse. Fills field_errors and warnings; returns true
/// when the scenario can be computed.
bool validate_into(AppState& state);

/// The scenario field a problem in `file` belongs to: "apartments[i].file" or "common.file"
/// for a meter file, "weather.file" for the TMY, else `fallback`. Lets an error inside a
/// meter file (which names a CSV column) appear next to the apartment that uses the file.
std::string field_of_file(const scenario::Scenario& scenario, const std::string& file, const std::string& fallback);

/// Error text for a field path, or nullptr. Matches the exact path, and "apartments[*].x"
/// style paths for every apartment.
const Text* field_error(const AppState& state, const std::string& field);

}  // namespace deelstroom::gui
