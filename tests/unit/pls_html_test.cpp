// The model report: the fit's numbers where the tables say, each part given as its own
// section and none other, the pictures on one page without sharing ids or style rules,
// nothing loaded from outside, the flags where the rules of thumb put them, both
// languages, escaping, and refusal of numbers that are not finite.
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/report/pls_html.hpp>

#include "test_support.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace excellence;

namespace {

struct report_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  csv_table table = try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value();
  pls_data data = try_pls_data(table, model).value();
  pls_fit fit = estimate_pls(model, data);
};

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text between `from` and the next `to` after it (empty when `from` is absent).
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto start = text.find(from);
  if (start == std::string::npos) return {};
  const auto end = text.find(to, start + from.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// A table row's header cell followed by its first number, as the report writes them.
std::string row_start(const std::string& name, double value, int digits) {
  return "<th scope=\"row\">" + name + "</th><td class=\"num\">" + detail::fixed(value, digits) + "</td>";
}

// The diagnostic of the data_error `render` throws.
template <class Render>
diagnostic report_error(Render render) {
  try {
    render();
  } catch (const data_error& e) {
    return e.where();
  }
  FAIL("no data_error");
  return {};
}

std::string arrow_html(const pls_fit& fit, std::size_t from, std::size_t to) {
  return fit.latent_variables[from] + " -&gt; " + fit.latent_variables[to];
}

}  // namespace

