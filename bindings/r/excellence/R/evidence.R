#' Results evidence: levels, trends and comparisons of measured results
#'
#' The evidence of an organisation's measured customer results for the results items they
#' evidence (4.7.3 customer and market results): per series of a measure and segment its
#' last level against target and comparisons, its trend (Theil-Sen slope, Mann-Kendall
#' test) and comparisons; per results item the band each of levels, trends, comparisons
#' and integration supports, with the reason; and, for the assessments given, warnings
#' where an examiner's percent or dimension judgement lies outside it (the scores are not
#' changed). The thresholds turn the guidelines' words into shares (docs/evidence.md).
#'
#' @param measures Path of the measure definitions (excellence.measures/1).
#' @param series Path of the series CSV (`measure`, `segment`, `period`, `value`, optional
#'   `se`, `target` and one column per comparison).
#' @param assessments `NULL`, or assessments ([read_assessment()]) or paths to check.
#' @param some,many,most The shares the words "some", "many" and "most" stand for.
#' @param significance The Mann-Kendall p-value at or below which a trend counts.
#' @param confidence Of the Theil-Sen intervals and the last change's test.
#' @param trend_periods The fewest periods a trend is judged on (at least 3).
#' @param sustained_periods The periods a sustained improvement spans.
#' @param integration_scope The node whose areas integration asks to be measured.
#' @return A list of class `excellence_evidence`: `organization`, `series` (a data frame,
#'   one row per series), `items` (one row per results item and dimension: `band`,
#'   `min_percent`, `max_percent`, `reason_en`, `reason_zh`), `checks` (the warnings
#'   against the assessments: `code`, `field`, `message`) and `json`, the
#'   excellence.evidence/1 document.
#' @examples
#' e <- evidence(system.file("extdata", "measures.json", package = "excellence"),
#'               system.file("extdata", "series.csv", package = "excellence"),
#'               assessments = system.file("extdata", "examiner-wang.json", package = "excellence"))
#' e$items[, c("dimension", "band")]
#' e$checks$field
#' @export
evidence <- function(measures, series, assessments = NULL, some = 0.25, many = 0.5, most = 0.75,
                     significance = 0.1, confidence = 0.95, trend_periods = 3L, sustained_periods = 3L,
                     integration_scope = "4.3") {
  if (is.character(assessments)) assessments <- as.list(assessments)
  if (inherits(assessments, "excellence_assessment")) assessments <- list(assessments)
  list_of <- lapply(assessments, as_assessment)
  texts <- vapply(list_of, function(a) a$text, "")
  sources <- vapply(list_of, function(a) a$source, "")
  x <- unwrap(cpp_evidence(path.expand(measures), path.expand(series), texts, sources, some, many, most,
                           significance, confidence, as.integer(trend_periods), as.integer(sustained_periods),
                           integration_scope))
  structure(x, class = "excellence_evidence")
}

#' @export
as.data.frame.excellence_evidence <- function(x, ...) x$series

#' @export
print.excellence_evidence <- function(x, ...) {
  cat(sprintf("<evidence of %s: %d series, %d results item(s), %d examiner warning(s)>\n", x$organization,
              nrow(x$series), length(unique(x$items$item)), nrow(x$checks)))
  print(x$items[, c("item", "dimension", "band", "min_percent", "max_percent")], row.names = FALSE)
  invisible(x)
}

#' Trend statistics: Mann-Kendall test and Theil-Sen slope
#'
#' `mann_kendall()`: S, its variance with the ties correction, the continuity-corrected z
#' and the two-sided p-value, exact (the permutation distribution of S) without ties up to
#' 60 values. `theil_sen()`: the median of the pairwise slopes with Sen's confidence
#' interval (limits `NA` where too few points bound the slope), as R's trend::sens.slope
#' ranks them.
#'
#' @param x The values in time order.
#' @param times The times (strictly increasing) of `x`, for `theil_sen()`.
#' @param confidence Of the interval.
#' @return A list: `n`, `s`, `tau`, `tie_groups`, `variance`, `z`, `p_value`, `exact`; or
#'   `slope`, `intercept`, `lower`, `upper`, `confidence`, `slopes`.
#' @examples
#' mann_kendall(c(1, 2, 3, 4, 5, 6))$p_value   # 2/720
#' theil_sen(1:5, c(1, 2, 4, 3, 6))
#' @export
mann_kendall <- function(x) unwrap(cpp_mann_kendall(as.numeric(x)))

#' @rdname mann_kendall
#' @export
theil_sen <- function(times, x, confidence = 0.95) {
  unwrap(cpp_theil_sen(as.numeric(times), as.numeric(x), confidence))
}
