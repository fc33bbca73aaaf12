# The ECSI model on plspm's satisfaction data against the published reference
# (tests/data/reference/pls: R plspm 0.5.1 and semPLS, numpy), all three schemes, to the
# C++ tests' 1e-9.

check_reference <- function(fit, ref, tolerance = 1e-9) {
  expect_equal(fit$weights[names(ref$weights)], unlist(ref$weights), tolerance = tolerance)
  expect_equal(fit$loadings[names(ref$loadings)], unlist(ref$loadings), tolerance = tolerance)
  paths <- vapply(strsplit(names(ref$paths), " -> "), function(p) fit$path_coefs[p[2], p[1]], 0)
  expect_equal(paths, unname(unlist(ref$paths)), tolerance = tolerance)
  totals <- vapply(strsplit(names(ref$total_effects), " -> "), function(p) fit$total_effects[p[2], p[1]], 0)
  expect_equal(totals, unname(unlist(ref$total_effects)), tolerance = tolerance)
  expect_equal(fit$r2[names(ref$R2)], unlist(ref$R2), tolerance = tolerance)
  expect_equal(fit$gof, ref$gof, tolerance = tolerance)
  expect_equal(fit$inner_summary[names(ref$block_communality), "block_communality"],
               unname(unlist(ref$block_communality)), tolerance = tolerance)
  scores <- do.call(rbind, lapply(ref$scores_first5, unlist))
  expect_equal(unname(fit$scores[1:5, ]), scores, tolerance = tolerance)
  if (!is.null(ref$cronbach_alpha)) {
    expect_equal(fit$unidim[names(ref$cronbach_alpha), "C.alpha"], unname(unlist(ref$cronbach_alpha)),
                 tolerance = tolerance)
    expect_equal(fit$unidim[names(ref$dg_rho), "DG.rho"], unname(unlist(ref$dg_rho)), tolerance = tolerance)
    expect_equal(fit$unidim[names(ref$eig_1st), "eig.1st"], unname(unlist(ref$eig_1st)), tolerance = tolerance)
  }
}

test_that("the satisfaction reference, all three schemes, to the fixed point and with plspm's stop rule", {
  ref <- reference("pls", "satisfaction_reference.json")
  model <- pls_model(ext("satisfaction_model.json"))
  for (scheme in c("path", "centroid", "factorial")) {
    fit <- pls_estimate(satisfaction(), model, scheme = scheme)
    expect_true(fit$converged)
    expect_equal(fit$iterations, ref$schemes[[scheme]]$converged$iterations)
    check_reference(fit, ref$schemes[[scheme]]$converged)
    plspm_stop <- pls_estimate(satisfaction(), model, scheme = scheme, stop = "plspm")
    check_reference(plspm_stop, ref$schemes[[scheme]]$plspm_default_stop)
  }
})

test_that("every block in mode B reproduces the reference", {
  ref <- reference("pls", "satisfaction_reference.json")
  m <- pls_model(ext("satisfaction_model.json"))
  model <- pls_model(m$paths, m$blocks, modes = rep("B", 6))
  for (scheme in c("path", "centroid", "factorial"))
    check_reference(pls_estimate(satisfaction(), model, scheme = scheme), ref$modeB_all_blocks[[scheme]])
})

test_that("a plspm-style model (path matrix, blocks by column number) equals the model file", {
  IMAG <- c(0, 0, 0, 0, 0, 0)
  EXPE <- c(1, 0, 0, 0, 0, 0)
  QUAL <- c(0, 1, 0, 0, 0, 0)
  VAL <- c(0, 1, 1, 0, 0, 0)
  SAT <- c(1, 1, 1, 1, 0, 0)
  LOY <- c(1, 0, 0, 0, 1, 0)
  sat_path <- rbind(IMAG, EXPE, QUAL, VAL, SAT, LOY)
  colnames(sat_path) <- rownames(sat_path)
  by_number <- pls_model(sat_path, list(1:5, 6:10, 11:15, 16:19, 20:23, 24:27), modes = rep("A", 6))
  a <- pls_estimate(satisfaction(), by_number)
  b <- pls_estimate(satisfaction(), ext("satisfaction_model.json"))
  expect_identical(coef(a), coef(b))
  expect_identical(a$outer_model, b$outer_model)
  # a matrix gives the same numbers as a data frame (its text column not read)
  m <- as.matrix(satisfaction()[, 1:27])
  expect_identical(pls_estimate(m, by_number)$scores, a$scores)
})

