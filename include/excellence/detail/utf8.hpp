// Internal: UTF-8 validation and display width. Compiled (src/detail/utf8.cpp) on top of
// Boost.Locale's header-only decoder, which stays out of the standard-type headers.
#pragma once

#include <excellence/config.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// Byte offset of the first ill-formed or truncated UTF-8 sequence, or nullopt when the
/// whole text is valid. Boost's decoder rejects overlong forms and surrogates.
[[nodiscard]] EXCELLENCE_API std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Terminal columns a UTF-8 string occupies: East Asian wide and fullwidth characters
/// (CJK ideographs, kana, Hangul, fullwidth punctuation) take two columns, others one (an
/// ill-formed byte counts as one).
[[nodiscard]] EXCELLENCE_API std::size_t display_width(std::string_view text);

}  // namespace detail
EXCELLENCE_END_NAMESPACE
