// points: an exact score in hundredths of a point.
#pragma once

#include <excellence/config.hpp>

#include <compare>
#include <cstdint>
#include <cstdlib>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// A number of points held exactly as a whole number of hundredths.
///
/// Item points are percent × item points / 100 with the percent a multiple of 5 and the
/// item points whole, so every item score is a whole number of hundredths (35 % of a
/// 15-point item is 5.25) and so is every sum of them. Keeping hundredths as an integer
/// means no total ever shows floating-point noise, whatever the order of summation.
class points {
 public:
  constexpr points() noexcept = default;

  [[nodiscard]] static constexpr points from_hundredths(std::int64_t hundredths) noexcept {
    points p;
    p.hundredths_ = hundredths;
    return p;
  }
  [[nodiscard]] static constexpr points whole(std::int64_t value) noexcept { return from_hundredths(value * 100); }
  /// percent % of `max` points, exactly.
  [[nodiscard]] static constexpr points share(std::int32_t percent, std::int32_t max) noexcept {
    return from_hundredths(static_cast<std::int64_t>(percent) * max);
  }

  [[nodiscard]] constexpr std::int64_t hundredths() const noexcept { return hundredths_; }
  /// The nearest double; exact for every value below 2^53 hundredths.
  [[nodiscard]] constexpr double value() const noexcept { return static_cast<double>(hundredths_) / 100.0; }
  [[nodiscard]] constexpr bool is_whole() const noexcept { return hundredths_ % 100 == 0; }

  /// Shortest exact decimal: "40", "52.5", "5.25", "-0.75".
  [[nodiscard]] std::string to_string() const {
    const std::int64_t magnitude = hundredths_ < 0 ? -hundredths_ : hundredths_;
    std::string out = hundredths_ < 0 ? "-" : "";
    out += std::to_string(magnitude / 100);
    const auto cents = magnitude % 100;
    if (cents != 0) {
      out += '.';
      out += static_cast<char>('0' + cents / 10);
      if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
    }
    return out;
  }

  constexpr points& operator+=(points other) noexcept {
    hundredths_ += other.hundredths_;
    return *this;
  }
  constexpr points& operator-=(points other) noexcept {
    hundredths_ -= other.hundredths_;
    return *this;
  }
  [[nodiscard]] friend constexpr points operator+(points a, points b) noexcept { return a += b; }
  [[nodiscard]] friend constexpr points operator-(points a, points b) noexcept { return a -= b; }
  friend constexpr auto operator<=>(points, points) noexcept = default;
  friend constexpr bool operator==(points, points) noexcept = default;

 private:
  std::int64_t hundredths_ = 0;
};

EXCELLENCE_END_NAMESPACE
