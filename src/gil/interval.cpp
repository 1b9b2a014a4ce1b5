// `interval`: CPython's GIL since 3.2 (Antoine Pitrou's "new GIL",
// Python/ceval_gil.c), the default.
//
// Nothing is counted in the eval loop. A thread that wants the GIL waits
// on a condition variable with a timeout of the switch interval (5 ms by
// default). If the wait times out and the GIL has not changed hands in the
// meantime (`switch_number` is unchanged), the waiter sets a drop request
// in the holder's eval-breaker word. The holder sees it at its next check
// (a backward jump or a call), releases the GIL and — with FORCE_SWITCHING,
// as CPython builds it — waits on a second condition variable until some
// other thread has actually taken the GIL, so that it cannot simply win it
// back. CPU-bound threads therefore alternate in slices of about 5 ms.
//
// The flaw Beazley found in this design (2010) is the convoy effect: a
// thread that releases the GIL for I/O must wait up to a whole interval to
// get it back from a CPU-bound thread, every time.
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "gil/gil.h"
#include "trace/trace.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

class IntervalGil final : public Gil {
 public:
  void acquire_since(ThreadState& ts, uint64_t start) override {
    GilCounters& c = ts.gil_counters;
    uint64_t failed = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    if (locked_) {
      ++c.contended;
      while (locked_) {
        uint64_t saved_switch = switch_number_;
        auto interval = std::chrono::microseconds(switch_interval_us());
        bool timed_out = released_.wait_for(lock, interval) == std::cv_status::timeout;
        if (!locked_) break;
        if (timed_out && switch_number_ == saved_switch) {
          // The holder kept the GIL for a whole interval: ask it to drop.
          if (holder_) holder_->eval_breaker.fetch_or(kDropGilRequest, std::memory_order_release);
          ++c.drop_requests;
          if (ts.trace) [[unlikely]] trace_instant(ts, TraceKind::DropRequest);
        } else if (!timed_out) {
          ++failed;  // signalled, but another thread got there first
          if (ts.trace) [[unlikely]] trace_instant(ts, TraceKind::FailedWakeup);
        }
      }
    }
    locked_ = true;
    holder_ = &ts;
    // A request aimed at this thread's previous turn is stale now.
    ts.eval_breaker.fetch_and(~kDropGilRequest, std::memory_order_relaxed);
    {
      // FORCE_SWITCHING: tell a thread waiting in release() that the GIL
      // has changed hands.
      std::lock_guard<std::mutex> switch_lock(switch_mutex_);
      if (last_holder_ != &ts) {
        last_holder_ = &ts;
        ++switch_number_;
      }
      switched_.notify_all();
    }
    lock.unlock();
    c.failed_wakeups += failed;
    count_acquired(ts, start, failed);
  }

  void release(ThreadState& ts, ReleaseReason) override { drop(ts, false); }

  void yield(ThreadState& ts) override {
    // Forced switching applies only when a waiter asked for the GIL: with
    // nobody waiting there is nobody to switch to.
    bool requested = ts.eval_breaker.load(std::memory_order_acquire) & kDropGilRequest;
    drop(ts, requested);
    // Other threads may run now. This thread wants the GIL back from the
    // moment it let go (a forced switch's wait is part of its wait).
    acquire_since(ts, ts.gil_released_at);
  }

  const char* name() const override { return "interval"; }
  std::string parameters() const override {
    return "switch interval " + std::to_string(switch_interval_us() / 1000.0).substr(0, 5) + " ms";
  }

 private:
  void drop(ThreadState& ts, bool requested) {
    GilCounters& c = ts.gil_counters;
    count_released(ts, kReleaseSignals);
    ++c.signals;  // before letting go, as in legacy.cpp
    {
      std::lock_guard<std::mutex> lock(mutex_);
      locked_ = false;
      holder_ = nullptr;
      released_.notify_one();
    }
    if (requested) {
      ts.eval_breaker.fetch_and(~kDropGilRequest, std::memory_order_relaxed);
      // FORCE_SWITCHING: do not come back before another thread has run.
      std::unique_lock<std::mutex> switch_lock(switch_mutex_);
      if (last_holder_ == &ts) {
        ++c.forced_switches;
        if (ts.trace) [[unlikely]] trace_instant(ts, TraceKind::ForcedSwitch);
        switched_.wait(switch_lock, [&] { return last_holder_ != &ts; });
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable released_;  // signalled on every release
  bool locked_ = false;               // guarded by mutex_
  ThreadState* holder_ = nullptr;     // guarded by mutex_; receives drop requests
  uint64_t switch_number_ = 0;        // written holding both mutexes; read holding either

  std::mutex switch_mutex_;
  std::condition_variable switched_;    // signalled when the GIL changes hands
  ThreadState* last_holder_ = nullptr;  // guarded by switch_mutex_
};

}  // namespace

std::unique_ptr<Gil> make_interval_gil() { return std::make_unique<IntervalGil>(); }

}  // namespace gilvm
