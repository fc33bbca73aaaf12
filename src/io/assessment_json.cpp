#include <excellence/io/assessment_json.hpp>

#include "json_support.hpp"

#include <utility>

namespace excellence::inline v1 {

namespace {

constexpr std::string_view assessment_format = "excellence.assessment/1";

constexpr dimension all_dimensions[] = {dimension::approach,    dimension::deployment, dimension::learning,
                                        dimension::integration, dimension::levels,     dimension::trends,
                                        dimension::comparisons};

std::int32_t read_percent(const detail::object_reader& in, std::string_view key) {
  const auto value = in.optional_number(key);
  if (auto bad = check_percent(*value, in.file(), in.path_of(key))) throw data_error(*std::move(bad));
  return static_cast<std::int32_t>(*value);
}

std::vector<comment> read_comments(const detail::object_reader& item, std::string_view key) {
  std::vector<comment> out;
  const auto* list = item.array(key, false);
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& entry = (*list)[i];
    const auto path = detail::index_path(item.path_of(key), i);
    if (entry.is_string()) {
      out.push_back({entry.get<std::string>(), {}});
    } else if (entry.is_object()) {
      const detail::object_reader in(entry, path, item.file());
      in.allow_only({"text", "area"});
      out.push_back({in.string("text"), in.optional_string("area").value_or("")});
    } else {
      item.fail(errc::wrong_type, path,
                std::string("expected a string or an object {\"text\", \"area\"}, got ") + entry.type_name());
    }
  }
  return out;
}

item_assessment read_item(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "percent", "not_assessed", "approach", "deployment", "learning", "integration", "levels",
                 "trends", "comparisons", "strengths", "opportunities"});
  item_assessment item;
  item.id = in.string("id");
  item.not_assessed = in.boolean("not_assessed", false);
  if (in.has("percent")) item.percent = read_percent(in, "percent");
  for (auto d : all_dimensions)
    if (in.has(to_string(d))) item.dimensions.push_back({d, read_percent(in, to_string(d))});
  item.strengths = read_comments(in, "strengths");
  item.opportunities = read_comments(in, "opportunities");
  return item;
}

assessment read_assessment_document(const detail::json& document, const std::string& file) {
  const detail::object_reader in(document, "", file);
  in.require_format(assessment_format);
  in.allow_only({"format", "description", "notes", "framework", "organization", "examiner", "date", "items"});
  for (const char* key : {"description", "notes"}) (void)in.optional_string(key);  // free text for people
  assessment a;
  a.source = file;
  a.framework = in.string("framework");
  a.organization = in.string("organization");
  a.examiner = in.string("examiner");
  a.date = in.string("date");
  const auto* items = in.array("items", true);
  for (std::size_t i = 0; i < items->size(); ++i)
    a.items.push_back(read_item((*items)[i], detail::index_path("items", i), file));
  if (auto problem = validate(a)) throw data_error(*std::move(problem));
  return a;
}

detail::ordered_json write_comments(const std::vector<comment>& comments) {
  auto out = detail::ordered_json::array();
  for (const auto& c : comments) {
    if (c.area.empty()) {
      out.push_back(c.text);
    } else {
      detail::ordered_json entry;
      entry["text"] = c.text;
      entry["area"] = c.area;
      out.push_back(std::move(entry));
    }
  }
  return out;
}

}  // namespace

result<assessment> try_parse_assessment(std::string_view json_text, std::string source) {
  return detail::parse_document<assessment>(json_text, source, read_assessment_document);
}

result<assessment> try_read_assessment(const std::filesystem::path& file) {
  return detail::read_document<assessment>(file, read_assessment_document);
}

std::string to_json(const assessment& a, int indent) {
  detail::ordered_json out;
  out["format"] = assessment_format;
  out["framework"] = a.framework;
  out["organization"] = a.organization;
  out["examiner"] = a.examiner;
  out["date"] = a.date;
  auto& items = out["items"] = detail::ordered_json::array();
  for (const auto& item : a.items) {
    detail::ordered_json entry;
    entry["id"] = item.id;
    if (item.percent) entry["percent"] = *item.percent;
    if (item.not_assessed) entry["not_assessed"] = true;
    for (const auto& judgement : item.dimensions)
      entry[std::string(to_string(judgement.dimension))] = judgement.percent;
    if (!item.strengths.empty()) entry["strengths"] = write_comments(item.strengths);
    if (!item.opportunities.empty()) entry["opportunities"] = write_comments(item.opportunities);
    items.push_back(std::move(entry));
  }
  return out.dump(indent) + "\n";
}

}  // namespace excellence::inline v1
