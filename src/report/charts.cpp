// The report's charts as SVG figures. Each places result values on a page; none computes
// a value of its own. Marks carry a class naming what they show (score, series, item,
// dimension, examiner, median, proposed, flagged, category, point), which is what the
// browser tests count.
#include <excellence/report/html.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/history.hpp>
#include <excellence/scoring/review.hpp>
#include <excellence/scoring/score.hpp>

#include "html_support.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace excellence::inline v1 {

namespace {

using html::coordinate;
using html::escape;
using html::text;
using html::tr;

// The percent axis shared by the band and spread charts: 0–100 % from x = 70 to 550.
constexpr double axis_left = 70;
constexpr double axis_width = 480;
double percent_x(double percent) {
  return axis_left + percent * axis_width / 100.0;
}

std::string rect(std::string_view cls, double x, double y, double w, double h, std::string_view extra = {}) {
  return "<rect class=\"" + std::string(cls) + "\" x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" width=\"" +
         coordinate(w) + "\" height=\"" + coordinate(h) + "\"" +
         (extra.empty() ? std::string() : " " + std::string(extra)) + "/>\n";
}

std::string percent_text(double value) {
  return detail::fixed(value, 1) + " %";
}

// Boundaries of the six bands on the percent axis: halfway between one band's highest
// percent and the next band's lowest, so that every percent sits inside its band.
std::vector<double> band_edges() {
  std::vector<double> edges{0};
  for (std::size_t i = 0; i + 1 < score_bands.size(); ++i)
    edges.push_back((score_bands[i].max_percent + score_bands[i + 1].min_percent) / 2.0);
  edges.push_back(100);
  return edges;
}

std::string band_scale(double top, double height) {
  std::string out;
  const auto edges = band_edges();
  for (std::size_t i = 0; i < score_bands.size(); ++i) {
    const double x = percent_x(edges[i]);
    const double w = percent_x(edges[i + 1]) - x;
    out += rect("band", x, top, w, height, i % 2 == 0 ? "fill=\"#eef2f7\"" : "fill=\"#dde5ef\"");
    out += text(x + w / 2, top - 4, escape(score_bands[i].label()), "text-anchor=\"middle\" class=\"axis-label\"");
  }
  return out;
}

std::string dimension_letter(dimension d, language lang) {
  switch (d) {
    case dimension::approach:
      return tr(lang, "A", "方法");
    case dimension::deployment:
      return tr(lang, "D", "展开");
    case dimension::learning:
      return tr(lang, "L", "学习");
    case dimension::integration:
      return tr(lang, "I", "整合");
    case dimension::levels:
      return tr(lang, "Le", "水平");
    case dimension::trends:
      return tr(lang, "T", "趋势");
    case dimension::comparisons:
      return tr(lang, "C", "对比");
  }
  return "?";
}

}  // namespace

