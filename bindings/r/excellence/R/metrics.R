#' Net Promoter Score
#'
#' NPS = % promoters − % detractors of whole-number answers on 0–10 (detractors 0–6,
#' promoters 9–10 by default), optionally weighted, with its standard error and a Wald
#' or adjusted-Wald interval.
#'
#' @param x The answers: a numeric vector, or a data frame with the column `column`.
#' @param column With a data frame: the name of the answers' column.
#' @param weights `NULL`, or one survey weight per answer (or a column name).
#' @param confidence Of the interval.
#' @param interval `"wald"` or `"adjusted-wald"` (Rocks 2016).
#' @param scale The answer scale's ends.
#' @param detractor_max,promoter_min The bands.
#' @return A one-row data frame: `nps`, `se`, `lower`, `upper`, `confidence`, `n`,
#'   `promoters`, `passives`, `detractors`, `effective_n`.
#' @examples
#' nps(c(10, 9, 8, 7, 6, 0, 10, 10, 3, 9))
#' @export
nps <- function(x, column = NULL, weights = NULL, confidence = 0.95, interval = c("wald", "adjusted-wald"),
                scale = c(0, 10), detractor_max = 6, promoter_min = 9) {
  interval <- match.arg(interval)
  data <- if (is.data.frame(x)) x else NULL
  answers <- as_numbers(if (is.null(data)) x else pick(data, column, "column"), "answers")
  if (!is.null(weights)) weights <- as_numbers(pick(data, weights, "weights"), "weights")
  r <- unwrap(cpp_nps(answers, weights, confidence, interval, as.integer(scale[1]), as.integer(scale[2]),
                      as.integer(detractor_max), as.integer(promoter_min)))
  one_row(r)
}

one_row <- function(r) {
  r$json <- NULL
  as.data.frame(r, stringsAsFactors = FALSE)
}

#' Customer satisfaction (CSAT)
#'
#' The share of ratings in the top box (4–5 of 1–5 by default), 0–100, with a Wilson
#' interval, and the mean rating.
#'
#' @inheritParams nps
#' @param x The ratings: a numeric vector, or a data frame with the column `column`.
#' @param scale The rating scale's ends.
#' @param top_box_min The lowest rating that counts as satisfied.
#' @return A one-row data frame: `csat`, `lower`, `upper`, `confidence`,
#'   `mean_rating`, `satisfied`, `n`.
#' @examples
#' csat(c(5, 4, 3, 5, 2, 4))
#' @export
csat <- function(x, column = NULL, scale = c(1, 5), top_box_min = 4, confidence = 0.95) {
  ratings <- as_numbers(if (is.data.frame(x)) pick(x, column, "column") else x, "ratings")
  one_row(unwrap(cpp_csat(ratings, as.integer(scale[1]), as.integer(scale[2]), as.integer(top_box_min), confidence)))
}

#' SERVQUAL and SERVPERF
#'
#' Service quality by item and by the five dimensions (tangibles, reliability,
#' responsiveness, assurance, empathy) from long-format answers: one row per respondent
#' and item. With expectations the scores are gaps P − E (SERVQUAL, Parasuraman et al.
#' 1988); with `expectation = NULL` they are perceptions (SERVPERF, Cronin & Taylor
#' 1992). `NA` is a missing answer: an error unless `missing = "drop"`.
#'
#' Each of `respondent`, `item`, `dimension`, `expectation`, `perception` is a column
#' name of `data`, or (with `data = NULL`) the vector itself.
#'
#' @param data A data frame, or `NULL` to pass vectors.
#' @param respondent,item,dimension,expectation,perception The columns.
#' @param importance `NULL`, or the five dimensions' importance (e.g. mean points of
#'   100) in the order above, for the weighted score.
#' @param scale The answer scale's ends (1–7 in the original instrument).
#' @param missing `"error"` or `"drop"` (drop the pair; counted).
#' @return An object of class `excellence_servqual`: `model`, `dimensions` and `items`
#'   (data frames), `unweighted` (mean of the dimension scores), `weighted`,
#'   `respondents`, `dropped`, `json`.
#' @examples
#' answers <- data.frame(
#'   respondent = rep(c("r1", "r2"), each = 5),
#'   item = rep(c("t1", "rel1", "res1", "a1", "e1"), 2),
#'   dimension = rep(c("tangibles", "reliability", "responsiveness", "assurance", "empathy"), 2),
#'   expectation = c(7, 7, 6, 6, 5, 6, 7, 7, 5, 6),
#'   perception = c(5, 6, 6, 4, 5, 6, 5, 6, 5, 4))
#' servqual(answers)$dimensions
#' @export
servqual <- function(data = NULL, respondent = "respondent", item = "item", dimension = "dimension",
                     expectation = "expectation", perception = "perception", importance = NULL,
                     scale = c(1, 7), missing = c("error", "drop")) {
  missing <- match.arg(missing)
  e <- if (is.null(expectation)) NULL else as_numbers(pick(data, expectation, "expectation"), "expectation")
  r <- unwrap(cpp_servqual(as_text(pick(data, respondent, "respondent")), as_text(pick(data, item, "item")),
                           as_text(pick(data, dimension, "dimension")), e,
                           as_numbers(pick(data, perception, "perception"), "perception"),
                           if (is.null(importance)) NULL else as.double(importance),
                           as.integer(scale[1]), as.integer(scale[2]), missing))
  raise_warnings(r$warnings)
  structure(r, class = "excellence_servqual")
}

