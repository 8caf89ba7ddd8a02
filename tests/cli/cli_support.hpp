#pragma once
// Runs the built CLI binary as a child process and captures its exit code and output.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace deelstroom::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A fresh, empty directory under the system's temp directory, private to this process (CTest
/// runs test cases in parallel processes, and other checkouts may run the same tests).
inline std::filesystem::path fresh_directory(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("deelstroom_test_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Runs `deelstroom ARGS` (ARGS already shell-quoted) with the source tree as working directory.
inline CliResult run_cli(const std::string& args, const std::string& tag) {
  const std::filesystem::path dir = fresh_directory("run_" + tag);
  const std::string command = std::string("cd '") + DEELSTROOM_SOURCE_DIR + "' && '" + DEELSTROOM_CLI_PATH + "' " + args +
                              " >'" + (dir / "out").string() + "' 2>'" + (dir / "err").string() + "'";
  const int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_whole_file(dir / "out");
  result.err = read_whole_file(dir / "err");
  return result;
}

}  // namespace deelstroom::test
