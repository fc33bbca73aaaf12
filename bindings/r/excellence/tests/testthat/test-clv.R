# Lifetime-value models on CDNOW (Fader, Hardie & Lee 2005) and the donations data of
# Fader, Hardie & Shang (2010), against the reference fits (tests/data/reference/clv:
# BTYD, CLVTools, lifetimes), as the C++ and Python tests check them.

cdnow <- function() read.csv(ext("cdnow_summary.csv"))

check_fit <- function(fit, ref, tolerance = 1e-3) {
  expect_equal(coef(fit)[names(ref$params)], unlist(ref$params), tolerance = tolerance)
  expect_lt(abs(as.numeric(logLik(fit)) - ref$LL), 1e-4)
}

test_that("BG/NBD, Pareto/NBD and MBG/NBD on CDNOW reproduce the reference fits", {
  ref <- reference("clv", "cdnow_reference.json")$own_reference_fits$exact
  for (model in c("bgnbd", "pnbd", "mbgnbd")) {
    fit <- clv_fit(cdnow(), model)
    expect_true(fit$converged)
    expect_equal(nobs(fit), 2357)
    check_fit(fit, ref[[model]])
    # vcov: symmetric, its diagonal the squared standard errors
    v <- vcov(fit)
    expect_identical(v, t(v))
    expect_equal(sqrt(diag(v)), fit$standard_errors, tolerance = 1e-14)
    # AIC and BIC from logLik
    expect_equal(AIC(fit), -2 * fit$log_likelihood + 2 * 4)
    expect_equal(BIC(fit), -2 * fit$log_likelihood + log(2357) * 4)
  }
})

test_that("BTYD's column names work, and the summary from transactions is the shipped one", {
  cbs <- cdnow()
  btyd <- data.frame(x = cbs$frequency, t.x = cbs$recency, T.cal = cbs$T)
  expect_identical(coef(clv_fit(btyd, "bgnbd")), coef(clv_fit(cbs, "bgnbd")))
  tx <- read.csv(ext("cdnow_sample_transactions.csv"))
  s <- clv_summary(tx, end = "1997-09-30", unit = "weeks", customer = "customer_id", amount = "dollar_value")
  expect_equal(nrow(s), 2357)
  shipped <- cbs[match(s$customer, as.character(cbs$customer_id)), ]
  expect_equal(s$frequency, shipped$frequency)
  expect_equal(s$recency, shipped$recency, tolerance = 1e-8)
  expect_equal(s$T, shipped$T, tolerance = 1e-8)
  expect_equal(attr(s, "records"), 6919)
  bad <- tx[1:3, ]
  bad$date[2] <- "1997-02-30"
  err <- tryCatch(clv_summary(bad, end = "1997-09-30", customer = "customer_id", amount = "dollar_value"),
                  excellence_data_error = function(e) e)
  expect_identical(err$field, "date[1]")
})

test_that("Gamma-Gamma leaves out customers without repeat purchases and predicts spend", {
  ref <- reference("clv", "cdnow_reference.json")$own_reference_fits$exact$gg
  expect_warning(gg <- clv_fit(cdnow(), "gg"), class = "excellence_warning")
  expect_equal(gg$left_out, 2357 - 946)
  check_fit(gg, ref)
  spend <- predict(gg, cdnow())
  # the posterior mean spend of a customer with x repeat purchases of mean m (FHL 2005b, eq. 5)
  p <- coef(gg)[["p"]]; q <- coef(gg)[["q"]]; g <- coef(gg)[["gamma"]]
  x <- cdnow()$frequency; m <- cdnow()$monetary_value
  expect_equal(spend$expected_spend, ((g + m * x) * p) / (p * x + q - 1), tolerance = 1e-12)
  expect_error(predict(gg, cdnow()[0, ]), NA)
})

test_that("BG/BB on the donations data (Fader, Hardie & Shang 2010)", {
  ref <- reference("clv", "cdnow_reference.json")$own_reference_bgbb_donations
  donations <- read.csv(ext("donations_bgbb.csv"))
  fit <- clv_fit(donations, "bgbb", weights = "weights")
  expect_true(fit$converged)
  expect_equal(nobs(fit), 11104)
  check_fit(fit, ref)
  p <- predict(fit, data.frame(frequency = 0, recency = 0, n = 6), horizon = 1)
  expect_equal(p$p_alive, ref$palive_x0_tx0_n6, tolerance = 1e-4)
})

