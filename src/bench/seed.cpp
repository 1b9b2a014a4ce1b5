// `gilvm bench seed`: the seed's countdown experiment, every GIL policy and
// python3 side by side (see seed.h and DESIGN.md, "Reference numbers").
//
// The plan is a product of three tables — runtimes (one per --gil policy,
// then python3), cases (kCases) and CPU settings (kCpuSettings) — and every
// cell of it is one row of the report. Runs are interleaved (repeat, then
// CPU setting, then case, then runtime) so that a noisy minute on a shared
// machine hurts every runtime alike rather than one. Each run is a fresh
// child: `/proc/self/exe --gil=P --gil-stats-json=TMP -c CODE` or
// `python3 -c CODE`; the child times itself and prints `elapsed SECONDS`,
// so process start-up is not measured. A failing child (a crash, an
// ImportError, a timeout) fails its row, not the benchmark.
//
// Adding a case ("2 processes", say) is a kCases entry plus, when it needs
// new code, a Work kind and its branch in child_source().
#include "bench/seed.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "report/seed_chart.h"

namespace gilvm::bench {
namespace {

constexpr const char* kUsage =
    "usage: gilvm bench seed [options]\n"
    "The seed's experiment (Beazley 2010): countdown(COUNT) run sequentially, then split\n"
    "over 2 and 4 threads and over 2 and 4 processes, on all CPUs and then pinned to one\n"
    "CPU, for each GIL policy and python3 side by side; each case in a fresh process, the\n"
    "median of R runs kept.\n"
    "options:\n"
    "  --count N        total countdown iterations (default 100000000, the seed's)\n"
    "  --repeat R       runs per case; the median is kept (default 3)\n"
    "  --gil=LIST       comma-separated GIL policies (default legacy,interval)\n"
    "  --json FILE      also write the results as JSON\n"
    "  --html FILE      also draw the results as a chart (a self-contained HTML page)\n"
    "  --no-python3     do not run python3 beside gilvm\n"
    "  -h, --help       this help\n";

// The policies `gilvm --gil=` accepts (main.cpp checks the same list).
constexpr const char* kKnownPolicies[] = {"legacy", "interval"};
constexpr const char* kDefaultPolicies = "legacy,interval";

// --- the experiment -----------------------------------------------------

enum class Work { Sequential, Threads, Processes };

struct Case {
  const char* name;  // as printed and as written to JSON
  Work work;
  int workers;  // threads or processes sharing COUNT
};

constexpr Case kCases[] = {
    {"sequential", Work::Sequential, 1},
    {"2 threads", Work::Threads, 2},
    {"4 threads", Work::Threads, 4},
    {"2 processes", Work::Processes, 2},
    {"4 processes", Work::Processes, 4},
};

enum class Cpus { All, One };
constexpr Cpus kCpuSettings[] = {Cpus::All, Cpus::One};

const char* cpus_name(Cpus c) { return c == Cpus::All ? "all" : "one"; }

// Beazley 2010, quad-core Mac Pro, Python 2.6: time / sequential time on all
// CPUs (DESIGN.md, "Reference numbers"). He published no one-CPU sequential run.
struct Published {
  const char* case_name;
  Cpus cpus;
  double ratio;
};
constexpr Published kBeazley2010[] = {
    {"sequential", Cpus::All, 1.00}, {"2 threads", Cpus::All, 1.97}, {"4 threads", Cpus::All, 2.01},
    {"2 threads", Cpus::One, 1.45},  {"4 threads", Cpus::One, 1.49},
};

std::optional<double> published_ratio(const Case& c, Cpus cpus) {
  for (const Published& p : kBeazley2010) {
    if (p.cpus == cpus && std::string_view(p.case_name) == c.name) return p.ratio;
  }
  return std::nullopt;
}

// The child's program: the seed's countdown, timed from the first start to
// the last join (threads are created before the clock starts, as in the seed).
std::string child_source(const Case& c, int64_t count) {
  std::string s = "import time\n";
  if (c.work == Work::Threads) s += "import threading\n";
  if (c.work == Work::Processes) s += "import multiprocessing\n";
  s += "def countdown(n):\n"
       "    while n > 0:\n"
       "        n -= 1\n";
  s += "COUNT = " + std::to_string(count) + "\n";
  switch (c.work) {
    case Work::Sequential:
      s += "t0 = time.perf_counter()\ncountdown(COUNT)\n";
      break;
    case Work::Threads:
      s += "K = " + std::to_string(c.workers) + "\n";
      s += "threads = [threading.Thread(target=countdown, args=(COUNT // K,)) for _ in range(K)]\n"
           "t0 = time.perf_counter()\n"
           "for t in threads:\n"
           "    t.start()\n"
           "for t in threads:\n"
           "    t.join()\n";
      break;
    case Work::Processes:
      // The same split over forked processes (CPython's fork start method,
      // Linux's default): each has its own interpreter and GIL. The script
      // is `-c` code, so no __main__ guard is needed.
      s += "K = " + std::to_string(c.workers) + "\n";
      s += "procs = [multiprocessing.Process(target=countdown, args=(COUNT // K,)) for _ in range(K)]\n"
           "t0 = time.perf_counter()\n"
           "for p in procs:\n"
           "    p.start()\n"
           "for p in procs:\n"
           "    p.join()\n"
           "assert all(p.exitcode == 0 for p in procs), [p.exitcode for p in procs]\n";
      break;
  }
  s += "print('elapsed', time.perf_counter() - t0)\n";
  return s;
}

// --- GIL counters, read from the child's --gil-stats-json file -----------

struct GilCounters {
  int64_t acquisitions = 0, contended = 0, failed_wakeups = 0, signals = 0;
  int64_t drop_requests = 0, forced_switches = 0, wait_ns = 0, hold_ns = 0;
};

// A small JSON reader: enough for the stats file (objects, arrays, numbers,
// strings, literals), strict about syntax so a truncated file reads as absent.
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* get(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool read(Json* out) {
    if (!value(out, 0)) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 64;  // the stats file nests three deep

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }
  bool value(Json* out, int depth) {
    if (depth > kMaxDepth) return false;
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': {
        ++p_;
        out->kind = Json::Object;
        skip_space();
        if (p_ < end_ && *p_ == '}') return ++p_, true;
        for (;;) {
          skip_space();
          std::string key;
          if (!string(&key)) return false;
          skip_space();
          if (p_ == end_ || *p_++ != ':') return false;
          Json v;
          if (!value(&v, depth + 1)) return false;
          out->members.emplace_back(std::move(key), std::move(v));
          skip_space();
          if (p_ == end_) return false;
          if (*p_ == '}') return ++p_, true;
          if (*p_++ != ',') return false;
        }
      }
      case '[': {
        ++p_;
        out->kind = Json::Array;
        skip_space();
        if (p_ < end_ && *p_ == ']') return ++p_, true;
        for (;;) {
          Json v;
          if (!value(&v, depth + 1)) return false;
          out->items.push_back(std::move(v));
          skip_space();
          if (p_ == end_) return false;
          if (*p_ == ']') return ++p_, true;
          if (*p_++ != ',') return false;
        }
      }
      case '"':
        out->kind = Json::String;
        return string(&out->string);
      case 't':
        out->kind = Json::Bool;
        out->boolean = true;
        return literal("true");
      case 'f':
        out->kind = Json::Bool;
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number(out);
    }
  }
  bool number(Json* out) {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    const char* digits = p_;
    while (p_ < end_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '.' || *p_ == 'e' || *p_ == 'E' ||
                         *p_ == '+' || *p_ == '-')) {
      ++p_;
    }
    if (p_ == digits) return false;
    std::string text(start, p_);
    char* stop = nullptr;
    out->kind = Json::Number;
    out->number = std::strtod(text.c_str(), &stop);
    return stop == text.c_str() + text.size();
  }
  // Escapes are decoded except \u, which is kept verbatim: the stats file
  // only has thread names in strings, and nothing here reads those.
  bool string(std::string* out) {
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    while (p_ < end_ && *p_ != '"') {
      char c = *p_++;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (p_ == end_) return false;
      char e = *p_++;
      // \X for X in "ntrbf" is a control character; \" \\ \/ are themselves.
      constexpr std::string_view kEscaped = "ntrbf", kControl = "\n\t\r\b\f";
      size_t k = kEscaped.find(e);
      if (e == 'u') {
        out->append("\\u");
      } else {
        out->push_back(k == std::string_view::npos ? e : kControl[k]);
      }
    }
    if (p_ == end_) return false;
    ++p_;
    return true;
  }

  const char* p_;
  const char* end_;
};