std::string category_chart(const assessment_score& s, const criteria_tree& tree, language lang, std::string_view id) {
  struct row {
    std::string id;
    points score, max;
    std::string percent;
  };
  std::vector<row> rows;
  for (const auto& c : s.categories) rows.push_back({c.id, c.score, c.max, percent_text(c.percent())});
  if (rows.empty())
    for (const auto& i : s.items)
      rows.push_back({i.id, i.score, i.max, i.assessed ? std::to_string(i.percent) + " %" : ""});
  points largest{};
  for (const auto& r : rows) largest = std::max(largest, r.max);
  const double row_height = 28, top = 10, bar_width = 420, bar_left = 60;
  const double scale = largest.hundredths() == 0 ? 0 : bar_width / static_cast<double>(largest.hundredths());
  std::string body;
  std::string description;
  html::numbers_table numbers{{tr(lang, "Category", "类目"), tr(lang, "Title", "名称"), tr(lang, "Score", "得分"),
                               tr(lang, "Maximum", "满分"), tr(lang, "Percent", "得分率")},
                              {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const double y = top + static_cast<double>(i) * row_height;
    body += text(0, y + 17, escape(r.id), "class=\"row-label\"");
    body += rect("max", bar_left, y + 4, static_cast<double>(r.max.hundredths()) * scale, 18);
    body += rect("score", bar_left, y + 4, static_cast<double>(r.score.hundredths()) * scale, 18);
    body += text(bar_left + static_cast<double>(r.max.hundredths()) * scale + 8, y + 17,
                 r.score.to_string() + " / " + r.max.to_string(), "class=\"value\"");
    const auto* node = tree.find(r.id);
    numbers.rows.push_back({escape(r.id), node == nullptr ? std::string() : escape(title(*node, lang)),
                            r.score.to_string(), r.max.to_string(), r.percent});
    description += escape(r.id) + " " + r.score.to_string() + tr(lang, " of ", " / ") + r.max.to_string() +
                   tr(lang, " points", " 分") + (i + 1 < rows.size() ? "; " : ".");
  }
  const std::string title = tr(lang, "Scores against the maximum", "得分与满分");
  return html::figure(id, 640, top * 2 + static_cast<double>(rows.size()) * row_height, title,
                      tr(lang, "Bars of the score against the maximum: ", "各类目得分与满分的条形图:") + description,
                      body, numbers);
}

std::string radar_chart(std::span<const assessment_score> scores, std::span<const std::string> series,
                        const criteria_tree& tree, language lang, std::string_view id) {
  EXCELLENCE_EXPECTS(scores.size() == series.size());
  if (scores.empty() || scores.front().categories.size() < 3) return {};
  const auto& categories = scores.front().categories;
  const auto n = categories.size();
  const double cx = 200, cy = 195, radius = 150;
  auto at = [&](std::size_t k, double percent) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
    return std::pair{cx + radius * percent / 100.0 * std::cos(angle), cy + radius * percent / 100.0 * std::sin(angle)};
  };
  auto polygon = [&](std::string_view cls, auto percent_of, std::string_view extra) {
    std::string pts;
    for (std::size_t k = 0; k < n; ++k) {
      const auto [x, y] = at(k, percent_of(k));
      // Appended piece by piece: "" + std::string(...) (operator+ inserting at the front)
      // draws g++ 12's false -Wrestrict at -O3.
      if (k > 0) pts += ' ';
      pts += coordinate(x) + "," + coordinate(y);
    }
    return "<polygon class=\"" + std::string(cls) + "\" points=\"" + pts + "\" " + std::string(extra) + "/>\n";
  };
  std::string body;
  for (int ring = 20; ring <= 100; ring += 20) {
    body += polygon(
        "grid", [ring](std::size_t) { return ring; }, "fill=\"none\"");
    const auto [x, y] = at(0, ring);
    body += text(x + 3, y + 4, std::to_string(ring) + "%", "class=\"axis-label\"");
  }
  for (std::size_t k = 0; k < n; ++k) {
    const auto [x, y] = at(k, 100);
    body += "<line class=\"axis\" x1=\"" + coordinate(cx) + "\" y1=\"" + coordinate(cy) + "\" x2=\"" + coordinate(x) +
            "\" y2=\"" + coordinate(y) + "\"/>\n";
    const auto [lx, ly] = at(k, 112);
    body += text(lx, ly + 4, escape(categories[k].id), "text-anchor=\"middle\" class=\"row-label\"");
  }
  html::numbers_table numbers{{tr(lang, "Category", "类目")}, {}};
  std::string description;
  for (std::size_t s = 0; s < scores.size(); ++s) {
    const auto colour = std::string(html::series_colour(s));
    body += polygon(
        "series", [&](std::size_t k) { return scores[s].categories[k].percent(); },
        "fill=\"" + colour + "\" fill-opacity=\"0.12\" stroke=\"" + colour + "\"");
    const double ly = 30 + static_cast<double>(s) * 22;
    body += "<line class=\"legend\" x1=\"420\" y1=\"" + coordinate(ly - 4) + "\" x2=\"444\" y2=\"" +
            coordinate(ly - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"3\"/>\n";
    body += text(452, ly, escape(series[s]), "class=\"legend-label\"");
    numbers.header.push_back(escape(series[s]));
    description += escape(series[s]) + ": ";
    for (std::size_t k = 0; k < n; ++k)
      description += escape(categories[k].id) + " " + percent_text(scores[s].categories[k].percent()) +
                     (k + 1 < n ? ", " : (s + 1 < scores.size() ? "; " : "."));
  }
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<std::string> row{html::node_name(tree, categories[k].id, lang)};
    for (const auto& s : scores) row.push_back(percent_text(s.categories[k].percent()));
    numbers.rows.push_back(std::move(row));
  }
  return html::figure(
      id, 640, 390, tr(lang, "Category percents of the maximum", "各类目得分率"),
      tr(lang, "Radar of each category's score as a percent of its maximum. ", "各类目得分占满分百分比的雷达图。") +
          description,
      body, numbers);
}

