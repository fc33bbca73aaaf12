// Lifetime-value model speed (issue 5): BG/NBD, MBG/NBD and Gamma-Gamma fits on CDNOW, the
// BG/NBD fit on 1,000,000 synthetic customers drawn from the BG/NBD process with the CDNOW
// estimates (as the team's numpy generator does), and P(alive) and conditional
// expectations for those customers.
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/intervals.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/lifetime.hpp>

#include <benchmark/benchmark.h>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/geometric_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace excellence;

struct summary {
  std::vector<double> x, t, T, m;
  [[nodiscard]] clv_customers view() const { return {x, t, T, {}}; }
};

const summary& cdnow() {
  static const summary s = [] {
    const auto table = try_read_csv(std::filesystem::path(EXCELLENCE_TEST_DATA) / "clv" / "cdnow_summary.csv").value();
    return summary{table.try_numbers("frequency").value(), table.try_numbers("recency").value(),
                   table.try_numbers("T").value(), table.try_numbers("monetary_value").value()};
  }();
  return s;
}

// The BG/NBD generative process at the CDNOW estimates, T ~ U(27, 39) weeks.
summary synthetic(std::size_t n) {
  boost::random::mt19937_64 engine(43);
  boost::random::gamma_distribution<double> rate(0.243, 1 / 4.414);
  boost::random::beta_distribution<double> drop(0.793, 2.426);
  boost::random::uniform_real_distribution<double> age(27, 39);
  summary s;
  for (std::size_t i = 0; i < n; ++i) {
    const double lambda = rate(engine);
    const double p = std::clamp(drop(engine), 1e-12, 1.0);
    const double T = age(engine);
    const auto J = boost::random::geometric_distribution<long long>(p)(engine) + 1;  // purchases until drop-out
    const auto N = lambda * T > 0 ? boost::random::poisson_distribution<long long>(lambda * T)(engine) : 0;
    const auto x = std::min(N, J);
    double t = 0;
    if (x > 0)
      t = T * boost::random::beta_distribution<double>(static_cast<double>(x), static_cast<double>(N - x + 1))(engine);
    s.x.push_back(static_cast<double>(x));
    s.t.push_back(t);
    s.T.push_back(T);
  }
  return s;
}

const summary& million() {
  static const summary s = synthetic(1'000'000);
  return s;
}

void fit_bgnbd_cdnow(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_bgnbd(cdnow().view()));
}
BENCHMARK(fit_bgnbd_cdnow)->Unit(benchmark::kMillisecond);

void fit_pnbd_cdnow(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_pnbd(cdnow().view()));
}
BENCHMARK(fit_pnbd_cdnow)->Unit(benchmark::kMillisecond);

void fit_pnbd_million(benchmark::State& state) {
  const auto& s = million();
  for (auto _ : state) {
    const auto fit = try_fit_pnbd(s.view());
    benchmark::DoNotOptimize(fit);
    state.counters["evaluations"] = fit->evaluations;
    for (const char* name : {"r", "alpha", "s", "beta"}) state.counters[name] = fit->param(name).value_or(0);
  }
}
BENCHMARK(fit_pnbd_million)->Unit(benchmark::kMillisecond)->Iterations(1);

// Issue 15: the GGompertz/NBD on CDNOW (each customer's likelihood integral by quadrature).
void fit_ggomnbd_cdnow(benchmark::State& state) {
  for (auto _ : state) {
    const auto fit = try_fit_ggomnbd(cdnow().view());
    benchmark::DoNotOptimize(fit);
    state.counters["evaluations"] = fit->evaluations;
  }
}
BENCHMARK(fit_ggomnbd_cdnow)->Unit(benchmark::kMillisecond);

// Issue 15: the Pareto/NBD's DERT of a million customers (the integral once per distinct T).
void dert_pnbd_million(benchmark::State& state) {
  const auto& s = million();
  const pnbd_params p{0.5533, 10.58, 0.6061, 11.67};
  for (auto _ : state) benchmark::DoNotOptimize(try_pnbd_discounted_transactions(p, s.view(), 0.0027));
}
BENCHMARK(dert_pnbd_million)->Unit(benchmark::kMillisecond)->Iterations(1);

void fit_mbgnbd_cdnow(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_mbgnbd(cdnow().view()));
}
BENCHMARK(fit_mbgnbd_cdnow)->Unit(benchmark::kMillisecond);

void fit_gamma_gamma_cdnow(benchmark::State& state) {
  std::vector<double> x, z;
  for (std::size_t i = 0; i < cdnow().x.size(); ++i)
    if (cdnow().x[i] > 0) {
      x.push_back(cdnow().x[i]);
      z.push_back(cdnow().m[i]);
    }
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_gamma_gamma({x, z}));
}
BENCHMARK(fit_gamma_gamma_cdnow)->Unit(benchmark::kMillisecond);

