#include <excellence/io/evidence_files.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/io/measures_json.hpp>
#include <excellence/io/series_csv.hpp>

namespace excellence::inline v1 {

result<results_evidence> try_read_results_evidence(const std::filesystem::path& measures,
                                                   const std::filesystem::path& series,
                                                   const evidence_options& options) {
  const auto set = try_read_measures(measures);
  if (!set) return set.error();
  const auto tree = try_resolve_framework(set->framework, measures.parent_path());
  if (!tree) return tree.error();
  const auto data = try_read_series(series, *set);
  if (!data) return data.error();
  return try_results_evidence(*set, *data, *tree, options);
}

}  // namespace excellence::inline v1
