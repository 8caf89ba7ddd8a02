#include "core/report/adviser_report.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>
#include <sstream>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/economics/energy_basis.hpp"
#include "core/report/economics_report.hpp"
#include "core/report/html_cells.hpp"
#include "core/report/run_report.hpp"
#include "core/report/svg_chart.hpp"
#include "core/report/tariff_listing.hpp"
#include "core/report/text_table.hpp"
#include "core/report/xlsx_file.hpp"
#include "core/scenario/scenario_io.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/simulation/economics_run.hpp"
#include "core/simulation/key_recommendation.hpp"
#include "core/tariffs/tariff_file.hpp"
#include "core/time/civil.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::report {

namespace {

/// tr() as a std::string, for building texts with +.
std::string text(Language language, const char* dutch, const char* english) { return std::string(tr(language, dutch, english)); }

std::string number(double value, int decimals, bool dutch) { return html_number(value, decimals, dutch); }

/// The contract, the cost split and the rule set in the reader's words (the scenario file's
/// names are for machines).
std::string contract_text(economics::EnergyContract contract, Language language) {
  switch (contract) {
    case economics::EnergyContract::single: return text(language, "enkelvoudig (één prijs)", "single (one price)");
    case economics::EnergyContract::day_night: return text(language, "dag/nacht", "day/night");
    case economics::EnergyContract::dynamic: return text(language, "dynamisch (per kwartier)", "dynamic (per quarter-hour)");
  }
  return std::string(economics::contract_name(contract));
}

std::string cost_split_text(economics::CostSplit split, Language language) {
  switch (split) {
    case economics::CostSplit::shares: return text(language, "alle eigenaars, volgens aandelen", "all owners, by shares");
    case economics::CostSplit::participants:
      return text(language, "alleen deelnemers, volgens aandelen", "participants only, by shares");
    case economics::CostSplit::custom: return text(language, "eigen verdeling", "custom split");
  }
  return std::string(economics::cost_split_name(split));
}

std::string rule_set_text(const std::string& name, Language language) {
  if (name == "flanders") return text(language, "Vlaanderen", "Flanders");
  if (name == "brussels") return text(language, "Brussel", "Brussels");
  if (name == "wallonia") return text(language, "Wallonië", "Wallonia");
  if (name == "france") return text(language, "Frankrijk", "France");
  return html_escape(name);
}

/// "12 %" with a no-break space, so a narrow cell never breaks the number from its unit.
std::string no_break(std::string label) {
  for (std::size_t at; (at = label.find(" %")) != std::string::npos;) label.replace(at, 1, "\xC2\xA0");
  return label;
}

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; max-width: 190mm; margin: 12mm auto; }
h1 { font-size: 18pt; margin-bottom: 2mm; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 8mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border-bottom: 1px solid #ddd; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; white-space: nowrap; } th.num { text-align: right; }
#apartments, #keys { font-size: 9.5pt; }
.muted { color: #666; font-size: 9pt; } .key { background: #fff6d5; }
dl dt { font-weight: bold; margin-top: 2mm; } dl dd { margin-left: 0; }
.small { font-size: 85%; color: #444; }
@page { size: A4; margin: 15mm 12mm 18mm 12mm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } table, svg { page-break-inside: avoid; } }
)";

/// The tariffs used, each with the source it comes from (or "scenario" when the scenario set
/// it), the contract, and the documents cited.
void tariffs_table(std::ostream& out, const scenario::Scenario& s, Language language) {
  const economics::Tariffs& t = s.economics.tariffs;
  std::shared_ptr<const tariffs::TariffData> file;
  try {
    file = tariffs::load_tariffs(s.economics.rules.name, t.year, t.dso_area);
  } catch (const InputError&) {
    file.reset();  // tariffs built in code without a file: listed without sources
  }
  out << "<h3>" << text(language, "Tarieven ", "Tariffs ") << t.year << text(language, " (excl. btw)", " (excl. VAT)");
  if (file) out << ", " << html_escape(file->area_name);
  out << "</h3><table id='tariffs'><tr><th>" << text(language, "Onderdeel", "Component") << "</th><th>"
      << text(language, "Waarde", "Value") << "</th><th>" << text(language, "Bron", "Source") << "</th></tr>";
  out << "<tr><th>" << text(language, "Contract", "Contract") << "</th><td>" << contract_text(t.energy.contract, language)
      << "</td><td>" << text(language, "scenario", "scenario") << "</td></tr>";
  if (!file) {
    out << "</table>";
    return;
  }
  const auto lines = report::tariff_lines(t, s.economics.rules, *file, language);
  for (const report::TariffLine& line : lines) {
    std::string sources;
    for (const std::string& id : line.source_ids) sources += (sources.empty() ? "" : ", ") + html_escape(source_id_text(id, language));
    out << "<tr><th>" << html_escape(line.label) << "</th><td>" << html_escape(line.value) << "</td><td>"
        << (line.from_scenario ? std::string(text(language, "scenario", "scenario")) : sources) << "</td></tr>";
  }
  out << "</table><p class='small'>" << text(language, "Tariefbestand: ", "Tariff file: ")
      << html_escape(std::filesystem::path(file->file).filename().string()) << text(language, ". Bronnen:", ". Sources:")
      << "</p><ul class='small' id='tariff-sources'>";
  for (const tariffs::TariffSource& source : report::cited_sources(lines, *file)) {
    out << "<li>[" << html_escape(source_id_text(source.id, language)) << "] " << html_escape(source_title_text(source, language)) << " (" << html_escape(source.date) << ")";
    if (!source.url.empty()) out << ", " << html_escape(source.url);
    out << "</li>";
  }
  out << "</ul>";
}

/// The cover block: building, adviser, date; where the consumption data come from and how good
/// they are; the tariffs and weather used; every warning of the run.
void cover_section(std::ostream& out, const AdviserReport& r, Language language) {
  const scenario::Scenario& s = r.scenario;
  auto row = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out << "<tr><th>" << html_escape(std::string(label)) << "</th><td>" << value << "</td></tr>";
  };
  out << "<table id='cover'>";
  row(text(language, "Gebouw", "Building"), html_escape(s.site.name));
  row(text(language, "Adviseur", "Adviser"), html_escape(r.cover.adviser));
  row(text(language, "Organisatie", "Organisation"), html_escape(r.cover.organisation));
  row(text(language, "Datum", "Date"), html_escape(r.cover.date));
  int measured = 0;
  std::vector<std::string> files;
  for (const scenario::ApartmentSettings& a : s.apartments) {
    if (a.consumption.measured()) {
      ++measured;
      files.push_back(a.id + ": " + std::filesystem::path(a.consumption.file).filename().string());
    }
  }
  const int generated = static_cast<int>(s.apartments.size()) - measured;
  std::string consumption;
  if (measured > 0) {
    consumption += std::to_string(measured) + text(language, " appartementen op gemeten kwartierwaarden (", " apartments on measured quarter-hours (");
    for (std::size_t i = 0; i < files.size(); ++i) consumption += (i ? ", " : "") + html_escape(files[i]);
    consumption += ")";
  }
  if (generated > 0) {
    consumption += std::string(measured > 0 ? "; " : "") + std::to_string(generated) +
                   (measured > 0 ? std::string() : text(language, " appartementen", " apartments")) +
                   text(language, " op gegenereerde profielen (huishoudtype en jaarverbruik, geen metingen)",
                        " on generated profiles (household type and yearly kWh, not measurements)");
  }
  row(text(language, "Verbruiksgegevens", "Consumption data"), consumption);
  row(text(language, "Gesimuleerd jaar, weer", "Simulated year, weather"),
      std::to_string(s.site.year) + ", " +
          (s.weather.source == scenario::WeatherSource::embedded
               ? text(language, "ingebouwd referentiejaar Ukkel", "embedded reference year Uccle")
               : html_escape(r.building.weather ? r.building.weather->source : std::string("-"))));
  std::string area = s.economics.tariffs.dso_area;
  try {
    area = tariffs::load_tariffs(s.economics.rules.name, s.economics.tariffs.year, s.economics.tariffs.dso_area)->area_name;
  } catch (const InputError&) {
    // tariffs built in code: the area id as it is
  }
  row(text(language, "Tarieven", "Tariffs"), std::to_string(s.economics.tariffs.year) + ", " +
                                                 rule_set_text(s.rules.set, language) + (area.empty() ? "" : ", " + html_escape(area)));
  // Data quality: what was filled or estimated in the meter files, and every warning.
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < r.building.apartment_origins.size(); ++i) {
    for (const Text& note : r.building.apartment_origins[i].notes) {
      notes.push_back((i < s.apartments.size() ? s.apartments[i].id + ": " : std::string()) + note.in(language));
    }
  }
  for (const Text& note : r.building.common_origin.notes) {
    notes.push_back(text(language, "gemeenschappelijke delen: ", "common parts: ") + note.in(language));
  }
  for (const Text& warning : r.building.warnings) notes.push_back(warning.in(language));
  for (const Text& warning : s.warnings) notes.push_back(warning.in(language));
  std::string quality;
  if (notes.empty()) {
    quality = text(language, "geen opmerkingen", "nothing to note");
  } else {
    quality = "<ul id='data-notes'>";
    for (const std::string& note : notes) quality += "<li>" + html_escape(note) + "</li>";
    quality += "</ul>";
  }
  row(text(language, "Kwaliteit van de gegevens, waarschuwingen", "Data quality, warnings"), quality);
  out << "</table>";
}

