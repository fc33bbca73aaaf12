#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/measures_json.hpp>
#include <excellence/io/series_csv.hpp>
#include <excellence/report/html.hpp>
#include <excellence/scoring/review.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

std::vector<assessment> read_example_files(std::initializer_list<const char*> names) {
  std::vector<assessment> out;
  for (const char* name : names) out.push_back(read_assessment(test::source_dir / "examples/data" / name));
  return out;
}

std::vector<assessment> panel_2026() {
  return read_example_files({"examiner-li.json", "examiner-wang.json", "examiner-zhao.json"});
}

std::vector<assessment> cycles_2025_2026() {
  return read_example_files({"history/xinghe-2026.json", "history/xinghe-2025.json"});
}

// How often `needle` occurs in `text`.
std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// The part of a page that is the figure with this id.
std::string_view figure_of(std::string_view page, std::string_view id) {
  const auto start = page.find("<figure class=\"chart\" id=\"" + std::string(id) + "\"");
  REQUIRE(start != std::string_view::npos);
  const auto end = page.find("</figure>", start);
  return page.substr(start, end - start);
}

}  // namespace

TEST_CASE("review: the kind of report follows from the assessments' examiners and dates") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto panel = panel_2026();
  const auto one = review_of(std::span(panel).first(1), tree);
  CHECK(one.kind == review_kind::feedback);
  CHECK(one.priorities.size() == 1);
  // Li's items at 50 % of 50 points are 20 % short of the next band (70 %): 10 points at
  // stake each, in framework order; then 4.7.5 at 35 % of 60 points: 15 % short of 50 %, 9.
  const auto& ranked = one.priorities[0].items;
  CHECK(ranked[0].id == "4.1.2");
  CHECK(ranked[1].id == "4.5.2");
  CHECK(ranked[2].id == "4.5.3");
  for (int i = 0; i < 3; ++i) CHECK(ranked[static_cast<std::size_t>(i)].at_stake == points::whole(10));
  CHECK(ranked[3].id == "4.7.5");
  CHECK(ranked[3].at_stake == points::whole(9));

  const auto together = review_of(panel, tree);
  CHECK(together.kind == review_kind::consensus);
  REQUIRE(together.consensus);
  CHECK(together.consensus->items[6].flagged);  // 4.3.3: 55, 45, 35
  CHECK(together.scores.size() == 3);
  CHECK(together.priorities.size() == 3);

  const auto years = review_of(cycles_2025_2026(), tree);
  CHECK(years.kind == review_kind::history);
  REQUIRE(years.history);
  CHECK(years.assessments.front().date == "2025-10-16");  // oldest first, as the history
  CHECK(years.lead() == 1);
  // 2026: 4.7.3 at 50 % of 80 points, 20 % short of 70 %: 16 at stake.
  CHECK(years.priorities[1].items.front().id == "4.7.3");
  CHECK(years.priorities[1].items.front().at_stake == points::whole(16));

  // Two examiners of 2026 and a record of 2025: which stands for 2026 would be a guess.
  auto mixed = cycles_2025_2026();
  mixed.push_back(panel[0]);
  const auto d = try_review(mixed, tree).error();
  CHECK(d.code == errc::invalid_value);
  CHECK(d.path == "date");
  CHECK(try_review(std::span<const assessment>(), tree).error().code == errc::too_few_assessments);
}

