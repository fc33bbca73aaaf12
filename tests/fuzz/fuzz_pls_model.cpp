// Fuzz target: any bytes given to the PLS model reader either fail with a diagnostic or
// give a model that check_pls_model accepts.
#include <excellence/io/pls_model_json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = excellence::try_parse_pls_model(text, "fuzz.json");
  if (!parsed) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  if (excellence::check_pls_model(*parsed).has_value()) std::abort();
  return 0;
}
