// The compiled part of the Python package `excellence` (excellence._core); the package's
// Python files add pandas and Dask on top (docs/python.md).
#include "common.hpp"

#include <excellence/version.hpp>

#include <cstring>

namespace excellence::python {

std::span<const double> span_of(const numbers& a, const char* name) {
  if (a.ndim() != 1)
    throw py::value_error(std::string(name) + ": expected a one-dimensional array, got " + std::to_string(a.ndim()) +
                          " dimensions");
  return {a.data(), static_cast<std::size_t>(a.shape(0))};
}

std::span<const double> optional_span(const std::optional<numbers>& a, const char* name) {
  return a ? span_of(*a, name) : std::span<const double>{};
}

py::array_t<double> array_of(std::span<const double> values) {
  py::array_t<double> out(static_cast<py::ssize_t>(values.size()));
  if (!values.empty()) std::memcpy(out.mutable_data(), values.data(), values.size() * sizeof(double));
  return out;
}

py::object document(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

language language_argument(const std::string& name) {
  const auto lang = parse_language(name);
  if (!lang) throw py::value_error("lang must be en or zh, not '" + name + "'");
  return *lang;
}

namespace {

// The exception object for a diagnostic: DataError(message) with its fields as attributes.
py::object data_error_of(const diagnostic& d) {
  py::object type = py::module_::import("excellence._core").attr("DataError");
  py::object e = type(d.to_string());
  e.attr("code") = to_string(d.code);
  e.attr("file") = d.file;
  e.attr("line") = d.line;
  e.attr("column") = d.column;
  e.attr("path") = d.path.to_string();
  e.attr("message") = d.message;
  return e;
}

}  // namespace

void raise(const diagnostic& d) {
  py::object e = data_error_of(d);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(e.ptr())), e.ptr());
  throw py::error_already_set();
}

py::list diagnostics(const std::vector<diagnostic>& list) {
  py::list out;
  for (const auto& d : list) out.append(py::cast(d));
  return out;
}

void bind_errors(py::module_& m) {
  // DataError is a ValueError: code that catches ValueError for bad input keeps working.
  py::object error = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc("excellence.DataError",
                                "Bad input data: a malformed file, a value out of range, an unknown id.\n\n"
                                "Attributes: code (a stable name such as 'not_multiple_of_5'), file, line and column\n"
                                "(0 when not known), path (the field path, 'items[3].percent'), message.",
                                PyExc_ValueError, nullptr));
  if (!error) throw py::error_already_set();
  m.attr("DataError") = error;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const data_error& e) {
      py::object instance = data_error_of(e.where());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(instance.ptr())), instance.ptr());
    }
  });

  py::class_<diagnostic>(
      m, "Diagnostic", "A warning on a result (a fit that did not converge, rows dropped), or the details of an error.")
      .def_property_readonly("code", [](const diagnostic& d) { return to_string(d.code); })
      .def_readonly("file", &diagnostic::file)
      .def_readonly("line", &diagnostic::line)
      .def_readonly("column", &diagnostic::column)
      .def_property_readonly("path", [](const diagnostic& d) { return d.path.to_string(); })
      .def_readonly("message", &diagnostic::message)
      .def_property_readonly("severity",
                             [](const diagnostic& d) { return d.severity == severity::error ? "error" : "warning"; })
      .def("__str__", &diagnostic::to_string)
      .def("__repr__", [](const diagnostic& d) {
        return "<Diagnostic " + std::string(to_string(d.code)) + ": " + d.to_string() + ">";
      });
}

}  // namespace excellence::python

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  using namespace excellence::python;
  m.doc() = "The compiled core of excellence (import excellence, not this module).";
  m.attr("__version__") = EXCELLENCE_VERSION_STRING;
  bind_errors(m);
  bind_criteria(m);
  bind_report(m);
  bind_evidence(m);
  bind_metrics(m);
  bind_measures(m);
  auto pls = m.def_submodule("pls", "PLS path models of satisfaction indexes.");
  bind_pls(pls);
  auto clv = m.def_submodule("clv", "Repeat-purchase and lifetime-value models.");
  bind_clv(clv);
  bind_retention(clv);
}
