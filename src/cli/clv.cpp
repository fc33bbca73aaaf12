// excellence clv fit DATA.csv --model bgnbd|pnbd|mbgnbd|ggomnbd|bgbb|gg [--json]
// excellence clv predict DATA.csv --model ... --params P1,P2,... | --fit FIT.json [--horizon T]
// excellence clv summarize TRANSACTIONS.csv --end YYYY-MM-DD [--unit days|weeks|months]
//                          [--customer COLUMN] [--date COLUMN] [--amount COLUMN]
#include "command.hpp"
#include "csv_output.hpp"

#include <excellence/detail/strings.hpp>
#include <excellence/io/clv_fit_json.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/intervals.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/models/clv/value.hpp>
#include <excellence/report/clv_html.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <algorithm>
#include <ostream>
#include <sstream>

namespace excellence::cli {

namespace {

namespace po = boost::program_options;

const char* const models = "bgnbd, pnbd, mbgnbd, ggomnbd, bgbb or gg";

std::string model_of(const po::variables_map& values) {
  if (values.count("model") == 0U) throw usage_error(detail::concat("--model is needed: ", models));
  const auto m = values["model"].as<std::string>();
  if (m != "gg" && (m == "gamma_gamma" || !parse_clv_model(m)))
    throw usage_error(detail::concat("--model must be ", models));
  return m;
}

// The summary columns a model reads; weights are optional.
struct summary_columns {
  csv_table table;
  std::span<const double> frequency, recency, age, monetary, weights;  ///< views into the table
  std::optional<std::size_t> id;                                       ///< the customer_id column, when the file has it
};

// The command's name of a model: the library's, with "gg" for Gamma-Gamma.
std::string command_name(clv_model m) {
  return m == clv_model::gamma_gamma ? "gg" : std::string(to_string(m));
}

// The library's model of a command's model name (model_of has checked it).
clv_model model_named(const std::string& name) {
  return name == "gg" ? clv_model::gamma_gamma : *parse_clv_model(name);
}

// A model and its parameters from a fit document (--fit FIT.json, what `clv fit --json`
// wrote); nullopt when the parameters are typed in instead (--model and --params, which
// the caller parses). `allowed` lists the command's models; `model_option`: whether the
// command takes --model beside the parameters.
struct chosen_model {
  std::string model;
  std::vector<double> params;
  clv_fit fit{};  ///< the whole document (its covariance gives intervals)
};

std::optional<chosen_model> model_of_fit(const po::variables_map& values, const char* fit_option,
                                         const char* params_option, const std::vector<std::string>& allowed,
                                         bool model_option = true) {
  if (values.count(fit_option) == 0U) {
    if (model_option && values.count("model") == 0U)
      throw usage_error(detail::concat("--model and --", params_option, " (or --", fit_option, ") are needed"));
    if (values.count(params_option) == 0U)
      throw usage_error(detail::concat("--", params_option, " (or --", fit_option, ") is needed"));
    return std::nullopt;
  }
  if (values.count(params_option) != 0U)
    throw usage_error(detail::concat("give --", params_option, " or --", fit_option, ", not both"));
  const auto file = values[fit_option].as<std::string>();
  const auto fit = try_read_clv_fit(file).value();
  const auto name = command_name(fit.model);
  if (model_option && values.count("model") != 0U && values["model"].as<std::string>() != name) {
    const auto asked = values["model"].as<std::string>();
    const auto wanted = parse_clv_model(asked == "gg" ? "gamma_gamma" : asked);
    throw data_error(diagnostic{errc::model_mismatch, file, 0, 0, "model",
                                detail::concat("the fit is of the ", title(fit.model), " model, not the ",
                                               wanted ? title(*wanted) : std::string_view(asked))});
  }
  if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
    throw data_error(diagnostic{
        errc::model_mismatch, file, 0, 0, "model",
        detail::concat("a ", title(fit.model), " fit cannot be used here (", detail::join(allowed, ", "), ")")});
  return chosen_model{name, fit.params, fit};
}

// gg: frequency, monetary_value; bgbb: frequency, recency, periods; the others:
// frequency, recency, T (periods and T both land in `age`).
summary_columns read_summary(const std::string& file, const std::string& model) {
  summary_columns s{try_read_csv(file).value(), {}, {}, {}, {}, {}, std::nullopt};
  s.frequency = s.table.try_number_view("frequency").value();
  if (model == "gg") {
    s.monetary = s.table.try_number_view("monetary_value").value();
  } else {
    s.recency = s.table.try_number_view("recency").value();
    s.age = s.table.try_number_view(model == "bgbb" ? "periods" : "T").value();
  }
  if (s.table.find("weights")) s.weights = s.table.try_number_view("weights").value();
  // A customer listed twice would be counted, fitted and predicted twice.
  if (s.table.find("customer_id")) s.id = s.table.try_id_column("customer_id").value();
  return s;
}

// One row per customer of the summary, after a header row: customer_id first when the file
// has it, then `names` and row(out, i)'s fields.
template <class Row>
void write_customers(std::ostream& out, const summary_columns& data, std::initializer_list<std::string_view> names,
                     const Row& row) {
  {
    csv_output header(out);
    if (data.id) header.text("customer_id");
    for (const auto name : names) header.text(name);
    header.end_row();
  }
  write_rows(out, data.table.row_count(), [&](csv_output& line, std::size_t i) {
    if (data.id) line.text(data.table.text(i, *data.id));
    row(line, i);
  });
}

// --params or --spend-params: the model's parameters, positive numbers in its order, named
// in errors.
std::vector<double> parse_params(const std::string& text, const std::string& model, const char* option = "--params") {
  const auto list = parse_number_list(text);
  if (!list || !std::all_of(list->begin(), list->end(), [](double v) { return v > 0; }))
    throw usage_error(detail::concat(option, " must be positive numbers separated by commas"));
  const auto names = parameter_names(model_named(model));
  if (list->size() != names.size())
    throw usage_error(detail::concat(option, " for ", model, " needs ", std::to_string(names.size()), " values (",
                                     detail::join(names, ","), ")"));
  return *list;
}

// A date option YYYY-MM-DD, required.
std::chrono::sys_days date_option(const po::variables_map& values, const char* name) {
  if (values.count(name) == 0U) throw usage_error(detail::concat("--", name, " YYYY-MM-DD is needed"));
  const auto day = parse_date(values[name].as<std::string>());
  if (!day) throw usage_error(detail::concat("--", name, " must be a date YYYY-MM-DD"));
  return *day;
}

int fit(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence clv fit DATA.csv --model bgnbd|pnbd|mbgnbd|ggomnbd|bgbb|gg [--json]\n"
      "                 [--transaction-covariates A,B] [--lifetime-covariates C,D]\n\n"
      "Maximum-likelihood fit of a repeat-purchase model (columns frequency, recency, T;\n"
      "for bgbb frequency, recency, periods; optional weights) or of the Gamma-Gamma spend\n"
      "model (frequency, monetary_value; the customers with repeat purchases) (docs/clv.md).\n\noptions");
  options.add_options()("model", po::value<std::string>(), models)("json", "print JSON")(
      "transaction-covariates", po::value<std::string>(),
      "columns of DATA.csv that scale the purchase rate (bgnbd, pnbd, ggomnbd), separated by commas")(
      "lifetime-covariates", po::value<std::string>(), "columns that scale the attrition, likewise");
  const auto parsed = parse_file_command(args, options, "clv fit", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto model = model_of(values);
  const auto data = read_summary(values["file"].as<std::string>(), model);
  const auto progress = data.frequency.size() > 100'000 ? terminal_progress("evaluations") : model_control{};
  const auto which = model_named(model);
  if (values.count("transaction-covariates") != 0U || values.count("lifetime-covariates") != 0U) {
    // Covariates are columns of the same file, named in the two lists.
    clv_covariates covariates;
    auto columns = [&](const char* option, std::vector<clv_covariate>& into) {
      if (values.count(option) == 0U) return;
      for (const auto name : split_list(values[option].as<std::string>())) {
        if (name.empty()) throw usage_error(detail::concat("--", option, " lists an empty column name"));
        into.push_back({std::string(name), data.table.try_number_view(name).value()});
      }
    };
    columns("transaction-covariates", covariates.transaction);
    columns("lifetime-covariates", covariates.lifetime);
    const auto f =
        try_fit_clv_covariates(which, {data.frequency, data.recency, data.age, data.weights}, covariates, {}, progress);
    if (!f) {
      if (f.error().path.head() == "model") throw usage_error(f.error().to_string());
      if (f.error().element()) throw_at_cell(data.table, f.error());
      auto bad = f.error();
      bad.file = values["file"].as<std::string>();
      throw data_error(bad);
    }
    streams.out << (values.count("json") != 0U ? to_json(*f) : to_text(*f));
    return exit_ok;
  }
  const auto r =
      try_fit_clv(which, {data.frequency, data.recency, data.age, data.monetary, data.weights}, {}, progress);
  if (!r) {
    // The models name their columns as the library does; the file names them so.
    const auto head = r.error().path.head();
    throw_at_cell(data.table, r.error(),
                  head == "mean_value" ? std::optional<std::string_view>("monetary_value")
                  : head == "periods"  ? std::optional<std::string_view>("periods")
                  : head == "T"        ? std::optional<std::string_view>("T")
                                       : std::nullopt);
  }
  // The library's fit document (excellence.clv_fit/1) is what --fit reads back.
  streams.out << (values.count("json") != 0U ? to_json(*r) : to_text(*r));
  return exit_ok;
}

// --horizon in the data's unit: as given, or (--horizon-unit) a calendar horizon ("6
// months") converted, the conversion stated on stderr.
double prediction_horizon(const po::variables_map& values, const std::string& model, io streams) {
  if (values.count("horizon") == 0U) throw usage_error("--horizon is needed for every model but gg");
  double horizon = values["horizon"].as<finite_number>().value;
  if (!(horizon > 0)) throw usage_error("--horizon must be > 0");
  if (values.count("horizon-unit") != 0U) {
    if (model == "bgbb") throw usage_error("--horizon-unit: the BG/BB counts opportunities, not calendar time");
    if (values.count("unit") == 0U) throw usage_error("--horizon-unit needs --unit, the data's time unit");
    std::optional<std::chrono::sys_days> from;
    if (values.count("from") != 0U) from = date_option(values, "from");
    const auto h = try_clv_horizon(horizon, enum_option(values, "horizon-unit", clv_time_unit_names),
                                   enum_option(values, "unit", clv_time_unit_names), from);
    if (!h) throw usage_error(detail::concat("--horizon: ", h.error().message));
    streams.err << "horizon: " << h->statement << "\n";
    horizon = h->length;
  }
  if (model == "bgbb" && horizon != std::floor(horizon)) throw usage_error("--horizon for bgbb is a number of periods");
  return horizon;
}

// clv predict --fit with a fit with covariates: each customer at his own parameters, the
// covariates read from the data's columns of the same names.
int predict_with_covariates(const po::variables_map& values, const clv_covariate_fit& fit, io streams) {
  for (const char* option : {"model", "params", "confidence", "bootstrap", "rate"})
    if (values.count(option) != 0U)
      throw usage_error(detail::concat("--", option, " cannot be used with a fit with covariates (",
                                       values["fit"].as<std::string>(), ")"));
  const auto model = command_name(fit.fit.model);
  const double horizon = prediction_horizon(values, model, streams);
  const auto data = read_summary(values["file"].as<std::string>(), model);
  clv_covariates covariates;
  for (const auto& name : fit.transaction_covariates())
    covariates.transaction.push_back({name, data.table.try_number_view(name).value()});
  for (const auto& name : fit.lifetime_covariates())
    covariates.lifetime.push_back({name, data.table.try_number_view(name).value()});
  const auto r = try_clv_covariate_predict(fit, {data.frequency, data.recency, data.age, {}}, covariates, horizon);
  if (!r) throw_at_cell(data.table, r.error());
  write_customers(streams.out, data, {"p_alive", "expected_transactions"}, [&](csv_output& out, std::size_t i) {
    out.number(r->p_alive[i]).number(r->expected_transactions[i]);
  });
  return exit_ok;
}

int predict(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence clv predict DATA.csv --model bgnbd|pnbd|mbgnbd|ggomnbd|bgbb|gg --params P1,P2,... [--horizon T]\n"
      "excellence clv predict DATA.csv --fit FIT.json [--horizon T] [--confidence C]\n"
      "  [--horizon-unit days|weeks|months --unit days|weeks|months [--from YYYY-MM-DD]]\n\n"
      "Per-customer predictions as CSV: for bgnbd, pnbd, mbgnbd, ggomnbd and bgbb p_alive and\n"
      "expected_transactions in the next T (the data's time unit); for gg\n"
      "expected_average_spend (docs/clv.md). --fit reads the model and its parameters from\n"
      "what `clv fit --json` wrote (a fit with covariates reads them from DATA.csv's\n"
      "columns of the same names); with --confidence, intervals from the fit's covariance\n"
      "(delta method, or --bootstrap N refits) as four more columns, and the totals with\n"
      "theirs on stderr. For pnbd, --rate R adds the discounted expected transactions in the\n"
      "horizon (dect) and over the customer's whole future (dert).\n\noptions");
  options.add_options()("model", po::value<std::string>(), models)(
      "params", po::value<std::string>(), "the model's parameters in its order, e.g. r,alpha,a,b")(
      "fit", po::value<std::string>(), "a fit document written by clv fit --json, instead of --model and --params")(
      "horizon", po::value<finite_number>(), "the prediction horizon, in the data's time unit (periods for bgbb)")(
      "horizon-unit", po::value<std::string>(),
      "the --horizon's unit when it is not the data's: days, weeks or months (needs --unit)")(
      "unit", po::value<std::string>(), "the data's time unit (days, weeks, months), for --horizon-unit")(
      "from", po::value<std::string>(),
      "with --horizon-unit: the date the horizon starts (the calibration end), for calendar months")(
      "confidence", po::value<finite_number>(), "with --fit: intervals at this confidence, e.g. 0.95")(
      "bootstrap", po::value<count>(), "with --confidence: intervals from this many refits on resampled customers")(
      "seed", po::value<count>()->default_value(count{1}, "1"), "the bootstrap's seed")(
      "rate", po::value<finite_number>(),
      "pnbd: add the columns dect (discounted transactions in the horizon) and dert (all future ones), "
      "discounted continuously at this rate per time unit, e.g. 0.00269 for 15 % a year on weeks");
  const auto parsed = parse_file_command(args, options, "clv predict", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  if (values.count("fit") != 0U) {
    // A fit with covariates has its own document; any other --fit is read as a plain fit.
    auto covariate = try_read_clv_covariate_fit(values["fit"].as<std::string>());
    if (covariate) return predict_with_covariates(values, *covariate, streams);
    if (covariate.error().code != errc::unknown_format) throw data_error(covariate.error());
  }
  const auto fit = model_of_fit(values, "fit", "params", {"bgnbd", "pnbd", "mbgnbd", "ggomnbd", "bgbb", "gg"});
  const auto model = fit ? fit->model : model_of(values);
  const auto p = fit ? fit->params : parse_params(values["params"].as<std::string>(), model);
  const auto data = read_summary(values["file"].as<std::string>(), model);
  // Everything is computed (and every error found) before the first byte is written.
  if (model == "gg") {
    const auto spend = try_gamma_gamma_predict({p[0], p[1], p[2]}, data.frequency, data.monetary);
    if (!spend) {
      if (spend.error().path.head() == "params") throw usage_error(spend.error().to_string());
      throw_at_cell(
          data.table, spend.error(),
          spend.error().path.head() == "mean_value" ? std::optional<std::string_view>("monetary_value") : std::nullopt);
    }
    write_customers(streams.out, data, {"expected_average_spend"},
                    [&](csv_output& out, std::size_t i) { out.number((*spend)[i]); });
  } else {
    const double horizon = prediction_horizon(values, model, streams);
    if (values.count("rate") != 0U && model != "pnbd")
      throw usage_error("--rate needs the Pareto/NBD (its DERT has a closed form; the others' do not)");
    if (values.count("rate") != 0U && values.count("confidence") != 0U)
      throw usage_error("give --rate or --confidence, not both");
    if (values.count("confidence") != 0U) {
      if (!fit) throw usage_error("--confidence needs --fit: the intervals come from the fit's covariance");
      const double confidence = values["confidence"].as<finite_number>().value;
      if (!(confidence > 0 && confidence < 1)) throw usage_error("--confidence must lie in (0, 1)");
      const clv_columns columns{data.frequency, data.recency, data.age, {}, data.weights};
      const auto resamples = values.count("bootstrap") != 0U ? values["bootstrap"].as<count>().value : 0U;
      const auto v = [&]() -> result<clv_prediction_intervals> {
        if (resamples == 0U) return try_clv_predict_intervals(fit->fit, columns, horizon, confidence);
        clv_bootstrap_options o;
        o.resamples = static_cast<std::size_t>(resamples);
        o.seed = values["seed"].as<count>().value;
        o.confidence = confidence;
        const auto b = try_clv_bootstrap(fit->fit, columns, horizon, o, terminal_progress("refits"));
        if (!b) return b.error();
        streams.err << "bootstrap: " << b->resamples << " refits, " << b->failed << " failed\n";
        return b->predictions();
      }();
      if (!v) {
        if (v.error().element()) throw_at_cell(data.table, v.error());
        throw data_error(v.error());
      }
      write_customers(
          streams.out, data,
          {"p_alive", "expected_transactions", "p_alive_lower", "p_alive_upper", "expected_lower", "expected_upper"},
          [&](csv_output& out, std::size_t i) {
            const auto& a = v->p_alive[i];
            const auto& e = v->expected_transactions[i];
            out.number(a.estimate).number(e.estimate).number(a.lower).number(a.upper).number(e.lower).number(e.upper);
          });
      const auto percent = detail::fixed(100 * confidence, 0);
      for (const auto& [what, t] :
           {std::pair{"customers alive", v->customers_alive}, std::pair{"expected transactions", v->expected_total}})
        streams.err << what << ": " << detail::fixed(t.estimate, 2) << " (" << percent << " % interval "
                    << detail::fixed(t.lower, 2) << " to " << detail::fixed(t.upper, 2) << ")\n";
      return exit_ok;
    }
    // The batch predictions of the library, on all cores, at the fit's parameters or at
    // those typed in.
    clv_fit typed;
    if (!fit) {
      typed.model = model_named(model);
      for (const auto name : parameter_names(typed.model)) typed.names.emplace_back(name);
      typed.params = p;
    }
    const auto r = try_clv_predict(fit ? fit->fit : typed, {data.frequency, data.recency, data.age, {}, {}}, horizon);
    if (!r) {
      const auto& bad = r.error();
      if (bad.path.head() == "params") throw usage_error(bad.to_string());
      throw_at_cell(data.table, bad,
                    bad.path.head() == "periods" || bad.path.head() == "T"
                        ? std::optional<std::string_view>(model == "bgbb" ? "periods" : "T")
                        : std::nullopt);
    }
    if (values.count("rate") != 0U) {
      const double rate = values["rate"].as<finite_number>().value;
      const pnbd_params q{p[0], p[1], p[2], p[3]};
      const clv_customers c{data.frequency, data.recency, data.age, {}};
      const auto dect = try_pnbd_discounted_transactions(q, c, rate, horizon);
      const auto dert = dect ? try_pnbd_discounted_transactions(q, c, rate) : dect;
      if (!dert) {
        if (dert.error().element()) throw_at_cell(data.table, dert.error());
        throw usage_error(dert.error().to_string());
      }
      write_customers(
          streams.out, data, {"p_alive", "expected_transactions", "dect", "dert"}, [&](csv_output& out, std::size_t i) {
            out.number(r->p_alive[i]).number(r->expected_transactions[i]).number((*dect)[i]).number((*dert)[i]);
          });
      return exit_ok;
    }
    write_customers(streams.out, data, {"p_alive", "expected_transactions"}, [&](csv_output& out, std::size_t i) {
      out.number(r->p_alive[i]).number(r->expected_transactions[i]);
    });
  }
  return exit_ok;
}

int residual_value(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence clv value DATA.csv --model bgnbd|pnbd|mbgnbd --params P1,P2,P3,P4 | --fit FIT.json\n"
      "                   --spend-params p,q,gamma | --spend-fit FIT.json\n"
      "                   --discount D --period-length L --periods K\n\n"
      "Discounted residual lifetime value per customer as CSV: the transactions the model\n"
      "expects in each of K periods of length L (in the data's time unit), times the\n"
      "Gamma-Gamma expected spend, discounted at D per period. Columns frequency, recency,\n"
      "T, monetary_value (docs/clv.md).\n\noptions");
  options.add_options()("model", po::value<std::string>(), "bgnbd, pnbd or mbgnbd")(
      "params", po::value<std::string>(), "the transaction model's parameters")(
      "fit", po::value<std::string>(), "the transaction model's fit, as clv fit --json wrote it")(
      "spend-params", po::value<std::string>(), "the Gamma-Gamma parameters p,q,gamma")(
      "spend-fit", po::value<std::string>(), "the Gamma-Gamma fit, as clv fit --model gg --json wrote it")(
      "discount", po::value<finite_number>(), "discount rate per period")(
      "period-length", po::value<finite_number>(), "length of one discounting period, in the data's time unit")(
      "periods", po::value<std::int32_t>(), "number of periods");
  const auto parsed = parse_file_command(args, options, "clv value", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  for (const char* required : {"discount", "period-length", "periods"})
    if (values.count(required) == 0U) throw usage_error(detail::concat("clv value needs --", required));
  const auto fit = model_of_fit(values, "fit", "params", {"bgnbd", "pnbd", "mbgnbd"});
  const auto model = fit ? fit->model : values["model"].as<std::string>();
  if (model != "bgnbd" && model != "pnbd" && model != "mbgnbd")
    throw usage_error("--model must be bgnbd, pnbd or mbgnbd");
  const auto p = fit ? fit->params : parse_params(values["params"].as<std::string>(), model);
  const auto spend_fit = model_of_fit(values, "spend-fit", "spend-params", {"gg"}, false);
  const auto g =
      spend_fit ? spend_fit->params : parse_params(values["spend-params"].as<std::string>(), "gg", "--spend-params");
  auto data = read_summary(values["file"].as<std::string>(), model);
  data.monetary = data.table.try_number_view("monetary_value").value();
  // Every customer's expected spend (the batch prediction, which names a bad row's cell).
  const auto predicted = try_gamma_gamma_predict({g[0], g[1], g[2]}, data.frequency, data.monetary);
  if (!predicted) {
    if (predicted.error().path.head() == "params") throw usage_error(predicted.error().to_string());
    throw_at_cell(data.table, predicted.error(),
                  predicted.error().path.head() == "mean_value" ? std::optional<std::string_view>("monetary_value")
                                                                : std::nullopt);
  }
  const auto& spend = *predicted;
  const auto kind = model == "bgnbd"  ? transaction_model::bgnbd
                    : model == "pnbd" ? transaction_model::pnbd
                                      : transaction_model::mbgnbd;
  const clv_customers c{data.frequency, data.recency, data.age, data.weights};
  const auto v =
      try_residual_value(kind, p, c, spend,
                         {values["discount"].as<finite_number>().value,
                          values["period-length"].as<finite_number>().value, values["periods"].as<std::int32_t>()});
  if (!v) {
    const auto& d = v.error();
    if (d.element() && d.path.head() != "params") throw_at_cell(data.table, d);
    throw usage_error(d.to_string());
  }
  write_customers(streams.out, data, {"expected_average_spend", "residual_value"},
                  [&](csv_output& out, std::size_t i) { out.number(spend[i]).number((*v)[i]); });
  return exit_ok;
}

// The transaction records of a file, by the columns --customer, --date and --amount name.
struct transaction_file {
  csv_table table;
  std::vector<transaction_record> records{};

