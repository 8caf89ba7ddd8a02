#include "core/report/portfolio_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/report/economics_report.hpp"
#include "core/report/html_cells.hpp"
#include "core/report/svg_chart.hpp"
#include "core/report/text_table.hpp"
#include "core/report/xlsx_file.hpp"
#include "core/tariffs/tariff_file.hpp"
#include "core/time/civil.hpp"

namespace deelstroom::report {

namespace {

/// A Fluvius network area by its name in the tariff file ("Fluvius Halle-Vilvoorde"), not its
/// id ("halle_vilvoorde"); the id itself when no Flemish tariff file names it.
std::string area_label(const std::string& id) {
  try {
    const auto tariffs = tariffs::load_tariffs("flanders", economics::kDefaultTariffYear, "");
    for (const tariffs::TariffArea& area : tariffs->areas) {
      if (area.id == id && !area.name.empty()) return area.name;
    }
  } catch (const std::exception&) {
    // No tariff file: the id is still an honest label.
  }
  return id;
}

using portfolio::BuildingResult;
using portfolio::Verdict;

std::string text(Language language, const char* dutch, const char* english) { return std::string(tr(language, dutch, english)); }

std::string percent_cell(double fraction, bool dutch) {
  return "<td class='num' data-value='" + exact_text(fraction) + "'>" + html_number(100.0 * fraction, 0, dutch) + "&nbsp;%</td>";
}

std::string verdict_text(Verdict verdict, Language language) {
  switch (verdict) {
    case Verdict::pays: return text(language, "delen loont", "sharing pays");
    case Verdict::pays_but_some_lose: return text(language, "loont, maar niet voor iedereen", "pays, but not for everyone");
    case Verdict::does_not_pay: return text(language, "loont niet", "does not pay");
  }
  return {};
}

std::string rank_by_label(portfolio::RankBy rank_by, Language language) {
  switch (rank_by) {
    case portfolio::RankBy::npv: return text(language, "de netto contante waarde (NCW) van de VME", "the association's net present value (NPV)");
    case portfolio::RankBy::payback: return text(language, "de terugverdientijd van de VME", "the association's payback time");
    case portfolio::RankBy::sharing_rate: return text(language, "de delingsgraad", "the sharing rate");
    case portfolio::RankBy::losing_share: return text(language, "het aandeel appartementen dat verliest", "the share of apartments that lose");
  }
  return {};
}

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; max-width: 277mm; margin: 12mm auto; }
h1 { font-size: 18pt; margin-bottom: 2mm; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 8mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border-bottom: 1px solid #ddd; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; white-space: nowrap; } th.num { text-align: right; }
#ranking { font-size: 9pt; } .pays { background: #e3f4e1; } .pays_but_some_lose { background: #fff6d5; } .does_not_pay { background: #fbe4e4; }
.muted { color: #666; font-size: 9pt; } dl dt { font-weight: bold; margin-top: 2mm; } dl dd { margin-left: 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } tr, svg { page-break-inside: avoid; } }
)";

/// Horizontal bars around a zero line (NPVs can be negative), one per building in ranked order.
std::string npv_bars(const std::vector<std::string>& labels, const std::vector<double>& values, bool dutch) {
  constexpr double kLabelWidth = 230.0, kPlotWidth = 520.0, kBarHeight = 16.0, kGap = 4.0;
  double low = 0.0, high = 0.0;
  for (double value : values) {
    low = std::min(low, value);
    high = std::max(high, value);
  }
  const double span = high - low > 0.0 ? high - low : 1.0;
  auto x_of = [&](double value) { return kLabelWidth + (value - low) / span * kPlotWidth; };
  const double height = static_cast<double>(values.size()) * (kBarHeight + kGap) + 20.0;
  char buffer[400];
  std::string svg;
  std::snprintf(buffer, sizeof buffer,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f' font-size='10'>",
                kLabelWidth + kPlotWidth + 90.0, height, kLabelWidth + kPlotWidth + 90.0, height);
  svg += buffer;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double y = static_cast<double>(i) * (kBarHeight + kGap);
    const double x0 = x_of(0.0), x1 = x_of(values[i]);
    std::snprintf(buffer, sizeof buffer,
                  "<text x='%.1f' y='%.1f' text-anchor='end'>%s</text><rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' "
                  "fill='%s'/><text x='%.1f' y='%.1f'>",
                  kLabelWidth - 6.0, y + 12.0, html_escape(labels[i]).c_str(), std::min(x0, x1), y, std::abs(x1 - x0), kBarHeight,
                  values[i] >= 0.0 ? "#4c9a4a" : "#c0504d", std::max(x0, x1) + 4.0, y + 12.0);
    svg += buffer + html_number(values[i], 0, dutch) + " €</text>";
  }
  std::snprintf(buffer, sizeof buffer, "<line x1='%.1f' y1='0' x2='%.1f' y2='%.1f' stroke='#333'/></svg>", x_of(0.0), x_of(0.0),
                height - 20.0);
  return svg + buffer;
}

void totals_section(std::ostream& out, const PortfolioReport& r, const PortfolioTotals& t, Language language) {
  const bool nl = language == Language::dutch;
  out << "<h2>" << text(language, "Samenvatting", "Summary") << "</h2><table id='totals'>";
  auto row = [&](const std::string& label, const std::string& value) { out << "<tr><th>" << label << "</th>" << value << "</tr>"; };
  row(text(language, "Gebouwen", "Buildings"), value_cell(t.buildings, 0, nl));
  row(text(language, "Appartementen", "Apartments"), value_cell(t.apartments, 0, nl));
  row(text(language, "PV-vermogen (kWp)", "PV power (kWp)"), value_cell(t.pv_kwp, 1, nl));
  row(text(language, "Investering (€)", "Investment (€)"), value_cell(t.investment_eur, 0, nl));
  row(text(language, "NCW van de VME's samen (€)", "Associations' NPV together (€)"), value_cell(t.association_npv_eur, 0, nl));
  row(text(language, "NCW van alle appartementen samen (€)", "All apartments' NPV together (€)"), value_cell(t.apartments_npv_eur, 0, nl));
  row(text(language, "Delen loont", "Sharing pays"), value_cell(t.pays, 0, nl));
  row(text(language, "Loont, maar niet voor iedereen", "Pays, but not for everyone"), value_cell(t.pays_but_some_lose, 0, nl));
  row(text(language, "Loont niet", "Does not pay"), value_cell(t.does_not_pay, 0, nl));
  if (t.failed > 0) row(text(language, "Mislukt", "Failed"), value_cell(t.failed, 0, nl));
  out << "</table><p class='muted'>" << text(language, "Gebouwentabel: ", "Buildings table: ") << html_escape(r.table_name)
      << text(language, "; gemeenschappelijke aannames: ", "; shared assumptions: ") << html_escape(r.base_name) << "</p>";
}

void where_it_pays_section(std::ostream& out, const PortfolioReport& r, const std::vector<std::size_t>& order, Language language) {
  out << "<h2>" << text(language, "Waar delen loont", "Where sharing pays") << "</h2><dl id='verdicts'>";
  for (const Verdict verdict : {Verdict::pays, Verdict::pays_but_some_lose, Verdict::does_not_pay}) {
    std::string names;
    for (std::size_t i : order) {
      const BuildingResult& b = r.results[i];
      if (b.ok && portfolio::verdict_of(b) == verdict) names += (names.empty() ? "" : "; ") + html_escape(b.name);
    }
    out << "<dt class='" << portfolio::verdict_name(verdict) << "'>" << verdict_text(verdict, language) << "</dt><dd>"
        << (names.empty() ? text(language, "geen", "none") : names) << "</dd>";
  }
  out << "</dl><p class='muted'>"
      << text(language,
              "Delen loont waar het gebouw als geheel wint (de NCW van alle appartementen samen, bewoner + eigenaar, is "
              "positief), delen meer oplevert dan dezelfde panelen zonder delen, en geen enkel appartement verliest. "
              "Waar sommige appartementen verliezen, toont het rapport van het gebouw welke sleutel of interne prijs dat "
              "verhelpt.",
              "Sharing pays where the building as a whole gains (the NPV of all apartments together, occupant + owner, is "
              "positive), sharing yields more than the same panels without sharing, and no apartment loses. Where some "
              "apartments lose, the building's report shows which key or internal price fixes that.")
      << "</p>";
}

void area_section(std::ostream& out, const PortfolioReport& r, Language language) {
  const bool nl = language == Language::dutch;
  out << "<h2>" << text(language, "Per netgebied", "By network area") << "</h2><table id='areas'><tr><th>"
      << text(language, "Netgebied", "Network area") << "</th><th class='num'>" << text(language, "Gebouwen", "Buildings")
      << "</th><th class='num'>" << text(language, "Delen loont", "Sharing pays") << "</th><th class='num'>"
      << text(language, "Loont, niet voor iedereen", "Pays, not for everyone") << "</th><th class='num'>"
      << text(language, "Loont niet", "Does not pay") << "</th><th class='num'>" << text(language, "Appartementen", "Apartments")
      << "</th><th class='num'>kWp</th><th class='num'>" << text(language, "NCW VME's (€)", "Associations' NPV (€)")
      << "</th><th class='num'>" << text(language, "NCW appartementen (€)", "Apartments' NPV (€)") << "</th></tr>";
  for (const auto& [area, t] : totals_by_area(r.results)) {
    out << "<tr><td>" << html_escape(area_label(area)) << "</td>" << value_cell(t.buildings, 0, nl) << value_cell(t.pays, 0, nl)
        << value_cell(t.pays_but_some_lose, 0, nl) << value_cell(t.does_not_pay, 0, nl) << value_cell(t.apartments, 0, nl)
        << value_cell(t.pv_kwp, 1, nl) << value_cell(t.association_npv_eur, 0, nl) << value_cell(t.apartments_npv_eur, 0, nl)
        << "</tr>";
  }
  out << "</table>";
}

void ranking_section(std::ostream& out, const PortfolioReport& r, const std::vector<std::size_t>& order, Language language) {
  const bool nl = language == Language::dutch;
  out << "<h2>" << text(language, "Rangschikking", "Ranking") << "</h2><p>"
      << text(language, "Gerangschikt op ", "Ranked by ") << rank_by_label(r.rank_by, language)
      << text(language, "; klik op een gebouw voor zijn adviesrapport.", "; click a building for its adviser's report.")
      << "</p><table id='ranking'><tr><th>#</th><th>" << text(language, "Gebouw", "Building") << "</th><th>"
      << text(language, "Netgebied", "Network area") << "</th><th class='num'>" << text(language, "App.", "Apts")
      << "</th><th class='num'>kWp</th><th class='num'>" << text(language, "Investering (€)", "Investment (€)")
      << "</th><th class='num'>" << text(language, "NCW VME (€)", "Association NPV (€)") << "</th><th class='num'>"
      << text(language, "Terugverdientijd VME", "Association payback") << "</th><th class='num'>"
      << text(language, "Delingsgraad", "Sharing rate") << "</th><th class='num'>" << text(language, "Zelfvoorziening", "Self-sufficiency")
      << "</th><th class='num'>" << text(language, "NCW appartementen (€)", "Apartments' NPV (€)") << "</th><th class='num'>"
      << text(language, "Meerwaarde delen (€)", "Gain of sharing (€)") << "</th><th class='num'>"
      << text(language, "Verliezen", "Lose") << "</th><th>" << text(language, "Oordeel", "Verdict") << "</th></tr>";
  int rank = 0;
  for (std::size_t i : order) {
    const BuildingResult& b = r.results[i];
    if (!b.ok) continue;
    const Verdict verdict = portfolio::verdict_of(b);
    out << "<tr class='" << portfolio::verdict_name(verdict) << "' data-id='" << html_escape(b.id) << "'><td>" << ++rank
        << "</td><td><a href='reports/" << html_escape(b.id) << ".html'>" << html_escape(b.name) << "</a> <span class='muted'>"
        << html_escape(b.id) << "</span></td><td>" << html_escape(area_label(b.dso_area)) << "</td>" << value_cell(b.apartment_count, 0, nl)
        << value_cell(b.pv_kwp, 1, nl) << value_cell(b.investment_eur, 0, nl) << value_cell(b.association_npv_eur, 0, nl)
        << payback_cell(b.association_payback_years, b.horizon_years, language)
        << percent_cell(b.sharing_rate, nl) << percent_cell(b.self_sufficiency, nl) << value_cell(b.apartments_npv_eur, 0, nl)
        << value_cell(b.sharing_gain_eur(), 0, nl) << "<td class='num' data-value='" << b.apartments_losing << "'>"
        << b.apartments_losing << "/" << b.apartment_count << "</td><td>" << verdict_text(verdict, language) << "</td></tr>";
  }
  out << "</table>";
  std::vector<std::string> labels;
  std::vector<double> values;
  for (std::size_t i : order) {
    if (!r.results[i].ok) continue;
    labels.push_back(r.results[i].name);
    values.push_back(r.results[i].association_npv_eur);
  }
  out << "<h2>" << text(language, "NCW van de VME per gebouw", "Association NPV per building") << "</h2>" << npv_bars(labels, values, nl);
}

void failures_section(std::ostream& out, const PortfolioReport& r, Language language) {
  std::string rows;
  for (const BuildingResult& b : r.results) {
    if (!b.ok) rows += "<tr><td>" + html_escape(b.id) + "</td><td>" + html_escape(b.name) + "</td><td>" + html_escape(b.error) + "</td></tr>";
  }
  if (rows.empty()) return;
  out << "<h2>" << text(language, "Mislukte gebouwen", "Buildings that failed") << "</h2><table id='failures'><tr><th>id</th><th>"
      << text(language, "Gebouw", "Building") << "</th><th>" << text(language, "Reden", "Reason") << "</th></tr>" << rows << "</table>";
}

void glossary_section(std::ostream& out, Language language) {
  out << "<h2>" << text(language, "Begrippen", "Terms") << "</h2><dl>"
      << "<dt>" << text(language, "NCW VME", "Association NPV") << "</dt><dd>"
      << text(language, "netto contante waarde van de kasstromen van de vereniging van mede-eigenaars over de horizon, met delen en de verdeelsleutel van het scenario.",
              "net present value of the owners' association's cash flows over the horizon, with sharing and the scenario's key.")
      << "</dd><dt>" << text(language, "NCW appartementen", "Apartments' NPV") << "</dt><dd>"
      << text(language, "de som over alle appartementen van de NCW van bewoner en eigenaar samen: wat het gebouw als geheel wint.",
              "the sum over all apartments of the occupant's and owner's NPV together: what the building as a whole gains.")
      << "</dd><dt>" << text(language, "Meerwaarde delen", "Gain of sharing") << "</dt><dd>"
      << text(language, "NCW appartementen min de NCW van de VME met dezelfde panelen zonder delen (alles wat de gemeenschappelijke delen niet verbruiken, wordt geïnjecteerd).",
              "apartments' NPV minus the association's NPV with the same panels without sharing (whatever the common parts do not use is injected).")
      << "</dd><dt>" << text(language, "Delingsgraad", "Sharing rate") << "</dt><dd>"
      << text(language, "gedeelde kWh / (gedeelde + geïnjecteerde kWh), jaar 1.", "shared kWh / (shared + injected kWh), year 1.")
      << "</dd><dt>" << text(language, "Verliezen", "Lose") << "</dt><dd>"
      << text(language, "appartementen waarvan de NCW van bewoner + eigenaar negatief is, van het aantal appartementen.",
              "apartments whose occupant + owner NPV is negative, out of the apartments.")
      << "</dd></dl>";
}

}  // namespace

