#include <excellence/criteria/tree.hpp>
#include <excellence/evidence/measure.hpp>
#include <excellence/evidence/series.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/nps.hpp>

#include <cmath>
#include <set>
#include <string>

namespace excellence::inline v1 {

namespace {

diagnostic problem(errc code, const std::string& file, field_path path, std::string message) {
  return {code, file, 0, 0, std::move(path), std::move(message)};
}

// Ids non-empty and unique within one list of the set.
template <class Entries>
std::optional<diagnostic> check_ids(const Entries& entries, const char* list, const std::string& file) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto path = field_path(list).index(i).field("id");
    if (entries[i].id.empty()) return problem(errc::invalid_value, file, path, "an id must not be empty");
    if (!seen.insert(entries[i].id).second)
      return problem(errc::duplicate_id, file, path, "\"" + entries[i].id + "\" is defined twice in " + list);
  }
  return std::nullopt;
}

}  // namespace

std::optional<diagnostic> validate(const measure_set& set) {
  const auto& file = set.source;
  if (set.framework.empty()) return problem(errc::missing_field, file, "framework", "the framework must be named");
  if (auto bad = check_ids(set.requirements, "requirements", file)) return bad;
  if (auto bad = check_ids(set.segments, "segments", file)) return bad;
  if (auto bad = check_ids(set.comparisons, "comparisons", file)) return bad;
  if (auto bad = check_ids(set.measures, "measures", file)) return bad;
  if (set.segments.empty())
    return problem(errc::missing_field, file, "segments", "at least one customer segment must be defined");
  std::set<std::string, std::less<>> requirement_ids;
  for (const auto& r : set.requirements) requirement_ids.insert(r.id);
  for (std::size_t i = 0; i < set.measures.size(); ++i) {
    const auto& m = set.measures[i];
    const auto path = field_path("measures").index(i);
    if (m.target && !std::isfinite(*m.target))
      return problem(errc::invalid_value, file, path.field("target"), "a target must be a finite number");
    if (m.evidences.empty())
      return problem(errc::missing_field, file, path.field("evidences"),
                     "measure \"" + m.id + "\" must evidence at least one criterion (e.g. 4.7.3)");
    for (std::size_t k = 0; k < m.requirements.size(); ++k)
      if (!requirement_ids.contains(m.requirements[k]))
        return problem(errc::unknown_reference, file, path.field("requirements").index(k),
                       "key requirement \"" + m.requirements[k] + "\" is not among the set's requirements");
  }
  return std::nullopt;
}

std::optional<diagnostic> check_measures(const measure_set& set, const criteria_tree& tree) {
  if (set.framework != tree.id())
    return problem(errc::framework_mismatch, set.source, "framework",
                   "the measures are of framework \"" + set.framework + "\", the tree is \"" + tree.id() + "\"");
  for (std::size_t i = 0; i < set.measures.size(); ++i) {
    const auto& m = set.measures[i];
    for (std::size_t k = 0; k < m.evidences.size(); ++k) {
      const auto path = field_path("measures").index(i).field("evidences").index(k);
      const auto* node = tree.find(m.evidences[k]);
      if (node == nullptr)
        return problem(errc::unknown_criterion, set.source, path,
                       "\"" + m.evidences[k] + "\" is no node of " + tree.id());
      const bool results_item = node->kind == node_kind::item && node->evaluation == evaluation_type::results;
      const bool part = node->kind == node_kind::area || node->kind == node_kind::sub_item;
      if (!results_item && !part)
        return problem(errc::misplaced_node, set.source, path,
                       "a measure evidences a results item or an area of an item; " + m.evidences[k] + " is a " +
                           std::string(to_string(node->kind)) +
                           (node->kind == node_kind::item ? " scored on process" : ""));
    }
  }
  return std::nullopt;
}

series_point point_of(std::int64_t period, const nps_result& nps) {
  return {.period = period, .value = nps.nps, .se = nps.se};
}

series_point point_of(std::int64_t period, const csat_result& csat) {
  const double p = csat.csat / 100;
  const double se = csat.n == 0 ? 0.0 : 100 * std::sqrt(p * (1 - p) / static_cast<double>(csat.n));
  return {.period = period, .value = csat.csat, .se = se};
}

std::optional<diagnostic> validate(const series_set& series, const measure_set& set) {
  std::set<std::pair<std::string, std::string>> seen;
  const auto& file = series.source;
  for (std::size_t s = 0; s < series.series.size(); ++s) {
    const auto& one = series.series[s];
    // Where a series came from a file its rows name the problem; otherwise its path does.
    const auto at = [&](std::size_t point, const char* field) {
      if (one.rows.size() == one.points.size()) return field_path("rows").index(one.rows[point]).field(field);
      return field_path("series").index(s).field("points").index(point).field(field);
    };
    const auto series_path = one.rows.empty() ? field_path("series").index(s) : field_path("rows").index(one.rows[0]);
    if (set.find(one.measure) == nullptr)
      return problem(errc::unknown_reference, file, series_path.field("measure"),
                     "measure \"" + one.measure + "\" is not defined in the measures" +
                         (set.source.empty() ? std::string() : " (" + set.source + ")"));
    if (set.find_segment(one.segment) == nullptr)
      return problem(errc::unknown_reference, file, series_path.field("segment"),
                     "segment \"" + one.segment + "\" is not defined in the measures");
    if (!seen.insert({one.measure, one.segment}).second)
      return problem(errc::duplicate_id, file, series_path,
                     "a second series of measure \"" + one.measure + "\" for segment \"" + one.segment + "\"");
    if (one.points.empty())
      return problem(errc::missing_field, file, series_path, "series of \"" + one.measure + "\" has no values");
    for (std::size_t p = 0; p < one.points.size(); ++p) {
      const auto& point = one.points[p];
      if (p > 0 && point.period <= one.points[p - 1].period)
        return problem(point.period == one.points[p - 1].period ? errc::duplicate_id : errc::invalid_value, file,
                       at(p, "period"),
                       point.period == one.points[p - 1].period
                           ? "the period occurs twice in the series of \"" + one.measure + "\", \"" + one.segment + "\""
                           : std::string("periods must be in increasing order within a series"));
      if (!std::isfinite(point.value))
        return problem(errc::invalid_value, file, at(p, "value"), "a value must be a finite number");
      if (point.se && !(std::isfinite(*point.se) && *point.se >= 0))
        return problem(errc::invalid_value, file, at(p, "se"), "a standard error must be finite and non-negative");
      if (point.target && !std::isfinite(*point.target))
        return problem(errc::invalid_value, file, at(p, "target"), "a target must be a finite number");
      if (point.comparisons.size() != set.comparisons.size())
        return problem(errc::invalid_value, file, at(p, "comparisons"),
                       std::to_string(point.comparisons.size()) + " comparison values for " +
                           std::to_string(set.comparisons.size()) + " comparison sources");
      for (std::size_t c = 0; c < point.comparisons.size(); ++c)
        if (point.comparisons[c] && !std::isfinite(*point.comparisons[c]))
          return problem(errc::invalid_value, file, at(p, set.comparisons[c].id.c_str()),
                         "a comparison value must be a finite number");
    }
  }
  return std::nullopt;
}

}  // namespace excellence::inline v1
