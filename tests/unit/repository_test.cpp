// Keeps the repository honest: the README's commands, CI and the docs agree with the code.
#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/scoring/score.hpp>

#include "test_support.hpp"

#include <cctype>
#include <regex>
#include <set>

namespace {

std::vector<std::string> quick_start_commands() {
  const auto readme = test::read_file(test::source_dir / "README.md");
  const auto start = readme.find("## Quick start");
  REQUIRE(start != std::string::npos);
  const auto end = readme.find("\n## ", start + 1);
  const auto section = readme.substr(start, end - start);
  std::vector<std::string> commands;
  const std::regex block("```(?:sh|bash)?\\n([^`]*)```");
  for (std::sregex_iterator it(section.begin(), section.end(), block), last; it != last; ++it) {
    std::string command = (*it)[1];
    command.erase(command.find_last_not_of('\n') + 1);
    commands.push_back(command);
  }
  return commands;
}

}  // namespace

TEST_CASE("README quick start has exactly two commands and .ci/run runs the second") {
  const auto commands = quick_start_commands();
  REQUIRE(commands.size() == 2);
  for (const auto& c : commands) CHECK(c.find('\n') == std::string::npos);  // one command each
  CHECK(commands[0].find("excellence score examples/data/") != std::string::npos);
  CHECK(commands[1].find("ctest") != std::string::npos);
  const auto ci = test::read_file(test::source_dir / ".ci/run");
  CHECK(ci.find("\n" + commands[1] + "\n") != std::string::npos);
}

TEST_CASE("every public header is documented in docs/") {
  std::string docs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir / "docs"))
    if (entry.path().extension() == ".md") docs += test::read_file(entry.path());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir / "include/excellence")) {
    if (entry.path().extension() != ".hpp" && entry.path().extension() != ".h") continue;
    const auto relative = std::filesystem::relative(entry.path(), test::source_dir / "include").generic_string();
    if (relative.find("/detail/") != std::string::npos) continue;
    INFO(relative);
    CHECK(docs.find(relative) != std::string::npos);
  }
}

TEST_CASE("docs/c-api.md's worked example is examples/c_api.c, verbatim") {
  const auto page = test::read_file(test::source_dir / "docs/c-api.md");
  const auto example = test::read_file(test::source_dir / "examples/c_api.c");
  CHECK(page.find("```c\n" + example + "```") != std::string::npos);
}

TEST_CASE("the README's embedding example is examples/embedding.cpp, verbatim") {
  const auto readme = test::read_file(test::source_dir / "README.md");
  const auto example = test::read_file(test::source_dir / "examples/embedding.cpp");
  CHECK(readme.find("```cpp\n" + example + "```") != std::string::npos);
}

namespace {

std::string first_json_block(const std::string& page) {
  const auto text = test::read_file(test::source_dir / "docs" / page);
  const auto start = text.find("```json\n");
  REQUIRE(start != std::string::npos);
  const auto body = start + 8;
  return text.substr(body, text.find("```", body) - body);
}

}  // namespace

TEST_CASE("the JSON examples in the docs load and score") {
  const auto framework = excellence::parse_framework(first_json_block("framework-format.md"), "framework-format.md");
  CHECK(framework.max_points() == 100);
  CHECK(framework.info().overall_bands.size() == 2);

  const auto a = excellence::parse_assessment(first_json_block("assessment-format.md"), "assessment-format.md");
  const auto s = excellence::score(a, excellence::builtin_framework("gbt19580-2012"), {.scope = "4.3"});
  CHECK(s.total == excellence::points::whole(20));  // 50 % of 40; 4.3.3 not assessed
  CHECK(s.not_assessed == std::vector<std::string>{"4.3.3"});
}

TEST_CASE("the JSON Schema describes the fields the reader accepts") {
  const auto schema = test::read_json(test::source_dir / "docs/assessment.schema.json");
  std::set<std::string> top;
  for (const auto& [key, unused] : schema.at("properties").items()) top.insert(key);
  CHECK(top == std::set<std::string>{"format", "description", "notes", "framework", "organization", "examiner", "date",
                                     "key_factors", "key_themes", "items"});
  // Every item field of the schema is accepted by the reader and nothing else is.
  std::string item = R"({"id": "4.3.2", "percent": 50)";
  for (const auto& field : schema.at("$defs").at("item").at("properties").items()) {
    const std::string key = field.key();
    if (key == "id" || key == "percent" || key == "not_assessed") continue;
    const std::string value = key == "strengths" || key == "opportunities" ? "[\"x\"]"
                              : key == "comments"                          ? R"([{"type": "strength", "text": "x"}])"
                                                                           : "50";
    const auto text = R"({"format": "excellence.assessment/1", "framework": "f", "organization": "o",
      "examiner": "e", "date": "2026-01-01", "items": [)" +
                      item + ", \"" + key + "\": " + value + "}]}";
    INFO(key);
    CHECK(excellence::try_parse_assessment(text).has_value());
  }
  // So is every field of a comment record, a key factor and a key theme.
  const auto& defs = schema.at("$defs");
  std::set<std::string> comment_fields, typed_fields;
  for (const auto& [key, unused] : defs.at("comment").at("oneOf").at(1).at("properties").items())
    comment_fields.insert(key);
  for (const auto& [key, unused] : defs.at("typed_comment").at("properties").items()) typed_fields.insert(key);
  CHECK(comment_fields == std::set<std::string>{"text", "area", "evidence", "dimension", "key_factors"});
  comment_fields.insert("type");
  CHECK(typed_fields == comment_fields);
  const auto full = excellence::try_parse_assessment(R"({"format": "excellence.assessment/1", "framework": "f",
    "organization": "o", "examiner": "e", "date": "2026-01-01",
    "key_factors": [{"id": "KF1", "text": "t"}], "key_themes": [{"type": "opportunity", "text": "t", "items": ["4.3.3"]}],
    "items": [{"id": "4.3.3", "percent": 50, "comments": [{"type": "strength", "text": "x", "area": "4.3.3.2",
      "evidence": "e", "dimension": "deployment", "key_factors": ["KF1"]}]}]})");
  REQUIRE(full.has_value());
  CHECK(full->items[0].strengths[0].key_factors == std::vector<std::string>{"KF1"});
}

