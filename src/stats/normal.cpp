#include <excellence/detail/confidence.hpp>
#include <excellence/detail/diagnose.hpp>

#include <boost/math/distributions/normal.hpp>

#include <cmath>

namespace excellence::inline v1::detail {

result<double> two_sided_z(double confidence) {
  if (!(confidence > 0 && confidence < 1))
    return input_error(errc::out_of_range, "confidence", "a confidence level must lie strictly between 0 and 1");
  return boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + confidence / 2);
}

double two_sided_p_value(double z) {
  return 2 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), std::abs(z)));
}

}  // namespace excellence::inline v1::detail
