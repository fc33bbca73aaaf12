#include <excellence/criteria/builtin.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/io/framework_json.hpp>

#include "builtin_data.hpp"  // generated at build time from the JSON files beside this one

#include <array>
#include <string>

namespace excellence::inline v1 {

namespace {

constexpr std::array<std::string_view, 2> ids{"gbt19580-2012", "baldrige-2023"};

// Each built-in tree is parsed once, on first use. The function-local statics are
// immutable after their thread-safe initialisation, so this is a cache of constants,
// not mutable global state, and concurrent callers share one tree.
const result<criteria_tree>& gbt19580_2012() {
  static const result<criteria_tree> tree =
      try_parse_framework(detail::builtin_gbt19580_2012, "<built-in gbt19580-2012>");
  return tree;
}

const result<criteria_tree>& baldrige_2023() {
  static const result<criteria_tree> tree =
      try_parse_framework(detail::builtin_baldrige_2023, "<built-in baldrige-2023>");
  return tree;
}

}  // namespace

std::span<const std::string_view> builtin_framework_ids() noexcept {
  return ids;
}

result<criteria_tree> try_builtin_framework(std::string_view id) {
  if (id == ids[0]) return gbt19580_2012();
  if (id == ids[1]) return baldrige_2023();
  return diagnostic{errc::unknown_framework,
                    "",
                    0,
                    0,
                    "framework",
                    "no built-in framework \"" + std::string(id) + "\" (built in: " + detail::join(ids, ", ") + ")"};
}

}  // namespace excellence::inline v1
