#include <excellence/report/json.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace excellence::inline v1 {

namespace {

using ordered_json = nlohmann::ordered_json;

// Exact points as a JSON number: whole values as integers ("40"), others as the
// shortest double that prints back as the same two-decimal value ("5.25").
ordered_json number(points p) {
  if (p.is_whole()) return p.hundredths() / 100;
  return p.value();
}

ordered_json diagnostics(const std::vector<diagnostic>& list) {
  auto out = ordered_json::array();
  for (const auto& d : list) {
    ordered_json entry;
    entry["code"] = to_string(d.code);
    entry["file"] = d.file;
    entry["path"] = d.path.to_string();
    entry["message"] = d.message;
    out.push_back(std::move(entry));
  }
  return out;
}

ordered_json score_object(const assessment_score& s) {
  ordered_json out;
  out["framework"] = s.framework;
  out["scope"] = s.scope.empty() ? ordered_json(nullptr) : ordered_json(s.scope);
  out["organization"] = s.organization;
  out["examiner"] = s.examiner;
  out["date"] = s.date;
  out["source"] = s.source;
  out["total"] = number(s.total);
  out["max"] = number(s.max);
  out["assessed_max"] = number(s.assessed_max);
  if (s.overall) {
    ordered_json band;
    band["level"] = s.overall->level;
    band["min"] = s.overall->min_total;
    band["max"] = s.overall->max_total;
    band["description_en"] = s.overall->description_en;
    out["overall_band"] = std::move(band);
  } else {
    out["overall_band"] = nullptr;
  }
  auto& categories = out["categories"] = ordered_json::array();
  for (const auto& c : s.categories) {
    ordered_json entry;
    entry["id"] = c.id;
    entry["score"] = number(c.score);
    entry["max"] = number(c.max);
    entry["items"] = c.items;
    entry["items_assessed"] = c.items_assessed;
    categories.push_back(std::move(entry));
  }
  auto& items = out["items"] = ordered_json::array();
  for (const auto& i : s.items) {
    ordered_json entry;
    entry["id"] = i.id;
    entry["category"] = i.category.empty() ? ordered_json(nullptr) : ordered_json(i.category);
    entry["evaluation"] = to_string(i.evaluation);
    entry["assessed"] = i.assessed;
    entry["percent"] = i.assessed ? ordered_json(i.percent) : ordered_json(nullptr);
    entry["band"] = i.band ? ordered_json(i.band->label()) : ordered_json(nullptr);
    entry["score"] = number(i.score);
    entry["max"] = number(i.max);
    ordered_json dims = ordered_json::object();
    for (const auto& d : i.dimensions) dims[std::string(to_string(d.dimension))] = d.percent;
    entry["dimensions"] = std::move(dims);
    items.push_back(std::move(entry));
  }
  out["not_assessed"] = s.not_assessed;
  out["outside_scope"] = s.outside_scope;
  out["warnings"] = diagnostics(s.warnings);
  return out;
}

}  // namespace

std::string to_json(const assessment_score& s, int indent) {
  return score_object(s).dump(indent) + "\n";
}

std::string to_json(const consensus_result& c, int indent) {
  ordered_json out;
  out["framework"] = c.framework;
  out["scope"] = c.scope.empty() ? ordered_json(nullptr) : ordered_json(c.scope);
  out["organization"] = c.organization;
  out["flag_range"] = c.flag_range;
  auto& scores = out["scores"] = ordered_json::array();
  for (const auto& s : c.scores) scores.push_back(score_object(s));
  auto& items = out["consensus"] = ordered_json::array();
  for (const auto& i : c.items) {
    ordered_json entry;
    entry["id"] = i.id;
    entry["n"] = i.n;
    auto& percents = entry["percents"] = ordered_json::array();
    for (const auto& p : i.percents) percents.push_back(p ? ordered_json(*p) : ordered_json(nullptr));
    if (i.statistics) {
      const auto& st = *i.statistics;
      entry["mean"] = st.mean;
      entry["median"] = st.median;
      entry["min"] = st.min;
      entry["max"] = st.max;
      entry["range"] = st.range;
      entry["standard_deviation"] =
          st.standard_deviation ? ordered_json(*st.standard_deviation) : ordered_json(nullptr);
      entry["proposed"] = st.proposed;
    } else {
      for (const char* key : {"mean", "median", "min", "max", "range", "standard_deviation", "proposed"})
        entry[key] = nullptr;
    }
    entry["flagged"] = i.flagged;
    items.push_back(std::move(entry));
  }
  return out.dump(indent) + "\n";
}

std::string to_json(const clv_fit& fit, int indent) {
  ordered_json out;
  out["format"] = "excellence.clv_fit/1";
  out["model"] = std::string(to_string(fit.model));
  auto& params = out["params"] = ordered_json::object();
  for (std::size_t i = 0; i < fit.names.size(); ++i) params[fit.names[i]] = fit.params[i];
  if (fit.standard_errors.empty()) {
    out["standard_errors"] = nullptr;  // the information matrix is not positive definite
  } else {
    auto& se = out["standard_errors"] = ordered_json::object();
    for (std::size_t i = 0; i < fit.names.size(); ++i) se[fit.names[i]] = fit.standard_errors[i];
  }
  out["log_likelihood"] = fit.log_likelihood;
  out["converged"] = fit.converged;
  out["evaluations"] = fit.evaluations;
  out["status"] = fit.status;
  // Σ weights: a count of customers unless weights were fractional.
  if (fit.customers == std::floor(fit.customers) && fit.customers < 9.0e15)
    out["customers"] = static_cast<std::int64_t>(fit.customers);
  else
    out["customers"] = fit.customers;
  return out.dump(indent) + "\n";
}

}  // namespace excellence::inline v1
