#include "core/report/run_report.hpp"

#include <array>
#include <sstream>
#include <string_view>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/report/economics_report.hpp"
#include "core/report/json_writer.hpp"
#include "core/load/archetype.hpp"
#include "core/report/text_table.hpp"
#include "core/sharing/rule_set.hpp"
#include "core/simulation/key_resolution.hpp"
#include "core/time/time_zone.hpp"

namespace deelstroom::report {

namespace {

using TA = TextTable::Align;

std::string kwh(double value, bool dutch) { return format_number(value, 0, dutch); }

/// The weather source in the reader's language (a PVGIS file is named as it is).
std::string weather_label(const RunView& view, Language language) {
  if (view.scenario.weather.source == scenario::WeatherSource::embedded) {
    return std::string(tr(language, "ingebouwd referentiejaar Ukkel", "embedded reference year Uccle"));
  }
  return view.building.weather ? view.building.weather->source : "-";
}

}  // namespace

std::string consumption_label(const scenario::ConsumptionSettings& consumption, Language language) {
  if (consumption.measured()) return std::string(tr(language, "meting", "measured"));
  return load::archetype_display_name(consumption.archetype, language == Language::dutch);
}

std::string month_name(int month, Language language) {
  static constexpr std::array<std::string_view, 12> dutch = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                              "jul", "aug", "sep", "okt", "nov", "dec"};
  static constexpr std::array<std::string_view, 12> english = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto index = static_cast<std::size_t>(((month - 1) % 12 + 12) % 12);
  return std::string(language == Language::dutch ? dutch[index] : english[index]);
}

/// The battery with and without: shared, injected, the association's NPV, its own payback.
void print_battery_effect(std::ostream& out, const simulation::BatteryEffect& e, const scenario::Scenario& s,
                          Language language) {
  const bool nl = language == Language::dutch;
  TextTable table;
  table.add_column(tr(language, "Batterij van de VME", "The association's battery"), TA::left);
  table.add_column(tr(language, "zonder", "without"));
  table.add_column(tr(language, "met", "with"));
  table.add_row({std::string(tr(language, "Gedeeld met appartementen (kWh)", "Shared with apartments (kWh)")),
                 kwh(e.shared_without_kwh, nl), kwh(e.shared_with_kwh, nl)});
  table.add_row({std::string(tr(language, "Restinjectie (kWh)", "Remaining injection (kWh)")), kwh(e.injected_without_kwh, nl),
                 kwh(e.injected_with_kwh, nl)});
  table.add_row({std::string(tr(language, "NCW van de VME (€)", "Association NPV (€)")), format_number(e.npv_without_eur, 0, nl),
                 format_number(e.npv_with_eur, 0, nl)});
  table.print(out);
  out << format_number(s.battery.capacity_kwh, 1, nl) << " kWh, " << format_number(s.battery.power_kw, 1, nl) << " kW, "
      << tr(language, "rendement heen en terug ", "round trip ") << format_percent(s.battery.round_trip_efficiency, 0, nl) << ", "
      << format_number(e.full_cycles, 0, nl) << tr(language, " volle cycli per jaar; investering ", " full cycles a year; investment ")
      << format_number(e.investment_eur, 0, nl) << " €; "
      << tr(language, "terugverdientijd van de batterij zelf: ", "the battery's own payback: ")
      << (e.simple_payback_years ? format_number(*e.simple_payback_years, 1, nl) + tr(language, " jaar", " years").data()
                                 : std::string(tr(language, "niet binnen de horizon", "not within the horizon")))
      << "\n\n";
}

