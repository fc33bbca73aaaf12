// Time-invariant covariates for the Pareto/NBD, BG/NBD and GGompertz/NBD
// (models/clv/covariates.hpp).
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>

#include "clv_fit.hpp"
#include "clv_individual.hpp"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

// Where the covariates enter a model: α (index 1) is scaled by exp(−γ′z) in every model;
// the lifetime parameters `life` by exp(life_sign · δ′w).
struct covariate_layout {
  std::size_t base = 4;
  std::vector<std::size_t> life{};
  double life_sign = -1;
};

std::optional<covariate_layout> covariate_layout_of(clv_model m) {
  switch (m) {
    case clv_model::bgnbd:
      return covariate_layout{4, {2, 3}, 1};  // a and b
    case clv_model::pnbd:
      return covariate_layout{4, {3}, -1};  // β
    case clv_model::ggomnbd:
      return covariate_layout{5, {4}, -1};  // β
    default:
      return std::nullopt;
  }
}

constexpr std::size_t covariate_alpha = 1;

// One customer's log L at his own parameters q (the model's order; the fifth entry unused
// by the four-parameter models) and its gradient in them.
double individual_log_likelihood(clv_model m, const std::array<double, 5>& q, double x, double t_x, double T,
                                 std::array<double, 5>* gradient) {
  if (m == clv_model::ggomnbd) return clv_core::ggomnbd_individual(q, x, t_x, T, gradient);
  std::array<double, 4> g{};
  const std::array<double, 4> q4{q[0], q[1], q[2], q[3]};
  const double v = m == clv_model::bgnbd ? clv_core::bgnbd_individual(q4, x, t_x, T, gradient ? &g : nullptr)
                                         : clv_core::pnbd_individual(q4, x, t_x, T, gradient ? &g : nullptr);
  if (gradient != nullptr) *gradient = {g[0], g[1], g[2], g[3], 0};
  return v;
}

// The covariates as the likelihood reads them: per customer, the linear predictors γ′z and
// δ′w are sums over columns.
struct covariate_columns {
  std::vector<std::span<const double>> transaction{}, lifetime{};
  [[nodiscard]] std::size_t count() const noexcept { return transaction.size() + lifetime.size(); }
};

// `fitting`: a covariate that is the same for every customer cannot be told from α or β
// when fitting; a likelihood or a prediction (for one customer, say) takes it.
std::optional<diagnostic> check_covariate_group(const std::vector<clv_covariate>& group, const char* field,
                                                std::size_t n, bool fitting) {
  std::set<std::string> seen;
  for (std::size_t k = 0; k < group.size(); ++k) {
    const auto& c = group[k];
    const auto at = detail::indexed(field, k);
    if (c.name.empty()) return detail::input_error(errc::invalid_value, at, "a covariate needs a name");
    if (!seen.insert(c.name).second)
      return detail::input_error(errc::invalid_value, at, detail::concat("\"", c.name, "\" is listed twice"));
    if (c.values.size() != n)
      return detail::input_error(errc::invalid_value, at,
                                 detail::concat("\"", c.name, "\" has ", std::to_string(c.values.size()),
                                                " values for ", std::to_string(n), " customers"));
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isfinite(c.values[i]))
        return detail::input_error(
            errc::invalid_value, at,
            detail::concat("\"", c.name, "\" is not a finite number for customer ", std::to_string(i)));
    const auto [lo, hi] = std::minmax_element(c.values.begin(), c.values.end());
    if (fitting && n > 0 && *lo == *hi)
      return detail::input_error(
          errc::invalid_value, at,
          detail::concat("\"", c.name,
                         "\" is the same for every customer: it cannot be told from the base parameters"));
  }
  return std::nullopt;
}

result<covariate_layout> check_covariate_inputs(clv_model model, const clv_customers& customers,
                                                const clv_covariates& cov, bool fitting) {
  const auto layout = covariate_layout_of(model);
  if (!layout)
    return detail::input_error(
        errc::model_mismatch, "model",
        detail::concat("covariates are for the BG/NBD, Pareto/NBD and GGompertz/NBD, not the ", title(model)));
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  if (cov.transaction.empty() && cov.lifetime.empty())
    return detail::input_error(errc::invalid_value, "covariates", "no covariate given");
  const std::size_t n = customers.frequency.size();
  if (auto bad = check_covariate_group(cov.transaction, "transaction", n, fitting)) return *bad;
  if (auto bad = check_covariate_group(cov.lifetime, "lifetime", n, fitting)) return *bad;
  return *layout;
}

