#' Customer summaries from transactions
#'
#' The frequency / recency / age summary the lifetime-value models take, from a
#' transaction log: per customer the number of repeat purchase days (`frequency`, BTYD's
#' `x`), the time from the first to the last purchase (`recency`, `t.x`), the time from
#' the first purchase to `end` (`T`, `T.cal`), and the mean value of the repeat
#' purchases (`monetary_value`). Purchases on one day are one transaction (their values
#' summed); records after `end` are not used (and counted).
#'
#' @param transactions A data frame with one row per purchase.
#' @param end The end of the calibration period: a `Date` or `"YYYY-MM-DD"`.
#' @param unit The time unit of recency and T: `"weeks"`, `"days"` or `"months"`.
#' @param customer,date,amount The columns of `transactions`: customer id, date (`Date`
#'   or `"YYYY-MM-DD"` text), amount.
#' @return A data frame, one row per customer: `customer`, `frequency`, `recency`, `T`,
#'   `monetary_value`; attributes `records`, `merged`, `after_end`,
#'   `customers_after_end`.
#' @examples
#' tx <- read.csv(system.file("extdata", "cdnow_sample_transactions.csv", package = "excellence"))
#' cbs <- clv_summary(tx, end = "1997-09-30", unit = "weeks",
#'                    customer = "customer_id", date = "date", amount = "dollar_value")
#' head(cbs)
#' @export
clv_summary <- function(transactions, end, unit = c("weeks", "days", "months"), customer = "customer",
                        date = "date", amount = "amount") {
  unit <- match.arg(unit)
  if (!is.data.frame(transactions)) argument_error("transactions", "expected a data frame")
  days <- as_days(pick(transactions, date, "date"), "date")
  last <- as_days(end, "end")
  if (length(last) != 1L || is.na(last)) argument_error("end", "expected one date")
  r <- unwrap(cpp_clv_summary(as_text(pick(transactions, customer, "customer")), days,
                              as_numbers(pick(transactions, amount, "amount"), "amount"), last, unit))
  out <- data.frame(customer = r$customer, frequency = r$frequency, recency = r$recency, T = r$T,
                    monetary_value = r$monetary_value, stringsAsFactors = FALSE)
  structure(out, records = r$records, merged = r$merged, after_end = r$after_end,
            customers_after_end = r$customers_after_end)
}

# Days since 1970-01-01 of Dates or ISO texts; a text that is not a date is an error
# naming its row.
as_days <- function(x, what, call = sys.call(-1)) {
  if (inherits(x, "Date")) return(as.double(x))
  if (inherits(x, "POSIXt")) return(as.double(as.Date(x)))
  text <- as_text(x)
  d <- as.Date(text, format = "%Y-%m-%d", optional = TRUE)
  bad <- which(is.na(d) & !is.na(text) | is.na(text))
  if (length(bad) > 0)
    argument_error(sprintf("%s[%d]", what, bad[1] - 1L), sprintf("'%s' is not a date (YYYY-MM-DD)", text[bad[1]]), call)
  as.double(d)
}

model_names <- c(bgnbd = "bgnbd", pnbd = "pnbd", mbgnbd = "mbgnbd", ggomnbd = "ggomnbd", bgbb = "bgbb", gg = "gamma_gamma")

# The column of `data` under the first of `names` it has (the package's names first,
# then BTYD's and CLVTools'), or NULL.
summary_column <- function(data, names, what, required = TRUE, call = sys.call(-1)) {
  hit <- intersect(names, colnames(data))
  if (length(hit) == 0L) {
    if (!required) return(NULL)
    argument_error(what, paste0("the data has no column ", paste0("'", names, "'", collapse = " or ")), call)
  }
  as_numbers(data[, hit[1]], hit[1], call)
}

