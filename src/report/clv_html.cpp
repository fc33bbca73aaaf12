// The validation report of the lifetime-value models (report/clv_html.hpp): the models
// compared and the charts of FHL (2005a), as one HTML document. Renders; estimates nothing.
#include <excellence/detail/strings.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/report/clv_html.hpp>

#include "document.hpp"
#include "html_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace excellence::inline v1 {

// In a namespace of its own: the library is a unity build, and pls_html.cpp, charts.cpp and
// the others have helpers of these plain names.
namespace clv_report {
namespace {

using detail::fixed;
using html::coordinate;
using html::escape;
using html::tr;

constexpr const char* stylesheet = R"(
figure.chart { margin: 8px 0 14px 0; break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; max-width: 182mm; display: block; }
figure.chart figcaption { font-weight: bold; font-size: 9.5pt; color: #4a5562; }
table.numbers { font-size: 8.5pt; }
svg .grid { stroke: #d5dbe3; stroke-width: 1; }
svg .axis { stroke: #4a5562; stroke-width: 1; }
svg .axis-label { font-size: 10px; fill: #4a5562; }
svg .holdout { fill: #eef2f7; }
svg .legend { font-size: 10px; fill: #1b1f24; }
td.num { white-space: nowrap; }
table.compare { font-size: 8pt; } table.compare th, table.compare td { padding: 3px 3px; }
p.note { color: #4a5562; font-size: 9pt; margin: 2px 0 8px 0; }
)";

// The plotting frame every chart shares (a viewBox of 600 × 320).
constexpr double chart_width = 600, chart_height = 320;
constexpr double left = 62, right = 590, top = 34, bottom = 270;

// A number for an axis: whole numbers plainly, others to the step's precision.
std::string tick_label(double v, double step) {
  return fixed(v, step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step))));
}

// One line (or set of bars) of a chart: the actual values drawn black and solid, a model's
// in its colour, dashed.
struct series {
  std::string name;  // escaped
  std::vector<double> values;
  bool actual = false;
  std::size_t colour = 0;
};

// The y axis from 0 to the tick above the largest value, with its grid and labels.
struct y_axis {
  double top_value = 1, step = 1;
  [[nodiscard]] double y(double v) const { return bottom - (bottom - top) * v / top_value; }
};

y_axis axis_for(const std::vector<series>& all, std::string& body, const std::string& title) {
  double largest = 0;
  for (const auto& s : all)
    for (const double v : s.values) largest = std::max(largest, v);
  y_axis a;
  a.step = largest > 0 ? html::grid_step(largest, 5) : 1;
  a.top_value = a.step * std::max(1.0, std::ceil(largest / a.step));
  for (double v = 0; v <= a.top_value + a.step / 2; v += a.step) {
    body += "<line class=\"grid\" x1=\"" + coordinate(left) + "\" y1=\"" + coordinate(a.y(v)) + "\" x2=\"" +
            coordinate(right) + "\" y2=\"" + coordinate(a.y(v)) + "\"/>\n";
    body += html::text(left - 6, a.y(v) + 3.5, tick_label(v, a.step), "text-anchor=\"end\" class=\"axis-label\"");
  }
  // The axis title runs up the left edge, clear of the legend along the top.
  const double mid = (top + bottom) / 2;
  body +=
      html::text(12, mid, title,
                 "text-anchor=\"middle\" class=\"axis-label\" transform=\"rotate(-90 12 " + coordinate(mid) + ")\"");
  return a;
}

// The legend along the top: a short line or block per series.
void legend(const std::vector<series>& all, bool bars, std::string& body) {
  double x = left;
  for (const auto& s : all) {
    const std::string colour = s.actual ? "#1b1f24" : html::series_colour(s.colour);
    if (bars)
      body += "<rect x=\"" + coordinate(x) + "\" y=\"" + coordinate(top - 24) + "\" width=\"10\" height=\"8\" fill=\"" +
              colour + "\"/>\n";
    else
      body += "<line x1=\"" + coordinate(x) + "\" y1=\"" + coordinate(top - 20) + "\" x2=\"" + coordinate(x + 14) +
              "\" y2=\"" + coordinate(top - 20) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
              (s.actual ? "" : " stroke-dasharray=\"5 3\"") + "/>\n";
    body += html::text(x + 18, top - 16, s.name, "class=\"legend\"");
    x += 30 + 6.0 * static_cast<double>(s.name.size());
  }
}

// The x labels under the axis: every `every`-th of `labels`, at the centres `x_of(i)`.
template <class X>
void x_labels(const std::vector<std::string>& labels, std::size_t every, X x_of, const std::string& title,
              std::string& body) {
  body += "<line class=\"axis\" x1=\"" + coordinate(left) + "\" y1=\"" + coordinate(bottom) + "\" x2=\"" +
          coordinate(right) + "\" y2=\"" + coordinate(bottom) + "\"/>\n";
  for (std::size_t i = 0; i < labels.size(); i += every)
    body += html::text(x_of(i), bottom + 14, labels[i], "text-anchor=\"middle\" class=\"axis-label\"");
  body += html::text((left + right) / 2, bottom + 34, title, "text-anchor=\"middle\" class=\"axis-label\"");
}

// A line chart over categories (periods, frequencies); with `shade_from`, the categories
// from there on (the holdout) on a shaded ground.
std::string line_chart(const std::vector<std::string>& labels, const std::vector<series>& all,
                       std::optional<std::size_t> shade_from, const std::string& x_title, const std::string& y_title) {
  const std::size_t n = labels.size();
  auto x_of = [&](std::size_t i) {
    return n < 2 ? (left + right) / 2 : left + (right - left) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  std::string body;
  if (shade_from && *shade_from < n) {
    const double from = *shade_from == 0 ? left : (x_of(*shade_from - 1) + x_of(*shade_from)) / 2;
    body += "<rect class=\"holdout\" x=\"" + coordinate(from) + "\" y=\"" + coordinate(top) + "\" width=\"" +
            coordinate(right - from) + "\" height=\"" + coordinate(bottom - top) + "\"/>\n";
  }
  const auto a = axis_for(all, body, y_title);
  x_labels(labels, std::max<std::size_t>(1, (n + 9) / 10), x_of, x_title, body);
  for (const auto& s : all) {
    std::string points;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      if (i > 0) points += ' ';
      points += coordinate(x_of(i));
      points += ',';
      points += coordinate(a.y(s.values[i]));
    }
    body += "<polyline class=\"series\" fill=\"none\" stroke=\"" +
            std::string(s.actual ? "#1b1f24" : html::series_colour(s.colour)) + "\" stroke-width=\"" +
            (s.actual ? "2" : "1.6") + "\"" + (s.actual ? "" : " stroke-dasharray=\"5 3\"") + " points=\"" + points +
            "\"/>\n";
  }
  legend(all, false, body);
  return body;
}

// Grouped bars: per category one bar of each series.
std::string bar_chart(const std::vector<std::string>& labels, const std::vector<series>& all,
                      const std::string& x_title, const std::string& y_title) {
  const double group = (right - left) / static_cast<double>(std::max<std::size_t>(1, labels.size()));
  const double bar = group * 0.8 / static_cast<double>(std::max<std::size_t>(1, all.size()));
  auto centre = [&](std::size_t i) { return left + group * (static_cast<double>(i) + 0.5); };
  std::string body;
  const auto a = axis_for(all, body, y_title);
  x_labels(labels, 1, centre, x_title, body);
  for (std::size_t k = 0; k < all.size(); ++k) {
    const auto& s = all[k];
    const std::string colour = s.actual ? "#1b1f24" : html::series_colour(s.colour);
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      const double x = centre(i) - group * 0.4 + bar * static_cast<double>(k), y = a.y(s.values[i]);
      body += "<rect class=\"bar\" x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" width=\"" +
              coordinate(bar * 0.9) + "\" height=\"" + coordinate(bottom - y) + "\" fill=\"" + colour + "\"/>\n";
    }
  }
  legend(all, true, body);
  return body;
}

// The numbers of a chart's series, one row per category.
html::numbers_table table_of(const std::string& first, const std::vector<std::string>& labels,
                             const std::vector<series>& all, int digits) {
  html::numbers_table t{{first}, {}};
  for (const auto& s : all) t.header.push_back(s.name);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::vector<std::string> row{labels[i]};
    for (const auto& s : all) row.push_back(fixed(s.values[i], digits));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The categories (rows) of a chart and its series: the actual values of the rows, then
// each model's expected values (`expected(row)[m]`).
struct chart_data {
  std::vector<std::string> labels{};
  std::vector<series> all{};
};

template <class Rows, class Label, class Actual, class Expected>
chart_data chart_of(const holdout_validation& v, const std::string& actual_name, const Rows& rows, Label label,
                    Actual actual, Expected expected) {
  chart_data d;
  d.all.push_back({actual_name, {}, true, 0});
  for (std::size_t m = 0; m < v.models.size(); ++m)
    d.all.push_back({escape(std::string(title(v.models[m].fit.model))), {}, false, m});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    d.labels.push_back(label(i, rows[i]));
    d.all[0].values.push_back(actual(rows[i]));
    for (std::size_t m = 0; m < v.models.size(); ++m) d.all[1 + m].values.push_back(expected(rows[i])[m]);
  }
  return d;
}

std::string unit_name(clv_time_unit u, language lang) {
  switch (u) {
    case clv_time_unit::days:
      return tr(lang, "day", "日");
    case clv_time_unit::weeks:
      return tr(lang, "week", "周");
    case clv_time_unit::months:
      return tr(lang, "month", "月");
  }
  return "?";
}

std::string count_label(std::size_t count, bool or_more) {
  return std::to_string(count) + (or_more ? "+" : "");
}

// Six significant digits: a GGompertz/NBD's b of 1.2e-8 is not "0.000000".
std::string significant(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::string td(const std::string& text, bool number = true) {
  return std::string(number ? "<td class=\"num\">" : "<td>") + text + "</td>";
}

std::string comparison_table(const holdout_validation& v, language lang) {
  std::string out =
      "<table class=\"compare\">\n<thead><tr><th scope=\"col\">" + std::string(tr(lang, "model", "模型")) + "</th>";
  for (const char* h : {"LL", "AIC", "BIC", "MAE", "RMSE", "r"})
    out += "<th scope=\"col\" class=\"num\">" + std::string(h) + "</th>";
  out += "<th scope=\"col\" class=\"num\">" + std::string(tr(lang, "expected", "预期")) +
         "</th><th scope=\"col\" class=\"num\">" + tr(lang, "error %", "误差 %") +
         "</th><th scope=\"col\" class=\"num\">MAPE " + tr(lang, "cal. %", "校准 %") +
         "</th><th scope=\"col\" class=\"num\">MAPE " + tr(lang, "hold. %", "保留 %") +
         "</th><th scope=\"col\" class=\"num\">χ² (df) p</th></tr></thead>\n<tbody>\n";
  for (const auto& m : v.models) {
    out += "<tr><th scope=\"row\">" + escape(std::string(title(m.fit.model))) + "</th>" +
           td(fixed(m.fit.log_likelihood, 2)) + td(fixed(m.aic, 2)) + td(fixed(m.bic, 2)) + td(fixed(m.mae, 4)) +
           td(fixed(m.rmse, 4)) + td(m.correlation ? fixed(*m.correlation, 4) : "-") + td(fixed(m.expected_total, 1)) +
           td(fixed(100 * m.aggregate_error, 2)) + td(fixed(100 * m.calibration_mape, 2)) +
           td(fixed(100 * m.holdout_mape, 2)) +
           td(m.chi_square ? fixed(*m.chi_square, 1) + " (" + std::to_string(m.chi_square_df) + ") " +
                                 fixed(m.chi_square_p.value_or(1), 3)
                           : "-") +
           "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  // Each fit's parameters, with standard errors where the information matrix gave them.
  for (const auto& m : v.models) {
    out += "<h4>" + escape(std::string(title(m.fit.model))) + "</h4>\n<table>\n<thead><tr><th scope=\"col\">" +
           tr(lang, "parameter", "参数") + "</th><th scope=\"col\" class=\"num\">" + tr(lang, "estimate", "估计") +
           "</th><th scope=\"col\" class=\"num\">" + tr(lang, "standard error", "标准误") +
           "</th></tr></thead>\n<tbody>\n";
    for (std::size_t j = 0; j < m.fit.names.size(); ++j)
      out += "<tr><th scope=\"row\">" + escape(m.fit.names[j]) + "</th>" + td(significant(m.fit.params[j])) +
             td(m.fit.standard_errors.empty() ? "-" : significant(m.fit.standard_errors[j])) + "</tr>\n";
    out += "</tbody>\n</table>\n";
    if (!m.fit.converged)
      out +=
          "<p class=\"note\">" + std::string(tr(lang, "Not converged: ", "未收敛：")) + escape(m.fit.status) + "</p>\n";
  }
  return out;
}

}  // namespace
}  // namespace clv_report

std::string to_html(const holdout_validation& v, language lang) {
  using detail::fixed;
  using html::escape;
  using html::tr;
  report_detail::check_finite(report_detail::document(v));
  const std::string unit = clv_report::unit_name(v.unit, lang);
  const std::string heading = tr(lang, "Lifetime-value models: holdout validation", "客户终身价值模型：保留期检验");
  std::string out = html::page_start(lang, escape(heading), clv_report::stylesheet);
  out += "<h1>" + escape(heading) + "</h1>\n";
  out += "<dl class=\"facts\">\n<dt>" + std::string(tr(lang, "customers", "顾客")) + "</dt><dd>" +
         fixed(v.customers, 0) + "</dd>\n<dt>" + tr(lang, "calibration to", "校准期截至") + "</dt><dd>" +
         format_date(v.end) + "</dd>\n<dt>" + tr(lang, "holdout to", "保留期截至") + "</dt><dd>" +
         format_date(v.holdout_end) + " (" + fixed(v.holdout_length, 2) + " " +
         (lang == language::zh ? unit : std::string(to_string(v.unit))) + ")</dd>\n<dt>" +
         tr(lang, "holdout transactions", "保留期交易") + "</dt><dd>" + fixed(v.actual_total, 0) + "</dd>\n</dl>\n";
  out +=
      "<h2>" + std::string(tr(lang, "Models compared", "模型比较")) + "</h2>\n" + clv_report::comparison_table(v, lang);

  out += "<h2>" + std::string(tr(lang, "Tracking", "跟踪")) + "</h2>\n";
  std::optional<std::size_t> first_holdout;
  for (std::size_t p = 0; p < v.tracking.size() && !first_holdout; ++p)
    if (v.tracking[p].holdout) first_holdout = p;
  const std::string actual_name = tr(lang, "actual", "实际");
  const std::string x_period =
      unit + (lang == language::zh ? "" : " ") + tr(lang, "(holdout shaded)", "（阴影为保留期）");
  const std::string repeat = tr(lang, "repeat transactions", "重复交易");
  auto period = [](std::size_t i, const tracking_period&) { return std::to_string(i + 1); };
  const auto weekly = clv_report::chart_of(
      v, actual_name, v.tracking, period, [](const tracking_period& t) { return t.actual; },
      [](const tracking_period& t) -> const auto& { return t.expected; });
  // A line chart's figure: its title and text alternative, then the chart and its numbers.
  auto line_figure = [&](const char* id, const std::string& caption, const std::string& description,
                         const clv_report::chart_data& d, std::optional<std::size_t> shade, const std::string& x_title,
                         const std::string& y_title, const std::string& first_column, int digits) {
    return html::figure(id, clv_report::chart_width, clv_report::chart_height, caption, description,
                        clv_report::line_chart(d.labels, d.all, shade, x_title, y_title),
                        clv_report::table_of(first_column, d.labels, d.all, digits));
  };
  out += line_figure("tracking",
                     escape(tr(lang, "Repeat transactions per ", "每")) + unit +
                         escape(tr(lang, ", actual and expected", "重复交易：实际与预期")),
                     escape(tr(lang,
                               "The repeat transactions of each period, actual (solid) and expected by each model "
                               "(dashed); the holdout periods are shaded.",
                               "各期重复交易：实际（实线）与各模型预期（虚线）；阴影为保留期。")),
                     weekly, first_holdout, x_period, repeat, unit, 1);
  const auto cumulative = clv_report::chart_of(
      v, actual_name, v.tracking, period, [](const tracking_period& t) { return t.actual_cumulative; },
      [](const tracking_period& t) -> const auto& { return t.expected_cumulative; });
  out += line_figure(
      "cumulative", escape(tr(lang, "Cumulative repeat transactions, actual and expected", "累计重复交易：实际与预期")),
      escape(tr(lang,
                "The repeat transactions to the end of each period, actual (solid) and expected by "
                "each model (dashed); the holdout periods are shaded.",
                "截至各期的累计重复交易：实际（实线）与各模型预期（虚线）；阴影为保留期。")),
      cumulative, first_holdout, x_period, repeat, unit, 1);

  out += "<h2>" + std::string(tr(lang, "Calibration fit", "校准期拟合")) + "</h2>\n";
  const std::string counts_title = tr(lang, "repeat transactions", "重复交易次数");
  const auto histogram = clv_report::chart_of(
      v, actual_name, v.histogram,
      [](std::size_t, const count_bin& b) { return clv_report::count_label(b.count, b.or_more); },
      [](const count_bin& b) { return b.actual; }, [](const count_bin& b) -> const auto& { return b.expected; });
  out += html::figure(
      "histogram", clv_report::chart_width, clv_report::chart_height,
      escape(tr(lang, "Customers by repeat transactions in the calibration period", "按校准期重复交易次数的顾客数")),
      escape(tr(lang,
                "For each number of repeat transactions, the customers who made it, actual (black) and "
                "expected by each model.",
                "各重复交易次数的顾客数：实际（黑色）与各模型预期。")),
      clv_report::bar_chart(histogram.labels, histogram.all, counts_title, tr(lang, "customers", "顾客")),
      clv_report::table_of(counts_title, histogram.labels, histogram.all, 1));

  out += "<h2>" + std::string(tr(lang, "Holdout by calibration frequency", "按校准期频次的保留期交易")) + "</h2>\n";
  const std::string frequency_title = tr(lang, "calibration repeat transactions", "校准期重复交易次数");
  const auto groups = clv_report::chart_of(
      v, actual_name, v.by_frequency,
      [](std::size_t, const frequency_group& g) { return clv_report::count_label(g.frequency, g.or_more); },
      [](const frequency_group& g) { return g.actual; },
      [](const frequency_group& g) -> const auto& { return g.expected; });
  out += line_figure(
      "by-frequency",
      escape(tr(lang, "Mean holdout transactions by calibration frequency", "按校准期频次的保留期平均交易")),
      escape(tr(lang,
                "The customers grouped by their repeat transactions in the calibration period: their "
                "mean transactions in the holdout, actual (solid) and expected by each model (dashed).",
                "按校准期重复交易次数分组的顾客：保留期平均交易，实际（实线）与各模型预期（虚线）。")),
      groups, std::nullopt, frequency_title, tr(lang, "mean holdout transactions", "保留期平均交易"), frequency_title,
      3);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace excellence::inline v1