  explicit transaction_file(const po::variables_map& values)
      : table(try_read_csv(values["file"].as<std::string>()).value()) {
    const auto customer = table.try_column(values["customer"].as<std::string>()).value();
    const auto date = table.try_column(values["date"].as<std::string>()).value();
    const auto amounts = table.try_numbers(values["amount"].as<std::string>()).value();
    records.reserve(table.row_count());
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      const auto day = parse_date(table.text(r, date));
      if (!day)
        throw data_error(table.cell_error(errc::invalid_value, r, date,
                                          detail::concat("\"", table.text(r, date), "\" is not a date YYYY-MM-DD")));
      records.push_back({table.text(r, customer), *day, amounts[r]});
    }
  }
};

// The options every command over a transaction file takes.
void transaction_options(po::options_description& options) {
  options.add_options()("unit", po::value<std::string>()->default_value("weeks"), "days, weeks or months")(
      "customer", po::value<std::string>()->default_value("customer_id"), "the customer column")(
      "date", po::value<std::string>()->default_value("date"), "the date column (YYYY-MM-DD)")(
      "amount", po::value<std::string>()->default_value("amount"), "the amount column");
}

int validate(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence clv validate TRANSACTIONS.csv --end YYYY-MM-DD --holdout-end YYYY-MM-DD [options]\n\n"
      "Fits the models to the calibration period (to --end) and sets their expectations beside\n"
      "the holdout (to --holdout-end): per-customer errors, the tracking table of repeat\n"
      "transactions per period, the calibration histogram and the holdout by calibration\n"
      "frequency (docs/clv.md).\n\noptions");
  options.add_options()("end", po::value<std::string>(), "the last day of the calibration period (required)")(
      "holdout-end", po::value<std::string>(), "the last day of the holdout period (required)")(
      "model", po::value<std::string>()->default_value("bgnbd,pnbd"),
      "models to compare: bgnbd, pnbd, mbgnbd, ggomnbd")(
      "largest-count", po::value<count>(), "the histogram's last bin: N or more repeat transactions (default 7)")(
      "customers", po::value<std::string>(), "write each customer's holdout and expectations to this CSV file")(
      "json", "print JSON")("report", po::value<std::string>(),
                            "also write the validation report (HTML with SVG charts) to this file")(
      "lang", po::value<std::string>()->default_value("en"), "the report's language: zh or en");
  transaction_options(options);
  const auto parsed = parse_file_command(args, options, "clv validate", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto end = date_option(values, "end");
  const auto holdout_end = date_option(values, "holdout-end");
  const auto unit = enum_option(values, "unit", clv_time_unit_names);
  holdout_options how;
  how.models.clear();
  for (const auto name : split_list(values["model"].as<std::string>())) {
    const auto m = parse_clv_model(name);
    if (!m || *m == clv_model::bgbb || *m == clv_model::gamma_gamma)
      throw usage_error("--model must list bgnbd, pnbd, mbgnbd or ggomnbd, separated by commas");
    how.models.push_back(*m);
  }
  if (values.count("largest-count") != 0U) {
    how.largest_count = static_cast<std::size_t>(values["largest-count"].as<count>().value);
    if (how.largest_count < 1 || how.largest_count > 100) throw usage_error("--largest-count must be 1 to 100");
  }
  const transaction_file file(values);
  const auto data = try_split_transactions(file.records, end, holdout_end, unit);
  if (!data) {
    if (data.error().path.head() == "holdout_end") throw usage_error("--holdout-end must be after --end");
    throw_at_cell(file.table, data.error());
  }
  const auto progress = terminal_progress("evaluations");
  const auto v = try_validate_holdout(*data, how, progress).value();
  if (values.count("customers") != 0U) {
    std::ostringstream csv;
    {
      csv_output header(csv);
      header.text("customer_id")
          .text("frequency")
          .text("recency")
          .text("T")
          .text("holdout_frequency")
          .text("holdout_value");
      for (const auto& m : v.models) header.text(detail::concat("expected_", to_string(m.fit.model)));
      header.end_row();
    }
    const auto& c = data->calibration;
    write_rows(csv, c.customers.size(), [&](csv_output& line, std::size_t i) {
      line.text(c.customers[i]).number(c.frequency[i]).number(c.recency[i]).number(c.age[i]);
      line.number(data->holdout_frequency[i]).number(data->holdout_value[i]);
      for (const auto& m : v.models) line.number(m.expected[i]);
    });
    write_file(values["customers"].as<std::string>(), csv.str());
  }
  const auto lang = parse_language(values["lang"].as<std::string>());
  if (!lang) throw usage_error("--lang must be zh or en");
  if (values.count("report") != 0U) write_file(values["report"].as<std::string>(), to_html(v, *lang));
  streams.out << (values.count("json") != 0U ? to_json(v) : to_text(v));
  return exit_ok;
}

int summarize(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence clv summarize TRANSACTIONS.csv --end YYYY-MM-DD [options]\n\n"
      "Per-customer summary (customer_id, frequency, recency, T, monetary_value) as CSV from\n"
      "transaction records: same-day records merged, records after --end not used; the\n"
      "counts go to stderr (docs/clv.md).\n\noptions");
  options.add_options()("end", po::value<std::string>(), "the last day of the calibration period (required)");
  transaction_options(options);
  const auto parsed = parse_file_command(args, options, "clv summarize", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto end = date_option(values, "end");
  const auto unit_name = values["unit"].as<std::string>();
  const auto unit = enum_option(values, "unit", clv_time_unit_names);
  const transaction_file file(values);
  const auto s = try_summarize_transactions(file.records, end, unit);
  if (!s) throw_at_cell(file.table, s.error());
  {
    csv_output header(streams.out);
    header.text("customer_id").text("frequency").text("recency").text("T").text("monetary_value").end_row();
  }
  write_rows(streams.out, s->customers.size(), [&](csv_output& out, std::size_t i) {
    out.text(s->customers[i])
        .number(s->frequency[i])
        .number(s->recency[i])
        .number(s->age[i])
        .number(s->monetary_value[i]);
  });
  streams.err << s->records << " records, " << s->customers.size() << " customers (" << unit_name << "): " << s->merged
              << " same-day records merged, " << s->after_end << " after " << values["end"].as<std::string>()
              << " not used, " << s->customers_after_end << " customers first seen after it left out\n";
  return exit_ok;
}

}  // namespace