covariate_columns covariate_columns_of(const clv_covariates& cov) {
  covariate_columns c;
  for (const auto& v : cov.transaction) c.transaction.push_back(v.values);
  for (const auto& v : cov.lifetime) c.lifetime.push_back(v.values);
  return c;
}

// Customer i's own parameters: the base's with α and the lifetime parameters scaled.
// `coefficients`: the transaction then the lifetime coefficients.
std::array<double, 5> own_parameters_of(const covariate_layout& layout, std::span<const double> base,
                                        std::span<const double> coefficients, const covariate_columns& z,
                                        std::size_t i) {
  std::array<double, 5> q{};
  std::copy(base.begin(), base.end(), q.begin());
  double eta = 0, zeta = 0;
  for (std::size_t k = 0; k < z.transaction.size(); ++k) eta += coefficients[k] * z.transaction[k][i];
  for (std::size_t k = 0; k < z.lifetime.size(); ++k) zeta += coefficients[z.transaction.size() + k] * z.lifetime[k][i];
  q[covariate_alpha] *= std::exp(-eta);
  for (const auto j : layout.life) q[j] *= std::exp(layout.life_sign * zeta);
  return q;
}

// Σ weight × log L over the customers and its gradient, in the optimiser's parameters: the
// model's, then exp(coefficient) for each covariate (clv_core's optimiser works on the
// logarithms of positive parameters, so that it moves the coefficients themselves).
double covariate_log_likelihood_sum(clv_model model, const covariate_layout& layout, const clv_customers& c,
                                    const covariate_columns& z, const std::vector<double>& params,
                                    std::vector<double>& gradient, detail::worker_pool& pool) {
  const std::size_t K = layout.base, m = z.transaction.size(), P = K + z.count();
  const std::span<const double> base(params.data(), K);
  std::vector<double> coefficients(z.count());
  for (std::size_t k = 0; k < coefficients.size(); ++k) coefficients[k] = std::log(params[K + k]);
  std::vector<std::vector<double>> parts(64, std::vector<double>(P + 1, 0.0));
  const std::size_t used = pool.run(c.frequency.size(), [&](std::size_t from, std::size_t to, std::size_t slot) {
    auto& acc = parts[slot];
    std::array<double, 5> g{};
    for (std::size_t i = from; i < to; ++i) {
      const double w = c.weights.empty() ? 1.0 : c.weights[i];
      const auto q = own_parameters_of(layout, base, coefficients, z, i);
      acc[0] += w * individual_log_likelihood(model, q, c.frequency[i], c.recency[i], c.age[i], &g);
      // ∂/∂base_j = g_j · q_j / base_j (q_j = base_j × its customer's factor).
      for (std::size_t j = 0; j < K; ++j) acc[1 + j] += w * g[j] * q[j] / base[j];
      // ∂/∂η = −g_α q_α (q_α = α e^−η); ∂/∂ζ = sign Σ g_j q_j over the lifetime parameters.
      const double d_eta = -g[covariate_alpha] * q[covariate_alpha];
      double d_zeta = 0;
      for (const auto j : layout.life) d_zeta += layout.life_sign * g[j] * q[j];
      for (std::size_t k = 0; k < m; ++k) acc[1 + K + k] += w * d_eta * z.transaction[k][i];
      for (std::size_t k = 0; k < z.lifetime.size(); ++k) acc[1 + K + m + k] += w * d_zeta * z.lifetime[k][i];
    }
  });
  gradient.assign(P, 0.0);
  double total = 0;
  for (std::size_t s = 0; s < used; ++s) {
    total += parts[s][0];
    for (std::size_t j = 0; j < P; ++j) gradient[j] += parts[s][1 + j];
  }
  // The optimiser's parameter is e^coefficient: d/dp = (d/dcoefficient) / p.
  for (std::size_t k = K; k < P; ++k) gradient[k] /= params[k];
  return total;
}

