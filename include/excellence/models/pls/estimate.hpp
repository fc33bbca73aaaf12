// PLS path modeling: Wold's algorithm (Lohmöller 1989; Tenenhaus et al. 2005) with the
// centroid, factorial and path inner schemes, and everything a satisfaction-index study
// reports from it. Modelling layer: results are Eigen vectors and matrices.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>
#include <excellence/models/pls/model.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// How the inner estimate of a latent variable combines its neighbours' scores.
enum class pls_scheme {
  centroid,   ///< signs of the correlations with adjacent variables
  factorial,  ///< the correlations with adjacent variables
  path        ///< regression on predecessors, correlations with successors
};

/// When the iteration stops.
enum class pls_stop {
  exact,  ///< at the fixed point: the largest change of a normalised weight below the tolerance (default 1e-14)
  plspm   ///< R plspm's rule: Σ(|w_old| − |w_new|)² of the unnormalised weights below the tolerance (default 1e-6)
};

/// What a missing value of an indicator (a cell masked in pls_data::missing) does.
enum class pls_missing {
  error,     ///< the default: an error naming the row and the indicator
  listwise,  ///< drop every row with a missing indicator (counted in rows_dropped)
  mean       ///< replace by the indicator's mean over the observed rows (counted in cells_imputed)
};

inline constexpr detail::enum_names<pls_scheme, 3> pls_scheme_names{
    {{{pls_scheme::centroid, "centroid"}, {pls_scheme::factorial, "factorial"}, {pls_scheme::path, "path"}}}};
inline constexpr detail::enum_names<pls_stop, 2> pls_stop_names{
    {{{pls_stop::exact, "exact"}, {pls_stop::plspm, "plspm"}}}};
inline constexpr detail::enum_names<pls_missing, 3> pls_missing_names{
    {{{pls_missing::error, "error"}, {pls_missing::listwise, "listwise"}, {pls_missing::mean, "mean"}}}};

[[nodiscard]] constexpr const char* to_string(pls_scheme s) noexcept {
  return pls_scheme_names.name(s);
}
[[nodiscard]] constexpr const char* to_string(pls_stop s) noexcept {
  return pls_stop_names.name(s);
}
[[nodiscard]] constexpr const char* to_string(pls_missing m) noexcept {
  return pls_missing_names.name(m);
}
/// "centroid", "factorial", "path", or nullopt.
[[nodiscard]] constexpr std::optional<pls_scheme> parse_pls_scheme(std::string_view name) noexcept {
  return pls_scheme_names.parse(name);
}
/// "exact", "plspm", or nullopt.
[[nodiscard]] constexpr std::optional<pls_stop> parse_pls_stop(std::string_view name) noexcept {
  return pls_stop_names.parse(name);
}
/// "error", "listwise", "mean", or nullopt.
[[nodiscard]] constexpr std::optional<pls_missing> parse_pls_missing(std::string_view name) noexcept {
  return pls_missing_names.parse(name);
}

struct pls_options {
  pls_scheme scheme = pls_scheme::path;
  bool standardized = true;  ///< false: indicators are only centred, and weights apply to them in their units
  pls_stop stop = pls_stop::exact;
  std::optional<double> tolerance{};  ///< empty: the stop rule's default
  int max_iterations = 300;
  pls_missing missing = pls_missing::error;
  /// Consistent PLS (PLSc; Dijkstra & Henseler 2015): a mode A block measures a common
  /// factor, and its score (a proxy with reliability ρ_A) is corrected for attenuation. The
  /// weights and scores stay those of PLS; the construct correlations, the loadings of mode
  /// A blocks, the paths, R², effects and block quality become the factors'. Mode B blocks
  /// stay composites (ρ_A = 1).
  bool consistent = false;
};

/// Progress and cancellation for long runs (models/control.hpp).
using pls_control = model_control;

/// Indicator columns: one name per column of `values` (rows = respondents). Columns the
/// model does not name are ignored. Missing values are explicit: `missing` is a mask in
/// the layout of `values` (column-major, 1 = missing, the value there means nothing), or
/// empty when nothing is missing. Every value not masked must be finite: a NaN is an
/// error, never taken for a missing value.
struct pls_data {
  std::vector<std::string> names{};
  Eigen::MatrixXd values{};
  std::vector<std::uint8_t> missing{};

