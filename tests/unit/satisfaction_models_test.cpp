// Expectation–disconfirmation, SERVQUAL/SERVPERF, weighted CSI, IPA, Kano, total customer
// satisfaction and touch points: hand-computed examples and the edge cases of
// tests/data/reference/metrics.md §3.6–3.8.
#include <excellence/satisfaction/disconfirmation.hpp>
#include <excellence/satisfaction/ipa.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/satisfaction/total_satisfaction.hpp>

#include "test_support.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using namespace excellence;

namespace {
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("disconfirmation: gap = performance - expectation, outcome with a zone of tolerance") {
  const std::vector<attribute_expectation> attributes{{"speed", 4.0, 3.5}, {"courtesy", 4.0, 4.2}, {"price", 3.0, 3.5}};
  const auto r = disconfirmation(attributes, 0.25);
  REQUIRE(r.n == 3);
  CHECK(r.attributes[0].gap == doctest::Approx(-0.5));
  CHECK(r.attributes[0].outcome == disconfirmation_outcome::negative);
  CHECK(r.attributes[1].outcome == disconfirmation_outcome::confirmed);  // 0.2 <= 0.25
  CHECK(r.attributes[2].outcome == disconfirmation_outcome::positive);
  CHECK(r.mean_gap == doctest::Approx((-0.5 + 0.2 + 0.5) / 3));
  CHECK((r.negative == 1 && r.confirmed == 1 && r.positive == 1));
  // With no tolerance only an exact match confirms; the boundary itself confirms.
  CHECK(classify_disconfirmation(0.2) == disconfirmation_outcome::positive);
  CHECK(classify_disconfirmation(-0.25, 0.25) == disconfirmation_outcome::confirmed);
  CHECK(classify_disconfirmation(0.0) == disconfirmation_outcome::confirmed);
}

TEST_CASE("disconfirmation: errors name the attribute and field") {
  const std::vector<attribute_expectation> bad{{"speed", 4.0, 3.5}, {"price", nan_value, 3.0}};
  CHECK(test::fails(try_disconfirmation(bad)) == "attributes[1].expectation: an expectation must be a finite number");
  CHECK(test::fails(try_disconfirmation({})) == "attributes: no attributes: nothing to compare");
  CHECK(test::fails(try_disconfirmation(bad, -1)) == "tolerance: the tolerance must be a finite number >= 0");
}

namespace {
// Six items (one to two per dimension), two respondents, 7-point scale.
const std::vector<servqual_item> items{
    {"t1", servqual_dimension::tangibles},   {"r1", servqual_dimension::reliability},
    {"r2", servqual_dimension::reliability}, {"s1", servqual_dimension::responsiveness},
    {"a1", servqual_dimension::assurance},   {"e1", servqual_dimension::empathy}};
const std::vector<double> servqual_expected{6, 7, 6, 5, 6, 7,   // respondent 0
                                            5, 7, 7, 6, 6, 5};  // respondent 1
const std::vector<double> perceived{5, 5, 6, 6, 6, 4,           // gaps -1 -2  0  1  0 -3
                                    5, 6, 5, 6, 7, 4};          // gaps  0 -1 -2  0  1 -1
}  // namespace

TEST_CASE("SERVQUAL: item gaps, dimension means of item gaps, unweighted and weighted totals, by hand") {
  const auto r = servqual(items, servqual_expected, perceived, {.importance = {10, 30, 20, 20, 20}});
  CHECK(r.model == servqual_model::servqual);
  CHECK(r.respondents == 2);
  REQUIRE(r.items.size() == 6);
  const double item_gaps[] = {-0.5, -1.5, -1.0, 0.5, 0.5, -2.0};
  for (std::size_t j = 0; j < 6; ++j) CHECK(r.items[j].score == doctest::Approx(item_gaps[j]));
  CHECK(*r.items[0].expectation == doctest::Approx(5.5));
  CHECK(r.items[0].perception == doctest::Approx(5.0));
  REQUIRE(r.dimensions.size() == 5);
  // Reliability is the mean of its two item gaps, not their sum: (-1.5 - 1.0)/2.
  const double dimension_gaps[] = {-0.5, -1.25, 0.5, 0.5, -2.0};
  for (std::size_t d = 0; d < 5; ++d) CHECK(r.dimensions[d].score == doctest::Approx(dimension_gaps[d]));
  CHECK(r.dimensions[1].items == 2);
  CHECK(*r.dimensions[1].expectation == doctest::Approx(6.75));  // (7 + 7)/2 and (6 + 7)/2, averaged
  CHECK(r.dimensions[1].perception == doctest::Approx(5.5));
  CHECK(r.unweighted == doctest::Approx(-2.75 / 5));
  // 0.1(-0.5) + 0.3(-1.25) + 0.2(0.5) + 0.2(0.5) + 0.2(-2) = -0.625
  REQUIRE(r.weighted.has_value());
  CHECK(*r.weighted == doctest::Approx(-0.625));
  CHECK(r.dimensions[1].weight == doctest::Approx(0.3));
  // Without importance there is no weighted score.
  CHECK_FALSE(servqual(items, servqual_expected, perceived).weighted.has_value());
}

TEST_CASE("SERVPERF: the same aggregation of perceptions alone") {
  const auto r = servperf(items, perceived);
  CHECK(r.model == servqual_model::servperf);
  CHECK_FALSE(r.items[0].expectation.has_value());
  CHECK(r.dimensions[1].score == doctest::Approx(5.5));  // (5.5 + 5.5)/2
  CHECK(r.unweighted == doctest::Approx((5 + 5.5 + 6 + 6.5 + 4) / 5.0));
}

TEST_CASE("SERVQUAL: a missing answer is an error unless pairs may be dropped, and drops are counted") {
  // Missing answers are std::nullopt; a NaN among plain numbers is an error, never missing.
  const std::vector<std::optional<double>> expectations(servqual_expected.begin(), servqual_expected.end());
  std::vector<std::optional<double>> with_gap(perceived.begin(), perceived.end());
  with_gap[8] = std::nullopt;  // respondent 1, item r2
  CHECK(test::fails(try_servqual(items, expectations, with_gap)) ==
        "perceptions[8]: respondent 1, item \"r2\": missing answer (use missing_answers::drop_pair to drop the pair)");
  auto nan_answer = perceived;
  nan_answer[8] = nan_value;
  CHECK(test::fails(try_servqual(items, servqual_expected, nan_answer)) ==
        "perceptions[8]: not a number (a missing answer is std::nullopt in the optional form)");
  const auto r = servqual(items, expectations, with_gap, {.missing = missing_answers::drop_pair});
  CHECK(r.dropped == 1);
  CHECK(r.items[2].dropped == 1);
  CHECK(r.items[2].n == 1);
  CHECK(r.items[2].score == doctest::Approx(0.0));         // respondent 0 alone
  CHECK(r.dimensions[1].score == doctest::Approx(-0.75));  // (-1.5 + 0)/2
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].code == errc::rows_dropped);
  // An item nobody answered completely has no score.
  auto none = with_gap;
  none[2] = std::nullopt;
  CHECK(test::fails(try_servqual(items, expectations, none, {.missing = missing_answers::drop_pair})) ==
        "items[2]: item \"r2\" has no complete answer: its score is undefined");
}