std::string band_chart(const assessment_score& s, const criteria_tree& tree, std::string_view category, language lang,
                       std::string_view id) {
  std::vector<const item_score*> items;
  for (const auto& i : s.items)
    if (category.empty() || i.category == category) items.push_back(&i);
  const double top = 26, row_height = 58;
  const double height = top + static_cast<double>(items.size()) * row_height + 6;
  std::string body = band_scale(top, height - top - 6);
  html::numbers_table numbers{{tr(lang, "Item", "评分项"), tr(lang, "Percent", "得分率"), tr(lang, "Band", "分数段"),
                               tr(lang, "Dimensions", "维度评价")},
                              {}};
  std::string description;
  for (std::size_t r = 0; r < items.size(); ++r) {
    const auto& item = *items[r];
    const double mid = top + static_cast<double>(r) * row_height + 20;
    body += text(0, mid + 5, escape(item.id), "class=\"row-label\"");
    if (!item.assessed) {
      body += text(percent_x(50), mid + 5, tr(lang, "not assessed", "未评价"), "text-anchor=\"middle\"");
      numbers.rows.push_back({html::node_name(tree, item.id, lang), tr(lang, "not assessed", "未评价"), "", ""});
      description += escape(item.id) + tr(lang, " not assessed", " 未评价") + (r + 1 < items.size() ? "; " : ".");
      continue;
    }
    body += "<circle class=\"item\" cx=\"" + coordinate(percent_x(item.percent)) + "\" cy=\"" + coordinate(mid) +
            "\" r=\"7\"/>\n";
    body += text(percent_x(item.percent) + 11, mid - 6, std::to_string(item.percent) + "%", "class=\"value\"");
    std::map<std::int32_t, int> stacked;  // judgements at one percent are stacked downwards
    std::string judged;
    for (const auto& j : item.dimensions) {
      const double x = percent_x(j.percent);
      const double y = mid + 16 + 11 * stacked[j.percent]++;
      body += "<path class=\"dimension\" d=\"M" + coordinate(x) + "," + coordinate(y - 5) + " l4,6 h-8 z\"/>\n";
      body += text(x + 6, y + 1, dimension_letter(j.dimension, lang), "class=\"dimension-label\"");
      judged += (judged.empty() ? "" : ", ") + html::dimension_name(j.dimension, lang) + " " +
                std::to_string(j.percent) + "%";
    }
    numbers.rows.push_back(
        {html::node_name(tree, item.id, lang), std::to_string(item.percent) + "%", escape(item.band->label()), judged});
    description += escape(item.id) + " " + std::to_string(item.percent) + "% (" + escape(item.band->label()) + ")" +
                   (judged.empty() ? "" : ": " + judged) + (r + 1 < items.size() ? "; " : ".");
  }
  return html::figure(id, 640, height, tr(lang, "Items on the six scoring bands", "评分项在六个分数段中的位置"),
                      tr(lang, "Each item's percent on the six-band scale, with its dimension judgements below it: ",
                         "各评分项得分率在六个分数段上的位置,下方标出各维度评价:") +
                          description,
                      body, numbers);
}

