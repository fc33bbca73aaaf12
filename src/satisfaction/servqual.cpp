#include <excellence/satisfaction/servqual.hpp>

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/detail/strings.hpp>

#include <cmath>
#include <map>
#include <utility>

namespace excellence::inline v1 {

namespace {

using detail::concat;
using detail::indexed;
using detail::input_error;

// SERVQUAL when `gaps`, SERVPERF otherwise. Answers are row-major: respondent r's
// answer to item j at [r × items + j]; nullopt is a missing answer.
result<servqual_result> service_quality(std::span<const servqual_item> items,
                                        std::span<const std::optional<double>> expectations,
                                        std::span<const std::optional<double>> perceptions,
                                        const servqual_options& options, bool gaps) {
  const std::size_t k = items.size();
  if (k == 0) return input_error(errc::invalid_value, "items", "no items");
  if (!(options.scale_min < options.scale_max))
    return input_error(errc::invalid_value, "scale", "the scale must satisfy scale_min < scale_max");
  if (perceptions.empty() || perceptions.size() % k != 0)
    return input_error(errc::invalid_value, "perceptions",
                       concat("expected respondents x ", std::to_string(k), " answers (one per item), got ",
                              std::to_string(perceptions.size())));
  if (gaps && expectations.size() != perceptions.size())
    return input_error(errc::invalid_value, "expectations",
                       concat("expected as many expectations as perceptions (", std::to_string(perceptions.size()),
                              "), got ", std::to_string(expectations.size())));
  for (std::size_t j = 0; j < k; ++j) {
    const auto d = static_cast<std::size_t>(items[j].dimension);
    if (d >= servqual_dimension_count)
      return input_error(errc::out_of_range, detail::element_field("items", j, "dimension"),
                         "not one of the five dimensions");
    for (std::size_t i = 0; i < j; ++i)
      if (items[i].id == items[j].id)
        return input_error(errc::duplicate_id, detail::element_field("items", j, "id"),
                           concat("item \"", items[j].id, "\" repeats"));
  }
  const std::size_t n = perceptions.size() / k;
  servqual_result r;
  r.model = gaps ? servqual_model::servqual : servqual_model::servperf;
  r.respondents = n;
  r.scale_min = options.scale_min;
  r.scale_max = options.scale_max;
  std::vector<double> sum_p(k, 0.0);
  std::vector<double> sum_e(k, 0.0);
  std::vector<std::size_t> used(k, 0);
  std::vector<std::size_t> dropped(k, 0);
  auto where = [&](std::size_t row, std::size_t j) {
    return concat("respondent ", std::to_string(row), ", item \"", items[j].id, "\"");
  };
  for (std::size_t row = 0; row < n; ++row) {
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t at = row * k + j;
      const auto& p = perceptions[at];
      const std::optional<double> e = gaps ? expectations[at] : std::optional<double>(0.0);
      if (!p || !e) {
        if (options.missing == missing_answers::error)
          return input_error(
              errc::missing_field, indexed(!p ? "perceptions" : "expectations", at),
              concat(where(row, j), ": missing answer (use missing_answers::drop_pair to drop the pair)"));
        ++dropped[j];
        continue;
      }
      if (auto bad =
              detail::check_scale_answer(*p, options.scale_min, options.scale_max, "perceptions", at, "a perception"))
        return *bad;
      if (gaps) {
        if (auto bad = detail::check_scale_answer(*e, options.scale_min, options.scale_max, "expectations", at,
                                                  "an expectation"))
          return *bad;
      }
      sum_p[j] += *p;
      sum_e[j] += *e;
      ++used[j];
    }
  }
  std::array<double, servqual_dimension_count> dim_sum{};
  std::array<double, servqual_dimension_count> dim_p{};
  std::array<double, servqual_dimension_count> dim_e{};
  std::array<std::size_t, servqual_dimension_count> dim_items{};
  for (std::size_t j = 0; j < k; ++j) {
    if (used[j] == 0)
      return input_error(errc::invalid_value, indexed("items", j),
                         concat("item \"", items[j].id, "\" has no complete answer: its score is undefined"));
    const double m = static_cast<double>(used[j]);
    servqual_item_result item{items[j].id, items[j].dimension, sum_p[j] / m, std::nullopt, sum_p[j] / m,
                              used[j],     dropped[j]};
    if (gaps) {
      item.expectation = sum_e[j] / m;
      item.score = item.perception - *item.expectation;
    }
    const auto d = static_cast<std::size_t>(items[j].dimension);
    dim_sum[d] += item.score;
    dim_p[d] += item.perception;
    dim_e[d] += item.expectation.value_or(0.0);
    ++dim_items[d];
    r.dropped += dropped[j];
    r.items.push_back(std::move(item));
  }
  double weight_sum = 0;
  if (!options.importance.empty()) {
    if (options.importance.size() != servqual_dimension_count)
      return input_error(errc::invalid_value, "importance",
                         concat("expected 5 weights (tangibles, reliability, responsiveness, assurance, empathy), got ",
                                std::to_string(options.importance.size())));
    for (std::size_t d = 0; d < servqual_dimension_count; ++d) {
      const double w = options.importance[d];
      if (!std::isfinite(w) || w < 0)
        return input_error(errc::out_of_range, indexed("importance", d), "a weight must be a finite number >= 0");
      if (dim_items[d] == 0 && w != 0)
        return input_error(
            errc::invalid_value, indexed("importance", d),
            concat("dimension ", to_string(static_cast<servqual_dimension>(d)), " has no items but a non-zero weight"));
      weight_sum += w;
    }
    if (!(weight_sum > 0)) return input_error(errc::invalid_value, "importance", "the weights sum to 0");
    if (!std::isfinite(weight_sum)) return input_error(errc::out_of_range, "importance", "the weights' sum overflows");
  }
  double total = 0;
  double weighted = 0;
  for (std::size_t d = 0; d < servqual_dimension_count; ++d) {
    if (dim_items[d] == 0) continue;
    const double m = static_cast<double>(dim_items[d]);
    const double score = dim_sum[d] / m;
    const double w = weight_sum > 0 ? options.importance[d] / weight_sum : 0.0;
    r.dimensions.push_back({static_cast<servqual_dimension>(d), dim_p[d] / m,
                            gaps ? std::optional<double>(dim_e[d] / m) : std::nullopt, score, dim_items[d], w});
    total += score;
    weighted += w * score;
  }
  r.unweighted = total / static_cast<double>(r.dimensions.size());
  if (weight_sum > 0) r.weighted = weighted;
  if (options.missing == missing_answers::drop_pair && r.dropped > 0)
    r.warnings.push_back({errc::rows_dropped,
                          "",
                          0,
                          0,
                          {},
                          concat(std::to_string(r.dropped), " answer pairs with a missing answer dropped"),
                          severity::warning});
  return r;
}

// Every answer present: a NaN is an error, not a missing answer.
result<std::vector<std::optional<double>>> present(std::span<const double> answers, const char* name) {
  std::vector<std::optional<double>> out(answers.begin(), answers.end());
  for (std::size_t i = 0; i < answers.size(); ++i)
    if (std::isnan(answers[i]))
      return input_error(errc::invalid_value, indexed(name, i),
                         "not a number (a missing answer is std::nullopt in the optional form)");
  return out;
}

}  // namespace

