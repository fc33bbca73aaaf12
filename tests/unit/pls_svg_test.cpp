// The path diagram and the IPMA map as SVG: every construct, indicator and path drawn once
// with the fit's numbers, the layout's rules (sources left of their targets, nothing
// overlapping, inside the picture) for the ECSI model and a 20-construct model, and the
// pictures in docs/ being the library's own output.
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/report/pls_svg.hpp>

#include "test_support.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace excellence;

namespace {

struct svg_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value(), model).value();
  pls_fit fit = estimate_pls(model, data);
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct rectangle {
  double left, top, right, bottom;
};

// The number in attribute `name`="…" of an element's text.
double attribute(const std::string& element, const std::string& name) {
  const auto at = element.find(" " + name + "=\"");
  REQUIRE(at != std::string::npos);
  return std::stod(element.substr(at + name.size() + 3));
}

// The boxes and the ellipses' bounding boxes, in drawing order; the picture's size.
struct drawn {
  std::vector<rectangle> boxes, ellipses;
  std::vector<double> ellipse_x;
  double width = 0, height = 0;
};

drawn layout_of(const std::string& svg) {
  drawn d;
  const auto view = svg.find("viewBox=\"0 0 ");
  REQUIRE(view != std::string::npos);
  std::istringstream size(svg.substr(view + std::string_view("viewBox=\"0 0 ").size()));
  size >> d.width >> d.height;
  for (const std::string tag : {"<rect class=\"indicator\"", "<ellipse class=\"construct\""})
    for (auto at = svg.find(tag); at != std::string::npos; at = svg.find(tag, at + 1)) {
      const std::string e = svg.substr(at, svg.find('>', at) - at);
      if (e.starts_with("<rect")) {
        const double x = attribute(e, "x"), y = attribute(e, "y");
        d.boxes.push_back({x, y, x + attribute(e, "width"), y + attribute(e, "height")});
      } else {
        const double cx = attribute(e, "cx"), cy = attribute(e, "cy"), rx = attribute(e, "rx"), ry = attribute(e, "ry");
        d.ellipses.push_back({cx - rx, cy - ry, cx + rx, cy + ry});
        d.ellipse_x.push_back(cx);
      }
    }
  return d;
}

void check_layout(const drawn& d, const pls_fit& fit) {
  std::vector<rectangle> all = d.boxes;
  all.insert(all.end(), d.ellipses.begin(), d.ellipses.end());
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO("shape " << i);
    CHECK(all[i].left >= 0);
    CHECK(all[i].top >= 0);
    CHECK(all[i].right <= d.width);
    CHECK(all[i].bottom <= d.height);
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const bool apart = all[i].right <= all[j].left || all[j].right <= all[i].left || all[i].bottom <= all[j].top ||
                         all[j].bottom <= all[i].top;
      CHECK(apart);
    }
  }
  // Every path runs from left to right: a construct's column is its longest chain.
  for (std::size_t to = 0; to < fit.latent_variables.size(); ++to)
    for (std::size_t from = 0; from < fit.latent_variables.size(); ++from)
      if (fit.path_matrix[to][from] != 0) CHECK(d.ellipse_x[from] < d.ellipse_x[to]);
}

}  // namespace

TEST_CASE("path diagram: every construct, indicator and path with the fit's numbers, laid out by the structure") {
  const svg_case c;
  const auto svg = path_diagram_svg(c.fit);
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(count(svg, "<ellipse class=\"construct\"") == 6);
  CHECK(count(svg, "<rect class=\"indicator\"") == 27);
  CHECK(count(svg, "class=\"measurement\"") == 27);
  CHECK(count(svg, "class=\"path") == 10);
  CHECK(count(svg, "class=\"path uncertain\"") == 0);  // no bootstrap, no verdict
  for (std::size_t to = 0; to < 6; ++to)
    for (std::size_t from = 0; from < 6; ++from)
      if (c.model.path_matrix[to][from] != 0) {
        const auto label =
            c.model.latent_variables[from] + " -&gt; " + c.model.latent_variables[to] + " " +
            detail::fixed(c.fit.paths(static_cast<Eigen::Index>(to), static_cast<Eigen::Index>(from)), 3);
        INFO(label);
        CHECK(svg.find(label) != std::string::npos);
      }
  CHECK(svg.find(">R² " + detail::fixed(c.fit.r2(4), 3) + "<") != std::string::npos);  // SAT
  CHECK(svg.find(">" + detail::fixed(c.fit.loadings(0), 3) + "<") != std::string::npos);
  const auto d = layout_of(svg);
  check_layout(d, c.fit);
  CHECK(d.ellipse_x[0] == *std::min_element(d.ellipse_x.begin(), d.ellipse_x.end()));  // IMAG, exogenous

  // With a bootstrap: a path whose interval includes 0 is dashed, the others starred.
  const auto boot = bootstrap_pls(c.model, c.data, {}, {.resamples = 100, .seed = 3});
  const auto with = path_diagram_svg(c.fit, &boot);
  std::size_t includes_zero = 0;
  for (const auto& p : boot.paths) includes_zero += p.lo <= 0 && p.hi >= 0 ? 1U : 0U;
  CHECK(includes_zero > 0);
  CHECK(count(with, "class=\"path uncertain\"") == includes_zero);
  CHECK(count(with, "*; ") == boot.paths.size() - includes_zero);
}

