#' PLS path models
#'
#' A PLS path model: latent variables, the paths between them and the block of
#' indicators (manifest variables) of each, as plspm takes them, written in the
#' lavaan-style syntax of cSEM and seminr, or read from a model file
#' (excellence.pls_model/1 JSON or that syntax).
#'
#' @param x The inner model as plspm's `path_matrix`: a square 0/1 matrix whose row
#'   names (or column names) name the latent variables, with `x[i, j] = 1` when latent
#'   variable `j` points to `i` (lower triangular). Or the model in lavaan-style syntax
#'   (text with `=~`, `<~` or `~`: `"SAT =~ sat1 + sat2; SAT ~ IMAG"`; errors give the
#'   line and column). Or the path of a model file.
#' @param blocks A list with one element per latent variable: the names of its
#'   indicators (data columns), or their column numbers in the data as plspm allows
#'   (resolved by [pls_estimate()]).
#' @param modes `"A"` (reflective) or `"B"` (formative) per latent variable; all `"A"`
#'   by default.
#' @return An object of class `excellence_pls_model`: `latent_variables`, `paths` (the
#'   inner matrix with names), `blocks` (a named list) and `modes`.
#' @seealso [pls_estimate()]
#' @examples
#' # plspm's satisfaction model (ECSI): the path matrix as plspm's manual writes it
#' IMAG <- c(0, 0, 0, 0, 0, 0)
#' EXPE <- c(1, 0, 0, 0, 0, 0)
#' QUAL <- c(0, 1, 0, 0, 0, 0)
#' VAL  <- c(0, 1, 1, 0, 0, 0)
#' SAT  <- c(1, 1, 1, 1, 0, 0)
#' LOY  <- c(1, 0, 0, 0, 1, 0)
#' sat_path <- rbind(IMAG, EXPE, QUAL, VAL, SAT, LOY)
#' colnames(sat_path) <- rownames(sat_path)
#' sat_blocks <- list(1:5, 6:10, 11:15, 16:19, 20:23, 24:27)
#' model <- pls_model(sat_path, sat_blocks, modes = rep("A", 6))
#' # the same model from its file, and in lavaan-style syntax
#' pls_model(system.file("extdata", "satisfaction_model.json", package = "excellence"))
#' pls_model("
#'   IMAG =~ imag1 + imag2 + imag3 + imag4 + imag5
#'   SAT  =~ sat1 + sat2 + sat3 + sat4
#'   SAT ~ IMAG")
#' @export
pls_model <- function(x, blocks = NULL, modes = NULL) {
  if (is.character(x) && length(x) == 1L && is.null(blocks)) {
    m <- if (grepl("~", x, fixed = TRUE)) unwrap(cpp_pls_model_syntax(x)) else unwrap(cpp_pls_model_read(path.expand(x)))
    return(model_object(m$latent_variables, m$paths, m$blocks, m$modes))
  }
  if (!is.matrix(x) || nrow(x) != ncol(x))
    argument_error("x", "expected a square path matrix (or the path of a model file)")
  lvs <- rownames(x)
  if (is.null(lvs)) lvs <- colnames(x)
  if (is.null(lvs)) lvs <- names(blocks)
  if (is.null(lvs)) lvs <- paste0("LV", seq_len(nrow(x)))
  if (!is.list(blocks) || length(blocks) != nrow(x))
    argument_error("blocks", sprintf("expected a list of %d blocks, one per latent variable", nrow(x)))
  if (is.null(modes)) modes <- rep("A", nrow(x))
  if (length(modes) != nrow(x)) argument_error("modes", sprintf("expected %d modes, one per latent variable", nrow(x)))
  paths <- matrix(as.integer(x), nrow(x))
  blocks <- lapply(blocks, function(b) if (is.numeric(b)) as.integer(b) else as.character(b))
  m <- model_object(lvs, paths, blocks, as.character(modes))
  if (all(vapply(blocks, is.character, TRUE))) unwrap(cpp_pls_model_check(m))  # checked now, not at estimation
  m
}

