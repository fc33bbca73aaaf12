#include "clv_fit.hpp"

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>

#include <nlopt.h>
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

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

namespace {

// Where an optimiser stopped.
struct end_point {
  std::vector<double> params{};
  double value = 0;
  std::vector<double> gradient{};
  std::vector<double> hessian{};  // when the optimiser had it (Newton's method)
  int evaluations = 0;
  bool stopped_well = false;  // a convergence criterion, not a failure or a limit
  std::string status{};
};

// The likelihood (and Hessian) where an exception (Boost.Math at extreme parameters) means
// "not finite": nothing is thrown through the optimisers.
double safe_value(const log_likelihood& ll, const std::vector<double>& at, std::vector<double>& gradient) {
  try {
    return ll(at, gradient);
  } catch (const std::exception&) {
    std::fill(gradient.begin(), gradient.end(), std::numeric_limits<double>::quiet_NaN());
    return std::numeric_limits<double>::quiet_NaN();
  }
}

double safe_value(const log_likelihood_hessian& ll, const std::vector<double>& at, std::vector<double>& gradient,
                  std::vector<double>& hessian) {
  try {
    return ll(at, gradient, hessian);
  } catch (const std::exception&) {
    std::fill(gradient.begin(), gradient.end(), std::numeric_limits<double>::quiet_NaN());
    return std::numeric_limits<double>::quiet_NaN();
  }
}

using row_major = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One step of Newton's method or its quasi-Newton form from p along delta, halved until every
// parameter stays positive and the log-likelihood there (`evaluate(trial)`) does not fall below
// v beyond round-off: that value, with the point in `trial`; nullopt when 30 halvings find none.
template <class Evaluate>
std::optional<double> halving_step(const std::vector<double>& p, const Eigen::VectorXd& delta, double v,
                                   std::vector<double>& trial, int& evaluations, Evaluate evaluate) {
  double scale = 1;
  for (int halving = 0; halving < 30; ++halving, scale /= 2) {
    bool positive = true;
    for (std::size_t u = 0; u < p.size(); ++u) {
      trial[u] = p[u] + scale * delta(static_cast<Eigen::Index>(u));
      positive = positive && std::isfinite(trial[u]) && trial[u] > 0;
    }
    if (!positive) continue;
    const double tv = evaluate(trial);
    ++evaluations;
    if (std::isfinite(tv) && tv >= v - 1e-14 * std::abs(v)) return tv;
  }
  return std::nullopt;
}

// Newton's method on the natural parameters, from a start near the optimum: each step
// solves −H Δ = g, halved until every parameter stays positive and the log-likelihood does
// not fall (beyond round-off). Converges in a few steps from the optimum of a sample, each
// about 1.5 evaluations of the gradient; stops when a step moves no parameter by more than
// 1e-10 of itself. nullopt when the Hessian is not negative definite, a step finds no
// better point, or 30 steps do not settle: the caller then runs L-BFGS.
std::optional<end_point> newton(const log_likelihood_hessian& ll, std::vector<double> p, const model_control& control,
                                int& evaluations) {
  const auto n = static_cast<Eigen::Index>(p.size());
  end_point e;
  std::vector<double> g(p.size()), H(p.size() * p.size()), tg = g, tH = H, trial = p;
  double v = safe_value(ll, p, g, H);
  ++evaluations;
  if (!std::isfinite(v)) return std::nullopt;
  for (int step = 0; step < 30; ++step) {
    if (control.cancelled()) return std::nullopt;
    const Eigen::MatrixXd information = -Eigen::Map<const row_major>(H.data(), n, n);
    const Eigen::LLT<Eigen::MatrixXd> llt(information);
    if (!information.allFinite() || llt.info() != Eigen::Success) return std::nullopt;
    const Eigen::VectorXd delta = llt.solve(Eigen::Map<const Eigen::VectorXd>(g.data(), n));
    if (!delta.allFinite()) return std::nullopt;
    const auto better = halving_step(p, delta, v, trial, evaluations,
                                     [&](const std::vector<double>& at) { return safe_value(ll, at, tg, tH); });
    if (!better) return std::nullopt;
    v = *better;
    double moved = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto u = static_cast<std::size_t>(j);
      moved = std::max(moved, std::abs(trial[u] - p[u]) / p[u]);
    }
    p.swap(trial);
    g.swap(tg);
    H.swap(tH);
    if (moved <= 1e-10) {
      e.params = std::move(p);
      e.value = v;
      e.gradient = std::move(g);
      e.hessian = std::move(H);
      e.evaluations = evaluations;
      e.stopped_well = true;
      e.status = "converged (Newton's method)";
      return e;
    }
  }
  return std::nullopt;
}

