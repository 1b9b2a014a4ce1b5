// What the `gilvm bench` experiments (seed.cpp, convoy.cpp) share: the
// runtimes a row runs under, child processes that are always reaped, the
// GIL counters a gilvm child writes with --gil-stats-json, option parsing,
// and the number and JSON formatting of their reports.
//
// The trade-off: every experiment runs its cases in fresh child processes
// (a case's heap, caches and GIL state cannot leak into the next, and the
// same code runs under gilvm and python3), at the cost of a start-up per
// case, which the children keep out of what they measure.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/option_reader.h"
#include "gil/counters.h"
#include "gil/policies.h"

namespace gilvm::bench {

using Clock = std::chrono::steady_clock;

// --- runtimes ---------------------------------------------------------------

// One column of an experiment: gilvm under one GIL policy, or python3.
struct Runtime {
  std::string json_name;              // "gilvm" | "python3"
  std::optional<std::string> policy;  // set for gilvm
  std::string exe;
  std::string label;  // as the tables title it
};

// gilvm (this executable) once per policy, then python3 when `python3` is
// set and it is installed (else a note on stderr and gilvm alone).
std::vector<Runtime> plan_runtimes(const std::vector<std::string>& policies, bool python3,
                                   std::string_view bench_name);

// --- child processes -------------------------------------------------------

struct ChildResult {
  bool started = false;
  bool timed_out = false;
  int status = 0;  // from waitpid
  std::string out, err;
};

// A child with stdin from /dev/null and stdout and stderr captured. It is
// killed and reaped by finish(), by the destructor, and (PR_SET_PDEATHSIG)
// by the kernel when the bench itself dies, so no child outlives a run.
class Child {
 public:
  Child() = default;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child();

  // Runs args[0] (searched in PATH when it has no '/'); pin_cpu >= 0 pins
  // the child (and so every thread it creates) to that CPU before exec.
  // False, with errno set, when no process could be started.
  bool start(const std::vector<std::string>& args, int pin_cpu = -1);

  // Reads the child's output until stdout holds a whole line that starts
  // with `prefix`, and returns that line; nullopt when the child closed
  // stdout first or the deadline passed (timed_out() says which).
  std::optional<std::string> wait_for_line(std::string_view prefix, Clock::time_point deadline);

  // Reads the rest of the output and reaps the child, killing it at the
  // deadline. Everything read since start() is in the result.
  ChildResult finish(Clock::time_point deadline);

  // SIGKILL now (a no-op once reaped); finish() still collects the output.
  void kill_now();

  bool timed_out() const { return result_.timed_out; }

 private:
  // One poll() round over the open pipes; false once both are closed or
  // the deadline has passed.
  bool pump(Clock::time_point deadline);

  pid_t pid_ = -1;
  int fds_[2] = {-1, -1};  // the read ends of stdout, stderr
  size_t scanned_ = 0;     // result_.out up to here has no line wait_for_line wants
  ChildResult result_;
};

// start() and finish() in one: the child's whole run, bounded by timeout_s.
ChildResult run_child(const std::vector<std::string>& args, int pin_cpu, double timeout_s);

// Why a child failed, in one line ("exit status 1", "killed by signal
// Killed", "timed out after 60 s"); empty when it exited with status 0.
std::string child_failure(const ChildResult& r, double timeout_s);

// `why`, then ": " and the last line the child wrote on stderr, if any
// (a traceback's last line names the exception).
std::string with_stderr_tail(const std::string& why, const ChildResult& r);

// A fresh empty file (mkstemp) or directory (mkdtemp) under $TMPDIR or
// /tmp, named gilvm-PREFIX-XXXXXX; empty when none could be made.
std::string temp_file(std::string_view prefix);
std::string temp_dir(std::string_view prefix);

// --- GIL counters, read from a child's --gil-stats-json file ---------------

// Every counter of GILVM_GIL_COUNTERS (gil/counters.h); 0 when the file
// lacks it.
struct GilCounters {
#define GILVM_BENCH_FIELD_(field, ...) int64_t field = 0;
  GILVM_GIL_COUNTERS(GILVM_BENCH_FIELD_)
#undef GILVM_BENCH_FIELD_
};

struct GilStats {
  GilCounters totals;
  std::vector<std::pair<std::string, GilCounters>> threads;  // name, counters

  // The first thread of that name (threading.Thread(name=...)), if any.
  const GilCounters* thread(std::string_view name) const;
};

// The stats file's totals and threads; nullopt when it is absent, empty or
// malformed (a child killed before exit writes none).
std::optional<GilStats> read_gil_stats(const std::string& path);

// The counters every bench's JSON carries (those whose `bench` column in
// gil/counters.h is true, in its order), as a JSON object.
std::string gil_counters_json(const GilCounters& g);

// --- options -----------------------------------------------------------------

// Prints "gilvm bench NAME: MESSAGE" and the usage on stderr; returns 2.
int usage_error(std::string_view bench_name, const std::string& message, const char* usage);

// The options every bench takes: -h/--help, --gil=LIST, --json FILE,
// --html FILE, --no-python3.
struct CommonOptions {
  std::string gil_list = gil_policy_names(",", ",");  // every policy in the table
  std::vector<std::string> policies;                  // gil_list, checked (finish_common_options)
  std::string json_file, html_file;
  bool python3 = true;
};

// Moves `args` to the next argument that is not a common option, taking
// those on the way into *opt. False when the command line is done:
// *status is then -1 (the options are good; the policies checked), 0 after
// --help, or 2 after a usage error, which has been reported.
bool next_bench_option(OptionReader& args, CommonOptions* opt, std::string_view bench_name,
                       const char* usage, int* status);

bool parse_int(const std::string& text, int64_t lo, int64_t hi, int64_t* out);
bool parse_seconds(const std::string& text, double lo, double hi, double* out);

// Splits a comma-separated list, dropping repeats, in order.
std::vector<std::string> split_list(const std::string& list);

// The policies of --gil=LIST, each checked against the table of policies
// (gil/policies.h), which main.cpp checks too; false with *error set
// (main.cpp's own words) otherwise.
bool parse_policies(const std::string& list, std::vector<std::string>* policies,
                    std::string* error);

// --- formatting --------------------------------------------------------------

std::string with_commas(int64_t v);
std::string fixed(double v, int decimals);
std::string plural(int64_t n, const char* one, const char* many);
std::string last_line(const std::string& text);

std::string json_string(std::string_view s);
// A finite double as JSON, six significant digits; null otherwise (JSON
// has no NaN or infinity).
std::string json_number(std::optional<double> v);

// Writes `text` to `path`; false (with a line on stderr) when it cannot.
bool write_text_file(const std::string& path, const std::string& text, std::string_view bench_name);

}  // namespace gilvm::bench
