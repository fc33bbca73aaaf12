// assessment: one examiner's scores of one organization against one framework.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/score_band.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The evaluation dimensions of the scoring guidelines. Integration belongs to both
/// process (ADLI) and results (LeTCI) items.
enum class dimension { approach, deployment, learning, integration, levels, trends, comparisons };

[[nodiscard]] constexpr std::string_view to_string(dimension d) noexcept {
  switch (d) {
    case dimension::approach:
      return "approach";
    case dimension::deployment:
      return "deployment";
    case dimension::learning:
      return "learning";
    case dimension::integration:
      return "integration";
    case dimension::levels:
      return "levels";
    case dimension::trends:
      return "trends";
    case dimension::comparisons:
      return "comparisons";
  }
  return "?";
}

[[nodiscard]] constexpr std::optional<dimension> parse_dimension(std::string_view s) noexcept {
  for (auto d : {dimension::approach, dimension::deployment, dimension::learning, dimension::integration,
                 dimension::levels, dimension::trends, dimension::comparisons})
    if (to_string(d) == s) return d;
  return std::nullopt;
}

/// Whether a dimension is judged on items of this evaluation type.
[[nodiscard]] constexpr bool applies_to(dimension d, evaluation_type e) noexcept {
  if (d == dimension::integration) return true;
  const bool process_dimension = d == dimension::approach || d == dimension::deployment || d == dimension::learning;
  return process_dimension == (e == evaluation_type::process);
}

/// An examiner's band judgement on one dimension, as a percent (0–100, steps of 5).
struct dimension_judgement {
  excellence::v1::dimension dimension{};
  std::int32_t percent = 0;
  friend bool operator==(const dimension_judgement&, const dimension_judgement&) = default;
};

/// Which list a comment belongs to: what the organization does well, or what it could
/// improve (an "opportunity for improvement", OFI).
enum class comment_type { strength, opportunity };

[[nodiscard]] constexpr std::string_view to_string(comment_type t) noexcept {
  return t == comment_type::strength ? "strength" : "opportunity";
}

[[nodiscard]] constexpr std::optional<comment_type> parse_comment_type(std::string_view s) noexcept {
  if (s == "strength") return comment_type::strength;
  if (s == "opportunity") return comment_type::opportunity;
  return std::nullopt;
}

/// A strength or an opportunity for improvement, as examiners write them in a feedback
/// report: the observation, what it rests on, the dimension it speaks to, the area of the
/// criteria it answers and the organization's key factors it bears on. Its type is the
/// list it is kept in (item_assessment::strengths or ::opportunities).
struct comment {
  std::string text{};
  /// The node the comment answers: the item itself or a node below it (e.g. "4.3.3.2.3"
  /// for complaint management); "" when the comment concerns the item as a whole.
  std::string area{};
  std::string evidence{};  ///< what it rests on ("as evidenced by …"); "" when not said
  /// The evaluation dimension it speaks to; it must be one judged on the item's type
  /// (ADLI on process items, LeTCI on results items).
  std::optional<excellence::v1::dimension> dimension{};
  std::vector<std::string> key_factors{};  ///< ids of the assessment's key_factors it bears on
  friend bool operator==(const comment&, const comment&) = default;
};

/// A key factor of the organization's profile (its key customers, competitors,
/// strategic challenges…), which comments refer to by id.
struct key_factor {
  std::string id{};
  std::string text{};
  friend bool operator==(const key_factor&, const key_factor&) = default;
};

/// A key theme of the feedback: an observation that runs across several items, which a
/// feedback report puts first.
struct key_theme {
  comment_type type = comment_type::strength;
  std::string text{};
  std::vector<std::string> items{};  ///< the scored items it is drawn from
  friend bool operator==(const key_theme&, const key_theme&) = default;
};

/// The score of one item. Either `percent` is set, or the item is `not_assessed`.
struct item_assessment {
  std::string id{};
  std::optional<std::int32_t> percent{};
  bool not_assessed = false;
  std::vector<dimension_judgement> dimensions{};
  std::vector<comment> strengths{};
  std::vector<comment> opportunities{};
  friend bool operator==(const item_assessment&, const item_assessment&) = default;
};

/// One examiner's assessment (format excellence.assessment/1, docs/assessment-format.md).
struct assessment {
  /// A built-in framework id ("gbt19580-2012") or the path of a framework file.
  std::string framework{};
  std::string organization{};
  std::string examiner{};
  std::string date{};  ///< ISO 8601 calendar date, YYYY-MM-DD
  std::vector<item_assessment> items{};
  std::vector<key_factor> key_factors{};  ///< from the organization's profile; comments refer to them
  std::vector<key_theme> key_themes{};    ///< the feedback's key themes
  /// Where the assessment came from, for diagnostics ("" for values built in code).
  std::string source{};
  friend bool operator==(const assessment&, const assessment&) = default;
};

/// Whether a framework reference names a file rather than a built-in framework id.
[[nodiscard]] inline bool names_framework_file(std::string_view reference) noexcept {
  return reference.find('/') != std::string_view::npos || reference.find('\\') != std::string_view::npos ||
         reference.ends_with(".json");
}

