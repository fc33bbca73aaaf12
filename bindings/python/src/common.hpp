// Shared pieces of the Python module (docs/python.md): errors, arrays, documents and
// long runs without the GIL.
#pragma once

#include <excellence/criteria/node.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace excellence::python {

namespace py = pybind11;

/// A read-only float64 array: numpy hands over its own memory when the array is float64
/// and contiguous (no copy), converts otherwise.
using numbers = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// The numbers as a span. A 0-d array (a scalar) is refused: every input here is a column.
std::span<const double> span_of(const numbers& a, const char* name);

/// An optional column: None gives an empty span.
std::span<const double> optional_span(const std::optional<numbers>& a, const char* name);

/// An optional value as Python: the value (float, int) or None.
template <class T>
py::object optional_value(const std::optional<T>& v) {
  return v ? py::cast(*v) : py::object(py::none());
}

/// A copy of a span as a new numpy array.
py::array_t<double> array_of(std::span<const double> values);

/// The JSON document `text` as Python objects (json.loads): what to_dict() returns.
py::object document(const std::string& text);

/// The language named "en" or "zh"; ValueError for any other name.
language language_argument(const std::string& name);

/// The data_error of a result as the Python DataError, raised.
[[noreturn]] void raise(const diagnostic& d);

/// The value of a result, or DataError.
template <class T>
T value(result<T>&& r) {
  if (!r) raise(r.error());
  return *std::move(r);
}

/// Runs `work(control)` without the GIL: a fit, a bootstrap. Now and then the run calls
/// its progress, which takes the GIL back to call the caller's `progress(done, total)`
/// (when not None) and to notice Ctrl-C; a KeyboardInterrupt or an exception from the
/// callable cancels the run through its flag and is raised here once the run stopped.
template <class Work>
auto without_gil(const py::object& progress, Work&& work) {
  std::atomic<bool> cancel{false};
  std::optional<py::error_already_set> raised;
  model_control control;
  control.cancel = &cancel;
  control.progress = [&](std::size_t done, std::size_t total) {
    py::gil_scoped_acquire gil;
    if (raised) return;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (!progress.is_none()) progress(done, total);
    } catch (py::error_already_set& e) {
      raised.emplace(std::move(e));
      cancel.store(true, std::memory_order_relaxed);
    }
  };
  auto r = [&] {
    py::gil_scoped_release release;
    return work(control);
  }();
  if (raised) throw std::move(*raised);
  return value(std::move(r));
}

/// The enum value named `name` (a ValueError listing the choices otherwise): the
/// same names as the command and the JSON documents use.
template <class Enum, class Names>
Enum enum_argument(const std::string& name, const Names& names, const char* what) {
  const auto e = names.parse(name);
  if (!e) throw py::value_error(std::string(what) + " must be " + names.choices() + ", not '" + name + "'");
  return *e;
}

/// The warnings of a result as Diagnostic objects.
py::list diagnostics(const std::vector<diagnostic>& list);

void bind_errors(py::module_& m);
void bind_criteria(py::module_& m);
void bind_report(py::module_& m);
void bind_evidence(py::module_& m);
void bind_metrics(py::module_& m);
void bind_measures(py::module_& m);
void bind_pls(py::module_& pls);
void bind_clv(py::module_& clv);
void bind_retention(py::module_& clv);

}  // namespace excellence::python
