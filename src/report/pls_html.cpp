// The model report: a PLS path model and the analyses run on it as one HTML document, in
// Chinese or English. Renders the results' values; estimates none.
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/report/pls_html.hpp>

#include "../models/pls_core.hpp"
#include "document.hpp"
#include "html_support.hpp"

#include <cmath>
#include <optional>

namespace excellence::inline v1 {

namespace {

using detail::fixed;
using html::escape;
using html::tr;

// The model report's own rules, after the page's (html::page_start): figures as wide as
// the page, matrices with centred numbers, the cells a rule of thumb flags.
constexpr const char* stylesheet = R"(
figure.model { margin: 8px 0 12px 0; break-inside: avoid; }
figure.model svg { width: 100%; height: auto; max-width: 182mm; display: block; }
figure.model figcaption { font-weight: bold; font-size: 9.5pt; color: #4a5562; }
td.num { white-space: nowrap; }
table.wide { font-size: 8.5pt; }
td.flag { background: #fdebd0; }
td.own { font-weight: bold; }
ul.warnings li { color: #8a3b00; }
p.note { color: #4a5562; font-size: 9pt; margin: 2px 0 8px 0; }
.verdict { color: #1f5fa8; font-weight: bold; }
@media print { body { max-width: none; padding: 0; } }
)";

// A cell of a table: escaped text, right-aligned when it is a number, marked when a rule
// of thumb flags it or when it is a block's own loading.
struct cell {
  std::string text;
  bool number = true;
  const char* mark = nullptr;  // "flag", "own"
};

cell label(std::string text) {
  return {escape(text), false, nullptr};
}

cell value(double v, int digits, bool flagged = false) {
  return {fixed(v, digits), true, flagged ? "flag" : nullptr};
}

cell value(const std::optional<double>& v, int digits) {
  return v ? value(*v, digits) : cell{"—", true, nullptr};
}

std::string interval(double lo, double hi, int digits) {
  return "[" + fixed(lo, digits) + ", " + fixed(hi, digits) + "]";
}

// A table: header cells (escaped), then rows; the first cell of a row is its header. A
// column's header is aligned as its cells are. `wide` sets a table of many columns smaller.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<cell>>& rows,
                  bool wide = false) {
  std::string out = wide ? "<table class=\"wide\">\n<thead><tr>" : "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < header.size(); ++i) {
    const bool number = i > 0 && !rows.empty() && i < rows.front().size() && rows.front()[i].number;
    out += std::string(number ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") + header[i] + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& c = row[i];
      std::string cls = c.number ? "num" : "";
      if (c.mark != nullptr) cls += (cls.empty() ? "" : " ") + std::string(c.mark);
      const auto tag = i == 0 ? std::string("th") : std::string("td");
      out += "<" + tag + (i == 0 ? " scope=\"row\"" : "") + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" +
             c.text + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string warnings(const std::vector<diagnostic>& list) {
  if (list.empty()) return {};
  std::string out = "<ul class=\"warnings\">\n";
  for (const auto& w : list) out += "<li>" + escape(w.message) + "</li>\n";
  return out + "</ul>\n";
}

// A picture of the model: the figure "figure-<id>" around the SVG drawn with `id`.
std::string figure(const std::string& id, const std::string& svg, const std::string& caption) {
  return "<figure class=\"model\" id=\"figure-" + id + "\">\n" + svg + "<figcaption>" + caption +
         "</figcaption>\n</figure>\n";
}

const char* crosshair_name(ipa_crosshair c, language lang) {
  switch (c) {
    case ipa_crosshair::data_means:
      return tr(lang, "at the means", "取均值");
    case ipa_crosshair::scale_midpoint:
      return tr(lang, "at the scales' midpoints", "取量表中点");
    case ipa_crosshair::given:
      return tr(lang, "as given", "按给定值");
  }
  return "?";
}

const char* quadrant_name(ipa_quadrant q, language lang) {
  switch (q) {
    case ipa_quadrant::concentrate_here:
      return tr(lang, "concentrate here", "重点改进");
    case ipa_quadrant::keep_up_the_good_work:
      return tr(lang, "keep up the good work", "继续保持");
    case ipa_quadrant::low_priority:
      return tr(lang, "low priority", "次要改进");
    case ipa_quadrant::possible_overkill:
      return tr(lang, "possible overkill", "可能过度");
  }
  return "?";
}

class model_report {
 public:
  model_report(const pls_fit& fit, const pls_report_parts& parts, language lang)
      : fit_(fit), parts_(parts), boot_(parts.bootstrap), lang_(lang) {}

  std::string render() {
    const std::string title = tr(lang_, "PLS path model report", "PLS 路径模型报告");
    out_ =
        html::page_start(lang_, parts_.subtitle.empty() ? title : title + " — " + escape(parts_.subtitle), stylesheet);
    out_ += "<header>\n<h1>" + title + "</h1>\n";
    if (!parts_.subtitle.empty()) out_ += "<p class=\"subtitle\">" + escape(parts_.subtitle) + "</p>\n";
    facts();
    out_ += "</header>\n";
    structural();
    measurement();
    if (parts_.ipma != nullptr) ipma(*parts_.ipma);
    if (parts_.model_fit != nullptr) model_fit(*parts_.model_fit);
    if (parts_.predict != nullptr) predict(*parts_.predict);
    if (parts_.mga != nullptr) mga(*parts_.mga);
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const pls_fit& fit_;
  const pls_report_parts& parts_;
  const pls_bootstrap_result* boot_;
  language lang_;
  std::string out_;

  bool zh() const { return lang_ == language::zh; }

  void fact(const char* term, const std::string& text) {
    out_ += "<dt>" + std::string(term) + "</dt><dd>" + text + "</dd>\n";
  }

  // The bootstrap's estimate of `name` in one of its lists, if there is a bootstrap.
  const pls_bootstrap_estimate* estimate(std::vector<pls_bootstrap_estimate> pls_bootstrap_result::*list,
                                         std::string_view name) const {
    return boot_ == nullptr ? nullptr : pls_bootstrap_result::find(boot_->*list, name);
  }

  // An estimate's interval with its verdict (* when it excludes 0); a dash without one.
  static cell interval_cell(const pls_bootstrap_estimate* e) {
    if (e == nullptr) return {"—", true, nullptr};
    return {interval(e->lo, e->hi, 4) + (e->lo > 0 || e->hi < 0 ? " <span class=\"verdict\">*</span>" : ""), true,
            nullptr};
  }

  // The bootstrap's columns (mean, SE, t, interval) for one estimate; dashes where the
  // bootstrap has none for it.
  void bootstrap_cells(std::vector<cell>& row, const pls_bootstrap_estimate* e) const {
    if (boot_ == nullptr) return;
    if (e == nullptr) {
      row.insert(row.end(), 4, cell{"—", true, nullptr});
      return;
    }
    row.push_back(value(e->mean, 4));
    row.push_back(value(e->se, 4));
    row.push_back(value(e->t, 2));
    row.push_back(interval_cell(e));
  }

  std::vector<std::string> bootstrap_header(std::vector<std::string> header) const {
    if (boot_ != nullptr)
      for (const char* h :
           {tr(lang_, "boot mean", "自助均值"), tr(lang_, "SE", "标准误"), "t", tr(lang_, "interval", "置信区间")})
        header.emplace_back(h);
    return header;
  }

  std::string interval_words() const {
    const auto confidence = fixed(100 * boot_->confidence, 0);
    const char* kind = boot_->interval == pls_interval::bca              ? "BCa"
                       : boot_->interval == pls_interval::bias_corrected ? tr(lang_, "bias-corrected", "偏差校正")
                                                                         : tr(lang_, "percentile", "百分位");
    return zh() ? confidence + " % " + kind + " 区间" : confidence + " % " + kind + " intervals";
  }

  std::string arrow(std::size_t from, std::size_t to) const {
    return fit_.latent_variables[from] + " -> " + fit_.latent_variables[to];
  }

  void facts() {
    const auto J = fit_.latent_variables.size();
    std::size_t paths = 0, formative = 0;
    for (const auto& row : fit_.path_matrix)
      for (const int p : row) paths += p != 0 ? 1U : 0U;
    for (const auto m : fit_.modes) formative += m == pls_mode::b ? 1U : 0U;
    out_ += "<dl class=\"facts\">\n";
    std::string rows = std::to_string(fit_.n) + tr(lang_, " rows", " 行");
    if (fit_.rows_dropped > 0)
      rows += zh() ? "（含缺失值的 " + std::to_string(fit_.rows_dropped) + " 行已删除）"
                   : " (" + std::to_string(fit_.rows_dropped) + " rows with missing values dropped)";
    if (fit_.cells_imputed > 0)
      rows += zh() ? "（" + std::to_string(fit_.cells_imputed) + " 个缺失值以均值替代）"
                   : " (" + std::to_string(fit_.cells_imputed) + " missing values set to the mean)";
    fact(tr(lang_, "Data", "数据"), rows);
    const auto constructs = std::to_string(J), reflective = std::to_string(J - formative),
               composite = std::to_string(formative), indicators = std::to_string(fit_.indicators.size()),
               path_count = std::to_string(paths);
    fact(tr(lang_, "Model", "模型"), zh() ? constructs + " 个构念（模式 A " + reflective + " 个，模式 B " + composite +
                                                " 个），" + indicators + " 个指标，" + path_count + " 条路径"
                                          : constructs + " constructs (" + reflective + " mode A, " + composite +
                                                " mode B), " + indicators + " indicators, " + path_count + " paths");
    std::string estimation =
        fit_.options.consistent ? tr(lang_, "consistent PLS (PLSc), ", "一致性 PLS（PLSc），") : "";
    estimation += zh() ? std::string(to_string(fit_.options.scheme)) + " 内部加权方案，" +
                             (fit_.options.standardized ? "标准化指标" : "中心化指标") + "，" +
                             std::to_string(fit_.iterations) + " 次迭代，"
                       : std::string(to_string(fit_.options.scheme)) + " scheme, " +
                             (fit_.options.standardized ? "standardised" : "centred") + " indicators, " +
                             std::to_string(fit_.iterations) + " iterations, ";
    estimation += fit_.converged ? tr(lang_, "converged", "已收敛")
                                 : "<strong>" + std::string(tr(lang_, "NOT CONVERGED", "未收敛")) + "</strong>";
    fact(tr(lang_, "Estimation", "估计"), estimation);
    fact("GoF", fixed(fit_.gof, 4));
    if (boot_ != nullptr) {
      const auto resamples = std::to_string(boot_->resamples), seed = std::to_string(boot_->seed),
                 failed = std::to_string(boot_->failed);
      fact(tr(lang_, "Bootstrap", "自助法"), zh() ? resamples + " 次重抽样（种子 " + seed + "），失败 " + failed +
                                                        " 次；" + interval_words() + "；* 表示区间不含 0"
                                                  : resamples + " resamples (seed " + seed + "), " + failed +
                                                        " failed; " + interval_words() +
                                                        "; * marks an interval that excludes 0");
    }
    out_ += "</dl>\n";
    if (!fit_.converged)
      out_ += "<p class=\"note\"><strong>" +
              std::string(tr(lang_,
                             "The iteration stopped before it converged: the numbers below are where it stopped, "
                             "not estimates.",
                             "迭代在收敛前停止：以下数值只是停止时的结果，不是估计值。")) +
              "</strong></p>\n";
    // Dropped rows and imputed values are in the facts; every other warning here.
    std::vector<diagnostic> shown;
    for (const auto& w : fit_.warnings)
      if (w.code != errc::rows_dropped && w.code != errc::values_imputed) shown.push_back(w);
    if (boot_ != nullptr) shown.insert(shown.end(), boot_->warnings.begin(), boot_->warnings.end());
    out_ += warnings(shown);
  }

  void structural() {
    const auto J = fit_.latent_variables.size();
    out_ += "<section class=\"structural\">\n<h2>" + std::string(tr(lang_, "Structural model", "结构模型")) + "</h2>\n";
    out_ += figure("path-diagram", html::path_diagram(fit_, boot_, lang_, "path-diagram"),
                   tr(lang_,
                      "Path diagram: loadings (mode A) and weights (mode B) outside, path coefficients and R² "
                      "inside",
                      "路径图：外部为载荷（模式 A）与权重（模式 B），内部为路径系数与 R²"));
    out_ += "<h3>" + std::string(tr(lang_, "Path coefficients", "路径系数")) + "</h3>\n";
    std::vector<std::vector<cell>> rows;
    for (std::size_t to = 0; to < J; ++to)
      for (std::size_t from = 0; from < J; ++from) {
        if (fit_.path_matrix[to][from] == 0) continue;
        const auto name = arrow(from, to);
        std::vector<cell> row{label(name), value(fit_.paths(index(to), index(from)), 4)};
        bootstrap_cells(row, estimate(&pls_bootstrap_result::paths, name));
        rows.push_back(std::move(row));
      }
    out_ += table(bootstrap_header({tr(lang_, "path", "路径"), tr(lang_, "estimate", "估计值")}), rows);

    out_ += "<h3>" + std::string(tr(lang_, "Explained variance", "解释方差")) + "</h3>\n";
    rows.clear();
    for (std::size_t j = 0; j < J; ++j) {
      if (!fit_.endogenous[j]) continue;
      std::vector<cell> row{label(fit_.latent_variables[j]), value(fit_.r2(index(j)), 4)};
      bootstrap_cells(row, estimate(&pls_bootstrap_result::r2, fit_.latent_variables[j]));
      rows.push_back(std::move(row));
    }
    out_ += table(bootstrap_header({tr(lang_, "construct", "构念"), "R²"}), rows);

    // Every pair joined by a directed chain of paths, as the bootstrap lists them (the
    // total effect of an unconnected pair is 0 by construction, not an estimate).
    const auto reaches = pls_core::reachability(fit_.path_matrix);
    out_ += "<h3>" + std::string(tr(lang_, "Total and indirect effects", "总效应与间接效应")) + "</h3>\n";
    rows.clear();
    for (std::size_t to = 0; to < J; ++to)
      for (std::size_t from = 0; from < J; ++from) {
        if (!reaches[to][from]) continue;
        const auto name = arrow(from, to);
        std::vector<cell> row{label(name), value(fit_.total_effects(index(to), index(from)), 4),
                              value(fit_.indirect_effects(index(to), index(from)), 4)};
        if (boot_ != nullptr) {
          row.push_back(interval_cell(estimate(&pls_bootstrap_result::total_effects, name)));
          row.push_back(interval_cell(estimate(&pls_bootstrap_result::indirect_effects, name)));
        }
        rows.push_back(std::move(row));
      }
    std::vector<std::string> header{tr(lang_, "effect", "效应"), tr(lang_, "total", "总效应"),
                                    tr(lang_, "indirect", "间接效应")};
    if (boot_ != nullptr) {
      header.emplace_back(tr(lang_, "total: interval", "总效应区间"));
      header.emplace_back(tr(lang_, "indirect: interval", "间接效应区间"));
    }
    out_ += table(header, rows);
    if (boot_ != nullptr && !boot_->specific_indirect_effects.empty()) {
      out_ +=
          "<h3>" + std::string(tr(lang_, "Specific indirect effects (mediation)", "特定间接效应（中介）")) + "</h3>\n";
      rows.clear();
      for (const auto& e : boot_->specific_indirect_effects) {
        std::vector<cell> row{label(e.name), value(e.estimate, 4)};
        bootstrap_cells(row, &e);
        rows.push_back(std::move(row));
      }
      out_ += table(bootstrap_header({tr(lang_, "chain of paths", "路径链"), tr(lang_, "estimate", "估计值")}), rows);
    }
    out_ += "</section>\n";
  }

  void measurement() {
    const auto J = fit_.latent_variables.size();
    const auto K = fit_.indicators.size();
    out_ +=
        "<section class=\"measurement\">\n<h2>" + std::string(tr(lang_, "Measurement model", "测量模型")) + "</h2>\n";
    out_ += "<h3>" + std::string(tr(lang_, "Weights and loadings", "权重与载荷")) + "</h3>\n";
    std::vector<std::vector<cell>> rows;
    for (std::size_t k = 0; k < K; ++k) {
      const auto& name = fit_.indicators[k];
      std::vector<cell> row{label(name), label(fit_.latent_variables[fit_.block_of[k]]),
                            value(fit_.weights(index(k)), 4)};
      if (boot_ != nullptr) row.push_back(interval_cell(estimate(&pls_bootstrap_result::weights, name)));
      row.push_back(value(fit_.loadings(index(k)), 4));
      if (boot_ != nullptr) row.push_back(interval_cell(estimate(&pls_bootstrap_result::loadings, name)));
      row.push_back(value(fit_.communality(index(k)), 4));
      rows.push_back(std::move(row));
    }
    std::vector<std::string> header{tr(lang_, "indicator", "指标"), tr(lang_, "construct", "构念"),
                                    tr(lang_, "weight", "权重")};
    if (boot_ != nullptr) header.emplace_back(tr(lang_, "interval", "置信区间"));
    header.emplace_back(tr(lang_, "loading", "载荷"));
    if (boot_ != nullptr) header.emplace_back(tr(lang_, "interval", "置信区间"));
    header.emplace_back(tr(lang_, "communality", "共同度"));
    out_ += table(header, rows);

    out_ += "<h3>" + std::string(tr(lang_, "Reliability and convergent validity", "信度与收敛效度")) + "</h3>\n";
    rows.clear();
    const auto* x = parts_.index;
    for (std::size_t j = 0; j < J; ++j) {
      const auto& q = fit_.blocks[j];
      // The rules of thumb flagged (Hair et al., PLS-SEM primer): reliabilities below 0.7
      // and AVE below 0.5, for reflective blocks of more than one indicator only.
      const bool judged = q.mode == pls_mode::a && q.indicators > 1;
      std::vector<cell> row{label(fit_.latent_variables[j]),
                            label(std::string(to_string(q.mode))),
                            {std::to_string(q.indicators), true, nullptr},
                            value(q.cronbach_alpha, 4, judged && q.cronbach_alpha < 0.7),
                            q.rho_a ? value(*q.rho_a, 4, judged && *q.rho_a < 0.7) : cell{"—", true, nullptr},
                            value(q.dg_rho, 4, judged && q.dg_rho < 0.7),
                            value(q.composite_reliability, 4, judged && q.composite_reliability < 0.7),
                            value(q.ave, 4, judged && q.ave < 0.5)};
      if (x != nullptr) row.push_back(value(x->index(index(j)), 1));
      rows.push_back(std::move(row));
    }
    header = {tr(lang_, "construct", "构念"),
              tr(lang_, "mode", "模式"),
              tr(lang_, "indicators", "指标数"),
              "Cronbach α",
              "ρ<sub>A</sub>",
              "ρ<sub>DG</sub>",
              "ρ<sub>c</sub>",
              "AVE"};
    if (x != nullptr) header.emplace_back(tr(lang_, "index (0–100)", "指数（0–100）"));
    out_ += table(header, rows);
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_,
                           "Marked: a reflective block's reliability below 0.7 or AVE below 0.5 (the usual rules "
                           "of thumb; judge them with the model's purpose).",
                           "标记：反映型构念的信度低于 0.7 或 AVE 低于 0.5（常用经验标准，请结合研究目的判断）。")) +
            "</p>\n";

    discriminant_validity();

    out_ += "<h3>" + std::string(tr(lang_, "Cross-loadings", "交叉载荷")) + "</h3>\n";
    rows.clear();
    for (std::size_t k = 0; k < K; ++k) {
      std::vector<cell> row{label(fit_.indicators[k])};
      for (std::size_t j = 0; j < J; ++j) {
        auto c = value(fit_.cross_loadings(index(k), index(j)), 3);
        if (fit_.block_of[k] == j) c.mark = "own";
        row.push_back(c);
      }
      rows.push_back(std::move(row));
    }
    header = {tr(lang_, "indicator", "指标")};
    for (const auto& name : fit_.latent_variables) header.push_back(escape(name));
    out_ += table(header, rows, J > 8);
    out_ += "</section>\n";
  }

  void discriminant_validity() {
    const auto J = fit_.latent_variables.size();
    std::vector<std::string> header{tr(lang_, "construct", "构念")};
    for (const auto& name : fit_.latent_variables) header.push_back(escape(name));
    out_ += "<h3>" + std::string(tr(lang_, "Discriminant validity: HTMT", "区分效度：HTMT")) + "</h3>\n";
    std::vector<std::vector<cell>> rows;
    for (std::size_t i = 0; i < J; ++i) {
      std::vector<cell> row{label(fit_.latent_variables[i])};
      for (std::size_t j = 0; j < J; ++j) {
        const auto& h = j < i ? fit_.htmt[i][j] : std::optional<double>{};
        row.push_back(j >= i ? cell{"", true, nullptr} : h ? value(*h, 3, *h >= 0.9) : cell{"—", true, nullptr});
      }
      rows.push_back(std::move(row));
    }
    out_ += table(header, rows);
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_,
                           "Marked: 0.90 or above (Henseler, Ringle &amp; Sarstedt 2015); — where a block has a single "
                           "indicator.",
                           "标记：不低于 0.90（Henseler、Ringle 与 Sarstedt，2015）；— 表示单指标构念，无定义。")) +
            "</p>\n";
    if (boot_ != nullptr && !boot_->htmt.empty()) {
      // HTMT's inference (Henseler et al. 2015) asks whether the interval stays below 1,
      // not whether it excludes 0: no t, and the flag where it reaches 1.
      std::vector<std::vector<cell>> pairs;
      for (const auto& e : boot_->htmt)
        pairs.push_back({label(e.name),
                         value(e.estimate, 4),
                         value(e.mean, 4),
                         value(e.se, 4),
                         {interval(e.lo, e.hi, 4), true, e.hi >= 1 ? "flag" : nullptr}});
      out_ += table({tr(lang_, "pair", "构念对"), "HTMT", tr(lang_, "boot mean", "自助均值"), tr(lang_, "SE", "标准误"),
                     tr(lang_, "interval", "置信区间")},
                    pairs);
      out_ += "<p class=\"note\">" +
              std::string(tr(lang_, "Marked: an interval that reaches 1 (discriminant validity not established).",
                             "标记：区间达到 1（区分效度未得到支持）。")) +
              "</p>\n";
    }
    // Fornell–Larcker: √AVE on the diagonal against the constructs' correlations below it.
    out_ += "<h3>" +
            std::string(tr(lang_, "Discriminant validity: Fornell–Larcker", "区分效度：Fornell–Larcker 准则")) +
            "</h3>\n";
    rows.clear();
    for (std::size_t i = 0; i < J; ++i) {
      std::vector<cell> row{label(fit_.latent_variables[i])};
      const double root_i = std::sqrt(fit_.blocks[i].ave);
      for (std::size_t j = 0; j < J; ++j) {
        if (j > i) {
          row.push_back({"", true, nullptr});
        } else if (j == i) {
          auto c = value(root_i, 3);
          c.mark = "own";
          row.push_back(c);
        } else {
          const double r = fit_.lv_correlations(index(i), index(j));
          row.push_back(value(r, 3, std::abs(r) > std::min(root_i, std::sqrt(fit_.blocks[j].ave))));
        }
      }
      rows.push_back(std::move(row));
    }
    out_ += table(header, rows);
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_,
                           "Diagonal: √AVE; below it the constructs' correlations, marked where one exceeds either "
                           "construct's √AVE.",
                           "对角线：√AVE；其下为构念间相关系数，超过任一构念 √AVE 者标记。")) +
            "</p>\n";
  }

  void ipma(const pls_ipma_result& m) {
    out_ += "<section class=\"ipma\">\n<h2>" +
            (zh() ? escape(m.target) + " 的重要性-绩效图分析（IPMA）"
                  : "Importance–performance map of " + escape(m.target)) +
            "</h2>\n<p>" +
            (zh() ? escape(m.target) + " 的绩效：" + fixed(m.target_performance, 1) + " 分（满分 100）；十字线（" +
                        crosshair_name(m.crosshair, lang_) + "）：重要性 " + fixed(m.importance_line, 3) + "，绩效 " +
                        fixed(m.performance_line, 1)
                  : "Performance of " + escape(m.target) + ": " + fixed(m.target_performance, 1) +
                        " of 100; crosshair (" + crosshair_name(m.crosshair, lang_) + "): importance " +
                        fixed(m.importance_line, 3) + ", performance " + fixed(m.performance_line, 1)) +
            ".";
    if (m.resamples > 0) {
      const auto succeeded = std::to_string(m.succeeded), resamples = std::to_string(m.resamples),
                 confidence = fixed(100 * m.confidence, 0);
      out_ += zh() ? " 自助法：" + resamples + " 次重抽样中 " + succeeded + " 次成功，" + confidence + " % 百分位区间。"
                   : " Bootstrap: " + succeeded + " of " + resamples + " resamples, " + confidence +
                         " % percentile intervals.";
    }
    out_ += "</p>\n" + warnings(m.warnings);
    for (const bool indicators : {false, true}) {
      const std::string id = indicators ? "ipma-indicators" : "ipma-constructs";
      out_ += figure(id, html::ipma_map(m, indicators, lang_, id),
                     indicators ? tr(lang_, "Indicators' map", "指标的重要性-绩效图")
                                : tr(lang_, "Constructs' map", "构念的重要性-绩效图"));
      std::vector<std::vector<cell>> rows;
      for (const auto& p : indicators ? m.indicators : m.constructs) {
        std::vector<cell> row{label(p.name), value(p.importance, 4)};
        if (m.resamples > 0)
          row.push_back(
              {p.importance_interval ? interval(p.importance_interval->lo, p.importance_interval->hi, 4) : "—", true,
               nullptr});
        row.push_back(value(p.performance, 1));
        if (m.resamples > 0)
          row.push_back(
              {p.performance_interval ? interval(p.performance_interval->lo, p.performance_interval->hi, 1) : "—", true,
               nullptr});
        row.push_back(
            {std::string(quadrant_name(p.quadrant, lang_)) +
                 (p.on_importance_line || p.on_performance_line ? tr(lang_, " (on a line)", "（在线上）") : ""),
             false, nullptr});
        rows.push_back(std::move(row));
      }
      std::vector<std::string> header{indicators ? tr(lang_, "indicator", "指标") : tr(lang_, "construct", "构念"),
                                      tr(lang_, "importance", "重要性")};
      if (m.resamples > 0) header.emplace_back(tr(lang_, "interval", "置信区间"));
      header.emplace_back(tr(lang_, "performance", "绩效"));
      if (m.resamples > 0) header.emplace_back(tr(lang_, "interval", "置信区间"));
      header.emplace_back(tr(lang_, "quadrant", "象限"));
      out_ += table(header, rows);
    }
    out_ += "</section>\n";
  }

  void model_fit(const pls_model_fit_result& f) {
    out_ += "<section class=\"model-fit\">\n<h2>" + std::string(tr(lang_, "Model fit", "模型拟合")) + "</h2>\n<p>";
    out_ += f.common_factor ? tr(lang_, "Common-factor model (PLSc)", "共同因子模型（PLSc）")
                            : tr(lang_, "Composite model", "合成模型");
    out_ += ", n " + std::to_string(f.n);
    if (f.resamples > 0)
      out_ += zh() ? "；精确拟合检验（Bollen–Stine 变换数据）" + std::to_string(f.resamples) + " 次重抽样（种子 " +
                         std::to_string(f.seed) + "）；HI95、HI99 为自助分布的 95 %、99 % 分位数"
                   : "; exact-fit test (Bollen–Stine transformed data), " + std::to_string(f.resamples) +
                         " resamples (seed " + std::to_string(f.seed) +
                         "); HI95 and HI99 are the 95 % and 99 % quantiles of the bootstrap distribution";
    out_ += ".</p>\n" + warnings(f.warnings);
    std::vector<std::vector<cell>> rows;
    for (const auto& [name, variant] : {std::pair{tr(lang_, "saturated", "饱和模型"), &f.saturated},
                                        std::pair{tr(lang_, "estimated", "估计模型"), &f.estimated}})
      for (const auto& m : variant->measures) {
        // A distance above its HI95 is what the exact-fit test rejects at 5 %.
        const bool rejected = m.value && m.q95 && *m.value > *m.q95;
        std::vector<cell> row{label(std::string(name) + " · " + m.name), value(m.value, 4)};
        if (rejected) row.back().mark = "flag";
        if (f.resamples > 0) {
          row.push_back(value(m.q95, 4));
          row.push_back(value(m.q99, 4));
          row.push_back(value(m.p_value, 4));
        }
        rows.push_back(std::move(row));
      }
    std::vector<std::string> header{tr(lang_, "model · measure", "模型 · 指标"), tr(lang_, "value", "值")};
    if (f.resamples > 0)
      for (const char* h : {"HI95", "HI99", "p"}) header.emplace_back(h);
    out_ += table(header, rows);
    if (f.resamples > 0)
      out_ += "<p class=\"note\">" +
              std::string(tr(lang_, "Marked: above HI95, rejected by the exact-fit test at 5 %.",
                             "标记：高于 HI95，即在 5 % 水平被精确拟合检验拒绝。")) +
              "</p>\n";
    out_ += "</section>\n";
  }

  void predict(const pls_predict_result& p) {
    out_ += "<section class=\"predict\">\n<h2>PLSpredict</h2>\n<p>" +
            (zh() ? std::to_string(p.folds) + " 折交叉验证，重复 " + std::to_string(p.repetitions) + " 次（种子 " +
                        std::to_string(p.seed) + "），n " + std::to_string(p.n) + "；数值为各次重复的平均。"
                  : std::to_string(p.folds) + "-fold cross-validation, " + std::to_string(p.repetitions) +
                        " repetitions (seed " + std::to_string(p.seed) + "), n " + std::to_string(p.n) +
                        "; means over the repetitions.") +
            "</p>\n";
    std::vector<std::vector<cell>> rows;
    for (const auto& x : p.indicators)
      rows.push_back({label(x.name), label(x.construct), value(x.rmse, 4, x.rmse > x.lm_rmse), value(x.mae, 4),
                      value(x.q2_predict, 4, x.q2_predict <= 0), value(x.lm_rmse, 4), value(x.lm_mae, 4)});
    out_ += table({tr(lang_, "indicator", "指标"), tr(lang_, "construct", "构念"), "RMSE", "MAE",
                   "Q²<sub>predict</sub>", "LM RMSE", "LM MAE"},
                  rows);
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_,
                           "Marked: an RMSE above the linear model's, a Q²<sub>predict</sub> not above 0 (the "
                           "training mean predicts as well).",
                           "标记：RMSE 高于线性模型，或 Q²<sub>predict</sub> 不大于 0（不优于训练样本均值）。")) +
            "</p>\n";
    out_ += "<h3>" + std::string(tr(lang_, "CVPAT (Liengaard et al. 2021)", "CVPAT 检验（Liengaard 等，2021）")) +
            "</h3>\n";
    rows.clear();
    for (const auto& c : p.cvpat)
      rows.push_back(
          {label(c.benchmark),
           {c.construct.empty() ? tr(lang_, "all endogenous", "全部内生构念") : escape(c.construct), false, nullptr},
           value(c.loss_difference, 4),
           value(c.t, 3),
           value(c.p_better, 4),
           value(c.p_two_sided, 4)});
    out_ += table(
        {tr(lang_, "benchmark", "基准"), tr(lang_, "indicators of", "指标所属"), tr(lang_, "loss difference", "损失差"),
         "t", tr(lang_, "p (PLS better)", "p（PLS 更优）"), tr(lang_, "p (two-sided)", "p（双侧）")},
        rows);
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_,
                           "Loss difference = the benchmark's loss − the model's: above 0 the model predicts better. "
                           "LM: linear regression on the exogenous indicators; IA: the indicators' averages.",
                           "损失差 = 基准损失 − 模型损失：大于 0 表示模型预测更好。LM：对外生指标的线性回归；"
                           "IA：指标均值。")) +
            "</p>\n</section>\n";
  }

  void mga(const pls_mga_result& g) {
    const auto first = escape(g.groups[0]), second = escape(g.groups[1]);
    out_ +=
        "<section class=\"mga\">\n<h2>" + std::string(tr(lang_, "Multigroup analysis", "多群组分析")) + "</h2>\n<p>" +
        (zh() ? first + "（n " + std::to_string(g.n[0]) + "）对 " + second + "（n " + std::to_string(g.n[1]) + "）；" +
                    std::to_string(g.permutations) + " 次置换中 " + std::to_string(g.succeeded) + " 次成功" +
                    (g.resamples > 0 ? "，每组 " + std::to_string(g.resamples) + " 次自助重抽样（Henseler）"
                                     : std::string()) +
                    "，种子 " + std::to_string(g.seed) + "。"
              : first + " (n " + std::to_string(g.n[0]) + ") vs " + second + " (n " + std::to_string(g.n[1]) + "); " +
                    std::to_string(g.succeeded) + " of " + std::to_string(g.permutations) + " permutations" +
                    (g.resamples > 0 ? ", " + std::to_string(g.resamples) + " resamples per group (Henseler)"
                                     : std::string()) +
                    ", seed " + std::to_string(g.seed) + ".") +
        "</p>\n" + warnings(g.warnings);
    out_ += "<h3>" + std::string(tr(lang_, "Measurement invariance (MICOM)", "测量不变性（MICOM）")) + "</h3>\n";
    std::vector<std::vector<cell>> rows;
    for (const auto& m : g.micom)
      rows.push_back(
          {label(m.name),
           value(m.c, 4, m.c < m.c_q05),
           value(m.c_q05, 4),
           value(m.c_p, 4),
           value(m.mean_difference, 3, m.mean_difference < m.mean_lo || m.mean_difference > m.mean_hi),
           {interval(m.mean_lo, m.mean_hi, 3), true, nullptr},
           value(m.mean_p, 4),
           value(m.log_variance_ratio, 3, m.log_variance_ratio < m.variance_lo || m.log_variance_ratio > m.variance_hi),
           {interval(m.variance_lo, m.variance_hi, 3), true, nullptr},
           value(m.variance_p, 4)});
    out_ += table({tr(lang_, "construct", "构念"), "c", tr(lang_, "c: 5 % quantile", "c 的 5 % 分位数"), "p",
                   tr(lang_, "mean difference", "均值差"), tr(lang_, "interval", "置信区间"), "p",
                   tr(lang_, "log variance ratio", "方差对数比"), tr(lang_, "interval", "置信区间"), "p"},
                  rows, true);
    out_ += "<p class=\"note\">" +
            std::string(
                tr(lang_,
                   "Step 2 (compositional invariance) holds where c is not below its 5 % quantile; step 3 "
                   "(equal means and variances) where the difference lies inside its permutation interval. "
                   "Marked: where it does not.",
                   "第 2 步（组成不变性）要求 c 不低于其 5 % 分位数；第 3 步（均值与方差相等）要求差值落在置换区间内。"
                   "未满足者标记。")) +
            "</p>\n";
    const auto differences = [&](const std::vector<pls_group_difference>& list, const char* heading, const char* what) {
      out_ += "<h3>" + std::string(heading) + "</h3>\n";
      std::vector<std::vector<cell>> diff;
      for (const auto& d : list) {
        std::vector<cell> row{label(d.name), value(d.first, 4), value(d.second, 4), value(d.difference, 4),
                              value(d.p_permutation, 4, d.p_permutation < 0.05)};
        if (g.resamples > 0) row.push_back(value(d.p_henseler, 4));
        diff.push_back(std::move(row));
      }
      std::vector<std::string> header{what, first, second, tr(lang_, "difference", "差值"),
                                      tr(lang_, "p (permutation)", "p（置换检验）")};
      if (g.resamples > 0) header.emplace_back(tr(lang_, "P(1st ≤ 2nd), Henseler", "P(第一组 ≤ 第二组)，Henseler"));
      out_ += table(header, diff);
    };
    differences(g.paths, tr(lang_, "Path coefficients", "路径系数"), tr(lang_, "path", "路径"));
    out_ += "<p class=\"note\">" +
            std::string(tr(lang_, "Marked: a permutation p below 0.05.", "标记：置换检验 p 低于 0.05。")) + "</p>\n";
    differences(g.weights, tr(lang_, "Weights", "权重"), tr(lang_, "indicator", "指标"));
    differences(g.loadings, tr(lang_, "Loadings", "载荷"), tr(lang_, "indicator", "指标"));
    out_ += "</section>\n";
  }

  static Eigen::Index index(std::size_t i) { return static_cast<Eigen::Index>(i); }
};

}  // namespace

std::string to_html(const pls_fit& fit, const pls_report_parts& parts, language lang) {
  // Every number the report shows is checked as the JSON and text renderers check it.
  report_detail::check_finite(report_detail::document(fit, parts.bootstrap, parts.index));
  if (parts.ipma != nullptr) report_detail::check_finite(report_detail::document(*parts.ipma));
  if (parts.model_fit != nullptr) report_detail::check_finite(report_detail::document(*parts.model_fit));
  if (parts.predict != nullptr) report_detail::check_finite(report_detail::document(*parts.predict));
  if (parts.mga != nullptr) report_detail::check_finite(report_detail::document(*parts.mga));
  return model_report(fit, parts, lang).render();
}

}  // namespace excellence::inline v1
