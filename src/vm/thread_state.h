// ThreadState: what one OS thread running Python owns.
//
// Each thread has its own frame chain, pending exception and eval-breaker
// word. The eval-breaker is the one word the eval loop polls (at backward
// jumps and calls) for anything that must interrupt a thread: a GIL drop
// request, a pending signal, a stop-the-world request. Other threads set
// bits in it, hence the atomic; the owner reads it with a relaxed load,
// which costs the same as a plain load on x86.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "gil/gil.h"
#include "runtime/object.h"
#include "vm/frame.h"
#include "vm/interpreter.h"

namespace gilvm {

struct Frame;
class ThreadTrace;

enum EvalBreakerBits : uint32_t {
  kDropGilRequest = 1u << 0,  // another thread waits for the GIL (interval policy)
  kSignalPending = 1u << 1,   // e.g. SIGINT: raise KeyboardInterrupt in the main thread
  kRecheckTicking = 1u << 2,  // the GIL policy's need for tick counting changed
  kLimitReached = 1u << 3,    // sticky: the execution limits are reached (vm/limits.h)
};

struct ThreadState {
  explicit ThreadState(Interpreter* interp);
  ~ThreadState();
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  Interpreter* interp;
  uint16_t slot = 0;  // from Interpreter::thread_slots, stamped on objects (Object::owner_slot)

  // The exception being raised (owned), null when none.
  Value exc;
  // The exceptions being handled by `except` blocks, innermost last
  // (owned); `raise` with no argument re-raises the last, and a new
  // exception gets it as __context__.
  std::vector<Value> handled;

  Frame* frame = nullptr;  // innermost executing frame
  FrameArena frames;       // storage for non-generator frames
  int depth = 0;           // Python frames on this thread, for RecursionError
  char* stack_limit = nullptr;  // lowest safe C stack address (native recursion guard, stack_limit.h)

  std::atomic<uint32_t> eval_breaker{0};

  // ---- GIL bookkeeping (written only by this thread)
  GilCounters gil_counters;
  uint64_t gil_acquired_at = 0;  // gil_now_ns() when this thread last took the GIL
  uint64_t gil_released_at = 0;  // ... and when it last let go
  bool counting_ticks = false;   // legacy policy with several threads, or limits: the loop counts ticks
  int ticks = 0;                 // ticks left before the next check
  int tick_slice = 0;            // the ticks the current slice started with
  ThreadTrace* trace = nullptr;  // --trace: this thread's event buffer (owned by interp->trace)
  bool ending = false;           // the thread's next GIL release is its last

  // ---- identity
  std::string name = "MainThread";  // for --gil-stats and traces
  uint64_t ident = 0;               // threading.get_ident(): the pthread_t
  uint64_t native_id = 0;           // the kernel's thread id
  // Locks from _thread._set_sentinel, released when this thread ends.
  std::vector<Value> sentinels;

  // The ThreadState of the calling OS thread, or null: for code with no
  // ThreadState parameter that must run Python code (a generator's
  // finalizer runs from its dealloc slot).
  static ThreadState* current();

  // ---- convenience
  const BuiltinTypes& types() const { return interp->types; }
  const ExceptionTypes& exc_types() const { return interp->exc; }
  const Names& names() const { return interp->names; }
  Value none() const { return interp->none; }
  Value bool_value(bool b) const { return interp->bool_value(b); }
  bool has_error() const { return !exc.is_null(); }
  // Takes the pending exception (the caller now owns it).
  Value fetch_error() {
    Value e = exc;
    exc = Value::null();
    return e;
  }
  // Replaces the pending exception with `e` (stolen).
  void set_error(Value e) {
    decref(exc);
    exc = e;
  }
  void clear_error() { set_error(Value::null()); }

  // True when the native stack is close to its end: raise RecursionError.
  bool c_stack_exhausted() const {
    char here;
    return &here < stack_limit;
  }
};

}  // namespace gilvm
