#pragma once
// Axis arithmetic for the charts (no drawing): "nice" tick positions and their labels, and
// compass words for azimuths. Pure functions, unit-tested.
#include <string>
#include <vector>

#include "core/common/language.hpp"

namespace deelstroom::gui {

/// Ticks covering [low, high] at a step of 1, 2 or 5 x 10^k chosen so that about
/// `target_count` ticks fit (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
/// The first tick is <= low and the last >= high. A zero-width range is widened to [low, low+1]
/// (or around zero).
struct Ticks {
  double step = 1.0;
  std::vector<double> values;
};
Ticks nice_ticks(double low, double high, int target_count = 5);

/// A tick label with as many decimals as the step needs, thousands grouped per language.
std::string tick_label(double value, double step, Language language);

/// The compass word of an azimuth (clockwise from north): N, NO, O, ZO, Z, ZW, W, NW in Dutch;
/// N, NE, E, SE, S, SW, W, NW in English (eight 45° sectors centred on the directions).
std::string compass_word(double azimuth_deg, Language language);

}  // namespace deelstroom::gui
