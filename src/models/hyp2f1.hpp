// Internal: the Gauss hypergeometric function for the batch predictions.
#pragma once

// gamma.hpp first: pFq declares lgamma through math_fwd.hpp only, and a translation unit
// that never includes its definition fails to link in optimised builds.
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <cmath>

namespace excellence::inline v1::clv_core {

/// ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, as the BG/NBD expectations need it.
/// Below z = 0.9 the Gauss series Σ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ has positive terms whose ratio
/// falls towards z, so it is summed directly until a term no longer changes the sum (at
/// most 2000 terms); elsewhere, or if that is not reached, Boost.Math's
/// hypergeometric_pFq (with its error control) is used. Boost's general pFq costs about a
/// microsecond a call; the direct sum a few dozen nanoseconds, to the same double result
/// (the tests compare them on a grid).
inline double hyp2f1_series(double a, double b, double c, double z) {
  if (z < 0.9) {
    double term = 1, sum = 1;
    for (int k = 0; k < 2000; ++k) {
      const double kd = k;
      term *= (a + kd) * (b + kd) / ((c + kd) * (kd + 1)) * z;
      const double next = sum + term;
      if (next == sum) return sum;
      sum = next;
    }
  }
  return boost::math::hypergeometric_pFq({a, b}, {c}, z);
}

}  // namespace excellence::inline v1::clv_core
