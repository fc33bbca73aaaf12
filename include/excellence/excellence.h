/*
 * The C ABI of Excellence: criteria scoring, satisfaction and loyalty metrics, PLS path
 * models and lifetime-value models for programs that link C libraries (Java, C#, Go, PHP,
 * Python's ctypes) -- docs/c-api.md.
 *
 * Plain C99 that also compiles as C++. Conventions (those of libgit2):
 *  - every exported name starts with exc_ (macros with EXC_);
 *  - library objects are opaque handles, each released by its own exc_..._free (which
 *    accepts NULL);
 *  - a function that can fail returns int: 0 on success or a negative exc_error_code; its
 *    outputs come first among the parameters; exc_last_error() then describes the failure
 *    (message, code, file, line, column, field path) for the calling thread;
 *  - options are structs whose first member is a version, initialised with their
 *    EXC_..._OPTIONS_INIT macro, so that members can be appended without breaking callers;
 *    passing NULL for options means the defaults;
 *  - callbacks take a void *payload that the library passes through untouched;
 *  - numeric input is pointer + length; matrices are column-major (as Fortran, R, Eigen and
 *    numpy's "F" order) and say so; per-customer outputs are written into caller buffers;
 *  - text is UTF-8 and NUL-terminated; strings a handle returns live as long as the handle.
 *
 * Every result can also be had as its JSON document (docs/reports.md, docs/schemas), the
 * same text the command prints with --json, through exc_..._to_json into an exc_buf.
 *
 * Handles are safe to read from several threads at once; a handle must not be freed while
 * another thread uses it.
 */
#ifndef EXCELLENCE_EXCELLENCE_H
#define EXCELLENCE_EXCELLENCE_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#  define EXC_EXTERN(type) __attribute__((visibility("default"))) type
#else
#  define EXC_EXTERN(type) type
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- version */

/** The version of the C ABI this header describes; exc_version() gives the library's. */
#define EXC_VERSION_MAJOR 0
#define EXC_VERSION_MINOR 2
#define EXC_VERSION_PATCH 0

/** The library's version (which may be newer than the header's); any pointer may be NULL. */
EXC_EXTERN(void) exc_version(int *major, int *minor, int *patch);

/* ---------------------------------------------------------------- errors */

/**
 * Return codes. -1 ... -99 are the library's error codes (excellence::errc, negated, in
 * docs/error-handling.md): bad data. Below -900 the call itself was wrong or failed.
 */
typedef enum exc_error_code {
  EXC_OK = 0,
  EXC_EIO = -1,                     /* a file could not be opened or read */
  EXC_EINVALID_JSON = -2,           /* the text is not JSON */
  EXC_EINVALID_UTF8 = -3,           /* text is not valid UTF-8 */
  EXC_EUNKNOWN_FORMAT = -4,         /* "format" missing or naming another format */
  EXC_EMISSING_FIELD = -5,          /* a required field or column is absent */
  EXC_EUNKNOWN_FIELD = -6,          /* a field the format does not define */
  EXC_EWRONG_TYPE = -7,             /* a field has the wrong type */
  EXC_EINVALID_VALUE = -8,          /* a malformed value */
  EXC_EOUT_OF_RANGE = -9,           /* a number outside its allowed range */
  EXC_ENOT_MULTIPLE_OF_5 = -10,     /* a percent score that is not a multiple of 5 */
  EXC_EDUPLICATE_ID = -11,          /* an id that must be unique occurs twice */
  EXC_EUNKNOWN_CRITERION = -12,     /* an id naming no node of the framework */
  EXC_EID_NOT_NESTED = -13,         /* a child's id does not extend its parent's */
  EXC_EPOINTS_MISMATCH = -14,       /* points of children do not sum to the parent's */
  EXC_EMISPLACED_NODE = -15,        /* a node kind where the tree does not allow it */
  EXC_ENOT_A_SCORED_ITEM = -16,     /* an assessment scores a node that is not an item */
  EXC_EMISSING_ITEM = -17,          /* a scored item of the scope is absent */
  EXC_EDIMENSION_MISMATCH = -18,    /* a dimension that does not fit the item's type */
  EXC_EFRAMEWORK_MISMATCH = -19,    /* assessments or a tree of different frameworks */
  EXC_EORGANIZATION_MISMATCH = -20, /* a consensus over different organizations */
  EXC_EUNKNOWN_FRAMEWORK = -21,     /* no built-in framework has this id */
  EXC_ETOO_FEW_ASSESSMENTS = -22,   /* a consensus needs at least two assessments */
  EXC_EEMPTY_SCOPE = -23,           /* the scope contains no scored item */
  EXC_ESINGULAR_MATRIX = -24,       /* a system without a unique solution */
  EXC_ECANCELLED = -25,             /* cancelled by the caller (exc_cancel or a callback) */
  EXC_EMODEL_MISMATCH = -26,        /* a result of one model used as another's */
  EXC_EUNKNOWN_REFERENCE = -27,     /* a reference to an id the document does not define */
  EXC_EINVALID_SYNTAX = -28,        /* a text does not follow its syntax (a model file) */
  EXC_EINVALID_ARGUMENT = -900,     /* NULL where a value is required, an unknown options
                                       version or enum value, a size that does not fit */
  EXC_ENOMEM = -901,                /* out of memory */
  EXC_EINTERNAL = -999              /* a failure inside the library (please report it) */
} exc_error_code;

/** What went wrong in the calling thread's last failing call. */
typedef struct exc_error {
  int code;              /* an exc_error_code */
  const char *code_name; /* stable name: "not_multiple_of_5", "invalid_argument" */
  const char *message;   /* the whole diagnostic: "acme.json: items[3].percent: 37 is not a multiple of 5" */
  const char *detail;    /* the message alone, without file and path: "37 is not a multiple of 5" */
  const char *file;      /* the file or source name; "" when there is none */
  size_t line;           /* 1-based; 0 when not known */
  size_t column;         /* 1-based; 0 when not known */
  const char *path;      /* the field path, "items[3].percent"; "" when there is none */
} exc_error;

/**
 * The last error of the calling thread, or NULL when no call on this thread has failed
 * since the last exc_clear_error(). The pointer and its strings stay valid until the next
 * failing call on this thread or exc_clear_error(); successful calls leave it alone.
 */
EXC_EXTERN(const exc_error *) exc_last_error(void);
/** Forgets the calling thread's last error. */
EXC_EXTERN(void) exc_clear_error(void);

/* ---------------------------------------------------------------- common types */

/** Text the library allocated: ptr is NUL-terminated, size excludes the NUL. */
typedef struct exc_buf {
  char *ptr;
  size_t size;
} exc_buf;
#define EXC_BUF_INIT {NULL, 0}
/** Frees the text and resets the buffer to EXC_BUF_INIT (NULL is accepted). */
EXC_EXTERN(void) exc_buf_dispose(exc_buf *buf);

/**
 * Progress of a long run (a fit, a bootstrap): done of total steps, called now and then
 * from the calling thread. Returning non-zero cancels the run, which then fails with
 * EXC_ECANCELLED.
 */
typedef int (*exc_progress_cb)(size_t done, size_t total, void *payload);

/** A cancellation flag that another thread (or a signal handler's helper) can raise. */
typedef struct exc_cancel exc_cancel;
EXC_EXTERN(int) exc_cancel_new(exc_cancel **out);
/** Asks every run watching this flag to stop; safe from any thread. */
EXC_EXTERN(void) exc_cancel_request(exc_cancel *cancel);
/** Lowers the flag again, for the next run. */
EXC_EXTERN(void) exc_cancel_reset(exc_cancel *cancel);
EXC_EXTERN(void) exc_cancel_free(exc_cancel *cancel);

/* ---------------------------------------------------------------- frameworks */

/** A criteria tree: a whole framework (GB/T 19580, Baldrige) or a subtree of one. */
typedef struct exc_framework exc_framework;

