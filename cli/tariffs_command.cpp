// deelstroom tariffs [SCENARIO] [--region R --year Y --area A]: the tariffs a calculation
// uses, each with its source. With a scenario: its tariffs (values it overrides marked);
// without: the tariff file of the region, year and area asked for.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/report/tariff_listing.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/tariffs/tariff_file.hpp"

namespace deelstroom::cli {

int tariffs_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "tariffs", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML): list the tariffs it uses")(
        "region", po::value<std::string>()->default_value("flanders"), "region: flanders | brussels | wallonia")(
        "year", po::value<int>(), "tariff year (default: 2026)")(
        "area", po::value<std::string>(), "DSO network area (default: the file's default area)")(
        "files", "list the tariff files present and where they are read from");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "tariffs [SCENARIO] [--region R] [--year Y] [--area A] [--files]",
                  "Prints the tariffs used, each value with its source and date.\n"
                  "Toont de gebruikte tarieven, elke waarde met bron en datum.",
                  options);
      return kExitOk;
    }
    const Language language = language_from(values);
    if (values.count("files") != 0) {
      out << tr(language, "Tariefmap: ", "Tariff directory: ") << tariffs::tariffs_directory().string() << "\n";
      for (const std::string& name : tariffs::tariff_file_names()) out << "  " << name << "\n";
      return kExitOk;
    }
    economics::EconomicsSettings settings;
    if (values.count("scenario") != 0) {
      if (values.count("year") != 0 || values.count("area") != 0 || !values["region"].defaulted()) {
        throw UsageError(Text{"geef een scenario of --region/--year/--area, niet beide", "give a scenario or --region/--year/--area, not both"});
      }
      settings = scenario::read_scenario(values["scenario"].as<std::string>()).economics;
    } else {
      const int year = values.count("year") != 0 ? values["year"].as<int>() : economics::kDefaultTariffYear;
      const std::string area = values.count("area") != 0 ? values["area"].as<std::string>() : "";
      settings = scenario::default_economics_settings(values["region"].as<std::string>(), year, area);
    }
    const auto file = tariffs::load_tariffs(settings.rules.name, settings.tariffs.year, settings.tariffs.dso_area);
    const auto lines = report::tariff_lines(settings.tariffs, settings.rules, *file, language);
    out << report::format_tariff_listing(lines, *file, language);
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
