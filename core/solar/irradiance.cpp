#include "core/solar/irradiance.hpp"

namespace deelstroom::solar {

namespace {

// allsitescomposite1990 (Perez et al. 1990, Table 6): per clearness bin,
// F11, F12, F13, F21, F22, F23.
constexpr double kPerez1990[8][6] = {
    {-0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220}, {0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290},
    {0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260},  {0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140},
    {0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010},  {1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560},
    {1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310},  {0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510},
};
constexpr double kClearnessBinEdges[7] = {1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2};

}  // namespace

PerezBrightness perez_brightness(double dhi_w_m2, double dni_w_m2, double extra_radiation_w_m2,
                                 double apparent_zenith_deg, double airmass_relative) {
  // No diffuse light or no air mass (sun below the horizon): pvlib yields NaN there and the
  // sky-diffuse term 0; F1 = F2 = 0 makes DHI·(...) = 0 for DHI = 0 and is never used otherwise.
  if (!(dhi_w_m2 > 0.0) || !(airmass_relative > 0.0)) return {};
  constexpr double kKappa = 1.041;
  const double z = apparent_zenith_deg * detail::kRadPerDeg;
  const double kz3 = kKappa * z * z * z;
  const double epsilon = ((dhi_w_m2 + dni_w_m2) / dhi_w_m2 + kz3) / (1.0 + kz3);
  int bin = 0;
  while (bin < 7 && epsilon >= kClearnessBinEdges[bin]) ++bin;
  const double delta = dhi_w_m2 * airmass_relative / extra_radiation_w_m2;
  const double* c = kPerez1990[bin];
  PerezBrightness b;
  b.f1 = std::max(c[0] + c[1] * delta + c[2] * z, 0.0);
  b.f2 = c[3] + c[4] * delta + c[5] * z;
  return b;
}

std::optional<TranspositionModel> parse_transposition_model(std::string_view name) {
  if (name == "perez") return TranspositionModel::perez;
  if (name == "haydavies" || name == "hay_davies") return TranspositionModel::hay_davies;
  if (name == "isotropic") return TranspositionModel::isotropic;
  return std::nullopt;
}

std::string_view to_string(TranspositionModel model) {
  switch (model) {
    case TranspositionModel::perez:
      return "perez";
    case TranspositionModel::hay_davies:
      return "haydavies";
    case TranspositionModel::isotropic:
      return "isotropic";
  }
  return "perez";
}

std::optional<IamModel> parse_iam_model(std::string_view name) {
  if (name == "physical") return IamModel::physical;
  if (name == "ashrae") return IamModel::ashrae;
  if (name == "none") return IamModel::none;
  return std::nullopt;
}

std::string_view to_string(IamModel model) {
  switch (model) {
    case IamModel::physical:
      return "physical";
    case IamModel::ashrae:
      return "ashrae";
    case IamModel::none:
      return "none";
  }
  return "physical";
}

}  // namespace deelstroom::solar
