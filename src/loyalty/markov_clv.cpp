// Markov-chain lifetime value: the matrix algebra, compiled so that Eigen stays out of
// the standard-type header loyalty/markov_clv.hpp.
#include <excellence/loyalty/markov_clv.hpp>

#include <Eigen/LU>

#include <bit>
#include <cstdint>

namespace excellence::inline v1 {

namespace {

Eigen::MatrixXd transition_matrix(const markov_chain& chain) {
  const auto k = static_cast<Eigen::Index>(chain.states.size());
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      chain.transitions.data(), k, k);
}

// Σ_{t<T} Mᵗ and Mᵀ by doubling: O(k³ log T) whatever the horizon, so a horizon of two
// billion periods costs 31 steps rather than two billion.
struct power_sum {
  Eigen::MatrixXd sum;    // Σ_{t<n} Mᵗ
  Eigen::MatrixXd power;  // Mⁿ
};

power_sum sum_of_powers(const Eigen::MatrixXd& m, std::int64_t n) {
  const auto k = m.rows();
  power_sum acc{Eigen::MatrixXd::Zero(k, k), Eigen::MatrixXd::Identity(k, k)};  // n = 0
  // Walk the bits of n from the highest: (S, P) for n → 2n is (S + P·S, P·P), → n + 1 is (I + M·S, M·P).
  for (int bit = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(n))) - 1; bit >= 0; --bit) {
    acc.sum = acc.sum + acc.power * acc.sum;
    acc.power = acc.power * acc.power;
    if (((n >> bit) & 1) != 0) {
      acc.sum = Eigen::MatrixXd::Identity(k, k) + m * acc.sum;
      acc.power = m * acc.power;
    }
  }
  return acc;
}

}  // namespace

result<markov_clv_result> try_markov_clv(const markov_chain& chain, rate discount, const markov_clv_options& options) {
  if (auto bad = detail::check_markov_chain(chain)) return *bad;
  if (!(discount.per == chain.per))
    return detail::input_error(
        errc::invalid_value, "discount",
        detail::concat("the chain moves per ", chain.per.to_string(), " but the discount rate is per ",
                       discount.per.to_string(), "; give both per the same period"));
  const double d = discount.value;
  if (!std::isfinite(d) || d <= -1)
    return detail::input_error(errc::out_of_range, "discount", "the discount rate must be a finite number > -1");
  if (options.horizon && *options.horizon < 1)
    return detail::input_error(errc::out_of_range, "horizon", "the horizon must be at least 1 period");
  if (!options.horizon && !(d > 0))
    return detail::input_error(errc::invalid_value, "discount",
                               "an infinite horizon needs a discount rate > 0 (otherwise the value need not converge)");
  const Eigen::MatrixXd m = transition_matrix(chain) / (1 + d);
  const Eigen::Map<const Eigen::VectorXd> rewards(chain.rewards.data(),
                                                  static_cast<Eigen::Index>(chain.rewards.size()));
  Eigen::VectorXd v;
  if (options.horizon) {
    v = sum_of_powers(m, *options.horizon).sum * rewards;
  } else {
    // With d > 0 every row of M sums to 1/(1 + d) < 1, so I − M is strictly diagonally
    // dominant and LU with partial pivoting is safe.
    const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(m.rows(), m.cols()) - m;
    v = a.partialPivLu().solve(rewards);
  }
  return markov_clv_result{std::vector<double>(v.data(), v.data() + v.size()), options.horizon, discount};
}

result<std::vector<double>> try_state_distribution(const markov_chain& chain, std::span<const double> initial,
                                                   std::int32_t periods) {
  if (auto bad = detail::check_markov_chain(chain)) return *bad;
  if (initial.size() != chain.states.size())
    return detail::input_error(errc::invalid_value, "initial",
                               detail::concat("expected one entry per state (", std::to_string(chain.states.size()),
                                              "), got ", std::to_string(initial.size())));
  for (std::size_t i = 0; i < initial.size(); ++i)
    if (!std::isfinite(initial[i]) || initial[i] < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("initial", i),
                                 "an entry must be a finite number >= 0");
  if (periods < 0) return detail::input_error(errc::out_of_range, "periods", "periods cannot be negative");
  const Eigen::MatrixXd p = transition_matrix(chain);
  const Eigen::RowVectorXd x =
      Eigen::Map<const Eigen::RowVectorXd>(initial.data(), static_cast<Eigen::Index>(initial.size())) *
      sum_of_powers(p, periods).power;
  return std::vector<double>(x.data(), x.data() + x.size());
}

}  // namespace excellence::inline v1