  [[nodiscard]] bool is_missing(Eigen::Index row, Eigen::Index column) const noexcept {
    return !missing.empty() && missing[static_cast<std::size_t>(column * values.rows() + row)] != 0;
  }
  /// Marks a cell missing (sizing the mask on first use).
  void set_missing(Eigen::Index row, Eigen::Index column) {
    // Eigen sizes are signed; the bound keeps GCC 12's -Wstringop-overflow from seeing a
    // negative size as an enormous one.
    if (missing.empty()) missing.resize(static_cast<std::size_t>(std::max<Eigen::Index>(values.size(), 0)));
    missing[static_cast<std::size_t>(column * values.rows() + row)] = 1;
  }
};

/// Reliability and validity of one block, computed from its indicators' correlations
/// (α, ρ_DG, eigenvalues) and from the PLS loadings (AVE, ρ_c, communality).
struct pls_block_quality {
  std::size_t indicators = 0;
  pls_mode mode = pls_mode::a;
  double cronbach_alpha = 0;  ///< standardised: (p/(p−1))·(1 − p/Σr), Σr over the block's correlation matrix
  double dg_rho = 0;          ///< Dillon–Goldstein ρ from the first principal component's loadings
  double eig_1st = 0;         ///< largest eigenvalue of the block's correlation matrix
  double eig_2nd = 0;         ///< second largest (0 for a one-indicator block)
  double ave = 0;             ///< average variance extracted, Σl²/p
  double composite_reliability = 0;  ///< (Σl)²/((Σl)² + Σ(1 − l²)) with the PLS loadings
  /// Dijkstra–Henseler ρ_A (2015) from the block's weights: 1 for mode B and one-indicator
  /// blocks; nullopt where it is not positive (the indicators share no common factor).
  std::optional<double> rho_a{};
  double block_communality = 0;  ///< mean communality
  double mean_redundancy = 0;    ///< mean redundancy
};

/// The estimates of a PLS path model. Indicators are in block order; latent variables
/// in model order; matrices indexed (row, column) = (to, from) like the path matrix.
struct pls_fit {
  std::vector<std::string> latent_variables{};
  std::vector<std::string> indicators{};
  std::vector<std::size_t> block_of{};  ///< latent variable of each indicator
  std::vector<std::vector<int>> path_matrix{};
  std::vector<pls_mode> modes{};

  Eigen::VectorXd weights{};  ///< outer weights for standardised (or centred) indicators: scores = X·w
  /// Correlation of each indicator with its own latent variable (PLSc, mode A: with the
  /// common factor, c·w in Dijkstra & Henseler's notation).
  Eigen::VectorXd loadings{};
  /// indicators × latent variables: correlations with every score (PLSc: with every
  /// construct, a score's correlation divided by √ρ_A of a factor).
  Eigen::MatrixXd cross_loadings{};
  Eigen::VectorXd communality{};  ///< loading²
  Eigen::VectorXd redundancy{};   ///< loading² × R² of its latent variable (0 for exogenous ones)
  Eigen::MatrixXd scores{};       ///< respondents × latent variables, mean 0, unit (population) variance

  Eigen::MatrixXd paths{};             ///< paths(i, j): coefficient of j → i
  Eigen::VectorXd r2{};                ///< per latent variable; 0 for exogenous ones (see endogenous)
  std::vector<bool> endogenous{};      ///< has at least one predecessor
  Eigen::MatrixXd total_effects{};     ///< (i, j): total effect of j on i
  Eigen::MatrixXd indirect_effects{};  ///< total − direct
  Eigen::MatrixXd lv_correlations{};   ///< correlations of the scores (PLSc: of the constructs, disattenuated)
  /// Heterotrait–monotrait ratio (Henseler, Ringle & Sarstedt 2015) of each pair of
  /// blocks, htmt[i][j] (symmetric); nullopt on the diagonal and where it is undefined: a
  /// block with one indicator (no monotrait correlations) or a non-positive product of
  /// the two blocks' mean monotrait correlations.
  std::vector<std::vector<std::optional<double>>> htmt{};
  std::vector<pls_block_quality> blocks{};
  double gof = 0;  ///< √(mean communality of multi-indicator blocks, weighted by size × mean R²)

  int iterations = 0;
  bool converged = false;
  std::size_t n = 0;              ///< rows used
  std::size_t rows_dropped = 0;   ///< by pls_missing::listwise
  std::size_t cells_imputed = 0;  ///< by pls_missing::mean
  Eigen::VectorXd means{};        ///< of the indicators over the rows used (after imputation)
  Eigen::VectorXd sds{};          ///< population standard deviations
  pls_options options{};
  /// not_converged, rows_dropped, values_imputed; with PLSc inadmissible_estimate (a
  /// construct correlation, loading or path beyond ±1, construct correlations not
  /// positive definite) (severity::warning).
  std::vector<diagnostic> warnings{};

