// Eval-breaker handling; see eval_breaker.h.
#include "vm/eval_breaker.h"

#include "runtime/exceptions.h"
#include "vm/limits.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

bool legacy_switching(const Interpreter& interp) {
  return interp.gil->counts_ticks() && interp.threads_started.load(std::memory_order_acquire);
}

void start_tick_slice(ThreadState& ts) {
  ts.tick_slice = legacy_switching(*ts.interp) ? ts.interp->gil->check_interval() : kLimitSliceTicks;
  ts.ticks = ts.tick_slice;
}

}  // namespace

void update_tick_counting(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  bool counting = legacy_switching(interp) || interp.config.limits.stop_running_code();
  if (counting && !ts.counting_ticks) start_tick_slice(ts);
  ts.counting_ticks = counting;
}

void ticks_elapsed(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  if (interp.config.limits.stop_running_code()) charge_instructions(ts, ts.tick_slice);
  start_tick_slice(ts);
  // Python 2's ceval.c: every check interval, "give another thread a chance".
  if (legacy_switching(interp)) interp.gil->yield(ts);
}

bool waits_are_interruptible(ThreadState& ts) {
  return &ts == ts.interp->main_thread || ts.interp->config.limits.stop_running_code();
}

bool wait_interrupted(ThreadState& ts) {
  uint32_t bits = ts.eval_breaker.load(std::memory_order_relaxed);
  if (&ts == ts.interp->main_thread && (bits & kSignalPending)) return true;
  return ts.interp->config.limits.stop_running_code() && limit_reached(ts);
}

bool handle_eval_breaker(ThreadState& ts) {
  uint32_t bits = ts.eval_breaker.load(std::memory_order_acquire);
  if (bits & kDropGilRequest) {
    // Another thread has waited a whole switch interval (interval policy).
    ts.interp->gil->yield(ts);
  }
  if (bits & kRecheckTicking) {
    ts.eval_breaker.fetch_and(~kRecheckTicking, std::memory_order_acq_rel);
    update_tick_counting(ts);
  }
  if (bits & kLimitReached) return raise_limit_reached(ts);  // sticky: not cleared
  if (bits & kSignalPending) {
    ts.eval_breaker.fetch_and(~kSignalPending, std::memory_order_acq_rel);
    if (&ts == ts.interp->main_thread) {
      raise(ts, ts.exc_types().KeyboardInterrupt, "");
      return false;
    }
  }
  return true;
}

}  // namespace gilvm
