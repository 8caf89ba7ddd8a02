// deelstroom report SCENARIO --out report.html [--xlsx FILE]: the adviser's report.
#include <iostream>
#include <sstream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/common/atomic_file.hpp"
#include "core/report/adviser_report.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

int report_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "report", [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML); default: the example building")(
        "out", po::value<std::string>(), "the HTML report to write (e.g. rapport.html)")(
        "xlsx", po::value<std::string>(), "also write the Excel workbook (summary, apartments, months, cash flows, quarter-hours)");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "report [SCENARIO] --out report.html [--xlsx book.xlsx] [--lang nl|en]",
                  "Writes the adviser's report: one self-contained HTML file (print to PDF for A4) and, on request, an Excel "
                  "workbook.\nSchrijft het adviesrapport: één HTML-bestand (af te drukken als PDF op A4) en desgewenst een "
                  "Excel-werkmap.",
                  options);
      return kExitOk;
    }
    if (values.count("out") == 0 && values.count("xlsx") == 0) throw po::error("report needs --out FILE.html and/or --xlsx FILE");
    const Language language = language_from(values);
    const bool dutch = language == Language::dutch;
    const scenario::Scenario scenario = scenario::read_scenario(scenario_argument(values));
    simulation::SimulationCaches caches;
    const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const simulation::KeyRun run = simulation::run_key(scenario, building, scenario.key, values.count("xlsx") != 0);
    const economics::EconomicsResult money = simulation::run_economics(scenario, building, run);
    const auto keys = simulation::compare_keys(scenario, building, dutch, true);
    const economics::FairPriceResult fair = economics::find_fair_internal_price(
        simulation::economics_basis(scenario, building, run.key), simulation::economic_apartments(scenario),
        scenario.economics, simulation::installed_kwp(building));
    const report::AdviserReport report{scenario, building, run, money, keys, fair,
                                       report::sensitivity_cases(scenario, building, run, language),
                                       report::scenario_fingerprint(scenario)};
    if (values.count("out") != 0) {
      const std::string path = values["out"].as<std::string>();
      write_file_atomically(path, [&](std::ostream& file) { report::write_html_report(file, report, language); });
      err << tr(language, "geschreven: ", "written: ") << path << "\n";
    }
    if (values.count("xlsx") != 0) {
      const std::string path = values["xlsx"].as<std::string>();
      report::write_xlsx_report(path, report, language);
      err << tr(language, "geschreven: ", "written: ") << path << "\n";
    }
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