/// Page one (issue 14), as plain-text paragraphs (title, text): whether the investment pays
/// for the association and for every participating apartment, the key recommended by a stated
/// rule, the internal price, and what to do when no price lets everyone gain. The HTML report
/// and the workbook's first sheet show the same lines.
std::vector<std::pair<std::string, std::string>> conclusion_lines(const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const economics::EconomicsResult& money = r.economics;
  const economics::AssociationResult& vme = money.association;
  const std::string horizon = std::to_string(money.horizon_years);
  std::vector<std::pair<std::string, std::string>> lines;
  const std::string investment = format_number(vme.investment.total_eur, 0, nl) + " €";
  std::string association = text(language, "de investering van ", "the investment of ") + investment;
  if (vme.indicators.simple_payback_years) {
    association += text(language, " (incl. btw) verdient zich terug in ", " (incl. VAT) pays back in ") +
                   format_number(*vme.indicators.simple_payback_years, 1, nl) + text(language, " jaar", " years");
  } else {
    association += text(language, " (incl. btw) verdient zich binnen ", " (incl. VAT) does not pay back within ") + horizon +
                   text(language, " jaar niet terug uit de inkomsten van de VME alleen", " years from the association's income alone");
  }
  association += text(language, "; netto contante waarde ", "; net present value ") + format_number(vme.indicators.npv_eur, 0, nl) +
                 " € " + text(language, "over ", "over ") + horizon + text(language, " jaar.", " years.");
  lines.emplace_back(text(language, "Voor de VME", "For the association"), association);

  const int losing = simulation::losing_participants(money);
  int participants = 0;
  for (const economics::ApartmentResult& a : money.apartments) participants += a.participates ? 1 : 0;
  std::string apartments;
  if (losing == 0) {
    apartments += text(language, "alle ", "all ") + std::to_string(participants) +
                  text(language, " deelnemende appartementen winnen, bewoner en eigenaar samen.",
                       " participating apartments gain, occupant and owner together.");
  } else {
    apartments += std::to_string(losing) + text(language, " van de ", " of the ") + std::to_string(participants) +
                  text(language, " deelnemende appartementen verliezen, bewoner en eigenaar samen.",
                       " participating apartments lose, occupant and owner together.");
  }
  lines.emplace_back(text(language, "Voor de appartementen", "For the apartments") + " (" +
                         simulation::describe_key(r.scenario.key, nl) + ")",
                     apartments);

  const simulation::KeyRecommendation advice = simulation::recommend_key(r.keys);
  const auto rules = sharing::rule_set_by_name(r.scenario.rules.set);
  const std::string operator_name = rules ? rules->operator_name : std::string("DSO");
  std::string key_text;
  if (advice.index < 0) {
    key_text = text(language, "geen (geen sleutel van ", "none (no key of ") + operator_name +
               text(language, " werd doorgerekend).", " was computed).");
  } else {
    const simulation::ComparedKey& key = r.keys[static_cast<std::size_t>(advice.index)];
    key_text = simulation::describe_key(key.key, nl) + ". " + text(language, "Regel: van de sleutels die ", "Rule: of the keys ") +
               operator_name +
               text(language, " aanbiedt, de sleutel waarmee elk deelnemend appartement wint en die het meest deelt; "
                              "lukt dat met geen enkele, de sleutel met het minst verliezende deelnemers. ",
                    " offers, the key under which every participating apartment gains and that shares the most; "
                    "when none does, the key with the fewest losing participants. ");
    if (advice.every_participant_gains) {
      key_text += text(language, "Met deze sleutel wint elk deelnemend appartement; hij deelt ",
                       "Under this key every participating apartment gains; it shares ");
    } else {
      key_text += text(language, "Geen aangeboden sleutel laat iedereen winnen: met deze verliezen er ",
                       "No offered key lets everyone gain: under this one ") +
                  std::to_string(advice.losing_participants) + text(language, " van ", " of ") +
                  std::to_string(advice.participants) + text(language, "; hij deelt ", " lose; it shares ");
    }
    key_text += format_number(key.run.settlement.year.shared_kwh, 0, nl) + " kWh" + text(language, " per jaar.", " a year.");
    if (advice.index != 0) {
      key_text += text(language, " Het scenario rekent met ", " The scenario uses ") + simulation::describe_key(r.scenario.key, nl) + ".";
    }
  }
  lines.emplace_back(text(language, "Aanbevolen sleutel", "Recommended key"), key_text);
  lines.emplace_back(text(language, "Interne prijs", "Internal price"), economics::explain(r.fair_price, language));
  if (!r.fair_price.price_eur_per_kwh) {
    lines.emplace_back(
        text(language, "Wat nu?", "What now?"),
        text(language,
             "Een hogere interne prijs helpt de VME, een lagere de bewoners. Mogelijke stappen: de kosten alleen over de "
             "deelnemers verdelen, een kleinere installatie of een scherpere offerte, een subsidie, of met de eigenaars van "
             "verhuurde appartementen afspreken hoe de huurder bijdraagt (de eigenaar betaalt zijn aandeel in de investering, "
             "de huurder wint op de factuur).",
             "A higher internal price helps the association, a lower one the occupants. Possible steps: split the costs over "
             "the participants only, a smaller installation or a sharper quote, a subsidy, or agree with the owners of rented "
             "apartments how the tenant contributes (the owner pays his share of the investment, the tenant gains on the bill)."));
  }
  return lines;
}

void conclusion_section(std::ostream& out, const AdviserReport& r, Language language) {
  out << "<section id='conclusion'><h2>" << text(language, "Conclusie", "Conclusion") << "</h2>";
  const auto lines = conclusion_lines(r, language);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& heading = lines[i].first;
    const bool question = !heading.empty() && heading.back() == '?';
    out << "<p" << (i == 2 ? " id='recommended-key'" : "") << "><b>" << html_escape(heading) << (question ? "" : ":") << "</b> "
        << html_escape(lines[i].second) << "</p>";
  }
  out << "</section>";
}

