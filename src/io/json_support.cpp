#include "json_support.hpp"

#include "../detail/huge_pages.hpp"

#include <excellence/detail/strings.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <sstream>
#include <vector>

namespace excellence::inline v1::detail {

diagnostic at_offset(errc code, const std::string& source, std::string_view text, std::size_t offset,
                     std::string message) {
  // Lines and columns are 1-based; columns count bytes, as compilers report them.
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {code, source, line, column, "", std::move(message)};
}

namespace {

// Tracks where the parser is, so that a repeated key can be reported with its path.
struct duplicate_key_finder {
  struct frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };
  std::vector<frame> frames;
  std::optional<field_path> duplicate_path;

  field_path path() const {
    field_path out;
    for (const auto& f : frames) {
      if (f.is_array)
        out = out.index(f.index);
      else if (!f.key.empty())
        out = out.field(f.key);
    }
    return out;
  }

  void element_done() {
    if (!frames.empty() && frames.back().is_array) ++frames.back().index;
  }

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    using event_t = json::parse_event_t;
    switch (event) {
      case event_t::object_start:
        frames.push_back({false, 0, {}, {}});
        break;
      case event_t::array_start:
        frames.push_back({true, 0, {}, {}});
        break;
      case event_t::key: {
        auto& f = frames.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second && !duplicate_path) duplicate_path = path();
        break;
      }
      case event_t::object_end:
      case event_t::array_end:
        frames.pop_back();
        element_done();
        break;
      case event_t::value:
        element_done();
        break;
    }
    return true;
  }
};

}  // namespace

std::string read_text_file(const std::filesystem::path& file) {
  const auto name = file.string();
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status))
    throw data_error({errc::io_error, name, 0, 0, "", "cannot open: no such file"});
  // A directory, a device or a FIFO is not an input file: reading one would fail late, block
  // or never end.
  if (!std::filesystem::is_regular_file(status))
    throw data_error({errc::io_error, name, 0, 0, "", "cannot open: not a regular file"});
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw data_error({errc::io_error, name, 0, 0, "", "cannot open: " + ec.message()});
  if (size > max_input_bytes)
    throw data_error({errc::io_error, name, 0, 0, "",
                      "the file has " + std::to_string(size) + " bytes, more than the " +
                          std::to_string(max_input_bytes) + " an input may have"});
  std::ifstream in(file, std::ios::binary);
  if (!in) throw data_error({errc::io_error, name, 0, 0, "", std::string("cannot open: ") + std::strerror(errno)});
  std::string text;
  detail::resize_on_huge_pages(text, static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<std::uintmax_t>(in.gcount()) != size)
    throw data_error({errc::io_error, name, 0, 0, "", "read error"});
  return text;
}

json parse_json(std::string_view text, const std::string& source) {
  if (auto bad = first_invalid_utf8(text))
    throw data_error(at_offset(errc::invalid_utf8, source, text, *bad, "invalid UTF-8"));
  duplicate_key_finder finder;
  json value;
  try {
    value = json::parse(text.begin(), text.end(), std::ref(finder), /*allow_exceptions=*/true,
                        /*ignore_comments=*/false);
  } catch (const json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line L, column C: <reason>";
    // keep only the reason, the position is reported in our own format.
    std::string reason = e.what();
    if (const auto colon = reason.find(": ", reason.find("column")); colon != std::string::npos)
      reason = reason.substr(colon + 2);
    const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    throw data_error(at_offset(errc::invalid_json, source, text, offset, "invalid JSON: " + reason));
  } catch (const json::out_of_range& e) {
    // A number literal too large for a double ("1e999"): nlohmann reports it as
    // "[json.exception.out_of_range.406] number overflow parsing '1e999'" with no position,
    // so find the literal in the text to give one.
    const std::string what = e.what();
    const auto open = what.find('\'');
    const auto close = what.rfind('\'');
    const std::string literal =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    const auto at = literal.empty() ? std::string_view::npos : text.find(literal);
    auto d = at_offset(errc::out_of_range, source, text, at == std::string_view::npos ? 0 : at,
                       "number " + literal + " is too large");
    if (at == std::string_view::npos) d.line = d.column = 0;
    throw data_error(d);
  } catch (const json::exception& e) {
    // Any other refusal of the parser is still the input's fault, never an escape.
    throw data_error({errc::invalid_json, source, 0, 0, "", std::string("invalid JSON: ") + e.what()});
  }
  if (finder.duplicate_path)
    throw data_error({errc::duplicate_id, source, 0, 0, *finder.duplicate_path,
                      "the key appears twice in one object; JSON readers would silently keep only one"});
  return value;
}

