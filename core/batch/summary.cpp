#include "core/batch/summary.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/common/error.hpp"

namespace deelstroom::batch {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const std::size_t low = static_cast<std::size_t>(std::floor(h));
  if (low + 1 >= sorted.size()) return sorted.back();
  const double fraction = h - static_cast<double>(low);
  if (fraction == 0.0) return sorted[low];        // no 0 x Inf when the next value is infinite
  if (std::isinf(sorted[low + 1])) return sorted[low + 1];
  return sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
}

Distribution describe(std::vector<double> values) {
  Distribution d;
  const auto undefined = std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  d.undefined = static_cast<std::size_t>(values.end() - undefined);
  values.erase(undefined, values.end());
  d.defined = values.size();
  d.infinite = static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [](double v) { return std::isinf(v); }));
  if (values.empty()) {
    d.mean = d.min = d.p10 = d.p25 = d.median = d.p75 = d.p90 = d.max = std::nan("");
    return d;
  }
  std::sort(values.begin(), values.end());
  // Summed in sorted order: the same set of cases gives the same bits whatever order they ran in.
  double sum = 0.0;
  for (double v : values) sum += v;
  d.mean = sum / static_cast<double>(values.size());
  d.min = values.front();
  d.max = values.back();
  d.p10 = quantile_sorted(values, 0.10);
  d.p25 = quantile_sorted(values, 0.25);
  d.median = quantile_sorted(values, 0.50);
  d.p75 = quantile_sorted(values, 0.75);
  d.p90 = quantile_sorted(values, 0.90);
  return d;
}

namespace {

struct Indicator {
  const char* id;
  const char* dutch;
  double CaseIndicators::*field;
  int decimals;
};

constexpr Indicator kIndicators[] = {
    {"simple_payback_years", "terugverdientijd VME (jaar)", &CaseIndicators::simple_payback_years, 3},
    {"sharing_rate", "delingsgraad", &CaseIndicators::sharing_rate, 6},
    {"npv_eur", "NCW VME (€)", &CaseIndicators::npv_eur, 2},
    {"losing_apartment_share", "aandeel appartementen met verlies", &CaseIndicators::losing_apartment_share, 6},
};

/// A number cell; +Inf as "Inf" (read as infinity by R, pandas and Excel's text), NaN empty.
void number_cell(report::CsvWriter& csv, double value, int decimals) {
  if (std::isinf(value)) {
    csv.text(value > 0 ? "Inf" : "-Inf");
  } else {
    csv.number(value, decimals);
  }
}

/// The figures of a distribution after its counting columns.
void distribution_cells(report::CsvWriter& csv, const Distribution& d, int decimals) {
  for (double v : {d.mean, d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.max}) number_cell(csv, v, decimals);
}

/// One group's rows: a selection of cases (by predicate), described per indicator.
struct GroupRow {
  std::string variable, value, indicator;
  int decimals = 3;
  std::size_t failed = 0;
  Distribution distribution;
};

template <typename Select>
void describe_group(std::vector<GroupRow>& rows, const std::string& variable, const std::string& value,
                    const std::vector<SummaryCase>& cases, Select select) {
  std::size_t failed = 0;
  for (const Indicator& indicator : kIndicators) {
    std::vector<double> values;
    failed = 0;
    for (const SummaryCase& c : cases) {
      if (!select(c)) continue;
      if (!c.ok) {
        ++failed;
        continue;
      }
      values.push_back(c.indicators.*indicator.field);
    }
    rows.push_back({variable, value, indicator.id, indicator.decimals, failed, describe(std::move(values))});
  }
}

std::vector<GroupRow> group_rows(const GroupLayout& layout, const std::vector<SummaryCase>& cases) {
  std::vector<GroupRow> rows;
  describe_group(rows, "all", "all", cases, [](const SummaryCase&) { return true; });
  for (std::size_t v = 0; v < layout.variables.size(); ++v) {
    const GroupVariable& variable = layout.variables[v];
    for (std::size_t k = 0; k < variable.values.size(); ++k) {
      describe_group(rows, variable.name, variable.values[k].empty() ? "(scenario)" : variable.values[k], cases,
                     [&](const SummaryCase& c) { return v < c.groups.size() && c.groups[v] == k; });
    }
  }
  for (std::size_t k = 0; k < layout.key_labels.size(); ++k) {
    std::vector<double> values;
    std::size_t failed = 0;
    for (const SummaryCase& c : cases) {
      if (!c.ok) {
        ++failed;
      } else if (k < c.indicators.key_sharing_rates.size()) {
        values.push_back(c.indicators.key_sharing_rates[k]);
      }
    }
    rows.push_back({"key", layout.key_labels[k], "sharing_rate", 6, failed, describe(std::move(values))});
  }
  return rows;
}

}  // namespace

std::string summary_csv(const std::vector<SummaryCase>& cases, report::CsvStyle style) {
  std::ostringstream out;
  report::CsvWriter csv(out, style);
  csv.header({"indicator", "cases", "undefined", "not_paid_back", "mean", "min", "p10", "p25", "median", "p75", "p90", "max"});
  std::size_t ok = 0;
  for (const SummaryCase& c : cases) ok += c.ok ? 1 : 0;
  for (const Indicator& indicator : kIndicators) {
    std::vector<double> values;
    for (const SummaryCase& c : cases) {
      if (c.ok) values.push_back(c.indicators.*indicator.field);
    }
    const Distribution d = describe(std::move(values));
    csv.text(indicator.id).integer(static_cast<long long>(d.defined)).integer(static_cast<long long>(d.undefined));
    if (indicator.field == &CaseIndicators::simple_payback_years) {
      csv.integer(static_cast<long long>(d.infinite));
    } else {
      csv.empty();
    }
    distribution_cells(csv, d, indicator.decimals);
    csv.end_row();
  }
  const auto count_row = [&](const char* name, std::size_t count) {
    csv.text(name).integer(static_cast<long long>(count));
    for (int k = 0; k < 10; ++k) csv.empty();
    csv.end_row();
  };
  count_row("cases_ok", ok);
  count_row("cases_failed", cases.size() - ok);
  return out.str();
}

