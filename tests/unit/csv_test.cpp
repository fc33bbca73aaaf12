#include <excellence/io/csv.hpp>

#include "test_support.hpp"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace excellence;

namespace {
diagnostic csv_problem(std::string_view text) {
  return test::failure(try_parse_csv(text, "t.csv"));
}
}  // namespace

TEST_CASE("CSV: quoting, line endings, BOM, trailing blank lines") {
  const auto t = try_parse_csv(
                     "\xEF\xBB\xBFoffer,note,price\r\n"
                     "own,\"cheap, cheerful\",10\r\n"
                     "rival,\"says \"\"best\"\"\",12\r\n"
                     "third,\"two\nlines\",+9.5\n"
                     "\n\n",
                     "t.csv")
                     .value();
  CHECK(t.header() == std::vector<std::string>{"offer", "note", "price"});
  REQUIRE(t.row_count() == 3);
  CHECK(t.text(0, 1) == "cheap, cheerful");
  CHECK(t.text(1, 1) == "says \"best\"");
  CHECK(t.text(2, 1) == "two\nlines");
  CHECK(t.line(0) == 2);
  CHECK(t.line(1) == 3);
  CHECK(t.line(2) == 4);
  CHECK(t.type(0) == csv_column_type::text);
  CHECK(t.type(2) == csv_column_type::number);
  CHECK(t.try_numbers("price").value() == std::vector<double>{10, 12, 9.5});
  CHECK(*t.find("note") == 1);
  CHECK_FALSE(t.find("").has_value());
}

TEST_CASE("CSV: plspm's satisfaction data (250 respondents, 27 indicators and gender)") {
  const auto t = try_read_csv(test::data_dir / "pls/satisfaction.csv").value();
  REQUIRE(t.header().size() == 28);
  CHECK(t.header().front() == "imag1");
  CHECK(t.header()[26] == "loy4");
  CHECK(t.header()[27] == "gender");
  CHECK(t.row_count() == 250);
  CHECK(t.text(0, 27) == "male");
  const auto sat1 = t.try_numbers("sat1").value();
  CHECK(sat1[0] == 6.0);
  CHECK(sat1[1] == 8.0);
}

TEST_CASE("CSV: a column without a name is kept and reachable by index only") {
  const auto t = try_parse_csv("a,,c\n1,2,3\n").value();
  CHECK(t.header()[1].empty());
  CHECK(t.text(0, 1) == "2");
  CHECK_FALSE(t.find("").has_value());
  CHECK(test::failure(t.try_column("")).message == "no column \"\" (the columns are: a, c)");
}

TEST_CASE("CSV: errors name the file, line and column") {
  auto d = csv_problem("a,b\n1,\"open\n2,3\n");
  CHECK(d.code == errc::invalid_value);
  CHECK(d.to_string() == "t.csv:2:3: the quoted field opened here is never closed");
  d = csv_problem("a,b\n1,x\"y\n");
  CHECK(d.line == 2);
  CHECK(d.column == 4);
  CHECK(d.message.starts_with("a quote inside an unquoted field"));
  d = csv_problem("a,b\n\"x\"y,1\n");
  CHECK(d.message == "text after the closing quote of a quoted field");
  d = csv_problem("a,b\n1,2\n3\n");
  CHECK(d.line == 3);
  CHECK(d.message == "the row has 1 fields but the header has 2");
  d = csv_problem("a,b\n1,2\n\n3,4\n");
  CHECK(d.line == 3);
  CHECK(d.message == "a blank line inside the data");
  d = csv_problem("a,b,a\n1,2,3\n");
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.column == 3);
  CHECK(csv_problem("").code == errc::missing_field);
  d = csv_problem("a,b\n1,\xff\n");
  CHECK(d.code == errc::invalid_utf8);
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(test::failure(try_read_csv("no/such.csv")).code == errc::io_error);
}

TEST_CASE("CSV: numbers are whole cells; bad cells are reported, never skipped") {
  const auto t = try_parse_csv("id,score\nA,7\nB,\nC,x7\nD,1e999\n", "s.csv").value();
  auto d = test::failure(t.try_numbers("score"));
  CHECK(d.code == errc::missing_field);
  CHECK(d.to_string() == "s.csv:3:2: score: the cell is empty; a number is expected");
  const auto bad = try_parse_csv("id,score\nC,x7\n", "s.csv").value();
  CHECK(test::failure(bad.try_numbers("score")).message == "\"x7\" is not a finite number");
  CHECK(test::failure(try_parse_csv("s\n1e999\n").value().try_numbers("s")).code == errc::wrong_type);
  CHECK(test::failure(try_parse_csv("s\n 7\n").value().try_numbers("s")).code == errc::wrong_type);
  CHECK(test::failure(try_parse_csv("s\nnan\n").value().try_numbers("s")).code == errc::wrong_type);
  d = test::failure(t.try_numbers("price"));
  CHECK(d.code == errc::missing_field);
  CHECK(d.message == "no column \"price\" (the columns are: id, score)");
}