TEST_CASE("HTML report: self-contained, every item with its score and band, every comment") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto panel = panel_2026();
  const auto page = to_html(review_of(std::span(panel).subspan(1, 1), tree), tree, language::en);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  // Nothing is loaded from anywhere: no script, no URL, no external resource.
  for (const char* loaded : {"<script", "http:", "https:", "src=", "url(", "@import", "<link rel=\"stylesheet\""}) {
    INFO(loaded);
    CHECK(page.find(loaded) == std::string::npos);
  }
  // Wang's 23 items, each with percent and band (4.3.2 at 50 %: band 50-65 %).
  CHECK(occurrences(page, "<article class=\"item\"") == 23);
  CHECK(page.find("data-item=\"4.3.2\" data-percent=\"50\" data-band=\"50-65%\" data-score=\"20\"") !=
        std::string::npos);
  for (const auto& item : panel[1].items)
    for (const auto* list : {&item.strengths, &item.opportunities})
      for (const auto& c : *list) {
        INFO(c.text);
        CHECK(page.find(c.text) != std::string::npos);
      }
  // Each category on its own page, with the band chart of its items.
  CHECK(occurrences(page, "<section class=\"category\">") == 7);
  const auto bands = figure_of(page, "bands-4.3");
  CHECK(occurrences(bands, "<circle class=\"item\"") == 2);
  CHECK(occurrences(bands, "<path class=\"dimension\"") == 8);  // ADLI of 4.3.2 and 4.3.3
  CHECK(occurrences(bands, "<title id=\"bands-4.3-title\">") == 1);
  CHECK(occurrences(bands, "<desc id=\"bands-4.3-desc\">") == 1);
  const auto categories = figure_of(page, "category-scores");
  CHECK(occurrences(categories, "<rect class=\"score\"") == 7);
  CHECK(categories.find(
            "<th scope=\"row\">4.3</th><td>Customers and markets</td><td>42.5</td><td>90</td><td>47.2 %</td>") !=
        std::string::npos);
  CHECK(occurrences(figure_of(page, "category-radar"), "<polygon class=\"series\"") == 1);
  // Key themes and key factors come first.
  CHECK(page.find("Key themes") < page.find("category-scores"));
  CHECK(page.find("KF3") != std::string::npos);
}

TEST_CASE("HTML report: the consensus shows every examiner, the median, the proposed percent and the flags") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto page = to_html(review_of(panel_2026(), tree), tree, language::zh);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(page.find("评审共识报告") != std::string::npos);
  const auto spread = figure_of(page, "consensus-spread");
  CHECK(occurrences(spread, "<circle class=\"examiner\"") == 69);  // 23 items × 3 examiners
  CHECK(occurrences(spread, "<line class=\"median\"") == 23);
  CHECK(occurrences(spread, "<path class=\"proposed\"") == 23);
  CHECK(occurrences(spread, "<rect class=\"flagged\"") == 1);  // 4.3.3
  CHECK(occurrences(figure_of(page, "category-radar"), "<polygon class=\"series\"") == 3);
  CHECK(page.find("<tr class=\"consensus-item flagged\" data-item=\"4.3.3\">") != std::string::npos);
  // 4.3.3 side by side, first among the items to discuss, each examiner's percent and band.
  const auto flagged = page.find("id=\"flagged-item-4.3.3\"");
  REQUIRE(flagged != std::string::npos);
  CHECK(page.find("data-examiner=\"李强 Li Qiang\" data-percent=\"55\" data-band=\"50-65%\"", flagged) !=
        std::string::npos);
  CHECK(page.find("data-examiner=\"赵婷 Zhao Ting\" data-percent=\"35\" data-band=\"30-45%\"", flagged) !=
        std::string::npos);
}

TEST_CASE("HTML report: the history draws one line per category and gives the latest feedback") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto page = to_html(review_of(cycles_2025_2026(), tree), tree, language::en);
  const auto lines = figure_of(page, "history-lines");
  CHECK(occurrences(lines, "<polyline class=\"category\"") == 7);
  CHECK(occurrences(lines, "<circle class=\"point\"") == 14);
  // 4.3: 33.5 / 90 in 2025, 42.5 / 90 in 2026, +9.
  CHECK(lines.find("<td>33.5 / 90 (37.2 %)</td><td>42.5 / 90 (47.2 %)</td><td>+9</td>") != std::string::npos);
  CHECK(occurrences(figure_of(page, "history-radar"), "<polygon class=\"series\"") == 2);
  CHECK(page.find("<td class=\"num\">380.5 / 1000</td><td class=\"num\"></td>") != std::string::npos);
  CHECK(page.find("<td class=\"num\">426 / 1000</td><td class=\"num\">+45.5</td>") != std::string::npos);
  CHECK(occurrences(page, "<article class=\"item\"") == 23);  // the 2026 record in full
}

