// The results the command prints, computed by the library from long-format columns (one
// row per respondent and item, as survey tools export them), and their renderings.
#include <excellence/complaints/summary.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/period.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>
#include <excellence/value/comparison.hpp>

#include "test_support.hpp"

#include <chrono>
#include <limits>

using namespace excellence;

TEST_CASE("Kano by attribute: attributes by first appearance, answers grouped, rows named in errors") {
  // speed: (1,5) O, (1,5) O, (2,5) M; app: (1,3) A. Better/Worse of speed: (0+2)/3, -(2+1)/3.
  const std::vector<std::string> attribute{"speed", "app", "speed", "speed"};
  const std::vector<double> functional{1, 1, 1, 2}, dysfunctional{5, 3, 5, 5};
  const auto t = kano_by_attribute(attribute, functional, dysfunctional);
  REQUIRE(t.attributes.size() == 2);
  CHECK(t.attributes[0].name == "speed");
  CHECK(t.attributes[0].result.n == 3);
  CHECK(t.attributes[0].result.category == kano_category::one_dimensional);
  CHECK(*t.attributes[0].result.better == doctest::Approx(2.0 / 3.0));
  CHECK(*t.attributes[0].result.worse == doctest::Approx(-1.0));
  CHECK(t.attributes[1].result.category == kano_category::attractive);
  // The fourth row's answer is the third of "speed": the error names row 3, not answer 2.
  const std::vector<double> off{1, 1, 1, 6};
  CHECK(test::fails(try_kano_by_attribute(attribute, off, dysfunctional)).starts_with("functional[3]:"));
  const std::vector<std::string> unnamed{"speed", ""};
  const std::vector<double> likes{1, 1}, dislikes{5, 5};
  CHECK(test::fails(try_kano_by_attribute(unnamed, likes, dislikes)) == "attribute[1]: an attribute needs a name");
}

TEST_CASE("value summary: means over respondents and the preferred set by the library's tie rule") {
  // r1: own 50-30 = 20, rival 45-25 = 20 (tied: half each); r2: own 30, rival 20.
  const std::vector<std::string> who{"r1", "r1", "r2", "r2"}, offer{"own", "rival", "rival", "own"};
  const std::vector<double> product{50, 45, 45, 60}, zero(4, 0.0), price{30, 25, 25, 30};
  const value_answers answers{who, offer, {product, zero, zero, zero, price, zero, zero, zero}};
  const auto v = value_summary_of(answers);
  CHECK(v.respondents == 2);
  REQUIRE(v.offers.size() == 2);
  CHECK(v.offers[0].name == "own");  // the first respondent's order
  CHECK(v.offers[0].delivered_value == doctest::Approx(25.0));
  CHECK(v.offers[0].preferred_share == doctest::Approx(0.75));
  CHECK(*v.offers[1].value_ratio == doctest::Approx(45.0 / 25.0));
  CHECK(v.preferred == std::vector<std::string>{"own"});
  // Shares equal up to rounding are a tie (0.1 + 0.2 style sums), reported as such.
  const std::vector<std::string> one{"a", "b"};
  const std::vector<double> p1{0.3, 0.1}, p2{0.0, 0.2}, z(2, 0.0);
  const value_answers close{{}, one, {p1, p2, z, z, z, z, z, z}};
  CHECK(value_summary_of(close).preferred == std::vector<std::string>{"a", "b"});
  // Errors name the input row.
  const std::vector<std::string> twice{"own", "own", "rival", "own"};
  CHECK(test::fails(try_value_summary({who, twice, answers.amounts})) ==
        "offer[1]: offer \"own\" appears twice for respondent r1");
  auto negative = price;
  negative[2] = -1;
  CHECK(test::fails(try_value_summary({who, offer, {product, zero, zero, zero, negative, zero, zero, zero}}))
            .starts_with("monetary[2]:"));
  // An amount near the largest double overflows the sum: an error, not inf or nan.
  const std::vector<double> huge{1e308, 1e308, 1e308, 1e308};
  CHECK(test::fails(try_value_summary({who, offer, {huge, huge, zero, zero, zero, zero, zero, zero}}))
            .starts_with("offer[0]: the weighted sum overflows"));
  // A cost near the smallest double makes the ratio overflow (found by fuzz_numbers).
  const std::vector<double> product_only{5.7e178}, tiny{1e-250}, none{0.0};
  const std::vector<std::string> single{"own"};
  CHECK(test::fails(try_value_summary({{}, single, {product_only, none, none, none, tiny, none, none, none}}))
            .starts_with("offers[0]: the value ratio of offer \"own\" overflows"));
  CHECK(test::fails(try_value_summary(answers, {.sensitivity = 1.0})) ==
        "sensitivity: choice shares need answers of one respondent");
}

