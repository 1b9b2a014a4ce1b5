// The `_multiprocessing` module: SemLock, the one synchronisation object
// forked processes share, under multiprocessing's Lock, RLock, Semaphore,
// BoundedSemaphore and Event (lib/multiprocessing/synchronize.py).
//
// A SemLock is a counter, a mutex and a condition variable in an anonymous
// MAP_SHARED page, so that a process forked after its creation works on the
// same one. The mutex and condition are PTHREAD_PROCESS_SHARED; the mutex
// is also robust, so that a process killed inside the few instructions it
// holds it for (never while waiting: waiting releases it) does not leave
// it locked for the others. The counter is what Python code sees: acquire
// waits for it to be positive and decrements it, release increments it;
// Event uses wait_nonzero (wait without taking) and set_value.
//
// Waits happen inside a BlockingRegion, with the main thread waking every
// 20 ms to look for Ctrl-C, like a threading lock (thread.cpp).
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>

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
#include "vm/eval_breaker.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// CPython's _multiprocessing constants.
constexpr int64_t kRecursiveMutex = 0;
constexpr int64_t kSemaphore = 1;
constexpr int64_t kSemValueMax = INT32_MAX;

// Lives in shared memory; every field after the two pthread objects is
// guarded by `mutex`.
struct SharedSem {
  pthread_mutex_t mutex;
  pthread_cond_t changed;  // broadcast whenever `value` grows
  int64_t value;
  int64_t maxvalue;
  pid_t owner_pid;  // the last acquirer, for RLock and _is_mine
  uint64_t owner_tid;
  int64_t count;  // acquisitions held by the owner (RLock depth)
};

struct SemLockObject : Object {
  SharedSem* sem;  // null if the mapping failed
  int64_t kind;
};

SemLockObject* as_semlock(Value v) { return static_cast<SemLockObject*>(v.as_object()); }

void semlock_dealloc(Object* o) {
  auto* s = static_cast<SemLockObject*>(o);
  // Not destroyed: other processes may still use it. Unmapping drops only
  // this process's view.
  if (s->sem) munmap(s->sem, sizeof(SharedSem));
}

// Locks the robust mutex, repairing it if its last holder died.
void lock_sem(SharedSem* s) {
  if (pthread_mutex_lock(&s->mutex) == EOWNERDEAD) pthread_mutex_consistent(&s->mutex);
}

bool is_mine(ThreadState& ts, SharedSem* s) {
  return s->count > 0 && s->owner_pid == getpid() && s->owner_tid == ts.ident;
}

timespec monotonic_after(double seconds) {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  double whole = std::floor(seconds);
  t.tv_sec += static_cast<time_t>(whole);
  t.tv_nsec += static_cast<long>((seconds - whole) * 1e9);
  if (t.tv_nsec >= 1'000'000'000) {
    t.tv_sec += 1;
    t.tv_nsec -= 1'000'000'000;
  }
  return t;
}

bool before(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

enum class WaitResult { Ready, TimedOut, Interrupted };

// Waits, mutex held, until `ready()`; `timeout` < 0 waits forever. Runs
// with the GIL released (the caller's BlockingRegion).
template <typename Ready>
WaitResult wait_locked(ThreadState& ts, SharedSem* s, double timeout, Ready ready) {
  const bool forever = timeout < 0;
  const bool interruptible = waits_are_interruptible(ts);
  const timespec deadline = monotonic_after(forever ? 0 : timeout);
  while (!ready()) {
    if (interruptible && wait_interrupted(ts)) return WaitResult::Interrupted;
    timespec until = forever ? monotonic_after(1.0) : deadline;
    if (interruptible) {
      timespec slice = monotonic_after(kInterruptSliceNs / 1e9);
      if (before(slice, until)) until = slice;
    }
    int rc = pthread_cond_timedwait(&s->changed, &s->mutex, &until);
    if (rc == EOWNERDEAD) pthread_mutex_consistent(&s->mutex);
    if (!forever && rc == ETIMEDOUT) {
      timespec now;
      clock_gettime(CLOCK_MONOTONIC, &now);
      if (!before(now, deadline)) return ready() ? WaitResult::Ready : WaitResult::TimedOut;
    }
  }
  return WaitResult::Ready;
}

Value finish_wait(ThreadState& ts, WaitResult r) {
  if (r == WaitResult::Interrupted) {
    if (!handle_eval_breaker(ts)) return Value::null();
    return raise(ts, ts.exc_types().KeyboardInterrupt, "");
  }
  return newref(ts.bool_value(r == WaitResult::Ready));
}

// SemLock(kind, value, maxvalue)
Value semlock_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  if (!check_positional(ts, "SemLock", nargs, kwnames, 3, 3)) return Value::null();
  int64_t kind, value, maxvalue;
  if (!to_index(ts, args[0], &kind) || !to_index(ts, args[1], &value) ||
      !to_index(ts, args[2], &maxvalue))
    return Value::null();
  if (kind != kRecursiveMutex && kind != kSemaphore)
    return raise(ts, ts.exc_types().ValueError, "unrecognized kind");
  if (value < 0 || value > kSemValueMax || maxvalue < 1 || maxvalue > kSemValueMax)
    return raise(ts, ts.exc_types().ValueError, "invalid value");
  void* mem =
      mmap(nullptr, sizeof(SharedSem), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return raise(ts, ts.exc_types().MemoryError, "cannot map shared memory");
  auto* s = static_cast<SharedSem*>(mem);
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
  pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&s->mutex, &ma);
  pthread_mutexattr_destroy(&ma);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&s->changed, &ca);
  pthread_condattr_destroy(&ca);
  s->value = value;
  s->maxvalue = maxvalue;
  auto* o = alloc<SemLockObject>(ts, type, Tag::Other);
  o->sem = s;
  o->kind = kind;
  return Value::from_object(o);
}

