#include <excellence/criteria/tree.hpp>
#include <excellence/detail/confidence.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/scoring/score_band.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

// +1 when higher is better, −1 when lower is: every gap and change is multiplied by it.
double sign_of(better b) {
  return b == better::higher ? 1.0 : -1.0;
}

level_evidence level_of(const measure& m, const measure_series& s) {
  const double sign = sign_of(m.better);
  const auto& last = s.points.back();
  level_evidence level;
  level.period = last.period;
  level.value = last.value;
  level.target = last.target ? last.target : m.target;
  if (level.target) level.target_gap = sign * (last.value - *level.target);
  std::size_t better_than_us = 0;
  for (std::size_t c = 0; c < last.comparisons.size(); ++c) {
    if (!last.comparisons[c]) continue;
    const double gap = sign * (last.value - *last.comparisons[c]);
    level.comparisons.push_back({c, *last.comparisons[c], gap});
    if (gap < 0) ++better_than_us;
  }
  level.rank = better_than_us + 1;
  level.ranked = level.comparisons.size() + 1;
  return level;
}

// Beats a majority of the comparisons of the last period.
bool beats_majority(const level_evidence& level) {
  const auto beaten =
      std::count_if(level.comparisons.begin(), level.comparisons.end(), [](const level_gap& g) { return g.gap > 0; });
  return !level.comparisons.empty() && 2 * static_cast<std::size_t>(beaten) > level.comparisons.size();
}

trend_evidence trend_of(const measure& m, const measure_series& s, const evidence_options& options, double z) {
  const double sign = sign_of(m.better);
  const auto& points = s.points;
  trend_evidence t;
  t.periods = points.size();
  t.steps = points.size() - 1;
  for (std::size_t i = 1; i < points.size(); ++i)
    if (sign * (points[i].value - points[i - 1].value) > 0) ++t.improving_steps;
  t.improving_share = t.steps == 0 ? 0.0 : static_cast<double>(t.improving_steps) / static_cast<double>(t.steps);
  t.final_run = 1;
  for (std::size_t i = points.size() - 1; i > 0 && sign * (points[i].value - points[i - 1].value) >= 0; --i)
    ++t.final_run;
  t.sustained = t.final_run >= options.sustained_periods &&
                sign * (points.back().value - points[points.size() - t.final_run].value) > 0;
  if (points.size() >= 2) {
    const auto& last = points.back();
    const auto& previous = points[points.size() - 2];
    t.last_change = sign * (last.value - previous.value);
    if (last.se && previous.se) {
      t.last_change_se = std::hypot(*last.se, *previous.se);
      t.last_change_beyond_error = std::abs(*t.last_change) > z * *t.last_change_se;
    }
  }
  if (points.size() < options.trend_periods) return t;
  std::vector<double> times, values;
  for (const auto& p : points) {
    times.push_back(static_cast<double>(p.period));
    values.push_back(p.value);
  }
  t.theil_sen = theil_sen(times, values, options.confidence);
  t.mann_kendall = mann_kendall(values);
  const double direction = sign * static_cast<double>(t.mann_kendall->s);
  t.status = t.mann_kendall->p_value > options.significance ? trend_status::no_significant_trend
             : direction > 0                                ? trend_status::beneficial
             : direction < 0                                ? trend_status::adverse
                                                            : trend_status::no_significant_trend;
  return t;
}

std::vector<comparison_evidence> comparisons_of(const measure& m, const measure_series& s,
                                                const evidence_options& options, std::size_t sources) {
  const double sign = sign_of(m.better);
  std::vector<comparison_evidence> out;
  for (std::size_t c = 0; c < sources; ++c) {
    std::vector<double> times, gaps;
    for (const auto& p : s.points)
      if (p.comparisons[c]) {
        times.push_back(static_cast<double>(p.period));
        gaps.push_back(sign * (p.value - *p.comparisons[c]));
      }
    if (gaps.empty()) continue;
    comparison_evidence e;
    e.comparison = c;
    e.periods = gaps.size();
    e.beaten = static_cast<std::size_t>(std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 0; }));
    e.last_gap = gaps.back();
    if (gaps.size() >= options.trend_periods) {
      e.gap_trend = theil_sen(times, gaps, options.confidence);
      e.gap_test = mann_kendall(gaps);
    }
    out.push_back(std::move(e));
  }
  return out;
}

