#include "clv_fit.hpp"

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>

#include <nlopt.h>
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace excellence::inline v1::clv_core {

namespace {

struct problem {
  const log_likelihood* ll = nullptr;
  double scale = 1;  // 1 / customers: the optimiser sees the mean log-likelihood
  const model_control* control = nullptr;
  nlopt_opt opt = nullptr;
  int evaluations = 0;
  int max_evaluations = 0;
  bool cancelled = false;
  std::vector<double> params{};
  std::vector<double> gradient{};
  double first_value = 0;  // at the start: must be finite
  // The last evaluation, reused when the optimiser returns that very point.
  std::vector<double> last_theta{};
  double last_value = 0;
  std::vector<double> last_gradient{};
};

// NLopt minimises −LL/N over θ = log(params); d/dθ = params × d/dparams.
double objective(unsigned n, const double* theta, double* grad, void* data) {
  auto& p = *static_cast<problem*>(data);
  if (p.control->cancelled()) {
    p.cancelled = true;
    nlopt_force_stop(p.opt);
    return HUGE_VAL;
  }
  for (unsigned i = 0; i < n; ++i) p.params[i] = std::exp(theta[i]);
  // Nothing may be thrown through NLopt's C code: a likelihood that Boost.Math cannot
  // evaluate at these parameters (a domain or overflow error) is a non-finite value,
  // which the optimiser backs away from like any other.
  double value = std::numeric_limits<double>::quiet_NaN();
  try {
    value = (*p.ll)(p.params, p.gradient);
  } catch (const std::exception&) {
    std::fill(p.gradient.begin(), p.gradient.end(), std::numeric_limits<double>::quiet_NaN());
  }
  if (p.evaluations == 0) p.first_value = value;
  ++p.evaluations;
  p.last_theta.assign(theta, theta + n);
  p.last_value = value;
  p.last_gradient = p.gradient;
  if (p.control->progress)
    p.control->progress(static_cast<std::size_t>(p.evaluations), static_cast<std::size_t>(p.max_evaluations));
  if (!std::isfinite(value)) return HUGE_VAL;  // L-BFGS backs off from a non-finite point
  if (grad != nullptr)
    for (unsigned i = 0; i < n; ++i) grad[i] = -p.scale * p.gradient[i] * p.params[i];
  return -p.scale * value;
}

const char* describe(nlopt_result r) {
  switch (r) {
    case NLOPT_SUCCESS:
      return "success";
    case NLOPT_STOPVAL_REACHED:
      return "stopping value reached";
    case NLOPT_FTOL_REACHED:
      return "converged (log-likelihood tolerance)";
    case NLOPT_XTOL_REACHED:
      return "converged (parameter tolerance)";
    case NLOPT_MAXEVAL_REACHED:
      return "stopped at the maximum number of evaluations";
    case NLOPT_MAXTIME_REACHED:
      return "stopped at the time limit";
    case NLOPT_ROUNDOFF_LIMITED:
      return "stopped by round-off (the optimum is as precise as the arithmetic allows)";
    case NLOPT_FORCED_STOP:
      return "cancelled";
    default:
      return "the optimiser failed";
  }
}

}  // namespace

result<clv_fit> maximise(clv_model model, std::vector<double> start, double customers,
                         const log_likelihood& ll, const clv_fit_options& options, const model_control& control) {
  const auto n = static_cast<unsigned>(start.size());
  for (unsigned i = 0; i < n; ++i)
    if (!std::isfinite(start[i]) || !(start[i] > 0))
      return detail::input_error(errc::out_of_range, detail::indexed("start", i), "starting values must be > 0");
  if (options.max_evaluations < 1)
    return detail::input_error(errc::out_of_range, "max_evaluations", "at least one evaluation is needed");
  problem p;
  p.ll = &ll;
  p.scale = 1 / customers;
  p.control = &control;
  p.max_evaluations = options.max_evaluations;
  p.params = start;
  p.gradient.assign(n, 0.0);
  p.opt = nlopt_create(NLOPT_LD_LBFGS, n);
  nlopt_set_min_objective(p.opt, objective, &p);
  nlopt_set_ftol_rel(p.opt, options.tolerance);
  nlopt_set_xtol_rel(p.opt, options.tolerance);
  nlopt_set_maxeval(p.opt, options.max_evaluations);
  std::vector<double> theta(n);
  for (unsigned i = 0; i < n; ++i) theta[i] = std::log(start[i]);
  double minimum = 0;
  const nlopt_result status = nlopt_optimize(p.opt, theta.data(), &minimum);
  nlopt_destroy(p.opt);
  if (p.cancelled) return detail::input_error(errc::cancelled, "", "the fit was cancelled");
  if (p.evaluations == 0 || !std::isfinite(p.first_value))
    return detail::input_error(errc::invalid_value, "start", "the log-likelihood is not finite at the start");

  clv_fit fit;
  fit.model = model;
  for (const auto name : parameter_names(model)) fit.names.emplace_back(name);
  fit.params.resize(n);
  for (unsigned i = 0; i < n; ++i) fit.params[i] = std::exp(theta[i]);
  // The likelihood where an exception (Boost.Math at extreme parameters) means "not
  // finite" here too: the result then reports what it cannot give.
  auto safe_ll = [&ll](const std::vector<double>& at, std::vector<double>& gradient) {
    try {
      return ll(at, gradient);
    } catch (const std::exception&) {
      std::fill(gradient.begin(), gradient.end(), std::numeric_limits<double>::quiet_NaN());
      return std::numeric_limits<double>::quiet_NaN();
    }
  };
  std::vector<double> g(n);
  if (p.last_theta == theta) {
    fit.log_likelihood = p.last_value;
    g = p.last_gradient;
  } else {
    fit.log_likelihood = safe_ll(fit.params, g);
  }
  if (!std::isfinite(fit.log_likelihood))
    return detail::input_error(errc::invalid_value, "params",
                               "the log-likelihood is not finite at the optimiser's end point: the data cannot be "
                               "fitted by this model");
  fit.evaluations = p.evaluations;
  fit.status = describe(status);
  // Round-off stops happen at optima flatter than the arithmetic can resolve (the
  // Pareto/NBD's s–beta ridge); they count as converged when the gradient is small.
  double gradient_norm = 0;
  for (unsigned i = 0; i < n; ++i) gradient_norm = std::max(gradient_norm, std::abs(g[i] * fit.params[i]) / customers);
  fit.converged = (status == NLOPT_SUCCESS || status == NLOPT_FTOL_REACHED || status == NLOPT_XTOL_REACHED ||
                   status == NLOPT_ROUNDOFF_LIMITED) &&
                  gradient_norm < 1e-4;
  fit.customers = customers;

  // Standard errors: the observed information, −∂²LL/∂p², by central differences of the
  // analytic gradient with relative steps.
  Eigen::MatrixXd H(n, n);
  std::vector<double> plus(n), minus(n), shifted = fit.params;
  for (unsigned j = 0; j < n; ++j) {
    const double h = 1e-5 * fit.params[j];
    shifted[j] = fit.params[j] + h;
    safe_ll(shifted, plus);
    shifted[j] = fit.params[j] - h;
    safe_ll(shifted, minus);
    shifted[j] = fit.params[j];
    for (unsigned i = 0; i < n; ++i) H(i, j) = -(plus[i] - minus[i]) / (2 * h);
  }
  const Eigen::MatrixXd information = (H + H.transpose()) / 2;
  const Eigen::LLT<Eigen::MatrixXd> llt(information);
  if (information.allFinite() && llt.info() == Eigen::Success) {
    const Eigen::MatrixXd covariance = llt.solve(Eigen::MatrixXd::Identity(n, n));
    for (unsigned i = 0; i < n; ++i) fit.standard_errors.push_back(std::sqrt(covariance(i, i)));
    // A near-singular information matrix can still give a non-finite variance.
    if (!std::all_of(fit.standard_errors.begin(), fit.standard_errors.end(), [](double se) { return std::isfinite(se); }))
      fit.standard_errors.clear();
  }
  if (!fit.converged)
    fit.warnings.push_back({errc::not_converged, "", 0, 0, {},
                            detail::concat("the fit did not converge (", fit.status, ", ",
                                           std::to_string(fit.evaluations), " evaluations)"),
                            severity::warning});
  if (fit.standard_errors.empty())
    fit.warnings.push_back({errc::standard_errors_unavailable, "", 0, 0, "standard_errors",
                            "no standard errors: the information matrix is not positive definite at the estimate",
                            severity::warning});
  return fit;
}

}  // namespace excellence::inline v1::clv_core
