# Sample data ship in the package (inst/extdata); the published references and the other
# interfaces' programs come from the repository the package was built from, named by
# environment variables that the project's ctest sets (bindings/r/CMakeLists.txt). A
# test that needs one of them is skipped without it (R CMD check of a lone tarball).
ext <- function(file) system.file("extdata", file, package = "excellence", mustWork = TRUE)

repository <- function(...) {
  root <- Sys.getenv("EXCELLENCE_SOURCE_DIR")
  skip_if(root == "", "EXCELLENCE_SOURCE_DIR is not set (run through ctest)")
  file.path(root, ...)
}

reference <- function(...) {
  skip_if_not_installed("jsonlite")
  jsonlite::fromJSON(repository("tests", "data", "reference", ...), simplifyVector = FALSE)
}

satisfaction <- function() read.csv(ext("satisfaction.csv"))

# Relative closeness as the Python and C tests state it: |a - b| <= tol * max(1, |b|).
expect_close <- function(actual, expected, tolerance = 1e-12) {
  expected <- unlist(expected)
  ok <- abs(actual - expected) <= tolerance * pmax(1, abs(expected))
  expect(all(ok), sprintf("differ by up to %g (tolerance %g) at %s", max(abs(actual - expected)), tolerance,
                          paste(head(names(actual)[!ok] %||% which(!ok)), collapse = ", ")))
  invisible(actual)
}

`%||%` <- function(a, b) if (is.null(a)) b else a
