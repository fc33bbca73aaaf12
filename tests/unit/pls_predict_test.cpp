// PLSpredict on the ECSI model of plspm's satisfaction data: one repetition recomputed here
// from its folds (the model re-estimated on each training part, the held-out rows predicted
// through the exogenous scores and the total effects; the linear benchmark by QR).
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/predict.hpp>

#include "test_support.hpp"

#include <Eigen/Dense>

#include <cmath>

using namespace excellence;

namespace {

struct predict_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value(), model).value();
};

Eigen::Index column_of(const pls_data& d, const std::string& name) {
  return static_cast<Eigen::Index>(std::find(d.names.begin(), d.names.end(), name) - d.names.begin());
}

// sat1's out-of-sample predictions for one repetition's folds, recomputed with the model's
// own estimates: PLS (IMAG, the one exogenous construct, from the held-out answers; SAT =
// total effect × IMAG), the linear model on imag1–imag5, the training mean.
struct sat1_predictions {
  Eigen::VectorXd pls, lm, naive;
};

sat1_predictions recompute_sat1(const pls_model& model, const pls_data& data, const std::vector<std::size_t>& fold,
                                std::size_t folds) {
  const auto n = data.values.rows();
  const auto y = column_of(data, "sat1");
  sat1_predictions out{Eigen::VectorXd(n), Eigen::VectorXd(n), Eigen::VectorXd(n)};
  for (std::size_t f = 0; f < folds; ++f) {
    std::vector<Eigen::Index> train, test;
    for (Eigen::Index i = 0; i < n; ++i) (fold[static_cast<std::size_t>(i)] == f ? test : train).push_back(i);
    const auto fit = estimate_pls(model, pls_data{data.names, data.values(train, Eigen::all), {}});
    Eigen::VectorXd imag = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(test.size()));
    Eigen::MatrixXd X(static_cast<Eigen::Index>(train.size()), 6), Xtest(static_cast<Eigen::Index>(test.size()), 6);
    X.col(0).setOnes();
    Xtest.col(0).setOnes();
    for (int k = 1; k <= 5; ++k) {
      const std::string name = "imag" + std::to_string(k);
      const auto col = column_of(data, name);
      const auto at = static_cast<Eigen::Index>(*fit.indicator_index(name));
      imag += *fit.weight(name) * ((data.values(test, col).array() - fit.means(at)) / fit.sds(at)).matrix();
      X.col(k) = data.values(train, col);
      Xtest.col(k) = data.values(test, col);
    }
    const auto at = static_cast<Eigen::Index>(*fit.indicator_index("sat1"));
    const Eigen::VectorXd sat = *fit.total_effect("IMAG", "SAT") * imag;
    out.pls(test) = (fit.means(at) + fit.sds(at) * *fit.loading("sat1") * sat.array()).matrix();
    out.lm(test) = Xtest * X.householderQr().solve(Eigen::VectorXd(data.values(train, y)));
    out.naive(test).setConstant(fit.means(at));
  }
  return out;
}

}  // namespace

TEST_CASE("PLSpredict: one repetition recomputed from its folds") {
  const predict_case c;
  const auto result = pls_predict(c.model, c.data, {}, {.folds = 5, .repetitions = 1, .seed = 9});
  REQUIRE(result.fold_of.size() == 1);
  const auto& fold = result.fold_of[0];
  // Five near-equal folds of the 250 rows.
  for (std::size_t f = 0; f < 5; ++f) CHECK(std::count(fold.begin(), fold.end(), f) == 50);
  // Indicators of the endogenous constructs: all but IMAG's five.
  REQUIRE(result.indicators.size() == 22);
  CHECK(result.indicators.front().name == "expe1");
  const auto n = c.data.values.rows();
  const auto y = column_of(c.data, "sat1");
  const auto [pls_hat, lm_hat, naive_hat] = recompute_sat1(c.model, c.data, fold, 5);
  const Eigen::VectorXd actual = c.data.values.col(y);
  const auto& sat1 = *std::find_if(result.indicators.begin(), result.indicators.end(),
                                   [](const pls_predict_indicator& x) { return x.name == "sat1"; });
  CHECK(sat1.construct == "SAT");
  const auto rows = static_cast<double>(n);
  CHECK(std::abs(sat1.rmse - std::sqrt((actual - pls_hat).squaredNorm() / rows)) < 1e-12);
  CHECK(std::abs(sat1.mae - (actual - pls_hat).cwiseAbs().sum() / rows) < 1e-12);
  CHECK(std::abs(sat1.q2_predict - (1 - (actual - pls_hat).squaredNorm() / (actual - naive_hat).squaredNorm())) <
        1e-12);
  CHECK(std::abs(sat1.lm_rmse - std::sqrt((actual - lm_hat).squaredNorm() / rows)) < 1e-10);
  CHECK(sat1.q2_predict > 0);  // image predicts satisfaction out of sample
  // Equivariance with centred (not standardised) indicators: answers on a scale twice as
  // wide and shifted give errors exactly twice as large and the same Q²_predict.
  const pls_options raw{.standardized = false};
  const auto once = pls_predict(c.model, c.data, raw, {.folds = 5, .repetitions = 1, .seed = 9});
  auto doubled = c.data;
  doubled.values = (2 * doubled.values.array() + 3).matrix();
  const auto twice = pls_predict(c.model, doubled, raw, {.folds = 5, .repetitions = 1, .seed = 9});
  for (std::size_t k = 0; k < once.indicators.size(); ++k) {
    CHECK(std::abs(twice.indicators[k].rmse - 2 * once.indicators[k].rmse) < 1e-9 * once.indicators[k].rmse);
    CHECK(std::abs(twice.indicators[k].q2_predict - once.indicators[k].q2_predict) < 1e-9);
  }
}

