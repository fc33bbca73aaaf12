// Fuzz target: any bytes given to the framework reader either fail with a diagnostic or
// give a valid tree that survives writing and reading back unchanged and can be rendered.
#include <excellence/io/framework_json.hpp>
#include <excellence/report/text.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = excellence::try_parse_framework(text, "fuzz.json");
  if (!parsed) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  const auto again = excellence::try_parse_framework(excellence::to_json(*parsed), "fuzz.json");
  if (!again || !(*again == *parsed)) std::abort();
  (void)excellence::render_tree(*parsed, excellence::language::zh);
  for (const auto* node : parsed->nodes())
    if (node->kind == excellence::node_kind::category) (void)parsed->subtree(node->id);
  return 0;
}
