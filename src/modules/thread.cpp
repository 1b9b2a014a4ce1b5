// The `_thread` module: real OS threads and the locks they share.
//
// Each Python thread is a pthread with its own ThreadState; it takes the
// GIL before running any bytecode and gives it back when it finishes or
// blocks. Locks are a mutex, a condition variable and a flag; waiting for
// one happens inside a BlockingRegion, so a thread blocked on a lock never
// holds the GIL. The main thread waits in short slices so that Ctrl-C
// (which only the main thread receives) interrupts a blocked acquire or
// join, as in CPython.
//
// threading.py (lib/threading.py) builds everything else on this module.
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "trace/trace.h"
#include "vm/eval_breaker.h"
#include "vm/limits.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // CPython's _thread.TIMEOUT_MAX on Linux
constexpr auto kInterruptSlice = std::chrono::milliseconds(20);

// Shared by Lock and RLock. `owner` and `count` are used by RLock only.
struct LockState {
  std::mutex mutex;
  std::condition_variable released;
  bool locked = false;  // guarded by mutex
  uint64_t owner = 0;   // RLock: ident of the holder, guarded by mutex
  int64_t count = 0;    // RLock: recursion depth, changed only by the holder
  // What a wait for this lock is, in --trace: a plain lock, a join (the
  // thread sentinel) or a queue (set by queue.py's conditions).
  BlockCause cause = BlockCause::Lock;
};

struct LockObject : Object {
  LockState* state;
};

LockObject* as_lock(Value v) { return static_cast<LockObject*>(v.as_object()); }

void lock_dealloc(Object* o) { delete static_cast<LockObject*>(o)->state; }

Type* lock_type(ThreadState& ts, bool reentrant) {
  const char* name = reentrant ? "RLock" : "lock";
  auto& types = ts.interp->native_types;  // a per-interpreter table of named helper types
  auto found = types.find(std::string("_thread.") + name);
  return found == types.end() ? nullptr : found->second;
}

Value lock_new(ThreadState& ts, bool reentrant) {
  LockObject* l = alloc<LockObject>(ts, lock_type(ts, reentrant), Tag::Other);
  l->state = new LockState();
  return Value::from_object(l);
}

enum class AcquireResult { Acquired, TimedOut, Interrupted };

// Waits for the lock with the GIL released. `take` is called with the
// mutex held to test-and-take the lock.
template <typename Take>
AcquireResult wait_for_lock(ThreadState& ts, LockState* st, double timeout, Take take) {
  using Clock = std::chrono::steady_clock;
  const bool forever = timeout < 0;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(forever ? 0 : timeout));
  const bool interruptible = waits_are_interruptible(ts);
  BlockingRegion guard(ts, st->cause);
  std::unique_lock<std::mutex> lk(st->mutex);
  while (!take()) {
    if (interruptible && wait_interrupted(ts)) {
      return AcquireResult::Interrupted;
    }
    auto until = forever ? Clock::now() + kInterruptSlice : deadline;
    if (interruptible && until > Clock::now() + kInterruptSlice) until = Clock::now() + kInterruptSlice;
    if (st->released.wait_until(lk, until) == std::cv_status::timeout && !forever &&
        Clock::now() >= deadline) {
      return take() ? AcquireResult::Acquired : AcquireResult::TimedOut;
    }
  }
  return AcquireResult::Acquired;
}

// Parses acquire(blocking=True, timeout=-1) as CPython does.
bool acquire_args(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, bool* blocking,
                  double* timeout) {
  Value out[2];
  if (!parse_args(ts, "acquire", args + 1, nargs - 1, kwnames, {"blocking", "timeout"}, 0, -1, out)) {
    return false;
  }
  *blocking = true;
  *timeout = -1;
  if (out[0]) {
    int t = truthy(ts, out[0]);
    if (t < 0) return false;
    *blocking = t;
  }
  if (out[1] && !out[1].is(ts.none())) {
    if (!to_double(ts, out[1], timeout)) return false;
    if (!*blocking && *timeout != -1) {
      raise(ts, ts.exc_types().ValueError, "can't specify a timeout for a non-blocking call");
      return false;
    }
    if (*timeout < 0 && *timeout != -1) {
      raise(ts, ts.exc_types().ValueError, "timeout value must be a non-negative number");
      return false;
    }
    if (*timeout > kTimeoutMax) {
      raise(ts, ts.exc_types().OverflowError, "timeout value is too large");
      return false;
    }
  }
  return true;
}