series_evidence evidence_of(const measure& m, const measure_series& s, const evidence_options& options,
                            std::size_t sources, double z) {
  series_evidence e;
  e.measure = s.measure;
  e.segment = s.segment;
  e.key = m.key;
  e.better = m.better;
  e.level = level_of(m, s);
  e.favourable = beats_majority(e.level);
  e.leading = !e.level.comparisons.empty() && e.level.rank == 1;
  e.level.good = (e.level.target_gap && *e.level.target_gap >= 0) || e.favourable;
  e.level.excellent = e.level.good && e.leading;
  e.trend = trend_of(m, s, options, z);
  e.comparisons = comparisons_of(m, s, options, sources);
  e.points = s.points;
  return e;
}

// ---- the band rules -------------------------------------------------------------------

// What a condition asks of a share.
enum class need { any, some, many, most, all, none, at_most_half };

struct condition {
  const char* what_en;
  const char* what_zh;
  evidence_share share;
  need wanted;
};

bool holds(const condition& c, const share_thresholds& t) {
  const double v = c.share.value();
  switch (c.wanted) {
    case need::any:
      return c.share.count > 0;
    case need::some:
      return c.share.count > 0 && v >= t.some;
    case need::many:
      return c.share.count > 0 && v >= t.many;
    case need::most:
      return c.share.count > 0 && v >= t.most;
    case need::all:
      return c.share.of > 0 && c.share.count == c.share.of;
    case need::none:
      return c.share.count == 0;
    case need::at_most_half:
      return 2 * c.share.count <= c.share.of;
  }
  return false;
}

std::string whole_percent(double share) {
  return std::to_string(static_cast<long>(std::lround(share * 100)));
}

// What a need asks, in English and Chinese, with the threshold it stands for.
struct need_words {
  std::string en;
  std::string zh;
};

need_words words_for(need n, const share_thresholds& t) {
  const auto share = [](const char* en, const char* zh, double threshold) {
    const auto p = whole_percent(threshold);
    return need_words{std::string(en) + " (>= " + p + " %)", std::string(zh) + "(≥" + p + "%)"};
  };
  switch (n) {
    case need::any:
      return {"at least one", "至少一项"};
    case need::some:
      return share("some", "部分", t.some);
    case need::many:
      return share("many", "许多", t.many);
    case need::most:
      return share("most", "大多数", t.most);
    case need::all:
      return {"all", "全部"};
    case need::none:
      return {"none", "没有"};
    case need::at_most_half:
      return {"at most half", "不超过一半"};
  }
  return {};
}

std::string describe_en(const condition& c, const share_thresholds& t) {
  std::string out = c.what_en;
  out += ": ";
  out += std::to_string(c.share.count);
  out += " of ";
  out += std::to_string(c.share.of);
  if (c.share.of > 0) {
    out += " (";
    out += whole_percent(c.share.value());
    out += " %)";
  }
  out += ", ";
  out += words_for(c.wanted, t).en;
  out += " asked";
  return out;
}

std::string describe_zh(const condition& c, const share_thresholds& t) {
  std::string out = c.what_zh;
  out += ":";
  out += std::to_string(c.share.of);
  out += "项中";
  out += std::to_string(c.share.count);
  out += "项";
  if (c.share.of > 0) {
    out += "(";
    out += whole_percent(c.share.value());
    out += "%)";
  }
  out += ",要求";
  out += words_for(c.wanted, t).zh;
  return out;
}

// The conditions each band adds to the one below it, bands 2 to 6 (band 1 always holds).
using band_rules = std::array<std::vector<condition>, 5>;

