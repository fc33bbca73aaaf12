// The C ABI: satisfaction and loyalty metrics over caller arrays.
#include "c_api.hpp"

#include <excellence/complaints/summary.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>

#include <cmath>

struct exc_rfm {
  excellence::rfm_analysis value;
  std::vector<std::string> segments;  // per customer, what exc_rfm_customer::segment points to
};
struct exc_kano {
  excellence::kano_table value;
};
struct exc_complaints {
  excellence::complaint_summary value;
};
struct exc_retention {
  excellence::cohort_table value;
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

// The C structs carry the C++ results in full, so the JSON document is rebuilt from them
// (the caller may keep only the struct).
nps_result nps_of(const exc_nps_result& r) {
  nps_result out;
  out.nps = r.nps;
  out.se = r.se;
  out.n = r.n;
  out.promoters = r.promoters;
  out.passives = r.passives;
  out.detractors = r.detractors;
  out.promoter_share = r.promoter_share;
  out.passive_share = r.passive_share;
  out.detractor_share = r.detractor_share;
  out.effective_n = r.effective_n;
  return out;
}

int check_method(int method) {
  if (method != EXC_NPS_WALD && method != EXC_NPS_ADJUSTED_WALD)
    return invalid("exc_nps: interval " + std::to_string(method) + " is not an exc_nps_interval_method");
  return ok;
}

void set_optional(int& has, double& value, const std::optional<double>& from) {
  has = from ? 1 : 0;
  value = from.value_or(0.0);
}

}  // namespace

extern "C" {

int exc_nps(exc_nps_result* out, const double* answers, size_t n, const double* weights,
            const exc_nps_options* options) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_nps: out is NULL");
    if (int bad = check_options(options, EXC_NPS_OPTIONS_VERSION, "exc_nps")) return bad;
    const exc_nps_options o = options != nullptr ? *options : exc_nps_options EXC_NPS_OPTIONS_INIT;
    if (int bad = check_method(o.interval)) return bad;
    const auto a = numbers(answers, n);
    if (!a) return invalid("exc_nps: answers is NULL");
    const auto w = weights == nullptr ? std::span<const double>{} : std::span<const double>(weights, n);
    const auto r = try_nps(*a, {o.scale_min, o.scale_max, o.detractor_max, o.promoter_min}, w);
    if (!r) return fail(r.error());
    const auto interval = try_nps_interval(*r, o.confidence, static_cast<nps_interval_method>(o.interval));
    if (!interval) return fail(interval.error());
    *out = {r->nps,
            r->se,
            r->n,
            r->promoters,
            r->passives,
            r->detractors,
            r->promoter_share,
            r->passive_share,
            r->detractor_share,
            r->effective_n,
            interval->lower,
            interval->upper,
            interval->centre,
            interval->confidence,
            o.interval,
            o};
    out->options.version = EXC_NPS_OPTIONS_VERSION;
    return ok;
  });
}

int exc_nps_to_json(exc_buf* out, const exc_nps_result* result) {
  return guarded([&] {
    if (result == nullptr) return invalid("exc_nps_to_json: result is NULL");
    if (int bad = check_method(result->interval)) return bad;
    const nps_interval interval{result->lower, result->upper, result->centre, result->confidence,
                                static_cast<nps_interval_method>(result->interval)};
    return to_buf(out, to_json(nps_of(*result), interval));
  });
}

int exc_csat(exc_csat_result* out, const double* ratings, size_t n, const exc_csat_options* options) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_csat: out is NULL");
    if (int bad = check_options(options, EXC_CSAT_OPTIONS_VERSION, "exc_csat")) return bad;
    const exc_csat_options o = options != nullptr ? *options : exc_csat_options EXC_CSAT_OPTIONS_INIT;
    const auto r = numbers(ratings, n);
    if (!r) return invalid("exc_csat: ratings is NULL");
    const auto c = try_csat(*r, {o.scale_min, o.scale_max, o.top_box_min}, o.confidence);
    if (!c) return fail(c.error());
    *out = {c->csat, c->lower, c->upper, c->confidence, c->mean_rating, c->satisfied, c->n, o};
    out->options.version = EXC_CSAT_OPTIONS_VERSION;
    return ok;
  });
}

