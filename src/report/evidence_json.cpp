// The JSON document of results evidence (format excellence.evidence/1).
#include "document.hpp"

#include <excellence/evidence/results_evidence.hpp>
#include <excellence/scoring/score_band.hpp>

namespace excellence::inline v1::report_detail {

namespace {

ordered_json maybe(const std::optional<double>& x) {
  return x ? ordered_json(*x) : ordered_json(nullptr);
}

ordered_json share_json(const evidence_share& s) {
  return ordered_json{{"count", s.count}, {"of", s.of}, {"share", s.value()}};
}

ordered_json coverage_json(const coverage& c) {
  return ordered_json{{"covered", c.covered}, {"missing", c.missing}};
}

ordered_json mann_kendall_json(const mann_kendall_result& mk) {
  return ordered_json{{"n", mk.n},
                      {"s", mk.s},
                      {"tau", mk.tau},
                      {"tie_groups", mk.tie_groups},
                      {"variance", mk.variance},
                      {"z", mk.z},
                      {"p_value", mk.p_value},
                      {"exact", mk.exact}};
}

ordered_json theil_sen_json(const theil_sen_result& ts) {
  return ordered_json{{"slope", ts.slope},        {"intercept", ts.intercept},   {"lower", maybe(ts.lower)},
                      {"upper", maybe(ts.upper)}, {"confidence", ts.confidence}, {"slopes", ts.slopes}};
}

template <class T, class F>
ordered_json optional_object(const std::optional<T>& x, F f) {
  return x ? f(*x) : ordered_json(nullptr);
}

ordered_json series_json(const series_evidence& s, const results_evidence& r) {
  const auto& set = r.measures;
  const auto label = [&](std::int64_t period) { return format_period_label(period, r.notation); };
  const auto* m = set.find(s.measure);
  ordered_json out;
  out["measure"] = s.measure;
  out["segment"] = s.segment;
  out["key"] = s.key;
  out["better"] = to_string(s.better);
  out["unit"] = m->unit;
  ordered_json level;
  level["period"] = label(s.level.period);
  level["value"] = s.level.value;
  level["target"] = maybe(s.level.target);
  level["target_gap"] = maybe(s.level.target_gap);
  auto& gaps = level["comparisons"] = ordered_json::array();
  for (const auto& g : s.level.comparisons)
    gaps.push_back({{"comparison", set.comparisons[g.comparison].id}, {"value", g.value}, {"gap", g.gap}});
  level["rank"] = s.level.rank;
  level["ranked"] = s.level.ranked;
  level["good"] = s.level.good;
  level["excellent"] = s.level.excellent;
  out["level"] = std::move(level);
  const auto& t = s.trend;
  out["trend"] =
      ordered_json{{"periods", t.periods},
                   {"status", to_string(t.status)},
                   {"theil_sen", optional_object(t.theil_sen, theil_sen_json)},
                   {"mann_kendall", optional_object(t.mann_kendall, mann_kendall_json)},
                   {"steps", t.steps},
                   {"improving_steps", t.improving_steps},
                   {"improving_share", t.improving_share},
                   {"final_run", t.final_run},
                   {"sustained", t.sustained},
                   {"last_change", maybe(t.last_change)},
                   {"last_change_se", maybe(t.last_change_se)},
                   {"last_change_beyond_error",
                    t.last_change_beyond_error ? ordered_json(*t.last_change_beyond_error) : ordered_json(nullptr)}};
  auto& comparisons = out["comparisons"] = ordered_json::array();
  for (const auto& c : s.comparisons)
    comparisons.push_back({{"comparison", set.comparisons[c.comparison].id},
                           {"kind", to_string(set.comparisons[c.comparison].kind)},
                           {"periods", c.periods},
                           {"beaten", c.beaten},
                           {"last_gap", maybe(c.last_gap)},
                           {"gap_trend", optional_object(c.gap_trend, theil_sen_json)},
                           {"gap_test", optional_object(c.gap_test, mann_kendall_json)}});
  out["favourable"] = s.favourable;
  out["leading"] = s.leading;
  auto& points = out["points"] = ordered_json::array();
  for (const auto& p : s.points) {
    ordered_json point{
        {"period", label(p.period)}, {"value", p.value}, {"se", maybe(p.se)}, {"target", maybe(p.target)}};
    ordered_json values = ordered_json::object();
    for (std::size_t c = 0; c < p.comparisons.size(); ++c)
      if (p.comparisons[c]) values[set.comparisons[c].id] = *p.comparisons[c];
    point["comparisons"] = std::move(values);
    points.push_back(std::move(point));
  }
  return out;
}

ordered_json item_json(const item_evidence& e) {
  ordered_json out;
  out["item"] = e.item;
  out["series"] = e.series;
  out["measures"] = e.measures;
  out["unmeasured"] = e.unmeasured;
  out["shares"] = ordered_json{{"good_levels", share_json(e.good_levels)},
                               {"key_good_levels", share_json(e.key_good_levels)},
                               {"key_excellent_levels", share_json(e.key_excellent_levels)},
                               {"with_trends", share_json(e.with_trends)},
                               {"beneficial_trends", share_json(e.beneficial_trends)},
                               {"key_beneficial_trends", share_json(e.key_beneficial_trends)},
                               {"key_sustained_trends", share_json(e.key_sustained_trends)},
                               {"adverse_trends", share_json(e.adverse_trends)},
                               {"key_adverse_trends", share_json(e.key_adverse_trends)},
                               {"with_comparisons", share_json(e.with_comparisons)},
                               {"favourable", share_json(e.favourable)},
                               {"key_favourable", share_json(e.key_favourable)},
                               {"leading", share_json(e.leading)}};
  out["integration"] = ordered_json{{"requirements", coverage_json(e.requirements)},
                                    {"segments", coverage_json(e.segments)},
                                    {"areas", coverage_json(e.areas)}};
  auto& support = out["support"] = ordered_json::array();
  for (const auto& s : e.support) {
    const auto& band = score_bands[static_cast<std::size_t>(s.band) - 1];
    support.push_back({{"dimension", to_string(s.dimension)},
                       {"band", s.band},
                       {"min_percent", band.min_percent},
                       {"max_percent", band.max_percent},
                       {"reason_en", s.reason_en},
                       {"reason_zh", s.reason_zh}});
  }
  out["min_percent"] = e.min_percent;
  out["max_percent"] = e.max_percent;
  return out;
}

}  // namespace

ordered_json document(const results_evidence& r, const std::vector<diagnostic>& warnings) {
  ordered_json out;
  out["format"] = "excellence.evidence/1";
  out["framework"] = r.framework;
  out["organization"] = r.organization;
  out["period_unit"] = to_string(r.measures.period_unit);
  const auto& o = r.options;
  out["options"] = ordered_json{{"shares", {{"some", o.shares.some}, {"many", o.shares.many}, {"most", o.shares.most}}},
                                {"significance", o.significance},
                                {"confidence", o.confidence},
                                {"trend_periods", o.trend_periods},
                                {"sustained_periods", o.sustained_periods},
                                {"integration_scope", o.integration_scope}};
  // The definitions, so that a reader of the document has every name without the file.
  const auto& set = r.measures;
  const auto named = [](const auto& entry) {
    return ordered_json{{"id", entry.id}, {"name_zh", entry.name_zh}, {"name_en", entry.name_en}};
  };
  ordered_json definitions;
  for (const char* list : {"requirements", "segments", "comparisons", "measures"})
    definitions[list] = ordered_json::array();
  for (const auto& x : set.requirements) definitions["requirements"].push_back(named(x));
  for (const auto& x : set.segments) definitions["segments"].push_back(named(x));
  for (const auto& x : set.comparisons) {
    auto entry = named(x);
    entry["kind"] = to_string(x.kind);
    definitions["comparisons"].push_back(std::move(entry));
  }
  for (const auto& m : set.measures) {
    auto entry = named(m);
    entry["unit"] = m.unit;
    entry["better"] = to_string(m.better);
    entry["key"] = m.key;
    entry["target"] = maybe(m.target);
    entry["evidences"] = m.evidences;
    entry["requirements"] = m.requirements;
    definitions["measures"].push_back(std::move(entry));
  }
  out["definitions"] = std::move(definitions);
  auto& series = out["series"] = ordered_json::array();
  for (const auto& s : r.series) series.push_back(series_json(s, r));
  auto& items = out["items"] = ordered_json::array();
  for (const auto& e : r.items) items.push_back(item_json(e));
  out["warnings"] = diagnostics(warnings);
  return out;
}

}  // namespace excellence::inline v1::report_detail
