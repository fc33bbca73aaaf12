// The C ABI: SERVQUAL / SERVPERF, customer delivered value and simple lifetime value.
#include "c_api.hpp"

#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/value/comparison.hpp>

#include <cmath>

struct exc_servqual {
  excellence::servqual_result value;
};
struct exc_value {
  excellence::value_summary value;
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

// NaN marks a missing answer in C (the spelling of an empty cell).
std::vector<std::optional<double>> answers_of(const double* p, size_t n) {
  std::vector<std::optional<double>> v;
  v.reserve(n);
  for (size_t i = 0; i < n; ++i) v.push_back(std::isnan(p[i]) ? std::nullopt : std::optional<double>(p[i]));
  return v;
}

clv_options clv_options_of(const exc_simple_clv_options& o) {
  clv_options out;
  out.timing = o.start_of_period != 0 ? margin_timing::start_of_period : margin_timing::end_of_period;
  if (o.horizon != 0) out.horizon = o.horizon;
  out.acquisition_cost = o.acquisition_cost;
  return out;
}

}  // namespace

extern "C" {

int exc_servqual_new(exc_servqual** out, const char* const* respondent, const char* const* item,
                     const char* const* dimension, const double* expectation, const double* perception, size_t n,
                     const exc_servqual_options* options) {
  return guarded([&] {
    if (out == nullptr || (perception == nullptr && n != 0))
      return invalid("exc_servqual_new: out or perception is NULL");
    if (int bad = check_options(options, EXC_SERVQUAL_OPTIONS_VERSION, "exc_servqual_new")) return bad;
    const auto who = strings(respondent, n), what = strings(item, n), where = strings(dimension, n);
    if (!who || !what || !where) return invalid("exc_servqual_new: respondent, item or dimension is NULL");
    const auto e = expectation == nullptr ? std::vector<std::optional<double>>{} : answers_of(expectation, n);
    const auto p = answers_of(perception, n);
    servqual_options o;
    if (options != nullptr) {
      o.scale_min = options->scale_min;
      o.scale_max = options->scale_max;
      o.missing = options->drop_missing != 0 ? missing_answers::drop_pair : missing_answers::error;
      if (options->importance != nullptr) o.importance.assign(options->importance, options->importance + 5);
    }
    auto r = try_servqual_long({*who, *what, *where, e, p},
                               expectation == nullptr ? servqual_model::servperf : servqual_model::servqual, o);
    if (!r) return fail(r.error());
    *out = new exc_servqual{*std::move(r)};
    return ok;
  });
}

void exc_servqual_free(exc_servqual* servqual) {
  delete servqual;
}

int exc_servqual_get_summary(exc_servqual_summary* out, const exc_servqual* servqual) {
  return guarded([&] {
    if (out == nullptr || servqual == nullptr) return invalid("exc_servqual_get_summary: out or servqual is NULL");
    const auto& r = servqual->value;
    *out = {};
    out->servperf = r.model == servqual_model::servperf ? 1 : 0;
    out->unweighted = r.unweighted;
    out->has_weighted = r.weighted ? 1 : 0;
    out->weighted = r.weighted.value_or(0.0);
    out->respondents = r.respondents;
    out->dropped = r.dropped;
    for (const auto& d : r.dimensions) {
      const auto k = static_cast<std::size_t>(d.dimension);
      out->has_dimension[k] = 1;
      out->dimension[k] = d.score;
    }
    return ok;
  });
}

int exc_servqual_to_json(exc_buf* out, const exc_servqual* servqual) {
  return guarded([&] {
    if (servqual == nullptr) return invalid("exc_servqual_to_json: servqual is NULL");
    return to_buf(out, to_json(servqual->value));
  });
}

int exc_value_new(exc_value** out, const char* const* respondent, const char* const* offer,
                  const double* const* amounts, size_t n) {
  return guarded([&] {
    if (out == nullptr || amounts == nullptr) return invalid("exc_value_new: out or amounts is NULL");
    const auto offers = strings(offer, n);
    if (!offers) return invalid("exc_value_new: offer or one of its names is NULL");
    std::optional<std::vector<std::string>> who;
    if (respondent != nullptr) {
      who = strings(respondent, n);
      if (!who) return invalid("exc_value_new: a respondent is NULL");
    }
    value_answers answers;
    if (who) answers.respondent = *who;
    answers.offer = *offers;
    for (std::size_t k = 0; k < value_components.size(); ++k) {
      if (amounts[k] == nullptr && n != 0)
        return invalid("exc_value_new: amounts[" + std::to_string(k) + "] (" +
                       std::string(to_string(value_components[k])) + ") is NULL");
      answers.amounts[k] = std::span<const double>(amounts[k], n);
    }
    auto r = try_value_summary(answers);
    if (!r) return fail(r.error());
    *out = new exc_value{*std::move(r)};
    return ok;
  });
}

void exc_value_free(exc_value* value) {
  delete value;
}

size_t exc_value_offer_count(const exc_value* value) {
  return value == nullptr ? 0 : value->value.offers.size();
}

int exc_value_offer_at(exc_value_offer* out, const exc_value* value, size_t i) {
  return guarded([&] {
    if (out == nullptr || value == nullptr) return invalid("exc_value_offer_at: out or value is NULL");
    const auto& offers = value->value.offers;
    if (i >= offers.size())
      return invalid("exc_value_offer_at: offer " + std::to_string(i) + " of " + std::to_string(offers.size()));
    const auto& o = offers[i];
    *out = {o.name.c_str(),    o.total_value,         o.total_cost,
            o.delivered_value, o.value_ratio ? 1 : 0, o.value_ratio.value_or(0.0),
            o.preferred_share};
    return ok;
  });
}

size_t exc_value_preferred_count(const exc_value* value) {
  return value == nullptr ? 0 : value->value.preferred.size();
}

const char* exc_value_preferred(const exc_value* value, size_t i) {
  return value == nullptr || i >= value->value.preferred.size() ? nullptr : value->value.preferred[i].c_str();
}

int exc_value_to_json(exc_buf* out, const exc_value* value) {
  return guarded([&] {
    if (value == nullptr) return invalid("exc_value_to_json: value is NULL");
    return to_buf(out, to_json(value->value));
  });
}

int exc_simple_clv(exc_simple_clv_result* out, double margin, double retention, double discount,
                   const exc_simple_clv_options* options) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_simple_clv: out is NULL");
    if (int bad = check_options(options, EXC_SIMPLE_CLV_OPTIONS_VERSION, "exc_simple_clv")) return bad;
    const exc_simple_clv_options o = options != nullptr ? *options : exc_simple_clv_options EXC_SIMPLE_CLV_OPTIONS_INIT;
    // The rates' period is the caller's; both are per the same one, so any shared label does.
    auto r = try_simple_clv(margin, {retention, {}}, {discount, {}}, clv_options_of(o));
    if (!r) return fail(r.error());
    *out = {r->clv, r->margin_multiple, r->average_life ? 1 : 0, r->average_life.value_or(0.0), r->retention, o};
    out->options.version = EXC_SIMPLE_CLV_OPTIONS_VERSION;
    return ok;
  });
}

int exc_simple_clv_to_json(exc_buf* out, const exc_simple_clv_result* result) {
  return guarded([&] {
    if (result == nullptr) return invalid("exc_simple_clv_to_json: result is NULL");
    simple_clv_result r;
    r.clv = result->clv;
    r.margin_multiple = result->margin_multiple;
    r.options = clv_options_of(result->options);
    r.retention = result->retention;
    if (result->has_average_life != 0) r.average_life = result->average_life;
    return to_buf(out, to_json(r));
  });
}

}  // extern "C"