// acquire(block=True, timeout=None) -> bool
Value semlock_acquire(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "acquire", args + 1, nargs - 1, kwnames, {"block", "timeout"}, 0, -1, a))
    return Value::null();
  SemLockObject* o = as_semlock(args[0]);
  SharedSem* s = o->sem;
  bool block = true;
  if (a[0]) {
    int t = truthy(ts, a[0]);
    if (t < 0) return Value::null();
    block = t;
  }
  double timeout = -1;
  if (block && a[1] && !a[1].is(ts.none())) {
    if (!to_double(ts, a[1], &timeout)) return Value::null();
    if (std::isnan(timeout))
      return raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    if (timeout < 0) timeout = 0;
  }
  const pid_t me_pid = getpid();
  const uint64_t me_tid = ts.ident;
  auto take = [&] {
    s->value -= 1;
    s->owner_pid = me_pid;
    s->owner_tid = me_tid;
    s->count = 1;
  };
  lock_sem(s);
  if (o->kind == kRecursiveMutex && is_mine(ts, s)) {
    ++s->count;
    pthread_mutex_unlock(&s->mutex);
    return newref(ts.bool_value(true));
  }
  if (s->value > 0) {
    take();
    pthread_mutex_unlock(&s->mutex);
    return newref(ts.bool_value(true));
  }
  pthread_mutex_unlock(&s->mutex);
  if (!block) return newref(ts.bool_value(false));
  WaitResult r;
  {
    BlockingRegion guard(ts, BlockCause::Lock);
    lock_sem(s);
    r = wait_locked(ts, s, timeout, [s] { return s->value > 0; });
    if (r == WaitResult::Ready) take();
    pthread_mutex_unlock(&s->mutex);
  }
  return finish_wait(ts, r);
}

Value semlock_release(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "release", nargs - 1, kwnames, 0, 0)) return Value::null();
  SemLockObject* o = as_semlock(args[0]);
  SharedSem* s = o->sem;
  lock_sem(s);
  if (o->kind == kRecursiveMutex) {
    if (!is_mine(ts, s)) {
      pthread_mutex_unlock(&s->mutex);
      return raise(ts, ts.exc_types().AssertionError,
                   "attempt to release recursive lock not owned by thread");
    }
    if (--s->count > 0) {
      pthread_mutex_unlock(&s->mutex);
      return newref(ts.none());
    }
  } else if (s->value >= s->maxvalue) {
    pthread_mutex_unlock(&s->mutex);
    return raise(ts, ts.exc_types().ValueError, "semaphore or lock released too many times");
  }
  s->value += 1;
  s->count = 0;
  s->owner_pid = 0;
  s->owner_tid = 0;
  pthread_cond_broadcast(&s->changed);
  pthread_mutex_unlock(&s->mutex);
  return newref(ts.none());
}

Value semlock_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return semlock_release(ts, args, 1, nullptr);
}