// The totals of a stats file; nullopt when it is absent, empty or malformed.
std::optional<GilCounters> read_gil_totals(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  Json root;
  if (!JsonReader(ss.str()).read(&root) || root.kind != Json::Object) return std::nullopt;
  const Json* totals = root.get("totals");
  if (!totals || totals->kind != Json::Object) return std::nullopt;
  GilCounters c;
  auto field = [&](const char* name, int64_t* out) {
    const Json* v = totals->get(name);
    if (v && v->kind == Json::Number) *out = static_cast<int64_t>(v->number);
  };
  field("acquisitions", &c.acquisitions);
  field("contended", &c.contended);
  field("failed_wakeups", &c.failed_wakeups);
  field("signals", &c.signals);
  field("drop_requests", &c.drop_requests);
  field("forced_switches", &c.forced_switches);
  field("wait_ns", &c.wait_ns);
  field("hold_ns", &c.hold_ns);
  return c;
}

// --- running a child ------------------------------------------------------

struct ChildResult {
  bool started = false;
  bool timed_out = false;
  int status = 0;  // from waitpid
  std::string out, err;
};

// The lowest CPU the benchmark may run on: the one the "one" runs pin to.
int first_allowed_cpu() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (CPU_ISSET(cpu, &set)) return cpu;
    }
  }
  return 0;
}