TEST_CASE("SERVQUAL from long-format rows: items and respondents by first appearance, rows named in errors") {
  // Two respondents, two items; R2 has no row for q2 (a missing pair).
  const std::vector<std::string> who{"R1", "R1", "R2"}, item{"q1", "q2", "q1"},
      dimension{"tangibles", "reliability", "tangibles"};
  const std::vector<std::optional<double>> e{5.0, 6.0, 4.0}, p{6.0, 4.0, 5.0};
  CHECK(test::fails(try_servqual_long({who, item, dimension, e, p}, servqual_model::servqual)) ==
        "respondent: respondent \"R2\" has no row for item \"q2\"");
  const auto r =
      servqual_long({who, item, dimension, e, p}, servqual_model::servqual, {.missing = missing_answers::drop_pair});
  CHECK(r.respondents == 2);
  CHECK(r.dropped == 1);
  CHECK(r.items[0].score == doctest::Approx(1.0));   // (6-5 + 5-4)/2
  CHECK(r.items[1].score == doctest::Approx(-2.0));  // 4-6, R1 alone
  CHECK(r.unweighted == doctest::Approx(-0.5));      // mean of tangibles 1 and reliability -2
  // Errors name the row of the column that holds the problem.
  const std::vector<std::string> bad_dimension{"tangibles", "speed", "tangibles"};
  CHECK(test::fails(try_servqual_long({who, item, bad_dimension, e, p}, servqual_model::servqual))
            .starts_with("dimension[1]: \"speed\" is not tangibles"));
  const std::vector<std::string> twice{"q1", "q1", "q1"};
  CHECK(test::fails(try_servqual_long({who, twice, dimension, e, p}, servqual_model::servqual))
            .starts_with("dimension[1]: item \"q1\" was given dimension tangibles before"));
  const std::vector<std::optional<double>> off_scale{6.0, 4.0, 9.0};
  CHECK(test::fails(try_servqual_long({who, item, dimension, e, off_scale}, servqual_model::servqual,
                                      {.missing = missing_answers::drop_pair})) ==
        "perception[2]: a perception must lie in 1-7");
  // SERVPERF needs no expectations.
  const auto perf =
      servqual_long({who, item, dimension, {}, p}, servqual_model::servperf, {.missing = missing_answers::drop_pair});
  CHECK(perf.items[0].score == doctest::Approx(5.5));
}

