#include <excellence/detail/strings.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/io/pls_model_syntax.hpp>

#include "json_support.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

using detail::concat;

// Letters, digits, `_`, `.` and every byte of a multi-byte UTF-8 character: lavaan's
// names, and the Chinese indicator names of CCSI questionnaires.
bool is_name_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' ||
         c == '.';
}

// Characters of lavaan's operators (=~ <~ ~ ~~ := == < > | ~*~ and modifiers *), read as one
// run so that a typo such as `=<` is reported whole.
bool is_operator_byte(char c) {
  return c == '=' || c == '~' || c == '<' || c == '>' || c == ':' || c == '|' || c == '*' || c == '-' || c == '^' ||
         c == '%' || c == '/' || c == '@';
}

struct token {
  enum kind_t { name, op, plus, end_of_statement, end } kind = end;
  std::string_view text{};
  std::size_t offset = 0;
};

class parser {
 public:
  parser(std::string_view text, const std::string& source) : text_(text), source_(source) { tokenize(); }

  pls_model parse() {
    while (peek().kind != token::end) {
      if (peek().kind == token::end_of_statement) {
        ++at_;
        continue;
      }
      statement();
    }
    return build();
  }

 private:
  struct use {
    std::string name;
    std::size_t offset;
  };
  struct block {
    std::string name;
    pls_mode mode = pls_mode::a;
    std::size_t offset = 0;  // first definition
    std::vector<use> indicators{};
  };
  struct path {
    use from, to;
  };

  std::string_view text_;
  const std::string& source_;
  std::vector<token> tokens_{};
  std::size_t at_ = 0;
  std::vector<block> blocks_{};
  std::vector<path> paths_{};

  [[noreturn]] void fail(errc code, std::size_t offset, std::string message) const {
    throw data_error(detail::at_offset(code, source_, text_, offset, std::move(message)));
  }

  void tokenize() {
    std::size_t i = 0;
    const auto n = text_.size();
    while (i < n) {
      const char c = text_[i];
      if (c == '#' || c == '!') {
        while (i < n && text_[i] != '\n') ++i;
      } else if (c == '\n' || c == ';') {
        tokens_.push_back({token::end_of_statement, text_.substr(i, 1), i});
        ++i;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++i;
      } else if (c == '+') {
        tokens_.push_back({token::plus, text_.substr(i, 1), i});
        ++i;
      } else if (is_name_byte(c)) {
        const auto start = i;
        while (i < n && is_name_byte(text_[i])) ++i;
        tokens_.push_back({token::name, text_.substr(start, i - start), start});
      } else if (is_operator_byte(c)) {
        const auto start = i;
        while (i < n && is_operator_byte(text_[i])) ++i;
        tokens_.push_back({token::op, text_.substr(start, i - start), start});
      } else {
        fail(errc::invalid_syntax, i,
             concat("unexpected character '", std::string(1, c),
                    "' (names are letters, digits, '_' and '.'; operators =~, <~ and ~)"));
      }
    }
    tokens_.push_back({token::end, {}, n});
  }

  [[nodiscard]] const token& peek() const { return tokens_[at_]; }

  // Skips line ends where the statement cannot end (after an operator or `+`).
  void skip_line_ends() {
    while (peek().kind == token::end_of_statement && peek().text == "\n") ++at_;
  }

  // The statement continues on the next line when that line starts with `+`.
  bool continues_with_plus() {
    auto k = at_;
    while (tokens_[k].kind == token::end_of_statement && tokens_[k].text == "\n") ++k;
    if (tokens_[k].kind != token::plus) return false;
    at_ = k;
    return true;
  }

  use expect_name(std::string_view after, std::size_t after_offset) {
    skip_line_ends();
    const auto& t = peek();
    if (t.kind != token::name) {
      const auto where = t.kind == token::end ? after_offset : t.offset;
      fail(errc::invalid_syntax, where,
           concat("expected a name after '", std::string(after), "'",
                  t.kind == token::end ? std::string(" (the model ends here)")
                                       : concat(", found '", std::string(t.text), "'")));
    }
    ++at_;
    return {std::string(t.text), t.offset};
  }

