// deelstroom run SCENARIO: one building under its key.
#include <charconv>
#include <cmath>
#include <iostream>
#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/report/adviser_report.hpp"
#include "core/report/economics_report.hpp"
#include "core/report/run_report.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

namespace {

/// A whole finite number ("inf", "nan" and "5x" are not).
std::optional<double> finite_number(const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// "10:60" -> {10, 60} kWp.
std::pair<double, double> parse_kwp_range(const std::string& text) {
  const auto colon = text.find(':');
  if (colon != std::string::npos) {
    const auto low = finite_number(text.substr(0, colon));
    const auto high = finite_number(text.substr(colon + 1));
    if (low && high && *low >= 0.0 && *high > *low) return {*low, *high};
    if (!low || !high) {
      throw UsageError(fill("--optimise-size verwacht MIN:MAX als twee eindige getallen in kWp met 0 <= MIN < MAX, bv. 5:60; gevonden '{}'",
                            "--optimise-size expects MIN:MAX as two finite numbers of kWp with 0 <= MIN < MAX, e.g. 5:60; found '{}'",
                            {text}));
    }
  }
  throw UsageError(fill("--optimise-size verwacht MIN:MAX in kWp met 0 <= MIN < MAX, bv. 5:60; gevonden '{}'",
                        "--optimise-size expects MIN:MAX in kWp with 0 <= MIN < MAX, e.g. 5:60; found '{}'", {text}));
}

}  // namespace

int run_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "run", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML); default: the example building")(
        "json", "print one JSON document instead of tables")("out", po::value<std::string>(),
                                                             "write CSV tables and summary.json into this directory")(
        "quarter-hours", "with --out: also the quarter-hour series (quarter_hours.csv)")(
        "xlsx", po::value<std::string>(),
        "also write the Excel workbook (summary, apartments, months, cash flows, quarter-hours) / ook de Excel-werkmap")(
        "optimise-size", po::value<std::string>(),
        "MIN:MAX kWp: also search the PV size that maximises the association's NPV / zoek de PV-grootte met de hoogste NCW")(
        "csv-style", po::value<std::string>()->default_value("tidy"),
        "tidy (',' and '.', for R/Python) or excel-be (';' and ',', for a Flemish Excel)");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "run [SCENARIO] [--json] [--out DIR] [--xlsx FILE] [--lang nl|en]",
                  "Simulates one building-year and prints per apartment and for the building how much PV is shared.\n"
                  "Rekent een gebouw een jaar door en toont per appartement en voor het gebouw de gedeelde PV.",
                  options);
      return kExitOk;
    }
    const Language language = language_from(values);
    report::CsvExportOptions csv;
    csv.style = report::csv_style_by_name(values["csv-style"].as<std::string>());
    csv.quarter_hours = values.count("quarter-hours") != 0;
    if (csv.quarter_hours && values.count("out") == 0) throw UsageError(Text{"--quarter-hours heeft --out MAP nodig", "--quarter-hours needs --out DIR"});
    // A bad range is said before the year is computed.
    if (values.count("optimise-size") != 0) parse_kwp_range(values["optimise-size"].as<std::string>());

    const scenario::Scenario scenario = scenario::read_scenario(scenario_argument(values));
    simulation::SimulationCaches caches;
    const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const bool xlsx = values.count("xlsx") != 0;
    // The workbook's quarter-hour sheet needs the run's series, as does quarter_hours.csv.
    const simulation::KeyRun run = simulation::run_key(scenario, building, scenario.key, csv.quarter_hours || xlsx);
    const economics::EconomicsResult money = simulation::run_economics(scenario, building, run);
    const economics::FairPriceResult fair = economics::find_fair_internal_price(
        simulation::economics_basis(scenario, building, run.key), simulation::economic_apartments(scenario),
        scenario.economics, simulation::installed_kwp(building));
    const std::optional<simulation::BatteryEffect> battery = simulation::battery_effect(scenario, building, run, money);
    const report::RunView view{scenario, building, run, &money, &fair, battery ? &*battery : nullptr};
    if (values.count("out") != 0) {
      const auto files = report::write_run_files(values["out"].as<std::string>(), view, csv);
      if (values.count("json") == 0) {
        for (const auto& file : files) err << tr(language, "geschreven: ", "written: ") << file.string() << "\n";
      }
    }
    if (xlsx) {
      // The same workbook as `deelstroom report --xlsx`: one writer, so the two cannot differ.
      const std::string path = values["xlsx"].as<std::string>();
      report::write_adviser_report(scenario, building, run, money, {}, path, language);
      if (values.count("json") == 0) err << tr(language, "geschreven: ", "written: ") << path << "\n";
    }
    if (values.count("json") != 0) {
      report::write_run_json(out, view);
    } else {
      report::print_run_tables(out, view, language);
    }
    if (values.count("optimise-size") != 0) {
      const auto [min_kwp, max_kwp] = parse_kwp_range(values["optimise-size"].as<std::string>());
      const double kwp = simulation::installed_kwp(building);
      if (!(kwp > 0.0)) throw UsageError(Text{"--optimise-size heeft een gebouw met PV nodig om te schalen", "--optimise-size needs a building with PV to scale"});
      const economics::SizeOptimum optimum =
          economics::optimise_pv_size(building.series, run.key.schedule, simulation::economic_apartments(scenario),
                                      scenario.economics, kwp, min_kwp, max_kwp);
      report::print_size_optimum(values.count("json") != 0 ? err : out, optimum, kwp, language);
    }
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