void print_run_tables(std::ostream& out, const RunView& view, Language language) {
  const bool nl = language == Language::dutch;
  const auto& s = view.scenario;
  const auto& settlement = view.run.settlement;
  const auto& year = settlement.year;

  out << (s.site.name.empty() ? std::string(tr(language, "Gebouw", "Building")) : s.site.name) << " — "
      << s.apartments.size() << tr(language, " appartementen, ", " apartments, ") << s.site.year << "\n";
  out << tr(language, "Verdeelsleutel: ", "Allocation key: ") << simulation::describe_key(s.key, nl) << "\n";
  out << tr(language, "Weer: ", "Weather: ") << weather_label(view, language) << "\n\n";

  TextTable building;
  building.add_column(tr(language, "Gebouw (jaar)", "Building (year)"), TA::left);
  building.add_column("kWh");
  building.add_column("%");
  auto row = [&](std::string_view label, double value, std::string percent = "") {
    building.add_row({std::string(label), kwh(value, nl), std::move(percent)});
  };
  if (view.building.battery) {
    const battery::BatteryDispatch& d = *view.building.battery;
    row(tr(language, "PV-productie", "PV production"), view.building.pv_production_kwh.sum());
    row(tr(language, "  in de batterij geladen", "  charged into the battery"), d.charged_kwh);
    row(tr(language, "  uit de batterij geleverd", "  delivered by the battery"), d.discharged_kwh);
    row(tr(language, "  batterijverlies (en wat er op 31/12 nog in zit)", "  battery losses (and what it holds on 31/12)"),
        d.charged_kwh - d.discharged_kwh);
    row(tr(language, "Productie gemeensch. aansluiting (PV + batterij)", "Common connection production (PV + battery)"),
        year.production_kwh);
  } else {
    row(tr(language, "PV-productie", "PV production"), year.production_kwh);
  }
  row(tr(language, "Verbruik gemeenschappelijke delen", "Common parts consumption"), year.common_consumption_kwh);
  row(view.building.battery ? tr(language, "  waarvan rechtstreeks uit PV of batterij", "  of which directly from PV or battery")
                             : tr(language, "  waarvan rechtstreeks uit PV", "  of which directly from PV"),
      year.common_self_consumption_kwh);
  row(tr(language, "Deelbaar volume (injectie gemeensch. meter)", "Shareable volume (common meter injection)"),
      year.shareable_kwh - year.apartments_injection_kwh);
  if (year.apartments_injection_kwh > 0.0) {
    row(tr(language, "Injectie van appartementen met eigen PV", "Injection of apartments with their own PV"),
        year.apartments_injection_kwh);
    row(tr(language, "  waarvan gedeeld", "  of which shared"), year.apartments_injection_kwh - year.apartments_injected_kwh);
  }
  row(tr(language, "Gedeeld met appartementen", "Shared with apartments"), year.shared_kwh,
      format_percent(year.sharing_rate(), 1, nl));
  row(tr(language, "Restinjectie gemeensch. meter (verkocht)", "Remaining injection, common meter (sold)"), year.injected_kwh);
  building.add_rule();
  building.add_row({std::string(tr(language, "Zelfverbruiksgraad gebouw", "Building self-consumption rate")), "",
                    format_percent(year.self_consumption_rate(), 1, nl)});
  building.add_row({std::string(tr(language, "Delingsgraad", "Sharing rate")), "", format_percent(year.sharing_rate(), 1, nl)});
  building.add_row({std::string(tr(language, "Zelfvoorziening appartementen", "Apartments' self-sufficiency")), "",
                    format_percent(year.apartments_self_sufficiency(), 1, nl)});
  building.print(out);
  out << "\n";

  if (view.battery != nullptr) print_battery_effect(out, *view.battery, view.scenario, language);

  TextTable arrays;
  arrays.add_column(tr(language, "PV-veld", "PV array"), TA::left);
  arrays.add_column("kWp");
  arrays.add_column("kWh");
  arrays.add_column("kWh/kWp");
  for (const auto& array : view.building.arrays) {
    arrays.add_row({array.name + (array.measured ? tr(language, " (gemeten)", " (measured)").data() : ""),
                    format_number(array.kwp, 1, nl), kwh(array.ac_kwh_total, nl),
                    format_number(array.specific_yield_kwh_per_kwp(), 0, nl)});
  }
  if (!view.building.arrays.empty()) {
    arrays.print(out);
    out << "\n";
  }

  if (settlement.reported_rounds() > 1) {
    TextTable rounds;
    rounds.add_column(tr(language, "Ronde", "Round"), TA::left);
    rounds.add_column(tr(language, "Gedeeld kWh", "Shared kWh"));
    for (int r = 0; r < settlement.reported_rounds(); ++r) {
      rounds.add_row({std::to_string(r + 1), kwh(settlement.shared_by_round.row(r).sum(), nl)});
    }
    rounds.print(out);
    out << tr(language, "Rondes gebruikt: ", "Rounds used: ") << settlement.rounds_used
        << tr(language, " (het meeste dat een kwartier nodig had)", " (the most any quarter-hour needed)") << "\n";
    out << "\n";
  }

  TextTable apartments;
  apartments.add_column(tr(language, "Appartement", "Apartment"), TA::left);
  apartments.add_column(tr(language, "Aandelen", "Shares"));
  apartments.add_column(tr(language, "Profiel", "Profile"), TA::left);
  apartments.add_column(tr(language, "Afname kWh", "Offtake kWh"));
  apartments.add_column(tr(language, "Gedeeld kWh", "Shared kWh"));
  apartments.add_column(tr(language, "Net kWh", "Grid kWh"));
  apartments.add_column(tr(language, "Zelfvoorz.", "Self-suff."));
  double shares_total = 0.0;
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    const auto& a = s.apartments[i];
    const int index = static_cast<int>(i);
    std::string profile = consumption_label(a.consumption, language);
    if (!a.participates) profile += tr(language, " (deelt niet)", " (not sharing)");
    apartments.add_row({a.id, format_number(a.shares, 0, nl), profile, kwh(settlement.apartment_offtake_kwh(index), nl),
                        kwh(settlement.apartment_shared_kwh(index), nl),
                        kwh(settlement.apartment_offtake_kwh(index) - settlement.apartment_shared_kwh(index), nl),
                        format_percent(settlement.apartment_self_sufficiency(index), 1, nl)});
    shares_total += a.shares;
  }
  apartments.add_rule();
  apartments.add_row({std::string(tr(language, "Totaal", "Total")), format_number(shares_total, 0, nl), "",
                      kwh(year.apartments_offtake_kwh, nl), kwh(year.shared_kwh, nl),
                      kwh(year.apartments_grid_offtake_kwh(), nl), format_percent(year.apartments_self_sufficiency(), 1, nl)});
  apartments.print(out);
  if (view.economics) print_economics_tables(out, s, *view.economics, language);
  if (view.fair_price) {
    out << "\n" << economics::explain(*view.fair_price, language) << "\n";
  }
  if (settlement.unshared_with_demand_intervals > 0) {
    out << "\n"
        << tr(language, "Let op: in ", "Note: in ") << settlement.unshared_with_demand_intervals
        << tr(language, " kwartieren bleef ", " quarter-hours ") << kwh(settlement.unshared_with_demand_kwh, nl)
        << tr(language, " kWh ongedeeld terwijl een appartement nog afname had (meer rondes of een andere sleutel helpen).\n",
              " kWh stayed unshared while an apartment still had offtake (more rounds or another key would help).\n");
  }
  for (const Text& warning : view.building.warnings) out << tr(language, "Waarschuwing: ", "Warning: ") << warning.in(language) << "\n";
  for (const Text& warning : s.warnings) out << tr(language, "Waarschuwing: ", "Warning: ") << warning.in(language) << "\n";
}

