// The analysis `excellence retention fit` prints: a retention model fitted to each segment's
// cohorts, its projection beside what was observed, and the customers' discounted lifetimes.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/survivors.hpp>
#include <excellence/period.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct retention_analysis_options {
  retention_model model = retention_model::sbg;
  /// Project to this age (in periods); 0: twice the longest observed age, at least 10.
  std::size_t horizon = 0;
  /// The discount rate per period of the data (0.1: 10 % a period), for the lifetimes;
  /// nullopt: no lifetimes. Never assumed: a yearly rate on monthly data would be twelve
  /// times too high.
  std::optional<double> discount{};
  /// Fit to ages 0 … fit_through only and hold the later ages out: the projection then
  /// meets data the fit has not seen (Fader & Hardie 2007 fit years 1–7 and projected 8–12).
  /// nullopt: fit to everything.
  std::optional<std::size_t> fit_through{};
  /// What a period is, for the reports; the numbers do not depend on it.
  time_unit unit = time_unit::year;
  retention_fit_options fit{};
};

/// One age of the projection.
struct retention_age {
  std::size_t age = 0;
  /// Pooled over the cohorts observed at this age: Σ survivors(t)/Σ size; nullopt beyond
  /// the data.
  std::optional<double> observed_survival{};
  double survival = 0;  ///< the model's S(t)
  /// Σ survivors(t)/Σ survivors(t − 1) over the cohorts observed at t (t ≥ 1; nullopt at
  /// age 0 and beyond the data).
  std::optional<double> observed_retention{};
  std::optional<double> retention{};  ///< the model's r(t), t ≥ 1
  /// Σ size × S(t) over the cohorts observed at t, against the Σ survivors they had
  /// (nullopt beyond the data); the cohorts' customers the model expects at each age.
  std::optional<double> expected_survivors{};
  std::optional<double> survivors{};
  bool held_out = false;  ///< observed, but beyond options.fit_through: not fitted
};

/// DERL and the retention elasticity of a customer who has renewed n times.
struct retention_renewal {
  std::size_t renewals = 0;
  double residual_lifetime = 0;        ///< DERL(d | n)
  std::optional<double> elasticity{};  ///< sBG only
};

/// One segment's fit and projection.
struct retention_segment {
  std::string segment{};
  std::vector<std::string> cohorts{};  ///< the cohorts' names, in input order
  retention_fit fit{};
  std::vector<retention_age> ages{};          ///< 0 … horizon
  std::optional<double> expected_lifetime{};  ///< DEL(d) of a new customer (with a discount)
  /// With a discount: n = 0 … the longest observed age (at least 0 … 4).
  std::vector<retention_renewal> renewals{};
};

struct retention_analysis {
  retention_model model{};
  std::optional<double> discount{};
  time_unit unit{};
  std::size_t horizon = 0;
  std::optional<std::size_t> fit_through{};
  std::vector<retention_segment> segments{};  ///< in order of first appearance
};

/// Fits options.model to each segment's cohorts (try_fit_retention; up to the age
/// options.fit_through, when given, which must be ≥ 1), projects survival and
/// retention to the horizon beside the observed values, and, given a discount rate,
/// computes DEL, DERL and (sBG) the retention elasticity. Errors: those of try_fit_retention (the
/// field path naming the cohort in the input), a discount that is not a finite number ≥ 0,
/// or what try_discounted_expected_lifetime refuses at the fitted parameters (an infinite
/// undiscounted lifetime), naming the segment. A segment whose fit did not converge is
/// reported with its warning, never dropped.
[[nodiscard]] EXCELLENCE_API result<retention_analysis> try_analyse_retention(std::span<const survivor_cohort> cohorts,
                                                                              const retention_analysis_options& options,
                                                                              const model_control& control = {});
/// Throwing form of try_analyse_retention.
[[nodiscard]] inline retention_analysis analyse_retention(std::span<const survivor_cohort> cohorts,
                                                          const retention_analysis_options& options,
                                                          const model_control& control = {}) {
  return try_analyse_retention(cohorts, options, control).value();
}

EXCELLENCE_END_NAMESPACE