#' Writing a PLS path model
#'
#' @param model A [pls_model()] whose blocks name their indicators.
#' @param format `"syntax"` (lavaan-style, as cSEM and seminr read it) or `"json"`
#'   (excellence.pls_model/1).
#' @return The text; [pls_model()] reads it back.
#' @examples
#' model <- pls_model(system.file("extdata", "satisfaction_model.json", package = "excellence"))
#' cat(pls_syntax(model))
#' @export
pls_syntax <- function(model, format = c("syntax", "json")) {
  if (!inherits(model, "excellence_pls_model")) argument_error("model", "expected a pls_model()")
  if (!all(vapply(model$blocks, is.character, TRUE)))
    argument_error("model", "its blocks give column numbers: name the indicators to write the model")
  unwrap(cpp_pls_model_write(unclass(model), match.arg(format)))
}

# A data frame with its numeric columns rounded, for printing.
rounded <- function(d, digits) {
  numeric <- vapply(d, is.numeric, TRUE)
  d[numeric] <- lapply(d[numeric], round, digits)
  d
}

model_object <- function(lvs, paths, blocks, modes) {
  dimnames(paths) <- list(lvs, lvs)
  names(blocks) <- lvs
  names(modes) <- lvs
  structure(list(latent_variables = lvs, paths = paths, blocks = blocks, modes = modes),
            class = "excellence_pls_model")
}

#' @export
print.excellence_pls_model <- function(x, ...) {
  cat(sprintf("<PLS path model: %d latent variables, %d paths>\n", length(x$latent_variables), sum(x$paths != 0)))
  for (lv in x$latent_variables) {
    b <- x$blocks[[lv]]
    cat(sprintf("  %s (mode %s): %s\n", lv, x$modes[[lv]], paste(b, collapse = " ")))
  }
  invisible(x)
}

# The model with its blocks as column names of `data`, and the numeric matrix of the
# model's indicators: what every compiled PLS call takes.
pls_input <- function(data, model, options, call = sys.call(-1)) {
  if (!inherits(model, "excellence_pls_model")) model <- pls_model(model)
  if (!is.data.frame(data) && !is.matrix(data)) argument_error("data", "expected a data frame or a matrix", call)
  columns <- colnames(data)
  if (is.null(columns)) argument_error("data", "the columns need names (the indicators')", call)
  model$blocks <- lapply(seq_along(model$blocks), function(j) {
    b <- model$blocks[[j]]
    if (is.character(b)) return(b)
    if (any(b < 1 | b > length(columns)))
      argument_error(sprintf("blocks[[%d]]", j), sprintf("column numbers must be 1 to %d", length(columns)), call)
    columns[b]
  })
  names(model$blocks) <- model$latent_variables
  indicators <- unlist(model$blocks, use.names = FALSE)
  absent <- setdiff(indicators, columns)
  if (length(absent) > 0)
    argument_error("data", paste0("the data has no column ", paste0("'", absent, "'", collapse = ", ")), call)
  for (name in indicators) {
    column <- data[, name]
    if (is.factor(column) || !(is.numeric(column) || is.logical(column)))
      argument_error(name, paste0("the indicator is ", class(column)[1], ", not numbers"), call)
  }
  values <- matrix(as.double(as.matrix(data[, indicators, drop = FALSE])), nrow(data),
                   dimnames = list(NULL, indicators))
  list(model = unclass(model), values = values, names = indicators, options = options)
}

