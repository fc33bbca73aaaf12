// Results evidence in the examiner's report: the bands the measured results support next to
// a results item, and a small trend chart per key measure.
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/report/html.hpp>
#include <excellence/scoring/score_band.hpp>

#include "html_support.hpp"

#include <algorithm>
#include <cmath>

namespace excellence::inline v1 {

namespace {

using html::coordinate;
using html::escape;
using html::text;
using html::tr;

std::string segment_name(const measure_set& set, const std::string& id, language lang) {
  const auto* segment = set.find_segment(id);
  return segment != nullptr ? name_of(*segment, lang) : id;
}

}  // namespace

std::string trend_chart(const results_evidence& e, std::size_t index, language lang, std::string_view id) {
  if (index >= e.series.size())
    throw data_error({errc::invalid_value, "", 0, 0, "series",
                      "series " + std::to_string(index) + " of " + std::to_string(e.series.size())});
  const auto& s = e.series[index];
  const auto& set = e.measures;
  const auto* m = set.find(s.measure);
  const auto label = [&](std::int64_t period) { return escape(format_period_label(period, e.notation)); };

  // What is drawn: the values, each comparison with values, the target (per period, or the
  // measure's for every period).
  std::vector<double> all;
  std::vector<std::size_t> sources;
  for (const auto& p : s.points) {
    all.push_back(p.value);
    if (auto t = p.target ? p.target : m->target) all.push_back(*t);
    for (std::size_t c = 0; c < p.comparisons.size(); ++c)
      if (p.comparisons[c]) {
        all.push_back(*p.comparisons[c]);
        if (std::find(sources.begin(), sources.end(), c) == sources.end()) sources.push_back(c);
      }
  }
  std::sort(sources.begin(), sources.end());
  const auto [low_it, high_it] = std::minmax_element(all.begin(), all.end());
  double low = *low_it, high = *high_it;
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  const double step = html::grid_step(high - low, 4);  // about four grid lines
  low = std::floor(low / step) * step;
  high = std::ceil(high / step) * step;

  const double left = 46, right = 300, top = 12, bottom = 130;
  const auto first = s.points.front().period, last = s.points.back().period;
  const auto x_of = [&](std::int64_t period) {
    return first == last
               ? (left + right) / 2
               : left + (right - left) * static_cast<double>(period - first) / static_cast<double>(last - first);
  };
  const auto y_of = [&](double v) { return bottom - (bottom - top) * (v - low) / (high - low); };

  std::string body;
  for (double g = low; g <= high + step / 2; g += step) {
    body += "<line class=\"grid\" x1=\"" + coordinate(left) + "\" y1=\"" + coordinate(y_of(g)) + "\" x2=\"" +
            coordinate(right) + "\" y2=\"" + coordinate(y_of(g)) + "\"/>\n";
    body += text(left - 6, y_of(g) + 3, detail::trimmed(g), "text-anchor=\"end\" class=\"axis-label\"");
  }
  for (const auto& p : s.points)
    body += text(x_of(p.period), bottom + 14, label(p.period), "text-anchor=\"middle\" class=\"axis-label\"");

  const auto polyline = [&](const std::vector<std::pair<std::int64_t, double>>& pts, const std::string& attributes) {
    std::string coords;
    for (const auto& [period, v] : pts)
      coords.append(coords.empty() ? "" : " ").append(coordinate(x_of(period))).append(",").append(coordinate(y_of(v)));
    return "<polyline fill=\"none\" " + attributes + " points=\"" + coords + "\"/>\n";
  };
  // Legend entries below the plot, one line each: a swatch and a name.
  std::string legend;
  double legend_y = bottom + 30;
  const auto legend_entry = [&](const std::string& stroke_attributes, const std::string& name) {
    legend += "<line x1=\"" + coordinate(left) + "\" y1=\"" + coordinate(legend_y - 3) + "\" x2=\"" +
              coordinate(left + 18) + "\" y2=\"" + coordinate(legend_y - 3) + "\" " + stroke_attributes + "/>\n";
    legend += text(left + 24, legend_y, name, "class=\"legend-label\"");
    legend_y += 13;
  };

  html::numbers_table numbers{{tr(lang, "Period", "期间"), escape(name_of(*m, lang))}, {}};
  std::string description = escape(name_of(*m, lang)) + ", " + escape(segment_name(set, s.segment, lang)) + ": ";
  std::vector<std::pair<std::int64_t, double>> values;
  for (const auto& p : s.points) {
    values.emplace_back(p.period, p.value);
    description += label(p.period) + " " + detail::trimmed(p.value) + (&p == &s.points.back() ? ". " : ", ");
  }

  const std::string value_stroke = "stroke=\"" + std::string(html::series_colour(0)) + "\" stroke-width=\"2.2\"";
  legend_entry(value_stroke, escape(segment_name(set, s.segment, lang)));
  const char* greys[] = {"#7f8c8d", "#a04000", "#5b2c6f", "#117a65"};
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const auto c = sources[k];
    std::vector<std::pair<std::int64_t, double>> pts;
    for (const auto& p : s.points)
      if (p.comparisons[c]) pts.emplace_back(p.period, *p.comparisons[c]);
    const std::string stroke =
        "stroke=\"" + std::string(greys[k % 4]) + "\" stroke-width=\"1.3\" stroke-dasharray=\"4 3\"";
    body += "<g class=\"comparison\" data-comparison=\"" + escape(set.comparisons[c].id) + "\">\n" +
            polyline(pts, stroke) + "</g>\n";
    legend_entry(stroke, escape(name_of(set.comparisons[c], lang)));
    numbers.header.push_back(escape(name_of(set.comparisons[c], lang)));
    description += escape(name_of(set.comparisons[c], lang)) + ":";
    for (const auto& [period, v] : pts)
      description.append(" ").append(label(period)).append(" ").append(detail::trimmed(v));
    description += ". ";
  }
  std::vector<std::pair<std::int64_t, double>> targets;
  for (const auto& p : s.points)
    if (auto t = p.target ? p.target : m->target) targets.emplace_back(p.period, *t);
  if (!targets.empty()) {
    const std::string stroke = "stroke=\"#2e8b57\" stroke-width=\"1.3\" stroke-dasharray=\"1.5 2.5\"";
    body += "<g class=\"target\">\n" + polyline(targets, stroke) + "</g>\n";
    legend_entry(stroke, tr(lang, "target", "目标"));
    numbers.header.push_back(tr(lang, "Target", "目标"));
    description += std::string(tr(lang, "Target", "目标")) + ":";
    for (const auto& [period, v] : targets)
      description.append(" ").append(label(period)).append(" ").append(detail::trimmed(v));
    description += ". ";
  }
  body += "<g class=\"values\">\n" + polyline(values, value_stroke);
  for (const auto& [period, v] : values)
    body += "<circle class=\"point\" cx=\"" + coordinate(x_of(period)) + "\" cy=\"" + coordinate(y_of(v)) +
            "\" r=\"2.8\" fill=\"" + html::series_colour(0) + "\" data-period=\"" + label(period) + "\" data-value=\"" +
            detail::trimmed(v) + "\"/>\n";
  body += "</g>\n";
  body = body + legend;
  legend_y -= 13;
  // The trend in words, for the text alternative.
  const auto& t = s.trend;
  if (t.status == trend_status::too_few_periods) {
    description += tr(lang, "Too few periods for a trend.", "期数太少,无法判断趋势。");
  } else {
    description += std::string(tr(lang, "Trend ", "趋势 ")) + std::string(to_string(t.status)) + " (p " +
                   detail::fixed(t.mann_kendall->p_value, 3) + tr(lang, "), slope ", "),斜率 ") +
                   detail::trimmed(t.theil_sen->slope) + tr(lang, " per period", "/期") +
                   (t.sustained ? tr(lang, ", sustained.", ",持续改善。") : ".");
  }

