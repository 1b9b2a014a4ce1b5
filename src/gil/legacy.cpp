// `legacy`: Python 2's GIL, as Beazley took it apart in 2009-2010.
//
// The lock is a binary semaphore made of a mutex, a condition variable and
// a `locked` flag (Python 2's thread_pthread.h without semaphores). Taking
// it: lock the mutex, wait on the condition while `locked`, set `locked`.
// Releasing it: clear `locked` and signal the condition — always, whether
// or not anyone waits. There is no handoff and no ordering of waiters.
//
// The holder counts "ticks" (roughly, bytecode instructions) and every
// check interval (100 by default) releases the lock and immediately tries
// to take it back (ceval.c's "Give another thread a chance"). On a
// multi-core machine the releasing thread is still running and usually
// wins that race; the thread woken by the signal finds the lock taken
// again, counts a failed wake-up and goes back to sleep. That battle — a
// signal, a wake-up, a context switch and nothing gained, every 100 ticks —
// is why two CPU-bound threads ran slower than one. With one CPU the woken
// thread cannot run until the holder is descheduled, so far fewer wake-ups
// are wasted, which is why the seed's experiment was less bad on one core.
#include <condition_variable>
#include <mutex>

#include "gil/gil.h"
#include "trace/trace.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

class LegacyGil final : public Gil {
 public:
  void acquire_since(ThreadState& ts, uint64_t start) override {
    GilCounters& c = ts.gil_counters;
    uint64_t failed = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    if (locked_) {
      ++c.contended;
      while (locked_) {
        released_.wait(lock);
        if (locked_) {
          // Woken, but someone took it first.
          ++failed;
          if (ts.trace) [[unlikely]] trace_instant(ts, TraceKind::FailedWakeup);
        }
      }
    }
    locked_ = true;
    lock.unlock();
    c.failed_wakeups += failed;
    count_acquired(ts, start, failed);
  }

  void release(ThreadState& ts, ReleaseReason) override { release_as(ts, kReleaseSignals); }

  void yield(ThreadState& ts) override {
    ++ts.gil_counters.check_releases;
    release_as(ts, kReleaseSignals | kReleaseCheckInterval);
    // Other threads may run now — if the OS lets them before we are back.
    // This thread wants the GIL again from the moment it let go: the
    // signal it sent meanwhile is part of its wait.
    acquire_since(ts, ts.gil_released_at);
  }

  bool counts_ticks() const override { return true; }
  const char* name() const override { return "legacy"; }
  std::string parameters() const override {
    return "check interval " + std::to_string(check_interval()) + " ticks";
  }

 private:
  void release_as(ThreadState& ts, uint32_t how) {
    GilCounters& c = ts.gil_counters;
    count_released(ts, how);
    // Counted before letting go: once another thread holds the GIL it may
    // read these counters (--gil-stats at exit).
    ++c.signals;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      locked_ = false;
      // Python 2 signalled on every release, waiter or not.
      released_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable released_;  // signalled on every release
  bool locked_ = false;               // guarded by mutex_
};

}  // namespace

std::unique_ptr<Gil> make_legacy_gil() { return std::make_unique<LegacyGil>(); }

}  // namespace gilvm
