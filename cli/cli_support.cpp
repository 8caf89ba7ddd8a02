#include "cli/cli_support.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>

#include "core/common/data_dir.hpp"
#include "core/common/error.hpp"

namespace deelstroom::cli {

void add_common_options(po::options_description& options) {
  options.add_options()("help,h", "show this help / toon deze hulp")(
      "lang", po::value<std::string>(), "labels: nl (Nederlands, default) or en (English)");
}

Language language_from(const po::variables_map& values) {
  std::string code = "nl";
  if (const char* env = std::getenv("DEELSTROOM_LANG"); env != nullptr && *env != '\0') code = env;
  if (values.count("lang") != 0) code = values["lang"].as<std::string>();
  const auto language = parse_language(code);
  if (!language) throw UsageError(fill("--lang verwacht nl of en, niet '{}'", "--lang expects nl or en, not '{}'", {code}));
  return *language;
}

po::variables_map parse_arguments(const Arguments& args, const po::options_description& options,
                                  const po::positional_options_description& positional) {
  po::variables_map values;
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
  po::notify(values);
  return values;
}

Language language_in(const Arguments& args) {
  std::string code;
  if (const char* env = std::getenv("DEELSTROOM_LANG"); env != nullptr) code = env;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) code = args[i + 1];
    if (args[i].rfind("--lang=", 0) == 0) code = args[i].substr(7);
  }
  return parse_language(code).value_or(Language::dutch);
}

/// A command-line error in `language`: ours carry both texts; Boost's common ones are said
/// again in Dutch with the option they name; any other keeps Boost's English.
std::string usage_text(const po::error& error, Language language) {
  if (const auto* ours = dynamic_cast<const UsageError*>(&error)) return ours->text().in(language);
  if (language == Language::english) return error.what();
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&error)) {
    return "onbekende optie '" + unknown->get_option_name() + "'";
  }
  if (const auto* value = dynamic_cast<const po::invalid_option_value*>(&error)) {
    return "ongeldige waarde voor " + value->get_option_name() + " (" + error.what() + ")";
  }
  if (const auto* required = dynamic_cast<const po::required_option*>(&error)) {
    return "de optie '" + required->get_option_name() + "' is verplicht";
  }
  if (const auto* twice = dynamic_cast<const po::multiple_occurrences*>(&error)) {
    return "de optie '" + twice->get_option_name() + "' staat er meer dan eens";
  }
  if (dynamic_cast<const po::too_many_positional_options_error*>(&error) != nullptr) return "te veel argumenten zonder optie";
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&error)) {
    return "ongeldige opdrachtregel bij '" + syntax->get_option_name() + "' (" + error.what() + ")";
  }
  return error.what();
}

int guarded(std::ostream& err, const std::string& command, const Arguments& args, const std::function<int()>& body) {
  try {
    return body();
  } catch (const po::error& error) {
    err << "deelstroom " << command << ": " << usage_text(error, language_in(args)) << "\n"
        << "(deelstroom " << command << " --help)\n";
    return kExitUsage;
  } catch (const InputError& error) {
    err << "deelstroom " << command << ": " << error.describe(language_in(args)) << "\n";
    return kExitFailure;
  } catch (const std::exception& error) {
    err << "deelstroom " << command << ": " << error.what() << "\n";
    return kExitFailure;
  }
}

std::filesystem::path scenario_argument(const po::variables_map& values) {
  if (values.count("scenario") != 0) return values["scenario"].as<std::string>();
  return example_scenario_path();
}

std::string today_iso_date() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

void print_usage(std::ostream& out, const std::string& usage, const std::string& summary,
                 const po::options_description& options) {
  out << "Usage: deelstroom " << usage << "\n\n" << summary << "\n\n" << options << "\n";
}

}  // namespace deelstroom::cli
