// Internal to the command: CSV output written through a buffer, numbers in their shortest
// round-trip form. A million rows of `ostream << std::string` cost more than computing them.
#pragma once

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace excellence::cli {

class csv_output {
 public:
  explicit csv_output(std::ostream& out) : out_(out) { buffer_.reserve(capacity + 64); }
  csv_output(const csv_output&) = delete;
  csv_output& operator=(const csv_output&) = delete;
  ~csv_output() { flush(); }

  /// A text field, quoted when it holds the delimiter, a quote or a line break.
  csv_output& text(std::string_view field) {
    separate();
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      buffer_ += field;
    } else {
      buffer_ += '"';
      for (const char c : field) {
        if (c == '"') buffer_ += '"';
        buffer_ += c;
      }
      buffer_ += '"';
    }
    return *this;
  }

  /// A number in the shortest form that reads back as the same double ("0.25", "1e-07").
  csv_output& number(double value) {
    separate();
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    buffer_.append(digits, end);
    return *this;
  }

  void end_row() {
    buffer_ += '\n';
    first_ = true;
    if (buffer_.size() >= capacity) flush();
  }

  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t capacity = std::size_t{1} << 20;

  void separate() {
    if (!first_) buffer_ += ',';
    first_ = false;
  }

  std::ostream& out_;
  std::string buffer_{};
  bool first_ = true;
};

}  // namespace excellence::cli
