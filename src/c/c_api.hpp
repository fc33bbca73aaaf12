// The C ABI's implementation side (include/excellence/excellence.h): what the handles
// hold, and the one place where C++ failures become return codes and exc_last_error().
#pragma once

#include <excellence/excellence.h>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/models/control.hpp>
#include <excellence/scoring/assessment.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct exc_cancel {
  std::atomic<bool> requested{false};
};
// Shared by the scoring (criteria.cpp) and report (report.cpp) parts of the ABI.
struct exc_framework {
  excellence::criteria_tree tree;
};
struct exc_assessment {
  excellence::assessment value;
};
struct exc_evidence {
  excellence::results_evidence value;
};

namespace excellence::c_api {

/// EXC_OK as an int: the functions' bodies return int, and a lambda's return type must
/// not mix int and the enum.
inline constexpr int ok = EXC_OK;

/// Records `d` as the calling thread's last error and returns its (negative) code.
int fail(const diagnostic& d);
/// Records an error of the call itself (a NULL pointer, an unknown options version).
int fail(int code, std::string_view message);
/// A caller's mistake: EXC_EINVALID_ARGUMENT naming the parameter.
inline int invalid(std::string_view message) {
  return fail(EXC_EINVALID_ARGUMENT, message);
}

/// The error of whatever the current exception is (called inside a catch block).
int fail_current_exception() noexcept;

/// Runs `body` (which returns 0 or a negative code) and turns every exception into a
/// return code: nothing thrown in the library crosses into C.
template <class Body>
int guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return fail_current_exception();
  }
}

/// `value` moved into *out, or the diagnostic as the return code.
template <class T, class U>
int deliver(T& out, result<U>&& r) {
  if (!r) return fail(r.error());
  out = *std::move(r);
  return ok;
}

/// Options structs: NULL means the defaults; a version this library does not know is the
/// caller's error (a newer header against an older library).
template <class Options>
int check_options(const Options* options, unsigned known, std::string_view name) {
  if (options != nullptr && (options->version == 0 || options->version > known))
    return invalid(std::string(name) + ": options version " + std::to_string(options->version) +
                   " is not one this library knows (1 to " + std::to_string(known) + ")");
  return ok;
}

/// A span over a caller's array: NULL is allowed only for an empty one.
inline std::optional<std::span<const double>> numbers(const double* p, std::size_t n) {
  if (p == nullptr && n != 0) return std::nullopt;
  return std::span<const double>(p == nullptr ? nullptr : p, n);
}

/// n C strings as std::strings; nullopt when the array or one of its strings is NULL.
std::optional<std::vector<std::string>> strings(const char* const* p, std::size_t n);

/// Copies `values` into the caller's buffer of `length` numbers.
int copy_out(double* out, std::size_t length, std::span<const double> values, std::string_view what);

/// The language of an exc_language value, received as int (an unknown value is the
/// caller's error, never an enum out of range).
inline std::optional<language> language_of(int lang) {
  switch (lang) {
    case EXC_LANGUAGE_EN:
      return language::en;
    case EXC_LANGUAGE_ZH:
      return language::zh;
    default:
      return std::nullopt;
  }
}

/// EXC_EINVALID_ARGUMENT for a value that is no exc_language.
inline int unknown_language(std::string_view function, int lang) {
  return invalid(std::string(function) + ": " + std::to_string(lang) + " is not an exc_language");
}

/// The caller's text as an allocated exc_buf.
int to_buf(exc_buf* out, const std::string& text);

/// Copies the assessments behind `count` handles into `out`; EXC_EINVALID_ARGUMENT naming
/// `function` for a NULL array (with a count) or a NULL handle.
int collect_assessments(std::vector<assessment>& out, const exc_assessment* const* assessments, std::size_t count,
                        std::string_view function);

/// The C callbacks as a model_control. `flag` receives a cancellation asked by the
/// progress callback's return value, and must outlive the run.
model_control control_of(exc_progress_cb progress, void* payload, exc_cancel* cancel, exc_cancel& own);

}  // namespace excellence::c_api
