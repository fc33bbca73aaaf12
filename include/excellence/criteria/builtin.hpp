// The frameworks compiled into the library: no file is needed at run time.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>

#include <span>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Ids of the built-in frameworks: "gbt19580-2012" (GB/T 19580-2012, 7 categories,
/// 23 items, 1000 points, clause 4.3 down to its areas) and "baldrige-2023" (Baldrige
/// Excellence Framework 2023-2024, 7 categories, 17 items, 1000 points, overall bands).
[[nodiscard]] EXCELLENCE_API std::span<const std::string_view> builtin_framework_ids() noexcept;

/// A built-in framework, or an unknown_framework diagnostic. Each is parsed and
/// validated once, on first use, from the same JSON a user could load from a file
/// (`excellence tree --framework ID --json` prints it); later calls share that tree.
[[nodiscard]] EXCELLENCE_API result<criteria_tree> try_builtin_framework(std::string_view id);

/// As try_builtin_framework, throwing data_error.
[[nodiscard]] inline criteria_tree builtin_framework(std::string_view id) {
  return try_builtin_framework(id).value();
}

EXCELLENCE_END_NAMESPACE
