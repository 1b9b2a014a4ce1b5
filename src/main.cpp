// The gilvm command line (see DESIGN.md, "Command line"): option parsing,
// running a script or -c code as __main__, and CPython's exit statuses
// (0 ok, 1 uncaught exception or syntax error, 2 usage error).
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/convoy.h"
#include "bench/seed.h"
#include "common/option_reader.h"
#include "gil/gil.h"
#include "gil/policies.h"
#include "report/report.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/unicode.h"
#include "trace/trace.h"
#include "vm/import.h"
#include "vm/syntax_errors.h"
#include "vm/thread_state.h"

namespace gilvm {
namespace {

// The usage text; the policy lines come from the table of policies.
std::string usage() {
  std::string out =
      "usage: gilvm [options] SCRIPT.py [ARGS...]\n"
      "       gilvm [options] -c CODE [ARGS...]\n"
      "options:\n";
  out += "  --gil=POLICY             " + gil_policy_names(" | ", " | ") + " (default " +
         InterpreterConfig{}.gil_policy + ")\n";
  for (const GilPolicy& p : gil_policies()) {
    out += "                             " + std::string(p.name) + ": " + p.description + "\n";
  }
  out += "  --check-interval=N       ticks between GIL checks (" +
         gil_policies_with(kKnobCheckInterval) + ")\n";
  out += "  --switch-interval=SECS   switch interval (" + gil_policies_with(kKnobSwitchInterval) +
         ")\n";
  out +=
      "  --gil-stats              print GIL counters at exit\n"
      "  --gil-stats-json=FILE    write GIL counters as JSON at exit\n"
      "  --trace=FILE.json        record GIL events as Chrome trace JSON (see `gilvm report`)\n"
      "  --trace-limit=SIZE       stop recording past SIZE bytes (K, M, G suffixes; default "
      "256M)\n"
      "  --dis                    print the bytecode before running\n"
      "  -u                       unbuffered stdout and stderr (also PYTHONUNBUFFERED)\n"
      "  -h, --help               this help\n"
      "An option's value may follow it as --name=VALUE or --name VALUE.\n"
      "environment: GILVM_GIL (the policy), PYTHONPATH (folders searched for modules after\n"
      "the script's), PYTHONUNBUFFERED, GILVM_LIB (gilvm's Python library folder),\n"
      "  GILVM_CPYTHON_LIB (CPython 3.11's standard library folder, after GILVM_LIB)\n"
      "commands:\n"
      "  gilvm bench seed [options]     the seed's experiment: threads against sequential and\n"
      "                                 processes, every policy and python3 (--help for more)\n"
      "  gilvm bench convoy [options]   the convoy effect: an echo server beside CPU-bound\n"
      "                                 threads, every policy and python3 (--help for more)\n"
      "  gilvm report TRACE.json [-o REPORT.html] [--summary-json FILE]\n"
      "                                 a --trace file as a timeline page (--help for more)\n";
  return out;
}

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

// CPython 3.11's pure-Python standard library, which comes after lib/ on
// sys.path: $GILVM_CPYTHON_LIB, else the folder CMake asked python3 for.
// Empty (not on sys.path) when neither exists.
std::string find_cpython_stdlib_dir() {
  auto is_dir = [](const char* p) {
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
  };
  if (const char* env = std::getenv("GILVM_CPYTHON_LIB"); env) return is_dir(env) ? env : "";
#ifdef GILVM_CPYTHON_LIB_DIR
  if (is_dir(GILVM_CPYTHON_LIB_DIR)) return GILVM_CPYTHON_LIB_DIR;
#endif
  return "";
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gilvm: %s\n%s", message.c_str(), usage().c_str());
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

// A status no exit code can be: the process is to die by SIGINT.
constexpr int kDieBySigint = 1 << 16;

int report_uncaught(ThreadState& ts) {
  Value exc = ts.fetch_error();
  if (exception_matches(ts, exc, Value::from_object(ts.exc_types().SystemExit)) == 1) {
    int status = exit_status_for(ts, exc);
    decref(exc);
    return status;
  }
  // As CPython: an uncaught KeyboardInterrupt prints its traceback, then the
  // process ends by the signal itself, so a shell sees status 130 and a
  // parent's waitpid sees WIFSIGNALED (Popen.returncode -2).
  bool interrupted = exception_matches(ts, exc, Value::from_object(ts.exc_types().KeyboardInterrupt)) == 1;
  std::fflush(stdout);
  SyntaxErrorInfo info;
  if (syntax_error_info(ts, exc, &info) && as_exception(exc)->traceback == nullptr) {
    std::fputs(format_syntax_error(info).c_str(), stderr);
  } else {
    print_exception(ts, exc);
  }
  decref(exc);
  return interrupted ? kDieBySigint : 1;
}

// Ends the process with `status`, or by SIGINT for kDieBySigint.
[[noreturn]] void exit_process(int status) {
  if (status == kDieBySigint) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    status = 128 + SIGINT;  // (if the signal could not end the process)
  }
  std::_Exit(status);
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
    if (!find_gil_policy(config.gil_policy))
      return usage_error(unknown_gil_policy(config.gil_policy, " in GILVM_GIL"));
  }
  std::string script;
  std::string script_dir;  // a folder given as the script: sys.path[0]
  std::string code_arg;
  bool have_code = false;
  bool unbuffered = std::getenv("PYTHONUNBUFFERED") && *std::getenv("PYTHONUNBUFFERED");
  // Options come before the script (or -c CODE); what follows is the
  // program's own. Every option that takes a value takes it as
  // "--name=VALUE" or "--name VALUE", as python3's do.
  OptionReader args(argc, argv);
  args.next();  // argv[0]
  int i = argc;
  std::string value;
  while (args.next()) {
    const std::string& a = args.arg();
    const std::string& name = args.name();
    auto needs_value = [&](const char* what) {
      return usage_error(name + " needs " + what);
    };
    if (a == "-c") {
      if (!args.take_value(&code_arg)) return usage_error("Argument expected for the -c option");
      have_code = true;
      i = args.index() + 1;
      break;
    }
    if (a == "-h" || a == "--help") {
      std::fputs(usage().c_str(), stdout);
      return 0;
    }
    if (name == "--gil") {
      if (!args.take_value(&value)) return needs_value("a policy");
      config.gil_policy = value;
      if (!find_gil_policy(config.gil_policy))
        return usage_error(unknown_gil_policy(config.gil_policy));
    } else if (name == "--check-interval") {
      if (!args.take_value(&value)) return needs_value("a number of ticks");
      config.check_interval = std::atoi(value.c_str());
      if (config.check_interval < 1)
        return usage_error("--check-interval must be a positive integer");
    } else if (name == "--switch-interval") {
      if (!args.take_value(&value)) return needs_value("a number of seconds");
      config.switch_interval = std::atof(value.c_str());
      if (!(config.switch_interval > 0)) return usage_error("--switch-interval must be positive");
    } else if (a == "--dis") {
      config.disassemble = true;
    } else if (a == "--gil-stats") {
      config.gil_stats = true;
    } else if (a == "-u") {
      unbuffered = true;
    } else if (name == "--gil-stats-json") {
      if (!args.take_value(&config.gil_stats_json) || config.gil_stats_json.empty())
        return needs_value("a file name");
    } else if (name == "--trace") {
      if (!args.take_value(&config.trace_file) || config.trace_file.empty())
        return usage_error("--trace needs a file name");
      // Fail now rather than after the program has run.
      std::FILE* f = std::fopen(config.trace_file.c_str(), "wb");
      if (!f) {
        std::fprintf(stderr, "gilvm: cannot write trace %s: %s\n", config.trace_file.c_str(),
                     std::strerror(errno));
        return 2;
      }
      std::fclose(f);
    } else if (name == "--trace-limit") {
      if (!args.take_value(&value)) return needs_value("a size");
      if (!parse_trace_limit(value, &config.trace_limit_bytes)) {
        return usage_error("--trace-limit must be a positive size such as 512M, not '" + value +
                           "'");
      }
    } else if (a == "--") {
      i = args.index() + 1;
      break;
    } else if (starts_with(a, "-") && a != "-") {
      return usage_error("unknown option " + a);
    } else {
      i = args.index();
      break;
    }
  }
  // PYTHONUNBUFFERED or -u: as CPython, stdout and stderr are written
  // through at every write.
  if (unbuffered) std::setvbuf(stdout, nullptr, _IONBF, 0);
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
    if (i >= argc)
      return usage_error("no script given (the interactive prompt is not available yet)");
    script = argv[i++];
    // A folder runs its __main__.py, as in CPython (`python3 app/`); its
    // folder is then sys.path[0], and sys.argv[0] stays as typed.
    std::string file = script;
    struct stat st;
    if (stat(script.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      file = script + (script.back() == '/' ? "" : "/") + "__main__.py";
      if (stat(file.c_str(), &st) != 0) {
        std::fprintf(stderr, "gilvm: can't find '__main__' module in '%s'\n", script.c_str());
        return 1;
      }
      script_dir = script;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "gilvm: can't open file '%s': [Errno 2] No such file or directory\n",
                   script.c_str());
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
      std::fprintf(
          stderr,
          "SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %ld, but no "
          "encoding declared; see https://peps.python.org/pep-0263/ for details\n",
          static_cast<unsigned char>(source[bad]), file.c_str(), line);
      return 1;
    }
    // Like CPython 3.9+, the main module's __file__ (and so its traceback
    // lines) is absolute; sys.argv[0] stays as typed.
    filename = file;
    if (!filename.empty() && filename[0] != '/') {
      if (char* cwd = getcwd(nullptr, 0)) {
        filename =
            std::string(cwd) + "/" + (filename.rfind("./", 0) == 0 ? filename.substr(2) : filename);
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
      if (!script_dir.empty()) {
        dir = script_dir;  // as typed, as CPython puts a folder given as the script
      } else if (!have_code) {
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
      // PYTHONPATH's folders come next, in order; an empty entry is the
      // current folder, absolute, as CPython makes it.
      if (const char* pp = std::getenv("PYTHONPATH"); pp && *pp) {
        std::string entries = pp;
        size_t start = 0;
        while (start <= entries.size()) {
          size_t end = entries.find(':', start);
          if (end == std::string::npos) end = entries.size();
          std::string entry = entries.substr(start, end - start);
          if (entry.empty()) {
            if (char* cwd = getcwd(nullptr, 0)) {
              entry = cwd;
              std::free(cwd);
            }
          }
          Ref e = Ref::steal(str_new(ts, entry));
          list_append(ts, l, e.get());
          start = end + 1;
        }
      }
      // The Python half of gilvm's standard library comes after it, then
      // CPython's, for the modules gilvm does not provide itself.
      for (const std::string& lib : {find_stdlib_dir(), find_cpython_stdlib_dir()}) {
        if (lib.empty()) continue;
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
  exit_process(status);
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
  if (argc >= 2 && std::strcmp(argv[1], "report") == 0)
    return gilvm::report::report_main(argc - 2, argv + 2);
  return gilvm::run(argc, argv);
}