TEST_CASE("model report: the fit's numbers and every part given, each in its section, self-contained") {
  const report_case c;
  const auto boot = bootstrap_pls(c.model, c.data, {}, {.resamples = 60, .seed = 3, .threads = 1});
  const auto index = try_pls_index(c.fit, 0.0, 10.0).value();
  const auto map = pls_ipma(c.fit, {.target = "SAT", .scale_min = {0}, .scale_max = {10}});
  const auto overall = pls_model_fit(c.model, c.data);
  const auto prediction = pls_predict(c.model, c.data, {}, {.folds = 5, .repetitions = 1});
  const auto groups = pls_mga(c.model, c.data, c.table.texts("gender"), {}, {.permutations = 40, .threads = 1});
  const auto html = to_html(c.fit, {.bootstrap = &boot,
                                    .index = &index,
                                    .ipma = &map,
                                    .model_fit = &overall,
                                    .predict = &prediction,
                                    .mga = &groups,
                                    .subtitle = "satisfaction.csv"});
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.ends_with("</body>\n</html>\n"));
  CHECK(html.find("<title>PLS path model report — satisfaction.csv</title>") != std::string::npos);

  // Nothing is loaded: no script, no source, the only address the SVG namespace, the only
  // url() a reference inside the page.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(occurrences(html, "http") == occurrences(html, "http://www.w3.org/2000/svg"));
  CHECK(occurrences(html, "url(") == occurrences(html, "url(#"));

  // Every id once: the three pictures share the page.
  std::set<std::string> ids;
  std::size_t id_count = 0;
  for (auto at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    const auto start = at + 5;
    ids.insert(html.substr(start, html.find('"', start) - start));
    ++id_count;
  }
  CHECK(id_count == ids.size());
  for (const char* id : {"path-diagram", "ipma-constructs", "ipma-indicators"}) {
    CAPTURE(id);
    CHECK(ids.contains(id));
    CHECK(ids.contains(std::string(id) + "-arrow"));
    // Each picture's style rules apply to that picture only.
    const auto svg =
        between(html, std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"") + id + "\"", "</svg>");
    const auto style = between(svg, "<style>", "</style>").substr(7);
    REQUIRE_FALSE(style.empty());
    const auto scope = "#" + std::string(id) + " ";
    for (auto at = std::size_t{0}; at < style.size(); at = style.find('}', at) + 1)
      CHECK(style.compare(at, scope.size(), scope) == 0);
    CHECK(style.find("marker-end:url(#" + std::string(id) + "-arrow)") != std::string::npos);
  }
  CHECK(occurrences(html, "<svg ") == 3);

  // One section per part, in the documented order.
  std::vector<std::size_t> at;
  for (const char* section : {"structural", "measurement", "ipma", "model-fit", "predict", "mga"}) {
    CAPTURE(section);
    at.push_back(html.find("<section class=\"" + std::string(section) + "\">"));
    CHECK(at.back() != std::string::npos);
  }
  CHECK(std::is_sorted(at.begin(), at.end()));

  // The structural model: each path's estimate beside its name, with the bootstrap's
  // interval; each R² beside its construct.
  const auto J = c.fit.latent_variables.size();
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from) {
      if (c.fit.path_matrix[to][from] == 0) continue;
      const auto name = arrow_html(c.fit, from, to);
      CAPTURE(name);
      CHECK(html.find(row_start(name, c.fit.paths(Eigen::Index(to), Eigen::Index(from)), 4)) != std::string::npos);
      const auto* e =
          pls_bootstrap_result::find(boot.paths, c.fit.latent_variables[from] + " -> " + c.fit.latent_variables[to]);
      REQUIRE(e != nullptr);
      const auto shown = between(html, row_start(name, e->estimate, 4), "</tr>");
      CHECK(shown.find("[" + detail::fixed(e->lo, 4) + ", " + detail::fixed(e->hi, 4) + "]") != std::string::npos);
      CHECK((shown.find("class=\"verdict\"") != std::string::npos) == (e->lo > 0 || e->hi < 0));
    }
  for (std::size_t j = 0; j < J; ++j)
    if (c.fit.endogenous[j])
      CHECK(html.find(row_start(c.fit.latent_variables[j], c.fit.r2(Eigen::Index(j)), 4)) != std::string::npos);
  // Total effects: one row per pair joined by a chain (the bootstrap lists the same pairs).
  const auto effects = between(html, "<h3>Total and indirect effects</h3>", "</table>");
  CHECK(occurrences(effects, "<th scope=\"row\">") == boot.total_effects.size());
  for (const auto& e : boot.total_effects) {
    const auto name = e.name.substr(0, e.name.find(" -> ")) + " -&gt; " + e.name.substr(e.name.find(" -> ") + 4);
    CHECK(effects.find(row_start(name, e.estimate, 4)) != std::string::npos);
  }

  // The measurement model: weight and loading of every indicator; the reliability table
  // flags exactly the values below the rules of thumb.
  for (std::size_t k = 0; k < c.fit.indicators.size(); ++k) {
    const auto row = between(html, "<th scope=\"row\">" + c.fit.indicators[k] + "</th>", "</tr>");
    CHECK(row.find(detail::fixed(c.fit.weights(Eigen::Index(k)), 4)) != std::string::npos);
    CHECK(row.find(detail::fixed(c.fit.loadings(Eigen::Index(k)), 4)) != std::string::npos);
  }
  // The satisfaction data pass every rule; two values of the first block made weak show
  // the flags.
  auto weak = c.fit;
  REQUIRE(weak.blocks[0].mode == pls_mode::a);
  weak.blocks[0].cronbach_alpha = 0.65;
  weak.blocks[0].ave = 0.45;
  const auto flagged = between(to_html(weak), "<h3>Reliability and convergent validity</h3>", "</table>");
  CHECK(occurrences(flagged, "class=\"num flag\"") == 2);
  CHECK(flagged.find("<td class=\"num flag\">0.6500</td>") != std::string::npos);
  CHECK(flagged.find("<td class=\"num flag\">0.4500</td>") != std::string::npos);
  std::size_t below = 0;
  for (const auto& q : c.fit.blocks) {
    if (q.mode != pls_mode::a || q.indicators < 2) continue;
    for (const double r : {q.cronbach_alpha, q.dg_rho, q.composite_reliability}) below += r < 0.7 ? 1U : 0U;
    below += q.rho_a && *q.rho_a < 0.7 ? 1U : 0U;
    below += q.ave < 0.5 ? 1U : 0U;
  }
  const auto reliability = between(html, "<h3>Reliability and convergent validity</h3>", "</table>");
  CHECK(occurrences(reliability, "class=\"num flag\"") == below);
  for (std::size_t j = 0; j < J; ++j)
    CHECK(between(reliability, "<th scope=\"row\">" + c.fit.latent_variables[j] + "</th>", "</tr>")
              .find(detail::fixed(index.index(Eigen::Index(j)), 1)) != std::string::npos);
  // HTMT: a lower triangle, flagged at 0.90 and above.
  const auto htmt = between(html, "<h3>Discriminant validity: HTMT</h3>", "</table>");
  std::size_t high = 0, defined = 0;
  for (std::size_t i = 0; i < J; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (const auto& h = c.fit.htmt[i][j]) {
        ++defined;
        high += *h >= 0.9 ? 1U : 0U;
      }
  CHECK(occurrences(htmt, "class=\"num flag\"") == high);
  CHECK(occurrences(htmt, "<td class=\"num") == J * J);  // every cell of the square, the upper half empty
  CHECK(defined > 0);
  // Fornell–Larcker: √AVE on the diagonal.
  const auto fornell = between(html, "<h3>Discriminant validity: Fornell–Larcker</h3>", "</table>");
  for (std::size_t j = 0; j < J; ++j)
    CHECK(fornell.find("<td class=\"num own\">" + detail::fixed(std::sqrt(c.fit.blocks[j].ave), 3) + "</td>") !=
          std::string::npos);

  // The parts: the IPMA's points, the fit measures, PLSpredict's indicators, the MGA's
  // paths, each with its numbers.
  const auto ipma = between(html, "<section class=\"ipma\">", "</section>");
  for (const auto& p : map.constructs) CHECK(ipma.find(row_start(p.name, p.importance, 4)) != std::string::npos);
  for (const auto& p : map.indicators) CHECK(ipma.find(row_start(p.name, p.importance, 4)) != std::string::npos);
  const auto fit_section = between(html, "<section class=\"model-fit\">", "</section>");
  for (const auto& m : overall.estimated.measures)
    if (m.value) CHECK(fit_section.find(row_start("estimated · " + m.name, *m.value, 4)) != std::string::npos);
  const auto predict_section = between(html, "<section class=\"predict\">", "</section>");
  for (const auto& x : prediction.indicators)
    CHECK(predict_section.find("<th scope=\"row\">" + x.name + "</th>") != std::string::npos);
  CHECK(occurrences(predict_section, "<th scope=\"row\">LM</th>") +
            occurrences(predict_section, "<th scope=\"row\">IA</th>") ==
        prediction.cvpat.size());
  const auto mga_section = between(html, "<section class=\"mga\">", "</section>");
  for (const auto& d : groups.paths) {
    const auto name = d.name.substr(0, d.name.find(" -> ")) + " -&gt; " + d.name.substr(d.name.find(" -> ") + 4);
    CHECK(mga_section.find(row_start(name, d.first, 4)) != std::string::npos);
  }
  const auto micom = between(mga_section, "<h3>Measurement invariance (MICOM)</h3>", "</table>");
  std::size_t not_invariant = 0;
  for (const auto& m : groups.micom) {
    const auto row = between(micom, "<th scope=\"row\">" + m.name + "</th>", "</tr>");
    CHECK(row.find((m.c < m.c_q05 ? "<td class=\"num flag\">" : "<td class=\"num\">") + detail::fixed(m.c, 4)) !=
          std::string::npos);
    not_invariant += m.c < m.c_q05 ? 1U : 0U;
  }
  CHECK(not_invariant > 0);  // VAL's compositional invariance fails between men and women
}