TEST_CASE("CVPAT: the paired t-test of the rows' losses, recomputed") {
  // IMAG → SAT with sat1 alone: each row's loss is sat1's squared error (one repetition).
  const predict_case c;
  const auto model = parse_pls_syntax("IMAG =~ imag1 + imag2 + imag3 + imag4 + imag5\nSAT =~ sat1\nSAT ~ IMAG\n");
  const auto result = pls_predict(model, c.data, {}, {.folds = 5, .repetitions = 1, .seed = 9});
  REQUIRE(result.cvpat.size() == 4);  // LM: all, SAT; IA: all, SAT
  const auto p = recompute_sat1(model, c.data, result.fold_of[0], 5);
  const Eigen::ArrayXd actual = c.data.values.col(column_of(c.data, "sat1")).array();
  const auto n = static_cast<double>(actual.size());
  for (const auto& [index, benchmark] : {std::pair{0, &p.lm}, std::pair{2, &p.naive}}) {
    const auto& test = result.cvpat[static_cast<std::size_t>(index)];
    INFO(test.benchmark);
    const Eigen::ArrayXd D = (actual - benchmark->array()).square() - (actual - p.pls.array()).square();
    const double sd = std::sqrt((D - D.mean()).square().sum() / (n - 1));
    const double t = D.mean() / (sd / std::sqrt(n));
    CHECK(test.construct.empty());
    CHECK(std::abs(test.loss_difference - D.mean()) < 1e-10);
    CHECK(std::abs(*test.t - t) < 1e-8);
    CHECK(test.df == 249);
    // Student's t with 249 degrees of freedom: the p-values add up as they must.
    CHECK(std::abs(*test.p_two_sided - 2 * std::min(*test.p_better, 1 - *test.p_better)) < 1e-12);
    CHECK(result.cvpat[static_cast<std::size_t>(index) + 1].construct == "SAT");
    CHECK(result.cvpat[static_cast<std::size_t>(index) + 1].t == test.t);  // SAT's indicators are all of them
  }
  CHECK(result.cvpat[0].benchmark == "LM");
  CHECK(result.cvpat[2].benchmark == "IA");
  // Image predicts satisfaction far better than sat1's training mean.
  CHECK(*result.cvpat[2].p_better < 1e-4);  // 7.5e-6
}

TEST_CASE("PLSpredict: deterministic for a seed; what it refuses") {
  const predict_case c;
  const auto a = pls_predict(c.model, c.data, {}, {.folds = 10, .repetitions = 3, .seed = 4});
  const auto b = pls_predict(c.model, c.data, {}, {.folds = 10, .repetitions = 3, .seed = 4});
  CHECK(a.fold_of == b.fold_of);
  CHECK(a.indicators[0].rmse == b.indicators[0].rmse);
  CHECK(a.fold_of[0] != a.fold_of[1]);
  // Repetition r's split depends on (seed, r) only: one repetition splits as the first of three.
  const auto one = pls_predict(c.model, c.data, {}, {.folds = 10, .repetitions = 1, .seed = 4});
  CHECK(one.fold_of[0] == a.fold_of[0]);
  CHECK_FALSE(try_pls_predict(c.model, c.data, {}, {.folds = 1}).has_value());
  CHECK(try_pls_predict(c.model, c.data, {}, {.folds = 251}).error().path.to_string() == "folds");
  CHECK(try_pls_predict(c.model, c.data, {}, {.repetitions = 0}).error().path.to_string() == "repetitions");
  auto gappy = c.data;
  gappy.set_missing(3, 2);
  CHECK(try_pls_predict(c.model, gappy).error().message.find("complete rows") != std::string::npos);
}
