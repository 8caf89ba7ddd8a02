// The apartments table: id, shares, household type, yearly kWh or a meter file, taking part,
// owner or tenant; add, duplicate, remove; import a Mijn Fluvius file; each apartment's
// result (shared kWh, occupant saving) beside its inputs.
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/common/error.hpp"
#include "core/load/archetype.hpp"
#include "core/load/meter_folder.hpp"
#include "core/time/time_zone.hpp"
#include "core/time/year_grid.hpp"
#include "core/report/text_table.hpp"
#include "gui/model/shown_numbers.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace {

std::string unique_id(const scenario::Scenario& s, const std::string& base) {
  for (int n = 1;; ++n) {
    const std::string id = n == 1 && s.apartment_index(base) < 0 ? base : base + "-" + std::to_string(n);
    if (s.apartment_index(id) < 0) return id;
  }
}

// Keeps per-apartment key lists (custom percentages) aligned with the apartment list.
void insert_key_entry(scenario::KeySettings& key, std::size_t at, double value) {
  if (!key.percentages.empty()) key.percentages.insert(key.percentages.begin() + static_cast<std::ptrdiff_t>(at), value);
  if (!key.later_percentages.empty()) {
    key.later_percentages.insert(key.later_percentages.begin() + static_cast<std::ptrdiff_t>(at), value);
  }
}
void erase_key_entry(scenario::KeySettings& key, std::size_t at) {
  if (at < key.percentages.size()) key.percentages.erase(key.percentages.begin() + static_cast<std::ptrdiff_t>(at));
  if (at < key.later_percentages.size()) {
    key.later_percentages.erase(key.later_percentages.begin() + static_cast<std::ptrdiff_t>(at));
  }
}

/// A whole building's exports at once: a folder matched by EAN or by the apartment's id in the
/// file name (core/load/meter_folder); what was matched and what was not is said below.
void building_meter_import(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 7.0f);
  ImGui::InputTextWithHint("##meterfolder", L(l, "map met de exports van het hele gebouw", "folder with the whole building's exports"),
                           &c.view.meter_folder_path);
  ImGui::SameLine();
  if (ImGui::Button(L(l, "Koppel map", "Match folder")) && !c.view.meter_folder_path.empty()) {
    try {
      std::vector<load::MeterTarget> targets;
      for (const scenario::ApartmentSettings& a : s.apartments) targets.push_back({a.id, a.consumption.ean});
      const time::TimeZone zone = time::time_zone_from_name(s.site.timezone).value_or(time::brussels_time_zone());
      const time::YearGrid grid = time::make_year_grid(s.site.year, zone);
      const time::LocalCalendar calendar = time::make_local_calendar(grid, zone);
      std::error_code ec;
      const std::filesystem::path folder = std::filesystem::absolute(c.view.meter_folder_path, ec);
      const load::MeterFolderImport found = load::import_meter_files(load::meter_files({folder}), targets, {grid, calendar});
      if (!found.matches.empty()) discrete_edit(c.state, ChangeKind::heavy);
      for (const load::MeterMatch& m : found.matches) {
        scenario::ConsumptionSettings& consumption = s.apartments[m.apartment].consumption;
        consumption.file = m.file.string();
        consumption.file_format = "auto";
        consumption.archetype.clear();
        consumption.annual_kwh.reset();
        if (consumption.ean.empty()) consumption.ean = m.quality.ean;
      }
      c.view.meter_folder_status = fill("{} gekoppeld, {} appartementen zonder bestand, {} bestanden niet gekoppeld",
                                        "{} matched, {} apartments without a file, {} files not matched",
                                        {std::to_string(found.matches.size()), std::to_string(found.apartments_without_file.size()),
                                         std::to_string(found.unmatched_files.size())});
    } catch (const InputError& error) {
      c.view.meter_folder_status = Text{error.describe(Language::dutch), error.describe(Language::english)};
    }
  }
  if (!c.view.meter_folder_status.empty()) ImGui::TextWrapped("%s", c.view.meter_folder_status.in(l).c_str());
}