#' Estimating a PLS path model
#'
#' Estimates a PLS path model by Wold's algorithm with Lohmöller's inner schemes, as
#' plspm does: with `stop = "plspm"` the numbers are plspm's to its own tolerance; with
#' the default `stop = "exact"` the iteration runs to the fixed point, and plspm with
#' `tol = 1e-15` agrees to about 1e-12.
#'
#' @param data A data frame or matrix with the indicators as named columns (other
#'   columns are not read). `NA` is a missing value, handled by `missing`.
#' @param model A [pls_model()], or the path of a model file.
#' @param scheme The inner weighting scheme: `"path"`, `"centroid"` or `"factorial"`.
#' @param standardized `TRUE` (plspm's `scaled = TRUE`): indicators are standardised;
#'   `FALSE`: only centred.
#' @param stop `"exact"` (to the fixed point) or `"plspm"` (plspm's stopping rule).
#' @param tolerance `NULL` for the rule's default, or the tolerance.
#' @param max_iterations The most iterations.
#' @param missing `"error"` (the default: a missing value is an error naming row and
#'   indicator), `"listwise"` (drop the rows; a warning says how many) or `"mean"`
#'   (impute the indicator's mean).
#' @param consistent `TRUE`: consistent PLS (PLSc, Dijkstra & Henseler 2015; reproduces
#'   ADANCO and cSEM): mode A blocks are common factors, and their correlations, loadings,
#'   the paths and R2 are corrected for attenuation (`unidim$rho_A` holds the
#'   reliabilities); estimates beyond +-1 raise a warning. `inner_model` (regressions of
#'   the scores, which remain the composites) is then empty.
#' @return An object of class `excellence_pls` with plspm's components: `outer_model`,
#'   `inner_model`, `path_coefs`, `scores`, `crossloadings`, `inner_summary`,
#'   `effects`, `unidim`, `gof`; and `htmt` (heterotrait-monotrait ratios), `r2`,
#'   `lv_correlations`, `iterations`, `converged`, `n`, and `json` (the
#'   excellence.pls_fit/1 document). Methods: `print`, `summary`, `coef` (the path
#'   coefficients); [bootstrap()] and [pls_index()] take it.
#' @seealso [pls_model()], [bootstrap()], [pls_index()]
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.json", package = "excellence"))
#' fit <- pls_estimate(satisfaction, model, scheme = "path")
#' fit
#' coef(fit)["SAT", ]
#' summary(fit)
#' @export
pls_estimate <- function(data, model, scheme = c("path", "centroid", "factorial"), standardized = TRUE,
                         stop = c("exact", "plspm"), tolerance = NULL, max_iterations = 300,
                         missing = c("error", "listwise", "mean"), consistent = FALSE) {
  options <- list(scheme = match.arg(scheme), standardized = isTRUE(standardized), stop = match.arg(stop),
                  tolerance = tolerance, max_iterations = as.integer(max_iterations), missing = match.arg(missing),
                  consistent = isTRUE(consistent))
  input <- pls_input(data, model, options)
  f <- unwrap(cpp_pls_estimate(input$model, input$values, input$names, options))
  raise_warnings(f$warnings)
  fit_object(f, input)
}

fit_object <- function(f, input) {
  lvs <- f$latent_variables
  mvs <- f$indicators
  block <- lvs[f$block_of]
  square <- function(m) {
    dimnames(m) <- list(lvs, lvs)
    m
  }
  paths <- square(f$paths)
  total <- square(f$total_effects)
  indirect <- square(f$indirect_effects)
  colnames(f$scores) <- lvs
  cross <- f$cross_loadings
  colnames(cross) <- lvs
  r2 <- stats::setNames(f$r2, lvs)
  q <- f$quality
  inner_model <- list()
  for (i in which(f$endogenous & !isTRUE(input$options$consistent))) {
    preds <- which(paths[i, ] != 0)
    inner_model[[lvs[i]]] <- inner_regression(f$scores[, i], f$scores[, preds, drop = FALSE])
  }
  pairs <- which(total != 0 | paths != 0, arr.ind = TRUE)
  pairs <- pairs[order(pairs[, "col"], pairs[, "row"]), , drop = FALSE]
  structure(list(
    outer_model = data.frame(name = mvs, block = block, weight = f$weights, loading = f$loadings,
                             communality = f$communality, redundancy = f$redundancy, stringsAsFactors = FALSE),
    inner_model = inner_model,
    path_coefs = paths,
    scores = f$scores,
    crossloadings = data.frame(name = mvs, block = block, cross, stringsAsFactors = FALSE, check.names = FALSE),
    inner_summary = data.frame(type = ifelse(f$endogenous, "Endogenous", "Exogenous"), R2 = f$r2,
                               block_communality = q$block_communality, mean_redundancy = q$mean_redundancy,
                               AVE = q$ave, row.names = lvs, stringsAsFactors = FALSE),
    effects = data.frame(relationships = paste(lvs[pairs[, "col"]], "->", lvs[pairs[, "row"]]),
                         direct = paths[pairs], indirect = indirect[pairs], total = total[pairs],
                         stringsAsFactors = FALSE),
    unidim = data.frame(mode = q$mode, MVs = q$indicators, C.alpha = q$alpha, DG.rho = q$dg_rho,
                        eig.1st = q$eig_1st, eig.2nd = q$eig_2nd, composite_reliability = q$composite_reliability,
                        rho_A = q$rho_a, row.names = lvs, stringsAsFactors = FALSE),
    gof = f$gof,
    htmt = square(f$htmt),
    r2 = r2,
    lv_correlations = square(f$lv_correlations),
    total_effects = total,
    weights = stats::setNames(f$weights, mvs),
    loadings = stats::setNames(f$loadings, mvs),
    iterations = f$iterations, converged = f$converged, n = f$n, rows_dropped = f$rows_dropped,
    cells_imputed = f$cells_imputed, options = input$options, model = input$model,
    json = f$json, input = input
  ), class = "excellence_pls")
}