test_that("the summary shows plspm's sections and the inner regressions are OLS on the scores", {
  fit <- pls_estimate(satisfaction(), ext("satisfaction_model.json"))
  text <- capture.output(summary(fit))
  for (section in c("OUTER MODEL", "CROSSLOADINGS", "INNER MODEL", "SUMMARY INNER MODEL", "GOODNESS-OF-FIT",
                    "BLOCKS UNIDIMENSIONALITY", "HETEROTRAIT-MONOTRAIT", "TOTAL EFFECTS"))
    expect_true(any(grepl(section, text, fixed = TRUE)), info = section)
  sat <- fit$inner_model$SAT
  ols <- summary(lm(fit$scores[, "SAT"] ~ fit$scores[, c("IMAG", "EXPE", "QUAL", "VAL")]))$coefficients
  expect_equal(unname(sat), unname(ols), tolerance = 1e-10)
  expect_equal(unname(sat[-1, "Estimate"]), unname(coef(fit)["SAT", c("IMAG", "EXPE", "QUAL", "VAL")]),
               tolerance = 1e-12)
  # HTMT is symmetric with an empty diagonal
  expect_true(all(is.na(diag(fit$htmt))))
  expect_equal(fit$htmt, t(fit$htmt))
})

test_that("missing values are named, and listwise deletion warns", {
  d <- satisfaction()
  d$expe3[4] <- NA
  err <- tryCatch(pls_estimate(d, ext("satisfaction_model.json")), excellence_data_error = function(e) e)
  expect_s3_class(err, "excellence_data_error")
  expect_match(err$field, "expe3")
  expect_match(err$field, "3")
  expect_warning(fit <- pls_estimate(d, ext("satisfaction_model.json"), missing = "listwise"),
                 class = "excellence_warning")
  expect_equal(fit$n, 249)
  d$expe3 <- as.character(d$expe3)
  expect_error(pls_estimate(d, ext("satisfaction_model.json")), "expe3", class = "excellence_data_error")
})

test_that("bootstrap: the seed decides, not the threads; indexes lie in 0-100", {
  fit <- pls_estimate(satisfaction(), ext("satisfaction_model.json"))
  a <- bootstrap(fit, resamples = 200, seed = 7, threads = 2)
  b <- bootstrap(fit, resamples = 200, seed = 7, threads = 1)
  expect_identical(a$paths, b$paths)
  expect_equal(a$succeeded + a$failed, 200)
  expect_equal(a$paths["SAT -> LOY", "original"], coef(fit)["LOY", "SAT"])
  expect_true(all(a$paths$lower <= a$paths$original & a$paths$original <= a$paths$upper))
  idx <- pls_index(fit, scale = c(0, 10))
  expect_true(all(idx$index > 0 & idx$index < 100))
  # the normalised weights sum to one in each block
  sums <- tapply(idx$normalised_weights, fit$outer_model$block, sum)
  expect_equal(as.vector(sums), rep(1, 6), tolerance = 1e-12)
})

