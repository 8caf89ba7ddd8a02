#include "gui/app.hpp"

#include <imgui.h>

#include "core/common/atomic_file.hpp"
#include "core/common/data_dir.hpp"
#include "core/common/error.hpp"
#include "core/report/adviser_report.hpp"
#include "core/report/run_report.hpp"
#include "core/report/text_table.hpp"
#include "core/scenario/scenario_io.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

App::App() {
  state_.recent_files = read_recent_files(recent_files_path());
  training_ = training_cases(training_directory());
  load_into(state_, scenario::default_scenario(), {});
}

bool App::open_file(const fs::path& file) {
  try {
    scenario::Scenario s = scenario::read_scenario(file);
    load_into(state_, std::move(s), file);
    state_.status = std::string(L(state_.language, "Geopend: ", "Opened: ")) + file.string();
    try {
      write_recent_files(recent_files_path(), state_.recent_files);
    } catch (const InputError&) {
      // A read-only config folder only loses the recent list.
    }
    return true;
  } catch (const InputError& error) {
    state_.status = error.describe(state_.language);
    return false;
  }
}

void App::check_recovery() {
  std::error_code ec;
  show_recovery_prompt_ = fs::exists(recovery_path(), ec);
}

bool App::show_dialog(const std::string& name) {
  if (name == "unsaved") {
    state_.dirty = true;
    guard_unsaved(PendingAction::quit);
  } else if (name == "recovery") {
    show_recovery_prompt_ = true;
  } else if (name == "open") {
    open_dialog_.request(data_directory() / "scenarios", false);
  } else if (name == "save") {
    save_dialog_.request(state_.file.empty() ? data_directory() / "scenarios" / "nieuw_gebouw.toml" : state_.file, true);
  } else {
    return false;
  }
  return true;
}

void App::update() {
  ChangeKind need = cache_.poll() ? ChangeKind::light : ChangeKind::none;
  if (state_.pending != ChangeKind::none) {
    scenario::sync_economics(state_.scenario);
    scenario_valid_ = validate_into(state_);
    if (scenario_valid_) {
      if (state_.pending == ChangeKind::heavy) {
        cache_.request_building(state_.scenario);
      } else {
        need = combine(need, state_.pending);
      }
    }
    state_.pending = ChangeKind::none;
  }
  if (need != ChangeKind::none && scenario_valid_ && !cache_.building_busy()) recompute(need);
  // Background failures (e.g. a broken meter file) are shown next to their field until a
  // later build succeeds.
  if (const auto& error = cache_.building_error(); error && !cache_.building_busy()) {
    state_.field_errors[field_of_file(state_.scenario, error->file, error->field)] = error->message;
  }
  autosave();
}

void App::recompute(ChangeKind kind) {
  const bool done = kind == ChangeKind::money ? cache_.recompute_money(state_.scenario) : cache_.recompute_light(state_.scenario);
  if (done) {
    light_ms_.push_back(cache_.results().light_ms);
  } else if (cache_.light_error()) {
    state_.field_errors[cache_.light_error()->field] = cache_.light_error()->message;
  }
}

void App::autosave() {
  if (!state_.dirty || state_.edits_since_autosave == 0) return;
  const double since = std::chrono::duration<double>(Clock::now() - last_autosave_).count();
  if (since < kAutosaveSeconds) return;
  last_autosave_ = Clock::now();
  try {
    write_recovery(state_);
    state_.edits_since_autosave = 0;
  } catch (const InputError& error) {
    state_.status = std::string(L(state_.language, "Herstelkopie mislukt: ", "Recovery copy failed: ")) + error.describe(state_.language);
  }
}

bool App::request_close() {
  if (!state_.dirty) {
    remove_recovery();
    quit_now_ = true;
    return true;
  }
  guard_unsaved(PendingAction::quit);
  return false;
}

void App::guard_unsaved(PendingAction action, const fs::path& file) {
  if (!state_.dirty) {
    perform(action, file);
    return;
  }
  pending_action_ = action;
  pending_file_ = file;
  show_unsaved_prompt_ = true;
}