# plspm's inner_model table: the OLS regression of an endogenous score on its
# predecessors' scores, with an intercept (zero: the scores are centred), standard
# errors, t values and p values.
inner_regression <- function(y, X) {
  fit <- stats::lm.fit(cbind(Intercept = 1, X), y)
  n <- length(y)
  k <- ncol(X) + 1L
  sigma2 <- sum(fit$residuals^2) / (n - k)
  R <- qr.R(fit$qr)
  se <- sqrt(diag(chol2inv(R)) * sigma2)[order(fit$qr$pivot)]
  est <- fit$coefficients
  t <- est / se
  cbind(Estimate = est, `Std. Error` = se, `t value` = t, `Pr(>|t|)` = 2 * stats::pt(-abs(t), n - k))
}

#' @export
print.excellence_pls <- function(x, ...) {
  cat(sprintf("<PLS path model estimate: %d latent variables, %d indicators, n = %d, %s scheme, %s after %d iterations>\n",
              length(x$r2), nrow(x$outer_model), x$n, x$options$scheme,
              if (x$converged) "converged" else "NOT converged", x$iterations))
  cat("\nPath coefficients (row: to, column: from)\n")
  print(round(x$path_coefs, 4))
  cat("\nR-squared\n")
  print(round(x$r2[x$inner_summary$type == "Endogenous"], 4))
  cat(sprintf("\nGoF %.4f\n", x$gof))
  invisible(x)
}

#' @export
coef.excellence_pls <- function(object, ...) object$path_coefs

#' @export
summary.excellence_pls <- function(object, ...) structure(list(fit = object), class = "summary.excellence_pls")

#' @export
print.summary.excellence_pls <- function(x, digits = 4, ...) {
  f <- x$fit
  heading <- function(text) cat("\n", strrep("-", 60), "\n", text, "\n", sep = "")
  num <- function(d) {
    d[] <- lapply(d, function(col) if (is.double(col)) round(col, digits) else col)
    d
  }
  heading("MODEL SPECIFICATION")
  cat(sprintf("Number of cases      %d\nLatent variables     %d\nManifest variables   %d\nInner weighting scheme %s\n",
              as.integer(f$n), length(f$r2), nrow(f$outer_model), f$options$scheme))
  cat(sprintf("Scaled data          %s\nStopping rule        %s\nIterations           %d (%s)\n",
              f$options$standardized, f$options$stop, f$iterations,
              if (f$converged) "converged" else "NOT converged"))
  heading("BLOCKS DEFINITION")
  print(data.frame(type = f$inner_summary$type, size = f$unidim$MVs, mode = f$unidim$mode,
                   row.names = rownames(f$inner_summary)))
  heading("BLOCKS UNIDIMENSIONALITY (reliability)")
  print(num(f$unidim))
  heading("OUTER MODEL")
  print(num(f$outer_model), row.names = FALSE)
  heading("CROSSLOADINGS")
  print(num(f$crossloadings), row.names = FALSE)
  heading("INNER MODEL")
  for (lv in names(f$inner_model)) {
    cat("$", lv, "\n", sep = "")
    print(round(f$inner_model[[lv]], digits))
    cat("\n")
  }
  heading("CORRELATIONS BETWEEN LVs")
  print(round(f$lv_correlations, digits))
  heading("HETEROTRAIT-MONOTRAIT RATIOS (HTMT)")
  print(round(f$htmt, digits), na.print = "")
  heading("SUMMARY INNER MODEL")
  print(num(f$inner_summary))
  heading("GOODNESS-OF-FIT")
  cat(sprintf("[1] %.*f\n", digits, f$gof))
  heading("TOTAL EFFECTS")
  print(num(f$effects), row.names = FALSE)
  invisible(x)
}

