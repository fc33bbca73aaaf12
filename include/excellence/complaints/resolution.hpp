// Complaint resolution times with open complaints treated as censored (Kaplan–Meier),
// the share resolved within a committed time limit, first-contact resolution and reopens.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One complaint: for a resolved one the time from receipt to resolution; for an open one
/// its age so far (it is right-censored there: it will take at least that long). Times
/// are in one unit the caller chooses (hours, business days, …) and keeps throughout.
struct complaint_time {
  double duration = 0;
  bool resolved = true;
};

/// A step of the Kaplan–Meier curve: from `time` on, the estimated share of complaints
/// still unresolved is `unresolved`.
struct survival_step {
  double time = 0;
  double unresolved = 1;
  std::size_t at_risk = 0;   ///< complaints still open just before `time`
  std::size_t resolved = 0;  ///< resolutions at `time`
};

struct resolution_times {
  std::size_t n = 0;
  std::size_t n_resolved = 0;
  std::size_t n_open = 0;  ///< censored, not dropped
  std::vector<survival_step> curve{};
  /// Restricted mean resolution time: the area under the curve up to the longest
  /// observed time. When that longest complaint is still open the true mean is larger,
  /// and `mean_is_lower_bound` says so.
  double restricted_mean = 0;
  double restricted_to = 0;
  bool mean_is_lower_bound = false;

  /// The smallest time by which the estimated share resolved reaches q (0 < q ≤ 1), or
  /// nullopt when the curve never gets there (too many complaints still open: the
  /// percentile is not estimable, and no number is guessed).
  [[nodiscard]] std::optional<double> percentile(double q) const {
    EXCELLENCE_EXPECTS(q > 0 && q <= 1);
    for (const auto& step : curve)
      if (1 - step.unresolved >= q - 1e-12) return step.time;
    return std::nullopt;
  }
  [[nodiscard]] std::optional<double> median() const { return percentile(0.5); }

  /// Estimated share resolved within `limit` (e.g. a committed 24-hour response):
  /// 1 − S(limit).
  [[nodiscard]] double share_within(double limit) const {
    double unresolved = 1;
    for (const auto& step : curve) {
      if (step.time > limit) break;
      unresolved = step.unresolved;
    }
    return 1 - unresolved;
  }
};

/// Kaplan–Meier estimate of the time to resolution (Kaplan & Meier 1958): at each time t
/// with d resolutions among n complaints still open, the unresolved share is multiplied
/// by 1 − d/n; open complaints leave the risk set at their age. At tied times
/// resolutions count before censoring, the usual convention. Errors: no complaints; a
/// negative, infinite or NaN duration (naming its index).
[[nodiscard]] inline result<resolution_times> try_resolution_times(std::span<const complaint_time> complaints) {
  if (complaints.empty()) return diagnostic{errc::invalid_value, "", 0, 0, "complaints", "no complaints"};
  for (std::size_t i = 0; i < complaints.size(); ++i)
    if (!std::isfinite(complaints[i].duration) || complaints[i].duration < 0)
      return diagnostic{errc::out_of_range,
                        "",
                        0,
                        0,
                        detail::element_field("complaints", i, "duration"),
                        "a duration must be finite and non-negative"};
  std::vector<complaint_time> sorted(complaints.begin(), complaints.end());
  // By time; at equal times resolutions first, so that censored ones count as at risk.
  std::sort(sorted.begin(), sorted.end(), [](const complaint_time& a, const complaint_time& b) {
    return a.duration < b.duration || (a.duration == b.duration && a.resolved && !b.resolved);
  });
  resolution_times out;
  out.n = sorted.size();
  double unresolved = 1, previous_time = 0, area = 0;
  std::size_t at_risk = sorted.size();
  for (std::size_t i = 0; i < sorted.size();) {
    const double t = sorted[i].duration;
    std::size_t resolved = 0, censored = 0;
    for (; i < sorted.size() && sorted[i].duration == t; ++i) (sorted[i].resolved ? resolved : censored) += 1;
    if (resolved > 0) {
      area += unresolved * (t - previous_time);
      previous_time = t;
      unresolved *= 1 - static_cast<double>(resolved) / static_cast<double>(at_risk);
      out.curve.push_back({t, unresolved, at_risk, resolved});
    }
    out.n_resolved += resolved;
    out.n_open += censored;
    at_risk -= resolved + censored;
  }
  out.restricted_to = sorted.back().duration;
  out.restricted_mean = area + unresolved * (out.restricted_to - previous_time);
  out.mean_is_lower_bound = !sorted.back().resolved && unresolved > 0;
  return out;
}
/// Throwing form of try_resolution_times (named _of: `resolution_times` is the result type).
[[nodiscard]] inline resolution_times resolution_times_of(std::span<const complaint_time> complaints) {
  return try_resolution_times(complaints).value();
}

/// A share of complaints: a count of some outcome among a count of complaints.
struct complaint_share {
  double share = 0;  ///< 0–1
  std::int64_t count = 0;
  std::int64_t n = 0;
};

namespace detail {
inline result<complaint_share> share_of(std::int64_t count, std::int64_t n, const char* count_name,
                                        const char* n_name) {
  if (count < 0 || n < 0) return diagnostic{errc::out_of_range, "", 0, 0, count_name, "counts cannot be negative"};
  if (n == 0)
    return diagnostic{errc::invalid_value, "", 0, 0, n_name, std::string(n_name) + " is 0: the share is undefined"};
  if (count > n)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      count_name,
                      std::string(count_name) + " (" + std::to_string(count) + ") exceeds " + n_name + " (" +
                          std::to_string(n) + ")"};
  return complaint_share{static_cast<double>(count) / static_cast<double>(n), count, n};
}
}  // namespace detail

/// First-contact resolution: complaints resolved at the first contact (without a further
/// contact or a reopen within the organization's window) among resolved complaints.
[[nodiscard]] inline result<complaint_share> try_first_contact_resolution(std::int64_t resolved_at_first_contact,
                                                                          std::int64_t resolved) {
  return detail::share_of(resolved_at_first_contact, resolved, "resolved_at_first_contact", "resolved");
}
/// Throwing form of try_first_contact_resolution: the value, or data_error with the diagnostic.
[[nodiscard]] inline complaint_share first_contact_resolution(std::int64_t resolved_at_first_contact,
                                                              std::int64_t resolved) {
  return try_first_contact_resolution(resolved_at_first_contact, resolved).value();
}

/// Reopen rate = reopened / resolved (metrics.md §3.13).
[[nodiscard]] inline result<complaint_share> try_reopen_rate(std::int64_t reopened, std::int64_t resolved) {
  return detail::share_of(reopened, resolved, "reopened", "resolved");
}
/// Throwing form of try_reopen_rate: the value, or data_error with the diagnostic.
[[nodiscard]] inline complaint_share reopen_rate(std::int64_t reopened, std::int64_t resolved) {
  return try_reopen_rate(reopened, resolved).value();
}

EXCELLENCE_END_NAMESPACE
