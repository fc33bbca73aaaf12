// Timings of the criteria-scoring path: reading files, scoring, consensus.
#include <excellence/excellence.hpp>
#include <excellence/io.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

namespace {

std::string read(const char* relative) {
  std::ifstream in(std::string(EXCELLENCE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string framework_text = excellence::to_json(excellence::builtin_framework("gbt19580-2012"));
const std::string assessment_text = read("examples/data/examiner-wang.json");

void parse_framework(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(excellence::parse_framework(framework_text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(framework_text.size()));
}
BENCHMARK(parse_framework);

void parse_assessment(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(excellence::parse_assessment(assessment_text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(assessment_text.size()));
}
BENCHMARK(parse_assessment);

void score_whole_framework(benchmark::State& state) {
  const auto tree = excellence::builtin_framework("gbt19580-2012");
  const auto a = excellence::parse_assessment(assessment_text);
  for (auto _ : state) benchmark::DoNotOptimize(excellence::score(a, tree));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(score_whole_framework);

void score_scope_4_3(benchmark::State& state) {
  const auto tree = excellence::builtin_framework("gbt19580-2012");
  const auto a = excellence::parse_assessment(assessment_text);
  for (auto _ : state) benchmark::DoNotOptimize(excellence::score(a, tree, {.scope = "4.3"}));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(score_scope_4_3);

void consensus_of_examiners(benchmark::State& state) {
  const auto tree = excellence::builtin_framework("gbt19580-2012");
  const std::vector<excellence::assessment> team(static_cast<std::size_t>(state.range(0)),
                                                 excellence::parse_assessment(assessment_text));
  for (auto _ : state) benchmark::DoNotOptimize(excellence::consensus(team, tree));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(consensus_of_examiners)->Arg(3)->Arg(10)->Arg(100);

}  // namespace

BENCHMARK_MAIN();
