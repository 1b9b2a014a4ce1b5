// Eval-breaker handling; see eval_breaker.h.
#include "vm/eval_breaker.h"

#include "runtime/exceptions.h"
#include "vm/thread_state.h"

namespace gilvm {

void update_tick_counting(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  bool counting =
      interp.gil->counts_ticks() && interp.threads_started.load(std::memory_order_acquire);
  if (counting && !ts.counting_ticks) ts.ticks = interp.gil->check_interval();
  ts.counting_ticks = counting;
}

bool main_thread_sigint_pending(ThreadState& ts) {
  return &ts == ts.interp->main_thread &&
         (ts.eval_breaker.load(std::memory_order_relaxed) & kSignalPending);
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