#' Bootstrap of a PLS path model
#'
#' Standard errors, t values and intervals of the weights, loadings, paths, total,
#' total indirect and specific indirect effects (mediation), R2 and HTMT from
#' `resamples` resamples of the rows (plspm's `boot.val = TRUE`, `br = resamples`). The
#' same `seed` gives the same resamples on every platform and thread count. Ctrl-C stops
#' it.
#'
#' @param fit A fit from [pls_estimate()] (its data and options are used again).
#' @param resamples The number of resamples.
#' @param seed The seed of the resampling.
#' @param confidence Of the intervals.
#' @param threads 0 for all cores, or how many threads to use.
#' @param interval `"percentile"`, `"bc"` (bias-corrected) or `"bca"` (bias-corrected and
#'   accelerated, the acceleration from a jackknife over the rows). Where a BC or BCa
#'   interval is undefined the row's `interval` column says `"percentile"` and a warning
#'   names it.
#' @return An object of class `excellence_pls_bootstrap`: data frames `weights`,
#'   `loadings`, `paths`, `total_effects`, `indirect_effects`,
#'   `specific_indirect_effects` (`"IMAG -> EXPE -> SAT"`), `r2` and `htmt`
#'   (`"IMAG, EXPE"`), one row per parameter (row names `"imag1"`, `"IMAG -> EXPE"`)
#'   with columns `original`, `mean_boot`, `std_error`, `t`, `lower`, `upper`
#'   (plspm's `Original`, `Mean.Boot`, `Std.Error`, `perc.025`, `perc.975`) and
#'   `interval`; and `resamples`, `succeeded`, `failed`, `interval`.
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.json", package = "excellence"))
#' boot <- bootstrap(pls_estimate(satisfaction, model), resamples = 200, seed = 7)
#' boot$paths
#' @export
bootstrap <- function(fit, resamples = 500, seed = 1, confidence = 0.95, threads = 0,
                      interval = c("percentile", "bc", "bca")) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  i <- fit$input
  b <- unwrap(cpp_pls_bootstrap(i$model, i$values, i$names, i$options, resamples, seed, confidence,
                                threads_arg(threads), match.arg(interval)))
  raise_warnings(b$warnings)
  for (part in c("weights", "loadings", "paths", "total_effects", "indirect_effects", "specific_indirect_effects",
                 "r2", "htmt")) {
    rownames(b[[part]]) <- b[[part]]$name
    b[[part]]$name <- NULL
  }
  structure(b, class = "excellence_pls_bootstrap")
}

#' @export
print.excellence_pls_bootstrap <- function(x, digits = 4, ...) {
  cat(sprintf("<PLS bootstrap: %d resamples (%d failed), %g%% %s intervals>\n", as.integer(x$resamples),
              as.integer(x$failed), 100 * x$confidence, x$interval))
  d <- x$paths
  d <- rounded(d, digits)
  print(d)
  invisible(x)
}

#' Satisfaction indexes from a PLS model
#'
#' The 0–100 index of each latent variable, as the ACSI reports it: the unstandardised
#' outer weights normalised to sum to one in each block, applied to the indicators
#' rescaled from their answer scale to 0–100.
#'
#' @param fit A fit from [pls_estimate()].
#' @param scale The answer scale's ends: `c(min, max)` for every indicator, or
#'   `scale_min`/`scale_max` per indicator.
#' @param scale_min,scale_max Per indicator (in the fit's indicator order), instead of
#'   `scale`.
#' @return An object of class `excellence_pls_index`: `index` (named, per latent
#'   variable: the index of the mean respondent), `scores` (each respondent's index per
#'   latent variable), `normalised_weights`.
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.json", package = "excellence"))
#' pls_index(pls_estimate(satisfaction, model), scale = c(0, 10))
#' @export
pls_index <- function(fit, scale = c(0, 10), scale_min = NULL, scale_max = NULL) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  p <- nrow(fit$outer_model)
  lo <- if (is.null(scale_min)) rep(scale[1], p) else as.double(scale_min)
  hi <- if (is.null(scale_max)) rep(scale[2], p) else as.double(scale_max)
  i <- fit$input
  r <- unwrap(cpp_pls_index(i$model, i$values, i$names, i$options, lo, hi))
  names(r$index) <- r$latent_variables
  colnames(r$scores) <- r$latent_variables
  names(r$normalised_weights) <- fit$outer_model$name
  structure(r[c("index", "scores", "normalised_weights")], class = "excellence_pls_index")
}

