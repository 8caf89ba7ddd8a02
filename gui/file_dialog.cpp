#include "gui/file_dialog.hpp"

#include <algorithm>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace fs = std::filesystem;

void FileDialog::request(const fs::path& start, bool save, bool directory_only) {
  open_requested = true;
  saving = save;
  pick_directory = directory_only;
  std::error_code ec;
  if (!start.empty() && fs::is_directory(start, ec)) {
    directory = start;
    name = directory_only ? start.string() : "";
  } else {
    directory = start.has_parent_path() ? start.parent_path() : fs::current_path(ec);
    name = directory_only ? start.string() : start.filename().string();
  }
}

std::optional<fs::path> draw_file_dialog(FileDialog& dialog, const char* title, Language l) {
  if (dialog.open_requested) {
    ImGui::OpenPopup(title);
    dialog.open_requested = false;
  }
  std::optional<fs::path> chosen;
  const ImVec2 size(ImGui::GetFontSize() * 40.0f, ImGui::GetFontSize() * 26.0f);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, nullptr)) return chosen;
  ImGui::TextWrapped("%s", dialog.directory.string().c_str());
  std::vector<fs::path> folders, files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dialog.directory, ec)) {
    if (entry.path().filename().string().starts_with(".")) continue;
    if (entry.is_directory(ec)) folders.push_back(entry.path());
    else if (!dialog.pick_directory && entry.path().extension() == dialog.extension) files.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  std::sort(files.begin(), files.end());
  ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
  if (ImGui::Selectable("..")) {
    dialog.directory = dialog.directory.parent_path();
    if (dialog.pick_directory) dialog.name = dialog.directory.string();
  }
  for (const fs::path& folder : folders) {
    if (ImGui::Selectable((folder.filename().string() + "/").c_str())) {
      dialog.directory = folder;
      if (dialog.pick_directory) dialog.name = folder.string();
    }
  }
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    if (ImGui::Selectable(name.c_str(), name == dialog.name, ImGuiSelectableFlags_AllowDoubleClick)) {
      dialog.name = name;
      if (ImGui::IsMouseDoubleClicked(0)) chosen = file;
    }
  }
  ImGui::EndChild();
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool entered = ImGui::InputText("##name", &dialog.name, ImGuiInputTextFlags_EnterReturnsTrue);
  const char* confirm = dialog.saving ? L(l, "Opslaan", "Save") : dialog.pick_directory ? L(l, "Kies", "Choose")
                                                                                      : L(l, "Openen", "Open");
  if ((ImGui::Button(confirm) || entered) && !dialog.name.empty()) {
    fs::path path = dialog.pick_directory ? fs::path(dialog.name) : dialog.directory / dialog.name;
    if (!dialog.pick_directory && path.extension() != dialog.extension) path += dialog.extension;
    chosen = path;
  }
  ImGui::SameLine();
  if (ImGui::Button(L(l, "Annuleren", "Cancel"))) ImGui::CloseCurrentPopup();
  if (chosen) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace deelstroom::gui
