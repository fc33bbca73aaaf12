// excellence pls DATA.csv --model MODEL.json|MODEL.txt [--scheme centroid|factorial|path] [--stop exact|plspm]
//                [--raw] [--plsc] [--missing error|listwise|mean] [--bootstrap N --seed S]
//                [--ci percentile|bc|bca] [--threads T]
//                [--index --scale-min A --scale-max B] [--ipma TARGET --scale-min A --scale-max B]
//                [--predict K,R] [--fit [--bootstrap N]]
//                [--groups COLUMN [--compare A,B] [--permutations N] [--bootstrap N]] [--svg FILE]
//                [--report FILE.html [--lang zh|en]] [--json]
#include "command.hpp"

#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
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
#include <excellence/report/text.hpp>

#include <charconv>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>

namespace excellence::cli {

namespace po = boost::program_options;

int pls(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence pls DATA.csv --model MODEL.json [options]\n\n"
      "PLS path modeling (satisfaction indexes such as ACSI and ECSI): weights, loadings,\n"
      "paths, R2, block quality and GoF of the model on the data (docs/pls.md). The model\n"
      "file is JSON (latent variables, path matrix, blocks, modes) or lavaan-style syntax:\n"
      "  SAT =~ sat1 + sat2 + sat3   (reflective block)    VAL <~ val1 + val2   (formative)\n"
      "  SAT ~ IMAG + VAL            (paths IMAG -> SAT, VAL -> SAT)\n\noptions");
  options.add_options()("model", po::value<std::string>(), "the model file: JSON or model syntax (required)")(
      "scheme", po::value<std::string>()->default_value("path"), "inner scheme: centroid, factorial or path")(
      "stop", po::value<std::string>()->default_value("exact"), "exact (fixed point) or plspm (R plspm's rule)")(
      "raw", "centre the indicators but do not standardise them")(
      "plsc", "consistent PLS (PLSc): mode A blocks as common factors, corrected for attenuation")(
      "missing", po::value<std::string>()->default_value("error"), "error, listwise or mean")(
      "bootstrap", po::value<count>(), "number of bootstrap resamples")(
      "seed", po::value<count>()->default_value(count{1}, "1"), "seed of the bootstrap")(
      "ci", po::value<std::string>()->default_value("percentile"), "bootstrap intervals: percentile, bc or bca")(
      "threads", po::value<count>()->default_value(count{0}, "0"), "bootstrap threads (0: all cores)")(
      "index", "the 0-100 index of every latent variable (needs --scale-min and --scale-max)")(
      "fit",
      "overall model fit, SRMR, d_ULS and d_G (with --bootstrap N the exact-fit test): printed instead of the fit")(
      "groups", po::value<std::string>(),
      "multigroup analysis between the two groups of this column (MICOM, permutation test; with --bootstrap N "
      "Henseler's MGA): printed instead of the fit")("compare", po::value<std::string>(),
                                                     "the two groups to compare, A,B, when the column has more")(
      "permutations", po::value<count>()->default_value(count{5000}, "5000"), "permutations of the group labels")(
      "predict", po::value<std::string>(),
      "PLSpredict with K folds and R repetitions (e.g. 10,10; --seed seeds the folds): printed instead of the fit")(
      "ipma", po::value<std::string>(),
      "importance-performance map of this construct (needs --scale-min and --scale-max): printed instead of the fit")(
      "scale-min", po::value<finite_number>(), "lowest answer of the indicators' scale")(
      "scale-max", po::value<finite_number>(), "highest answer of the indicators' scale")(
      "svg", po::value<std::string>(),
      "write the path diagram (with --ipma: the importance-performance map) to this SVG file")(
      "report", po::value<std::string>(),
      "write the model report (HTML) to this file: the fit, its diagram and every analysis asked for (--bootstrap, "
      "--index, --ipma, --fit, --predict, --groups, which may then be combined); the fit is printed")(
      "lang", po::value<std::string>()->default_value("en"), "language of the report and the SVG: zh or en")(
      "json", "print JSON");
  const auto parsed = parse_file_command(args, options, "pls", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  if (values.count("model") == 0U) throw usage_error("pls needs --model MODEL (a JSON model or model syntax)");
  pls_options settings;
  settings.scheme = enum_option(values, "scheme", pls_scheme_names);
  settings.stop = enum_option(values, "stop", pls_stop_names);
  settings.standardized = values.count("raw") == 0U;
  settings.consistent = values.count("plsc") != 0U;
  settings.missing = enum_option(values, "missing", pls_missing_names);
  const bool index = values.count("index") != 0U;
  if (index && (values.count("scale-min") == 0U || values.count("scale-max") == 0U))
    throw usage_error("--index needs --scale-min and --scale-max (the answers' scale, e.g. 1 and 10)");

  // --predict K,R: two whole numbers.
  std::optional<pls_predict_options> predict;
  if (values.count("predict") != 0U) {
    const auto text = values["predict"].as<std::string>();
    const auto comma = text.find(',');
    const auto whole = [&](std::string_view part) {
      std::size_t v = 0;
      const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
      if (ec != std::errc{} || end != part.data() + part.size() || part.empty())
        throw usage_error("--predict expects K,R: folds and repetitions, e.g. 10,10 (got \"" + text + "\")");
      return v;
    };
    if (comma == std::string::npos)
      throw usage_error("--predict expects K,R: folds and repetitions, e.g. 10,10 (got \"" + text + "\")");
    predict = pls_predict_options{whole(std::string_view(text).substr(0, comma)),
                                  whole(std::string_view(text).substr(comma + 1)), values["seed"].as<count>().value};
  }
  const bool ipma = values.count("ipma") != 0U;
  const bool model_fit = values.count("fit") != 0U;
  const bool groups = values.count("groups") != 0U;
  const bool report = values.count("report") != 0U;
  const auto lang = parse_language(values["lang"].as<std::string>());
  if (!lang) throw usage_error("--lang must be zh or en");
  if (!report && values.count("svg") == 0U && !values["lang"].defaulted())
    throw usage_error("--lang chooses the language of the report and the SVG: it needs --report or --svg");
  // The report holds every analysis asked for; without it each prints alone.
  if (!report && groups && (model_fit || predict || ipma || index || !values["ci"].defaulted()))
    throw usage_error(
        "--groups prints the multigroup analysis alone: leave out --fit, --predict, --ipma, --index and --ci");
  if (!groups && (values.count("compare") != 0U || !values["permutations"].defaulted()))
    throw usage_error("--compare and --permutations belong to the multigroup analysis: they need --groups COLUMN");
  const bool svg = values.count("svg") != 0U;
  if (!report && svg && (groups || model_fit || predict))
    throw usage_error(
        "--svg draws the fit's path diagram or, with --ipma, the map: leave out --groups, --fit and --predict");
  if (!report && model_fit && (predict || ipma || index || !values["ci"].defaulted()))
    throw usage_error("--fit prints the model fit alone: leave out --predict, --ipma, --index and --ci");
  if (!report && predict && (ipma || values.count("bootstrap") != 0U || index))
    throw usage_error("--predict prints the cross-validation alone: leave out --ipma, --bootstrap and --index");
  if (ipma && (values.count("scale-min") == 0U || values.count("scale-max") == 0U))
    throw usage_error("--ipma needs --scale-min and --scale-max (the questionnaire's scale, e.g. 0 and 10)");
  if (!report && ipma && index) throw usage_error("--ipma prints the map alone: leave out --index");
  if (!report && ipma && !values["ci"].defaulted())
    throw usage_error("--ipma's bootstrap intervals are percentile intervals: leave out --ci");
  const auto model = try_read_pls_model(values["model"].as<std::string>()).value();
  // With --missing error an empty cell is reported while reading, at its line and field.
  // The group column comes from the same table.
  const pls_read_options read_options{.empty_cells_allowed = settings.missing != pls_missing::error};
  std::optional<csv_table> table;
  if (groups) table = try_read_csv(values["file"].as<std::string>()).value();
  auto read = table ? try_pls_data(*table, model, read_options)
                    : try_read_pls_data(values["file"].as<std::string>(), model, read_options);
  if (!read) {
    auto d = read.error();
    if (d.code == errc::missing_field && d.line != 0 && d.column != 0)
      d.message = "the cell is empty (use --missing listwise or mean to proceed)";
    throw data_error(d);
  }
  const pls_data data = *std::move(read);
  // The fit itself, estimated only where it is printed or mapped: the multigroup analysis,
  // the model fit, PLSpredict and the IPMA's bootstrap estimate the model themselves.
  const auto estimate_fit = [&] {
    return try_estimate_pls(model, data, settings,
                            data.values.rows() > 1'000'000 ? terminal_progress("rows") : pls_control{})
        .value();
  };
  if (values.count("bootstrap") == 0U && !values["ci"].defaulted())
    throw usage_error("--ci chooses the bootstrap's intervals: it needs --bootstrap N");
  const auto threads = values["threads"].as<count>().value;
  if (threads > 64) throw usage_error("--threads must be 0 (all cores) or at most 64");
  const std::size_t resamples =
      values.count("bootstrap") != 0U ? static_cast<std::size_t>(values["bootstrap"].as<count>().value) : 0U;
  const auto seed = values["seed"].as<count>().value;

  // Each analysis, run where it is asked for.
  const auto run_mga = [&] {
    const auto column = values["groups"].as<std::string>();
    const auto labels = table->try_texts(column).value();
    pls_mga_options mga{.permutations = static_cast<std::size_t>(values["permutations"].as<count>().value),
                        .resamples = resamples,
                        .seed = seed,
                        .threads = static_cast<unsigned>(threads)};
    if (values.count("compare") != 0U) {
      const auto text = values["compare"].as<std::string>();
      const auto comma = text.find(',');
      if (comma == std::string::npos || comma == 0 || comma + 1 == text.size())
        throw usage_error("--compare expects A,B: the two groups to compare (got \"" + text + "\")");
      mga.compare = {text.substr(0, comma), text.substr(comma + 1)};
    }
    auto result = try_pls_mga(model, data, labels, settings, mga, terminal_progress("permutations"));
    if (!result) {
      if (result.error().element()) throw_at_cell(*table, result.error(), column);
      throw data_error(result.error());
    }
    return *std::move(result);
  };
  const auto run_model_fit = [&] {
    return try_pls_model_fit(model, data, settings,
                             {.resamples = resamples, .seed = seed, .threads = static_cast<unsigned>(threads)},
                             resamples > 0 ? terminal_progress("resamples") : pls_control{})
        .value();
  };
  // With --bootstrap N the map carries percentile intervals for every point.
  const auto run_ipma = [&](const pls_fit* fit) {
    const pls_ipma_options map_options{.target = values["ipma"].as<std::string>(),
                                       .scale_min = {values["scale-min"].as<finite_number>().value},
                                       .scale_max = {values["scale-max"].as<finite_number>().value}};
    if (resamples > 0)
      return try_pls_ipma(model, data, settings, map_options,
                          {.resamples = resamples, .seed = seed, .threads = static_cast<unsigned>(threads)},
                          terminal_progress("resamples"))
          .value();
    return try_pls_ipma(fit != nullptr ? *fit : estimate_fit(), map_options).value();
  };
  const auto run_bootstrap = [&] {
    return try_bootstrap_pls(model, data, settings,
                             {.resamples = resamples,
                              .seed = seed,
                              .threads = static_cast<unsigned>(threads),
                              .interval = enum_option(values, "ci", pls_interval_names)},
                             terminal_progress("resamples"))
        .value();
  };
  const auto run_index = [&](const pls_fit& fit) {
    return try_pls_index(fit, values["scale-min"].as<finite_number>().value,
                         values["scale-max"].as<finite_number>().value)
        .value();
  };
  const auto print = [&](const auto& result) {
    streams.out << (values.count("json") != 0U ? to_json(result) : to_text(result));
    return exit_ok;
  };

  if (!report) {
    if (groups) return print(run_mga());
    if (model_fit) return print(run_model_fit());
    if (predict) return print(try_pls_predict(model, data, settings, *predict).value());
    if (ipma) {
      const auto map = run_ipma(nullptr);
      if (svg) write_file(values["svg"].as<std::string>(), ipma_map_svg(map, false, *lang));
      return print(map);
    }
  }
  const auto fit = estimate_fit();
  std::optional<pls_bootstrap_result> boot;
  if (resamples > 0) boot = run_bootstrap();
  std::optional<pls_index_result> rescaled;
  if (index) rescaled = run_index(fit);
  const auto* b = boot ? &*boot : nullptr;
  const auto* x = rescaled ? &*rescaled : nullptr;
  if (report) {
    // The report: the fit and every analysis asked for, each as it prints alone.
    std::optional<pls_ipma_result> map;
    std::optional<pls_model_fit_result> overall;
    std::optional<pls_predict_result> prediction;
    std::optional<pls_mga_result> comparison;
    if (ipma) map = run_ipma(&fit);
    if (model_fit) overall = run_model_fit();
    if (predict) prediction = try_pls_predict(model, data, settings, *predict).value();
    if (groups) comparison = run_mga();
    const auto pointer = [](const auto& part) { return part ? &*part : nullptr; };
    write_file(values["report"].as<std::string>(),
               to_html(fit,
                       {.bootstrap = b,
                        .index = x,
                        .ipma = pointer(map),
                        .model_fit = pointer(overall),
                        .predict = pointer(prediction),
                        .mga = pointer(comparison),
                        .subtitle = std::filesystem::path(values["file"].as<std::string>()).filename().string()},
                       *lang));
    if (svg)
      write_file(values["svg"].as<std::string>(),
                 map ? ipma_map_svg(*map, false, *lang) : path_diagram_svg(fit, b, *lang));
  } else if (svg) {
    write_file(values["svg"].as<std::string>(), path_diagram_svg(fit, b, *lang));
  }
  streams.out << (values.count("json") != 0U ? to_json(fit, b, x) : to_text(fit, b, x));
  return exit_ok;
}

}  // namespace excellence::cli