TEST_CASE("CSV: columns are typed once; empty cells are a mask, not a value") {
  const auto t = try_parse_csv("id,score,name\n007,1.5,a\n008,,\n009,+2,\"c, d\"\n", "m.csv").value();
  CHECK(t.type(0) == csv_column_type::number);
  CHECK(t.type(1) == csv_column_type::number);
  CHECK(t.type(2) == csv_column_type::text);
  // The text of a number cell is given back as written.
  CHECK(t.text(0, 0) == "007");
  CHECK(t.text(2, 1) == "+2");
  CHECK(t.text(2, 2) == "c, d");
  const auto score = t.try_number_column("score").value();
  REQUIRE(score.values.size() == 3);
  CHECK(score.missing_count == 1);
  CHECK(score.missing[1] == 1);
  CHECK(score.values[0] == 1.5);
  CHECK(score.values[2] == 2);
  CHECK(t.is_empty(1, 1));
  CHECK(t.is_empty(1, 2));
  CHECK(t.text(1, 1).empty());
  // A view of the numbers, without the copy; the same errors.
  const auto view = try_parse_csv("x\n1\n2.5\n").value();
  CHECK(std::vector<double>(view.try_number_view("x").value().begin(), view.try_number_view("x").value().end()) ==
        std::vector<double>{1, 2.5});
  CHECK(test::failure(t.try_number_view("score")).to_string() == test::failure(t.try_numbers("score")).to_string());
  const auto optional = t.try_optional_numbers("score").value();
  CHECK(optional == std::vector<std::optional<double>>{1.5, std::nullopt, 2.0});
  // Every cell a number: the empty one is named.
  CHECK(test::failure(t.try_numbers("score")).to_string() ==
        "m.csv:3:2: score: the cell is empty; a number is expected");
  // A text column is not numbers: the first cell that is not one is named, empty cells skipped.
  const auto d = test::failure(t.try_number_column("name"));
  CHECK(d.to_string() == "m.csv:2:3: name: \"a\" is not a finite number");
}

TEST_CASE("CSV: a column that turns to text late keeps every earlier cell's text") {
  std::string text = "x,y\n";
  for (int i = 0; i < 1000; ++i) text += std::to_string(i) + "," + std::to_string(i % 7) + "\n";
  text += "later,\"q\"\"uote\"\n";
  const auto t = try_parse_csv(text, "late.csv").value();
  REQUIRE(t.row_count() == 1001);
  CHECK(t.type(0) == csv_column_type::text);
  CHECK(t.type(1) == csv_column_type::text);
  CHECK(t.text(0, 0) == "0");
  CHECK(t.text(999, 0) == "999");
  CHECK(t.text(1000, 0) == "later");
  CHECK(t.text(1000, 1) == "q\"uote");
  CHECK(test::failure(t.try_numbers("x")).to_string() == "late.csv:1002:1: x: \"later\" is not a finite number");
}

