// Interpreter and ThreadState construction, and the bootstrap order of the
// built-in types (see the comment at the top of runtime/type.h).
#include "vm/interpreter.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "compiler/code.h"
#include "gil/gil.h"
#include "modules/modules.h"
#include "runtime/alloc.h"
#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "trace/trace.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/class_builder.h"
#include "vm/exec_builtins.h"
#include "vm/coroutine.h"
#include "vm/generator.h"
#include "vm/eval_breaker.h"
#include "vm/import.h"
#include "vm/limits.h"
#include "vm/stack_limit.h"
#include "vm/thread_state.h"

namespace gilvm {

Interpreter::Interpreter(InterpreterConfig c) : config(std::move(c)) {}

Interpreter::~Interpreter() = default;

void Interpreter::bootstrap(ThreadState& ts) {
  // The main thread holds the GIL from the start; it gives it up only when
  // it blocks or another thread asks.
  gil = make_gil(config);
  ts.ident = static_cast<uint64_t>(pthread_self());
  ts.native_id = static_cast<uint64_t>(syscall(SYS_gettid));
  {
    std::lock_guard<std::mutex> lock(threads_mutex);
    ts.slot = thread_slots.take();
    threads.push_back(&ts);
  }
  if (!config.trace_file.empty()) {
    trace = std::make_unique<TraceRecorder>(
        config.trace_file, config.trace_limit_bytes ? config.trace_limit_bytes : kDefaultTraceLimitBytes,
        config.command_line);
    ts.trace = trace->add_thread(ts.native_id);
    ts.trace->instant(TraceKind::ThreadStart, gil_now_ns());
  }
  gil->acquire(ts);
  reset_limits(*this);
  update_tick_counting(ts);

  init_type_type(ts);
  init_singleton_types(ts);
  // Before anything calls add_method: methods are builtin_function objects.
  init_function_types(ts);
  init_str_type(ts);
  init_dict_type(ts);
  init_tuple_type(ts);
  // Interned names, which every later init may use.
#define GILVM_INTERN_NAME(n) names.n = str_intern(ts, #n);
  GILVM_NAMES(GILVM_INTERN_NAME)
#undef GILVM_INTERN_NAME
  init_exception_types(ts);
  init_int_type(ts);
  init_bool_type(ts);
  init_float_type(ts);
  init_bytes_type(ts);
  init_list_type(ts);
  init_set_type(ts);
  init_range_types(ts);
  init_iter_types(ts);
  init_module_type(ts);
  init_code_type(ts);
  init_generator_type(ts);
  init_coroutine_types(ts);
  init_descriptor_types(ts);
  init_super_type(ts);
  finish_type_bootstrap(ts);

  if (empty_str.is_null()) empty_str = Value::from_object(str_intern(ts, ""));

  Value mods = dict_new(ts);
  modules = as_dict(mods);
  make_immortal(mods.as_object());
  register_builtin_modules(ts);
  init_builtins_module(ts);
  install_build_class(ts);
  install_exec_builtins(ts);
  Value sys = import_module(ts, "sys");
  if (sys) {
    if (sys_module.is_null()) sys_module = sys;
    else decref(sys);
  }
}

namespace {
thread_local ThreadState* t_current_thread_state = nullptr;
}  // namespace

ThreadState* ThreadState::current() { return t_current_thread_state; }

// A ThreadState is created on the OS thread that uses it.
ThreadState::ThreadState(Interpreter* i) : interp(i), stack_limit(native_stack_limit()) {
  t_current_thread_state = this;
}

ThreadState::~ThreadState() {
  if (t_current_thread_state == this) t_current_thread_state = nullptr;
  decref(exc);
  for (Value v : handled) decref(v);
  small_cache_release();
}

}  // namespace gilvm
