// The C ABI: the examiner's report (review, HTML, charts, CSV tables, XLSX workbook).
#include "c_api.hpp"

#include <excellence/report/html.hpp>
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

struct exc_review {
  excellence::review value;
  excellence::criteria_tree tree;  // the report's titles come from it
};

using namespace excellence;
using namespace excellence::c_api;

extern "C" {

int exc_review_new(exc_review** out, const exc_assessment* const* assessments, size_t count,
                   const exc_framework* framework, const exc_review_options* options) {
  return guarded([&] {
    if (out == nullptr || framework == nullptr) return invalid("exc_review_new: out or framework is NULL");
    if (int bad = check_options(options, EXC_REVIEW_OPTIONS_VERSION, "exc_review_new")) return bad;
    std::vector<assessment> all;
    if (int bad = collect_assessments(all, assessments, count, "exc_review_new")) return bad;
    review_options settings;
    if (options != nullptr) {
      settings.flag_range = options->flag_range;
      if (options->scope != nullptr) settings.scope = options->scope;
    }
    // Version 1 callers' structs end before `evidence`.
    const exc_evidence* evidence = options != nullptr && options->version >= 2 ? options->evidence : nullptr;
    auto r = try_review(all, framework->tree, settings, evidence != nullptr ? &evidence->value : nullptr);
    if (!r) return fail(r.error());
    *out = new exc_review{*std::move(r), framework->tree};
    return ok;
  });
}

void exc_review_free(exc_review* review) {
  delete review;
}

int exc_review_kind_of(const exc_review* review) {
  return guarded([&] {
    if (review == nullptr) return invalid("exc_review_kind_of: review is NULL");
    switch (review->value.kind) {
      case review_kind::feedback:
        return static_cast<int>(EXC_REVIEW_FEEDBACK);
      case review_kind::consensus:
        return static_cast<int>(EXC_REVIEW_CONSENSUS);
      case review_kind::history:
        return static_cast<int>(EXC_REVIEW_HISTORY);
    }
    return fail(EXC_EINTERNAL, "exc_review_kind_of: a kind this ABI does not know");
  });
}

int exc_review_to_html(exc_buf* out, const exc_review* review, int lang) {
  return guarded([&] {
    if (review == nullptr) return invalid("exc_review_to_html: review is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_review_to_html", lang);
    return to_buf(out, to_html(review->value, review->tree, *l));
  });
}

int exc_review_chart(exc_buf* out, const exc_review* review, int chart, const char* category, int lang) {
  return guarded([&] {
    if (review == nullptr) return invalid("exc_review_chart: review is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_review_chart", lang);
    if (chart < EXC_CHART_CATEGORIES || chart > EXC_CHART_HISTORY)
      return invalid("exc_review_chart: " + std::to_string(chart) + " is not an exc_chart");
    // exc_chart lists the charts in chart_kind's order.
    auto text =
        try_chart(review->value, review->tree, static_cast<chart_kind>(chart), category == nullptr ? "" : category, *l);
    if (!text) return fail(text.error());
    return to_buf(out, *text);
  });
}

int exc_review_to_csv(exc_buf* out, const exc_review* review, int table, int lang) {
  return guarded([&] {
    if (review == nullptr) return invalid("exc_review_to_csv: review is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_review_to_csv", lang);
    if (table < EXC_TABLE_SCORES || table > EXC_TABLE_PRIORITIES)
      return invalid("exc_review_to_csv: " + std::to_string(table) + " is not an exc_report_table");
    // exc_report_table lists the tables in report_table's order.
    auto text = try_to_csv(review->value, review->tree, static_cast<report_table>(table), *l);
    if (!text) return fail(text.error());
    return to_buf(out, *text);
  });
}

int exc_review_write_xlsx(const exc_review* review, const char* path, int lang) {
  return guarded([&] {
    if (review == nullptr || path == nullptr) return invalid("exc_review_write_xlsx: review or path is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_review_write_xlsx", lang);
    auto written = try_write_xlsx(review->value, review->tree, path, *l);
    return written ? ok : fail(written.error());
  });
}

}  // extern "C"

static_assert(static_cast<int>(chart_kind::history) == EXC_CHART_HISTORY &&
                  static_cast<int>(chart_kind::bands) == EXC_CHART_BANDS,
              "exc_chart follows chart_kind");
static_assert(static_cast<int>(report_table::priorities) == EXC_TABLE_PRIORITIES &&
                  static_cast<int>(report_table::consensus) == EXC_TABLE_CONSENSUS,
              "exc_report_table follows report_table");
