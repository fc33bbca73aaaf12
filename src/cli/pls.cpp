// excellence pls DATA.csv --model MODEL.json [--scheme centroid|factorial|path] [--stop exact|plspm]
//                [--raw] [--missing error|listwise|mean] [--bootstrap N --seed S] [--threads T]
//                [--index --scale-min A --scale-max B] [--json]
#include "command.hpp"

#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <ostream>

namespace excellence::cli {

namespace {

namespace po = boost::program_options;
using nj = nlohmann::ordered_json;

std::string arrow(const pls_fit& fit, std::size_t from, std::size_t to) {
  return fit.latent_variables[from] + " -> " + fit.latent_variables[to];
}

nj bootstrap_json(const std::vector<pls_bootstrap_estimate>& list) {
  nj out = nj::object();
  for (const auto& e : list)
    out[e.name] = {{"estimate", e.estimate}, {"mean", e.mean}, {"se", e.se}, {"t", e.t}, {"lo", e.lo}, {"hi", e.hi}};
  return out;
}

}  // namespace

int pls(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence pls DATA.csv --model MODEL.json [options]\n\n"
      "PLS path modeling (satisfaction indexes such as ACSI and ECSI): weights, loadings,\n"
      "paths, R2, block quality and GoF of the model on the data (docs/pls.md). The model\n"
      "file lists latent variables, the path matrix, blocks and modes.\n\noptions");
  options.add_options()("model", po::value<std::string>(), "the model file (required)")(
      "scheme", po::value<std::string>()->default_value("path"), "inner scheme: centroid, factorial or path")(
      "stop", po::value<std::string>()->default_value("exact"), "exact (fixed point) or plspm (R plspm's rule)")(
      "raw", "centre the indicators but do not standardise them")(
      "missing", po::value<std::string>()->default_value("error"), "error, listwise or mean")(
      "bootstrap", po::value<count>(), "number of bootstrap resamples")(
      "seed", po::value<count>()->default_value(count{1}, "1"), "seed of the bootstrap")(
      "threads", po::value<count>()->default_value(count{0}, "0"), "bootstrap threads (0: all cores)")(
      "index", "the 0-100 index of every latent variable (needs --scale-min and --scale-max)")(
      "scale-min", po::value<finite_number>(), "lowest answer of the indicators' scale")(
      "scale-max", po::value<finite_number>(), "highest answer of the indicators' scale")("json", "print JSON");
  const auto parsed = parse_file_command(args, options, "pls", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  if (values.count("model") == 0U) throw usage_error("pls needs --model MODEL.json");
  pls_options settings;
  const auto scheme = values["scheme"].as<std::string>();
  if (scheme == "centroid")
    settings.scheme = pls_scheme::centroid;
  else if (scheme == "factorial")
    settings.scheme = pls_scheme::factorial;
  else if (scheme != "path")
    throw usage_error("--scheme must be centroid, factorial or path");
  const auto stop = values["stop"].as<std::string>();
  if (stop != "exact" && stop != "plspm") throw usage_error("--stop must be exact or plspm");
  settings.stop = stop == "plspm" ? pls_stop::plspm : pls_stop::exact;
  settings.standardized = values.count("raw") == 0U;
  const auto missing = values["missing"].as<std::string>();
  if (missing == "listwise")
    settings.missing = pls_missing::listwise;
  else if (missing == "mean")
    settings.missing = pls_missing::mean;
  else if (missing != "error")
    throw usage_error("--missing must be error, listwise or mean");
  const bool index = values.count("index") != 0U;
  if (index && (values.count("scale-min") == 0U || values.count("scale-max") == 0U))
    throw usage_error("--index needs --scale-min and --scale-max (the answers' scale, e.g. 1 and 10)");

  const auto model = try_read_pls_model(values["model"].as<std::string>()).value();
  // With --missing error an empty cell is reported while reading, at its line and field.
  auto read = try_read_pls_data(values["file"].as<std::string>(), model,
                                {.empty_cells_allowed = settings.missing != pls_missing::error});
  if (!read) {
    auto d = read.error();
    if (d.code == errc::missing_field && d.line != 0 && d.column != 0)
      d.message = "the cell is empty (use --missing listwise or mean to proceed)";
    throw data_error(d);
  }
  const pls_data data = *std::move(read);
  const auto fit = try_estimate_pls(model, data, settings,
                                    data.values.rows() > 1'000'000 ? terminal_progress("rows") : pls_control{})
                       .value();
  std::optional<pls_bootstrap_result> boot;
  if (values.count("bootstrap") != 0U) {
    const auto threads = values["threads"].as<count>().value;
    if (threads > 64) throw usage_error("--threads must be 0 (all cores) or at most 64");
    boot = try_bootstrap_pls(model, data, settings,
                             {.resamples = static_cast<std::size_t>(values["bootstrap"].as<count>().value),
                              .seed = values["seed"].as<count>().value,
                              .threads = static_cast<unsigned>(threads)},
                             terminal_progress("resamples"))
               .value();
  }
  std::optional<pls_index_result> rescaled;
  if (index) rescaled = try_pls_index(fit, values["scale-min"].as<finite_number>().value, values["scale-max"].as<finite_number>().value).value();

  const auto J = fit.latent_variables.size();
  if (values.count("json") != 0U) {
    nj out;
    out["n"] = fit.n;
    out["rows_dropped"] = fit.rows_dropped;
    out["cells_imputed"] = fit.cells_imputed;
    out["scheme"] = scheme;
    out["stop"] = stop;
    out["standardized"] = settings.standardized;
    out["iterations"] = fit.iterations;
    out["converged"] = fit.converged;
    nj& weights = out["weights"] = nj::object();
    nj& loadings = out["loadings"] = nj::object();
    for (std::size_t k = 0; k < fit.indicators.size(); ++k) {
      weights[fit.indicators[k]] = fit.weights(static_cast<Eigen::Index>(k));
      loadings[fit.indicators[k]] = fit.loadings(static_cast<Eigen::Index>(k));
    }
    nj& paths = out["paths"] = nj::object();
    nj& total = out["total_effects"] = nj::object();
    for (std::size_t to = 0; to < J; ++to)
      for (std::size_t from = 0; from < J; ++from) {
        const auto t = static_cast<Eigen::Index>(to), f = static_cast<Eigen::Index>(from);
        if (fit.path_matrix[to][from] != 0) paths[arrow(fit, from, to)] = fit.paths(t, f);
        if (fit.total_effects(t, f) != 0) total[arrow(fit, from, to)] = fit.total_effects(t, f);
      }
    nj& r2 = out["r2"] = nj::object();
    for (std::size_t j = 0; j < J; ++j)
      if (fit.endogenous[j]) r2[fit.latent_variables[j]] = fit.r2(static_cast<Eigen::Index>(j));
    nj& blocks = out["blocks"] = nj::object();
    for (std::size_t j = 0; j < J; ++j) {
      const auto& q = fit.blocks[j];
      blocks[fit.latent_variables[j]] = {{"mode", to_string(q.mode)},
                                         {"cronbach_alpha", q.cronbach_alpha},
                                         {"dg_rho", q.dg_rho},
                                         {"composite_reliability", q.composite_reliability},
                                         {"ave", q.ave},
                                         {"eig_1st", q.eig_1st},
                                         {"eig_2nd", q.eig_2nd},
                                         {"block_communality", q.block_communality},
                                         {"mean_redundancy", q.mean_redundancy}};
    }
    out["gof"] = fit.gof;
    if (boot)
      out["bootstrap"] = {{"resamples", boot->resamples},
                          {"succeeded", boot->succeeded},
                          {"failed", boot->failed},
                          {"seed", boot->seed},
                          {"confidence", boot->confidence},
                          {"paths", bootstrap_json(boot->paths)},
                          {"total_effects", bootstrap_json(boot->total_effects)},
                          {"weights", bootstrap_json(boot->weights)},
                          {"loadings", bootstrap_json(boot->loadings)}};
    if (rescaled) {
      nj& idx = out["index"] = nj::object();
      for (std::size_t j = 0; j < J; ++j) idx[fit.latent_variables[j]] = rescaled->index(static_cast<Eigen::Index>(j));
    }
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }

  streams.out << "PLS path model: " << J << " latent variables, " << fit.indicators.size() << " indicators, n "
              << fit.n;
  if (fit.rows_dropped > 0) streams.out << " (" << fit.rows_dropped << " rows with missing values dropped)";
  if (fit.cells_imputed > 0) streams.out << " (" << fit.cells_imputed << " missing values set to the mean)";
  streams.out << "\n"
              << scheme << " scheme, " << (settings.standardized ? "standardised" : "centred") << " indicators, "
              << stop << " stop: " << fit.iterations << " iterations, "
              << (fit.converged ? "converged" : "NOT CONVERGED") << "\n\n";
  detail::text_table paths({1, 2, 3, 4, 5, 6});
  paths.add(boot ? std::vector<std::string>{"path", "estimate", "boot mean", "SE", "t", "lo", "hi"}
                 : std::vector<std::string>{"path", "estimate"});
  paths.rule();
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from) {
      if (fit.path_matrix[to][from] == 0) continue;
      const auto name = arrow(fit, from, to);
      std::vector<std::string> row{
          name, detail::fixed(fit.paths(static_cast<Eigen::Index>(to), static_cast<Eigen::Index>(from)), 4)};
      if (boot) {
        // Every path of the model has its bootstrap entry (same names, same order).
        const auto* e = pls_bootstrap_result::find(boot->paths, name);
        for (const double v : {e->mean, e->se, e->t, e->lo, e->hi}) row.push_back(detail::fixed(v, 4));
      }
      paths.add(row);
    }
  streams.out << paths.str() << "\n";
  if (boot)
    streams.out << boot->resamples << " bootstrap resamples (seed " << boot->seed << "), " << boot->failed
                << " failed; " << detail::fixed(100 * boot->confidence, 0) << "% percentile intervals\n\n";
  detail::text_table lvs({1, 2, 3, 4, 5, 6, 7});
  lvs.add({"latent", "mode", "R2", "alpha", "rho_DG", "rho_c", "AVE", rescaled ? "index" : ""});
  lvs.rule();
  for (std::size_t j = 0; j < J; ++j) {
    const auto& q = fit.blocks[j];
    lvs.add({fit.latent_variables[j], to_string(q.mode),
             fit.endogenous[j] ? detail::fixed(fit.r2(static_cast<Eigen::Index>(j)), 4) : "-",
             detail::fixed(q.cronbach_alpha, 4), detail::fixed(q.dg_rho, 4), detail::fixed(q.composite_reliability, 4),
             detail::fixed(q.ave, 4), rescaled ? detail::fixed(rescaled->index(static_cast<Eigen::Index>(j)), 1) : ""});
  }
  streams.out << lvs.str() << "\nGoF " << detail::fixed(fit.gof, 4) << "\n\n";
  detail::text_table outer({2, 3, 4});
  outer.add({"indicator", "latent", "weight", "loading", "communality"});
  outer.rule();
  for (std::size_t k = 0; k < fit.indicators.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    outer.add({fit.indicators[k], fit.latent_variables[fit.block_of[k]], detail::fixed(fit.weights(i), 4),
               detail::fixed(fit.loadings(i), 4), detail::fixed(fit.communality(i), 4)});
  }
  streams.out << outer.str();
  return exit_ok;
}

}  // namespace excellence::cli