Value finish_acquire(ThreadState& ts, AcquireResult r) {
  if (r == AcquireResult::Interrupted) {
    // Raise the KeyboardInterrupt now that the GIL is back.
    if (!handle_eval_breaker(ts)) return Value::null();
    return newref(ts.bool_value(false));
  }
  return newref(ts.bool_value(r == AcquireResult::Acquired));
}

// ------------------------------------------------------------------ Lock

Value lock_acquire(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  bool blocking;
  double timeout;
  if (!acquire_args(ts, args, nargs, kwnames, &blocking, &timeout)) return Value::null();
  LockState* st = as_lock(args[0])->state;
  {
    std::lock_guard<std::mutex> lk(st->mutex);
    if (!st->locked) {
      st->locked = true;
      return newref(ts.bool_value(true));
    }
  }
  if (!blocking) return newref(ts.bool_value(false));
  AcquireResult r = wait_for_lock(ts, st, timeout, [st] {
    if (st->locked) return false;
    st->locked = true;
    return true;
  });
  return finish_acquire(ts, r);
}

bool release_lock_state(LockState* st) {
  std::lock_guard<std::mutex> lk(st->mutex);
  if (!st->locked) return false;
  st->locked = false;
  st->released.notify_one();
  return true;
}

Value lock_release(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "release", nargs - 1, kwnames, 0, 0)) return Value::null();
  if (!release_lock_state(as_lock(args[0])->state)) {
    return raise(ts, ts.exc_types().RuntimeError, "release unlocked lock");
  }
  return newref(ts.none());
}

Value lock_locked(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "locked", nargs - 1, kwnames, 0, 0)) return Value::null();
  LockState* st = as_lock(args[0])->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  return newref(ts.bool_value(st->locked));
}

Value lock_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return lock_release(ts, args, 1, nullptr);
}

Value lock_repr(ThreadState& ts, Value self) {
  LockState* st = as_lock(self)->state;
  bool locked;
  {
    std::lock_guard<std::mutex> lk(st->mutex);
    locked = st->locked;
  }
  return str_new(ts, fmt::format("<{} _thread.lock object at {}>", locked ? "locked" : "unlocked",
                                 static_cast<const void*>(self.as_object())));
}

// ------------------------------------------------------------------ RLock

Value rlock_acquire(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  bool blocking;
  double timeout;
  if (!acquire_args(ts, args, nargs, kwnames, &blocking, &timeout)) return Value::null();
  LockState* st = as_lock(args[0])->state;
  uint64_t me = ts.ident;
  {
    std::lock_guard<std::mutex> lk(st->mutex);
    if (st->locked && st->owner == me) {
      ++st->count;
      return newref(ts.bool_value(true));
    }
    if (!st->locked) {
      st->locked = true;
      st->owner = me;
      st->count = 1;
      return newref(ts.bool_value(true));
    }
  }
  if (!blocking) return newref(ts.bool_value(false));
  AcquireResult r = wait_for_lock(ts, st, timeout, [st, me] {
    if (st->locked) return false;
    st->locked = true;
    st->owner = me;
    st->count = 1;
    return true;
  });
  return finish_acquire(ts, r);
}

Value rlock_release(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "release", nargs - 1, kwnames, 0, 0)) return Value::null();
  LockState* st = as_lock(args[0])->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  if (!st->locked || st->owner != ts.ident) {
    return raise(ts, ts.exc_types().RuntimeError, "cannot release un-acquired lock");
  }
  if (--st->count == 0) {
    st->locked = false;
    st->owner = 0;
    st->released.notify_one();
  }
  return newref(ts.none());
}

