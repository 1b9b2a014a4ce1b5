// The bench harness (harness.h): runtimes, child processes, GIL counters,
// options and formatting shared by `gilvm bench seed` and `bench convoy`.
#include "bench/harness.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace gilvm::bench {

// --- child processes -------------------------------------------------------

Child::~Child() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  for (int fd : fds_) {
    if (fd >= 0) close(fd);
  }
}

bool Child::start(const std::vector<std::string>& args, int pin_cpu) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return false;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    int saved = errno;
    close(out_pipe[0]);
    close(out_pipe[1]);
    errno = saved;
    return false;
  }
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    int saved = errno;
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    errno = saved;
    return false;
  }
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    // Dies with the bench (a killed or crashed bench leaves no server
    // behind); the check closes the race with a parent that died already.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull > 0) {
      dup2(devnull, 0);
      close(devnull);
    }
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (pin_cpu >= 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(pin_cpu, &set);
      if (sched_setaffinity(0, sizeof set, &set) != 0) {
        const char msg[] = "gilvm bench: sched_setaffinity failed\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(127);
      }
    }
    execvp(argv[0], argv.data());
    const char msg[] = "gilvm bench: cannot execute ";
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, argv[0], std::strlen(argv[0]));
    (void)!write(2, "\n", 1);
    _exit(127);
  }
  pid_ = pid;
  result_ = ChildResult{};
  result_.started = true;
  scanned_ = 0;
  close(out_pipe[1]);
  close(err_pipe[1]);
  fds_[0] = out_pipe[0];
  fds_[1] = err_pipe[0];
  return true;
}

