#pragma once
// Irradiance models of the PV chain (pv-model.md steps 2–4): Erbs decomposition, angle of
// incidence, transposition to the plane of the array (Perez 1990, Hay–Davies, isotropic),
// ground reflection, and incidence-angle modifiers. Each is a small pure function of one
// interval's values (W/m², degrees), written inline so the per-array loop in core/pv inlines
// them. Details (clipping, bins, limits) follow pvlib-python, the project's comparison
// reference (pvlib.irradiance, pvlib.iam), so both give the same numbers on the same inputs.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string_view>

namespace deelstroom::solar {

namespace detail {
inline constexpr double kRadPerDeg = std::numbers::pi / 180.0;
}

enum class TranspositionModel { perez, hay_davies, isotropic };
enum class IamModel { physical, ashrae, none };

/// "perez", "haydavies"/"hay_davies", "isotropic" (case-sensitive); nullopt otherwise.
std::optional<TranspositionModel> parse_transposition_model(std::string_view name);
std::string_view to_string(TranspositionModel model);
/// "physical", "ashrae", "none"; nullopt otherwise.
std::optional<IamModel> parse_iam_model(std::string_view name);
std::string_view to_string(IamModel model);

struct ErbsSplit {
  double dni_w_m2 = 0.0;
  double dhi_w_m2 = 0.0;
  double clearness_index = 0.0;  ///< kt = GHI / (E0n · max(cos z, 0.065)), clipped to [0, 1]
};

/// Erbs, Klein & Duffie (1982) diffuse fraction from the clearness index, and DNI from
/// closure. As pvlib.irradiance.erbs: cos z floored at 0.065 for kt, and no beam (DHI = GHI)
/// beyond zenith 87° or when the split would give a negative DNI.
inline ErbsSplit erbs(double ghi_w_m2, double zenith_deg, double extra_radiation_w_m2) {
  ErbsSplit out;
  const double cos_z = std::cos(zenith_deg * detail::kRadPerDeg);
  double kt = ghi_w_m2 / (extra_radiation_w_m2 * std::max(cos_z, 0.065));
  kt = std::clamp(kt, 0.0, 1.0);
  out.clearness_index = kt;
  double diffuse_fraction;
  if (kt <= 0.22) {
    diffuse_fraction = 1.0 - 0.09 * kt;
  } else if (kt <= 0.8) {
    diffuse_fraction = 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
  } else {
    diffuse_fraction = 0.165;
  }
  out.dhi_w_m2 = diffuse_fraction * ghi_w_m2;
  const double dni = (ghi_w_m2 - out.dhi_w_m2) / cos_z;
  if (zenith_deg > 87.0 || ghi_w_m2 < 0.0 || !(dni >= 0.0)) {
    out.dni_w_m2 = 0.0;
    out.dhi_w_m2 = ghi_w_m2;
  } else {
    out.dni_w_m2 = dni;
  }
  return out;
}

/// Cosine of the angle of incidence of the beam on a plane (tilt from horizontal, azimuth
/// clockwise from north), clipped to [−1, 1]; negative when the sun is behind the plane.
inline double cos_angle_of_incidence(double tilt_deg, double surface_azimuth_deg, double zenith_deg,
                                     double azimuth_deg) {
  const double t = tilt_deg * detail::kRadPerDeg, z = zenith_deg * detail::kRadPerDeg;
  const double c =
      std::cos(t) * std::cos(z) +
      std::sin(t) * std::sin(z) * std::cos((azimuth_deg - surface_azimuth_deg) * detail::kRadPerDeg);
  return std::clamp(c, -1.0, 1.0);
}

/// Perez (1990) brightness coefficients F1 (circumsolar, ≥ 0) and F2 (horizon) for one sky
/// condition, coefficient set allsitescomposite1990 (Perez et al., Solar Energy 44(5), 1990).
/// Sky clearness ε = ((DHI + DNI)/DHI + κz³)/(1 + κz³) with κ = 1.041 and z the apparent
/// zenith in radians, binned at 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2; brightness
/// Δ = DHI·AM/E0n with the Kasten–Young relative air mass.
struct PerezBrightness {
  double f1 = 0.0;
  double f2 = 0.0;
};
PerezBrightness perez_brightness(double dhi_w_m2, double dni_w_m2, double extra_radiation_w_m2,
                                 double apparent_zenith_deg, double airmass_relative);

/// Perez sky-diffuse irradiance on the plane (W/m²): DHI·(½(1 − F1)(1 + cos β) + F1·a/b +
/// F2·sin β), a = max(cos θ, 0), b = max(cos z, cos 85°), negative totals clipped to 0.
inline double perez_sky_diffuse(double dhi_w_m2, const PerezBrightness& brightness, double cos_tilt,
                                double sin_tilt, double cos_aoi, double cos_zenith) {
  constexpr double kCos85 = 0.08715574274765817;
  const double a = std::max(cos_aoi, 0.0);
  const double b = std::max(cos_zenith, kCos85);
  const double sky = dhi_w_m2 * (0.5 * (1.0 - brightness.f1) * (1.0 + cos_tilt) + brightness.f1 * a / b +
                                 brightness.f2 * sin_tilt);
  return std::max(sky, 0.0);
}

/// Hay & Davies (1980): DHI·(A·Rb + (1 − A)(1 + cos β)/2), anisotropy index A = DNI/E0n,
/// Rb = max(cos θ, 0)/max(cos z, 0.01745) (pvlib's guard near the horizon).
inline double hay_davies_sky_diffuse(double dhi_w_m2, double dni_w_m2, double extra_radiation_w_m2,
                                     double cos_tilt, double cos_aoi, double cos_zenith) {
  const double rb = std::max(cos_aoi, 0.0) / std::max(cos_zenith, 0.01745);
  const double ai = dni_w_m2 / extra_radiation_w_m2;
  return std::max(dhi_w_m2 * (1.0 - ai) * 0.5 * (1.0 + cos_tilt), 0.0) + std::max(dhi_w_m2 * ai * rb, 0.0);
}

/// Isotropic sky (Hottel & Woertz): DHI·(1 + cos β)/2.
inline double isotropic_sky_diffuse(double dhi_w_m2, double cos_tilt) {
  return dhi_w_m2 * 0.5 * (1.0 + cos_tilt);
}

/// Ground-reflected irradiance on the plane: GHI·albedo·(1 − cos β)/2.
inline double ground_diffuse(double ghi_w_m2, double albedo, double cos_tilt) {
  return ghi_w_m2 * albedo * 0.5 * (1.0 - cos_tilt);
}

/// Physical incidence-angle modifier (De Soto et al. 2006, Duffie & Beckman): Fresnel
/// reflection for s- and p-polarised light at a glass cover of refractive index n, absorption
/// exp(−K·L/cos θr), normalised to normal incidence. Defaults n = 1.526, K = 4 /m,
/// L = 0.002 m. 0 when the sun is behind the plane.
inline double iam_physical(double cos_aoi, double n = 1.526, double k_per_m = 4.0, double l_m = 0.002) {
  const double c1 = std::max(cos_aoi, 0.0);
  const double s1 = std::sqrt(1.0 - c1 * c1);
  const double s2 = s1 / n;  // Snell
  const double c2 = std::sqrt(1.0 - s2 * s2);
  const double rs = (c1 - n * c2) / (c1 + n * c2);
  const double rp = (c2 - n * c1) / (c2 + n * c1);
  const double r0 = (1.0 - n) / (1.0 + n);
  const double absorption = std::exp(-k_per_m * l_m / c2);
  const double tau = 0.5 * ((1.0 - rs * rs) + (1.0 - rp * rp)) * absorption;
  const double tau0 = (1.0 - r0 * r0) * std::exp(-k_per_m * l_m);
  return tau / tau0;
}

/// ASHRAE incidence-angle modifier (Souka & Safwat 1966): 1 − b0·(1/cos θ − 1), clipped to
/// [0, ∞), 0 at and beyond 90°. Default b0 = 0.05.
inline double iam_ashrae(double cos_aoi, double b0 = 0.05) {
  if (cos_aoi <= 0.0) return 0.0;
  return std::max(1.0 - b0 * (1.0 / cos_aoi - 1.0), 0.0);
}

}  // namespace deelstroom::solar
