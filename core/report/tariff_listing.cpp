#include "core/report/tariff_listing.hpp"

#include <algorithm>
#include <sstream>

#include "core/report/text_table.hpp"

namespace deelstroom::report {

using tariffs::SourcedValue;

namespace {

/// The file's record of `key` in one of `sections` (first match), or nullptr.
const SourcedValue* find_value(const TariffData& file, const std::vector<std::string>& sections, const std::string& key) {
  for (const std::string& section : sections) {
    for (const SourcedValue& v : file.values) {
      if (v.field == section + "." + key) return &v;
    }
  }
  return nullptr;
}

class LineBuilder {
 public:
  LineBuilder(const TariffData& file, Language language) : file_(file), language_(language) {}

  /// A line for one number: its source when it equals the file's value, else the scenario's.
  void add(std::string_view nl, std::string_view en, double value, const std::string& text,
           const std::vector<std::string>& sections, const std::string& key) {
    TariffLine line{std::string(tr(language_, nl, en)), text, {}, false};
    const SourcedValue* recorded = find_value(file_, sections, key);
    if (recorded != nullptr && recorded->value == value) {
      line.source_ids.push_back(recorded->source_id);
    } else if (recorded != nullptr || value != 0.0) {
      line.from_scenario = true;
    } else {
      return;  // neither in the file nor set: the component does not exist in this region
    }
    lines.push_back(std::move(line));
  }

  /// A levy with a published path: the steps in force from the tariff year on, with the
  /// source of the step in force on 1 January.
  /// A levy with a published path: the value in force on 1 January of the tariff year and
  /// the later steps, citing every step's source.
  void add_path(std::string_view nl, std::string_view en, const std::vector<economics::LevyStep>& path, double flat,
                const std::string& key, int year, int decimals) {
    const bool dutch = language_ == Language::dutch;
    if (path.empty()) {
      add(nl, en, flat, format_number(flat * 1000.0, decimals, dutch) + " €/MWh", {"levies"}, key + "_eur_per_kwh");
      return;
    }
    TariffLine line{std::string(tr(language_, nl, en)), "", {}, false};
    std::size_t first = 0;  // the step in force on 1 January
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (path[i].year < year || (path[i].year == year && path[i].month == 1)) first = i;
    }
    for (std::size_t i = first; i < path.size(); ++i) {
      const economics::LevyStep& step = path[i];
      const std::string amount = format_number(step.eur_per_kwh * 1000.0, decimals, dutch);
      line.value += i == first ? amount + " €/MWh"
                               : "; " + std::string(tr(language_, "vanaf ", "from ")) + std::to_string(step.month) + "/" +
                                     std::to_string(step.year) + ": " + amount;
      const std::string source = source_of_step(key, i);
      if (std::find(line.source_ids.begin(), line.source_ids.end(), source) == line.source_ids.end()) {
        line.source_ids.push_back(source);
      }
    }
    lines.push_back(std::move(line));
  }

  std::vector<TariffLine> lines;

 private:
  std::string source_of_step(const std::string& key, std::size_t index) const {
    const std::string field = "levies." + key + "[" + std::to_string(index) + "]";
    for (const SourcedValue& v : file_.values) {
      if (v.field == field) return v.source_id;
    }
    return "";
  }

  const TariffData& file_;
  Language language_;
};

}  // namespace