void App::perform(PendingAction action, const fs::path& file) {
  switch (action) {
    case PendingAction::new_building:
      load_into(state_, scenario::default_scenario(), {});
      remove_recovery();
      break;
    case PendingAction::open_file:
      if (open_file(file)) remove_recovery();
      break;
    case PendingAction::open_training:
      // A training case is a master copy: it opens as a new, unsaved building (Save asks for
      // a file name), so a session never overwrites the case for the next group.
      if (open_file(file)) {
        remove_recovery();
        state_.file.clear();
        state_.status = std::string(L(state_.language, "Opleidingscasus geopend (kopie, opslaan vraagt een naam): ",
                                      "Training case opened (a copy: Save asks for a name): ")) +
                        file.filename().string();
      }
      break;
    case PendingAction::quit:
      remove_recovery();
      quit_now_ = true;
      break;
    case PendingAction::none: break;
  }
}

void App::save() {
  // A training case opened through File > Open is a master copy too: Save asks for a name.
  std::error_code ec;
  const bool master_case = !state_.file.empty() &&
                           fs::equivalent(fs::absolute(state_.file).parent_path(), training_directory(), ec);
  if (state_.file.empty() || master_case) {
    save_dialog_.request(data_directory() / "scenarios" /
                             (master_case ? state_.file.stem().string() + "_kopie.toml" : std::string("nieuw_gebouw.toml")),
                         true);
    return;
  }
  try {
    save_as(state_, state_.file);
    write_recent_files(recent_files_path(), state_.recent_files);
    state_.status = std::string(L(state_.language, "Opgeslagen: ", "Saved: ")) + state_.file.string();
  } catch (const InputError& error) {
    state_.status = error.describe(state_.language);
  }
}

void App::export_results(const fs::path& directory) {
  if (!cache_.has_results()) return;
  const Results& r = cache_.results();
  try {
    report::CsvExportOptions options;
    options.style = export_excel_style_ ? report::CsvStyle::excel_be() : report::CsvStyle::tidy();
    const report::RunView view{r.scenario, *r.building, r.run, r.money ? &*r.money : nullptr, nullptr};
    const auto files = report::write_run_files(directory, view, options);
    state_.status = std::to_string(files.size()) + L(state_.language, " bestanden geschreven in ", " files written to ") +
                    directory.string();
  } catch (const InputError& error) {
    state_.status = error.describe(state_.language);
  }
}

void App::export_report(const fs::path& html) {
  if (!cache_.has_results() || !cache_.results().money) return;
  const Results& r = cache_.results();
  try {
    fs::path xlsx = html;
    xlsx.replace_extension(".xlsx");
    report::write_adviser_report(r.scenario, *r.building, r.run, *r.money, html, xlsx, state_.language);
    state_.status = std::string(L(state_.language, "Rapport geschreven: ", "Report written: ")) + html.string() + " + " +
                    xlsx.filename().string();
  } catch (const InputError& error) {
    state_.status = error.describe(state_.language);
  }
}