typedef enum exc_node_kind {
  EXC_NODE_CATEGORY = 0, /* 4.3: points are the sum of its items' */
  EXC_NODE_ITEM = 1,     /* 4.3.3: scored as a whole by one percent */
  EXC_NODE_SUB_ITEM = 2, /* 4.3.3.2: structure and guidance */
  EXC_NODE_AREA = 3,     /* 4.3.3.2.3: an area to address */
  EXC_NODE_GENERAL = 4   /* 4.3.1: never scored */
} exc_node_kind;

typedef enum exc_evaluation {
  EXC_EVALUATION_NONE = 0, /* a node that is not scored on its own */
  EXC_EVALUATION_PROCESS = 1,
  EXC_EVALUATION_RESULTS = 2
} exc_evaluation;

/** One node; the strings live as long as the framework. */
typedef struct exc_framework_node {
  const char *id;       /* "4.3.2" */
  int kind;             /* exc_node_kind */
  int evaluation;       /* exc_evaluation */
  int32_t points;       /* categories and items; -1 for the other kinds */
  const char *title_zh; /* "" when the framework has none */
  const char *title_en;
  const char *parent;   /* the parent's id; "" for a top-level node */
  size_t children;
  size_t depth;         /* 0 for a top-level node */
} exc_framework_node;

/** Number of built-in frameworks, and the id of the i-th ("gbt19580-2012", "baldrige-2023"). */
EXC_EXTERN(size_t) exc_framework_builtin_count(void);
EXC_EXTERN(const char *) exc_framework_builtin_id(size_t i);

EXC_EXTERN(int) exc_framework_builtin(exc_framework **out, const char *id);
/** Reads a framework file (docs/framework-format.md). */
EXC_EXTERN(int) exc_framework_read(exc_framework **out, const char *path);
/** Parses framework JSON; source names it in messages (NULL: "<memory>"). */
EXC_EXTERN(int) exc_framework_parse(exc_framework **out, const char *json, size_t length, const char *source);
/** The part of a framework under node id (a category, an item). */
EXC_EXTERN(int) exc_framework_subtree(exc_framework **out, const exc_framework *framework, const char *id);
EXC_EXTERN(void) exc_framework_free(exc_framework *framework);

EXC_EXTERN(const char *) exc_framework_id(const exc_framework *framework);
/** The scope of a subtree ("4.3"), "" for a whole framework. */
EXC_EXTERN(const char *) exc_framework_scope(const exc_framework *framework);
EXC_EXTERN(int32_t) exc_framework_max_points(const exc_framework *framework);
/** Nodes in preorder, and how many are scored items. */
EXC_EXTERN(size_t) exc_framework_node_count(const exc_framework *framework);
EXC_EXTERN(size_t) exc_framework_item_count(const exc_framework *framework);
/** The i-th node in preorder (EXC_EINVALID_ARGUMENT past the end). */
EXC_EXTERN(int) exc_framework_node_at(exc_framework_node *out, const exc_framework *framework, size_t i);
/** The node with this id (EXC_EUNKNOWN_CRITERION when there is none). */
EXC_EXTERN(int) exc_framework_lookup(exc_framework_node *out, const exc_framework *framework, const char *id);
/** The framework's JSON (excellence.framework/1), which exc_framework_parse reads back. */
EXC_EXTERN(int) exc_framework_to_json(exc_buf *out, const exc_framework *framework);

/* ---------------------------------------------------------------- assessments, scores, consensus */

/** One examiner's assessment of one organisation (docs/assessment-format.md). */
typedef struct exc_assessment exc_assessment;
EXC_EXTERN(int) exc_assessment_read(exc_assessment **out, const char *path);
EXC_EXTERN(int) exc_assessment_parse(exc_assessment **out, const char *json, size_t length, const char *source);
EXC_EXTERN(void) exc_assessment_free(exc_assessment *assessment);
/** The id of the framework the assessment names. */
EXC_EXTERN(const char *) exc_assessment_framework(const exc_assessment *assessment);
EXC_EXTERN(const char *) exc_assessment_organization(const exc_assessment *assessment);
EXC_EXTERN(const char *) exc_assessment_examiner(const exc_assessment *assessment);

typedef struct exc_score_options {
  unsigned int version;
  const char *scope; /* a node id ("4.3"); NULL or "" for the whole framework */
} exc_score_options;
#define EXC_SCORE_OPTIONS_VERSION 1
#define EXC_SCORE_OPTIONS_INIT {EXC_SCORE_OPTIONS_VERSION, NULL}

/** A scored assessment. */
typedef struct exc_score exc_score;

typedef struct exc_score_totals {
  double total;           /* points, exact to the hundredth */
  double max;             /* of the scope */
  double assessed_max;    /* of the assessed items */
  int has_overall_band;   /* 0 when the framework has no bands or one was withheld */
  int32_t overall_band;   /* the band's level, 1 = lowest */
  int32_t overall_min;    /* the band's lowest and highest total as published */
  int32_t overall_max;
  size_t items;
  size_t warnings;
} exc_score_totals;

typedef struct exc_item_score {
  const char *id;
  const char *category; /* "" when the scope is one item */
  int evaluation;       /* exc_evaluation */
  int assessed;
  int32_t percent;      /* 0 when not assessed */
  int32_t band;         /* 1 ... 6; 0 when not assessed */
  const char *band_label; /* "30-45%"; "" when not assessed */
  double score;         /* percent x max, exact to the hundredth */
  double max;
} exc_item_score;

EXC_EXTERN(int) exc_score_assessment(exc_score **out, const exc_assessment *assessment,
                                     const exc_framework *framework, const exc_score_options *options);
EXC_EXTERN(void) exc_score_free(exc_score *score);
EXC_EXTERN(int) exc_score_get_totals(exc_score_totals *out, const exc_score *score);
/** The i-th scored item of the scope, in framework order. */
EXC_EXTERN(int) exc_score_item(exc_item_score *out, const exc_score *score, size_t i);
/** excellence.score/1 */
EXC_EXTERN(int) exc_score_to_json(exc_buf *out, const exc_score *score);

typedef struct exc_consensus_options {
  unsigned int version;
  int32_t flag_range; /* items whose percents range over at least this are flagged; default 20 */
  const char *scope;  /* as exc_score_options */
} exc_consensus_options;
#define EXC_CONSENSUS_OPTIONS_VERSION 1
#define EXC_CONSENSUS_OPTIONS_INIT {EXC_CONSENSUS_OPTIONS_VERSION, 20, NULL}

/** Several examiners' assessments of one organisation, item by item. */
typedef struct exc_consensus exc_consensus;

typedef struct exc_item_consensus {
  const char *id;
  size_t n;          /* examiners who assessed the item */
  int has_statistics; /* 0 when nobody assessed it: the numbers below are 0 */
  double mean;
  double median;
  int32_t min;
  int32_t max;
  int32_t range;
  int has_standard_deviation; /* 0 for fewer than two examiners */
  double standard_deviation;
  int32_t proposed;  /* the median rounded to a multiple of 5 */
  int flagged;
} exc_item_consensus;

EXC_EXTERN(int) exc_consensus_new(exc_consensus **out, const exc_assessment *const *assessments, size_t count,
                                  const exc_framework *framework, const exc_consensus_options *options);
EXC_EXTERN(void) exc_consensus_free(exc_consensus *consensus);
EXC_EXTERN(size_t) exc_consensus_item_count(const exc_consensus *consensus);
EXC_EXTERN(int) exc_consensus_item(exc_item_consensus *out, const exc_consensus *consensus, size_t i);
/** excellence.consensus/1 */
EXC_EXTERN(int) exc_consensus_to_json(exc_buf *out, const exc_consensus *consensus);

/* ---------------------------------------------------------------- the examiner's report */
/* The functions take the enums below as int, as the option structs do: a value outside an
   enum is then EXC_EINVALID_ARGUMENT, not undefined behaviour on the C++ side. */

