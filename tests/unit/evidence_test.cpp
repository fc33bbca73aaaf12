#include <excellence/criteria/builtin.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/evidence_files.hpp>
#include <excellence/io/measures_json.hpp>
#include <excellence/io/series_csv.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/nps.hpp>

#include "test_support.hpp"

#include <cmath>

using namespace excellence;

namespace {

const std::filesystem::path sample_dir = test::source_dir / "examples/data/evidence";

measure_set sample_measures() {
  return read_measures(sample_dir / "measures.json");
}

results_evidence sample_evidence(const evidence_options& options = {}) {
  const auto set = sample_measures();
  return results_evidence_of(set, read_series(sample_dir / "series.csv", set), builtin_framework("gbt19580-2012"),
                             options);
}

// A one-measure set for direction tests: complaints per 1,000 orders, lower is better,
// compared with an industry average.
measure_set complaint_set() {
  measure_set set;
  set.framework = "gbt19580-2012";
  set.segments = {{"all", "全部", "all customers"}};
  set.comparisons = {{"industry", "", "industry average", comparison_kind::industry_average}};
  set.measures = {{.id = "complaints", .better = better::lower, .evidences = {"4.7.3"}, .key = true, .target = 3.5}};
  return set;
}

series_point complaint_point(std::int64_t year, double value, double industry) {
  return {.period = year, .value = value, .comparisons = {industry}};
}

const series_evidence& series_named(const results_evidence& e, std::string_view measure, std::string_view segment) {
  for (const auto& s : e.series)
    if (s.measure == measure && s.segment == segment) return s;
  throw std::runtime_error("no such series");
}

}  // namespace

TEST_CASE("evidence: a lower-is-better measure, every sign turned so that positive is better") {
  series_set series;
  series.series = {
      {.measure = "complaints",
       .segment = "all",
       .points = {complaint_point(2020, 5.0, 4.5), complaint_point(2021, 4.6, 4.4), complaint_point(2022, 4.6, 4.3),
                  complaint_point(2023, 4.1, 4.2), complaint_point(2024, 3.6, 4.1), complaint_point(2025, 3.0, 4.0)}}};
  const auto e = results_evidence_of(complaint_set(), series, builtin_framework("gbt19580-2012"));
  REQUIRE(e.series.size() == 1);
  const auto& s = e.series[0];
  // Level: 3 against the target 3.5 is 0.5 better; against the industry's 4.0, 1 better.
  CHECK(s.level.value == 3);
  CHECK(*s.level.target_gap == 0.5);
  REQUIRE(s.level.comparisons.size() == 1);
  CHECK(s.level.comparisons[0].gap == 1);
  CHECK(s.level.rank == 1);
  CHECK(s.level.ranked == 2);
  CHECK(s.level.good);
  CHECK(s.level.excellent);
  CHECK(s.favourable);
  CHECK(s.leading);
  // Trend: falling is improving. Steps −0.4, 0, −0.5, −0.5, −0.6: four improving of five;
  // the final run of steps never worse spans all six periods and ends better: sustained.
  CHECK(s.trend.steps == 5);
  CHECK(s.trend.improving_steps == 4);
  CHECK(s.trend.improving_share == doctest::Approx(0.8));
  CHECK(s.trend.final_run == 6);
  CHECK(s.trend.sustained);
  CHECK(*s.trend.last_change == doctest::Approx(0.6));
  // S = −14 (15 pairs, one tied), Var = (6·5·17 − 2·1·9)/18, z = −13/√Var, p = 0.0129:
  // a falling trend, beneficial for this measure. Theil–Sen keeps the measure's raw sign:
  // the median of the 15 pairwise slopes is −0.4 a year.
  CHECK(s.trend.mann_kendall->s == -14);
  CHECK(s.trend.mann_kendall->variance == doctest::Approx(492.0 / 18));
  CHECK(s.trend.mann_kendall->p_value == doctest::Approx(0.01289887393508169).epsilon(1e-12));
  CHECK(s.trend.theil_sen->slope == doctest::Approx(-0.4));
  CHECK(s.trend.status == trend_status::beneficial);
  // Comparison with the industry: the gap, better-positive, −0.5, −0.2, −0.3, 0.1, 0.5,
  // 1.0: beaten in three years, and widening in the measure's favour.
  REQUIRE(s.comparisons.size() == 1);
  CHECK(s.comparisons[0].periods == 6);
  CHECK(s.comparisons[0].beaten == 3);
  CHECK(*s.comparisons[0].last_gap == doctest::Approx(1.0));
  CHECK(s.comparisons[0].gap_trend->slope > 0);
  // The same series as higher-is-better: adverse, and behind the industry at the end.
  auto higher = complaint_set();
  higher.measures[0].better = better::higher;
  const auto flipped = results_evidence_of(higher, series, builtin_framework("gbt19580-2012")).series[0];
  CHECK(flipped.trend.status == trend_status::adverse);
  CHECK(flipped.level.comparisons[0].gap == doctest::Approx(-1.0));
  CHECK_FALSE(flipped.level.good);  // below its target 3.5 read as a floor, and behind
  CHECK(flipped.trend.final_run == 1);
}