void write_run_json(std::ostream& out, const RunView& view) {
  const auto& s = view.scenario;
  const auto& settlement = view.run.settlement;
  JsonWriter json(out);
  json.begin_object();
  json.value("tool", "deelstroom").value("version", DEELSTROOM_VERSION);
  json.begin_object("scenario")
      .value("file", s.source_file.string())
      .value("name", s.site.name)
      .value("year", s.site.year)
      .value("key", simulation::describe_key(s.key, false))
      .value("key_type", s.key.type)
      .value("key_name_nl", simulation::describe_key(s.key, true))
      .value("key_offered_by_dso", simulation::key_offered(
                                       s.key, sharing::rule_set_by_name(s.rules.set).value_or(*sharing::rule_set_by_name("flanders"))))
      .value("tariff_region", s.economics.rules.name)
      .value("tariff_year", s.economics.tariffs.year)
      .value("tariff_dso_area", s.economics.tariffs.dso_area)
      .end_object();
  auto flows = [&](std::string_view key, const sharing::FlowTotals& f) {
    json.begin_object(key)
        .value("production_kwh", f.production_kwh)
        .value("common_consumption_kwh", f.common_consumption_kwh)
        .value("common_self_consumption_kwh", f.common_self_consumption_kwh)
        .value("shareable_kwh", f.shareable_kwh)
        .value("shared_kwh", f.shared_kwh)
        .value("injected_kwh", f.injected_kwh)
        .value("apartments_offtake_kwh", f.apartments_offtake_kwh)
        .value("common_grid_offtake_kwh", f.common_grid_offtake_kwh)
        .value("self_consumption_rate", f.self_consumption_rate())
        .value("sharing_rate", f.sharing_rate())
        .value("apartments_self_sufficiency", f.apartments_self_sufficiency())
        .value("building_self_sufficiency", f.building_self_sufficiency());
  };
  flows("building", settlement.year);
  if (view.building.battery) {
    const battery::BatteryDispatch& d = *view.building.battery;
    json.begin_object("battery")
        .value("capacity_kwh", s.battery.capacity_kwh)
        .value("power_kw", s.battery.power_kw)
        .value("round_trip_efficiency", s.battery.round_trip_efficiency)
        .value("pv_production_kwh", view.building.pv_production_kwh.sum())
        .value("charged_kwh", d.charged_kwh)
        .value("discharged_kwh", d.discharged_kwh)
        .value("losses_kwh", d.losses_kwh)
        .value("full_cycles", d.full_cycles);
    if (view.battery != nullptr) {
      const simulation::BatteryEffect& e = *view.battery;
      json.value("shared_without_kwh", e.shared_without_kwh)
          .value("injected_without_kwh", e.injected_without_kwh)
          .value("npv_with_eur", e.npv_with_eur)
          .value("npv_without_eur", e.npv_without_eur)
          .value("investment_eur", e.investment_eur);
      if (e.simple_payback_years) {
        json.value("simple_payback_years", *e.simple_payback_years);
      } else {
        json.null("simple_payback_years");
      }
    }
    json.end_object();
  }
  json.value("unshared_with_demand_quarter_hours", settlement.unshared_with_demand_intervals)
      .value("unshared_with_demand_kwh", settlement.unshared_with_demand_kwh);
  json.end_object();
  if (view.economics) write_association_json(json, *view.economics);
  if (view.fair_price) write_fair_price_json(json, *view.fair_price);
  json.begin_array("months");
  for (int m = 0; m < 12; ++m) {
    flows({}, settlement.months[static_cast<std::size_t>(m)]);
    json.value("month", m + 1).end_object();
  }
  json.end_array();
  json.begin_array("arrays");
  for (const auto& array : view.building.arrays) {
    json.begin_object()
        .value("name", array.name)
        .value("kwp", array.kwp)
        .value("measured", array.measured)
        .value("ac_kwh", array.ac_kwh_total)
        .value("specific_yield_kwh_per_kwp", array.specific_yield_kwh_per_kwp())
        .value("poa_kwh_per_m2", array.poa_kwh_per_m2)
        .value("clipping_kwh", array.clipping_kwh)
        .numbers("monthly_ac_kwh", std::vector<double>(array.monthly_ac_kwh.begin(), array.monthly_ac_kwh.end()))
        .end_object();
  }
  json.end_array();
  json.value("rounds_used", settlement.rounds_used);
  json.begin_array("rounds");
  for (int r = 0; r < settlement.reported_rounds(); ++r) {
    std::vector<double> monthly(12);
    for (int m = 0; m < 12; ++m) monthly[static_cast<std::size_t>(m)] = settlement.building_round_by_month(r, m);
    json.begin_object().value("round", r + 1).value("shared_kwh", settlement.shared_by_round.row(r).sum());
    json.numbers("monthly_shared_kwh", monthly).end_object();
  }
  json.end_array();
  json.begin_array("apartments");
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    const int index = static_cast<int>(i);
    const auto& a = s.apartments[i];
    std::vector<double> shared(12), offtake(12), by_round;
    for (int m = 0; m < 12; ++m) {
      shared[static_cast<std::size_t>(m)] = settlement.shared_by_month(index, m);
      offtake[static_cast<std::size_t>(m)] = settlement.offtake_by_month(index, m);
    }
    for (int r = 0; r < settlement.reported_rounds(); ++r) by_round.push_back(settlement.shared_by_round(r, index));
    const auto& weights = view.run.key.info.round1_weights.front();
    json.begin_object()
        .value("id", a.id)
        .value("shares", a.shares)
        .value("participates", a.participates)
        .value("occupancy", a.occupancy == scenario::Occupancy::tenant ? "tenant" : "owner")
        .value("profile", view.building.apartment_origins[i].label)
        .value("offtake_kwh", settlement.apartment_offtake_kwh(index))
        .value("shared_kwh", settlement.apartment_shared_kwh(index))
        .value("grid_offtake_kwh", settlement.apartment_offtake_kwh(index) - settlement.apartment_shared_kwh(index))
        .value("self_sufficiency", settlement.apartment_self_sufficiency(index))
        .value("key_percentage", weights.size() > index ? weights[index] * 100.0 : 0.0)
        .numbers("shared_kwh_by_round", by_round)
        .numbers("monthly_offtake_kwh", offtake)
        .numbers("monthly_shared_kwh", shared);
    if (view.economics) write_apartment_economics_json(json, view.economics->apartments[i]);
    json.end_object();
  }
  json.end_array();
  json.begin_array("warnings");
  for (const Text& w : view.building.warnings) json.element(w.english);  // JSON is for programs: one stable language
  for (const Text& w : s.warnings) json.element(w.english);  // JSON is for programs: one stable language
  json.end_array();
  json.end_object();
}

