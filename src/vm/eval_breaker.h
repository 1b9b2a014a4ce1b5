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
// once more than one thread exists). The loop re-reads it after every
// eval-breaker check.
void update_tick_counting(ThreadState& ts);

// Blocking waits in the main thread wake at least this often to look for
// Ctrl-C (only the main thread receives SIGINT).
constexpr int64_t kInterruptSliceNs = 20'000'000;
// True in the main thread once a SIGINT is waiting to be handled: a wait
// that sees it gives up, and its caller raises through handle_eval_breaker.
bool main_thread_sigint_pending(ThreadState& ts);

}  // namespace gilvm
