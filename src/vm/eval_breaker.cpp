// Eval-breaker handling; see eval_breaker.h.
#include "vm/eval_breaker.h"

#include "runtime/exceptions.h"
#include "vm/thread_state.h"

namespace gilvm {

bool handle_eval_breaker(ThreadState& ts) {
  uint32_t bits = ts.eval_breaker.load(std::memory_order_acquire);
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