TEST_CASE("path diagram: a 20-construct model stays readable, mode B weights drawn inward") {
  // A random acyclic structure over 20 constructs of 2–5 indicators (every construct joined
  // to an earlier one), on random data: the picture's rules do not depend on the numbers.
  boost::random::mt19937_64 engine(5);
  std::string syntax;
  std::vector<std::string> names;
  pls_data data;
  std::size_t columns = 0;
  for (int j = 0; j < 20; ++j) {
    const auto k = boost::random::uniform_int_distribution<int>(2, 5)(engine);
    syntax += "C" + std::to_string(j) + (j % 4 == 3 ? " <~ " : " =~ ");
    for (int i = 0; i < k; ++i) {
      names.push_back("x" + std::to_string(j) + "_" + std::to_string(i));
      syntax += (i > 0 ? " + " : "") + names.back();
    }
    syntax += "\n";
    columns += static_cast<std::size_t>(k);
    if (j > 0) {
      const auto first = boost::random::uniform_int_distribution<int>(0, j - 1)(engine);
      const auto second = boost::random::uniform_int_distribution<int>(0, j - 1)(engine) / 2;
      syntax += "C" + std::to_string(j) + " ~ C" + std::to_string(first);
      if (j > 3 && second != first) syntax += " + C" + std::to_string(second);
      syntax += "\n";
    }
  }
  const auto model = parse_pls_syntax(syntax);
  boost::random::normal_distribution<double> normal;
  data.names = names;
  data.values.resize(300, static_cast<Eigen::Index>(columns));
  for (Eigen::Index i = 0; i < data.values.rows(); ++i) {
    const double common = normal(engine);
    for (Eigen::Index k = 0; k < data.values.cols(); ++k) data.values(i, k) = common + normal(engine);
  }
  const auto fit = estimate_pls(model, data);
  const auto svg = path_diagram_svg(fit);
  CHECK(count(svg, "<ellipse class=\"construct\"") == 20);
  const auto d = layout_of(svg);
  check_layout(d, fit);
  // Mode B: the arrow runs from the box to the ellipse (it starts at the box's right edge).
  CHECK(svg.find(">" + detail::fixed(fit.weights(static_cast<Eigen::Index>(*fit.indicator_index("x3_0"))), 3) + "<") !=
        std::string::npos);
}

TEST_CASE("IPMA map: a point per construct with its numbers, the crosshair, the quadrants") {
  const svg_case c;
  const auto ipma = pls_ipma(c.fit, {.target = "SAT", .scale_min = {0}, .scale_max = {10}});
  const auto svg = ipma_map_svg(ipma);
  CHECK(count(svg, "<circle class=\"point\"") == ipma.constructs.size());
  CHECK(count(svg, "class=\"crosshair\"") == 2);
  for (const char* quadrant : {"Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"})
    CHECK(svg.find(quadrant) != std::string::npos);
  CHECK(svg.find("VAL: importance " + detail::fixed(ipma.constructs[3].importance, 3) + ", performance " +
                 detail::fixed(ipma.constructs[3].performance, 1) + ", concentrate_here") != std::string::npos);
  CHECK(count(ipma_map_svg(ipma, true), "<circle class=\"point\"") == ipma.indicators.size());
}

TEST_CASE("the pictures in docs/ are the library's output") {
  // docs/images/ecsi_path_diagram.svg: `excellence pls satisfaction.csv --model
  // satisfaction_model.txt --bootstrap 200 --svg FILE`; ecsi_ipma_map.svg: `--ipma SAT
  // --scale-min 0 --scale-max 10 --svg FILE`. A change of the drawing shows here.
  const svg_case c;
  const auto boot = bootstrap_pls(c.model, c.data, {}, {.resamples = 200});
  CHECK(path_diagram_svg(c.fit, &boot) ==
        test::read_file(test::source_dir / "docs" / "images" / "ecsi_path_diagram.svg"));
  const auto ipma = pls_ipma(c.fit, {.target = "SAT", .scale_min = {0}, .scale_max = {10}});
  CHECK(ipma_map_svg(ipma) == test::read_file(test::source_dir / "docs" / "images" / "ecsi_ipma_map.svg"));
}

TEST_CASE("path diagram: names are escaped, text that is not UTF-8 refused") {
  svg_case c;
  c.fit.latent_variables[0] = "A<B & \"C\"";
  const auto svg = path_diagram_svg(c.fit);
  CHECK(svg.find("A&lt;B &amp; &quot;C&quot;") != std::string::npos);
  c.fit.latent_variables[0] = "\xff";
  CHECK_THROWS_AS((void)path_diagram_svg(c.fit), data_error);
}
