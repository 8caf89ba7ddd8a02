// The scenario's [tariffs], [investment] and [economics] sections: bad values are errors that
// name the line and the field, injection may be negative, and writing then reading a scenario
// gives the same economic settings.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/common/error.hpp"
#include "core/economics/settings.hpp"
#include "core/scenario/economics_section.hpp"
#include "core/scenario/scenario_io.hpp"

using namespace deelstroom;
using namespace deelstroom::scenario;

namespace {

/// Seven lines: appended sections start at line 8.
const char* kBase = R"([[pv.arrays]]
kwp = 10

[[apartments]]
id = "A"
shares = 1000
archetype = "couple_working"
)";
constexpr int kBaseLines = 7;

InputError economics_error(const std::string& sections) {
  try {
    parse_scenario(std::string(kBase) + sections, "money.toml");
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError for:\n" << sections);
  throw std::logic_error("unreachable");
}

bool mentions(const InputError& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("negative prices are errors naming the line and the field", "[scenario][economics]") {
  struct Case {
    const char* table;
    const char* key;
  };
  const Case cases[] = {{"tariffs.energy", "price_eur_per_kwh"},         {"tariffs.energy", "day_price_eur_per_kwh"},
                        {"tariffs.energy", "night_price_eur_per_kwh"},   {"tariffs.energy", "fixed_eur_per_year"},
                        {"tariffs.network", "distribution_eur_per_kwh"}, {"tariffs.network", "transmission_eur_per_kwh"},
                        {"tariffs.network", "capacity_eur_per_kw_per_year"},
                        {"tariffs.network", "data_management_eur_per_year"},
                        {"tariffs.levies", "excise_eur_per_kwh"},        {"tariffs.levies", "energy_contribution_eur_per_kwh"},
                        {"tariffs.sharing", "internal_price_eur_per_kwh"}, {"investment", "eur_per_kwp"},
                        {"investment", "quote_eur"},                     {"investment", "subsidy_eur"},
                        {"investment", "om_eur_per_kwp_per_year"},       {"investment", "insurance_eur_per_year"}};
  for (const Case& c : cases) {
    const std::string field = std::string(c.table) + "." + c.key;
    INFO(field);
    // A comment line first, so the field is on line 10 (section header on 8).
    const InputError e = economics_error("[" + std::string(c.table) + "]\n# a negative value\n" + c.key + " = -0.05\n");
    CHECK(e.where().file == "money.toml");
    CHECK(e.where().field == field);
    CHECK(e.where().line == kBaseLines + 3);
    CHECK(e.where().column == static_cast<int>(std::string(c.key).size()) + 4);  // at the value
    CHECK(mentions(e, "found -0.05"));
  }
}

TEST_CASE("the injection price may be negative", "[scenario][economics]") {
  const Scenario s = parse_scenario(std::string(kBase) + "[tariffs.injection]\nprice_eur_per_kwh = -0.02\n", "inj.toml");
  CHECK(s.economics.tariffs.injection.price_eur_per_kwh == -0.02);
  economics::validate_settings(s.economics);  // and the settings validator agrees
}

TEST_CASE("horizon, discount and escalation rates out of range", "[scenario][economics]") {
  SECTION("horizon 0") {
    const InputError e = economics_error("[economics]\nhorizon_years = 0\n");
    CHECK(e.where().field == "economics.horizon_years");
    CHECK(e.where().line == kBaseLines + 2);
    CHECK(mentions(e, "found 0"));
  }
  SECTION("a horizon that is not a whole number") {
    const InputError e = economics_error("[economics]\nhorizon_years = 2.5\n");
    CHECK(e.where().field == "economics.horizon_years");
    CHECK(mentions(e, "whole number"));
  }
  SECTION("discount rate of exactly -100 %") {
    const InputError e = economics_error("[economics]\ndiscount_rate = -1.0\n");
    CHECK(e.where().field == "economics.discount_rate");
    CHECK(e.where().line == kBaseLines + 2);
    CHECK(mentions(e, "above -1"));
  }
  SECTION("discount rate below -100 %") {
    const InputError e = economics_error("[economics]\nhorizon_years = 20\ndiscount_rate = -1.5\n");
    CHECK(e.where().field == "economics.discount_rate");
    CHECK(e.where().line == kBaseLines + 3);
    CHECK(mentions(e, "found -1.5"));
  }
  SECTION("a percentage typed as text") {
    const InputError e = economics_error("[economics]\ndiscount_rate = \"3%\"\n");
    CHECK(e.where().field == "economics.discount_rate");
    CHECK(mentions(e, "found text"));
  }
  SECTION("escalation of -100 %") {
    const InputError e = economics_error("[economics.escalation]\nenergy = 0.02\nnetwork = -1\n");
    CHECK(e.where().field == "economics.escalation.network");
    CHECK(e.where().line == kBaseLines + 3);
  }
  SECTION("loan rate of -100 %") {
    const InputError e = economics_error("[investment.loan]\nfraction = 0.5\nrate = -1\n");
    CHECK(e.where().field == "investment.loan.rate");
    CHECK(e.where().line == kBaseLines + 3);
  }
  SECTION("a loan fraction above 1") {
    const InputError e = economics_error("[investment.loan]\nfraction = 1.5\n");
    CHECK(e.where().field == "investment.loan.fraction");
  }
  SECTION("VAT of 600 % (6 typed for 0.06)") {
    const InputError e = economics_error("[tariffs]\nvat_rate = 6\n");
    CHECK(e.where().field == "tariffs.vat_rate");
    CHECK(mentions(e, "found 6"));
  }
  SECTION("a price in €/MWh typed as €/kWh") {
    const InputError e = economics_error("[tariffs.energy]\nprice_eur_per_kwh = 120\n");
    CHECK(e.where().field == "tariffs.energy.price_eur_per_kwh");
  }
}

TEST_CASE("unknown economic fields are errors with a hint", "[scenario][economics]") {
  SECTION("[tariffs]") {
    const InputError e = economics_error("[tariffs]\nvat = 0.06\n");
    CHECK(e.where().field == "tariffs.vat");
    CHECK(e.where().line == kBaseLines + 2);
    CHECK(mentions(e, "did you mean 'vat_rate'"));
  }
  SECTION("[tariffs.energy]") {
    const InputError e = economics_error("[tariffs.energy]\ncontract = \"single\"\nprize_eur_per_kwh = 0.2\n");
    CHECK(e.where().field == "tariffs.energy.prize_eur_per_kwh");
    CHECK(e.where().line == kBaseLines + 3);
    CHECK(mentions(e, "did you mean 'price_eur_per_kwh'"));
  }
  SECTION("[tariffs.network]") {
    const InputError e = economics_error("[tariffs.network]\ncapacity_eur_per_kw = 50\n");
    CHECK(e.where().field == "tariffs.network.capacity_eur_per_kw");
    CHECK(mentions(e, "unknown field"));
  }
  SECTION("[investment]") {
    const InputError e = economics_error("[investment]\neur_per_kw = 1200\n");
    CHECK(e.where().field == "investment.eur_per_kw");
    CHECK(mentions(e, "did you mean 'eur_per_kwp'"));
  }
  SECTION("[economics]") {
    const InputError e = economics_error("[economics]\nhorizon = 25\n");
    CHECK(e.where().field == "economics.horizon");
    CHECK(mentions(e, "did you mean 'horizon_years'"));
  }
  SECTION("[economics.escalation]") {
    const InputError e = economics_error("[economics.escalation]\nenergie = 0.02\n");
    CHECK(e.where().field == "economics.escalation.energie");
    CHECK(mentions(e, "did you mean 'energy'"));
  }
  SECTION("a cost split that does not exist") {
    const InputError e = economics_error("[economics]\ncost_split = \"share\"\n");
    CHECK(e.where().field == "economics.cost_split");
    CHECK(mentions(e, "did you mean \"shares\""));
  }
}

TEST_CASE("contracts that need more than they were given", "[scenario][economics]") {
  SECTION("dynamic without day-ahead prices") {
    const InputError e = economics_error("[tariffs.energy]\ncontract = \"dynamic\"\n");
    CHECK(e.where().field == "tariffs.energy.contract");
    CHECK(e.where().line == kBaseLines + 2);
    CHECK(mentions(e, "day_ahead_file"));
  }
  SECTION("dynamic injection on a fixed-price contract") {
    const InputError e = economics_error("[tariffs.injection]\ndynamic = true\n");
    CHECK(e.where().field == "tariffs.injection.dynamic");
  }
  SECTION("a day-ahead file that is not there") {
    const InputError e =
        economics_error("[tariffs.energy]\ncontract = \"dynamic\"\nday_ahead_file = \"no_such_prices.csv\"\n");
    CHECK(e.where().field == "tariffs.energy.day_ahead_file");
    CHECK(mentions(e, "not found"));
  }
}

TEST_CASE("settings built in code are checked with the same field names", "[scenario][economics]") {
  const auto field_of = [](const economics::EconomicsSettings& settings) -> std::string {
    try {
      economics::validate_settings(settings);
    } catch (const InputError& error) {
      return error.where().field;
    }
    return "";
  };
  economics::EconomicsSettings s;
  CHECK(field_of(s).empty());
  s.tariffs.injection.price_eur_per_kwh = -0.05;
  CHECK(field_of(s).empty());
  s.tariffs.energy.price_eur_per_kwh = -0.01;
  CHECK(field_of(s) == "tariffs.energy.price_eur_per_kwh");
  s = {};
  s.tariffs.sharing.internal_price_eur_per_kwh = -0.01;
  CHECK(field_of(s) == "tariffs.sharing.internal_price_eur_per_kwh");
  s = {};
  s.tariffs.network.capacity_eur_per_kw_per_year = std::nan("");
  CHECK(field_of(s) == "tariffs.network.capacity_eur_per_kw_per_year");
  s = {};
  s.analysis.horizon_years = 0;
  CHECK(field_of(s) == "economics.horizon_years");
  s = {};
  s.analysis.discount_rate = -1.0;
  CHECK(field_of(s) == "economics.discount_rate");
  s.analysis.discount_rate = -0.99;
  CHECK(field_of(s).empty());
  s.analysis.escalation.costs = -2.0;
  CHECK(field_of(s) == "economics.escalation.costs");
  s = {};
  s.investment.loan.years = 0;
  CHECK(field_of(s) == "investment.loan.years");
}

namespace {

/// Every economic field away from the tariff file's value, with values whose decimal form is
/// long (on the Flemish 2025 file, area West).
economics::EconomicsSettings unusual_settings() {
  using namespace deelstroom::economics;
  EconomicsSettings s = scenario::default_economics_settings("flanders", 2025, "west");
  Tariffs& t = s.tariffs;
  REQUIRE(t.year == 2025);
  REQUIRE(t.dso_area == "west");
  t.vat_rate = 0.21;
  t.energy.contract = EnergyContract::day_night;
  t.energy.price_eur_per_kwh = 0.1234567890123;
  t.energy.day_price_eur_per_kwh = 0.31;
  t.energy.night_price_eur_per_kwh = 0.1 / 3.0;
  t.energy.night_start_hour = 21;
  t.energy.night_end_hour = 6;
  t.energy.weekend_is_night = false;
  t.energy.holidays_are_night = true;
  t.energy.fixed_eur_per_year = 99.99;
  t.energy.offtake_formula = {1.07, 0.0123};
  t.network = {0.0612, 0.0031, 0.0042, 0.0171, 53.25, 2.0, 0.41, 19.5, 3.5};
  t.levies = {0.0020417, 0.050329, {}, {}, 0.0161};
  t.injection.price_eur_per_kwh = -0.004;
  t.injection.dynamic = false;
  t.injection.formula = {0.95, -0.012};
  t.sharing.internal_price_eur_per_kwh = 0.0875;
  t.sharing.vat_on_internal_price = true;
  Investment& inv = s.investment;
  inv.eur_per_kwp = 1333.33;
  inv.quote_eur = 17654.32;
  inv.extra_eur = 750.0;
  inv.subsidy_eur = 1000.0;
  inv.vat_rate = 0.21;
  inv.om_eur_per_kwp_per_year = 12.5;
  inv.insurance_eur_per_year = 65.0;
  inv.administration_eur_per_year = 0.0;
  inv.administration_eur_per_participant_per_year = 7.5;
  inv.inverter_lifetime_years = 0;
  inv.inverter_replacement_eur_per_kwp = 175.0;
  inv.loan = {0.35, 0.0399, 12};
  Analysis& a = s.analysis;
  a.horizon_years = 30;
  a.discount_rate = -0.015;
  a.escalation = {0.031, 0.027, 0.0, -0.01, 0.015, 0.022};
  a.cost_split = CostSplit::participants;
  a.year_evaluation = YearEvaluation::exact;
  return s;
}

}  // namespace

TEST_CASE("format_scenario -> parse_scenario gives the same economic settings", "[scenario][economics][roundtrip]") {
  Scenario original = parse_scenario(kBase, "base.toml");
  original.economics = unusual_settings();
  original.pv.degradation_pct_per_year = 0.45;
  sync_economics(original);  // rules and degradation follow [rules] and [pv]
  REQUIRE(original.economics.analysis.degradation_per_year == Approx(0.0045));
  REQUIRE_FALSE(original.economics == economics::EconomicsSettings{});

  const std::string text = format_scenario(original);
  const Scenario again = parse_scenario(text, "base.toml");
  CHECK(again.economics.tariffs == original.economics.tariffs);
  CHECK(again.economics.investment == original.economics.investment);
  CHECK(again.economics.analysis == original.economics.analysis);
  CHECK(again.economics.rules == original.economics.rules);
  CHECK(again.economics == original.economics);
  CHECK(format_scenario(again) == text);

  // Without a quote the field is absent and stays absent.
  original.economics.investment.quote_eur.reset();
  CHECK_FALSE(parse_scenario(format_scenario(original), "base.toml").economics.investment.quote_eur.has_value());
}

TEST_CASE("a dynamic contract's day-ahead file survives the round trip", "[scenario][economics][roundtrip]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "deelstroom_econtests_roundtrip";
  std::filesystem::create_directories(dir);
  {
    std::ofstream prices(dir / "day_ahead.csv");
    prices << "time;eur_per_mwh\n";
    for (int h = 0; h < 8760; ++h) prices << h << ";" << (h % 24) * 5.5 - 20.0 << "\n";  // hourly, some negative
  }
  Scenario original = parse_scenario(std::string(kBase) + R"(
[tariffs.energy]
contract = "dynamic"
day_ahead_file = "day_ahead.csv"
factor = 1.1
adder_eur_per_kwh = 0.018

[tariffs.injection]
dynamic = true
factor = 0.9
adder_eur_per_kwh = -0.011
)", dir / "dynamic.toml");
  const std::vector<double>& series = original.economics.tariffs.energy.day_ahead_eur_per_mwh;
  REQUIRE(series.size() == 35040);
  CHECK(series[4 * 25] == Approx(5.5 - 20.0));  // hour 25 = 01:00 on 2 January, 4 quarter-hours each
  CHECK(series[4 * 25 + 3] == Approx(5.5 - 20.0));

  const std::string text = format_scenario(original, dir / "dynamic.toml");
  const Scenario again = parse_scenario(text, dir / "dynamic.toml");
  CHECK(again.economics == original.economics);
  std::filesystem::remove_all(dir);
}

namespace {
InputError day_ahead_error(const std::string& text, int interval_count) {
  try {
    parse_day_ahead_prices(text, "prices.csv", interval_count);
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError for:\n" << text);
  throw std::logic_error("unreachable");
}
}  // namespace

TEST_CASE("day-ahead prices with a decimal comma are read in a semicolon file and refused in a comma file", "[scenario][economics]") {
  // Flemish Excel CSV: ';' separator, ',' decimal mark. Four quarter-hours.
  const std::vector<double> flemish = parse_day_ahead_prices(
      "tijd;prijs\n2025-01-01T00:00:00Z;80,00\n2025-01-01T00:15:00Z;81,5\n2025-01-01T00:30:00Z;-3,25\n"
      "2025-01-01T00:45:00Z;0.5\n",
      "prices.csv", 4);
  CHECK(flemish == std::vector<double>{80.0, 81.5, -3.25, 0.5});
  // One hourly price per line, ';' header: 80,00 is 80 €/MWh for the hour's four quarter-hours.
  CHECK(parse_day_ahead_prices("prijs;\n80,00\n12,5\n", "prices.csv", 8) ==
        std::vector<double>{80, 80, 80, 80, 12.5, 12.5, 12.5, 12.5});
  // A comma file with a comma inside the price: neither reading is safe.
  const InputError bare = day_ahead_error("80,00\n81,50\n", 8);
  CHECK(bare.where().file == "prices.csv");
  CHECK(bare.where().line == 1);
  CHECK(bare.where().field == "price");
  CHECK_THAT(bare.message(), Catch::Contains("ambiguous") && Catch::Contains("';'"));
  const InputError after_header = day_ahead_error("time,price\n2025-01-01T00:00:00Z,80.5\n3,80\n", 8);
  CHECK(after_header.where().line == 3);
  // A thousands separator is not a price.
  CHECK(day_ahead_error("t;p\n2025-01-01T00:00Z;1.234,5\n", 4).where().line == 2);
}

TEST_CASE("day-ahead time stamps must increase and a reversed file names its line", "[scenario][economics]") {
  const InputError reversed = day_ahead_error(
      "time,price\n2025-01-01T01:00:00Z,80.0\n2025-01-01T00:00:00Z,70.0\n", 8);
  CHECK(reversed.where().file == "prices.csv");
  CHECK(reversed.where().line == 3);
  CHECK(reversed.where().field == "time");
  CHECK_THAT(reversed.message(), Catch::Contains("increasing") && Catch::Contains("line 2"));
  // The same instant twice (01:00+01:00 is 00:00 UTC).
  CHECK(day_ahead_error("time;price\n2025-01-01T00:00:00Z;1\n2025-01-01T01:00:00+01:00;2\n", 8).where().line == 3);
  // In order (across an offset change) is fine.
  CHECK(parse_day_ahead_prices("2025-01-01T00:00:00Z;1\n2025-01-01T02:00:00+01:00;2\n", "p.csv", 8).size() == 8);
}
