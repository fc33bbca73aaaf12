// Internal to the lifetime-value models: one customer's log-likelihood at parameters of his
// own, with its gradient in them. The covariate models (clv_covariates.cpp) give every
// customer his own α and β (or a and b) and chain these gradients to the coefficients.
#pragma once

#include <array>

namespace excellence::inline v1::clv_core {

/// BG/NBD, parameters (r, α, a, b).
double bgnbd_individual(const std::array<double, 4>& p, double x, double t_x, double T,
                        std::array<double, 4>* gradient);
/// Pareto/NBD, parameters (r, α, s, β).
double pnbd_individual(const std::array<double, 4>& p, double x, double t_x, double T,
                       std::array<double, 4>* gradient);
/// GGompertz/NBD, parameters (r, α, b, s, β).
double ggomnbd_individual(const std::array<double, 5>& p, double x, double t_x, double T,
                          std::array<double, 5>* gradient);

}  // namespace excellence::inline v1::clv_core
