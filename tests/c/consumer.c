/*
 * A C99 program using the installed library through excellence.h only (docs/c-api.md).
 * It is built twice against a staged install, once through pkg-config and once through
 * find_package(excellence) (tests/c/run.cmake), and checks real numbers: the sample
 * scores, an NPS worked by hand, BG/NBD on CDNOW and PLS on the satisfaction data against
 * the references in tests/data, and that every error path returns its code with a message
 * naming file and field. Usage: consumer REPOSITORY_ROOT
 */
#include <excellence/excellence.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

/* A call that must succeed; on failure print the library's message and stop. */
#define OK(call)                                                                      \
  do {                                                                                \
    if ((call) != EXC_OK) {                                                           \
      const exc_error *e_ = exc_last_error();                                         \
      fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call, e_ ? e_->message : "?"); \
      exit(1);                                                                        \
    }                                                                                 \
  } while (0)

static int near(double a, double b, double relative) { return fabs(a - b) <= relative * fabs(b); }

static char root[4096];
static const char *at(const char *relative) {
  static char path[8192];
  snprintf(path, sizeof path, "%s/%s", root, relative);
  return path;
}

/* The last error has this code, and its message and fields contain these texts. */
static void expect_error(int rc, int code, const char *file_part, const char *path_part, const char *what) {
  const exc_error *e = exc_last_error();
  if (rc != code || e == NULL || e->code != code) {
    fprintf(stderr, "%s: expected code %d, got %d (%s)\n", what, code, rc, e ? e->message : "no error");
    ++failures;
    return;
  }
  if (file_part != NULL && strstr(e->file, file_part) == NULL) {
    fprintf(stderr, "%s: file \"%s\" lacks \"%s\"\n", what, e->file, file_part);
    ++failures;
  }
  if (path_part != NULL && strstr(e->path, path_part) == NULL) {
    fprintf(stderr, "%s: path \"%s\" lacks \"%s\"\n", what, e->path, path_part);
    ++failures;
  }
  if (e->message[0] == '\0' || e->code_name[0] == '\0') {
    fprintf(stderr, "%s: empty message or code name\n", what);
    ++failures;
  }
}

static void frameworks_and_scores(void) {
  exc_framework *tree = NULL, *customers = NULL;
  exc_framework_node node;
  exc_assessment *a[3] = {NULL, NULL, NULL};
  exc_score *score = NULL;
  exc_score_totals totals;
  exc_item_score item;
  exc_score_options scope = EXC_SCORE_OPTIONS_INIT;
  exc_consensus *consensus = NULL;
  exc_item_consensus agreed;
  exc_buf json = EXC_BUF_INIT;

  CHECK(exc_framework_builtin_count() == 2);
  OK(exc_framework_builtin(&tree, "gbt19580-2012"));
  CHECK(strcmp(exc_framework_id(tree), "gbt19580-2012") == 0);
  CHECK(exc_framework_max_points(tree) == 1000);
  CHECK(exc_framework_item_count(tree) == 23);
  OK(exc_framework_lookup(&node, tree, "4.3"));
  CHECK(node.kind == EXC_NODE_CATEGORY && node.points == 90 && node.depth == 0 && node.children > 0);
  OK(exc_framework_lookup(&node, tree, "4.3.3"));
  CHECK(node.kind == EXC_NODE_ITEM && strcmp(node.parent, "4.3") == 0 && node.evaluation == EXC_EVALUATION_PROCESS);
  OK(exc_framework_subtree(&customers, tree, "4.3"));
  CHECK(exc_framework_max_points(customers) == 90 && exc_framework_item_count(customers) == 2);
  CHECK(strcmp(exc_framework_scope(customers), "4.3") == 0);

  /* The README's example: Wang's 4.3 is 42.5 of 90, items in bands 50-65% and 30-45%. */
  OK(exc_assessment_read(&a[0], at("examples/data/examiner-wang.json")));
  OK(exc_assessment_read(&a[1], at("examples/data/examiner-li.json")));
  OK(exc_assessment_read(&a[2], at("examples/data/examiner-zhao.json")));
  scope.scope = "4.3";
  OK(exc_score_assessment(&score, a[0], tree, &scope));
  OK(exc_score_get_totals(&totals, score));
  CHECK(totals.total == 42.5 && totals.max == 90 && totals.items == 2);
  OK(exc_score_item(&item, score, 0));
  CHECK(strcmp(item.id, "4.3.2") == 0 && strcmp(item.band_label, "50-65%") == 0 && item.assessed);
  OK(exc_score_item(&item, score, 1));
  CHECK(strcmp(item.id, "4.3.3") == 0 && strcmp(item.band_label, "30-45%") == 0 && item.percent == 45);
  CHECK(exc_score_item(&item, score, 2) == EXC_EINVALID_ARGUMENT);
  OK(exc_score_to_json(&json, score));
  CHECK(strstr(json.ptr, "\"format\": \"excellence.score/1\"") != NULL && strlen(json.ptr) == json.size);
  exc_buf_dispose(&json);
  CHECK(json.ptr == NULL && json.size == 0);
  exc_score_free(score);

  /* Whole framework: Wang's total is 426 (tests/unit/consensus_test.cpp). */
  OK(exc_score_assessment(&score, a[0], tree, NULL));
  OK(exc_score_get_totals(&totals, score));
  CHECK(totals.total == 426 && totals.max == 1000);
  exc_score_free(score);

  /* Consensus: 4.3.3 has 45, 55, 35 -> mean 45, sd 10, range 20, flagged. */
  OK(exc_consensus_new(&consensus, (const exc_assessment *const *)a, 3, tree, NULL));
  CHECK(exc_consensus_item_count(consensus) == 23);
  OK(exc_consensus_item(&agreed, consensus, 6));
  CHECK(strcmp(agreed.id, "4.3.3") == 0 && agreed.n == 3 && agreed.mean == 45.0 && agreed.range == 20);
  CHECK(agreed.has_standard_deviation && near(agreed.standard_deviation, 10.0, 1e-15));
  CHECK(agreed.proposed == 45 && agreed.flagged);
  OK(exc_consensus_to_json(&json, consensus));
  CHECK(strstr(json.ptr, "excellence.consensus/1") != NULL);
  exc_buf_dispose(&json);
  exc_consensus_free(consensus);

  /* Errors name the file and the field. */
  {
    exc_assessment *bad = NULL;
    exc_framework *none = NULL;
    exc_score_options future = EXC_SCORE_OPTIONS_INIT;
    expect_error(exc_assessment_read(&bad, at("tests/data/errors/acme.json")), EXC_ENOT_MULTIPLE_OF_5, "acme.json",
                 "items[3].percent", "a percent of 37");
    CHECK(strstr(exc_last_error()->message, "37 is not a multiple of 5") != NULL);
    CHECK(bad == NULL);
    expect_error(exc_assessment_read(&bad, at("no/such/file.json")), EXC_EIO, "file.json", NULL, "a missing file");
    expect_error(exc_framework_builtin(&none, "iso9001"), EXC_EUNKNOWN_FRAMEWORK, NULL, NULL, "an unknown framework");
    expect_error(exc_framework_lookup(&node, tree, "9.9"), EXC_EUNKNOWN_CRITERION, NULL, "id", "an unknown node");
    expect_error(exc_framework_builtin(NULL, "gbt19580-2012"), EXC_EINVALID_ARGUMENT, NULL, NULL, "a NULL out");
    scope.scope = "4.9";
    expect_error(exc_score_assessment(&score, a[0], tree, &scope), EXC_EUNKNOWN_CRITERION, NULL, NULL,
                 "an unknown scope");
    future.version = 99;
    expect_error(exc_score_assessment(&score, a[0], tree, &future), EXC_EINVALID_ARGUMENT, NULL, NULL,
                 "an options version from the future");
    expect_error(exc_consensus_new(&consensus, (const exc_assessment *const *)a, 1, tree, NULL),
                 EXC_ETOO_FEW_ASSESSMENTS, NULL, NULL, "a consensus of one");
    exc_clear_error();
    CHECK(exc_last_error() == NULL);
  }

  exc_assessment_free(a[0]);
  exc_assessment_free(a[1]);
  exc_assessment_free(a[2]);
  exc_framework_free(customers);
  exc_framework_free(tree);
  exc_framework_free(NULL); /* accepted, as free(NULL) */
}

