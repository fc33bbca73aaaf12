#' Criteria frameworks
#'
#' The criteria tree of a built-in framework (GB/T 19580-2012 *卓越绩效评价准则*, the
#' Baldrige Excellence Framework 2023) or of a framework file (excellence.framework/1),
#' optionally only the part under one node, such as clause `"4.3"` (customers and
#' market).
#'
#' @param id A built-in framework id: one of `builtin_frameworks()`.
#' @param path A framework file (excellence.framework/1, see the project's
#'   docs/framework-format.md).
#' @param scope `NULL` for the whole framework, or the id of a category or item to keep
#'   only the part under it.
#' @return An object of class `excellence_framework`: a list with `id`, `scope`,
#'   `max_points`, the titles, and `nodes`, a data frame with one row per node (`id`,
#'   `kind`, `title_zh`, `title_en`, `evaluation`, `points`, `parent`) in preorder.
#'   `as.data.frame()` gives the nodes.
#' @examples
#' builtin_frameworks()
#' customers <- builtin_framework("gbt19580-2012", scope = "4.3")
#' customers
#' subset(as.data.frame(customers), kind == "item")
#' @export
builtin_framework <- function(id = "gbt19580-2012", scope = NULL) {
  framework_object(unwrap(cpp_builtin_framework(id, scope_arg(scope))))
}

#' @rdname builtin_framework
#' @export
builtin_frameworks <- function() cpp_builtin_framework_ids()

#' @rdname builtin_framework
#' @export
read_framework <- function(path, scope = NULL) {
  framework_object(unwrap(cpp_read_framework(path.expand(path), scope_arg(scope))))
}

scope_arg <- function(scope) if (is.null(scope)) "" else as.character(scope)

framework_object <- function(x) structure(x, class = "excellence_framework")

#' @export
as.data.frame.excellence_framework <- function(x, ...) x$nodes

#' @export
print.excellence_framework <- function(x, ...) {
  items <- x$nodes[x$nodes$kind == "item", c("id", "evaluation", "points", "title_en")]
  cat(sprintf("<framework %s%s: %s, %d points, %d items>\n", x$id,
              if (nzchar(x$scope)) paste0(" scope ", x$scope) else "", x$title_en, x$max_points, nrow(items)))
  print(items, row.names = FALSE)
  invisible(x)
}

#' Assessments
#'
#' Reads one examiner's assessment of one organisation (excellence.assessment/1: a
#' percent in steps of 5 for each scored item, or `not_assessed`, with dimension
#' judgements, strengths and opportunities).
#'
#' @param path The assessment file.
#' @param text The assessment as JSON text, for `parse_assessment()`.
#' @param source A name for `text` in error messages.
#' @return An object of class `excellence_assessment`: a list with `framework`,
#'   `organization`, `examiner`, `date`, `source`, and `items`, a data frame (`id`,
#'   `percent`, `not_assessed`, `strengths`, `opportunities`: the counts of comments).
#' @examples
#' wang <- read_assessment(system.file("extdata", "examiner-wang.json", package = "excellence"))
#' wang
#' @export
read_assessment <- function(path) {
  structure(unwrap(cpp_read_assessment(path.expand(path))), class = "excellence_assessment")
}

#' @rdname read_assessment
#' @export
parse_assessment <- function(text, source = "<text>") {
  structure(unwrap(cpp_parse_assessment(paste(text, collapse = "\n"), source)), class = "excellence_assessment")
}

#' @export
print.excellence_assessment <- function(x, ...) {
  cat(sprintf("<assessment of %s by %s, %s, against %s: %d items>\n", x$organization, x$examiner, x$date,
              x$framework, nrow(x$items)))
  invisible(x)
}

#' @export
as.data.frame.excellence_assessment <- function(x, ...) x$items

as_assessment <- function(x) {
  if (inherits(x, "excellence_assessment")) return(x)
  if (is.character(x) && length(x) == 1L) return(read_assessment(x))
  argument_error("assessment", "expected an assessment (read_assessment()) or the path of one", sys.call(-1))
}

framework_parts <- function(framework) {
  if (is.null(framework)) return(list(json = "", scope = ""))
  if (is.character(framework) && length(framework) == 1L)
    framework <- if (framework %in% builtin_frameworks()) builtin_framework(framework) else read_framework(framework)
  if (!inherits(framework, "excellence_framework"))
    argument_error("framework", "expected a framework (builtin_framework(), read_framework()), an id or a path",
                   sys.call(-1))
  list(json = framework$json, scope = framework$scope)
}

