// Internal: a plain-text table whose columns line up with Chinese text too.
#pragma once

#include <excellence/config.hpp>

#include <excellence/detail/utf8.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// A double with a fixed number of decimals ("45.00").
[[nodiscard]] inline std::string fixed(double value, int decimals) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

/// A double with at most `decimals` decimals and no trailing zeros, as data give values:
/// "85", "97.6", "2.15"; a value that rounds to zero is "0", never "-0".
[[nodiscard]] inline std::string trimmed(double value, int decimals = 2) {
  std::string out = fixed(value, decimals);
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  return out == "-0" ? "0" : out;
}

/// Rows of cells; columns listed in `right` are right-aligned (numbers).
class text_table {
 public:
  explicit text_table(std::vector<std::size_t> right_aligned = {}) : right_(std::move(right_aligned)) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// A full-width rule under the previous row.
  void rule() { rows_.emplace_back(); }

  [[nodiscard]] std::string str() const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (widths.size() <= i) widths.resize(i + 1, 0);
        widths[i] = std::max(widths[i], display_width(row[i]));
      }
    std::size_t total = 0;
    for (auto w : widths) total += w + 2;
    std::string out;
    for (const auto& row : rows_) {
      if (row.empty()) {
        out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
        continue;
      }
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        const auto pad = std::string(widths[i] - display_width(row[i]), ' ');
        const bool right = std::find(right_.begin(), right_.end(), i) != right_.end();
        line += right ? pad + row[i] : row[i] + pad;
        if (i + 1 < row.size()) line += "  ";
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<std::size_t> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace detail
EXCELLENCE_END_NAMESPACE