TEST_CASE("evidence: too few periods is reported as such, never as no trend; the last change against its error") {
  auto set = complaint_set();
  set.measures[0].better = better::higher;
  set.measures[0].target.reset();
  series_set series;
  series.series = {{.measure = "complaints",
                    .segment = "all",
                    .points = {{.period = 2024, .value = 40, .se = 3, .comparisons = {std::nullopt}},
                               {.period = 2025, .value = 49, .se = 4, .comparisons = {std::nullopt}}}}};
  const auto e = results_evidence_of(set, series, builtin_framework("gbt19580-2012"));
  const auto& t = e.series[0].trend;
  CHECK(t.status == trend_status::too_few_periods);
  CHECK_FALSE(t.theil_sen);
  CHECK_FALSE(t.mann_kendall);
  CHECK(*t.last_change == 9);
  CHECK(*t.last_change_se == 5);                // √(3² + 4²)
  CHECK(*t.last_change_beyond_error == false);  // 9 < 1.96 × 5
  // No comparison value at all: no basis for a good level but the target (none here).
  CHECK(e.series[0].comparisons.empty());
  CHECK_FALSE(e.series[0].level.good);
  // The item: one series, no trend data: trends support the lowest band.
  REQUIRE(e.items.size() == 1);
  CHECK(e.items[0].with_trends.count == 0);
  CHECK(e.items[0].support[1].band == 1);
}

TEST_CASE("evidence: the shipped example, 4.7.3 from six measures over six years and two segments") {
  const auto e = sample_evidence();
  CHECK(e.series.size() == 12);
  // One call reads both files and resolves the framework the measures name: the same evidence.
  CHECK(read_results_evidence(sample_dir / "measures.json", sample_dir / "series.csv") == e);
  REQUIRE(e.items.size() == 1);
  const auto& item = e.items[0];
  CHECK(item.item == "4.7.3");
  CHECK(item.unmeasured.empty());
  // Good levels: the target met (csi and on-time delivery for automotive, complaints for
  // automotive) or a majority of the comparisons beaten (nps automotive, retention both,
  // on-time consumer): 7 of 12, 7 of the 10 key results; excellent (good and first):
  // retention both and on-time consumer.
  CHECK(item.good_levels == evidence_share{7, 12});
  CHECK(item.key_good_levels == evidence_share{7, 10});
  CHECK(item.key_excellent_levels == evidence_share{3, 10});
  // On-time delivery for consumers has four years; every series has trend data.
  CHECK(item.with_trends == evidence_share{12, 12});
  CHECK(item.key_sustained_trends == evidence_share{8, 10});
  CHECK(item.key_adverse_trends.count == 0);
  CHECK(item.favourable == evidence_share{6, 12});
  CHECK(item.leading == evidence_share{3, 12});
  // Integration: price has no measure; both segments report; 7 of the 13 areas of 4.3.
  CHECK(item.requirements.missing == std::vector<std::string>{"price"});
  CHECK(item.segments.missing.empty());
  CHECK(item.areas.share() == evidence_share{7, 13});
  CHECK(item.areas.missing ==
        std::vector<std::string>{"4.3.2.3.1", "4.3.2.3.2", "4.3.2.3.3", "4.3.3.2.2", "4.3.3.2.4", "4.3.3.3.4"});
  // Levels 30–45 % (good levels in many, not most); trends, comparisons and integration
  // 70–85 %: the evidence spans 30–85 %.
  REQUIRE(item.support.size() == 4);
  CHECK(item.support[0].dimension == dimension::levels);
  CHECK(item.support[0].band == 3);
  CHECK(item.support[1].band == 5);
  CHECK(item.support[2].band == 5);
  CHECK(item.support[3].band == 5);
  CHECK(item.min_percent == 30);
  CHECK(item.max_percent == 85);
  CHECK(item.support[0].reason_en ==
        "Levels 30-45%: results with good levels: 7 of 12 (58 %), many (>= 50 %) asked. Not 50-65%: results with good "
        "levels: 7 of 12 (58 %), most (>= 75 %) asked.");
  CHECK(item.support[0].reason_zh ==
        "水平 30-45%:水平良好的结果:12项中7项(58%),要求许多(≥50%)。未达50-65%:水平良好的结果:12项中7项(58%),"
        "要求大多数(≥75%)。");

  // The consumer complaint rate: 5.2 → 4.5 with a rise in the last year: falling overall
  // but not significantly (p 0.136 > 0.10), and not sustained.
  const auto& complaints = series_named(e, "complaints", "consumer");
  CHECK(complaints.trend.status == trend_status::no_significant_trend);
  CHECK_FALSE(complaints.trend.sustained);
  CHECK(complaints.trend.final_run == 1);
}

