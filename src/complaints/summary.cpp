#include <excellence/complaints/summary.hpp>
#include <excellence/detail/utf8.hpp>

namespace excellence::inline v1 {

namespace {

// The number of 1s of a 0/1 flag column over the resolved complaints.
result<std::int64_t> flag_count(std::span<const std::optional<double>> flags, const std::vector<bool>& resolved,
                                const char* name) {
  if (flags.size() != resolved.size())
    return detail::input_error(errc::invalid_value, name, "expected one flag per complaint");
  std::int64_t count = 0;
  for (std::size_t r = 0; r < flags.size(); ++r) {
    const auto& f = flags[r];
    if (!f) {
      if (resolved[r])
        return detail::input_error(errc::missing_field, detail::indexed(name, r),
                                   "a resolved complaint needs 0 or 1 here");
      continue;
    }
    if (*f != 0 && *f != 1) return detail::input_error(errc::invalid_value, detail::indexed(name, r), "expected 0 or 1");
    if (*f == 1 && !resolved[r])
      return detail::input_error(errc::invalid_value, detail::indexed(name, r),
                                 "an open complaint cannot be marked 1 here");
    count += *f == 1 ? 1 : 0;
  }
  return count;
}

}  // namespace

result<complaint_summary> try_complaint_summary(const complaint_log& log, const complaint_summary_options& options) {
  if (log.status.size() != log.duration.size())
    return detail::input_error(errc::invalid_value, "status", "expected one status per duration");
  if (detail::first_invalid_utf8(options.unit))
    return detail::input_error(errc::invalid_utf8, "unit", "the unit's name is not valid UTF-8");
  if (options.limit && !(std::isfinite(*options.limit) && *options.limit >= 0))
    return detail::input_error(errc::out_of_range, "limit", "the time limit must be a finite number >= 0");
  std::vector<complaint_time> list;
  std::vector<bool> resolved;
  list.reserve(log.duration.size());
  resolved.reserve(log.duration.size());
  for (std::size_t r = 0; r < log.status.size(); ++r) {
    const auto s = parse_complaint_status(log.status[r]);
    if (!s)
      return detail::input_error(errc::invalid_value, detail::indexed("status", r),
                                 detail::concat("\"", log.status[r], "\" is neither resolved nor open"));
    list.push_back({log.duration[r], *s == complaint_status::resolved});
    resolved.push_back(*s == complaint_status::resolved);
  }
  auto times = try_resolution_times(list);
  if (!times) {
    auto d = times.error();
    if (const auto i = d.element(); i && d.path.head() == "complaints") d.path = detail::indexed("duration", *i);
    return d;
  }
  complaint_summary out;
  out.unit = options.unit;
  out.median = times->median();
  out.p90 = times->percentile(0.9);
  if (options.limit) {
    out.limit = options.limit;
    out.share_within_limit = times->share_within(*options.limit);
  }
  const auto n_resolved = static_cast<std::int64_t>(times->n_resolved);
  if (!log.first_contact.empty()) {
    const auto count = flag_count(log.first_contact, resolved, "first_contact");
    if (!count) return count.error();
    if (n_resolved > 0) out.first_contact_resolution = try_first_contact_resolution(*count, n_resolved)->share;
  }
  if (!log.reopened.empty()) {
    const auto count = flag_count(log.reopened, resolved, "reopened");
    if (!count) return count.error();
    if (n_resolved > 0) out.reopen_rate = try_reopen_rate(*count, n_resolved)->share;
  }
  out.times = *std::move(times);
  return out;
}

}  // namespace excellence::inline v1
