#include "common.h"

#include <R_ext/Utils.h>

namespace excellence::r {

namespace {

Rcpp::CharacterVector classes(const char* name) {
  return Rcpp::CharacterVector::create(name);
}

void check_interrupt(void*) {
  R_CheckUserInterrupt();
}

}  // namespace

Rcpp::List failure(const diagnostic& d) {
  auto out =
      Rcpp::List::create(Rcpp::Named("code") = std::string(to_string(d.code)), Rcpp::Named("message") = d.message,
                         Rcpp::Named("file") = d.file, Rcpp::Named("line") = static_cast<double>(d.line),
                         Rcpp::Named("column") = static_cast<double>(d.column),
                         Rcpp::Named("field") = d.path.to_string(), Rcpp::Named("text") = d.to_string());
  out.attr("class") = classes("excellence_failure");
  return out;
}

Rcpp::List argument_failure(const std::string& field, const std::string& message) {
  return failure(diagnostic{errc::invalid_value, "", 0, 0, field_path(field), message});
}

Rcpp::List interrupted() {
  Rcpp::List out;
  out.attr("class") = classes("excellence_interrupt");
  return out;
}

Rcpp::DataFrame warnings_frame(const std::vector<diagnostic>& list) {
  std::vector<std::string> code, field, message;
  for (const auto& d : list) {
    code.emplace_back(to_string(d.code));
    field.push_back(d.path.to_string());
    message.push_back(d.message);
  }
  return Rcpp::DataFrame::create(Rcpp::Named("code") = code, Rcpp::Named("field") = field,
                                 Rcpp::Named("message") = message, Rcpp::Named("stringsAsFactors") = false);
}

std::span<const double> optional_span(const Rcpp::Nullable<Rcpp::NumericVector>& v,
                                      std::optional<Rcpp::NumericVector>& keep) {
  if (v.isNull()) return {};
  keep.emplace(v.get());
  return span_of(*keep);
}

interrupt_watch::interrupt_watch() {
  control_.cancel = &cancel_;
  control_.progress = [this](std::size_t, std::size_t) {
    if (fired_) return;
    // FALSE: R_CheckUserInterrupt jumped, that is the user pressed Ctrl-C. R has cleared
    // the interrupt; the package's R code signals it again once the run is unwound.
    if (R_ToplevelExec(check_interrupt, nullptr) == FALSE) {
      fired_ = true;
      cancel_.store(true, std::memory_order_relaxed);
    }
  };
}

}  // namespace excellence::r
