// libFuzzer target: one input is the source of a __main__ module, run
// through the lexer, parser, symbol table, compiler and VM, as `gilvm
// script.py` would run it (docs/fuzzing.md).
//
// Bootstrapping an interpreter costs milliseconds and gilvm frees nothing
// when one ends (no cycle collector, no finalisation), so one interpreter
// serves every input of a fuzzing process. Between inputs it is put back as
// bootstrap left it: sys.modules, builtins and sys's namespace restored from
// snapshots, modules the input imported cleared (which breaks the cycles
// between their functions and globals), the recursion limit restored. What
// one input can still leave behind is state inside objects that outlive it
// (e.g. closing sys.stdout); a crash is reproduced by running its input
// alone, so such state would show as a crash that does not reproduce.
//
// Each input runs under the interpreter's execution limits (vm/limits.h):
// an instruction budget and a deadline, so that an infinite loop ends with
// RuntimeError rather than a libFuzzer timeout, and a memory cap. Threads
// the input started are stopped through the same limits before the next
// input begins; one that does not stop within kThreadStopSeconds is
// reported as a crash. Native modules that fork, send signals, or reach the
// file system, other processes or the network are withheld, so that `os`,
// `subprocess`, `socket` and `multiprocessing` fail to import; `open()`
// stays, so run the fuzzer in a scratch folder (`make fuzz` does).
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/unicode.h"
#include "vm/import.h"
#include "vm/limits.h"
#include "vm/thread_state.h"

namespace gilvm {
namespace {

// Far beyond what a seed script needs at its slowest (under ASan), far below
// libFuzzer's -timeout.
constexpr uint64_t kMaxInstructions = 500'000;
constexpr double kMaxSeconds = 1.0;
constexpr size_t kMaxMemoryBytes = size_t{1} << 30;  // below the -rss_limit_mb make fuzz gives
constexpr double kThreadStopSeconds = 10.0;

struct Host {
  explicit Host(InterpreterConfig config) : interp(std::move(config)), ts(&interp) {}
  Interpreter interp;
  ThreadState ts;
  Value modules;  // copies (owned) of sys.modules, builtins and sys.__dict__ after bootstrap
  Value builtins;
  Value sys_dict;
  Value sys_path;  // sys.path's items, restored into a fresh list each time
  int recursion_limit = 0;
};

InterpreterConfig fuzz_config() {
  InterpreterConfig config;
  config.argv = {"<fuzz>"};
  config.limits.max_instructions = kMaxInstructions;
  config.limits.max_seconds = kMaxSeconds;
  config.limits.max_memory_bytes = kMaxMemoryBytes;
  config.withheld_modules = {"_os",     "_posix",          "_subprocess",      "_socket",
                             "select",  "signal",          "_multiprocessing", "_shared_memory"};
  return config;
}

Dict* sys_namespace(Host& h) { return as_module(h.interp.sys_module)->dict; }

// Puts `d` back to the contents of `saved` (a dict).
void restore_dict(ThreadState& ts, Dict* d, Value saved) {
  dict_clear(d);
  if (!dict_merge(ts, d, as_dict(saved))) ts.clear_error();
}

Host* start_host() {
  auto* h = new Host(fuzz_config());
  ThreadState& ts = h->ts;
  h->interp.main_thread = &ts;
  h->interp.bootstrap(ts);
  if (ts.has_error()) {
    print_exception(ts, ts.exc);
    std::abort();
  }
  Dict* sys = sys_namespace(*h);
  Value path = dict_get_str(sys, str_intern(ts, "path"));
  if (path && is_list(path)) {
    Ref lib = Ref::steal(str_new(ts, GILVM_SOURCE_DIR "/lib"));
    list_append(ts, as_list(path), lib.get());
    h->sys_path = list_from_iterable(ts, path);
  }
  h->modules = dict_copy(ts, h->interp.modules);
  h->builtins = dict_copy(ts, h->interp.builtins);
  h->sys_dict = dict_copy(ts, sys);
  h->recursion_limit = h->interp.recursion_limit;
  return h;
}

void reset_host(Host& h) {
  ThreadState& ts = h.ts;
  ts.clear_error();
  // Modules the input imported (and __main__): clear their namespaces,
  // then forget them.
  std::vector<Value> dropped;
  int64_t pos = 0;
  Value name, module;
  while (dict_next(h.interp.modules, &pos, &name, &module)) {
    if (!dict_get_str(as_dict(h.modules), static_cast<Str*>(name.as_object())) && is_module(module)) {
      dropped.push_back(newref(module));
    }
  }
  restore_dict(ts, h.interp.modules, h.modules);
  for (Value m : dropped) {
    dict_clear(as_module(m)->dict);
    decref(m);
  }
  restore_dict(ts, h.interp.builtins, h.builtins);
  Dict* sys = sys_namespace(h);
  restore_dict(ts, sys, h.sys_dict);
  if (h.sys_path) {
    Ref fresh = Ref::steal(list_from_iterable(ts, h.sys_path));
    dict_set_str(ts, sys, "path", fresh.get());
  }
  h.interp.recursion_limit = h.recursion_limit;
  {
    std::lock_guard<std::mutex> lock(h.interp.threads_mutex);
    h.interp.finished_threads.clear();
  }
  ts.clear_error();
  reset_limits(h.interp);
}

Host* g_host = nullptr;  // libFuzzer's entry points take no context

}  // namespace
}  // namespace gilvm

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // input() must see end of file rather than wait for a terminal.
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    dup2(null_fd, 0);
    close(null_fd);
  }
  gilvm::g_host = gilvm::start_host();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gilvm;
  Host& h = *g_host;
  ThreadState& ts = h.ts;
  std::string source(reinterpret_cast<const char*>(data), size);
  // gilvm rejects a script that is not UTF-8 before compiling it (main.cpp).
  size_t bad = 0, bad_end = 0;
  const char* reason = nullptr;
  if (!unicode::validate_utf8(source, &bad, &bad_end, &reason)) return 0;
  if (!run_main(ts, source, "<fuzz>")) {
    Value exc = ts.fetch_error();
    print_exception(ts, exc);  // formatting tracebacks is fuzzed too
    decref(exc);
  }
  if (!stop_other_threads(ts, kThreadStopSeconds)) {
    std::fprintf(stderr, "vm_fuzzer: a thread started by the input was still running %g s after "
                         "the execution limit was reached\n",
                 kThreadStopSeconds);
    std::abort();
  }
  reset_host(h);
  return 0;
}