TEST_CASE("SERVQUAL: shape, scale, ids and weights are checked") {
  CHECK(test::fails(try_servqual(items, servqual_expected, std::span(perceived).first(11))) ==
        "perceptions: expected respondents x 6 answers (one per item), got 11");
  auto off = perceived;
  off[3] = 8;
  CHECK(test::fails(try_servqual(items, servqual_expected, off)) == "perceptions[3]: a perception must lie in 1-7");
  off[3] = 5.5;
  CHECK(test::fails(try_servqual(items, servqual_expected, off)) ==
        "perceptions[3]: a perception must be a whole number");
  auto twice = items;
  twice[2].id = "r1";
  CHECK(test::fails(try_servqual(twice, servqual_expected, perceived)) == "items[2].id: item \"r1\" repeats");
  CHECK(test::fails(try_servqual(items, servqual_expected, perceived, {.importance = {1, 2, 3}})) ==
        "importance: expected 5 weights (tangibles, reliability, responsiveness, assurance, empathy), got 3");
  CHECK(test::fails(try_servqual(items, servqual_expected, perceived, {.importance = {0, 0, 0, 0, 0}})) ==
        "importance: the weights sum to 0");
  // A shortened instrument without empathy items may not weight empathy.
  const std::vector<servqual_item> four(items.begin(), items.end() - 1);
  const std::vector<double> e4{6, 7, 6, 5, 6}, p4{5, 5, 6, 6, 6};
  CHECK(test::fails(try_servqual(four, e4, p4, {.importance = {20, 20, 20, 20, 20}})) ==
        "importance[4]: dimension empathy has no items but a non-zero weight");
  CHECK(servqual(four, e4, p4).dimensions.size() == 4);
  CHECK(parse_servqual_dimension("assurance") == servqual_dimension::assurance);
  CHECK_FALSE(parse_servqual_dimension("Assurance").has_value());
}

TEST_CASE("weighted CSI on 0-100 with per-item scale ranges, by hand") {
  const std::vector<csi_attribute> attributes{{"quality", 4, 3, 1, 5}, {"price", 6, 1, 0, 10}};
  const auto r = weighted_csi(attributes);
  // quality: 100 (4-1)/4 = 75 with weight 3/4; price: 100 (6-0)/10 = 60 with weight 1/4.
  CHECK(r.index == doctest::Approx(0.75 * 75 + 0.25 * 60));
  CHECK(r.attributes[0].rescaled == doctest::Approx(75));
  CHECK(r.attributes[0].points + r.attributes[1].points == doctest::Approx(r.index));
  CHECK(r.attributes[0].potential == doctest::Approx(18.75));
  CHECK(r.attributes[1].potential == doctest::Approx(10));
  CHECK(r.n == 2);
  // The ends of the scales map to 0 and 100.
  const std::vector<csi_attribute> ends{{"a", 1, 1, 1, 5}, {"b", 10, 1, 0, 10}};
  CHECK(weighted_csi(ends).index == doctest::Approx(50));
}