// invalid_value at `field`: a list that is not the model's K parameters then the coefficients.
diagnostic covariate_count_error(const char* field, std::size_t K, std::size_t coefficients) {
  return detail::input_error(errc::invalid_value, field,
                             detail::concat("expected the model's ", std::to_string(K), " parameters and ",
                                            std::to_string(coefficients), " coefficients"));
}

// out_of_range at params[j] for the first of the model's K parameters not positive and finite.
std::optional<diagnostic> check_base(std::span<const double> params, std::size_t K) {
  for (std::size_t j = 0; j < K; ++j)
    if (!std::isfinite(params[j]) || !(params[j] > 0))
      return detail::input_error(errc::out_of_range, detail::indexed("params", j), "parameters must be > 0");
  return std::nullopt;
}

std::vector<std::string> covariate_coefficient_names(const clv_covariates& cov) {
  std::vector<std::string> names;
  for (const auto& c : cov.transaction) names.push_back(std::string(clv_covariate_fit::transaction_prefix) + c.name);
  for (const auto& c : cov.lifetime) names.push_back(std::string(clv_covariate_fit::lifetime_prefix) + c.name);
  return names;
}

}  // namespace

result<double> try_clv_covariate_log_likelihood(clv_model model, std::span<const double> params,
                                                const clv_customers& customers, const clv_covariates& covariates) {
  const auto layout = check_covariate_inputs(model, customers, covariates, false);
  if (!layout) return layout.error();
  const auto z = covariate_columns_of(covariates);
  const std::size_t K = layout->base;
  if (params.size() != K + z.count()) return covariate_count_error("params", K, z.count());
  if (auto bad = check_base(params, K)) return *bad;
  std::vector<double> p(params.begin(), params.end());
  for (std::size_t k = K; k < p.size(); ++k) {
    if (!std::isfinite(p[k]))
      return detail::input_error(errc::out_of_range, detail::indexed("params", k), "a coefficient must be finite");
    p[k] = std::exp(p[k]);
  }
  std::vector<double> gradient;
  const auto pool = clv_core::pool_for(customers.frequency.size(), 0);
  return covariate_log_likelihood_sum(model, *layout, customers, z, p, gradient, *pool);
}

result<clv_covariate_fit> try_fit_clv_covariates(clv_model model, const clv_customers& customers,
                                                 const clv_covariates& covariates, const clv_fit_options& options,
                                                 const model_control& control) {
  const auto layout = check_covariate_inputs(model, customers, covariates, true);
  if (!layout) return layout.error();
  const auto z = covariate_columns_of(covariates);
  const std::size_t K = layout->base, P = K + z.count();
  auto names = covariate_coefficient_names(covariates);
  if (!options.start.empty() && options.start.size() != P) return covariate_count_error("start", K, z.count());
  clv_covariate_fit out;
  out.transaction_count = covariates.transaction.size();
  out.lifetime_count = covariates.lifetime.size();
  {
    clv_fit_options plain = options;
    if (!options.start.empty())
      plain.start.assign(options.start.begin(), options.start.begin() + static_cast<std::ptrdiff_t>(K));
    auto without = try_fit_clv(model, {customers.frequency, customers.recency, customers.age, {}, customers.weights},
                               plain, control);
    if (!without) return without.error();
    out.without = std::move(*without);
  }
  std::vector<double> start = out.without.params;
  start.resize(P, 1.0);  // every coefficient 0
  if (!options.start.empty())
    for (std::size_t k = K; k < P; ++k) {
      if (!std::isfinite(options.start[k]))
        return detail::input_error(errc::out_of_range, detail::indexed("start", k), "a coefficient must be finite");
      start[k] = std::exp(options.start[k]);
    }
  const auto pool = clv_core::pool_for(customers.frequency.size(), options.threads);
  const clv_core::log_likelihood ll = [&](const std::vector<double>& p, std::vector<double>& g) {
    return covariate_log_likelihood_sum(model, *layout, customers, z, p, g, *pool);
  };
  auto found = clv_core::maximise_likelihood(std::move(start), clv_core::total_weight(customers), ll, options, control);
  if (!found) return found.error();
  auto& e = *found;
  // Back from e^coefficient to the coefficient: the estimate, and the covariance by the
  // (exact, at the optimum) Jacobian diag(1/p) of the logarithm.
  std::vector<double> p = e.params;
  for (std::size_t k = K; k < P; ++k) e.params[k] = std::log(p[k]);
  if (!e.covariance.empty()) {
    for (std::size_t i = 0; i < P; ++i)
      for (std::size_t j = 0; j < P; ++j) {
        double& v = e.covariance[i * P + j];
        if (i >= K) v /= p[i];
        if (j >= K) v /= p[j];
      }
    for (std::size_t k = K; k < P; ++k) e.standard_errors[k] /= p[k];
  }
  clv_fit& fit = out.fit;
  fit.model = model;
  for (const auto name : parameter_names(model)) fit.names.emplace_back(name);
  for (auto& name : names) fit.names.push_back(std::move(name));
  clv_core::take_estimate(fit, std::move(e));
  fit.customers = clv_core::total_weight(customers);
  out.degrees_of_freedom = z.count();
  // The fit starts at the nested optimum and only climbs: the statistic is ≥ 0 but for the
  // last digits of two optimisations, which are no evidence either way.
  out.lr_statistic = std::max(0.0, 2 * (fit.log_likelihood - out.without.log_likelihood));
  out.p_value = boost::math::cdf(
      boost::math::complement(boost::math::chi_squared(static_cast<double>(out.degrees_of_freedom)), out.lr_statistic));
  return out;
}

