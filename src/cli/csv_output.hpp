// Internal to the command: CSV output written through a buffer, numbers in their shortest
// round-trip form. A million rows of `ostream << std::string` cost more than computing them,
// and formatting the numbers of a million rows costs as much as predicting them: write_rows
// formats blocks of rows on all cores and writes them in order.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <exception>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace excellence::cli {

class csv_output {
 public:
  /// Rows written to `out` as the buffer fills (and at destruction).
  explicit csv_output(std::ostream& out) : out_(&out) { buffer_.reserve(capacity + 64); }
  /// Rows kept in memory, for the caller to take with text().
  csv_output() = default;
  csv_output(const csv_output&) = delete;
  csv_output& operator=(const csv_output&) = delete;
  csv_output(csv_output&&) = default;
  csv_output& operator=(csv_output&&) = default;
  ~csv_output() { flush(); }

  /// A text field, quoted when it holds the delimiter, a quote or a line break.
  csv_output& text(std::string_view field) {
    separate();
    // A plain loop: find_first_of looks each character up in the set of four, several
    // times slower on the short fields (ids) written a million times.
    if (std::none_of(field.begin(), field.end(),
                     [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; })) {
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
    if (out_ != nullptr && buffer_.size() >= capacity) flush();
  }

  void flush() {
    if (out_ == nullptr) return;
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  /// The rows formatted so far (in-memory output).
  [[nodiscard]] std::string_view text() const noexcept { return buffer_; }
  void clear() noexcept {
    buffer_.clear();
    first_ = true;
  }

 private:
  static constexpr std::size_t capacity = std::size_t{1} << 20;

  void separate() {
    if (!first_) buffer_ += ',';
    first_ = false;
  }

  std::ostream* out_ = nullptr;
  std::string buffer_{};
  bool first_ = true;
};

/// Writes rows 0 … n−1 to `out`, row i's fields given by row(csv_output&, i) (which must be
/// safe to call from several threads at once): blocks of rows are formatted in parallel and
/// written in order, a wave of one block per core at a time (memory stays a few MB).
template <class Row>
void write_rows(std::ostream& out, std::size_t n, const Row& row) {
  constexpr std::size_t block = std::size_t{1} << 15;
  const std::size_t threads = n < 2 * block ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 64);
  // One cache line (at least) per thread's output: adjacent buffers' sizes, written on every
  // field, would otherwise share a line and make two threads slower than one.
  struct alignas(64) part_output {
    csv_output out;
  };
  std::vector<part_output> parts(threads);
  std::vector<std::exception_ptr> failures(threads);
  for (std::size_t wave = 0; wave < n; wave += block * threads) {
    auto format = [&](std::size_t t) {
      try {
        auto& part = parts[t].out;
        part.clear();
        const std::size_t from = std::min(n, wave + t * block), to = std::min(n, from + block);
        for (std::size_t i = from; i < to; ++i) {
          row(part, i);
          part.end_row();
        }
      } catch (...) {
        failures[t] = std::current_exception();
      }
    };
    {
      std::vector<std::jthread> workers;
      for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(format, t);
      format(0);
    }  // joined
    for (const auto& failure : failures)
      if (failure) std::rethrow_exception(failure);
    for (const auto& part : parts)
      out.write(part.out.text().data(), static_cast<std::streamsize>(part.out.text().size()));
  }
}

}  // namespace excellence::cli