int exc_csat_to_json(exc_buf* out, const exc_csat_result* result) {
  return guarded([&] {
    if (result == nullptr) return invalid("exc_csat_to_json: result is NULL");
    csat_result c;
    c.csat = result->csat;
    c.lower = result->lower;
    c.upper = result->upper;
    c.confidence = result->confidence;
    c.mean_rating = result->mean_rating;
    c.satisfied = result->satisfied;
    c.n = result->n;
    c.scale = {result->options.scale_min, result->options.scale_max, result->options.top_box_min};
    return to_buf(out, to_json(c));
  });
}

int exc_rfm_new(exc_rfm** out, const char* const* customers, const double* recency, const double* frequency,
                const double* monetary, size_t n, int bins) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_rfm_new: out is NULL");
    const auto ids = strings(customers, n);
    const auto r = numbers(recency, n), f = numbers(frequency, n), m = numbers(monetary, n);
    if (!ids || !r || !f || !m) return invalid("exc_rfm_new: customers, recency, frequency or monetary is NULL");
    if (bins < 2 || bins > max_rfm_bins) return invalid("exc_rfm_new: bins must be 2 to 10");
    auto a = try_rfm_analysis(*ids, *r, *f, *m, {.bins = bins});
    if (!a) return fail(a.error());
    auto handle = std::make_unique<exc_rfm>();
    handle->value = *std::move(a);
    for (const auto& s : handle->value.scores.scores) handle->segments.push_back(segment_code(s, bins));
    *out = handle.release();
    return ok;
  });
}

void exc_rfm_free(exc_rfm* rfm) {
  delete rfm;
}

int exc_rfm_get_summary(exc_rfm_summary* out, const exc_rfm* rfm) {
  return guarded([&] {
    if (out == nullptr || rfm == nullptr) return invalid("exc_rfm_get_summary: out or rfm is NULL");
    const auto& a = rfm->value;
    *out = {};
    out->customers = a.customers.size();
    out->bins = a.scores.bins;
    if (a.concentration) {
      out->gini = a.concentration->gini;
      out->has_top_20_share = 1;
      out->top_20_share = a.concentration->top_share(0.2);
    }
    return ok;
  });
}

int exc_rfm_customer_at(exc_rfm_customer* out, const exc_rfm* rfm, size_t i) {
  return guarded([&] {
    if (out == nullptr || rfm == nullptr) return invalid("exc_rfm_customer_at: out or rfm is NULL");
    const auto& a = rfm->value;
    if (i >= a.customers.size())
      return invalid("exc_rfm_customer_at: customer " + std::to_string(i) + " of " +
                     std::to_string(a.customers.size()));
    const auto& s = a.scores.scores[i];
    *out = {a.customers[i].c_str(), s.recency, s.frequency, s.monetary, rfm->segments[i].c_str()};
    return ok;
  });
}

int exc_rfm_to_json(exc_buf* out, const exc_rfm* rfm) {
  return guarded([&] {
    if (rfm == nullptr) return invalid("exc_rfm_to_json: rfm is NULL");
    return to_buf(out, to_json(rfm->value));
  });
}

int exc_kano_new(exc_kano** out, const char* const* attributes, const double* functional, const double* dysfunctional,
                 size_t n, double tie_margin) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_kano_new: out is NULL");
    const auto names = strings(attributes, n);
    const auto f = numbers(functional, n), d = numbers(dysfunctional, n);
    if (!names || !f || !d) return invalid("exc_kano_new: attributes, functional or dysfunctional is NULL");
    auto t = try_kano_by_attribute(*names, *f, *d, {.tie_margin = tie_margin});
    if (!t) return fail(t.error());
    *out = new exc_kano{*std::move(t)};
    return ok;
  });
}

void exc_kano_free(exc_kano* kano) {
  delete kano;
}

size_t exc_kano_attribute_count(const exc_kano* kano) {
  return kano == nullptr ? 0 : kano->value.attributes.size();
}

int exc_kano_attribute_at(exc_kano_attribute* out, const exc_kano* kano, size_t i) {
  return guarded([&] {
    if (out == nullptr || kano == nullptr) return invalid("exc_kano_attribute_at: out or kano is NULL");
    const auto& all = kano->value.attributes;
    if (i >= all.size())
      return invalid("exc_kano_attribute_at: attribute " + std::to_string(i) + " of " + std::to_string(all.size()));
    const auto& a = all[i];
    *out = {};
    out->name = a.name.c_str();
    out->category = to_string(a.result.category);
    out->n = a.result.n;
    set_optional(out->has_better, out->better, a.result.better);
    set_optional(out->has_worse, out->worse, a.result.worse);
    out->questionable_share = a.result.questionable_share;
    return ok;
  });
}

