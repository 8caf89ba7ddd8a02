#pragma once
// Every subcommand has this shape: its own arguments (after the subcommand's name) in,
// an exit code out. main.cpp dispatches by name; each lives in its own <name>_command.cpp.
#include <iosfwd>
#include <string>
#include <vector>

namespace deelstroom::cli {

using Arguments = std::vector<std::string>;

/// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      ///< bad input, a failed computation
inline constexpr int kExitUsage = 2;        ///< wrong command line
inline constexpr int kExitCasesFailed = 3;  ///< a batch ran to the end, but some of its cases failed

struct CommandInfo {
  const char* name;
  const char* summary_nl;
  const char* summary_en;
  int (*run)(const Arguments& args, std::ostream& out, std::ostream& err);
};

/// All registered subcommands (defined in main.cpp).
const std::vector<CommandInfo>& commands();

}  // namespace deelstroom::cli