PortfolioTotals portfolio_totals(const std::vector<portfolio::BuildingResult>& results) {
  PortfolioTotals t;
  for (const BuildingResult& b : results) {
    if (!b.ok) {
      ++t.failed;
      continue;
    }
    ++t.buildings;
    t.apartments += b.apartment_count;
    t.pv_kwp += b.pv_kwp;
    t.investment_eur += b.investment_eur;
    t.association_npv_eur += b.association_npv_eur;
    t.apartments_npv_eur += b.apartments_npv_eur;
    switch (portfolio::verdict_of(b)) {
      case Verdict::pays: ++t.pays; break;
      case Verdict::pays_but_some_lose: ++t.pays_but_some_lose; break;
      case Verdict::does_not_pay: ++t.does_not_pay; break;
    }
  }
  return t;
}

std::vector<std::pair<std::string, PortfolioTotals>> totals_by_area(const std::vector<portfolio::BuildingResult>& results) {
  std::map<std::string, std::vector<BuildingResult>> by_area;
  for (const BuildingResult& b : results) by_area[b.dso_area].push_back(b);
  std::vector<std::pair<std::string, PortfolioTotals>> totals;
  for (const auto& [area, buildings] : by_area) totals.emplace_back(area, portfolio_totals(buildings));
  return totals;
}

