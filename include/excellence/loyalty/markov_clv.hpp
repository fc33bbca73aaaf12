// Customer lifetime value from a Markov chain of customer states (Pfeifer & Carraway 2000).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

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
[[nodiscard]] EXCELLENCE_API result<markov_clv_result> try_markov_clv(const markov_chain& chain, rate discount,
                                                                      const markov_clv_options& options = {});

[[nodiscard]] inline markov_clv_result markov_clv(const markov_chain& chain, rate discount,
                                                  const markov_clv_options& options = {}) {
  return try_markov_clv(chain, discount, options).value();
}

/// The distribution over states after `periods` transitions from `initial` (a row vector
/// of probabilities or of customer counts, one per state): initial · Pᵗ. Errors: an
/// invalid chain, a wrong length, a negative or non-finite entry, periods < 0.
[[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_state_distribution(const markov_chain& chain,
                                                                                std::span<const double> initial,
                                                                                std::int32_t periods);

[[nodiscard]] inline std::vector<double> state_distribution(const markov_chain& chain, std::span<const double> initial,
                                                            std::int32_t periods) {
  return try_state_distribution(chain, initial, periods).value();
}

EXCELLENCE_END_NAMESPACE
