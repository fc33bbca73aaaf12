# Every compiled function returns its value, a failure (a list of class
# "excellence_failure") or an interrupt marker; never an R error raised from C++, whose
# longjmp would skip the library's destructors. unwrap() turns the markers into R
# conditions here, once no C++ frame is left.

#' Input errors: the `excellence_data_error` condition
#'
#' Every function of the package reports bad input (a malformed file, a missing value
#' where none may be, a score that is not a multiple of 5, an unknown criterion, a model
#' that cannot be estimated) by signalling a condition of class
#' `c("excellence_data_error", "error", "condition")`. Besides `message` it carries:
#'
#' * `code`: the library's error code, e.g. `"not_multiple_of_5"`, `"missing_value"`,
#'   `"unknown_criterion"` (the same names the C++, C and Python interfaces and the
#'   command's JSON errors use);
#' * `file`, `line`, `column`: where in which file, when the input came from one
#'   (`""` and 0 otherwise);
#' * `field`: the field, column and row concerned, e.g. `"items[3].percent"` or
#'   `"perception[17]"`;
#' * `detail`: the message without the position.
#'
#' Warnings (a model that did not converge, rows dropped by a missing-value rule) are R
#' warnings of class `excellence_warning` with the same `code` and `field`.
#'
#' @name excellence_data_error
#' @examples
#' err <- tryCatch(nps(c(10, 9, 11)), excellence_data_error = function(e) e)
#' err$code
#' err$field
NULL

unwrap <- function(x, call = sys.call(-1)) {
  if (inherits(x, "excellence_failure")) stop(data_error(x, call))
  if (inherits(x, "excellence_interrupt")) interrupted()
  x
}

data_error <- function(f, call = NULL) {
  structure(
    class = c("excellence_data_error", "error", "condition"),
    list(message = f$text, call = call, code = f$code, file = f$file, line = f$line,
         column = f$column, field = f$field, detail = f$message)
  )
}

# An error of an argument, found in R before any compiled call.
argument_error <- function(field, message, call = sys.call(-1)) {
  stop(data_error(list(text = paste0(field, ": ", message), code = "invalid_value", file = "",
                       line = 0, column = 0, field = field, message = message), call))
}

# The user pressed Ctrl-C during a compiled run, which stopped and released everything
# it held: the interrupt, signalled again so that tryCatch(interrupt = ) and the
# console see it as they see any other.
interrupted <- function() {
  signalCondition(structure(class = c("interrupt", "condition"), list(message = "interrupted", call = NULL)))
  invokeRestart("abort")
}

# The warnings a result carries (a data frame: code, field, message) as R warnings.
raise_warnings <- function(w, call = sys.call(-1)) {
  for (i in seq_len(NROW(w))) {
    warning(structure(
      class = c("excellence_warning", "warning", "condition"),
      list(message = if (nzchar(w$field[i])) paste0(w$field[i], ": ", w$message[i]) else w$message[i],
           call = call, code = w$code[i], field = w$field[i])
    ))
  }
  invisible(w)
}

# A column: `x` itself when `data` is NULL, otherwise the column of `data` that `x`
# names. Missing columns are errors naming the column and what the data has.
pick <- function(data, x, what, call = sys.call(-1)) {
  if (is.null(data)) {
    if (is.null(x)) argument_error(what, "is required", call)
    return(x)
  }
  if (!is.character(x) || length(x) != 1L) return(x)
  if (!x %in% names(data))
    argument_error(what, paste0("the data has no column '", x, "' (it has: ",
                                paste(names(data), collapse = ", "), ")"), call)
  data[[x]]
}

# A numeric vector for the library: factors and text are refused, not converted.
as_numbers <- function(x, what, call = sys.call(-1)) {
  if (is.factor(x) || !(is.numeric(x) || is.logical(x)))
    argument_error(what, paste0("expected numbers, not ", class(x)[1]), call)
  as.double(x)
}

# A thread count for the compiled code: 0 (all cores) or a positive whole number; anything
# else is an error here, never clamped.
threads_arg <- function(threads, call = sys.call(-1)) {
  if (!is.numeric(threads) || length(threads) != 1L || is.na(threads) || threads < 0 ||
      threads != floor(threads) || threads > .Machine$integer.max)
    argument_error("threads", "expected 0 (all cores) or a positive whole number of threads", call)
  as.integer(threads)
}

as_text <- function(x) {
  if (is.factor(x)) x <- as.character(x)
  as.character(x)
}