result<servqual_result> try_servqual(std::span<const servqual_item> items,
                                     std::span<const std::optional<double>> expectations,
                                     std::span<const std::optional<double>> perceptions,
                                     const servqual_options& options) {
  if (expectations.empty())
    return input_error(errc::invalid_value, "expectations", "SERVQUAL needs expectations (see try_servperf)");
  return service_quality(items, expectations, perceptions, options, true);
}

result<servqual_result> try_servqual(std::span<const servqual_item> items, std::span<const double> expectations,
                                     std::span<const double> perceptions, const servqual_options& options) {
  auto e = present(expectations, "expectations");
  if (!e) return e.error();
  auto p = present(perceptions, "perceptions");
  if (!p) return p.error();
  return try_servqual(items, *e, *p, options);
}

result<servqual_result> try_servperf(std::span<const servqual_item> items,
                                     std::span<const std::optional<double>> perceptions,
                                     const servqual_options& options) {
  return service_quality(items, {}, perceptions, options, false);
}

result<servqual_result> try_servperf(std::span<const servqual_item> items, std::span<const double> perceptions,
                                     const servqual_options& options) {
  auto p = present(perceptions, "perceptions");
  if (!p) return p.error();
  return try_servperf(items, *p, options);
}

result<servqual_result> try_servqual_long(const servqual_long_answers& a, servqual_model model,
                                          const servqual_options& options) {
  const bool gaps = model == servqual_model::servqual;
  const std::size_t rows = a.respondent.size();
  for (const auto& [name, size] : {std::pair<const char*, std::size_t>{"item", a.item.size()},
                                   {"dimension", a.dimension.size()},
                                   {"perception", a.perception.size()}})
    if (size != rows)
      return input_error(
          errc::invalid_value, name,
          concat("expected ", std::to_string(rows), " rows (as many as respondent), got ", std::to_string(size)));
  if (gaps && a.expectation.size() != rows)
    return input_error(errc::invalid_value, "expectation",
                       concat("expected ", std::to_string(rows), " rows (as many as respondent), got ",
                              std::to_string(a.expectation.size())));
  if (rows == 0) return input_error(errc::invalid_value, "respondent", "no answers");

  // Items and respondents in order of first appearance; each (respondent, item) once.
  std::vector<servqual_item> items;
  std::map<std::string, std::size_t, std::less<>> item_index;
  std::vector<std::string_view> respondents;
  std::map<std::string_view, std::size_t> respondent_index;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> row_of_pair;
  for (std::size_t r = 0; r < rows; ++r) {
    const auto dim = parse_servqual_dimension(a.dimension[r]);
    if (!dim)
      return input_error(
          errc::invalid_value, indexed("dimension", r),
          concat("\"", a.dimension[r], "\" is not tangibles, reliability, responsiveness, assurance or empathy"));
    if (a.item[r].empty()) return input_error(errc::invalid_value, indexed("item", r), "an item needs an id");
    if (a.respondent[r].empty())
      return input_error(errc::invalid_value, indexed("respondent", r), "a respondent needs an id");
    const auto [it, added] = item_index.try_emplace(a.item[r], items.size());
    if (added) items.push_back({a.item[r], *dim});
    if (items[it->second].dimension != *dim)
      return input_error(
          errc::invalid_value, indexed("dimension", r),
          concat("item \"", a.item[r], "\" was given dimension ", to_string(items[it->second].dimension), " before"));
    const auto [who, new_respondent] = respondent_index.try_emplace(a.respondent[r], respondents.size());
    if (new_respondent) respondents.push_back(a.respondent[r]);
    if (!row_of_pair.try_emplace({who->second, it->second}, r).second)
      return input_error(errc::duplicate_id, indexed("item", r),
                         concat("respondent \"", a.respondent[r], "\" answers item \"", a.item[r], "\" twice"));
  }

  // Row-major respondents × items; an absent row is a missing pair.
  const std::size_t k = items.size();
  std::vector<std::optional<double>> p(respondents.size() * k);
  std::vector<std::optional<double>> e(gaps ? p.size() : 0);
  std::vector<std::size_t> row_of(p.size(), rows);
  for (const auto& [pair, r] : row_of_pair) {
    const auto at = pair.first * k + pair.second;
    p[at] = a.perception[r];
    if (gaps) e[at] = a.expectation[r];
    row_of[at] = r;
  }
  if (options.missing == missing_answers::error)
    for (std::size_t at = 0; at < p.size(); ++at)
      if (row_of[at] == rows)
        return input_error(
            errc::missing_field, "respondent",
            concat("respondent \"", respondents[at / k], "\" has no row for item \"", items[at % k].id, "\""));
  auto r = gaps ? try_servqual(items, e, p, options) : try_servperf(items, p, options);
  if (r) return r;
  // An answer's error names its element of the matrix: name the input row instead.
  // (Every cell has its row here: a missing row was reported above.)
  auto d = r.error();
  const auto head = d.path.head();
  if ((head == "perceptions" || head == "expectations") &&
      detail::readdress(d, row_of, head == "perceptions" ? "perception" : "expectation") &&
      d.code == errc::missing_field)
    d.message = "the answer is missing";
  return d;
}

}  // namespace excellence::inline v1
