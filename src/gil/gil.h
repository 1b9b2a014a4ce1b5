// The GIL as a pluggable policy.
//
// Only the thread holding the GIL runs bytecode. A policy decides how the
// lock is taken and handed over: Python 2's tick-counting lock (`legacy`,
// legacy.cpp) and Python 3.2's switch-interval lock with drop requests
// (`interval`, interval.cpp), and gilvm's own scheduling lock (`fair`,
// fair.cpp). The eval loop, the blocking guard (blocking.h) and the
// thread module only see this interface.
//
// The policies are listed once, in the table of policies.cpp (policies.h);
// the counters once, in the X-macro of counters.h.
//
// Every policy counts what it does, per thread, in the thread's own
// GilCounters (so no counter is ever written by two threads): the waiting
// side counts acquisitions, contention, failed wake-ups, drop requests and
// time waited; the holding side counts signals, forced switches and time
// held.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "gil/counters.h"

namespace gilvm {

struct ThreadState;
struct Interpreter;
struct InterpreterConfig;
enum class TraceKind : uint8_t;

// A counter that only its thread writes but others may read: the stats
// at exit read a daemon thread's counters while it may still be counting.
// Relaxed atomic loads and stores make that read well defined and compile
// to plain moves on x86, unlike the locked read-modify-write of fetch_add,
// which the single writer does not need.
class OwnedCounter {
 public:
  OwnedCounter() = default;
  OwnedCounter(const OwnedCounter& o) : v_(o.get()) {}
  OwnedCounter& operator=(const OwnedCounter& o) {
    set(o.get());
    return *this;
  }
  uint64_t get() const { return v_.load(std::memory_order_relaxed); }
  operator uint64_t() const { return get(); }
  OwnedCounter& operator++() {
    set(get() + 1);
    return *this;
  }
  OwnedCounter& operator+=(uint64_t d) {
    set(get() + d);
    return *this;
  }
  // For a counter that keeps a maximum (GilCombine::Max).
  void raise_to(uint64_t v) {
    if (v > get()) set(v);
  }

 private:
  void set(uint64_t v) { v_.store(v, std::memory_order_relaxed); }
  std::atomic<uint64_t> v_{0};
};

// Counter kinds of the GILVM_GIL_COUNTERS columns (counters.h).
enum class GilCounterUnit : uint8_t { Count, Ns };
enum class GilCombine : uint8_t { Sum, Max };
enum class GilShow : uint8_t { Always, IfNonzero };

// One OwnedCounter per row of GILVM_GIL_COUNTERS (counters.h).
struct GilCounters {
#define GILVM_COUNTER_FIELD_(field, ...) OwnedCounter field;
  GILVM_GIL_COUNTERS(GILVM_COUNTER_FIELD_)
#undef GILVM_COUNTER_FIELD_

  // Adds (or, for a Max counter, takes the larger of) each counter.
  GilCounters& operator+=(const GilCounters& o);
};

// A monotonic clock in nanoseconds, for the counters and traces.
uint64_t gil_now_ns();

// What a release does, for the trace (see Gil::count_released).
enum ReleaseHow : uint32_t {
  kReleaseSignals = 1u << 0,        // signals the condition variable waiters sleep on
  kReleaseCheckInterval = 1u << 1,  // a check-interval release (legacy)
  kReleaseThreadEnd = 1u << 2,      // the thread's last release (set from ThreadState::ending)
};

// Why a thread gives the GIL up. An I/O-aware policy schedules on it: a
// thread coming back from a blocking call is not the same as one that used
// up its slice.
enum class ReleaseReason : uint8_t {
  Blocking,   // a BlockingRegion: the thread is about to wait on the kernel
  ThreadEnd,  // the thread's last release (thread.cpp)
};

class Gil {
 public:
  virtual ~Gil() = default;
  // Blocks until the calling thread holds the GIL.
  void acquire(ThreadState& ts) { acquire_since(ts, gil_now_ns()); }
  // The same, for a thread that began to want the GIL at `start` (a yield
  // wants it back from the moment it let go): the wait is counted from there.
  virtual void acquire_since(ThreadState& ts, uint64_t start) = 0;
  // Gives the GIL up; the caller holds it.
  virtual void release(ThreadState& ts, ReleaseReason why) = 0;
  // The eval loop asks the holder to let others run: on a drop request
  // (interval) or when the check interval has elapsed (legacy). This is
  // the third reason for a release: the thread wants the GIL straight back.
  virtual void yield(ThreadState& ts) = 0;
  // True when the eval loop must count ticks per instruction (legacy).
  virtual bool counts_ticks() const { return false; }
  // False when socket calls should first be tried without waiting, GIL
  // held, and release it only if they would block (fair, rule 8);
  // `input`: a receive or accept, else a send.
  virtual bool releases_for_ready_io(bool input) const {
    (void)input;
    return true;
  }
  virtual const char* name() const = 0;
  // A one-line description of the parameters, for reports.
  virtual std::string parameters() const = 0;

  // sys.setcheckinterval / sys.setswitchinterval (either policy accepts both).
  void set_check_interval(int ticks) { check_interval_.store(ticks, std::memory_order_relaxed); }
  int check_interval() const { return check_interval_.load(std::memory_order_relaxed); }
  void set_switch_interval_us(int64_t us) {
    switch_interval_us_.store(us, std::memory_order_relaxed);
  }
  int64_t switch_interval_us() const { return switch_interval_us_.load(std::memory_order_relaxed); }

 protected:
  // The bookkeeping every policy does once it holds the GIL (`wait_start`
  // is when the thread began to want it; `failed_wakeups` how often it was
  // woken in vain meanwhile) and just before it lets go. With --trace these
  // record the "waiting" and "running" spans.
  static void count_acquired(ThreadState& ts, uint64_t wait_start, uint64_t failed_wakeups);
  // `how` (ReleaseHow bits) says what the release does besides letting go;
  // the trace shows it as instants at the end of the "running" span, which
  // costs half the memory of recording them as events of their own.
  static void count_released(ThreadState& ts, uint32_t how);
  // With --trace, an instant event (signal, failed wake-up, ...) on `ts`.
  // Callers test `ts.trace` first, so tracing off costs one branch.
  static void trace_instant(ThreadState& ts, TraceKind kind);

  std::atomic<int> check_interval_{100};
  std::atomic<int64_t> switch_interval_us_{5000};
};

// The policy named in the configuration (validated by the command line
// against the table in policies.h), with its check and switch intervals.
std::unique_ptr<Gil> make_gil(const InterpreterConfig& config);

// --gil-stats (a table on stderr) and --gil-stats-json=FILE.
void print_gil_stats(Interpreter& interp);
bool write_gil_stats_json(Interpreter& interp, const std::string& path);

}  // namespace gilvm
