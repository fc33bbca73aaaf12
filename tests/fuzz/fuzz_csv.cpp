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
  const auto& t = *parsed;
  for (std::size_t c = 0; c < t.column_count(); ++c) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      if (t.line(r) < 2) std::abort();
      // A cell's text is empty exactly when the cell is.
      if (t.text(r, c).empty() != t.is_empty(r, c)) std::abort();
    }
    const auto& name = t.header()[c];
    if (name.empty() || t.find(name) != c) continue;
    const auto numbers = t.try_number_column(name);
    if (numbers ? numbers->values.size() != t.row_count() : numbers.error().message.empty()) std::abort();
    if ((t.type(c) == excellence::csv_column_type::number) != numbers.has_value()) std::abort();
  }
  return 0;
}