band_rules rules_for(dimension d, const item_evidence& e) {
  switch (d) {
    case dimension::levels:
      return {{{{"results with good levels", "水平良好的结果", e.good_levels, need::any}},
               {{"results with good levels", "水平良好的结果", e.good_levels, need::many}},
               {{"results with good levels", "水平良好的结果", e.good_levels, need::most}},
               {{"key results with good levels", "水平良好的关键结果", e.key_good_levels, need::most},
                {"key results with excellent levels", "水平优秀的关键结果", e.key_excellent_levels, need::some}},
               {{"key results with excellent levels", "水平优秀的关键结果", e.key_excellent_levels, need::most}}}};
    case dimension::trends:
      return {{{{"results with trend data", "有趋势数据的结果", e.with_trends, need::any},
                {"adverse trends among results with trend data", "有趋势数据的结果中趋势不利的", e.adverse_trends,
                 need::at_most_half}},
               {{"results with trend data", "有趋势数据的结果", e.with_trends, need::some},
                {"results with beneficial trends", "趋势有利的结果", e.beneficial_trends, need::some}},
               {{"key results with beneficial trends", "趋势有利的关键结果", e.key_beneficial_trends, need::many},
                {"key results with adverse trends", "趋势不利的关键结果", e.key_adverse_trends, need::none}},
               {{"key results with sustained beneficial trends", "有利趋势持续的关键结果", e.key_sustained_trends,
                 need::most}},
               {{"key results with sustained beneficial trends", "有利趋势持续的关键结果", e.key_sustained_trends,
                 need::all},
                {"results with beneficial trends", "趋势有利的结果", e.beneficial_trends, need::most}}}};
    case dimension::comparisons:
      return {{{{"results with comparisons", "有对比数据的结果", e.with_comparisons, need::any}},
               {{"results with comparisons", "有对比数据的结果", e.with_comparisons, need::some}},
               {{"results comparing favourably", "对比有利的结果", e.favourable, need::some}},
               {{"results comparing favourably", "对比有利的结果", e.favourable, need::many},
                {"results leading their comparisons", "对比领先的结果", e.leading, need::any}},
               {{"results leading their comparisons", "对比领先的结果", e.leading, need::many}}}};
    default:
      return {{{{"key requirements with a measure", "有测量的关键要求", e.requirements.share(), need::any}},
               {{"key requirements with a measure", "有测量的关键要求", e.requirements.share(), need::many}},
               {{"key requirements with a measure", "有测量的关键要求", e.requirements.share(), need::most}},
               {{"segments with results", "有结果的顾客群", e.segments.share(), need::all},
                {"areas with a measure", "有测量的评价要点", e.areas.share(), need::many}},
               {{"key requirements with a measure", "有测量的关键要求", e.requirements.share(), need::all},
                {"areas with a measure", "有测量的评价要点", e.areas.share(), need::most}}}};
  }
}

// The dimension's name in English and Chinese, as the sentences begin.
std::pair<const char*, const char*> dimension_words(dimension d) {
  switch (d) {
    case dimension::levels:
      return {"Levels", "水平"};
    case dimension::trends:
      return {"Trends", "趋势"};
    case dimension::comparisons:
      return {"Comparisons", "对比"};
    default:
      return {"Integration", "整合"};
  }
}

template <class Describe>
std::string joined(const std::vector<condition>& conditions, const share_thresholds& t, const char* separator,
                   Describe describe, bool failing_only) {
  std::string out;
  for (const auto& c : conditions) {
    if (failing_only && holds(c, t)) continue;
    if (!out.empty()) out += separator;
    out += describe(c, t);
  }
  return out;
}

dimension_support support_of(dimension d, const item_evidence& e, const share_thresholds& t) {
  const auto rules = rules_for(d, e);
  std::size_t band = 1;
  while (band < 6 &&
         std::all_of(rules[band - 1].begin(), rules[band - 1].end(), [&](const condition& c) { return holds(c, t); }))
    ++band;
  dimension_support s;
  s.dimension = d;
  s.band = static_cast<std::int32_t>(band);
  const auto& supported = score_bands[band - 1];
  const auto [en, zh] = dimension_words(d);
  s.reason_en = std::string(en) + " " + supported.label();
  s.reason_zh = std::string(zh) + " " + supported.label();
  // Appended piece by piece: "literal" + std::string drew g++ 12's false -Wrestrict at -O3.
  if (band > 1) {
    s.reason_en.append(": ").append(joined(rules[band - 2], t, "; ", describe_en, false)).append(".");
    s.reason_zh.append(":").append(joined(rules[band - 2], t, ";", describe_zh, false)).append("。");
  } else {
    s.reason_en += ".";
    s.reason_zh += "。";
  }
  if (band < 6) {
    const auto next = score_bands[band].label();
    s.reason_en.append(" Not ").append(next).append(": ");
    s.reason_en.append(joined(rules[band - 1], t, "; ", describe_en, true)).append(".");
    s.reason_zh.append("未达").append(next).append(":");
    s.reason_zh.append(joined(rules[band - 1], t, ";", describe_zh, true)).append("。");
  }
  return s;
}

// ---- items ------------------------------------------------------------------------------

bool evidences(const measure& m, std::string_view id) {
  return std::find(m.evidences.begin(), m.evidences.end(), id) != m.evidences.end();
}

// The areas integration asks to be measured: the areas under the scope node.
std::vector<const criteria_node*> areas_in(const criteria_tree& tree, std::string_view scope) {
  std::vector<const criteria_node*> out;
  const auto* root = tree.find(scope);
  if (root == nullptr) return out;
  for (const auto* node : tree.nodes())
    if (node->kind == node_kind::area && tree.is_within(*node, *root)) out.push_back(node);
  return out;
}