// Quasi-Newton (BFGS) on the natural parameters from a start near the optimum, with a
// sample's observed information, scaled to all customers, as the first curvature: each step
// solves B Δ = g, halved like Newton's, then corrects B by the change of the gradient along
// the step (the secant condition). The sample's curvature is good where the data pin the
// parameters down and poor along a flat ridge (the Pareto/NBD's s–β), which the corrections
// learn in a step or two; fixed, it took 27 steps on a million customers. Stops, and gives
// up, as newton() does.
std::optional<end_point> quasi_newton(const log_likelihood& ll, std::vector<double> p,
                                      const std::vector<double>& information, const model_control& control,
                                      int& evaluations) {
  const auto n = static_cast<Eigen::Index>(p.size());
  Eigen::MatrixXd B = Eigen::Map<const row_major>(information.data(), n, n);
  std::vector<double> g(p.size()), tg = g, trial = p;
  double v = safe_value(ll, p, g);
  ++evaluations;
  if (!std::isfinite(v)) return std::nullopt;
  for (int step = 0; step < 30; ++step) {
    if (control.cancelled()) return std::nullopt;
    const Eigen::LLT<Eigen::MatrixXd> llt(B);
    if (!B.allFinite() || llt.info() != Eigen::Success) return std::nullopt;
    const Eigen::VectorXd delta = llt.solve(Eigen::Map<const Eigen::VectorXd>(g.data(), n));
    if (!delta.allFinite()) return std::nullopt;
    const auto better = halving_step(p, delta, v, trial, evaluations,
                                     [&](const std::vector<double>& at) { return safe_value(ll, at, tg); });
    if (!better) return std::nullopt;
    v = *better;
    double moved = 0;
    Eigen::VectorXd s(n), y(n);
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto u = static_cast<std::size_t>(j);
      moved = std::max(moved, std::abs(trial[u] - p[u]) / p[u]);
      s(j) = trial[u] - p[u];
      y(j) = g[u] - tg[u];  // the information's secant: B s ≈ −(∇LL(p + s) − ∇LL(p))
    }
    p.swap(trial);
    g.swap(tg);
    if (moved <= 1e-10) {
      end_point e;
      e.params = std::move(p);
      e.value = v;
      e.gradient = std::move(g);
      e.evaluations = evaluations;
      e.stopped_well = true;
      e.status = "converged (quasi-Newton from a sample's curvature)";
      return e;
    }
    // BFGS keeps B positive definite when yᵀs > 0 (the likelihood curves down along the
    // step); otherwise the step taught nothing reliable and B stays.
    const double ys = y.dot(s);
    const Eigen::VectorXd Bs = B * s;
    const double sBs = s.dot(Bs);
    if (ys > 0 && sBs > 0) B += y * y.transpose() / ys - Bs * Bs.transpose() / sBs;
  }
  return std::nullopt;
}

// L-BFGS on θ = log(params), through NLopt.
result<end_point> lbfgs(std::vector<double> start, double customers, const log_likelihood& ll,
                        const clv_fit_options& options, const model_control& control) {
  const auto n = static_cast<unsigned>(start.size());
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
  end_point e;
  e.params.resize(n);
  for (unsigned i = 0; i < n; ++i) e.params[i] = std::exp(theta[i]);
  e.gradient.assign(n, 0.0);
  if (p.last_theta == theta) {
    e.value = p.last_value;
    e.gradient = p.last_gradient;
  } else {
    e.value = safe_value(ll, e.params, e.gradient);
  }
  e.evaluations = p.evaluations;
  e.status = describe(status);
  // Round-off stops happen at optima flatter than the arithmetic can resolve (the
  // Pareto/NBD's s–beta ridge); they count when the gradient is small.
  e.stopped_well = status == NLOPT_SUCCESS || status == NLOPT_FTOL_REACHED || status == NLOPT_XTOL_REACHED ||
                   status == NLOPT_ROUNDOFF_LIMITED;
  return e;
}

// The observed information −∂²LL/∂p²: the analytic Hessian when there is one, else central
// differences of the analytic gradient with relative steps.
Eigen::MatrixXd information_at(const end_point& at, const log_likelihood& ll, const log_likelihood_hessian* hessian) {
  const auto n = static_cast<Eigen::Index>(at.params.size());
  if (hessian != nullptr) {
    std::vector<double> g(at.params.size()), H = at.hessian;
    if (H.empty()) {
      H.resize(at.params.size() * at.params.size());
      if (!std::isfinite(safe_value(*hessian, at.params, g, H))) return Eigen::MatrixXd::Constant(n, n, NAN);
    }
    return -Eigen::Map<const row_major>(H.data(), n, n);
  }
  const auto information = observed_information(ll, at.params);
  if (information.empty()) return Eigen::MatrixXd::Constant(n, n, NAN);
  return Eigen::Map<const row_major>(information.data(), n, n);
}

}  // namespace