void assumptions_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const scenario::Scenario& s = r.scenario;
  const economics::Investment& inv = s.economics.investment;
  const economics::Analysis& a = s.economics.analysis;
  auto row = [&](std::string_view label, const std::string& value) {
    out << "<tr><th>" << html_escape(std::string(label)) << "</th><td>" << value << "</td></tr>";
  };
  auto percent_per_year = [&](double fraction) { return number(fraction * 100.0, 1, nl) + "&nbsp;%/" + text(language, "jaar", "year"); };
  out << "<h2>" << text(language, "Gebouw en aannames", "Building and assumptions") << "</h2><table>";
  row(text(language, "Ligging", "Location"), number(s.site.latitude_deg, 3, nl) + "° N, " + number(s.site.longitude_deg, 3, nl) +
                                               text(language, "° O, ", "° E, ") + html_escape(s.site.timezone));
  row(text(language, "Gesimuleerd jaar", "Simulated year"),
      std::to_string(s.site.year) + text(language, " (lokale tijd: 1 januari 00:00 tot 1 januari 00:00)",
                                         " (local time: 1 January 00:00 to 1 January 00:00)"));
  row(text(language, "Weer", "Weather"), s.weather.source == scenario::WeatherSource::embedded
                                           ? std::string(text(language, "ingebouwd referentiejaar Ukkel", "embedded reference year Uccle"))
                                           : html_escape(r.building.weather ? r.building.weather->source : s.weather.file));
  if (s.weather.source == scenario::WeatherSource::pvgis && r.building.weather) {
    // Which time the hourly irradiance was placed at (docs/weather-timing.md): east and west
    // arrays shift by a few percent between the conventions.
    const double offset_h = r.building.weather->metadata.applied_time_offset_h;
    row(text(language, "Tijdsplaatsing PVGIS-uren", "Placement of the PVGIS hours"),
        offset_h != 0.0 ? text(language, "uurlabel + ", "hour label + ") + number(offset_h * 60.0, 1, nl) +
                              text(language, " min (scantijd van de satelliet, Irradiance Time Offset)",
                                   " min (the satellite's scan time, Irradiance Time Offset)")
                        : std::string(text(language, "uur gecentreerd op het label", "hour centred on its label")));
  }
  for (const simulation::ArrayOutput& array : r.building.arrays) {
    row(text(language, "PV-veld ", "PV array ") + html_escape(array.name) +
            (array.meter == "common" ? std::string() : text(language, " (achter de meter van ", " (behind the meter of ") + html_escape(array.meter) + ")"),
        number(array.kwp, 1, nl) + " kWp, " + number(array.ac_kwh_total, 0, nl) + " kWh/" + text(language, "jaar", "year") + " (" +
            number(array.specific_yield_kwh_per_kwp(), 0, nl) + " kWh/kWp)");
  }
  row(text(language, "Appartementen", "Apartments"), std::to_string(s.apartments.size()));
  row(text(language, "Regels", "Rules"), rule_set_text(s.rules.set, language));
  out << "</table>";
  tariffs_table(out, s, language);
  out << "<h3>" << text(language, "Investering en analyse", "Investment and analysis") << "</h3><table>";
  row(text(language, "Investering", "Investment"),
      (inv.quote_eur ? number(*inv.quote_eur, 0, nl) + text(language, " € (offerte)", " € (quote)")
                     : number(inv.eur_per_kwp, 0, nl) + " €/kWp") +
          text(language, " excl. btw", " excl. VAT") +
          (inv.extra_eur != 0.0 ? ", + " + number(inv.extra_eur, 0, nl) + text(language, " € meting en extra's", " € metering and extras")
                                : std::string()));
  row(text(language, "Btw op investering", "VAT on the investment"), number(inv.vat_rate * 100.0, 0, nl) + " %");
  row(text(language, "Subsidie", "Subsidy"), number(inv.subsidy_eur, 0, nl) + " €");
  row(text(language, "Onderhoud, verzekering, administratie", "O&M, insurance, administration"),
      number(inv.om_eur_per_kwp_per_year, 1, nl) + " €/kWp, " + number(inv.insurance_eur_per_year, 0, nl) + " €, " +
          number(inv.administration_eur_per_year, 0, nl) + " € " +
          (inv.administration_eur_per_participant_per_year != 0.0
               ? "+ " + number(inv.administration_eur_per_participant_per_year, 0, nl) + text(language, " € per deelnemer ", " € per participant ")
               : std::string()) +
          text(language, "per jaar", "per year"));
  if (inv.inverter_lifetime_years > 0) {
    row(text(language, "Vervanging omvormer", "Inverter replacement"),
        text(language, "om de ", "every ") + std::to_string(inv.inverter_lifetime_years) + text(language, " jaar, ", " years, ") +
            number(inv.inverter_replacement_eur_per_kwp, 0, nl) + text(language, " €/kWp excl. btw", " €/kWp excl. VAT"));
  }
  if (inv.loan.fraction > 0.0) {
    row(text(language, "Lening", "Loan"), number(inv.loan.fraction * 100.0, 0, nl) + text(language, "&nbsp;% van de investering, ", "&nbsp;% of the investment, ") +
                                              number(inv.loan.rate * 100.0, 2, nl) + "&nbsp;%, " + std::to_string(inv.loan.years) +
                                              text(language, " jaar", " years"));
  }
  row(text(language, "Verdeling over de eigenaars", "Split over the owners"),
      cost_split_text(a.cost_split, language));
  row(text(language, "Horizon, discontovoet", "Horizon, discount rate"),
      std::to_string(a.horizon_years) + text(language, " jaar, ", " years, ") + number(a.discount_rate * 100.0, 1, nl) + " %");
  row(text(language, "Prijsstijging per jaar: energie, net, heffingen", "Price escalation per year: energy, network, levies"),
      percent_per_year(a.escalation.energy) + ", " + percent_per_year(a.escalation.network) + ", " + percent_per_year(a.escalation.levies));
  row(text(language, "Prijsstijging per jaar: injectie, interne prijs, kosten", "Price escalation per year: injection, internal price, costs"),
      percent_per_year(a.escalation.injection) + ", " + percent_per_year(a.escalation.internal_price) + ", " +
          percent_per_year(a.escalation.costs));
  row(text(language, "Degradatie PV per jaar", "PV degradation per year"), number(a.degradation_per_year * 100.0, 2, nl) + " %");
  out << "</table>";
}

void production_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const sharing::SettlementResult& settlement = r.run.settlement;
  std::vector<std::string> months;
  std::vector<double> production;
  for (int m = 0; m < 12; ++m) {
    months.push_back(month_name(m + 1, language));
    production.push_back(settlement.months[static_cast<std::size_t>(m)].production_kwh);
  }
  out << "<h2>" << text(language, "PV-productie", "PV production") << "</h2>"
      << svg_bar_chart(months, production, "kWh", nl) << "<table id='production'><tr><th>"
      << text(language, "Jaar", "Year") << "</th><th class='num'>kWh</th><th class='num'>%</th></tr>";
  const sharing::FlowTotals& y = settlement.year;
  auto line = [&](std::string_view label, double kwh) {
    out << "<tr><td>" << html_escape(std::string(label)) << "</td>" << value_cell(kwh, 0, nl) << "<td class='num'>"
        << html_escape(format_percent(y.production_kwh > 0 ? kwh / y.production_kwh : 0.0, 1, nl)) << "</td></tr>";
  };
  line(text(language, "Productie", "Production"), y.production_kwh);
  line(text(language, "Zelf verbruikt door de gemeenschappelijke delen", "Used by the common parts"), y.common_self_consumption_kwh);
  line(text(language, "Gedeeld met de appartementen", "Shared with the apartments"), y.shared_kwh);
  line(text(language, "Geïnjecteerd (verkocht)", "Injected (sold)"), y.injected_kwh);
  out << "</table>";
}

/// The association's battery: what it stores and delivers, and what it changes (energy and
/// the association's NPV), with its own payback.
void battery_section(std::ostream& out, const AdviserReport& r, Language language) {
  if (!r.battery) return;
  const bool nl = language == Language::dutch;
  const simulation::BatteryEffect& e = *r.battery;
  const scenario::BatterySettings& b = r.scenario.battery;
  out << "<section id='battery'><h2>" << text(language, "Batterij van de VME", "The association's battery") << "</h2><p>"
      << html_escape(format_number(b.capacity_kwh, 1, nl)) << " kWh, " << html_escape(format_number(b.power_kw, 1, nl)) << " kW, "
      << text(language, "rendement heen en terug ", "round-trip efficiency ") << html_escape(format_percent(b.round_trip_efficiency, 0, nl))
      << ". "
      << text(language,
              "De batterij laadt alleen met zonnestroom die geen enkele verdeelsleutel kan delen (meer dan de deelnemers op dat kwartier "
              "verbruiken) en levert aan de gemeenschappelijke delen en aan de deelnemers wanneer de zon tekortschiet.",
              "The battery charges only from PV no key could share (more than the participants use in that quarter-hour) and "
              "delivers to the common parts and the participants when the sun falls short.")
      << "</p><table><tr><th></th><th class='num'>" << text(language, "zonder batterij", "without battery") << "</th><th class='num'>"
      << text(language, "met batterij", "with battery") << "</th></tr>";
  auto row = [&](std::string_view label, double without, double with, int decimals) {
    out << "<tr><td>" << html_escape(std::string(label)) << "</td>" << value_cell(without, decimals, nl) << value_cell(with, decimals, nl)
        << "</tr>";
  };
  row(text(language, "Gedeeld met de appartementen (kWh)", "Shared with the apartments (kWh)"), e.shared_without_kwh, e.shared_with_kwh, 0);
  row(text(language, "Geïnjecteerd, verkocht (kWh)", "Injected, sold (kWh)"), e.injected_without_kwh, e.injected_with_kwh, 0);
  row(text(language, "Netto contante waarde van de VME (€)", "Association's net present value (€)"), e.npv_without_eur, e.npv_with_eur, 0);
  out << "</table><p>" << text(language, "Geladen ", "Charged ") << html_escape(format_number(e.charged_kwh, 0, nl))
      << text(language, " kWh, geleverd ", " kWh, delivered ") << html_escape(format_number(e.discharged_kwh, 0, nl))
      << text(language, " kWh, verlies ", " kWh, lost ") << html_escape(format_number(e.losses_kwh, 0, nl)) << " kWh ("
      << html_escape(format_number(e.full_cycles, 0, nl)) << text(language, " volle cycli). ", " full cycles). ")
      << text(language, "Investering in de batterij ", "Investment in the battery ") << html_escape(format_number(e.investment_eur, 0, nl))
      << text(language, " € (btw inbegrepen); terugverdientijd van de batterij zelf: ", " € (VAT included); the battery's own payback: ")
      << (e.simple_payback_years ? html_escape(format_number(*e.simple_payback_years, 1, nl)) + std::string(text(language, " jaar", " years"))
                                 : std::string(text(language, "niet binnen de horizon", "not within the horizon")))
      << ".</p></section>";
}

