// PLS path modeling against tests/data/reference/pls/satisfaction_reference.json: the ECSI
// model of R plspm's `satisfaction` data (250 customers of a Spanish credit institution),
// cross-checked between R plspm 0.5.1, R semPLS and an independent implementation to better
// than 1e-10 (and against ADANCO 2.1.1 for the factorial weights).
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/moments.hpp>
#include <excellence/models/pls/templates.hpp>

#include "test_support.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <atomic>
#include <cmath>
#include <string>

using namespace excellence;

namespace {

const auto pls_dir = test::data_dir / "pls";

pls_model satisfaction_model() {
  return read_pls_model(pls_dir / "satisfaction_model.json");
}

pls_data satisfaction_data(const pls_model& model) {
  return try_pls_data(try_read_csv(pls_dir / "satisfaction.csv").value(), model).value();
}

const nlohmann::json& pls_reference() {
  static const auto r = test::read_json(test::data_dir / "reference" / "pls" / "satisfaction_reference.json");
  return r;
}

pls_scheme scheme_named(const std::string& name) {
  return name == "centroid" ? pls_scheme::centroid : name == "factorial" ? pls_scheme::factorial : pls_scheme::path;
}

// Every published number of one run, to `tolerance` (absolute).
void check_against(const pls_fit& fit, const nlohmann::json& ref, double tolerance) {
  for (const auto& entry : ref.at("weights").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("weight " << name);
    CHECK(std::abs(fit.weight(name).value() - value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("loadings").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("loading " << name);
    CHECK(std::abs(fit.loading(name).value() - value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("communality").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("communality " << name);
    CHECK(std::abs(fit.communality(static_cast<Eigen::Index>(fit.indicator_index(name).value())) -
                   value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("redundancy").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("redundancy " << name);
    CHECK(std::abs(fit.redundancy(static_cast<Eigen::Index>(fit.indicator_index(name).value())) - value.get<double>()) <
          tolerance);
  }
  for (const auto& entry : ref.at("paths").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("path " << name);
    const auto arrow = name.find(" -> ");
    CHECK(std::abs(fit.path(name.substr(0, arrow), name.substr(arrow + 4)).value() - value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("total_effects").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("total effect " << name);
    const auto arrow = name.find(" -> ");
    CHECK(std::abs(fit.total_effect(name.substr(0, arrow), name.substr(arrow + 4)).value() - value.get<double>()) <
          tolerance);
  }
  for (const auto& entry : ref.at("R2").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("R2 " << name);
    CHECK(std::abs(fit.r_squared(name).value() - value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("block_communality").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("block communality " << name);
    CHECK(std::abs(fit.blocks[fit.latent_index(name).value()].block_communality - value.get<double>()) < tolerance);
  }
  for (const auto& entry : ref.at("mean_redundancy").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("mean redundancy " << name);
    CHECK(std::abs(fit.blocks[fit.latent_index(name).value()].mean_redundancy - value.get<double>()) < tolerance);
  }
  CHECK(std::abs(fit.gof - ref.at("gof").get<double>()) < tolerance);
  const auto& scores = ref.at("scores_first5");
  for (std::size_t r = 0; r < scores.size(); ++r)
    for (std::size_t j = 0; j < scores[r].size(); ++j) {
      INFO("score row " << r << ", latent variable " << j);
      CHECK(std::abs(fit.scores(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) -
                     scores[r][j].get<double>()) < tolerance);
    }
  if (ref.contains("AVE"))
    for (const auto& entry : ref.at("AVE").items()) {
      const std::string name = entry.key();
      const auto& value = entry.value();
      const auto& q = fit.blocks[fit.latent_index(name).value()];
      INFO("block " << name);
      CHECK(std::abs(q.ave - value.get<double>()) < tolerance);
      CHECK(std::abs(q.cronbach_alpha - ref.at("cronbach_alpha").at(name).get<double>()) < tolerance);
      CHECK(std::abs(q.dg_rho - ref.at("dg_rho").at(name).get<double>()) < tolerance);
      CHECK(std::abs(q.eig_1st - ref.at("eig_1st").at(name).get<double>()) < tolerance);
      CHECK(std::abs(q.eig_2nd - ref.at("eig_2nd").at(name).get<double>()) < tolerance);
    }
}

}  // namespace

TEST_CASE("PLS: the exact fixed point reproduces the reference for all three schemes to 1e-9") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  for (const char* name : {"centroid", "factorial", "path"}) {
    INFO("scheme " << name);
    const auto fit = estimate_pls(model, data, {.scheme = scheme_named(name)});
    const auto& ref = pls_reference().at("schemes").at(name).at("converged");
    CHECK(fit.converged);
    CHECK(fit.n == 250);
    check_against(fit, ref, 1e-9);
  }
}

TEST_CASE("PLS: R plspm's stop rule reproduces plspm's printed estimates to 1e-9") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  for (const char* name : {"centroid", "factorial", "path"}) {
    INFO("scheme " << name);
    const auto fit = estimate_pls(model, data, {.scheme = scheme_named(name), .stop = pls_stop::plspm});
    const auto& ref = pls_reference().at("schemes").at(name).at("plspm_default_stop");
    CHECK(fit.iterations == ref.at("iterations").get<int>());
    check_against(fit, ref, 1e-9);
  }
}

TEST_CASE("PLS: every block in mode B reproduces the reference to 1e-9") {
  auto model = satisfaction_model();
  model.modes.assign(model.modes.size(), pls_mode::b);
  const auto data = satisfaction_data(model);
  for (const char* name : {"centroid", "factorial", "path"}) {
    INFO("scheme " << name);
    const auto fit = estimate_pls(model, data, {.scheme = scheme_named(name)});
    const auto& ref = pls_reference().at("modeB_all_blocks").at(name);
    CHECK(fit.converged);
    CHECK(fit.iterations == ref.at("iterations").get<int>());
    check_against(fit, ref, 1e-9);
  }
}

TEST_CASE("PLS: iteration counts of the exact fixed point") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  for (const char* name : {"centroid", "factorial", "path"}) {
    INFO("scheme " << name);
    const auto fit = estimate_pls(model, data, {.scheme = scheme_named(name)});
    CHECK(fit.iterations == pls_reference().at("schemes").at(name).at("converged").at("iterations").get<int>());
  }
}

TEST_CASE("PLS: block quality and discriminant validity follow from loadings and correlations") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  const auto fit = estimate_pls(model, data);
  // Composite reliability from the PLS loadings, by the formula.
  for (std::size_t j = 0; j < fit.latent_variables.size(); ++j) {
    double sum = 0, error = 0;
    for (std::size_t k = 0; k < fit.indicators.size(); ++k)
      if (fit.block_of[k] == j) {
        const double l = fit.loadings(static_cast<Eigen::Index>(k));
        sum += l;
        error += 1 - l * l;
      }
    CHECK(fit.blocks[j].composite_reliability == doctest::Approx(sum * sum / (sum * sum + error)).epsilon(1e-12));
  }
  // Fornell-Larcker: sqrt(AVE) on the diagonal, score correlations elsewhere.
  const auto table = fornell_larcker(fit);
  CHECK(table(0, 0) == doctest::Approx(std::sqrt(fit.blocks[0].ave)).epsilon(1e-15));
  CHECK(table(4, 3) == doctest::Approx(fit.lv_correlations(4, 3)).epsilon(1e-15));
  // HTMT of IMAG and EXPE from the raw correlations, computed here independently.
  const auto& x = data.values;
  auto corr = [&](Eigen::Index a, Eigen::Index b) {
    const Eigen::VectorXd u = x.col(a).array() - x.col(a).mean();
    const Eigen::VectorXd v = x.col(b).array() - x.col(b).mean();
    return u.dot(v) / std::sqrt(u.squaredNorm() * v.squaredNorm());
  };
  double hetero = 0, mono_i = 0, mono_e = 0;
  for (Eigen::Index a = 0; a < 5; ++a)
    for (Eigen::Index b = 5; b < 10; ++b) hetero += corr(a, b) / 25;
  for (Eigen::Index a = 0; a < 5; ++a)
    for (Eigen::Index b = a + 1; b < 5; ++b) {
      mono_i += corr(a, b) / 10;
      mono_e += corr(a + 5, b + 5) / 10;
    }
  CHECK(*fit.htmt[0][1] == doctest::Approx(hetero / std::sqrt(mono_i * mono_e)).epsilon(1e-12));
  CHECK(*fit.htmt[1][0] == doctest::Approx(*fit.htmt[0][1]).epsilon(1e-15));
  CHECK_FALSE(fit.htmt[0][0].has_value());
  // Indirect = total - direct; IMAG reaches QUAL only through EXPE.
  CHECK(fit.indirect_effects(2, 0) ==
        doctest::Approx(fit.path("IMAG", "EXPE").value() * fit.path("EXPE", "QUAL").value()));
  CHECK(fit.indirect_effects(1, 0) == doctest::Approx(0.0));
}

TEST_CASE("PLS: centred (raw) indicators equal standardised ones when the data are z-scores") {
  const auto model = satisfaction_model();
  auto data = satisfaction_data(model);
  const auto standardized = estimate_pls(model, data);
  for (Eigen::Index c = 0; c < data.values.cols(); ++c) {
    auto col = data.values.col(c);
    const double mean = col.mean();
    const double sd = std::sqrt((col.array() - mean).square().mean());
    col = (col.array() - mean) / sd;
  }
  const auto raw = estimate_pls(model, data, {.standardized = false});
  CHECK((raw.weights - standardized.weights).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((raw.paths - standardized.paths).cwiseAbs().maxCoeff() < 1e-12);
  // On the original 1-10 data the raw weights differ, but scores keep unit variance.
  const auto original = estimate_pls(model, satisfaction_data(model), {.standardized = false});
  CHECK((original.weights - standardized.weights).cwiseAbs().maxCoeff() > 1e-3);
  for (Eigen::Index j = 0; j < original.scores.cols(); ++j)
    CHECK(original.scores.col(j).squaredNorm() / 250 == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("PLS: missing values are an error unless listwise deletion or mean imputation is asked for") {
  const auto model = satisfaction_model();
  const auto full = satisfaction_data(model);
  auto gaps = full;
  gaps.set_missing(3, 7);    // expe3 of row 3
  gaps.set_missing(10, 20);  // sat2 of row 10
  const auto missing = test::failure(try_estimate_pls(model, gaps));
  CHECK(missing.to_string() ==
        "rows[3].expe3: the value is missing (choose listwise deletion or mean imputation to proceed)");
  CHECK(missing.element() == 3U);  // structured: no caller parses the text
  CHECK(missing.path.leaf() == "expe3");
  // Listwise: the same as estimating without rows 3 and 10.
  const auto listwise = estimate_pls(model, gaps, {.missing = pls_missing::listwise});
  CHECK(listwise.rows_dropped == 2);
  CHECK(listwise.n == 248);
  pls_data kept{full.names, Eigen::MatrixXd(248, full.values.cols())};
  for (Eigen::Index r = 0, k = 0; r < 250; ++r)
    if (r != 3 && r != 10) kept.values.row(k++) = full.values.row(r);
  CHECK((listwise.weights - estimate_pls(model, kept).weights).cwiseAbs().maxCoeff() < 1e-12);
  // Mean imputation: the same as filling in the observed means by hand.
  const auto imputed = estimate_pls(model, gaps, {.missing = pls_missing::mean});
  CHECK(imputed.cells_imputed == 2);
  auto filled = gaps;
  filled.missing.clear();
  for (const auto& [r, c] : {std::pair<Eigen::Index, Eigen::Index>{3, 7}, {10, 20}}) {
    double sum = 0;
    for (Eigen::Index i = 0; i < 250; ++i)
      if (i != r) sum += full.values(i, c);
    filled.values(r, c) = sum / 249;
  }
  CHECK((imputed.weights - estimate_pls(model, filled).weights).cwiseAbs().maxCoeff() < 1e-12);
  // A NaN is never a missing value: unmasked, it is an error naming its cell.
  auto nan = full;
  nan.values(5, 20) = std::nan("");
  CHECK(test::failure(try_estimate_pls(model, nan, {.missing = pls_missing::mean})).to_string() ==
        "rows[5].sat2: the value is not a finite number (a missing value is marked in pls_data::missing)");
  auto short_mask = full;
  short_mask.missing.assign(10, 0);
  CHECK(test::failure(try_estimate_pls(model, short_mask)).path == "missing");
}

TEST_CASE("PLS data from CSV: empty cells are a mask; the file reader frees columns as it copies them") {
  const auto model = satisfaction_model();
  const auto table = try_read_csv(test::data_dir / "csv" / "pls-empty-cell.csv").value();
  const auto data = try_pls_data(table, model).value();
  REQUIRE(data.values.rows() == static_cast<Eigen::Index>(table.row_count()));
  const auto sat2 =
      static_cast<Eigen::Index>(std::find(data.names.begin(), data.names.end(), "sat2") - data.names.begin());
  CHECK(data.is_missing(4, sat2));  // line 6 of the file
  CHECK_FALSE(data.is_missing(3, sat2));
  CHECK(test::failure(try_pls_data(table, model, {.empty_cells_allowed = false})).to_string() ==
        table.source() + ":6:21: sat2: the cell is empty; a number is expected");
  const auto read = try_read_pls_data(test::data_dir / "csv" / "pls-empty-cell.csv", model).value();
  CHECK(read.names == data.names);
  CHECK(read.missing == data.missing);
  CHECK(read.values == data.values);
  CHECK(test::failure(try_read_pls_data(test::data_dir / "csv" / "missing-column.csv", model)).code ==
        errc::missing_field);
}

TEST_CASE("PLS: errors name what is wrong") {
  auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  auto renamed = model;
  renamed.blocks[0][0] = "image1";
  CHECK(test::failure(try_estimate_pls(renamed, data)).to_string() ==
        "data: the data has no column \"image1\" (an indicator of IMAG)");
  auto flat = data;
  flat.values.col(4).setConstant(7);
  CHECK(test::failure(try_estimate_pls(model, flat)).to_string() ==
        "data: indicator \"imag5\" does not vary: it cannot be standardised or weighted");
  auto cyclic = model;
  cyclic.path_matrix[0][5] = 1;  // LOY -> IMAG closes IMAG -> LOY
  CHECK(test::failure(try_estimate_pls(cyclic, data)).to_string() ==
        "path_matrix: the paths form a cycle through \"IMAG\": PLS path models must be recursive");
  auto twice = model;
  twice.blocks[1].push_back("imag2");
  CHECK(test::failure(try_estimate_pls(twice, data)).to_string() ==
        "blocks[1][5]: indicator \"imag2\" is in two blocks (or twice)");
  auto collinear = data;
  collinear.values.col(1) = 2 * collinear.values.col(0);
  model.modes[0] = pls_mode::b;
  CHECK(test::failure(try_estimate_pls(model, collinear)).code == errc::singular_matrix);
  // A run cut short is returned, flagged, never silently taken for converged.
  const auto short_run = estimate_pls(satisfaction_model(), data, {.max_iterations = 2});
  CHECK_FALSE(short_run.converged);
  CHECK(short_run.iterations == 2);
}

TEST_CASE("PLS model files: the project's own format with every optional field") {
  const auto m = read_pls_model(test::data_dir / "pls" / "two-blocks.json");
  CHECK(m.latent_variables == std::vector<std::string>{"QUAL", "SAT"});
  CHECK(m.modes[1] == pls_mode::b);
  CHECK(m.has_path(0, 1));
}

TEST_CASE("PLS model files: the format, and errors with file and JSON path") {
  const auto model = satisfaction_model();
  CHECK(model.latent_variables.size() == 6);
  CHECK(model.blocks[3] == std::vector<std::string>{"val1", "val2", "val3", "val4"});
  CHECK(model.has_path(0, 5));  // IMAG -> LOY
  auto failure = [](std::string_view text) { return test::failure(try_parse_pls_model(text, "m.json")).to_string(); };
  // Free text is welcome; research notes of reference files are not part of the format.
  CHECK(try_parse_pls_model(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}, "description": "d", "notes": "n"})")
            .has_value());
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}, "blocks_plspm_1based_column_indices": {}})")
            .starts_with("m.json: blocks_plspm_1based_column_indices: unknown field (expected one of: "));
  CHECK(failure(R"({"latent_variabls": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}})") ==
        "m.json: latent_variabls: unknown field (did you mean \"latent_variables\"?)");
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}, "modes": {"A": "C", "B": "A"}})") ==
        "m.json: modes.A: expected \"A\" or \"B\"");
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "C": ["b1"]}})") ==
        "m.json: blocks.C: \"C\" is not one of the latent_variables");
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}, "paths": [["B", "A"]]})") ==
        "m.json: paths[0]: B -> A is not in path_matrix");
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [2, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}})") == "m.json: path_matrix[1][0]: expected 0 or 1");
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [1, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}, "weights": {}})")
            .starts_with("m.json: weights: "));
  CHECK(failure(R"({"latent_variables": ["A", "B"], "path_matrix": [[0, 0], [0, 0]],
                    "blocks": {"A": ["a1"], "B": ["b1"]}})") ==
        "m.json: path_matrix: latent variable \"A\" has no path to or from another one");
}