test_that("predictions: P(alive) in (0, 1]; customer ids carried; bad input named", {
  fit <- clv_fit(cdnow(), "bgnbd")
  p <- predict(fit, cdnow(), horizon = 39)
  expect_identical(names(p), c("customer", "p_alive", "expected_transactions"))
  expect_true(all(p$p_alive > 0 & p$p_alive <= 1))
  bad <- cdnow()
  bad$recency[5] <- bad$T[5] + 1
  err <- tryCatch(clv_fit(bad, "bgnbd"), excellence_data_error = function(e) e)
  expect_s3_class(err, "excellence_data_error")
  expect_match(err$field, "4")
  expect_error(clv_fit(cdnow()[, c("frequency", "T")], "bgnbd"), "recency", class = "excellence_data_error")
  # a thread count is checked, never clamped
  err <- tryCatch(predict(fit, cdnow(), horizon = 39, threads = -1), excellence_data_error = function(e) e)
  expect_identical(err$field, "threads")
})

test_that("holdout validation reproduces BTYD's tracking of CDNOW", {
  tx <- read.csv(ext("cdnow_sample_transactions.csv"))
  page <- tempfile(fileext = ".html")
  v <- clv_validate(tx, end = "1997-09-30", holdout_end = "1998-06-30", customer = "customer_id",
                    amount = "dollar_value", models = c("bgnbd", "pnbd"), report = page, lang = "zh")
  html <- paste(readLines(page, encoding = "UTF-8", warn = FALSE), collapse = "\n")
  expect_true(grepl("保留期检验", html, fixed = TRUE))
  expect_equal(lengths(regmatches(html, gregexpr("<polyline class=\"series\"", html, fixed = TRUE))), 9)
  expect_equal(nrow(v$tracking), 78)
  expect_equal(v$tracking$actual_cumulative[c(39, 78)], c(2457, 4339))
  expect_equal(v$tracking$last_day[39], as.Date("1997-09-30"))
  expect_equal(sum(v$customers$holdout_frequency), 1882)
  expect_equal(v$models$model, c("bgnbd", "pnbd"))
  expect_equal(v$models$mae[1], mean(abs(v$customers$expected_bgnbd - v$customers$holdout_frequency)))
  expect_equal(v$histogram$actual[1], 1411)
  expect_equal(sum(v$histogram$expected_pnbd), 2357)
  expect_output(print(v), "Holdout validation: 2357 customers")
  expect_error(clv_validate(tx, end = "1997-09-30", holdout_end = "1998-06-30", customer = "customer_id",
                            amount = "dollar_value", models = "bgbb"), class = "excellence_data_error")
})

test_that("prediction intervals come from the fit's covariance", {
  cdnow <- read.csv(ext("cdnow_summary.csv"))
  fit <- clv_fit(cdnow, "bgnbd")
  p <- predict(fit, cdnow, horizon = 39, interval = "confidence", level = 0.9)
  point <- predict(fit, cdnow, horizon = 39)
  expect_equal(p$expected_transactions, point$expected_transactions)
  expect_true(all(p$expected_lower <= p$expected_transactions & p$expected_transactions <= p$expected_upper))
  expect_true(all(p$p_alive_upper <= 1))
  total <- attr(p, "expected_total")
  expect_equal(unname(total["estimate"]), sum(point$expected_transactions))
  expect_lt(total["lower"], total["upper"])
  b <- predict(fit, cdnow, horizon = 39, interval = "confidence", bootstrap = 20, seed = 4)
  expect_equal(attr(b, "expected_total"), attr(predict(fit, cdnow, horizon = 39, interval = "confidence",
                                                       bootstrap = 20, seed = 4, threads = 1), "expected_total"))
})

test_that("the GGompertz/NBD on CDNOW rises to the Pareto/NBD's likelihood as b -> 0", {
  # Bemmaor & Glady (2012): LL -9594.98 with b = 0.0002, beta = 0.0026 (beta/b = 13).
  ref <- reference("clv", "cdnow_reference.json")$own_reference_fits$exact$pnbd
  fit <- clv_fit(cdnow(), "ggomnbd")
  expect_true(fit$converged)
  expect_identical(names(coef(fit)), c("r", "alpha", "b", "s", "beta"))
  expect_lt(abs(as.numeric(logLik(fit)) - ref$LL), 1e-4)
  expect_equal(unname(coef(fit)["beta"] / coef(fit)["b"]), ref$params$beta, tolerance = 0.05)
  expect_equal(AIC(fit), -2 * fit$log_likelihood + 2 * 5)
  p <- predict(fit, cdnow(), horizon = 39)
  q <- predict(clv_fit(cdnow(), "pnbd"), cdnow(), horizon = 39)
  expect_equal(p$expected_transactions, q$expected_transactions, tolerance = 1e-3)
})

