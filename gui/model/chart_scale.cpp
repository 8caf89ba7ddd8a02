#include "gui/model/chart_scale.hpp"

#include <algorithm>
#include <cmath>

#include "core/report/text_table.hpp"

namespace deelstroom::gui {

namespace {
// The "nice" number near x from {1, 2, 5} x 10^k: rounded, or the next one up (Heckbert 1990).
double nice_number(double x, bool round) {
  const double exponent = std::floor(std::log10(x));
  const double fraction = x / std::pow(10.0, exponent);
  double nice = 10.0;
  if (round) {
    nice = fraction < 1.5 ? 1.0 : fraction < 3.0 ? 2.0 : fraction < 7.0 ? 5.0 : 10.0;
  } else {
    nice = fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0;
  }
  return nice * std::pow(10.0, exponent);
}
}  // namespace

Ticks nice_ticks(double low, double high, int target_count) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = 0.0, high = 1.0;
  if (high < low) std::swap(low, high);
  if (high - low < 1e-12) {
    if (std::abs(low) < 1e-12) {
      high = 1.0;
    } else {
      high = low + std::abs(low) * 0.1;
      low -= std::abs(low) * 0.1;
    }
  }
  target_count = std::max(target_count, 2);
  const double range = nice_number(high - low, false);
  Ticks ticks;
  ticks.step = nice_number(range / (target_count - 1), true);
  const double first = std::floor(low / ticks.step) * ticks.step;
  const double last = std::ceil(high / ticks.step) * ticks.step;
  for (double v = first; v <= last + 0.5 * ticks.step; v += ticks.step) {
    // Snap values like 0.30000000000000004 and -0 to their printed value.
    double snapped = std::round(v / ticks.step) * ticks.step;
    if (std::abs(snapped) < ticks.step * 1e-9) snapped = 0.0;
    ticks.values.push_back(snapped);
  }
  return ticks;
}

std::string tick_label(double value, double step, Language language) {
  const int decimals = step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return report::format_number(value, std::clamp(decimals, 0, 6), language == Language::dutch);
}

std::string compass_word(double azimuth_deg, Language language) {
  static const char* dutch[] = {"N", "NO", "O", "ZO", "Z", "ZW", "W", "NW"};
  static const char* english[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  double a = std::fmod(azimuth_deg, 360.0);
  if (a < 0) a += 360.0;
  const int sector = static_cast<int>(std::floor((a + 22.5) / 45.0)) % 8;
  return language == Language::dutch ? dutch[sector] : english[sector];
}

}  // namespace deelstroom::gui
