# Contractual retention: Fader & Hardie (2007)'s published estimates, the BdW, the analysis.
regular <- c(1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173)
high_end <- c(1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394)

test_that("the sBG reproduces Fader & Hardie (2007)", {
  # Fitted to years 1-8 (ages 0-7): 0.704, 1.182 (regular) and 0.668, 3.806 (high end).
  r <- retention_fit(regular[1:8])
  expect_true(r$converged)
  expect_lt(abs(coef(r)[["alpha"]] - 0.704), 5e-4)
  expect_lt(abs(coef(r)[["beta"]] - 1.182), 5e-4)
  h <- retention_fit(list(`year 1` = high_end[1:8]))
  expect_lt(abs(coef(h)[["alpha"]] - 0.668), 5e-4)
  expect_lt(abs(coef(h)[["beta"]] - 3.806), 5e-4)
  expect_equal(sqrt(diag(vcov(h))), h$standard_errors)
  expect_equal(AIC(h), 4 - 2 * h$log_likelihood)
  # Projection and DERL as shifted_beta_geometric_py prints them for these data.
  expect_equal(predict(h, age = 8:12)$survival, c(0.460, 0.436, 0.414, 0.395, 0.378), tolerance = 5e-4,
               ignore_attr = TRUE)
  life <- retention_lifetime(h, discount = 0.1, renewals = 0:7)
  expect_lt(abs(life$residual$residual_lifetime[8] - 7.530), 5e-4)
  expect_equal(life$expected_lifetime, 1 + life$residual$residual_lifetime[1] / 1.1)
})

test_that("the BdW nests the sBG; errors name the entry", {
  b <- retention_fit(high_end[1:8], "bdw")
  s <- retention_fit(high_end[1:8])
  expect_named(coef(b), c("alpha", "beta", "c"))
  expect_gte(b$log_likelihood, s$log_likelihood - 1e-9)
  expect_true(is.na(retention_lifetime(b, 0.1, 0)$residual$elasticity))
  err <- tryCatch(retention_fit(c(100, 80, 81)), excellence_data_error = function(e) e)
  expect_equal(err$field, "survivors[2]")
  expect_error(retention_fit(c(100, 80), "weibull"))
})

test_that("the analysis fits each segment and holds out the later years", {
  frame <- data.frame(segment = rep(c("regular", "high end"), each = 13), cohort = "year 1", age = rep(0:12, 2),
                      survivors = c(regular, high_end))
  a <- retention_analysis(frame, discount = 0.1, fit_through = 7)
  expect_length(a$segments, 2)
  expect_equal(a$segments[[2]]$segment, "high end")
  expect_lt(abs(coef(a$segments[[2]]$fit)[["beta"]] - 3.806), 5e-4)
  ages <- a$segments[[1]]$ages
  expect_equal(ages$held_out, ages$age > 7 & ages$age <= 12)
  expect_equal(ages$survivors[1:13], regular)
  expect_equal(nrow(a$segments[[1]]$renewals), 8)
  expect_match(a$json, "excellence.retention_fit/1", fixed = TRUE)
  expect_output(print(a), "DERL")
})