/// The apartment with the lowest total NPV (occupant + owner) and how many apartments end
/// below 0 under one key: whether a key leaves someone worse off is what decides a vote.
struct ApartmentSpread {
  std::string lowest_id;
  double lowest_npv_eur = 0.0;
  int losing_count = 0;
};

ApartmentSpread apartment_spread(const economics::EconomicsResult& money) {
  ApartmentSpread spread;
  for (std::size_t i = 0; i < money.apartments.size(); ++i) {
    const economics::ApartmentResult& a = money.apartments[i];
    if (i == 0 || a.total.npv_eur < spread.lowest_npv_eur) {
      spread.lowest_id = a.id;
      spread.lowest_npv_eur = a.total.npv_eur;
    }
    if (a.total.npv_eur < 0.0) ++spread.losing_count;
  }
  return spread;
}

void keys_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  out << "<h2>" << text(language, "De verdeelsleutel en de alternatieven", "The allocation key and the alternatives") << "</h2><p>"
      << text(language, "Voorgestelde sleutel: ", "Proposed key: ") << "<b>" << html_escape(simulation::describe_key(r.scenario.key, nl))
      << "</b></p><table id='keys'><tr><th>" << text(language, "Sleutel", "Key") << "</th><th class='num'>"
      << text(language, "Gedeeld kWh (delingsgraad)", "Shared kWh (sharing rate)") << "</th><th class='num'>"
      << text(language, "NCW VME €", "Association NPV €") << "</th><th class='num'>"
      << text(language, "Terugverdientijd VME", "Association payback") << "</th><th class='num'>"
      << text(language, "Laagste NCW appartement €", "Lowest apartment NPV €") << "</th><th class='num'>"
      << text(language, "Appartementen met NCW &lt; 0", "Apartments with NPV &lt; 0") << "</th></tr>";
  for (std::size_t k = 0; k < r.keys.size(); ++k) {
    const simulation::ComparedKey& key = r.keys[k];
    const sharing::FlowTotals& y = key.run.settlement.year;
    out << "<tr" << (k == 0 ? " class='key'" : "") << "><td>" << html_escape(key.label) << "</td><td class='num' data-value='"
        << exact_text(y.shared_kwh) << "'>" << number(y.shared_kwh, 0, nl) << " <span class='muted'>("
        << html_escape(no_break(format_percent(y.sharing_rate(), 1, nl))) << ")</span></td>";
    if (key.economics) {
      const ApartmentSpread spread = apartment_spread(*key.economics);
      out << value_cell(key.economics->association.indicators.npv_eur, 0, nl)
          << payback_cell(key.economics->association.indicators.simple_payback_years, key.economics->horizon_years, language)
          << "<td class='num' data-value='" << exact_text(spread.lowest_npv_eur) << "'>" << number(spread.lowest_npv_eur, 0, nl)
          << " <span class='muted'>(" << html_escape(spread.lowest_id) << ")</span></td>"
          << "<td class='num' data-value='" << spread.losing_count << "'>" << spread.losing_count << " / "
          << key.economics->apartments.size() << "</td>";
    } else {
      out << "<td></td><td></td><td></td>";
    }
    out << "</tr>";
  }
  out << "</table><p class='muted'>"
      << text(language,
              "NCW appartement: bewoner en eigenaar samen over de horizon. Het werkblad Sleutels van de Excel-werkmap geeft elk "
              "appartement onder elke sleutel.",
              "Apartment NPV: occupant and owner together over the horizon. The workbook's Keys sheet gives every apartment "
              "under every key.")
      << "</p>";
}

/// Why an owner's NPV can be negative while the total is positive, on one apartment of the
/// building: the owner pays a share of the investment by shares, the occupant gains on the
/// bill; in a rented apartment they are different people.
void owner_occupant_note(std::ostream& out, const economics::EconomicsResult& money, Language language) {
  const bool nl = language == Language::dutch;
  const economics::ApartmentResult* example = nullptr;
  for (const economics::ApartmentResult& a : money.apartments) {
    if (a.participates && a.owner.npv_eur < 0.0 && a.total.npv_eur >= 0.0) {
      example = &a;
      break;
    }
  }
  for (const economics::ApartmentResult& a : money.apartments) {
    if (example == nullptr && a.participates && !a.owner_occupied) example = &a;
  }
  for (const economics::ApartmentResult& a : money.apartments) {
    if (example == nullptr && a.participates) example = &a;
  }
  if (example == nullptr) return;
  std::vector<std::string> rented;
  for (const economics::ApartmentResult& a : money.apartments) {
    if (!a.owner_occupied) rented.push_back(a.id);
  }
  out << "<div id='owner-occupant'><h3>" << text(language, "Eigenaar en bewoner", "Owner and occupant") << "</h3><p>"
      << text(language, "Appartement ", "Apartment ") << html_escape(example->id)
      << text(language, ": de eigenaar betaalt ", ": the owner pays ") << number(example->owner_investment_eur, 0, nl)
      << text(language, " € van de investering (zijn deel volgens de aandelen) en krijgt hetzelfde deel van het resultaat van "
                        "de VME; als eigenaar is zijn netto contante waarde ",
              " € of the investment (his share by the shares) and receives the same share of the association's result; as "
              "owner his net present value is ")
      << number(example->owner.npv_eur, 0, nl) << " €. "
      << text(language, "De bewoner bespaart ", "The occupant saves ") << number(example->occupant_saving_eur_per_year, 0, nl)
      << text(language, " € per jaar op de factuur; bewoner en eigenaar samen: ", " € a year on the bill; occupant and owner together: ")
      << number(example->total.npv_eur, 0, nl)
      << text(language, " €. De winst van het delen komt bij wie de stroom afneemt, de kost bij wie het appartement bezit: "
                        "daarom kan de NCW van een eigenaar negatief zijn terwijl het totaal positief is.",
              " €. The gain of sharing goes to whoever takes the power, the cost to whoever owns the apartment: that is why an "
              "owner's NPV can be negative while the total is positive.")
      << (example->total.npv_eur < 0.0
              ? text(language, " Hier is ook het totaal negatief: de besparing weegt niet op tegen het aandeel in de investering.",
                     " Here the total is negative too: the saving does not outweigh the share of the investment.")
              : std::string())
      << "</p>";
  if (!rented.empty()) {
    std::string list;
    for (std::size_t i = 0; i < rented.size(); ++i) list += (i ? ", " : "") + rented[i];
    out << "<p>" << text(language, "Verhuurd: ", "Rented: ") << html_escape(list)
        << text(language, ". Daar betaalt de eigenaar zijn deel van de investering en wint de huurder op de factuur; spreek af "
                          "hoe de huurder bijdraagt (bijvoorbeeld via de interne prijs of de huur).",
                ". There the owner pays his share of the investment and the tenant gains on the bill; agree how the tenant "
                "contributes (for example through the internal price or the rent).")
        << "</p>";
  }
  out << "</div>";
}

