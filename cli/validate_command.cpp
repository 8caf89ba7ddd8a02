// deelstroom validate SCENARIO: reads the file and every file it names, reports problems.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

int validate_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "validate", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML)")(
        "quick", "check the scenario file only, not the weather and meter files it names");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "validate SCENARIO [--quick]",
                  "Checks a scenario and the files it names; prints what is wrong with file, line and field.\n"
                  "Controleert een scenario en de bestanden die het noemt.",
                  options);
      return kExitOk;
    }
    if (values.count("scenario") == 0) throw UsageError(Text{"welk scenario? deelstroom validate SCENARIO", "which scenario? deelstroom validate SCENARIO"});
    const Language language = language_from(values);
    const scenario::Scenario scenario = scenario::read_scenario(values["scenario"].as<std::string>());
    std::vector<Text> warnings = scenario.warnings;
    if (values.count("quick") == 0) {
      simulation::SimulationCaches caches;
      const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
      simulation::run_key(scenario, building, scenario.key, false);
      warnings.insert(warnings.end(), building.warnings.begin(), building.warnings.end());
    }
    for (const Text& w : warnings) out << tr(language, "waarschuwing: ", "warning: ") << w.in(language) << "\n";
    out << values["scenario"].as<std::string>() << ": " << tr(language, "in orde", "valid") << " ("
        << scenario.apartments.size() << tr(language, " appartementen, ", " apartments, ") << scenario.pv.arrays.size()
        << tr(language, " PV-velden)", " PV arrays)") << "\n";
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
