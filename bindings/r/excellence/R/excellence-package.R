#' excellence: performance-excellence scoring, satisfaction indexes and lifetime value
#'
#' The R interface to the Excellence C++ library: GB/T 19580 and Baldrige criteria
#' scoring and examiner consensus; NPS, CSAT, SERVQUAL, Kano, IPA, delivered value,
#' retention and RFM; ACSI/ECSI/CCSI indexes by PLS path modeling (as plspm estimates
#' them); and the BG/NBD, Pareto/NBD, MBG/NBD, BG/BB and Gamma-Gamma lifetime-value
#' models (as BTYD and CLVTools fit them). Every number comes from the same compiled
#' library the C++, C and Python interfaces use.
#'
#' Errors in the input are conditions of class `excellence_data_error` (see
#' [excellence_data_error]); long fits and bootstraps stop on Ctrl-C.
#'
#' @keywords internal
#' @useDynLib excellence, .registration = TRUE
#' @importFrom Rcpp evalCpp
#' @importFrom stats coef vcov logLik nobs predict
"_PACKAGE"
