# Ctrl-C: a real SIGINT to an R process running a long bootstrap stops it, signals R's
# interrupt condition once the run released everything, and leaves the package working.
# The run is a child R process: the test's own process cannot interrupt itself (a signal
# sent from one of its system() children does not reach R's handler).

test_that("SIGINT stops a bootstrap of a million resamples within seconds", {
  skip_on_os("windows")
  dir <- tempfile("interrupt")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE))
  at <- function(name) file.path(dir, name)
  writeLines(c(
    sprintf("writeLines(as.character(Sys.getpid()), %s)", deparse(at("pid"))),
    sprintf("library(excellence, lib.loc = %s)", deparse(dirname(system.file(package = "excellence")))),
    sprintf("fit <- pls_estimate(read.csv(%s), %s)", deparse(ext("satisfaction.csv")),
            deparse(ext("satisfaction_model.json"))),
    sprintf("writeLines('started', %s)", deparse(at("started"))),
    "t0 <- Sys.time()",
    "r <- tryCatch(bootstrap(fit, resamples = 1e6, seed = 1, threads = 1), interrupt = function(e) 'interrupted')",
    "seconds <- as.numeric(difftime(Sys.time(), t0, units = 'secs'))",
    "after <- bootstrap(fit, resamples = 20, seed = 3)$resamples",
    sprintf("writeLines(c(r, seconds, after), %s)", deparse(at("out")))), at("child.R"))
  libraries <- paste(.libPaths(), collapse = .Platform$path.sep)
  system2(file.path(R.home("bin"), "R"), c("--vanilla", "-q", "-f", shQuote(at("child.R"))),
          stdout = at("log"), stderr = at("log"), wait = FALSE, env = paste0("R_LIBS=", shQuote(libraries)))
  waited <- 0
  while (!file.exists(at("started")) && waited < 60) { Sys.sleep(0.1); waited <- waited + 0.1 }
  expect_true(file.exists(at("started")))
  Sys.sleep(1)  # the bootstrap is running (it would take minutes)
  pid <- as.integer(readLines(at("pid")))
  on.exit(tools::pskill(pid, tools::SIGKILL), add = TRUE)  # should it not have stopped
  expect_true(tools::pskill(pid, tools::SIGINT))
  waited <- 0
  while (!file.exists(at("out")) && waited < 60) { Sys.sleep(0.1); waited <- waited + 0.1 }
  out <- if (file.exists(at("out"))) readLines(at("out")) else readLines(at("log"))
  expect_identical(out[1], "interrupted")
  expect_lt(as.numeric(out[2]), 30)
  expect_identical(out[3], "20")
})
