# Survivor counts as long columns: a numeric vector (one cohort), a list of vectors (named or
# not, one per cohort), or a data frame with columns cohort, age, survivors (and segment).
survivor_columns <- function(survivors, call = sys.call(-1)) {
  if (is.data.frame(survivors)) {
    for (column in c("cohort", "age", "survivors"))
      if (!column %in% colnames(survivors))
        argument_error("survivors", paste0("the data frame has no column '", column,
                                           "' (it needs cohort, age, survivors and optionally segment)"), call)
    return(list(segment = if ("segment" %in% colnames(survivors)) as_text(survivors$segment) else character(),
                cohort = as_text(survivors$cohort), age = as_numbers(survivors$age, "age", call),
                survivors = as_numbers(survivors$survivors, "survivors", call)))
  }
  if (is.numeric(survivors)) survivors <- list(survivors)
  if (!is.list(survivors) || length(survivors) == 0L)
    argument_error("survivors", "expected survivor counts: a numeric vector, a list of them or a data frame", call)
  names <- if (is.null(names(survivors))) as.character(seq_along(survivors) - 1L) else names(survivors)
  counts <- lapply(survivors, function(v) as_numbers(v, "survivors", call))
  list(segment = character(), cohort = rep(names, lengths(counts)),
       age = as.double(unlist(lapply(counts, function(v) seq_along(v) - 1L))), survivors = unlist(counts))
}

#' Fitting a contractual retention model
#'
#' Maximum-likelihood fit of the shifted-beta-geometric model (sBG; Fader & Hardie 2007)
#' or the beta-discrete-Weibull model (BdW; Fader, Hardie, Liu, Davin & Steenburgh 2018)
#' to survivor counts: how many of a cohort's customers are still under contract at each
#' renewal. Cohorts acquired in different periods, observed for different lengths of
#' time, share one process and pool into one fit.
#'
#' @param survivors One cohort's counts at ages 0, 1, 2, ... (a numeric vector), a list of
#'   cohorts' counts, or a data frame with one row per cohort and age (columns `cohort`,
#'   `age`, `survivors`).
#' @param model `"sbg"` or `"bdw"`.
#' @param start `NULL`, or the starting parameters (alpha, beta[, c]).
#' @param max_evaluations The most likelihood evaluations.
#' @param tolerance The optimiser's relative tolerance.
#' @return An object of class `excellence_retention_fit`. Methods: `print`, `coef`, `vcov`,
#'   `logLik` (so `AIC()` works), `nobs`, `predict` (survival and retention by age); see
#'   [retention_lifetime()] for DEL and DERL.
#' @examples
#' high_end <- c(1000, 869, 743, 653, 593, 551, 517, 491)
#' fit <- retention_fit(high_end)
#' fit
#' predict(fit, age = 8:12)
#' retention_lifetime(fit, discount = 0.1, renewals = 0:7)
#' @export
retention_fit <- function(survivors, model = c("sbg", "bdw"), start = NULL, max_evaluations = 2000,
                          tolerance = 1e-12) {
  model <- match.arg(model)
  s <- survivor_columns(survivors)
  f <- unwrap(cpp_retention_fit(s$cohort, s$age, s$survivors, model,
                                if (is.null(start)) numeric() else as.double(start), as.integer(max_evaluations),
                                tolerance))
  retention_fit_object(f)
}

retention_fit_object <- function(f, call = sys.call(-1)) {
  raise_warnings(f$warnings, call)
  dimnames(f$covariance) <- list(f$names, f$names)
  structure(list(model = f$model, coefficients = stats::setNames(f$params, f$names),
                 standard_errors = if (length(f$standard_errors)) stats::setNames(f$standard_errors, f$names) else NULL,
                 covariance = f$covariance, log_likelihood = f$log_likelihood, converged = f$converged,
                 evaluations = f$evaluations, status = f$status, customers = f$customers, cohorts = f$cohorts,
                 observations = f$observations),
            class = "excellence_retention_fit")
}

#' @export
print.excellence_retention_fit <- function(x, digits = 6, ...) {
  cat(sprintf("<%s retention model fit to %s customers in %d cohort(s): LL %.4f, %s after %d evaluations>\n",
              if (x$model == "sbg") "sBG" else "BdW", format(x$customers), as.integer(x$cohorts), x$log_likelihood,
              if (x$converged) "converged" else "NOT converged", x$evaluations))
  print(signif(cbind(estimate = x$coefficients,
                     std_error = if (is.null(x$standard_errors)) NA_real_ else x$standard_errors), digits))
  invisible(x)
}

#' @export
coef.excellence_retention_fit <- function(object, ...) object$coefficients