int allowed_cpu_count() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
  return CPU_COUNT(&set);
}

// Runs argv[0] (searched in PATH when it has no '/') with stdin from
// /dev/null, capturing stdout and stderr; pin_cpu >= 0 pins the child (and
// so every thread it creates) to that CPU before exec.
ChildResult run_child(const std::vector<std::string>& args, int pin_cpu, double timeout_s) {
  ChildResult r;
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return r;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return r;
  }
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    return r;
  }
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (pin_cpu >= 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(pin_cpu, &set);
      if (sched_setaffinity(0, sizeof set, &set) != 0) {
        const char msg[] = "gilvm bench seed: sched_setaffinity failed\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(127);
      }
    }
    execvp(argv[0], argv.data());
    const char msg[] = "gilvm bench seed: cannot execute ";
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, argv[0], std::strlen(argv[0]));
    (void)!write(2, "\n", 1);
    _exit(127);
  }
  r.started = true;
  close(out_pipe[1]);
  close(err_pipe[1]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    int n = poll(fds, 2, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (n < 0 && errno != EINTR) break;
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      ssize_t got = read(fds[k].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[k]->append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[k].fd);
        fds[k].fd = -1;
        --open_fds;
      }
    }
  }
  for (const pollfd& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  while (waitpid(pid, &r.status, 0) < 0 && errno == EINTR) {
  }
  return r;
}

// --- the plan and its results --------------------------------------------

struct Runtime {
  std::string json_name;              // "gilvm" | "python3"
  std::optional<std::string> policy;  // set for gilvm
  std::string exe;
  std::string label;  // the block title
};

struct Run {
  double seconds = 0;
  std::optional<GilCounters> gil;
};

struct Row {
  const Runtime* runtime;
  const Case* kase;
  Cpus cpus;
  std::vector<Run> runs;
  std::string error;  // set once a run failed; later repeats are skipped
  std::optional<double> seconds, ratio;
  std::optional<GilCounters> gil;
};

// Keeps the median time; the counters come from the median run (the lower
// of the two middle ones when the number of runs is even).
void summarise(Row& row) {
  if (!row.error.empty() || row.runs.empty()) return;
  std::vector<Run> sorted = row.runs;
  std::sort(sorted.begin(), sorted.end(),
            [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  size_t n = sorted.size();
  row.seconds =
      n % 2 ? sorted[n / 2].seconds : (sorted[n / 2 - 1].seconds + sorted[n / 2].seconds) / 2;
  row.gil = sorted[(n - 1) / 2].gil;
}

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

// Why a child failed, in one line; empty when it succeeded with `elapsed S`.
std::string child_failure(const ChildResult& r, double timeout_s, double* seconds) {
  if (!r.started) return std::string("could not start a child process: ") + std::strerror(errno);
  if (r.timed_out) return "timed out after " + std::to_string(static_cast<int>(timeout_s)) + " s";
  std::string why;
  if (WIFSIGNALED(r.status)) {
    why = std::string("killed by signal ") + strsignal(WTERMSIG(r.status));
  } else if (WEXITSTATUS(r.status) != 0) {
    why = "exit status " + std::to_string(WEXITSTATUS(r.status));
  }
  if (why.empty()) {
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("elapsed ", 0) != 0) continue;
      char* stop = nullptr;
      double s = std::strtod(line.c_str() + 8, &stop);
      if (stop != line.c_str() + 8 && s >= 0) {
        *seconds = s;
        return "";
      }
    }
    why = "no 'elapsed SECONDS' line on stdout";
  }
  std::string detail = last_line(r.err);
  return detail.empty() ? why : why + ": " + detail;
}

