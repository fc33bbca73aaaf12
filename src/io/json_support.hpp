// Internal: strict JSON reading with diagnostics. Not installed, not API.
//
// Readers throw data_error internally (it keeps the field helpers short) and the public
// try_ functions turn it into a result at their boundary.
#pragma once

#include <excellence/detail/utf8.hpp>
#include <excellence/error.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace excellence::inline v1::detail {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

/// A diagnostic at byte `offset` of `text`, with its 1-based line and column (columns count
/// bytes, as compilers report them).
diagnostic at_offset(errc code, const std::string& source, std::string_view text, std::size_t offset,
                     std::string message);

/// The largest input file the readers take (2 GiB): an input's text is held in memory
/// while it is parsed, so a larger one is refused up front rather than exhausting memory.
inline constexpr std::uintmax_t max_input_bytes = std::uintmax_t{2} << 30;

/// Reads a whole regular file of at most max_input_bytes; io_error naming the file when it
/// cannot (no such file, a directory, device or FIFO, too large, a read error).
std::string read_text_file(const std::filesystem::path& file);

/// Parses JSON text strictly: invalid UTF-8 and syntax errors carry line and column;
/// a key repeated inside one object is an error (nlohmann would keep the last silently).
json parse_json(std::string_view text, const std::string& source);

/// Typed access to the fields of one JSON object, with the object's JSON path.
class object_reader {
 public:
  object_reader(const json& value, field_path path, const std::string& file);

  /// unknown_format unless the object's "format" field is exactly `expected`: a file of
  /// another kind or version is refused before any other field is read.
  void require_format(std::string_view expected) const;

  /// unknown_field for any key not in `allowed`: a misspelt optional field must not be
  /// silently ignored.
  void allow_only(std::span<const std::string_view> allowed) const;
  void allow_only(std::initializer_list<std::string_view> allowed) const {
    allow_only(std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }

  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] field_path path_of(std::string_view key) const { return path_.field(key); }
  [[nodiscard]] const field_path& path() const noexcept { return path_; }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

  [[nodiscard]] std::string string(std::string_view key) const;  // required
  [[nodiscard]] std::optional<std::string> optional_string(std::string_view key) const;
  [[nodiscard]] std::optional<std::int32_t> optional_whole(std::string_view key) const;
  [[nodiscard]] std::int32_t whole(std::string_view key) const;  // required
  [[nodiscard]] std::optional<double> optional_number(std::string_view key) const;
  [[nodiscard]] bool boolean(std::string_view key, bool default_value) const;
  /// The array under key (nullptr when absent and not required).
  [[nodiscard]] const json* array(std::string_view key, bool required) const;
  [[nodiscard]] const json& at(std::string_view key) const;

  [[noreturn]] void fail(errc code, const field_path& path, const std::string& message) const;

 private:
  const json* find(std::string_view key) const;
  [[noreturn]] void wrong_type(std::string_view key, const char* expected) const;

  const json& value_;
  field_path path_;
  const std::string& file_;
};

/// The strings of a JSON array found at `path`; wrong_type naming the element that is not
/// a string.
std::vector<std::string> strings_of(const object_reader& r, const json& array, const field_path& path);

/// The enum value named by the string under `key` (required), parsed by `parse`;
/// invalid_value saying what was expected ("a comment type (strength or opportunity)").
template <class Enum>
Enum read_enum(const object_reader& in, std::string_view key, std::optional<Enum> (*parse)(std::string_view),
               const std::string& expected) {
  const auto text = in.string(key);
  const auto value = parse(text);
  if (!value) in.fail(errc::invalid_value, in.path_of(key), "\"" + text + "\" is not " + expected);
  return *value;
}

/// The objects of the array under `key` (none when absent and not required), each read
/// by `read(const json&, const field_path&, const std::string& file) -> T`; wrong_type
/// naming an element that is not an object.
template <class T, class Read>
std::vector<T> read_objects(const object_reader& in, std::string_view key, bool required, Read read) {
  std::vector<T> out;
  if (const auto* list = in.array(key, required))
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto path = in.path_of(key).index(i);
      if (!(*list)[i].is_object()) in.fail(errc::wrong_type, path, "expected an object");
      out.push_back(read((*list)[i], path, in.file()));
    }
  return out;
}

/// path[i].
[[nodiscard]] inline field_path index_path(const field_path& path, std::size_t i) {
  return path.index(i);
}

/// Runs a reader that throws data_error and returns its value as a result.
template <class T, class F>
result<T> catching(F&& read) {
  try {
    return read();
  } catch (const data_error& e) {
    return e.where();
  }
}

/// Parses `text` as JSON and hands the document and its source name to
/// `read(const json&, const std::string&) -> T`; every data_error becomes the result's.
template <class T, class Read>
result<T> parse_document(std::string_view text, const std::string& source, Read read) {
  return catching<T>([&] { return read(parse_json(text, source), source); });
}

/// As parse_document, reading the text from a file named in diagnostics as given.
template <class T, class Read>
result<T> read_document(const std::filesystem::path& file, Read read) {
  return catching<T>([&] {
    const auto name = file.string();
    return read(parse_json(read_text_file(file), name), name);
  });
}

}  // namespace excellence::inline v1::detail