void apartments_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const economics::EconomicsResult& money = r.economics;
  out << "<h2>" << text(language, "Per appartement", "Per apartment") << "</h2><table id='apartments'><tr><th>"
      << text(language, "Appartement", "Apartment") << "</th><th>" << text(language, "Huishouden", "Household") << "</th><th class='num'>"
      << text(language, "Gedeeld kWh/jaar", "Shared kWh/year")
      << "</th><th class='num'>" << text(language, "Bewoner € per jaar", "Occupant € per year") << "</th><th class='num'>"
      << text(language, "Aandeel investering €", "Share of investment €") << "</th><th class='num'>"
      << text(language, "Eigenaar NCW €", "Owner NPV €") << "</th><th class='num'>" << text(language, "Terugverdientijd", "Payback")
      << "</th><th class='num'>" << text(language, "NCW totaal €", "NPV total €") << "</th></tr>";
  for (std::size_t i = 0; i < money.apartments.size(); ++i) {
    const economics::ApartmentResult& a = money.apartments[i];
    std::string id = a.id;
    if (!a.owner_occupied) id += text(language, " (huur)", " (rented)");
    if (!a.participates) id += text(language, " (deelt niet)", " (not sharing)");
    out << "<tr data-apartment='" << html_escape(a.id) << "'><td>" << html_escape(id) << "</td><td>"
        << html_escape(consumption_label(r.scenario.apartments[i].consumption, language)) << "</td>" << value_cell(a.shared_kwh, 0, nl)
        << value_cell(a.occupant_saving_eur_per_year, 0, nl) << value_cell(a.owner_investment_eur, 0, nl)
        << value_cell(a.owner.npv_eur, 0, nl) << payback_cell(a.total.simple_payback_years, money.horizon_years, language)
        << value_cell(a.total.npv_eur, 0, nl) << "</tr>";
  }
  out << "</table><p class='muted'>"
      << text(language,
            "Bewoner: besparing op de factuur min de interne prijs van de gedeelde stroom (jaar 1). Eigenaar: aandeel in de "
            "investering en in het resultaat van de VME. Bij verhuur zijn bewoner en eigenaar verschillende personen; de "
            "terugverdientijd en de NCW tellen beide delen samen.",
            "Occupant: saving on the bill minus the internal price of shared energy (year 1). Owner: share of the investment "
            "and of the association's result. When rented, occupant and owner are different people; payback and NPV add both parts.")
      << "</p>";
  owner_occupant_note(out, money, language);
  const economics::AssociationResult& vme = money.association;
  out << "<table id='association'><tr><th>" << text(language, "VME", "Association") << "</th><th class='num'></th></tr><tr><td>"
      << text(language, "Investering incl. btw, na subsidie", "Investment incl. VAT, after subsidy") << "</td>"
      << value_cell(vme.investment.total_eur, 0, nl) << "</tr><tr><td>" << text(language, "Netto contante waarde", "Net present value")
      << "</td>" << value_cell(vme.indicators.npv_eur, 0, nl) << "</tr><tr><td>"
      << text(language, "Eenvoudige terugverdientijd (jaar)", "Simple payback (years)") << "</td>"
      << payback_cell(vme.indicators.simple_payback_years, money.horizon_years, language) << "</tr></table><p>"
      << html_escape(economics::explain(r.fair_price, language)) << "</p>";
}

void cash_flow_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  const economics::EconomicsResult& money = r.economics;
  std::vector<std::string> years;
  for (int y = 0; y <= money.horizon_years; ++y) years.push_back(std::to_string(y));
  // Ranked bars of every apartment's NPV read at any size; lines only for a few apartments
  // (more than kMaxLines overlap): else the lowest, the median and the highest apartment.
  constexpr std::size_t kMaxLines = 8;
  std::vector<std::string> ids;
  std::vector<double> npvs;
  for (const economics::ApartmentResult& a : money.apartments) {
    ids.push_back(a.id);
    npvs.push_back(a.total.npv_eur);
  }
  std::vector<std::size_t> drawn(money.apartments.size());
  for (std::size_t i = 0; i < drawn.size(); ++i) drawn[i] = i;
  if (drawn.size() > kMaxLines) {
    std::stable_sort(drawn.begin(), drawn.end(), [&](std::size_t a, std::size_t b) { return npvs[a] < npvs[b]; });
    drawn = {drawn.front(), drawn[drawn.size() / 2], drawn.back()};
  }
  std::vector<SvgSeries> apartments;
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const economics::ApartmentResult& a = money.apartments[drawn[k]];
    std::vector<double> cumulative;
    for (const economics::ApartmentYear& y : a.years) cumulative.push_back(y.cumulative_total_eur);
    apartments.push_back({a.id, cumulative, palette_colour(k), 1.5, palette_dash(k)});
  }
  std::vector<double> association;
  for (const economics::AssociationYear& y : money.association.years) association.push_back(y.cumulative_eur);
  out << "<h2>" << text(language, "Kasstromen", "Cash flows") << "</h2><p class='muted'>"
      << text(language, "Netto contante waarde per appartement (bewoner + eigenaar), van hoog naar laag.",
            "Net present value per apartment (occupant + owner), from high to low.")
      << "</p><div id='npv-ranked'>" << svg_ranked_bars(ids, npvs, "€", nl) << "</div><p class='muted'>"
      << (money.apartments.size() > kMaxLines
              ? text(language, "Gecumuleerd: het appartement met de laagste, de middelste en de hoogste netto contante waarde; "
                               "jaar 0 = investering.",
                     "Cumulative: the apartment with the lowest, the median and the highest net present value; year 0 = "
                     "investment.")
              : text(language, "Gecumuleerd per appartement (bewoner + eigenaar), jaar 0 = investering.",
                     "Cumulative per apartment (occupant + owner), year 0 = investment."))
      << "</p><div id='cumulative-apartments'>" << svg_line_chart(years, apartments, "€", nl) << "</div><p class='muted'>"
      << text(language, "Gecumuleerd voor de VME.", "Cumulative for the association.") << "</p>"
      << svg_line_chart(years, {{text(language, "VME", "Association"), association, "#111", 2.5, ""}}, "€", nl);
}

void sensitivity_section(std::ostream& out, const AdviserReport& r, Language language) {
  const bool nl = language == Language::dutch;
  out << "<h2>" << text(language, "Gevoeligheid", "Sensitivity") << "</h2><table id='sensitivity'><tr><th>" << text(language, "Aanname", "Assumption")
      << "</th><th class='num'>" << text(language, "NCW VME €", "Association NPV €") << "</th><th class='num'>"
      << text(language, "Terugverdientijd VME", "Association payback") << "</th><th class='num'>"
      << text(language, "NCW appartementen samen €", "Apartments' NPV together €") << "</th></tr>";
  for (const SensitivityCase& c : r.sensitivity) {
    out << "<tr><td>" << html_escape(no_break(c.label)) << "</td>" << value_cell(c.association_npv_eur, 0, nl)
        << payback_cell(c.association_payback_years, r.economics.horizon_years, language) << value_cell(c.apartments_npv_eur, 0, nl)
        << "</tr>";
  }
  out << "</table>";
}

void glossary_section(std::ostream& out, Language language) {
  const std::pair<const char*, const char*> dutch[] = {
      {"Energiedelen", "De VME verdeelt de zonnestroom die de gemeenschappelijke delen niet zelf gebruiken elk kwartier over de appartementen; de netbeheerder rekent dit uit met de digitale meters."},
      {"Verdeelsleutel", "De regel die bepaalt welk deel van de gedeelde stroom elk appartement krijgt (vaste percentages, volgens verbruik, in rondes, ...)."},
      {"Interne prijs", "Wat een bewoner aan de VME betaalt per gedeelde kWh, afgesproken tussen de deelnemers."},
      {"Delingsgraad", "Het deel van de deelbare stroom dat effectief bij een appartement terechtkomt; de rest wordt verkocht aan het net."},
      {"Zelfvoorziening", "Het deel van het verbruik van een appartement dat uit de gedeelde zonnestroom komt."},
      {"Terugverdientijd", "Na hoeveel jaar de opgetelde besparingen en opbrengsten de investering hebben terugbetaald."},
      {"Netto contante waarde (NCW)", "Alle toekomstige kasstromen teruggerekend naar vandaag met de discontovoet; positief = het loont."},
      {"Capaciteitstarief", "Netkost volgens het gemiddelde van de hoogste kwartierpiek van elke maand (minstens 2,5 kW)."}};
  const std::pair<const char*, const char*> english[] = {
      {"Energy sharing", "The association divides the PV energy the common parts do not use themselves over the apartments every quarter-hour; the grid operator computes it from the digital meters."},
      {"Allocation key", "The rule that decides which part of the shared energy each apartment receives (fixed percentages, by consumption, in rounds, ...)."},
      {"Internal price", "What an occupant pays the association per shared kWh, as agreed among the participants."},
      {"Sharing rate", "The part of the shareable energy that actually reaches an apartment; the rest is sold to the grid."},
      {"Self-sufficiency", "The part of an apartment's consumption that comes from shared PV energy."},
      {"Payback", "After how many years the added savings and income have repaid the investment."},
      {"Net present value (NPV)", "All future cash flows discounted to today; positive = it pays."},
      {"Capacity tariff", "Network charge on the mean of each month's highest quarter-hour peak (at least 2.5 kW)."}};
  out << "<h2>" << text(language, "Verklarende woordenlijst", "Glossary") << "</h2><dl>";
  for (const auto& [term, meaning] : (language == Language::dutch ? dutch : english)) {
    out << "<dt>" << html_escape(term) << "</dt><dd>" << html_escape(meaning) << "</dd>";
  }
  out << "</dl>";
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  for (const unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV 64-bit prime
  }
  return hash;
}