TEST_CASE("CSV: large unquoted text is read in parallel chunks and joined in order") {
  // Over a megabyte without a quote: the reader cuts it at line breaks. Column c turns to
  // text only near the end, in another chunk than its first cells.
  std::string text = "a,b,c\n";
  const int rows = 120'000;
  for (int i = 0; i < rows; ++i)
    text += std::to_string(i) + "," + (i % 10 == 3 ? std::string() : std::to_string(i * 0.5)) + "," +
            (i == rows - 5 ? std::string("x") : std::to_string(i % 100)) + "\n";
  REQUIRE(text.size() > (std::size_t{1} << 20));
  const auto t = try_parse_csv(text, "big.csv").value();
  REQUIRE(t.row_count() == static_cast<std::size_t>(rows));
  const auto a = t.try_numbers("a").value();
  double sum = 0;
  for (const double v : a) sum += v;
  CHECK(sum == doctest::Approx(static_cast<double>(rows) * (rows - 1) / 2).epsilon(1e-15));
  const auto b = t.try_number_column("b").value();
  CHECK(b.missing_count == static_cast<std::size_t>(rows / 10));
  CHECK(b.missing[3] == 1);
  CHECK(b.values[rows - 1] == (rows - 1) * 0.5);
  CHECK(t.type(2) == csv_column_type::text);
  CHECK(t.text(0, 2) == "0");
  CHECK(t.text(rows - 5, 2) == "x");
  CHECK(t.text(rows - 1, 2) == "99");
  for (const std::size_t r : {std::size_t{0}, std::size_t{rows / 2}, std::size_t{rows - 1}}) CHECK(t.line(r) == r + 2);
  CHECK(test::failure(t.try_numbers("c")).line == static_cast<std::size_t>(rows - 5 + 2));
  // The first error in the file is the one reported, whichever chunk finds it.
  std::string broken = text;
  broken += "1,2\n";
  const auto late = broken.find('\n', broken.size() / 4);
  broken.insert(late + 1, "7\n");
  const auto d = test::failure(try_parse_csv(broken, "big.csv"));
  CHECK(d.message == "the row has 1 fields but the header has 3");
  CHECK(d.line > 2);
  CHECK(d.line < static_cast<std::size_t>(rows / 2));
}

TEST_CASE("CSV: text without quotes is read by a one-pass path that agrees with the general one cell for cell") {
  // Cells of every form: plain decimals (the fast path), other number forms, text, empty.
  const std::vector<std::string> cells = {"0",
                                          "-0",
                                          "12",
                                          "-3.25",
                                          ".5",
                                          "-.5",
                                          "1.",
                                          "+2",
                                          "1e3",
                                          "-",
                                          ".",
                                          "1.2.3",
                                          "x7",
                                          "",
                                          "007",
                                          "38.714286",
                                          "123456789012345",
                                          "1234567890123456",
                                          "0.1000000000000001",
                                          "99999999999999999999",
                                          "4.9e-324",
                                          "a\rb"};
  // A file without a quote (read by the one-pass path), and the same file with one quoted
  // cell more (read by the general scanner): the columns must be the same.
  std::string plain = "a,b,c\r\n";
  std::string quoted = "a,b,c,q\r\n";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string row = std::to_string(i) + "," + cells[i] + "," + cells[(i * 7) % cells.size()];
    plain += row + (i % 2 == 0 ? "\r\n" : "\n");
    quoted += row + ",\"q\"" + (i % 2 == 0 ? "\r\n" : "\n");
  }
  const auto fast = try_parse_csv(plain, "p.csv").value();
  const auto general = try_parse_csv(quoted, "p.csv").value();
  REQUIRE(fast.row_count() == cells.size());
  REQUIRE(general.row_count() == cells.size());
  for (std::size_t c = 0; c < 3; ++c) {
    CAPTURE(c);
    CHECK(fast.type(c) == general.type(c));
    for (std::size_t r = 0; r < cells.size(); ++r) {
      CAPTURE(r);
      CHECK(fast.text(r, c) == general.text(r, c));
      CHECK(fast.is_empty(r, c) == general.is_empty(r, c));
      CHECK(fast.line(r) == general.line(r));
    }
  }
  CHECK(fast.text(cells.size() - 1, 1) == "a\rb");  // a lone CR is text, CRLF ends the line
  // Column a is numbers in both; the number forms agree bit for bit with from_chars.
  CHECK(fast.try_numbers("a").value() == general.try_numbers("a").value());
  std::string numbers = "v\n";
  std::vector<double> expected;
  for (const auto& cell : cells) {
    double v = 0;
    const char* first = cell.c_str() + (cell.starts_with('+') ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, cell.c_str() + cell.size(), v);
    if (cell.empty() || ec != std::errc() || end != cell.c_str() + cell.size() || !std::isfinite(v)) continue;
    numbers += cell + "\n";
    expected.push_back(v);
  }
  const auto parsed = try_parse_csv(numbers).value().try_numbers("v").value();
  REQUIRE(parsed.size() == expected.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    CAPTURE(i);
    CHECK(std::bit_cast<std::uint64_t>(parsed[i]) == std::bit_cast<std::uint64_t>(expected[i]));
  }
  // A trailing delimiter at the very end is one more (empty) field.
  CHECK(test::failure(try_parse_csv("a,b\n1,2,")).message == "the row has 3 fields but the header has 2");
  CHECK(try_parse_csv("a,b\n1,").value().is_empty(0, 1));
}
