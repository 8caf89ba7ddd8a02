#include "core/report/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/common/error.hpp"

extern char** environ;

namespace deelstroom::report {

std::optional<std::filesystem::path> find_pdf_renderer() {
  if (const char* env = std::getenv("DEELSTROOM_CHROMIUM"); env != nullptr && *env != '\0') return std::filesystem::path(env);
  const char* path_env = std::getenv("PATH");
  std::stringstream dirs(path_env != nullptr ? path_env : "/usr/bin:/bin");
  std::vector<std::string> directories;
  for (std::string dir; std::getline(dirs, dir, ':');) directories.push_back(dir.empty() ? "." : dir);
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    for (const std::string& dir : directories) {
      const std::filesystem::path candidate = std::filesystem::path(dir) / name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return std::nullopt;
}

void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf, int timeout_seconds) {
  const auto browser = find_pdf_renderer();
  if (!browser) {
    throw InputError({pdf.string(), 0, 0, "--pdf"},
                     Text{"een PDF vraagt Chromium om het rapport af te drukken; installeer het met: sudo apt-get install chromium", "a PDF needs Chromium to print the report; install it with: sudo apt-get install chromium"});
  }
  const std::filesystem::path absolute_html = std::filesystem::absolute(html);
  const std::filesystem::path temporary =
      pdf.parent_path() / ("." + pdf.filename().string() + ".tmp" + std::to_string(::getpid()));
  std::vector<std::string> args = {browser->string(), "--headless", "--no-sandbox", "--disable-gpu",
                                   "--no-pdf-header-footer", "--print-to-pdf=" + std::filesystem::absolute(temporary).string(),
                                   "file://" + absolute_html.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The browser's own log lines go nowhere: the command prints only what it wrote.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw InputError({pdf.string(), 0, 0, "--pdf"}, fill("kan {} niet starten", "cannot start {}", {browser->string()}));
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool finished = false;
  while (!finished) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) {
      finished = true;
    } else if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw InputError({pdf.string(), 0, 0, "--pdf"}, fill("Chromium had de PDF niet klaar binnen {} s", "Chromium did not finish the PDF within {} s",
                                                           {std::to_string(timeout_seconds)}));
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  std::error_code ec;
  const bool written = std::filesystem::exists(temporary, ec) && std::filesystem::file_size(temporary, ec) > 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !written) {
    std::filesystem::remove(temporary, ec);
    throw InputError({pdf.string(), 0, 0, "--pdf"}, Text{"Chromium kon het rapport niet als PDF afdrukken", "Chromium could not print the report to PDF"});
  }
  std::filesystem::rename(temporary, pdf, ec);
  if (ec) {
    const std::string reason = ec.message();
    std::filesystem::remove(temporary, ec);
    throw InputError({pdf.string(), 0, 0, "--pdf"}, fill("kan de PDF niet op zijn plaats zetten: {}", "cannot move the PDF into place: {}", {reason}));
  }
}

}  // namespace deelstroom::report