std::string scenario_fingerprint(const scenario::Scenario& scenario) {
  const std::uint64_t hash = fnv1a_64(scenario::format_scenario(scenario, scenario.source_file));
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::vector<SensitivityCase> sensitivity_cases(const scenario::Scenario& scenario,
                                               const simulation::PreparedBuilding& building,
                                               const simulation::KeyRun& run, Language language) {
  const economics::BaseEnergy base = simulation::building_base_energy(scenario, building);
  const auto apartments = simulation::economic_apartments(scenario);
  const double kwp = simulation::installed_kwp(building);
  auto evaluate = [&](const std::string& label, const economics::EconomicsSettings& settings, double production_scale) {
    const economics::BasisShortcuts shortcuts{&base, production_scale == 1.0 ? &run.settlement : nullptr, true};
    const economics::EnergyBasis basis =
        economics::prepare_energy_basis(building.series, run.key.schedule, settings, production_scale, shortcuts);
    const economics::EconomicsResult result = economics::evaluate_economics(basis, apartments, settings, kwp);
    double apartments_npv = 0.0;
    for (const auto& a : result.apartments) apartments_npv += a.total.npv_eur;
    return SensitivityCase{label, result.association.indicators.npv_eur,
                           result.association.indicators.simple_payback_years, apartments_npv};
  };
  std::vector<SensitivityCase> cases;
  const economics::EconomicsSettings& own = scenario.economics;
  cases.push_back(evaluate(std::string(text(language, "Zoals in het scenario", "As in the scenario")), own, 1.0));
  // Low and high: the scenario's own energy escalation 2 percentage points lower and higher
  // (0 % and 4 % a year around the 2 % default), so "high" is above the scenario whatever it
  // assumes. Only the supplier's energy price moves: that is the price the saving is made on.
  const double own_escalation = own.analysis.escalation.energy;
  auto escalation_label = [&](double rate) {
    return text(language, "Energieprijs stijgt ", "Energy price rises ") + format_number(rate * 100.0, 1, language == Language::dutch) +
           text(language, " %/jaar", " %/year");
  };
  economics::EconomicsSettings low = own;
  low.analysis.escalation.energy = own_escalation - kEscalationStep;
  cases.push_back(evaluate(escalation_label(low.analysis.escalation.energy), low, 1.0));
  economics::EconomicsSettings high = own;
  high.analysis.escalation.energy = own_escalation + kEscalationStep;
  cases.push_back(evaluate(escalation_label(high.analysis.escalation.energy), high, 1.0));
  cases.push_back(evaluate(std::string(text(language, "Productie 10 % lager", "Production 10 % lower")), own, 1.0 - kProductionStep));
  cases.push_back(evaluate(std::string(text(language, "Productie 10 % hoger", "Production 10 % higher")), own, 1.0 + kProductionStep));
  return cases;
}

void write_html_report(std::ostream& out, const AdviserReport& r, Language language) {
  const scenario::Scenario& s = r.scenario;
  const std::string title = s.site.name.empty() ? std::string(text(language, "Gebouw", "Building")) : s.site.name;
  out << "<!DOCTYPE html>\n<html lang='" << (language == Language::dutch ? "nl" : "en") << "'><head><meta charset='utf-8'><title>"
      << html_escape(title) << text(language, " — energiedelen", " — energy sharing") << "</title><style>" << kStyle
      // Page numbers in the printed (PDF) report: CSS page-margin boxes.
      << "@page { @bottom-right { content: '" << text(language, "pagina ", "page ")
      << "' counter(page) ' / ' counter(pages); font-size: 8pt; color: #666; } }\n"
      << "</style></head><body><h1>" << html_escape(title) << "</h1><p>"
      << text(language, "Energiedelen in het gebouw: wat de zonnepanelen van de VME opbrengen en wat elk appartement wint.",
            "Energy sharing in the building: what the association's PV produces and what each apartment gains.")
      << "</p>";
  if (!s.description.empty()) out << "<p class='muted'>" << html_escape(s.description) << "</p>";
  cover_section(out, r, language);
  conclusion_section(out, r, language);
  assumptions_section(out, r, language);
  production_section(out, r, language);
  battery_section(out, r, language);
  keys_section(out, r, language);
  apartments_section(out, r, language);
  cash_flow_section(out, r, language);
  sensitivity_section(out, r, language);
  glossary_section(out, language);
  out << "<p class='muted'>deelstroom " << DEELSTROOM_VERSION << text(language, " — scenario-vingerafdruk ", " — scenario fingerprint ")
      << "<code id='fingerprint'>" << r.fingerprint << "</code>"
      << (s.source_file.empty() ? std::string() : " (" + html_escape(s.source_file.filename().string()) + ")") << "</p>";
  for (const Text& warning : s.warnings) out << "<p class='muted'>" << html_escape(warning.in(language)) << "</p>";
  out << "</body></html>\n";
}

namespace {

/// The building's name and the report's date, for the workbook's first sheet.
std::string title_for_sheet(const AdviserReport& r, Language language) {
  std::string title = r.scenario.site.name.empty() ? text(language, "Gebouw", "Building") : r.scenario.site.name;
  if (!r.cover.date.empty()) title += " — " + r.cover.date;
  return title;
}

/// The column title of a field id in the asked language, with its unit ("offtake_kwh" ->
/// "Afname (kWh)"); an id "<apartment>_<field>" gets the apartment before the field's title.
/// Tools that read the workbook go by column position (docs: tests/report/check_report.py).
std::string column_title(const std::string& id, const std::vector<std::string>& apartment_ids, Language language) {
  struct Title {
    const char* id;
    const char* nl;
    const char* en;
  };
  static const Title titles[] = {
      {"apartment", "Appartement", "Apartment"},
      {"household", "Huishouden", "Household"},
      {"shares", "Aandelen (/1000)", "Shares (/1000)"},
      {"offtake_kwh", "Afname (kWh)", "Offtake (kWh)"},
      {"shared_kwh", "Gedeeld (kWh)", "Shared (kWh)"},
      {"bill_no_pv_eur", "Factuur zonder PV (€)", "Bill without PV (€)"},
      {"bill_with_sharing_eur", "Factuur met delen (€)", "Bill with sharing (€)"},
      {"occupant_saving_eur_per_year", "Besparing bewoner (€/jaar)", "Occupant saving (€/year)"},
      {"owner_investment_eur", "Aandeel investering eigenaar (€)", "Owner's share of the investment (€)"},
      {"owner_npv_eur", "NCW eigenaar (€)", "Owner NPV (€)"},
      {"simple_payback_years", "Terugverdientijd (jaar)", "Payback (years)"},
      {"npv_eur", "NCW bewoner + eigenaar (€)", "NPV occupant + owner (€)"},
      {"irr", "Interne rentevoet", "IRR"},
      {"month", "Maand", "Month"},
      {"production_kwh", "PV-productie (kWh)", "PV production (kWh)"},
      {"injected_kwh", "Geïnjecteerd (kWh)", "Injected (kWh)"},
      {"year", "Jaar", "Year"},
      {"association_net_eur", "VME netto (€)", "Association net (€)"},
      {"association_cumulative_eur", "VME gecumuleerd (€)", "Association cumulative (€)"},
      {"total_eur", "bewoner + eigenaar (€)", "occupant + owner (€)"},
      {"timestamp_local", "Begin kwartier (lokale tijd)", "Quarter-hour start (local time)"},
      {"timestamp_iso", "Begin kwartier (ISO 8601, met UTC-afwijking)", "Quarter-hour start (ISO 8601, with UTC offset)"},
      {"common_consumption_kwh", "Verbruik gemeenschappelijke delen (kWh)", "Common-parts consumption (kWh)"},
      {"key", "Verdeelsleutel", "Allocation key"},
      {"sharing_rate", "Delingsgraad", "Sharing rate"},
      {"association_npv_eur", "NCW VME (€)", "Association NPV (€)"},
      {"association_simple_payback_years", "Terugverdientijd VME (jaar)", "Association payback (years)"},
  };
  auto find = [&](const std::string& field) -> const Title* {
    for (const Title& t : titles) {
      if (field == t.id) return &t;
    }
    return nullptr;
  };
  if (const Title* t = find(id)) return language == Language::dutch ? t->nl : t->en;
  for (const std::string& apartment : apartment_ids) {
    if (id.size() > apartment.size() + 1 && id.compare(0, apartment.size() + 1, apartment + "_") == 0) {
      const std::string field = id.substr(apartment.size() + 1);
      if (const Title* t = find(field)) return apartment + ": " + (language == Language::dutch ? t->nl : t->en);
    }
  }
  return id;
}

void header_row(lxw_worksheet* sheet, const std::vector<std::string>& names, lxw_format* bold) {
  for (std::size_t c = 0; c < names.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), names[c].c_str(), bold);
  }
  worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(names.size() - 1), 16, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);  // the header with the units stays in view while scrolling
}

