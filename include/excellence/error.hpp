// Errors and diagnostics.
//
// Three kinds of failure are kept apart (docs/error-handling.md):
//  * bad data in a user's file or value  -> excellence::data_error carrying a diagnostic,
//    or, from the non-throwing try_ forms, a result<T> holding that diagnostic;
//  * numerical conditions                -> a status on the result value (later modules);
//  * broken preconditions (programmer errors) -> EXCELLENCE_EXPECTS.
#pragma once

#include <excellence/config.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// Stable error codes. Values never change meaning within a major version; new codes
/// are appended. Every code is described in docs/error-handling.md.
enum class errc {
  io_error = 1,           ///< a file could not be opened or read
  invalid_json,           ///< the text is not JSON (syntax error)
  invalid_utf8,           ///< text is not valid UTF-8
  unknown_format,         ///< the "format" field is missing or names another format
  missing_field,          ///< a required field is absent
  unknown_field,          ///< a field this format does not define (likely a typo)
  wrong_type,             ///< a field has the wrong JSON type
  invalid_value,          ///< a value is malformed (empty id, impossible date, ...)
  out_of_range,           ///< a number lies outside its allowed range
  not_multiple_of_5,      ///< a percent score is not a multiple of 5
  duplicate_id,           ///< an id occurs twice where ids must be unique
  unknown_criterion,      ///< an id names no node of the framework
  id_not_nested,          ///< a child's id does not extend its parent's id
  points_mismatch,        ///< points of children do not sum to their parent's / the total
  misplaced_node,         ///< a node kind where the tree structure does not allow it
  not_a_scored_item,      ///< an assessment scores a node that is not a scored item
  missing_item,           ///< a scored item of the scope is absent from an assessment
  dimension_mismatch,     ///< a dimension judgement that does not fit the item's evaluation type
  framework_mismatch,     ///< assessments or a tree refer to different frameworks
  organization_mismatch,  ///< assessments in one consensus are of different organizations
  unknown_framework,      ///< no built-in framework has this id
  too_few_assessments,    ///< a consensus needs at least two assessments
  empty_scope,            ///< the requested scope contains no scored item
  singular_matrix,        ///< a system that has no unique solution (collinear indicators or scores)
  cancelled,              ///< the caller's cancellation flag stopped the work
  model_mismatch,         ///< a result of one model used as another's (BG/NBD parameters from an MBG/NBD fit)
  unknown_reference,      ///< a reference to an id the document does not define (a comment's key factor)
  invalid_syntax,         ///< a text does not follow its syntax (a model in lavaan-style syntax)
  // warnings (severity::warning) start here
  percent_outside_dimensions = 100,  ///< item percent outside the span of its dimension judgements
  overall_band_withheld,             ///< no overall band named because items were not assessed
  not_converged,                     ///< an iterative estimate stopped before its convergence rule held
  standard_errors_unavailable,       ///< the information matrix is not positive definite at the estimate
  resamples_failed,                  ///< some bootstrap resamples could not be estimated and were left out
  rows_dropped,                      ///< input rows left out by a documented rule (missing values, no repeat purchase)
  values_imputed,                    ///< missing values replaced by a documented rule (PLS mean imputation)
  percent_outside_evidence,          ///< an examiner's results percent outside the band the measured results support
  inadmissible_estimate,             ///< an estimate outside its admissible range (PLSc: a correlation beyond ±1)
  interval_undefined,                ///< a bootstrap interval the resamples cannot define; another is given, named
};

/// A short stable name for a code, e.g. "not_multiple_of_5".
[[nodiscard]] constexpr const char* to_string(errc code) noexcept {
  switch (code) {
    case errc::io_error:
      return "io_error";
    case errc::invalid_json:
      return "invalid_json";
    case errc::invalid_utf8:
      return "invalid_utf8";
    case errc::unknown_format:
      return "unknown_format";
    case errc::missing_field:
      return "missing_field";
    case errc::unknown_field:
      return "unknown_field";
    case errc::wrong_type:
      return "wrong_type";
    case errc::invalid_value:
      return "invalid_value";
    case errc::out_of_range:
      return "out_of_range";
    case errc::not_multiple_of_5:
      return "not_multiple_of_5";
    case errc::duplicate_id:
      return "duplicate_id";
    case errc::unknown_criterion:
      return "unknown_criterion";
    case errc::id_not_nested:
      return "id_not_nested";
    case errc::points_mismatch:
      return "points_mismatch";
    case errc::misplaced_node:
      return "misplaced_node";
    case errc::not_a_scored_item:
      return "not_a_scored_item";
    case errc::missing_item:
      return "missing_item";
    case errc::dimension_mismatch:
      return "dimension_mismatch";
    case errc::framework_mismatch:
      return "framework_mismatch";
    case errc::organization_mismatch:
      return "organization_mismatch";
    case errc::unknown_framework:
      return "unknown_framework";
    case errc::too_few_assessments:
      return "too_few_assessments";
    case errc::empty_scope:
      return "empty_scope";
    case errc::singular_matrix:
      return "singular_matrix";
    case errc::cancelled:
      return "cancelled";
    case errc::model_mismatch:
      return "model_mismatch";
    case errc::unknown_reference:
      return "unknown_reference";
    case errc::invalid_syntax:
      return "invalid_syntax";
    case errc::percent_outside_dimensions:
      return "percent_outside_dimensions";
    case errc::overall_band_withheld:
      return "overall_band_withheld";
    case errc::not_converged:
      return "not_converged";
    case errc::standard_errors_unavailable:
      return "standard_errors_unavailable";
    case errc::resamples_failed:
      return "resamples_failed";
    case errc::rows_dropped:
      return "rows_dropped";
    case errc::values_imputed:
      return "values_imputed";
    case errc::percent_outside_evidence:
      return "percent_outside_evidence";
    case errc::inadmissible_estimate:
      return "inadmissible_estimate";
    case errc::interval_undefined:
      return "interval_undefined";
  }
  return "unknown";
}

