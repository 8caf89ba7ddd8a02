// deelstroom merge DIR... --out DIR: the shards of a batch (--shard K/N) combined into the
// result a single run would have written, byte for byte. Shards of a portfolio go to
// `deelstroom portfolio --merge`.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/batch/merge.hpp"
#include "core/portfolio/results_file.hpp"

namespace deelstroom::cli {

int merge_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "merge", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("shards", po::value<std::vector<std::string>>()->composing(), "output directories of the shards")(
        "out", po::value<std::string>(), "directory for the merged result");
    po::positional_options_description positional;
    positional.add("shards", -1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "merge DIR... --out DIR",
                  "Combines the outputs of deelstroom batch --shard 1/N .. N/N into one result set.\n"
                  "Voegt de uitvoer van de shards van een batch samen.",
                  options);
      return kExitOk;
    }
    const Language language = language_from(values);
    if (values.count("out") == 0) throw UsageError(Text{"--out MAP is nodig", "--out DIR is required"});
    if (values.count("shards") == 0) throw UsageError(Text{"geef de mappen van de shards om samen te voegen", "give the shard directories to merge"});
    std::vector<std::filesystem::path> shards;
    for (const std::string& dir : values["shards"].as<std::vector<std::string>>()) shards.emplace_back(dir);
    if (std::filesystem::exists(shards.front() / portfolio::kShardFileName)) {
      // Shards of `deelstroom portfolio --shard K/N`: merged by the portfolio command.
      Arguments forwarded{"--merge"};
      for (const std::filesystem::path& dir : shards) forwarded.push_back(dir.string());
      forwarded.insert(forwarded.end(), {"--out", values["out"].as<std::string>(), "--lang", language == Language::dutch ? "nl" : "en"});
      return portfolio_command(forwarded, out, err);
    }
    const std::size_t cases = batch::merge_shards(shards, values["out"].as<std::string>(), language);
    out << tr(language, "samengevoegd: ", "merged: ") << cases << tr(language, " gevallen uit ", " cases from ") << shards.size()
        << tr(language, " shards in ", " shards into ") << values["out"].as<std::string>() << "\n";
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