TEST_CASE("evidence: the thresholds are settable, and the bands move with them") {
  evidence_options options;
  options.shares.most = 0.5;  // "most" as a bare majority
  const auto relaxed = sample_evidence(options);
  const auto& item = relaxed.items[0];
  // Good levels 58 % ≥ 50 % is now "most", key good levels 70 % too, and key excellent
  // levels 30 % ≥ some: levels reach 70–85 %.
  CHECK(item.support[0].band == 5);
  options.shares = {0.2, 0.3, 0.4};
  options.significance = 0.01;  // only the six-year climbs (p = 0.0028) remain significant
  const auto strict = sample_evidence(options);
  CHECK(strict.items[0].key_beneficial_trends.count == 4);
  const auto bad = try_results_evidence(sample_measures(), {}, builtin_framework("gbt19580-2012"),
                                        evidence_options{.shares = {0.5, 0.4, 0.9}});
  CHECK(bad.error().code == errc::out_of_range);
  CHECK(bad.error().path == "options.shares");
}

TEST_CASE("evidence against the examiner: warnings, never changed scores") {
  const auto e = sample_evidence();
  const auto wang = read_assessment(test::source_dir / "examples/data/examiner-wang.json");
  const auto warnings = check_assessment(e, wang);
  // Wang's 50 % for 4.7.3 lies within 30–85 %; his dimension judgements do not: levels 50
  // (evidence 30–45), trends 55 and comparisons 40 and integration 50 (evidence 70–85).
  REQUIRE(warnings.size() == 4);
  for (const auto& w : warnings) {
    CHECK(w.code == errc::percent_outside_evidence);
    CHECK(w.severity == severity::warning);
    CHECK(w.file == wang.source);
    CHECK(w.message.find("csi, nps, retention, complaints, on_time, market_share") != std::string::npos);
  }
  CHECK(warnings[0].path == "items[18].integration");
  CHECK(warnings[1].path == "items[18].levels");
  CHECK(warnings[2].path == "items[18].trends");
  CHECK(warnings[3].path == "items[18].comparisons");
  // Li gives 45 % and no dimension judgements: inside the evidence's span, no warning.
  CHECK(check_assessment(e, read_assessment(test::source_dir / "examples/data/examiner-li.json")).empty());
  // A percent outside the span is named with the bands behind it.
  auto low = wang;
  low.items[18].percent = 20;
  low.items[18].dimensions.clear();
  const auto outside = check_assessment(e, low);
  REQUIRE(outside.size() == 1);
  CHECK(outside[0].path == "items[18].percent");
  CHECK(outside[0].message.rfind("4.7.3: the examiner's 20% lies outside the 30-85%", 0) == 0);
}

TEST_CASE("series from NPS and CSAT results carry their standard errors") {
  const std::vector<double> answers{10, 9, 9, 8, 7, 6, 3, 10};
  const auto nps_point = point_of(2025, nps(answers));
  CHECK(nps_point.period == 2025);
  CHECK(nps_point.value == doctest::Approx(25.0));  // 4 promoters, 2 detractors of 8
  CHECK(*nps_point.se == doctest::Approx(nps(answers).se));
  const std::vector<double> ratings{5, 4, 4, 3, 5, 2, 4, 5, 1, 4};
  const auto csat_point = point_of(2025, csat(ratings));
  CHECK(csat_point.value == doctest::Approx(70.0));  // 7 of 10 in the top two boxes
  CHECK(*csat_point.se == doctest::Approx(100 * std::sqrt(0.7 * 0.3 / 10)));
}

