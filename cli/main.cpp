// deelstroom: the command-line face of the simulator. Thin: it parses arguments, calls the
// core and prints what the core returns.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/profile_command.hpp"
#include "core/common/language.hpp"
#include "core/common/memory_reuse.hpp"

namespace deelstroom::cli {

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> list = {
      {"run", "een gebouw doorrekenen (standaard: het voorbeeldgebouw)", "simulate one building (default: the example)",
       run_command},
      {"compare-keys", "alle verdeelsleutels naast elkaar voor een gebouw", "every allocation key side by side",
       compare_keys_command},
      {"validate", "een scenario controleren zonder te rekenen", "check a scenario file", validate_command},
      {"report", "adviesrapport (HTML) en Excel-werkmap voor een gebouw", "the adviser's report (HTML) and Excel workbook",
       report_command},
      {"batch", "veel gevallen parallel (manifest, sweeps, trekkingen), hervatbaar", "many cases in parallel (manifest, sweeps, draws), resumable",
       batch_command},
      {"tariffs", "de gebruikte tarieven met hun bronnen (per jaar en netgebied)", "the tariffs used, with their sources (by year and network area)",
       tariffs_command},
      {"portfolio", "gebouwentabel: per gebouw een adviesrapport en een portefeuillerapport", "buildings table: one report per building and a portfolio report",
       portfolio_command},
      {"merge", "shards van een batch samenvoegen", "merge the shards of a batch", merge_command},
      {"bench", "snelheidsmetingen (mediaan)", "speed benchmarks (medians)", bench_command},
      {"profile", "verbruiksprofielen: meetbestand bekijken, archetype genereren", "consumption profiles: inspect a meter file, generate an archetype",
       profile_command},
  };
  return list;
}

}  // namespace deelstroom::cli

namespace {

void print_overview(std::ostream& out, deelstroom::Language language) {
  using deelstroom::tr;
  out << tr(language, "deelstroom — energiedelen in appartementsgebouwen\n\n",
            "deelstroom — energy sharing in apartment buildings\n\n")
      << tr(language, "Gebruik: deelstroom OPDRACHT [opties]  (deelstroom OPDRACHT --help)\n\n",
            "Usage: deelstroom COMMAND [options]  (deelstroom COMMAND --help)\n\n");
  for (const auto& command : deelstroom::cli::commands()) {
    out << "  " << command.name << std::string(14 - std::string(command.name).size(), ' ')
        << (language == deelstroom::Language::dutch ? command.summary_nl : command.summary_en) << "\n";
  }
  out << tr(language, "\nZonder opdracht: 'run' op het voorbeeldgebouw. Engels: --lang en.\n",
            "\nWithout a command: 'run' on the example building. Dutch: --lang nl.\n");
}

}  // namespace

int main(int argc, char** argv) {
  deelstroom::keep_freed_memory_for_reuse();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return deelstroom::cli::run_command({}, std::cout, std::cerr);
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    deelstroom::Language language = deelstroom::Language::dutch;
    for (std::size_t i = 1; i + 1 < args.size(); ++i) {
      if (args[i] == "--lang") language = deelstroom::parse_language(args[i + 1]).value_or(language);
    }
    print_overview(std::cout, language);
    return 0;
  }
  if (first == "--version") {
    std::cout << "deelstroom " << DEELSTROOM_VERSION << "\n";
    return 0;
  }
  if (!first.empty() && first[0] == '-') return deelstroom::cli::run_command(args, std::cout, std::cerr);
  for (const auto& command : deelstroom::cli::commands()) {
    if (first == command.name) {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()), std::cout, std::cerr);
    }
  }
  std::cerr << "deelstroom: unknown command '" << first << "' (deelstroom --help)\n";
  return deelstroom::cli::kExitUsage;
}
