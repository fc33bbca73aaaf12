// One node of a criteria tree: a category, item, sub-item, area or general clause.
#pragma once

#include <excellence/config.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// What a node is in the framework's hierarchy. Only categories and items carry points;
/// items are the scored level (an examiner gives each item one percent).
enum class node_kind {
  category,  ///< e.g. 4.3 顾客与市场; its points are the sum of its items'
  item,      ///< e.g. 4.3.3; scored as a whole by one percent
  sub_item,  ///< e.g. 4.3.3.2; structure and guidance, not scored separately
  area,      ///< e.g. 4.3.3.2.3; an area to address, where comments can be tied
  general,   ///< e.g. 4.3.1 总则 or the organizational profile; never scored
};

/// How a scored item is evaluated: process items on approach, deployment, learning and
/// integration (ADLI, 方法-展开-学习-整合); results items on levels, trends, comparisons and
/// integration (LeTCI, 水平-趋势-对比-整合).
enum class evaluation_type { process, results };

/// The two languages every title and guidance text may be given in.
enum class language { zh, en };

[[nodiscard]] constexpr std::string_view to_string(node_kind k) noexcept {
  switch (k) {
    case node_kind::category:
      return "category";
    case node_kind::item:
      return "item";
    case node_kind::sub_item:
      return "sub-item";
    case node_kind::area:
      return "area";
    case node_kind::general:
      return "general";
  }
  return "?";
}

[[nodiscard]] constexpr std::string_view to_string(evaluation_type e) noexcept {
  return e == evaluation_type::process ? "process" : "results";
}

[[nodiscard]] constexpr std::string_view to_string(language l) noexcept {
  return l == language::zh ? "zh" : "en";
}

/// Parses the spelling used in framework files ("sub-item"; "sub_item" is accepted too).
[[nodiscard]] constexpr std::optional<node_kind> parse_node_kind(std::string_view s) noexcept {
  if (s == "category") return node_kind::category;
  if (s == "item") return node_kind::item;
  if (s == "sub-item" || s == "sub_item") return node_kind::sub_item;
  if (s == "area") return node_kind::area;
  if (s == "general") return node_kind::general;
  return std::nullopt;
}

[[nodiscard]] constexpr std::optional<evaluation_type> parse_evaluation_type(std::string_view s) noexcept {
  if (s == "process") return evaluation_type::process;
  if (s == "results") return evaluation_type::results;
  return std::nullopt;
}

[[nodiscard]] constexpr std::optional<language> parse_language(std::string_view s) noexcept {
  if (s == "zh") return language::zh;
  if (s == "en") return language::en;
  return std::nullopt;
}

/// A node as data. Children are held by value, so a whole framework is one nested value
/// that mirrors its JSON file; criteria_tree validates it and indexes it for lookup.
struct criteria_node {
  std::string id{};  ///< clause number, e.g. "4.3.3.2.3"; a child's id extends its parent's
  node_kind kind = node_kind::item;
  std::string title_zh{};
  std::string title_en{};
  std::optional<evaluation_type> evaluation{};  ///< required on items, optional on categories
  /// Whole points, on categories and items only. Whole numbers keep every score exact:
  /// a percent (multiple of 5) times whole points is a whole number of hundredths.
  std::optional<std::int32_t> points{};
  std::string guidance_zh{};  ///< what the clause asks, in the standard's wording
  std::string guidance_en{};
  std::string note{};        ///< editorial note, e.g. an earlier edition's title
  std::string provenance{};  ///< where this node's points or text come from
  std::vector<criteria_node> children{};

  [[nodiscard]] bool is_scored_item() const noexcept { return kind == node_kind::item; }

  friend bool operator==(const criteria_node&, const criteria_node&) = default;
};

/// The node's title in `lang`, falling back to the other language when that one is empty.
[[nodiscard]] inline const std::string& title(const criteria_node& node, language lang) noexcept {
  const std::string& wanted = lang == language::zh ? node.title_zh : node.title_en;
  const std::string& other = lang == language::zh ? node.title_en : node.title_zh;
  return wanted.empty() ? other : wanted;
}

EXCELLENCE_END_NAMESPACE
