#include "core/load/common_parts.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>

#include "core/common/error.hpp"
#include "core/load/heat_pump.hpp"
#include "core/load/random.hpp"

namespace deelstroom::load {

namespace {

constexpr double kHoursPerSlot = 0.25;
constexpr int kTripDraws = 4;  // trips per quarter-hour drawn as Binomial(4, m/4)

/// Movement per quarter-hour as a share of the day's movement, by day class and local hour.
std::array<std::array<double, 24>, kDayClassCount> movement_shares(const CommonPartsArchetype& parts) {
  std::array<std::array<double, 24>, kDayClassCount> shares{};
  for (int c = 0; c < kDayClassCount; ++c) {
    double sum = 0.0;
    for (double w : parts.movement[c]) sum += w;
    for (int h = 0; h < 24; ++h) shares[c][h] = sum > 0.0 ? parts.movement[c][h] / sum / 4.0 : 1.0 / 96.0;
  }
  return shares;
}

}  // namespace

CommonPartsProfile common_parts_components(const CommonPartsSpec& spec, const PreparedContext& context) {
  const CommonPartsArchetype& parts = find_common_parts_archetype(spec.archetype);
  if (!std::isfinite(spec.annual_kwh) || spec.annual_kwh < 0.0) {
    throw InputError({"", 0, 0, "annual_kwh"}, Text{"verwacht een jaarverbruik >= 0 kWh (0 = de standaard van het archetype)", "expected a yearly consumption >= 0 kWh (0 = the archetype's default)"});
  }
  const double annual_kwh = spec.annual_kwh > 0.0 ? spec.annual_kwh : parts.annual_kwh;
  const auto shares = movement_shares(parts);
  // Lighting follows movement relative to the busiest hour of a working day.
  const double peak_share = *std::max_element(shares[0].begin(), shares[0].end());
  const double trips_per_day = parts.lift_kwh_per_day / kLiftTripKwh;
  const std::vector<std::uint8_t>& quarter = context.calendar->quarter_of_day;
  Random random(spec.seed);

  // What depends only on the day class and the hour, worked out once for each (the same
  // expressions the quarter-hours used, so the same values): the lighting's factor, the
  // expected trips and the probability of each trip draw.
  struct HourTerms {
    double lighting_factor = 0.0;
    double expected_trips = 0.0;
    double trip_probability = 0.0;  ///< of each of the four draws
  };
  std::array<std::array<HourTerms, 24>, kDayClassCount> terms{};
  for (int c = 0; c < kDayClassCount; ++c) {
    for (int h = 0; h < 24; ++h) {
      const double movement = shares[c][h];
      HourTerms& term = terms[c][h];
      term.lighting_factor = parts.lighting_dark_base + (1.0 - parts.lighting_dark_base) * movement / peak_share;
      term.expected_trips = trips_per_day * movement;
      term.trip_probability = std::min(1.0, term.expected_trips / kTripDraws);
    }
  }

  CommonPartsProfile profile;
  profile.services_kwh.resize(context.interval_count());
  double draws[kTripDraws];
  for (const LocalDay& day : context.days) {
    const auto& day_terms = terms[static_cast<int>(day.day_class)];
    for (int i = day.first_interval; i < day.first_interval + day.interval_count; ++i) {
      const HourTerms& term = day_terms[quarter[i] / 4];
      const double lighting = parts.lighting_kw * context.darkness[i] * term.lighting_factor;
      double trips = term.expected_trips;
      if (spec.stochastic) {
        random.uniforms16(draws);
        trips = 0.0;
        for (double u : draws) trips += u < term.trip_probability ? 1.0 : 0.0;
      }
      profile.services_kwh[i] =
          (parts.ventilation_kw + parts.standby_kw + lighting) * kHoursPerSlot + trips * kLiftTripKwh;
    }
  }
  const double services_total = profile.services_kwh.sum();
  const double heat_pump_kwh = annual_kwh * parts.heat_pump_share;
  if (services_total > 0.0) profile.services_kwh *= (annual_kwh - heat_pump_kwh) / services_total;
  profile.total_kwh = profile.services_kwh;
  if (parts.heat_pump_share > 0.0) {
    HeatPumpOption option;
    option.annual_kwh = heat_pump_kwh;
    option.hot_water_share = parts.heat_pump_hot_water_share;
    profile.heat_pump_kwh = heat_pump_series(option, context);
    profile.total_kwh += profile.heat_pump_kwh;
  }
  return profile;
}

Eigen::ArrayXd common_parts_profile(const CommonPartsSpec& spec, const PreparedContext& context) {
  return common_parts_components(spec, context).total_kwh;
}

Eigen::ArrayXd common_parts_profile(const CommonPartsSpec& spec, const ProfileContext& context) {
  return common_parts_profile(spec, prepare_context(context));
}

}  // namespace deelstroom::load
