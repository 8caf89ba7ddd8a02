#include "core/portfolio/ranking.hpp"

#include <algorithm>
#include <numeric>

namespace deelstroom::portfolio {

double BuildingResult::losing_share() const {
  return apartment_count > 0 ? static_cast<double>(apartments_losing) / apartment_count : 0.0;
}

double BuildingResult::sharing_gain_eur() const { return apartments_npv_eur - association_npv_without_sharing_eur; }

Verdict verdict_of(const BuildingResult& result) {
  if (!result.ok || result.apartments_npv_eur <= 0.0 || result.sharing_gain_eur() <= 0.0) return Verdict::does_not_pay;
  return result.apartments_losing > 0 ? Verdict::pays_but_some_lose : Verdict::pays;
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::pays: return "pays";
    case Verdict::pays_but_some_lose: return "pays_but_some_lose";
    case Verdict::does_not_pay: return "does_not_pay";
  }
  return "does_not_pay";
}

std::optional<RankBy> rank_by_name(std::string_view name) {
  if (name == "npv") return RankBy::npv;
  if (name == "payback") return RankBy::payback;
  if (name == "sharing") return RankBy::sharing_rate;
  if (name == "losers") return RankBy::losing_share;
  return std::nullopt;
}

std::string_view rank_by_text(RankBy rank_by) {
  switch (rank_by) {
    case RankBy::npv: return "npv";
    case RankBy::payback: return "payback";
    case RankBy::sharing_rate: return "sharing";
    case RankBy::losing_share: return "losers";
  }
  return "npv";
}

namespace {

/// -1 when a ranks before b on the criterion alone, 1 when after, 0 when level.
int compare_on(const BuildingResult& a, const BuildingResult& b, RankBy rank_by) {
  auto order = [](double better_when_higher_a, double better_when_higher_b) {
    return better_when_higher_a > better_when_higher_b ? -1 : better_when_higher_a < better_when_higher_b ? 1 : 0;
  };
  switch (rank_by) {
    case RankBy::npv: return order(a.association_npv_eur, b.association_npv_eur);
    case RankBy::payback: {
      if (a.association_payback_years.has_value() != b.association_payback_years.has_value()) {
        return a.association_payback_years ? -1 : 1;
      }
      if (!a.association_payback_years) return 0;
      return order(-*a.association_payback_years, -*b.association_payback_years);
    }
    case RankBy::sharing_rate: return order(a.sharing_rate, b.sharing_rate);
    case RankBy::losing_share: return order(-a.losing_share(), -b.losing_share());
  }
  return 0;
}

}  // namespace

std::vector<std::size_t> rank_buildings(const std::vector<BuildingResult>& results, RankBy rank_by) {
  std::vector<std::size_t> order(results.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
    const BuildingResult& a = results[left];
    const BuildingResult& b = results[right];
    if (a.ok != b.ok) return a.ok;
    if (!a.ok) return a.index < b.index;
    if (const int on = compare_on(a, b, rank_by); on != 0) return on < 0;
    if (const int on = compare_on(a, b, RankBy::npv); on != 0) return on < 0;
    return a.index < b.index;
  });
  return order;
}

}  // namespace deelstroom::portfolio