// Whether measure m speaks to area `area`: it names the area or a sub-item above it.
bool measures_area(const measure& m, const criteria_node& area, const criteria_tree& tree) {
  for (const auto& id : m.evidences) {
    const auto* node = tree.find(id);
    if (node != nullptr && (node == &area || (node->kind == node_kind::sub_item && tree.is_within(area, *node))))
      return true;
  }
  return false;
}

item_evidence item_of(const criteria_node& item, const results_evidence& r, const criteria_tree& tree,
                      const std::vector<const criteria_node*>& areas) {
  const auto& set = r.measures;
  item_evidence e;
  e.item = item.id;
  std::set<std::string> reported;
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    const auto* m = set.find(r.series[i].measure);
    if (m != nullptr && evidences(*m, item.id)) {
      e.series.push_back(i);
      reported.insert(m->id);
    }
  }
  for (const auto& m : set.measures)
    if (evidences(m, item.id)) {
      e.measures.push_back(m.id);
      if (!reported.contains(m.id)) e.unmeasured.push_back(m.id);
    }

  const auto count = [&](evidence_share& share, auto in_population, auto counted) {
    for (auto i : e.series) {
      const auto& s = r.series[i];
      if (!in_population(s)) continue;
      ++share.of;
      if (counted(s)) ++share.count;
    }
  };
  const auto all = [](const series_evidence&) { return true; };
  const auto key = [](const series_evidence& s) { return s.key; };
  const auto trended = [](const series_evidence& s) { return s.trend.status != trend_status::too_few_periods; };
  const auto key_trended = [&](const series_evidence& s) { return s.key && trended(s); };
  const auto good = [](const series_evidence& s) { return s.level.good; };
  const auto excellent = [](const series_evidence& s) { return s.level.excellent; };
  const auto beneficial = [](const series_evidence& s) { return s.trend.status == trend_status::beneficial; };
  const auto adverse = [](const series_evidence& s) { return s.trend.status == trend_status::adverse; };
  count(e.good_levels, all, good);
  count(e.key_good_levels, key, good);
  count(e.key_excellent_levels, key, excellent);
  count(e.with_trends, all, trended);
  count(e.beneficial_trends, all, beneficial);
  count(e.key_beneficial_trends, key, beneficial);
  count(e.key_sustained_trends, key, [&](const series_evidence& s) { return beneficial(s) && s.trend.sustained; });
  count(e.adverse_trends, trended, adverse);
  count(e.key_adverse_trends, key_trended, adverse);
  count(e.with_comparisons, all, [](const series_evidence& s) { return !s.comparisons.empty(); });
  const auto favourable = [](const series_evidence& s) { return s.favourable; };
  count(e.favourable, all, favourable);
  count(e.key_favourable, key, favourable);
  count(e.leading, all, [](const series_evidence& s) { return s.leading; });

  for (const auto& requirement : set.requirements) {
    const bool covered = std::any_of(reported.begin(), reported.end(), [&](const std::string& id) {
      const auto& wanted = set.find(id)->requirements;
      return std::find(wanted.begin(), wanted.end(), requirement.id) != wanted.end();
    });
    (covered ? e.requirements.covered : e.requirements.missing).push_back(requirement.id);
  }
  for (const auto& segment : set.segments) {
    const bool covered =
        std::any_of(e.series.begin(), e.series.end(), [&](std::size_t i) { return r.series[i].segment == segment.id; });
    (covered ? e.segments.covered : e.segments.missing).push_back(segment.id);
  }
  for (const auto* area : areas) {
    const bool covered = std::any_of(reported.begin(), reported.end(),
                                     [&](const std::string& id) { return measures_area(*set.find(id), *area, tree); });
    (covered ? e.areas.covered : e.areas.missing).push_back(area->id);
  }

  for (auto d : {dimension::levels, dimension::trends, dimension::comparisons, dimension::integration})
    e.support.push_back(support_of(d, e, r.options.shares));
  const auto [lowest, highest] =
      std::minmax_element(e.support.begin(), e.support.end(),
                          [](const dimension_support& a, const dimension_support& b) { return a.band < b.band; });
  e.min_percent = score_bands[static_cast<std::size_t>(lowest->band) - 1].min_percent;
  e.max_percent = score_bands[static_cast<std::size_t>(highest->band) - 1].max_percent;
  return e;
}

