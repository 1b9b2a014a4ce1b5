// The one guard every blocking operation (sleep, lock waits, join, queue
// waits, file and socket I/O, writes to stdout) goes through: the GIL is
// released for the guard's lifetime and taken back when it ends, so a
// thread that blocks never holds the GIL. Keeping a single mechanism makes
// every blocking point easy to find (grep BlockingRegion) and to trace.
#pragma once

#include <cerrno>
#include <cstdint>

#include "gil/gil.h"
#include "vm/thread_state.h"

namespace gilvm {

enum class BlockCause : uint8_t { Sleep, Lock, Join, Queue, File, Stdout, Socket, Input, Other };

// --trace: records the span [start, now) as "blocked: CAUSE" (trace.h).
void record_blocked(ThreadState& ts, uint64_t start, BlockCause cause);

class BlockingRegion {
 public:
  BlockingRegion(ThreadState& ts, BlockCause cause) : ts_(ts), cause_(cause) {
    if (Gil* gil = ts_.interp->gil.get()) gil->release(ts_, ReleaseReason::Blocking);
    if (ts_.trace) [[unlikely]] start_ = gil_now_ns();
  }
  ~BlockingRegion() {
    // The caller reads errno after the guard ends (`if (n < 0) raise
    // OSError(errno)`), but taking the GIL back may wait on a condition
    // variable, and tracing may allocate: either can overwrite errno. So
    // the call's errno is kept here, once, as CPython's take_gil keeps it.
    const int call_errno = errno;
    // The blocked span ends when the call returns; waiting for the GIL
    // starts there.
    if (ts_.trace) [[unlikely]] record_blocked(ts_, start_, cause_);
    if (Gil* gil = ts_.interp->gil.get()) gil->acquire(ts_);
    errno = call_errno;
  }
  BlockingRegion(const BlockingRegion&) = delete;
  BlockingRegion& operator=(const BlockingRegion&) = delete;

  BlockCause cause() const { return cause_; }

 private:
  ThreadState& ts_;
  BlockCause cause_;
  uint64_t start_ = 0;  // --trace only
};

}  // namespace gilvm
