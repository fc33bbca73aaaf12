// What a contractual retention model projects: survival and retention by age, and the
// discounted expected lifetime of new and of renewing customers (Fader & Hardie 2010).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/retention/fit.hpp>

#include <cstddef>

EXCELLENCE_BEGIN_NAMESPACE

/// The population's parameters: θ ~ Beta(alpha, beta), survival to age t (1 − θ)^(t^c).
/// c = 1 is the sBG.
struct retention_curve {
  double alpha = 0;
  double beta = 0;
  double c = 1;

  /// The curve of a fit (c = 1 for an sBG fit).
  [[nodiscard]] static retention_curve from(const retention_fit& fit) {
    return {*fit.param("alpha"), *fit.param("beta"), fit.param("c").value_or(1.0)};
  }
};

/// S(t) = B(α, β + t^c)/B(α, β): the share of a cohort still under contract at age t ≥ 0
/// (Fader & Hardie 2007, eq. 7; FHLDS 2018, eq. 4).
[[nodiscard]] EXCELLENCE_API double survival(const retention_curve& curve, double t);

/// r(t) = S(t)/S(t − 1), t ≥ 1: the share of those under contract at age t − 1 who renew.
/// Under the sBG (β + t − 1)/(α + β + t − 1), rising with t as the likelier cancellers leave.
[[nodiscard]] EXCELLENCE_API double retention_rate(const retention_curve& curve, double t);

/// DEL(d) = Σ_{t≥0} S(t)/(1 + d)^t: the discounted expected number of periods a new customer
/// pays for, the first (at acquisition) undiscounted. Times a margin per period it is the
/// customer's expected lifetime value. Under the sBG ₂F₁(1, β; α + β; 1/(1 + d)) (Fader &
/// Hardie 2010, eq. 5). `discount` d is per period of the model. d = 0 gives the expected
/// lifetime itself: under the sBG (α + β − 1)/(α − 1), infinite for α ≤ 1. Errors: d < 0 or
/// not finite, or an infinite lifetime (out_of_range, "discount"); d = 0 under the BdW,
/// where the sum has no closed form and converges too slowly to sum (invalid_value).
[[nodiscard]] EXCELLENCE_API result<double> try_discounted_expected_lifetime(const retention_curve& curve,
                                                                             double discount);
/// Throwing form of try_discounted_expected_lifetime.
[[nodiscard]] inline double discounted_expected_lifetime(const retention_curve& curve, double discount) {
  return try_discounted_expected_lifetime(curve, discount).value();
}

/// DERL(d | n) = Σ_{t>n} S(t)/S(n) / (1 + d)^(t−n−1): the discounted expected number of
/// further payments of a customer who has renewed n times (is at age n, just before his
/// next renewal decision), the next one undiscounted. Under the sBG
/// (β + n)/(α + β + n) ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)) (Fader & Hardie 2010,
/// eq. 6, with their n − 1 renewals our n). Errors as try_discounted_expected_lifetime.
[[nodiscard]] EXCELLENCE_API result<double> try_discounted_residual_lifetime(const retention_curve& curve,
                                                                             double discount, std::size_t renewals);
/// Throwing form of try_discounted_residual_lifetime.
[[nodiscard]] inline double discounted_residual_lifetime(const retention_curve& curve, double discount,
                                                         std::size_t renewals) {
  return try_discounted_residual_lifetime(curve, discount, renewals).value();
}

/// The retention elasticity of a customer who has renewed n times: the percentage change in
/// his DERL when every customer's renewal probability 1 − θ rises by 1 % (Fader & Hardie
/// 2010, §4). Each customer's DERL is (1 − θ)/(1 − (1 − θ)/(1 + d)), whose elasticity is
/// 1/(1 − (1 − θ)/(1 + d)); averaged over θ | n renewals ~ Beta(α, β + n) with the DERLs as
/// weights this is ₂F₁(2, β + n + 1; α + β + n + 1; x)/₂F₁(1, β + n + 1; α + β + n + 1; x),
/// x = 1/(1 + d). Without heterogeneity (a retention rate r for all) it is (1 + d)/(1 + d − r),
/// the textbook value (Pfeifer & Farris 2004), which understates it. Defined for the sBG
/// (c = 1): elsewhere a customer has no single renewal probability to raise
/// (invalid_value, "c"). Errors also as try_discounted_expected_lifetime.
[[nodiscard]] EXCELLENCE_API result<double> try_retention_elasticity(const retention_curve& curve, double discount,
                                                                     std::size_t renewals);
/// Throwing form of try_retention_elasticity.
[[nodiscard]] inline double retention_elasticity(const retention_curve& curve, double discount, std::size_t renewals) {
  return try_retention_elasticity(curve, discount, renewals).value();
}

EXCELLENCE_END_NAMESPACE