/// Whether text is a real calendar date written YYYY-MM-DD (compiled: <chrono>'s calendar
/// stays out of this header).
[[nodiscard]] EXCELLENCE_API bool is_iso_date(std::string_view text) noexcept;

/// Checks everything about an assessment that does not need its framework: required
/// fields, the date, UTF-8 text, percents, dimension percents, duplicates, and that each
/// item has either a percent or not_assessed. Returns the first problem, with the JSON
/// path it has in the assessment file. Readers call this after parsing; scoring calls
/// it again so that values built in code get the same checks.
[[nodiscard]] inline std::optional<diagnostic> validate(const assessment& a) {
  const auto& file = a.source;
  auto fail = [&file](errc code, field_path path, std::string message) {
    return diagnostic{code, file, 0, 0, std::move(path), std::move(message)};
  };
  auto bad_text = [&](const field_path& path, std::string_view value) -> std::optional<diagnostic> {
    if (auto at = detail::first_invalid_utf8(value))
      return fail(errc::invalid_utf8, path, "invalid UTF-8 at byte " + std::to_string(*at));
    return std::nullopt;
  };
  const std::pair<const char*, const std::string*> header[] = {
      {"framework", &a.framework}, {"organization", &a.organization}, {"examiner", &a.examiner}, {"date", &a.date}};
  for (const auto& [field, value] : header) {
    if (value->empty()) return fail(errc::missing_field, field, std::string(field) + " is empty");
    if (auto bad = bad_text(field, *value)) return bad;
  }
  if (!is_iso_date(a.date))
    return fail(errc::invalid_value, "date", "\"" + a.date + "\" is not a calendar date written YYYY-MM-DD");

  std::set<std::string_view> factors;
  for (std::size_t k = 0; k < a.key_factors.size(); ++k) {
    const auto kpath = field_path("key_factors").index(k);
    const auto& factor = a.key_factors[k];
    if (factor.id.empty()) return fail(errc::missing_field, kpath.field("id"), "key factor id is empty");
    if (factor.text.empty()) return fail(errc::missing_field, kpath.field("text"), "key factor text is empty");
    for (const auto& [field, value] : {std::pair{"id", &factor.id}, {"text", &factor.text}})
      if (auto bad = bad_text(kpath.field(field), *value)) return bad;
    if (!factors.insert(factor.id).second)
      return fail(errc::duplicate_id, kpath.field("id"), "key factor " + factor.id + " is listed twice");
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& item = a.items[i];
    const auto path = field_path("items").index(i);
    if (item.id.empty()) return fail(errc::missing_field, path.field("id"), "id is empty");
    if (auto bad = bad_text(path.field("id"), item.id)) return bad;
    if (!seen.insert(item.id).second)
      return fail(errc::duplicate_id, path.field("id"), "item " + item.id + " is scored twice");
    if (item.not_assessed && item.percent)
      return fail(errc::invalid_value, path.field("percent"),
                  "item " + item.id + " has a percent but is marked not_assessed; give one or the other");
    if (!item.not_assessed && !item.percent)
      return fail(errc::missing_field, path.field("percent"),
                  "item " + item.id + " has no percent (mark it \"not_assessed\": true if it was not assessed)");
    if (item.percent)
      if (auto bad = check_percent(*item.percent, file, path.field("percent"))) return bad;
    std::set<dimension> judged;
    for (const auto& judgement : item.dimensions) {
      const auto dpath = path.field(to_string(judgement.dimension));
      if (!judged.insert(judgement.dimension).second) return fail(errc::duplicate_id, dpath, "dimension judged twice");
      if (auto bad = check_percent(judgement.percent, file, dpath)) return bad;
    }
    for (const auto* list : {&item.strengths, &item.opportunities}) {
      const char* list_name = list == &item.strengths ? "strengths" : "opportunities";
      for (std::size_t c = 0; c < list->size(); ++c) {
        const auto& remark = (*list)[c];
        const auto cpath = path.field(list_name).index(c);
        if (remark.text.empty()) return fail(errc::missing_field, cpath.field("text"), "comment text is empty");
        for (const auto& [field, value] :
             {std::pair{"text", &remark.text}, {"area", &remark.area}, {"evidence", &remark.evidence}})
          if (auto bad = bad_text(cpath.field(field), *value)) return bad;
        for (std::size_t k = 0; k < remark.key_factors.size(); ++k)
          if (!factors.contains(remark.key_factors[k]))
            return fail(errc::unknown_reference, cpath.field("key_factors").index(k),
                        "key factor \"" + remark.key_factors[k] + "\" is not among the assessment's key_factors");
      }
    }
  }
  for (std::size_t t = 0; t < a.key_themes.size(); ++t) {
    const auto& theme = a.key_themes[t];
    const auto tpath = field_path("key_themes").index(t);
    if (theme.text.empty()) return fail(errc::missing_field, tpath.field("text"), "key theme text is empty");
    if (auto bad = bad_text(tpath.field("text"), theme.text)) return bad;
    for (std::size_t i = 0; i < theme.items.size(); ++i)
      if (auto bad = bad_text(tpath.field("items").index(i), theme.items[i])) return bad;
  }
  return std::nullopt;
}

EXCELLENCE_END_NAMESPACE