#' @export
vcov.excellence_retention_fit <- function(object, ...) object$covariance

#' @export
logLik.excellence_retention_fit <- function(object, ...) {
  structure(object$log_likelihood, df = length(object$coefficients), nobs = object$customers, class = "logLik")
}

#' @export
nobs.excellence_retention_fit <- function(object, ...) object$customers

curve_params <- function(fit) {
  p <- fit$coefficients
  c(p[["alpha"]], p[["beta"]], if ("c" %in% names(p)) p[["c"]] else 1)
}

#' Survival and retention projected by a retention model
#'
#' @param object A fit from [retention_fit()].
#' @param age The ages (periods since acquisition) to project.
#' @param ... Not used.
#' @return A data frame: `age`, `survival` (S(t), the share of a cohort still under
#'   contract) and `retention` (S(t)/S(t - 1); NA at age 0).
#' @export
predict.excellence_retention_fit <- function(object, age = 0:10, ...) {
  p <- curve_params(object)
  r <- cpp_retention_curve(p[1], p[2], p[3], as_numbers(age, "age"))
  data.frame(age = age, survival = r$survival, retention = r$retention)
}

#' Discounted expected lifetimes of a retention model
#'
#' DEL, the discounted expected number of payments of a new customer (the first at
#' acquisition), and DERL, those still to come from a customer who has renewed n times,
#' with (sBG) the retention elasticity of DERL (Fader & Hardie 2010). Times a margin per
#' period they are lifetime and residual values.
#'
#' @param fit A fit from [retention_fit()].
#' @param discount The discount rate per period (0.1 for 10 percent).
#' @param renewals The renewal counts n.
#' @return A list: `expected_lifetime` (DEL) and `residual` (a data frame: `renewals`,
#'   `residual_lifetime`, `elasticity`, NA for the BdW).
#' @export
retention_lifetime <- function(fit, discount, renewals = 0:4) {
  if (!inherits(fit, "excellence_retention_fit")) argument_error("fit", "expected a fit from retention_fit()")
  p <- curve_params(fit)
  r <- unwrap(cpp_retention_lifetime(p[1], p[2], p[3], as_numbers(discount, "discount"), as.integer(renewals)))
  list(expected_lifetime = r$expected_lifetime,
       residual = data.frame(renewals = renewals, residual_lifetime = r$residual_lifetime, elasticity = r$elasticity))
}

#' Retention analysis per segment
#'
#' What `excellence retention fit` prints: a retention model fitted to each segment's
#' cohorts, survival and retention by age beside the observed values (ages after
#' `fit_through` held out), and with a discount rate DEL, DERL and (sBG) the retention
#' elasticity.
#'
#' @param survivors Survivor counts as [retention_fit()] takes them; a data frame may have
#'   a `segment` column (one fit per segment).
#' @param discount `NULL` (no lifetimes), or the discount rate per period.
#' @param model `"sbg"` or `"bdw"`.
#' @param horizon The last age projected; 0: twice the longest observed age, at least 10.
#' @param fit_through `NULL`, or the last age fitted.
#' @param unit What a period is: `"year"`, `"quarter"`, `"month"`, `"week"` or `"day"`.
#' @return An object of class `excellence_retention_analysis`: `segments`, a list of
#'   `segment`, `cohorts`, `fit` (an `excellence_retention_fit`), `ages` and `renewals`
#'   (data frames) and `expected_lifetime`; `json` (excellence.retention_fit/1); `text`.
#' @examples
#' frame <- data.frame(cohort = "year 1", age = 0:12,
#'                     survivors = c(1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173))
#' a <- retention_analysis(frame, discount = 0.1, fit_through = 7)
#' a$segments[[1]]$ages
#' @export
retention_analysis <- function(survivors, discount = NULL, model = c("sbg", "bdw"), horizon = 0, fit_through = NULL,
                               unit = c("year", "quarter", "month", "week", "day")) {
  model <- match.arg(model)
  unit <- match.arg(unit)
  s <- survivor_columns(survivors)
  a <- unwrap(cpp_retention_analysis(s$segment, s$cohort, s$age, s$survivors, model,
                                     if (is.null(discount)) NULL else as_numbers(discount, "discount"),
                                     as.integer(horizon), if (is.null(fit_through)) NULL else as.integer(fit_through),
                                     unit))
  a$segments <- lapply(a$segments, function(x) {
    x$fit <- retention_fit_object(x$fit)
    x
  })
  structure(a, class = "excellence_retention_analysis")
}

#' @export
print.excellence_retention_analysis <- function(x, ...) {
  cat(x$text)
  invisible(x)
}