object_reader::object_reader(const json& value, field_path path, const std::string& file)
    : value_(value), path_(std::move(path)), file_(file) {
  if (!value_.is_object())
    fail(errc::wrong_type, path_.empty() ? "(document)" : path_,
         std::string("expected an object, got ") + value_.type_name());
}

void object_reader::fail(errc code, const field_path& path, const std::string& message) const {
  throw data_error({code, file_, 0, 0, path, message});
}

const json* object_reader::find(std::string_view key) const {
  const auto it = value_.find(key);
  return it == value_.end() ? nullptr : &*it;
}

bool object_reader::has(std::string_view key) const {
  return find(key) != nullptr;
}

void object_reader::require_format(std::string_view expected) const {
  const auto format = has("format") ? string("format") : std::string();
  if (format != expected)
    fail(errc::unknown_format, path_of("format"),
         format.empty() ? "missing; expected \"" + std::string(expected) + "\""
                        : "\"" + format + "\" is not \"" + std::string(expected) + "\"");
}

namespace {

// Levenshtein distance between two short field names (one row of the table at a time).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

void object_reader::allow_only(std::span<const std::string_view> allowed) const {
  for (const auto& [key, unused] : value_.items()) {
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (known) continue;
    // A typo is named with the field meant: the closest known name, if it is close (at most a
    // third of its letters differ); otherwise the list of fields there are.
    std::string_view closest;
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (auto name : allowed) {
      const std::size_t d = edit_distance(key, name);
      if (d < best) {
        best = d;
        closest = name;
      }
    }
    if (best <= std::max<std::size_t>(1, closest.size() / 3))
      fail(errc::unknown_field, path_of(key), "unknown field (did you mean \"" + std::string(closest) + "\"?)");
    fail(errc::unknown_field, path_of(key), "unknown field (expected one of: " + join(allowed, ", ") + ")");
  }
}

void object_reader::wrong_type(std::string_view key, const char* expected) const {
  fail(errc::wrong_type, path_of(key), std::string("expected ") + expected + ", got " + at(key).type_name());
}

const json& object_reader::at(std::string_view key) const {
  const json* found = find(key);
  if (found == nullptr) fail(errc::missing_field, path_of(key), "required field is missing");
  return *found;
}

std::string object_reader::string(std::string_view key) const {
  const json& v = at(key);
  if (!v.is_string()) wrong_type(key, "a string");
  return v.get<std::string>();
}

std::optional<std::string> object_reader::optional_string(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return string(key);
}

std::optional<double> object_reader::optional_number(std::string_view key) const {
  const json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) wrong_type(key, "a number");
  return v->get<double>();
}

std::optional<std::int32_t> object_reader::optional_whole(std::string_view key) const {
  const json* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) wrong_type(key, "a whole number");
  const double d = v->get<double>();
  if (v->is_number_float() && d != std::floor(d))
    fail(errc::invalid_value, path_of(key), v->dump() + " is not a whole number");
  if (d < static_cast<double>(std::numeric_limits<std::int32_t>::min()) ||
      d > static_cast<double>(std::numeric_limits<std::int32_t>::max()))
    fail(errc::out_of_range, path_of(key), v->dump() + " is too large");
  return static_cast<std::int32_t>(d);
}

std::int32_t object_reader::whole(std::string_view key) const {
  (void)at(key);
  return *optional_whole(key);
}

bool object_reader::boolean(std::string_view key, bool default_value) const {
  const json* v = find(key);
  if (v == nullptr) return default_value;
  if (!v->is_boolean()) wrong_type(key, "true or false");
  return v->get<bool>();
}

std::vector<std::string> strings_of(const object_reader& r, const json& array, const field_path& path) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) r.fail(errc::wrong_type, path.index(i), "expected a string");
    out.push_back(array[i].get<std::string>());
  }
  return out;
}

const json* object_reader::array(std::string_view key, bool required) const {
  const json* v = required ? &at(key) : find(key);
  if (v != nullptr && !v->is_array()) wrong_type(key, "an array");
  return v;
}

}  // namespace excellence::inline v1::detail
