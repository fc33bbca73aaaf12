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

constexpr const char* dimension_names =
    "a dimension (approach, deployment, learning, integration, levels, trends or comparisons)";

// One comment object; `typed` for the entries of an item's "comments" list, which say
// which list they belong to.
std::pair<comment_type, comment> read_comment_object(const detail::json& entry, const field_path& path,
                                                     const std::string& file, std::optional<comment_type> type) {
  const detail::object_reader in(entry, path, file);
  if (type)
    in.allow_only({"text", "area", "evidence", "dimension", "key_factors"});
  else
    in.allow_only({"type", "text", "area", "evidence", "dimension", "key_factors"});
  if (!type) type = detail::read_enum(in, "type", parse_comment_type, "a comment type (strength or opportunity)");
  comment c;
  c.text = in.string("text");
  c.area = in.optional_string("area").value_or("");
  c.evidence = in.optional_string("evidence").value_or("");
  if (in.has("dimension")) c.dimension = detail::read_enum(in, "dimension", parse_dimension, dimension_names);
  if (const auto* factors = in.array("key_factors", false))
    c.key_factors = detail::strings_of(in, *factors, in.path_of("key_factors"));
  return {*type, std::move(c)};
}

// "strengths" or "opportunities": each entry a string (the text alone) or a comment object.
std::vector<comment> read_comments(const detail::object_reader& item, std::string_view key, comment_type type) {
  std::vector<comment> out;
  const auto* list = item.array(key, false);
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& entry = (*list)[i];
    const auto path = item.path_of(key).index(i);
    if (entry.is_string()) {
      out.push_back({.text = entry.get<std::string>()});
    } else if (entry.is_object()) {
      out.push_back(read_comment_object(entry, path, item.file(), type).second);
    } else {
      item.fail(
          errc::wrong_type, path,
          std::string("expected a string or a comment object {\"text\", \"area\", ...}, got ") + entry.type_name());
    }
  }
  return out;
}

item_assessment read_item(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "percent", "not_assessed", "approach", "deployment", "learning", "integration", "levels",
                 "trends", "comparisons", "strengths", "opportunities", "comments"});
  item_assessment item;
  item.id = in.string("id");
  item.not_assessed = in.boolean("not_assessed", false);
  if (in.has("percent")) item.percent = read_percent(in, "percent");
  for (auto d : all_dimensions)
    if (in.has(to_string(d))) item.dimensions.push_back({d, read_percent(in, to_string(d))});
  item.strengths = read_comments(in, "strengths", comment_type::strength);
  item.opportunities = read_comments(in, "opportunities", comment_type::opportunity);
  // A flat list of typed comment records, as a scorebook exports them; each joins the
  // list its type names, after the entries given there directly.
  if (const auto* list = in.array("comments", false)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto cpath = in.path_of("comments").index(i);
      if (!(*list)[i].is_object())
        in.fail(errc::wrong_type, cpath, "expected a comment object {\"type\", \"text\", ...}");
      auto [type, c] = read_comment_object((*list)[i], cpath, file, std::nullopt);
      (type == comment_type::strength ? item.strengths : item.opportunities).push_back(std::move(c));
    }
  }
  return item;
}

key_factor read_key_factor(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "text"});
  return {in.string("id"), in.string("text")};
}

key_theme read_key_theme(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"type", "text", "items"});
  key_theme theme;
  theme.type = detail::read_enum(in, "type", parse_comment_type, "a theme type (strength or opportunity)");
  theme.text = in.string("text");
  if (const auto* items = in.array("items", false)) theme.items = detail::strings_of(in, *items, in.path_of("items"));
  return theme;
}

assessment read_assessment_document(const detail::json& document, const std::string& file) {
  const detail::object_reader in(document, "", file);
  in.require_format(assessment_format);
  in.allow_only({"format", "description", "notes", "framework", "organization", "examiner", "date", "key_factors",
                 "key_themes", "items"});
  for (const char* key : {"description", "notes"}) (void)in.optional_string(key);  // free text for people
  assessment a;
  a.source = file;
  a.framework = in.string("framework");
  a.organization = in.string("organization");
  a.examiner = in.string("examiner");
  a.date = in.string("date");
  a.key_factors = detail::read_objects<key_factor>(in, "key_factors", false, read_key_factor);
  a.key_themes = detail::read_objects<key_theme>(in, "key_themes", false, read_key_theme);
  const auto* items = in.array("items", true);
  for (std::size_t i = 0; i < items->size(); ++i)
    a.items.push_back(read_item((*items)[i], detail::index_path("items", i), file));
  if (auto problem = validate(a)) throw data_error(*std::move(problem));
  return a;
}

detail::ordered_json write_comments(const std::vector<comment>& comments) {
  auto out = detail::ordered_json::array();
  for (const auto& c : comments) {
    if (c.area.empty() && c.evidence.empty() && !c.dimension && c.key_factors.empty()) {
      out.push_back(c.text);
      continue;
    }
    detail::ordered_json entry;
    entry["text"] = c.text;
    if (!c.area.empty()) entry["area"] = c.area;
    if (!c.evidence.empty()) entry["evidence"] = c.evidence;
    if (c.dimension) entry["dimension"] = to_string(*c.dimension);
    if (!c.key_factors.empty()) entry["key_factors"] = c.key_factors;
    out.push_back(std::move(entry));
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
  if (!a.key_factors.empty()) {
    auto& factors = out["key_factors"] = detail::ordered_json::array();
    for (const auto& f : a.key_factors) factors.push_back({{"id", f.id}, {"text", f.text}});
  }
  if (!a.key_themes.empty()) {
    auto& themes = out["key_themes"] = detail::ordered_json::array();
    for (const auto& t : a.key_themes)
      themes.push_back({{"type", to_string(t.type)}, {"text", t.text}, {"items", t.items}});
  }
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