// One apartment's editable cells; returns false when the row was removed (stop drawing).
bool apartment_row(ViewContext& c, std::size_t i, const std::vector<ApartmentRow>& results) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  scenario::ApartmentSettings& a = s.apartments[i];
  const std::string path = "apartments[" + std::to_string(i) + "].";
  ImGui::PushID(static_cast<int>(i));
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  edit_text(c.state, "##id", a.id, ChangeKind::heavy, path + "id");
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  edit_number(c.state, "##shares", a.shares, ChangeKind::light, path + "shares", 0.0, "%.0f");
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (a.consumption.measured()) {
    ImGui::TextUnformatted(L(l, "meting", "measured"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", a.consumption.file.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(L(l, "profiel", "profile"))) {
      discrete_edit(c.state, ChangeKind::heavy);
      a.consumption.file.clear();
      a.consumption.archetype = "couple_working";
    }
    // The full message is below the table (a table cell is too narrow for it).
    if (field_error(c.state, path + "file") != nullptr) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.75f, 0.08f, 0.08f, 1.0f), "%s", L(l, "fout", "error"));
    }
  } else {
    std::vector<std::pair<std::string, std::string>> options;
    for (const std::string& name : load::archetype_names()) {
      options.emplace_back(name, load::archetype_display_name(name, l == Language::dutch));
    }
    edit_choice(c.state, "##type", a.consumption.archetype, options, ChangeKind::heavy, path + "archetype");
  }
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (!a.consumption.measured()) {
    double kwh = a.consumption.annual_kwh.value_or(0.0);
    if (edit_number(c.state, "##kwh", kwh, ChangeKind::heavy, path + "annual_kwh", 0.0, "%.0f")) {
      a.consumption.annual_kwh = kwh;
    }
  } else if (i < results.size()) {
    // A metered apartment: its year's kWh as read from the file (gaps filled).
    ImGui::TextUnformatted(format_shown(results[i].offtake_kwh, l).c_str());
  }
  ImGui::TableNextColumn();
  edit_bool(c.state, "##participates", a.participates, ChangeKind::light, path + "participates");
  ImGui::TableNextColumn();
  bool tenant = a.occupancy == scenario::Occupancy::tenant;
  if (edit_bool(c.state, "##tenant", tenant, ChangeKind::money, path + "occupancy")) {
    a.occupancy = tenant ? scenario::Occupancy::tenant : scenario::Occupancy::owner;
  }
  // Results of this apartment (when the results belong to the same list).
  ImGui::TableNextColumn();
  if (i < results.size()) ImGui::TextUnformatted(format_shown(results[i].shared_kwh, l).c_str());
  ImGui::TableNextColumn();
  if (i < results.size()) ImGui::TextUnformatted(format_shown(results[i].saving_eur_per_year, l).c_str());
  ImGui::TableNextColumn();
  bool keep = true;
  if (ImGui::SmallButton("+")) {
    discrete_edit(c.state, ChangeKind::heavy);
    scenario::ApartmentSettings copy = a;
    copy.id = unique_id(s, a.id);
    copy.consumption.seed.reset();  // a new household, not a clone of the same profile
    s.apartments.insert(s.apartments.begin() + static_cast<std::ptrdiff_t>(i) + 1, copy);
    insert_key_entry(s.key, i + 1, 0.0);
    keep = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L(l, "Dupliceer", "Duplicate"));
  ImGui::SameLine();
  if (keep && ImGui::SmallButton("×")) {
    discrete_edit(c.state, ChangeKind::heavy);
    s.apartments.erase(s.apartments.begin() + static_cast<std::ptrdiff_t>(i));
    erase_key_entry(s.key, i);
    keep = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L(l, "Verwijder", "Remove"));
  ImGui::PopID();
  return keep;
}

void meter_import(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  if (s.apartments.empty()) return;
  ImGui::Separator();
  ImGui::TextUnformatted(L(l, "Meterdata importeren (Mijn Fluvius, kwartierwaarden)", "Import meter data (Mijn Fluvius, quarter-hours)"));
  int& target = c.view.meter_import_apartment;
  target = std::clamp(target, 0, static_cast<int>(s.apartments.size()) - 1);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::BeginCombo("##target", s.apartments[static_cast<std::size_t>(target)].id.c_str())) {
    for (int i = 0; i < static_cast<int>(s.apartments.size()); ++i) {
      if (ImGui::Selectable(s.apartments[static_cast<std::size_t>(i)].id.c_str(), i == target)) target = i;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 7.0f);
  ImGui::InputTextWithHint("##meterfile", L(l, "pad naar CSV-bestand", "path to CSV file"), &c.view.meter_import_path);
  ImGui::SameLine();
  if (ImGui::Button(L(l, "Importeer", "Import")) && !c.view.meter_import_path.empty()) {
    discrete_edit(c.state, ChangeKind::heavy);
    scenario::ConsumptionSettings& consumption = s.apartments[static_cast<std::size_t>(target)].consumption;
    // A measured file brings its own consumption: the reader refuses archetype or annual_kwh
    // beside it.
    // Typed paths are taken from the working folder, as a shell would.
    std::error_code ec;
    const std::filesystem::path typed(c.view.meter_import_path);
    consumption.file = typed.is_absolute() ? typed.string() : std::filesystem::absolute(typed, ec).string();
    consumption.file_format = "auto";
    consumption.archetype.clear();
    consumption.annual_kwh.reset();
  }
  building_meter_import(c);
}

}  // namespace