#' Fitting a lifetime-value model
#'
#' Maximum-likelihood fit of a buy-till-you-die model to customer summaries: BG/NBD
#' (Fader, Hardie & Lee 2005), Pareto/NBD (Schmittlein et al. 1987), MBG/NBD (Batislam
#' et al. 2007), GGompertz/NBD (Bemmaor & Glady 2012, a Gompertz lifetime whose hazard
#' changes with age), BG/BB (Fader, Hardie & Shang 2010, discrete opportunities) or the
#' Gamma-Gamma spend model (Fader, Hardie & Lee 2005b). The parameters are those BTYD,
#' CLVTools and lifetimes estimate, with analytic gradients and standard errors from the
#' Hessian. Ctrl-C stops a fit.
#'
#' Columns are found by name: `frequency` (or BTYD's `x`), `recency` (`t.x`), `T`
#' (`T.cal`); for BG/BB the opportunities `n` (`n.cal`, `periods`, or `T`); for Gamma-Gamma
#' `monetary_value` (`m.x`).
#'
#' @param data A data frame of customer summaries ([clv_summary()] gives one), one row
#'   per customer or, with `weights`, per distinct summary.
#' @param model `"bgnbd"`, `"pnbd"`, `"mbgnbd"`, `"ggomnbd"`, `"bgbb"` or `"gg"` (Gamma-Gamma).
#' @param weights `NULL`, or the number of customers of each row: a column name (BTYD's
#'   BG/BB `rf` matrices call it `custs`) or a vector.
#' @param start `NULL`, or the starting parameters.
#' @param max_evaluations The most likelihood evaluations.
#' @param tolerance The optimiser's relative tolerance.
#' @param threads 0 for all cores (used above 20,000 distinct customers).
#' @param transaction,lifetime `NULL`, or names of columns of `data` holding time-invariant
#'   covariates (BG/NBD, Pareto/NBD, GGompertz/NBD, as CLVTools parameterises them):
#'   `transaction` covariates scale the purchase rate (alpha_i = alpha exp(-gamma'z)),
#'   `lifetime` covariates the attrition (beta_i = beta exp(-delta'w); for the BG/NBD a and b
#'   times exp(delta'w)). The fit is then of class `excellence_clv_covariate_fit` (also an
#'   `excellence_clv_fit`) with the coefficients `transaction.NAME` and `lifetime.NAME`, the
#'   fit `without` covariates and the `likelihood_ratio` test (statistic, df, p_value); its
#'   `predict` reads the same columns from `newdata`.
#' @return An object of class `excellence_clv_fit`. Methods: `print`, `coef`, `vcov`,
#'   `logLik` (so `AIC()` and `BIC()` work), `nobs`, `predict`; components `model`,
#'   `coefficients`, `standard_errors`, `log_likelihood`, `converged`, `evaluations`,
#'   `customers`, `left_out` (Gamma-Gamma: customers without a repeat purchase), `json`.
#' @seealso [predict.excellence_clv_fit()]
#' @examples
#' cdnow <- read.csv(system.file("extdata", "cdnow_summary.csv", package = "excellence"))
#' fit <- clv_fit(cdnow, "bgnbd")
#' fit
#' AIC(fit)
#' head(predict(fit, cdnow, horizon = 52))
#' @export
clv_fit <- function(data, model = c("bgnbd", "pnbd", "mbgnbd", "ggomnbd", "bgbb", "gg"), weights = NULL, start = NULL,
                    max_evaluations = 5000, tolerance = 1e-12, threads = 0, transaction = NULL, lifetime = NULL) {
  model <- match.arg(model)
  if (!is.null(transaction) || !is.null(lifetime))
    return(clv_fit_covariates(data, model, weights, start, max_evaluations, tolerance, threads, transaction, lifetime))
  if (!is.data.frame(data) && !is.matrix(data)) argument_error("data", "expected a data frame or a matrix")
  x <- summary_column(data, c("frequency", "x"), "frequency")
  empty <- numeric()
  if (model == "gg") {
    t.x <- empty
    age <- empty
    m <- summary_column(data, c("monetary_value", "m.x", "monetary"), "monetary_value")
  } else {
    t.x <- summary_column(data, c("recency", "t.x"), "recency")
    age <- if (model == "bgbb") summary_column(data, c("n", "n.cal", "periods", "T"), "n") else summary_column(data, c("T", "T.cal"), "T")
    m <- empty
  }
  w <- if (is.null(weights)) empty else as_numbers(if (is.character(weights)) pick(as.data.frame(data), weights, "weights") else weights, "weights")
  f <- unwrap(cpp_clv_fit(model_names[[model]], x, t.x, age, m, w, if (is.null(start)) numeric() else as.double(start),
                          as.integer(max_evaluations), tolerance, threads_arg(threads)))
  clv_fit_object(f, model)
}

