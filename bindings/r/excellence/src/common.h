// Shared pieces of the R package's compiled code (docs/r.md): failures handed to R as
// values, R vectors as spans, and long runs that notice Ctrl-C.
//
// No R error is ever raised from C++ here. R's errors and interrupts unwind by longjmp,
// which would skip the destructors of the library's objects; a failure is returned as a
// list of class "excellence_failure" instead, and the package's R code (R/errors.R)
// signals it as an `excellence_data_error` condition once every C++ frame is gone.
#pragma once

#include <excellence/error.hpp>
#include <excellence/models/control.hpp>

#include <Rcpp.h>

#include <atomic>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace excellence::r {

/// The diagnostic as a list of class "excellence_failure": code, message, file, line,
/// column, field (the JSON path or column and row) and the complete text.
Rcpp::List failure(const diagnostic& d);

/// A failure of the argument `field`: errc::invalid_value with this message.
Rcpp::List argument_failure(const std::string& field, const std::string& message);

/// The run was interrupted by the user: a list of class "excellence_interrupt".
Rcpp::List interrupted();

/// The warnings of a result as a data frame (code, field, message); R/errors.R turns
/// them into R warnings.
Rcpp::DataFrame warnings_frame(const std::vector<diagnostic>& list);

/// The numbers of an R double vector, without a copy.
inline std::span<const double> span_of(const Rcpp::NumericVector& v) {
  return {v.begin(), v.end()};
}

/// NULL or a double vector: an empty span for NULL.
std::span<const double> optional_span(const Rcpp::Nullable<Rcpp::NumericVector>& v,
                                      std::optional<Rcpp::NumericVector>& keep);

/// One column of a table of records for an R data frame: `get` (a data member pointer or
/// a callable) applied to each record. The library returns records (one struct per item,
/// attribute, block); R wants columns.
template <class Row, class Get>
auto column(const std::vector<Row>& rows, Get get) {
  std::vector<std::remove_cvref_t<std::invoke_result_t<Get&, const Row&>>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(std::invoke(get, row));
  return out;
}

/// NA_real_ for an absent value.
inline double or_na(const std::optional<double>& v) {
  return v ? *v : NA_REAL;
}

/// A row-major k × k covariance as an R matrix; all NA when it is empty (no standard errors).
inline Rcpp::NumericMatrix covariance_matrix(const std::vector<double>& covariance, std::size_t k) {
  const auto n = static_cast<int>(k);
  Rcpp::NumericMatrix out(n, n);
  if (covariance.empty())
    std::fill(out.begin(), out.end(), NA_REAL);
  else
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) out(i, j) = covariance[static_cast<std::size_t>(i * n + j)];
  return out;
}

/// Runs `work(control)` and notices Ctrl-C: now and then the run calls its progress,
/// which asks R (through R_ToplevelExec, so that R's longjmp stays inside R) whether the
/// user interrupted; if so the run is cancelled through its flag, stops at its next
/// check, and `interrupted()` is returned. Only the calling thread calls progress (the
/// library's workers never do), and that is R's main thread.
class interrupt_watch {
 public:
  interrupt_watch();
  [[nodiscard]] const model_control& control() const noexcept { return control_; }
  [[nodiscard]] bool fired() const noexcept { return fired_; }

 private:
  std::atomic<bool> cancel_{false};
  bool fired_ = false;
  model_control control_{};
};

/// The value converted by `convert`, or the failure (or the interrupt) of the result.
template <class T, class Convert>
SEXP checked(result<T>&& r, Convert&& convert, const interrupt_watch* watch = nullptr) {
  if (watch != nullptr && watch->fired()) return interrupted();
  if (!r) return failure(r.error());
  return convert(*r);
}

}  // namespace excellence::r