static void metrics(void) {
  /* By hand: promoters 10, 9, 10, 10, 9 (5), passives 8, 7 (2), detractors 6, 0, 3 (3):
     NPS = 100 (5 - 3) / 10 = 20; se = 100 sqrt((0.5 + 0.3 - 0.2^2) / 10). */
  const double answers[10] = {10, 9, 8, 7, 6, 0, 10, 10, 3, 9};
  const double ratings[6] = {5, 4, 3, 5, 2, 4};
  const char *ids[4] = {"a", "b", "c", "d"};
  const double recency[4] = {1, 10, 5, 30}, frequency[4] = {8, 2, 4, 1}, monetary[4] = {400, 50, 100, 10};
  exc_nps_result nps;
  exc_nps_options bad_bands = EXC_NPS_OPTIONS_INIT;
  exc_csat_result csat;
  exc_rfm *rfm = NULL;
  exc_rfm_summary summary;
  exc_rfm_customer customer;
  exc_buf json = EXC_BUF_INIT;
  double weights[10];
  double out_of_scale[3] = {10, 11, 9};
  int i;

  OK(exc_nps(&nps, answers, 10, NULL, NULL));
  CHECK(near(nps.nps, 20.0, 1e-14) && nps.n == 10 && nps.promoters == 5 && nps.detractors == 3);
  CHECK(near(nps.se, 100 * sqrt((0.5 + 0.3 - 0.04) / 10), 1e-14));
  CHECK(nps.lower < 20 && nps.upper > 20 && nps.confidence == 0.95);
  OK(exc_nps_to_json(&json, &nps));
  CHECK(strstr(json.ptr, "excellence.nps/1") != NULL);
  exc_buf_dispose(&json);
  for (i = 0; i < 10; ++i) weights[i] = 2.0; /* equal weights change nothing */
  OK(exc_nps(&nps, answers, 10, weights, NULL));
  CHECK(near(nps.nps, 20.0, 1e-14) && nps.effective_n == 10);
  expect_error(exc_nps(&nps, out_of_scale, 3, NULL, NULL), EXC_EOUT_OF_RANGE, NULL, "answers[1]", "an answer of 11");
  bad_bands.detractor_max = 9;
  expect_error(exc_nps(&nps, answers, 10, NULL, &bad_bands), EXC_EINVALID_VALUE, NULL, "bands", "crossed bands");

  /* CSAT: 4 of 6 ratings in the top box (4-5): 66.67 %, mean 23/6. */
  OK(exc_csat(&csat, ratings, 6, NULL));
  CHECK(csat.satisfied == 4 && near(csat.csat, 400.0 / 6, 1e-14) && near(csat.mean_rating, 23.0 / 6, 1e-14));

  /* RFM with 2 bins: a is recent, frequent and rich (222); d the opposite (111). */
  OK(exc_rfm_new(&rfm, ids, recency, frequency, monetary, 4, 2));
  OK(exc_rfm_get_summary(&summary, rfm));
  CHECK(summary.customers == 4 && summary.bins == 2 && summary.has_top_20_share);
  OK(exc_rfm_customer_at(&customer, rfm, 0));
  CHECK(strcmp(customer.id, "a") == 0 && strcmp(customer.segment, "222") == 0);
  OK(exc_rfm_customer_at(&customer, rfm, 3));
  CHECK(strcmp(customer.segment, "111") == 0);
  exc_rfm_free(rfm);
  expect_error(exc_rfm_new(&rfm, ids, recency, frequency, monetary, 4, 11), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "11 bins");

  /* Simple lifetime value by hand: m r / (1 + d - r) = 100 x 0.8 / 0.3; average life 1/(1 - r) = 5. */
  {
    exc_simple_clv_result clv;
    OK(exc_simple_clv(&clv, 100, 0.8, 0.1, NULL));
    CHECK(near(clv.clv, 800.0 / 3, 1e-14) && clv.has_average_life && near(clv.average_life, 5.0, 1e-14));
    OK(exc_simple_clv_to_json(&json, &clv));
    CHECK(strstr(json.ptr, "excellence.clv_simple/1") != NULL);
    exc_buf_dispose(&json);
    expect_error(exc_simple_clv(&clv, 100, 1.0, -0.1, NULL), EXC_EINVALID_VALUE, NULL, NULL, "a diverging sum");
  }

  /* Delivered value by hand: one respondent, two offers; own 100 - 80 = 20 beats rival 90 - 80 = 10. */
  {
    const char *offers[2] = {"own", "rival"};
    const double product[2] = {50, 45}, service[2] = {20, 25}, personnel[2] = {15, 10}, image[2] = {15, 10};
    const double monetary_cost[2] = {60, 60}, time_cost[2] = {10, 10}, energy[2] = {5, 5}, physical[2] = {5, 5};
    const double *amounts[8] = {product, service, personnel, image, monetary_cost, time_cost, energy, physical};
    exc_value *value = NULL;
    exc_value_offer offer;
    OK(exc_value_new(&value, NULL, offers, amounts, 2));
    CHECK(exc_value_offer_count(value) == 2 && exc_value_preferred_count(value) == 1);
    CHECK(strcmp(exc_value_preferred(value, 0), "own") == 0);
    OK(exc_value_offer_at(&offer, value, 0));
    CHECK(offer.total_value == 100 && offer.total_cost == 80 && offer.delivered_value == 20);
    CHECK(offer.has_value_ratio && near(offer.value_ratio, 1.25, 1e-15) && offer.preferred_share == 1);
    exc_value_free(value);
  }
}

