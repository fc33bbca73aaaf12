// Where the points are: the items that gain most by reaching their next band, and where
// the examiner's opportunities for improvement concentrate (docs/scoring.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/points.hpp>
#include <excellence/scoring/score.hpp>
#include <excellence/scoring/score_band.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One assessed item and what reaching its next band is worth.
struct item_priority {
  std::string id{};
  std::string category{};  ///< "" when the scope is one item
  std::int32_t percent = 0;
  score_band band = score_bands.front();
  std::optional<score_band> next_band{};  ///< absent in the top band (90–100 %)
  /// (next band's lowest percent − percent) × the item's points: what the item gains by
  /// reaching the next band's floor. Zero in the top band.
  points at_stake{};
  points max{};                   ///< the item's points
  std::size_t opportunities = 0;  ///< opportunities for improvement recorded on the item
};

/// The opportunities for improvement recorded against one area: an item, or a node below
/// it named by the comment's `area` (a comment without an area counts for its item).
struct area_opportunities {
  std::string area{};
  std::size_t opportunities = 0;
};

struct improvement_priorities {
  /// The assessed items of the scope, ranked: points at stake, most first; then the
  /// item's points, most first; then framework order.
  std::vector<item_priority> items{};
  /// Every area with at least one opportunity: most opportunities first, then framework
  /// order.
  std::vector<area_opportunities> areas{};
  std::vector<std::string> not_assessed{};  ///< items of the scope marked not_assessed
};

/// The improvement priorities of an assessment scored against `tree` (as try_score with
/// `options`, whose errors it reports: an unknown item or area, a percent that is not a
/// multiple of 5, an item of the scope that is missing, …).
[[nodiscard]] inline result<improvement_priorities> try_prioritize(const assessment& a, const criteria_tree& tree,
                                                                   const scoring_options& options = {}) {
  auto scored = try_score(a, tree, options);
  if (!scored) return scored.error();
  const criteria_tree framework = tree.whole();

  // Framework (preorder) position of every node, for the rankings' last tie-break.
  std::map<std::string, std::size_t, std::less<>> order;
  for (std::size_t i = 0; i < framework.nodes().size(); ++i) order.emplace(framework.nodes()[i]->id, i);

  std::map<std::string, const item_assessment*, std::less<>> given;
  for (const auto& item : a.items) given.emplace(item.id, &item);

  improvement_priorities out;
  out.not_assessed = scored->not_assessed;
  std::map<std::string, std::size_t, std::less<>> per_area;
  for (const auto& s : scored->items) {
    const auto* item = given.at(s.id);  // try_score checked that every item of the scope is given
    for (const auto& c : item->opportunities) ++per_area[c.area.empty() ? s.id : c.area];
    if (!s.assessed) continue;
    item_priority p;
    p.id = s.id;
    p.category = s.category;
    p.percent = s.percent;
    p.band = *s.band;
    p.max = s.max;
    p.opportunities = item->opportunities.size();
    if (p.band.level < score_bands.back().level) {
      p.next_band = score_bands[static_cast<std::size_t>(p.band.level)];  // levels count from 1
      p.at_stake = points::share(p.next_band->min_percent - p.percent, static_cast<std::int32_t>(s.max.value()));
    }
    out.items.push_back(std::move(p));
  }
  // scored->items is in framework order, so a stable sort keeps it for equal keys.
  std::stable_sort(out.items.begin(), out.items.end(), [](const item_priority& x, const item_priority& y) {
    if (x.at_stake != y.at_stake) return x.at_stake > y.at_stake;
    return x.max > y.max;
  });
  for (const auto& [area, n] : per_area) out.areas.push_back({area, n});
  std::sort(out.areas.begin(), out.areas.end(), [&order](const area_opportunities& x, const area_opportunities& y) {
    if (x.opportunities != y.opportunities) return x.opportunities > y.opportunities;
    return order.at(x.area) < order.at(y.area);
  });
  return out;
}

/// Throwing form of try_prioritize: the value, or data_error with the diagnostic.
[[nodiscard]] inline improvement_priorities prioritize(const assessment& a, const criteria_tree& tree,
                                                       const scoring_options& options = {}) {
  return try_prioritize(a, tree, options).value();
}

EXCELLENCE_END_NAMESPACE