// _wait_nonzero(timeout=None) -> bool: waits until the value is positive
// without taking it (Event.wait).
Value semlock_wait_nonzero(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_wait_nonzero", nargs - 1, kwnames, 0, 1)) return Value::null();
  SharedSem* s = as_semlock(args[0])->sem;
  double timeout = -1;
  if (nargs > 1 && !args[1].is(ts.none())) {
    if (!to_double(ts, args[1], &timeout)) return Value::null();
    if (std::isnan(timeout))
      return raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    if (timeout < 0) timeout = 0;
  }
  lock_sem(s);
  bool ready = s->value > 0;
  pthread_mutex_unlock(&s->mutex);
  if (ready) return newref(ts.bool_value(true));
  WaitResult r;
  {
    BlockingRegion guard(ts, BlockCause::Lock);
    lock_sem(s);
    r = wait_locked(ts, s, timeout, [s] { return s->value > 0; });
    pthread_mutex_unlock(&s->mutex);
  }
  return finish_wait(ts, r);
}

// _set_value(n): Event.set (1) and Event.clear (0).
Value semlock_set_value(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "_set_value", nargs - 1, kwnames, 1, 1)) return Value::null();
  SharedSem* s = as_semlock(args[0])->sem;
  int64_t v;
  if (!to_index(ts, args[1], &v)) return Value::null();
  if (v < 0 || v > s->maxvalue) return raise(ts, ts.exc_types().ValueError, "invalid value");
  lock_sem(s);
  s->value = v;
  pthread_cond_broadcast(&s->changed);
  pthread_mutex_unlock(&s->mutex);
  return newref(ts.none());
}

Value semlock_get_value(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SharedSem* s = as_semlock(args[0])->sem;
  lock_sem(s);
  int64_t v = s->value;
  pthread_mutex_unlock(&s->mutex);
  return int_from_i64(ts, v);
}

Value semlock_is_mine(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SharedSem* s = as_semlock(args[0])->sem;
  lock_sem(s);
  bool mine = is_mine(ts, s);
  pthread_mutex_unlock(&s->mutex);
  return newref(ts.bool_value(mine));
}

Value semlock_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SharedSem* s = as_semlock(args[0])->sem;
  lock_sem(s);
  int64_t c = is_mine(ts, s) ? s->count : 0;
  pthread_mutex_unlock(&s->mutex);
  return int_from_i64(ts, c);
}

// _owner() -> (pid, thread ident) of the last acquirer, or None when free.
Value semlock_owner(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SharedSem* s = as_semlock(args[0])->sem;
  lock_sem(s);
  int64_t pid = s->count > 0 ? s->owner_pid : 0;
  uint64_t tid = s->owner_tid;
  pthread_mutex_unlock(&s->mutex);
  if (pid == 0) return newref(ts.none());
  Value p = int_from_i64(ts, pid), t = int_from_u64(ts, tid);
  Value r = tuple_pack(ts, {p, t});
  decref(p);
  decref(t);
  return r;
}

Type* make_semlock_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "SemLock", nullptr, Tag::Other, sizeof(SemLockObject));
  t->slots.dealloc = semlock_dealloc;
  t->slots.construct = semlock_construct;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "_multiprocessing")));
  add_method(ts, t, "acquire", semlock_acquire);
  add_method(ts, t, "release", semlock_release);
  add_method(ts, t, "__enter__", semlock_acquire);
  add_method(ts, t, "__exit__", semlock_exit);
  add_method(ts, t, "_wait_nonzero", semlock_wait_nonzero);
  add_method(ts, t, "_set_value", semlock_set_value);
  add_method(ts, t, "_get_value", semlock_get_value);
  add_method(ts, t, "_is_mine", semlock_is_mine);
  add_method(ts, t, "_count", semlock_count);
  add_method(ts, t, "_owner", semlock_owner);
  ts.interp->native_types["_multiprocessing.SemLock"] = t;
  return t;
}

}  // namespace

Value make_multiprocessing_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_multiprocessing");
  if (!m) return m;
  auto& types = ts.interp->native_types;
  auto found = types.find("_multiprocessing.SemLock");
  Type* t = found != types.end() ? found->second : make_semlock_type(ts);
  Dict* d = as_module(m)->dict;
  dict_set_str(ts, d, "SemLock", Value::from_object(t));
  dict_set_str(ts, d, "RECURSIVE_MUTEX", Value::from_small(kRecursiveMutex));
  dict_set_str(ts, d, "SEMAPHORE", Value::from_small(kSemaphore));
  dict_set_str(ts, d, "SEM_VALUE_MAX", Value::from_small(kSemValueMax));
  return m;
}

}  // namespace gilvm
