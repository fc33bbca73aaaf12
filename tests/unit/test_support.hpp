// Helpers shared by the unit tests.
#pragma once

#include <excellence/error.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace test {

inline const std::filesystem::path source_dir{EXCELLENCE_SOURCE_DIR};
inline const std::filesystem::path data_dir{EXCELLENCE_TEST_DATA};

inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline nlohmann::json read_json(const std::filesystem::path& file) {
  return nlohmann::json::parse(read_file(file));
}

/// The diagnostic of a failed result; fails the test when there is a value.
template <class Result>
excellence::diagnostic failure(const Result& r) {
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

/// The message of a failed result, "path: message" (fails the test when there is a value).
template <class Result>
std::string fails(const Result& r) {
  return failure(r).to_string();
}

/// The entry a lookup returned as a pointer; fails the test when there is none.
template <class T>
const T& found(const T* entry) {
  REQUIRE(entry != nullptr);
  return *entry;
}

}  // namespace test
