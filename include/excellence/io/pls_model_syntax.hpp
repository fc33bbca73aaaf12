// PLS path models in the lavaan-style syntax that cSEM, seminr and lavaan users write
// (docs/pls.md): `SAT =~ sat1 + sat2`, `VAL <~ val1 + val2`, `SAT ~ IMAG + VAL`.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/model.hpp>

#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses a model written as statements, one per line or separated by `;`:
///   `F =~ x1 + x2`  reflective block (mode A; a common factor under consistent PLS)
///   `F <~ x1 + x2`  formative block (mode B; a composite)
///   `Y ~ F + G`     structural paths F → Y and G → Y (`Y1 + Y2 ~ F` for several at once)
/// `#` and `!` start a comment; a statement continues on the next line when its line ends
/// with an operator or `+`, or the next line starts with `+`. A block may be given in
/// several statements of the same kind. Latent variables are numbered in the order their
/// blocks are first defined. Names are runs of letters, digits, `_`, `.` and any non-ASCII
/// character (汉字 included). Errors (invalid_syntax unless said) name the source, line and
/// column (bytes): an unknown operator (`model.txt:3:9: unknown operator '=<'`), lavaan
/// features a PLS path model does not have (covariances `~~`, modifiers `0.5*x`, defined
/// parameters `:=`, constraints, intercepts `~ 1`, higher-order constructs), a path from or
/// to a name without a block, a block redefined with the other mode, an indicator or path
/// given twice (duplicate_id), and whatever check_pls_model refuses.
[[nodiscard]] EXCELLENCE_API result<pls_model> try_parse_pls_syntax(std::string_view text,
                                                                    std::string source = "<memory>");
/// Throwing form of try_parse_pls_syntax: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_model parse_pls_syntax(std::string_view text, std::string source = "<memory>") {
  return try_parse_pls_syntax(text, std::move(source)).value();
}

/// The model in that syntax: one `=~` or `<~` statement per block in model order, then one
/// `~` statement per endogenous latent variable; parsing it gives the model back. Errors:
/// an invalid model; a name the syntax cannot write (empty, or with a character outside
/// the name characters, e.g. a space).
[[nodiscard]] EXCELLENCE_API result<std::string> try_to_syntax(const pls_model& model);
/// Throwing form of try_to_syntax: the text, or data_error with the diagnostic.
[[nodiscard]] inline std::string to_syntax(const pls_model& model) {
  return try_to_syntax(model).value();
}

EXCELLENCE_END_NAMESPACE
