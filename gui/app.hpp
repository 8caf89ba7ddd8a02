#pragma once
// The calculator's frame: turns pending edits into recomputes (light now, heavy in the
// background), draws the menu bar, the editors, the cards and charts, the dialogs, and
// autosaves unsaved work. One App per window; all state lives in its members.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gui/file_dialog.hpp"
#include "gui/model/app_state.hpp"
#include "gui/model/results_cache.hpp"
#include "gui/model/training.hpp"
#include "gui/views/views.hpp"

namespace deelstroom::gui {

class App {
 public:
  App();

  AppState& state() { return state_; }
  ResultsCache& cache() { return cache_; }
  ViewState& view() { return view_; }

  /// Opens a scenario file; false (and a status message) when it cannot be read.
  bool open_file(const std::filesystem::path& file);
  /// Offers the recovery copy at the next frame when one exists.
  void check_recovery();

  /// Opens a dialog by name for screenshots: "unsaved" (the prompt before quitting with
  /// changes), "recovery", "open", "save". False for an unknown name.
  bool show_dialog(const std::string& name);

  /// Validates pending edits and starts the recomputes they need; adopts finished
  /// background work. Call once per frame, before draw().
  void update();
  /// Builds the ImGui frame (between ImGui::NewFrame and ImGui::Render).
  void draw();

  /// The window asks to close: asks about unsaved changes first. True when it may close now.
  bool request_close();
  bool quit_requested() const { return quit_now_; }

  /// Milliseconds of the light recomputes made so far (for --measure and the status bar).
  const std::vector<double>& light_ms_history() const { return light_ms_; }

 private:
  enum class PendingAction { none, new_building, open_file, open_training, quit };

  void recompute(ChangeKind kind);
  void autosave();
  void menu_bar();
  void status_bar();
  void dialogs();
  void editors_pane();
  void results_pane();
  /// Runs `action` now, or after the unsaved-changes prompt.
  void guard_unsaved(PendingAction action, const std::filesystem::path& file = {});
  void perform(PendingAction action, const std::filesystem::path& file);
  void save();
  void export_results(const std::filesystem::path& directory);
  /// The adviser's report (HTML) and its workbook (same name, .xlsx) through core.
  void export_report(const std::filesystem::path& html);

  AppState state_;
  ResultsCache cache_;
  ViewState view_;
  std::vector<TrainingCase> training_;
  bool scenario_valid_ = true;
  std::vector<double> light_ms_;
  std::chrono::steady_clock::time_point last_autosave_ = std::chrono::steady_clock::now();

  FileDialog open_dialog_, save_dialog_, export_dialog_, report_dialog_;
  bool export_excel_style_ = false;
  PendingAction pending_action_ = PendingAction::none;
  std::filesystem::path pending_file_;
  bool show_unsaved_prompt_ = false;
  bool show_recovery_prompt_ = false;
  bool quit_now_ = false;
};

/// Seconds between autosaves of unsaved work.
inline constexpr double kAutosaveSeconds = 5.0;

}  // namespace deelstroom::gui