/* The numeric columns of a CSV file with a header (no quoting), as doubles. */
static double *read_columns(const char *file, const char **names, int count, size_t *rows) {
  FILE *f = fopen(file, "r");
  char line[4096];
  int where[8];
  int c, found = 0;
  size_t n = 0, capacity = 4096;
  double *values = malloc(capacity * (size_t)count * sizeof(double));
  if (f == NULL || values == NULL || fgets(line, sizeof line, f) == NULL) {
    fprintf(stderr, "cannot read %s\n", file);
    exit(1);
  }
  {
    char *field = strtok(line, ",\r\n");
    int column = 0;
    for (; field != NULL; field = strtok(NULL, ",\r\n"), ++column)
      for (c = 0; c < count; ++c)
        if (strcmp(field, names[c]) == 0) {
          where[c] = column;
          ++found;
        }
  }
  if (found != count) exit(1);
  while (fgets(line, sizeof line, f) != NULL) {
    char *field = strtok(line, ",\r\n");
    int column = 0;
    if (n == capacity) {
      capacity *= 2;
      values = realloc(values, capacity * (size_t)count * sizeof(double));
      if (values == NULL) exit(1);
    }
    for (; field != NULL; field = strtok(NULL, ",\r\n"), ++column)
      for (c = 0; c < count; ++c)
        if (where[c] == column) values[n * (size_t)count + (size_t)c] = strtod(field, NULL);
    ++n;
  }
  fclose(f);
  *rows = n;
  return values; /* row-major: values[row * count + c] */
}

/* SERVQUAL on the shipped sample: reliability's gap is -2.00 (docs/command.md). */
static void servqual(void) {
  FILE *f = fopen(at("examples/data/servqual.csv"), "r");
  char line[256];
  char respondent[64][8], item[64][8], dimension[64][16];
  const char *who[64], *what[64], *where[64];
  double expectation[64], perception[64];
  size_t n = 0;
  exc_servqual *s = NULL;
  exc_servqual_summary summary;
  if (f == NULL || fgets(line, sizeof line, f) == NULL) exit(1);
  while (n < 64 && fgets(line, sizeof line, f) != NULL) {
    if (sscanf(line, "%7[^,],%7[^,],%15[^,],%lf,%lf", respondent[n], item[n], dimension[n], &expectation[n],
               &perception[n]) != 5)
      exit(1);
    who[n] = respondent[n];
    what[n] = item[n];
    where[n] = dimension[n];
    ++n;
  }
  fclose(f);
  OK(exc_servqual_new(&s, who, what, where, expectation, perception, n, NULL));
  OK(exc_servqual_get_summary(&summary, s));
  CHECK(!summary.servperf && summary.respondents == 6 && summary.has_dimension[1]);
  CHECK(near(summary.dimension[1], -2.0, 1e-12));
  exc_servqual_free(s);
  perception[4] = NAN;
  expect_error(exc_servqual_new(&s, who, what, where, expectation, perception, n, NULL), EXC_EMISSING_FIELD, NULL,
               "perception[4]", "a missing perception");
}

static void lifetime_value(void) {
  const char *names[4] = {"frequency", "recency", "T", "monetary_value"};
  size_t rows = 0, i;
  double *table = read_columns(at("tests/data/clv/cdnow_summary_rounded.csv"), names, 4, &rows);
  double *x, *t, *T, *m, *p_alive, *expected, *spend, *value;
  double params[4], se[4];
  exc_clv_data data;
  exc_clv_fit *fit = NULL, *gg = NULL, *again = NULL;
  exc_clv_fit_info info;
  exc_clv_discount discount = EXC_CLV_DISCOUNT_INIT;
  exc_buf json = EXC_BUF_INIT;

  CHECK(rows == 2357);
  x = malloc(rows * sizeof(double));
  t = malloc(rows * sizeof(double));
  T = malloc(rows * sizeof(double));
  m = malloc(rows * sizeof(double));
  p_alive = malloc(rows * sizeof(double));
  expected = malloc(rows * sizeof(double));
  spend = malloc(rows * sizeof(double));
  value = malloc(rows * sizeof(double));
  for (i = 0; i < rows; ++i) {
    x[i] = table[i * 4];
    t[i] = table[i * 4 + 1];
    T[i] = table[i * 4 + 2];
    m[i] = table[i * 4 + 3];
  }
  data.frequency = x;
  data.recency = t;
  data.age = T;
  data.monetary = m;
  data.weights = NULL;
  data.count = rows;

  /* tests/data/reference/clv/cdnow_reference.json, own_reference_fits.rounded.bgnbd. */
  OK(exc_clv_fit_new(&fit, EXC_CLV_BGNBD, &data, NULL));
  OK(exc_clv_fit_get_info(&info, fit));
  CHECK(info.model == EXC_CLV_BGNBD && info.converged && info.parameters == 4 && info.has_standard_errors);
  CHECK(fabs(info.log_likelihood - -9582.42556056736) < 1e-4);
  OK(exc_clv_fit_params(params, 4, fit));
  CHECK(near(params[0], 0.2425929102290536, 1e-4) && near(params[1], 4.413531705980539, 1e-4));
  CHECK(near(params[2], 0.7928860715840689, 1e-4) && near(params[3], 2.425753059970055, 1e-4));
  CHECK(strcmp(exc_clv_fit_param_name(fit, 1), "alpha") == 0);
  OK(exc_clv_fit_standard_errors(se, 4, fit));
  CHECK(se[0] > 0 && se[1] > 0 && se[2] > 0 && se[3] > 0);
  CHECK(exc_clv_fit_params(params, 3, fit) == EXC_EINVALID_ARGUMENT); /* a buffer too short */

  OK(exc_clv_predict(p_alive, expected, fit, &data, 39, 0));
  for (i = 0; i < rows; ++i) CHECK(p_alive[i] > 0 && p_alive[i] <= 1 && expected[i] >= 0);
  CHECK(p_alive[1] < 1); /* a customer with repeat purchases may have left */

  /* The fit's document reads back to the same parameters. */
  OK(exc_clv_fit_to_json(&json, fit));
  OK(exc_clv_fit_parse(&again, json.ptr, json.size, "fit.json"));
  OK(exc_clv_fit_params(se, 4, again));
  CHECK(se[0] == params[0] && se[3] == params[3]);
  exc_buf_dispose(&json);
  exc_clv_fit_free(again);

  /* Gamma-Gamma on the 946 repeat customers (reference: rounded.gg). */
  OK(exc_clv_fit_new(&gg, EXC_CLV_GAMMA_GAMMA, &data, NULL));
  OK(exc_clv_fit_get_info(&info, gg));
  CHECK(info.left_out == rows - 946 && fabs(info.log_likelihood - -4055.923243502858) < 1e-4);
  OK(exc_clv_fit_params(params, 3, gg));
  CHECK(near(params[0], 6.248802362635444, 1e-4) && near(params[2], 15.44774844063408, 1e-4));
  OK(exc_clv_expected_spend(spend, gg, &data, 0));
  discount.rate = 0;
  discount.period_length = 13;
  discount.periods = 3;
  OK(exc_clv_residual_value(value, fit, &data, spend, &discount));
  /* Without discounting the residual value is spend x E[Y(39)]. */
  for (i = 0; i < rows; ++i) CHECK(near(value[i], spend[i] * expected[i], 1e-9) || fabs(value[i]) < 1e-12);

  /* The Pareto/NBD's discounted transactions: undiscounted over 39 weeks they are E[Y(39)]. */
  OK(exc_clv_fit_new(&again, EXC_CLV_PNBD, &data, NULL));
  OK(exc_clv_predict(NULL, expected, again, &data, 39, 0));
  OK(exc_clv_discounted_transactions(value, again, &data, 0, 39, 0));
  for (i = 0; i < rows; ++i) CHECK(near(value[i], expected[i], 1e-12) || fabs(value[i] - expected[i]) < 1e-14);
  OK(exc_clv_discounted_transactions(value, again, &data, log(1.15) / 52, INFINITY, 0));
  for (i = 0; i < rows; ++i) CHECK(value[i] > expected[i] * 0.9 && isfinite(value[i]));
  expect_error(exc_clv_discounted_transactions(value, again, &data, 0, INFINITY, 0), EXC_EOUT_OF_RANGE, NULL, "rate",
               "over an infinite horizon");
  expect_error(exc_clv_discounted_transactions(value, fit, &data, 0.01, INFINITY, 0), EXC_EMODEL_MISMATCH, NULL,
               "model", "not the Pareto/NBD");
  exc_clv_fit_free(again);
  again = NULL;
  OK(exc_clv_predict(p_alive, expected, fit, &data, 39, 0));

  expect_error(exc_clv_predict(p_alive, expected, gg, &data, 39, 0), EXC_EMODEL_MISMATCH, NULL, "model",
               "transactions from a Gamma-Gamma fit");
  /* The GGompertz/NBD: five parameters; on CDNOW it rises to the Pareto/NBD's likelihood
     (rounded.pnbd: -9594.973929826861) as b -> 0. */
  OK(exc_clv_fit_new(&again, EXC_CLV_GGOMNBD, &data, NULL));
  OK(exc_clv_fit_get_info(&info, again));
  CHECK(info.model == EXC_CLV_GGOMNBD && info.converged && info.parameters == 5);
  CHECK(fabs(info.log_likelihood - -9594.973929826861) < 1e-4);
  CHECK(strcmp(exc_clv_fit_param_name(again, 2), "b") == 0 && strcmp(exc_clv_fit_param_name(again, 4), "beta") == 0);
  OK(exc_clv_predict(p_alive, expected, again, &data, 39, 0));
  for (i = 0; i < rows; ++i) CHECK(p_alive[i] > 0 && p_alive[i] <= 1 && expected[i] >= 0);
  exc_clv_fit_free(again);
  again = NULL;

  x[7] = 1.5;
  expect_error(exc_clv_fit_new(&again, EXC_CLV_BGNBD, &data, NULL), EXC_EINVALID_VALUE, NULL, "frequency[7]",
               "a frequency of 1.5");
  x[7] = table[7 * 4];
  data.recency = NULL;
  expect_error(exc_clv_fit_new(&again, EXC_CLV_BGNBD, &data, NULL), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "no recency");

  exc_clv_fit_free(gg);
  exc_clv_fit_free(fit);
  free(x);
  free(t);
  free(T);
  free(m);
  free(p_alive);
  free(expected);
  free(spend);
  free(value);
  free(table);
}