TEST_CASE("measures: JSON round trip, and errors naming the field") {
  const auto set = sample_measures();
  CHECK(set.measures.size() == 6);
  CHECK(set.measures[3].better == better::lower);
  CHECK(set.comparisons[2].kind == comparison_kind::benchmark);
  auto again = parse_measures(to_json(set), set.source);
  CHECK(again == set);

  const auto error_of = [](std::string_view text) { return try_parse_measures(text).error(); };
  const std::string head = R"({"format": "excellence.measures/1", "framework": "gbt19580-2012",
    "segments": [{"id": "all"}], )";
  auto d = error_of(head + R"("measures": [{"id": "m", "evidences": ["4.7.3"]}]})");
  CHECK(d.code == errc::missing_field);
  CHECK(d.path == "measures[0].better");
  d = error_of(head + R"("measures": [{"id": "m", "better": "up", "evidences": ["4.7.3"]}]})");
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message == "\"up\" is not higher or lower");
  d = error_of(head +
               R"("measures": [{"id": "m", "better": "higher", "evidences": ["4.7.3"], "requirements": ["r9"]}]})");
  CHECK(d.code == errc::unknown_reference);
  CHECK(d.path == "measures[0].requirements[0]");
  d = error_of(head + R"("measures": [{"id": "m", "better": "higher", "evidences": []}]})");
  CHECK(d.path == "measures[0].evidences");
  d = error_of(head + R"("measures": [{"id": "m", "better": "higher", "evidences": ["4.7.3"]},
                                      {"id": "m", "better": "higher", "evidences": ["4.7.3"]}]})");
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.path == "measures[1].id");
  d = error_of(head + R"("measures": [{"id": "m", "better": "higher", "evidences": ["4.7.3"], "traget": 3}]})");
  CHECK(d.code == errc::unknown_field);
  // Criteria ids against the framework: an unknown id, and a process item.
  auto wrong = set;
  wrong.measures[0].evidences = {"4.7.9"};
  CHECK(check_measures(wrong, builtin_framework("gbt19580-2012"))->code == errc::unknown_criterion);
  wrong.measures[0].evidences = {"4.3.3"};
  const auto misplaced = check_measures(wrong, builtin_framework("gbt19580-2012"));
  CHECK(misplaced->code == errc::misplaced_node);
  CHECK(misplaced->path == "measures[0].evidences[0]");
}

TEST_CASE("series CSV: every problem names its line and column") {
  const auto set = sample_measures();
  const auto error_of = [&](std::string_view text) { return try_series_of(parse_csv(text, "s.csv"), set).error(); };
  const std::string header = "measure,segment,period,value,se,rival\n";
  // A period twice in one series: the second row, in the period column.
  auto d = error_of(header + "csi,consumer,2024,80,,\ncsi,consumer,2024,81,,\n");
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.line == 3);
  CHECK(d.column == 3);
  // A label that does not parse in the set's unit (years).
  d = error_of(header + "csi,consumer,2024-03,80,,\n");
  CHECK(d.code == errc::invalid_value);
  CHECK(d.line == 2);
  CHECK(d.message.find("a year such as 2024") != std::string::npos);
  // A comparison for a period the measure has no value for.
  d = error_of(header + "csi,consumer,2024,,,79\n");
  CHECK(d.code == errc::missing_field);
  CHECK(d.column == 4);
  CHECK(d.message == "a comparison (rival) is given for a period the measure has no value for");
  // An unknown measure, segment; a negative standard error; a column nobody defined.
  CHECK(error_of(header + "csl,consumer,2024,80,,\n").code == errc::unknown_reference);
  d = error_of(header + "csi,retail,2024,80,,\n");
  CHECK(d.code == errc::unknown_reference);
  CHECK(d.column == 2);
  d = error_of(header + "csi,consumer,2024,80,-1,\n");
  CHECK(d.column == 5);
  d = error_of("measure,segment,period,value,rivl\ncsi,consumer,2024,80,79\n");
  CHECK(d.code == errc::unknown_field);
  CHECK(d.line == 1);
  CHECK(d.column == 5);
  // Rows in any order: the series comes out in period order, a lower-is-better target
  // above every value is fine.
  const auto ok = series_of(
      parse_csv("measure,segment,period,value,target\ncomplaints,consumer,2025,4.5,9\ncomplaints,consumer,2024,4.4,9\n"
                "complaints,consumer,2023,4.6,9\n",
                "s.csv"),
      set);
  REQUIRE(ok.series.size() == 1);
  CHECK(ok.series[0].points[0].period == 2023);
  CHECK(ok.series[0].rows == std::vector<std::size_t>{2, 1, 0});
  CHECK(*ok.series[0].points[2].target == 9);
}