test_that("the Pareto/NBD DERT: undiscounted over a horizon it is the conditional expectation", {
  fit <- clv_fit(cdnow(), "pnbd")
  expect_equal(clv_dert(fit, cdnow(), rate = 0, horizon = 39), predict(fit, cdnow(), horizon = 39)$expected_transactions,
               tolerance = 1e-12)
  dert <- clv_dert(fit, cdnow(), rate = log(1.15) / 52)
  expect_true(all(dert > clv_dert(fit, cdnow(), rate = log(1.15) / 52, horizon = 39)))
  expect_error(clv_dert(fit, cdnow(), rate = 0), "rate")
  expect_error(clv_dert(clv_fit(cdnow(), "bgnbd"), cdnow(), rate = 0.01), "Pareto/NBD")
})

test_that("covariates: the generator's coefficients recovered, the likelihood-ratio test, predictions", {
  # examples/data/make_clv_members.py: gamma = 0.7 on member, delta = 0.5 on engagement.
  members <- read.csv(ext("clv_members.csv"))
  fit <- clv_fit(members, "pnbd", transaction = "member", lifetime = "engagement")
  expect_s3_class(fit, "excellence_clv_covariate_fit")
  expect_identical(names(coef(fit)), c("r", "alpha", "s", "beta", "transaction.member", "lifetime.engagement"))
  truth <- c(transaction.member = 0.7, lifetime.engagement = 0.5)
  expect_true(all(abs(coef(fit)[names(truth)] - truth) < 3 * fit$standard_errors[names(truth)]))
  expect_equal(fit$likelihood_ratio[["statistic"]], 2 * (fit$log_likelihood - fit$without$log_likelihood))
  expect_lt(fit$likelihood_ratio[["p_value"]], 1e-10)
  expect_equal(AIC(fit), -2 * fit$log_likelihood + 2 * 6)
  p <- predict(fit, members, horizon = 26)
  expect_equal(nrow(p), 1200)
  expect_true(all(p$p_alive > 0 & p$p_alive <= 1))
  expect_error(clv_fit(members, "mbgnbd", lifetime = "engagement"), "covariates are for")
  expect_error(clv_fit(members, "pnbd", transaction = "membership"), "membership")
  # Read back from its document, the fit predicts exactly as itself.
  path <- tempfile(fileext = ".json")
  writeLines(fit$json, path)
  again <- clv_read_fit(path)
  expect_s3_class(again, "excellence_clv_covariate_fit")
  expect_identical(coef(again), coef(fit))
  expect_identical(again$likelihood_ratio, fit$likelihood_ratio)
  expect_identical(predict(again, members, horizon = 26), p)
  unlink(path)
})

test_that("clv_read_fit reads a plain fit back, and names what is wrong", {
  fit <- clv_fit(cdnow(), "bgnbd")
  path <- tempfile(fileext = ".json")
  writeLines(fit$json, path)
  again <- clv_read_fit(path)
  expect_s3_class(again, "excellence_clv_fit")
  expect_identical(again$model, "bgnbd")
  expect_identical(coef(again), coef(fit))
  expect_identical(predict(again, cdnow(), horizon = 39), predict(fit, cdnow(), horizon = 39))
  writeLines('{"format": "excellence.clv_fit/1", "model": "bgnbd", "params": {"r": 1, "alpha": 2, "a": 3}}', path)
  expect_error(clv_read_fit(path), "params.b: the parameter is missing", class = "excellence_data_error")
  unlink(path)
})

test_that("calendar horizons and a new customer's expected transactions", {
  h <- clv_horizon(6, "months", "weeks", from = "1997-09-30")
  expect_equal(h$length, 181 / 7, tolerance = 1e-15)
  expect_identical(h$statement, "6 months from 1997-09-30 (to 1998-03-30) = 25.857143 weeks")
  expect_equal(clv_horizon(6, "months", "weeks")$length, 6 * 30.436875 / 7, tolerance = 1e-15)
  fit <- clv_fit(cdnow(), "pnbd")
  e <- clv_expected(fit, c(39, 78))
  expect_true(e[1] < e[2] && e[2] < 2 * e[1])
  expect_error(clv_expected(fit, 0), "times\\[0\\]")
})
