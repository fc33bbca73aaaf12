library(testthat)
library(excellence)

test_check("excellence")
