// Tariffs, the internal price, the investment and the analysis horizon. All light changes:
// the money is re-evaluated in the same frame.
#include <imgui.h>

#include <string>

#include "core/common/error.hpp"
#include "core/scenario/scenario.hpp"
#include "core/tariffs/tariff_file.hpp"
#include "gui/views/views.hpp"
#include "gui/widgets.hpp"

namespace deelstroom::gui {

namespace {

/// The tariff year and network area: choosing one reloads the region's tariff file (the
/// sharing agreement and contract type stay). Values come from profiles/tariffs/.
void tariff_file_section(ViewContext& c) {
  scenario::Scenario& s = c.state.scenario;
  const Language l = c.language;
  economics::Tariffs& t = s.economics.tariffs;
  std::vector<std::pair<std::string, std::string>> years;
  const std::string prefix = s.rules.set + "_";
  for (const std::string& name : tariffs::tariff_file_names()) {
    if (name.rfind(prefix, 0) == 0) {
      const std::string year = name.substr(prefix.size(), 4);
      years.emplace_back(year, year);
    }
  }
  std::shared_ptr<const tariffs::TariffData> file;
  try {
    file = tariffs::load_tariffs(s.rules.set, t.year, t.dso_area);
  } catch (const InputError& error) {
    ImGui::TextWrapped("%s", error.describe(l).c_str());
  }
  std::string year = std::to_string(t.year);
  std::string area = file ? file->area_id : t.dso_area;
  bool changed = false;
  if (!years.empty()) {
    changed |= edit_choice(c.state, L(l, "Tariefjaar", "Tariff year"), year, years, ChangeKind::money, "tariffs.year");
  }
  if (file) {
    std::vector<std::pair<std::string, std::string>> areas;
    for (const tariffs::TariffArea& a : file->areas) areas.emplace_back(a.id, a.name);
    changed |= edit_choice(c.state, L(l, "Netgebied", "Network area"), area, areas, ChangeKind::money, "tariffs.dso_area");
    help_marker(L(l, "De tarieven komen uit profiles/tariffs/ (elke waarde met bron; 'deelstroom tariffs' toont ze). "
                     "Een ander jaar of netgebied laadt die tarieven opnieuw; velden hieronder overschrijven ze.",
                  "Tariffs come from profiles/tariffs/ (every value with its source; 'deelstroom tariffs' lists them). "
                  "Another year or area reloads them; the fields below override them."));
  }
  if (changed) {
    try {
      scenario::set_tariff_year_and_area(s, std::stoi(year), area);
    } catch (const InputError& error) {
      s.warnings.push_back(error.text());
    }
  }
}

void energy_section(ViewContext& c) {
  economics::Tariffs& t = c.state.scenario.economics.tariffs;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Tarieven (excl. btw)", "Tariffs (excl. VAT)"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  tariff_file_section(c);
  if (t.energy.contract == economics::EnergyContract::dynamic) {
    ImGui::TextWrapped("%s", L(l, "Dynamisch contract (uit het bestand, met day-aheadprijzen).",
                               "Dynamic contract (from the file, with day-ahead prices)."));
  } else {
    std::string contract(economics::contract_name(t.energy.contract));
    if (edit_choice(c.state, L(l, "Contract", "Contract"), contract,
                    {{"single", L(l, "enkelvoudig", "single rate")}, {"day_night", L(l, "dag/nacht", "day/night")}},
                    ChangeKind::light, "tariffs.energy.contract")) {
      t.energy.contract = contract == "day_night" ? economics::EnergyContract::day_night : economics::EnergyContract::single;
    }
  }
  if (t.energy.contract == economics::EnergyContract::day_night) {
    edit_number(c.state, L(l, "Dagprijs (€/kWh)", "Day price (€/kWh)"), t.energy.day_price_eur_per_kwh, ChangeKind::money,
                "tariffs.energy.day_price_eur_per_kwh", 0.005, "%.4f");
    edit_number(c.state, L(l, "Nachtprijs (€/kWh)", "Night price (€/kWh)"), t.energy.night_price_eur_per_kwh,
                ChangeKind::money, "tariffs.energy.night_price_eur_per_kwh", 0.005, "%.4f");
  } else if (t.energy.contract == economics::EnergyContract::single) {
    edit_number(c.state, L(l, "Energieprijs (€/kWh)", "Energy price (€/kWh)"), t.energy.price_eur_per_kwh,
                ChangeKind::money, "tariffs.energy.price_eur_per_kwh", 0.005, "%.4f");
  }
  edit_number(c.state, L(l, "Distributie: netgebruik (€/kWh)", "Distribution: network use (€/kWh)"), t.network.distribution_eur_per_kwh,
              ChangeKind::money, "tariffs.network.distribution_eur_per_kwh", 0.005, "%.4f");
  edit_number(c.state, L(l, "Capaciteitstarief (€/kW/jaar)", "Capacity tariff (€/kW/year)"),
              t.network.capacity_eur_per_kw_per_year, ChangeKind::money, "tariffs.network.capacity_eur_per_kw_per_year",
              1.0, "%.2f");
  edit_number(c.state, L(l, "Injectievergoeding (€/kWh)", "Injection price (€/kWh)"), t.injection.price_eur_per_kwh,
              ChangeKind::money, "tariffs.injection.price_eur_per_kwh", 0.005, "%.4f");
  ImGui::Separator();
  edit_slider(c.state, L(l, "Interne prijs (€/kWh)", "Internal price (€/kWh)"),
              t.sharing.internal_price_eur_per_kwh, 0.0, 0.40, ChangeKind::money,
              "tariffs.sharing.internal_price_eur_per_kwh", "%.3f");
  help_marker(L(l, "Wat de bewoner per gedeelde kWh aan de VME betaalt.",
                "What the occupant pays the association per shared kWh."));
  edit_bool(c.state, L(l, "Btw op interne prijs", "VAT on the internal price"), t.sharing.vat_on_internal_price,
            ChangeKind::money, "tariffs.sharing.vat_on_internal_price");
}

void investment_section(ViewContext& c) {
  economics::EconomicsSettings& e = c.state.scenario.economics;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Investering en kosten VME", "Investment and association costs"),
                               ImGuiTreeNodeFlags_DefaultOpen))
    return;
  edit_number(c.state, L(l, "Prijs per kWp (€, excl. btw)", "Price per kWp (€, excl. VAT)"), e.investment.eur_per_kwp,
              ChangeKind::money, "investment.eur_per_kwp", 50.0, "%.0f");
  edit_optional(c.state, L(l, "Offerte (€, excl. btw)", "Quote (€, excl. VAT)"), e.investment.quote_eur, 20000.0,
                ChangeKind::money, "investment.quote_eur", "%.0f");
  edit_number(c.state, L(l, "Subsidie (€)", "Subsidy (€)"), e.investment.subsidy_eur, ChangeKind::money,
              "investment.subsidy_eur", 100.0, "%.0f");
  edit_number(c.state, L(l, "Onderhoud (€/kWp/jaar)", "O&M (€/kWp/year)"), e.investment.om_eur_per_kwp_per_year,
              ChangeKind::money, "investment.om_eur_per_kwp_per_year", 1.0, "%.1f");
  edit_number(c.state, L(l, "Administratie (€/jaar)", "Administration (€/year)"), e.investment.administration_eur_per_year,
              ChangeKind::money, "investment.administration_eur_per_year", 10.0, "%.0f");
  edit_slider(c.state, L(l, "Lening (deel)", "Loan (part)"), e.investment.loan.fraction, 0.0, 1.0, ChangeKind::money,
              "investment.loan.fraction", "%.2f");
  if (e.investment.loan.fraction > 0.0) {
    edit_number(c.state, L(l, "Rentevoet lening", "Loan interest rate"), e.investment.loan.rate, ChangeKind::money,
                "investment.loan.rate", 0.005, "%.3f");
    edit_int(c.state, L(l, "Looptijd lening (jaar)", "Loan term (years)"), e.investment.loan.years, ChangeKind::money,
             "investment.loan.years");
  }
}