TEST_CASE("weighted CSI: errors name the attribute") {
  const std::vector<csi_attribute> off{{"quality", 6, 1, 1, 5}};
  CHECK(test::fails(try_weighted_csi(off)) == "attributes[0].score: the score 6 lies outside its scale 1-5");
  const std::vector<csi_attribute> negative{{"quality", 4, 1}, {"price", 3, -1}};
  CHECK(test::fails(try_weighted_csi(negative)) == "attributes[1].importance: an importance cannot be negative");
  const std::vector<csi_attribute> zero{{"quality", 4, 0}};
  CHECK(test::fails(try_weighted_csi(zero)) == "attributes: the importances sum to 0");
  const std::vector<csi_attribute> flat{{"quality", 4, 1, 5, 5}};
  CHECK(test::fails(try_weighted_csi(flat)) == "attributes[0].scale_max: the scale must satisfy scale_min < scale_max");
  const std::vector<csi_attribute> not_a_number{{"quality", nan_value, 1}};
  CHECK(test::fails(try_weighted_csi(not_a_number)) == "attributes[0].score: score must be a finite number");
}

TEST_CASE("IPA: quadrants with the data-mean crosshair and with the scale midpoint") {
  const std::vector<ipa_attribute> attributes{
      {"delivery", 4.5, 3.0}, {"quality", 4.0, 4.5}, {"packaging", 2.5, 2.0}, {"gifts", 3.0, 4.0}};
  const auto means = ipa(attributes);
  CHECK(means.importance_line == doctest::Approx(3.5));
  CHECK(means.performance_line == doctest::Approx(3.375));
  CHECK(means.attributes[0].quadrant == ipa_quadrant::concentrate_here);
  CHECK(means.attributes[1].quadrant == ipa_quadrant::keep_up_the_good_work);
  CHECK(means.attributes[2].quadrant == ipa_quadrant::low_priority);
  CHECK(means.attributes[3].quadrant == ipa_quadrant::possible_overkill);
  CHECK((means.concentrate_here == 1 && means.keep_up_the_good_work == 1 && means.low_priority == 1 &&
         means.possible_overkill == 1));
  // Crosshair at the midpoint 3 of 1-5: points on a line count as high and are flagged.
  const auto mid = ipa(attributes, {.crosshair = ipa_crosshair::scale_midpoint});
  CHECK(mid.importance_line == 3.0);
  CHECK(mid.attributes[0].quadrant == ipa_quadrant::keep_up_the_good_work);  // performance 3.0 on the line
  CHECK(mid.attributes[0].on_performance_line);
  CHECK(mid.attributes[3].quadrant == ipa_quadrant::keep_up_the_good_work);  // importance 3.0 on the line
  CHECK(mid.attributes[3].on_importance_line);
  CHECK(mid.keep_up_the_good_work == 3);
  const auto given =
      ipa(attributes, {.crosshair = ipa_crosshair::given, .importance_line = 4.2, .performance_line = 2.5});
  CHECK(given.attributes[1].quadrant == ipa_quadrant::possible_overkill);
}

TEST_CASE("IPA: gap and the iso-priority diagonal only on a common scale") {
  const std::vector<ipa_attribute> attributes{{"delivery", 4.5, 3.0}, {"gifts", 3.0, 4.0}};
  const auto r = ipa(attributes);
  REQUIRE(r.attributes[0].gap.has_value());
  CHECK(*r.attributes[0].gap == doctest::Approx(1.5));
  CHECK(r.attributes[0].above_diagonal);
  CHECK_FALSE(r.attributes[1].above_diagonal);
  const auto mixed = ipa(attributes, {.importance_max = 7});  // importance on 1-7, performance on 1-5
  CHECK_FALSE(mixed.attributes[0].gap.has_value());
}

TEST_CASE("derived importance: correlation of each attribute with overall satisfaction, by hand") {
  // Three respondents, two attributes; overall 1, 2, 3. Attribute 0 rises with it (r = 1),
  // attribute 1 is 2, 1, 3: mean 2, deviations 0, -1, 1 against -1, 0, 1 -> 1/sqrt(2 x 2) = 0.5.
  const std::vector<double> ratings{1, 2, 2, 1, 3, 3};
  const std::vector<double> overall{1, 2, 3};
  const auto r = try_derived_importance(ratings, 2, overall).value();
  CHECK(r[0] == doctest::Approx(1.0));
  CHECK(r[1] == doctest::Approx(0.5));
  const std::vector<double> flat{1, 2, 1, 1, 1, 3};
  CHECK(test::fails(try_derived_importance(flat, 2, overall)) ==
        "attributes[0]: the ratings of this attribute do not vary: its correlation is undefined");
  CHECK(test::fails(try_derived_importance(ratings, 4, overall)) ==
        "ratings: expected 3 respondents x 4 attributes, got 6 ratings");
  const std::vector<double> same{2, 2, 2};
  CHECK(test::fails(try_derived_importance(ratings, 2, same)) == "overall: the overall ratings do not vary");
}

