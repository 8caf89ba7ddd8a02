// deelstroom report SCENARIO --out report.html [--xlsx FILE]: the adviser's report.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/common/error.hpp"
#include "core/report/adviser_report.hpp"
#include "core/report/pdf.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/engine.hpp"

namespace deelstroom::cli {

int report_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "report", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("scenario", po::value<std::string>(), "scenario file (TOML); default: the example building")(
        "out", po::value<std::string>(), "the HTML report to write (e.g. rapport.html)")(
        "xlsx", po::value<std::string>(), "also write the Excel workbook (summary, apartments, months, cash flows, quarter-hours)")(
        "adviser", po::value<std::string>()->default_value(""), "the adviser's name, on the cover")(
        "organisation", po::value<std::string>()->default_value(""), "the adviser's organisation (e.g. the energy house)")(
        "date", po::value<std::string>(), "the report's date as printed (default: today, YYYY-MM-DD)")(
        "pdf", po::value<std::string>(), "also print the report to PDF (A4, page numbers; needs Chromium)");
    po::positional_options_description positional;
    positional.add("scenario", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "report [SCENARIO] --out report.html [--pdf report.pdf] [--xlsx book.xlsx] [--adviser NAME] [--lang nl|en]",
                  "Writes the adviser's report: one self-contained HTML file (print to PDF for A4) and, on request, an Excel "
                  "workbook.\nSchrijft het adviesrapport: één HTML-bestand (af te drukken als PDF op A4) en desgewenst een "
                  "Excel-werkmap.",
                  options);
      return kExitOk;
    }
    if (values.count("out") == 0 && values.count("xlsx") == 0 && values.count("pdf") == 0) {
      throw UsageError(Text{"report heeft --out BESTAND.html, --pdf BESTAND.pdf en/of --xlsx BESTAND nodig",
                                "report needs --out FILE.html, --pdf FILE.pdf and/or --xlsx FILE"});
    }
    const std::string pdf = values.count("pdf") != 0 ? values["pdf"].as<std::string>() : std::string();
    if (!pdf.empty() && !report::find_pdf_renderer()) {
      throw InputError({pdf, 0, 0, "--pdf"}, Text{"een PDF vraagt Chromium om het rapport af te drukken; installeer het met: sudo apt-get install chromium",
                                                "a PDF needs Chromium to print the report; install it with: sudo apt-get install chromium"});
    }
    const Language language = language_from(values);
    const scenario::Scenario scenario = scenario::read_scenario(scenario_argument(values));
    simulation::SimulationCaches caches;
    const simulation::PreparedBuilding building = simulation::prepare_building(scenario, caches);
    const simulation::KeyRun run = simulation::run_key(scenario, building, scenario.key, values.count("xlsx") != 0);
    const economics::EconomicsResult money = simulation::run_economics(scenario, building, run);
    std::string html = values.count("out") != 0 ? values["out"].as<std::string>() : std::string();
    // A PDF without --out prints a temporary HTML beside the PDF, removed afterwards.
    const bool temporary_html = !pdf.empty() && html.empty();
    if (temporary_html) {
      const std::filesystem::path target(pdf);
      html = (target.parent_path() / ("." + target.filename().string() + ".html")).string();
    }
    const std::string xlsx = values.count("xlsx") != 0 ? values["xlsx"].as<std::string>() : std::string();
    report::ReportCover cover{values["adviser"].as<std::string>(), values["organisation"].as<std::string>(),
                              values.count("date") != 0 ? values["date"].as<std::string>() : today_iso_date()};
    report::write_adviser_report(scenario, building, run, money, html, xlsx, language, cover);
    if (!pdf.empty()) {
      try {
        report::print_pdf(html, pdf);
      } catch (...) {
        if (temporary_html) std::filesystem::remove(html);
        throw;
      }
      if (temporary_html) {
        std::filesystem::remove(html);
        html.clear();
      }
    }
    for (const std::string& path : {html, xlsx, pdf}) {
      if (!path.empty()) err << tr(language, "geschreven: ", "written: ") << path << "\n";
    }
    return kExitOk;
  });
}

}  // namespace deelstroom::cli
