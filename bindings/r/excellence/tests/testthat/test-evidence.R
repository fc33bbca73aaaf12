test_that("the shipped example: 4.7.3 supported at 30-85 %, Wang's four judgements outside", {
  e <- evidence(ext("measures.json"), ext("series.csv"), assessments = ext("examiner-wang.json"))
  expect_s3_class(e, "excellence_evidence")
  expect_equal(nrow(e$series), 12)
  expect_equal(e$items$band, c("30-45%", "70-85%", "70-85%", "70-85%"))
  expect_equal(unique(e$items$min_percent), 30)
  expect_equal(unique(e$items$max_percent), 85)
  expect_equal(e$checks$field, c("items[18].integration", "items[18].levels", "items[18].trends",
                                 "items[18].comparisons"))
  expect_true(all(e$checks$code == "percent_outside_evidence"))
  consumer <- e$series[e$series$measure == "complaints" & e$series$segment == "consumer", ]
  expect_equal(consumer$trend, "no_significant_trend")
  expect_false(consumer$sustained)
  expect_equal(evidence(ext("measures.json"), ext("series.csv"), most = 0.5)$items$band[1], "70-85%")
})

test_that("bad input is an excellence_data_error naming the option or the cell", {
  err <- tryCatch(evidence(ext("measures.json"), ext("series.csv"), some = 0.9),
                  excellence_data_error = function(e) e)
  expect_equal(err$code, "out_of_range")
  expect_equal(err$field, "options.shares")
})

test_that("Mann-Kendall and Theil-Sen by hand (J. Little's worked example; five points)", {
  mk <- mann_kendall(c(12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7))
  expect_equal(mk$s, 54)
  expect_false(mk$exact)
  expect_equal(mk$z, 2.9058, tolerance = 1e-4)
  expect_equal(mann_kendall(1:6)$p_value, 2 / 720)
  ts <- theil_sen(1:5, c(1, 2, 4, 3, 6))
  expect_equal(c(ts$slope, ts$lower, ts$upper), c(1.125, -1, 3))
  expect_true(is.na(theil_sen(1:4, c(1, 2, 3, 5))$lower))
})
