#include <excellence/io/measures_json.hpp>

#include "json_support.hpp"

namespace excellence::inline v1 {

namespace {

constexpr std::string_view measures_format = "excellence.measures/1";

// The enum under `key`, or `fallback` when the field is absent.
template <class Enum>
Enum read_choice(const detail::object_reader& in, std::string_view key, std::optional<Enum> (*parse)(std::string_view),
                 const std::string& choices, Enum fallback) {
  return in.has(key) ? detail::read_enum(in, key, parse, choices) : fallback;
}

named_entry read_named(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "name_zh", "name_en"});
  return {in.string("id"), in.optional_string("name_zh").value_or(""), in.optional_string("name_en").value_or("")};
}

comparison_source read_comparison(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "name_zh", "name_en", "kind"});
  comparison_source c;
  c.id = in.string("id");
  c.name_zh = in.optional_string("name_zh").value_or("");
  c.name_en = in.optional_string("name_en").value_or("");
  c.kind = read_choice(in, "kind", parse_comparison_kind, "a comparison kind (" + comparison_kind_names.choices() + ")",
                       comparison_kind::competitor);
  return c;
}

measure read_measure(const detail::json& value, const field_path& path, const std::string& file) {
  const detail::object_reader in(value, path, file);
  in.allow_only({"id", "name_zh", "name_en", "unit", "better", "evidences", "requirements", "key", "target"});
  measure m;
  m.id = in.string("id");
  m.name_zh = in.optional_string("name_zh").value_or("");
  m.name_en = in.optional_string("name_en").value_or("");
  m.unit = in.optional_string("unit").value_or("");
  if (!in.has("better")) in.fail(errc::missing_field, in.path_of("better"), "say which way is better: higher or lower");
  m.better = read_choice(in, "better", parse_better, "higher or lower", better::higher);
  m.evidences = detail::strings_of(in, *in.array("evidences", true), in.path_of("evidences"));
  if (const auto* list = in.array("requirements", false))
    m.requirements = detail::strings_of(in, *list, in.path_of("requirements"));
  m.key = in.boolean("key", false);
  m.target = in.optional_number("target");
  return m;
}

measure_set read_measures_document(const detail::json& document, const std::string& file) {
  const detail::object_reader in(document, "", file);
  in.require_format(measures_format);
  in.allow_only({"format", "description", "framework", "organization", "period_unit", "requirements", "segments",
                 "comparisons", "measures"});
  (void)in.optional_string("description");
  measure_set set;
  set.source = file;
  set.framework = in.string("framework");
  set.organization = in.optional_string("organization").value_or("");
  set.period_unit = read_choice(in, "period_unit", parse_time_unit, "a period unit (" + time_unit_names.choices() + ")",
                                time_unit::year);
  set.requirements = detail::read_objects<named_entry>(in, "requirements", false, read_named);
  set.segments = detail::read_objects<named_entry>(in, "segments", true, read_named);
  set.comparisons = detail::read_objects<comparison_source>(in, "comparisons", false, read_comparison);
  set.measures = detail::read_objects<measure>(in, "measures", true, read_measure);
  if (auto problem = validate(set)) throw data_error(*std::move(problem));
  return set;
}

template <class Named>
detail::ordered_json named_json(const Named& entry) {
  detail::ordered_json out;
  out["id"] = entry.id;
  if (!entry.name_zh.empty()) out["name_zh"] = entry.name_zh;
  if (!entry.name_en.empty()) out["name_en"] = entry.name_en;
  return out;
}

}  // namespace

result<measure_set> try_parse_measures(std::string_view json_text, std::string source) {
  return detail::parse_document<measure_set>(json_text, source, read_measures_document);
}

result<measure_set> try_read_measures(const std::filesystem::path& file) {
  return detail::read_document<measure_set>(file, read_measures_document);
}

std::string to_json(const measure_set& set, int indent) {
  detail::ordered_json out;
  out["format"] = measures_format;
  out["framework"] = set.framework;
  if (!set.organization.empty()) out["organization"] = set.organization;
  out["period_unit"] = to_string(set.period_unit);
  auto& requirements = out["requirements"] = detail::ordered_json::array();
  for (const auto& r : set.requirements) requirements.push_back(named_json(r));
  auto& segments = out["segments"] = detail::ordered_json::array();
  for (const auto& s : set.segments) segments.push_back(named_json(s));
  auto& comparisons = out["comparisons"] = detail::ordered_json::array();
  for (const auto& c : set.comparisons) {
    auto entry = named_json(c);
    entry["kind"] = to_string(c.kind);
    comparisons.push_back(std::move(entry));
  }
  auto& measures = out["measures"] = detail::ordered_json::array();
  for (const auto& m : set.measures) {
    auto entry = named_json(m);
    if (!m.unit.empty()) entry["unit"] = m.unit;
    entry["better"] = to_string(m.better);
    entry["evidences"] = m.evidences;
    if (!m.requirements.empty()) entry["requirements"] = m.requirements;
    if (m.key) entry["key"] = true;
    if (m.target) entry["target"] = *m.target;
    measures.push_back(std::move(entry));
  }
  return out.dump(indent);
}

}  // namespace excellence::inline v1
