// Internal: a fixed set of worker threads that runs one data-parallel job at a time.
//
// A fit evaluates its likelihood hundreds of times; starting threads for each evaluation
// cost more than the evaluation itself on small data. The pool starts its threads once
// (per fit or per batch call — no global state) and hands each job's parts to them.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace excellence::inline v1::detail {

class worker_pool {
 public:
  /// Calls part(begin, end, slot) for one part of [0, n); slots are 0 … size() − 1.
  using part_function = std::function<void(std::size_t, std::size_t, std::size_t)>;

  /// `threads` in all, the caller's included (0: the hardware's, at most 64). A thread
  /// that cannot be created is not an error: the pool works with the ones it has.
  explicit worker_pool(unsigned threads);
  ~worker_pool();
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;

  /// Threads that share a job, the caller's included (≥ 1).
  [[nodiscard]] std::size_t size() const noexcept { return workers_.size() + 1; }

  /// Splits [0, n) into size() contiguous parts (one part when n < min_parallel), runs
  /// them, the caller taking part 0, and returns when all are done. Returns the number of
  /// slots used; the caller sums its per-slot partial results. One job at a time. An
  /// exception thrown by a part is rethrown here once every part has finished (the first
  /// one, if several throw), rather than terminating the program from a worker thread.
  std::size_t run(std::size_t n, const part_function& part, std::size_t min_parallel = 20'000);

 private:
  void work(std::size_t slot);

  std::vector<std::thread> workers_{};
  std::mutex mutex_{};
  std::condition_variable start_{}, done_{};
  const part_function* job_ = nullptr;
  std::size_t n_ = 0;
  std::size_t parts_ = 1;
  std::size_t generation_ = 0;
  std::size_t pending_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_{};
};

}  // namespace excellence::inline v1::detail