void App::menu_bar() {
  const Language l = state_.language;
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu(L(l, "Bestand", "File"))) {
    if (ImGui::MenuItem(L(l, "Nieuw gebouw", "New building"))) guard_unsaved(PendingAction::new_building);
    if (ImGui::MenuItem(L(l, "Openen…", "Open…"), "Ctrl+O")) {
      open_dialog_.request(state_.file.empty() ? data_directory() / "scenarios" : state_.file, false);
    }
    if (ImGui::BeginMenu(L(l, "Recente bestanden", "Recent files"), !state_.recent_files.empty())) {
      for (const fs::path& file : state_.recent_files) {
        if (ImGui::MenuItem(file.string().c_str())) guard_unsaved(PendingAction::open_file, file);
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem(L(l, "Opslaan", "Save"), "Ctrl+S")) save();
    if (ImGui::MenuItem(L(l, "Opslaan als…", "Save as…"))) {
      save_dialog_.request(state_.file.empty() ? data_directory() / "scenarios" / "nieuw_gebouw.toml" : state_.file, true);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(L(l, "Resultaten exporteren (CSV)…", "Export results (CSV)…"), nullptr, false, cache_.has_results())) {
      const fs::path base = state_.file.empty() ? fs::current_path() / "resultaten"
                                                : state_.file.parent_path() / (state_.file.stem().string() + "_resultaten");
      export_dialog_.request(base, true, true);
    }
    if (ImGui::MenuItem(L(l, "Adviesrapport exporteren (HTML + Excel)…", "Export adviser report (HTML + Excel)…"), nullptr, false,
                        cache_.has_results())) {
      const fs::path base = state_.file.empty() ? fs::current_path() / "rapport.html"
                                                : state_.file.parent_path() / (state_.file.stem().string() + "_rapport.html");
      report_dialog_.request(base, true);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(L(l, "Afsluiten", "Quit"))) request_close();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(L(l, "Bewerken", "Edit"))) {
    if (ImGui::MenuItem(L(l, "Ongedaan maken", "Undo"), "Ctrl+Z", false, !state_.undo_stack.empty())) undo(state_);
    if (ImGui::MenuItem(L(l, "Opnieuw", "Redo"), "Ctrl+Y", false, !state_.redo_stack.empty())) redo(state_);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(L(l, "Opleiding", "Training"))) {
    if (training_.empty()) ImGui::TextDisabled("%s", training_directory().string().c_str());
    for (const TrainingCase& item : training_) {
      const std::string label = item.problem.empty() ? item.title : item.title + " (" + item.problem.in(state_.language) + ")";
      if (ImGui::MenuItem(label.c_str())) guard_unsaved(PendingAction::open_training, item.file);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(L(l, "Beeld", "View"))) {
    ImGui::MenuItem(L(l, "Presentatiemodus (grote tekst)", "Presentation mode (large text)"), "F11", &state_.presentation);
    if (ImGui::MenuItem("Nederlands", nullptr, l == Language::dutch)) state_.language = Language::dutch;
    if (ImGui::MenuItem("English", nullptr, l == Language::english)) state_.language = Language::english;
    ImGui::EndMenu();
  }
  // Title: file name and an asterisk for unsaved changes.
  const std::string title = (state_.file.empty() ? std::string(L(l, "(nieuw)", "(new)")) : state_.file.filename().string()) +
                            (state_.dirty ? " *" : "");
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(title.c_str()).x - ImGui::GetFontSize());
  ImGui::TextUnformatted(title.c_str());
  ImGui::EndMainMenuBar();

  // Keyboard shortcuts. ImGui 1.86 indexes keys by the back end's native codes; GLFW's letter
  // keys are their upper-case ASCII codes (GLFW_KEY_S == 'S').
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('Z') && !io.WantTextInput) undo(state_);
  if (io.KeyCtrl && ImGui::IsKeyPressed('Y') && !io.WantTextInput) redo(state_);
  if (io.KeyCtrl && ImGui::IsKeyPressed('S')) save();
  if (io.KeyCtrl && ImGui::IsKeyPressed('O')) {
    open_dialog_.request(state_.file.empty() ? data_directory() / "scenarios" : state_.file, false);
  }
}

