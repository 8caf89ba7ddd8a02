// deelstroom-gui: the desktop calculator. Headless modes for tests and CI:
//   --scenario FILE --screenshot OUT.png --frames N [--view NAME] [--lang en] [--presentation]
//   --scenario FILE --self-check      (the GUI's numbers against `deelstroom run --json`)
//   --scenario FILE --measure         (frame times of light and heavy changes, medians)
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "core/common/error.hpp"
#include "core/common/memory_reuse.hpp"
#include "core/scenario/scenario_io.hpp"
#include "gui/app.hpp"
#include "gui/model/self_check.hpp"
#include "gui/platform.hpp"

namespace deelstroom::gui {
namespace {

struct Options {
  std::string scenario;
  std::string screenshot;
  int frames = 3;
  std::string view;
  Language language = Language::dutch;
  bool presentation = false;
  bool self_check = false;
  bool measure = false;
  bool check_fit = false;  ///< with --screenshot: fail when a text is wider than its room
  std::string dialog;  ///< screenshots of dialogs: unsaved | recovery | open | save
  int width = 1600, height = 1000;
};

/// --lang on the command line (or DEELSTROOM_LANG), Dutch otherwise: for messages said before
/// the options are parsed.
Language language_of(int argc, char** argv) {
  std::string code;
  if (const char* env = std::getenv("DEELSTROOM_LANG"); env != nullptr) code = env;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--lang") code = argv[i + 1];
  }
  return parse_language(code).value_or(Language::dutch);
}

void usage(std::ostream& out) {
  out << "Usage: deelstroom-gui [--scenario FILE] [--lang nl|en] [--presentation]\n"
         "       deelstroom-gui --scenario FILE --screenshot OUT.png [--frames N] [--view NAME] [--size WxH]\n"
         "                      [--dialog unsaved|recovery|open|save] [--check-fit]\n"
         "       deelstroom-gui --scenario FILE --self-check\n"
         "       deelstroom-gui --scenario FILE --measure\n"
         "Views:";
  for (const std::string& name : view_names()) out << " " << name;
  out << "\n";
}

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--scenario") o.scenario = value();
    else if (arg == "--screenshot") o.screenshot = value();
    else if (arg == "--frames") o.frames = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--view") o.view = value();
    else if (arg == "--lang") {
      const auto language = parse_language(value());
      if (!language) throw std::runtime_error("--lang expects nl or en");
      o.language = *language;
    } else if (arg == "--presentation") o.presentation = true;
    else if (arg == "--self-check") o.self_check = true;
    else if (arg == "--measure") o.measure = true;
    else if (arg == "--check-fit") o.check_fit = true;
    else if (arg == "--dialog") o.dialog = value();
    else if (arg == "--size") {
      const std::string size = value();
      if (std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2) throw std::runtime_error("--size expects WxH");
    } else if (arg == "--help" || arg == "-h") {
      usage(std::cout);
      return std::nullopt;
    } else {
      throw std::runtime_error("unknown option " + arg);
    }
  }
  return o;
}

// The numbers the GUI would show for the file, against the CLI's JSON for the same file.
int self_check(const Options& o) {
  if (o.scenario.empty()) throw std::runtime_error("--self-check needs --scenario FILE");
  const scenario::Scenario s = scenario::read_scenario(o.scenario);
  ResultsCache cache;
  cache.request_building(s);
  if (!cache.wait_idle(600.0)) throw std::runtime_error("the building did not finish within 600 s");
  cache.poll();
  if (cache.building_error()) throw std::runtime_error(cache.building_error()->message.english);
  if (!cache.recompute_light(s)) throw std::runtime_error(cache.light_error() ? cache.light_error()->message.english : "no results");
  const JsonValue cli = parse_json(run_cli_json(o.scenario));
  const SelfCheckReport after_key = compare_with_cli(shown_numbers(cache.results()), cli);
  // The money-only path (a price slider) must show the same numbers as a full recompute.
  cache.recompute_money(s);
  const SelfCheckReport after_money = compare_with_cli(shown_numbers(cache.results()), cli);
  for (const std::string& line : after_key.mismatches) std::cerr << "MISMATCH (key + money) " << line << "\n";
  for (const std::string& line : after_money.mismatches) std::cerr << "MISMATCH (money only) " << line << "\n";
  std::cout << "self-check " << o.scenario << ": " << after_key.compared << " numbers compared after run_key + run_economics, "
            << after_key.mismatches.size() << " mismatches; " << after_money.compared
            << " after the money-only re-evaluation, " << after_money.mismatches.size() << " mismatches\n";
  return after_key.passed() && after_money.passed() ? 0 : 1;
}

