// The C ABI's error model, buffers, version and cancellation flags.
#include "c_api.hpp"

#include <excellence/version.hpp>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace excellence::c_api {

namespace {

// Each errc's C code is the errc negated: checked here so that the two lists cannot drift.
static_assert(EXC_EIO == -static_cast<int>(errc::io_error));
static_assert(EXC_ENOT_MULTIPLE_OF_5 == -static_cast<int>(errc::not_multiple_of_5));
static_assert(EXC_ESINGULAR_MATRIX == -static_cast<int>(errc::singular_matrix));
static_assert(EXC_ECANCELLED == -static_cast<int>(errc::cancelled));
static_assert(EXC_EMODEL_MISMATCH == -static_cast<int>(errc::model_mismatch));
static_assert(EXC_EINVALID_SYNTAX == -static_cast<int>(errc::invalid_syntax),
              "a new errc needs its EXC_E... code in excellence.h");

// The calling thread's last error: the strings exc_error points into live here. This is
// the one piece of thread-local state of the library, as in libgit2: a C caller has no
// exception to carry the diagnostic.
struct last_error {
  bool set = false;
  std::string code_name, message, detail, file, path;
  exc_error view{};
};
thread_local last_error thread_error;

const char* call_code_name(int code) {
  switch (code) {
    case EXC_EINVALID_ARGUMENT:
      return "invalid_argument";
    case EXC_ENOMEM:
      return "out_of_memory";
    default:
      return "internal";
  }
}

int record(int code, std::string code_name, std::string message, std::string detail, std::string file, std::size_t line,
           std::size_t column, std::string path) {
  thread_error.set = true;
  thread_error.code_name = std::move(code_name);
  thread_error.message = std::move(message);
  thread_error.detail = std::move(detail);
  thread_error.file = std::move(file);
  thread_error.path = std::move(path);
  thread_error.view = {code,
                       thread_error.code_name.c_str(),
                       thread_error.message.c_str(),
                       thread_error.detail.c_str(),
                       thread_error.file.c_str(),
                       line,
                       column,
                       thread_error.path.c_str()};
  return code;
}

}  // namespace

int fail(const diagnostic& d) {
  return record(-static_cast<int>(d.code), to_string(d.code), d.to_string(), d.message, d.file, d.line, d.column,
                d.path.to_string());
}

int fail(int code, std::string_view message) {
  return record(code, call_code_name(code), std::string(message), std::string(message), "", 0, 0, "");
}

int fail_current_exception() noexcept {
  try {
    try {
      throw;
    } catch (const data_error& e) {
      return fail(e.where());
    } catch (const error& e) {
      return record(-static_cast<int>(e.code()), to_string(e.code()), e.what(), e.what(), "", 0, 0, "");
    } catch (const std::bad_alloc&) {
      return fail(EXC_ENOMEM, "out of memory");
    } catch (const std::logic_error& e) {
      // A broken precondition of the C++ API that the C layer did not catch first.
      return fail(EXC_EINVALID_ARGUMENT, e.what());
    } catch (const std::exception& e) {
      return fail(EXC_EINTERNAL, e.what());
    } catch (...) {
      return fail(EXC_EINTERNAL, "an unknown exception");
    }
  } catch (...) {
    // Recording needs memory; with none left, the code alone has to do.
    return EXC_ENOMEM;
  }
}

std::optional<std::vector<std::string>> strings(const char* const* p, std::size_t n) {
  if (p == nullptr && n != 0) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] == nullptr) return std::nullopt;
    out.emplace_back(p[i]);
  }
  return out;
}

int copy_out(double* out, std::size_t length, std::span<const double> values, std::string_view what) {
  if (out == nullptr) return invalid(std::string(what) + ": the output buffer is NULL");
  if (length < values.size())
    return invalid(std::string(what) + ": the buffer holds " + std::to_string(length) + " numbers, " +
                   std::to_string(values.size()) + " are needed");
  std::memcpy(out, values.data(), values.size() * sizeof(double));
  return ok;
}

int to_buf(exc_buf* out, const std::string& text) {
  if (out == nullptr) return invalid("the exc_buf is NULL");
  // malloc, so that a caller could free() it too; exc_buf_dispose is the documented way.
  auto* p = static_cast<char*>(std::malloc(text.size() + 1));
  if (p == nullptr) return fail(EXC_ENOMEM, "out of memory");
  std::memcpy(p, text.c_str(), text.size() + 1);
  out->ptr = p;
  out->size = text.size();
  return ok;
}

int collect_assessments(std::vector<assessment>& out, const exc_assessment* const* assessments, std::size_t count,
                        std::string_view function) {
  if (assessments == nullptr && count != 0) return invalid(std::string(function) + ": assessments is NULL");
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (assessments[i] == nullptr)
      return invalid(std::string(function) + ": assessment " + std::to_string(i) + " is NULL");
    out.push_back(assessments[i]->value);
  }
  return ok;
}

model_control control_of(exc_progress_cb progress, void* payload, exc_cancel* cancel, exc_cancel& own) {
  // One flag is polled: the caller's when given (so that another thread can raise it),
  // else our own. A callback's non-zero return raises the polled flag.
  exc_cancel* flag = cancel != nullptr ? cancel : &own;
  model_control control;
  control.cancel = &flag->requested;
  if (progress != nullptr)
    control.progress = [progress, payload, flag](std::size_t done, std::size_t total) {
      if (progress(done, total, payload) != 0) flag->requested.store(true, std::memory_order_relaxed);
    };
  return control;
}

}  // namespace excellence::c_api

using namespace excellence::c_api;

extern "C" {

void exc_version(int* major, int* minor, int* patch) {
  if (major != nullptr) *major = EXCELLENCE_VERSION_MAJOR;
  if (minor != nullptr) *minor = EXCELLENCE_VERSION_MINOR;
  if (patch != nullptr) *patch = EXCELLENCE_VERSION_PATCH;
}

const exc_error* exc_last_error(void) {
  return thread_error.set ? &thread_error.view : nullptr;
}

void exc_clear_error(void) {
  thread_error.set = false;
}

void exc_buf_dispose(exc_buf* buf) {
  if (buf == nullptr) return;
  std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
}

int exc_cancel_new(exc_cancel** out) {
  return guarded([&] {
    if (out == nullptr) return invalid("exc_cancel_new: out is NULL");
    *out = new exc_cancel;
    return ok;
  });
}

void exc_cancel_request(exc_cancel* cancel) {
  if (cancel != nullptr) cancel->requested.store(true, std::memory_order_relaxed);
}

void exc_cancel_reset(exc_cancel* cancel) {
  if (cancel != nullptr) cancel->requested.store(false, std::memory_order_relaxed);
}

void exc_cancel_free(exc_cancel* cancel) {
  delete cancel;
}

}  // extern "C"