#' Importance-performance map of a PLS model
#'
#' The IPMA (Ringle & Sarstedt 2016) of a target construct on the 0-100 scale: for every
#' construct with a chain of paths to the target, and each of its indicators, the
#' importance (its total effect on the target in 0-100 points per 0-100 point) and the
#' performance (its 0-100 mean, the index), placed in IPA's quadrants against their means.
#' The scale is the questionnaire's, never the sample's.
#'
#' @param fit A fit from [pls_estimate()] (not consistent).
#' @param target The construct explained, e.g. `"SAT"`.
#' @param scale The answers' scale, `c(min, max)`, for every indicator.
#' @param scale_min,scale_max Or one minimum and maximum per indicator.
#' @param resamples,seed,threads A bootstrap (0 resamples: none) for 95 % percentile
#'   intervals of every importance and performance.
#' @return An object of class `excellence_pls_ipma`: `target`, `target_performance`,
#'   data frames `constructs` and `indicators` (`name`, `construct`, `importance`,
#'   `performance`, `quadrant`, and the intervals `importance_lo`, `importance_hi`,
#'   `performance_lo`, `performance_hi`, `NA` without a bootstrap), `rescaled_weights`, the crosshair (`importance_line`,
#'   `performance_line`), `json` (excellence.pls_ipma/1) and `svg` (the map). A negative rescaled weight
#'   raises a warning.
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' pls_ipma(pls_estimate(satisfaction, model), "SAT", scale = c(0, 10))
#' @export
pls_ipma <- function(fit, target, scale = c(0, 10), scale_min = NULL, scale_max = NULL, resamples = 0, seed = 1,
                     threads = 0) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  lo <- if (is.null(scale_min)) scale[1] else as.double(scale_min)
  hi <- if (is.null(scale_max)) scale[2] else as.double(scale_max)
  i <- fit$input
  r <- if (resamples > 0) {
    unwrap(cpp_pls_ipma_bootstrap(i$model, i$values, i$names, i$options, as.character(target), lo, hi, resamples,
                                  seed, threads_arg(threads)))
  } else {
    unwrap(cpp_pls_ipma(i$model, i$values, i$names, i$options, as.character(target), lo, hi))
  }
  raise_warnings(r$warnings)
  r$warnings <- NULL
  structure(r, class = "excellence_pls_ipma")
}

#' @export
print.excellence_pls_ipma <- function(x, digits = 4, ...) {
  cat(sprintf("<Importance-performance map of %s: performance %.1f of 100>\n", x$target, x$target_performance))
  d <- x$constructs[, c("name", "importance", "performance", "quadrant")]
  d$importance <- round(d$importance, digits)
  d$performance <- round(d$performance, 1)
  print(d, row.names = FALSE)
  invisible(x)
}

#' Overall fit of a PLS model
#'
#' SRMR, d_ULS and d_G (Dijkstra & Henseler 2015) between the indicators' observed
#' correlations and those the saturated and the estimated model imply (composite blocks;
#' under consistent PLS mode A blocks are common factors), and with `resamples` the
#' bootstrap test of exact fit on Bollen-Stine transformed data.
#'
#' @param fit A fit from [pls_estimate()].
#' @param resamples Resamples of the exact-fit test; 0 for the distances alone.
#' @param seed,threads As for [bootstrap()]: the same seed gives the same numbers on any
#'   number of threads.
#' @return An object of class `excellence_pls_model_fit`: data frames `saturated` and
#'   `estimated` (`measure`, `value`, `q95`, `q99`, `p_value`; `NA` without the test),
#'   `common_factor`, the matrices `observed`, `implied_saturated`, `implied_estimated`,
#'   `succeeded` (resamples of each variant's test) and `json` (excellence.pls_model_fit/1).
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' pls_model_fit(pls_estimate(satisfaction, model), resamples = 200)
#' @export
pls_model_fit <- function(fit, resamples = 0, seed = 1, threads = 0) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  i <- fit$input
  r <- unwrap(cpp_pls_model_fit(i$model, i$values, i$names, i$options, resamples, seed, threads_arg(threads)))
  raise_warnings(r$warnings)
  r$warnings <- NULL
  for (m in c("observed", "implied_saturated", "implied_estimated")) dimnames(r[[m]]) <- list(r$indicators, r$indicators)
  structure(r, class = "excellence_pls_model_fit")
}

