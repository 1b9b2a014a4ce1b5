// Execution limits; see limits.h.
#include "vm/limits.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "gil/blocking.h"
#include "runtime/exceptions.h"
#include "vm/thread_state.h"

namespace gilvm {

void reset_limits(Interpreter& interp) {
  const ExecutionLimits& lim = interp.config.limits;
  LimitState& st = interp.limit_state;
  st.instructions_left.store(static_cast<int64_t>(lim.max_instructions), std::memory_order_relaxed);
  st.deadline_ns =
      lim.max_seconds > 0 ? static_cast<int64_t>(gil_now_ns() + lim.max_seconds * 1e9) : 0;
  st.reached.store(false, std::memory_order_release);
  std::lock_guard<std::mutex> lock(interp.threads_mutex);
  for (ThreadState* t : interp.threads) {
    t->eval_breaker.fetch_and(~kLimitReached, std::memory_order_acq_rel);
  }
}

void reach_limit(Interpreter& interp) {
  interp.limit_state.reached.store(true, std::memory_order_release);
  std::lock_guard<std::mutex> lock(interp.threads_mutex);
  for (ThreadState* t : interp.threads) {
    t->eval_breaker.fetch_or(kLimitReached, std::memory_order_release);
  }
}

void inherit_limit(ThreadState& ts) {
  if (ts.interp->limit_state.reached.load(std::memory_order_acquire)) {
    ts.eval_breaker.fetch_or(kLimitReached, std::memory_order_release);
  }
}

bool limit_reached(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  LimitState& st = interp.limit_state;
  if (st.reached.load(std::memory_order_acquire)) return true;
  if (st.deadline_ns && static_cast<int64_t>(gil_now_ns()) >= st.deadline_ns) {
    reach_limit(interp);
    return true;
  }
  return false;
}

bool charge_instructions(ThreadState& ts, int ticks) {
  Interpreter& interp = *ts.interp;
  if (interp.config.limits.max_instructions &&
      interp.limit_state.instructions_left.fetch_sub(ticks, std::memory_order_relaxed) <= ticks) {
    reach_limit(interp);
    return true;
  }
  return limit_reached(ts);
}

bool raise_limit_reached(ThreadState& ts) {
  const ExecutionLimits& lim = ts.interp->config.limits;
  std::string what;
  if (lim.max_instructions) what = std::to_string(lim.max_instructions) + " instructions";
  if (lim.max_seconds > 0) {
    if (!what.empty()) what += " or ";
    what += std::to_string(lim.max_seconds) + " seconds";
  }
  raise(ts, ts.exc_types().RuntimeError, ("execution limit reached (" + what + ")").c_str());
  return false;
}

namespace {

// The process's resident size in bytes (the second field of
// /proc/self/statm, in pages); 0 when it cannot be read.
size_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace

bool memory_available(ThreadState& ts, size_t bytes) {
  size_t cap = ts.interp->config.limits.max_memory_bytes;
  if (!cap || bytes < kMemoryCheckBytes) return true;
  if (bytes < cap && resident_bytes() < cap - bytes) return true;
  raise(ts, ts.exc_types().MemoryError, "");
  return false;
}

bool stop_other_threads(ThreadState& ts, double timeout_s) {
  Interpreter& interp = *ts.interp;
  reach_limit(interp);
  auto others = [&interp] { return interp.running_threads.load(std::memory_order_acquire); };
  if (others() == 0) return true;
  BlockingRegion guard(ts, BlockCause::Join);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (others() != 0) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace gilvm
