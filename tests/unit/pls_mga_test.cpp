// Multigroup analysis: the groups' estimates are those of the model fitted to each group's
// rows, MICOM's statistics follow from them and the pooled fit, and on simulated groups the
// tests find the path and the mean that differ and only those.
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/mga.hpp>

#include "pls_simulation.hpp"
#include "test_support.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <string>
#include <vector>

using namespace excellence;

namespace {

struct gender_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  csv_table table = try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value();
  pls_data data = try_pls_data(table, model).value();
  std::vector<std::string> gender = table.texts("gender");
};

// The rows of one group as data of their own.
pls_data rows_of(const pls_data& data, const std::vector<std::string>& labels, const std::string& group) {
  pls_data out;
  out.names = data.names;
  std::vector<Eigen::Index> rows;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == group) rows.push_back(static_cast<Eigen::Index>(i));
  out.values = data.values(rows, Eigen::all);
  return out;
}

// Two simulated groups stacked: n rows of each population, labelled "a" and "b".
std::pair<pls_data, std::vector<std::string>> two_groups(const test::factor_chain& a, const test::factor_chain& b,
                                                         std::size_t n) {
  const auto first = test::simulate(a, n, 21);
  const auto second = test::simulate(b, n, 22);
  pls_data data;
  data.names = first.names;
  data.values.resize(first.values.rows() + second.values.rows(), first.values.cols());
  data.values << first.values, second.values;
  std::vector<std::string> labels(n, "a");
  labels.resize(2 * n, "b");
  return {std::move(data), std::move(labels)};
}

}  // namespace

TEST_CASE("MGA: each group's estimates are the model fitted to its rows; MICOM from them and the pooled fit") {
  const gender_case c;
  const auto mga = pls_mga(c.model, c.data, c.gender, {}, {.permutations = 200, .resamples = 50, .threads = 1});
  CHECK(mga.groups[0] == "male");  // the first label met
  CHECK(mga.groups[1] == "female");
  CHECK(mga.n[0] + mga.n[1] == 250);
  CHECK(mga.succeeded == 200);
  const auto male = estimate_pls(c.model, rows_of(c.data, c.gender, "male"));
  const auto female = estimate_pls(c.model, rows_of(c.data, c.gender, "female"));
  CHECK(male.n == mga.n[0]);
  REQUIRE(mga.paths.size() == 10);
  for (const auto& d : mga.paths) {
    INFO(d.name);
    const auto arrow = d.name.find(" -> ");
    const auto from = d.name.substr(0, arrow), to = d.name.substr(arrow + 4);
    CHECK(std::abs(d.first - *male.path(from, to)) < 1e-10);
    CHECK(std::abs(d.second - *female.path(from, to)) < 1e-10);
    CHECK(d.difference == d.first - d.second);
    CHECK(d.p_permutation >= 0);
    CHECK(d.p_permutation <= 1);
    REQUIRE(d.p_henseler.has_value());
    // Henseler's probability leans the way the difference points.
    CHECK((d.difference > 0) == (*d.p_henseler < 0.5));
  }
  for (std::size_t k = 0; k < mga.weights.size(); ++k) {
    INFO(mga.weights[k].name);
    CHECK(std::abs(mga.weights[k].first - male.weights(static_cast<Eigen::Index>(k))) < 1e-10);
    CHECK(std::abs(mga.loadings[k].second - female.loadings(static_cast<Eigen::Index>(k))) < 1e-10);
  }

  // MICOM: c is the correlation of the pooled data's scores built with the two groups'
  // weights; the means and variances are those of the pooled fit's scores by group.
  const auto pooled = estimate_pls(c.model, c.data);
  const auto n = c.data.values.rows();
  Eigen::MatrixXd Z(n, static_cast<Eigen::Index>(pooled.indicators.size()));
  for (std::size_t k = 0; k < pooled.indicators.size(); ++k) {
    const auto column = *c.table.find(pooled.indicators[k]);
    const auto x = c.data.values.col(static_cast<Eigen::Index>(
        std::find(c.data.names.begin(), c.data.names.end(), c.table.header()[column]) - c.data.names.begin()));
    Z.col(static_cast<Eigen::Index>(k)) = (x.array() - x.mean()) / std::sqrt((x.array() - x.mean()).square().mean());
  }
  for (std::size_t j = 0; j < mga.micom.size(); ++j) {
    const auto& m = mga.micom[j];
    INFO(m.name);
    Eigen::VectorXd wm = Eigen::VectorXd::Zero(Z.cols()), wf = wm;
    for (std::size_t k = 0; k < pooled.indicators.size(); ++k)
      if (pooled.block_of[k] == j) {
        wm(static_cast<Eigen::Index>(k)) = male.weights(static_cast<Eigen::Index>(k));
        wf(static_cast<Eigen::Index>(k)) = female.weights(static_cast<Eigen::Index>(k));
      }
    const Eigen::VectorXd a = Z * wm, b = Z * wf;
    const double r = (a.array() - a.mean()).matrix().dot((b.array() - b.mean()).matrix()) /
                     std::sqrt((a.array() - a.mean()).square().sum() * (b.array() - b.mean()).square().sum());
    CHECK(std::abs(m.c - r) < 1e-12);
    double s[2] = {0, 0}, q[2] = {0, 0}, count[2] = {0, 0};
    for (Eigen::Index i = 0; i < n; ++i) {
      const int g = c.gender[static_cast<std::size_t>(i)] == "male" ? 0 : 1;
      const double h = pooled.scores(i, static_cast<Eigen::Index>(j));
      s[g] += h;
      q[g] += h * h;
      count[g] += 1;
    }
    const double mean0 = s[0] / count[0], mean1 = s[1] / count[1];
    CHECK(std::abs(m.mean_difference - (mean0 - mean1)) < 1e-12);
    const double var0 = (q[0] - count[0] * mean0 * mean0) / (count[0] - 1);
    const double var1 = (q[1] - count[1] * mean1 * mean1) / (count[1] - 1);
    CHECK(std::abs(m.log_variance_ratio - std::log(var0 / var1)) < 1e-12);
    CHECK(m.mean_lo < m.mean_hi);
    CHECK(m.c_q05 <= 1);
  }

  // The same seed, the same numbers on two threads.
  const auto again = pls_mga(c.model, c.data, c.gender, {}, {.permutations = 200, .resamples = 50, .threads = 2});
  for (std::size_t k = 0; k < mga.paths.size(); ++k) {
    CHECK(again.paths[k].p_permutation == mga.paths[k].p_permutation);
    CHECK(again.paths[k].p_henseler == mga.paths[k].p_henseler);
  }
  CHECK(again.micom[3].c_p == mga.micom[3].c_p);
}