TEST_CASE("IPA: errors") {
  const std::vector<ipa_attribute> off{{"delivery", 4.5, 6.0}};
  CHECK(test::fails(try_ipa(off)) == "attributes[0].performance: 6 lies outside the scale 1-5");
  CHECK(test::fails(try_ipa({})) == "attributes: no attributes");
  const std::vector<ipa_attribute> ok{{"delivery", 4.5, 3.0}};
  CHECK(test::fails(try_ipa(ok, {.crosshair = ipa_crosshair::given, .importance_line = nan_value})) ==
        "options: the given crosshair lines must be finite");
}

TEST_CASE("Kano: the evaluation table of Sauerwein et al. (metrics.md 3.6), cell by cell") {
  // Rows: functional like, must-be, neutral, live with, dislike; columns: dysfunctional.
  const char* const table[5] = {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"};
  for (int f = 1; f <= 5; ++f)
    for (int d = 1; d <= 5; ++d) {
      INFO("functional " << f << ", dysfunctional " << d);
      CHECK(letter(kano_classify(static_cast<kano_answer>(f), static_cast<kano_answer>(d))) == table[f - 1][d - 1]);
    }
}

namespace {
// Repeats each (functional, dysfunctional) pair `times` times.
void add(std::vector<double>& f, std::vector<double>& d, double fa, double da, int times) {
  for (int i = 0; i < times; ++i) {
    f.push_back(fa);
    d.push_back(da);
  }
}
}  // namespace

TEST_CASE("Kano: counts, modal category, Better and Worse (negative), strengths and Fong's test, by hand") {
  std::vector<double> f, d;
  add(f, d, 1, 3, 4);  // A
  add(f, d, 1, 5, 3);  // O
  add(f, d, 3, 5, 2);  // M
  add(f, d, 3, 3, 1);  // I
  const auto r = kano(f, d);
  CHECK(r.n == 10);
  CHECK(r.counts[static_cast<std::size_t>(kano_category::attractive)] == 4);
  CHECK(r.category == kano_category::attractive);
  CHECK_FALSE(r.tie_broken);
  CHECK(*r.better == doctest::Approx(0.7));  // (4 + 3)/10
  CHECK(*r.worse == doctest::Approx(-0.5));  // -(3 + 2)/10
  CHECK(r.total_strength == doctest::Approx(90));
  CHECK(r.category_strength == doctest::Approx(10));
  // 1.65 sqrt((4 + 3)(20 - 7)/20) = 3.52 > |4 - 3|: the lead of A over O is not significant.
  CHECK(r.fong_threshold == doctest::Approx(1.65 * std::sqrt(7.0 * 13.0 / 20.0)));
  CHECK_FALSE(r.fong_significant);
  CHECK(r.questionable_share == 0);
}

TEST_CASE("Kano: ties go M > O > A > I, also within a margin; R and Q leave Better/Worse") {
  std::vector<double> f, d;
  add(f, d, 1, 3, 3);  // A
  add(f, d, 2, 5, 3);  // M
  add(f, d, 1, 5, 2);  // O
  add(f, d, 2, 2, 2);  // I
  const auto tied = kano(f, d);
  CHECK(tied.category == kano_category::must_be);
  CHECK(tied.tie_broken);
  // A leads M by one answer in 11 (9.1 points): a 10-point margin still hands it to M.
  add(f, d, 1, 4, 1);
  CHECK(kano(f, d).category == kano_category::attractive);
  CHECK(kano(f, d, {.tie_margin = 10}).category == kano_category::must_be);

  std::vector<double> f2, d2;
  add(f2, d2, 1, 1, 1);  // Q
  add(f2, d2, 5, 5, 1);  // Q
  add(f2, d2, 5, 1, 1);  // R
  add(f2, d2, 1, 2, 1);  // A
  const auto odd = kano(f2, d2);
  CHECK(odd.category == kano_category::questionable);
  CHECK(odd.questionable_share == doctest::Approx(50));
  CHECK(*odd.better == doctest::Approx(1.0));  // A / (A + O + M + I) = 1/1
  CHECK(*odd.worse == doctest::Approx(0.0));
  // Only R and Q answers: Better and Worse are undefined, not 0.
  const std::vector<double> fq{1, 5}, dq{1, 1};
  const auto undefined = kano(fq, dq);
  CHECK_FALSE(undefined.better.has_value());
  CHECK_FALSE(undefined.worse.has_value());
}

TEST_CASE("Kano: errors name the answer") {
  const std::vector<double> f{1, 2, 6}, d{1, 2, 3};
  CHECK(test::fails(try_kano(f, d)) == "functional[2]: a Kano answer must lie in 1-5");
  const std::vector<double> short_d{1, 2};
  CHECK(test::fails(try_kano(f, short_d)) == "dysfunctional: expected one answer per functional answer (3), got 2");
  CHECK(test::fails(try_kano({}, {})) == "functional: no answers");
}

TEST_CASE("total customer satisfaction over the five dimensions, in any order") {
  const std::vector<dimension_satisfaction> dims{{satisfaction_dimension::service, 2},
                                                 {satisfaction_dimension::philosophy, 4},
                                                 {satisfaction_dimension::product, 4.5},
                                                 {satisfaction_dimension::behaviour, 3},
                                                 {satisfaction_dimension::visual_image, 5}};
  const auto r = total_customer_satisfaction(dims);
  // Rescaled on 1-5: 75, 50, 100, 87.5, 25 with equal weights.
  CHECK(r.index == doctest::Approx((75 + 50 + 100 + 87.5 + 25) / 5));
  REQUIRE(r.dimensions.size() == 5);
  CHECK(r.dimensions[0].name == "philosophy");
  CHECK(r.dimensions[4].rescaled == doctest::Approx(25));
  CHECK(r.weakest == satisfaction_dimension::service);
  CHECK(r.largest_potential == satisfaction_dimension::service);
  // All five are needed, once each; errors point at the caller's element.
  const std::vector<dimension_satisfaction> four(dims.begin(), dims.end() - 1);
  CHECK(test::fails(try_total_customer_satisfaction(four)) ==
        "dimensions: no score for visual_image: total satisfaction needs all five dimensions");
  auto twice = dims;
  twice[4].dimension = satisfaction_dimension::service;
  CHECK(test::fails(try_total_customer_satisfaction(twice)) == "dimensions[4].dimension: service is given twice");
  auto off = dims;
  off[2].score = 7;
  CHECK(test::fails(try_total_customer_satisfaction(off)) ==
        "dimensions[2].score: the score 7 lies outside its scale 1-5");
}

TEST_CASE("moments of truth: CSAT per touch point and the weakest one") {
  const std::vector<double> first{5, 4, 3, 5}, solving{2, 4, 3, 4}, use{4, 4, 2, 5};
  const std::vector<touch_point_ratings> points{{to_string(moment_of_truth::first_contact), first},
                                                {to_string(moment_of_truth::problem_solving), solving},
                                                {to_string(moment_of_truth::first_use), use}};
  const auto r = touch_point_satisfaction(points);
  CHECK(r.n == 12);
  CHECK(r.touch_points[0].satisfaction.csat == doctest::Approx(75));
  CHECK(r.touch_points[1].satisfaction.csat == doctest::Approx(50));
  CHECK(r.weakest == 1);
  CHECK(r.touch_points[1].touch_point == "problem_solving");
  const std::vector<double> bad{5, 9};
  const std::vector<touch_point_ratings> wrong{{"first_contact", first}, {"repurchase", bad}};
  CHECK(test::fails(try_touch_point_satisfaction(wrong)) == "touch_points[1].ratings[1]: a rating must lie in 1-5");
  const std::vector<touch_point_ratings> twice{{"first_contact", first}, {"first_contact", use}};
  CHECK(test::fails(try_touch_point_satisfaction(twice)) ==
        "touch_points[1].touch_point: touch point \"first_contact\" repeats");
}
