// What a complaints log says about resolution: the status vocabulary of the log, and the
// resolution times, first-contact resolution and reopen rate in one result.
#pragma once

#include <excellence/complaints/resolution.hpp>
#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// A complaint's status in a log: still open (its duration is its age: censored) or resolved.
enum class complaint_status { open, resolved };

inline constexpr detail::enum_names<complaint_status, 2> complaint_status_names{
    {{{complaint_status::open, "open"}, {complaint_status::resolved, "resolved"}}}};
[[nodiscard]] constexpr const char* to_string(complaint_status s) noexcept { return complaint_status_names.name(s); }
/// "open" or "resolved", or nullopt.
[[nodiscard]] constexpr std::optional<complaint_status> parse_complaint_status(std::string_view name) noexcept {
  return complaint_status_names.parse(name);
}

/// A complaints log as columns of equal length. The two flag columns are optional
/// (empty spans); where given, each resolved complaint has 0 or 1 and an open one 0
/// (or an empty cell, std::nullopt).
struct complaint_log {
  std::span<const double> duration{};
  std::span<const std::string> status{};  ///< "open" or "resolved"
  std::span<const std::optional<double>> first_contact{};
  std::span<const std::optional<double>> reopened{};
};

struct complaint_summary_options {
  /// A committed time limit (the log's unit): also report the share resolved within it.
  std::optional<double> limit{};
  /// The unit the durations are in ("days", "hours"): a label for reports, carried
  /// into the result unchanged; nothing converts between units.
  std::string unit{};
};

struct complaint_summary {
  resolution_times times{};
  std::string unit{};  ///< complaint_summary_options::unit
  std::optional<double> median{};  ///< absent: not reached (too many still open)
  std::optional<double> p90{};
  std::optional<double> limit{};               ///< the limit asked for
  std::optional<double> share_within_limit{};  ///< Kaplan–Meier share resolved within it
  /// Shares of the resolved complaints, when the flag column was given and some were resolved.
  std::optional<double> first_contact_resolution{};
  std::optional<double> reopen_rate{};
};

/// Resolution times with open complaints censored (try_resolution_times) and the flag
/// shares of a complaints log. Errors name the row as the column's element:
/// `status[3]` (neither open nor resolved), `duration[3]`, `first_contact[3]` /
/// `reopened[3]` (not 0 or 1, or 1 on an open complaint, or empty on a resolved one),
/// `limit` (negative or not finite).
[[nodiscard]] EXCELLENCE_API result<complaint_summary> try_complaint_summary(
    const complaint_log& log, const complaint_summary_options& options = {});
/// Throwing form of try_complaint_summary (named _of: `complaint_summary` is the result type).
[[nodiscard]] inline complaint_summary complaint_summary_of(const complaint_log& log,
                                                            const complaint_summary_options& options = {}) {
  return try_complaint_summary(log, options).value();
}

EXCELLENCE_END_NAMESPACE