std::vector<TariffLine> tariff_lines(const economics::Tariffs& t, const economics::RuleSet& rules, const TariffData& file,
                                     Language language) {
  const bool nl = language == Language::dutch;
  auto eur_kwh = [&](double v) { return format_number(v, 4, nl) + " €/kWh"; };
  auto eur_year = [&](double v) { return format_number(v, 2, nl) + (nl ? " €/jaar" : " €/year"); };
  auto percent = [&](double v) { return format_number(v * 100.0, 0, nl) + " %"; };
  LineBuilder b(file, language);
  const std::vector<std::string> network = {"areas." + file.area_id, "network"};
  b.add("Energieprijs leverancier (enkelvoudig)", "Supplier energy price (single)", t.energy.price_eur_per_kwh,
        eur_kwh(t.energy.price_eur_per_kwh), {"energy"}, "price_eur_per_kwh");
  b.add("Energieprijs dag", "Energy price day", t.energy.day_price_eur_per_kwh, eur_kwh(t.energy.day_price_eur_per_kwh),
        {"energy"}, "day_price_eur_per_kwh");
  b.add("Energieprijs nacht", "Energy price night", t.energy.night_price_eur_per_kwh,
        eur_kwh(t.energy.night_price_eur_per_kwh), {"energy"}, "night_price_eur_per_kwh");
  b.add("Vaste vergoeding leverancier", "Supplier fixed fee", t.energy.fixed_eur_per_year, eur_year(t.energy.fixed_eur_per_year),
        {"energy"}, "fixed_eur_per_year");
  const economics::NetworkTariff& n = t.network;
  b.add("Distributie: kWh-tarief netgebruik", "Distribution: network-use kWh tariff", n.distribution_eur_per_kwh,
        eur_kwh(n.distribution_eur_per_kwh), network, "distribution_eur_per_kwh");
  b.add("Distributie: openbaredienstverplichtingen", "Distribution: public-service obligations", n.public_service_eur_per_kwh,
        eur_kwh(n.public_service_eur_per_kwh), network, "public_service_eur_per_kwh");
  b.add("Distributie: toeslagen", "Distribution: surcharges", n.surcharges_eur_per_kwh, eur_kwh(n.surcharges_eur_per_kwh),
        network, "surcharges_eur_per_kwh");
  b.add("Transmissie (Elia)", "Transmission (Elia)", n.transmission_eur_per_kwh, eur_kwh(n.transmission_eur_per_kwh), network,
        "transmission_eur_per_kwh");
  if (rules.capacity_tariff) {
    b.add("Capaciteitstarief", "Capacity tariff", n.capacity_eur_per_kw_per_year,
          format_number(n.capacity_eur_per_kw_per_year, 2, nl) + (nl ? " €/kW/jaar" : " €/kW/year"), network,
          "capacity_eur_per_kw_per_year");
    b.add("Minimale maandpiek", "Minimum monthly peak", n.capacity_min_peak_kw,
          format_number(n.capacity_min_peak_kw, 1, nl) + " kW", network, "capacity_min_peak_kw");
    b.add("Maximum kWh-tarief (capaciteit + kWh samen)", "Maximum kWh tariff (capacity + kWh together)",
          n.max_kwh_tariff_eur_per_kwh, eur_kwh(n.max_kwh_tariff_eur_per_kwh), network, "max_kwh_tariff_eur_per_kwh");
  }
  b.add("Databeheer", "Data management", n.data_management_eur_per_year, eur_year(n.data_management_eur_per_year), network,
        "data_management_eur_per_year");
  b.add("Vergoeding netbeheerder per deelnemer aan energiedelen", "DSO fee per participant of energy sharing",
        n.sharing_participant_fee_eur_per_year, eur_year(n.sharing_participant_fee_eur_per_year), network,
        "sharing_participant_fee_eur_per_year");
  b.add_path("Bijdrage op de energie", "Energy contribution", t.levies.energy_contribution_path,
             t.levies.energy_contribution_eur_per_kwh, "energy_contribution", t.year, 4);
  b.add_path("Bijzondere accijns", "Special excise", t.levies.excise_path, t.levies.excise_eur_per_kwh, "excise", t.year, 2);
  b.add("Groenestroom- en WKK-certificaten", "Green-power and CHP certificates", t.levies.certificates_eur_per_kwh,
        eur_kwh(t.levies.certificates_eur_per_kwh), {"levies"}, "certificates_eur_per_kwh");
  b.add("Btw", "VAT", t.vat_rate, percent(t.vat_rate), {"vat"}, "rate");
  b.add("Injectievergoeding", "Injection price", t.injection.price_eur_per_kwh, eur_kwh(t.injection.price_eur_per_kwh),
        {"injection"}, "price_eur_per_kwh");
  b.add("Interne prijs gedeelde stroom (afspraak VME)", "Internal price of shared energy (the association's agreement)",
        t.sharing.internal_price_eur_per_kwh, eur_kwh(t.sharing.internal_price_eur_per_kwh), {"sharing"},
        "internal_price_eur_per_kwh");
  b.add("Distributie-kWh-tarieven op gedeelde stroom", "Distribution kWh tariffs on shared energy",
        rules.network_charges_on_shared, percent(rules.network_charges_on_shared), {"sharing"}, "network_charges_on_shared");
  b.add("Transmissie op gedeelde stroom", "Transmission on shared energy", rules.transmission_on_shared,
        percent(rules.transmission_on_shared), {"sharing"}, "transmission_on_shared");
  b.add("Heffingen en certificaten op gedeelde stroom", "Levies and certificates on shared energy", rules.levies_on_shared,
        percent(rules.levies_on_shared), {"sharing"}, "levies_on_shared");
  return b.lines;
}