Value rlock_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return rlock_release(ts, args, 1, nullptr);
}

Value rlock_is_owned(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  LockState* st = as_lock(args[0])->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  return newref(ts.bool_value(st->locked && st->owner == ts.ident));
}

Value rlock_recursion_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  LockState* st = as_lock(args[0])->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  return int_from_i64(ts, st->locked && st->owner == ts.ident ? st->count : 0);
}

// Condition.wait support: give the lock up entirely, remembering the depth.
Value rlock_release_save(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  LockState* st = as_lock(args[0])->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  if (!st->locked || st->owner != ts.ident) {
    return raise(ts, ts.exc_types().RuntimeError, "cannot release un-acquired lock");
  }
  Value count = int_from_i64(ts, st->count);
  Value owner = int_from_u64(ts, st->owner);
  st->locked = false;
  st->owner = 0;
  st->count = 0;
  st->released.notify_one();
  Value state = tuple_pack(ts, {count, owner});
  decref(count);
  decref(owner);
  return state;
}

Value rlock_acquire_restore(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2 || !is_tuple(args[1]) || as_tuple(args[1])->size != 2) {
    return raise(ts, ts.exc_types().TypeError, "_acquire_restore() takes a (count, owner) tuple");
  }
  int64_t count = 1;
  int_to_i64(as_tuple(args[1])->items[0], &count);
  LockState* st = as_lock(args[0])->state;
  uint64_t me = ts.ident;
  AcquireResult r = AcquireResult::Acquired;
  {
    std::lock_guard<std::mutex> lk(st->mutex);
    if (!st->locked) {
      st->locked = true;
      st->owner = me;
      st->count = count;
      return newref(ts.none());
    }
  }
  {
    // Not interruptible: Condition.wait must get its lock back. The GIL is
    // taken again (end of this block) before any object is touched.
    BlockingRegion guard(ts, BlockCause::Lock);
    std::unique_lock<std::mutex> lk(st->mutex);
    st->released.wait(lk, [st] { return !st->locked; });
    st->locked = true;
    st->owner = me;
    st->count = count;
  }
  (void)r;
  return newref(ts.none());
}

Value rlock_repr(ThreadState& ts, Value self) {
  LockState* st = as_lock(self)->state;
  std::lock_guard<std::mutex> lk(st->mutex);
  return str_new(ts, fmt::format("<{} _thread.RLock object owner={} count={} at {}>",
                                 st->locked ? "locked" : "unlocked", st->owner, st->locked ? st->count : 0,
                                 static_cast<const void*>(self.as_object())));
}

Value rlock_construct(ThreadState& ts, Type*, const Value*, size_t nargs, Tuple* kwnames) {
  return lock_new(ts, true);
}

Value lock_construct(ThreadState& ts, Type*, const Value*, size_t nargs, Tuple* kwnames) {
  return lock_new(ts, false);
}

// ------------------------------------------------------------------ threads

struct Bootstrap {
  Interpreter* interp;
  Value func;
  Value args;
  Value kwargs;  // may be null
  size_t stack_size;
};

// The stack a new thread gets: threading.stack_size's value, or 16 MiB.
// Under TSan at least 3 MiB: its frames are several times larger and its
// per-thread state sits in static TLS at the top of the stack, so a 512 KiB
// thread would raise RecursionError (stack_limit.cpp) a few dozen Python
// frames deep, and the same program would print differently from the
// Release build. 3 MiB holds the recursion limit's 1000 frames of the
// issue17_small_stack tests under TSan; the native limit still applies.
size_t thread_stack_bytes(size_t requested) {
  size_t size = requested ? requested : size_t{16} << 20;
#if defined(__SANITIZE_THREAD__)
  size = std::max(size, size_t{3} << 20);
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
  size = std::max(size, size_t{3} << 20);
#endif
#endif
  return size;
}

uint64_t native_thread_id() { return static_cast<uint64_t>(syscall(SYS_gettid)); }