typedef enum exc_language { EXC_LANGUAGE_EN = 0, EXC_LANGUAGE_ZH = 1 } exc_language;

/** What a report is about: one assessment (feedback), one year's examiners (consensus) or one
 *  record per year (history); docs/reports.md. */
typedef enum exc_review_kind { EXC_REVIEW_FEEDBACK = 0, EXC_REVIEW_CONSENSUS = 1, EXC_REVIEW_HISTORY = 2 } exc_review_kind;

typedef enum exc_report_table {
  EXC_TABLE_SCORES = 0,
  EXC_TABLE_CATEGORIES = 1,
  EXC_TABLE_CONSENSUS = 2, /* consensus reports only */
  EXC_TABLE_HISTORY = 3,   /* histories only */
  EXC_TABLE_COMMENTS = 4,
  EXC_TABLE_PRIORITIES = 5
} exc_report_table;

typedef enum exc_chart {
  EXC_CHART_CATEGORIES = 0, /* the lead assessment's category scores against their maximum */
  EXC_CHART_RADAR = 1,      /* category percents, one polygon per score; "" below three categories */
  EXC_CHART_BANDS = 2,      /* the lead assessment's items of `category` (NULL: all) on the six bands */
  EXC_CHART_SPREAD = 3,     /* consensus reports only */
  EXC_CHART_HISTORY = 4     /* histories only */
} exc_chart;

/* ---- results evidence (docs/evidence.md) ---------------------------------------------- */

typedef struct exc_evidence exc_evidence;

typedef struct exc_evidence_options {
  unsigned int version;
  double some, many, most;         /* the guideline words as shares: 0.25, 0.5, 0.75 */
  double significance;             /* Mann-Kendall p of a trend: 0.10 */
  double confidence;               /* Theil-Sen intervals, the last-change test: 0.95 */
  size_t trend_periods;            /* fewest periods for a trend (>= 3): 3 */
  size_t sustained_periods;        /* periods a sustained improvement spans (>= 2): 3 */
  const char *integration_scope;   /* whose areas integration asks to be measured; NULL: "4.3" */
} exc_evidence_options;
#define EXC_EVIDENCE_OPTIONS_VERSION 1
#define EXC_EVIDENCE_OPTIONS_INIT {EXC_EVIDENCE_OPTIONS_VERSION, 0.25, 0.5, 0.75, 0.10, 0.95, 3, 3, NULL}

/** The evidence of measured results: measure definitions (excellence.measures/1 JSON) and
 *  their series (CSV text: measure,segment,period,value[,se][,target][,comparison ids]),
 *  against `framework` (the one the measures name: else EXC_EFRAMEWORK_MISMATCH). Errors
 *  name the source's field, or its line and column. */
EXC_EXTERN(int) exc_evidence_new(exc_evidence **out, const char *measures_json, size_t measures_length,
                                 const char *measures_source, const char *series_csv, size_t series_length,
                                 const char *series_source, const exc_framework *framework,
                                 const exc_evidence_options *options);
EXC_EXTERN(void) exc_evidence_free(exc_evidence *evidence);
/** The document excellence.evidence/1, with the warnings (percent_outside_evidence) of
 *  each of the `count` assessments checked against it (none: NULL, 0). */
EXC_EXTERN(int) exc_evidence_to_json(exc_buf *out, const exc_evidence *evidence,
                                     const exc_assessment *const *checked, size_t count);
/** The number of series, or EXC_EINVALID_ARGUMENT for NULL. */
EXC_EXTERN(int) exc_evidence_series_count(const exc_evidence *evidence);
/** Series `index` as an HTML figure: values, comparisons, target. */
EXC_EXTERN(int) exc_evidence_trend_chart(exc_buf *out, const exc_evidence *evidence, size_t index,
                                         int lang /* exc_language */);

typedef struct exc_review_options {
  unsigned int version;
  int32_t flag_range;           /* as exc_consensus_options */
  const char *scope;            /* as exc_score_options */
  const exc_evidence *evidence; /* version 2: measured results beside the results items; NULL: none */
} exc_review_options;
#define EXC_REVIEW_OPTIONS_VERSION 2
#define EXC_REVIEW_OPTIONS_INIT {EXC_REVIEW_OPTIONS_VERSION, 20, NULL, NULL}

typedef struct exc_review exc_review;

/** Scores the assessments against the framework (kept by the review: the framework may be
 *  freed after) and decides the kind of report. Mixed years are EXC_EINVALID_VALUE at date. */
EXC_EXTERN(int) exc_review_new(exc_review **out, const exc_assessment *const *assessments, size_t count,
                               const exc_framework *framework, const exc_review_options *options);
EXC_EXTERN(void) exc_review_free(exc_review *review);
/** An exc_review_kind, or EXC_EINVALID_ARGUMENT for NULL. */
EXC_EXTERN(int) exc_review_kind_of(const exc_review *review);
/** The whole report: one self-contained HTML document (UTF-8). */
EXC_EXTERN(int) exc_review_to_html(exc_buf *out, const exc_review *review, int lang /* exc_language */);
/** One chart: an HTML figure with its SVG, title, text alternative and numbers table. A
 *  chart the review lacks (a spread of a feedback report) is EXC_EINVALID_VALUE. */
EXC_EXTERN(int) exc_review_chart(exc_buf *out, const exc_review *review, int chart /* exc_chart */,
                                 const char *category, int lang /* exc_language */);
/** One table as CSV (RFC 4180, snake_case headers). */
EXC_EXTERN(int) exc_review_to_csv(exc_buf *out, const exc_review *review, int table /* exc_report_table */,
                                  int lang /* exc_language */);
/** The tables as an XLSX workbook; EXC_EIO naming the file when it cannot be written. */
EXC_EXTERN(int) exc_review_write_xlsx(const exc_review *review, const char *path, int lang /* exc_language */);

/* ---------------------------------------------------------------- satisfaction and loyalty metrics */

typedef enum exc_nps_interval_method {
  EXC_NPS_WALD = 0,
  EXC_NPS_ADJUSTED_WALD = 1
} exc_nps_interval_method;

typedef struct exc_nps_options {
  unsigned int version;
  int scale_min;     /* 0 */
  int scale_max;     /* 10 */
  int detractor_max; /* 6 */
  int promoter_min;  /* 9 */
  double confidence; /* of the interval, 0.95 */
  int interval;      /* exc_nps_interval_method */
} exc_nps_options;
#define EXC_NPS_OPTIONS_VERSION 1
#define EXC_NPS_OPTIONS_INIT {EXC_NPS_OPTIONS_VERSION, 0, 10, 6, 9, 0.95, EXC_NPS_WALD}

typedef struct exc_nps_result {
  double nps;  /* -100 ... 100 */
  double se;
  size_t n;
  double promoters; /* counts, or sums of weights */
  double passives;
  double detractors;
  double promoter_share; /* 0 ... 1 */
  double passive_share;
  double detractor_share;
  double effective_n;
  double lower; /* the interval */
  double upper;
  double centre;
  double confidence;
  int interval;   /* exc_nps_interval_method */
  exc_nps_options options; /* the bands used */
} exc_nps_result;

/** NPS of n answers, weighted when weights is not NULL (n weights). */
EXC_EXTERN(int) exc_nps(exc_nps_result *out, const double *answers, size_t n, const double *weights,
                        const exc_nps_options *options);
/** excellence.nps/1 */
EXC_EXTERN(int) exc_nps_to_json(exc_buf *out, const exc_nps_result *result);

typedef struct exc_csat_options {
  unsigned int version;
  int scale_min;   /* 1 */
  int scale_max;   /* 5 */
  int top_box_min; /* 4 */
  double confidence; /* 0.95 */
} exc_csat_options;
#define EXC_CSAT_OPTIONS_VERSION 1
#define EXC_CSAT_OPTIONS_INIT {EXC_CSAT_OPTIONS_VERSION, 1, 5, 4, 0.95}

