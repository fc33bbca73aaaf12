#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>

#include "json_support.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace excellence::inline v1 {

namespace {

using detail::json;
using detail::object_reader;

pls_model model_of(const json& doc, const std::string& file) {
  if (!doc.is_object()) throw data_error({errc::wrong_type, file, 0, 0, "", "expected a JSON object"});
  const object_reader r(doc, "", file);
  if (r.has("format")) r.require_format("excellence.pls_model/1");
  r.allow_only(
      {"format", "name", "description", "notes", "latent_variables", "path_matrix", "paths", "blocks", "modes"});
  for (const char* key : {"name", "description", "notes"}) (void)r.optional_string(key);  // free text for people

  pls_model m;
  m.latent_variables = detail::strings_of(r, *r.array("latent_variables", true), "latent_variables");
  const auto& matrix = *r.array("path_matrix", true);
  for (std::size_t i = 0; i < matrix.size(); ++i) {
    const auto row_path = detail::index_path("path_matrix", i);
    if (!matrix[i].is_array()) r.fail(errc::wrong_type, row_path, "expected an array of 0 and 1");
    std::vector<int> row;
    for (std::size_t j = 0; j < matrix[i].size(); ++j) {
      const auto& v = matrix[i][j];
      if (!v.is_number_integer() || (v.get<long long>() != 0 && v.get<long long>() != 1))
        r.fail(errc::invalid_value, detail::index_path(row_path, j), "expected 0 or 1");
      row.push_back(v.get<int>());
    }
    m.path_matrix.push_back(std::move(row));
  }
  auto lv_index = [&](const std::string& name, const field_path& path) {
    const auto at = m.find(name);
    if (!at) r.fail(errc::unknown_field, path, "\"" + name + "\" is not one of the latent_variables");
    return *at;
  };
  const auto& blocks = r.at("blocks");
  if (!blocks.is_object()) r.fail(errc::wrong_type, "blocks", "expected an object: latent variable -> indicators");
  m.blocks.resize(m.latent_variables.size());
  std::vector<bool> has_block(m.latent_variables.size(), false);
  for (const auto& [name, list] : blocks.items()) {
    const auto path = field_path("blocks").field(name);
    const auto j = lv_index(name, path);
    if (!list.is_array()) r.fail(errc::wrong_type, path, "expected an array of indicator names");
    m.blocks[j] = detail::strings_of(r, list, path);
    has_block[j] = true;
  }
  for (std::size_t j = 0; j < m.latent_variables.size(); ++j)
    if (!has_block[j]) r.fail(errc::missing_field, "blocks", "no block for \"" + m.latent_variables[j] + "\"");
  m.modes.assign(m.latent_variables.size(), pls_mode::a);
  if (r.has("modes")) {
    const auto& modes = r.at("modes");
    if (!modes.is_object()) r.fail(errc::wrong_type, "modes", "expected an object: latent variable -> \"A\" or \"B\"");
    for (const auto& [name, mode] : modes.items()) {
      const auto path = field_path("modes").field(name);
      const auto j = lv_index(name, path);
      const auto parsed = mode.is_string() ? parse_pls_mode(mode.get<std::string>()) : std::nullopt;
      if (!parsed) r.fail(errc::invalid_value, path, "expected \"A\" or \"B\"");
      m.modes[j] = *parsed;
    }
  }
  if (auto bad = check_pls_model(m)) {
    bad->file = file;
    throw data_error(*bad);
  }
  // A redundant list of paths must say the same as the matrix.
  if (const auto* paths = r.array("paths", false)) {
    std::set<std::pair<std::size_t, std::size_t>> listed;
    for (std::size_t i = 0; i < paths->size(); ++i) {
      const auto path = detail::index_path("paths", i);
      const auto& pair = (*paths)[i];
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
        r.fail(errc::wrong_type, path, "expected [\"FROM\", \"TO\"]");
      const auto from = lv_index(pair[0].get<std::string>(), path);
      const auto to = lv_index(pair[1].get<std::string>(), path);
      if (!m.has_path(from, to))
        r.fail(errc::invalid_value, path,
               pair[0].get<std::string>() + " -> " + pair[1].get<std::string>() + " is not in path_matrix");
      listed.insert({from, to});
    }
    for (std::size_t to = 0; to < m.latent_variables.size(); ++to)
      for (std::size_t from = 0; from < m.latent_variables.size(); ++from)
        if (m.has_path(from, to) && listed.count({from, to}) == 0)
          r.fail(errc::invalid_value, "paths",
                 "path_matrix has " + m.latent_variables[from] + " -> " + m.latent_variables[to] +
                     ", which paths does not list");
  }
  return m;
}

}  // namespace

result<pls_model> try_parse_pls_model(std::string_view json_text, std::string source) {
  return detail::parse_document<pls_model>(json_text, source, model_of);
}

result<pls_model> try_read_pls_model(const std::filesystem::path& file) {
  std::string text;
  try {
    text = detail::read_text_file(file);
  } catch (const data_error& e) {
    return e.where();
  }
  // A JSON model is an object; the model syntax never starts with '{'.
  const auto first = text.find_first_not_of(" \t\r\n", text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  if (first != std::string::npos && text[first] == '{') return try_parse_pls_model(text, file.string());
  return try_parse_pls_syntax(text, file.string());
}

std::string to_json(const pls_model& model, int indent) {
  detail::ordered_json out;
  out["format"] = "excellence.pls_model/1";
  out["latent_variables"] = model.latent_variables;
  out["path_matrix"] = model.path_matrix;
  // Built apart and then moved in: a reference into an ordered_json object does not survive
  // the insertion of a sibling (its members live in a vector).
  auto blocks = detail::ordered_json::object();
  auto modes = detail::ordered_json::object();
  for (std::size_t j = 0; j < model.latent_variables.size() && j < model.blocks.size(); ++j) {
    blocks[model.latent_variables[j]] = model.blocks[j];
    if (j < model.modes.size()) modes[model.latent_variables[j]] = to_string(model.modes[j]);
  }
  out["blocks"] = std::move(blocks);
  out["modes"] = std::move(modes);
  return out.dump(indent);
}

}  // namespace excellence::inline v1