result<clv_predictions> try_clv_covariate_predict(const clv_covariate_fit& fit, const clv_customers& customers,
                                                  const clv_covariates& covariates, double horizon, unsigned threads) {
  const auto layout = check_covariate_inputs(fit.fit.model, customers, covariates, false);
  if (!layout) return layout.error();
  if (auto bad = clv_core::check_horizon(horizon)) return *bad;
  const std::size_t K = layout->base;
  if (fit.fit.names.size() != K + fit.transaction_count + fit.lifetime_count ||
      fit.fit.params.size() != fit.fit.names.size())
    return detail::input_error(errc::invalid_value, "fit", "the fit's parameters do not match its covariate counts");
  // The caller's columns in the fit's order, found by name.
  covariate_columns z;
  auto take = [&](const std::vector<clv_covariate>& group, const char* what, const std::vector<std::string>& names,
                  std::vector<std::span<const double>>& into) -> std::optional<diagnostic> {
    if (group.size() != names.size())
      return detail::input_error(errc::invalid_value, what,
                                 detail::concat("the fit has ", std::to_string(names.size()), " ", what,
                                                " covariates, the data ", std::to_string(group.size())));
    for (const auto& wanted : names) {
      const auto hit =
          std::find_if(group.begin(), group.end(), [&](const clv_covariate& c) { return c.name == wanted; });
      if (hit == group.end())
        return detail::input_error(errc::missing_field, what,
                                   detail::concat("the fit's covariate \"", wanted, "\" is not in the data"));
      into.push_back(hit->values);
    }
    return std::nullopt;
  };
  if (auto bad = take(covariates.transaction, "transaction", fit.transaction_covariates(), z.transaction)) return *bad;
  if (auto bad = take(covariates.lifetime, "lifetime", fit.lifetime_covariates(), z.lifetime)) return *bad;
  const std::span<const double> base(fit.fit.params.data(), K), coefficients(fit.fit.params.data() + K, z.count());
  if (auto bad = check_base(base, K)) return *bad;
  const auto model = fit.fit.model;
  return clv_core::predict_all(customers.frequency.size(), threads, [&](std::size_t i) {
    const auto q = own_parameters_of(*layout, base, coefficients, z, i);
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    switch (model) {
      case clv_model::bgnbd: {
        const bgnbd_params b{q[0], q[1], q[2], q[3]};
        return std::pair{bgnbd_p_alive(b, x, t_x, T), bgnbd_conditional_expected_transactions(b, horizon, x, t_x, T)};
      }
      case clv_model::pnbd: {
        const pnbd_params b{q[0], q[1], q[2], q[3]};
        return std::pair{pnbd_p_alive(b, x, t_x, T), pnbd_conditional_expected_transactions(b, horizon, x, t_x, T)};
      }
      default: {
        const ggomnbd_params b{q[0], q[1], q[2], q[3], q[4]};
        return std::pair{ggomnbd_p_alive(b, x, t_x, T),
                         ggomnbd_conditional_expected_transactions(b, horizon, x, t_x, T)};
      }
    }
  });
}

}  // namespace excellence::inline v1