std::vector<std::filesystem::path> write_run_files(const std::filesystem::path& directory, const RunView& view,
                                                   const CsvExportOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec || !std::filesystem::is_directory(directory)) {
    throw InputError({directory.string(), 0, 0, "--out"}, fill("kan de uitvoermap niet maken: {}", "cannot create the output directory: {}", {ec.message()}));
  }
  const auto& s = view.scenario;
  const auto& settlement = view.run.settlement;
  std::vector<std::filesystem::path> written;
  auto write = [&](const std::string& name, const std::function<void(std::ostream&)>& body) {
    const std::filesystem::path path = directory / name;
    write_file_atomically(path, body);
    written.push_back(path);
  };
  write("apartments_annual.csv", [&](std::ostream& out) {
    CsvWriter csv(out, options.style);
    std::vector<std::string> header = {"apartment", "shares", "participates", "occupancy", "profile", "offtake_kwh",
                                       "shared_kwh", "grid_offtake_kwh", "self_sufficiency", "key_percentage"};
    for (int r = 0; r < settlement.reported_rounds(); ++r) header.push_back("shared_round" + std::to_string(r + 1) + "_kwh");
    csv.header(header);
    for (std::size_t i = 0; i < s.apartments.size(); ++i) {
      const int index = static_cast<int>(i);
      const auto& weights = view.run.key.info.round1_weights.front();
      csv.text(s.apartments[i].id).number(s.apartments[i].shares).integer(s.apartments[i].participates ? 1 : 0);
      csv.text(s.apartments[i].occupancy == scenario::Occupancy::tenant ? "tenant" : "owner");
      csv.text(view.building.apartment_origins[i].label);
      csv.number(settlement.apartment_offtake_kwh(index), 3).number(settlement.apartment_shared_kwh(index), 3);
      csv.number(settlement.apartment_offtake_kwh(index) - settlement.apartment_shared_kwh(index), 3);
      csv.number(settlement.apartment_self_sufficiency(index), 6);
      csv.number(weights.size() > index ? weights[index] * 100.0 : 0.0, 4);
      for (int r = 0; r < settlement.reported_rounds(); ++r) csv.number(settlement.shared_by_round(r, index), 3);
      csv.end_row();
    }
  });
  write("apartments_monthly.csv", [&](std::ostream& out) {
    CsvWriter csv(out, options.style);
    csv.header({"apartment", "month", "offtake_kwh", "shared_kwh", "grid_offtake_kwh"});
    for (std::size_t i = 0; i < s.apartments.size(); ++i) {
      for (int m = 0; m < 12; ++m) {
        const int index = static_cast<int>(i);
        csv.text(s.apartments[i].id).integer(m + 1).number(settlement.offtake_by_month(index, m), 3);
        csv.number(settlement.shared_by_month(index, m), 3);
        csv.number(settlement.offtake_by_month(index, m) - settlement.shared_by_month(index, m), 3);
        csv.end_row();
      }
    }
  });
  write("building_monthly.csv", [&](std::ostream& out) {
    CsvWriter csv(out, options.style);
    std::vector<std::string> header = {"month", "production_kwh", "common_consumption_kwh", "common_self_consumption_kwh",
                                       "shareable_kwh", "shared_kwh", "injected_kwh", "apartments_offtake_kwh",
                                       "self_consumption_rate", "sharing_rate"};
    for (int r = 0; r < settlement.reported_rounds(); ++r) header.push_back("shared_round" + std::to_string(r + 1) + "_kwh");
    csv.header(header);
    for (int m = 0; m < 12; ++m) {
      const auto& f = settlement.months[static_cast<std::size_t>(m)];
      csv.integer(m + 1).number(f.production_kwh, 3).number(f.common_consumption_kwh, 3);
      csv.number(f.common_self_consumption_kwh, 3).number(f.shareable_kwh, 3).number(f.shared_kwh, 3);
      csv.number(f.injected_kwh, 3).number(f.apartments_offtake_kwh, 3);
      csv.number(f.self_consumption_rate(), 6).number(f.sharing_rate(), 6);
      for (int r = 0; r < settlement.reported_rounds(); ++r) csv.number(settlement.building_round_by_month(r, m), 3);
      csv.end_row();
    }
  });
  write("arrays_monthly.csv", [&](std::ostream& out) {
    CsvWriter csv(out, options.style);
    csv.header({"array", "month", "ac_kwh"});
    for (const auto& array : view.building.arrays) {
      for (int m = 0; m < 12; ++m) {
        csv.text(array.name).integer(m + 1).number(array.monthly_ac_kwh[static_cast<std::size_t>(m)], 3).end_row();
      }
    }
  });
  if (options.quarter_hours) {
    if (settlement.allocated_kwh.cols() != view.building.series.interval_count()) {
      throw std::logic_error("quarter-hour export needs the settlement's series");
    }
    write("quarter_hours.csv", [&](std::ostream& out) {
      CsvWriter csv(out, options.style);
      std::vector<std::string> header = {"timestamp_local", "timestamp_utc", "production_kwh", "common_consumption_kwh",
                                         "common_self_consumption_kwh", "shareable_kwh", "shared_kwh", "injected_kwh"};
      for (const auto& a : s.apartments) {
        header.push_back(a.id + "_offtake_kwh");
        header.push_back(a.id + "_shared_kwh");
      }
      csv.header(header);
      const auto& series = view.building.series;
      const time::TimeZone& zone = view.building.calendar.zone;
      for (int t = 0; t < series.interval_count(); ++t) {
        const std::int64_t utc = view.building.grid.start_utc_seconds(t);
        const double production = series.production_kwh[t];
        const double self = std::min(production, series.common_consumption_kwh[t]);
        csv.text(time::iso_local_label(zone, utc)).text(time::iso_utc_label(utc));
        csv.number(production, 6).number(series.common_consumption_kwh[t], 6).number(self, 6);
        csv.number(production - self, 6).number(settlement.allocated_kwh.col(t).sum(), 6);
        csv.number(settlement.injected_kwh[t], 6);
        for (int i = 0; i < series.apartment_count(); ++i) {
          csv.number(series.offtake_kwh(i, t), 6).number(settlement.allocated_kwh(i, t), 6);
        }
        csv.end_row();
      }
    });
  }
  if (view.economics) write_economics_csv(write, *view.economics, options.style);
  write("summary.json", [&](std::ostream& out) { write_run_json(out, view); });
  return written;
}

}  // namespace deelstroom::report
