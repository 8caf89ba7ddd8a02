#pragma once
// Helpers every subcommand shares: the --lang and --help options, turning exceptions into
// clear messages and exit codes, and finding the scenario to run.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include <boost/program_options.hpp>

#include "cli/command.hpp"
#include "core/common/language.hpp"
#include "core/common/text.hpp"

namespace deelstroom::cli {

namespace po = boost::program_options;

/// A wrong command line, said in Dutch and English (guarded() prints the chosen language;
/// what() is the English line, as for Boost's own errors).
class UsageError : public po::error {
 public:
  explicit UsageError(Text message) : po::error(message.english), text_(std::move(message)) {}
  const Text& text() const { return text_; }

 private:
  Text text_;
};

/// Adds --help and --lang to a subcommand's options.
void add_common_options(po::options_description& options);

/// The language from --lang (default Dutch, or $DEELSTROOM_LANG). Throws po::error when invalid.
Language language_from(const po::variables_map& values);

/// Parses a subcommand's arguments (with optional positional names). Throws po::error.
po::variables_map parse_arguments(const Arguments& args, const po::options_description& options,
                                  const po::positional_options_description& positional);

/// The language --lang asks for in raw arguments ("--lang en" or "--lang=en"), else
/// $DEELSTROOM_LANG, else Dutch; an invalid code counts as Dutch (language_from reports it).
Language language_in(const Arguments& args);

/// Runs `body`, turning bad input into a message on `err` (in the language of `args`) and exit
/// code 1, and a wrong command line into a usage message and exit code 2.
int guarded(std::ostream& err, const std::string& command, const Arguments& args, const std::function<int()>& body);

/// The scenario path given, or the bundled example when none is.
std::filesystem::path scenario_argument(const po::variables_map& values);

/// Today's local date as YYYY-MM-DD (the reports' default date).
std::string today_iso_date();

/// Prints "Usage: deelstroom NAME ARGS" and the options.
void print_usage(std::ostream& out, const std::string& usage, const std::string& summary,
                 const po::options_description& options);

}  // namespace deelstroom::cli
