// Progress and cancellation for long model runs (a bootstrap, a fit on millions of rows).
#pragma once

#include <excellence/config.hpp>

#include <atomic>
#include <cstddef>
#include <functional>

EXCELLENCE_BEGIN_NAMESPACE

/// `progress(done, total)` is called from the calling thread now and then; `cancel`,
/// when set, is polled and stops the work with an errc::cancelled diagnostic.
struct model_control {
  std::function<void(std::size_t, std::size_t)> progress{};
  const std::atomic<bool>* cancel = nullptr;

  [[nodiscard]] bool cancelled() const noexcept { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

EXCELLENCE_END_NAMESPACE