std::string spread_chart(const consensus_result& c, language lang, std::string_view id) {
  const double top = 44, row_height = 26;
  const double height = top + static_cast<double>(c.items.size()) * row_height + 6;
  std::string body = band_scale(top, height - top - 6);
  // Legend: one colour per examiner, then the median and the proposed percent.
  double lx = 0;
  for (std::size_t k = 0; k < c.scores.size(); ++k) {
    body += "<circle class=\"legend\" cx=\"" + coordinate(lx + 5) + "\" cy=\"8\" r=\"4\" fill=\"" +
            html::series_colour(k) + "\"/>\n";
    const auto name = escape(c.scores[k].examiner);
    body += text(lx + 12, 12, name, "class=\"legend-label\"");
    lx += 24 + 6.5 * static_cast<double>(std::min<std::size_t>(name.size(), 28));
  }
  body += text(lx, 12, tr(lang, "| median  ◇ proposed", "| 中位数  ◇ 建议分"), "class=\"legend-label\"");
  html::numbers_table numbers{{tr(lang, "Item", "评分项")}, {}};
  for (const auto& s : c.scores) numbers.header.push_back(escape(s.examiner));
  for (const char* h : {tr(lang, "Median", "中位数"), tr(lang, "Proposed", "建议分"), tr(lang, "Range", "极差"),
                        tr(lang, "Flagged", "需讨论")})
    numbers.header.emplace_back(h);
  std::string description;
  for (std::size_t r = 0; r < c.items.size(); ++r) {
    const auto& item = c.items[r];
    const double y0 = top + static_cast<double>(r) * row_height;
    const double mid = y0 + row_height / 2;
    if (item.flagged) body += rect("flagged", 0, y0 + 1, 640, row_height - 2);
    body += text(0, mid + 4, escape(item.id), "class=\"row-label\"");
    std::vector<std::string> row{escape(item.id)};
    std::string given;
    const double n = static_cast<double>(item.percents.size());
    for (std::size_t k = 0; k < item.percents.size(); ++k) {
      if (!item.percents[k]) {
        row.emplace_back("–");
        continue;
      }
      const double dy = (static_cast<double>(k) - (n - 1) / 2) * 5;
      body += "<circle class=\"examiner\" cx=\"" + coordinate(percent_x(*item.percents[k])) + "\" cy=\"" +
              coordinate(mid + dy) + "\" r=\"4.5\" fill=\"" + html::series_colour(k) + "\"/>\n";
      row.push_back(std::to_string(*item.percents[k]) + "%");
      given += (given.empty() ? "" : ", ") + std::to_string(*item.percents[k]) + "%";
    }
    if (!item.statistics) {
      for (int k = 0; k < 4; ++k) row.emplace_back();
      numbers.rows.push_back(std::move(row));
      description += escape(item.id) + tr(lang, " not assessed", " 未评价") + "; ";
      continue;
    }
    const auto& st = *item.statistics;
    const double mx = percent_x(st.median);
    body += "<line class=\"median\" x1=\"" + coordinate(mx) + "\" y1=\"" + coordinate(mid - 10) + "\" x2=\"" +
            coordinate(mx) + "\" y2=\"" + coordinate(mid + 10) + "\"/>\n";
    const double px = percent_x(st.proposed);
    // A hollow diamond around the row's centre: the examiners' dots stay visible inside it.
    body +=
        "<path class=\"proposed\" d=\"M" + coordinate(px) + "," + coordinate(mid - 9) + " l9,9 l-9,9 l-9,-9 z\"/>\n";
    row.push_back(detail::fixed(st.median, 1) + "%");
    row.push_back(std::to_string(st.proposed) + "%");
    row.push_back(std::to_string(st.range));
    row.emplace_back(item.flagged ? tr(lang, "discuss", "讨论") : "");
    numbers.rows.push_back(std::move(row));
    description += escape(item.id) + " " + given + tr(lang, ", median ", ",中位数 ") + detail::fixed(st.median, 1) +
                   tr(lang, "%, proposed ", "%,建议 ") + std::to_string(st.proposed) + "%" +
                   (item.flagged ? tr(lang, " (flagged)", "(需讨论)") : "") + "; ";
  }
  return html::figure(id, 640, height, tr(lang, "Examiners' percents per item", "各评审员对评分项的评分"),
                      tr(lang,
                         "One dot per examiner per item on the six-band scale, with the median and the proposed "
                         "percent; items whose range reaches the flag range are highlighted: ",
                         "每个评分项上每位评审员一个点,标出中位数与建议分;极差达到讨论阈值的评分项突出显示:") +
                          description,
                      body, numbers);
}