# The fit's list as cpp_clv_fit gives it, as an excellence_clv_fit.
clv_fit_object <- function(f, model) {
  raise_warnings(f$warnings)
  dimnames(f$covariance) <- list(f$names, f$names)
  structure(list(model = model, title = f$title, coefficients = stats::setNames(f$params, f$names),
                 standard_errors = if (length(f$standard_errors)) stats::setNames(f$standard_errors, f$names) else NULL,
                 covariance = f$covariance, log_likelihood = f$log_likelihood, converged = f$converged,
                 evaluations = f$evaluations, status = f$status, customers = f$customers, left_out = f$left_out,
                 json = f$json),
            class = "excellence_clv_fit")
}

# Covariate columns of `data` by name, as a list of numeric vectors.
covariate_columns <- function(data, names, what) {
  if (is.null(names)) return(list())
  if (!is.character(names)) argument_error(what, "expected column names")
  lapply(names, function(name) as_numbers(pick(as.data.frame(data), name, what), name))
}

clv_fit_covariates <- function(data, model, weights, start, max_evaluations, tolerance, threads, transaction,
                               lifetime) {
  if (!model %in% c("bgnbd", "pnbd", "ggomnbd"))
    argument_error("model", "covariates are for the BG/NBD, Pareto/NBD and GGompertz/NBD (bgnbd, pnbd, ggomnbd)")
  x <- summary_column(data, c("frequency", "x"), "frequency")
  t.x <- summary_column(data, c("recency", "t.x"), "recency")
  age <- summary_column(data, c("T", "T.cal"), "T")
  w <- if (is.null(weights)) numeric() else as_numbers(if (is.character(weights)) pick(as.data.frame(data), weights, "weights") else weights, "weights")
  r <- unwrap(cpp_clv_fit_covariates(model, x, t.x, age, w, as.character(transaction),
                                     covariate_columns(data, transaction, "transaction"), as.character(lifetime),
                                     covariate_columns(data, lifetime, "lifetime"),
                                     if (is.null(start)) numeric() else as.double(start), as.integer(max_evaluations),
                                     tolerance, threads_arg(threads)))
  covariate_fit_object(r, model)
}

# The list of a fit with covariates (cpp_clv_fit_covariates, cpp_clv_read_fit) as an
# excellence_clv_covariate_fit.
covariate_fit_object <- function(r, model) {
  fit <- clv_fit_object(r$fit, model)
  fit$json <- r$json
  fit$transaction <- as.character(r$transaction)
  fit$lifetime <- as.character(r$lifetime)
  fit$without <- clv_fit_object(r$without, model)
  fit$likelihood_ratio <- c(statistic = r$statistic, df = r$df, p_value = r$p_value)
  class(fit) <- c("excellence_clv_covariate_fit", class(fit))
  fit
}

#' Read a lifetime-value fit back from its document
#'
#' What `clv_fit()` keeps in `$json` and `excellence clv fit --json` prints: an
#' `excellence.clv_fit/1` document, or with covariates `excellence.clv_covariate_fit/1`,
#' read back as the fit `clv_fit()` returns, for `predict()` and the other methods, so
#' that a fit made elsewhere (the command, Python, C) is used without copying numbers.
#'
#' @param file The document's path.
#' @return An `excellence_clv_fit` (an `excellence_clv_covariate_fit` for a fit with
#'   covariates). Errors (class `excellence_data_error`) name the file and the JSON path.
#' @examples
#' f <- clv_fit(data.frame(frequency = c(0, 2, 5, 1), recency = c(0, 10, 30, 4),
#'                         T = c(38, 38, 39, 37)), "bgnbd")
#' path <- tempfile(fileext = ".json")
#' writeLines(f$json, path)
#' coef(clv_read_fit(path))
#' @export
clv_read_fit <- function(file) {
  r <- unwrap(cpp_clv_read_fit(path.expand(as.character(file))))
  if (identical(r$kind, "fit")) return(clv_fit_object(r$fit, names(model_names)[model_names == r$fit$model]))
  covariate_fit_object(r, r$fit$model)
}