void App::status_bar() {
  const Language l = state_.language;
  ImGui::Separator();
  if (cache_.building_busy()) {
    // Indeterminate progress: prepare_building reports no fraction, so show that it works and
    // for how long.
    const float t = static_cast<float>(ImGui::GetTime());
    const char spinner[] = {'|', '/', '-', '\\'};
    ImGui::Text("%c %s %.1f s", spinner[static_cast<int>(t * 8.0f) % 4],
                L(l, "Gebouw wordt doorgerekend (weer, PV, profielen)…", "Computing the building (weather, PV, profiles)…"),
                cache_.building_busy_seconds());
    ImGui::SameLine();
    ImGui::ProgressBar(-1.0f * t, ImVec2(ImGui::GetFontSize() * 8.0f, 0.0f), "");
    ImGui::SameLine();
  }
  if (cache_.has_results()) {
    ImGui::TextDisabled("%s %s ms", L(l, "Herberekend in", "Recomputed in"),
                        report::format_number(cache_.results().light_ms, 1, l == Language::dutch).c_str());
    ImGui::SameLine();
  }
  if (!state_.status.empty()) ImGui::TextDisabled("%s", state_.status.c_str());
}

void App::dialogs() {
  const Language l = state_.language;
  if (auto file = draw_file_dialog(open_dialog_, L(l, "Scenario openen", "Open scenario"), l)) {
    guard_unsaved(PendingAction::open_file, *file);
  }
  if (auto file = draw_file_dialog(save_dialog_, L(l, "Scenario opslaan", "Save scenario"), l)) {
    try {
      save_as(state_, *file);
      write_recent_files(recent_files_path(), state_.recent_files);
      state_.status = std::string(L(l, "Opgeslagen: ", "Saved: ")) + file->string();
    } catch (const InputError& error) {
      state_.status = error.describe(state_.language);
    }
    // A quit or open that waited for this save goes ahead now.
    if (!state_.dirty && pending_action_ != PendingAction::none) {
      perform(pending_action_, pending_file_);
      pending_action_ = PendingAction::none;
    }
  }
  if (auto directory = draw_file_dialog(export_dialog_, L(l, "Resultaten exporteren", "Export results"), l)) {
    export_results(*directory);
  }
  if (auto file = draw_file_dialog(report_dialog_, L(l, "Adviesrapport exporteren", "Export adviser report"), l)) {
    export_report(*file);
  }

  const char* unsaved_title = L(l, "Niet-opgeslagen wijzigingen", "Unsaved changes");
  if (show_unsaved_prompt_) {
    ImGui::OpenPopup(unsaved_title);
    show_unsaved_prompt_ = false;
  }
  if (ImGui::BeginPopupModal(unsaved_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(L(l, "Dit scenario heeft wijzigingen die niet zijn opgeslagen.",
                             "This scenario has changes that are not saved."));
    if (ImGui::Button(L(l, "Opslaan", "Save"))) {
      ImGui::CloseCurrentPopup();
      save();
      if (!state_.dirty) {
        perform(pending_action_, pending_file_);
        pending_action_ = PendingAction::none;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button(L(l, "Niet opslaan", "Don't save"))) {
      ImGui::CloseCurrentPopup();
      perform(pending_action_, pending_file_);
      pending_action_ = PendingAction::none;
    }
    ImGui::SameLine();
    if (ImGui::Button(L(l, "Annuleren", "Cancel"))) {
      ImGui::CloseCurrentPopup();
      pending_action_ = PendingAction::none;
    }
    ImGui::EndPopup();
  }

  const char* recovery_title = L(l, "Niet-opgeslagen werk gevonden", "Unsaved work found");
  if (show_recovery_prompt_) {
    ImGui::OpenPopup(recovery_title);
    show_recovery_prompt_ = false;
  }
  if (ImGui::BeginPopupModal(recovery_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(L(l, "De vorige sessie werd afgesloten met niet-opgeslagen wijzigingen.",
                             "The previous session ended with unsaved changes."));
    if (ImGui::Button(L(l, "Herstellen", "Recover"))) {
      try {
        scenario::Scenario s = scenario::read_scenario(recovery_path());
        std::string origin;
        try {
          origin = read_text_file(recovery_origin_path());
        } catch (const InputError&) {
        }
        // Restored work is unsaved until the user saves it (to its original file when known).
        // Its file references were written relative to the recovery folder: make them
        // absolute before the scenario takes its original location.
        make_paths_absolute(s);
        if (!origin.empty()) s.source_file = origin;
        load_into(state_, std::move(s), origin.empty() ? fs::path() : fs::path(origin), true);
      } catch (const InputError& error) {
        state_.status = error.describe(state_.language);
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(L(l, "Weggooien", "Discard"))) {
      remove_recovery();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void App::editors_pane() {
  ViewContext context{state_, cache_, view_, state_.language};
  const Language l = state_.language;
  if (!ImGui::BeginTabBar("editors")) return;
  auto tab = [&](EditorTab id, const char* label, void (*body)(ViewContext&)) {
    ImGuiTabItemFlags flags = 0;
    if (view_.select_editor == id) flags |= ImGuiTabItemFlags_SetSelected;
    if (ImGui::BeginTabItem(label, nullptr, flags)) {
      ImGui::BeginChild("editor");
      // Fields leave room for their labels (the longest Dutch ones are ~15 em).
      ImGui::PushItemWidth(-ImGui::GetFontSize() * 15.0f);
      body(context);
      ImGui::PopItemWidth();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
  };
  tab(EditorTab::building, L(l, "Gebouw", "Building"), building_view);
  tab(EditorTab::apartments, L(l, "Appartementen", "Apartments"), apartments_view);
  tab(EditorTab::key, L(l, "Sleutel", "Key"), key_view);
  tab(EditorTab::tariffs, L(l, "Tarieven", "Tariffs"), tariffs_view);
  view_.select_editor.reset();
  ImGui::EndTabBar();
}

void App::results_pane() {
  ViewContext context{state_, cache_, view_, state_.language};
  const Language l = state_.language;
  // Errors that stop a recompute, in one place above the results (also shown at the field).
  if (!state_.field_errors.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
    for (const auto& [field, message] : state_.field_errors) {
      ImGui::TextWrapped("%s%s%s", field.c_str(), field.empty() ? "" : ": ", message.in(l).c_str());
    }
    if (cache_.has_results()) {
      ImGui::TextWrapped("%s", L(l, "De resultaten hieronder horen bij de laatste geldige invoer.",
                                 "The results below belong to the last valid input."));
    }
    ImGui::PopStyleColor();
  }
  for (const Text& warning : state_.warnings) ImGui::TextDisabled("%s", warning.in(l).c_str());
  results_cards(context);
  if (!cache_.has_results()) return;
  if (!ImGui::BeginTabBar("results")) return;
  auto tab = [&](ResultTab id, const char* label, void (*body)(ViewContext&)) {
    ImGuiTabItemFlags flags = 0;
    if (view_.select_result == id) flags |= ImGuiTabItemFlags_SetSelected;
    if (ImGui::BeginTabItem(label, nullptr, flags)) {
      view_.current_result = id;
      body(context);
      ImGui::EndTabItem();
    }
  };
  tab(ResultTab::day, L(l, "Dag", "Day"), day_chart);
  tab(ResultTab::monthly, L(l, "Maanden", "Months"), monthly_chart);
  tab(ResultTab::apartments_chart, L(l, "Per appartement", "Per apartment"), apartments_chart);
  tab(ResultTab::cashflow, L(l, "Kasstroom", "Cash flow"), cashflow_chart);
  tab(ResultTab::compare, L(l, "Sleutels vergelijken", "Compare keys"), key_comparison_view);
  view_.select_result.reset();
  ImGui::EndTabBar();
}

void App::draw() {
  menu_bar();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("main", nullptr, flags);
  const float status_height = ImGui::GetFrameHeightWithSpacing() * 1.3f;
  const float height = ImGui::GetContentRegionAvail().y - status_height;
  const float editor_width = std::max(ImGui::GetContentRegionAvail().x * 0.44f, ImGui::GetFontSize() * 28.0f);
  ImGui::BeginChild("left", ImVec2(editor_width, height), true);
  editors_pane();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(0.0f, height), true);
  results_pane();
  ImGui::EndChild();
  status_bar();
  ImGui::End();
  dialogs();
}

}  // namespace deelstroom::gui
