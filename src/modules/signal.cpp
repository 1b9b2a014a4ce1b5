// The `signal` module, reduced to what gilvm's programs need: the signal
// numbers (for os.kill and, later, multiprocessing's exit codes). SIGINT
// itself is handled by the runtime (main.cpp), which turns it into
// KeyboardInterrupt in the main thread as CPython's default handler does.
#include <signal.h>

#include "modules/modules.h"
#include "runtime/dict.h"
#include "runtime/module.h"
#include "vm/thread_state.h"

namespace gilvm {

Value make_signal_module(ThreadState& ts) {
  Value m = module_new(ts, "signal");
  if (!m) return m;
  Dict* d = as_module(m)->dict;
  static const struct {
    const char* name;
    int number;
  } kSignals[] = {{"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
                  {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL}, {"SIGSEGV", SIGSEGV},
                  {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGUSR1", SIGUSR1},
                  {"SIGUSR2", SIGUSR2}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}};
  for (const auto& s : kSignals) dict_set_str(ts, d, s.name, Value::from_small(s.number));
  return m;
}

}  // namespace gilvm