#' @export
print.excellence_servqual <- function(x, ...) {
  cat(sprintf("<%s of %d respondents: unweighted %.4f%s>\n", toupper(x$model), x$respondents, x$unweighted,
              if (is.na(x$weighted)) "" else sprintf(", weighted %.4f", x$weighted)))
  print(x$dimensions, row.names = FALSE)
  invisible(x)
}

#' Kano classification
#'
#' Classifies each attribute (must-be, one-dimensional, attractive, indifferent,
#' reverse, questionable) from paired functional/dysfunctional answers (1 like, 2 must
#' be, 3 neutral, 4 live with, 5 dislike), with Berger's better and worse coefficients.
#'
#' @param data A data frame with one row per respondent and attribute, or `NULL` to
#'   pass vectors.
#' @param attribute,functional,dysfunctional The columns (names of `data`'s columns,
#'   or vectors).
#' @param tie_margin Categories within this many percentage points of the top share
#'   tie with it; ties go M > O > A > I > R > Q.
#' @return A data frame, one row per attribute: `attribute`, `category`, `n`, `better`,
#'   `worse`, `questionable_share`.
#' @examples
#' kano(attribute = c("wifi", "wifi", "bed"), functional = c(1, 1, 2), dysfunctional = c(5, 3, 5))
#' @export
kano <- function(data = NULL, attribute = "attribute", functional = "functional", dysfunctional = "dysfunctional",
                 tie_margin = 0) {
  unwrap(cpp_kano(as_text(pick(data, attribute, "attribute")),
                  as_numbers(pick(data, functional, "functional"), "functional"),
                  as_numbers(pick(data, dysfunctional, "dysfunctional"), "dysfunctional"), tie_margin))$table
}

#' Importance-performance analysis
#'
#' Places each attribute in one of the four quadrants of Martilla & James (1977):
#' concentrate here, keep up the good work, low priority, possible overkill.
#'
#' @param data A data frame with one row per attribute, or `NULL` to pass vectors.
#' @param attribute,importance,performance The columns (names or vectors).
#' @param crosshair Where the lines are: `"data_means"`, `"scale_midpoint"` or `"given"`
#'   (then `lines`).
#' @param scale The common scale's ends.
#' @param lines With `crosshair = "given"`: the importance and performance lines.
#' @return A data frame: `attribute`, `importance`, `performance`, `quadrant`, with
#'   attributes `importance_line` and `performance_line`.
#' @examples
#' ipa(attribute = c("price", "speed", "staff"), importance = c(4.5, 3.2, 4.1),
#'     performance = c(3.1, 4.0, 4.4))
#' @export
ipa <- function(data = NULL, attribute = "attribute", importance = "importance", performance = "performance",
                crosshair = c("data_means", "scale_midpoint", "given"), scale = c(1, 5), lines = c(0, 0)) {
  crosshair <- match.arg(crosshair)
  names <- as_text(pick(data, attribute, "attribute"))
  imp <- as_numbers(pick(data, importance, "importance"), "importance")
  perf <- as_numbers(pick(data, performance, "performance"), "performance")
  if (length(imp) != length(names) || length(perf) != length(names))
    argument_error("importance", "attribute, importance and performance must have one entry per attribute")
  r <- unwrap(cpp_ipa(names, imp, perf, crosshair, scale[1], scale[2], lines[1], lines[2]))
  structure(r$table, importance_line = r$importance_line, performance_line = r$performance_line)
}

