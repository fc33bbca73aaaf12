// Internal: one well-mixed seed per resample, fold split or chain, from (seed, index).
#pragma once

#include <cstdint>

namespace excellence::inline v1::detail {

/// SplitMix64's finaliser (Steele, Lea & Flood 2014): spreads x into a well-mixed 64-bit
/// value, so that neighbouring indices start a generator far apart in its state.
[[nodiscard]] constexpr std::uint64_t split_mix(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The seed of stream `index` of a run seeded with `seed`.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) noexcept {
  return split_mix(seed ^ split_mix(index));
}

}  // namespace excellence::inline v1::detail
