// deelstroom compare-keys SCENARIO: every allocation key side by side for one building.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/report/compare_report.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

int compare_keys_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "compare-keys", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML); default: the example building")(
        "json", "print one JSON document instead of tables");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "compare-keys [SCENARIO] [--json] [--lang nl|en]",
                  "Settles the building under every allocation key its rule set allows and shows them side by side.\n"
                  "Rekent het gebouw door onder elke toegelaten verdeelsleutel en zet ze naast elkaar.",
                  options);
      return kExitOk;
    }
    const Language language = language_from(values);
    const scenario::Scenario scenario = scenario::read_scenario(scenario_argument(values));
    simulation::SimulationCaches caches;
    const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const auto keys = simulation::compare_keys(scenario, building, language == Language::dutch, true);
    if (values.count("json") != 0) {
      report::write_key_comparison_json(out, scenario, keys);
    } else {
      report::print_key_comparison(out, scenario, keys, language);
    }
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