  // name (+ name)*, the right-hand side of every statement; a modifier is refused.
  std::vector<use> terms(std::string_view op, std::size_t op_offset) {
    std::vector<use> out{expect_name(op, op_offset)};
    for (;;) {
      if (peek().kind == token::op) {
        const auto& t = peek();
        if (t.text == "*")
          fail(errc::invalid_syntax, t.offset,
               concat("modifiers ('", out.back().name,
                      "*...') are not supported: PLS estimates every weight and path freely"));
        fail(errc::invalid_syntax, t.offset,
             concat("unexpected '", std::string(t.text), "' after '", out.back().name,
                    "' (expected '+' or a new line)"));
      }
      if (peek().kind == token::name)
        fail(errc::invalid_syntax, peek().offset,
             concat("expected '+' between '", out.back().name, "' and '", std::string(peek().text), "'"));
      if (peek().kind == token::plus || continues_with_plus()) {
        const auto plus = peek().offset;
        ++at_;
        out.push_back(expect_name("+", plus));
        continue;
      }
      return out;
    }
  }

  void statement() {
    // Left-hand side: one name, or several joined by `+` (only for `~`).
    std::vector<use> lhs;
    for (;;) {
      const auto& t = peek();
      if (t.kind != token::name)
        fail(errc::invalid_syntax, t.offset,
             t.kind == token::op ? concat("expected a name before '", std::string(t.text), "'")
                                 : concat("expected a name, found '", std::string(t.text), "'"));
      lhs.push_back({std::string(t.text), t.offset});
      ++at_;
      if (peek().kind != token::plus) break;
      ++at_;
    }
    const auto& op_token = peek();
    if (op_token.kind != token::op)
      fail(errc::invalid_syntax, op_token.kind == token::end ? text_.size() : op_token.offset,
           concat("expected an operator (=~, <~ or ~) after '", lhs.back().name, "'"));
    const std::string op(op_token.text);
    const auto op_offset = op_token.offset;
    ++at_;
    if (op == "~~")
      fail(errc::invalid_syntax, op_offset,
           "covariances ('~~') are not part of a PLS path model: its constructs relate only by paths");
    if (op == ":=") fail(errc::invalid_syntax, op_offset, "defined parameters (':=') are not supported");
    if (op == "==" || op == "<" || op == ">")
      fail(errc::invalid_syntax, op_offset, concat("constraints ('", op, "') are not supported"));
    if (op != "=~" && op != "<~" && op != "~")
      fail(errc::invalid_syntax, op_offset, concat("unknown operator '", op, "' (expected =~, <~ or ~)"));
    if (op != "~" && lhs.size() > 1)
      fail(errc::invalid_syntax, lhs[1].offset, concat("'", op, "' defines one construct per statement"));
    const auto rhs = terms(op, op_offset);
    if (op == "~") {
      for (const auto& r : rhs)
        if (r.name == "1") fail(errc::invalid_syntax, r.offset, "intercepts ('~ 1') are not part of a PLS path model");
      for (const auto& to : lhs)
        for (const auto& from : rhs) paths_.push_back({from, to});
    } else {
      define(lhs[0], op == "=~" ? pls_mode::a : pls_mode::b, rhs);
    }
    const auto& t = peek();
    if (t.kind != token::end_of_statement && t.kind != token::end)
      fail(errc::invalid_syntax, t.offset, concat("unexpected '", std::string(t.text), "' (expected a new statement)"));
  }

  void define(const use& lv, pls_mode mode, const std::vector<use>& indicators) {
    auto it = std::find_if(blocks_.begin(), blocks_.end(), [&](const block& b) { return b.name == lv.name; });
    if (it == blocks_.end()) {
      blocks_.push_back({lv.name, mode, lv.offset, {}});
      it = blocks_.end() - 1;
    } else if (it->mode != mode) {
      fail(errc::invalid_syntax, lv.offset,
           concat("'", lv.name, "' was defined ", mode == pls_mode::a ? "formative (<~)" : "reflective (=~)",
                  " before: a block has one mode"));
    }
    it->indicators.insert(it->indicators.end(), indicators.begin(), indicators.end());
  }

  // "line 3, column 9" of a byte offset, for a message that points at a second place.
  [[nodiscard]] std::string position(std::size_t offset) const {
    const auto d = detail::at_offset(errc::invalid_syntax, source_, text_, offset, "");
    return concat("line ", std::to_string(d.line), ", column ", std::to_string(d.column));
  }

  [[nodiscard]] std::optional<std::size_t> block_of(const std::string& name) const {
    for (std::size_t j = 0; j < blocks_.size(); ++j)
      if (blocks_[j].name == name) return j;
    return std::nullopt;
  }