/* Holdout validation of a small log: four customers, weekly, calibration to 2024-03-31. */
static void holdout_validation(void) {
  static const char *customers[] = {"a", "a", "a", "a", "b", "b", "c", "d", "d", "d"};
  static const char *dates[] = {"2024-01-01", "2024-01-20", "2024-02-25", "2024-04-10", "2024-01-03",
                                "2024-05-01", "2024-01-05", "2024-01-02", "2024-01-30", "2024-03-15"};
  static const double amounts[] = {10, 12, 9, 11, 20, 18, 5, 7, 8, 6};
  const int models[] = {EXC_CLV_BGNBD};
  const int not_calendar[] = {EXC_CLV_BGBB};
  exc_buf json = {NULL, 0};
  OK(exc_clv_validate_json(&json, customers, dates, amounts, 10, "2024-03-31", "2024-06-30", EXC_CLV_WEEKS, models, 1,
                           0));
  CHECK(strstr(json.ptr, "\"format\": \"excellence.clv_validation/1\"") != NULL);
  CHECK(strstr(json.ptr, "\"actual_total\": 2") != NULL); /* a on 10 April, b on 1 May */
  exc_buf_dispose(&json);
  expect_error(exc_clv_validate_json(&json, customers, dates, amounts, 10, "2024-03-31", "2024-06-30", EXC_CLV_WEEKS,
                                     not_calendar, 1, 0),
               EXC_EMODEL_MISMATCH, NULL, "models[0]", "BG/BB in calendar time");
  expect_error(exc_clv_validate_json(&json, customers, dates, amounts, 10, "2024-03-31", "2024-03-01", EXC_CLV_WEEKS,
                                     models, 1, 0),
               EXC_EOUT_OF_RANGE, NULL, "holdout_end", "a holdout before the end");
}

/* Fader & Hardie (2007)'s two segments, fitted to ages 0-7 as in the paper. */
static void contractual_retention(void) {
  static const double regular[] = {1000, 631, 468, 382, 326, 289, 262, 241};
  static const double high_end[] = {1000, 869, 743, 653, 593, 551, 517, 491};
  const char *segments[16], *cohorts[16];
  double ages[16], survivors[16], params[3], se[2], survival[15], derl[8];
  exc_survivor_data data;
  exc_retention_options options = EXC_RETENTION_OPTIONS_INIT;
  exc_retention_analysis *a = NULL;
  exc_retention_segment info;
  exc_buf json = {NULL, 0};
  size_t i;
  for (i = 0; i < 16; ++i) {
    segments[i] = i < 8 ? "regular" : "high end";
    cohorts[i] = "year 1";
    ages[i] = (double)(i % 8);
    survivors[i] = i < 8 ? regular[i] : high_end[i - 8];
  }
  data.segments = segments;
  data.cohorts = cohorts;
  data.ages = ages;
  data.survivors = survivors;
  data.count = 16;
  options.has_discount = 1;
  options.discount = 0.1;
  OK(exc_retention_analyse(&a, &data, &options));
  CHECK(exc_retention_segment_count(a) == 2);
  OK(exc_retention_get_segment(&info, a, 1));
  CHECK(strcmp(info.segment, "high end") == 0 && info.parameters == 2 && info.converged && info.has_standard_errors);
  CHECK(info.has_expected_lifetime && info.ages == 15 && info.renewals == 8 && info.customers == 1000);
  OK(exc_retention_params(params, 2, a, 1));
  CHECK(fabs(params[0] - 0.668) < 5e-4 && fabs(params[1] - 3.806) < 5e-4);
  OK(exc_retention_standard_errors(se, 2, a, 1));
  CHECK(se[0] > 0 && se[1] > 0);
  OK(exc_retention_survival(survival, 15, a, 1));
  CHECK(survival[0] == 1 && near(survival[1], params[1] / (params[0] + params[1]), 1e-12)); /* S(1) = b/(a+b) */
  OK(exc_retention_params(params, 2, a, 0));
  CHECK(fabs(params[0] - 0.704) < 5e-4 && fabs(params[1] - 1.182) < 5e-4);
  OK(exc_retention_residual_lifetime(derl, 8, a, 1));
  CHECK(fabs(derl[7] - 7.530) < 5e-4); /* shifted_beta_geometric_py's README */
  CHECK(exc_retention_survival(survival, 3, a, 1) == EXC_EINVALID_ARGUMENT); /* a buffer too short */
  OK(exc_retention_analysis_to_json(&json, a));
  CHECK(strstr(json.ptr, "\"format\": \"excellence.retention_fit/1\"") != NULL);
  exc_buf_dispose(&json);
  exc_retention_analysis_free(a);

  survivors[3] = 700; /* more than at age 2 */
  expect_error(exc_retention_analyse(&a, &data, &options), EXC_EINVALID_VALUE, NULL, "survivors[3]",
               "rising survivors");
  options.model = 7;
  expect_error(exc_retention_analyse(&a, &data, &options), EXC_EINVALID_ARGUMENT, NULL, NULL, "no such model");
}

