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

#include <sched.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/harness.h"
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
    "  --gil=LIST       comma-separated GIL policies (default: every policy)\n"
    "  --json FILE      also write the results as JSON\n"
    "  --html FILE      also draw the results as a chart (a self-contained HTML page)\n"
    "  --no-python3     do not run python3 beside gilvm\n"
    "  -h, --help       this help\n";

constexpr const char* kBenchName = "seed";

// --- the experiment -----------------------------------------------------

enum class Work { Sequential, Threads, Processes };

struct Case {
  const char* name;  // as printed and as written to JSON
  Work work;
  int workers;  // threads or processes sharing COUNT
};

constexpr Case kCases[] = {
    {"sequential", Work::Sequential, 1}, {"2 threads", Work::Threads, 2},
    {"4 threads", Work::Threads, 4},     {"2 processes", Work::Processes, 2},
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
      s += "procs = [multiprocessing.Process(target=countdown, args=(COUNT // K,)) for _ in "
           "range(K)]\n"
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

// --- the plan and its results --------------------------------------------

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

// Why a run failed, in one line; empty when it succeeded with `elapsed S`.
std::string run_failure(const ChildResult& r, double timeout_s, double* seconds) {
  std::string why = child_failure(r, timeout_s);
  if (r.timed_out || !r.started) return why;
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
  return with_stderr_tail(why, r);
}

// --- formatting -------------------------------------------------------------

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
    s += ", \"gil\": " + (r.gil ? gil_counters_json(*r.gil) : "null") + "}";
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
  CommonOptions common;
};

int usage_error(const std::string& message) {
  return bench::usage_error(kBenchName, message, kUsage);
}

// Returns -1 when the options are good, else the exit status (0 for --help).
int parse_options(int argc, char** argv, Options* opt) {
  OptionReader args(argc, argv);
  std::string value;
  int status = -1;
  while (next_bench_option(args, &opt->common, kBenchName, kUsage, &status)) {
    const std::string& name = args.name();
    if (name == "--count") {
      if (!args.take_value(&value)) return usage_error("--count needs a value");
      if (!parse_int(value, 1, int64_t{1} << 62, &opt->count))
        return usage_error("--count must be a positive integer, not '" + value + "'");
    } else if (name == "--repeat") {
      int64_t r = 0;
      if (!args.take_value(&value)) return usage_error("--repeat needs a value");
      if (!parse_int(value, 1, 1000, &r))
        return usage_error("--repeat must be an integer from 1 to 1000, not '" + value + "'");
      opt->repeat = static_cast<int>(r);
    } else {
      return usage_error("unknown option or argument '" + args.arg() + "'");
    }
  }
  return status;
}

}  // namespace

int seed_main(int argc, char** argv) {
  Options opt;
  if (int status = parse_options(argc, argv, &opt); status >= 0) return status;

  const std::vector<Runtime> runtimes =
      plan_runtimes(opt.common.policies, opt.common.python3, kBenchName);

  std::vector<Row> rows;
  for (const Runtime& rt : runtimes) {
    for (Cpus cpus : kCpuSettings) {
      for (const Case& c : kCases) rows.push_back(Row{&rt, &c, cpus, {}, {}, {}, {}, {}});
    }
  }

  const int pin_cpu = first_allowed_cpu();
  // Generous: 1 µs an iteration is 50x gilvm's sequential speed.
  const double timeout_s = 60 + static_cast<double>(opt.count) * 1e-6;
  const std::string stats_file = temp_file("seed");
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
          std::string failure = run_failure(r, timeout_s, &seconds);
          if (!failure.empty()) {
            row.error = failure;
            std::fprintf(stderr, "[%d/%d] %s: FAILED: %s\n", done, total, what.c_str(),
                         failure.c_str());
            continue;
          }
          Run run{seconds, std::nullopt};
          if (gilvm && !stats_file.empty()) {
            if (std::optional<GilStats> stats = read_gil_stats(stats_file)) run.gil = stats->totals;
          }
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
  if (!opt.common.json_file.empty()) {
    if (!write_text_file(opt.common.json_file, rows_json(opt.count, rows), kBenchName)) status = 1;
  }
  if (!opt.common.html_file.empty()) {
    std::vector<report::PublishedRatio> published;
    for (const Published& p : kBeazley2010)
      published.push_back({p.case_name, cpus_name(p.cpus), p.ratio});
    std::string error;
    if (!report::write_seed_chart(opt.common.html_file, rows_json(opt.count, rows), published,
                                  &error)) {
      std::fprintf(stderr, "gilvm bench seed: %s\n", error.c_str());
      status = 1;
    }
  }
  if (status) std::fprintf(stderr, "gilvm bench seed: some runs failed (see above)\n");
  return status;
}

}  // namespace gilvm::bench