std::string summary_groups_csv(const GroupLayout& layout, const std::vector<SummaryCase>& cases, report::CsvStyle style) {
  std::ostringstream out;
  report::CsvWriter csv(out, style);
  csv.header({"variable", "value", "indicator", "cases", "failed", "not_paid_back", "not_paid_back_share", "mean", "min", "p10",
              "p25", "median", "p75", "p90", "max"});
  for (const GroupRow& row : group_rows(layout, cases)) {
    const Distribution& d = row.distribution;
    csv.text(row.variable).text(row.value).text(row.indicator).integer(static_cast<long long>(d.defined))
        .integer(static_cast<long long>(row.failed));
    if (row.indicator == std::string("simple_payback_years")) {
      csv.integer(static_cast<long long>(d.infinite));
      csv.number(d.defined > 0 ? static_cast<double>(d.infinite) / static_cast<double>(d.defined) : std::nan(""), 6);
    } else {
      csv.empty().empty();
    }
    distribution_cells(csv, d, row.decimals);
    csv.end_row();
  }
  return out.str();
}

void write_summary_workbook(const std::filesystem::path& path, const GroupLayout& layout,
                            const std::vector<SummaryCase>& cases, Language language) {
  const bool nl = language == Language::dutch;
  const std::filesystem::path temporary =
      path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    lxw_workbook* book = workbook_new(temporary.string().c_str());
    if (book == nullptr) throw InputError({path.string(), 0, 0, ""}, Text{"kan de werkmap niet aanmaken", "cannot create the workbook"});
    lxw_doc_properties properties{};
    properties.created = 946684800;  // a fixed stamp (2000-01-01 UTC): same cases, same bytes
    workbook_set_properties(book, &properties);
    lxw_worksheet* sheet = workbook_add_worksheet(book, nl ? "Samenvatting per groep" : "Summary by group");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    lxw_format* formats[4];
    const char* patterns[4] = {"0.0", "0.0%", "#,##0", "0.0%"};
    for (int k = 0; k < 4; ++k) {
      formats[k] = workbook_add_format(book);
      format_set_num_format(formats[k], patterns[k]);
    }
    const std::vector<std::string> titles =
        nl ? std::vector<std::string>{"Variabele", "Waarde", "Indicator", "Gevallen", "Mislukt", "Niet terugverdiend",
                                      "Aandeel niet terugverdiend", "Gemiddelde", "Min", "P10", "P25", "Mediaan", "P75", "P90", "Max"}
           : std::vector<std::string>{"Variable", "Value", "Indicator", "Cases", "Failed", "Not paid back",
                                      "Share not paid back", "Mean", "Min", "P10", "P25", "Median", "P75", "P90", "Max"};
    for (std::size_t c = 0; c < titles.size(); ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), titles[c].c_str(), bold);
    worksheet_set_column(sheet, 0, 2, 28, nullptr);
    worksheet_set_column(sheet, 3, static_cast<lxw_col_t>(titles.size() - 1), 12, nullptr);
    worksheet_freeze_panes(sheet, 1, 3);
    lxw_row_t r = 1;
    const std::string never = nl ? "niet terugverdiend" : "not paid back";
    for (const GroupRow& row : group_rows(layout, cases)) {
      std::size_t which = 0;
      const char* title = row.indicator.c_str();
      for (std::size_t k = 0; k < std::size(kIndicators); ++k) {
        if (row.indicator == kIndicators[k].id) {
          which = k;
          if (nl) title = kIndicators[k].dutch;
        }
      }
      const std::string variable = row.variable == "all" ? (nl ? "alle gevallen" : "all cases")
                                   : row.variable == "key" ? (nl ? "vergeleken sleutel" : "compared key") : row.variable;
      const std::string value = row.value == "all" && row.variable == "all" ? "" : row.value;
      worksheet_write_string(sheet, r, 0, variable.c_str(), nullptr);
      worksheet_write_string(sheet, r, 1, value.c_str(), nullptr);
      worksheet_write_string(sheet, r, 2, title, nullptr);
      const Distribution& d = row.distribution;
      worksheet_write_number(sheet, r, 3, static_cast<double>(d.defined), nullptr);
      worksheet_write_number(sheet, r, 4, static_cast<double>(row.failed), nullptr);
      if (which == 0) {
        worksheet_write_number(sheet, r, 5, static_cast<double>(d.infinite), nullptr);
        if (d.defined > 0) worksheet_write_number(sheet, r, 6, static_cast<double>(d.infinite) / static_cast<double>(d.defined), formats[1]);
      }
      lxw_col_t col = 7;
      for (double v : {d.mean, d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.max}) {
        if (std::isinf(v)) {
          worksheet_write_string(sheet, r, col, never.c_str(), nullptr);
        } else if (!std::isnan(v)) {
          worksheet_write_number(sheet, r, col, v, formats[which]);
        }
        ++col;
      }
      ++r;
    }
    if (workbook_close(book) != LXW_NO_ERROR) {
      std::filesystem::remove(temporary);
      throw InputError({path.string(), 0, 0, ""}, Text{"schrijven van de werkmap mislukt", "writing the workbook failed"});
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw InputError({path.string(), 0, 0, ""}, verbatim(error.message()));
}

}  // namespace deelstroom::batch
