// fork() with threads: see fork.h for why each step exists.
#include "vm/fork.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>

#include "gil/blocking.h"
#include "gil/gil.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "trace/trace.h"
#include "vm/eval_breaker.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// Takes the stdio lock of `f` while holding the GIL. Another thread may
// hold that lock with the GIL released (a write that reached the kernel,
// blocking_io.h); waiting for it with the GIL held could deadlock against
// a thread that holds the GIL and wants the stream, so the wait happens
// with the GIL released and the attempt is repeated once it is back.
void lock_stream(ThreadState& ts, FILE* f) {
  while (ftrylockfile(f) != 0) {
    BlockingRegion guard(ts, BlockCause::Stdout);
    flockfile(f);
    funlockfile(f);
  }
}

// threading._after_fork(), when threading has been imported: the Python
// side of "one thread left". An exception there is reported, not raised:
// the child is already a separate process and must go on.
void reset_threading_module(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  Value threading = dict_get_str(interp.modules, str_intern(ts, "threading"));
  if (!threading) return;
  Ref fn = Ref::steal(get_attr_optional(ts, threading, str_intern(ts, "_after_fork")));
  if (fn) {
    Ref r = Ref::steal(call(ts, fn.get(), nullptr, 0));
  }
  if (ts.has_error()) {
    Value exc = ts.fetch_error();
    std::fputs("Exception ignored in threading._after_fork after fork:\n", stderr);
    print_exception(ts, exc);
    decref(exc);
  }
}

}  // namespace

pid_t fork_interpreter(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  // Whatever is buffered now would otherwise be written twice: once by the
  // parent and once by a child that exits through exit() rather than
  // os._exit(). Flushing can block on a full pipe, so without the GIL.
  {
    BlockingRegion guard(ts, BlockCause::Stdout);
    std::fflush(nullptr);
  }
  // From here until fork() no other thread may be half-way through a write
  // to the standard streams, nor inside the interpreter's shared tables.
  lock_stream(ts, stdout);
  lock_stream(ts, stderr);
  fflush_unlocked(stdout);  // what other threads wrote while we were flushing
  fflush_unlocked(stderr);
  pid_t pid;
  {
    std::scoped_lock held(interp.threads_mutex, interp.intern_mutex);
    pid = fork();
    // In the child these mutexes belong to this same thread (fork copies
    // the caller), so releasing them at the end of the scope is valid.
  }
  funlockfile(stderr);
  funlockfile(stdout);
  if (pid == 0) after_fork_child(interp, ts);
  return pid;
}

void after_fork_child(Interpreter& interp, ThreadState& ts) {
  // The old GIL may be held, or its mutex locked, by a thread that does not
  // exist here; it cannot be released or destroyed safely, so it is leaked.
  Gil* old = interp.gil.release();
  // A fresh GIL of the same policy, from the table (make_gil, policies.h).
  std::unique_ptr<Gil> fresh = make_gil(interp.config);
  if (old) {  // keep what sys.setswitchinterval / setcheckinterval changed
    fresh->set_check_interval(old->check_interval());
    fresh->set_switch_interval_us(old->switch_interval_us());
  }
  interp.gil = std::move(fresh);
  ts.eval_breaker.fetch_and(~kDropGilRequest, std::memory_order_relaxed);
  ts.gil_counters = GilCounters{};  // a new process counts from zero
  ts.native_id = static_cast<uint64_t>(syscall(SYS_gettid));
  {
    // The other ThreadStates are left alone, not freed: their memory is a
    // copy nobody will touch again, and their objects may still be
    // referenced from live ones.
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    interp.threads.assign(1, &ts);
    interp.thread_slots.keep_only(ts.slot);
    interp.finished_threads.clear();
  }
  interp.main_thread = &ts;
  // One thread again: the legacy policy stops counting ticks until a
  // second thread starts.
  interp.threads_started.store(false, std::memory_order_release);
  // --trace records the process that was started: the child records
  // nothing and writes no file (it exits through os._exit anyway). The
  // recorder is leaked, not destroyed, for the same reason as the old GIL:
  // its mutex may be held by a thread that no longer exists.
  ts.trace = nullptr;
  (void)interp.trace.release();
  interp.gil->acquire(ts);
  update_tick_counting(ts);
  reset_threading_module(ts);
}

}  // namespace gilvm