std::vector<TariffSource> cited_sources(const std::vector<TariffLine>& lines, const TariffData& file) {
  std::vector<TariffSource> cited;
  for (const TariffSource& source : file.sources) {
    const bool used = std::any_of(lines.begin(), lines.end(), [&](const TariffLine& l) {
      return std::find(l.source_ids.begin(), l.source_ids.end(), source.id) != l.source_ids.end();
    });
    if (used) cited.push_back(source);
  }
  return cited;
}

std::string source_id_text(const std::string& id, Language language) {
  if (id == "assumption") return std::string(tr(language, "aanname", "assumption"));
  return id;
}

std::string source_title_text(const TariffSource& source, Language language) {
  if (source.id == "assumption") {
    return std::string(tr(language, "werkhypothese van deelstroom (geen gepubliceerd cijfer)", "deelstroom working assumption (not a published figure)"));
  }
  return source.title;
}

std::string format_tariff_listing(const std::vector<TariffLine>& lines, const TariffData& file, Language language) {
  std::ostringstream out;
  out << tr(language, "Tarieven ", "Tariffs ") << file.region << " " << file.year << ", "
      << tr(language, "netgebied ", "network area ") << file.area_name << " (" << file.area_id << ")\n"
      << tr(language, "Bestand: ", "File: ") << file.file << "\n"
      << tr(language, "Bedragen exclusief btw.\n\n", "Amounts excluding VAT.\n\n");
  TextTable table;
  table.add_column(tr(language, "Onderdeel", "Component"), TextTable::Align::left);
  table.add_column(tr(language, "Waarde", "Value"), TextTable::Align::right);
  table.add_column(tr(language, "Bron", "Source"), TextTable::Align::left);
  for (const TariffLine& line : lines) {
    std::string sources;
    for (const std::string& id : line.source_ids) sources += (sources.empty() ? "" : ", ") + source_id_text(id, language);
    table.add_row({line.label, line.value, line.from_scenario ? std::string(tr(language, "scenario", "scenario")) : sources});
  }
  table.print(out);
  out << "\n" << tr(language, "Bronnen\n", "Sources\n");
  for (const TariffSource& source : cited_sources(lines, file)) {
    out << "  [" << source_id_text(source.id, language) << "] " << source_title_text(source, language) << " (" << source.date << ")";
    if (!source.url.empty()) out << "\n      " << source.url;
    if (!source.note.empty()) out << "\n      " << source.note;
    out << "\n";
  }
  out << "\n" << tr(language, "Netgebieden in dit bestand: ", "Network areas in this file: ");
  for (std::size_t i = 0; i < file.areas.size(); ++i) out << (i ? ", " : "") << file.areas[i].id;
  out << "\n";
  return out.str();
}

}  // namespace deelstroom::report