void write_portfolio_html(std::ostream& out, const PortfolioReport& r, Language language) {
  const std::vector<std::size_t> order = portfolio::rank_buildings(r.results, r.rank_by);
  const PortfolioTotals totals = portfolio_totals(r.results);
  out << "<!DOCTYPE html>\n<html lang='" << (language == Language::dutch ? "nl" : "en") << "'><head><meta charset='utf-8'><title>"
      << text(language, "Portefeuille", "Portfolio") << " — " << html_escape(r.table_name) << "</title><style>" << kStyle
      << "</style></head><body>";
  out << "<h1>" << text(language, "Energiedelen in een portefeuille van ", "Energy sharing across a portfolio of ")
      << totals.buildings + totals.failed << text(language, " gebouwen", " buildings") << "</h1>";
  std::string cover;
  for (const std::string& part : {r.cover.adviser, r.cover.organisation, r.cover.date}) {
    if (!part.empty()) cover += (cover.empty() ? "" : " · ") + html_escape(part);
  }
  if (!cover.empty()) out << "<p class='muted'>" << cover << "</p>";
  totals_section(out, r, totals, language);
  where_it_pays_section(out, r, order, language);
  area_section(out, r, language);
  ranking_section(out, r, order, language);
  failures_section(out, r, language);
  glossary_section(out, language);
  out << "<p class='muted'>deelstroom " << DEELSTROOM_VERSION << "</p></body></html>\n";
}