void run_thread(Bootstrap* boot) {
  Interpreter& interp = *boot->interp;
  auto* ts = new ThreadState(&interp);
  ts->ident = static_cast<uint64_t>(pthread_self());
  ts->native_id = native_thread_id();
  {
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    ts->slot = interp.thread_slots.take();
    ts->name = "Thread-" + std::to_string(++interp.threads_named);
    interp.threads.push_back(ts);
  }
  inherit_limit(*ts);
  if (interp.trace) {
    ts->trace = interp.trace->add_thread(ts->native_id);
    ts->trace->instant(TraceKind::ThreadStart, gil_now_ns());
  }
  interp.gil->acquire(*ts);
  update_tick_counting(*ts);

  Tuple* args = as_tuple(boot->args);
  Value r;
  if (boot->kwargs && as_dict(boot->kwargs)->used > 0) {
    Dict* kw = as_dict(boot->kwargs);
    std::vector<Value> all(args->items, args->items + args->size);
    Value names = tuple_new(*ts, kw->used);
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kw, &pos, &k, &v)) {
      as_tuple(names)->items[i++] = newref(k);
      all.push_back(v);
    }
    r = call(*ts, boot->func, all.data(), static_cast<size_t>(args->size), as_tuple(names));
    decref(names);
  } else {
    r = call(*ts, boot->func, args->items, static_cast<size_t>(args->size));
  }
  if (!r) {
    Value exc = ts->fetch_error();
    if (exception_matches(*ts, exc, Value::from_object(ts->exc_types().SystemExit)) != 1) {
      std::string func_repr;
      if (!repr_utf8(*ts, boot->func, &func_repr)) ts->clear_error();
      std::fflush(stdout);
      std::fprintf(stderr, "Exception ignored in thread started by: %s\n", func_repr.c_str());
      print_exception(*ts, exc);
    }
    decref(exc);
  }
  decref(r);
  decref(boot->func);
  decref(boot->args);
  decref(boot->kwargs);
  delete boot;
  // Wake join(): the sentinel locks are released as the thread ends.
  for (Value sentinel : ts->sentinels) {
    release_lock_state(as_lock(sentinel)->state);
    decref(sentinel);
  }
  ts->sentinels.clear();
  ts->clear_error();
  for (Value v : ts->handled) decref(v);
  ts->handled.clear();
  // Named while this thread still holds the GIL (once it lets go, the main
  // thread may be writing the trace); its end is the release itself.
  if (ts->trace) ts->trace->set_final_name(ts->name);
  ts->ending = true;
  interp.gil->release(*ts, ReleaseReason::ThreadEnd);
  {
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    auto& live = interp.threads;
    live.erase(std::remove(live.begin(), live.end(), ts), live.end());
    interp.thread_slots.give_back(ts->slot);
    interp.finished_threads.push_back({ts->name, ts->gil_counters});
  }
  delete ts;
  interp.running_threads.fetch_sub(1, std::memory_order_release);  // the last touch of interp
}

void* thread_entry(void* arg) {
  run_thread(static_cast<Bootstrap*>(arg));
  return nullptr;
}

Value start_new_thread(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "start_new_thread", nargs, kwnames, 2, 3)) return Value::null();
  if (!is_callable(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "first arg must be callable");
  if (!is_tuple(args[1])) return raise(ts, ts.exc_types().TypeError, "2nd arg must be a tuple");
  if (nargs > 2 && !is_dict(args[2])) {
    return raise(ts, ts.exc_types().TypeError, "optional 3rd arg must be a dictionary");
  }
  Interpreter& interp = *ts.interp;
  auto* boot = new Bootstrap{&interp, newref(args[0]), newref(args[1]),
                             nargs > 2 ? newref(args[2]) : Value::null(), interp.thread_stack_size};

  // From now on the legacy policy counts ticks: tell every running thread.
  if (!interp.threads_started.exchange(true)) {
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    for (ThreadState* other : interp.threads) {
      other->eval_breaker.fetch_or(kRecheckTicking, std::memory_order_release);
    }
  }

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, thread_stack_bytes(boot->stack_size));
  // Only the main thread handles SIGINT (CPython's rule): new threads
  // start with it blocked.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  pthread_t tid;
  interp.running_threads.fetch_add(1, std::memory_order_relaxed);
  int err = pthread_create(&tid, &attr, thread_entry, boot);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    interp.running_threads.fetch_sub(1, std::memory_order_relaxed);
    decref(boot->func);
    decref(boot->args);
    decref(boot->kwargs);
    delete boot;
    return raise(ts, ts.exc_types().RuntimeError, "can't start new thread");
  }
  return int_from_u64(ts, static_cast<uint64_t>(tid));
}

