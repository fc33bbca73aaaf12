// A PLS path model: latent variables, the inner (path) matrix, the blocks of indicators
// and the mode of each block.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// How a block's outer weights are estimated.
enum class pls_mode {
  a,  ///< reflective: weights from the covariances of the indicators with the inner estimate
  b   ///< formative: weights from the multiple regression of the inner estimate on the indicators
};

inline constexpr detail::enum_names<pls_mode, 2> pls_mode_names{{{{pls_mode::a, "A"}, {pls_mode::b, "B"}}}};

/// "A" or "B", as plspm and the model files write modes.
[[nodiscard]] constexpr const char* to_string(pls_mode m) noexcept { return pls_mode_names.name(m); }
/// "A", "B", or nullopt.
[[nodiscard]] constexpr std::optional<pls_mode> parse_pls_mode(std::string_view name) noexcept {
  return pls_mode_names.parse(name);
}

/// A recursive PLS path model (Wold; Lohmöller 1989; Tenenhaus et al. 2005).
/// `path_matrix[i][j] == 1` means latent variable j → latent variable i (row = the
/// dependent variable), the convention of R plspm's inner matrix.
struct pls_model {
  std::vector<std::string> latent_variables{};
  std::vector<std::vector<int>> path_matrix{};
  std::vector<std::vector<std::string>> blocks{};  ///< indicator (column) names per latent variable
  std::vector<pls_mode> modes{};                   ///< one per latent variable

  /// The index of a latent variable, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const {
    for (std::size_t j = 0; j < latent_variables.size(); ++j)
      if (latent_variables[j] == name) return j;
    return std::nullopt;
  }

  /// True when `from` → `to` is a path of the model.
  [[nodiscard]] bool has_path(std::size_t from, std::size_t to) const { return path_matrix[to][from] != 0; }
};

/// Checks a model: names (unique, non-empty), a square 0/1 path matrix with a zero
/// diagonal and no cycles (PLS path models are recursive), every latent variable
/// connected to at least one other (its inner estimate would be empty), blocks non-empty
/// with indicator names unique across the model, one mode per latent variable. Errors
/// name the field (`path_matrix[2][4]`, `blocks[3][1]`).
[[nodiscard]] inline std::optional<diagnostic> check_pls_model(const pls_model& m) {
  using detail::concat;
  using detail::indexed;
  using detail::input_error;
  const std::size_t J = m.latent_variables.size();
  if (J < 2)
    return input_error(errc::invalid_value, "latent_variables", "a path model needs at least 2 latent variables");
  for (std::size_t j = 0; j < J; ++j) {
    if (m.latent_variables[j].empty())
      return input_error(errc::invalid_value, indexed("latent_variables", j), "a latent variable needs a name");
    for (std::size_t k = 0; k < j; ++k)
      if (m.latent_variables[k] == m.latent_variables[j])
        return input_error(errc::duplicate_id, indexed("latent_variables", j),
                           concat("latent variable \"", m.latent_variables[j], "\" repeats"));
  }
  if (m.path_matrix.size() != J)
    return input_error(errc::invalid_value, "path_matrix",
                       concat("expected ", std::to_string(J), " rows (one per latent variable), got ",
                              std::to_string(m.path_matrix.size())));
  for (std::size_t i = 0; i < J; ++i) {
    if (m.path_matrix[i].size() != J)
      return input_error(
          errc::invalid_value, indexed("path_matrix", i),
          concat("expected ", std::to_string(J), " columns, got ", std::to_string(m.path_matrix[i].size())));
    for (std::size_t j = 0; j < J; ++j) {
      const int v = m.path_matrix[i][j];
      if (v != 0 && v != 1)
        return input_error(errc::invalid_value, indexed("path_matrix", i).index(j),
                           "entries must be 0 or 1");
      if (i == j && v != 0)
        return input_error(errc::invalid_value, indexed("path_matrix", i).index(j),
                           concat("latent variable \"", m.latent_variables[i], "\" cannot be its own predecessor"));
    }
  }
  // Recursive: repeatedly remove variables without remaining predecessors (Kahn's algorithm).
  std::vector<bool> removed(J, false);
  for (std::size_t round = 0; round < J; ++round) {
    bool progress = false;
    for (std::size_t i = 0; i < J; ++i) {
      if (removed[i]) continue;
      bool free = true;
      for (std::size_t j = 0; j < J; ++j)
        if (!removed[j] && m.path_matrix[i][j] != 0) free = false;
      if (free) {
        removed[i] = true;
        progress = true;
      }
    }
    if (!progress) break;
  }
  for (std::size_t i = 0; i < J; ++i)
    if (!removed[i])
      return input_error(
          errc::invalid_value, "path_matrix",
          concat("the paths form a cycle through \"", m.latent_variables[i], "\": PLS path models must be recursive"));
  for (std::size_t j = 0; j < J; ++j) {
    bool connected = false;
    for (std::size_t k = 0; k < J; ++k) connected = connected || m.path_matrix[j][k] != 0 || m.path_matrix[k][j] != 0;
    if (!connected)
      return input_error(errc::invalid_value, "path_matrix",
                         concat("latent variable \"", m.latent_variables[j], "\" has no path to or from another one"));
  }
  if (m.blocks.size() != J)
    return input_error(errc::invalid_value, "blocks",
                       concat("expected one block per latent variable (", std::to_string(J), "), got ",
                              std::to_string(m.blocks.size())));
  std::vector<std::string_view> seen;
  for (std::size_t j = 0; j < J; ++j) {
    if (m.blocks[j].empty())
      return input_error(errc::invalid_value, indexed("blocks", j),
                         concat("latent variable \"", m.latent_variables[j], "\" has no indicators"));
    for (std::size_t k = 0; k < m.blocks[j].size(); ++k) {
      const auto& name = m.blocks[j][k];
      const auto path = indexed("blocks", j).index(k);
      if (name.empty()) return input_error(errc::invalid_value, path, "an indicator needs a name");
      for (const auto s : seen)
        if (s == name)
          return input_error(errc::duplicate_id, path, concat("indicator \"", name, "\" is in two blocks (or twice)"));
      seen.push_back(name);
    }
  }
  if (m.modes.size() != J)
    return input_error(errc::invalid_value, "modes",
                       concat("expected one mode per latent variable (", std::to_string(J), "), got ",
                              std::to_string(m.modes.size())));
  return std::nullopt;
}

EXCELLENCE_END_NAMESPACE
