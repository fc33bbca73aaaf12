// IPMA of the ECSI model on plspm's satisfaction data (answers 0–10), checked against its
// definitions: the performances are the 0–100 indexes, the importances the total effects
// of an OLS path model fitted to the 0–100 construct scores, the quadrants IPA's.
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>

#include "test_support.hpp"

#include <Eigen/Dense>

#include <cmath>

using namespace excellence;

namespace {

struct ipma_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value(), model).value();
  pls_fit fit = estimate_pls(model, data);
  pls_ipma_options options{.target = "SAT", .scale_min = {0}, .scale_max = {10}};
};

}  // namespace

TEST_CASE("IPMA: performance is the 0-100 index, importance the total effect on 0-100 scores") {
  const ipma_case c;
  const auto ipma = pls_ipma(c.fit, c.options);
  const auto index = try_pls_index(c.fit, 0.0, 10.0).value();
  REQUIRE(ipma.constructs.size() == 4);  // IMAG, EXPE, QUAL, VAL reach SAT
  CHECK(ipma.constructs[0].name == "IMAG");
  CHECK(std::abs(ipma.target_performance - index.index(4)) < 1e-12);
  for (const auto& point : ipma.constructs) {
    INFO(point.name);
    CHECK(std::abs(point.performance - index.index(static_cast<Eigen::Index>(*c.fit.latent_index(point.name)))) <
          1e-12);
  }
  // The 0–100 construct scores from the rows and the rescaled weights, and the OLS path
  // model on them (with intercepts): its total effects on SAT are the importances.
  const auto n = c.data.values.rows();
  const auto J = static_cast<Eigen::Index>(c.fit.latent_variables.size());
  Eigen::MatrixXd Y = Eigen::MatrixXd::Zero(n, J);
  for (std::size_t k = 0; k < c.fit.indicators.size(); ++k) {
    const auto column = static_cast<Eigen::Index>(
        std::find(c.data.names.begin(), c.data.names.end(), c.fit.indicators[k]) - c.data.names.begin());
    Y.col(static_cast<Eigen::Index>(c.fit.block_of[k])) +=
        ipma.rescaled_weights[k] * 100 * c.data.values.col(column) / 10;
  }
  Eigen::MatrixXd B = Eigen::MatrixXd::Zero(J, J);
  for (Eigen::Index to = 0; to < J; ++to) {
    std::vector<Eigen::Index> from;
    for (Eigen::Index j = 0; j < J; ++j)
      if (c.model.path_matrix[static_cast<std::size_t>(to)][static_cast<std::size_t>(j)] != 0) from.push_back(j);
    if (from.empty()) continue;
    Eigen::MatrixXd X(n, static_cast<Eigen::Index>(from.size()) + 1);
    X.col(0).setOnes();
    for (std::size_t a = 0; a < from.size(); ++a) X.col(static_cast<Eigen::Index>(a) + 1) = Y.col(from[a]);
    const Eigen::VectorXd beta = X.colPivHouseholderQr().solve(Y.col(to));
    for (std::size_t a = 0; a < from.size(); ++a) B(to, from[a]) = beta(static_cast<Eigen::Index>(a) + 1);
  }
  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(J, J);
  const Eigen::MatrixXd total = (I - B).inverse() - I;
  for (const auto& point : ipma.constructs) {
    INFO(point.name);
    CHECK(std::abs(point.importance - total(4, static_cast<Eigen::Index>(*c.fit.latent_index(point.name)))) < 1e-10);
  }
  // Indicators: rescaled weight × the construct's importance; a block's importances sum to it.
  double imag = 0;
  for (const auto& point : ipma.indicators)
    if (point.construct == "IMAG") imag += point.importance;
  CHECK(std::abs(imag - ipma.constructs[0].importance) < 1e-12);
  CHECK(ipma.warnings.empty());
}

TEST_CASE("IPMA: the quadrants are IPA's, with IPA's crosshair and tie rule") {
  const ipma_case c;
  const auto ipma = pls_ipma(c.fit, c.options);
  const auto ipa =
      try_ipa(ipa_attributes(ipma),
              {.importance_min = -100, .importance_max = 100, .performance_min = 0, .performance_max = 100})
          .value();
  CHECK(std::abs(ipa.importance_line - ipma.importance_line) < 1e-12);
  for (std::size_t i = 0; i < ipma.constructs.size(); ++i)
    CHECK(ipa.attributes[i].quadrant == ipma.constructs[i].quadrant);
  // Lines through a point: it counts as high, and is flagged.
  auto given = c.options;
  given.crosshair = ipa_crosshair::given;
  given.importance_line = ipma.constructs[3].importance;  // VAL's
  given.performance_line = 50;
  const auto lined = pls_ipma(c.fit, given);
  CHECK(lined.constructs[3].on_importance_line);
  CHECK(lined.constructs[3].quadrant == ipa_quadrant::keep_up_the_good_work);
}

