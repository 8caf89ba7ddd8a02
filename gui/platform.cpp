#include "gui/platform.hpp"

#include <filesystem>
#include <vector>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include "core/common/error.hpp"

namespace deelstroom::gui {

GLFWwindow* create_window(int width, int height, const char* title) {
  if (glfwInit() == GLFW_FALSE) return nullptr;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is fixed; no imgui.ini beside the user's files
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  return window;
}

float content_scale(GLFWwindow* window) {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  return std::max(1.0f, std::max(x, y));
}

Fonts load_fonts_and_style(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  // Latin-1 (ë, é, °), dashes and quotes, bullet, ellipsis, €, arrows, ≤ ≥, ×.
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
                                   0x20AC, 0x20AC, 0x2190, 0x2193, 0x2264, 0x2265, 0};
  Fonts fonts;
  const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf"};
  const char* bold_candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                   "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"};
  std::error_code ec;
  auto first_existing = [&](const auto& list) -> const char* {
    for (const char* path : list) {
      if (std::filesystem::exists(path, ec)) return path;
    }
    return nullptr;
  };
  const char* regular = first_existing(candidates);
  const char* bold = first_existing(bold_candidates);
  if (bold == nullptr) bold = regular;
  if (regular != nullptr) {
    fonts.normal = io.Fonts->AddFontFromFileTTF(regular, 16.0f * scale, nullptr, ranges);
    fonts.presentation = io.Fonts->AddFontFromFileTTF(regular, 25.0f * scale, nullptr, ranges);
    fonts.card = io.Fonts->AddFontFromFileTTF(bold, 26.0f * scale, nullptr, ranges);
    fonts.card_presentation = io.Fonts->AddFontFromFileTTF(bold, 38.0f * scale, nullptr, ranges);
    fonts.dejavu = fonts.normal != nullptr;
  }
  if (!fonts.dejavu) {
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    fonts.normal = io.Fonts->AddFontDefault(&config);
    config.SizePixels = 20.0f * scale;
    fonts.presentation = io.Fonts->AddFontDefault(&config);
    fonts.card = fonts.presentation;
    fonts.card_presentation = fonts.presentation;
  }
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FrameRounding = 3.0f;
  style.ChildRounding = 4.0f;
  style.TabRounding = 3.0f;
  style.WindowRounding = 0.0f;
  style.FramePadding = ImVec2(6.0f, 4.0f);
  style.FrameBorderSize = 1.0f;  // white fields on white popups stay visible
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.ScaleAllSizes(scale);
  return fonts;
}

void render_frame(GLFWwindow* window) {
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void save_screenshot(GLFWwindow* window, const std::filesystem::path& file) {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows start at the bottom; PNG's at the top.
  stbi_flip_vertically_on_write(1);
  if (stbi_write_png(file.string().c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
    throw InputError({file.string(), 0, 0, "--screenshot"}, Text{"kan het PNG-bestand niet schrijven", "cannot write the PNG file"});
  }
}

void destroy_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace deelstroom::gui