std::vector<double> observed_information(const log_likelihood& ll, const std::vector<double>& at) {
  const auto n = static_cast<Eigen::Index>(at.size());
  row_major H(n, n);
  std::vector<double> plus(at.size()), minus(at.size()), shifted = at;
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto u = static_cast<std::size_t>(j);
    const double h = 1e-5 * at[u];
    shifted[u] = at[u] + h;
    const double up = safe_value(ll, shifted, plus);
    shifted[u] = at[u] - h;
    const double down = safe_value(ll, shifted, minus);
    shifted[u] = at[u];
    if (!std::isfinite(up) || !std::isfinite(down)) return {};
    for (Eigen::Index i = 0; i < n; ++i)
      H(i, j) = -(plus[static_cast<std::size_t>(i)] - minus[static_cast<std::size_t>(i)]) / (2 * h);
  }
  const row_major symmetric = (H + H.transpose()) / 2;
  return {symmetric.data(), symmetric.data() + symmetric.size()};
}

result<ml_estimate> maximise_likelihood(std::vector<double> start, double customers, const log_likelihood& ll,
                                        const clv_fit_options& options, const model_control& control,
                                        const maximise_options& how) {
  const auto n = static_cast<unsigned>(start.size());
  for (unsigned i = 0; i < n; ++i)
    if (!std::isfinite(start[i]) || !(start[i] > 0))
      return detail::input_error(errc::out_of_range, detail::indexed("start", i), "starting values must be > 0");
  if (options.max_evaluations < 1)
    return detail::input_error(errc::out_of_range, "max_evaluations", "at least one evaluation is needed");

  std::optional<end_point> end;
  int newton_evaluations = 0;  // spent before L-BFGS takes over from the start, if it must
  if (how.newton && how.hessian != nullptr) {
    end = newton(*how.hessian, start, control, newton_evaluations);
    if (control.cancelled()) return detail::input_error(errc::cancelled, "", "the fit was cancelled");
  } else if (how.newton && how.curvature.size() == std::size_t{n} * n) {
    end = quasi_newton(ll, start, how.curvature, control, newton_evaluations);
    if (control.cancelled()) return detail::input_error(errc::cancelled, "", "the fit was cancelled");
  }
  if (!end) {
    auto found = lbfgs(std::move(start), customers, ll, options, control);
    if (!found) return found.error();
    end = std::move(*found);
    end->evaluations += newton_evaluations;
  }

  ml_estimate fit;
  fit.params = end->params;
  fit.log_likelihood = end->value;
  if (!std::isfinite(fit.log_likelihood))
    return detail::input_error(errc::invalid_value, "params",
                               "the log-likelihood is not finite at the optimiser's end point: the data cannot be "
                               "fitted by this model");
  fit.evaluations = end->evaluations;
  fit.status = end->status;
  double gradient_norm = 0;
  for (unsigned i = 0; i < n; ++i)
    gradient_norm = std::max(gradient_norm, std::abs(end->gradient[i] * fit.params[i]) / customers);
  fit.converged = end->stopped_well && gradient_norm < 1e-4;

  if (how.standard_errors) {
    const Eigen::MatrixXd information = information_at(*end, ll, how.hessian);
    const Eigen::LLT<Eigen::MatrixXd> llt(information);
    if (information.allFinite() && llt.info() == Eigen::Success) {
      const Eigen::MatrixXd covariance = llt.solve(Eigen::MatrixXd::Identity(n, n));
      for (unsigned i = 0; i < n; ++i) fit.standard_errors.push_back(std::sqrt(covariance(i, i)));
      // A near-singular information matrix can still give a non-finite variance.
      if (std::all_of(fit.standard_errors.begin(), fit.standard_errors.end(),
                      [](double se) { return std::isfinite(se); })) {
        // Symmetric to the last bit (the solve leaves round-off differences between (i, j)
        // and (j, i)), as a covariance matrix handed to users must be.
        fit.covariance.resize(std::size_t{n} * n);
        for (unsigned i = 0; i < n; ++i)
          for (unsigned j = 0; j < n; ++j)
            fit.covariance[std::size_t{i} * n + j] =
                i == j ? covariance(i, i) : (covariance(i, j) + covariance(j, i)) / 2;
      } else {
        fit.standard_errors.clear();
      }
    }
  }
  if (!fit.converged)
    fit.warnings.push_back({errc::not_converged,
                            "",
                            0,
                            0,
                            {},
                            detail::concat("the fit did not converge (", fit.status, ", ",
                                           std::to_string(fit.evaluations), " evaluations)"),
                            severity::warning});
  if (how.standard_errors && fit.standard_errors.empty())
    fit.warnings.push_back({errc::standard_errors_unavailable, "", 0, 0, "standard_errors",
                            "no standard errors: the information matrix is not positive definite at the estimate",
                            severity::warning});
  return fit;
}

result<clv_fit> maximise(clv_model model, std::vector<double> start, double customers, const log_likelihood& ll,
                         const clv_fit_options& options, const model_control& control, const maximise_options& how) {
  auto found = maximise_likelihood(std::move(start), customers, ll, options, control, how);
  if (!found) return found.error();
  clv_fit fit;
  fit.model = model;
  for (const auto name : parameter_names(model)) fit.names.emplace_back(name);
  take_estimate(fit, std::move(*found));
  fit.customers = customers;
  return fit;
}

}  // namespace excellence::inline v1::clv_core
