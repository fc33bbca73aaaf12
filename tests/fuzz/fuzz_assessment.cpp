// Fuzz target: any bytes given to the assessment reader either fail with a diagnostic or
// give an assessment that survives writing and reading back unchanged and can be scored
// (successfully or with a diagnostic). A crash, a sanitizer report or an abort is a bug.
#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/scoring/consensus.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = excellence::try_parse_assessment(text, "fuzz.json");
  if (!parsed) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  const auto again = excellence::try_parse_assessment(excellence::to_json(*parsed), "fuzz.json");
  if (!again || *again != *parsed) std::abort();
  for (auto id : excellence::builtin_framework_ids()) {
    const auto tree = excellence::builtin_framework(id);
    (void)excellence::try_score(*parsed, tree);
    const excellence::assessment pair[] = {*parsed, *parsed};
    (void)excellence::try_consensus(pair, tree);
  }
  return 0;
}
