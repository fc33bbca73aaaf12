#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/predict.hpp>

#include "../detail/seed_mix.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace excellence::inline v1 {

namespace {

using detail::concat;
using detail::input_error;
using Eigen::Index;

// The fold of each row: a Fisher–Yates shuffle, cut into k near-equal parts.
std::vector<std::size_t> folds_of(std::size_t n, std::size_t k, std::uint64_t seed, std::size_t repetition) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  boost::random::mt19937_64 engine(detail::stream_seed(seed, repetition));
  for (std::size_t i = n; i > 1; --i) {
    boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
    std::swap(order[i - 1], order[pick(engine)]);
  }
  std::vector<std::size_t> fold(n);
  for (std::size_t position = 0; position < n; ++position) fold[order[position]] = position * k / n;
  return fold;
}

}  // namespace

result<pls_predict_result> try_pls_predict(const pls_model& model, const pls_data& data, const pls_options& options,
                                           const pls_predict_options& predict) {
  const auto n = static_cast<std::size_t>(data.values.rows());
  if (predict.folds < 2 || predict.folds > n)
    return input_error(errc::out_of_range, "folds",
                       concat("expected 2 to ", std::to_string(n), " folds (one per row at most)"));
  if (predict.repetitions < 1) return input_error(errc::out_of_range, "repetitions", "at least one repetition");
  if (!data.missing.empty() && std::any_of(data.missing.begin(), data.missing.end(), [](auto m) { return m != 0; }))
    return input_error(errc::invalid_value, "data", "PLSpredict needs complete rows: the data have missing values");
  // The full-sample fit gives the layout: indicators, blocks, which constructs are endogenous.
  auto full = try_estimate_pls(model, data, options);
  if (!full) return full.error();
  const auto p = full->indicators.size();
  const auto J = full->latent_variables.size();
  std::vector<Index> column(p);
  for (std::size_t k = 0; k < p; ++k)
    column[k] =
        static_cast<Index>(std::find(data.names.begin(), data.names.end(), full->indicators[k]) - data.names.begin());
  std::vector<std::size_t> targets, predictors;  // endogenous indicators; exogenous constructs' indicators
  for (std::size_t k = 0; k < p; ++k) (full->endogenous[full->block_of[k]] ? targets : predictors).push_back(k);

  pls_predict_result out;
  out.n = n;
  out.folds = predict.folds;
  out.repetitions = predict.repetitions;
  out.seed = predict.seed;
  for (const auto k : targets)
    out.indicators.push_back({full->indicators[k], full->latent_variables[full->block_of[k]]});
  const auto T = targets.size();
  Eigen::MatrixXd pls_hat(static_cast<Index>(n), static_cast<Index>(T)), lm_hat = pls_hat, naive_hat = pls_hat;
  Eigen::MatrixXd actual(static_cast<Index>(n), static_cast<Index>(T));
  // Per row and indicator, the squared errors averaged over the repetitions (for CVPAT).
  Eigen::MatrixXd loss = Eigen::MatrixXd::Zero(static_cast<Index>(n), static_cast<Index>(T)), loss_lm = loss,
                  loss_ia = loss;
  for (std::size_t t = 0; t < T; ++t) actual.col(static_cast<Index>(t)) = data.values.col(column[targets[t]]);

  for (std::size_t r = 0; r < predict.repetitions; ++r) {
    out.fold_of.push_back(folds_of(n, predict.folds, predict.seed, r));
    const auto& fold = out.fold_of.back();
    for (std::size_t f = 0; f < predict.folds; ++f) {
      std::vector<Index> train, test;
      for (std::size_t i = 0; i < n; ++i) (fold[i] == f ? test : train).push_back(static_cast<Index>(i));
      pls_data training{data.names, data.values(train, Eigen::all), {}};
      auto fit = try_estimate_pls(model, training, options);
      if (!fit) {
        auto d = fit.error();
        d.message = concat("repetition ", std::to_string(r + 1), ", fold ", std::to_string(f + 1), ": ", d.message);
        return d;
      }
      if (!fit->converged)
        return input_error(errc::not_converged, "folds",
                           concat("repetition ", std::to_string(r + 1), ", fold ", std::to_string(f + 1),
                                  ": the weights did not converge on the training rows"));
      // The held-out rows on the training scale: z = (x − mean)/sd (centred only when raw).
      const auto rows = static_cast<Index>(test.size());
      Eigen::MatrixXd z(rows, static_cast<Index>(p));
      for (std::size_t k = 0; k < p; ++k) {
        const auto kk = static_cast<Index>(k);
        z.col(kk) = data.values(test, column[k]).array() - fit->means(kk);
        if (options.standardized) z.col(kk) /= fit->sds(kk);
      }
      // Exogenous scores, then every endogenous construct from the total effects.
      Eigen::MatrixXd xi = Eigen::MatrixXd::Zero(rows, static_cast<Index>(J));
      for (const auto k : predictors)
        xi.col(static_cast<Index>(full->block_of[k])) +=
            fit->weights(static_cast<Index>(k)) * z.col(static_cast<Index>(k));
      const Eigen::MatrixXd eta = xi * fit->total_effects.transpose();
      // The linear model on the exogenous indicators, with an intercept, fitted on the training rows.
      Eigen::MatrixXd X(static_cast<Index>(train.size()), static_cast<Index>(predictors.size()) + 1);
      Eigen::MatrixXd Xtest(rows, X.cols());
      X.col(0).setOnes();
      Xtest.col(0).setOnes();
      for (std::size_t a = 0; a < predictors.size(); ++a) {
        X.col(static_cast<Index>(a) + 1) = data.values(train, column[predictors[a]]);
        Xtest.col(static_cast<Index>(a) + 1) = data.values(test, column[predictors[a]]);
      }
      Eigen::MatrixXd Y(static_cast<Index>(train.size()), static_cast<Index>(T));
      for (std::size_t t = 0; t < T; ++t) Y.col(static_cast<Index>(t)) = data.values(train, column[targets[t]]);
      const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
      if (qr.rank() < X.cols())
        return input_error(
            errc::singular_matrix, "folds",
            concat("repetition ", std::to_string(r + 1), ", fold ", std::to_string(f + 1),
                   ": the exogenous indicators are collinear on the training rows (the linear benchmark)"));
      const Eigen::MatrixXd lm = Xtest * qr.solve(Y);
      for (std::size_t t = 0; t < T; ++t) {
        const auto k = static_cast<Index>(targets[t]);
        const auto tt = static_cast<Index>(t);
        // Loadings are correlations and scores have unit variance, centred or standardised.
        const double scale = fit->sds(k);
        const auto j = static_cast<Index>(full->block_of[targets[t]]);
        pls_hat(test, tt) = (fit->means(k) + scale * fit->loadings(k) * eta.col(j).array()).matrix();
        lm_hat(test, tt) = lm.col(tt);
        naive_hat(test, tt).setConstant(fit->means(k));
      }
    }
    const double rows = static_cast<double>(n);
    for (std::size_t t = 0; t < T; ++t) {
      const auto tt = static_cast<Index>(t);
      const Eigen::ArrayXd e = actual.col(tt) - pls_hat.col(tt);
      const Eigen::ArrayXd e_lm = actual.col(tt) - lm_hat.col(tt);
      const Eigen::ArrayXd e_naive = actual.col(tt) - naive_hat.col(tt);
      auto& x = out.indicators[t];
      const double reps = static_cast<double>(predict.repetitions);
      loss.col(tt) += (e.square() / reps).matrix();
      loss_lm.col(tt) += (e_lm.square() / reps).matrix();
      loss_ia.col(tt) += (e_naive.square() / reps).matrix();
      x.rmse += std::sqrt(e.square().sum() / rows) / reps;
      x.mae += e.abs().sum() / rows / reps;
      const double naive = e_naive.square().sum();
      if (!(naive > 0))
        return input_error(errc::invalid_value, "data",
                           concat("\"", x.name, "\" equals its training mean on every row: no Q2_predict"));
      x.q2_predict += (1 - e.square().sum() / naive) / reps;
      x.lm_rmse += std::sqrt(e_lm.square().sum() / rows) / reps;
      x.lm_mae += e_lm.abs().sum() / rows / reps;
    }
  }

  // CVPAT over all endogenous indicators, then each endogenous construct's.
  std::vector<std::pair<std::string, std::vector<Index>>> groups{{"", {}}};
  for (std::size_t t = 0; t < T; ++t) groups.front().second.push_back(static_cast<Index>(t));
  for (std::size_t j = 0; j < J; ++j) {
    std::vector<Index> own;
    for (std::size_t t = 0; t < T; ++t)
      if (full->block_of[targets[t]] == j) own.push_back(static_cast<Index>(t));
    if (!own.empty()) groups.emplace_back(full->latent_variables[j], std::move(own));
  }
  for (const auto& [benchmark, against] : {std::pair{"LM", &loss_lm}, std::pair{"IA", &loss_ia}})
    for (const auto& [construct, columns] : groups) {
      const Eigen::VectorXd D =
          (*against)(Eigen::all, columns).rowwise().mean() - loss(Eigen::all, columns).rowwise().mean();
      pls_cvpat_test test{benchmark, construct, D.mean()};
      test.df = n - 1;
      const double sd = std::sqrt((D.array() - D.mean()).square().sum() / static_cast<double>(n - 1));
      if (sd > 0) {
        const double t = D.mean() / (sd / std::sqrt(static_cast<double>(n)));
        const boost::math::students_t student(static_cast<double>(n - 1));
        test.t = t;
        test.p_better = boost::math::cdf(boost::math::complement(student, t));
        test.p_two_sided = 2 * boost::math::cdf(boost::math::complement(student, std::abs(t)));
      }
      out.cvpat.push_back(std::move(test));
    }
  return out;
}

}  // namespace excellence::inline v1
