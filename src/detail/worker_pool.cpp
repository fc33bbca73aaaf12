#include "worker_pool.hpp"

#include <algorithm>
#include <system_error>

namespace excellence::inline v1::detail {

worker_pool::worker_pool(unsigned threads) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t wanted = std::min<std::size_t>(64, threads == 0 ? hardware : threads);
  for (std::size_t slot = 1; slot < wanted; ++slot) {
    try {
      workers_.emplace_back([this, slot] { work(slot); });
    } catch (const std::system_error&) {
      break;  // out of threads (a container's limit): fewer workers, same results
    }
  }
}

worker_pool::~worker_pool() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  start_.notify_all();
  for (auto& t : workers_) t.join();
}

std::size_t worker_pool::run(std::size_t n, const part_function& part, std::size_t min_parallel) {
  const std::size_t parts = n < min_parallel ? 1 : size();
  if (parts == 1) {
    part(0, n, 0);
    return 1;
  }
  {
    const std::lock_guard lock(mutex_);
    job_ = &part;
    n_ = n;
    parts_ = parts;
    pending_ = parts - 1;
    ++generation_;
  }
  start_.notify_all();
  std::exception_ptr mine;
  try {
    part(0, n / parts, 0);
  } catch (...) {
    mine = std::current_exception();
  }
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return pending_ == 0; });
  job_ = nullptr;
  auto failure = mine ? mine : failure_;
  failure_ = nullptr;
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
  return parts;
}

void worker_pool::work(std::size_t slot) {
  std::size_t seen = 0;
  for (;;) {
    const part_function* job = nullptr;
    std::size_t n = 0, parts = 0;
    {
      std::unique_lock lock(mutex_);
      start_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      job = job_;
      n = n_;
      parts = parts_;
    }
    std::exception_ptr failure;
    try {
      (*job)(n * slot / parts, n * (slot + 1) / parts, slot);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      const std::lock_guard lock(mutex_);
      if (failure && !failure_) failure_ = failure;
      --pending_;
    }
    done_.notify_one();
  }
}

}  // namespace excellence::inline v1::detail
