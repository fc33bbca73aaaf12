// Measure definitions: what an organization measures of its customers and markets, which
// criteria it evidences, and what it is compared with.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// Which way a measure improves: satisfaction and retention up, complaints and response
/// times down. Every gap and trend the library reports is signed by it, so that positive
/// always means better.
enum class better { higher, lower };

inline constexpr detail::enum_names<better, 2> better_names{{{{better::higher, "higher"}, {better::lower, "lower"}}}};
[[nodiscard]] constexpr std::string_view to_string(better b) noexcept {
  return better_names.name(b);
}
[[nodiscard]] constexpr std::optional<better> parse_better(std::string_view s) noexcept {
  return better_names.parse(s);
}

/// What a comparison value is: a named competitor, a benchmark (best in class, best
/// practice) or an industry average. Leadership is judged against all of them.
enum class comparison_kind { competitor, benchmark, industry_average };

inline constexpr detail::enum_names<comparison_kind, 3> comparison_kind_names{
    {{{comparison_kind::competitor, "competitor"},
      {comparison_kind::benchmark, "benchmark"},
      {comparison_kind::industry_average, "industry_average"}}}};
[[nodiscard]] constexpr std::string_view to_string(comparison_kind k) noexcept {
  return comparison_kind_names.name(k);
}
[[nodiscard]] constexpr std::optional<comparison_kind> parse_comparison_kind(std::string_view s) noexcept {
  return comparison_kind_names.parse(s);
}

/// An id with its names in both languages: a key customer requirement ("交付及时" /
/// "on-time delivery") or a customer segment.
struct named_entry {
  std::string id{};
  std::string name_zh{};
  std::string name_en{};
  friend bool operator==(const named_entry&, const named_entry&) = default;
};

/// A source of comparison values; series give one value per period for it (a column of
/// the series file named by its id).
struct comparison_source {
  std::string id{};
  std::string name_zh{};
  std::string name_en{};
  comparison_kind kind = comparison_kind::competitor;
  friend bool operator==(const comparison_source&, const comparison_source&) = default;
};

/// One customer or market measure.
struct measure {
  std::string id{};
  std::string name_zh{};
  std::string name_en{};
  std::string unit{};  ///< "%", "points", "per 1,000 orders": shown, never converted
  excellence::v1::better better = better::higher;
  /// The criteria it evidences: results items (4.7.3) and areas of the process items
  /// (4.3.3.3.1), by id of the framework.
  std::vector<std::string> evidences{};
  /// The key requirements it speaks to (ids of measure_set::requirements).
  std::vector<std::string> requirements{};
  /// A key measure: one the organization names among its key results. Band rules about
  /// "key areas" count these.
  bool key = false;
  /// The level aimed for; a series may set a target per period instead.
  std::optional<double> target{};
  friend bool operator==(const measure&, const measure&) = default;
};

/// The measure definitions of one organization (file format excellence.measures/1,
/// docs/evidence.md).
struct measure_set {
  std::string source{};     ///< file name, for diagnostics
  std::string framework{};  ///< the criteria the measures evidence, e.g. gbt19580-2012
  std::string organization{};
  time_unit period_unit = time_unit::year;  ///< how the series' period labels are read
  std::vector<named_entry> requirements{};  ///< the key customer requirements
  std::vector<named_entry> segments{};      ///< the customer segments series are given for
  std::vector<comparison_source> comparisons{};
  std::vector<excellence::v1::measure> measures{};

  /// The measure with this id, or nullptr.
  [[nodiscard]] const excellence::v1::measure* find(std::string_view id) const noexcept { return by_id(measures, id); }
  /// The key requirement with this id, or nullptr.
  [[nodiscard]] const named_entry* find_requirement(std::string_view id) const noexcept {
    return by_id(requirements, id);
  }
  /// The segment with this id, or nullptr.
  [[nodiscard]] const named_entry* find_segment(std::string_view id) const noexcept { return by_id(segments, id); }
  friend bool operator==(const measure_set&, const measure_set&) = default;

 private:
  template <class Entry>
  static const Entry* by_id(const std::vector<Entry>& list, std::string_view id) noexcept {
    for (const auto& entry : list)
      if (entry.id == id) return &entry;
    return nullptr;
  }
};

/// The name in `lang`, falling back to the other language, then to the id.
template <class Named>
[[nodiscard]] const std::string& name_of(const Named& entry, language lang) noexcept {
  const std::string& wanted = lang == language::zh ? entry.name_zh : entry.name_en;
  const std::string& other = lang == language::zh ? entry.name_en : entry.name_zh;
  return !wanted.empty() ? wanted : !other.empty() ? other : entry.id;
}

/// Checks a measure set on its own: ids non-empty and unique within each list, every
/// requirement a measure names defined, a target finite. Errors name the JSON path
/// (measures[2].requirements[0]). Ids of the criteria are checked against a tree by
/// check_measures.
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> validate(const measure_set& set);

class criteria_tree;

/// Checks the criteria a measure evidences against the framework's tree: every id a node
/// (unknown_criterion), a results item or an area / sub-item of a scored item (a measure
/// cannot evidence a category or a general clause: misplaced_node), and the set's
/// framework the tree's (framework_mismatch).
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> check_measures(const measure_set& set,
                                                                      const criteria_tree& tree);

EXCELLENCE_END_NAMESPACE
