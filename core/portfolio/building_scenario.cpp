#include "core/portfolio/building_scenario.hpp"

#include <algorithm>
#include <cstdio>

#include "core/common/error.hpp"
#include "core/report/adviser_report.hpp"

namespace deelstroom::portfolio {

namespace {

/// The meter files of a folder, sorted by name (hidden files left out).
std::vector<std::filesystem::path> meter_files(const BuildingRow& row, const std::string& table_file) {
  const InputLocation where{table_file, row.line, row.meters_column, "meters"};
  std::error_code ec;
  if (!std::filesystem::is_directory(row.meter_folder, ec)) {
    throw InputError(where, fill("de map met meters '{}' bestaat niet", "the meter folder '{}' does not exist", {row.meter_folder.string()}));
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(row.meter_folder)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (static_cast<int>(files.size()) != row.apartment_count) {
    throw InputError(where, fill("de map met meters '{}' bevat {} bestanden, verwacht één per appartement ({})",
                                 "the meter folder '{}' holds {} files, expected one per apartment ({})",
                                 {row.meter_folder.string(), std::to_string(files.size()), std::to_string(row.apartment_count)}));
  }
  return files;
}

/// A meter file's path as the scenario keeps it: relative to the base's folder (the writer
/// then makes it relative to the written file, so the output folder can move with the table).
std::string scenario_path(const std::filesystem::path& file, const scenario::Scenario& base) {
  const std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  const std::filesystem::path relative = absolute.lexically_relative(std::filesystem::absolute(base.base_directory()));
  return relative.empty() ? absolute.string() : relative.generic_string();
}

std::vector<scenario::ApartmentSettings> apartments_of(const BuildingRow& row, const std::string& table_file,
                                                       const scenario::Scenario& base) {
  std::vector<scenario::ApartmentSettings> apartments;
  if (!row.meter_folder.empty()) {
    for (const std::filesystem::path& file : meter_files(row, table_file)) {
      scenario::ApartmentSettings apartment;
      apartment.id = file.stem().string();
      apartment.consumption.file = scenario_path(file, base);
      apartments.push_back(apartment);
    }
  } else {
    for (const HouseholdCount& household : row.households) {
      for (int i = 0; i < household.count; ++i) {
        scenario::ApartmentSettings apartment;
        apartment.id = apartment_id(static_cast<int>(apartments.size()), row.apartment_count);
        apartment.consumption.archetype = household.archetype;
        apartments.push_back(apartment);
      }
    }
  }
  const int count = static_cast<int>(apartments.size());
  for (int i = 0; i < count; ++i) {
    apartments[static_cast<std::size_t>(i)].shares =
        row.shares_per_mille.empty() ? 1000.0 / count : row.shares_per_mille[static_cast<std::size_t>(i)];
    if (i >= count - row.rented_count) apartments[static_cast<std::size_t>(i)].occupancy = scenario::Occupancy::tenant;
  }
  return apartments;
}

std::vector<scenario::PvArraySettings> roof_arrays(const scenario::Scenario& base, const BuildingRow& row) {
  scenario::PvArraySettings roof;
  if (!base.pv.arrays.empty()) {
    const scenario::PvArraySettings& model = base.pv.arrays.front();
    roof.losses = model.losses;
    roof.gamma_pct_per_c = model.gamma_pct_per_c;
    roof.transposition = model.transposition;
    roof.iam = model.iam;
    roof.albedo = model.albedo;
  }
  roof.tilt_deg = row.tilt_deg;
  if (!row.east_west) {
    roof.name = "Dak";
    roof.kwp = row.roof_kwp;
    roof.azimuth_deg = row.azimuth_deg;
    return {roof};
  }
  scenario::PvArraySettings east = roof, west = roof;
  east.name = "Dak oost";
  east.azimuth_deg = 90.0;
  east.kwp = row.roof_kwp / 2.0;
  west.name = "Dak west";
  west.azimuth_deg = 270.0;
  west.kwp = row.roof_kwp / 2.0;
  return {east, west};
}

/// A key that names apartments or gives one percentage per apartment cannot be carried over
/// to buildings with other apartments.
void require_portable_key(const scenario::KeySettings& key, const scenario::Scenario& base) {
  auto names_apartments = [](const scenario::KeySettings& k) {
    return k.preset == "custom" || k.later_preset == "custom" || !k.groups.empty();
  };
  bool bad = names_apartments(key);
  for (const scenario::PeriodKeySettings& period : key.periods) bad = bad || names_apartments(period.key);
  if (bad) {
    throw InputError({base.source_file.string(), 0, 0, "key"},
                     Text{"de verdeelsleutel van het basisscenario noemt appartementen (preset custom of prioriteitsgroepen); een "
                          "portefeuille heeft een sleutel nodig die elk gebouw kan gebruiken (bv. preset = \"shares\" of \"equal\")",
                          "the base scenario's key names apartments (preset custom or priority groups); a portfolio needs a key "
                          "every building can use (e.g. preset = \"shares\" or \"equal\")"});
  }
}

/// Assumptions of the base that belong to one building and cannot be shared by a portfolio.
void require_portable_economics(const scenario::Scenario& base) {
  if (base.economics.investment.quote_eur) {
    throw InputError({base.source_file.string(), 0, 0, "investment.quote_eur"},
                     Text{"een offerte geldt voor één gebouw; de basis van een portefeuille geeft de prijs per kWp (eur_per_kwp)",
                          "a quote is for one building; a portfolio's base gives the price per kWp (eur_per_kwp)"});
  }
  if (base.economics.analysis.cost_split == economics::CostSplit::custom) {
    throw InputError({base.source_file.string(), 0, 0, "economics.cost_split"},
                     Text{"een eigen kostenverdeling noemt appartementen; de basis van een portefeuille verdeelt volgens aandelen of over de deelnemers",
                          "a custom split names apartments; a portfolio's base splits by shares or among participants"});
  }
}

std::string description_of(const BuildingRow& row) {
  char text[200];
  std::snprintf(text, sizeof text, "%s: %d appartementen, %g kWp%s (portefeuille, gebouw %s)", row.name.c_str(),
                row.apartment_count, row.roof_kwp, row.east_west ? " oost-west" : "", row.id.c_str());
  return text;
}

}  // namespace

std::string apartment_id(int index_from_zero, int apartment_count) {
  char text[16];
  std::snprintf(text, sizeof text, "A%0*d", apartment_count >= 100 ? 3 : 2, index_from_zero + 1);
  return text;
}

std::uint64_t building_seed(std::uint64_t base_seed, const std::string& building_id) {
  // Kept below 2^63: a scenario file stores the seed as a TOML integer (signed 64 bits).
  return report::fnv1a_64(std::to_string(base_seed) + "/" + building_id) & 0x7fffffffffffffffULL;
}

scenario::Scenario building_scenario(const scenario::Scenario& base, const BuildingRow& row, const std::string& table_file) {
  require_portable_key(base.key, base);
  require_portable_economics(base);
  scenario::Scenario s = base;
  s.warnings.clear();
  s.training = {};
  s.description = description_of(row);
  s.seed = building_seed(base.seed, row.id);
  s.site.name = row.name;
  if (row.latitude_deg) s.site.latitude_deg = *row.latitude_deg;
  if (row.longitude_deg) s.site.longitude_deg = *row.longitude_deg;
  s.apartments = apartments_of(row, table_file, base);
  s.pv.arrays = roof_arrays(base, row);
  if (s.common.annual_kwh && !base.apartments.empty()) {
    *s.common.annual_kwh *= static_cast<double>(row.apartment_count) / static_cast<double>(base.apartments.size());
  }
  try {
    scenario::set_tariff_year_and_area(s, base.economics.tariffs.year, row.dso_area);
  } catch (const InputError& error) {
    throw InputError({table_file, row.line, row.dso_area_column, "dso_area"}, error.text());
  }
  return s;
}

}  // namespace deelstroom::portfolio