#' @export
print.excellence_pls_model_fit <- function(x, digits = 4, ...) {
  cat(sprintf("<PLS model fit: %s model%s>\n", if (x$common_factor) "common-factor" else "composite",
              if (x$resamples > 0) sprintf(", exact-fit test with %d resamples", as.integer(x$resamples)) else ""))
  d <- rbind(cbind(model = "saturated", x$saturated), cbind(model = "estimated", x$estimated))
  d <- rounded(d, digits)
  print(d, row.names = FALSE)
  invisible(x)
}

#' Multigroup analysis of a PLS model
#'
#' Compares two groups of respondents: per path, weight and loading both groups'
#' estimates, the permutation test (Chin & Dibbern 2010) and, with `resamples`, Henseler's
#' bootstrap MGA; per construct MICOM steps 2 and 3 (Henseler, Ringle & Sarstedt 2016).
#'
#' @param fit A fit from [pls_estimate()] on all rows.
#' @param groups One label per row of the fit's data, e.g. `satisfaction$gender`.
#' @param permutations Permutations of the labels.
#' @param resamples Bootstrap resamples per group for Henseler's MGA; 0: not run.
#' @param seed,threads As for [bootstrap()].
#' @param compare With more than two labels, the two to compare.
#' @return An object of class `excellence_pls_mga`: `groups`, `n`, data frames `paths`,
#'   `weights`, `loadings` (`name`, `first`, `second`, `difference`, `p_permutation`,
#'   `p_henseler`) and `micom` (`c`, `c_q05`, `c_p`, `mean_difference`, `mean_lo`,
#'   `mean_hi`, `mean_p`, `log_variance_ratio`, `variance_lo`, `variance_hi`,
#'   `variance_p`), and `json` (excellence.pls_mga/1).
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' pls_mga(pls_estimate(satisfaction, model), satisfaction$gender, permutations = 200)
#' @export
pls_mga <- function(fit, groups, permutations = 5000, resamples = 0, seed = 1, threads = 0, compare = NULL) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  i <- fit$input
  if (length(groups) != nrow(i$values))
    argument_error("groups", sprintf("expected one label per row: %d rows, %d labels", nrow(i$values), length(groups)))
  if (anyNA(groups)) argument_error("groups", sprintf("label %d is NA", which(is.na(groups))[1]))
  r <- unwrap(cpp_pls_mga(i$model, i$values, i$names, i$options, as.character(groups), permutations, resamples, seed,
                          threads_arg(threads), as.character(compare)))
  raise_warnings(r$warnings)
  r$warnings <- NULL
  structure(r, class = "excellence_pls_mga")
}

#' @export
print.excellence_pls_mga <- function(x, digits = 4, ...) {
  cat(sprintf("<PLS multigroup analysis: %s (n %d) vs %s (n %d), %d permutations>\n", x$groups[1], as.integer(x$n[1]),
              x$groups[2], as.integer(x$n[2]), as.integer(x$permutations)))
  d <- x$paths
  d <- rounded(d, digits)
  print(d, row.names = FALSE)
  invisible(x)
}

#' Out-of-sample prediction of a PLS model (PLSpredict)
#'
#' Repeated k-fold cross-validation (Shmueli et al. 2016, 2019): per indicator of the
#' endogenous constructs the RMSE, MAE and Q2_predict of the PLS predictions and the
#' linear-model benchmark's RMSE and MAE, means over the repetitions.
#'
#' @param fit A fit from [pls_estimate()] (complete data).
#' @param folds,repetitions k and r.
#' @param seed The folds depend on it alone.
#' @return An object of class `excellence_pls_predict`: data frames `indicators` and `cvpat`
#'   (the CVPAT tests against the linear model "LM" and the indicator averages "IA", for all
#'   endogenous indicators "(all)" and per construct: `loss_difference`, `t`, `p_better`,
#'   `p_two_sided`, `df`) and `json` (excellence.pls_predict/1).
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' pls_predict(pls_estimate(satisfaction, model), folds = 10, repetitions = 2)
#' @export
pls_predict <- function(fit, folds = 10, repetitions = 10, seed = 1) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  i <- fit$input
  r <- unwrap(cpp_pls_predict(i$model, i$values, i$names, i$options, folds, repetitions, seed))
  structure(r, class = "excellence_pls_predict")
}