test_that("consistent PLS reproduces ADANCO (tests/data/reference/pls/plsc_adanco_satisfaction.json) to 1e-6", {
  ref <- reference("pls", "plsc_adanco_satisfaction.json")
  model <- pls_model(ext("satisfaction_model.json"))
  expect_warning(fit <- pls_estimate(satisfaction(), model, scheme = "factorial", consistent = TRUE),
                 "beyond \\+-1")
  expect_close(fit$loadings[names(ref$loadings)], ref$loadings, 1e-6)
  paths <- vapply(strsplit(names(ref$paths), " -> "), function(p) fit$path_coefs[p[2], p[1]], 0)
  expect_close(paths, unname(unlist(ref$paths)), 1e-6)
  expect_close(fit$r2[names(ref$R2)], ref$R2, 1e-6)
  expect_close(fit$unidim[names(ref$rho_A), "rho_A"], unname(unlist(ref$rho_A)), 1e-6)
  expect_length(fit$inner_model, 0)
})

test_that("models in lavaan-style syntax: read, written back, errors at line and column", {
  model <- pls_model(ext("satisfaction_model.json"))
  text <- pls_syntax(model)
  expect_match(text, "SAT ~ IMAG + EXPE + QUAL + VAL\n", fixed = TRUE)
  again <- pls_model(text)
  expect_identical(again$paths, model$paths)
  expect_identical(again$blocks, model$blocks)
  expect_match(pls_syntax(model, "json"), "\"format\": \"excellence.pls_model/1\"", fixed = TRUE)
  expect_error(pls_model("A =~ a1\nB =~ b1\nB =< A"), "<text>:3:3: unknown operator '=<'", fixed = TRUE)
})

test_that("bootstrap intervals (bca) and the specific indirect effects", {
  model <- pls_model(ext("satisfaction_model.json"))
  fit <- pls_estimate(satisfaction(), model)
  boot <- bootstrap(fit, resamples = 200, seed = 3, interval = "bca")
  expect_identical(boot$interval, "bca")
  expect_identical(boot$paths["IMAG -> EXPE", "interval"], "bca")
  expect_true(boot$paths["IMAG -> EXPE", "lower"] < boot$paths["IMAG -> EXPE", "original"])
  expect_equal(boot$specific_indirect_effects["IMAG -> EXPE -> SAT", "original"],
               fit$path_coefs["EXPE", "IMAG"] * fit$path_coefs["SAT", "EXPE"], tolerance = 1e-14)
  expect_identical(rownames(boot$r2), c("EXPE", "QUAL", "VAL", "SAT", "LOY"))
  expect_error(bootstrap(fit, resamples = 10, interval = "studentized"), "should be one of")
})

test_that("the importance-performance map: performance is the index, quadrants as IPA's", {
  model <- pls_model(ext("satisfaction_model.txt"))
  fit <- pls_estimate(satisfaction(), model)
  map <- pls_ipma(fit, "SAT", scale = c(0, 10))
  expect_identical(map$constructs$name, c("IMAG", "EXPE", "QUAL", "VAL"))
  expect_close(map$target_performance, pls_index(fit, scale = c(0, 10))$index[["SAT"]], 1e-12)
  expect_identical(map$constructs$quadrant[4], "concentrate_here")
  expect_match(map$json, "excellence.pls_ipma/1", fixed = TRUE)
  expect_error(pls_ipma(fit, "SAT", scale = c(8, 10)), "outside its stated scale")
  expect_true(all(is.na(map$constructs$importance_lo)))
  boot <- pls_ipma(fit, "SAT", scale = c(0, 10), resamples = 30, seed = 3)
  expect_true(all(boot$constructs$importance_lo < boot$constructs$importance))
  expect_true(all(boot$constructs$performance < boot$constructs$performance_hi))
})

test_that("model fit: SRMR from its definition; the exact-fit test's quantiles", {
  model <- pls_model(ext("satisfaction_model.txt"))
  fit <- pls_estimate(satisfaction(), model)
  f <- pls_model_fit(fit, resamples = 30, seed = 4, threads = 2)
  d <- (f$observed - f$implied_estimated)[lower.tri(f$observed, diag = TRUE)]
  expect_close(f$estimated$value[f$estimated$measure == "SRMR"], sqrt(mean(d^2)), 1e-12)
  expect_true(all(f$saturated$q95 <= f$saturated$q99))
  expect_identical(f$succeeded, c(30, 30))
  expect_identical(pls_model_fit(fit, resamples = 30, seed = 4, threads = 1)$json, f$json)
  expect_true(all(is.na(pls_model_fit(fit)$saturated$q95)))
  expect_match(f$json, "excellence.pls_model_fit/1", fixed = TRUE)
})