#' Scoring an assessment
#'
#' Scores an assessment exactly: an item's points are its percent times its points (to
#' the hundredth, never rounded on the way), a category's the sum of its items, the
#' total the sum of the categories; bands as the framework defines them.
#'
#' @param assessment An assessment from [read_assessment()], or the path of one.
#' @param framework `NULL` to use the framework the assessment names (a built-in id, or
#'   a framework file beside it), or a framework from [builtin_framework()] or
#'   [read_framework()], or an id or path.
#' @param scope `NULL` for the framework's whole tree, or the id of a category or item
#'   to score only the part under it (`"4.3"`: 90 points in GB/T 19580).
#' @return An object of class `excellence_score`: a list with `total`, `max`,
#'   `assessed_max`, `overall_band`, `items` (a data frame: `id`, `category`,
#'   `evaluation`, `assessed`, `percent`, `band`, `score`, `max`), `categories` (`id`,
#'   `score`, `max`, `items`, `items_assessed`), `not_assessed`, and `json`, the
#'   excellence.score/1 document the command prints. `as.data.frame()` gives the items.
#' @examples
#' wang <- system.file("extdata", "examiner-wang.json", package = "excellence")
#' s <- score(wang)
#' s
#' s$categories
#' score(wang, scope = "4.3")$total
#' @export
score <- function(assessment, framework = NULL, scope = NULL) {
  a <- as_assessment(assessment)
  f <- framework_parts(framework)
  s <- unwrap(cpp_score(a$text, a$source, f$json, f$scope, scope_arg(scope)))
  raise_warnings(s$warnings)
  structure(s, class = "excellence_score")
}

#' @export
as.data.frame.excellence_score <- function(x, ...) x$items

#' @export
print.excellence_score <- function(x, ...) {
  cat(sprintf("<score of %s by %s against %s%s: %s / %s>\n", x$organization, x$examiner, x$framework,
              if (nzchar(x$scope)) paste0(" scope ", x$scope) else "", format(x$total, nsmall = 2),
              format(x$max, nsmall = 2)))
  print(x$categories, row.names = FALSE)
  invisible(x)
}

#' Consensus of examiners
#'
#' Several examiners' assessments of one organisation side by side: per item the number
#' who assessed it, mean, median, range and standard deviation of their percents, the
#' proposed consensus percent (the median rounded to a multiple of 5, halves up) and a
#' flag where the percents range over at least `flag_range` points (examiners in
#' different bands, to discuss).
#'
#' @param assessments A list of assessments ([read_assessment()]) or a character vector
#'   of paths.
#' @param framework,scope As for [score()].
#' @param flag_range Items whose percents range over at least this many points are
#'   flagged.
#' @return An object of class `excellence_consensus`: `items` (a data frame: `id`, `n`,
#'   `mean`, `median`, `range`, `sd`, `proposed`, `flagged`), `percents` (a matrix, items
#'   by examiners), `scores` (each assessment's [score()]), `totals` (a data frame of the
#'   examiners' totals) and `json`.
#' @examples
#' files <- system.file("extdata", c("examiner-wang.json", "examiner-li.json", "examiner-zhao.json"),
#'                      package = "excellence")
#' c3 <- consensus(files)
#' c3
#' head(c3$percents)
#' @export
consensus <- function(assessments, framework = NULL, flag_range = 20, scope = NULL) {
  if (is.character(assessments)) assessments <- as.list(assessments)
  if (inherits(assessments, "excellence_assessment") || !is.list(assessments))
    argument_error("assessments", "expected a list of assessments or a character vector of paths")
  list_of <- lapply(assessments, as_assessment)
  f <- framework_parts(framework)
  texts <- vapply(list_of, function(a) a$text, "")
  sources <- vapply(list_of, function(a) a$source, "")
  x <- unwrap(cpp_consensus(texts, sources, f$json, f$scope, as.integer(flag_range), scope_arg(scope)))
  x$scores <- lapply(x$scores, structure, class = "excellence_score")
  examiners <- vapply(x$scores, function(s) s$examiner, "")
  x$percents <- matrix(unlist(x$percents), ncol = length(examiners),
                       dimnames = list(x$items$id, examiners))
  x$totals <- data.frame(examiner = examiners, total = vapply(x$scores, function(s) s$total, 0),
                         max = vapply(x$scores, function(s) s$max, 0), stringsAsFactors = FALSE)
  structure(x, class = "excellence_consensus")
}

#' @export
as.data.frame.excellence_consensus <- function(x, ...) x$items

#' @export
print.excellence_consensus <- function(x, ...) {
  cat(sprintf("<consensus of %d examiners on %s (%s): %d items, %d flagged at a range of %d or more>\n",
              nrow(x$totals), x$organization, x$framework, nrow(x$items), sum(x$items$flagged), x$flag_range))
  print(x$totals, row.names = FALSE)
  flagged <- x$items[x$items$flagged, ]
  if (nrow(flagged) > 0) {
    cat("flagged items:\n")
    print(flagged, row.names = FALSE)
  }
  invisible(x)
}
