// What the eval loop does when a thread's eval-breaker word is non-zero:
// handle pending signals, honour GIL drop requests, and so on. Kept out of
// line so the loop's fast path is one relaxed load and a predicted branch.
#pragma once

#include <cstdint>

namespace gilvm {

struct ThreadState;

// Returns false with an exception pending (e.g. KeyboardInterrupt).
bool handle_eval_breaker(ThreadState& ts);
// Decides whether this thread's eval loop counts ticks (the legacy policy,
// once more than one thread exists; execution limits, vm/limits.h). The
// loop re-reads it after every eval-breaker check.
void update_tick_counting(ThreadState& ts);
// Called by the loop when a thread's ticks run out: charges the slice to
// the instruction budget, gives the legacy GIL its chance to switch, and
// starts the next slice.
void ticks_elapsed(ThreadState& ts);

// Blocking waits wake at least this often to look for Ctrl-C in the main
// thread (only the main thread receives SIGINT) and, in every thread when
// execution limits are on, for a reached limit.
constexpr int64_t kInterruptSliceNs = 20'000'000;
// Whether this thread's blocking waits must wake every kInterruptSliceNs.
bool waits_are_interruptible(ThreadState& ts);
// True once a wait must give up: a SIGINT waiting in the main thread, or a
// reached execution limit; its caller raises through handle_eval_breaker.
bool wait_interrupted(ThreadState& ts);

}  // namespace gilvm
