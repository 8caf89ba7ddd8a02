#pragma once
// A small in-window file chooser (ImGui has none and the project uses no native toolkit): a
// path field, the folder's sub-folders and matching files, confirm/cancel.
#include <filesystem>
#include <optional>
#include <string>

#include "core/common/language.hpp"

namespace deelstroom::gui {

struct FileDialog {
  bool open_requested = false;  ///< set to show the dialog on the next frame
  bool saving = false;          ///< save: the name may be new; open: it must exist
  bool pick_directory = false;  ///< choose a folder (export)
  std::string extension = ".toml";
  std::filesystem::path directory;
  std::string name;             ///< file name (or the folder's path when pick_directory)

  /// Opens the dialog at `start` (a file or a folder).
  void request(const std::filesystem::path& start, bool save, bool directory_only = false);
};

/// Draws the dialog when open; returns the chosen path on confirm.
std::optional<std::filesystem::path> draw_file_dialog(FileDialog& dialog, const char* title, Language language);

}  // namespace deelstroom::gui