  /// Lookups by name: nullopt for a name the model does not have (the error model's rule:
  /// lookups return optionals, never throw).
  [[nodiscard]] EXCELLENCE_API std::optional<std::size_t> indicator_index(std::string_view indicator) const;
  [[nodiscard]] EXCELLENCE_API std::optional<std::size_t> latent_index(std::string_view latent_variable) const;
  [[nodiscard]] std::optional<double> weight(std::string_view indicator) const {
    const auto k = indicator_index(indicator);
    return k ? std::optional<double>(weights(static_cast<Eigen::Index>(*k))) : std::nullopt;
  }
  [[nodiscard]] std::optional<double> loading(std::string_view indicator) const {
    const auto k = indicator_index(indicator);
    return k ? std::optional<double>(loadings(static_cast<Eigen::Index>(*k))) : std::nullopt;
  }
  [[nodiscard]] std::optional<double> path(std::string_view from, std::string_view to) const {
    const auto i = latent_index(to), j = latent_index(from);
    return i && j ? std::optional<double>(paths(static_cast<Eigen::Index>(*i), static_cast<Eigen::Index>(*j)))
                  : std::nullopt;
  }
  [[nodiscard]] std::optional<double> total_effect(std::string_view from, std::string_view to) const {
    const auto i = latent_index(to), j = latent_index(from);
    return i && j ? std::optional<double>(total_effects(static_cast<Eigen::Index>(*i), static_cast<Eigen::Index>(*j)))
                  : std::nullopt;
  }
  [[nodiscard]] std::optional<double> r_squared(std::string_view latent_variable) const {
    const auto j = latent_index(latent_variable);
    return j ? std::optional<double>(r2(static_cast<Eigen::Index>(*j))) : std::nullopt;
  }
};

/// The Fornell–Larcker table: √AVE on the diagonal, latent-variable correlations off it.
/// Discriminant validity holds when each diagonal entry exceeds its row's and column's
/// other entries (Fornell & Larcker 1981).
[[nodiscard]] EXCELLENCE_API Eigen::MatrixXd fornell_larcker(const pls_fit& fit);

/// One specific indirect effect: the product of the path coefficients along a directed
/// chain of at least two paths (mediation: IMAG → EXPE → SAT).
struct pls_indirect_effect {
  std::vector<std::size_t> chain{};  ///< latent variables from the source to the target
  std::string name{};                ///< "IMAG -> EXPE -> SAT"
  double effect = 0;
};

/// The most specific indirect effects listed (a dense model of 20 constructs has millions
/// of chains; their sum, the total indirect effect, is in pls_fit::indirect_effects).
inline constexpr std::size_t max_specific_indirect_effects = 100'000;

/// Every specific indirect effect of the fit's model, by source, then target, then chain
/// (chains compared lexicographically by their latent variables' positions in the model,
/// so IMAG → EXPE → QUAL → SAT comes before IMAG → EXPE → SAT); for each pair they sum to the total indirect
/// effect (pls_fit::indirect_effects). Error: more than max_specific_indirect_effects.
[[nodiscard]] EXCELLENCE_API result<std::vector<pls_indirect_effect>> try_specific_indirect_effects(const pls_fit& fit);
/// Throwing form of try_specific_indirect_effects: the value, or data_error with the diagnostic.
[[nodiscard]] inline std::vector<pls_indirect_effect> specific_indirect_effects(const pls_fit& fit) {
  return try_specific_indirect_effects(fit).value();
}

/// Estimates the model on the data. Errors (nothing is dropped or guessed): an invalid
/// model (check_pls_model); an indicator the data does not have; a missing value with
/// pls_missing::error (naming row and indicator); fewer rows than 3; an indicator without
/// variance; a singular block (mode B) or inner regression; bad options. A run that does
/// not converge within max_iterations is returned with converged == false, never as an
/// error, so the caller sees the estimates and decides.
[[nodiscard]] EXCELLENCE_API result<pls_fit> try_estimate_pls(const pls_model& model, const pls_data& data,
                                                              const pls_options& options = {},
                                                              const pls_control& control = {});

[[nodiscard]] inline pls_fit estimate_pls(const pls_model& model, const pls_data& data, const pls_options& options = {},
                                          const pls_control& control = {}) {
  return try_estimate_pls(model, data, options, control).value();
}

EXCELLENCE_END_NAMESPACE