  for (const auto& p : s.points) {
    std::vector<std::string> row{label(p.period), detail::trimmed(p.value)};
    for (auto c : sources) row.push_back(p.comparisons[c] ? detail::trimmed(*p.comparisons[c]) : "");
    if (!targets.empty()) {
      const auto target = p.target ? p.target : m->target;
      row.push_back(target ? detail::trimmed(*target) : "");
    }
    numbers.rows.push_back(std::move(row));
  }
  const std::string title = escape(name_of(*m, lang)) + " — " + escape(segment_name(set, s.segment, lang)) +
                            (m->unit.empty() ? std::string() : " (" + escape(m->unit) + ")");
  return html::figure(id, 320, legend_y + 8, title, description, body, numbers);
}

namespace html {

std::string evidence_section(const results_evidence& e, const item_evidence& item,
                             const std::vector<std::pair<std::string, diagnostic>>& warnings, language lang,
                             std::string_view prefix) {
  std::string out = "<section class=\"evidence\" data-item=\"" + escape(item.item) + "\" data-min-percent=\"" +
                    std::to_string(item.min_percent) + "\" data-max-percent=\"" + std::to_string(item.max_percent) +
                    "\">\n<h4>" + tr(lang, "Evidence from the measured results: ", "测量结果的证据:") +
                    std::to_string(item.min_percent) + "–" + std::to_string(item.max_percent) + "%</h4>\n";
  out += "<table class=\"evidence-bands\">\n<thead><tr><th>" + std::string(tr(lang, "Dimension", "维度")) +
         "</th><th>" + tr(lang, "Band supported", "支持的分数段") + "</th><th>" + tr(lang, "Why", "依据") +
         "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : item.support) {
    const auto& band = score_bands[static_cast<std::size_t>(s.band) - 1];
    out += "<tr data-dimension=\"" + std::string(to_string(s.dimension)) + "\" data-band=\"" + band.label() +
           "\"><th scope=\"row\">" + dimension_name(s.dimension, lang) + "</th><td>" + band.label() + "</td><td>" +
           escape(lang == language::zh ? s.reason_zh : s.reason_en) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  std::string missing;
  // Coverage lists ids of the set's own lists: each is found.
  for (const auto& id : item.requirements.missing)
    missing += "<span class=\"tag\">" + escape(name_of(*e.measures.find_requirement(id), lang)) + "</span>";
  for (const auto& id : item.segments.missing)
    missing += "<span class=\"tag\">" + escape(segment_name(e.measures, id, lang)) + "</span>";
  for (const auto& id : item.areas.missing) missing += "<span class=\"tag\">" + escape(id) + "</span>";
  if (!missing.empty())
    out += "<p class=\"meta\">" + std::string(tr(lang, "Without a measure: ", "没有测量:")) + missing + "</p>\n";
  if (!warnings.empty()) {
    out += "<ul class=\"evidence-warnings\">\n";
    for (const auto& [examiner, w] : warnings)
      out += "<li data-examiner=\"" + escape(examiner) + "\" data-path=\"" + escape(w.path.to_string()) + "\">" +
             escape(examiner) + ": " + escape(w.message) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<div class=\"trend-charts\">\n";
  for (auto i : item.series)
    if (e.series[i].key)
      out += trend_chart(
          e, i, lang, std::string(prefix) + "trend-" + escape(e.series[i].measure) + "-" + escape(e.series[i].segment));
  out += "</div>\n</section>\n";
  return out;
}

}  // namespace html

}  // namespace excellence::inline v1
