#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

review workbook_sample(std::initializer_list<const char*> names) {
  std::vector<assessment> files;
  for (const char* name : names) files.push_back(read_assessment(test::source_dir / "examples/data" / name));
  return review_of(files, builtin_framework("gbt19580-2012"));
}

// Line `n` (0 = the header) of CSV text.
std::string csv_line(const std::string& text, std::size_t n) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < n; ++i) start = text.find("\r\n", start) + 2;
  return text.substr(start, text.find("\r\n", start) - start);
}

}  // namespace

TEST_CASE("workbook: the tables of each kind of report") {
  const auto one = workbook_sample({"examiner-wang.json"});
  CHECK(report_tables(one) == std::vector<report_table>{report_table::scores, report_table::categories,
                                                        report_table::comments, report_table::priorities});
  const auto team = workbook_sample({"examiner-li.json", "examiner-wang.json", "examiner-zhao.json"});
  CHECK(report_tables(team)[2] == report_table::consensus);
  const auto years = workbook_sample({"history/xinghe-2025.json", "history/xinghe-2026.json"});
  CHECK(report_tables(years)[2] == report_table::history);
  const auto d = try_to_csv(one, builtin_framework("gbt19580-2012"), report_table::consensus).error();
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message == "a feedback report has no consensus table");
}

TEST_CASE("workbook: CSV rows hold the review's values, exactly") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto team = workbook_sample({"examiner-li.json", "examiner-wang.json", "examiner-zhao.json"});
  const auto consensus = to_csv(team, tree, report_table::consensus);
  CHECK(csv_line(consensus, 0) ==
        "item,title,李强 Li Qiang,王敏 Wang Min,赵婷 Zhao Ting,n,mean,median,min,max,range,standard_deviation,proposed,"
        "flagged");
  // 4.3.3: 55, 45, 35: mean 45, median 45, SD 10, proposed 45, flagged.
  CHECK(csv_line(consensus, 7) ==
        "4.3.3,Customer relationships and customer satisfaction,55,45,35,3,45,45,35,55,20,10,45,yes");
  const auto scores = to_csv(team, tree, report_table::scores, language::zh);
  // Wang's 4.3.2 (the 29th row: Li's 23 items first): 50 % of 40 points, ADLI 50, 45, 50, 50.
  CHECK(csv_line(scores, 29) ==
        "王敏 Wang Min,2026-10-12,4.3.2,顾客和市场的了解,4.3,process,yes,50,50-65%,20,40,50,45,50,50,,,");
  const auto priorities = to_csv(workbook_sample({"examiner-wang.json"}), tree, report_table::priorities);
  CHECK(csv_line(priorities, 1) ==
        "王敏 Wang Min,2026-10-12,1,4.7.3,Customer and market results,50,50-65%,70-85%,16,80,1");
  // A comment with a comma is quoted; one without an area is tied to its item.
  const auto comments = to_csv(workbook_sample({"examiner-wang.json"}), tree, report_table::comments);
  CHECK(comments.find(
            ",\"按行业与采购规模把顾客分为三类细分市场,并据此确定重点服务的市场 (segments by industry and purchase "
            "volume decide which markets are served)\",4.3.2.2.1,") != std::string::npos);
  CHECK(comments.find(",4.3.2,strength,Key-account interviews each quarter capture requirements and their relative "
                      "importance.,4.3.2,Understanding customers and markets,,,\r\n") != std::string::npos);
}

TEST_CASE("workbook: an XLSX file that cannot be written is an io_error naming it") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto one = workbook_sample({"examiner-wang.json"});
  const auto d = try_write_xlsx(one, tree, "/nonexistent-folder/report.xlsx").error();
  CHECK(d.code == errc::io_error);
  CHECK(d.file == "/nonexistent-folder/report.xlsx");
  const auto file = std::filesystem::temp_directory_path() / "excellence-workbook-test.xlsx";
  write_xlsx(one, tree, file);
  CHECK(std::filesystem::file_size(file) > 5000);
  // An XLSX file is a zip archive.
  CHECK(test::read_file(file).starts_with("PK"));
  std::filesystem::remove(file);
}
