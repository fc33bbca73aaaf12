// PLS path models in lavaan-style syntax (io/pls_model_syntax.hpp): the same model as the
// JSON format, written back either way, and errors at their line and column.
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>

#include "test_support.hpp"

#include <string>

using namespace excellence;

namespace {

const auto syntax_dir = test::data_dir / "pls";

bool same_model(const pls_model& a, const pls_model& b) {
  return a.latent_variables == b.latent_variables && a.path_matrix == b.path_matrix && a.blocks == b.blocks &&
         a.modes == b.modes;
}

// The diagnostic of a text that must not parse.
diagnostic syntax_error(std::string_view text) {
  auto r = try_parse_pls_syntax(text, "model.txt");
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

TEST_CASE("model syntax: the ECSI model reads as the JSON model does, from text and from a file") {
  const auto json = read_pls_model(syntax_dir / "satisfaction_model.json");
  const auto text = read_pls_model(syntax_dir / "satisfaction_model.txt");  // dispatched on content
  CHECK(same_model(json, text));
  // Written out and read back, in both formats.
  const std::string written = to_syntax(json);
  CHECK(written.substr(0, written.find('\n')) == "IMAG =~ imag1 + imag2 + imag3 + imag4 + imag5");
  CHECK(written.find("SAT ~ IMAG + EXPE + QUAL + VAL\n") != std::string::npos);
  CHECK(same_model(parse_pls_syntax(written), json));
  CHECK(same_model(parse_pls_model(to_json(text)), json));
}

TEST_CASE("model syntax: composites, several statements per line, blocks in parts, several targets") {
  const auto m = parse_pls_syntax(
      "VAL <~ val1 + val2; SAT =~ sat1\n"
      "SAT =~ sat2   ! lavaan's other comment\n"
      "LOY =~ loy1 + loy2\n"
      "SAT + LOY ~ VAL\n"
      "LOY ~\n  SAT\n"
      "顾客满意 =~ 满意1 + 满意2\n"
      "顾客满意 ~ VAL\n");
  REQUIRE(m.latent_variables == std::vector<std::string>{"VAL", "SAT", "LOY", "顾客满意"});
  CHECK(m.modes == std::vector<pls_mode>{pls_mode::b, pls_mode::a, pls_mode::a, pls_mode::a});
  CHECK(m.blocks[1] == std::vector<std::string>{"sat1", "sat2"});
  CHECK(m.has_path(0, 1));
  CHECK(m.has_path(0, 2));
  CHECK(m.has_path(1, 2));
  CHECK(m.has_path(0, 3));
  CHECK_FALSE(m.has_path(2, 1));
  CHECK(to_syntax(m).find("VAL <~ val1 + val2\n") == 0);
  // A byte-order mark is not part of the first name, and columns count from after it.
  const auto with_bom = parse_pls_syntax(
      "\xEF\xBB\xBF"
      "A =~ a1\nB =~ b1\nB ~ A\n");
  CHECK(with_bom.latent_variables.front() == "A");
  CHECK(try_parse_pls_syntax("\xEF\xBB\xBF"
                             "A =< a1\n")
            .error()
            .column == 3);
}

TEST_CASE("model syntax: errors name the line and the column") {
  auto d = syntax_error("SAT =~ sat1 + sat2\nLOY =~ loy1\nLOY ~ SAT\nVAL =< val1\n");
  CHECK(d.code == errc::invalid_syntax);
  CHECK(d.to_string() == "model.txt:4:5: unknown operator '=<' (expected =~, <~ or ~)");
  d = syntax_error("A =~ a1\nB =~ b1\nB ~~ A\n");
  CHECK(d.to_string().find("model.txt:3:3: covariances ('~~')") == 0);
  d = syntax_error("A =~ a1 + 0.5*a2\nB =~ b1\nB ~ A\n");
  CHECK(d.line == 1);
  CHECK(d.column == 14);
  CHECK(d.message.find("modifiers") != std::string::npos);
  d = syntax_error("A =~ a1 a2\n");
  CHECK(d.to_string() == "model.txt:1:9: expected '+' between 'a1' and 'a2'");
  d = syntax_error("A =~ a1 +\n");
  CHECK(d.message.find("expected a name after '+'") == 0);
  d = syntax_error("A =~ a1\nB =~ b1\nB ~ C\n");
  CHECK(d.to_string().find("model.txt:3:5: 'C' is not a construct") == 0);
  d = syntax_error("A =~ a1 + a2\nB =~ b1 + a2\nB ~ A\n");
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.to_string() == "model.txt:2:11: indicator 'a2' is already in a block (line 1, column 11)");
  d = syntax_error("A =~ a1\nA <~ a2\n");
  CHECK(d.to_string().find("model.txt:2:1: 'A' was defined reflective (=~) before") == 0);
  d = syntax_error("A =~ a1\nB =~ b1\nB ~ A\nB ~ A\n");
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.line == 4);
  d = syntax_error("A =~ a1\nB =~ b1\nC =~ c1\nB ~ A\n");
  CHECK(d.to_string().find("model.txt:3:1: construct 'C' has no path") == 0);
  d = syntax_error("A =~ a1\nB =~ A\nB ~ A\n");
  CHECK(d.message.find("higher-order") != std::string::npos);
  d = syntax_error("A =~ a1\nB =~ b1\nB ~ 1\n");
  CHECK(d.to_string().find("model.txt:3:5: intercepts") == 0);
  d = syntax_error("A =~ a1\nB =~ b1\nB ~ A\nA ~ B\n");
  CHECK(d.message.find("cycle") != std::string::npos);
  CHECK(d.file == "model.txt");
  d = syntax_error("# nothing but a comment\n");
  CHECK(d.message == "the model defines no construct (expected F =~ x1 + x2 or F <~ x1 + x2)");
  d = syntax_error("A =~ a1 (x)\n");
  CHECK(d.to_string().find("model.txt:1:9: unexpected character '('") == 0);
  d = syntax_error("A =~ a\xff\n");
  CHECK(d.code == errc::invalid_utf8);
  CHECK(d.column == 7);
}

TEST_CASE("model syntax: a name the syntax cannot write is an error, not a silently different model") {
  auto m = read_pls_model(syntax_dir / "satisfaction_model.json");
  m.blocks[0][0] = "image 1";
  const auto r = try_to_syntax(m);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().path.to_string() == "blocks[0][0]");
}
