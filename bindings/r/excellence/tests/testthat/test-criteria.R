# Criteria trees, scoring and consensus on the shipped examiners' assessments (the
# numbers the command prints for examples/data, checked by hand in tests/unit).

files <- function() ext(c("examiner-wang.json", "examiner-li.json", "examiner-zhao.json"))

test_that("the built-in frameworks and clause 4.3", {
  expect_true(all(c("gbt19580-2012", "baldrige-2023") %in% builtin_frameworks()))
  f <- builtin_framework("gbt19580-2012")
  expect_equal(f$max_points, 1000)
  expect_equal(sum(f$nodes$points[f$nodes$kind == "category"]), 1000)
  c43 <- builtin_framework(scope = "4.3")
  expect_equal(c43$max_points, 90)
  expect_identical(subset(as.data.frame(c43), kind == "item")$id, c("4.3.2", "4.3.3"))
  expect_error(builtin_framework(scope = "9.9"), class = "excellence_data_error")
})

test_that("a score is exact: items sum to categories, categories to the total", {
  s <- score(files()[1])
  expect_equal(s$total, 426)
  expect_equal(s$max, 1000)
  items <- as.data.frame(s)
  expect_equal(items$score, items$percent * items$max / 100)
  expect_equal(as.vector(tapply(items$score, items$category, sum)[s$categories$id]), s$categories$score)
  expect_equal(sum(s$categories$score), s$total)
  customers <- score(files()[1], scope = "4.3")
  expect_equal(customers$max, 90)
  expect_equal(customers$total, s$categories$score[s$categories$id == "4.3"])
})

test_that("consensus of three examiners", {
  c3 <- consensus(files())
  expect_equal(c3$totals$total, c(426, 439, 425))
  expect_identical(dim(c3$percents), c(nrow(c3$items), 3L))
  expect_equal(c3$items$mean, unname(rowMeans(c3$percents)))
  expect_equal(c3$items$range, unname(apply(c3$percents, 1, function(p) max(p) - min(p))))
  expect_identical(c3$items$flagged, c3$items$range >= 20)
  expect_identical(c3$items$id[c3$items$flagged], "4.3.3")
})

test_that("a percent that is not a multiple of 5 is an excellence_data_error naming file and field", {
  text <- readLines(files()[1], encoding = "UTF-8")
  bad <- sub('"percent": 45', '"percent": 47', paste(text, collapse = "\n"))
  err <- tryCatch(score(parse_assessment(bad, source = "bad.json")), excellence_data_error = function(e) e)
  expect_s3_class(err, "excellence_data_error")
  expect_identical(err$file, "bad.json")
  expect_match(err$field, "percent")
  expect_match(conditionMessage(err), "multiple of 5")
  expect_true(nzchar(err$code))
})