// Headless runs keep the pointer out of the window: Xvfb puts it in the middle of the screen,
// where it would open hover boxes in every screenshot.
bool g_headless = false;

// Where a frame's time goes (for --measure): update (recomputes), building the ImGui frame,
// rendering (software GL under Xvfb).
struct FrameTimes {
  double update_ms = 0, build_ms = 0, render_ms = 0;
};
FrameTimes g_last_frame;

void frame(GLFWwindow* window, App& app, const Fonts& fonts) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  glfwPollEvents();
  app.update();
  const auto t1 = Clock::now();
  ImGui::GetIO().FontDefault = app.state().presentation ? fonts.presentation : fonts.normal;
  app.view().card_font = app.state().presentation ? fonts.card_presentation : fonts.card;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (g_headless) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  app.state().clipped_texts.clear();
  app.draw();
  const auto t2 = Clock::now();
  render_frame(window);
  glFinish();
  g_last_frame = {elapsed_ms(t0, t1), elapsed_ms(t1, t2), elapsed_ms(t2, Clock::now())};
}

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// Waits (rendering frames) until the background work is done and results are there.
bool settle(GLFWwindow* window, App& app, const Fonts& fonts, double timeout_seconds) {
  const auto start = std::chrono::steady_clock::now();
  // Idle for a few frames in a row: a view selected by --view starts its own work (the key
  // comparison) only on the frame after its tab opens.
  int idle_frames = 0;
  for (;;) {
    frame(window, app, fonts);
    glfwSwapBuffers(window);
    const bool busy = app.cache().building_busy() || app.cache().comparison_busy() || app.state().pending != ChangeKind::none;
    const bool done = app.cache().has_results() || app.cache().building_error().has_value();
    idle_frames = !busy && done ? idle_frames + 1 : 0;
    if (idle_frames >= 3) return true;
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeout_seconds) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Frame times: a light change (internal price, key preset, shares) recomputed in the frame,
// and a heavy change (kWp) whose frames keep running while the building is rebuilt.
void measure(GLFWwindow* window, App& app, const Fonts& fonts) {
  settle(window, app, fonts, 600.0);
  using Clock = std::chrono::steady_clock;
  // Per kind of change: frame time, recompute time, and the frame's parts.
  struct Samples {
    std::vector<double> frame, compute, key, update, build, render;
  };
  Samples money, light;
  scenario::Scenario& s = app.state().scenario;
  for (int k = 0; k < 90; ++k) {
    ChangeKind kind = ChangeKind::light;
    if (k % 3 == 0) {
      s.economics.tariffs.sharing.internal_price_eur_per_kwh += k % 2 == 0 ? 0.001 : -0.001;
      kind = ChangeKind::money;
    } else if (k % 3 == 1) {
      s.key.preset = s.key.preset == "equal" ? "shares" : "equal";
    } else if (s.apartments.size() >= 2) {
      s.apartments[0].shares += k % 2 == 0 ? 1.0 : -1.0;
      s.apartments[1].shares -= k % 2 == 0 ? 1.0 : -1.0;
    }
    mark_changed(app.state(), kind);
    const auto start = Clock::now();
    frame(window, app, fonts);
    Samples& into = kind == ChangeKind::money ? money : light;
    into.frame.push_back(elapsed_ms(start, Clock::now()));
    into.compute.push_back(app.cache().results().light_ms);
    into.key.push_back(app.cache().results().key_ms);
    into.update.push_back(g_last_frame.update_ms);
    into.build.push_back(g_last_frame.build_ms);
    into.render.push_back(g_last_frame.render_ms);
    glfwSwapBuffers(window);
  }
  std::vector<double> heavy_frames, heavy_totals;
  for (int k = 0; k < 5; ++k) {
    if (!s.pv.arrays.empty()) s.pv.arrays[0].kwp += k % 2 == 0 ? 0.5 : -0.5;
    mark_changed(app.state(), ChangeKind::heavy);
    const auto start = Clock::now();
    int frames = 0;
    do {
      const auto frame_start = Clock::now();
      frame(window, app, fonts);
      glFinish();
      heavy_frames.push_back(elapsed_ms(frame_start, Clock::now()));
      glfwSwapBuffers(window);
      ++frames;
    } while (app.cache().building_busy() || frames < 2);
    heavy_totals.push_back(elapsed_ms(start, Clock::now()));
  }
  std::printf("apartments: %zu\n", s.apartments.size());
  auto print = [&](const char* what, const Samples& x) {
    std::printf("%s: median frame %.2f ms (max %.2f, n=%zu); recompute median %.2f ms (run_key %.2f); "
                "parts: update %.2f, ImGui frame %.2f, GL render %.2f ms\n",
                what, median(x.frame), *std::max_element(x.frame.begin(), x.frame.end()), x.frame.size(),
                median(x.compute), median(x.key), median(x.update), median(x.build), median(x.render));
  };
  print("money change (internal price)", money);
  print("light change (key preset, shares)", light);
  std::printf("heavy change: median frame while rebuilding %.2f ms (max %.2f, n=%zu); rebuild to new results median %.1f ms\n",
              median(heavy_frames), *std::max_element(heavy_frames.begin(), heavy_frames.end()), heavy_frames.size(),
              median(heavy_totals));
}

int run(const Options& o) {
  if (o.self_check) return self_check(o);
  const bool headless = !o.screenshot.empty() || o.measure;
  g_headless = headless;
  GLFWwindow* window = create_window(o.width, o.height, "deelstroom");
  if (window == nullptr) {
    std::cerr << "deelstroom-gui: "
              << tr(o.language, "kan geen venster openen (geen scherm of geen OpenGL 3). Gebruik in CI xvfb-run -a.\n",
                    "cannot open a window (no display or OpenGL 3). Under CI use xvfb-run -a.\n");
    return 1;
  }
  const Fonts fonts = load_fonts_and_style(content_scale(window));
  int exit_code = 0;
  {
    App app;
    app.state().language = o.language;
    app.state().presentation = o.presentation;
    if (!o.scenario.empty() && !app.open_file(o.scenario)) {
      std::cerr << "deelstroom-gui: " << app.state().status << "\n";
      if (headless) exit_code = 1;
    }
    if (!o.view.empty() && !select_view_by_name(app.view(), o.view)) {
      std::cerr << "deelstroom-gui: " << tr(o.language, "onbekende weergave ", "unknown view ") << o.view << "\n";
      usage(std::cerr);
      exit_code = 2;
    }
    if (!headless) app.check_recovery();
    glfwSetWindowUserPointer(window, &app);
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
      auto* self = static_cast<App*>(glfwGetWindowUserPointer(w));
      if (!self->request_close()) glfwSetWindowShouldClose(w, GLFW_FALSE);
    });
    if (exit_code == 0 && o.measure) {
      measure(window, app, fonts);
    } else if (exit_code == 0 && headless) {
      if (!settle(window, app, fonts, 600.0)) {
        std::cerr << "deelstroom-gui: " << tr(o.language, "geen resultaten binnen 600 s\n", "results did not arrive within 600 s\n");
        exit_code = 1;
      }
      if (!o.dialog.empty() && !app.show_dialog(o.dialog)) throw std::runtime_error("unknown dialog " + o.dialog);
      // The view is selected on the first frames; N more frames let layouts settle.
      for (int k = 0; k < o.frames; ++k) {
        frame(window, app, fonts);
        if (k + 1 == o.frames) save_screenshot(window, o.screenshot);
        glfwSwapBuffers(window);
      }
      std::cout << "screenshot: " << o.screenshot << "\n";
      if (o.check_fit) {
        // The last frame's texts that did not fit (key names, headers, cards, combo previews).
        for (const std::string& text : app.state().clipped_texts) std::cerr << "deelstroom-gui: clipped: " << text << "\n";
        if (!app.state().clipped_texts.empty()) exit_code = 1;
        std::cout << "texts checked: " << (app.state().clipped_texts.empty() ? "all fit" : "some are clipped") << "\n";
      }
    } else if (exit_code == 0) {
      while (!app.quit_requested()) {
        frame(window, app, fonts);
        glfwSwapBuffers(window);
        if (glfwWindowShouldClose(window) && app.request_close()) break;
        // Idle: wait for input, but wake up to pick up background results.
        glfwWaitEventsTimeout(app.cache().building_busy() || app.cache().comparison_busy() ? 0.03 : 0.25);
      }
    }
  }
  destroy_window(window);
  return exit_code;
}

}  // namespace
}  // namespace deelstroom::gui

int main(int argc, char** argv) {
  deelstroom::keep_freed_memory_for_reuse();
  try {
    const auto options = deelstroom::gui::parse(argc, argv);
    if (!options) return 0;
    return deelstroom::gui::run(*options);
  } catch (const deelstroom::InputError& error) {
    // Before the options are read the language is the command line's (or DEELSTROOM_LANG's).
    std::cerr << "deelstroom-gui: " << error.describe(deelstroom::gui::language_of(argc, argv)) << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "deelstroom-gui: " << error.what() << "\n";
    return 2;
  }
}
