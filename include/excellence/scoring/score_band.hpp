// The six scoring-guideline bands an item percent falls into, and percent validation.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// One band of the process and results scoring guidelines (Baldrige; GB/Z 19579-2012
/// Annex C uses the same six bands). Examiners choose the band whose description fits the
/// response as a whole, then a percent inside it in steps of 5. The descriptions are
/// one-line paraphrases kept for orientation; the guideline tables themselves decide.
struct score_band {
  std::int32_t level;        ///< 1 (0–5 %) … 6 (90–100 %)
  std::int32_t min_percent;  ///< lowest percent of the band
  std::int32_t max_percent;  ///< highest percent of the band
  std::string_view process_en{};
  std::string_view results_en{};
  std::string_view process_zh{};  ///< the same paraphrases in Chinese
  std::string_view results_zh{};

  /// "30-45%"
  [[nodiscard]] std::string label() const {
    return std::to_string(min_percent) + "-" + std::to_string(max_percent) + "%";
  }
  friend constexpr bool operator==(const score_band& a, const score_band& b) noexcept { return a.level == b.level; }
};

inline constexpr std::array<score_band, 6> score_bands{{
    {1, 0, 5, "no systematic approach; anecdotal information", "no or poor results; no trend or comparison data",
     "没有系统的方法;信息零散", "没有或很少有结果;没有趋势和对比数据"},
    {2, 10, 25, "the beginning of a systematic approach to the basic requirements; early deployment",
     "a few results, some early good levels; little trend or comparison data",
     "开始有针对基本要求的系统方法;展开处于早期", "有少量结果,部分水平较好;趋势和对比数据很少"},
    {3, 30, 45, "an effective, systematic approach to the basic requirements; deployed, some units early",
     "good levels in many areas; trends and comparisons beginning",
     "有针对基本要求的有效、系统的方法;已展开,部分单位处于早期", "多数领域水平良好;开始有趋势和对比"},
    {4, 50, 65, "an effective, systematic approach to the overall requirements; well deployed; fact-based improvement",
     "good levels or improving trends in most areas; some good comparisons",
     "有针对总体要求的有效、系统的方法;展开良好;基于事实的改进", "大多数领域水平良好或趋势向好;部分对比良好"},
    {5, 70, 85,
     "an effective approach to the multiple requirements; well deployed; learning and innovation are key tools",
     "good to excellent levels, sustained beneficial trends; many comparisons favourable",
     "有针对多重要求的有效方法;展开良好;学习和创新是关键手段", "水平良好至优秀,有益趋势持续;多数对比有利"},
    {6, 90, 100,
     "fully responsive to the multiple requirements; fully deployed; organization-wide learning and integration",
     "excellent levels, sustained trends in all areas; industry or benchmark leadership",
     "全面响应多重要求;全面展开;全组织的学习与整合", "各领域水平优秀、趋势持续;行业或标杆领先"},
}};

/// Checks that a percent is a valid score: a whole number in 0–100 in steps of 5.
/// Returns the diagnostic (out_of_range or not_multiple_of_5, with `file` and `path`
/// filled in) or nullopt. Readers and scoring share this one rule.
[[nodiscard]] inline std::optional<diagnostic> check_percent(double percent, const std::string& file,
                                                             const field_path& path) {
  auto shown = [percent] {
    if (percent != percent) return std::string("NaN");
    std::string text = std::to_string(percent);  // "37.500000"
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  };
  if (!(percent >= 0.0 && percent <= 100.0))  // also catches NaN
    return diagnostic{errc::out_of_range, file, 0, 0, path, shown() + " is outside 0-100"};
  const auto whole = static_cast<std::int32_t>(percent);
  if (static_cast<double>(whole) != percent || whole % 5 != 0)
    return diagnostic{errc::not_multiple_of_5, file, 0, 0, path, shown() + " is not a multiple of 5"};
  return std::nullopt;
}

/// The band a valid percent falls into. Precondition: !check_percent(percent, ...).
[[nodiscard]] constexpr const score_band& band_of(std::int32_t percent) noexcept {
  for (const auto& band : score_bands)
    if (percent <= band.max_percent) return band;
  return score_bands.back();
}

EXCELLENCE_END_NAMESPACE