typedef struct exc_csat_result {
  double csat; /* top-box share, 0 ... 100 */
  double lower; /* Wilson interval, 0 ... 100 */
  double upper;
  double confidence;
  double mean_rating;
  size_t satisfied;
  size_t n;
  exc_csat_options options;
} exc_csat_result;

EXC_EXTERN(int) exc_csat(exc_csat_result *out, const double *ratings, size_t n, const exc_csat_options *options);
/** excellence.csat/1 */
EXC_EXTERN(int) exc_csat_to_json(exc_buf *out, const exc_csat_result *result);

/** RFM scores and the concentration of value (excellence.rfm/1). */
typedef struct exc_rfm exc_rfm;
typedef struct exc_rfm_customer {
  const char *id;
  int recency;   /* 1 ... bins, high = recent */
  int frequency;
  int monetary;
  const char *segment;
} exc_rfm_customer;
typedef struct exc_rfm_summary {
  size_t customers;
  int bins;
  double gini;
  int has_top_20_share;
  double top_20_share;
} exc_rfm_summary;
/** customers: n ids; recency: time since the last purchase; bins 2 ... 10 (5 is usual). */
EXC_EXTERN(int) exc_rfm_new(exc_rfm **out, const char *const *customers, const double *recency,
                            const double *frequency, const double *monetary, size_t n, int bins);
EXC_EXTERN(void) exc_rfm_free(exc_rfm *rfm);
EXC_EXTERN(int) exc_rfm_get_summary(exc_rfm_summary *out, const exc_rfm *rfm);
EXC_EXTERN(int) exc_rfm_customer_at(exc_rfm_customer *out, const exc_rfm *rfm, size_t i);
EXC_EXTERN(int) exc_rfm_to_json(exc_buf *out, const exc_rfm *rfm);

/** Kano classification per attribute (excellence.kano/1). */
typedef struct exc_kano exc_kano;
typedef struct exc_kano_attribute {
  const char *name;
  const char *category; /* "attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable" */
  size_t n;
  int has_better;
  double better;
  int has_worse;
  double worse;
  double questionable_share;
} exc_kano_attribute;
/** n rows: the attribute and the functional and dysfunctional answers (1 ... 5). */
EXC_EXTERN(int) exc_kano_new(exc_kano **out, const char *const *attributes, const double *functional,
                             const double *dysfunctional, size_t n, double tie_margin);
EXC_EXTERN(void) exc_kano_free(exc_kano *kano);
EXC_EXTERN(size_t) exc_kano_attribute_count(const exc_kano *kano);
EXC_EXTERN(int) exc_kano_attribute_at(exc_kano_attribute *out, const exc_kano *kano, size_t i);
EXC_EXTERN(int) exc_kano_to_json(exc_buf *out, const exc_kano *kano);

/** Complaint resolution (excellence.complaints/1). */
typedef struct exc_complaints_options {
  unsigned int version;
  int has_limit;
  double limit;     /* a committed time limit: the share resolved within it */
  const char *unit; /* the durations' unit, for labels; NULL: "days" */
} exc_complaints_options;
#define EXC_COMPLAINTS_OPTIONS_VERSION 1
#define EXC_COMPLAINTS_OPTIONS_INIT {EXC_COMPLAINTS_OPTIONS_VERSION, 0, 0.0, NULL}
typedef struct exc_complaints exc_complaints;
typedef struct exc_complaints_summary {
  size_t complaints;
  size_t resolved;
  size_t open;
  int has_median;
  double median;
  int has_p90;
  double p90;
  int has_share_within_limit;
  double share_within_limit;
  int has_first_contact_resolution;
  double first_contact_resolution;
  int has_reopen_rate;
  double reopen_rate;
} exc_complaints_summary;
/**
 * n complaints: duration, status ("resolved" or "open"); first_contact and reopened are
 * NULL or n flags (0 or 1, NaN for not known) for the resolved complaints.
 */
EXC_EXTERN(int) exc_complaints_new(exc_complaints **out, const double *duration, const char *const *status,
                                   const double *first_contact, const double *reopened, size_t n,
                                   const exc_complaints_options *options);
EXC_EXTERN(void) exc_complaints_free(exc_complaints *complaints);
EXC_EXTERN(int) exc_complaints_get_summary(exc_complaints_summary *out, const exc_complaints *complaints);
EXC_EXTERN(int) exc_complaints_to_json(exc_buf *out, const exc_complaints *complaints);

/** Cohort retention (excellence.retention/1). */
typedef struct exc_retention exc_retention;
/**
 * n activity records (customer, period); unit "day", "week", "month", "quarter" or "year"
 * says how periods are written (integers, or YYYY-MM for months, YYYY-Qn for quarters).
 */
EXC_EXTERN(int) exc_retention_new(exc_retention **out, const char *const *customers, const char *const *periods,
                                  size_t n, const char *unit);
EXC_EXTERN(void) exc_retention_free(exc_retention *retention);
EXC_EXTERN(size_t) exc_retention_cohort_count(const exc_retention *retention);
/** The ages observed (periods since acquisition, 0 ...). */
EXC_EXTERN(size_t) exc_retention_age_count(const exc_retention *retention);
/** The share of all cohorts' customers retained at each age (length exc_retention_age_count). */
EXC_EXTERN(int) exc_retention_by_age(double *out, size_t length, const exc_retention *retention);
EXC_EXTERN(int) exc_retention_to_json(exc_buf *out, const exc_retention *retention);

/** SERVQUAL and SERVPERF (excellence.servqual/1). */
typedef struct exc_servqual_options {
  unsigned int version;
  int scale_min;             /* 1 */
  int scale_max;             /* 7 */
  int drop_missing;          /* 0: a missing pair is an error; 1: dropped and counted */
  const double *importance;  /* NULL, or 5 dimension weights: tangibles, reliability, responsiveness, assurance, empathy */
} exc_servqual_options;
#define EXC_SERVQUAL_OPTIONS_VERSION 1
#define EXC_SERVQUAL_OPTIONS_INIT {EXC_SERVQUAL_OPTIONS_VERSION, 1, 7, 0, NULL}
typedef struct exc_servqual exc_servqual;
typedef struct exc_servqual_summary {
  int servperf;         /* 0: SERVQUAL (gaps), 1: SERVPERF (perceptions) */
  double unweighted;    /* mean of the dimension scores */
  int has_weighted;
  double weighted;
  size_t respondents;
  size_t dropped;
  int has_dimension[5]; /* in the order of the importance weights */
  double dimension[5];  /* the mean gap (SERVQUAL) or perception (SERVPERF) */
} exc_servqual_summary;
/**
 * n rows, one per respondent and item: the dimension by name ("tangibles", ...); expectation
 * NULL for SERVPERF; NaN marks a missing answer.
 */
EXC_EXTERN(int) exc_servqual_new(exc_servqual **out, const char *const *respondent, const char *const *item,
                                 const char *const *dimension, const double *expectation, const double *perception,
                                 size_t n, const exc_servqual_options *options);
EXC_EXTERN(void) exc_servqual_free(exc_servqual *servqual);
EXC_EXTERN(int) exc_servqual_get_summary(exc_servqual_summary *out, const exc_servqual *servqual);
EXC_EXTERN(int) exc_servqual_to_json(exc_buf *out, const exc_servqual *servqual);

/** Customer delivered value per offer (excellence.value/1). */
typedef struct exc_value exc_value;
typedef struct exc_value_offer {
  const char *name;
  double total_value;     /* means over the respondents */
  double total_cost;
  double delivered_value;
  int has_value_ratio;    /* 0 when the mean cost is 0 */
  double value_ratio;
  double preferred_share; /* of respondents preferring it (ties split) */
} exc_value_offer;
/**
 * n rows, one per respondent and offer (respondent NULL: one respondent); amounts holds 8
 * arrays of n numbers, the components in this order: product, service, personnel, image
 * (total customer value), monetary, time, energy, physical (total customer cost).
 */
