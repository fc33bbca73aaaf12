// Customer lifetime value from a Markov chain of customer states (Pfeifer & Carraway 2000).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// Customer states with the probabilities of moving between them in one period and the
/// net contribution of a customer in each state per period. The relationship ladder of
/// the domain documents — one-off buyer → repeat customer → partner → strategic partner,
/// with a "lost" state — is such a chain; so are recency states (bought 1, 2, 3 …
/// periods ago) as in Pfeifer & Carraway's catalogue example.
struct markov_chain {
  std::vector<std::string> states{};
  /// Row-major states × states: transitions[i × k + j] = P(state j next period | state i now).
  /// Each row sums to 1.
  std::vector<double> transitions{};
  /// Net contribution per period in each state (margin minus the cost of serving or
  /// marketing to a customer in it; may be negative).
  std::vector<double> rewards{};
  excellence::v1::period per{};  ///< the period of one transition and of the rewards
};

struct markov_clv_options {
  /// The number of periods counted, from the current one (t = 0 … horizon − 1); nullopt
  /// for an infinite horizon, which needs a positive discount rate.
  std::optional<std::int32_t> horizon{};
};

struct markov_clv_result {
  std::vector<double> values{};  ///< expected present value per starting state, in state order
  std::optional<std::int32_t> horizon{};
  rate discount{};
};

namespace detail {

inline std::optional<diagnostic> check_markov_chain(const markov_chain& chain) {
  const std::size_t k = chain.states.size();
  if (k == 0) return input_error(errc::invalid_value, "states", "no states");
  for (std::size_t i = 0; i < k; ++i) {
    if (chain.states[i].empty()) return input_error(errc::invalid_value, indexed("states", i), "a state needs a name");
    for (std::size_t j = 0; j < i; ++j)
      if (chain.states[j] == chain.states[i])
        return input_error(errc::duplicate_id, indexed("states", i), concat("state \"", chain.states[i], "\" repeats"));
  }
  if (chain.transitions.size() != k * k)
    return input_error(errc::invalid_value, "transitions",
                       concat("expected ", std::to_string(k * k), " probabilities (", std::to_string(k), " x ",
                              std::to_string(k), ", row-major), got ", std::to_string(chain.transitions.size())));
  if (chain.rewards.size() != k)
    return input_error(
        errc::invalid_value, "rewards",
        concat("expected one reward per state (", std::to_string(k), "), got ", std::to_string(chain.rewards.size())));
  for (std::size_t i = 0; i < k; ++i) {
    if (auto bad = check_finite(chain.rewards[i], indexed("rewards", i), "a reward")) return bad;
    double row = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double p = chain.transitions[i * k + j];
      if (!(p >= 0 && p <= 1))
        return input_error(errc::out_of_range, indexed("transitions", i * k + j),
                           concat("P(", chain.states[i], " -> ", chain.states[j], ") must lie in [0, 1]"));
      row += p;
    }
    // 1e-9 allows for floating-point sums only: a row off by more is a mistyped or rounded
    // table, which the caller must renormalise knowingly rather than have us guess.
    if (std::abs(row - 1) > 1e-9)
      return input_error(errc::invalid_value, "transitions",
                         concat("row ", std::to_string(i), ": the probabilities out of \"", chain.states[i],
                                "\" sum to ", shortest(row), ", not 1"));
  }
  return std::nullopt;
}

inline Eigen::MatrixXd transition_matrix(const markov_chain& chain) {
  const auto k = static_cast<Eigen::Index>(chain.states.size());
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      chain.transitions.data(), k, k);
}

}  // namespace detail

/// The expected present value of a customer starting in each state (Pfeifer & Carraway
/// 2000, "Modeling customer relationships as Markov chains", J. Interactive Marketing
/// 14(2)): with P the transition matrix, R the rewards and d the discount rate per period,
///  * horizon T:  V = Σ_{t=0}^{T−1} [P/(1 + d)]ᵗ R
///  * infinite:   V = (I − P/(1 + d))⁻¹ R,
/// the reward of the current period counted undiscounted. A two-state chain (active with
/// retention r, lost with reward 0) gives the simple CLV with the margin at the start of
/// the period, m(1 + d)/(1 + d − r).
///
/// Errors: an invalid chain (no states, duplicate or empty names, wrong sizes, a
/// probability outside [0, 1], a row not summing to 1, a non-finite reward); the discount
/// rate per another period than the chain's; d ≤ −1; an infinite horizon with d ≤ 0
/// (the sum need not converge); a horizon below 1.
[[nodiscard]] inline result<markov_clv_result> try_markov_clv(const markov_chain& chain, rate discount,
                                                              const markov_clv_options& options = {}) {
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
  const Eigen::MatrixXd m = detail::transition_matrix(chain) / (1 + d);
  const Eigen::Map<const Eigen::VectorXd> rewards(chain.rewards.data(),
                                                  static_cast<Eigen::Index>(chain.rewards.size()));
  Eigen::VectorXd v;
  if (options.horizon) {
    // Horner form: V = R + M(R + M(R + …)), T terms.
    v = rewards;
    for (std::int32_t t = 1; t < *options.horizon; ++t) v = rewards + m * v;
  } else {
    // With d > 0 every row of M sums to 1/(1 + d) < 1, so I − M is strictly diagonally
    // dominant and LU with partial pivoting is safe.
    const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(m.rows(), m.cols()) - m;
    v = a.partialPivLu().solve(rewards);
  }
  return markov_clv_result{std::vector<double>(v.data(), v.data() + v.size()), options.horizon, discount};
}

[[nodiscard]] inline markov_clv_result markov_clv(const markov_chain& chain, rate discount,
                                                  const markov_clv_options& options = {}) {
  return try_markov_clv(chain, discount, options).value();
}

/// The distribution over states after `periods` transitions from `initial` (a row vector
/// of probabilities or of customer counts, one per state): initial · Pᵗ. Errors: an
/// invalid chain, a wrong length, a negative or non-finite entry, periods < 0.
[[nodiscard]] inline result<std::vector<double>> try_state_distribution(const markov_chain& chain,
                                                                        std::span<const double> initial,
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
  const Eigen::MatrixXd p = detail::transition_matrix(chain);
  Eigen::RowVectorXd x =
      Eigen::Map<const Eigen::RowVectorXd>(initial.data(), static_cast<Eigen::Index>(initial.size()));
  for (std::int32_t t = 0; t < periods; ++t) x = x * p;
  return std::vector<double>(x.data(), x.data() + x.size());
}

[[nodiscard]] inline std::vector<double> state_distribution(const markov_chain& chain, std::span<const double> initial,
                                                            std::int32_t periods) {
  return try_state_distribution(chain, initial, periods).value();
}

EXCELLENCE_END_NAMESPACE