TEST_CASE("IPMA: what it refuses, and a negative rescaled weight is a warning") {
  ipma_case c;
  auto bad = c.options;
  bad.target = "IMAG";  // exogenous: nothing reaches it
  CHECK(try_pls_ipma(c.fit, bad).error().path.to_string() == "target");
  bad = c.options;
  bad.scale_min = {8};  // above the means: the sample's scale is not the questionnaire's
  CHECK(try_pls_ipma(c.fit, bad).error().code == errc::out_of_range);
  bad.scale_min = {1};  // the means lie on 1-10, but some answers are 0
  CHECK(try_pls_ipma(c.fit, bad).error().message.find("lie outside the stated scale") != std::string::npos);
  bad = c.options;
  bad.scale_max = {1, 2};
  CHECK(try_pls_ipma(c.fit, bad).error().path.to_string() == "scale_max");
  auto consistent = c.fit;
  consistent.options.consistent = true;
  CHECK_FALSE(try_pls_ipma(consistent, c.options).has_value());
  // A reversed item: its weight turns negative, and the IPMA says so.
  auto reversed = c.data;
  const auto column = static_cast<Eigen::Index>(std::find(reversed.names.begin(), reversed.names.end(), "imag4") -
                                                reversed.names.begin());
  reversed.values.col(column) = (10 - reversed.values.col(column).array()).matrix();
  const auto ipma = pls_ipma(estimate_pls(c.model, reversed), c.options);
  REQUIRE(ipma.warnings.size() == 1);
  CHECK(ipma.warnings[0].code == errc::inadmissible_estimate);
  CHECK(ipma.warnings[0].message.find("imag4") != std::string::npos);
}

TEST_CASE("IPMA with bootstrap intervals: the resamples' maps, deterministic for a seed") {
  const ipma_case c;
  const pls_bootstrap_options boot{.resamples = 120, .seed = 5, .threads = 1};
  const auto map = pls_ipma(c.model, c.data, {}, c.options, boot);
  CHECK(map.resamples == 120);
  CHECK(map.succeeded == 120);
  // The points are the plain map's; each interval holds its estimate here.
  const auto plain = pls_ipma(c.fit, c.options);
  REQUIRE(map.constructs.size() == plain.constructs.size());
  for (std::size_t k = 0; k < map.constructs.size(); ++k) {
    const auto& p = map.constructs[k];
    INFO(p.name);
    CHECK(p.importance == plain.constructs[k].importance);
    REQUIRE(p.importance_interval.has_value());
    CHECK(p.importance_interval->lo < p.importance);
    CHECK(p.importance < p.importance_interval->hi);
    CHECK(p.performance_interval->lo < p.performance);
    CHECK(p.performance < p.performance_interval->hi);
    CHECK(p.performance_interval->se > 0);
  }
  for (const auto& p : map.indicators) CHECK(p.importance_interval.has_value());
  // The same seed draws the same resamples on any number of threads.
  auto two = boot;
  two.threads = 2;
  const auto again = pls_ipma(c.model, c.data, {}, c.options, two);
  CHECK(again.constructs[3].importance_interval->lo == map.constructs[3].importance_interval->lo);
  CHECK(again.indicators[0].performance_interval->hi == map.indicators[0].performance_interval->hi);
  // The performance of a construct is a mean of 0–100 answers: its standard error is
  // close to sd/√n of the construct's 0–100 scores (the weights vary little).
  const auto index = try_pls_index(c.fit, 0.0, 10.0).value();
  const auto j = static_cast<Eigen::Index>(*c.fit.latent_index("VAL"));
  const Eigen::VectorXd scores = index.scores.col(j);
  const double sd = std::sqrt((scores.array() - scores.mean()).square().sum() / static_cast<double>(scores.size() - 1));
  CHECK(std::abs(map.constructs[3].performance_interval->se / (sd / std::sqrt(250.0)) - 1) < 0.15);
  CHECK_FALSE(try_pls_ipma(c.model, c.data, {}, c.options, {.resamples = 1}).has_value());
  CHECK(try_pls_ipma(c.model, c.data, {}, c.options, {.resamples = 50, .interval = pls_interval::bca})
            .error()
            .path.head() == "interval");
}