void write_portfolio_xlsx(const std::filesystem::path& path, const PortfolioReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const std::vector<std::size_t> order = portfolio::rank_buildings(r.results, r.rank_by);
  const PortfolioTotals totals = portfolio_totals(r.results);
  {
    AtomicWorkbook workbook(path, "portfolio.xlsx", false);
    std::string title = text(language, "Portefeuille", "Portfolio") + " — " + r.table_name;
    lxw_doc_properties properties{};
    properties.title = title.data();
    // Same inputs, same bytes: a fixed creation stamp (libxlsxwriter would write the time).
    properties.created = static_cast<time_t>(time::days_from_civil(2026, 1, 1) * 86400);
    workbook_set_properties(workbook.book, &properties);
    lxw_format* bold = workbook_add_format(workbook.book);
    format_set_bold(bold);
    lxw_format* eur = workbook_add_format(workbook.book);
    format_set_num_format(eur, "#,##0 [$€-813]");
    lxw_format* fraction = workbook_add_format(workbook.book);
    format_set_num_format(fraction, "0.0%");
    lxw_format* one_decimal = workbook_add_format(workbook.book);
    format_set_num_format(one_decimal, "0.0");

    lxw_worksheet* ranking = workbook_add_worksheet(workbook.book, nl ? "Rangschikking" : "Ranking");
    const std::vector<std::string> headers = {
        "#", "id", text(language, "Gebouw", "Building"), text(language, "Netgebied", "Network area"),
        text(language, "Appartementen", "Apartments"), "kWp", text(language, "Investering (€)", "Investment (€)"),
        text(language, "NCW VME (€)", "Association NPV (€)"), text(language, "Terugverdientijd VME (jaar)", "Association payback (years)"),
        text(language, "Delingsgraad", "Sharing rate"), text(language, "Zelfvoorziening", "Self-sufficiency"),
        text(language, "NCW appartementen (€)", "Apartments' NPV (€)"), text(language, "Meerwaarde delen (€)", "Gain of sharing (€)"),
        text(language, "Appartementen die verliezen", "Apartments that lose"), text(language, "Oordeel", "Verdict"),
        text(language, "Rapport", "Report")};
    for (std::size_t c = 0; c < headers.size(); ++c) {
      worksheet_write_string(ranking, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
    }
    worksheet_set_column(ranking, 0, static_cast<lxw_col_t>(headers.size() - 1), 15, nullptr);
    worksheet_freeze_panes(ranking, 1, 0);
    lxw_row_t row = 1;
    for (std::size_t i : order) {
      const BuildingResult& b = r.results[i];
      if (!b.ok) continue;
      const std::string verdict = verdict_text(portfolio::verdict_of(b), language);
      const std::string link = "reports/" + b.id + ".html";
      worksheet_write_number(ranking, row, 0, static_cast<double>(row), nullptr);
      worksheet_write_string(ranking, row, 1, b.id.c_str(), nullptr);
      worksheet_write_string(ranking, row, 2, b.name.c_str(), nullptr);
      worksheet_write_string(ranking, row, 3, area_label(b.dso_area).c_str(), nullptr);
      worksheet_write_number(ranking, row, 4, b.apartment_count, nullptr);
      worksheet_write_number(ranking, row, 5, b.pv_kwp, one_decimal);
      worksheet_write_number(ranking, row, 6, b.investment_eur, eur);
      worksheet_write_number(ranking, row, 7, b.association_npv_eur, eur);
      if (b.association_payback_years) worksheet_write_number(ranking, row, 8, *b.association_payback_years, one_decimal);
      worksheet_write_number(ranking, row, 9, b.sharing_rate, fraction);
      worksheet_write_number(ranking, row, 10, b.self_sufficiency, fraction);
      worksheet_write_number(ranking, row, 11, b.apartments_npv_eur, eur);
      worksheet_write_number(ranking, row, 12, b.sharing_gain_eur(), eur);
      worksheet_write_number(ranking, row, 13, b.apartments_losing, nullptr);
      worksheet_write_string(ranking, row, 14, verdict.c_str(), nullptr);
      worksheet_write_url(ranking, row, 15, link.c_str(), nullptr);
      ++row;
    }
    for (const BuildingResult& b : r.results) {
      if (b.ok) continue;
      worksheet_write_string(ranking, row, 1, b.id.c_str(), nullptr);
      worksheet_write_string(ranking, row, 2, b.name.c_str(), nullptr);
      const std::string failed = text(language, "mislukt: ", "failed: ") + b.error;
      worksheet_write_string(ranking, row, 14, failed.c_str(), nullptr);
      ++row;
    }

    lxw_worksheet* summary = workbook_add_worksheet(workbook.book, nl ? "Samenvatting" : "Summary");
    worksheet_set_column(summary, 0, 0, 40, nullptr);
    worksheet_set_column(summary, 1, 1, 16, nullptr);
    lxw_row_t s_row = 0;
    auto item = [&](const std::string& label, double value, lxw_format* format) {
      worksheet_write_string(summary, s_row, 0, label.c_str(), nullptr);
      worksheet_write_number(summary, s_row++, 1, value, format);
    };
    item(text(language, "Gebouwen", "Buildings"), totals.buildings, nullptr);
    item(text(language, "Mislukt", "Failed"), totals.failed, nullptr);
    item(text(language, "Appartementen", "Apartments"), totals.apartments, nullptr);
    item(text(language, "PV-vermogen (kWp)", "PV power (kWp)"), totals.pv_kwp, one_decimal);
    item(text(language, "Investering (€)", "Investment (€)"), totals.investment_eur, eur);
    item(text(language, "NCW van de VME's samen (€)", "Associations' NPV together (€)"), totals.association_npv_eur, eur);
    item(text(language, "NCW van alle appartementen samen (€)", "All apartments' NPV together (€)"), totals.apartments_npv_eur, eur);
    item(text(language, "Delen loont", "Sharing pays"), totals.pays, nullptr);
    item(text(language, "Loont, maar niet voor iedereen", "Pays, but not for everyone"), totals.pays_but_some_lose, nullptr);
    item(text(language, "Loont niet", "Does not pay"), totals.does_not_pay, nullptr);

    workbook.finish();
  }
}

}  // namespace deelstroom::report