// Issue 15: a 200-refit customer bootstrap of the BG/NBD on CDNOW, with every customer's
// predictions over 39 weeks at each refit.
void bootstrap_bgnbd_cdnow(benchmark::State& state) {
  const clv_columns c{cdnow().x, cdnow().t, cdnow().T, {}, {}};
  const auto fit = fit_clv(clv_model::bgnbd, c);
  clv_bootstrap_options o;
  o.resamples = 200;
  for (auto _ : state) benchmark::DoNotOptimize(try_clv_bootstrap(fit, c, 39, o));
}
BENCHMARK(bootstrap_bgnbd_cdnow)->Unit(benchmark::kMillisecond);

// Contractual retention (issue 15): Fader & Hardie (2007)'s high-end cohort, ages 0–12.
const std::vector<survivor_cohort>& high_end() {
  static const std::vector<survivor_cohort> c{
      {"", "year 1", {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394}}};
  return c;
}

void fit_sbg_high_end(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_retention(retention_model::sbg, high_end()));
}
BENCHMARK(fit_sbg_high_end)->Unit(benchmark::kMicrosecond);

void fit_bdw_high_end(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(try_fit_retention(retention_model::bdw, high_end()));
}
BENCHMARK(fit_bdw_high_end)->Unit(benchmark::kMicrosecond);

void derl_sbg(benchmark::State& state) {
  const retention_curve curve{0.668, 3.806, 1.0};
  for (auto _ : state) benchmark::DoNotOptimize(try_discounted_residual_lifetime(curve, 0.1, 7));
}
BENCHMARK(derl_sbg)->Unit(benchmark::kMicrosecond);

void fit_bgnbd_million(benchmark::State& state) {
  const auto& s = million();
  for (auto _ : state) {
    const auto fit = try_fit_bgnbd(s.view());
    benchmark::DoNotOptimize(fit);
    for (const char* name : {"r", "alpha", "a", "b"}) state.counters[name] = fit->param(name).value_or(0);
    state.counters["evaluations"] = fit->evaluations;
  }
}
BENCHMARK(fit_bgnbd_million)->Unit(benchmark::kMillisecond)->Iterations(3);

void predict_bgnbd_million(benchmark::State& state) {
  const auto& s = million();
  const bgnbd_params p{0.243, 4.414, 0.793, 2.426};
  for (auto _ : state) benchmark::DoNotOptimize(try_bgnbd_predict(p, s.view(), 39));
}
BENCHMARK(predict_bgnbd_million)->Unit(benchmark::kMillisecond)->Iterations(3);

// Issue 15's scale: ten million customers (the million ten times over; 240 MB in, 160 MB out).
void predict_bgnbd_ten_million(benchmark::State& state) {
  static const summary ten = [] {
    summary out;
    for (int k = 0; k < 10; ++k) {
      out.x.insert(out.x.end(), million().x.begin(), million().x.end());
      out.t.insert(out.t.end(), million().t.begin(), million().t.end());
      out.T.insert(out.T.end(), million().T.begin(), million().T.end());
    }
    return out;
  }();
  const bgnbd_params p{0.243, 4.414, 0.793, 2.426};
  for (auto _ : state) benchmark::DoNotOptimize(try_bgnbd_predict(p, ten.view(), 39));
}
BENCHMARK(predict_bgnbd_ten_million)->Unit(benchmark::kMillisecond)->Iterations(3);

void predict_pnbd_million(benchmark::State& state) {
  const auto& s = million();
  const pnbd_params p{0.5533, 10.58, 0.6061, 11.67};
  for (auto _ : state) benchmark::DoNotOptimize(try_pnbd_predict(p, s.view(), 39));
}
BENCHMARK(predict_pnbd_million)->Unit(benchmark::kMillisecond)->Iterations(3);

// Reading the million customers' summary as CSV text (frequency, recency, T with 6
// decimals, as a summary file has them): the typed columns, not the disk.
void read_summary_million(benchmark::State& state) {
  static const std::string text = [] {
    std::string out = "frequency,recency,T\n";
    char buffer[64];
    for (std::size_t i = 0; i < million().x.size(); ++i) {
      for (const double v : {million().x[i], million().t[i], million().T[i]}) {
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 6).ptr);
        out += ',';
      }
      out.back() = '\n';
    }
    return out;
  }();
  for (auto _ : state) benchmark::DoNotOptimize(try_parse_csv(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(read_summary_million)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