#' @export
print.excellence_pls_predict <- function(x, digits = 4, ...) {
  cat(sprintf("<PLSpredict: %d folds, %d repetitions>\n", as.integer(x$folds), as.integer(x$repetitions)))
  d <- x$indicators
  d <- rounded(d, digits)
  print(d, row.names = FALSE)
  invisible(x)
}

#' Path diagram of a PLS model as SVG
#'
#' The model as researchers draw it: constructs as ellipses with their R2, indicators as
#' boxes with loadings (mode A) or weights (mode B), paths with their coefficients, laid
#' out by the model's structure. With `resamples` a bootstrap marks each path: `*` where its
#' interval excludes 0, dashed where it includes 0. (The IPMA's map is `pls_ipma(...)$svg`.)
#'
#' @param fit A fit from [pls_estimate()].
#' @param file `NULL` to return the SVG text, or a file to write it to.
#' @param resamples,seed,threads The bootstrap for the paths' verdict; 0 resamples: none.
#' @return The SVG text (invisibly when written to `file`).
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' svg <- pls_path_diagram(pls_estimate(satisfaction, model))
#' @export
pls_path_diagram <- function(fit, file = NULL, resamples = 0, seed = 1, threads = 0) {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  i <- fit$input
  svg <- unwrap(cpp_pls_path_diagram(i$model, i$values, i$names, i$options, resamples, seed, threads_arg(threads)))
  if (is.null(file)) return(svg)
  writeLines(svg, file, sep = "", useBytes = TRUE)
  invisible(svg)
}

#' The model report of a PLS model as HTML
#'
#' One self-contained HTML page (inline CSS and SVG, nothing loaded, prints to A4): the
#' facts of the estimation, the path diagram, the structural model (paths, R2, total,
#' indirect and - after a bootstrap - specific indirect effects with their intervals) and
#' the measurement model (weights, loadings, reliability, HTMT, Fornell-Larcker,
#' cross-loadings), with the 0-100 index and the importance-performance map when asked for.
#'
#' @param fit A fit from [pls_estimate()].
#' @param file `NULL` to return the HTML text, or a file to write it to.
#' @param resamples,seed,threads The bootstrap behind the intervals; 0 resamples: none.
#' @param target The construct of the importance-performance map, or `NULL` for none.
#' @param scale_min,scale_max The questionnaire's scale (one value, or one per indicator):
#'   the 0-100 index, and the map's performances; `NULL` for neither.
#' @param subtitle Under the title: the study, the data file.
#' @param lang `"en"` or `"zh"`.
#' @return The HTML text (invisibly when written to `file`).
#' @examples
#' satisfaction <- read.csv(system.file("extdata", "satisfaction.csv", package = "excellence"))
#' model <- pls_model(system.file("extdata", "satisfaction_model.txt", package = "excellence"))
#' page <- pls_report(pls_estimate(satisfaction, model), target = "SAT", scale_min = 0, scale_max = 10)
#' @export
pls_report <- function(fit, file = NULL, resamples = 0, seed = 1, threads = 0, target = NULL, scale_min = NULL,
                       scale_max = NULL, subtitle = "", lang = "en") {
  if (!inherits(fit, "excellence_pls")) argument_error("fit", "expected a fit from pls_estimate()")
  if (is.null(scale_min) != is.null(scale_max)) argument_error("scale_max", "scale_min and scale_max go together")
  if (!is.null(target) && is.null(scale_min)) argument_error("scale_min", "the map needs the questionnaire's scale")
  # One scale for all indicators becomes one per indicator, as pls_index() passes it.
  p <- nrow(fit$outer_model)
  lo <- if (length(scale_min) == 1) rep(as.double(scale_min), p) else as.double(scale_min)
  hi <- if (length(scale_max) == 1) rep(as.double(scale_max), p) else as.double(scale_max)
  i <- fit$input
  page <- unwrap(cpp_pls_report(i$model, i$values, i$names, i$options, resamples, seed, threads_arg(threads),
                                if (is.null(target)) "" else target, lo, hi, subtitle, lang))
  if (is.null(file)) return(page)
  writeLines(page, file, sep = "", useBytes = TRUE)
  invisible(page)
}

#' @export
print.excellence_pls_index <- function(x, ...) {
  cat("<PLS indexes, 0-100>\n")
  print(round(x$index, 2))
  invisible(x)
}
