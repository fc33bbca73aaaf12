// Internal to the HTML renderers: escaping, the built-in words of both languages, and the
// frame every chart shares (a figure with its SVG, caption and numbers table).
#pragma once

#include <excellence/criteria/node.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/points.hpp>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace excellence::inline v1::html {

/// Text for an HTML text node or a double-quoted attribute. Text that is not UTF-8 is
/// refused (data_error, invalid_utf8): a browser would show it as replacement characters.
inline std::string escape(std::string_view text) {
  if (auto at = detail::first_invalid_utf8(text))
    throw data_error({errc::invalid_utf8, "", 0, 0, "", "report text is not UTF-8 at byte " + std::to_string(*at)});
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// The word of `lang`: every built-in title is given in both languages where it is used.
inline const char* tr(language lang, const char* en, const char* zh) {
  return lang == language::zh ? zh : en;
}

// Every report page: print to A4 with repeated table headers; CJK text breaks between
// characters (line-break: strict keeps closing punctuation on its line), Latin text between
// words, an over-long token (a URL in evidence) wherever it must rather than overflowing the
// page; break-word, unlike anywhere, leaves table columns their words.
inline constexpr const char* page_stylesheet = R"(
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
  "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.5; color: #1b1f24;
  max-width: 190mm; margin: 0 auto; padding: 8px 12px; overflow-wrap: break-word; line-break: strict; }
h1 { font-size: 20pt; margin: 0 0 4px 0; } h2 { font-size: 14pt; margin: 18px 0 6px 0; border-bottom: 2px solid #1f5fa8; }
h3 { font-size: 11.5pt; margin: 14px 0 4px 0; } h4 { font-size: 10.5pt; margin: 8px 0 2px 0; }
.subtitle { color: #4a5562; margin: 0 0 10px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
dl.facts dt { color: #4a5562; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px 0; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #d5dbe3; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
thead { display: table-header-group; }
tr, figure, li, .item-head { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
)";

/// A report page up to its <body>: the language, the (escaped) title, the page's stylesheet
/// and the report's own `style`; no script, font, image or URL (the icon is an empty data
/// URL, so that a browser does not ask the server for one).
inline std::string page_start(language lang, const std::string& title, std::string_view style) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::zh ? "zh-CN" : "en") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
         title + "</title>\n<style>" + page_stylesheet + std::string(style) + "</style>\n</head>\n<body>\n";
}

/// A number for an SVG coordinate: two decimals are finer than any screen or printer.
inline std::string coordinate(double value) {
  return detail::fixed(value, 2);
}

/// A round step for a value axis: 1, 2 or 5 times a power of ten that divides `span` (> 0)
/// into at most `intervals` parts.
inline double grid_step(double span, double intervals) {
  const double raw = span / intervals;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

/// An SVG text element at (x, y) with escaped `content` and extra `attributes`.
inline std::string text(double x, double y, const std::string& content, std::string_view attributes = {}) {
  return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\"" +
         (attributes.empty() ? std::string() : " " + std::string(attributes)) + ">" + content + "</text>\n";
}

/// The node's id and title in `lang` ("4.3 顾客与市场"), escaped.
inline std::string node_name(const criteria_tree& tree, std::string_view id, language lang) {
  const auto* node = tree.find(id);
  return escape(node == nullptr ? std::string(id) : std::string(id) + " " + title(*node, lang));
}

/// A table of the numbers a chart draws: header cells, then rows of cells (already
/// escaped text).
struct numbers_table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// A chart's figure: `svg_body` drawn in a viewBox of width × height, labelled by `title`
/// (the SVG's <title> and the caption) and described by `description` (its <desc>, what a
/// screen reader says instead of the picture), followed by its numbers.
inline std::string figure(std::string_view id, double width, double height, const std::string& title,
                          const std::string& description, const std::string& svg_body, const numbers_table& numbers) {
  const std::string ident(id);
  std::string out = "<figure class=\"chart\" id=\"" + ident + "\">\n";
  out += "<svg role=\"img\" viewBox=\"0 0 " + coordinate(width) + " " + coordinate(height) + "\" aria-labelledby=\"" +
         ident + "-title " + ident + "-desc\">\n";
  out += "<title id=\"" + ident + "-title\">" + title + "</title>\n";
  out += "<desc id=\"" + ident + "-desc\">" + description + "</desc>\n";
  out += svg_body;
  out += "</svg>\n<figcaption>" + title + "</figcaption>\n";
  out += "<table class=\"numbers\">\n<thead><tr>";
  for (const auto& h : numbers.header) out += "<th scope=\"col\">" + h + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : numbers.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i == 0 ? "<th scope=\"row\">" : "<td>") + row[i] + (i == 0 ? "</th>" : "</td>");
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</figure>\n";
  return out;
}

/// A dimension's name in `lang`.
inline std::string dimension_name(dimension d, language lang) {
  switch (d) {
    case dimension::approach:
      return tr(lang, "approach", "方法");
    case dimension::deployment:
      return tr(lang, "deployment", "展开");
    case dimension::learning:
      return tr(lang, "learning", "学习");
    case dimension::integration:
      return tr(lang, "integration", "整合");
    case dimension::levels:
      return tr(lang, "levels", "水平");
    case dimension::trends:
      return tr(lang, "trends", "趋势");
    case dimension::comparisons:
      return tr(lang, "comparisons", "对比");
  }
  return "?";
}

/// A change of points with its sign: "+9", "-2.5", "±0".
inline std::string signed_points(points change) {
  if (change.hundredths() == 0) return "±0";
  return (change.hundredths() > 0 ? "+" : "") + change.to_string();
}

/// A change of percent with its sign: "+10", "-5", "±0".
inline std::string signed_percent(std::int32_t change) {
  if (change == 0) return "±0";
  return (change > 0 ? "+" : "") + std::to_string(change);
}

/// Colours of the series (examiners, years), chosen to stay apart in grey print too.
inline const char* series_colour(std::size_t i) {
  static constexpr const char* colours[] = {"#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d4860b", "#5d6d7e"};
  return colours[i % (sizeof colours / sizeof colours[0])];
}

/// The evidence of a results item in the report (src/report/evidence_html.cpp): the band
/// each dimension supports and why, what has no measure, the warnings against the
/// examiners' judgements (each with its examiner), a trend chart per key series.
std::string evidence_section(const results_evidence& e, const item_evidence& item,
                             const std::vector<std::pair<std::string, diagnostic>>& warnings, language lang,
                             std::string_view prefix);

/// The pictures of a PLS model (src/report/pls_svg.cpp) in `lang`: with an `id` the SVG
/// element carries it, its inner ids are prefixed by it and its style rules are scoped to
/// it, so that several pictures share a page (the model report); without one, a
/// standalone document.
std::string path_diagram(const pls_fit& fit, const pls_bootstrap_result* bootstrap, language lang, std::string_view id);
std::string ipma_map(const pls_ipma_result& ipma, bool indicators, language lang, std::string_view id);

}  // namespace excellence::inline v1::html