void write_optional(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::optional<double>& value, lxw_format* format) {
  if (value) worksheet_write_number(sheet, row, col, *value, format);
}

/// Throws InputError naming `path` when its directory does not exist: said before any work is
/// done, in words a user can act on (libxlsxwriter only reports "a permissions error").
void require_output_directory(const std::filesystem::path& path, const char* option) {
  const std::filesystem::path directory = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    throw InputError({path.string(), 0, 0, option}, fill("kan niet schrijven: map '{}' bestaat niet", "cannot write: directory '{}' does not exist", {directory.string()}));
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError({path.string(), 0, 0, option}, Text{"kan niet schrijven: er is een map met die naam", "cannot write: a directory has that name"});
  }
}

}  // namespace

void write_xlsx_report(const std::filesystem::path& path, const AdviserReport& r, Language language) {
  require_output_directory(path, "--xlsx");
  const bool nl = language == Language::dutch;
  const economics::EconomicsResult& money = r.economics;
  const sharing::SettlementResult& settlement = r.run.settlement;
  {
    // Rows are written in order (constant memory): flat memory for 35,040 rows.
    AtomicWorkbook workbook(path, "--xlsx", true);
    // Same inputs, same bytes: without a set creation time libxlsxwriter stamps the current
    // time into the document properties. The stamp used is midnight UTC of 1 January of the
    // simulated year (the year the figures are about), and the comments name the tool and the
    // scenario's fingerprint so the file can be traced like the HTML report.
    // (libxlsxwriter takes char*, not const char*: hence the strings' own buffers.)
    std::string title = r.scenario.site.name.empty() ? std::string(text(language, "Gebouw", "Building")) : r.scenario.site.name;
    std::string subject = text(language, "Energiedelen", "Energy sharing");
    std::string comments = std::string("deelstroom ") + DEELSTROOM_VERSION + ", " +
                           text(language, "scenario-vingerafdruk ", "scenario fingerprint ") + r.fingerprint;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.comments = comments.data();
    properties.created = static_cast<time_t>(time::days_from_civil(r.scenario.site.year, 1, 1) * 86400);
    workbook_set_properties(workbook.book, &properties);
    lxw_format* bold = workbook_add_format(workbook.book);
    format_set_bold(bold);
    lxw_format* kwh = workbook_add_format(workbook.book);
    format_set_num_format(kwh, "#,##0");
    lxw_format* eur = workbook_add_format(workbook.book);
    format_set_num_format(eur, "#,##0.00 [$€-813]");
    lxw_format* fraction = workbook_add_format(workbook.book);
    format_set_num_format(fraction, "0.0%");
    lxw_format* years = workbook_add_format(workbook.book);
    format_set_num_format(years, "0.0");
    lxw_format* fine = workbook_add_format(workbook.book);
    format_set_num_format(fine, "0.000");
    lxw_format* local_time = workbook_add_format(workbook.book);
    format_set_num_format(local_time, "dd/mm/yyyy hh:mm");
    lxw_format* wrap = workbook_add_format(workbook.book);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    std::vector<std::string> apartment_ids;
    for (const auto& a : r.scenario.apartments) apartment_ids.push_back(a.id);
    // Headers in the asked language, with units; the ids fix the column order.
    auto titled = [&](const std::vector<std::string>& ids) {
      std::vector<std::string> titles;
      for (const std::string& id : ids) titles.push_back(column_title(id, apartment_ids, language));
      return titles;
    };

    // First sheet: the conclusion, as on the report's first page.
    lxw_worksheet* conclusion = workbook_add_worksheet(workbook.book, nl ? "Conclusie" : "Conclusion");
    worksheet_set_column(conclusion, 0, 0, 24, bold);
    worksheet_set_column(conclusion, 1, 1, 110, wrap);
    worksheet_write_string(conclusion, 0, 0, title_for_sheet(r, language).c_str(), bold);
    lxw_row_t conclusion_row = 2;
    for (const auto& [heading, body] : conclusion_lines(r, language)) {
      worksheet_write_string(conclusion, conclusion_row, 0, heading.c_str(), bold);
      worksheet_write_string(conclusion, conclusion_row++, 1, body.c_str(), wrap);
    }

    lxw_worksheet* summary = workbook_add_worksheet(workbook.book, nl ? "Samenvatting" : "Summary");
    header_row(summary, {nl ? "Grootheid" : "Quantity", nl ? "Waarde" : "Value", nl ? "Eenheid" : "Unit"}, bold);
    lxw_row_t row = 1;
    auto item = [&](const char* label_nl, const char* label_en, double value, const char* unit, lxw_format* format) {
      worksheet_write_string(summary, row, 0, nl ? label_nl : label_en, nullptr);
      worksheet_write_number(summary, row, 1, value, format);
      worksheet_write_string(summary, row, 2, unit, nullptr);
      ++row;
    };
    const sharing::FlowTotals& y = settlement.year;
    item("PV-productie", "PV production", y.production_kwh, "kWh", kwh);
    item("Zelfverbruik gemeenschappelijke delen", "Common-parts self-consumption", y.common_self_consumption_kwh, "kWh", kwh);
    item("Gedeeld", "Shared", y.shared_kwh, "kWh", kwh);
    item("Geïnjecteerd", "Injected", y.injected_kwh, "kWh", kwh);
    item("Delingsgraad", "Sharing rate", y.sharing_rate(), "", fraction);
    item("Zelfverbruiksgraad", "Self-consumption rate", y.self_consumption_rate(), "", fraction);
    item("Investering VME", "Association investment", money.association.investment.total_eur, "EUR", eur);
    item("NCW VME", "Association NPV", money.association.indicators.npv_eur, "EUR", eur);
    worksheet_write_string(summary, row, 0, nl ? "Terugverdientijd VME" : "Association payback", nullptr);
    write_optional(summary, row, 1, money.association.indicators.simple_payback_years, years);
    worksheet_write_string(summary, row++, 2, nl ? "jaar" : "years", nullptr);
    worksheet_write_string(summary, row, 0, nl ? "Scenario-vingerafdruk" : "Scenario fingerprint", nullptr);
    worksheet_write_string(summary, row++, 1, r.fingerprint.c_str(), nullptr);
    // Where the numbers come from: tool version, scenario file and key, as in the HTML report.
    auto label = [&](const char* label_nl, const char* label_en, const std::string& value) {
      worksheet_write_string(summary, row, 0, nl ? label_nl : label_en, nullptr);
      worksheet_write_string(summary, row++, 1, value.c_str(), nullptr);
    };
    label("Versie deelstroom", "deelstroom version", DEELSTROOM_VERSION);
    label("Scenario", "Scenario", r.scenario.source_file.empty() ? r.scenario.site.name : r.scenario.source_file.filename().string());
    label("Verdeelsleutel", "Allocation key", simulation::describe_key(r.scenario.key, nl));
    if (r.battery) {
      const simulation::BatteryEffect& e = *r.battery;
      item("Batterij: capaciteit", "Battery: capacity", r.scenario.battery.capacity_kwh, "kWh", kwh);
      item("Batterij: geleverd", "Battery: delivered", e.discharged_kwh, "kWh", kwh);
      item("Batterij: verlies", "Battery: losses", e.losses_kwh, "kWh", kwh);
      item("Gedeeld zonder batterij", "Shared without battery", e.shared_without_kwh, "kWh", kwh);
      item("NCW VME zonder batterij", "Association NPV without battery", e.npv_without_eur, "EUR", eur);
      worksheet_write_string(summary, row, 0, nl ? "Terugverdientijd batterij" : "Battery payback", nullptr);
      write_optional(summary, row, 1, e.simple_payback_years, years);
      worksheet_write_string(summary, row++, 2, nl ? "jaar" : "years", nullptr);
    }

    lxw_worksheet* apartments = workbook_add_worksheet(workbook.book, nl ? "Appartementen" : "Apartments");
    header_row(apartments,
               titled({"apartment", "household", "shares", "offtake_kwh", "shared_kwh", "bill_no_pv_eur", "bill_with_sharing_eur",
                       "occupant_saving_eur_per_year", "owner_investment_eur", "owner_npv_eur", "simple_payback_years",
                       "npv_eur", "irr"}),
               bold);
    for (std::size_t i = 0; i < money.apartments.size(); ++i) {
      const economics::ApartmentResult& a = money.apartments[i];
      const auto r_i = static_cast<lxw_row_t>(i + 1);
      worksheet_write_string(apartments, r_i, 0, a.id.c_str(), nullptr);
      worksheet_write_string(apartments, r_i, 1, consumption_label(r.scenario.apartments[i].consumption, language).c_str(), nullptr);
      worksheet_write_number(apartments, r_i, 2, r.scenario.apartments[i].shares, nullptr);
      worksheet_write_number(apartments, r_i, 3, a.offtake_kwh, kwh);
      worksheet_write_number(apartments, r_i, 4, a.shared_kwh, kwh);
      worksheet_write_number(apartments, r_i, 5, a.bill_no_pv_eur, eur);
      worksheet_write_number(apartments, r_i, 6, a.bill_with_sharing_eur, eur);
      worksheet_write_number(apartments, r_i, 7, a.occupant_saving_eur_per_year, eur);
      worksheet_write_number(apartments, r_i, 8, a.owner_investment_eur, eur);
      worksheet_write_number(apartments, r_i, 9, a.owner.npv_eur, eur);
      write_optional(apartments, r_i, 10, a.total.simple_payback_years, years);
      worksheet_write_number(apartments, r_i, 11, a.total.npv_eur, eur);
      write_optional(apartments, r_i, 12, a.total.irr, fraction);
    }

    lxw_worksheet* monthly = workbook_add_worksheet(workbook.book, nl ? "Maanden" : "Monthly");
    std::vector<std::string> month_header = {"month", "production_kwh", "shared_kwh", "injected_kwh"};
    for (const auto& a : r.scenario.apartments) month_header.push_back(a.id + "_shared_kwh");
    header_row(monthly, titled(month_header), bold);
    for (int m = 0; m < 12; ++m) {
      const sharing::FlowTotals& f = settlement.months[static_cast<std::size_t>(m)];
      const auto r_m = static_cast<lxw_row_t>(m + 1);
      worksheet_write_string(monthly, r_m, 0, month_name(m + 1, language).c_str(), nullptr);
      worksheet_write_number(monthly, r_m, 1, f.production_kwh, kwh);
      worksheet_write_number(monthly, r_m, 2, f.shared_kwh, kwh);
      worksheet_write_number(monthly, r_m, 3, f.injected_kwh, kwh);
      for (int i = 0; i < settlement.apartment_count; ++i) {
        worksheet_write_number(monthly, r_m, static_cast<lxw_col_t>(4 + i), settlement.shared_by_month(i, m), kwh);
      }
    }

    lxw_worksheet* flows = workbook_add_worksheet(workbook.book, nl ? "Kasstromen" : "Cash flows");
    std::vector<std::string> flow_header = {"year", "association_net_eur", "association_cumulative_eur"};
    for (const auto& a : money.apartments) flow_header.push_back(a.id + "_total_eur");
    header_row(flows, titled(flow_header), bold);
    for (std::size_t k = 0; k < money.association.years.size(); ++k) {
      const auto r_k = static_cast<lxw_row_t>(k + 1);
      worksheet_write_number(flows, r_k, 0, money.association.years[k].year, nullptr);
      worksheet_write_number(flows, r_k, 1, money.association.years[k].net_eur, eur);
      worksheet_write_number(flows, r_k, 2, money.association.years[k].cumulative_eur, eur);
      for (std::size_t i = 0; i < money.apartments.size(); ++i) {
        worksheet_write_number(flows, r_k, static_cast<lxw_col_t>(3 + i), money.apartments[i].years[k].total_eur, eur);
      }
    }

    lxw_worksheet* quarters = workbook_add_worksheet(workbook.book, nl ? "Kwartieren" : "Quarter-hours");
    std::vector<std::string> quarter_header = {"timestamp_local", "production_kwh", "common_consumption_kwh", "injected_kwh"};
    for (const auto& a : r.scenario.apartments) {
      quarter_header.push_back(a.id + "_offtake_kwh");
      quarter_header.push_back(a.id + "_shared_kwh");
    }
    quarter_header.push_back("timestamp_iso");
    header_row(quarters, titled(quarter_header), bold);
    const auto iso_column = static_cast<lxw_col_t>(quarter_header.size() - 1);
    const sharing::BuildingSeries& series = r.building.series;
    const bool have_series = settlement.allocated_kwh.cols() == series.interval_count();
    for (int t = 0; have_series && t < series.interval_count(); ++t) {
      const auto r_t = static_cast<lxw_row_t>(t + 1);
      // A real Excel date-time in local wall time (what the meter shows), and the ISO label with
      // its UTC offset beside it, since the October hour repeats in local time.
      const std::int64_t utc = r.building.grid.start_utc_seconds(t);
      const time::LocalDateTime local = time::to_local(r.building.calendar.zone, utc);
      lxw_datetime stamp{local.date.year, local.date.month, local.date.day, local.hour, local.minute, 0.0};
      worksheet_write_datetime(quarters, r_t, 0, &stamp, local_time);
      worksheet_write_number(quarters, r_t, 1, series.production_kwh[t], fine);
      worksheet_write_number(quarters, r_t, 2, series.common_consumption_kwh[t], fine);
      worksheet_write_number(quarters, r_t, 3, settlement.injected_kwh[t], fine);
      for (int i = 0; i < series.apartment_count(); ++i) {
        worksheet_write_number(quarters, r_t, static_cast<lxw_col_t>(4 + 2 * i), series.offtake_kwh(i, t), fine);
        worksheet_write_number(quarters, r_t, static_cast<lxw_col_t>(5 + 2 * i), settlement.allocated_kwh(i, t), fine);
      }
      worksheet_write_string(quarters, r_t, iso_column, time::iso_local_label(r.building.calendar.zone, utc).c_str(), nullptr);
    }
    // Every key with each apartment's result under it (the HTML shows only the spread).
    lxw_worksheet* keys = workbook_add_worksheet(workbook.book, nl ? "Sleutels" : "Keys");
    std::vector<std::string> key_header = {"key", "shared_kwh", "sharing_rate", "association_npv_eur",
                                           "association_simple_payback_years"};
    for (const auto& a : money.apartments) key_header.push_back(a.id + "_npv_eur");
    for (const auto& a : money.apartments) key_header.push_back(a.id + "_occupant_saving_eur_per_year");
    header_row(keys, titled(key_header), bold);
    for (std::size_t k = 0; k < r.keys.size(); ++k) {
      const simulation::ComparedKey& key = r.keys[k];
      const auto r_k = static_cast<lxw_row_t>(k + 1);
      worksheet_write_string(keys, r_k, 0, key.label.c_str(), nullptr);
      worksheet_write_number(keys, r_k, 1, key.run.settlement.year.shared_kwh, kwh);
      worksheet_write_number(keys, r_k, 2, key.run.settlement.year.sharing_rate(), fraction);
      if (!key.economics) continue;
      const economics::EconomicsResult& key_money = *key.economics;
      worksheet_write_number(keys, r_k, 3, key_money.association.indicators.npv_eur, eur);
      write_optional(keys, r_k, 4, key_money.association.indicators.simple_payback_years, years);
      const std::size_t count = key_money.apartments.size();
      for (std::size_t i = 0; i < count; ++i) {
        worksheet_write_number(keys, r_k, static_cast<lxw_col_t>(5 + i), key_money.apartments[i].total.npv_eur, eur);
        worksheet_write_number(keys, r_k, static_cast<lxw_col_t>(5 + count + i),
                               key_money.apartments[i].occupant_saving_eur_per_year, eur);
      }
    }
    workbook.finish();
  }
}