static int stop_at_once(size_t done, size_t total, void *payload) {
  (void)done;
  (void)total;
  ++*(int *)payload;
  return 1;
}

static void path_models(void) {
  exc_pls_model *model = NULL;
  exc_pls_data *data = NULL;
  exc_pls_fit *fit = NULL;
  exc_pls_fit_info info;
  exc_pls_index *index = NULL;
  exc_pls_bootstrap *boot = NULL;
  exc_pls_bootstrap_options few = EXC_PLS_BOOTSTRAP_OPTIONS_INIT;
  exc_pls_options options = EXC_PLS_OPTIONS_INIT;
  exc_cancel *cancel = NULL;
  exc_buf json = EXC_BUF_INIT;
  double path, paths[36], indexes[6], lo = 0, hi = 10;
  int calls = 0;

  OK(exc_pls_model_read(&model, at("tests/data/pls/satisfaction_model.json")));
  OK(exc_pls_data_read(&data, at("tests/data/pls/satisfaction.csv"), model));
  CHECK(exc_pls_data_rows(data) == 250);
  OK(exc_pls_estimate(&fit, model, data, NULL));
  OK(exc_pls_fit_get_info(&info, fit));
  CHECK(info.latent_variables == 6 && info.indicators == 27 && info.n == 250 && info.converged);
  /* tests/data/reference/pls/satisfaction_reference.json, schemes.path.converged.paths */
  OK(exc_pls_fit_path(&path, fit, "IMAG", "EXPE"));
  CHECK(fabs(path - 0.5596721128249706) < 1e-10);
  OK(exc_pls_fit_path(&path, fit, "VAL", "SAT"));
  CHECK(fabs(path - 0.580032036312233) < 1e-10);
  CHECK(exc_pls_fit_table_size(fit, EXC_PLS_PATHS) == 36);
  OK(exc_pls_fit_table(paths, 36, fit, EXC_PLS_PATHS));
  CHECK(fabs(paths[5 + 6 * 4] - 0.47373212498875267) < 1e-10); /* (LOY, SAT), column-major */
  CHECK(strcmp(exc_pls_fit_latent_variable(fit, 4), "SAT") == 0);
  CHECK(exc_pls_fit_path(&path, fit, "IMAG", "NOPE") == EXC_EINVALID_ARGUMENT);

  OK(exc_pls_index_new(&index, fit, &lo, &hi, 1));
  OK(exc_pls_index_values(indexes, 6, index));
  CHECK(indexes[4] > 0 && indexes[4] < 100);

  few.resamples = 50;
  OK(exc_pls_bootstrap_new(&boot, model, data, NULL, &few));
  CHECK(exc_pls_bootstrap_count(boot, EXC_PLS_BOOT_PATHS) == 10);
  CHECK(exc_pls_bootstrap_count(boot, EXC_PLS_BOOT_R2) == 5);
  CHECK(exc_pls_bootstrap_count(boot, EXC_PLS_BOOT_HTMT) == 15);
  CHECK(exc_pls_bootstrap_count(boot, EXC_PLS_BOOT_SPECIFIC_INDIRECT_EFFECTS) > 0);
  {
    exc_pls_bootstrap *bca = NULL;
    exc_pls_bootstrap_options accelerated = EXC_PLS_BOOTSTRAP_OPTIONS_INIT;
    exc_pls_bootstrap_estimate e;
    accelerated.resamples = 200;
    accelerated.interval = EXC_PLS_BCA;
    OK(exc_pls_bootstrap_new(&bca, model, data, NULL, &accelerated));
    OK(exc_pls_bootstrap_at(&e, bca, EXC_PLS_BOOT_PATHS, 0)); /* IMAG -> EXPE, clearly positive */
    CHECK(e.lo < e.estimate && e.estimate < e.hi && e.lo > 0);
    exc_pls_bootstrap_free(bca);
    accelerated.interval = 9;
    CHECK(exc_pls_bootstrap_new(&bca, model, data, NULL, &accelerated) == EXC_EINVALID_ARGUMENT);
  }
  {
    exc_pls_bootstrap_estimate e;
    OK(exc_pls_bootstrap_at(&e, boot, EXC_PLS_BOOT_PATHS, 0));
    CHECK(strcmp(e.name, "IMAG -> EXPE") == 0 && fabs(e.estimate - 0.5596721128249706) < 1e-10 && e.se > 0);
  }
  {
    exc_pls_ipma *map = NULL;
    const double zero = 0, ten = 10, eight = 8;
    OK(exc_pls_ipma_new(&map, fit, "SAT", &zero, &ten, 1));
    OK(exc_pls_ipma_to_json(&json, map));
    CHECK(strstr(json.ptr, "\"format\": \"excellence.pls_ipma/1\"") != NULL);
    CHECK(strstr(json.ptr, "\"concentrate_here\"") != NULL); /* VAL: important, below the drivers' mean */
    exc_buf_dispose(&json);
    exc_pls_ipma_free(map);
    map = NULL;
    expect_error(exc_pls_ipma_new(&map, fit, "SAT", &eight, &ten, 1), EXC_EOUT_OF_RANGE, NULL, "scale",
                 "an IPMA scale the answers leave");
  }
  OK(exc_pls_fit_to_json(&json, fit, boot, index));
  CHECK(strstr(json.ptr, "excellence.pls_fit/1") != NULL && strstr(json.ptr, "\"bootstrap\"") != NULL);
  exc_buf_dispose(&json);

  /* The research functions: the IPMA with intervals, the pictures, PLSpredict with CVPAT,
     model fit with its exact-fit test, a multigroup analysis (rows alternately in a and b). */
  {
    exc_pls_ipma *map = NULL;
    const double zero = 0, ten = 10;
    exc_pls_bootstrap_options some = EXC_PLS_BOOTSTRAP_OPTIONS_INIT;
    const size_t rows = exc_pls_data_rows(data);
    const char **groups = (const char **)malloc(rows * sizeof(const char *));
    size_t i;
    some.resamples = 40;
    OK(exc_pls_ipma_new_bootstrap(&map, model, data, NULL, "SAT", &zero, &ten, 1, &some));
    OK(exc_pls_ipma_to_json(&json, map));
    CHECK(strstr(json.ptr, "\"importance_interval\": {") != NULL);
    exc_buf_dispose(&json);
    OK(exc_pls_ipma_to_svg(&json, map, 0));
    CHECK(strstr(json.ptr, "<svg xmlns=") == json.ptr);
    exc_buf_dispose(&json);
    exc_pls_ipma_free(map);
    OK(exc_pls_fit_to_svg(&json, fit, boot));
    CHECK(strstr(json.ptr, "PLS path diagram: 6 constructs, 27 indicators") != NULL);
    exc_buf_dispose(&json);
    OK(exc_pls_fit_to_html(&json, fit, boot, NULL, NULL, "ECSI & co", EXC_LANGUAGE_ZH));
    CHECK(strstr(json.ptr, "<html lang=\"zh-CN\">") != NULL);
    CHECK(strstr(json.ptr, "<p class=\"subtitle\">ECSI &amp; co</p>") != NULL);
    CHECK(strstr(json.ptr, "<section class=\"ipma\">") == NULL);
    exc_buf_dispose(&json);
    expect_error(exc_pls_fit_to_html(&json, fit, NULL, NULL, NULL, NULL, 7), EXC_EINVALID_ARGUMENT, NULL, NULL,
                 "an unknown language");
    OK(exc_pls_predict_json(&json, model, data, NULL, 5, 1, 3));
    CHECK(strstr(json.ptr, "\"cvpat\": [") != NULL);
    exc_buf_dispose(&json);
    OK(exc_pls_model_fit_json(&json, model, data, NULL, &some));
    CHECK(strstr(json.ptr, "excellence.pls_model_fit/1") != NULL && strstr(json.ptr, "\"resamples\": 40") != NULL);
    exc_buf_dispose(&json);
    for (i = 0; i < rows; ++i) groups[i] = i % 2 == 0 ? "a" : "b";
    OK(exc_pls_mga_json(&json, model, data, groups, rows, NULL, 30, NULL));
    CHECK(strstr(json.ptr, "excellence.pls_mga/1") != NULL && strstr(json.ptr, "\"permutations\": 30") != NULL);
    exc_buf_dispose(&json);
    expect_error(exc_pls_mga_json(&json, model, data, groups, rows - 1, NULL, 30, NULL), EXC_EINVALID_VALUE, NULL,
                 "groups", "one label per row");
    free((void *)groups);
  }

  /* The same model from its lavaan-style syntax file, written back; a syntax error's place. */
  {
    exc_pls_model *from_text = NULL;
    exc_buf text = EXC_BUF_INIT;
    const char *bad = "A =~ a1\nA =< a2\n";
    OK(exc_pls_model_read(&from_text, at("tests/data/pls/satisfaction_model.txt")));
    OK(exc_pls_model_to_syntax(&text, from_text));
    CHECK(strstr(text.ptr, "SAT ~ IMAG + EXPE + QUAL + VAL\n") != NULL);
    exc_pls_model_free(from_text);
    from_text = NULL;
    OK(exc_pls_model_parse_syntax(&from_text, text.ptr, text.size, "written"));
    exc_buf_dispose(&text);
    OK(exc_pls_model_to_json(&text, from_text));
    CHECK(strstr(text.ptr, "\"excellence.pls_model/1\"") != NULL);
    exc_buf_dispose(&text);
    exc_pls_model_free(from_text);
    from_text = NULL;
    expect_error(exc_pls_model_parse_syntax(&from_text, bad, strlen(bad), "m.txt"), EXC_EINVALID_SYNTAX, "m.txt", NULL,
                 "a model with an unknown operator");
    CHECK(exc_last_error()->line == 2 && exc_last_error()->column == 3);
  }

  /* Consistent PLS (options version 2): ADANCO's QUAL -> VAL of
     tests/data/reference/pls/plsc_adanco_satisfaction.json, with its warning. */
  {
    exc_pls_options plsc = EXC_PLS_OPTIONS_INIT;
    exc_pls_fit *consistent = NULL;
    plsc.scheme = EXC_PLS_FACTORIAL;
    plsc.consistent = 1;
    OK(exc_pls_estimate(&consistent, model, data, &plsc));
    OK(exc_pls_fit_path(&path, consistent, "QUAL", "VAL"));
    CHECK(fabs(path - 2.5792162967761136) < 1e-6);
    OK(exc_pls_fit_get_info(&info, consistent));
    CHECK(info.warnings == 3); /* EXPE -> VAL, QUAL -> VAL and VAL -> SAT beyond +-1 */
    plsc.version = 1;          /* a version 1 caller's struct has no `consistent`: ordinary PLS */
    exc_pls_fit_free(consistent);
    consistent = NULL;
    OK(exc_pls_estimate(&consistent, model, data, &plsc));
    OK(exc_pls_fit_path(&path, consistent, "QUAL", "VAL"));
    CHECK(fabs(path) < 1);
    exc_pls_fit_free(consistent);
  }

  /* Cancellation: a raised flag, and a progress callback that says stop. */
  OK(exc_cancel_new(&cancel));
  exc_cancel_request(cancel);
  options.cancel = cancel;
  exc_pls_bootstrap_free(boot);
  boot = NULL;
  expect_error(exc_pls_bootstrap_new(&boot, model, data, &options, &few), EXC_ECANCELLED, NULL, NULL,
               "a cancelled bootstrap");
  CHECK(boot == NULL);
  options.cancel = NULL;
  options.progress = stop_at_once;
  options.payload = &calls;
  few.threads = 1;
  few.resamples = 200; /* progress comes every 64 resamples */
  expect_error(exc_pls_bootstrap_new(&boot, model, data, &options, &few), EXC_ECANCELLED, NULL, NULL,
               "a bootstrap its callback stopped");
  CHECK(calls >= 1);
  exc_cancel_free(cancel);

  /* A model from arrays: two blocks of the satisfaction data, IMAG -> SAT. */
  {
    const char *latent[2] = {"IMAG", "SAT"};
    const int inner[4] = {0, 0, 1, 0}; /* row SAT, column IMAG */
    const size_t sizes[2] = {2, 2};
    const char *indicators[4] = {"imag1", "imag2", "sat1", "sat2"};
    const char *missing_name[4] = {"imag1", "imag2", "sat1", "nope"};
    const double values[12] = {1, 2, 3, 2, 3, 5, 1, 1, 4, 2, 2, 3}; /* 3 rows x 4 columns, column-major */
    exc_pls_model *small = NULL;
    exc_pls_data *small_data = NULL;
    exc_pls_fit *small_fit = NULL;
    const int cyclic[4] = {0, 1, 1, 0};
    OK(exc_pls_model_new(&small, latent, 2, inner, sizes, indicators, NULL));
    OK(exc_pls_data_new(&small_data, values, 3, 4, indicators, NULL));
    OK(exc_pls_estimate(&small_fit, small, small_data, NULL));
    OK(exc_pls_fit_get_info(&info, small_fit));
    CHECK(info.n == 3 && info.indicators == 4);
    exc_pls_fit_free(small_fit);
    exc_pls_data_free(small_data);
    small_data = NULL;
    OK(exc_pls_data_new(&small_data, values, 3, 4, missing_name, NULL));
    expect_error(exc_pls_estimate(&small_fit, small, small_data, NULL), EXC_EMISSING_FIELD, NULL, "data",
                 "an indicator the data lacks");
    CHECK(strstr(exc_last_error()->message, "\"sat2\"") != NULL);
    exc_pls_data_free(small_data);
    exc_pls_model_free(small);
    small = NULL;
    expect_error(exc_pls_model_new(&small, latent, 2, cyclic, sizes, indicators, NULL), EXC_EINVALID_VALUE, NULL,
                 "path_matrix", "a cycle");
  }

  /* A data file without the model's columns names the file and the column. */
  exc_pls_data_free(data);
  data = NULL;
  expect_error(exc_pls_data_read(&data, at("tests/data/clv/cdnow_summary.csv"), model), EXC_EMISSING_FIELD,
               "cdnow_summary.csv", "imag1", "a file without the indicators");

  exc_pls_bootstrap_free(boot);
  exc_pls_index_free(index);
  exc_pls_fit_free(fit);
  exc_pls_model_free(model);
}