/// The code named `name` (the inverse of to_string), or nullopt.
[[nodiscard]] constexpr std::optional<errc> parse_errc(std::string_view name) noexcept {
  // Errors run from io_error to the last error code, warnings from 100 on.
  for (int c = static_cast<int>(errc::io_error); c <= static_cast<int>(errc::interval_undefined); ++c) {
    if (c > static_cast<int>(errc::invalid_syntax) && c < static_cast<int>(errc::percent_outside_dimensions))
      continue;
    if (name == to_string(static_cast<errc>(c))) return static_cast<errc>(c);
  }
  return std::nullopt;
}

enum class severity { error, warning };

/// Where in an input a diagnostic points: a list of segments, each a field name or an
/// element index, e.g. items → 3 → percent. Built in code (never parsed back from text),
/// so callers read `segments()` or `element()` instead of taking strings apart. A path
/// converts implicitly from one field name ("confidence"), the common case.
class field_path {
 public:
  using segment = std::variant<std::string, std::size_t>;

  field_path() = default;
  field_path(std::string_view name) {  // NOLINT: implicit by design
    if (!name.empty()) segments_.emplace_back(std::string(name));
  }
  field_path(const char* name) : field_path(std::string_view(name)) {}         // NOLINT: implicit by design
  field_path(const std::string& name) : field_path(std::string_view(name)) {}  // NOLINT: implicit by design

  /// This path followed by the field `name`: `path.field("percent")`.
  [[nodiscard]] field_path field(std::string_view name) const {
    field_path out = *this;
    out.segments_.emplace_back(std::string(name));
    return out;
  }
  /// This path followed by the element index `i`: `path.index(3)`.
  [[nodiscard]] field_path index(std::size_t i) const {
    field_path out = *this;
    out.segments_.emplace_back(i);
    return out;
  }

  /// This path followed by all of `rest`: touch_points[2] then ratings[5].
  [[nodiscard]] field_path then(const field_path& rest) const {
    field_path out = *this;
    out.segments_.insert(out.segments_.end(), rest.segments_.begin(), rest.segments_.end());
    return out;
  }

  /// This path without its first segment: [3].percent of items[3].percent.
  [[nodiscard]] field_path tail() const {
    field_path out;
    if (!segments_.empty()) out.segments_.assign(segments_.begin() + 1, segments_.end());
    return out;
  }

  [[nodiscard]] const std::vector<segment>& segments() const noexcept { return segments_; }
  [[nodiscard]] bool empty() const noexcept { return segments_.empty(); }

  /// The first field name ("items" of items[3].percent); empty when there is none.
  [[nodiscard]] std::string_view head() const noexcept {
    if (segments_.empty() || segments_.front().index() != 0) return {};
    return std::get<0>(segments_.front());
  }
  /// The first element index (3 of items[3].percent): which row, customer or item of the
  /// input the diagnostic is about; nullopt when the path has no index.
  [[nodiscard]] std::optional<std::size_t> element() const noexcept {
    for (const auto& s : segments_)
      if (s.index() == 1) return std::get<1>(s);
    return std::nullopt;
  }
  /// The last field name (percent of items[3].percent); empty when there is none.
  [[nodiscard]] std::string_view leaf() const noexcept {
    for (auto it = segments_.rbegin(); it != segments_.rend(); ++it)
      if (it->index() == 0) return std::get<0>(*it);
    return {};
  }