TEST_CASE("MGA: simulated groups that differ in one path and one mean") {
  // Group a: F1 → F2 = 0.7; group b: 0.2; F2 → F3 = 0.4 in both; b's F3 indicators shifted
  // by 0.5. Same loadings: the composites are built alike (MICOM step 2 holds).
  const auto [data, labels] = two_groups({.b12 = 0.7}, {.b12 = 0.2, .shift = 0.5}, 300);
  const auto model = parse_pls_syntax(test::factor_chain_syntax);
  const auto mga = pls_mga(model, data, labels, {}, {.permutations = 500, .resamples = 300});
  const auto& f12 = *std::find_if(mga.paths.begin(), mga.paths.end(), [](auto& d) { return d.name == "F1 -> F2"; });
  const auto& f23 = *std::find_if(mga.paths.begin(), mga.paths.end(), [](auto& d) { return d.name == "F2 -> F3"; });
  CHECK(f12.difference > 0.3);
  CHECK(f12.p_permutation < 0.01);
  CHECK(*f12.p_henseler < 0.005);  // θ_a ≤ θ_b has no support
  CHECK(f23.p_permutation > 0.05);
  CHECK(*f23.p_henseler > 0.025);
  CHECK(*f23.p_henseler < 0.975);
  for (const auto& m : mga.micom) {
    INFO(m.name);
    CHECK(m.c_p > 0.01);  // compositional invariance is not rejected at 1 % (F1: 0.035)
    if (m.name == "F3") {
      CHECK(m.mean_difference < 0);  // b's scores are higher
      CHECK(m.mean_p < 0.01);
      CHECK((m.mean_difference < m.mean_lo || m.mean_difference > m.mean_hi));
    } else {
      CHECK(m.mean_p > 0.05);
    }
  }
}

TEST_CASE("MGA: errors name the labels, the groups and the limits") {
  const gender_case c;
  auto labels = c.gender;
  labels.pop_back();
  CHECK(test::failure(try_pls_mga(c.model, c.data, labels)).path.head() == "groups");
  labels = c.gender;
  labels[7].clear();
  CHECK(test::fails(try_pls_mga(c.model, c.data, labels)) == "groups[7]: the group label is empty");
  labels = c.gender;
  labels[3] = "other";
  CHECK(test::fails(try_pls_mga(c.model, c.data, labels)) ==
        "groups: expected two groups, found 3: male, female, other (name the two to compare)");
  // Naming two of three: the third's rows are left out, with a warning.
  const auto two = pls_mga(c.model, c.data, labels, {}, {.permutations = 20, .compare = {"female", "male"}});
  CHECK(two.groups[0] == "female");
  CHECK(two.n[0] + two.n[1] == 249);
  CHECK(two.warnings.front().code == errc::rows_dropped);
  CHECK(test::fails(try_pls_mga(c.model, c.data, labels, {}, {.compare = {"female", "robot"}})) ==
        "compare: no group 'robot' (the groups: male, female, other)");
  labels = std::vector<std::string>(250, "x");
  labels[0] = labels[1] = "y";
  CHECK(test::fails(try_pls_mga(c.model, c.data, labels)) ==
        "groups: group 'y' has 2 rows used: at least 3 are needed to estimate it");
  CHECK(test::failure(try_pls_mga(c.model, c.data, c.gender, {}, {.permutations = 0})).code == errc::out_of_range);
  CHECK(test::failure(try_pls_mga(c.model, c.data, c.gender, {}, {.resamples = 1})).code == errc::out_of_range);
}