/* The examiner's report: the three examiners' consensus, its pieces as strings. */
static size_t count_of(const char *text, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle)) ++n;
  return n;
}

static void reports(void) {
  exc_framework *tree = NULL;
  exc_assessment *a[4] = {NULL, NULL, NULL, NULL};
  exc_review *review = NULL;
  exc_buf text = {NULL, 0};
  exc_review_options options = EXC_REVIEW_OPTIONS_INIT;
  char xlsx[4200];
  FILE *file = NULL;
  OK(exc_framework_builtin(&tree, "gbt19580-2012"));
  OK(exc_assessment_read(&a[0], at("examples/data/examiner-li.json")));
  OK(exc_assessment_read(&a[1], at("examples/data/examiner-wang.json")));
  OK(exc_assessment_read(&a[2], at("examples/data/examiner-zhao.json")));
  OK(exc_assessment_read(&a[3], at("examples/data/history/xinghe-2025.json")));

  OK(exc_review_new(&review, (const exc_assessment *const *)a, 3, tree, &options));
  CHECK(exc_review_kind_of(review) == EXC_REVIEW_CONSENSUS);
  OK(exc_review_to_html(&text, review, EXC_LANGUAGE_ZH));
  CHECK(strncmp(text.ptr, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0 && strlen(text.ptr) == text.size);
  CHECK(strstr(text.ptr, "<script") == NULL && strstr(text.ptr, "http") == NULL);
  exc_buf_dispose(&text);
  /* 23 items x 3 examiners; 4.3.3 (55, 45, 35) is the one flagged row. */
  OK(exc_review_chart(&text, review, EXC_CHART_SPREAD, NULL, EXC_LANGUAGE_EN));
  CHECK(count_of(text.ptr, "<circle class=\"examiner\"") == 69);
  CHECK(count_of(text.ptr, "<rect class=\"flagged\"") == 1);
  exc_buf_dispose(&text);
  OK(exc_review_chart(&text, review, EXC_CHART_BANDS, "4.3", EXC_LANGUAGE_EN));
  CHECK(count_of(text.ptr, "<circle class=\"item\"") == 2);
  exc_buf_dispose(&text);
  OK(exc_review_to_csv(&text, review, EXC_TABLE_CONSENSUS, EXC_LANGUAGE_EN));
  CHECK(strstr(text.ptr, "\r\n4.3.3,Customer relationships and customer satisfaction,55,45,35,3,45,45,35,55,20,10,45,yes\r\n") !=
        NULL);
  exc_buf_dispose(&text);
  snprintf(xlsx, sizeof xlsx, "%s/tests/consensus.xlsx", root);
  OK(exc_review_write_xlsx(review, xlsx, EXC_LANGUAGE_EN));
  file = fopen(xlsx, "rb");
  CHECK(file != NULL && fgetc(file) == 'P' && fgetc(file) == 'K'); /* a zip archive */
  if (file != NULL) fclose(file);
  remove(xlsx);

  expect_error(exc_review_chart(&text, review, EXC_CHART_HISTORY, NULL, EXC_LANGUAGE_EN), EXC_EINVALID_VALUE, NULL,
               "chart", "a history chart of a consensus");
  expect_error(exc_review_to_html(&text, review, 7), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "an unknown language");
  expect_error(exc_review_chart(&text, review, 9, NULL, EXC_LANGUAGE_EN), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "an unknown chart");
  expect_error(exc_review_to_csv(&text, review, -1, EXC_LANGUAGE_EN), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "an unknown table");
  expect_error(exc_review_write_xlsx(review, "/nonexistent-folder/r.xlsx", EXC_LANGUAGE_EN), EXC_EIO,
               "nonexistent-folder", NULL, "an unwritable workbook");
  exc_review_free(review);
  review = NULL;
  /* Two examiners of 2026 and the record of 2025: which stands for 2026 would be a guess. */
  expect_error(exc_review_new(&review, (const exc_assessment *const *)a + 1, 3, tree, NULL), EXC_EINVALID_VALUE, NULL,
               "date", "mixed years");
  CHECK(review == NULL);
  CHECK(exc_review_kind_of(NULL) == EXC_EINVALID_ARGUMENT);
  exc_review_free(NULL);
  exc_assessment_free(a[0]);
  exc_assessment_free(a[1]);
  exc_assessment_free(a[2]);
  exc_assessment_free(a[3]);
  exc_framework_free(tree);
}

/* A whole file as text (NUL-terminated), or NULL; *size its length. */
static char *file_text(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  long n = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = malloc((size_t)n + 1);
    if (text != NULL && fread(text, 1, (size_t)n, f) == (size_t)n) {
      text[n] = '\0';
      *size = (size_t)n;
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(f);
  return text;
}

/* Results evidence: the sample's six measures, the examiners checked against it, and the
   report with the evidence beside 4.7.3. */
static void evidence(void) {
  exc_framework *tree = NULL;
  exc_assessment *wang = NULL;
  exc_evidence *e = NULL;
  exc_review *review = NULL;
  exc_buf text = {NULL, 0};
  exc_evidence_options options = EXC_EVIDENCE_OPTIONS_INIT;
  exc_review_options review_options = EXC_REVIEW_OPTIONS_INIT;
  size_t measures_size = 0, series_size = 0;
  char *measures = file_text(at("examples/data/evidence/measures.json"), &measures_size);
  char *series = file_text(at("examples/data/evidence/series.csv"), &series_size);
  const char duplicate[] = "measure,segment,period,value\ncsi,consumer,2024,80\ncsi,consumer,2024,81\n";
  CHECK(measures != NULL && series != NULL);
  OK(exc_framework_builtin(&tree, "gbt19580-2012"));
  OK(exc_assessment_read(&wang, at("examples/data/examiner-wang.json")));
  OK(exc_evidence_new(&e, measures, measures_size, "measures.json", series, series_size, "series.csv", tree, &options));
  CHECK(exc_evidence_series_count(e) == 12);
  OK(exc_evidence_to_json(&text, e, (const exc_assessment *const *)&wang, 1));
  CHECK(strstr(text.ptr, "\"format\": \"excellence.evidence/1\"") != NULL);
  CHECK(strstr(text.ptr, "\"min_percent\": 30") != NULL && strstr(text.ptr, "\"max_percent\": 85") != NULL);
  CHECK(count_of(text.ptr, "\"code\": \"percent_outside_evidence\"") == 4);
  exc_buf_dispose(&text);
  OK(exc_evidence_trend_chart(&text, e, 2, EXC_LANGUAGE_EN)); /* nps, automotive */
  CHECK(count_of(text.ptr, "<circle class=\"point\"") == 6);
  exc_buf_dispose(&text);
  review_options.evidence = e;
  OK(exc_review_new(&review, (const exc_assessment *const *)&wang, 1, tree, &review_options));
  OK(exc_review_to_html(&text, review, EXC_LANGUAGE_EN));
  CHECK(count_of(text.ptr, "<section class=\"evidence\" data-item=\"4.7.3\"") == 1);
  exc_buf_dispose(&text);
  exc_review_free(review);

  expect_error(exc_evidence_trend_chart(&text, e, 12, EXC_LANGUAGE_EN), EXC_EINVALID_ARGUMENT, NULL, NULL,
               "a series that is not there");
  expect_error(exc_evidence_trend_chart(&text, e, 0, 5), EXC_EINVALID_ARGUMENT, NULL, NULL, "an unknown language");
  exc_evidence_free(e);
  e = NULL;
  expect_error(exc_evidence_new(&e, measures, measures_size, "measures.json", duplicate, sizeof duplicate - 1,
                                "series.csv", tree, NULL),
               EXC_EDUPLICATE_ID, "series.csv", "period", "a period twice");
  CHECK(e == NULL);
  options.most = 2;
  expect_error(exc_evidence_new(&e, measures, measures_size, "measures.json", series, series_size, "series.csv", tree,
                                &options),
               EXC_EOUT_OF_RANGE, NULL, "options.shares", "a share above 1");
  exc_evidence_free(NULL);
  free(measures);
  free(series);
  exc_assessment_free(wang);
  exc_framework_free(tree);
}

/* The synthetic members (examples/data/clv_members.csv, drawn with gamma = 0.7 on member and
   delta = 0.5 on engagement): the Pareto/NBD with covariates, its test and predictions, and the
   fit read back from its document. */
static void lifetime_value_covariates(void) {
  const char *names[5] = {"frequency", "recency", "T", "member", "engagement"};
  const char *transaction_names[1] = {"member"}, *lifetime_names[1] = {"engagement"};
  const double *transaction[1], *lifetime[1];
  size_t rows = 0, i;
  double *table = read_columns(at("examples/data/clv_members.csv"), names, 5, &rows);
  double *columns = malloc(5 * rows * sizeof(double)), *p_alive = malloc(rows * sizeof(double)),
         *expected = malloc(rows * sizeof(double)), *again_expected = malloc(rows * sizeof(double));
  double params[6], se[6];
  exc_clv_data data;
  exc_clv_covariates covariates;
  exc_clv_covariate_fit *fit = NULL, *again = NULL;
  exc_clv_fit_info info, without;
  exc_clv_likelihood_ratio test;
  exc_buf json = EXC_BUF_INIT;

  CHECK(rows == 1200);
  for (i = 0; i < 5 * rows; ++i) columns[(i % 5) * rows + i / 5] = table[i];
  data.frequency = columns;
  data.recency = columns + rows;
  data.age = columns + 2 * rows;
  data.monetary = NULL;
  data.weights = NULL;
  data.count = rows;
  transaction[0] = columns + 3 * rows;
  lifetime[0] = columns + 4 * rows;
  covariates.transaction_names = transaction_names;
  covariates.transaction = transaction;
  covariates.transaction_count = 1;
  covariates.lifetime_names = lifetime_names;
  covariates.lifetime = lifetime;
  covariates.lifetime_count = 1;

  OK(exc_clv_covariate_fit_new(&fit, EXC_CLV_PNBD, &data, &covariates, NULL));
  OK(exc_clv_fit_get_info(&info, exc_clv_covariate_fit_with(fit)));
  OK(exc_clv_fit_get_info(&without, exc_clv_covariate_fit_without(fit)));
  CHECK(info.model == EXC_CLV_PNBD && info.parameters == 6 && info.converged && without.parameters == 4);
  CHECK(strcmp(exc_clv_fit_param_name(exc_clv_covariate_fit_with(fit), 4), "transaction.member") == 0);
  CHECK(strcmp(exc_clv_fit_param_name(exc_clv_covariate_fit_with(fit), 5), "lifetime.engagement") == 0);
  OK(exc_clv_fit_params(params, 6, exc_clv_covariate_fit_with(fit)));
  OK(exc_clv_fit_standard_errors(se, 6, exc_clv_covariate_fit_with(fit)));
  CHECK(fabs(params[4] - 0.7) < 3 * se[4] && fabs(params[5] - 0.5) < 3 * se[5]);
  OK(exc_clv_covariate_fit_test(&test, fit));
  CHECK(test.degrees_of_freedom == 2 && test.p_value < 1e-10);
  CHECK(near(test.statistic, 2 * (info.log_likelihood - without.log_likelihood), 1e-9));
  OK(exc_clv_covariate_predict(p_alive, expected, fit, &data, &covariates, 26, 0));
  for (i = 0; i < rows; ++i) CHECK(p_alive[i] > 0 && p_alive[i] <= 1 && expected[i] >= 0);
  /* Read back from its document, the fit predicts exactly as itself. */
  OK(exc_clv_covariate_fit_to_json(&json, fit));
  OK(exc_clv_covariate_fit_parse(&again, json.ptr, json.size, "fit.json"));
  OK(exc_clv_covariate_predict(NULL, again_expected, again, &data, &covariates, 26, 0));
  for (i = 0; i < rows; ++i) CHECK(again_expected[i] == expected[i]);
  /* The model's own prediction refuses the fit with covariates: its base alone would mis-predict. */
  expect_error(exc_clv_predict(p_alive, expected, exc_clv_covariate_fit_with(fit), &data, 26, 0),
               EXC_EMODEL_MISMATCH, NULL, "params", "a covariate fit without its covariates");
  lifetime_names[0] = "loyalty";
  expect_error(exc_clv_covariate_predict(p_alive, expected, fit, &data, &covariates, 26, 0), EXC_EMISSING_FIELD, NULL,
               "lifetime", "a covariate the fit needs is not given");
  covariates.lifetime = NULL;
  expect_error(exc_clv_covariate_predict(p_alive, expected, fit, &data, &covariates, 26, 0), EXC_EINVALID_ARGUMENT,
               NULL, NULL, "NULL covariate columns");
  {
    const char *plain = "{\"format\": \"excellence.clv_fit/1\"}";
    expect_error(exc_clv_covariate_fit_parse(&again, plain, strlen(plain), "x.json"), EXC_EUNKNOWN_FORMAT, "x.json",
                 NULL, "a fit without covariates");
  }

  exc_buf_dispose(&json);
  exc_clv_covariate_fit_free(again);
  exc_clv_covariate_fit_free(fit);
  free(table);
  free(columns);
  free(p_alive);
  free(expected);
  free(again_expected);
}

int main(int argc, char **argv) {
  int major = -1, minor = -1, patch = -1;
  if (argc != 2) {
    fprintf(stderr, "usage: consumer REPOSITORY_ROOT\n");
    return 2;
  }
  snprintf(root, sizeof root, "%s", argv[1]);
  exc_version(&major, &minor, &patch);
  CHECK(major == EXC_VERSION_MAJOR && minor == EXC_VERSION_MINOR && patch == EXC_VERSION_PATCH);
  CHECK(exc_last_error() == NULL);

  frameworks_and_scores();
  reports();
  evidence();
  metrics();
  servqual();
  lifetime_value();
  lifetime_value_covariates();
  holdout_validation();
  contractual_retention();
  path_models();

  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("C consumer: all checks passed\n");
  return 0;
}
