# R, Python and C++ give the same numbers on the same inputs, to 1e-12. C++: the
# excellence command (the C++ library's own front end) and its --json documents
# (EXCELLENCE_COMMAND); Python: the Python package (EXCELLENCE_PYTHON, with PYTHONPATH
# naming the built package). ctest sets both.

command_json <- function(...) {
  exe <- Sys.getenv("EXCELLENCE_COMMAND")
  skip_if(exe == "", "EXCELLENCE_COMMAND is not set (run through ctest)")
  out <- system2(exe, c(shQuote(c(...)), "--json"), stdout = TRUE)
  jsonlite::fromJSON(paste(out, collapse = "\n"), simplifyVector = FALSE)
}

python_json <- function(code) {
  python <- Sys.getenv("EXCELLENCE_PYTHON")
  skip_if(python == "", "EXCELLENCE_PYTHON is not set (run through ctest with the Python package built)")
  script <- tempfile(fileext = ".py")
  on.exit(unlink(script))
  writeLines(c("import json, sys", "import numpy as np", "import excellence as ex", code), script)
  out <- system2(python, shQuote(script), stdout = TRUE)
  jsonlite::fromJSON(paste(out, collapse = "\n"), simplifyVector = FALSE)
}

test_that("PLS on the satisfaction data: R = C++ = Python", {
  skip_if_not_installed("jsonlite")
  data_file <- ext("satisfaction.csv")
  model_file <- ext("satisfaction_model.json")
  fit <- pls_estimate(read.csv(data_file), pls_model(model_file))
  cpp <- command_json("pls", data_file, "--model", model_file)
  r_paths <- vapply(strsplit(names(cpp$paths), " -> "), function(p) fit$path_coefs[p[2], p[1]], 0)
  expect_close(r_paths, cpp$paths)
  expect_close(fit$gof, cpp$gof)
  py <- python_json(c(
    sprintf("rows = np.genfromtxt(%s, delimiter=',', names=True, dtype=None, encoding='utf-8')", deparse(data_file)),
    "names = [n for n in rows.dtype.names if n != 'gender']",
    "values = np.array([[float(r[n]) for n in names] for r in rows])",
    sprintf("fit = ex.pls.estimate(ex.pls.Model.read(%s), values, names)", deparse(model_file)),
    "print(json.dumps({'paths': fit.paths.tolist(), 'weights': fit.weights.tolist(), 'gof': fit.gof}))"))
  expect_close(as.vector(fit$path_coefs), unlist(lapply(seq_along(py$paths[[1]]), function(j)
    vapply(py$paths, function(row) row[[j]], 0))))
  expect_close(unname(fit$weights), py$weights)
  expect_close(fit$gof, py$gof)
})

test_that("BG/NBD on CDNOW: R = C++ = Python", {
  skip_if_not_installed("jsonlite")
  file <- ext("cdnow_summary.csv")
  fit <- clv_fit(read.csv(file), "bgnbd")
  cpp <- command_json("clv", "fit", file, "--model", "bgnbd")
  expect_close(coef(fit)[names(cpp$params)], cpp$params)
  expect_close(fit$log_likelihood, cpp$log_likelihood)
  py <- python_json(c(
    sprintf("d = np.genfromtxt(%s, delimiter=',', names=True)", deparse(file)),
    "fit = ex.clv.fit('bgnbd', d['frequency'], d['recency'], d['T'])",
    "print(json.dumps({'params': fit.params, 'log_likelihood': fit.log_likelihood}))"))
  expect_close(coef(fit)[names(py$params)], py$params)
  expect_close(fit$log_likelihood, py$log_likelihood)
})

test_that("a score and an NPS: R = C++ = Python", {
  skip_if_not_installed("jsonlite")
  wang <- ext("examiner-wang.json")
  s <- score(wang)
  cpp <- command_json("score", wang)
  expect_identical(jsonlite::fromJSON(s$json, simplifyVector = FALSE), cpp)
  py <- python_json(c(
    sprintf("s = ex.score(ex.Assessment.read(%s), ex.Framework.builtin('gbt19580-2012'))", deparse(wang)),
    "n = ex.nps(np.array([10, 9, 8, 7, 6, 0, 10, 10, 3, 9], dtype=float))",
    "print(json.dumps({'score': s.to_dict(), 'nps': n.nps, 'se': n.se}))"))
  expect_identical(py$score, cpp)
  n <- nps(c(10, 9, 8, 7, 6, 0, 10, 10, 3, 9))
  expect_close(n$nps, py$nps)
  expect_close(n$se, py$se)
})