EXC_EXTERN(int) exc_value_new(exc_value **out, const char *const *respondent, const char *const *offer,
                              const double *const *amounts, size_t n);
EXC_EXTERN(void) exc_value_free(exc_value *value);
EXC_EXTERN(size_t) exc_value_offer_count(const exc_value *value);
EXC_EXTERN(int) exc_value_offer_at(exc_value_offer *out, const exc_value *value, size_t i);
/** Offers with the largest preferred share (several when tied). */
EXC_EXTERN(size_t) exc_value_preferred_count(const exc_value *value);
EXC_EXTERN(const char *) exc_value_preferred(const exc_value *value, size_t i);
EXC_EXTERN(int) exc_value_to_json(exc_buf *out, const exc_value *value);

/** Lifetime value from a margin, a retention rate and a discount rate (excellence.clv_simple/1). */
typedef struct exc_simple_clv_options {
  unsigned int version;
  int start_of_period;     /* 0: margins at the end of each period */
  int32_t horizon;         /* periods counted; 0: infinite */
  double acquisition_cost;
} exc_simple_clv_options;
#define EXC_SIMPLE_CLV_OPTIONS_VERSION 1
#define EXC_SIMPLE_CLV_OPTIONS_INIT {EXC_SIMPLE_CLV_OPTIONS_VERSION, 0, 0, 0.0}
typedef struct exc_simple_clv_result {
  double clv;              /* after acquisition cost */
  double margin_multiple;  /* before acquisition cost, per unit of margin */
  int has_average_life;    /* 0 when retention is 1 (infinite) */
  double average_life;
  double retention;
  exc_simple_clv_options options;
} exc_simple_clv_result;
/** margin per period; retention and discount rates per the same period. */
EXC_EXTERN(int) exc_simple_clv(exc_simple_clv_result *out, double margin, double retention, double discount,
                               const exc_simple_clv_options *options);
EXC_EXTERN(int) exc_simple_clv_to_json(exc_buf *out, const exc_simple_clv_result *result);

/* ---------------------------------------------------------------- PLS path models */

typedef enum exc_pls_mode { EXC_PLS_MODE_A = 0, EXC_PLS_MODE_B = 1 } exc_pls_mode;
typedef enum exc_pls_scheme { EXC_PLS_CENTROID = 0, EXC_PLS_FACTORIAL = 1, EXC_PLS_PATH = 2 } exc_pls_scheme;
typedef enum exc_pls_stop { EXC_PLS_STOP_EXACT = 0, EXC_PLS_STOP_PLSPM = 1 } exc_pls_stop;
typedef enum exc_pls_missing { EXC_PLS_MISSING_ERROR = 0, EXC_PLS_MISSING_LISTWISE = 1, EXC_PLS_MISSING_MEAN = 2 } exc_pls_missing;

/** A PLS path model: latent variables, their paths, their blocks of indicators. */
typedef struct exc_pls_model exc_pls_model;
/** Reads a model file (docs/pls.md): excellence.pls_model/1 JSON, or the lavaan-style
    model syntax (`SAT =~ sat1 + sat2`, `SAT ~ IMAG`) when the text does not start with '{'. */
EXC_EXTERN(int) exc_pls_model_read(exc_pls_model **out, const char *path);
EXC_EXTERN(int) exc_pls_model_parse(exc_pls_model **out, const char *json, size_t length, const char *source);
/** A model in the lavaan-style syntax; errors carry line and column (exc_error). */
EXC_EXTERN(int) exc_pls_model_parse_syntax(exc_pls_model **out, const char *text, size_t length, const char *source);
/** The model written in the lavaan-style syntax, or as excellence.pls_model/1 JSON. */
EXC_EXTERN(int) exc_pls_model_to_syntax(exc_buf *out, const exc_pls_model *model);
EXC_EXTERN(int) exc_pls_model_to_json(exc_buf *out, const exc_pls_model *model);
/**
 * A model from arrays: latent_count names; paths is latent_count x latent_count, row-major,
 * paths[i * latent_count + j] = 1 when latent variable j -> i (plspm's inner matrix);
 * block_sizes[j] indicators of latent variable j, their names one after another in
 * indicators; modes NULL (all mode A) or one exc_pls_mode per latent variable.
 */
EXC_EXTERN(int) exc_pls_model_new(exc_pls_model **out, const char *const *latent_variables, size_t latent_count,
                                  const int *paths, const size_t *block_sizes, const char *const *indicators,
                                  const int *modes);
EXC_EXTERN(void) exc_pls_model_free(exc_pls_model *model);

/** Indicator data for a PLS model. */
typedef struct exc_pls_data exc_pls_data;
/** The model's columns from a CSV file (an empty cell is a missing value). */
EXC_EXTERN(int) exc_pls_data_read(exc_pls_data **out, const char *path, const exc_pls_model *model);
/**
 * Data from a column-major matrix of rows x columns (copied), one name per column;
 * missing NULL or a rows x columns column-major mask (1 = missing).
 */
EXC_EXTERN(int) exc_pls_data_new(exc_pls_data **out, const double *values, size_t rows, size_t columns,
                                 const char *const *names, const unsigned char *missing);
EXC_EXTERN(void) exc_pls_data_free(exc_pls_data *data);
EXC_EXTERN(size_t) exc_pls_data_rows(const exc_pls_data *data);

typedef struct exc_pls_options {
  unsigned int version;
  int scheme;        /* exc_pls_scheme, EXC_PLS_PATH */
  int standardized;  /* 1: standardised indicators; 0: centred only */
  int stop;          /* exc_pls_stop */
  double tolerance;  /* 0: the stop rule's default */
  int max_iterations; /* 300 */
  int missing;       /* exc_pls_missing */
  exc_progress_cb progress; /* bootstrap only: resamples done of total */
  void *payload;
  exc_cancel *cancel;
  int consistent;    /* version 2: 1 = consistent PLS (PLSc; docs/pls.md); 0 = PLS */
} exc_pls_options;
#define EXC_PLS_OPTIONS_VERSION 2
#define EXC_PLS_OPTIONS_INIT \
  {EXC_PLS_OPTIONS_VERSION, EXC_PLS_PATH, 1, EXC_PLS_STOP_EXACT, 0.0, 300, EXC_PLS_MISSING_ERROR, NULL, NULL, NULL, 0}

/** The estimates of a PLS path model. */
typedef struct exc_pls_fit exc_pls_fit;
typedef struct exc_pls_fit_info {
  size_t latent_variables;
  size_t indicators;
  size_t n;            /* rows used */
  size_t rows_dropped;
  size_t cells_imputed;
  int iterations;
  int converged;
  double gof;
  size_t warnings;
} exc_pls_fit_info;

EXC_EXTERN(int) exc_pls_estimate(exc_pls_fit **out, const exc_pls_model *model, const exc_pls_data *data,
                                 const exc_pls_options *options);
EXC_EXTERN(void) exc_pls_fit_free(exc_pls_fit *fit);
EXC_EXTERN(int) exc_pls_fit_get_info(exc_pls_fit_info *out, const exc_pls_fit *fit);
EXC_EXTERN(const char *) exc_pls_fit_latent_variable(const exc_pls_fit *fit, size_t j);
/** Indicators in block order. */
EXC_EXTERN(const char *) exc_pls_fit_indicator(const exc_pls_fit *fit, size_t k);