TEST_CASE("PLS bootstrap: the same seed gives the same numbers on any number of threads") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  const auto one = try_bootstrap_pls(model, data, {}, {.resamples = 100, .seed = 42, .threads = 1}).value();
  const auto two = try_bootstrap_pls(model, data, {}, {.resamples = 100, .seed = 42, .threads = 2}).value();
  const auto other = try_bootstrap_pls(model, data, {}, {.resamples = 100, .seed = 43, .threads = 2}).value();
  CHECK(one.succeeded == 100);
  CHECK(one.failed == 0);
  REQUIRE(one.paths.size() == 10);
  REQUIRE(one.total_effects.size() == 15);  // every pair joined by a chain of paths
  for (std::size_t i = 0; i < one.paths.size(); ++i) {
    INFO(one.paths[i].name);
    CHECK(one.paths[i].se == two.paths[i].se);  // bit for bit
    CHECK(one.paths[i].lo == two.paths[i].lo);
    CHECK(one.paths[i].se != other.paths[i].se);
  }
  const auto fit = estimate_pls(model, data);
  const auto& sat = test::found(pls_bootstrap_result::find(one.paths, "VAL -> SAT"));
  CHECK(sat.estimate == fit.path("VAL", "SAT").value());
  CHECK(sat.t == doctest::Approx(sat.estimate / sat.se));
  CHECK((sat.lo < sat.estimate && sat.estimate < sat.hi));
  CHECK(test::found(pls_bootstrap_result::find(one.weights, "sat1")).estimate == fit.weight("sat1").value());
}

