// The gilvm command line (see DESIGN.md, "Command line"): option parsing,
// running a script or -c code as __main__, and CPython's exit statuses
// (0 ok, 1 uncaught exception or syntax error, 2 usage error).
#include <sys/stat.h>
#include <unistd.h>

#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/convoy.h"
#include "bench/seed.h"
#include "report/report.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/unicode.h"
#include "gil/gil.h"
#include "trace/trace.h"
#include "vm/import.h"
#include "vm/syntax_errors.h"
#include "vm/thread_state.h"

namespace gilvm {
namespace {

constexpr const char* kUsage =
    "usage: gilvm [options] SCRIPT.py [ARGS...]\n"
    "       gilvm [options] -c CODE [ARGS...]\n"
    "options:\n"
    "  --gil=POLICY             legacy | interval | fair (default interval)\n"
    "  --check-interval=N       ticks between GIL checks (legacy)\n"
    "  --switch-interval=SECS   switch interval (interval)\n"
    "  --gil-stats              print GIL counters at exit\n"
    "  --gil-stats-json=FILE    write GIL counters as JSON at exit\n"
    "  --trace=FILE.json        record GIL events as Chrome trace JSON (see `gilvm report`)\n"
    "  --trace-limit=SIZE       stop recording past SIZE bytes (K, M, G suffixes; default 256M)\n";

// The folder of the standard library written in Python (lib/ at the repo
// root): $GILVM_LIB, else <executable's folder>/../lib, else the source
// tree's lib/ recorded at build time. Empty when none exists.
std::string find_stdlib_dir() {
  auto is_dir = [](const std::string& p) {
    struct stat st;
    return !p.empty() && stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  };
  if (const char* env = std::getenv("GILVM_LIB"); env && is_dir(env)) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    size_t slash = exe.rfind('/');
    if (slash != std::string::npos) {
      std::string lib = exe.substr(0, slash) + "/../lib";
      if (is_dir(lib)) {
        char* real = realpath(lib.c_str(), nullptr);
        if (real) lib = real;
        std::free(real);
        return lib;
      }
    }
  }
#ifdef GILVM_SOURCE_DIR
  if (is_dir(GILVM_SOURCE_DIR "/lib")) return GILVM_SOURCE_DIR "/lib";
#endif
  return "";
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gilvm: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Handles SystemExit the way CPython's main does; returns the exit status.
int exit_status_for(ThreadState& ts, Value exc) {
  ExceptionObject* e = as_exception(exc);
  Value code = e->args && e->args->size > 0 ? e->args->items[0] : ts.none();
  if (e->args && e->args->size > 1) code = Value::from_object(e->args);
  if (code.is(ts.none())) return 0;
  if (code.is_small()) return static_cast<int>(code.as_small() & 0xff);
  if (is_int_like(code)) {
    int64_t v = 0;
    int_to_i64(code, &v);
    return static_cast<int>(v & 0xff);
  }
  std::string text;
  if (!str_utf8(ts, code, &text)) ts.clear_error();
  std::fflush(stdout);
  std::fprintf(stderr, "%s\n", text.c_str());
  return 1;
}

int report_uncaught(ThreadState& ts) {
  Value exc = ts.fetch_error();
  if (exception_matches(ts, exc, Value::from_object(ts.exc_types().SystemExit)) == 1) {
    int status = exit_status_for(ts, exc);
    decref(exc);
    return status;
  }
  std::fflush(stdout);
  SyntaxErrorInfo info;
  if (syntax_error_info(ts, exc, &info) && as_exception(exc)->traceback == nullptr) {
    std::fputs(format_syntax_error(info).c_str(), stderr);
  } else {
    print_exception(ts, exc);
  }
  decref(exc);
  return 1;
}

// The interpreter whose main thread receives SIGINT. A signal handler can
// reach nothing else, so this one pointer is the only process-wide state.
Interpreter* g_sigint_target = nullptr;

void on_sigint(int) {
  if (Interpreter* interp = g_sigint_target; interp && interp->main_thread) {
    // Atomic and lock-free: safe in a signal handler.
    interp->main_thread->eval_breaker.fetch_or(kSignalPending, std::memory_order_release);
  }
}

void install_sigint_handler(Interpreter* interp) {
  g_sigint_target = interp;
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking sleep must return early
  sigaction(SIGINT, &sa, nullptr);
}

// Calls threading._shutdown() when threading was imported; false with an
// exception pending when it raised (e.g. Ctrl-C while joining).
bool shutdown_threads(ThreadState& ts) {
  Value threading = dict_get_str(ts.interp->modules, str_intern(ts, "threading"));
  if (!threading) return true;
  Value fn = get_attr_optional(ts, threading, str_intern(ts, "_shutdown"));
  if (!fn) return !ts.has_error();
  Value r = call(ts, fn, nullptr, 0);
  decref(fn);
  if (!r) return false;
  decref(r);
  return true;
}

int run(int argc, char** argv) {
  InterpreterConfig config;
  if (const char* env = std::getenv("GILVM_GIL"); env && *env) {
    config.gil_policy = env;
    if (config.gil_policy != "legacy" && config.gil_policy != "interval" && config.gil_policy != "fair") {
      return usage_error("unknown GIL policy '" + config.gil_policy + "' in GILVM_GIL (expected legacy, interval or fair)");
    }
  }
  std::string script;
  std::string code_arg;
  bool have_code = false;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-c") {
      if (i + 1 >= argc) return usage_error("Argument expected for the -c option");
      code_arg = argv[++i];
      have_code = true;
      ++i;
      break;
    }
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (starts_with(a, "--gil=")) {
      config.gil_policy = a.substr(6);
      if (config.gil_policy != "legacy" && config.gil_policy != "interval" && config.gil_policy != "fair") {
        return usage_error("unknown GIL policy '" + config.gil_policy + "' (expected legacy, interval or fair)");
      }
    } else if (starts_with(a, "--check-interval=")) {
      config.check_interval = std::atoi(a.c_str() + 17);
      if (config.check_interval < 1) return usage_error("--check-interval must be a positive integer");
    } else if (starts_with(a, "--switch-interval=")) {
      config.switch_interval = std::atof(a.c_str() + 18);
      if (!(config.switch_interval > 0)) return usage_error("--switch-interval must be positive");
    } else if (a == "--dis") {
      config.disassemble = true;
    } else if (a == "--gil-stats") {
      config.gil_stats = true;
    } else if (starts_with(a, "--gil-stats-json=")) {
      config.gil_stats_json = a.substr(17);
    } else if (starts_with(a, "--trace=")) {
      config.trace_file = a.substr(8);
      if (config.trace_file.empty()) return usage_error("--trace needs a file name");
      // Fail now rather than after the program has run.
      std::FILE* f = std::fopen(config.trace_file.c_str(), "wb");
      if (!f) {
        std::fprintf(stderr, "gilvm: cannot write trace %s: %s\n", config.trace_file.c_str(), std::strerror(errno));
        return 2;
      }
      std::fclose(f);
    } else if (starts_with(a, "--trace-limit=")) {
      if (!parse_trace_limit(a.substr(14), &config.trace_limit_bytes)) {
        return usage_error("--trace-limit must be a positive size such as 512M, not '" + a.substr(14) + "'");
      }
    } else if (a == "--") {
      ++i;
      break;
    } else if (starts_with(a, "-") && a != "-") {
      return usage_error("unknown option " + a);
    } else {
      break;
    }
  }
  for (int k = 0; k < argc; ++k) {
    if (k) config.command_line += ' ';
    config.command_line += k == 0 ? std::string("gilvm") : std::string(argv[k]);
  }
  std::string source;
  std::string filename;
  if (have_code) {
    source = code_arg;
    filename = "<string>";
    config.argv.push_back("-c");
  } else {
    if (i >= argc) return usage_error("no script given (the interactive prompt is not available yet)");
    script = argv[i++];
    std::ifstream in(script, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "gilvm: can't open file '%s': [Errno 2] No such file or directory\n", script.c_str());
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    source = ss.str();
    // Source files are UTF-8 (no coding declarations here): reject others
    // as CPython's tokenizer does, before anything runs.
    size_t bad = 0, bad_end = 0;
    const char* reason = nullptr;
    if (!unicode::validate_utf8(source, &bad, &bad_end, &reason)) {
      long line = 1 + std::count(source.begin(), source.begin() + static_cast<long>(bad), '\n');
      std::fprintf(stderr,
                   "SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %ld, but no "
                   "encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                   static_cast<unsigned char>(source[bad]), script.c_str(), line);
      return 1;
    }
    // Like CPython 3.9+, the main module's __file__ (and so its traceback
    // lines) is absolute; sys.argv[0] stays as typed.
    filename = script;
    if (!filename.empty() && filename[0] != '/') {
      if (char* cwd = getcwd(nullptr, 0)) {
        filename = std::string(cwd) + "/" + (filename.rfind("./", 0) == 0 ? filename.substr(2) : filename);
        std::free(cwd);
      }
    }
    config.argv.push_back(script);
  }
  for (; i < argc; ++i) config.argv.push_back(argv[i]);

  Interpreter interp(config);
  ThreadState ts(&interp);
  interp.main_thread = &ts;
  interp.bootstrap(ts);
  if (ts.has_error()) {
    std::fprintf(stderr, "gilvm: failed to initialise the runtime\n");
    print_exception(ts, ts.exc);
    return 1;
  }
  // sys.path[0] is the script's folder ('' for -c), as in CPython.
  if (interp.sys_module) {
    Value path = dict_get_str(as_module(interp.sys_module)->dict, str_intern(ts, "path"));
    if (path && is_list(path)) {
      std::string dir;
      if (!have_code) {
        // The folder of the script's real path, absolute, as CPython sets it.
        char* real = realpath(script.c_str(), nullptr);
        std::string full = real ? std::string(real) : script;
        std::free(real);
        size_t slash = full.rfind('/');
        dir = slash == std::string::npos ? "" : slash == 0 ? "/" : full.substr(0, slash);
      }
      Ref d = Ref::steal(str_new(ts, dir));
      List* l = as_list(path);
      list_append(ts, l, d.get());
      // Move it to the front.
      for (int64_t k = l->size - 1; k > 0; --k) std::swap(l->items[k], l->items[k - 1]);
      // The Python half of the standard library comes after it.
      std::string lib = find_stdlib_dir();
      if (!lib.empty()) {
        Ref lib_str = Ref::steal(str_new(ts, lib));
        list_append(ts, l, lib_str.get());
      }
    }
  }
  install_sigint_handler(&interp);
  // As CPython: a write to a closed pipe fails with EPIPE (BrokenPipeError)
  // instead of killing the process (`gilvm script.py | head`, a pool
  // worker whose parent went away).
  signal(SIGPIPE, SIG_IGN);
  int status = 0;
  if (!run_main(ts, source, filename)) status = report_uncaught(ts);
  // As CPython: wait for the non-daemon threads (threading._shutdown);
  // daemon threads are simply abandoned when the process exits.
  if (!shutdown_threads(ts) && status == 0) status = report_uncaught(ts);
  if (config.gil_stats) print_gil_stats(interp);
  if (!config.gil_stats_json.empty() && !write_gil_stats_json(interp, config.gil_stats_json)) {
    std::fprintf(stderr, "gilvm: cannot write %s\n", config.gil_stats_json.c_str());
  }
  // After the counters, so that writing the trace does not count as the
  // main thread's time holding the GIL.
  if (interp.trace && !interp.trace->write(interp, ts) && status == 0) status = 1;
  if (std::fflush(stdout) != 0 && status == 0) status = 120;
  std::fflush(nullptr);  // files left open by the program, as CPython flushes them at exit
  std::fflush(stderr);
  // Objects still alive are not freed one by one: the process ends here,
  // as CPython's does without a full finalisation.
  std::_Exit(status);
}

}  // namespace
}  // namespace gilvm

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "bench") == 0 && std::strcmp(argv[2], "seed") == 0) {
    return gilvm::bench::seed_main(argc - 3, argv + 3);
  }
  if (argc >= 3 && std::strcmp(argv[1], "bench") == 0 && std::strcmp(argv[2], "convoy") == 0) {
    return gilvm::bench::convoy_main(argc - 3, argv + 3);
  }
  if (argc >= 2 && std::strcmp(argv[1], "report") == 0) return gilvm::report::report_main(argc - 2, argv + 2);
  return gilvm::run(argc, argv);
}