typedef enum exc_pls_table {
  EXC_PLS_WEIGHTS = 0,        /* per indicator */
  EXC_PLS_LOADINGS = 1,       /* per indicator */
  EXC_PLS_COMMUNALITY = 2,    /* per indicator */
  EXC_PLS_R2 = 3,             /* per latent variable */
  EXC_PLS_PATHS = 4,          /* latent x latent, column-major, (i, j) = coefficient of j -> i */
  EXC_PLS_TOTAL_EFFECTS = 5,  /* latent x latent, as paths */
  EXC_PLS_SCORES = 6,         /* rows x latent, column-major */
  EXC_PLS_CROSS_LOADINGS = 7  /* indicators x latent, column-major */
} exc_pls_table;
/** How many numbers a table has. */
EXC_EXTERN(size_t) exc_pls_fit_table_size(const exc_pls_fit *fit, int table);
/** Copies a table into out, which holds length numbers (at least exc_pls_fit_table_size). */
EXC_EXTERN(int) exc_pls_fit_table(double *out, size_t length, const exc_pls_fit *fit, int table);
/** One path coefficient by names (EXC_EINVALID_ARGUMENT for an unknown name). */
EXC_EXTERN(int) exc_pls_fit_path(double *out, const exc_pls_fit *fit, const char *from, const char *to);

typedef struct exc_pls_bootstrap_options {
  unsigned int version;
  size_t resamples;  /* 5000 */
  uint64_t seed;     /* 1: the same seed gives the same result on every platform and thread count */
  double confidence; /* 0.95 */
  unsigned int threads; /* 0: all cores */
  int interval;      /* version 2: an exc_pls_interval */
} exc_pls_bootstrap_options;
/* Bootstrap intervals (docs/pls.md); where a BC or BCa interval is undefined the percentile one is
   given, with an interval_undefined warning (exc_pls_fit_to_json shows which). */
typedef enum exc_pls_interval { EXC_PLS_PERCENTILE = 0, EXC_PLS_BC = 1, EXC_PLS_BCA = 2 } exc_pls_interval;
#define EXC_PLS_BOOTSTRAP_OPTIONS_VERSION 2
#define EXC_PLS_BOOTSTRAP_OPTIONS_INIT {EXC_PLS_BOOTSTRAP_OPTIONS_VERSION, 5000, 1, 0.95, 0, EXC_PLS_PERCENTILE}

typedef struct exc_pls_bootstrap exc_pls_bootstrap;
typedef enum exc_pls_bootstrap_table {
  EXC_PLS_BOOT_WEIGHTS = 0,
  EXC_PLS_BOOT_LOADINGS = 1,
  EXC_PLS_BOOT_PATHS = 2,
  EXC_PLS_BOOT_TOTAL_EFFECTS = 3,
  EXC_PLS_BOOT_INDIRECT_EFFECTS = 4,          /* total indirect effect per mediated pair */
  EXC_PLS_BOOT_SPECIFIC_INDIRECT_EFFECTS = 5, /* per chain: "IMAG -> EXPE -> SAT" */
  EXC_PLS_BOOT_R2 = 6,                        /* per endogenous latent variable */
  EXC_PLS_BOOT_HTMT = 7                       /* per pair of blocks: "IMAG, EXPE" */
} exc_pls_bootstrap_table;
typedef struct exc_pls_bootstrap_estimate {
  const char *name; /* "imag1"; "IMAG -> EXPE" for paths and effects */
  double estimate;
  double mean;
  double se;
  double t;
  double lo;
  double hi;
} exc_pls_bootstrap_estimate;

/** pls_options' progress and cancel apply (resamples done of total). */
EXC_EXTERN(int) exc_pls_bootstrap_new(exc_pls_bootstrap **out, const exc_pls_model *model, const exc_pls_data *data,
                                      const exc_pls_options *options, const exc_pls_bootstrap_options *bootstrap);
EXC_EXTERN(void) exc_pls_bootstrap_free(exc_pls_bootstrap *bootstrap);
EXC_EXTERN(size_t) exc_pls_bootstrap_count(const exc_pls_bootstrap *bootstrap, int table);
EXC_EXTERN(int) exc_pls_bootstrap_at(exc_pls_bootstrap_estimate *out, const exc_pls_bootstrap *bootstrap, int table,
                                     size_t i);
/** Resamples that gave no estimate (counted, never hidden). */
EXC_EXTERN(size_t) exc_pls_bootstrap_failed(const exc_pls_bootstrap *bootstrap);

/** The 0-100 satisfaction index of each latent variable (ACSI). */
typedef struct exc_pls_index exc_pls_index;
/**
 * scale_min and scale_max: count numbers each, either one pair for all indicators
 * (count 1) or one per indicator in the fit's order.
 */
EXC_EXTERN(int) exc_pls_index_new(exc_pls_index **out, const exc_pls_fit *fit, const double *scale_min,
                                  const double *scale_max, size_t count);
EXC_EXTERN(void) exc_pls_index_free(exc_pls_index *index);
/** The index of each latent variable (out holds length >= the fit's latent count). */
EXC_EXTERN(int) exc_pls_index_values(double *out, size_t length, const exc_pls_index *index);

/** The importance-performance map of a target construct on the 0-100 scale (docs/pls.md);
    scale_min and scale_max as for exc_pls_index_new (the questionnaire's scale). */
typedef struct exc_pls_ipma exc_pls_ipma;
EXC_EXTERN(int) exc_pls_ipma_new(exc_pls_ipma **out, const exc_pls_fit *fit, const char *target,
                                 const double *scale_min, const double *scale_max, size_t count);
EXC_EXTERN(void) exc_pls_ipma_free(exc_pls_ipma *ipma);
/** excellence.pls_ipma/1: constructs and indicators with importance, performance, quadrant. */
EXC_EXTERN(int) exc_pls_ipma_to_json(exc_buf *out, const exc_pls_ipma *ipma);

/** The map with bootstrap percentile intervals for every importance and performance: the
    model estimated on data, resampled as exc_pls_bootstrap_new resamples (bootstrap NULL: the
    defaults; its interval must be EXC_PLS_PERCENTILE). */
EXC_EXTERN(int) exc_pls_ipma_new_bootstrap(exc_pls_ipma **out, const exc_pls_model *model, const exc_pls_data *data,
                                           const exc_pls_options *options, const char *target,
                                           const double *scale_min, const double *scale_max, size_t count,
                                           const exc_pls_bootstrap_options *bootstrap);
/** The map as an SVG document; indicators != 0: the indicators' map. */
EXC_EXTERN(int) exc_pls_ipma_to_svg(exc_buf *out, const exc_pls_ipma *ipma, int indicators);
/** The path diagram as an SVG document; with a bootstrap (not NULL), each path's verdict. */
EXC_EXTERN(int) exc_pls_fit_to_svg(exc_buf *out, const exc_pls_fit *fit, const exc_pls_bootstrap *bootstrap);
/** The model report as one self-contained HTML page (docs/pls.md, "The model report"): the fit
    and its path diagram, with each of bootstrap, index and ipma that is not NULL; subtitle (UTF-8,
    NULL for none) under the title; lang an exc_language. */
EXC_EXTERN(int) exc_pls_fit_to_html(exc_buf *out, const exc_pls_fit *fit, const exc_pls_bootstrap *bootstrap,
                                    const exc_pls_index *index, const exc_pls_ipma *ipma, const char *subtitle,
                                    int lang /* exc_language */);

/** PLSpredict (folds, repetitions, seed) with CVPAT: excellence.pls_predict/1. */
EXC_EXTERN(int) exc_pls_predict_json(exc_buf *out, const exc_pls_model *model, const exc_pls_data *data,
                                     const exc_pls_options *options, size_t folds, size_t repetitions, uint64_t seed);
/** Model fit (SRMR, d_ULS, d_G): excellence.pls_model_fit/1; with test not NULL the exact-fit
    test on its resamples, seed and threads (its confidence and interval are not used). */
EXC_EXTERN(int) exc_pls_model_fit_json(exc_buf *out, const exc_pls_model *model, const exc_pls_data *data,
                                       const exc_pls_options *options, const exc_pls_bootstrap_options *test);
