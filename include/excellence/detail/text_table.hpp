// Internal: a plain-text table whose columns line up with Chinese text too.
#pragma once

#include <excellence/config.hpp>

#include <boost/locale/utf.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// Terminal columns a UTF-8 string occupies: East Asian wide and fullwidth characters
/// (CJK ideographs, kana, Hangul, fullwidth punctuation) take two columns, others one.
[[nodiscard]] inline std::size_t display_width(std::string_view text) {
  using traits = boost::locale::utf::utf_traits<char>;
  std::size_t width = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    const auto c = traits::decode(p, end);
    if (c == boost::locale::utf::illegal || c == boost::locale::utf::incomplete) {
      ++width;
      continue;
    }
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

/// A double with a fixed number of decimals ("45.00").
[[nodiscard]] inline std::string fixed(double value, int decimals) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
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