TEST_CASE("PLS bootstrap: the standard error of a correlation matches its large-sample value") {
  // Two single-indicator latent variables: the path is the Pearson correlation r, whose
  // standard error for bivariate normal data is (1 - r^2)/sqrt(n) to first order. 2000
  // rows with r near 0.5 and 2000 resamples: Monte-Carlo error of the bootstrap SE is about
  // 1/sqrt(2 x 2000) = 1.6 %, the first-order formula's error about 1 %; 8 % is a safe bound.
  boost::random::mt19937_64 engine(20261122);
  boost::random::normal_distribution<double> normal;
  const Eigen::Index n = 2000;
  pls_data data{{"x", "y"}, Eigen::MatrixXd(n, 2)};
  for (Eigen::Index i = 0; i < n; ++i) {
    const double x = normal(engine);
    data.values(i, 0) = x;
    data.values(i, 1) = 0.5 * x + std::sqrt(0.75) * normal(engine);
  }
  const pls_model model{{"X", "Y"}, {{0, 0}, {1, 0}}, {{"x"}, {"y"}}, {pls_mode::a, pls_mode::a}};
  const auto fit = estimate_pls(model, data);
  const double r = fit.path("X", "Y").value();
  const auto boot = try_bootstrap_pls(model, data, {}, {.resamples = 2000, .seed = 7}).value();
  const double expected = (1 - r * r) / std::sqrt(static_cast<double>(n));
  CHECK(boot.paths[0].se == doctest::Approx(expected).epsilon(0.08));
  CHECK(boot.paths[0].mean == doctest::Approx(r).epsilon(0.01));
}

