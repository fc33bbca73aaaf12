// PLS path models for Python (excellence.pls; the package's pls.py adds DataFrames).
#include "common.hpp"

#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/moments.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/models/pls/templates.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/pls_html.hpp>
#include <excellence/report/pls_svg.hpp>

#include <pybind11/eigen.h>

#include <cmath>

namespace excellence::python {

namespace {

// Any layout: the one copy into the estimator's column-major matrix reads it through its
// strides (a C-ordered array is not first copied into Fortran order).
using matrix = py::array_t<double, py::array::forcecast>;

// Indicator data: a rows x columns float64 matrix (copied once into the column-major
// matrix the estimator works on), one name per column. NaN is a missing value (pandas'
// marker), masked for pls_options::missing to decide about; the default refuses it,
// naming the row and the indicator.
pls_data data_of(const matrix& values, const std::vector<std::string>& names) {
  if (values.ndim() != 2) throw py::value_error("data: expected a two-dimensional array (rows x indicators)");
  const auto rows = static_cast<Eigen::Index>(values.shape(0));
  const auto columns = static_cast<Eigen::Index>(values.shape(1));
  if (static_cast<std::size_t>(columns) != names.size())
    throw py::value_error("names: " + std::to_string(names.size()) + " names for " + std::to_string(columns) +
                          " columns");
  pls_data d;
  d.names = names;
  using strides = Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>;
  const auto size = static_cast<Eigen::Index>(sizeof(double));
  d.values =
      Eigen::Map<const Eigen::MatrixXd, 0, strides>(values.data(), rows, columns,
                                                    strides(static_cast<Eigen::Index>(values.strides(1)) / size,
                                                            static_cast<Eigen::Index>(values.strides(0)) / size));
  for (Eigen::Index c = 0; c < columns; ++c)
    for (Eigen::Index r = 0; r < rows; ++r)
      if (std::isnan(d.values(r, c))) d.set_missing(r, c);
  return d;
}

pls_options options_of(const std::string& scheme, bool standardized, const std::string& stop,
                       const std::optional<double>& tolerance, int max_iterations, const std::string& missing,
                       bool consistent) {
  pls_options o;
  o.consistent = consistent;
  o.scheme = enum_argument<pls_scheme>(scheme, pls_scheme_names, "scheme");
  o.standardized = standardized;
  o.stop = enum_argument<pls_stop>(stop, pls_stop_names, "stop");
  o.tolerance = tolerance;
  o.max_iterations = max_iterations;
  o.missing = enum_argument<pls_missing>(missing, pls_missing_names, "missing");
  return o;
}

py::list estimates(const std::vector<pls_bootstrap_estimate>& list) {
  py::list out;
  for (const auto& e : list) {
    py::dict d;
    d["name"] = e.name;
    d["estimate"] = e.estimate;
    d["mean"] = e.mean;
    d["se"] = e.se;
    d["t"] = e.t;
    d["lo"] = e.lo;
    d["hi"] = e.hi;
    d["interval"] = to_string(e.interval);
    if (!e.draws.empty()) d["draws"] = py::array_t<double>(static_cast<py::ssize_t>(e.draws.size()), e.draws.data());
    out.append(d);
  }
  return out;
}

// The IPMA's options from the Python arguments: the scale (one value or one per indicator)
// and the crosshair ("data_means" or "given" lines).
pls_ipma_options ipma_options_of(const std::string& target, const numbers& scale_min, const numbers& scale_max,
                                 const std::string& crosshair, std::optional<double> importance_line,
                                 std::optional<double> performance_line) {
  auto lo = span_of(scale_min, "scale_min");
  auto hi = span_of(scale_max, "scale_max");
  pls_ipma_options o{target, {lo.begin(), lo.end()}, {hi.begin(), hi.end()}};
  if (crosshair == "given") {
    if (!importance_line || !performance_line)
      throw py::value_error("crosshair='given' needs importance_line and performance_line");
    o.crosshair = ipa_crosshair::given;
    o.importance_line = *importance_line;
    o.performance_line = *performance_line;
  } else if (crosshair != "data_means") {
    throw py::value_error("crosshair must be 'data_means' or 'given', not '" + crosshair + "'");
  }
  return o;
}

}  // namespace

void bind_pls(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<pls_model>(m, "Model", "A PLS path model: latent variables, their paths, their blocks of indicators.")
      .def(py::init([](std::vector<std::string> latent_variables, std::vector<std::vector<int>> paths,
                       std::vector<std::vector<std::string>> blocks,
                       const std::optional<std::vector<std::string>>& modes) {
             pls_model model{std::move(latent_variables), std::move(paths), std::move(blocks), {}};
             if (modes) {
               for (const auto& mode : *modes)
                 model.modes.push_back(enum_argument<pls_mode>(mode, pls_mode_names, "modes"));
             } else {
               model.modes.assign(model.latent_variables.size(), pls_mode::a);
             }
             if (auto bad = check_pls_model(model)) raise(*bad);
             return model;
           }),
           "latent_variables"_a, "paths"_a, "blocks"_a, "modes"_a = py::none(),
           "paths[i][j] = 1 when latent variable j -> i (plspm's inner matrix); blocks: the indicators of each\n"
           "latent variable; modes: 'A' (default) or 'B' per latent variable.")
      .def_static(
          "read", [](const std::string& path) { return value(try_read_pls_model(path)); }, "path"_a,
          "Reads a model file: excellence.pls_model/1 JSON, or lavaan-style syntax when the text does not\n"
          "start with '{'.")
      .def_static(
          "parse",
          [](const std::string& text, const std::string& source) { return value(try_parse_pls_model(text, source)); },
          "text"_a, "source"_a = "<memory>", "A model from excellence.pls_model/1 JSON text.")
      .def_static(
          "from_syntax",
          [](const std::string& text, const std::string& source) { return value(try_parse_pls_syntax(text, source)); },
          "text"_a, "source"_a = "<memory>",
          "A model in lavaan-style syntax: 'SAT =~ sat1 + sat2', 'VAL <~ val1 + val2', 'SAT ~ IMAG + VAL'\n"
          "(# comments, one statement per line or separated by ';'). Errors carry line and column.")
      .def(
          "to_syntax", [](const pls_model& model) { return value(try_to_syntax(model)); },
          "The model in lavaan-style syntax (from_syntax reads it back).")
      .def(
          "to_json", [](const pls_model& model, int indent) { return to_json(model, indent); }, "indent"_a = 2,
          "The model as excellence.pls_model/1 JSON (parse reads it back).")
      .def(py::pickle(
          // A model travels (Dask, multiprocessing) as its parts, modes by name.
          [](const pls_model& model) {
            std::vector<std::string> modes;
            for (const auto mode : model.modes) modes.emplace_back(to_string(mode));
            return py::make_tuple(model.latent_variables, model.path_matrix, model.blocks, modes);
          },
          [](const py::tuple& t) {
            pls_model model{py::cast<std::vector<std::string>>(t[0]),
                            py::cast<std::vector<std::vector<int>>>(t[1]),
                            py::cast<std::vector<std::vector<std::string>>>(t[2]),
                            {}};
            for (const auto& mode : py::cast<std::vector<std::string>>(t[3]))
              model.modes.push_back(enum_argument<pls_mode>(mode, pls_mode_names, "modes"));
            if (auto bad = check_pls_model(model)) raise(*bad);
            return model;
          }))
      .def_readonly("latent_variables", &pls_model::latent_variables)
      .def_readonly("paths", &pls_model::path_matrix)
      .def_readonly("blocks", &pls_model::blocks)
      .def_property_readonly(
          "indicators",
          [](const pls_model& model) {
            std::vector<std::string> out;
            for (const auto& b : model.blocks) out.insert(out.end(), b.begin(), b.end());
            return out;
          },
          "Every indicator, block after block.")
      .def("__repr__", [](const pls_model& model) {
        return "<pls.Model " + std::to_string(model.latent_variables.size()) + " latent variables>";
      });

  m.def(
      "acsi",
      [](std::vector<std::string> expectations, std::vector<std::string> quality, std::vector<std::string> value_,
         std::vector<std::string> satisfaction, std::vector<std::string> complaints, std::vector<std::string> loyalty) {
        return acsi_model({std::move(expectations), std::move(quality), std::move(value_), std::move(satisfaction),
                           std::move(complaints), std::move(loyalty)});
      },
      "expectations"_a, "quality"_a, "value"_a, "satisfaction"_a, "complaints"_a, "loyalty"_a,
      "The ACSI model (Fornell et al. 1996) on these indicators.");
  m.def(
      "ecsi",
      [](std::vector<std::string> image, std::vector<std::string> expectations, std::vector<std::string> quality,
         std::vector<std::string> value_, std::vector<std::string> satisfaction, std::vector<std::string> loyalty) {
        return ecsi_model({std::move(image), std::move(expectations), std::move(quality), std::move(value_),
                           std::move(satisfaction), std::move(loyalty)});
      },
      "image"_a, "expectations"_a, "quality"_a, "value"_a, "satisfaction"_a, "loyalty"_a,
      "The ECSI model (Eklof 2000) on these indicators.");
  m.def(
      "ccsi",
      [](std::vector<std::string> image, std::vector<std::string> expected_quality,
         std::vector<std::string> perceived_quality, std::vector<std::string> value_,
         std::vector<std::string> satisfaction, std::vector<std::string> loyalty) {
        return ccsi_model({std::move(image), std::move(expected_quality), std::move(perceived_quality),
                           std::move(value_), std::move(satisfaction), std::move(loyalty)});
      },
      "image"_a, "expected_quality"_a, "perceived_quality"_a, "value"_a, "satisfaction"_a, "loyalty"_a,
      "The China Customer Satisfaction Index model (CCSI) on these indicators (docs/pls.md).");

  py::class_<pls_fit>(m, "Fit", "The estimates of a PLS path model (excellence.pls_fit/1).")
      .def_readonly("latent_variables", &pls_fit::latent_variables)
      .def_readonly("indicators", &pls_fit::indicators)
      .def_readonly("weights", &pls_fit::weights, "Outer weights, per indicator (scores = standardised X @ weights).")
      .def_readonly("loadings", &pls_fit::loadings)
      .def_readonly("communality", &pls_fit::communality)
      .def_readonly("cross_loadings", &pls_fit::cross_loadings, "indicators x latent variables")
      .def_readonly("scores", &pls_fit::scores, "rows x latent variables")
      .def_readonly("paths", &pls_fit::paths, "latent x latent: paths[i, j] is the coefficient of j -> i")
      .def_readonly("total_effects", &pls_fit::total_effects)
      .def_readonly("r2", &pls_fit::r2)
      .def_readonly("lv_correlations", &pls_fit::lv_correlations,
                    "latent x latent: of the scores, or (consistent) of the constructs, disattenuated")
      .def_property_readonly("consistent", [](const pls_fit& f) { return f.options.consistent; })
      .def_property_readonly(
          "rho_a",
          [](const pls_fit& f) {
            py::list out;
            for (const auto& q : f.blocks)
              out.append(q.rho_a ? py::object(py::float_(*q.rho_a)) : py::object(py::none()));
            return out;
          },
          "Dijkstra-Henseler rho_A per latent variable (None where it is not positive)")
      .def_readonly("gof", &pls_fit::gof)
      .def_readonly("iterations", &pls_fit::iterations)
      .def_readonly("converged", &pls_fit::converged)
      .def_readonly("n", &pls_fit::n)
      .def_readonly("rows_dropped", &pls_fit::rows_dropped)
      .def_readonly("cells_imputed", &pls_fit::cells_imputed)
      .def_property_readonly("warnings", [](const pls_fit& f) { return diagnostics(f.warnings); })
      .def(
          "path",
          [](const pls_fit& f, const std::string& from, const std::string& to) {
            const auto p = f.path(from, to);
            if (!p) throw py::key_error(from + " -> " + to + ": not latent variables of the model");
            return *p;
          },
          "from_"_a, "to"_a, "The path coefficient from -> to.")
      .def(
          "to_json", [](const pls_fit& f, int indent) { return to_json(f, nullptr, nullptr, indent); }, "indent"_a = 2)
      .def("to_dict", [](const pls_fit& f) { return document(to_json(f)); });

  py::class_<pls_bootstrap_result>(m, "Bootstrap",
                                   "Bootstrap estimates of a PLS model: standard errors, t, percentile intervals.")
      .def_property_readonly("weights", [](const pls_bootstrap_result& b) { return estimates(b.weights); })
      .def_property_readonly("loadings", [](const pls_bootstrap_result& b) { return estimates(b.loadings); })
      .def_property_readonly("paths", [](const pls_bootstrap_result& b) { return estimates(b.paths); })
      .def_property_readonly("total_effects", [](const pls_bootstrap_result& b) { return estimates(b.total_effects); })
      .def_property_readonly("indirect_effects",
                             [](const pls_bootstrap_result& b) { return estimates(b.indirect_effects); })
      .def_property_readonly("specific_indirect_effects",
                             [](const pls_bootstrap_result& b) { return estimates(b.specific_indirect_effects); })
      .def_property_readonly("r2", [](const pls_bootstrap_result& b) { return estimates(b.r2); })
      .def_property_readonly("htmt", [](const pls_bootstrap_result& b) { return estimates(b.htmt); })
      .def_property_readonly("interval", [](const pls_bootstrap_result& b) { return to_string(b.interval); })
      .def_readonly("resamples", &pls_bootstrap_result::resamples)
      .def_readonly("succeeded", &pls_bootstrap_result::succeeded)
      .def_readonly("failed", &pls_bootstrap_result::failed)
      .def_readonly("seed", &pls_bootstrap_result::seed)
      .def_readonly("confidence", &pls_bootstrap_result::confidence)
      .def_property_readonly("warnings", [](const pls_bootstrap_result& b) { return diagnostics(b.warnings); });

  py::class_<pls_index_result>(m, "Index", "The 0-100 index of each latent variable (ACSI).")
      .def_readonly("latent_variables", &pls_index_result::latent_variables)
      .def_readonly("index", &pls_index_result::index)
      .def_readonly("scores", &pls_index_result::scores, "rows x latent variables, 0-100")
      .def_readonly("normalised_weights", &pls_index_result::normalised_weights);

  m.def(
      "_estimate",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names, const std::string& scheme,
         bool standardized, const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
         const std::string& missing, bool consistent) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, missing, consistent);
        return without_gil(py::none(), [&](const model_control& c) { return try_estimate_pls(model, data, o, c); });
      },
      "model"_a, "values"_a, "names"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "missing"_a, "consistent"_a);

  m.def(
      "_predict",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names, const std::string& scheme,
         bool standardized, const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
         std::size_t folds, std::size_t repetitions, std::uint64_t seed) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, "error", false);
        auto r = [&] {
          py::gil_scoped_release release;
          return try_pls_predict(model, data, o, {folds, repetitions, seed});
        }();
        return document(to_json(value(std::move(r))));
      },
      "model"_a, "values"_a, "names"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "folds"_a, "repetitions"_a, "seed"_a);

  m.def(
      "_model_fit",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names, const std::string& scheme,
         bool standardized, const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
         const std::string& missing, bool consistent, std::size_t resamples, std::uint64_t seed, unsigned threads,
         const py::object& progress) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, missing, consistent);
        const pls_model_fit_options f{.resamples = resamples, .seed = seed, .threads = threads};
        const auto fit =
            without_gil(progress, [&](const model_control& c) { return try_pls_model_fit(model, data, o, f, c); });
        return document(to_json(fit));
      },
      "model"_a, "values"_a, "names"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "missing"_a, "consistent"_a, "resamples"_a, "seed"_a, "threads"_a, "progress"_a);

  m.def(
      "_mga",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names,
         const std::vector<std::string>& groups, const std::string& scheme, bool standardized, const std::string& stop,
         const std::optional<double>& tolerance, int max_iterations, const std::string& missing, bool consistent,
         std::size_t permutations, std::size_t resamples, std::uint64_t seed, unsigned threads,
         const std::vector<std::string>& compare, const py::object& progress) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, missing, consistent);
        const pls_mga_options g{permutations, resamples, seed, threads, compare};
        const auto mga =
            without_gil(progress, [&](const model_control& c) { return try_pls_mga(model, data, groups, o, g, c); });
        return document(to_json(mga));
      },
      "model"_a, "values"_a, "names"_a, "groups"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a,
      "max_iterations"_a, "missing"_a, "consistent"_a, "permutations"_a, "resamples"_a, "seed"_a, "threads"_a,
      "compare"_a, "progress"_a);

  m.def(
      "_bootstrap",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names, const std::string& scheme,
         bool standardized, const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
         const std::string& missing, bool consistent, std::size_t resamples, std::uint64_t seed, double confidence,
         unsigned threads, const std::string& interval, bool keep_draws, const py::object& progress) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, missing, consistent);
        const pls_bootstrap_options b{
            resamples, seed, confidence, threads, enum_argument<pls_interval>(interval, pls_interval_names, "interval"),
            keep_draws};
        return without_gil(progress, [&](const model_control& c) { return try_bootstrap_pls(model, data, o, b, c); });
      },
      "model"_a, "values"_a, "names"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "missing"_a, "consistent"_a, "resamples"_a, "seed"_a, "confidence"_a, "threads"_a, "interval"_a, "keep_draws"_a,
      "progress"_a);

  m.def(
      "_ipma_bootstrap",
      [](const pls_model& model, const matrix& values, const std::vector<std::string>& names, const std::string& scheme,
         bool standardized, const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
         const std::string& missing, const std::string& target, const numbers& scale_min, const numbers& scale_max,
         const std::string& crosshair, std::optional<double> importance_line, std::optional<double> performance_line,
         std::size_t resamples, std::uint64_t seed, double confidence, unsigned threads, const py::object& progress) {
        const auto data = data_of(values, names);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, missing, false);
        const auto i = ipma_options_of(target, scale_min, scale_max, crosshair, importance_line, performance_line);
        const pls_bootstrap_options b{
            .resamples = resamples, .seed = seed, .confidence = confidence, .threads = threads};
        return without_gil(progress, [&](const model_control& c) { return try_pls_ipma(model, data, o, i, b, c); });
      },
      "model"_a, "values"_a, "names"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "missing"_a, "target"_a, "scale_min"_a, "scale_max"_a, "crosshair"_a, "importance_line"_a, "performance_line"_a,
      "resamples"_a, "seed"_a, "confidence"_a, "threads"_a, "progress"_a);

  py::class_<pls_ipma_result>(m, "Ipma", "An importance-performance map of a PLS model (excellence.pls_ipma/1).")
      .def_readonly("target", &pls_ipma_result::target)
      .def_readonly("target_performance", &pls_ipma_result::target_performance)
      .def_readonly("rescaled_weights", &pls_ipma_result::rescaled_weights)
      .def_readonly("importance_line", &pls_ipma_result::importance_line)
      .def_readonly("performance_line", &pls_ipma_result::performance_line)
      .def_readonly("resamples", &pls_ipma_result::resamples, "of the bootstrap behind the intervals (0: none)")
      .def_property_readonly("warnings", [](const pls_ipma_result& r) { return diagnostics(r.warnings); })
      .def(
          "to_json", [](const pls_ipma_result& r, int indent) { return to_json(r, indent); }, "indent"_a = 2)
      .def(
          "to_svg",
          [](const pls_ipma_result& r, bool indicators, const std::string& lang) {
            return ipma_map_svg(r, indicators, language_argument(lang));
          },
          "indicators"_a = false, "lang"_a = "en",
          "The map as an SVG document (the indicators' map with indicators=True), in English or Chinese.")
      .def(
          "to_dict", [](const pls_ipma_result& r) { return document(to_json(r)); },
          "The document: constructs and indicators with importance, performance, quadrant.");
  m.def(
      "ipma",
      [](const pls_fit& fit, const std::string& target, const numbers& scale_min, const numbers& scale_max,
         const std::string& crosshair, std::optional<double> importance_line, std::optional<double> performance_line) {
        return value(try_pls_ipma(
            fit, ipma_options_of(target, scale_min, scale_max, crosshair, importance_line, performance_line)));
      },
      "fit"_a, "target"_a, "scale_min"_a, "scale_max"_a, "crosshair"_a = "data_means", "importance_line"_a = py::none(),
      "performance_line"_a = py::none(),
      "Importance-performance map of `target` on the 0-100 scale: scale_min and scale_max are the questionnaire's\n"
      "scale (one for all indicators, or one per indicator). to_dict() gives the constructs and indicators.");

  m.def(
      "index",
      [](const pls_fit& fit, const numbers& scale_min, const numbers& scale_max) {
        auto lo = span_of(scale_min, "scale_min");
        auto hi = span_of(scale_max, "scale_max");
        const auto p = fit.indicators.size();
        std::vector<double> lows(lo.begin(), lo.end()), highs(hi.begin(), hi.end());
        if (lows.size() == 1) lows.assign(p, lows[0]);
        if (highs.size() == 1) highs.assign(p, highs[0]);
        return value(try_pls_index(fit, lows, highs));
      },
      "fit"_a, "scale_min"_a, "scale_max"_a,
      "The 0-100 index of each latent variable; scale_min and scale_max are the answer scale's ends, one for all\n"
      "indicators or one per indicator.");

  // Moments cross as dicts (names, n, mean, comoments, rows_dropped): plain Python objects
  // that Dask can move and pickle.
  const auto as_dict = [](const pls_moments& mo) {
    py::dict d;
    d["names"] = mo.names;
    d["n"] = mo.n;
    d["mean"] = py::cast(mo.mean);
    d["comoments"] = py::cast(mo.comoments);
    d["rows_dropped"] = mo.rows_dropped;
    return d;
  };
  const auto from_dict = [](const py::dict& d) {
    pls_moments mo;
    mo.names = py::cast<std::vector<std::string>>(d["names"]);
    mo.n = py::cast<std::size_t>(d["n"]);
    mo.mean = py::cast<Eigen::VectorXd>(d["mean"]);
    mo.comoments = py::cast<Eigen::MatrixXd>(d["comoments"]);
    mo.rows_dropped = py::cast<std::size_t>(d["rows_dropped"]);
    return mo;
  };
  m.def(
      "_moments",
      [as_dict](const matrix& values, const std::vector<std::string>& names, const std::string& missing) {
        const auto data = data_of(values, names);
        const auto rule = enum_argument<pls_missing>(missing, pls_missing_names, "missing");
        auto r = [&] {
          py::gil_scoped_release release;
          return try_pls_moments(data, rule);
        }();
        return as_dict(value(std::move(r)));
      },
      "values"_a, "names"_a, "missing"_a);
  m.def(
      "_merge_moments",
      [as_dict, from_dict](const py::dict& a, const py::dict& b) {
        return as_dict(value(try_merge(from_dict(a), from_dict(b))));
      },
      "a"_a, "b"_a);
  m.def(
      "_estimate_moments",
      [from_dict](const pls_model& model, const py::dict& moments, const std::string& scheme, bool standardized,
                  const std::string& stop, const std::optional<double>& tolerance, int max_iterations,
                  bool consistent) {
        const auto mo = from_dict(moments);
        const auto o = options_of(scheme, standardized, stop, tolerance, max_iterations, "error", consistent);
        return without_gil(py::none(), [&](const model_control& c) { return try_estimate_pls(model, mo, o, c); });
      },
      "model"_a, "moments"_a, "scheme"_a, "standardized"_a, "stop"_a, "tolerance"_a, "max_iterations"_a,
      "consistent"_a);

  m.def(
      "_to_json",
      [](const pls_fit& fit, const pls_bootstrap_result* bootstrap, const pls_index_result* index, int indent) {
        return to_json(fit, bootstrap, index, indent);
      },
      "fit"_a, "bootstrap"_a = nullptr, "index"_a = nullptr, "indent"_a = 2);
  m.def(
      "_path_diagram",
      [](const pls_fit& fit, const pls_bootstrap_result* bootstrap, const std::string& lang) {
        return path_diagram_svg(fit, bootstrap, language_argument(lang));
      },
      "fit"_a, "bootstrap"_a = nullptr, "lang"_a = "en");
  m.def(
      "_report",
      [](const pls_fit& fit, const pls_bootstrap_result* bootstrap, const pls_index_result* index,
         const pls_ipma_result* ipma, const std::string& subtitle, const std::string& lang) {
        return to_html(fit, {.bootstrap = bootstrap, .index = index, .ipma = ipma, .subtitle = subtitle},
                       language_argument(lang));
      },
      "fit"_a, "bootstrap"_a, "index"_a, "ipma"_a, "subtitle"_a, "lang"_a);
}

}  // namespace excellence::python
