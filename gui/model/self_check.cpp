#include "gui/model/self_check.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace deelstroom::gui {

namespace {
std::string describe(const std::optional<double>& value) {
  if (!value) return "null";
  std::ostringstream out;
  out.precision(17);
  out << *value;
  return out.str();
}
}  // namespace

SelfCheckReport compare_with_cli(const std::vector<ShownNumber>& shown, const JsonValue& cli_json) {
  SelfCheckReport report;
  for (const ShownNumber& number : shown) {
    ++report.compared;
    const JsonValue* cli = find_json(cli_json, number.json_path);
    if (cli == nullptr) {
      report.mismatches.push_back(number.json_path + ": the CLI's JSON has no such field");
      continue;
    }
    std::optional<double> cli_value;
    if (cli->type == JsonValue::Type::number) {
      cli_value = cli->number;
    } else if (cli->type != JsonValue::Type::null) {
      report.mismatches.push_back(number.json_path + ": the CLI's value is not a number");
      continue;
    }
    bool equal = number.value.has_value() == cli_value.has_value();
    if (equal && number.value) {
      const double scale = std::max({std::abs(*number.value), std::abs(*cli_value), 1e-300});
      equal = std::abs(*number.value - *cli_value) <= 1e-9 * scale;
    }
    if (!equal) {
      report.mismatches.push_back(number.json_path + ": GUI " + describe(number.value) + ", CLI " + describe(cli_value));
    }
  }
  return report;
}

std::filesystem::path cli_path() {
  if (const char* path = std::getenv("DEELSTROOM_CLI"); path != nullptr && path[0] != '\0') return path;
  return DEELSTROOM_CLI_PATH;
}

namespace {
// Single quotes for /bin/sh: every ' becomes '\''.
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

std::string run_cli_json(const std::filesystem::path& scenario_file) {
  const std::string command =
      shell_quoted(cli_path().string()) + " run " + shell_quoted(scenario_file.string()) + " --json";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot start " + command);
  std::string output;
  char buffer[65536];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  const int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(command + " failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
  }
  return output;
}

}  // namespace deelstroom::gui