TEST_CASE("PLS bootstrap: options are checked and cancellation is reported") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  CHECK(test::failure(try_bootstrap_pls(model, data, {}, {.resamples = 0})).code == errc::out_of_range);
  CHECK(test::failure(try_bootstrap_pls(model, data, {}, {.confidence = 1.0})).code == errc::out_of_range);
  // Memory grows with the resamples: a count beyond the limit is refused before any work.
  CHECK(test::failure(try_bootstrap_pls(model, data, {}, {.resamples = max_bootstrap_resamples + 1})).to_string() ==
        "resamples: at most 1000000 resamples (asked for 1000001)");
  std::atomic<bool> cancel{true};
  CHECK(test::failure(try_bootstrap_pls(model, data, {}, {.resamples = 50}, {.cancel = &cancel})).code ==
        errc::cancelled);
  std::size_t calls = 0, last = 0;
  const auto r = try_bootstrap_pls(model, data, {}, {.resamples = 128, .threads = 1},
                                   {.progress = [&](std::size_t done, std::size_t total) {
                                     ++calls;
                                     last = done;
                                     CHECK(total == 128);
                                   }});
  REQUIRE(r.has_value());
  CHECK(calls == 2);  // every 64 resamples
  CHECK(last == 128);
}

TEST_CASE("PLS templates: ECSI is the reference model; ACSI has its nine paths, CCSI its eleven") {
  const auto from_file = satisfaction_model();
  const auto ecsi = ecsi_model({from_file.blocks[0], from_file.blocks[1], from_file.blocks[2], from_file.blocks[3],
                                from_file.blocks[4], from_file.blocks[5]});
  CHECK(ecsi.path_matrix == from_file.path_matrix);
  CHECK(ecsi.latent_variables == from_file.latent_variables);
  const auto fit = estimate_pls(ecsi, satisfaction_data(ecsi));
  CHECK(std::abs(fit.path("VAL", "SAT").value() -
                 pls_reference().at("schemes").at("path").at("converged").at("paths").at("VAL -> SAT").get<double>()) <
        1e-9);
  const auto acsi = acsi_model({{"e1"}, {"q1"}, {"v1"}, {"s1", "s2", "s3"}, {"c1"}, {"l1", "l2"}});
  CHECK_FALSE(check_pls_model(acsi).has_value());
  int paths = 0;
  for (const auto& row : acsi.path_matrix)
    for (const int v : row) paths += v;
  CHECK(paths == 9);
  CHECK(acsi.has_path(*acsi.find("SAT"), *acsi.find("COMP")));
  CHECK(acsi.has_path(*acsi.find("COMP"), *acsi.find("LOY")));
  CHECK_FALSE(acsi.has_path(*acsi.find("EXPE"), *acsi.find("LOY")));
  // CCSI: 11 paths; the four causes reach SAT directly, and only SAT reaches LOY.
  const auto ccsi = ccsi_model({{"b1"}, {"e1"}, {"q1"}, {"v1"}, {"s1"}, {"l1"}});
  CHECK_FALSE(check_pls_model(ccsi).has_value());
  paths = 0;
  for (const auto& row : ccsi.path_matrix)
    for (const int v : row) paths += v;
  CHECK(paths == 11);
  for (const char* cause : {"IMAG", "EXPQ", "PERQ", "VAL"}) {
    CHECK(ccsi.has_path(*ccsi.find(cause), *ccsi.find("SAT")));
    CHECK_FALSE(ccsi.has_path(*ccsi.find(cause), *ccsi.find("LOY")));
  }
  CHECK(ccsi.has_path(*ccsi.find("SAT"), *ccsi.find("LOY")));
}