#' @export
print.excellence_clv_covariate_fit <- function(x, digits = 6, ...) {
  NextMethod()
  lr <- x$likelihood_ratio
  cat(sprintf("without covariates: LL %.6f; likelihood-ratio test: chi-square %.3f on %d df, p = %.3g\n",
              x$without$log_likelihood, lr[["statistic"]], as.integer(lr[["df"]]), lr[["p_value"]]))
  invisible(x)
}

#' @export
predict.excellence_clv_covariate_fit <- function(object, newdata, horizon = 1, threads = 0, ...) {
  x <- summary_column(newdata, c("frequency", "x"), "frequency")
  t.x <- summary_column(newdata, c("recency", "t.x"), "recency")
  age <- summary_column(newdata, c("T", "T.cal"), "T")
  p <- unwrap(cpp_clv_covariate_predict(object$model, names(object$coefficients), unname(object$coefficients), x, t.x,
                                        age, object$transaction,
                                        covariate_columns(newdata, object$transaction, "transaction"),
                                        object$lifetime, covariate_columns(newdata, object$lifetime, "lifetime"),
                                        horizon, threads_arg(threads)))
  out <- data.frame(p_alive = p$p_alive, expected_transactions = p$expected_transactions)
  id <- intersect(c("customer", "customer_id"), colnames(newdata))
  if (length(id) > 0) out <- cbind(customer = as_text(newdata[, id[1]]), out)
  out
}

#' @export
print.excellence_clv_fit <- function(x, digits = 6, ...) {
  cat(sprintf("<%s fit to %s customers: LL %.6f, %s after %d evaluations>\n", x$title, format(x$customers),
              x$log_likelihood, if (x$converged) "converged" else "NOT converged", x$evaluations))
  table <- cbind(estimate = x$coefficients,
                 std_error = if (is.null(x$standard_errors)) NA_real_ else x$standard_errors)
  print(signif(table, digits))
  invisible(x)
}

#' @export
coef.excellence_clv_fit <- function(object, ...) object$coefficients

#' @export
vcov.excellence_clv_fit <- function(object, ...) object$covariance

#' @export
logLik.excellence_clv_fit <- function(object, ...) {
  structure(object$log_likelihood, df = length(object$coefficients), nobs = object$customers, class = "logLik")
}

#' @export
nobs.excellence_clv_fit <- function(object, ...) object$customers

#' Predictions of a lifetime-value model
#'
#' For a transaction model, each customer's probability of being alive and the
#' transactions expected in the next `horizon` time units (BG/BB: opportunities), from
#' the customer's summary; for a Gamma-Gamma fit, the expected spend per transaction.
#'
#' @param object A fit from [clv_fit()].
#' @param newdata Customer summaries, as [clv_fit()] reads them.
#' @param horizon How far ahead, in the summaries' time unit.
#' @param threads 0 for all cores.
#' @param interval `"confidence"`: intervals from the fit's covariance by the delta method
#'   (logit scale for P(alive), log scale for transactions), as four more columns
#'   `p_alive_lower`, `p_alive_upper`, `expected_lower`, `expected_upper`, and the totals'
#'   as attributes `customers_alive` and `expected_total` (estimate, std_error, lower, upper).
#' @param level The confidence of the intervals.
#' @param bootstrap 0 for the delta method, or the number of refits on resampled customers
#'   of `newdata` (CLVTools' bootstrap), seeded by `seed`: the same for a seed whatever the
#'   threads.
#' @param seed The bootstrap's seed.
#' @param ... Not used.
#' @return A data frame, one row per customer: `p_alive` and `expected_transactions`,
#'   or (Gamma-Gamma) `expected_spend`; with the customer ids first when `newdata` has
#'   them (a column `customer` or `customer_id`).
#' @examples
#' cdnow <- read.csv(system.file("extdata", "cdnow_summary.csv", package = "excellence"))
#' fit <- clv_fit(cdnow, "pnbd")
#' head(predict(fit, cdnow, horizon = 39))
#' @export
predict.excellence_clv_fit <- function(object, newdata, horizon = 1, threads = 0, interval = c("none", "confidence"),
                                       level = 0.95, bootstrap = 0, seed = 1, ...) {
  interval <- match.arg(interval)
  x <- summary_column(newdata, c("frequency", "x"), "frequency")
  out <- if (object$model == "gg") {
    m <- summary_column(newdata, c("monetary_value", "m.x", "monetary"), "monetary_value")
    data.frame(expected_spend = unwrap(cpp_clv_spend(object$json, x, m, threads_arg(threads))))
  } else {
    t.x <- summary_column(newdata, c("recency", "t.x"), "recency")
    age <- if (object$model == "bgbb") summary_column(newdata, c("n", "n.cal", "periods", "T"), "n")
           else summary_column(newdata, c("T", "T.cal"), "T")
    if (interval == "confidence") {
      p <- unwrap(cpp_clv_predict_intervals(object$json, x, t.x, age, horizon, level, threads_arg(threads),
                                            as.integer(bootstrap), as.double(seed)))
      structure(data.frame(p_alive = p$p_alive, expected_transactions = p$expected_transactions,
                           p_alive_lower = p$p_alive_lower, p_alive_upper = p$p_alive_upper,
                           expected_lower = p$expected_lower, expected_upper = p$expected_upper),
                customers_alive = p$customers_alive, expected_total = p$expected_total)
    } else {
      p <- unwrap(cpp_clv_predict(object$json, x, t.x, age, horizon, threads_arg(threads)))
      data.frame(p_alive = p$p_alive, expected_transactions = p$expected_transactions)
    }
  }
  id <- intersect(c("customer", "customer_id"), colnames(newdata))
  if (length(id) > 0) {
    totals <- attributes(out)[c("customers_alive", "expected_total")]
    out <- cbind(customer = as_text(newdata[, id[1]]), out)
    if (!is.null(totals$expected_total)) attributes(out)[names(totals)] <- totals
  }
  out
}