int clv(const std::vector<std::string>& args, io streams) {
  if (args.empty() || args.front() == "--help" || args.front() == "-h") {
    (args.empty() ? streams.err : streams.out)
        << "usage: excellence clv fit|predict|value|summarize|validate ...\n\n"
           "  fit        maximum-likelihood fit of bgnbd, pnbd, mbgnbd, bgbb or gg to a summary\n"
           "  predict    per-customer P(alive), expected transactions or expected spend\n"
           "  value      per-customer discounted residual lifetime value\n"
           "  summarize  customer summary from transaction records\n"
           "  validate   calibration fits against a holdout: errors, tracking, histogram\n\n"
           "'excellence clv SUBCOMMAND --help' describes one (docs/clv.md).\n";
    if (args.empty()) throw usage_error("clv needs fit, predict, value, summarize or validate");
    return exit_ok;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args.front() == "fit") return fit(rest, streams);
  if (args.front() == "predict") return predict(rest, streams);
  if (args.front() == "summarize") return summarize(rest, streams);
  if (args.front() == "value") return residual_value(rest, streams);
  if (args.front() == "validate") return validate(rest, streams);
  throw usage_error(
      detail::concat("unknown clv subcommand '", args.front(), "' (fit, predict, value, summarize or validate)"));
}

}  // namespace excellence::cli
