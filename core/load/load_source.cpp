#include "core/load/load_source.hpp"

#include <cmath>

#include "core/common/error.hpp"

namespace deelstroom::load {

namespace {

std::string generated_label(const std::string& archetype, bool stochastic, std::uint64_t seed) {
  return archetype + (stochastic ? " (seed " + std::to_string(seed) + ")" : " (mean shape)");
}

/// Reading needs only the grid and calendar; the prepared context keeps pointers to both.
ProfileContext plain_context(const PreparedContext& context) { return ProfileContext{*context.grid, *context.calendar}; }

}  // namespace

LoadProfile make_load_profile(const LoadSource& source, const PreparedContext& context) {
  LoadProfile profile;
  if (const auto* household = std::get_if<HouseholdSpec>(&source)) {
    profile.kwh = generate_household(*household, context);
    profile.description = generated_label(household->archetype, household->stochastic, household->seed);
  } else if (const auto* common = std::get_if<CommonPartsSpec>(&source)) {
    profile.kwh = common_parts_profile(*common, context);
    profile.description = generated_label(common->archetype, common->stochastic, common->seed);
  } else {
    const auto& measured = std::get<MeasuredSpec>(source);
    if (!std::isfinite(measured.annual_kwh) || measured.annual_kwh < 0.0) {
      throw InputError({measured.file.string(), 0, 0, "annual_kwh"}, Text{"verwacht een jaarverbruik >= 0 kWh (0 = zoals gemeten)", "expected a yearly consumption >= 0 kWh (0 = as measured)"});
    }
    SeriesFile file = read_series_file(measured.file, plain_context(context), measured.read);
    if (measured.annual_kwh > 0.0 && file.kwh.sum() > 0.0) file.kwh *= measured.annual_kwh / file.kwh.sum();
    profile.kwh = std::move(file.kwh);
    profile.injection_kwh = std::move(file.injection_kwh);
    profile.description = measured.file.filename().string() + " (" + series_format_name(file.quality.format) + ")";
    profile.quality = std::move(file.quality);
  }
  return profile;
}

LoadProfile make_load_profile(const LoadSource& source, const ProfileContext& context) {
  return make_load_profile(source, prepare_context(context));
}

}  // namespace deelstroom::load