TEST_CASE("RFM analysis: segment counts best first, customer ids unique, bins bounded") {
  const std::vector<std::string> ids{"c1", "c2", "c3", "c4"};
  const std::vector<double> recency{1, 2, 30, 40}, frequency{9, 8, 1, 2}, monetary{900, 800, 10, 20};
  const auto a = rfm_analysis_of(ids, recency, frequency, monetary, {.bins = 2});
  REQUIRE(a.segments.size() == 2);
  CHECK(a.segments[0].code == "222");
  CHECK(a.segments[0].customers == 2);
  CHECK(a.segments[1].code == "111");
  REQUIRE(a.concentration.has_value());
  CHECK(a.concentration->total == doctest::Approx(1730.0));
  CHECK(segment_code({10, 3, 4}, 10) == "10.3.4");
  const std::vector<std::string> repeated{"c1", "c2", "c1", "c4"};
  CHECK(test::fails(try_rfm_analysis(repeated, recency, frequency, monetary)) ==
        "customer[2]: customer \"c1\" appears twice (first in row 1 of the data)");
  CHECK(test::fails(try_rfm(recency, frequency, monetary, {.bins = 11})) == "bins: the number of bins must be 2-10");
  // Monetary values whose total overflows are an error, never an infinite total (fuzz_numbers).
  const std::vector<double> huge{1e308, 1e308, 1e308, 1e308};
  CHECK(test::fails(try_rfm_analysis(ids, recency, frequency, huge)) == "monetary: the total of the values overflows");
  // Losses make the concentration undefined: absent, not a number.
  const std::vector<double> losses{100, -5, 10, 20};
  CHECK_FALSE(rfm_analysis_of(ids, recency, frequency, losses).concentration.has_value());
}

TEST_CASE("complaint summary: the status vocabulary, flags and the worked example of docs/complaints.md") {
  const std::vector<double> days{1, 2, 2, 3, 2, 4};
  const std::vector<std::string> status{"resolved", "resolved", "resolved", "resolved", "open", "open"};
  const std::vector<std::optional<double>> first{1, 0, 1, 0, std::nullopt, std::nullopt};
  const auto s = complaint_summary_of({days, status, first, {}}, {.limit = 2.0, .unit = "days"});
  CHECK(*s.median == 2.0);
  CHECK_FALSE(s.p90.has_value());
  CHECK(*s.share_within_limit == doctest::Approx(0.5));
  CHECK(*s.first_contact_resolution == doctest::Approx(0.5));
  CHECK_FALSE(s.reopen_rate.has_value());
  CHECK(parse_complaint_status("open") == complaint_status::open);
  CHECK_FALSE(parse_complaint_status("Open").has_value());
  auto bad_status = status;
  bad_status[3] = "closed";
  CHECK(test::fails(try_complaint_summary({days, bad_status})) == "status[3]: \"closed\" is neither resolved nor open");
  auto open_flagged = first;
  open_flagged[4] = 1;
  CHECK(test::fails(try_complaint_summary({days, status, open_flagged, {}})) ==
        "first_contact[4]: an open complaint cannot be marked 1 here");
  auto unflagged = first;
  unflagged[0] = std::nullopt;
  CHECK(test::fails(try_complaint_summary({days, status, unflagged, {}})) ==
        "first_contact[0]: a resolved complaint needs 0 or 1 here");
}

TEST_CASE("period labels: months, quarters and numbers read and written back") {
  CHECK(parse_period_label("2024-03", time_unit::month) == period_label{2024 * 12 + 2, period_notation::month});
  CHECK(parse_period_label("2024-Q1", time_unit::quarter) == period_label{2024 * 4, period_notation::quarter});
  CHECK(parse_period_label("17", time_unit::week) == period_label{17, period_notation::number});
  CHECK(parse_period_label("2024", time_unit::year) == period_label{2024, period_notation::number});
  CHECK_FALSE(parse_period_label("2024-13", time_unit::month).has_value());
  CHECK_FALSE(parse_period_label("2024-Q5", time_unit::quarter).has_value());
  CHECK_FALSE(parse_period_label("2024-03", time_unit::quarter).has_value());  // a month label needs months
  CHECK_FALSE(parse_period_label("", time_unit::month).has_value());
  CHECK(format_period_label(2024 * 12 + 11, period_notation::month) == "2024-12");
  CHECK(format_period_label(2024 * 4 + 3, period_notation::quarter) == "2024-Q4");
  CHECK(format_period_label(-3, period_notation::number) == "-3");
  CHECK(parse_time_unit("quarter") == time_unit::quarter);
  CHECK(time_unit_names.choices() == "day, week, month, quarter or year");
}

