#include <excellence/detail/utf8.hpp>

#include <boost/locale/utf.hpp>

#include <cstdint>
#include <cstring>

namespace excellence::inline v1::detail {

namespace {

using traits = boost::locale::utf::utf_traits<char>;

bool ill_formed(boost::locale::utf::code_point c) {
  return c == boost::locale::utf::illegal || c == boost::locale::utf::incomplete;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  while (p != end) {
    // ASCII needs no decoding: data files are mostly ASCII, and skipping it eight bytes at
    // a time (no byte with its high bit set) keeps the check from costing more than the parse.
    constexpr std::uint64_t high_bits = 0x8080808080808080U;
    std::uint64_t word = 0;
    while (end - p >= 8 && (std::memcpy(&word, p, 8), (word & high_bits) == 0)) p += 8;
    if (p == end) break;
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    const char* start = p;
    if (ill_formed(traits::decode(p, end))) return static_cast<std::size_t>(start - begin);
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    const auto c = traits::decode(p, end);
    if (ill_formed(c)) {
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

}  // namespace excellence::inline v1::detail
