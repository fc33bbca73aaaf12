// UTF-8 validation on top of Boost.Locale's header-only decoder.
#pragma once

#include <excellence/config.hpp>

#include <boost/locale/utf.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// Byte offset of the first ill-formed or truncated UTF-8 sequence, or nullopt when the
/// whole text is valid. Boost's decoder rejects overlong forms and surrogates.
[[nodiscard]] inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  using traits = boost::locale::utf::utf_traits<char>;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  while (p != end) {
    const char* start = p;
    const auto code_point = traits::decode(p, end);
    if (code_point == boost::locale::utf::illegal || code_point == boost::locale::utf::incomplete)
      return static_cast<std::size_t>(start - begin);
  }
  return std::nullopt;
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