TEST_CASE("PLS index: normalised unstandardised weights put each score on 0-100") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  const auto fit = estimate_pls(model, data);
  // The answers run 0-10 (several respondents answer 0), so that is the scale stated.
  const auto r = try_pls_index(fit, 0.0, 10.0).value();
  // The weights of a block sum to 1; the SAT index by the ACSI formula, (sum w x - 0)/10 x 100.
  double sum = 0, mean = 0;
  for (std::size_t k = 0; k < fit.indicators.size(); ++k)
    if (fit.block_of[k] == 4) {
      const auto i = static_cast<Eigen::Index>(k);
      sum += r.normalised_weights(i);
      mean += r.normalised_weights(i) * data.values.col(i).mean();
    }
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(r.index(4) == doctest::Approx(mean / 10 * 100).epsilon(1e-12));
  // A respondent's index is his own weighted answers on the same scale...
  double first = 0;
  for (std::size_t k = 0; k < fit.indicators.size(); ++k)
    if (fit.block_of[k] == 4)
      first += r.normalised_weights(static_cast<Eigen::Index>(k)) * data.values(0, static_cast<Eigen::Index>(k));
  CHECK(r.scores(0, 4) == doctest::Approx(first / 10 * 100).epsilon(1e-12));
  // ...and the index of the mean is the mean of the respondents' indexes.
  CHECK(r.scores.col(4).mean() == doctest::Approx(r.index(4)).epsilon(1e-12));
  // A stated scale the answers exceed is an error, not an index below 0: respondent 26
  // answers 0 to qual1-qual3.
  CHECK(test::failure(try_pls_index(fit, 1.0, 10.0))
            .to_string()
            .starts_with("scale: respondent 26's answers to the block of \"QUAL\" lie outside the stated scale"));
  // A negative weight (imag1 with every block formative) makes the index an error.
  auto formative = model;
  formative.modes.assign(6, pls_mode::b);
  const auto b = estimate_pls(formative, data);
  CHECK(test::failure(try_pls_index(b, 0.0, 10.0))
            .to_string()
            .starts_with("weights.imag1: the outer weight of \"imag1\" is -0.0"));
}

