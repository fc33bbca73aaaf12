#include <excellence/models/retention/analysis.hpp>
#include <excellence/models/retention/lifetime.hpp>

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

// An error of one segment's analysis, saying which segment when there are several.
diagnostic in_segment(diagnostic d, const std::string& segment) {
  if (!segment.empty()) d.message = detail::concat("segment \"", segment, "\": ", d.message);
  return d;
}

std::vector<retention_age> project(std::span<const survivor_cohort> cohorts, const retention_curve& curve,
                                   std::size_t horizon, std::optional<std::size_t> fit_through) {
  std::size_t longest = 0;
  for (const auto& c : cohorts) longest = std::max(longest, c.survivors.size() - 1);
  std::vector<retention_age> out(horizon + 1);
  for (std::size_t t = 0; t <= horizon; ++t) {
    auto& row = out[t];
    row.age = t;
    row.survival = survival(curve, static_cast<double>(t));
    if (t > 0) row.retention = retention_rate(curve, static_cast<double>(t));
    if (t > longest) continue;
    double size = 0, here = 0, before = 0;
    for (const auto& c : cohorts) {
      if (c.survivors.size() <= t) continue;
      size += c.survivors[0];
      here += c.survivors[t];
      if (t > 0) before += c.survivors[t - 1];
    }
    row.observed_survival = here / size;
    if (t > 0 && before > 0) row.observed_retention = here / before;
    row.survivors = here;
    row.expected_survivors = size * row.survival;
    row.held_out = fit_through && t > *fit_through;
  }
  return out;
}

}  // namespace

result<retention_analysis> try_analyse_retention(std::span<const survivor_cohort> cohorts,
                                                 const retention_analysis_options& options,
                                                 const model_control& control) {
  if (auto bad = detail::check_survivor_cohorts(cohorts)) return *bad;
  if (options.discount)
    if (!std::isfinite(*options.discount) || *options.discount < 0)
      return detail::input_error(errc::out_of_range, "discount", "the discount rate must be a finite number >= 0");
  if (!time_unit_names.contains(options.unit))
    return detail::input_error(errc::invalid_value, "unit", "not a time unit");
  if (options.fit_through && *options.fit_through == 0)
    return detail::input_error(errc::out_of_range, "fit_through",
                               "the fit needs at least one renewal: fit through age 1 or later");

  // Segments in order of first appearance, each with its cohorts in input order.
  std::vector<std::pair<std::string, std::vector<survivor_cohort>>> segments;
  std::size_t longest = 0;
  for (const auto& c : cohorts) {
    auto it = std::find_if(segments.begin(), segments.end(), [&](const auto& s) { return s.first == c.segment; });
    if (it == segments.end()) it = segments.insert(segments.end(), {c.segment, {}});
    it->second.push_back(c);
    longest = std::max(longest, c.survivors.size() - 1);
  }

  retention_analysis out;
  out.model = options.model;
  out.discount = options.discount;
  out.unit = options.unit;
  out.horizon = options.horizon > 0 ? options.horizon : std::max<std::size_t>(10, 2 * longest);
  out.fit_through = options.fit_through;
  for (const auto& [name, members] : segments) {
    std::vector<survivor_cohort> fitted = members;
    if (options.fit_through)
      for (auto& c : fitted)
        if (c.survivors.size() > *options.fit_through + 1) c.survivors.resize(*options.fit_through + 1);
    auto fit = try_fit_retention(options.model, fitted, options.fit, control);
    if (!fit) return in_segment(fit.error(), name);
    retention_segment s;
    s.segment = name;
    for (const auto& c : members) s.cohorts.push_back(c.cohort);
    const auto curve = retention_curve::from(*fit);
    s.ages = project(members, curve, out.horizon, options.fit_through);
    if (options.discount) {
      const double d = *options.discount;
      auto del = try_discounted_expected_lifetime(curve, d);
      if (!del) return in_segment(del.error(), name);
      s.expected_lifetime = *del;
      std::size_t observed = 0;
      for (const auto& c : fitted) observed = std::max(observed, c.survivors.size() - 1);
      for (std::size_t n = 0; n <= std::max<std::size_t>(observed, 4); ++n) {
        auto derl = try_discounted_residual_lifetime(curve, d, n);
        if (!derl) return in_segment(derl.error(), name);
        retention_renewal r{n, *derl, {}};
        if (options.model == retention_model::sbg) {
          auto e = try_retention_elasticity(curve, d, n);
          if (!e) return in_segment(e.error(), name);
          r.elasticity = *e;
        }
        s.renewals.push_back(r);
      }
    }
    s.fit = std::move(*fit);
    out.segments.push_back(std::move(s));
  }
  return out;
}

}  // namespace excellence::inline v1