TEST_CASE("model report: only the fit when nothing else is given") {
  const report_case c;
  const auto html = to_html(c.fit);
  CHECK(occurrences(html, "<section ") == 2);
  CHECK(occurrences(html, "<svg ") == 1);
  CHECK(html.find("boot mean") == std::string::npos);
  CHECK(html.find("Specific indirect effects") == std::string::npos);
  CHECK(html.find("<title>PLS path model report</title>") != std::string::npos);
  CHECK(html.find("<p class=\"subtitle\">") == std::string::npos);
}

TEST_CASE("model report: in Chinese, the pictures too") {
  const report_case c;
  const auto html = to_html(c.fit, {}, language::zh);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(html.find("<h2>结构模型</h2>") != std::string::npos);
  CHECK(html.find("<h2>测量模型</h2>") != std::string::npos);
  CHECK(html.find("PLS 路径图：6 个构念，27 个指标") != std::string::npos);
  CHECK(html.find("Structural model") == std::string::npos);
}

TEST_CASE("model report: text escaped, not UTF-8 or not finite refused, an unconverged fit said so") {
  const report_case c;
  CHECK(to_html(c.fit, {.subtitle = "A & <B>"}).find("<p class=\"subtitle\">A &amp; &lt;B&gt;</p>") !=
        std::string::npos);
  const auto not_utf8 = report_error([&] { (void)to_html(c.fit, {.subtitle = "caf\xE9"}); });
  CHECK(not_utf8.code == errc::invalid_utf8);
  auto broken = c.fit;
  broken.gof = std::numeric_limits<double>::quiet_NaN();
  const auto nan = report_error([&] { (void)to_html(broken); });
  CHECK(nan.code == errc::out_of_range);
  CHECK(nan.path.to_string() == "gof");
  auto stopped = c.fit;
  stopped.converged = false;
  const auto html = to_html(stopped);
  CHECK(html.find("<strong>NOT CONVERGED</strong>") != std::string::npos);
  CHECK(html.find("the numbers below are where it stopped, not estimates") != std::string::npos);
}