void apartments_view(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  std::vector<ApartmentRow> results;
  if (c.cache.has_results() && c.cache.results().scenario.apartments.size() == s.apartments.size()) {
    results = apartment_rows(c.cache.results());
  }
  // Household names are never cut: their column is as wide as the longest one (plus the
  // combo's arrow) and the table scrolls sideways when the pane is narrower.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
  const float em = ImGui::GetFontSize();
  float household_px = em * 6.0f;
  for (const std::string& name : load::archetype_names()) {
    household_px = std::max(household_px, ImGui::CalcTextSize(load::archetype_display_name(name, l == Language::dutch).c_str()).x);
  }
  household_px += ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.x + 2.0f;
  const float table_height = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 5.0f;
  if (ImGui::BeginTable("apartments", 9, flags, ImVec2(0.0f, std::max(table_height, ImGui::GetFontSize() * 10.0f)))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    // A fixed column is at least as wide as its header (presentation mode's larger text).
    const auto setup_fixed = [](const char* header, float width_px) {
      const float header_px = ImGui::CalcTextSize(header).x + 1.0f;
      ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed, std::max(width_px, header_px));
    };
    setup_fixed(L(l, "App.", "Apt."), em * 3.0f);
    setup_fixed(L(l, "Aandelen", "Shares"), em * 3.6f);
    ImGui::TableSetupColumn(L(l, "Huishouden", "Household"), ImGuiTableColumnFlags_WidthFixed, household_px);
    setup_fixed(L(l, "kWh/jaar", "kWh/year"), em * 3.8f);
    setup_fixed(L(l, "Deelt", "Shares"), em * 2.4f);
    setup_fixed(L(l, "Huur", "Rent"), em * 2.2f);
    setup_fixed(L(l, "Gedeeld", "Shared"), em * 5.2f);
    setup_fixed(L(l, "Besparing", "Saving"), em * 5.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    if (c.state.presentation) {
      // On a projector the shared kWh and savings are the right pane's chart; fewer columns here.
      ImGui::TableSetColumnEnabled(6, false);
      ImGui::TableSetColumnEnabled(7, false);
    }
    headers_row(c.state);
    for (std::size_t i = 0; i < s.apartments.size(); ++i) {
      if (!apartment_row(c, i, results)) break;
    }
    ImGui::EndTable();
  }
  // Problems in meter files, named with the apartment that uses the file.
  for (std::size_t i = 0; i < s.apartments.size(); ++i) {
    if (const Text* message = field_error(c.state, "apartments[" + std::to_string(i) + "].file")) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
      ImGui::TextWrapped("%s %s: %s", L(l, "Meterbestand van", "Meter file of"), s.apartments[i].id.c_str(), message->in(l).c_str());
      ImGui::PopStyleColor();
    }
  }
  double total_shares = 0.0;
  for (const auto& a : s.apartments) total_shares += a.shares;
  const bool shares_ok = std::abs(total_shares - 1000.0) <= 0.5;
  ImGui::PushStyleColor(ImGuiCol_Text, shares_ok ? IM_COL32(30, 110, 50, 255) : IM_COL32(190, 20, 20, 255));
  ImGui::Text("%s %s / 1000", L(l, "Som aandelen:", "Sum of shares:"),
              report::format_number(total_shares, 0, l == Language::dutch).c_str());
  ImGui::PopStyleColor();
  if (!shares_ok) {
    ImGui::SameLine();
    ImGui::TextWrapped("%s", L(l, "— de aandelen moeten samen 1000 zijn.", "— the shares must add up to 1000."));
  }
  field_message(c.state, "apartments[*].shares");
  if (ImGui::Button(L(l, "+ Appartement", "+ Apartment"))) {
    discrete_edit(c.state, ChangeKind::heavy);
    scenario::ApartmentSettings a;
    a.id = unique_id(s, "A" + std::to_string(s.apartments.size() + 1));
    a.shares = 0.0;
    a.consumption.archetype = "couple_working";
    a.consumption.annual_kwh = 2500.0;
    s.apartments.push_back(a);
    insert_key_entry(s.key, s.apartments.size() - 1, 0.0);
  }
  meter_import(c);
}

}  // namespace deelstroom::gui
