# The metrics on small inputs worked by hand.

test_that("NPS and CSAT", {
  r <- nps(c(10, 9, 8, 7, 6, 0, 10, 10, 3, 9))
  # 5 promoters, 3 detractors of 10: 50 % - 30 %
  expect_equal(r$nps, 20)
  expect_equal(r$se, 100 * sqrt((0.5 + 0.3 - 0.2^2) / 10), tolerance = 1e-12)
  expect_equal(r$lower, 20 - stats::qnorm(0.975) * r$se, tolerance = 1e-12)
  expect_identical(nps(data.frame(q = c(10, 0)), column = "q")$nps, 0)
  err <- tryCatch(nps(c(10, NA)), excellence_data_error = function(e) e)
  expect_identical(err$field, "answers[1]")
  c <- csat(c(5, 4, 3, 5, 2, 4))
  expect_equal(c$csat, 100 * 4 / 6)
  expect_equal(c$mean_rating, 23 / 6)
})

test_that("SERVQUAL gaps by dimension, SERVPERF perceptions", {
  answers <- data.frame(
    respondent = rep(c("r1", "r2"), each = 5),
    item = rep(c("t1", "rel1", "res1", "a1", "e1"), 2),
    dimension = rep(c("tangibles", "reliability", "responsiveness", "assurance", "empathy"), 2),
    expectation = c(7, 7, 6, 6, 5, 6, 7, 7, 5, 6),
    perception = c(5, 6, 6, 4, 5, 6, 5, 6, 5, 4))
  s <- servqual(answers)
  gaps <- with(answers, tapply(perception - expectation, dimension, mean))
  expect_equal(s$dimensions$score, as.vector(gaps[s$dimensions$dimension]))
  expect_equal(s$unweighted, mean(gaps))
  p <- servqual(answers, expectation = NULL)
  expect_identical(p$model, "servperf")
  expect_equal(p$dimensions$score, as.vector(with(answers, tapply(perception, dimension, mean))[p$dimensions$dimension]))
  answers$perception[3] <- NA
  expect_error(servqual(answers), class = "excellence_data_error")
  expect_warning(d <- servqual(answers, missing = "drop"), class = "excellence_warning")
  expect_equal(d$dropped, 1)
})

test_that("Kano, IPA, delivered value, retention and RFM", {
  k <- kano(attribute = c("wifi", "wifi", "bed"), functional = c(1, 1, 2), dysfunctional = c(5, 3, 5))
  # wifi: like/dislike is one-dimensional, like/neutral attractive; the 1-1 tie goes to O
  expect_identical(k$category[k$attribute == "wifi"], "one_dimensional")
  expect_identical(k$category[k$attribute == "bed"], "must_be")
  i <- ipa(attribute = c("price", "speed", "staff"), importance = c(4.5, 3.2, 4.1), performance = c(3.1, 4.0, 4.4))
  expect_equal(attr(i, "importance_line"), mean(c(4.5, 3.2, 4.1)))
  expect_identical(i$quadrant[i$attribute == "price"], "concentrate_here")
  offers <- data.frame(respondent = c("a", "a", "b", "b"), offer = c("us", "them", "us", "them"),
                       product = c(8, 7, 9, 6), service = c(7, 6, 8, 7), personnel = c(6, 6, 7, 5),
                       image = c(7, 8, 6, 7), monetary = c(5, 4, 5, 4), time = c(2, 3, 2, 2),
                       energy = c(1, 2, 1, 1), physical = c(1, 1, 1, 2))
  v <- delivered_value(offers)
  us <- v[v$offer == "us", ]
  expect_equal(us$total_value, mean(c(8 + 7 + 6 + 7, 9 + 8 + 7 + 6)))
  expect_equal(us$total_cost, mean(c(5 + 2 + 1 + 1, 5 + 2 + 1 + 1)))
  expect_equal(us$delivered_value, us$total_value - us$total_cost)
  expect_identical(attr(v, "preferred"), "us")
  r <- retention_table(customer = c("a", "b", "a", "c", "b", "a"),
                       period = c("2024-01", "2024-01", "2024-02", "2024-02", "2024-03", "2024-03"))
  expect_identical(r$cohort, c("2024-01", "2024-02"))
  expect_equal(r$size, c(2, 1))
  expect_equal(r$age_0, c(1, 1))
  expect_equal(r$age_2[1], 1)  # a and b are both seen in March
  f <- rfm(customer = letters[1:6], recency = c(5, 40, 3, 90, 12, 60), frequency = c(8, 2, 12, 1, 4, 2),
           monetary = c(400, 60, 900, 20, 150, 80), bins = 3)
  expect_identical(f$segment, paste0(f$r, f$f, f$m))
  expect_true(f$r[f$customer == "c"] == 3 && f$r[f$customer == "d"] == 1)
  expect_true(attr(f, "gini") > 0 && attr(f, "gini") < 1)
})