test_that("multigroup analysis: each group's estimates are its own fit", {
  data <- satisfaction()
  model <- pls_model(ext("satisfaction_model.txt"))
  mga <- pls_mga(pls_estimate(data, model), data$gender, permutations = 40, resamples = 20, seed = 2)
  expect_identical(mga$groups, c("male", "female"))
  male <- pls_estimate(data[data$gender == "male", ], model)
  expect_close(mga$paths$first[mga$paths$name == "SAT -> LOY"], male$path_coefs["LOY", "SAT"], 1e-10)
  expect_true(all(mga$micom$c <= 1))
  expect_error(pls_mga(pls_estimate(data, model), data$gender[-1]), "one label per row")
})

test_that("PLSpredict from R: the seed fixes the folds", {
  model <- pls_model(ext("satisfaction_model.txt"))
  fit <- pls_estimate(satisfaction(), model)
  p <- pls_predict(fit, folds = 5, repetitions = 2, seed = 9)
  expect_identical(p$indicators$construct[p$indicators$name == "sat1"], "SAT")
  expect_true(all(p$indicators$rmse > 0))
  expect_identical(pls_predict(fit, folds = 5, repetitions = 2, seed = 9)$json, p$json)
  expect_identical(p$cvpat$benchmark[1:2], c("LM", "LM"))
  expect_identical(p$cvpat$construct[1], "(all)")
  expect_true(p$cvpat$p_better[p$cvpat$benchmark == "IA"][1] < 0.001)
  expect_error(pls_predict(fit, folds = 1), "folds")
})

test_that("the path diagram and the IPMA map as SVG", {
  model <- pls_model(ext("satisfaction_model.txt"))
  fit <- pls_estimate(satisfaction(), model)
  svg <- pls_path_diagram(fit, resamples = 20)
  expect_match(svg, "PLS path diagram: 6 constructs, 27 indicators", fixed = TRUE)
  expect_match(svg, sprintf("SAT -&gt; LOY %.3f", fit$path_coefs["LOY", "SAT"]), fixed = TRUE)
  file <- tempfile(fileext = ".svg")
  pls_path_diagram(fit, file)
  expect_identical(readChar(file, file.size(file), useBytes = TRUE), pls_path_diagram(fit))
  expect_match(pls_ipma(fit, "SAT", scale = c(0, 10))$svg, "Importance-performance map of SAT", fixed = TRUE)
})

test_that("the model report", {
  model <- pls_model(ext("satisfaction_model.txt"))
  fit <- pls_estimate(satisfaction(), model)
  page <- pls_report(fit, resamples = 20, target = "SAT", scale_min = 0, scale_max = 10, subtitle = "ECSI & co",
                     lang = "zh")
  expect_match(page, "<html lang=\"zh-CN\">", fixed = TRUE)
  expect_match(page, "<p class=\"subtitle\">ECSI &amp; co</p>", fixed = TRUE)
  expect_match(page, "<section class=\"ipma\">", fixed = TRUE)
  expect_match(page, sprintf("<th scope=\"row\">SAT -&gt; LOY</th><td class=\"num\">%.4f</td>",
                             fit$path_coefs["LOY", "SAT"]), fixed = TRUE)
  expect_false(grepl("<section class=\"ipma\">", pls_report(fit), fixed = TRUE))
  expect_error(pls_report(fit, lang = "fr"), "lang")
  expect_error(pls_report(fit, target = "SAT"), "scale_min")
})