  /// The JSON-path text: `items[3].percent`.
  [[nodiscard]] std::string to_string() const {
    std::string out;
    for (const auto& s : segments_) {
      if (s.index() == 1) {
        out += '[';
        out += std::to_string(std::get<1>(s));
        out += ']';
      } else {
        if (!out.empty()) out += '.';
        out += std::get<0>(s);
      }
    }
    return out;
  }

  friend bool operator==(const field_path&, const field_path&) = default;
  /// Compares the text form, which keeps tests and simple callers short.
  friend bool operator==(const field_path& p, std::string_view text) { return p.to_string() == text; }
  friend bool operator==(const field_path& p, const char* text) { return p.to_string() == text; }
  friend bool operator==(const field_path& p, const std::string& text) { return p.to_string() == text; }

 private:
  std::vector<segment> segments_{};
};

/// Where and why some input is wrong. `file` is the source name (a path, or a name the
/// caller gave to in-memory text; empty for values built in code), `path` the field path
/// (segments; `items[3].percent` as text), `line`/`column` 1-based positions in the text
/// (0 when the position is not known, e.g. for errors found after parsing).
struct diagnostic {
  errc code{};
  std::string file{};
  std::size_t line = 0;
  std::size_t column = 0;
  field_path path{};
  std::string message{};
  excellence::v1::severity severity = severity::error;

  /// The index of the input element (row, customer, item) the diagnostic is about, when
  /// its path names one.
  [[nodiscard]] std::optional<std::size_t> element() const noexcept { return path.element(); }

  /// "file:line:column: path: message", leaving out the parts that are unknown,
  /// e.g. `acme.json: items[3].percent: 37 is not a multiple of 5`.
  [[nodiscard]] std::string to_string() const {
    std::string out;
    if (!file.empty()) {
      out += file;
      if (line != 0) {
        out += ':' + std::to_string(line);
        if (column != 0) out += ':' + std::to_string(column);
      }
      out += ": ";
    }
    if (!path.empty()) out += path.to_string() + ": ";
    out += message;
    return out;
  }
};

/// Base of every exception the library throws on its own.
class EXCELLENCE_API error : public std::runtime_error {
 public:
  error(errc code, const std::string& what) : std::runtime_error(what), code_(code) {}
  [[nodiscard]] errc code() const noexcept { return code_; }

 private:
  errc code_;
};

/// Bad user data: carries the full diagnostic.
class EXCELLENCE_API data_error : public error {
 public:
  explicit data_error(diagnostic d) : error(d.code, d.to_string()), diagnostic_(std::move(d)) {}
  [[nodiscard]] const excellence::v1::diagnostic& where() const noexcept { return diagnostic_; }

 private:
  excellence::v1::diagnostic diagnostic_;
};

/// The outcome of a non-throwing operation: a value or the diagnostic that prevented it.
/// Member names follow std::expected (C++23) so this can become an alias later.
template <class T>
class [[nodiscard]] result {
 public:
  using value_type = T;
  using error_type = diagnostic;

  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}               // NOLINT: implicit by design
  result(diagnostic failure) : state_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT: implicit by design

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws data_error with the diagnostic when there is none.
  [[nodiscard]] const T& value() const& {
    check();
    return std::get<0>(state_);
  }
  [[nodiscard]] T& value() & {
    check();
    return std::get<0>(state_);
  }
  [[nodiscard]] T&& value() && {
    check();
    return std::get<0>(std::move(state_));
  }

  /// The diagnostic. Precondition: !has_value().
  [[nodiscard]] const diagnostic& error() const& { return std::get<1>(state_); }

  [[nodiscard]] const T& operator*() const& { return std::get<0>(state_); }
  [[nodiscard]] T& operator*() & { return std::get<0>(state_); }
  /// `*std::move(r)` moves the value out (without this overload it would bind to the
  /// const& one and copy: a 216 MB copy of a million-row PLS data set, measured).
  [[nodiscard]] T&& operator*() && { return std::get<0>(std::move(state_)); }
  [[nodiscard]] const T* operator->() const { return &std::get<0>(state_); }
  [[nodiscard]] T* operator->() { return &std::get<0>(state_); }

 private:
  void check() const {
    if (!has_value()) throw data_error(std::get<1>(state_));
  }
  std::variant<T, diagnostic> state_;
};

EXCELLENCE_END_NAMESPACE

// Contract checks for programmer errors. Active unless EXCELLENCE_NO_CONTRACTS is
// defined; a failed check throws std::logic_error so that tests can observe it.
#if defined(EXCELLENCE_NO_CONTRACTS)
#  define EXCELLENCE_EXPECTS(cond) ((void)0)
#else
#  define EXCELLENCE_EXPECTS(cond) \
    ((cond) ? (void)0              \
            : throw std::logic_error(std::string("excellence: precondition failed: ") + #cond + " (" __FILE__ ")"))
#endif