/** Multigroup analysis between the two groups of groups (count labels, one per data row):
    excellence.pls_mga/1 with MICOM and the permutation test; with henseler not NULL, Henseler's
    MGA on its resamples per group (its seed and threads also seed and run the permutations). */
EXC_EXTERN(int) exc_pls_mga_json(exc_buf *out, const exc_pls_model *model, const exc_pls_data *data,
                                 const char *const *groups, size_t count, const exc_pls_options *options,
                                 size_t permutations, const exc_pls_bootstrap_options *henseler);

/** excellence.pls_fit/1, with the bootstrap and the index when they are not NULL. */
EXC_EXTERN(int) exc_pls_fit_to_json(exc_buf *out, const exc_pls_fit *fit, const exc_pls_bootstrap *bootstrap,
                                    const exc_pls_index *index);

/* ---------------------------------------------------------------- lifetime-value models */

typedef enum exc_clv_model {
  EXC_CLV_BGNBD = 0,
  EXC_CLV_PNBD = 1,
  EXC_CLV_MBGNBD = 2,
  EXC_CLV_BGBB = 3,
  EXC_CLV_GAMMA_GAMMA = 4,
  EXC_CLV_GGOMNBD = 5 /* Gamma-Gompertz/NBD: r, alpha, b, s, beta */
} exc_clv_model;

/**
 * Customers as a model sees them, count entries per array (caller's memory):
 *  - BG/NBD, Pareto/NBD, MBG/NBD, GGompertz/NBD: frequency x, recency t_x, age T;
 *  - BG/BB: frequency x, recency t_x, age = n opportunities;
 *  - Gamma-Gamma: frequency x and monetary (mean spend per repeat purchase); customers
 *    with x = 0 are left out of the fit and counted;
 * weights NULL (one customer per row) or the number of customers each row stands for.
 */
typedef struct exc_clv_data {
  const double *frequency;
  const double *recency;
  const double *age;
  const double *monetary;
  const double *weights;
  size_t count;
} exc_clv_data;

typedef enum exc_clv_time_unit { EXC_CLV_DAYS = 0, EXC_CLV_WEEKS = 1, EXC_CLV_MONTHS = 2 } exc_clv_time_unit;

/** Customer summaries built from transactions. */
typedef struct exc_clv_summary exc_clv_summary;
/**
 * n transactions (customer id, date "YYYY-MM-DD", amount); end is the calibration end
 * ("YYYY-MM-DD"); unit the time unit of recency and age. Records of one customer on one day
 * are one transaction; records after end are counted, not used.
 */
EXC_EXTERN(int) exc_clv_summarize(exc_clv_summary **out, const char *const *customers, const char *const *dates,
                                  const double *amounts, size_t n, const char *end, int unit);
EXC_EXTERN(void) exc_clv_summary_free(exc_clv_summary *summary);
/** The summary as model input (pointers into the summary; weights NULL). */
EXC_EXTERN(exc_clv_data) exc_clv_summary_data(const exc_clv_summary *summary);
EXC_EXTERN(const char *) exc_clv_summary_customer(const exc_clv_summary *summary, size_t i);

typedef struct exc_clv_fit_options {
  unsigned int version;
  const double *start; /* NULL, or one starting value per parameter in the model's order */
  size_t start_count;
  int max_evaluations; /* 5000 */
  double tolerance;    /* 1e-12 */
  unsigned int threads; /* 0: all cores */
  exc_progress_cb progress;
  void *payload;
  exc_cancel *cancel;
} exc_clv_fit_options;
#define EXC_CLV_FIT_OPTIONS_VERSION 1
#define EXC_CLV_FIT_OPTIONS_INIT {EXC_CLV_FIT_OPTIONS_VERSION, NULL, 0, 5000, 1e-12, 0, NULL, NULL, NULL}

/** A maximum-likelihood fit of one of the models. */
typedef struct exc_clv_fit exc_clv_fit;
typedef struct exc_clv_fit_info {
  int model;          /* exc_clv_model */
  size_t parameters;  /* 4, or 3 for Gamma-Gamma */
  double log_likelihood;
  int converged;
  int evaluations;
  int has_standard_errors;
  double customers;   /* sum of weights */
  size_t left_out;
  const char *status; /* the optimiser's stopping reason */
  size_t warnings;
} exc_clv_fit_info;

EXC_EXTERN(int) exc_clv_fit_new(exc_clv_fit **out, int model, const exc_clv_data *data,
                                const exc_clv_fit_options *options);
/** Reads back an excellence.clv_fit/1 document (exc_clv_fit_to_json, the command's --json). */
EXC_EXTERN(int) exc_clv_fit_parse(exc_clv_fit **out, const char *json, size_t length, const char *source);
EXC_EXTERN(void) exc_clv_fit_free(exc_clv_fit *fit);
EXC_EXTERN(int) exc_clv_fit_get_info(exc_clv_fit_info *out, const exc_clv_fit *fit);
/** The parameters in the model's order (r, alpha, a, b; ...); out holds length numbers. */
EXC_EXTERN(int) exc_clv_fit_params(double *out, size_t length, const exc_clv_fit *fit);
/** Their standard errors (EXC_EINVALID_VALUE when unavailable: see has_standard_errors). */
EXC_EXTERN(int) exc_clv_fit_standard_errors(double *out, size_t length, const exc_clv_fit *fit);
EXC_EXTERN(const char *) exc_clv_fit_param_name(const exc_clv_fit *fit, size_t i);
/** excellence.clv_fit/1 */
EXC_EXTERN(int) exc_clv_fit_to_json(exc_buf *out, const exc_clv_fit *fit);

/**
 * Per customer of data (data->count entries each; either output may be NULL): the
 * probability of being alive and the transactions expected in the next horizon (BG/BB:
 * the next horizon opportunities). Not for Gamma-Gamma fits (EXC_EMODEL_MISMATCH).
 */
EXC_EXTERN(int) exc_clv_predict(double *p_alive, double *expected_transactions, const exc_clv_fit *fit,
                                const exc_clv_data *data, double horizon, unsigned int threads);

/**
 * Per customer of data (data->count entries into out) of a Pareto/NBD fit: the future
 * transactions discounted continuously at rate per time unit (log(1.15)/52 for 15 % a year
 * on weeks) - over the whole future (horizon INFINITY, rate > 0) the DERT of Fader, Hardie &
 * Lee (2005), over a finite horizon (rate >= 0) the DECT. Another model: EXC_EMODEL_MISMATCH.
 */
EXC_EXTERN(int) exc_clv_discounted_transactions(double *out, const exc_clv_fit *fit, const exc_clv_data *data,
                                                double rate, double horizon, unsigned int threads);
/** Gamma-Gamma: each customer's expected spend per transaction, from frequency and monetary. */
EXC_EXTERN(int) exc_clv_expected_spend(double *out, const exc_clv_fit *fit, const exc_clv_data *data,
                                       unsigned int threads);

typedef struct exc_clv_discount {
  unsigned int version;
  double rate;          /* per period, > -1 */
  double period_length; /* in the data's time unit, > 0 */
  int32_t periods;      /* how many periods ahead, >= 1 */
} exc_clv_discount;
#define EXC_CLV_DISCOUNT_VERSION 1
#define EXC_CLV_DISCOUNT_INIT {EXC_CLV_DISCOUNT_VERSION, 0.0, 1.0, 1}

/**
 * Residual (future, discounted) value per customer of a BG/NBD, Pareto/NBD or MBG/NBD fit,
 * with spend the expected spend per transaction of each customer (data->count numbers).
 */
EXC_EXTERN(int) exc_clv_residual_value(double *out, const exc_clv_fit *fit, const exc_clv_data *data,
                                       const double *spend, const exc_clv_discount *discount);