TEST_CASE("cohort table from labelled periods: labels kept, notations not mixed, size bounded") {
  const std::vector<std::string> customers{"a", "b", "a", "c"}, periods{"2024-11", "2024-11", "2024-12", "2024-12"};
  const auto t = cohort_retention(customers, periods, time_unit::month);
  CHECK(t.notation == period_notation::month);
  REQUIRE(t.cohorts.size() == 2);
  CHECK(t.label(t.cohorts[0].cohort) == "2024-11");
  CHECK(t.cohorts[0].retention == std::vector<double>{1.0, 0.5});
  const std::vector<std::string> mixed{"2024-11", "3", "2024-12", "2024-12"};
  CHECK(test::fails(try_cohort_retention(customers, mixed, time_unit::month)) ==
        "period[1]: periods are written in two forms (numbers and calendar labels)");
  // 5,000 daily cohorts would be 12.5 million cells: refused before anything is allocated.
  std::vector<std::string> many, days;
  for (int d = 0; d < 5000; ++d) {
    many.push_back(std::to_string(d));  // customer ids; ("c" + … trips g++ 12's -Wrestrict at -O3)
    days.push_back(std::to_string(d));
  }
  CHECK(test::fails(try_cohort_retention(many, days, time_unit::day))
            .starts_with("records: the table would have 12502500 cells"));
}

TEST_CASE("simple CLV: a huge horizon costs no more than an infinite one, overflow is an error") {
  const period year{};
  const auto start = std::chrono::steady_clock::now();
  const auto r = simple_clv(100, {0.8, year}, {0.1, year}, {.horizon = 2'000'000'000});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK(r.margin_multiple == doctest::Approx(0.8 / 0.3).epsilon(1e-14));  // the infinite-horizon value
  CHECK(*r.average_life == doctest::Approx(5.0));
  CHECK(test::fails(try_simple_clv(1e308, {0.9, year}, {0.0, year}, {.horizon = 1000})).starts_with("margin:"));
  CHECK(test::fails(try_simple_clv(1, {1.0, year}, {-0.5, year}, {.horizon = 2'000'000'000})).starts_with("horizon:"));
  CHECK_FALSE(simple_clv(100, {1.0, year}, {0.1, year}).average_life.has_value());
}

TEST_CASE("JSON documents name their format and refuse numbers JSON cannot hold") {
  const auto r = nps(std::vector<double>{10, 9, 7, 3});
  const auto interval = try_nps_interval(r, 0.95).value();
  const auto text = to_json(r, interval);
  CHECK(text.find("\"format\": \"excellence.nps/1\"") != std::string::npos);
  CHECK(text.find("\"method\": \"wald\"") != std::string::npos);
  // A result with an infinity (an overflow that escaped its computation) is not printed.
  auto broken = r;
  broken.se = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(std::ignore = to_json(broken, interval),
                       "se: the result is not a finite number (an overflow in the computation)", data_error);
  CHECK_THROWS_AS(std::ignore = to_text(broken, interval), data_error);
  CHECK(to_text(r, interval) == "NPS  25.0  (SE " + detail::fixed(r.se, 1) + ", 95% wald interval " +
                                    detail::fixed(interval.lower, 1) + " to " + detail::fixed(interval.upper, 1) +
                                    ")\nn 4: 2 promoters, 1 passives, 1 detractors\n");
}

TEST_CASE("enum names: one table gives to_string and parse for every enum the command reads") {
  CHECK(parse_nps_interval_method("adjusted-wald") == nps_interval_method::adjusted_wald);
  CHECK(std::string(to_string(nps_interval_method::adjusted_wald)) == "adjusted-wald");
  CHECK(parse_margin_timing("start") == margin_timing::start_of_period);
  CHECK(parse_cohort_measure("active") == cohort_measure::active);
  CHECK(parse_kano_category("must_be") == kano_category::must_be);
  CHECK(parse_errc("rows_dropped") == errc::rows_dropped);
  CHECK(parse_errc("model_mismatch") == errc::model_mismatch);
  CHECK_FALSE(parse_errc("nonsense").has_value());
  for (const auto m : {margin_timing::end_of_period, margin_timing::start_of_period})
    CHECK(parse_margin_timing(to_string(m)) == m);
}
