// PLS path models for R (R/pls.R): model files, estimation, bootstrap and indexes.
//
// A model crosses as its parts (latent variables, the plspm-style inner matrix, blocks,
// modes) and data as a numeric matrix of the model's indicators: R's column-major
// storage is the estimator's own, so the one copy into the estimator is a memcpy, and NA
// becomes a masked cell that the `missing` rule decides about.
#include "common.h"

#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/pls_html.hpp>
#include <excellence/report/pls_svg.hpp>

#include <cmath>

using namespace excellence;
using excellence::r::checked;
using excellence::r::failure;

namespace {

Rcpp::NumericVector vector_of(const Eigen::VectorXd& v) {
  return Rcpp::NumericVector(v.data(), v.data() + v.size());
}

Rcpp::NumericMatrix matrix_of(const Eigen::MatrixXd& m) {
  Rcpp::NumericMatrix out(static_cast<int>(m.rows()), static_cast<int>(m.cols()));
  std::copy(m.data(), m.data() + m.size(), out.begin());
  return out;
}

Rcpp::List model_list(const pls_model& m) {
  const auto J = static_cast<int>(m.latent_variables.size());
  Rcpp::IntegerMatrix paths(J, J);
  for (int i = 0; i < J; ++i)
    for (int j = 0; j < J; ++j) paths(i, j) = m.path_matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  Rcpp::List blocks;
  std::vector<std::string> modes;
  for (std::size_t j = 0; j < m.blocks.size(); ++j) {
    blocks.push_back(Rcpp::wrap(m.blocks[j]));
    modes.emplace_back(to_string(m.modes[j]));
  }
  return Rcpp::List::create(Rcpp::Named("latent_variables") = m.latent_variables, Rcpp::Named("paths") = paths,
                            Rcpp::Named("blocks") = blocks, Rcpp::Named("modes") = modes);
}

result<pls_model> model_of(const Rcpp::List& model) {
  pls_model m;
  m.latent_variables = Rcpp::as<std::vector<std::string>>(model["latent_variables"]);
  const Rcpp::IntegerMatrix paths = model["paths"];
  const Rcpp::List blocks = model["blocks"];
  for (int i = 0; i < paths.nrow(); ++i) {
    std::vector<int> row;
    for (int j = 0; j < paths.ncol(); ++j) row.push_back(paths(i, j));
    m.path_matrix.push_back(std::move(row));
  }
  for (R_xlen_t j = 0; j < blocks.size(); ++j) m.blocks.push_back(Rcpp::as<std::vector<std::string>>(blocks[j]));
  for (const auto& mode : Rcpp::as<std::vector<std::string>>(model["modes"])) {
    const auto parsed = parse_pls_mode(mode);
    if (!parsed) return diagnostic{errc::invalid_value, "", 0, 0, "modes", "a mode is 'A' or 'B', not '" + mode + "'"};
    m.modes.push_back(*parsed);
  }
  if (auto bad = check_pls_model(m)) return *bad;
  return m;
}

pls_data data_of(const Rcpp::NumericMatrix& values, const std::vector<std::string>& names) {
  pls_data d;
  d.names = names;
  d.values = Eigen::Map<const Eigen::MatrixXd>(values.begin(), values.nrow(), values.ncol());
  for (Eigen::Index c = 0; c < d.values.cols(); ++c)
    for (Eigen::Index r = 0; r < d.values.rows(); ++r)
      if (std::isnan(d.values(r, c))) d.set_missing(r, c);
  return d;
}

result<pls_options> options_of(const Rcpp::List& options) {
  pls_options o;
  const auto scheme = parse_pls_scheme(Rcpp::as<std::string>(options["scheme"]));
  const auto stop = parse_pls_stop(Rcpp::as<std::string>(options["stop"]));
  const auto missing = parse_pls_missing(Rcpp::as<std::string>(options["missing"]));
  if (!scheme) return diagnostic{errc::invalid_value, "", 0, 0, "scheme", "expected " + pls_scheme_names.choices()};
  if (!stop) return diagnostic{errc::invalid_value, "", 0, 0, "stop", "expected " + pls_stop_names.choices()};
  if (!missing) return diagnostic{errc::invalid_value, "", 0, 0, "missing", "expected " + pls_missing_names.choices()};
  o.scheme = *scheme;
  o.stop = *stop;
  o.missing = *missing;
  o.standardized = Rcpp::as<bool>(options["standardized"]);
  if (!Rf_isNull(options["tolerance"])) o.tolerance = Rcpp::as<double>(options["tolerance"]);
  o.max_iterations = Rcpp::as<int>(options["max_iterations"]);
  o.consistent = Rcpp::as<bool>(options["consistent"]);
  return o;
}

// Everything a PLS call needs, read from R's arguments once.
struct pls_input {
  pls_model model;
  pls_data data;
  pls_options options;
};

result<pls_input> input_of(const Rcpp::List& model, const Rcpp::NumericMatrix& values,
                           const std::vector<std::string>& names, const Rcpp::List& options) {
  auto m = model_of(model);
  if (!m) return m.error();
  auto o = options_of(options);
  if (!o) return o.error();
  return pls_input{*std::move(m), data_of(values, names), *o};
}

Rcpp::List fit_list(const pls_fit& f) {
  const auto J = f.latent_variables.size();
  Rcpp::NumericMatrix htmt(static_cast<int>(J), static_cast<int>(J));
  std::fill(htmt.begin(), htmt.end(), NA_REAL);
  for (std::size_t i = 0; i < f.htmt.size(); ++i)
    for (std::size_t j = 0; j < f.htmt[i].size(); ++j)
      if (f.htmt[i][j]) htmt(static_cast<int>(i), static_cast<int>(j)) = *f.htmt[i][j];
  using q = pls_block_quality;
  const auto quality = Rcpp::DataFrame::create(
      Rcpp::Named("mode") = r::column(f.blocks, [](const q& b) { return std::string(to_string(b.mode)); }),
      Rcpp::Named("indicators") = r::column(f.blocks, [](const q& b) { return static_cast<int>(b.indicators); }),
      Rcpp::Named("alpha") = r::column(f.blocks, &q::cronbach_alpha),
      Rcpp::Named("dg_rho") = r::column(f.blocks, &q::dg_rho),
      Rcpp::Named("eig_1st") = r::column(f.blocks, &q::eig_1st),
      Rcpp::Named("eig_2nd") = r::column(f.blocks, &q::eig_2nd), Rcpp::Named("ave") = r::column(f.blocks, &q::ave),
      Rcpp::Named("composite_reliability") = r::column(f.blocks, &q::composite_reliability),
      Rcpp::Named("rho_a") = r::column(f.blocks, [](const q& b) { return b.rho_a.value_or(NA_REAL); }),
      Rcpp::Named("block_communality") = r::column(f.blocks, &q::block_communality),
      Rcpp::Named("mean_redundancy") = r::column(f.blocks, &q::mean_redundancy),
      Rcpp::Named("stringsAsFactors") = false);
  std::vector<int> block_of;
  for (const auto b : f.block_of) block_of.push_back(static_cast<int>(b) + 1);
  Rcpp::LogicalVector endogenous(f.endogenous.begin(), f.endogenous.end());
  // More than Rcpp::List::create's 20 arguments: filled by name.
  Rcpp::List out;
  out["latent_variables"] = f.latent_variables;
  out["indicators"] = f.indicators;
  out["block_of"] = block_of;
  out["weights"] = vector_of(f.weights);
  out["loadings"] = vector_of(f.loadings);
  out["communality"] = vector_of(f.communality);
  out["redundancy"] = vector_of(f.redundancy);
  out["cross_loadings"] = matrix_of(f.cross_loadings);
  out["scores"] = matrix_of(f.scores);
  out["paths"] = matrix_of(f.paths);
  out["total_effects"] = matrix_of(f.total_effects);
  out["indirect_effects"] = matrix_of(f.indirect_effects);
  out["r2"] = vector_of(f.r2);
  out["endogenous"] = endogenous;
  out["lv_correlations"] = matrix_of(f.lv_correlations);
  out["htmt"] = htmt;
  out["quality"] = quality;
  out["gof"] = f.gof;
  out["iterations"] = f.iterations;
  out["converged"] = f.converged;
  out["n"] = static_cast<double>(f.n);
  out["rows_dropped"] = static_cast<double>(f.rows_dropped);
  out["cells_imputed"] = static_cast<double>(f.cells_imputed);
  out["warnings"] = r::warnings_frame(f.warnings);
  out["json"] = to_json(f);
  return out;
}

Rcpp::DataFrame estimates_frame(const std::vector<pls_bootstrap_estimate>& list) {
  using e = pls_bootstrap_estimate;
  return Rcpp::DataFrame::create(
      Rcpp::Named("name") = r::column(list, &e::name), Rcpp::Named("original") = r::column(list, &e::estimate),
      Rcpp::Named("mean_boot") = r::column(list, &e::mean), Rcpp::Named("std_error") = r::column(list, &e::se),
      Rcpp::Named("t") = r::column(list, &e::t), Rcpp::Named("lower") = r::column(list, &e::lo),
      Rcpp::Named("upper") = r::column(list, &e::hi),
      Rcpp::Named("interval") = r::column(list, [](const e& x) { return std::string(to_string(x.interval)); }),
      Rcpp::Named("stringsAsFactors") = false);
}

// Estimates the model of an R call's arguments (Ctrl-C interrupts) and hands the fit, and
// the converted arguments, on.
template <class Then>
SEXP after_fit(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
               const Rcpp::List& options, Then then) {
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  r::interrupt_watch watch;
  auto fit = try_estimate_pls(in->model, in->data, in->options, watch.control());
  if (watch.fired()) return r::interrupted();
  if (!fit) return failure(fit.error());
  return then(*fit, *in);
}

// An end of a bootstrap interval, NA without one.
double bound(const std::optional<pls_ipma_interval>& i, bool upper) {
  return i ? (upper ? i->hi : i->lo) : NA_REAL;
}

// The IPMA as an R list: data frames of the constructs and the indicators.
Rcpp::List ipma_list(const pls_ipma_result& r) {
  const auto frame = [](const std::vector<pls_ipma_point>& points) {
    using q = pls_ipma_point;
    return Rcpp::DataFrame::create(
        Rcpp::Named("name") = r::column(points, &q::name), Rcpp::Named("construct") = r::column(points, &q::construct),
        Rcpp::Named("importance") = r::column(points, &q::importance),
        Rcpp::Named("performance") = r::column(points, &q::performance),
        Rcpp::Named("quadrant") = r::column(points, [](const q& x) { return std::string(to_string(x.quadrant)); }),
        Rcpp::Named("importance_lo") =
            r::column(points, [](const q& x) { return bound(x.importance_interval, false); }),
        Rcpp::Named("importance_hi") = r::column(points, [](const q& x) { return bound(x.importance_interval, true); }),
        Rcpp::Named("performance_lo") =
            r::column(points, [](const q& x) { return bound(x.performance_interval, false); }),
        Rcpp::Named("performance_hi") =
            r::column(points, [](const q& x) { return bound(x.performance_interval, true); }),
        Rcpp::Named("stringsAsFactors") = false);
  };
  return Rcpp::List::create(
      Rcpp::Named("target") = r.target, Rcpp::Named("target_performance") = r.target_performance,
      Rcpp::Named("constructs") = frame(r.constructs), Rcpp::Named("indicators") = frame(r.indicators),
      Rcpp::Named("rescaled_weights") = r.rescaled_weights, Rcpp::Named("importance_line") = r.importance_line,
      Rcpp::Named("performance_line") = r.performance_line, Rcpp::Named("warnings") = r::warnings_frame(r.warnings),
      Rcpp::Named("resamples") = static_cast<double>(r.resamples), Rcpp::Named("json") = to_json(r),
      Rcpp::Named("svg") = ipma_map_svg(r));
}

// A number, or NA where there is none.
double or_na(const std::optional<double>& x) {
  return x ? *x : NA_REAL;
}

// CVPAT's tests as a data frame; NA where t is undefined.
Rcpp::DataFrame cvpat_frame(const std::vector<pls_cvpat_test>& tests) {
  using c = pls_cvpat_test;
  return Rcpp::DataFrame::create(
      Rcpp::Named("benchmark") = r::column(tests, &c::benchmark),
      Rcpp::Named("construct") =
          r::column(tests, [](const c& x) { return x.construct.empty() ? std::string("(all)") : x.construct; }),
      Rcpp::Named("loss_difference") = r::column(tests, &c::loss_difference),
      Rcpp::Named("t") = r::column(tests, [](const c& x) { return or_na(x.t); }),
      Rcpp::Named("p_better") = r::column(tests, [](const c& x) { return or_na(x.p_better); }),
      Rcpp::Named("p_two_sided") = r::column(tests, [](const c& x) { return or_na(x.p_two_sided); }),
      Rcpp::Named("df") = r::column(tests, [](const c& x) { return static_cast<double>(x.df); }),
      Rcpp::Named("stringsAsFactors") = false);
}

// A whole number from 0 to 2^53 (R's doubles hold every such integer), else nullopt.
std::optional<std::uint64_t> whole(double x) {
  if (!(x >= 0 && x == std::floor(x) && x < 9007199254740992.0)) return std::nullopt;
  return static_cast<std::uint64_t>(x);
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_pls_model_read(const std::string& path) {
  return checked(try_read_pls_model(path), model_list);
}

// [[Rcpp::export]]
SEXP cpp_pls_model_check(const Rcpp::List& model) {
  return checked(model_of(model), model_list);
}

// [[Rcpp::export]]
SEXP cpp_pls_model_syntax(const std::string& text) {
  return checked(try_parse_pls_syntax(text, "<text>"), model_list);
}

// [[Rcpp::export]]
SEXP cpp_pls_model_write(const Rcpp::List& model, const std::string& format) {
  auto m = model_of(model);
  if (!m) return failure(m.error());
  if (format == "json") return Rcpp::wrap(to_json(*m));
  return checked(try_to_syntax(*m), [](const std::string& text) { return Rcpp::wrap(text); });
}

// [[Rcpp::export]]
SEXP cpp_pls_estimate(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                      const Rcpp::List& options) {
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  r::interrupt_watch watch;
  return checked(try_estimate_pls(in->model, in->data, in->options, watch.control()), fit_list, &watch);
}

// [[Rcpp::export]]
SEXP cpp_pls_bootstrap(const Rcpp::List& model, const Rcpp::NumericMatrix& values,
                       const std::vector<std::string>& names, const Rcpp::List& options, double resamples, double seed,
                       double confidence, unsigned threads, const std::string& interval) {
  auto in = input_of(model, values, names, options);
  const auto kind = parse_pls_interval(interval);
  if (!kind) return r::argument_failure("interval", "expected " + pls_interval_names.choices());
  if (!in) return failure(in.error());
  if (!(resamples >= 1 && resamples == std::floor(resamples)))
    return r::argument_failure("resamples", "expected a whole number of resamples, at least 1");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  const pls_bootstrap_options b{static_cast<std::size_t>(resamples), *s, confidence, threads, *kind};
  r::interrupt_watch watch;
  return checked(
      try_bootstrap_pls(in->model, in->data, in->options, b, watch.control()),
      [](const pls_bootstrap_result& r) {
        return Rcpp::List::create(
            Rcpp::Named("weights") = estimates_frame(r.weights), Rcpp::Named("loadings") = estimates_frame(r.loadings),
            Rcpp::Named("paths") = estimates_frame(r.paths),
            Rcpp::Named("total_effects") = estimates_frame(r.total_effects),
            Rcpp::Named("indirect_effects") = estimates_frame(r.indirect_effects),
            Rcpp::Named("specific_indirect_effects") = estimates_frame(r.specific_indirect_effects),
            Rcpp::Named("r2") = estimates_frame(r.r2), Rcpp::Named("htmt") = estimates_frame(r.htmt),
            Rcpp::Named("interval") = std::string(to_string(r.interval)),
            Rcpp::Named("resamples") = static_cast<double>(r.resamples),
            Rcpp::Named("succeeded") = static_cast<double>(r.succeeded),
            Rcpp::Named("failed") = static_cast<double>(r.failed), Rcpp::Named("seed") = static_cast<double>(r.seed),
            Rcpp::Named("confidence") = r.confidence, Rcpp::Named("warnings") = r::warnings_frame(r.warnings));
      },
      &watch);
}

// [[Rcpp::export]]
SEXP cpp_pls_ipma(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                  const Rcpp::List& options, const std::string& target, const std::vector<double>& scale_min,
                  const std::vector<double>& scale_max) {
  return after_fit(model, values, names, options, [&](const pls_fit& fit, const pls_input&) {
    return checked(try_pls_ipma(fit, {target, scale_min, scale_max}), ipma_list);
  });
}

// [[Rcpp::export]]
SEXP cpp_pls_index(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                   const Rcpp::List& options, const std::vector<double>& scale_min,
                   const std::vector<double>& scale_max) {
  return after_fit(model, values, names, options, [&](const pls_fit& fit, const pls_input&) {
    return checked(try_pls_index(fit, scale_min, scale_max), [](const pls_index_result& r) {
      return Rcpp::List::create(Rcpp::Named("latent_variables") = r.latent_variables,
                                Rcpp::Named("index") = vector_of(r.index), Rcpp::Named("scores") = matrix_of(r.scores),
                                Rcpp::Named("normalised_weights") = vector_of(r.normalised_weights));
    });
  });
}

// [[Rcpp::export]]
SEXP cpp_pls_model_fit(const Rcpp::List& model, const Rcpp::NumericMatrix& values,
                       const std::vector<std::string>& names, const Rcpp::List& options, double resamples, double seed,
                       unsigned threads) {
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  const auto b = whole(resamples);
  if (!b) return r::argument_failure("resamples", "expected a whole number of resamples, 0 for no test");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  r::interrupt_watch watch;
  return checked(
      try_pls_model_fit(in->model, in->data, in->options, {static_cast<std::size_t>(*b), *s, threads}, watch.control()),
      [](const pls_model_fit_result& r) {
        const auto frame = [](const pls_model_fit_variant& v) {
          using m = pls_fit_measure;
          return Rcpp::DataFrame::create(
              Rcpp::Named("measure") = r::column(v.measures, &m::name),
              Rcpp::Named("value") = r::column(v.measures, [](const m& x) { return or_na(x.value); }),
              Rcpp::Named("q95") = r::column(v.measures, [](const m& x) { return or_na(x.q95); }),
              Rcpp::Named("q99") = r::column(v.measures, [](const m& x) { return or_na(x.q99); }),
              Rcpp::Named("p_value") = r::column(v.measures, [](const m& x) { return or_na(x.p_value); }),
              Rcpp::Named("stringsAsFactors") = false);
        };
        return Rcpp::List::create(
            Rcpp::Named("saturated") = frame(r.saturated), Rcpp::Named("estimated") = frame(r.estimated),
            Rcpp::Named("common_factor") = r.common_factor, Rcpp::Named("indicators") = r.indicators,
            Rcpp::Named("observed") = matrix_of(r.observed),
            Rcpp::Named("implied_saturated") = matrix_of(r.saturated.implied),
            Rcpp::Named("implied_estimated") = matrix_of(r.estimated.implied),
            Rcpp::Named("resamples") = static_cast<double>(r.resamples),
            Rcpp::Named("succeeded") = Rcpp::NumericVector::create(static_cast<double>(r.saturated.succeeded),
                                                                   static_cast<double>(r.estimated.succeeded)),
            Rcpp::Named("warnings") = r::warnings_frame(r.warnings), Rcpp::Named("json") = to_json(r));
      },
      &watch);
}

// [[Rcpp::export]]
SEXP cpp_pls_mga(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                 const Rcpp::List& options, const std::vector<std::string>& groups, double permutations,
                 double resamples, double seed, unsigned threads, const std::vector<std::string>& compare) {
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  const auto p = whole(permutations);
  if (!p || *p == 0) return r::argument_failure("permutations", "expected a whole number of permutations, at least 1");
  const auto b = whole(resamples);
  if (!b) return r::argument_failure("resamples", "expected a whole number of resamples, 0 for no Henseler MGA");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  r::interrupt_watch watch;
  const pls_mga_options o{static_cast<std::size_t>(*p), static_cast<std::size_t>(*b), *s, threads, compare};
  return checked(
      try_pls_mga(in->model, in->data, groups, in->options, o, watch.control()),
      [](const pls_mga_result& r) {
        const auto frame = [](const std::vector<pls_group_difference>& list) {
          using d = pls_group_difference;
          return Rcpp::DataFrame::create(
              Rcpp::Named("name") = r::column(list, &d::name), Rcpp::Named("first") = r::column(list, &d::first),
              Rcpp::Named("second") = r::column(list, &d::second),
              Rcpp::Named("difference") = r::column(list, &d::difference),
              Rcpp::Named("p_permutation") = r::column(list, &d::p_permutation),
              Rcpp::Named("p_henseler") = r::column(list, [](const d& x) { return or_na(x.p_henseler); }),
              Rcpp::Named("stringsAsFactors") = false);
        };
        using m = pls_micom_construct;
        const auto& c = r.micom;
        auto micom = Rcpp::DataFrame::create(
            Rcpp::Named("name") = r::column(c, &m::name), Rcpp::Named("c") = r::column(c, &m::c),
            Rcpp::Named("c_q05") = r::column(c, &m::c_q05), Rcpp::Named("c_p") = r::column(c, &m::c_p),
            Rcpp::Named("mean_difference") = r::column(c, &m::mean_difference),
            Rcpp::Named("mean_lo") = r::column(c, &m::mean_lo), Rcpp::Named("mean_hi") = r::column(c, &m::mean_hi),
            Rcpp::Named("mean_p") = r::column(c, &m::mean_p),
            Rcpp::Named("log_variance_ratio") = r::column(c, &m::log_variance_ratio),
            Rcpp::Named("variance_lo") = r::column(c, &m::variance_lo),
            Rcpp::Named("variance_hi") = r::column(c, &m::variance_hi),
            Rcpp::Named("variance_p") = r::column(c, &m::variance_p), Rcpp::Named("stringsAsFactors") = false);
        return Rcpp::List::create(
            Rcpp::Named("groups") = std::vector<std::string>{r.groups[0], r.groups[1]},
            Rcpp::Named("n") = Rcpp::NumericVector::create(static_cast<double>(r.n[0]), static_cast<double>(r.n[1])),
            Rcpp::Named("paths") = frame(r.paths), Rcpp::Named("weights") = frame(r.weights),
            Rcpp::Named("loadings") = frame(r.loadings), Rcpp::Named("micom") = micom,
            Rcpp::Named("permutations") = static_cast<double>(r.permutations),
            Rcpp::Named("succeeded") = static_cast<double>(r.succeeded),
            Rcpp::Named("resamples") = static_cast<double>(r.resamples),
            Rcpp::Named("warnings") = r::warnings_frame(r.warnings), Rcpp::Named("json") = to_json(r));
      },
      &watch);
}

// [[Rcpp::export]]
SEXP cpp_pls_predict(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                     const Rcpp::List& options, double folds, double repetitions, double seed) {
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  const auto k = whole(folds);
  if (!k) return r::argument_failure("folds", "expected a whole number of folds");
  const auto reps = whole(repetitions);
  if (!reps) return r::argument_failure("repetitions", "expected a whole number of repetitions");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  return checked(
      try_pls_predict(in->model, in->data, in->options,
                      {static_cast<std::size_t>(*k), static_cast<std::size_t>(*reps), *s}),
      [](const pls_predict_result& r) {
        using i = pls_predict_indicator;
        const auto& x = r.indicators;
        return Rcpp::List::create(
            Rcpp::Named("indicators") = Rcpp::DataFrame::create(
                Rcpp::Named("name") = r::column(x, &i::name), Rcpp::Named("construct") = r::column(x, &i::construct),
                Rcpp::Named("rmse") = r::column(x, &i::rmse), Rcpp::Named("mae") = r::column(x, &i::mae),
                Rcpp::Named("q2_predict") = r::column(x, &i::q2_predict),
                Rcpp::Named("lm_rmse") = r::column(x, &i::lm_rmse), Rcpp::Named("lm_mae") = r::column(x, &i::lm_mae),
                Rcpp::Named("stringsAsFactors") = false),
            Rcpp::Named("cvpat") = cvpat_frame(r.cvpat), Rcpp::Named("folds") = static_cast<double>(r.folds),
            Rcpp::Named("repetitions") = static_cast<double>(r.repetitions),
            Rcpp::Named("seed") = static_cast<double>(r.seed), Rcpp::Named("json") = to_json(r));
      });
}

// [[Rcpp::export]]
SEXP cpp_pls_path_diagram(const Rcpp::List& model, const Rcpp::NumericMatrix& values,
                          const std::vector<std::string>& names, const Rcpp::List& options, double resamples,
                          double seed, unsigned threads) {
  const auto b = whole(resamples);
  if (!b) return r::argument_failure("resamples", "expected a whole number of resamples, 0 for none");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  return after_fit(model, values, names, options, [&](const pls_fit& fit, const pls_input& in) -> SEXP {
    if (*b == 0) return Rcpp::wrap(path_diagram_svg(fit));
    r::interrupt_watch watch;
    return checked(
        try_bootstrap_pls(in.model, in.data, in.options,
                          {.resamples = static_cast<std::size_t>(*b), .seed = *s, .threads = threads}, watch.control()),
        [&](const pls_bootstrap_result& boot) { return Rcpp::wrap(path_diagram_svg(fit, &boot)); }, &watch);
  });
}

// The model report: the fit, with `resamples` a bootstrap's intervals, with scales the 0-100
// index and, with a target, the IPMA.
// [[Rcpp::export]]
SEXP cpp_pls_report(const Rcpp::List& model, const Rcpp::NumericMatrix& values, const std::vector<std::string>& names,
                    const Rcpp::List& options, double resamples, double seed, unsigned threads,
                    const std::string& target, const std::vector<double>& scale_min,
                    const std::vector<double>& scale_max, const std::string& subtitle, const std::string& lang) {
  const auto b = whole(resamples);
  if (!b) return r::argument_failure("resamples", "expected a whole number of resamples, 0 for none");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  const auto language = parse_language(lang);
  if (!language) return r::argument_failure("lang", "expected \"en\" or \"zh\"");
  return after_fit(model, values, names, options, [&](const pls_fit& fit, const pls_input& in) -> SEXP {
    std::optional<pls_index_result> index;
    std::optional<pls_ipma_result> map;
    if (!scale_min.empty()) {
      auto x = try_pls_index(fit, scale_min, scale_max);
      if (!x) return r::failure(x.error());
      index = *std::move(x);
    }
    if (!target.empty()) {
      auto m = try_pls_ipma(fit, {target, scale_min, scale_max});
      if (!m) return r::failure(m.error());
      map = *std::move(m);
    }
    const auto page = [&](const pls_bootstrap_result* boot) {
      return Rcpp::wrap(to_html(
          fit,
          {.bootstrap = boot, .index = index ? &*index : nullptr, .ipma = map ? &*map : nullptr, .subtitle = subtitle},
          *language));
    };
    if (*b == 0) return page(nullptr);
    r::interrupt_watch watch;
    return checked(
        try_bootstrap_pls(in.model, in.data, in.options,
                          {.resamples = static_cast<std::size_t>(*b), .seed = *s, .threads = threads}, watch.control()),
        [&](const pls_bootstrap_result& boot) { return page(&boot); }, &watch);
  });
}

// [[Rcpp::export]]
SEXP cpp_pls_ipma_bootstrap(const Rcpp::List& model, const Rcpp::NumericMatrix& values,
                            const std::vector<std::string>& names, const Rcpp::List& options, const std::string& target,
                            const std::vector<double>& scale_min, const std::vector<double>& scale_max,
                            double resamples, double seed, unsigned threads) {
  const auto b = whole(resamples);
  if (!b) return r::argument_failure("resamples", "expected a whole number of resamples");
  const auto s = whole(seed);
  if (!s) return r::argument_failure("seed", "expected a whole number from 0 to 2^53");
  auto in = input_of(model, values, names, options);
  if (!in) return failure(in.error());
  r::interrupt_watch watch;
  return checked(
      try_pls_ipma(in->model, in->data, in->options, {target, scale_min, scale_max},
                   {.resamples = static_cast<std::size_t>(*b), .seed = *s, .threads = threads}, watch.control()),
      ipma_list, &watch);
}