  pls_model build() const {
    if (blocks_.empty())
      fail(errc::invalid_syntax, text_.size(),
           "the model defines no construct (expected F =~ x1 + x2 or F <~ x1 + x2)");
    // Indicators: unique across the model, and not themselves constructs.
    std::map<std::string, std::size_t> seen;
    for (const auto& b : blocks_)
      for (const auto& x : b.indicators) {
        if (block_of(x.name))
          fail(errc::invalid_syntax, x.offset,
               concat("'", x.name,
                      "' is a construct: higher-order constructs are not supported (an indicator is a column of the "
                      "data)"));
        if (const auto first = seen.find(x.name); first != seen.end())
          fail(errc::duplicate_id, x.offset,
               concat("indicator '", x.name, "' is already in a block (", position(first->second), ")"));
        seen.emplace(x.name, x.offset);
      }
    pls_model m;
    for (const auto& b : blocks_) {
      m.latent_variables.push_back(b.name);
      m.modes.push_back(b.mode);
      std::vector<std::string> names;
      for (const auto& x : b.indicators) names.push_back(x.name);
      m.blocks.push_back(std::move(names));
    }
    const auto J = blocks_.size();
    m.path_matrix.assign(J, std::vector<int>(J, 0));
    for (const auto& p : paths_) {
      for (const auto* end : {&p.from, &p.to})
        if (!block_of(end->name))
          fail(errc::invalid_syntax, end->offset,
               concat("'", end->name, "' is not a construct: define its block first (", end->name, " =~ ... or ",
                      end->name, " <~ ...)"));
      const auto from = *block_of(p.from.name);
      const auto to = *block_of(p.to.name);
      if (from == to)
        fail(errc::invalid_syntax, p.from.offset, concat("'", p.to.name, "' cannot be its own predecessor"));
      if (m.path_matrix[to][from] != 0)
        fail(errc::duplicate_id, p.from.offset, concat("the path ", p.from.name, " -> ", p.to.name, " is given twice"));
      m.path_matrix[to][from] = 1;
    }
    // check_pls_model refuses the same, but without a place in the text: here a construct
    // without paths points at its definition (self-paths and repeats were caught above).
    for (std::size_t j = 0; j < J; ++j) {
      bool connected = false;
      for (std::size_t k = 0; k < J; ++k) connected = connected || m.path_matrix[j][k] != 0 || m.path_matrix[k][j] != 0;
      if (!connected)
        fail(errc::invalid_value, blocks_[j].offset,
             concat("construct '", blocks_[j].name, "' has no path to or from another one (add a '~' statement)"));
    }
    if (auto bad = check_pls_model(m)) {
      bad->file = source_;
      throw data_error(*bad);
    }
    return m;
  }
};

}  // namespace

result<pls_model> try_parse_pls_syntax(std::string_view text, std::string source) {
  // A byte-order mark (as some Windows editors write) is not part of the first name; the
  // columns of line 1 then count from after it, as editors show them.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return detail::catching<pls_model>([&] {
    if (const auto bad = detail::first_invalid_utf8(text))
      throw data_error(detail::at_offset(errc::invalid_utf8, source, text, *bad, "invalid UTF-8"));
    return parser(text, source).parse();
  });
}

result<std::string> try_to_syntax(const pls_model& model) {
  if (auto bad = check_pls_model(model)) return *bad;
  const auto writable = [](const std::string& name, field_path where) -> std::optional<diagnostic> {
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_byte))
      return detail::input_error(errc::invalid_value, std::move(where),
                                 concat("\"", name,
                                        "\" cannot be written in the model syntax (names are letters, digits, '_', '.' "
                                        "and non-ASCII characters)"));
    return std::nullopt;
  };
  std::string out;
  const auto J = model.latent_variables.size();
  for (std::size_t j = 0; j < J; ++j) {
    if (auto bad = writable(model.latent_variables[j], detail::indexed("latent_variables", j))) return *bad;
    out += concat(model.latent_variables[j], model.modes[j] == pls_mode::a ? " =~ " : " <~ ");
    for (std::size_t k = 0; k < model.blocks[j].size(); ++k) {
      if (auto bad = writable(model.blocks[j][k], detail::indexed("blocks", j).index(k))) return *bad;
      out += concat(k == 0 ? "" : " + ", model.blocks[j][k]);
    }
    out += '\n';
  }
  for (std::size_t to = 0; to < J; ++to) {
    std::string predecessors;
    for (std::size_t from = 0; from < J; ++from)
      if (model.has_path(from, to))
        predecessors += concat(predecessors.empty() ? "" : " + ", model.latent_variables[from]);
    if (!predecessors.empty()) out += concat(model.latent_variables[to], " ~ ", predecessors, "\n");
  }
  return out;
}

}  // namespace excellence::inline v1