/**
 * Holdout validation (excellence.clv_validation/1 into out): n transactions (customer id,
 * date "YYYY-MM-DD", amount) split at end; the models (model_count exc_clv_model values:
 * EXC_CLV_BGNBD, EXC_CLV_PNBD, EXC_CLV_MBGNBD, EXC_CLV_GGOMNBD) fitted to the calibration period and compared
 * with the holdout to holdout_end; largest_count the histogram's last bin (0: 7).
 */
EXC_EXTERN(int) exc_clv_validate_json(exc_buf *out, const char *const *customers, const char *const *dates,
                                      const double *amounts, size_t n, const char *end, const char *holdout_end,
                                      int unit, const int *models, size_t model_count, size_t largest_count);

/**
 * Time-invariant covariates (BG/NBD, Pareto/NBD, GGompertz/NBD, as CLVTools parameterises
 * them): transaction_count named columns that scale the purchase rate and lifetime_count
 * that scale the attrition, each column data->count values (caller's memory). Either
 * list may be empty (count 0, pointers NULL), not both.
 */
typedef struct exc_clv_covariates {
  const char *const *transaction_names;
  const double *const *transaction;
  size_t transaction_count;
  const char *const *lifetime_names;
  const double *const *lifetime;
  size_t lifetime_count;
} exc_clv_covariates;

/** A fit with covariates, the same model fitted without them and the likelihood-ratio test. */
typedef struct exc_clv_covariate_fit exc_clv_covariate_fit;
typedef struct exc_clv_likelihood_ratio {
  double statistic;          /* 2 (LL - LL without), >= 0 */
  size_t degrees_of_freedom; /* the number of coefficients */
  double p_value;
} exc_clv_likelihood_ratio;

/** Fits model (EXC_CLV_BGNBD, EXC_CLV_PNBD, EXC_CLV_GGOMNBD) with the covariates. */
EXC_EXTERN(int) exc_clv_covariate_fit_new(exc_clv_covariate_fit **out, int model, const exc_clv_data *data,
                                          const exc_clv_covariates *covariates, const exc_clv_fit_options *options);
/** Reads back an excellence.clv_covariate_fit/1 document (exc_clv_covariate_fit_to_json). */
EXC_EXTERN(int) exc_clv_covariate_fit_parse(exc_clv_covariate_fit **out, const char *json, size_t length,
                                            const char *source);
EXC_EXTERN(void) exc_clv_covariate_fit_free(exc_clv_covariate_fit *fit);
/**
 * The fit with covariates (its parameters: the model's, then one coefficient per covariate,
 * named "transaction.NAME" and "lifetime.NAME") and the fit without them, for the
 * exc_clv_fit_ readers; owned by fit and valid until it is freed (never exc_clv_fit_free
 * them). exc_clv_predict refuses the first (EXC_EMODEL_MISMATCH): use
 * exc_clv_covariate_predict.
 */
EXC_EXTERN(const exc_clv_fit *) exc_clv_covariate_fit_with(const exc_clv_covariate_fit *fit);
EXC_EXTERN(const exc_clv_fit *) exc_clv_covariate_fit_without(const exc_clv_covariate_fit *fit);
EXC_EXTERN(int) exc_clv_covariate_fit_test(exc_clv_likelihood_ratio *out, const exc_clv_covariate_fit *fit);
/** excellence.clv_covariate_fit/1 */
EXC_EXTERN(int) exc_clv_covariate_fit_to_json(exc_buf *out, const exc_clv_covariate_fit *fit);
/**
 * exc_clv_predict at each customer's own parameters: the covariates matched to the fit's by
 * name (each list in any order).
 */
EXC_EXTERN(int) exc_clv_covariate_predict(double *p_alive, double *expected_transactions,
                                          const exc_clv_covariate_fit *fit, const exc_clv_data *data,
                                          const exc_clv_covariates *covariates, double horizon, unsigned int threads);

/* ---------------------------------------------------------------- contractual retention */

typedef enum exc_retention_model { EXC_RETENTION_SBG = 0, EXC_RETENTION_BDW = 1 } exc_retention_model;

/**
 * Survivor counts as long columns, count entries each (caller's memory): the cohort's name,
 * the age (whole periods since acquisition) and the customers still under contract then;
 * segments NULL (one segment) or each entry's segment (one fit per segment).
 */
typedef struct exc_survivor_data {
  const char *const *segments;
  const char *const *cohorts;
  const double *ages;
  const double *survivors;
  size_t count;
} exc_survivor_data;

typedef struct exc_retention_options {
  unsigned int version;
  int model;           /* exc_retention_model */
  int has_discount;    /* 0: no lifetimes (DEL, DERL) */
  double discount;     /* per period */
  size_t horizon;      /* the last age projected; 0: twice the longest observed age, at least 10 */
  size_t fit_through;  /* 0: fit every age; else fit ages 0 ... fit_through and hold the rest out */
  const char *unit;    /* what a period is: "year" (NULL), "quarter", "month", "week" or "day" */
  int max_evaluations; /* 2000 */
  double tolerance;    /* 1e-12 */
  exc_progress_cb progress;
  void *payload;
  exc_cancel *cancel;
} exc_retention_options;
#define EXC_RETENTION_OPTIONS_VERSION 1
#define EXC_RETENTION_OPTIONS_INIT \
  {EXC_RETENTION_OPTIONS_VERSION, EXC_RETENTION_SBG, 0, 0.0, 0, 0, NULL, 2000, 1e-12, NULL, NULL, NULL}

/** Per segment the sBG or BdW fit, its projection and lifetimes (excellence.retention_fit/1). */
typedef struct exc_retention_analysis exc_retention_analysis;
typedef struct exc_retention_segment {
  const char *segment;    /* "" for the one segment */
  size_t cohorts;
  double customers;
  size_t parameters;      /* 2 (alpha, beta) or 3 (alpha, beta, c) */
  double log_likelihood;
  int converged;
  int evaluations;
  int has_standard_errors;
  int has_expected_lifetime;
  double expected_lifetime; /* DEL, when has_expected_lifetime */
  size_t ages;              /* horizon + 1 */
  size_t renewals;          /* DERL entries, n = 0 ... */
  size_t warnings;
} exc_retention_segment;

EXC_EXTERN(int) exc_retention_analyse(exc_retention_analysis **out, const exc_survivor_data *data,
                                      const exc_retention_options *options);
EXC_EXTERN(void) exc_retention_analysis_free(exc_retention_analysis *analysis);
EXC_EXTERN(size_t) exc_retention_segment_count(const exc_retention_analysis *analysis);
EXC_EXTERN(int) exc_retention_get_segment(exc_retention_segment *out, const exc_retention_analysis *analysis,
                                          size_t segment);
/** The parameters (alpha, beta[, c]) of a segment's fit; out holds length numbers. */
EXC_EXTERN(int) exc_retention_params(double *out, size_t length, const exc_retention_analysis *analysis,
                                     size_t segment);
/** Their standard errors (EXC_EINVALID_VALUE when unavailable: see has_standard_errors). */
EXC_EXTERN(int) exc_retention_standard_errors(double *out, size_t length, const exc_retention_analysis *analysis,
                                              size_t segment);
/** The model's survival S(t) at ages 0 ... horizon (length = the segment's ages). */
EXC_EXTERN(int) exc_retention_survival(double *out, size_t length, const exc_retention_analysis *analysis,
                                       size_t segment);
/** DERL after n = 0, 1, ... renewals (length = the segment's renewals; none without a discount). */
EXC_EXTERN(int) exc_retention_residual_lifetime(double *out, size_t length, const exc_retention_analysis *analysis,
                                                size_t segment);
/** excellence.retention_fit/1 */
EXC_EXTERN(int) exc_retention_analysis_to_json(exc_buf *out, const exc_retention_analysis *analysis);

#ifdef __cplusplus
}
#endif

#endif /* EXCELLENCE_EXCELLENCE_H */