TEST_CASE("PLS moments: blocks merged (Chan) give the whole data's moments and the same estimate") {
  const auto model = satisfaction_model();
  const auto data = satisfaction_data(model);
  const auto whole = try_pls_moments(data).value();
  CHECK(whole.n == 250);
  const auto rows_of = [&](Eigen::Index from, Eigen::Index to) {
    pls_data part;
    part.names = data.names;
    part.values = data.values.middleRows(from, to - from);
    return try_pls_moments(part).value();
  };
  const auto a = rows_of(0, 90), b = rows_of(90, 91), c = rows_of(91, 250), none = rows_of(250, 250);
  CHECK(none.n == 0);
  const auto merged = try_merge(try_merge(a, try_merge(none, b).value()).value(), c).value();
  CHECK(merged.n == 250);
  CHECK((merged.mean - whole.mean).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((merged.comoments - whole.comoments).cwiseAbs().maxCoeff() < 1e-9 * whole.comoments.cwiseAbs().maxCoeff());

  const auto rows = estimate_pls(model, data);
  const auto from_moments = try_estimate_pls(model, merged).value();
  CHECK(from_moments.n == 250);
  CHECK(from_moments.scores.size() == 0);  // scores need the rows
  CHECK((from_moments.weights - rows.weights).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((from_moments.paths - rows.paths).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((from_moments.loadings - rows.loadings).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(from_moments.gof == doctest::Approx(rows.gof).epsilon(1e-12));
  CHECK(from_moments.blocks[4].cronbach_alpha == doctest::Approx(rows.blocks[4].cronbach_alpha).epsilon(1e-12));
  const auto raw = try_estimate_pls(model, merged, {.standardized = false}).value();
  CHECK((raw.paths - estimate_pls(model, data, {.standardized = false}).paths).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("PLS moments: accurate where raw sums of squares cancel, and their errors") {
  // Values near 1e9 with unit spread: Σx² − n x̄² would lose every digit; the pairwise
  // update keeps the co-moments to rounding.
  pls_data big;
  big.names = {"u", "v"};
  big.values.resize(1000, 2);
  for (Eigen::Index r = 0; r < 1000; ++r) {
    big.values(r, 0) = 1e9 + static_cast<double>(r % 7);
    big.values(r, 1) = -1e9 + static_cast<double>((r * 3) % 11);
  }
  auto half = [&](Eigen::Index from) {
    pls_data part{big.names, big.values.middleRows(from, 500), {}};
    return try_pls_moments(part).value();
  };
  const auto merged = try_merge(half(0), half(500)).value();
  // The reference: the same co-moments of the small offsets alone, where nothing cancels.
  pls_data offsets{big.names, big.values, {}};
  offsets.values.col(0).array() -= 1e9;
  offsets.values.col(1).array() += 1e9;
  const auto exact = try_pls_moments(offsets).value();
  const double scale = std::sqrt(exact.comoments(0, 0) * exact.comoments(1, 1));
  CHECK((merged.comoments - exact.comoments).cwiseAbs().maxCoeff() < 1e-9 * scale);
  CHECK(merged.mean(0) == 1e9 + exact.mean(0));

  const auto model = satisfaction_model();
  auto data = satisfaction_data(model);
  data.set_missing(3, 7);
  CHECK(test::fails(try_pls_moments(data)) ==
        "rows[3].expe3: the value is missing (choose listwise deletion to proceed)");
  const auto listwise = try_pls_moments(data, pls_missing::listwise).value();
  CHECK(listwise.n == 249);
  CHECK(listwise.rows_dropped == 1);
  CHECK(try_estimate_pls(model, listwise).value().rows_dropped == 1);
  CHECK(test::failure(try_pls_moments(data, pls_missing::mean)).path == "missing");
  pls_moments other = listwise;
  other.names[0] = "renamed";
  CHECK(test::failure(try_merge(listwise, other)).path == "names");
}