void analysis_section(ViewContext& c) {
  economics::Analysis& a = c.state.scenario.economics.analysis;
  const Language l = c.language;
  if (!ImGui::CollapsingHeader(L(l, "Analyse", "Analysis"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  edit_int(c.state, L(l, "Horizon (jaar)", "Horizon (years)"), a.horizon_years, ChangeKind::light, "economics.horizon_years");
  edit_number(c.state, L(l, "Disconteringsvoet", "Discount rate"), a.discount_rate, ChangeKind::money,
              "economics.discount_rate", 0.005, "%.3f");
  std::string split(economics::cost_split_name(a.cost_split));
  if (edit_choice(c.state, L(l, "Kosten verdelen", "Split costs"), split,
                  {{"shares", L(l, "alle eigenaars volgens aandelen", "all owners by shares")},
                   {"participants", L(l, "enkel deelnemers, volgens aandelen", "participants only, by shares")},
                   {"custom", L(l, "eigen verdeling", "custom split")}},
                  ChangeKind::money, "economics.cost_split")) {
    a.cost_split = split == "participants" ? economics::CostSplit::participants
                   : split == "custom"     ? economics::CostSplit::custom
                                           : economics::CostSplit::shares;
  }
  if (c.cache.has_results() && c.cache.results().money_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 20, 20, 255));
    ImGui::TextWrapped("%s", c.cache.results().money_error->message.in(c.language).c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void tariffs_view(ViewContext& c) {
  energy_section(c);
  investment_section(c);
  analysis_section(c);
}

}  // namespace deelstroom::gui