// --- formatting -------------------------------------------------------------

std::string with_commas(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return v < 0 ? "-" + out : out;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string plural(int64_t n, const char* one, const char* many) {
  return with_commas(n) + " " + (n == 1 ? one : many);
}

// One line that explains a row from its counters.
std::string explain(const Row& row) {
  std::string who = *row.runtime->policy + ", " + row.kase->name;
  if (row.cpus == Cpus::One) who += ", one CPU";
  if (!row.error.empty()) return who + ": failed (" + row.error + ")";
  if (!row.gil) return who + ": no GIL counters (the child wrote no --gil-stats-json file)";
  const GilCounters& g = *row.gil;
  std::string s = who + ": " + plural(g.failed_wakeups, "failed wake-up", "failed wake-ups") +
                  ", " + plural(g.signals, "signal", "signals") + ", " + with_commas(g.contended) +
                  " contended of " + plural(g.acquisitions, "acquisition", "acquisitions");
  if (g.drop_requests) s += ", " + plural(g.drop_requests, "drop request", "drop requests");
  if (g.forced_switches) s += ", " + plural(g.forced_switches, "forced switch", "forced switches");
  if (g.wait_ns) s += ", " + fixed(g.wait_ns / 1e9, 2) + " s spent waiting for the GIL";
  return s;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

// A finite double as JSON, six significant digits (JSON has no NaN or infinity).
std::string json_number(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", *v);
  return buf;
}

std::string rows_json(int64_t count, const std::vector<Row>& rows) {
  std::string s = "{\"count\": " + std::to_string(count) + ", \"rows\": [";
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    s += i ? ",\n  " : "\n  ";
    s += "{\"runtime\": " + json_string(r.runtime->json_name);
    s += ", \"policy\": " + (r.runtime->policy ? json_string(*r.runtime->policy) : "null");
    s += ", \"case\": " + json_string(r.kase->name);
    s += ", \"cpus\": " + json_string(cpus_name(r.cpus));
    s += ", \"seconds\": " + json_number(r.seconds);
    s += ", \"ratio\": " + json_number(r.ratio);
    s += ", \"gil\": ";
    if (r.gil) {
      const GilCounters& g = *r.gil;
      s += "{\"acquisitions\": " + std::to_string(g.acquisitions) +
           ", \"contended\": " + std::to_string(g.contended) +
           ", \"failed_wakeups\": " + std::to_string(g.failed_wakeups) +
           ", \"signals\": " + std::to_string(g.signals) +
           ", \"drop_requests\": " + std::to_string(g.drop_requests) +
           ", \"forced_switches\": " + std::to_string(g.forced_switches) + "}";
    } else {
      s += "null";
    }
    s += "}";
  }
  return s + "\n]}\n";
}

void print_report(int64_t count, int repeat, int pin_cpu, const std::vector<Runtime>& runtimes,
                  const std::vector<Row>& rows) {
  std::printf(
      "countdown(%s), each case in a fresh process, median of %d run%s; "
      "cpus \"one\": every thread pinned to CPU %d (%d CPUs allowed)\n",
      with_commas(count).c_str(), repeat, repeat == 1 ? "" : "s", pin_cpu, allowed_cpu_count());
  for (const Runtime& rt : runtimes) {
    std::printf("\n%s\n", rt.label.c_str());
    std::printf("  %-12s %-5s %9s %7s %13s\n", "case", "cpus", "seconds", "ratio", "Beazley 2010");
    for (const Row& r : rows) {
      if (r.runtime != &rt) continue;
      std::optional<double> beazley = published_ratio(*r.kase, r.cpus);
      std::printf("  %-12s %-5s %9s %7s %13s%s\n", r.kase->name, cpus_name(r.cpus),
                  r.seconds ? fixed(*r.seconds, 3).c_str() : "failed",
                  r.ratio ? fixed(*r.ratio, 2).c_str() : "-",
                  beazley ? fixed(*beazley, 2).c_str() : "-",
                  r.error.empty() ? "" : "  (see below)");
    }
  }
  bool any_gilvm = false;
  for (const Row& r : rows) any_gilvm |= r.runtime->policy.has_value();
  if (any_gilvm) {
    std::printf("\nGIL counters of the median run, summed over threads:\n");
    for (const Row& r : rows) {
      if (r.runtime->policy) std::printf("  %s\n", explain(r).c_str());
    }
  }
  bool python_failed = false;
  for (const Row& r : rows) {
    if (!r.runtime->policy && !r.error.empty()) {
      if (!python_failed) std::printf("\n");
      python_failed = true;
      std::printf("  python3, %s%s: failed (%s)\n", r.kase->name,
                  r.cpus == Cpus::One ? ", one CPU" : "", r.error.c_str());
    }
  }
}

// --- options ---------------------------------------------------------------

struct Options {
  int64_t count = 100'000'000;
  int repeat = 3;
  std::vector<std::string> policies;
  std::string json_file;
  std::string html_file;
  bool python3 = true;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gilvm bench seed: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool parse_int(const std::string& text, int64_t lo, int64_t hi, int64_t* out) {
  if (text.empty()) return false;
  char* stop = nullptr;
  errno = 0;
  long long v = std::strtoll(text.c_str(), &stop, 10);
  if (errno || *stop || v < lo || v > hi) return false;
  *out = v;
  return true;
}

// Returns -1 when the options are good, else the exit status (0 for --help).
int parse_options(int argc, char** argv, Options* opt) {
  std::string gil_list = kDefaultPolicies;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    std::string name = a, value;
    bool has_value = false;
    if (size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    auto take_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    if (name == "-h" || name == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (name == "--no-python3" && !has_value) {
      opt->python3 = false;
    } else if (name == "--count") {
      if (!take_value()) return usage_error("--count needs a value");
      if (!parse_int(value, 1, int64_t{1} << 62, &opt->count))
        return usage_error("--count must be a positive integer, not '" + value + "'");
    } else if (name == "--repeat") {
      int64_t r = 0;
      if (!take_value()) return usage_error("--repeat needs a value");
      if (!parse_int(value, 1, 1000, &r))
        return usage_error("--repeat must be an integer from 1 to 1000, not '" + value + "'");
      opt->repeat = static_cast<int>(r);
    } else if (name == "--gil") {
      if (!take_value()) return usage_error("--gil needs a list of policies");
      gil_list = value;
    } else if (name == "--json") {
      if (!take_value() || value.empty()) return usage_error("--json needs a file name");
      opt->json_file = value;
    } else if (name == "--html") {
      if (!take_value() || value.empty()) return usage_error("--html needs a file name");
      opt->html_file = value;
    } else {
      return usage_error("unknown option or argument '" + a + "'");
    }
  }
  std::stringstream list(gil_list);
  std::string policy;
  while (std::getline(list, policy, ',')) {
    bool known = false;
    for (const char* k : kKnownPolicies) known |= policy == k;
    if (!known)
      return usage_error("unknown GIL policy '" + policy + "' (expected legacy or interval)");
    if (std::find(opt->policies.begin(), opt->policies.end(), policy) == opt->policies.end())
      opt->policies.push_back(policy);
  }
  if (opt->policies.empty()) return usage_error("--gil needs at least one policy");
  return -1;
}

// python3's real executable and version, so that a pyenv shim's start-up is
// not part of every run; nullopt when python3 is not installed.
std::optional<Runtime> find_python3() {
  ChildResult r = run_child(
      {"python3", "-c", "import sys; print(sys.executable); print(sys.version.split()[0])"}, -1,
      30);
  if (!r.started || r.timed_out || !WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
    return std::nullopt;
  std::istringstream lines(r.out);
  std::string exe, version;
  if (!std::getline(lines, exe) || exe.empty() || access(exe.c_str(), X_OK) != 0)
    return std::nullopt;
  std::getline(lines, version);
  return Runtime{"python3", std::nullopt, exe, "python3 " + version + " (" + exe + ")"};
}

std::string temp_path() {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/gilvm-seed-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) return "";
  close(fd);
  return buf.data();
}

}  // namespace

int seed_main(int argc, char** argv) {
  Options opt;
  if (int status = parse_options(argc, argv, &opt); status >= 0) return status;

  std::vector<Runtime> runtimes;
  for (const std::string& p : opt.policies) {
    runtimes.push_back({"gilvm", p, "/proc/self/exe", "gilvm --gil=" + p});
  }
  if (opt.python3) {
    if (std::optional<Runtime> py = find_python3()) {
      runtimes.push_back(*py);
    } else {
      std::fprintf(stderr, "gilvm bench seed: python3 not found; running gilvm alone\n");
    }
  }

  std::vector<Row> rows;
  for (const Runtime& rt : runtimes) {
    for (Cpus cpus : kCpuSettings) {
      for (const Case& c : kCases) rows.push_back(Row{&rt, &c, cpus, {}, {}, {}, {}, {}});
    }
  }

  const int pin_cpu = first_allowed_cpu();
  // Generous: 1 µs an iteration is 50x gilvm's sequential speed.
  const double timeout_s = 60 + static_cast<double>(opt.count) * 1e-6;
  const std::string stats_file = temp_path();
  const int total = static_cast<int>(rows.size()) * opt.repeat;
  int done = 0;
  // Interleaved: every row's first run, then every row's second, and so on.
  for (int rep = 0; rep < opt.repeat; ++rep) {
    for (Cpus cpus : kCpuSettings) {
      for (const Case& c : kCases) {
        for (Row& row : rows) {
          if (row.cpus != cpus || row.kase != &c) continue;
          ++done;
          std::string what = row.runtime->label.substr(0, row.runtime->label.find(" (")) + ", " +
                             c.name + (cpus == Cpus::All ? ", all CPUs" : ", one CPU") + ", run " +
                             std::to_string(rep + 1) + "/" + std::to_string(opt.repeat);
          if (!row.error.empty()) {
            std::fprintf(stderr, "[%d/%d] %s: skipped (failed before)\n", done, total,
                         what.c_str());
            continue;
          }
          std::vector<std::string> args;
          const bool gilvm = row.runtime->policy.has_value();
          if (gilvm) {
            args = {row.runtime->exe, "--gil=" + *row.runtime->policy};
            if (!stats_file.empty()) {
              std::remove(stats_file.c_str());  // so a missing write reads as absent
              args.push_back("--gil-stats-json=" + stats_file);
            }
          } else {
            args = {row.runtime->exe};
          }
          args.push_back("-c");
          args.push_back(child_source(c, opt.count));
          ChildResult r = run_child(args, cpus == Cpus::One ? pin_cpu : -1, timeout_s);
          double seconds = 0;
          std::string failure = child_failure(r, timeout_s, &seconds);
          if (!failure.empty()) {
            row.error = failure;
            std::fprintf(stderr, "[%d/%d] %s: FAILED: %s\n", done, total, what.c_str(),
                         failure.c_str());
            continue;
          }
          Run run{seconds, std::nullopt};
          if (gilvm && !stats_file.empty()) run.gil = read_gil_totals(stats_file);
          row.runs.push_back(run);
          std::fprintf(stderr, "[%d/%d] %s: %.3f s\n", done, total, what.c_str(), seconds);
        }
      }
    }
  }
  if (!stats_file.empty()) std::remove(stats_file.c_str());

  for (Row& row : rows) summarise(row);
  for (Row& row : rows) {
    const Row* base = nullptr;
    for (const Row& b : rows) {
      if (b.runtime == row.runtime && b.kase->work == Work::Sequential && b.cpus == Cpus::All)
        base = &b;
    }
    if (row.seconds && base && base->seconds && *base->seconds > 0)
      row.ratio = *row.seconds / *base->seconds;
  }

  print_report(opt.count, opt.repeat, pin_cpu, runtimes, rows);
  std::fflush(stdout);

  int status = 0;
  for (const Row& row : rows) {
    if (!row.error.empty()) status = 1;
  }
  if (!opt.json_file.empty()) {
    std::ofstream out(opt.json_file, std::ios::binary | std::ios::trunc);
    out << rows_json(opt.count, rows);
    out.close();
    if (!out) {
      std::fprintf(stderr, "gilvm bench seed: cannot write %s\n", opt.json_file.c_str());
      status = 1;
    }
  }
  if (!opt.html_file.empty()) {
    std::vector<report::PublishedRatio> published;
    for (const Published& p : kBeazley2010) published.push_back({p.case_name, cpus_name(p.cpus), p.ratio});
    std::string error;
    if (!report::write_seed_chart(opt.html_file, rows_json(opt.count, rows), published, &error)) {
      std::fprintf(stderr, "gilvm bench seed: %s\n", error.c_str());
      status = 1;
    }
  }
  if (status) std::fprintf(stderr, "gilvm bench seed: some runs failed (see above)\n");
  return status;
}

}  // namespace gilvm::bench
