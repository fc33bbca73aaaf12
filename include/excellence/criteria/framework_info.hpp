// Facts about a framework as a whole: identity, total points, provenance, overall bands.
#pragma once

#include <excellence/config.hpp>

#include <cstdint>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// A band of the total score (a maturity level) as a framework publishes it, e.g.
/// Baldrige band 3 = 376–475. Totals may be fractional (an item can score 5.25), so a
/// total belongs to the band with the largest `min_total` not above it: 375.5 is band 2.
struct overall_band {
  std::int32_t level = 0;      ///< 1 = lowest
  std::int32_t min_total = 0;  ///< lowest total of the band as published
  std::int32_t max_total = 0;  ///< highest total of the band as published
  std::string description_en{};
  std::string description_zh{};

  friend bool operator==(const overall_band&, const overall_band&) = default;
};

struct framework_info {
  std::string id{};  ///< e.g. "gbt19580-2012"
  std::string title_zh{};
  std::string title_en{};
  std::int32_t total_points = 0;  ///< what the categories add up to (1000 for both built-ins)
  std::string provenance{};       ///< where the point values come from and how sure they are
  /// Empty when the framework publishes no table of total-score bands; nothing is
  /// invented in that case.
  std::vector<overall_band> overall_bands{};

  friend bool operator==(const framework_info&, const framework_info&) = default;
};

EXCELLENCE_END_NAMESPACE