#' Discounted expected residual transactions of the Pareto/NBD
#'
#' Each customer's future transactions, discounted continuously at `rate` per time unit
#' (`log(1.15) / 52` for 15 per cent a year on weekly summaries): over his whole future the
#' DERT of Fader, Hardie & Lee (2005, "RFM and CLV"), in their closed form; over a finite
#' `horizon` the DECT. Multiplied by the expected spend per transaction it is the residual
#' lifetime value.
#'
#' @param object A Pareto/NBD fit from [clv_fit()].
#' @param newdata Customer summaries, as [clv_fit()] reads them.
#' @param rate The continuous discount rate per time unit: > 0, or >= 0 with a finite horizon.
#' @param horizon `Inf` for the DERT, or how far ahead.
#' @param threads 0 for all cores.
#' @return A numeric vector, one value per customer.
#' @examples
#' cdnow <- read.csv(system.file("extdata", "cdnow_summary.csv", package = "excellence"))
#' fit <- clv_fit(cdnow, "pnbd")
#' head(clv_dert(fit, cdnow, rate = log(1.15) / 52))
#' @export
clv_dert <- function(object, newdata, rate, horizon = Inf, threads = 0) {
  if (!inherits(object, "excellence_clv_fit")) argument_error("object", "expected a fit from clv_fit()")
  x <- summary_column(newdata, c("frequency", "x"), "frequency")
  t.x <- summary_column(newdata, c("recency", "t.x"), "recency")
  age <- summary_column(newdata, c("T", "T.cal"), "T")
  unwrap(cpp_clv_dert(object$json, x, t.x, age, as.double(rate), as.double(horizon), threads_arg(threads)))
}

#' A new customer's expected transactions
#'
#' E\[X(t)\] of a customer just acquired: his expected repeat transactions in his first
#' `t` time units (BG/BB: opportunities), for each of `times`, from the model's own formula.
#'
#' @param object A fit of a transaction model from [clv_fit()].
#' @param times The lengths, in the fit's time unit.
#' @return A numeric vector, one value per time.
#' @examples
#' cdnow <- read.csv(system.file("extdata", "cdnow_summary.csv", package = "excellence"))
#' clv_expected(clv_fit(cdnow, "bgnbd"), c(39, 78))
#' @export
clv_expected <- function(object, times) {
  if (!inherits(object, "excellence_clv_fit")) argument_error("object", "expected a fit from clv_fit()")
  unwrap(cpp_clv_expected_transactions(object$json, as.double(times)))
}

