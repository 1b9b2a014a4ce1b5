// Execution limits for running code that may never end or may ask for
// unbounded memory: an instruction budget, a wall-clock deadline and a
// memory cap (InterpreterConfig::limits). The fuzz targets run every input
// under them; an embedder could too. Off (all zero) they cost nothing.
//
// The instruction budget reuses the legacy GIL's tick counting: while limits
// are on every thread counts a tick per instruction (the loop's second
// dispatch table) and charges the interpreter-wide budget once per slice of
// kLimitSliceTicks, which is also when the deadline is read. Once either
// runs out the limit is *reached*: a sticky kLimitReached bit goes into
// every thread's eval breaker, so every later poll (backward jumps, calls)
// raises RuntimeError again — a `try/except` around a loop can catch it
// but the loop cannot go on — and blocking waits, which then wake every
// kInterruptSliceNs in every thread, give up. What the budget cannot stop
// is a single long native operation (`sum(range(10**18))`), exactly as
// Ctrl-C cannot in CPython.
//
// The memory cap is checked where the runtime allocates room whose size the
// program chose (list, tuple, dict and set storage, str and bytes bodies):
// a request of kMemoryCheckBytes or more that would take the process's
// resident size past the cap raises MemoryError instead.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gilvm {

struct Interpreter;
struct ThreadState;

struct ExecutionLimits {
  uint64_t max_instructions = 0;  // 0: no budget
  double max_seconds = 0;         // 0: no deadline
  size_t max_memory_bytes = 0;    // 0: no cap
  bool any() const { return max_instructions || max_seconds > 0 || max_memory_bytes; }
  bool stop_running_code() const { return max_instructions || max_seconds > 0; }
};

// Instructions a thread runs between two charges to the budget.
constexpr int kLimitSliceTicks = 1000;
// Smaller requests are not checked against the memory cap: reading the
// resident size costs a system call.
constexpr size_t kMemoryCheckBytes = size_t{1} << 20;

// The limits' running state, in Interpreter::limit_state.
struct LimitState {
  std::atomic<int64_t> instructions_left{0};  // every thread subtracts its slices
  int64_t deadline_ns = 0;  // gil_now_ns() clock; 0: none. Written only by reset_limits
  std::atomic<bool> reached{false};
};

// Starts the limits afresh (at bootstrap, and by a host between runs):
// a full budget, the deadline counted from now, every thread's bit cleared.
void reset_limits(Interpreter& interp);
// Marks the limit reached and sets kLimitReached in every thread.
void reach_limit(Interpreter& interp);
// A thread being registered inherits a reached limit.
void inherit_limit(ThreadState& ts);
// Called when a thread has run a slice of `ticks` instructions; true once
// the limit is reached (the caller's next poll raises).
bool charge_instructions(ThreadState& ts, int ticks);
// Checks the deadline (for waits, which run no instructions).
bool limit_reached(ThreadState& ts);
// Raises RuntimeError naming the limit; returns false.
bool raise_limit_reached(ThreadState& ts);

// False, with MemoryError pending, when allocating `bytes` more would pass
// the memory cap.
bool memory_available(ThreadState& ts, size_t bytes);

// For a host that runs one program after another in the same interpreter:
// reaches the limit (so every other thread's code raises and its waits give
// up), then waits, without the GIL, until every thread the program started
// has ended. False when some thread is still running after `timeout_s`.
bool stop_other_threads(ThreadState& ts, double timeout_s);

}  // namespace gilvm