bool Child::pump(Clock::time_point deadline) {
  if (fds_[0] < 0 && fds_[1] < 0) return false;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return false;
  pollfd fds[2] = {{fds_[0], POLLIN, 0}, {fds_[1], POLLIN, 0}};
  int n = poll(fds, 2, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
  if (n < 0 && errno != EINTR) return false;
  std::string* sinks[2] = {&result_.out, &result_.err};
  for (int k = 0; k < 2; ++k) {
    if (fds_[k] < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    char buf[4096];
    ssize_t got = read(fds_[k], buf, sizeof buf);
    if (got > 0) {
      sinks[k]->append(buf, static_cast<size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      close(fds_[k]);
      fds_[k] = -1;
    }
  }
  return true;
}

std::optional<std::string> Child::wait_for_line(std::string_view prefix,
                                                Clock::time_point deadline) {
  for (;;) {
    // Whole lines only: a line still being written is looked at again.
    for (size_t nl; (nl = result_.out.find('\n', scanned_)) != std::string::npos;) {
      std::string line = result_.out.substr(scanned_, nl - scanned_);
      scanned_ = nl + 1;
      if (line.rfind(prefix, 0) == 0) return line;
    }
    if (!pump(deadline)) {
      result_.timed_out = Clock::now() >= deadline;
      return std::nullopt;
    }
    if (fds_[0] < 0) {
      // stdout closed: whatever is left is a last line without a newline.
      std::string rest = result_.out.substr(scanned_);
      scanned_ = result_.out.size();
      if (!rest.empty() && rest.rfind(prefix, 0) == 0) return rest;
      return std::nullopt;
    }
  }
}

void Child::kill_now() {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
}

ChildResult Child::finish(Clock::time_point deadline) {
  while (pump(deadline)) {
  }
  if (pid_ > 0) {
    // Both pipes closed is not yet an exit: wait for that too, but no
    // longer than the deadline.
    for (;;) {
      pid_t done = waitpid(pid_, &result_.status, WNOHANG);
      if (done == pid_ || (done < 0 && errno != EINTR)) break;
      if (Clock::now() >= deadline) {
        result_.timed_out = true;
        ::kill(pid_, SIGKILL);
        while (waitpid(pid_, &result_.status, 0) < 0 && errno == EINTR) {
        }
        break;
      }
      usleep(1000);
    }
    pid_ = -1;
  }
  for (int& fd : fds_) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  return std::move(result_);
}

ChildResult run_child(const std::vector<std::string>& args, int pin_cpu, double timeout_s) {
  Child child;
  if (!child.start(args, pin_cpu)) return ChildResult{};
  return child.finish(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(timeout_s)));
}

std::string child_failure(const ChildResult& r, double timeout_s) {
  if (!r.started) return std::string("could not start a child process: ") + std::strerror(errno);
  if (r.timed_out) return "timed out after " + std::to_string(static_cast<int>(timeout_s)) + " s";
  if (WIFSIGNALED(r.status))
    return std::string("killed by signal ") + strsignal(WTERMSIG(r.status));
  if (WEXITSTATUS(r.status) != 0) return "exit status " + std::to_string(WEXITSTATUS(r.status));
  return "";
}

std::string with_stderr_tail(const std::string& why, const ChildResult& r) {
  std::string detail = last_line(r.err);
  return detail.empty() ? why : why + ": " + detail;
}

namespace {

std::string temp_pattern(std::string_view prefix) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/gilvm-" + std::string(prefix) + "-XXXXXX";
}

}  // namespace

std::string temp_file(std::string_view prefix) {
  std::string path = temp_pattern(prefix);
  int fd = mkstemp(path.data());
  if (fd < 0) return "";
  close(fd);
  return path;
}

std::string temp_dir(std::string_view prefix) {
  std::string path = temp_pattern(prefix);
  return mkdtemp(path.data()) ? path : "";
}

// --- runtimes ---------------------------------------------------------------

namespace {

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

}  // namespace

std::vector<Runtime> plan_runtimes(const std::vector<std::string>& policies, bool python3,
                                   std::string_view bench_name) {
  std::vector<Runtime> runtimes;
  for (const std::string& p : policies) {
    runtimes.push_back({"gilvm", p, "/proc/self/exe", "gilvm --gil=" + p});
  }
  if (python3) {
    if (std::optional<Runtime> py = find_python3()) {
      runtimes.push_back(*py);
    } else {
      std::fprintf(stderr, "gilvm bench %.*s: python3 not found; running gilvm alone\n",
                   static_cast<int>(bench_name.size()), bench_name.data());
    }
  }
  return runtimes;
}

// --- GIL counters --------------------------------------------------------------

const GilCounters* GilStats::thread(std::string_view name) const {
  for (const auto& [n, c] : threads) {
    if (n == name) return &c;
  }
  return nullptr;
}

namespace {

GilCounters counters_from(const nlohmann::json& object) {
  GilCounters c;
  auto field = [&](const char* name, int64_t* out) {
    auto it = object.find(name);
    if (it != object.end() && it->is_number()) *out = it->get<int64_t>();
  };
#define GILVM_READ_FIELD_(name, ...) field(#name, &c.name);
  GILVM_GIL_COUNTERS(GILVM_READ_FIELD_)
#undef GILVM_READ_FIELD_
  return c;
}

}  // namespace

std::optional<GilStats> read_gil_stats(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  nlohmann::json root = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (!root.is_object()) return std::nullopt;  // discarded (malformed) or not an object
  auto totals = root.find("totals");
  if (totals == root.end() || !totals->is_object()) return std::nullopt;
  GilStats stats;
  stats.totals = counters_from(*totals);
  if (auto threads = root.find("threads"); threads != root.end() && threads->is_array()) {
    for (const nlohmann::json& t : *threads) {
      if (!t.is_object()) continue;
      auto name = t.find("name");
      stats.threads.emplace_back(
          name != t.end() && name->is_string() ? name->get<std::string>() : "", counters_from(t));
    }
  }
  return stats;
}

std::string gil_counters_json(const GilCounters& g) {
  std::string out;
#define GILVM_WRITE_FIELD_(name, header, label, unit, combine, show, bench, ...) \
  if (bench)                                                                     \
    out += (out.empty() ? "{\"" : ", \"") + std::string(#name) + "\": " + std::to_string(g.name);
  GILVM_GIL_COUNTERS(GILVM_WRITE_FIELD_)
#undef GILVM_WRITE_FIELD_
  return out + "}";
}

// --- options -----------------------------------------------------------------

int usage_error(std::string_view bench_name, const std::string& message, const char* usage) {
  std::fprintf(stderr, "gilvm bench %.*s: %s\n%s", static_cast<int>(bench_name.size()),
               bench_name.data(), message.c_str(), usage);
  return 2;
}

bool next_bench_option(OptionReader& args, CommonOptions* opt, std::string_view bench_name,
                       const char* usage, int* status) {
  auto error = [&](const std::string& message) {
    *status = usage_error(bench_name, message, usage);
    return false;
  };
  while (args.next()) {
    const std::string& name = args.name();
    if (name == "-h" || name == "--help") {
      std::fputs(usage, stdout);
      *status = 0;
      return false;
    } else if (name == "--no-python3" && !args.has_value()) {
      opt->python3 = false;
    } else if (name == "--gil") {
      if (!args.take_value(&opt->gil_list)) return error("--gil needs a list of policies");
    } else if (name == "--json") {
      if (!args.take_value(&opt->json_file) || opt->json_file.empty())
        return error("--json needs a file name");
    } else if (name == "--html") {
      if (!args.take_value(&opt->html_file) || opt->html_file.empty())
        return error("--html needs a file name");
    } else {
      return true;
    }
  }
  std::string why;
  if (!parse_policies(opt->gil_list, &opt->policies, &why)) return error(why);
  *status = -1;
  return false;
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

bool parse_seconds(const std::string& text, double lo, double hi, double* out) {
  if (text.empty()) return false;
  char* stop = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &stop);
  if (errno || *stop || !(v >= lo && v <= hi)) return false;
  *out = v;
  return true;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }
  return items;
}

bool parse_policies(const std::string& list, std::vector<std::string>* policies,
                    std::string* error) {
  *policies = split_list(list);
  if (policies->empty()) {
    *error = "--gil needs at least one policy";
    return false;
  }
  for (const std::string& p : *policies) {
    if (!find_gil_policy(p)) {
      *error = unknown_gil_policy(p);
      return false;
    }
  }
  return true;
}

// --- formatting --------------------------------------------------------------

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

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
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

std::string json_number(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", *v);
  return buf;
}

bool write_text_file(const std::string& path, const std::string& text,
                     std::string_view bench_name) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (out) return true;
  std::fprintf(stderr, "gilvm bench %.*s: cannot write %s\n", static_cast<int>(bench_name.size()),
               bench_name.data(), path.c_str());
  return false;
}

}  // namespace gilvm::bench