TEST_CASE("HTML report: text is escaped; a scope of one category draws no radar") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto panel = panel_2026();
  panel[1].organization = "A&B <Trading>";
  panel[1].items[5].strengths[0].text = "\"quoted\" <b>bold</b>";
  const auto r = review_of(std::span(panel).subspan(1, 1), tree, {.scope = "4.3"});
  const auto page = to_html(r, tree, language::en);
  CHECK(page.find("A&amp;B &lt;Trading&gt;") != std::string::npos);
  CHECK(page.find("&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("category-radar") == std::string::npos);
  CHECK(radar_chart(r.scores, std::vector<std::string>{"x"}, tree).empty());
}

TEST_CASE("HTML report: each chart of a review by kind, as the report draws it") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto r = review_of(panel_2026(), tree);
  CHECK(chart(r, tree, chart_kind::spread) == spread_chart(*r.consensus));
  CHECK(chart(r, tree, chart_kind::radar) == radar_chart(r.scores, r.series(), tree));
  CHECK(chart(r, tree, chart_kind::bands, "4.3") == band_chart(r.scores[0], tree, "4.3"));
  CHECK(r.series() == std::vector<std::string>{"李强 Li Qiang", "王敏 Wang Min", "赵婷 Zhao Ting"});
  const auto d = try_chart(r, tree, chart_kind::history).error();
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message == "a consensus report has no history chart");
  CHECK(chart_kind_names.parse("spread") == chart_kind::spread);
}

TEST_CASE("HTML report: the measured results' evidence next to 4.7.3, with a trend chart per key series") {
  const auto set = read_measures(test::source_dir / "examples/data/evidence/measures.json");
  const auto evidence =
      results_evidence_of(set, read_series(test::source_dir / "examples/data/evidence/series.csv", set),
                          builtin_framework("gbt19580-2012"));
  const auto tree = builtin_framework("gbt19580-2012");
  const auto panel = panel_2026();
  const auto r = review_of(panel, tree, {}, &evidence);
  REQUIRE(r.evidence);
  REQUIRE(r.evidence_warnings.size() == 3);
  CHECK(r.evidence_warnings[0].empty());      // Li: 45 %, no dimension judgements
  CHECK(r.evidence_warnings[1].size() == 4);  // Wang: four dimension judgements outside
  const auto page = to_html(r, tree, language::en);
  CHECK(occurrences(page,
                    "<section class=\"evidence\" data-item=\"4.7.3\" data-min-percent=\"30\" "
                    "data-max-percent=\"85\">") == 1);
  CHECK(occurrences(page, "<tr data-dimension=\"trends\" data-band=\"70-85%\">") == 1);
  CHECK(occurrences(page, "<li data-examiner=\"王敏 Wang Min\" data-path=\"items[18].") == 4);
  // Ten key series (five key measures, two segments), one chart each; market share is no key measure.
  CHECK(occurrences(page, "<figure class=\"chart\" id=\"item-4.7.3-trend-") == 10);
  CHECK(occurrences(page, "trend-market_share") == 0);
  // The chart of automotive NPS: six points, three dashed comparisons, no target line; every
  // number in its text alternative.
  const auto nps = figure_of(page, "item-4.7.3-trend-nps-automotive");
  CHECK(occurrences(nps, "<circle class=\"point\"") == 6);
  CHECK(occurrences(nps, "<g class=\"comparison\"") == 3);
  CHECK(occurrences(nps, "<g class=\"target\"") == 0);
  CHECK(nps.find("2020 22, 2021 25, 2022 27, 2023 31, 2024 34, 2025 38.") != std::string_view::npos);
  CHECK(nps.find("Trend beneficial (p 0.003), slope 3 per period, sustained.") != std::string_view::npos);
  // Complaints: lower is better; the target 2 is drawn for each year.
  const auto complaints = figure_of(page, "item-4.7.3-trend-complaints-consumer");
  CHECK(occurrences(complaints, "<g class=\"target\"") == 1);
  CHECK(complaints.find("Target: 2020 2 2021 2 2022 2 2023 2 2024 2 2025 2.") != std::string_view::npos);
  // The Chinese report gives the reasons in Chinese; a feedback report only its examiner's warnings.
  const auto wang = std::vector<assessment>{panel[1]};
  const auto zh = to_html(review_of(wang, tree, {}, &evidence), tree, language::zh);
  CHECK(zh.find("测量结果的证据:30–85%") != std::string::npos);
  CHECK(zh.find("趋势 70-85%:有利趋势持续的关键结果") != std::string::npos);
  CHECK(occurrences(zh, "<li data-examiner=") == 4);
  // Without evidence nothing changes; evidence of another framework is refused.
  CHECK(to_html(review_of(wang, tree), tree).find("class=\"evidence\"") == std::string::npos);
  auto other = evidence;
  other.framework = "baldrige-2023";
  CHECK(try_review(wang, tree, {}, &other).error().code == errc::framework_mismatch);
  CHECK_THROWS_AS((void)trend_chart(evidence, 12), data_error);
}
