// Data simulated from a known population for the PLS tests: three common factors in a
// chain F1 → F2 → F3 (with an optional direct path F1 → F3), three indicators each.
#pragma once

#include <excellence/models/pls/estimate.hpp>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cmath>
#include <cstdint>

namespace test {

struct factor_chain {
  double b12 = 0.6;      ///< F1 → F2
  double b23 = 0.4;      ///< F2 → F3
  double direct = 0;     ///< F1 → F3
  double loading = 0.8;  ///< of every indicator on its factor (error variance 1 − loading²)
  double shift = 0;      ///< added to F3's indicators (a group whose mean differs)
};

/// n rows of a1–a3 (F1), b1–b3 (F2), c1–c3 (F3), factors standardised, from Boost's
/// mt19937_64 (the same numbers on every platform).
inline excellence::pls_data simulate(const factor_chain& population, std::size_t n, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  excellence::pls_data data;
  data.names = {"a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3"};
  data.values.resize(static_cast<Eigen::Index>(n), 9);
  const auto& p = population;
  // Var(F3) = 1: the structural error takes what the predictors leave.
  const double explained = p.b23 * p.b23 + p.direct * p.direct + 2 * p.b23 * p.direct * p.b12;
  const double error = std::sqrt(1 - p.loading * p.loading);
  for (Eigen::Index i = 0; i < data.values.rows(); ++i) {
    const double f1 = normal(engine);
    const double f2 = p.b12 * f1 + std::sqrt(1 - p.b12 * p.b12) * normal(engine);
    const double f3 = p.b23 * f2 + p.direct * f1 + std::sqrt(1 - explained) * normal(engine);
    const double f[3] = {f1, f2, f3};
    for (Eigen::Index k = 0; k < 9; ++k)
      data.values(i, k) = p.loading * f[k / 3] + error * normal(engine) + (k >= 6 ? p.shift : 0.0);
  }
  return data;
}

/// The model of that population without the direct path, in model syntax.
inline constexpr const char* factor_chain_syntax =
    "F1 =~ a1 + a2 + a3\nF2 =~ b1 + b2 + b3\nF3 =~ c1 + c2 + c3\nF2 ~ F1\nF3 ~ F2\n";

}  // namespace test
