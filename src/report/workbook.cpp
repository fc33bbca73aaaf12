// The report's tables (shared by the CSV and XLSX writers) and their CSV form.
#include <excellence/detail/strings.hpp>
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

#include "html_support.hpp"
#include "tables.hpp"

#include <algorithm>

namespace excellence::inline v1 {

namespace tables {

namespace {

using html::tr;

std::string node_title(const criteria_tree& tree, std::string_view id, language lang) {
  const auto* node = tree.find(id);
  return node == nullptr ? std::string() : title(*node, lang);
}

cell number(double v) {
  return v;
}
cell number(points p) {
  return p.value();
}
cell optional_number(const std::optional<std::int32_t>& v) {
  return v ? cell(static_cast<double>(*v)) : cell(std::monostate{});
}

// The columns every per-assessment table starts with, and their cells.
void assessment_columns(table& t, language lang) {
  t.columns.push_back({"examiner", tr(lang, "Examiner", "评审员"), column_kind::text});
  t.columns.push_back({"date", tr(lang, "Date", "日期"), column_kind::text});
}

constexpr dimension all_dimensions[] = {dimension::approach,    dimension::deployment, dimension::learning,
                                        dimension::integration, dimension::levels,     dimension::trends,
                                        dimension::comparisons};

table scores(const review& r, const criteria_tree& tree, language lang) {
  table t{tr(lang, "scores", "评分"), {}, {}};
  assessment_columns(t, lang);
  t.columns.insert(t.columns.end(), {{"item", tr(lang, "Item", "评分项"), column_kind::text},
                                     {"title", tr(lang, "Title", "名称"), column_kind::wide_text},
                                     {"category", tr(lang, "Category", "类目"), column_kind::text},
                                     {"evaluation", tr(lang, "Evaluation", "评价类型"), column_kind::text},
                                     {"assessed", tr(lang, "Assessed", "已评价"), column_kind::text},
                                     {"percent", tr(lang, "Percent", "得分率"), column_kind::percent},
                                     {"band", tr(lang, "Band", "分数段"), column_kind::text},
                                     {"score", tr(lang, "Score", "得分"), column_kind::points},
                                     {"max", tr(lang, "Points", "分值"), column_kind::points}});
  for (auto d : all_dimensions)
    t.columns.push_back({std::string(to_string(d)), html::dimension_name(d, lang), column_kind::percent});
  for (const auto& s : r.scores)
    for (const auto& item : s.items) {
      std::vector<cell> row{s.examiner,
                            s.date,
                            item.id,
                            node_title(tree, item.id, lang),
                            item.category,
                            std::string(to_string(item.evaluation)),
                            std::string(item.assessed ? "yes" : "no"),
                            item.assessed ? number(item.percent) : cell{},
                            item.band ? cell(item.band->label()) : cell{},
                            number(item.score),
                            number(item.max)};
      for (auto d : all_dimensions) {
        const auto judged = std::find_if(item.dimensions.begin(), item.dimensions.end(),
                                         [d](const dimension_judgement& j) { return j.dimension == d; });
        row.push_back(judged == item.dimensions.end() ? cell{} : number(judged->percent));
      }
      t.rows.push_back(std::move(row));
    }
  return t;
}

table categories(const review& r, const criteria_tree& tree, language lang) {
  table t{tr(lang, "categories", "类目"), {}, {}};
  assessment_columns(t, lang);
  t.columns.insert(t.columns.end(), {{"category", tr(lang, "Category", "类目"), column_kind::text},
                                     {"title", tr(lang, "Title", "名称"), column_kind::wide_text},
                                     {"score", tr(lang, "Score", "得分"), column_kind::points},
                                     {"max", tr(lang, "Points", "分值"), column_kind::points},
                                     {"percent", tr(lang, "Percent of points", "得分率"), column_kind::percent_1},
                                     {"items", tr(lang, "Items", "评分项数"), column_kind::count},
                                     {"items_assessed", tr(lang, "Items assessed", "已评价项数"), column_kind::count}});
  for (const auto& s : r.scores)
    for (const auto& c : s.categories)
      t.rows.push_back({s.examiner, s.date, c.id, node_title(tree, c.id, lang), number(c.score), number(c.max),
                        number(c.percent()), number(static_cast<double>(c.items)),
                        number(static_cast<double>(c.items_assessed))});
  return t;
}

table consensus(const consensus_result& c, const criteria_tree& tree, language lang) {
  table t{tr(lang, "consensus", "共识"), {}, {}};
  t.columns.push_back({"item", tr(lang, "Item", "评分项"), column_kind::text});
  t.columns.push_back({"title", tr(lang, "Title", "名称"), column_kind::wide_text});
  for (const auto& s : c.scores) t.columns.push_back({s.examiner, s.examiner, column_kind::percent});
  t.columns.insert(t.columns.end(), {{"n", tr(lang, "Examiners", "评审员数"), column_kind::count},
                                     {"mean", tr(lang, "Mean", "平均"), column_kind::statistic},
                                     {"median", tr(lang, "Median", "中位数"), column_kind::percent_1},
                                     {"min", tr(lang, "Lowest", "最低"), column_kind::percent},
                                     {"max", tr(lang, "Highest", "最高"), column_kind::percent},
                                     {"range", tr(lang, "Range", "极差"), column_kind::count},
                                     {"standard_deviation", tr(lang, "SD", "标准差"), column_kind::statistic},
                                     {"proposed", tr(lang, "Proposed", "建议分"), column_kind::percent},
                                     {"flagged", tr(lang, "Flagged", "需讨论"), column_kind::text}});
  for (const auto& item : c.items) {
    std::vector<cell> row{item.id, node_title(tree, item.id, lang)};
    for (const auto& p : item.percents) row.push_back(optional_number(p));
    row.push_back(number(static_cast<double>(item.n)));
    if (const auto& st = item.statistics) {
      row.insert(row.end(), {number(st->mean), number(st->median), number(st->min), number(st->max), number(st->range),
                             st->standard_deviation ? number(*st->standard_deviation) : cell{}, number(st->proposed)});
    } else {
      row.resize(row.size() + 7);
    }
    row.emplace_back(std::string(item.flagged ? "yes" : "no"));
    t.rows.push_back(std::move(row));
  }
  return t;
}

table history(const score_history& h, const criteria_tree& tree, language lang) {
  table t{tr(lang, "history", "历年"), {}, {}};
  t.columns.push_back({"item", tr(lang, "Item", "评分项"), column_kind::text});
  t.columns.push_back({"title", tr(lang, "Title", "名称"), column_kind::wide_text});
  for (const auto& s : h.scores) t.columns.push_back({s.date, s.date, column_kind::percent});
  for (std::size_t k = 1; k < h.scores.size(); ++k)
    t.columns.push_back(
        {"change_" + h.scores[k].date, tr(lang, "Change to ", "变化至 ") + h.scores[k].date, column_kind::count});
  for (const auto& item : h.items) {
    std::vector<cell> row{item.id, node_title(tree, item.id, lang)};
    for (const auto& p : item.percents) row.push_back(optional_number(p));
    for (const auto& change : item.changes) row.push_back(optional_number(change));
    t.rows.push_back(std::move(row));
  }
  return t;
}

table comments(const review& r, const criteria_tree& tree, language lang) {
  table t{tr(lang, "comments", "评语"), {}, {}};
  assessment_columns(t, lang);
  t.columns.insert(t.columns.end(), {{"item", tr(lang, "Item", "评分项"), column_kind::text},
                                     {"type", tr(lang, "Type", "类型"), column_kind::text},
                                     {"text", tr(lang, "Comment", "评语"), column_kind::wide_text},
                                     {"area", tr(lang, "Area", "领域"), column_kind::text},
                                     {"area_title", tr(lang, "Area title", "领域名称"), column_kind::wide_text},
                                     {"evidence", tr(lang, "Evidence", "依据"), column_kind::wide_text},
                                     {"dimension", tr(lang, "Dimension", "维度"), column_kind::text},
                                     {"key_factors", tr(lang, "Key factors", "关键因素"), column_kind::text}});
  for (const auto& a : r.assessments)
    for (const auto& item : a.items)
      for (const auto* list : {&item.strengths, &item.opportunities})
        for (const auto& c : *list) {
          const auto area = c.area.empty() ? item.id : c.area;
          t.rows.push_back(
              {a.examiner, a.date, item.id,
               std::string(to_string(list == &item.strengths ? comment_type::strength : comment_type::opportunity)),
               c.text, area, node_title(tree, area, lang), c.evidence,
               c.dimension ? cell(std::string(to_string(*c.dimension))) : cell{}, detail::join(c.key_factors, "; ")});
        }
  return t;
}

table priorities(const review& r, const criteria_tree& tree, language lang) {
  table t{tr(lang, "priorities", "改进重点"), {}, {}};
  assessment_columns(t, lang);
  t.columns.insert(t.columns.end(), {{"rank", tr(lang, "Rank", "排序"), column_kind::count},
                                     {"item", tr(lang, "Item", "评分项"), column_kind::text},
                                     {"title", tr(lang, "Title", "名称"), column_kind::wide_text},
                                     {"percent", tr(lang, "Percent", "得分率"), column_kind::percent},
                                     {"band", tr(lang, "Band", "分数段"), column_kind::text},
                                     {"next_band", tr(lang, "Next band", "上一分数段"), column_kind::text},
                                     {"at_stake", tr(lang, "Points at stake", "待提升分值"), column_kind::points},
                                     {"max", tr(lang, "Points", "分值"), column_kind::points},
                                     {"opportunities", tr(lang, "Opportunities", "改进机会"), column_kind::count}});
  for (std::size_t k = 0; k < r.assessments.size(); ++k) {
    const auto& a = r.assessments[k];
    const auto& items = r.priorities[k].items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& p = items[i];
      t.rows.push_back({a.examiner, a.date, number(static_cast<double>(i + 1)), p.id, node_title(tree, p.id, lang),
                        number(p.percent), p.band.label(), p.next_band ? cell(p.next_band->label()) : cell{},
                        number(p.at_stake), number(p.max), number(static_cast<double>(p.opportunities))});
    }
  }
  return t;
}

}  // namespace

result<table> build(const review& r, const criteria_tree& tree, report_table which, language lang) {
  switch (which) {
    case report_table::scores:
      return scores(r, tree, lang);
    case report_table::categories:
      return categories(r, tree, lang);
    case report_table::consensus:
      if (r.consensus) return consensus(*r.consensus, tree, lang);
      break;
    case report_table::history:
      if (r.history) return history(*r.history, tree, lang);
      break;
    case report_table::comments:
      return comments(r, tree, lang);
    case report_table::priorities:
      return priorities(r, tree, lang);
  }
  return diagnostic{
      errc::invalid_value,
      "",
      0,
      0,
      "table",
      "a " + std::string(to_string(r.kind)) + " report has no " + std::string(to_string(which)) + " table"};
}

}  // namespace tables

std::vector<report_table> report_tables(const review& r) {
  std::vector<report_table> out{report_table::scores, report_table::categories};
  if (r.consensus) out.push_back(report_table::consensus);
  if (r.history) out.push_back(report_table::history);
  out.push_back(report_table::comments);
  out.push_back(report_table::priorities);
  return out;
}

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
void csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

result<std::string> try_to_csv(const review& r, const criteria_tree& tree, report_table table, language lang) {
  auto built = tables::build(r, tree, table, lang);
  if (!built) return built.error();
  std::string out;
  for (std::size_t c = 0; c < built->columns.size(); ++c) {
    if (c > 0) out += ',';
    csv_field(out, built->columns[c].id);
  }
  out += "\r\n";
  for (const auto& row : built->rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      if (const auto* text = std::get_if<std::string>(&row[c])) csv_field(out, *text);
      if (const auto* value = std::get_if<double>(&row[c])) out += detail::shortest(*value);
    }
    out += "\r\n";
  }
  return out;
}

std::string to_csv(const review& r, const criteria_tree& tree, report_table table, language lang) {
  return try_to_csv(r, tree, table, lang).value();
}

}  // namespace excellence::inline v1