std::optional<diagnostic> check_options(const evidence_options& o) {
  const auto bad = [](const char* field, std::string message) {
    return detail::input_error(errc::out_of_range, field_path("options").field(field), std::move(message));
  };
  const auto& t = o.shares;
  if (!(t.some > 0 && t.some <= t.many && t.many <= t.most && t.most <= 1))
    return bad("shares", "share thresholds must satisfy 0 < some <= many <= most <= 1");
  if (!(o.significance > 0 && o.significance < 1)) return bad("significance", "must lie strictly between 0 and 1");
  if (!(o.confidence > 0 && o.confidence < 1)) return bad("confidence", "must lie strictly between 0 and 1");
  if (o.trend_periods < 3) return bad("trend_periods", "a trend needs at least 3 periods");
  if (o.sustained_periods < 2) return bad("sustained_periods", "sustained means at least 2 periods");
  return std::nullopt;
}

}  // namespace

result<results_evidence> try_results_evidence(const measure_set& set, const series_set& series,
                                              const criteria_tree& tree, const evidence_options& options) {
  if (auto bad = check_options(options)) return *bad;
  if (auto bad = validate(set)) return *bad;
  if (auto bad = check_measures(set, tree)) return *bad;
  if (auto bad = validate(series, set)) return *bad;
  const auto whole = tree.whole();
  if (!whole.contains(options.integration_scope))
    return detail::input_error(errc::unknown_criterion, field_path("options").field("integration_scope"),
                               "\"" + options.integration_scope + "\" is no node of " + tree.id());
  const double z = *detail::two_sided_z(options.confidence);

  results_evidence r;
  r.framework = set.framework;
  r.organization = set.organization;
  r.options = options;
  r.measures = set;
  r.notation = series.notation;
  for (const auto& s : series.series)
    r.series.push_back(evidence_of(*set.find(s.measure), s, options, set.comparisons.size(), z));
  const auto areas = areas_in(whole, options.integration_scope);
  for (const auto* item : tree.scored_items()) {
    if (item->evaluation != evaluation_type::results) continue;
    const bool evidenced =
        std::any_of(set.measures.begin(), set.measures.end(), [&](const measure& m) { return evidences(m, item->id); });
    if (evidenced) r.items.push_back(item_of(*item, r, whole, areas));
  }
  return r;
}

results_evidence results_evidence_of(const measure_set& set, const series_set& series, const criteria_tree& tree,
                                     const evidence_options& options) {
  return try_results_evidence(set, series, tree, options).value();
}

std::vector<diagnostic> check_assessment(const results_evidence& evidence, const assessment& examiner) {
  std::vector<diagnostic> out;
  for (const auto& e : evidence.items) {
    const auto found = std::find_if(examiner.items.begin(), examiner.items.end(),
                                    [&](const item_assessment& a) { return a.id == e.item; });
    if (found == examiner.items.end()) continue;
    const auto index = static_cast<std::size_t>(found - examiner.items.begin());
    std::string behind;
    for (const auto& m : e.measures) {
      if (std::find(e.unmeasured.begin(), e.unmeasured.end(), m) != e.unmeasured.end()) continue;
      behind += behind.empty() ? "" : ", ";
      behind += m;
    }
    std::string bands;
    for (const auto& s : e.support) {
      bands += bands.empty() ? "" : ", ";
      bands += dimension_words(s.dimension).first;
      bands += ' ';
      bands += score_bands[static_cast<std::size_t>(s.band) - 1].label();
    }
    const auto warn = [&](std::string_view field, std::string message) {
      out.push_back({errc::percent_outside_evidence, examiner.source, 0, 0,
                     field_path("items").index(index).field(field), std::move(message), severity::warning});
    };
    if (found->percent && (*found->percent < e.min_percent || *found->percent > e.max_percent))
      warn("percent", e.item + ": the examiner's " + std::to_string(*found->percent) + "% lies outside the " +
                          std::to_string(e.min_percent) + "-" + std::to_string(e.max_percent) +
                          "% the measured results support (" + bands + "; measures " + behind + ")");
    for (const auto& judgement : found->dimensions) {
      for (const auto& s : e.support) {
        if (s.dimension != judgement.dimension) continue;
        const auto& band = score_bands[static_cast<std::size_t>(s.band) - 1];
        if (judgement.percent >= band.min_percent && judgement.percent <= band.max_percent) continue;
        warn(to_string(judgement.dimension),
             e.item + ": the examiner's " + std::string(to_string(judgement.dimension)) + " " +
                 std::to_string(judgement.percent) + "% lies outside the " + band.label() +
                 " the measured results support (" + s.reason_en + " Measures " + behind + ")");
      }
    }
  }
  return out;
}

}  // namespace excellence::inline v1