#' A calendar horizon in the model's time unit
#'
#' `amount` of `unit` as a length in `model_unit`, with the conversion in words: by the
#' calendar from `from` (the calibration end), else by the mean Gregorian month of
#' 30.436875 days. Six months from 1997-09-30 are 181 days, 25.857 weeks.
#'
#' @param amount How long.
#' @param unit,model_unit `"days"`, `"weeks"` or `"months"`.
#' @param from `NULL`, or the start: a `Date` or `"YYYY-MM-DD"`.
#' @return A list: `length` (in `model_unit`) and `statement`.
#' @examples
#' clv_horizon(6, "months", "weeks", from = "1997-09-30")
#' @export
clv_horizon <- function(amount, unit, model_unit, from = NULL) {
  start <- if (is.null(from)) NA_real_ else as_days(from, "from")
  unwrap(cpp_clv_horizon(as.double(amount), unit, model_unit, start))
}

#' Holdout validation of lifetime-value models
#'
#' Fits the models to the calibration period (to `end`) and sets their expectations
#' beside what the customers did in the holdout (to `holdout_end`), the way Fader, Hardie
#' & Lee (2005) and CLVTools show it: per model the errors of the conditional expectations
#' (MAE, RMSE, correlation, aggregate error), AIC, BIC, the tracking MAPEs and the
#' calibration histogram's chi-square; the tracking table per period, the calibration
#' histogram and the holdout by calibration frequency.
#'
#' @inheritParams clv_summary
#' @param holdout_end The end of the holdout: a `Date` or `"YYYY-MM-DD"`.
#' @param models Any of `"bgnbd"`, `"pnbd"`, `"mbgnbd"`, `"ggomnbd"`.
#' @param largest_count The histogram's last bin: this many repeat transactions or more.
#' @param report `NULL`, or a file to write the validation report to: one HTML page with
#'   the models compared and SVG charts of the tracking, the calibration histogram and the
#'   holdout by calibration frequency, in `lang` (`"en"` or `"zh"`).
#' @param lang The report's language.
#' @return An object of class `excellence_clv_validation`: `models` (a data frame, one row
#'   per model), `tracking`, `histogram`, `by_frequency` (data frames with one column per
#'   model), `customers` (the per-customer calibration summary, holdout and expectations),
#'   `json` (excellence.clv_validation/1) and `text`.
#' @examples
#' tx <- read.csv(system.file("extdata", "cdnow_sample_transactions.csv", package = "excellence"))
#' v <- clv_validate(tx, end = "1997-09-30", holdout_end = "1998-06-30",
#'                   customer = "customer_id", date = "date", amount = "dollar_value")
#' v$models
#' tail(v$tracking)
#' @export
clv_validate <- function(transactions, end, holdout_end, unit = c("weeks", "days", "months"),
                         models = c("bgnbd", "pnbd"), customer = "customer", date = "date", amount = "amount",
                         largest_count = 7, report = NULL, lang = c("en", "zh")) {
  unit <- match.arg(unit)
  lang <- match.arg(lang)
  if (!is.data.frame(transactions)) argument_error("transactions", "expected a data frame")
  days <- as_days(pick(transactions, date, "date"), "date")
  first <- as_days(end, "end")
  last <- as_days(holdout_end, "holdout_end")
  if (length(first) != 1L || length(last) != 1L) argument_error("end", "expected one date each for end and holdout_end")
  r <- unwrap(cpp_clv_validate(as_text(pick(transactions, customer, "customer")), days,
                               as_numbers(pick(transactions, amount, "amount"), "amount"), first, last, unit,
                               as.character(models), as.integer(largest_count),
                               if (is.null(report)) "" else lang))
  if (!is.null(report)) writeLines(r$html, report, useBytes = TRUE, sep = "")
  frame <- function(x) as.data.frame(x, stringsAsFactors = FALSE, optional = TRUE)
  tracking <- frame(r$tracking)
  tracking$last_day <- as.Date(tracking$last_day, origin = "1970-01-01")
  structure(list(models = frame(r$models), tracking = tracking, histogram = frame(r$histogram),
                 by_frequency = frame(r$by_frequency), customers = frame(r$customers), json = r$json, text = r$text),
            class = "excellence_clv_validation")
}

#' @export
print.excellence_clv_validation <- function(x, ...) {
  cat(x$text)
  invisible(x)
}