int exc_kano_to_json(exc_buf* out, const exc_kano* kano) {
  return guarded([&] {
    if (kano == nullptr) return invalid("exc_kano_to_json: kano is NULL");
    return to_buf(out, to_json(kano->value));
  });
}

int exc_complaints_new(exc_complaints** out, const double* duration, const char* const* status,
                       const double* first_contact, const double* reopened, size_t n,
                       const exc_complaints_options* options) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_complaints_new: out is NULL");
    if (int bad = check_options(options, EXC_COMPLAINTS_OPTIONS_VERSION, "exc_complaints_new")) return bad;
    const auto d = numbers(duration, n);
    const auto s = strings(status, n);
    if (!d || !s) return invalid("exc_complaints_new: duration or status is NULL");
    // Flags: NaN is "not known", the C spelling of an empty cell.
    auto flags = [n](const double* p) {
      std::vector<std::optional<double>> v;
      if (p == nullptr) return v;
      v.reserve(n);
      for (size_t i = 0; i < n; ++i) v.push_back(std::isnan(p[i]) ? std::nullopt : std::optional<double>(p[i]));
      return v;
    };
    const auto fc = flags(first_contact), ro = flags(reopened);
    complaint_summary_options settings;
    settings.unit = "days";
    if (options != nullptr) {
      if (options->has_limit != 0) settings.limit = options->limit;
      if (options->unit != nullptr) settings.unit = options->unit;
    }
    auto summary = try_complaint_summary({*d, *s, fc, ro}, settings);
    if (!summary) return fail(summary.error());
    *out = new exc_complaints{*std::move(summary)};
    return ok;
  });
}

void exc_complaints_free(exc_complaints* complaints) {
  delete complaints;
}

int exc_complaints_get_summary(exc_complaints_summary* out, const exc_complaints* complaints) {
  return guarded([&] {
    if (out == nullptr || complaints == nullptr)
      return invalid("exc_complaints_get_summary: out or complaints is NULL");
    const auto& s = complaints->value;
    *out = {};
    out->complaints = s.times.n;
    out->resolved = s.times.n_resolved;
    out->open = s.times.n_open;
    set_optional(out->has_median, out->median, s.median);
    set_optional(out->has_p90, out->p90, s.p90);
    set_optional(out->has_share_within_limit, out->share_within_limit, s.share_within_limit);
    set_optional(out->has_first_contact_resolution, out->first_contact_resolution, s.first_contact_resolution);
    set_optional(out->has_reopen_rate, out->reopen_rate, s.reopen_rate);
    return ok;
  });
}

int exc_complaints_to_json(exc_buf* out, const exc_complaints* complaints) {
  return guarded([&] {
    if (complaints == nullptr) return invalid("exc_complaints_to_json: complaints is NULL");
    return to_buf(out, to_json(complaints->value));
  });
}

int exc_retention_new(exc_retention** out, const char* const* customers, const char* const* periods, size_t n,
                      const char* unit) {
  return guarded([&] {
    if (out == nullptr || unit == nullptr) return invalid("exc_retention_new: out or unit is NULL");
    const auto ids = strings(customers, n);
    const auto labels = strings(periods, n);
    if (!ids || !labels) return invalid("exc_retention_new: customers or periods is NULL");
    const auto u = parse_time_unit(unit);
    if (!u)
      return invalid(std::string("exc_retention_new: unit \"") + unit + "\" is not day, week, month, quarter or year");
    auto t = try_cohort_retention(*ids, *labels, *u);
    if (!t) return fail(t.error());
    *out = new exc_retention{*std::move(t)};
    return ok;
  });
}

void exc_retention_free(exc_retention* retention) {
  delete retention;
}

size_t exc_retention_cohort_count(const exc_retention* retention) {
  return retention == nullptr ? 0 : retention->value.cohorts.size();
}

size_t exc_retention_age_count(const exc_retention* retention) {
  return retention == nullptr ? 0 : retention->value.retention_by_age.size();
}

int exc_retention_by_age(double* out, size_t length, const exc_retention* retention) {
  return guarded([&] {
    if (retention == nullptr) return invalid("exc_retention_by_age: retention is NULL");
    return copy_out(out, length, retention->value.retention_by_age, "exc_retention_by_age");
  });
}

int exc_retention_to_json(exc_buf* out, const exc_retention* retention) {
  return guarded([&] {
    if (retention == nullptr) return invalid("exc_retention_to_json: retention is NULL");
    return to_buf(out, to_json(retention->value));
  });
}

}  // extern "C"