TEST_CASE("the tests read only files inside the repository") {
  // A clone on its own must pass its own tests: no test source, CMake file or CI script may
  // name the folder beside the repository where references are handed to the team.
  const std::vector<std::filesystem::path> roots{test::source_dir / "tests", test::source_dir / "bench",
                                                 test::source_dir / "cmake", test::source_dir / ".ci"};
  std::vector<std::filesystem::path> files{test::source_dir / "CMakeLists.txt"};
  for (const auto& root : roots)
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() &&
          (ext == ".cpp" || ext == ".hpp" || ext == ".txt" || ext == ".cmake" || entry.path().filename() == "run"))
        if (entry.path().parent_path().filename() != "data" &&
            entry.path().generic_string().find("/tests/data/") == std::string::npos)
          files.push_back(entry.path());
    }
  CHECK(files.size() > 20);
  const std::string outside = std::string("..") + "/shared";
  const std::string named = std::string("SHARED") + "_DIR";
  for (const auto& file : files) {
    INFO(file.generic_string());
    const auto text = test::read_file(file);
    CHECK(text.find(outside) == std::string::npos);
    CHECK(text.find(named) == std::string::npos);
  }
}

TEST_CASE("the error model: every try_ function has a throwing form") {
  // docs/error-handling.md: each fallible function comes as try_NAME (a result) and NAME
  // (the value, or data_error), or NAME_of where NAME is the result type's own name.
  // Every identifier followed by '(' in the public headers, found in one scan: a std::regex
  // per name over all the headers took 35 s under the sanitizers.
  std::set<std::string> called;
  const auto word = [](char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir / "include/excellence")) {
    if (entry.path().extension() != ".hpp") continue;
    const auto text = test::read_file(entry.path());
    for (std::size_t i = 0; i < text.size();) {
      if (!word(text[i]) || (i > 0 && word(text[i - 1]))) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && word(text[end])) ++end;
      if (end < text.size() && text[end] == '(') called.insert(text.substr(i, end - i));
      i = end;
    }
  }
  std::set<std::string> names;
  for (const auto& name : called)
    if (name.starts_with("try_")) names.insert(name.substr(4));
  CHECK(names.size() > 60);
  for (const auto& name : names) {
    INFO("try_" << name);
    CHECK((called.contains(name) || called.contains(name + "_of")));
  }
}

TEST_CASE("the command renders through report/ only: no JSON or table building in src/cli/") {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir / "src/cli")) {
    const auto text = test::read_file(entry.path());
    INFO(entry.path().filename().string());
    CHECK(text.find("nlohmann") == std::string::npos);
    CHECK(text.find("text_table") == std::string::npos);
  }
}

TEST_CASE("fwd.hpp declares every public type") {
  const auto fwd = test::read_file(test::source_dir / "include/excellence/fwd.hpp");
  // Types at namespace scope outside detail: declared on a line of their own.
  const std::regex declaration("^(struct|class|enum class) ([a-z_0-9]+)\\b", std::regex::multiline);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir / "include/excellence")) {
    const auto relative = std::filesystem::relative(entry.path(), test::source_dir / "include").generic_string();
    if (entry.path().extension() != ".hpp" || relative.find("/detail/") != std::string::npos ||
        relative == "excellence/fwd.hpp")
      continue;
    auto text = test::read_file(entry.path());
    // Leave out `namespace detail { … }` blocks.
    for (auto at = text.find("namespace detail {"); at != std::string::npos; at = text.find("namespace detail {")) {
      const auto end = text.find("}  // namespace detail", at);
      text.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), declaration), last; it != last; ++it) {
      const std::string kind = (*it)[1], name = (*it)[2];
      INFO(relative << ": " << kind << " " << name);
      CHECK(std::regex_search(fwd, std::regex("(^|\\n)(template <class T>\\n)?" + kind + " " + name + ";")));
    }
  }
}
