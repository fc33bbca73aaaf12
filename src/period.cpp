#include <excellence/period.hpp>

#include <algorithm>
#include <charconv>

namespace excellence::inline v1 {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> whole(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char* first = s.data();
  if (*first == '+') ++first;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || first == s.data() + s.size()) return std::nullopt;
  return v;
}

std::string padded(std::int64_t v, std::size_t width) {
  auto s = std::to_string(v);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

}  // namespace

std::optional<period_label> parse_period_label(std::string_view s, time_unit unit) {
  if (auto v = whole(s)) return period_label{*v, period_notation::number};
  if (s.size() != 7 || s[4] != '-' || !digits(s.substr(0, 4))) return std::nullopt;
  const auto year = *whole(s.substr(0, 4));
  if (unit == time_unit::month && digits(s.substr(5))) {
    const auto month = *whole(s.substr(5));
    if (month >= 1 && month <= 12) return period_label{year * 12 + month - 1, period_notation::month};
  }
  if (unit == time_unit::quarter && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4')
    return period_label{year * 4 + (s[6] - '1'), period_notation::quarter};
  return std::nullopt;
}

std::string format_period_label(std::int64_t p, period_notation notation) {
  switch (notation) {
    case period_notation::number:
      break;
    case period_notation::month:
      if (p >= 0) return padded(p / 12, 4) + "-" + padded(p % 12 + 1, 2);
      break;
    case period_notation::quarter:
      if (p >= 0) return padded(p / 4, 4) + "-Q" + std::to_string(p % 4 + 1);
      break;
  }
  return std::to_string(p);  // labels only name years 0000-9999; anything else is a number
}

}  // namespace excellence::inline v1