Value allocate_lock(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "allocate_lock", nargs, kwnames, 0, 0)) return Value::null();
  return lock_new(ts, false);
}

Value get_ident(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "get_ident", nargs, kwnames, 0, 0)) return Value::null();
  return int_from_u64(ts, ts.ident);
}

Value get_native_id(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "get_native_id", nargs, kwnames, 0, 0)) return Value::null();
  return int_from_u64(ts, ts.native_id);
}

Value thread_exit(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  return raise_value(ts, Value::from_object(ts.exc_types().SystemExit));
}

Value thread_count(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  std::lock_guard<std::mutex> lock(ts.interp->threads_mutex);
  return int_from_i64(ts, static_cast<int64_t>(ts.interp->threads.size()) - 1);
}

Value stack_size(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "stack_size", nargs, kwnames, 0, 1)) return Value::null();
  size_t old = ts.interp->thread_stack_size;
  if (nargs == 1) {
    int64_t size;
    if (!to_index(ts, args[0], &size)) return Value::null();
    if (size != 0 && size < 32768) {
      return raisef(ts, ts.exc_types().ValueError, "size not valid: {} bytes", size);
    }
    ts.interp->thread_stack_size = static_cast<size_t>(size);
  }
  return int_from_u64(ts, old);
}

// A lock held by the calling thread and released when the thread ends;
// threading.Thread.join waits on it.
Value set_sentinel(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_set_sentinel", nargs, kwnames, 0, 0)) return Value::null();
  Value lock = lock_new(ts, false);
  as_lock(lock)->state->locked = true;
  as_lock(lock)->state->cause = BlockCause::Join;
  ts.sentinels.push_back(newref(lock));
  return lock;
}

// _set_block_cause(lock, name): how waits for `lock` appear in --trace
// ("lock", "join", "queue", ...). Used by threading.Condition for the
// waiter locks of queue.Queue's conditions.
Value set_block_cause(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_set_block_cause", nargs, kwnames, 2, 2)) return Value::null();
  if (type_of(ts, args[0]) != lock_type(ts, false) || !is_str(args[1])) {
    return raise(ts, ts.exc_types().TypeError, "_set_block_cause(lock, name) takes a lock and a str");
  }
  BlockCause cause;
  if (!parse_block_cause(as_str(args[1])->view(), &cause)) {
    return raisef(ts, ts.exc_types().ValueError, "unknown block cause '{}'", as_str(args[1])->view());
  }
  as_lock(args[0])->state->cause = cause;
  return ts.none();
}

// Simulates Ctrl-C: the main thread raises KeyboardInterrupt at its next
// check, or at once if it is sleeping or waiting.
Value interrupt_main(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "interrupt_main", nargs, kwnames, 0, 1)) return Value::null();
  if (ThreadState* main = ts.interp->main_thread) {
    main->eval_breaker.fetch_or(kSignalPending, std::memory_order_release);
    if (main != &ts) pthread_kill(static_cast<pthread_t>(main->ident), SIGINT);
  }
  return newref(ts.none());
}

Value print_exception_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_print_exception", nargs, kwnames, 1, 1)) return Value::null();
  if (is_exception(args[0])) print_exception(ts, args[0]);
  return newref(ts.none());
}

