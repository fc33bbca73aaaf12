#include <excellence/criteria/builtin.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/scoring/assessment.hpp>

#include <excellence/detail/strings.hpp>

#include "json_support.hpp"

#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

constexpr std::string_view framework_format = "excellence.framework/1";

criteria_node read_node(const detail::json& value, const field_path& path, const std::string& file, std::size_t depth) {
  const detail::object_reader in(value, path, file);
  if (depth > max_tree_depth)
    in.fail(errc::out_of_range, path, "the tree is nested deeper than " + std::to_string(max_tree_depth) + " levels");
  in.allow_only({"id", "kind", "title_zh", "title_en", "evaluation", "points", "guidance_zh", "guidance_en", "note",
                 "provenance", "children"});
  criteria_node node;
  node.id = in.string("id");
  const auto kind = in.string("kind");
  if (auto parsed = parse_node_kind(kind)) {
    node.kind = *parsed;
  } else {
    in.fail(errc::invalid_value, in.path_of("kind"),
            "\"" + kind + "\" is not a node kind (expected category, item, sub-item, area or general)");
  }
  node.title_zh = in.optional_string("title_zh").value_or("");
  node.title_en = in.optional_string("title_en").value_or("");
  if (auto evaluation = in.optional_string("evaluation")) {
    node.evaluation = parse_evaluation_type(*evaluation);
    if (!node.evaluation)
      in.fail(errc::invalid_value, in.path_of("evaluation"),
              "\"" + *evaluation + "\" is not an evaluation type (expected process or results)");
  }
  node.points = in.optional_whole("points");
  node.guidance_zh = in.optional_string("guidance_zh").value_or("");
  node.guidance_en = in.optional_string("guidance_en").value_or("");
  node.note = in.optional_string("note").value_or("");
  node.provenance = in.optional_string("provenance").value_or("");
  if (const auto* children = in.array("children", false)) {
    for (std::size_t i = 0; i < children->size(); ++i)
      node.children.push_back(
          read_node((*children)[i], detail::index_path(in.path_of("children"), i), file, depth + 1));
  }
  return node;
}

criteria_tree read_framework_document(const detail::json& document, const std::string& file) {
  const detail::object_reader in(document, "", file);
  in.require_format(framework_format);
  in.allow_only({"format", "description", "notes", "framework", "title_zh", "title_en", "total_points", "provenance",
                 "overall_bands", "tree"});
  for (const char* key : {"description", "notes"}) (void)in.optional_string(key);  // free text for people
  framework_info info;
  info.id = in.string("framework");
  info.title_zh = in.optional_string("title_zh").value_or("");
  info.title_en = in.optional_string("title_en").value_or("");
  info.total_points = in.whole("total_points");
  info.provenance = in.optional_string("provenance").value_or("");
  if (const auto* bands = in.array("overall_bands", false)) {
    for (std::size_t i = 0; i < bands->size(); ++i) {
      const detail::object_reader band(bands->at(i), detail::index_path("overall_bands", i), file);
      band.allow_only({"level", "min", "max", "description_en", "description_zh"});
      info.overall_bands.push_back({band.whole("level"), band.whole("min"), band.whole("max"),
                                    band.optional_string("description_en").value_or(""),
                                    band.optional_string("description_zh").value_or("")});
    }
  }
  std::vector<criteria_node> roots;
  const auto* tree = in.array("tree", true);
  for (std::size_t i = 0; i < tree->size(); ++i)
    roots.push_back(read_node((*tree)[i], detail::index_path("tree", i), file, 1));
  return criteria_tree::make(std::move(info), std::move(roots), file);
}

detail::ordered_json write_node(const criteria_node& node) {
  detail::ordered_json out;
  out["id"] = node.id;
  out["kind"] = to_string(node.kind);
  auto put = [&out](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  put("title_zh", node.title_zh);
  put("title_en", node.title_en);
  if (node.evaluation) out["evaluation"] = to_string(*node.evaluation);
  if (node.points) out["points"] = *node.points;
  put("guidance_zh", node.guidance_zh);
  put("guidance_en", node.guidance_en);
  put("note", node.note);
  put("provenance", node.provenance);
  if (!node.children.empty()) {
    auto& children = out["children"] = detail::ordered_json::array();
    for (const auto& child : node.children) children.push_back(write_node(child));
  }
  return out;
}

}  // namespace

result<criteria_tree> try_parse_framework(std::string_view json_text, std::string source) {
  return detail::parse_document<criteria_tree>(json_text, source, read_framework_document);
}

result<criteria_tree> try_read_framework(const std::filesystem::path& file) {
  return detail::read_document<criteria_tree>(file, read_framework_document);
}

result<criteria_tree> try_resolve_framework(std::string_view reference, const std::filesystem::path& base_directory) {
  for (auto id : builtin_framework_ids())
    if (id == reference) return try_builtin_framework(reference);
  if (!names_framework_file(reference)) {
    return diagnostic{errc::unknown_framework,
                      "",
                      0,
                      0,
                      "framework",
                      "\"" + std::string(reference) + "\" is neither a built-in framework (" +
                          detail::join(builtin_framework_ids(), ", ") +
                          ") nor a framework file (a path ending in .json)"};
  }
  std::filesystem::path file(reference);
  if (file.is_relative() && !base_directory.empty()) file = base_directory / file;
  return try_read_framework(file);
}

std::string to_json(const criteria_tree& tree, int indent) {
  const auto& info = tree.info();
  detail::ordered_json out;
  out["format"] = framework_format;
  out["framework"] = info.id;
  if (!info.title_zh.empty()) out["title_zh"] = info.title_zh;
  if (!info.title_en.empty()) out["title_en"] = info.title_en;
  out["total_points"] = tree.scope().empty() ? info.total_points : tree.max_points();
  if (!info.provenance.empty()) out["provenance"] = info.provenance;
  if (!info.overall_bands.empty()) {
    auto& bands = out["overall_bands"] = detail::ordered_json::array();
    for (const auto& b : info.overall_bands) {
      detail::ordered_json band;
      band["level"] = b.level;
      band["min"] = b.min_total;
      band["max"] = b.max_total;
      if (!b.description_en.empty()) band["description_en"] = b.description_en;
      if (!b.description_zh.empty()) band["description_zh"] = b.description_zh;
      bands.push_back(std::move(band));
    }
  }
  auto& roots = out["tree"] = detail::ordered_json::array();
  for (const auto& root : tree.roots()) roots.push_back(write_node(root));
  return out.dump(indent) + "\n";
}

}  // namespace excellence::inline v1