std::string history_chart(const score_history& h, const criteria_tree& tree, language lang, std::string_view id) {
  const double left = 60, right = 520, top = 20, bottom = 300;
  const auto records = h.scores.size();
  auto x_of = [&](std::size_t k) {
    return records < 2 ? (left + right) / 2
                       : left + (right - left) * static_cast<double>(k) / static_cast<double>(records - 1);
  };
  auto y_of = [&](double percent) { return bottom - (bottom - top) * percent / 100.0; };
  std::string body;
  for (int p = 0; p <= 100; p += 20) {
    body += "<line class=\"grid\" x1=\"" + coordinate(left) + "\" y1=\"" + coordinate(y_of(p)) + "\" x2=\"" +
            coordinate(right) + "\" y2=\"" + coordinate(y_of(p)) + "\"/>\n";
    body += text(left - 8, y_of(p) + 4, std::to_string(p) + "%", "text-anchor=\"end\" class=\"axis-label\"");
  }
  for (std::size_t k = 0; k < records; ++k)
    body += text(x_of(k), bottom + 20, escape(h.scores[k].date), "text-anchor=\"middle\" class=\"axis-label\"");
  html::numbers_table numbers{{tr(lang, "Category", "类目")}, {}};
  for (const auto& s : h.scores) numbers.header.push_back(escape(s.date));
  for (std::size_t k = 1; k < records; ++k)
    numbers.header.push_back(tr(lang, "Change to ", "变化至 ") + escape(h.scores[k].date));
  std::string description;
  for (std::size_t c = 0; c < h.categories.size(); ++c) {
    const auto& cat = h.categories[c];
    const auto colour = std::string(html::series_colour(c));
    std::string pts;
    std::vector<std::string> row{html::node_name(tree, cat.id, lang)};
    description += escape(cat.id) + ":";
    for (std::size_t k = 0; k < records; ++k) {
      const double percent = h.scores[k].categories[c].percent();
      if (k > 0) pts += ' ';
      pts += coordinate(x_of(k)) + "," + coordinate(y_of(percent));
      body += "<circle class=\"point\" cx=\"" + coordinate(x_of(k)) + "\" cy=\"" + coordinate(y_of(percent)) +
              "\" r=\"3.5\" fill=\"" + colour + "\"/>\n";
      row.push_back(cat.scores[k].to_string() + " / " + cat.max.to_string() + " (" + percent_text(percent) + ")");
      description += ' ';
      description += escape(h.scores[k].date) + " " + cat.scores[k].to_string() + tr(lang, " points", " 分");
    }
    for (const auto& change : cat.changes) row.push_back(change ? html::signed_points(*change) : tr(lang, "n/a", "无"));
    description += c + 1 < h.categories.size() ? "; " : ".";
    numbers.rows.push_back(std::move(row));
    body += "<polyline class=\"category\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + pts +
            "\"/>\n";
    const double last = h.scores.back().categories[c].percent();
    body += text(right + 8, y_of(last) + 4, escape(cat.id), "class=\"row-label\" fill=\"" + colour + "\"");
  }
  return html::figure(id, 640, bottom + 32, tr(lang, "Category percents over the years", "各类目得分率的历年变化"),
                      tr(lang, "One line per category, its score as a percent of its maximum in each record: ",
                         "每个类目一条线,表示各次记录中得分占满分的百分比:") +
                          description,
                      body, numbers);
}

result<std::string> try_chart(const review& r, const criteria_tree& tree, chart_kind kind, std::string_view category,
                              language lang) {
  const auto& lead = r.scores[r.lead()];
  switch (kind) {
    case chart_kind::categories:
      return category_chart(lead, tree, lang);
    case chart_kind::radar:
      return radar_chart(r.scores, r.series(), tree, lang);
    case chart_kind::bands:
      return band_chart(lead, tree, category, lang);
    case chart_kind::spread:
      if (r.consensus) return spread_chart(*r.consensus, lang);
      break;
    case chart_kind::history:
      if (r.history) return history_chart(*r.history, tree, lang);
      break;
  }
  return diagnostic{
      errc::invalid_value,
      "",
      0,
      0,
      "chart",
      "a " + std::string(to_string(r.kind)) + " report has no " + std::string(to_string(kind)) + " chart"};
}

std::string chart(const review& r, const criteria_tree& tree, chart_kind kind, std::string_view category,
                  language lang) {
  return try_chart(r, tree, kind, category, lang).value();
}

}  // namespace excellence::inline v1