// What _print_exception would print, as a str: the traceback of an exception
// raised in another process crosses the pipe as text
// (lib/concurrent/futures/process.py), gilvm having no traceback objects.
Value format_exception_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_format_exception", nargs, kwnames, 1, 1)) return Value::null();
  return str_new(ts, format_exception(ts, args[0]));
}

// Names this thread in --gil-stats tables and traces (threading.Thread
// calls it with the thread's name).
Value set_name(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_set_name", nargs, kwnames, 1, 1)) return Value::null();
  std::string name;
  if (!str_utf8(ts, args[0], &name)) return Value::null();
  std::lock_guard<std::mutex> lock(ts.interp->threads_mutex);
  ts.name = name;
  return newref(ts.none());
}

Type* make_lock_type(ThreadState& ts, bool reentrant) {
  const char* name = reentrant ? "RLock" : "lock";
  Type* t = new_builtin_type(ts, name, nullptr, Tag::Other, sizeof(LockObject));
  t->slots.dealloc = lock_dealloc;
  t->slots.repr = reentrant ? rlock_repr : lock_repr;
  t->slots.construct = reentrant ? rlock_construct : lock_construct;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "_thread")));
  if (reentrant) {
    add_method(ts, t, "acquire", rlock_acquire);
    add_method(ts, t, "release", rlock_release);
    add_method(ts, t, "__enter__", rlock_acquire);
    add_method(ts, t, "__exit__", rlock_exit);
    add_method(ts, t, "_is_owned", rlock_is_owned);
    add_method(ts, t, "_recursion_count", rlock_recursion_count);
    add_method(ts, t, "_release_save", rlock_release_save);
    add_method(ts, t, "_acquire_restore", rlock_acquire_restore);
  } else {
    add_method(ts, t, "acquire", lock_acquire);
    add_method(ts, t, "acquire_lock", lock_acquire);
    add_method(ts, t, "release", lock_release);
    add_method(ts, t, "release_lock", lock_release);
    add_method(ts, t, "locked", lock_locked);
    add_method(ts, t, "locked_lock", lock_locked);
    add_method(ts, t, "__enter__", lock_acquire);
    add_method(ts, t, "__exit__", lock_exit);
  }
  ts.interp->native_types[std::string("_thread.") + name] = t;
  return t;
}

}  // namespace

Value make_thread_module(ThreadState& ts) {
  Value m = module_new(ts, "_thread");
  if (!m) return m;
  Dict* d = as_module(m)->dict;
  Type* lock = lock_type(ts, false) ? lock_type(ts, false) : make_lock_type(ts, false);
  Type* rlock = lock_type(ts, true) ? lock_type(ts, true) : make_lock_type(ts, true);
  dict_set_str(ts, d, "LockType", Value::from_object(lock));
  dict_set_str(ts, d, "lock", Value::from_object(lock));
  dict_set_str(ts, d, "RLock", Value::from_object(rlock));
  dict_set_str(ts, d, "error", Value::from_object(ts.exc_types().RuntimeError));
  Value tmax = float_new(ts, kTimeoutMax);
  dict_set_str(ts, d, "TIMEOUT_MAX", tmax);
  decref(tmax);
  add_function(ts, d, "start_new_thread", start_new_thread);
  add_function(ts, d, "start_new", start_new_thread);
  add_function(ts, d, "allocate_lock", allocate_lock);
  add_function(ts, d, "allocate", allocate_lock);
  add_function(ts, d, "get_ident", get_ident);
  add_function(ts, d, "get_native_id", get_native_id);
  add_function(ts, d, "exit", thread_exit);
  add_function(ts, d, "exit_thread", thread_exit);
  add_function(ts, d, "_count", thread_count);
  add_function(ts, d, "stack_size", stack_size);
  add_function(ts, d, "_set_sentinel", set_sentinel);
  add_function(ts, d, "_set_block_cause", set_block_cause);
  add_function(ts, d, "_print_exception", print_exception_fn);
  add_function(ts, d, "_format_exception", format_exception_fn);
  add_function(ts, d, "interrupt_main", interrupt_main);
  add_function(ts, d, "_set_name", set_name);
  return m;
}

}  // namespace gilvm