void write_adviser_report(const scenario::Scenario& scenario, const simulation::PreparedBuilding& building,
                          const simulation::KeyRun& run, const economics::EconomicsResult& economics,
                          const std::filesystem::path& html, const std::filesystem::path& xlsx, Language language,
                          const ReportCover& cover) {
  // A bad target fails at once, before the key comparison and the sensitivity are computed.
  if (!html.empty()) require_output_directory(html, "--out");
  if (!xlsx.empty()) require_output_directory(xlsx, "--xlsx");
  const auto keys = simulation::compare_keys(scenario, building, language == Language::dutch, true);
  const economics::FairPriceResult fair = economics::find_fair_internal_price(
      simulation::economics_basis(scenario, building, run.key), simulation::economic_apartments(scenario),
      scenario.economics, simulation::installed_kwp(building));
  const AdviserReport report{scenario, building, run, economics, keys, fair,
                             sensitivity_cases(scenario, building, run, language), scenario_fingerprint(scenario), cover,
                             simulation::battery_effect(scenario, building, run, economics)};
  if (!html.empty()) write_file_atomically(html, [&](std::ostream& file) { write_html_report(file, report, language); });
  if (!xlsx.empty()) write_xlsx_report(xlsx, report, language);
}

}  // namespace deelstroom::report