#' Customer delivered value
#'
#' Delivered value = total customer value − total customer cost (Kotler): product,
#' service, personnel and image value against monetary, time, energy and physical cost,
#' per respondent and offer (long format), averaged per offer, with the share of
#' respondents who prefer each offer and the preferred set.
#'
#' @param data A data frame with one row per respondent and offer, or `NULL` to pass
#'   vectors.
#' @param offer,respondent The columns (names or vectors). `respondent = NULL`: one
#'   respondent judged every offer (one row per offer).
#' @param components The eight components' columns, named by component: a character
#'   vector such as `c(product = "prod", ...)`, or a list of vectors. By default the
#'   columns named `product`, `service`, `personnel`, `image`, `monetary`, `time`,
#'   `energy`, `physical`.
#' @param sensitivity `NULL`, or the logit sensitivity for choice shares.
#' @return A data frame per offer: `offer`, `total_value`, `total_cost`,
#'   `delivered_value`, `value_ratio`, `preferred_share`, `choice_share`, with attributes
#'   `preferred` and `respondents`.
#' @examples
#' offers <- data.frame(respondent = c("a", "a", "b", "b"), offer = c("us", "them", "us", "them"),
#'                      product = c(8, 7, 9, 6), service = c(7, 6, 8, 7), personnel = c(6, 6, 7, 5),
#'                      image = c(7, 8, 6, 7), monetary = c(5, 4, 5, 4), time = c(2, 3, 2, 2),
#'                      energy = c(1, 2, 1, 1), physical = c(1, 1, 1, 2))
#' delivered_value(offers)
#' @export
delivered_value <- function(data = NULL, offer = "offer", respondent = "respondent", components = NULL,
                            sensitivity = NULL) {
  parts <- cpp_value_components()
  if (is.null(components)) components <- stats::setNames(as.list(parts), parts)
  unknown <- setdiff(names(components), parts)
  if (length(unknown) > 0 || !all(parts %in% names(components)))
    argument_error("components", paste0("name each of ", paste(parts, collapse = ", "), " exactly once"))
  amounts <- lapply(parts, function(p) as_numbers(pick(data, components[[p]], p), p))
  who <- if (is.null(respondent)) character() else as_text(pick(data, respondent, "respondent"))
  r <- unwrap(cpp_delivered_value(who, as_text(pick(data, offer, "offer")), amounts, sensitivity))
  structure(r$table, preferred = r$preferred, respondents = r$respondents)
}

#' Cohort retention
#'
#' Retention by cohort (the period of each customer's first activity) and age from
#' activity records: the share of a cohort still seen at each age, and the share active
#' in that period.
#'
#' @param data A data frame of activity records, or `NULL` to pass vectors.
#' @param customer,period The columns (names or vectors). Periods are labels:
#'   `"2024-03"` for months, `"2024-Q1"` for quarters, `"2024-03-15"` for days, or
#'   running integers.
#' @param unit `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`.
#' @return A data frame, one row per cohort: `cohort`, `size`, and `age_0`, `age_1`, …
#'   (retention; `NA` where not yet observed), with attributes `active_share` (the same
#'   shape), `retention_by_age` and `active_share_by_age` (pooled).
#' @examples
#' retention_table(customer = c("a", "b", "a", "c", "b", "a"),
#'                 period = c("2024-01", "2024-01", "2024-02", "2024-02", "2024-03", "2024-03"))
#' @export
retention_table <- function(data = NULL, customer = "customer", period = "period",
                            unit = c("month", "quarter", "week", "day", "year")) {
  unit <- match.arg(unit)
  r <- unwrap(cpp_retention(as_text(pick(data, customer, "customer")), as_text(pick(data, period, "period")), unit))
  ages <- paste0("age_", seq_len(ncol(r$retention)) - 1L)
  colnames(r$retention) <- ages
  colnames(r$active_share) <- ages
  out <- data.frame(cohort = r$cohort, size = r$size, r$retention, stringsAsFactors = FALSE, check.names = FALSE)
  structure(out, active_share = data.frame(cohort = r$cohort, r$active_share, check.names = FALSE),
            retention_by_age = r$retention_by_age, active_share_by_age = r$active_share_by_age)
}

#' RFM segmentation
#'
#' Recency, frequency and monetary scores by quantiles (1 … `bins`, high = good: recent,
#' frequent, much spending), segment codes such as `"534"`, and the concentration of
#' value (Gini, the top 20 % share).
#'
#' @param data A data frame with one row per customer, or `NULL` to pass vectors.
#' @param customer,recency,frequency,monetary The columns (names or vectors); recency is
#'   the time since the last purchase.
#' @param bins The number of score levels.
#' @return A data frame: `customer`, `r`, `f`, `m`, `segment`, with attributes `gini`
#'   and `top_20_share`.
#' @examples
#' rfm(customer = letters[1:6], recency = c(5, 40, 3, 90, 12, 60), frequency = c(8, 2, 12, 1, 4, 2),
#'     monetary = c(400, 60, 900, 20, 150, 80), bins = 3)
#' @export
rfm <- function(data = NULL, customer = "customer", recency = "recency", frequency = "frequency",
                monetary = "monetary", bins = 5) {
  r <- unwrap(cpp_rfm(as_text(pick(data, customer, "customer")), as_numbers(pick(data, recency, "recency"), "recency"),
                      as_numbers(pick(data, frequency, "frequency"), "frequency"),
                      as_numbers(pick(data, monetary, "monetary"), "monetary"), as.integer(bins)))
  structure(r$table, gini = r$gini, top_20_share = r$top_20_share)
}
