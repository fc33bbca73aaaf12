// Fuzz target: any bytes given to the CSV reader either fail with a diagnostic that has a
// message, or give a table whose rows are as wide as the header, each with its line.
#include <excellence/io/csv.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = excellence::try_parse_csv(text, "fuzz.csv");
  if (!parsed) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  if (parsed->lines.size() != parsed->rows.size()) std::abort();
  for (const auto& row : parsed->rows)
    if (row.size() != parsed->header.size()) std::abort();
  for (const auto& name : parsed->header)
    if (!name.empty() && !parsed->try_numbers(name, excellence::empty_cells::missing).has_value() &&
        parsed->try_numbers(name, excellence::empty_cells::missing).error().message.empty())
      std::abort();
  return 0;
}
