// The time module: clocks and sleep.
//
// Every clock is a direct clock_gettime call; floats are built from whole
// seconds plus nanoseconds so the integer part never loses precision.
// sleep() is the one blocking call here, and it must let other threads run
// while it waits, so it releases the GIL around the wait.
#include <errno.h>
#include <time.h>

#include <cmath>
#include <cstdint>

#include "modules/modules.h"
#include "gil/blocking.h"
#include "vm/eval_breaker.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

static int64_t clock_ns(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

static double clock_seconds(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Names for argument errors, indexed by the Name template parameter below.
static constexpr const char* kClockNames[] = {"time.time", "time.time_ns", "time.perf_counter",
                                              "time.perf_counter_ns", "time.monotonic", "time.monotonic_ns",
                                              "time.process_time", "time.process_time_ns", "time.thread_time",
                                              "time.thread_time_ns"};

template <clockid_t Clock, int Name>
static Value time_float(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, kClockNames[Name], nargs, kwnames)) return Value::null();
  return float_new(ts, clock_seconds(Clock));
}

template <clockid_t Clock, int Name>
static Value time_ns(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, kClockNames[Name], nargs, kwnames)) return Value::null();
  return int_from_i64(ts, clock_ns(Clock));
}

static Value time_sleep(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "time.sleep", nargs, kwnames)) return Value::null();
  double secs;
  Value v = args[0];
  if (has_layout(v, Tag::Float) || is_int_like(v)) {
    if (!to_double(ts, v, &secs)) return Value::null();
  } else {
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, v));
  }
  if (std::isnan(secs)) return raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return raise(ts, ts.exc_types().ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9) return raise(ts, ts.exc_types().OverflowError, "timestamp too large to convert to C _PyTime_t");

  double whole = std::floor(secs);
  timespec req{static_cast<time_t>(whole), static_cast<long>((secs - whole) * 1e9)};
  // SIGINT interrupts nanosleep in the main thread; a reached execution
  // limit (vm/limits.h) is only seen by sleeping in slices.
  const bool sliced = ts.interp->config.limits.stop_running_code();
  bool interrupted = false;
  {
    BlockingRegion guard(ts, BlockCause::Sleep);
    for (;;) {
      timespec step = req;
      if (sliced && (step.tv_sec > 0 || step.tv_nsec > kInterruptSliceNs)) {
        step = {0, static_cast<long>(kInterruptSliceNs)};
      }
      timespec left{0, 0};
      int rc = nanosleep(&step, &left);
      if (rc == -1 && errno != EINTR) break;
      if (wait_interrupted(ts)) {
        interrupted = true;
        break;
      }
      // What is left: the rest of this step plus the steps not yet taken.
      int64_t rest_ns = (req.tv_sec - step.tv_sec) * 1'000'000'000 + (req.tv_nsec - step.tv_nsec) +
                        (rc == -1 ? left.tv_sec * 1'000'000'000 + left.tv_nsec : 0);
      if (rest_ns <= 0) break;
      req = {static_cast<time_t>(rest_ns / 1'000'000'000), static_cast<long>(rest_ns % 1'000'000'000)};
    }
  }
  // Ctrl-C during the sleep: raise KeyboardInterrupt now, as CPython does.
  if (interrupted && !handle_eval_breaker(ts)) return Value::null();
  return newref(ts.none());
}

Value make_time_module(ThreadState& ts) {
  Value m = module_new(ts, "time");
  if (!m) return Value::null();
  Dict* d = as_module(m)->dict;
  add_function(ts, d, "time", time_float<CLOCK_REALTIME, 0>);
  add_function(ts, d, "time_ns", time_ns<CLOCK_REALTIME, 1>);
  add_function(ts, d, "perf_counter", time_float<CLOCK_MONOTONIC, 2>);
  add_function(ts, d, "perf_counter_ns", time_ns<CLOCK_MONOTONIC, 3>);
  add_function(ts, d, "monotonic", time_float<CLOCK_MONOTONIC, 4>);
  add_function(ts, d, "monotonic_ns", time_ns<CLOCK_MONOTONIC, 5>);
  add_function(ts, d, "process_time", time_float<CLOCK_PROCESS_CPUTIME_ID, 6>);
  add_function(ts, d, "process_time_ns", time_ns<CLOCK_PROCESS_CPUTIME_ID, 7>);
  add_function(ts, d, "thread_time", time_float<CLOCK_THREAD_CPUTIME_ID, 8>);
  add_function(ts, d, "thread_time_ns", time_ns<CLOCK_THREAD_CPUTIME_ID, 9>);
  add_function(ts, d, "sleep", time_sleep);
  return m;
}

}  // namespace gilvm
