#pragma once
// The window side: GLFW window with an OpenGL 3 context, Dear ImGui's back ends, fonts
// (DejaVu Sans with €, ë, é; ImGui's built-in font when DejaVu is missing), HiDPI scale,
// and reading the framebuffer into a PNG for headless screenshots.
#include <filesystem>
#include <string>

#include <imgui.h>

struct GLFWwindow;

namespace deelstroom::gui {

struct Fonts {
  ImFont* normal = nullptr;
  ImFont* presentation = nullptr;  ///< larger text for a projector
  ImFont* card = nullptr;          ///< indicator figures
  ImFont* card_presentation = nullptr;
  bool dejavu = false;             ///< false: ImGui's default font (no €)
};

/// Creates the window and initialises ImGui; nullptr when no display/GL is available.
GLFWwindow* create_window(int width, int height, const char* title);
/// The content scale of the window's monitor (1 on ordinary screens, 2 on HiDPI).
float content_scale(GLFWwindow* window);
/// Loads the fonts at `scale` (HiDPI) and applies a light style scaled the same way.
Fonts load_fonts_and_style(float scale);
/// Renders the ImGui draw data into the window's framebuffer (without swapping).
void render_frame(GLFWwindow* window);
/// Saves the current framebuffer (before the swap) as PNG. Throws InputError on failure.
void save_screenshot(GLFWwindow* window, const std::filesystem::path& file);
void destroy_window(GLFWwindow* window);

}  // namespace deelstroom::gui
