// The examiner's report as one HTML document: feedback, consensus or history, in Chinese
// or English. Renders the review's values; computes none.
#include <excellence/report/html.hpp>
#include <excellence/scoring/review.hpp>

#include "html_support.hpp"

#include <map>

namespace excellence::inline v1 {

namespace {

using html::escape;
using html::tr;

// The examiner's report's own rules, after the page's (html::page_start): each category on
// a new page, the charts, the evidence, the comments.
constexpr const char* stylesheet = R"(
tr.flagged td, tr.flagged th { background: #fdebd0; }
section.category { break-before: page; }
figure.chart { margin: 8px 0 12px 0; }
figure.chart svg { width: 100%; height: auto; max-width: 172mm; display: block; }
figure.chart figcaption { font-weight: bold; font-size: 9.5pt; color: #4a5562; }
figure.chart table.numbers { font-size: 8.5pt; }
section.evidence { border-left: 3px solid #2e8b57; padding-left: 10px; margin: 10px 0; }
.trend-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(70mm, 1fr)); gap: 6px 14px; }
.trend-charts figure.chart svg { max-width: 86mm; }
ul.evidence-warnings li { color: #8a3b00; }
svg text { font-size: 11px; fill: #1b1f24; } svg .axis-label { font-size: 9px; fill: #4a5562; }
svg .legend-label { font-size: 10px; } svg .dimension-label { font-size: 8.5px; fill: #8a5a00; }
svg .max { fill: #e3e8ef; } svg .score { fill: #1f5fa8; } svg .item { fill: #1f5fa8; stroke: #fff; stroke-width: 1.5; }
svg .dimension { fill: #d4860b; } svg .median { stroke: #1b1f24; stroke-width: 2; } svg .proposed { fill: none; stroke: #1b1f24; stroke-width: 1.5; }
svg .flagged { fill: #fdebd0; } svg .grid { stroke: #c9d1db; stroke-width: 0.8; } svg .axis { stroke: #b6c0cc; }
ul.comments { margin: 2px 0 6px 0; padding-left: 18px; } ul.comments li { margin: 2px 0; }
.meta { color: #4a5562; font-size: 9pt; }
.tag { display: inline-block; border: 1px solid #b6c0cc; border-radius: 3px; padding: 0 4px; font-size: 8.5pt; color: #4a5562; margin-right: 4px; }
.strength-mark { color: #2e8b57; font-weight: bold; } .opportunity-mark { color: #c0392b; font-weight: bold; }
.side-by-side td { width: auto; }
.earlier { border-left: 3px solid #d5dbe3; padding-left: 8px; margin: 6px 0; color: #4a5562; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
)";

std::string band_description(const score_band& band, evaluation_type e, language lang) {
  const auto text = e == evaluation_type::process ? (lang == language::zh ? band.process_zh : band.process_en)
                                                  : (lang == language::zh ? band.results_zh : band.results_en);
  return escape(text);
}

class page {
 public:
  page(const review& r, const criteria_tree& tree, language lang) : r_(r), tree_(tree), lang_(lang) {}

  std::string render() {
    const char* kind_title = r_.kind == review_kind::feedback    ? tr(lang_, "Feedback report", "评审反馈报告")
                             : r_.kind == review_kind::consensus ? tr(lang_, "Consensus report", "评审共识报告")
                                                                 : tr(lang_, "Score history", "历年评分报告");
    const auto& info = tree_.info();
    const std::string framework_title =
        escape(lang_ == language::zh && !info.title_zh.empty() ? info.title_zh : info.title_en);
    out_ = html::page_start(lang_, std::string(kind_title) + " — " + escape(r_.organization), stylesheet);
    out_ += "<header>\n<h1>" + std::string(kind_title) + "</h1>\n<p class=\"subtitle\">" + escape(r_.organization) +
            "</p>\n<dl class=\"facts\">\n";
    fact(tr(lang_, "Framework", "评价准则"), framework_title + " (" + escape(r_.framework) + ")");
    if (!r_.scope.empty()) fact(tr(lang_, "Scope", "评价范围"), html::node_name(tree_, r_.scope, lang_));
    for (const auto& s : r_.scores)
      fact(tr(lang_, "Examiner", "评审员"), escape(s.examiner) + ", " + escape(s.date) + " — " + s.total.to_string() +
                                                " / " + s.max.to_string() + tr(lang_, " points", " 分"));
    out_ += "</dl>\n</header>\n";
    switch (r_.kind) {
      case review_kind::feedback:
        feedback(r_.lead());
        break;
      case review_kind::consensus:
        consensus();
        break;
      case review_kind::history:
        history();
        feedback(r_.lead());
        break;
    }
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void fact(const char* term, const std::string& value) {
    out_ += "<dt>" + std::string(term) + "</dt><dd>" + value + "</dd>\n";
  }

  std::string name(std::string_view id) const { return html::node_name(tree_, id, lang_); }

  std::string key_factor_text(const assessment& a, const std::string& id) const {
    for (const auto& f : a.key_factors)
      if (f.id == id) return escape(f.id) + " " + escape(f.text);
    return escape(id);
  }

  // One comment: its text, then what it rests on and what it is tied to.
  std::string comment_html(const assessment& a, const comment& c, const std::string& item) const {
    std::string li = "<li>" + escape(c.text);
    std::string meta;
    if (!c.evidence.empty())
      meta += "<div>" + std::string(tr(lang_, "As evidenced by: ", "依据:")) + escape(c.evidence) + "</div>";
    std::string tags;
    if (!c.area.empty() && c.area != item) tags += "<span class=\"tag\">" + name(c.area) + "</span>";
    if (c.dimension) tags += "<span class=\"tag\">" + html::dimension_name(*c.dimension, lang_) + "</span>";
    for (const auto& k : c.key_factors) tags += "<span class=\"tag\">" + key_factor_text(a, k) + "</span>";
    if (!tags.empty()) meta += "<div>" + tags + "</div>";
    if (!meta.empty()) li += "<div class=\"meta\">" + meta + "</div>";
    return li + "</li>\n";
  }

  std::string comments_html(const assessment& a, const item_assessment& item) const {
    std::string out;
    if (!item.strengths.empty()) {
      out += "<h4><span class=\"strength-mark\">+</span> " + std::string(tr(lang_, "Strengths", "优势")) +
             "</h4>\n<ul class=\"comments strengths\">\n";
      for (const auto& c : item.strengths) out += comment_html(a, c, item.id);
      out += "</ul>\n";
    }
    if (!item.opportunities.empty()) {
      out += "<h4><span class=\"opportunity-mark\">−</span> " +
             std::string(tr(lang_, "Opportunities for improvement", "改进机会")) +
             "</h4>\n<ul class=\"comments opportunities\">\n";
      for (const auto& c : item.opportunities) out += comment_html(a, c, item.id);
      out += "</ul>\n";
    }
    return out;
  }

  static const item_assessment* find_item(const assessment& a, std::string_view id) {
    for (const auto& i : a.items)
      if (i.id == id) return &i;
    return nullptr;
  }

  void key_themes(const assessment& a) {
    if (a.key_themes.empty() && a.key_factors.empty()) return;
    out_ += "<section class=\"themes\">\n";
    if (!a.key_themes.empty()) {
      out_ += "<h2>" + std::string(tr(lang_, "Key themes", "关键主题")) + "</h2>\n";
      for (auto type : {comment_type::strength, comment_type::opportunity}) {
        std::string list;
        for (const auto& t : a.key_themes) {
          if (t.type != type) continue;
          std::string items;
          for (const auto& i : t.items) items += "<span class=\"tag\">" + escape(i) + "</span>";
          list +=
              "<li>" + escape(t.text) + (items.empty() ? "" : "<div class=\"meta\">" + items + "</div>") + "</li>\n";
        }
        if (list.empty()) continue;
        out_ += "<h3>" +
                std::string(type == comment_type::strength ? tr(lang_, "Strengths", "优势")
                                                           : tr(lang_, "Opportunities for improvement", "改进机会")) +
                "</h3>\n<ul class=\"comments key-themes\">\n" + list + "</ul>\n";
      }
    }
    if (!a.key_factors.empty()) {
      out_ += "<h2>" + std::string(tr(lang_, "Key factors of the organization", "组织的关键因素")) +
              "</h2>\n<table class=\"key-factors\">\n<thead><tr><th>" + tr(lang_, "Id", "编号") + "</th><th>" +
              tr(lang_, "Key factor", "关键因素") + "</th></tr></thead>\n<tbody>\n";
      for (const auto& f : a.key_factors)
        out_ += "<tr><th scope=\"row\">" + escape(f.id) + "</th><td>" + escape(f.text) + "</td></tr>\n";
      out_ += "</tbody>\n</table>\n";
    }
    out_ += "</section>\n";
  }

  void priorities(const improvement_priorities& p) {
    out_ += "<section class=\"priorities\">\n<h2>" + std::string(tr(lang_, "Where the points are", "改进的重点")) +
            "</h2>\n<p>" +
            tr(lang_,
               "Points at stake: what an item gains by reaching the floor of its next band, (next band's lowest "
               "percent − percent) × the item's points.",
               "待提升分值:评分项达到上一分数段下限可增加的分数,即(上一分数段最低得分率 − 得分率)× 评分项分值。") +
            "</p>\n<table class=\"priorities\">\n<thead><tr><th>" + tr(lang_, "Item", "评分项") +
            "</th><th class=\"num\">" + tr(lang_, "Percent", "得分率") + "</th><th>" + tr(lang_, "Band", "分数段") +
            "</th><th>" + tr(lang_, "Next band", "上一分数段") + "</th><th class=\"num\">" +
            tr(lang_, "Points at stake", "待提升分值") + "</th><th class=\"num\">" + tr(lang_, "Points", "分值") +
            "</th><th class=\"num\">" + tr(lang_, "Opportunities", "改进机会") + "</th></tr></thead>\n<tbody>\n";
    for (const auto& i : p.items)
      out_ += "<tr><th scope=\"row\">" + name(i.id) + "</th><td class=\"num\">" + std::to_string(i.percent) +
              "%</td><td>" + escape(i.band.label()) + "</td><td>" +
              (i.next_band ? escape(i.next_band->label()) : std::string("—")) + "</td><td class=\"num\">" +
              i.at_stake.to_string() + "</td><td class=\"num\">" + i.max.to_string() + "</td><td class=\"num\">" +
              std::to_string(i.opportunities) + "</td></tr>\n";
    out_ += "</tbody>\n</table>\n";
    if (!p.areas.empty()) {
      out_ += "<h3>" + std::string(tr(lang_, "Opportunities by area", "各领域的改进机会")) +
              "</h3>\n<table class=\"areas\">\n<thead><tr><th>" + tr(lang_, "Area", "领域") +
              "</th><th class=\"num\">" + tr(lang_, "Opportunities", "改进机会") + "</th></tr></thead>\n<tbody>\n";
      for (const auto& a : p.areas)
        out_ += "<tr><th scope=\"row\">" + name(a.area) + "</th><td class=\"num\">" + std::to_string(a.opportunities) +
                "</td></tr>\n";
      out_ += "</tbody>\n</table>\n";
    }
    out_ += "</section>\n";
  }

  void item_facts(const item_score& s) {
    out_ += "<dl class=\"facts\">\n";
    if (s.assessed) {
      fact(tr(lang_, "Percent", "得分率"), "<span class=\"percent\">" + std::to_string(s.percent) + "%</span>");
      fact(tr(lang_, "Band", "分数段"), "<span class=\"band\">" + escape(s.band->label()) + "</span> — " +
                                            band_description(*s.band, s.evaluation, lang_));
    } else {
      fact(tr(lang_, "Percent", "得分率"), tr(lang_, "not assessed", "未评价"));
    }
    fact(tr(lang_, "Score", "得分"), s.score.to_string() + " / " + s.max.to_string());
    std::string judged;
    for (const auto& j : s.dimensions)
      judged += (judged.empty() ? "" : ", ") + html::dimension_name(j.dimension, lang_) + " " +
                std::to_string(j.percent) + "%";
    if (!judged.empty()) fact(tr(lang_, "Dimensions", "维度评价"), judged);
    out_ += "</dl>\n";
  }

  static std::string item_attributes(const item_score& s) {
    return " id=\"item-" + escape(s.id) + "\" data-item=\"" + escape(s.id) + "\"" +
           (s.assessed
                ? " data-percent=\"" + std::to_string(s.percent) + "\" data-band=\"" + escape(s.band->label()) + "\""
                : std::string(" data-not-assessed=\"true\"")) +
           " data-score=\"" + s.score.to_string() + "\"";
  }

  // The categories of one score, each on its own page: the band chart and every item
  // with its facts and comments.
  void categories(const assessment& a, const assessment_score& s, std::string_view prefix) {
    std::vector<std::string> groups;
    for (const auto& c : s.categories) groups.push_back(c.id);
    if (groups.empty()) groups.emplace_back();  // the scope is one item
    for (const auto& g : groups) {
      out_ += "<section class=\"category\">\n";
      if (!g.empty()) {
        std::string points;
        for (const auto& c : s.categories)
          if (c.id == g) points = c.score.to_string() + " / " + c.max.to_string();
        out_ += "<h2>" + name(g) + " <span class=\"meta\">" + points + "</span></h2>\n";
      }
      out_ += band_chart(s, tree_, g, lang_, std::string(prefix) + "bands-" + (g.empty() ? s.scope : g));
      for (const auto& item : s.items) {
        if (!g.empty() && item.category != g) continue;
        out_ += "<article class=\"item\"" + item_attributes(item) + ">\n<h3 class=\"item-head\">" + name(item.id) +
                "</h3>\n";
        item_facts(item);
        if (const auto* given = find_item(a, item.id)) out_ += comments_html(a, *given);
        if (r_.kind == review_kind::history) earlier_comments(item.id);
        evidence(item.id, {static_cast<std::size_t>(&a - r_.assessments.data())}, prefix);
        out_ += "</article>\n";
      }
      out_ += "</section>\n";
    }
  }

  // In a history, what the earlier records said of the item, oldest first: the reader sees
  // which opportunities of earlier cycles the organization has taken up.
  void earlier_comments(const std::string& id) {
    for (std::size_t k = 0; k < r_.lead(); ++k) {
      const auto& a = r_.assessments[k];
      const auto* given = find_item(a, id);
      if (given == nullptr || (given->strengths.empty() && given->opportunities.empty())) continue;
      out_ += "<div class=\"earlier\"><h4 class=\"meta\">" + std::string(tr(lang_, "Feedback of ", "")) +
              escape(a.date) + tr(lang_, "", " 的反馈") + "</h4>\n" + comments_html(a, *given) + "</div>\n";
    }
  }

  void notes(const assessment_score& s) {
    if (s.not_assessed.empty() && s.outside_scope.empty() && s.warnings.empty()) return;
    out_ += "<section class=\"notes\">\n<h2>" + std::string(tr(lang_, "Notes", "说明")) + "</h2>\n<ul>\n";
    if (!s.not_assessed.empty()) {
      out_ += "<li>" + std::string(tr(lang_, "Not assessed: ", "未评价:"));
      for (const auto& id : s.not_assessed) out_ += name(id) + "; ";
      out_ += "</li>\n";
    }
    if (!s.outside_scope.empty()) {
      out_ += "<li>" + std::string(tr(lang_, "Scored outside the scope, not counted: ", "范围之外、未计入:"));
      for (const auto& id : s.outside_scope) out_ += escape(id) + " ";
      out_ += "</li>\n";
    }
    for (const auto& w : s.warnings) out_ += "<li>" + escape(w.to_string()) + "</li>\n";
    out_ += "</ul>\n</section>\n";
  }

  void summary(const assessment_score& s) {
    out_ += "<section class=\"summary\">\n<h2>" + std::string(tr(lang_, "Scores", "评分")) + "</h2>\n<p>" +
            tr(lang_, "Total: ", "总分:") + "<strong>" + s.total.to_string() + " / " + s.max.to_string() + "</strong>";
    if (s.overall)
      out_ += " — " + std::string(tr(lang_, "overall band ", "总体分数段 ")) + std::to_string(s.overall->level) + " (" +
              std::to_string(s.overall->min_total) + "–" + std::to_string(s.overall->max_total) + "): " +
              escape(lang_ == language::zh && !s.overall->description_zh.empty() ? s.overall->description_zh
                                                                                 : s.overall->description_en);
    out_ += "</p>\n";
    out_ += category_chart(s, tree_, lang_, "category-scores");
    const std::string series[] = {r_.series()[r_.lead()]};
    out_ += radar_chart(std::span(&s, 1), series, tree_, lang_, "category-radar");
    out_ += "</section>\n";
  }

  void feedback(std::size_t lead) {
    const auto& a = r_.assessments[lead];
    const auto& s = r_.scores[lead];
    if (r_.kind == review_kind::history)
      out_ += "<h2 class=\"part\">" + std::string(tr(lang_, "Feedback of ", "最近一次评审的反馈:")) + escape(s.date) +
              "</h2>\n";
    key_themes(a);
    summary(s);
    priorities(r_.priorities[lead]);
    notes(s);
    categories(a, s, r_.kind == review_kind::history ? "latest-" : "");
  }

  void consensus() {
    const auto& c = *r_.consensus;
    out_ += "<section class=\"summary\">\n<h2>" + std::string(tr(lang_, "Consensus", "评审共识")) + "</h2>\n<p>" +
            tr(lang_, "Items whose percents range over at least ", "评分极差达到 ") + std::to_string(c.flag_range) +
            tr(lang_,
               " points are flagged for discussion; the proposed percent is the median rounded to a multiple of "
               "5, a starting point for the team.",
               " 个百分点的评分项标记为需讨论;建议分为中位数取整到5的倍数,作为评审组讨论的起点。") +
            "</p>\n<table class=\"consensus\">\n<thead><tr><th>" + tr(lang_, "Item", "评分项") + "</th>";
    for (const auto& e : r_.series()) out_ += "<th class=\"num\">" + escape(e) + "</th>";
    out_ += std::string("<th class=\"num\">") + tr(lang_, "Median", "中位数") + "</th><th class=\"num\">" +
            tr(lang_, "Proposed", "建议分") + "</th><th class=\"num\">" + tr(lang_, "Range", "极差") + "</th><th>" +
            tr(lang_, "Flag", "标记") + "</th></tr></thead>\n<tbody>\n";
    for (const auto& item : c.items) {
      out_ += std::string("<tr class=\"consensus-item") + (item.flagged ? " flagged" : "") + "\" data-item=\"" +
              escape(item.id) + "\"><th scope=\"row\">" + name(item.id) + "</th>";
      for (const auto& p : item.percents)
        out_ += "<td class=\"num\">" + (p ? std::to_string(*p) + "%" : std::string("–")) + "</td>";
      if (item.statistics)
        out_ += "<td class=\"num\">" + detail::fixed(item.statistics->median, 1) + "%</td><td class=\"num\">" +
                std::to_string(item.statistics->proposed) + "%</td><td class=\"num\">" +
                std::to_string(item.statistics->range) + "</td>";
      else
        out_ += "<td></td><td></td><td></td>";
      out_ += std::string("<td>") + (item.flagged ? tr(lang_, "discuss", "讨论") : "") + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    out_ += spread_chart(c, lang_, "consensus-spread");
    out_ += radar_chart(c.scores, r_.series(), tree_, lang_, "category-radar");
    out_ += "</section>\n";

    // Each examiner's key themes, then the flagged items' comments side by side.
    bool themes = false;
    for (const auto& a : r_.assessments) themes = themes || !a.key_themes.empty();
    if (themes) {
      out_ += "<section class=\"themes\">\n<h2>" + std::string(tr(lang_, "Key themes", "关键主题")) + "</h2>\n";
      for (const auto& a : r_.assessments) {
        if (a.key_themes.empty()) continue;
        out_ += "<h3>" + escape(a.examiner) + "</h3>\n<ul class=\"comments key-themes\">\n";
        for (const auto& t : a.key_themes) out_ += theme_html(t);
        out_ += "</ul>\n";
      }
      out_ += "</section>\n";
    }
    std::vector<std::string> flagged;
    for (const auto& item : c.items)
      if (item.flagged) flagged.push_back(item.id);
    if (!flagged.empty()) {
      out_ += "<section class=\"flagged-items\">\n<h2>" + std::string(tr(lang_, "Items to discuss", "需讨论的评分项")) +
              "</h2>\n";
      for (const auto& id : flagged) side_by_side(id, "flagged-");
      out_ += "</section>\n";
    }
    // Per category: each item's comments of every examiner, side by side.
    for (const auto& category : c.scores.front().categories) {
      out_ += "<section class=\"category\">\n<h2>" + name(category.id) + "</h2>\n";
      for (const auto& item : c.scores.front().items)
        if (item.category == category.id) side_by_side(item.id, "");
      out_ += "</section>\n";
    }
    if (c.scores.front().categories.empty()) {
      out_ += "<section class=\"category\">\n";
      for (const auto& item : c.scores.front().items) side_by_side(item.id, "");
      out_ += "</section>\n";
    }
  }

  // One item of a consensus: each examiner's percent, band and comments in a column.
  void side_by_side(const std::string& id, std::string_view prefix) {
    const auto& c = *r_.consensus;
    out_ += "<article class=\"item consensus\" id=\"" + std::string(prefix) + "item-" + escape(id) + "\" data-item=\"" +
            escape(id) + "\">\n<h3 class=\"item-head\">" + name(id) +
            "</h3>\n<table class=\"side-by-side\">\n<thead><tr>";
    for (const auto& s : c.scores) out_ += "<th>" + escape(s.examiner) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n<tr>";
    for (std::size_t k = 0; k < c.scores.size(); ++k) {
      const auto& s = c.scores[k];
      out_ += "<td>";
      for (const auto& item : s.items) {
        if (item.id != id) continue;
        out_ += "<div class=\"examiner-score\" data-examiner=\"" + escape(s.examiner) + "\"" +
                (item.assessed ? " data-percent=\"" + std::to_string(item.percent) + "\" data-band=\"" +
                                     escape(item.band->label()) + "\""
                               : std::string()) +
                "><strong>" +
                (item.assessed ? std::to_string(item.percent) + "% (" + escape(item.band->label()) + ")"
                               : std::string(tr(lang_, "not assessed", "未评价"))) +
                "</strong> " + item.score.to_string() + " / " + item.max.to_string() + "</div>\n";
      }
      if (const auto* given = find_item(r_.assessments[k], id)) out_ += comments_html(r_.assessments[k], *given);
      out_ += "</td>";
    }
    out_ += "</tr>\n</tbody>\n</table>\n";
    std::vector<std::size_t> everyone(r_.assessments.size());
    for (std::size_t k = 0; k < everyone.size(); ++k) everyone[k] = k;
    evidence(id, everyone, prefix);
    out_ += "</article>\n";
  }

  // The measured results' evidence of a results item, with the warnings against the
  // judgements of the given assessments.
  void evidence(const std::string& id, const std::vector<std::size_t>& examiners, std::string_view prefix) {
    if (!r_.evidence) return;
    for (const auto& item : r_.evidence->items) {
      if (item.item != id) continue;
      std::vector<std::pair<std::string, diagnostic>> warnings;
      for (auto k : examiners)
        for (const auto& w : r_.evidence_warnings[k])
          if (w.path.element() && r_.assessments[k].items[*w.path.element()].id == id)
            warnings.emplace_back(r_.assessments[k].examiner, w);
      out_ += html::evidence_section(*r_.evidence, item, warnings, lang_, std::string(prefix) + "item-" + id + "-");
    }
  }

  void history() {
    const auto& h = *r_.history;
    out_ += "<section class=\"summary\">\n<h2>" + std::string(tr(lang_, "Scores over the years", "历年评分")) +
            "</h2>\n<table class=\"totals\">\n<thead><tr><th>" + tr(lang_, "Date", "日期") + "</th><th>" +
            tr(lang_, "Examiner", "评审员") + "</th><th class=\"num\">" + tr(lang_, "Total", "总分") +
            "</th><th class=\"num\">" + tr(lang_, "Change", "变化") + "</th></tr></thead>\n<tbody>\n";
    for (std::size_t k = 0; k < h.scores.size(); ++k) {
      const auto& s = h.scores[k];
      out_ += "<tr><th scope=\"row\">" + escape(s.date) + "</th><td>" + escape(s.examiner) + "</td><td class=\"num\">" +
              s.total.to_string() + " / " + s.max.to_string() + "</td><td class=\"num\">" +
              (k == 0                   ? std::string()
               : h.total_changes[k - 1] ? html::signed_points(*h.total_changes[k - 1])
                                        : tr(lang_, "n/a", "无")) +
              "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    out_ += history_chart(h, tree_, lang_, "history-lines");
    out_ += radar_chart(h.scores, r_.series(), tree_, lang_, "history-radar");
    out_ += "<h3>" + std::string(tr(lang_, "Items", "评分项")) +
            "</h3>\n<table class=\"item-history\">\n<thead><tr><th>" + tr(lang_, "Item", "评分项") + "</th>";
    for (const auto& s : h.scores) out_ += "<th class=\"num\">" + escape(s.date) + "</th>";
    for (std::size_t k = 1; k < h.scores.size(); ++k)
      out_ += "<th class=\"num\">" + std::string(tr(lang_, "Change", "变化")) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& item : h.items) {
      out_ += "<tr data-item=\"" + escape(item.id) + "\"><th scope=\"row\">" + name(item.id) + "</th>";
      for (const auto& p : item.percents)
        out_ += "<td class=\"num\">" + (p ? std::to_string(*p) + "%" : std::string(tr(lang_, "n/a", "无"))) + "</td>";
      for (const auto& change : item.changes)
        out_ += "<td class=\"num\">" + (change ? html::signed_percent(*change) : std::string(tr(lang_, "n/a", "无"))) +
                "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    for (std::size_t k = 0; k < r_.lead(); ++k) {
      const auto& a = r_.assessments[k];
      if (a.key_themes.empty()) continue;
      out_ += "<h3>" + std::string(tr(lang_, "Key themes of ", "")) + escape(a.date) + tr(lang_, "", " 的关键主题") +
              "</h3>\n<ul class=\"comments key-themes\">\n";
      for (const auto& t : a.key_themes) out_ += theme_html(t);
      out_ += "</ul>\n";
    }
    out_ += "</section>\n";
  }

  std::string theme_html(const key_theme& t) const {
    return std::string("<li><span class=\"") +
           (t.type == comment_type::strength ? "strength-mark\">+" : "opportunity-mark\">−") + "</span> " +
           escape(t.text) + "</li>\n";
  }

  const review& r_;
  const criteria_tree& tree_;
  language lang_;
  std::string out_;
};

}  // namespace

std::string to_html(const review& r, const criteria_tree& tree, language lang) {
  return page(r, tree, lang).render();
}

}  // namespace excellence::inline v1
