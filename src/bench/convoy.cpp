// `gilvm bench convoy`: the convoy effect (CPython bpo-7946, gh-52194), run
// and measured (see convoy.h and DESIGN.md, "Reference numbers").
//
// A thread doing I/O gives the GIL up on every recv and send, even one that
// completes at once, and must then win it back from CPU-bound threads: under
// a switch-interval GIL it waits up to a whole interval (5 ms) each time.
// Each row of the report is one fresh server process (kServerSource, run as
// `/proc/self/exe --gil=P --gil-stats-json=TMP -c CODE ARGS` or
// `python3 -c CODE ARGS`: the same script under both) with an echo thread
// and N CPU-bound threads, and one client connection that sends a message,
// reads the whole echo back and sends the next, for --duration seconds.
//
// The client offers a fixed load (--rate, 1,000 requests a second by
// default): the next message is due 1 ms after the last one was sent, or
// goes at once if its echo came back later than that. So every runtime is
// offered the same traffic, and the CPU-bound threads' work (below) is
// compared under the same load. Back to back (--rate 0) is a saturation
// test instead: a server that answers faster is sent more, and on a 2-core
// machine the traffic itself (client, kernel, echo thread: one core's
// worth) then takes time from the CPU-bound threads whatever the GIL does;
// measured, a CPU-bound process with no GIL in common with the server
// lost 21% of its work to a back-to-back echo at 30,000 requests a second.
//
// The client is C++ inside this process rather than a Python child: it
// then adds no interpreter (and no GIL) of its own to the round trips it
// times, it is the same client for every runtime, so any difference between
// rows is the server's, and it reads the monotonic clock directly. The cost
// is that rows run one at a time, which a noisy 2-core machine wants anyway.
//
// What the rows show depends on the machine's load: the convoy needs a
// CPU-bound thread that is running, ready to take the GIL, whenever the
// echo thread blocks in recv. On a busy machine the CPU-bound threads often
// wait for a core instead, the echo thread wins the GIL back before them,
// and the convoy shows in the p99 and the requests per second more than in
// the median.
//
// cpu_work_ratio says what the traffic costs the CPU-bound threads: their
// total work per second (countdown chunks of kChunk iterations) while the
// client is connected, divided by the same threads' work per second with no
// traffic, in the same process, measured for min(--duration, 1 s): half
// just before the client connects and half just after it hangs up, so that
// a change in the machine's load during the row cancels out. 1.0: the echo
// service took nothing from them; null with no CPU-bound threads.
//
// The GIL counters explain the rows: the server's echo thread is named
// "echo", and its acquisitions and time waiting (its row in the
// --gil-stats-json file) say how often it had to win the GIL back per
// request and how long each took; the totals add the drop requests and
// forced switches that the CPU-bound threads were made to do.
#include "bench/convoy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/harness.h"
#include "report/convoy_chart.h"

namespace gilvm::bench {
namespace {

constexpr const char* kBenchName = "convoy";

constexpr const char* kUsage =
    "usage: gilvm bench convoy [options]\n"
    "The convoy effect (CPython bpo-7946): a server process runs an echo service in one\n"
    "thread beside 0, 1, 2 and 4 threads spinning the seed's countdown; a client in this\n"
    "process sends one message at a time, 1,000 a second, and times each round trip.\n"
    "Every GIL policy and python3 run the same server script, each row in a fresh process.\n"
    "options:\n"
    "  --duration SECONDS   client traffic per row (default 2); the CPU threads' baseline\n"
    "                       without traffic is min(SECONDS, 1), half before, half after\n"
    "  --rate N             requests a second the client offers (default 1000); 0 sends\n"
    "                       each as soon as the last echo is back: the saturation test\n"
    "  --gil=LIST           comma-separated GIL policies (default: every policy)\n"
    "  --threads=LIST       numbers of CPU-bound threads (default 0,1,2,4)\n"
    "  --sizes=LIST         message sizes in bytes (default 1,1024)\n"
    "  --transports=LIST    tcp (127.0.0.1, TCP_NODELAY) and/or unix (default tcp,unix)\n"
    "  --json FILE          also write the rows as JSON\n"
    "  --html FILE          also draw them: round trip against CPU threads (an HTML page)\n"
    "  --trace DIR          run each gilvm server with --trace=DIR/convoy-....json, for\n"
    "                       `gilvm report` (legacy traces grow fast: keep --duration short)\n"
    "  --no-python3         do not run python3 beside gilvm\n"
    "  -h, --help           this help\n";

// Countdown iterations per unit of CPU-bound work: small enough that a
// baseline second holds thousands of units (python3 does one in ~0.2 ms,
// gilvm in ~0.05 ms), large enough that counting them costs nothing.
constexpr int kChunk = 10000;

// Bounds that keep a stuck server from stalling the bench: start-up (plus
// the baseline), one send or recv of the client, and the exit after the
// client has hung up. Past any of them the server is killed.
constexpr double kStartSeconds = 30;
constexpr int kStallSeconds = 10;
constexpr double kExitSeconds = 30;
constexpr double kGraceSeconds = 2;  // for a server whose client failed
constexpr double kDefaultRate = 1000;  // requests a second (see --rate)

// The server, written against CPython's socket API (only socket(), bind,
// listen, accept, setsockopt, getsockname, recv, sendall and close) so
// that gilvm runs it unchanged. argv: TRANSPORT ADDRESS BYTES THREADS
// BASELINE CHUNK. It prints `ready PORT` once it listens (after the first
// half of the baseline), then, after the client has hung up and the second
// half, `baseline UNITS SECONDS` (with CPU threads) and `traffic UNITS
// SECONDS`.
constexpr const char* kServerSource = R"PY(import socket
import sys
import threading
import time

TRANSPORT = sys.argv[1]
ADDRESS = sys.argv[2]
MESSAGE_BYTES = int(sys.argv[3])
CPU_THREADS = int(sys.argv[4])
BASELINE_SECONDS = float(sys.argv[5])
CHUNK = int(sys.argv[6])


def countdown(n):
    while n > 0:
        n -= 1


work = [0] * CPU_THREADS  # units done, one slot per thread
running = [True]


def spin(slot):
    while running[0]:
        countdown(CHUNK)
        work[slot] += 1


def measure(seconds):
    t0, w0 = time.monotonic(), sum(work)
    time.sleep(seconds)
    return sum(work) - w0, time.monotonic() - t0


def echo(listener, window):
    conn, _ = listener.accept()
    if TRANSPORT == 'tcp':
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    window.append((time.monotonic(), sum(work)))
    while True:
        data = conn.recv(MESSAGE_BYTES)
        if not data:
            break
        conn.sendall(data)
    window.append((time.monotonic(), sum(work)))
    conn.close()


if TRANSPORT == 'tcp':
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((ADDRESS, 0))
else:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(ADDRESS)
listener.listen(1)
spinners = [threading.Thread(target=spin, args=(k,), name='cpu-%d' % k, daemon=True)
            for k in range(CPU_THREADS)]
for t in spinners:
    t.start()
if CPU_THREADS:
    time.sleep(0.05)
    before = measure(BASELINE_SECONDS / 2)
window = []
echoer = threading.Thread(target=echo, args=(listener, window), name='echo', daemon=True)
echoer.start()
print('ready', listener.getsockname()[1] if TRANSPORT == 'tcp' else 0, flush=True)
echoer.join()
if CPU_THREADS:
    after = measure(BASELINE_SECONDS / 2)
    print('baseline', before[0] + after[0], before[1] + after[1])
running[0] = False
for t in spinners:
    t.join()
listener.close()
if len(window) != 2:
    sys.exit(1)  # the echo thread's exception is on stderr
print('traffic', window[1][1] - window[0][1], window[1][0] - window[0][0])
)PY";

// --- the plan ---------------------------------------------------------------

enum class Transport { Tcp, Unix };

const char* transport_name(Transport t) { return t == Transport::Tcp ? "tcp" : "unix"; }

struct Options {
  double duration = 2;
  double rate = kDefaultRate;  // requests a second; 0: back to back
  CommonOptions common;
  std::vector<int> threads{0, 1, 2, 4};
  std::vector<int> sizes{1, 1024};
  std::vector<Transport> transports{Transport::Tcp, Transport::Unix};
  std::string trace_dir;
};

struct Row {
  Row(const Runtime* rt, Transport t, int bytes, int threads)
      : runtime(rt), transport(t), message_bytes(bytes), cpu_threads(threads) {}

  const Runtime* runtime;
  Transport transport;
  int message_bytes;
  int cpu_threads;
  std::string error;  // set when the row failed
  int64_t requests = 0;
  std::optional<double> p50_us, p99_us, max_us, requests_per_s, cpu_work_ratio;
  std::optional<GilStats> gil;  // gilvm rows whose server wrote its counters
  std::string trace_file;       // --trace

  std::string title() const {
    std::string label = runtime->label.substr(0, runtime->label.find(" ("));
    return label + ", " + transport_name(transport) + ", " +
           plural(message_bytes, "byte", "bytes") + ", " +
           plural(cpu_threads, "CPU thread", "CPU threads");
  }
};

// --- the client ---------------------------------------------------------------

struct ClientRun {
  std::vector<int64_t> rtt_ns;
  double seconds = 0;  // from the first send to the last echo
  std::string error;
};

// A socket descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string io_error(const char* what, int err) {
  if (err == EAGAIN || err == EWOULDBLOCK)
    return std::string(what) + ": nothing for " + std::to_string(kStallSeconds) + " s";
  return std::string(what) + ": " + std::strerror(err);
}

// Connects to the server's listening socket: TCP_NODELAY on loopback, so
// a 1-byte message leaves at once, or the Unix socket at `path`.
std::optional<std::string> connect_to(const Fd& fd, Transport transport, int port,
                                      const std::string& path) {
  timeval stall{kStallSeconds, 0};
  setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &stall, sizeof stall);
  setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &stall, sizeof stall);
  int rc;
  if (transport == Transport::Tcp) {
    int one = 1;
    setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    rc = connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  } else {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);  // checked to fit
    rc = connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  }
  if (rc != 0) return io_error("connect", errno);
  return std::nullopt;
}

// Sends one message at a time and reads the whole echo back before the
// next, until `duration_s` has passed; each round trip is timed on the
// monotonic clock (steady_clock is CLOCK_MONOTONIC), the end of one being
// the start of the next.
ClientRun run_client(Transport transport, int port, const std::string& path, int message_bytes,
                     double duration_s, double rate) {
  ClientRun run;
  Fd fd(socket(transport == Transport::Tcp ? AF_INET : AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) {
    run.error = io_error("socket", errno);
    return run;
  }
  if (std::optional<std::string> error = connect_to(fd, transport, port, path)) {
    run.error = *error;
    return run;
  }
  std::vector<char> message(static_cast<size_t>(message_bytes)), echo(message.size());
  for (size_t i = 0; i < message.size(); ++i) message[i] = static_cast<char>('a' + i % 26);
  run.rtt_ns.reserve(1 << 16);
  const Clock::time_point start = Clock::now();
  const Clock::time_point end = start + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(duration_s));
  // Paced (rate > 0): request k is due at start + k / rate; one whose echo
  // came late goes at once, and the schedule restarts from it rather than
  // sending the missed ones in a burst.
  const Clock::duration period =
      rate > 0 ? std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1 / rate))
               : Clock::duration::zero();
  Clock::time_point now = start, due = start;
  while (now < end) {
    if (now < due) {
      std::this_thread::sleep_until(due);
      now = Clock::now();
    }
    due = std::max(due, now - period) + period;
    const Clock::time_point sent = now;
    for (size_t done = 0; done < message.size();) {
      ssize_t n = send(fd.get(), message.data() + done, message.size() - done, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        run.error = io_error("send", errno);
        return run;
      }
      done += static_cast<size_t>(n);
    }
    for (size_t done = 0; done < echo.size();) {
      ssize_t n = recv(fd.get(), echo.data() + done, echo.size() - done, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        run.error = n == 0 ? "recv: the server closed the connection" : io_error("recv", errno);
        return run;
      }
      done += static_cast<size_t>(n);
    }
    now = Clock::now();
    if (echo != message) {
      run.error = "the echo differs from the message";
      return run;
    }
    run.rtt_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(now - sent).count());
  }
  run.seconds = std::chrono::duration<double>(now - start).count();
  return run;
}

// The nearest-rank percentile (p in (0, 1]) of sorted values.
int64_t percentile(const std::vector<int64_t>& sorted, double p) {
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

// --- one row --------------------------------------------------------------------

Clock::time_point after(double seconds) {
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// "WORD UNITS SECONDS" from the server's stdout: units per second.
std::optional<double> work_rate(const std::string& out, const std::string& word) {
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string w;
    double units = 0, seconds = 0;
    if (fields >> w >> units >> seconds && w == word && seconds > 0) return units / seconds;
  }
  return std::nullopt;
}

struct Paths {
  std::string stats_file;   // empty when no temporary file could be made
  std::string socket_path;  // the Unix socket's file
};

void run_row(Row& row, const Options& opt, const Paths& paths) {
  const bool gilvm = row.runtime->policy.has_value();
  const double baseline_s = std::min(opt.duration, 1.0);
  std::vector<std::string> args = {row.runtime->exe};
  if (gilvm) {
    args.push_back("--gil=" + *row.runtime->policy);
    if (!paths.stats_file.empty()) {
      std::remove(paths.stats_file.c_str());  // so a missing write reads as absent
      args.push_back("--gil-stats-json=" + paths.stats_file);
    }
    if (!opt.trace_dir.empty()) {
      row.trace_file = opt.trace_dir + "/convoy-" + *row.runtime->policy + "-" +
                       transport_name(row.transport) + "-" + std::to_string(row.message_bytes) +
                       "-" + std::to_string(row.cpu_threads) + ".json";
      args.push_back("--trace=" + row.trace_file);
    }
  }
  const bool tcp = row.transport == Transport::Tcp;
  if (!tcp) std::remove(paths.socket_path.c_str());
  args.insert(args.end(),
              {"-c", kServerSource, transport_name(row.transport),
               tcp ? "127.0.0.1" : paths.socket_path, std::to_string(row.message_bytes),
               std::to_string(row.cpu_threads), fixed(baseline_s, 3), std::to_string(kChunk)});

  Child server;
  if (!server.start(args)) {
    row.error = std::string("could not start the server: ") + std::strerror(errno);
    return;
  }
  std::optional<std::string> ready =
      server.wait_for_line("ready ", after(kStartSeconds + baseline_s));
  int port = 0;
  if (ready) port = std::atoi(ready->c_str() + 6);
  if (!ready || (tcp && port <= 0)) {
    const bool timed_out = server.timed_out();
    ChildResult r = server.finish(after(kExitSeconds));
    std::string why = timed_out ? "no 'ready' line within " + fixed(kStartSeconds, 0) + " s"
                                : child_failure(r, kExitSeconds);
    if (why.empty()) why = ready ? "a bad 'ready' line: " + *ready : "no 'ready' line on stdout";
    row.error = with_stderr_tail(why, r);
    return;
  }
  ClientRun client =
      run_client(row.transport, port, paths.socket_path, row.message_bytes, opt.duration, opt.rate);
  // The client has hung up: the server's echo thread sees end-of-file and
  // the server ends. When the client failed, the server's own error (a
  // crash, an exception) is the cause, if it has one; a server that is
  // merely stuck is killed after a short grace.
  const double exit_s = client.error.empty() ? kExitSeconds : kGraceSeconds;
  ChildResult r = server.finish(after(exit_s));
  if (!client.error.empty() && (r.timed_out || child_failure(r, exit_s).empty())) {
    row.error = "client: " + client.error;
    return;
  }
  if (std::string why = child_failure(r, exit_s); !why.empty()) {
    row.error = with_stderr_tail(why, r);
    return;
  }
  std::optional<double> traffic = work_rate(r.out, "traffic");
  if (!traffic) {
    row.error = with_stderr_tail("no 'traffic UNITS SECONDS' line on stdout", r);
    return;
  }
  std::vector<int64_t>& rtt = client.rtt_ns;
  std::sort(rtt.begin(), rtt.end());
  row.requests = static_cast<int64_t>(rtt.size());
  row.p50_us = percentile(rtt, 0.50) / 1e3;
  row.p99_us = percentile(rtt, 0.99) / 1e3;
  row.max_us = rtt.back() / 1e3;
  if (client.seconds > 0) row.requests_per_s = static_cast<double>(rtt.size()) / client.seconds;
  std::optional<double> baseline = work_rate(r.out, "baseline");
  if (row.cpu_threads > 0 && baseline && *baseline > 0) row.cpu_work_ratio = *traffic / *baseline;
  if (gilvm && !paths.stats_file.empty()) row.gil = read_gil_stats(paths.stats_file);
}

// --- the report ---------------------------------------------------------------

// The echo thread's counters, as the explanation and the JSON read them.
struct EchoWaits {
  const GilCounters* echo = nullptr;
  std::optional<double> mean_wait_us, acquisitions_per_request, wait_per_request_us;
};

EchoWaits echo_waits(const Row& row) {
  EchoWaits w;
  if (!row.gil || !(w.echo = row.gil->thread("echo"))) return w;
  if (w.echo->acquisitions > 0)
    w.mean_wait_us = static_cast<double>(w.echo->wait_ns) / 1e3 / w.echo->acquisitions;
  if (row.requests > 0) {
    w.acquisitions_per_request = static_cast<double>(w.echo->acquisitions) / row.requests;
    w.wait_per_request_us = static_cast<double>(w.echo->wait_ns) / 1e3 / row.requests;
  }
  return w;
}

std::string us(std::optional<double> v) { return v ? with_commas(std::llround(*v)) : "-"; }

// One line that explains a gilvm row from its counters.
std::string explain(const Row& row) {
  std::string who = *row.runtime->policy + ", " + transport_name(row.transport) + ", " +
                    plural(row.message_bytes, "byte", "bytes") + ", " +
                    plural(row.cpu_threads, "CPU thread", "CPU threads");
  if (!row.error.empty()) return who + ": failed";
  EchoWaits w = echo_waits(row);
  if (!w.echo) return who + ": no GIL counters for the echo thread";
  const GilCounters& e = *w.echo;
  std::string s = who + ": the echo thread took the GIL " +
                  fixed(w.acquisitions_per_request.value_or(0), 1) + " times a request, waiting " +
                  us(w.mean_wait_us) + " µs for it on average (" + us(w.wait_per_request_us) +
                  " µs a request";
  // Round trips follow one another, so the mean round trip is the time
  // per request: the share of it spent waiting for the GIL.
  if (w.wait_per_request_us && row.requests_per_s && *row.requests_per_s > 0)
    s += ", " + fixed(std::min(100.0, *w.wait_per_request_us * *row.requests_per_s / 1e4), 0) +
         "% of the mean round trip";
  s += ")";
  if (row.requests > 0)
    s += "; it held it " + fixed(static_cast<double>(e.hold_ns) / 1e3 / row.requests, 1) +
         " µs a request";
  if (e.drop_requests) s += "; it made " + plural(e.drop_requests, "drop request", "drop requests");
  if (e.io_preemptions)
    s += "; it preempted " + plural(e.io_preemptions, "time", "times") +
         (e.io_paced ? " (" + std::to_string(e.io_paced) + " of them paced)" : std::string());
  const GilCounters& t = row.gil->totals;
  if (t.forced_switches)
    s += "; " + plural(t.forced_switches, "forced switch", "forced switches") + " in all";
  if (e.failed_wakeups)
    s += "; " + plural(e.failed_wakeups, "failed wake-up", "failed wake-ups") +
         " of the echo thread";
  return s;
}

// p50 relative to the same runtime, transport and size with no CPU threads.
std::optional<double> times_alone(const Row& row, const std::vector<Row>& rows) {
  for (const Row& b : rows) {
    if (b.runtime == row.runtime && b.transport == row.transport &&
        b.message_bytes == row.message_bytes && b.cpu_threads == 0 && b.p50_us && row.p50_us &&
        *b.p50_us > 0)
      return *row.p50_us / *b.p50_us;
  }
  return std::nullopt;
}

void print_report(const Options& opt, const std::vector<Runtime>& runtimes,
                  const std::vector<Row>& rows) {
  std::printf(
      "echo round trips, one message at a time (%s) for %s s a row, each row a fresh server "
      "process;\n"
      "cpu work: the CPU threads' work per second during the traffic / with none (%s s, half "
      "before it, half after)\n",
      opt.rate > 0 ? ("at most " + fixed(opt.rate, 0) + " a second").c_str() : "back to back",
      fixed(opt.duration, 2).c_str(), fixed(std::min(opt.duration, 1.0), 2).c_str());
  for (const Runtime& rt : runtimes) std::printf("  %s\n", rt.label.c_str());
  for (Transport t : opt.transports) {
    for (int size : opt.sizes) {
      std::printf("\n%s, %s\n", transport_name(t), plural(size, "byte", "bytes").c_str());
      // Spelt out: printf pads bytes, and µ and × take two.
      std::printf(
          "  runtime              cpu threads    p50 µs    p99 µs    max µs  × alone  requests/s"
          "  cpu work\n");
      for (const Runtime& rt : runtimes) {
        for (const Row& r : rows) {
          if (r.runtime != &rt || r.transport != t || r.message_bytes != size) continue;
          std::string name = rt.label.substr(0, rt.label.find(" ("));
          if (!r.error.empty()) {
            std::printf("  %-20s %11d    failed (see below)\n", name.c_str(), r.cpu_threads);
            continue;
          }
          std::optional<double> alone = times_alone(r, rows);
          std::printf("  %-20s %11d %9s %9s %9s %8s %11s %9s\n", name.c_str(), r.cpu_threads,
                      us(r.p50_us).c_str(), us(r.p99_us).c_str(), us(r.max_us).c_str(),
                      alone ? fixed(*alone, 1).c_str() : "-", us(r.requests_per_s).c_str(),
                      r.cpu_work_ratio ? fixed(*r.cpu_work_ratio, 2).c_str() : "-");
        }
      }
    }
  }
  bool any_gilvm = false;
  for (const Row& r : rows) any_gilvm |= r.runtime->policy && r.error.empty();
  if (any_gilvm) {
    std::printf("\nWhat the GIL counters say (the server's --gil-stats-json; python3 has none):\n");
    for (const Row& r : rows) {
      if (r.runtime->policy && r.error.empty()) std::printf("  %s\n", explain(r).c_str());
    }
  }
  bool any_failed = false;
  for (const Row& r : rows) {
    if (r.error.empty()) continue;
    if (!any_failed) std::printf("\nFailed rows:\n");
    any_failed = true;
    std::printf("  %s: %s\n", r.title().c_str(), r.error.c_str());
  }
  bool any_trace = false;
  for (const Row& r : rows) any_trace |= !r.trace_file.empty();
  if (any_trace) {
    std::printf("\nTraces (draw one with `gilvm report FILE -o PAGE.html`):\n");
    for (const Row& r : rows) {
      if (!r.trace_file.empty()) std::printf("  %s\n", r.trace_file.c_str());
    }
  }
}

// "gil": the server's totals, and the echo thread's own counters with the
// means that explain the row; null for python3 and for failed rows.
std::string gil_json(const Row& row) {
  if (!row.gil || !row.error.empty()) return "null";
  std::string s = gil_counters_json(row.gil->totals);
  s.pop_back();  // the closing brace: the echo thread's object goes inside
  s += ", \"echo\": ";
  EchoWaits w = echo_waits(row);
  if (!w.echo) return s + "null}";
  const GilCounters& e = *w.echo;
  return s + "{\"acquisitions\": " + std::to_string(e.acquisitions) +
         ", \"contended\": " + std::to_string(e.contended) +
         ", \"failed_wakeups\": " + std::to_string(e.failed_wakeups) +
         ", \"drop_requests\": " + std::to_string(e.drop_requests) +
         ", \"wait_ns\": " + std::to_string(e.wait_ns) +
         ", \"mean_wait_us\": " + json_number(w.mean_wait_us) +
         ", \"acquisitions_per_request\": " + json_number(w.acquisitions_per_request) +
         ", \"wait_per_request_us\": " + json_number(w.wait_per_request_us) + "}}";
}

std::string rows_json(const Options& opt, const std::vector<Row>& rows) {
  // rate_per_s: what the client offered (0: back to back).
  std::string s = "{\"rate_per_s\": " + json_number(opt.rate) + ", \"rows\": [";
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    s += i ? ",\n  " : "\n  ";
    s += "{\"runtime\": " + json_string(r.runtime->json_name);
    s += ", \"policy\": " + (r.runtime->policy ? json_string(*r.runtime->policy) : "null");
    s += ", \"transport\": " + json_string(transport_name(r.transport));
    s += ", \"message_bytes\": " + std::to_string(r.message_bytes);
    s += ", \"cpu_threads\": " + std::to_string(r.cpu_threads);
    s += ", \"rtt_p50_us\": " + json_number(r.p50_us);
    s += ", \"rtt_p99_us\": " + json_number(r.p99_us);
    s += ", \"rtt_max_us\": " + json_number(r.max_us);
    s += ", \"requests_per_s\": " + json_number(r.requests_per_s);
    s += ", \"cpu_work_ratio\": " + json_number(r.cpu_work_ratio);
    s += ", \"gil\": " + gil_json(r);
    if (!r.error.empty()) s += ", \"error\": " + json_string(r.error);
    s += "}";
  }
  return s + "\n]}\n";
}

// --- options -----------------------------------------------------------------

int usage_error(const std::string& message) {
  return bench::usage_error(kBenchName, message, kUsage);
}

// A comma-separated list of integers in [lo, hi], repeats dropped.
bool parse_int_list(const std::string& text, int64_t lo, int64_t hi, std::vector<int>* out) {
  out->clear();
  for (const std::string& item : split_list(text)) {
    int64_t v = 0;
    if (!parse_int(item, lo, hi, &v)) return false;
    out->push_back(static_cast<int>(v));
  }
  return !out->empty();
}

// Returns -1 when the options are good, else the exit status (0 for --help).
int parse_options(int argc, char** argv, Options* opt) {
  OptionReader args(argc, argv);
  std::string value;
  int status = -1;
  while (next_bench_option(args, &opt->common, kBenchName, kUsage, &status)) {
    const std::string& name = args.name();
    if (name == "--duration") {
      if (!args.take_value(&value)) return usage_error("--duration needs a value");
      if (!parse_seconds(value, 0.01, 3600, &opt->duration))
        return usage_error("--duration must be a number of seconds from 0.01 to 3600, not '" +
                           value + "'");
    } else if (name == "--rate") {
      if (!args.take_value(&value)) return usage_error("--rate needs a value");
      if (!parse_seconds(value, 0, 1e7, &opt->rate))
        return usage_error("--rate must be a number of requests a second from 0 to 1e7, not '" +
                           value + "'");
    } else if (name == "--threads") {
      if (!args.take_value(&value) || !parse_int_list(value, 0, 64, &opt->threads))
        return usage_error("--threads needs a list of integers from 0 to 64, such as 0,1,2,4");
    } else if (name == "--sizes") {
      if (!args.take_value(&value) || !parse_int_list(value, 1, 1 << 20, &opt->sizes))
        return usage_error("--sizes needs a list of byte counts from 1 to 1048576, such as 1,1024");
    } else if (name == "--transports") {
      opt->transports.clear();
      if (args.take_value(&value)) {
        for (const std::string& t : split_list(value)) {
          if (t != "tcp" && t != "unix")
            return usage_error("unknown transport '" + t + "' (expected tcp or unix)");
          opt->transports.push_back(t == "tcp" ? Transport::Tcp : Transport::Unix);
        }
      }
      if (opt->transports.empty()) return usage_error("--transports needs tcp, unix or both");
    } else if (name == "--trace") {
      if (!args.take_value(&opt->trace_dir) || opt->trace_dir.empty())
        return usage_error("--trace needs a directory");
    } else {
      return usage_error("unknown option or argument '" + args.arg() + "'");
    }
  }
  return status;
}

}  // namespace

int convoy_main(int argc, char** argv) {
  Options opt;
  if (int status = parse_options(argc, argv, &opt); status >= 0) return status;
  if (!opt.trace_dir.empty() && mkdir(opt.trace_dir.c_str(), 0777) != 0 && errno != EEXIST) {
    std::fprintf(stderr, "gilvm bench convoy: cannot make %s: %s\n", opt.trace_dir.c_str(),
                 std::strerror(errno));
    return 1;
  }

  Paths paths;
  paths.stats_file = temp_file(kBenchName);
  const std::string socket_dir = temp_dir(kBenchName);
  if (socket_dir.empty()) {
    std::fprintf(stderr, "gilvm bench convoy: cannot make a temporary directory: %s\n",
                 std::strerror(errno));
    if (!paths.stats_file.empty()) std::remove(paths.stats_file.c_str());
    return 1;
  }
  paths.socket_path = socket_dir + "/echo.sock";
  if (paths.socket_path.size() >= sizeof(sockaddr_un::sun_path)) {
    std::fprintf(stderr, "gilvm bench convoy: %s is too long for a Unix socket (set TMPDIR)\n",
                 paths.socket_path.c_str());
    rmdir(socket_dir.c_str());
    if (!paths.stats_file.empty()) std::remove(paths.stats_file.c_str());
    return 1;
  }

  const std::vector<Runtime> runtimes =
      plan_runtimes(opt.common.policies, opt.common.python3, kBenchName);
  // Ordered so that the runtimes of one cell run one after the other: a
  // noisy minute on a shared machine then hurts them alike.
  std::vector<Row> rows;
  for (Transport t : opt.transports) {
    for (int size : opt.sizes) {
      for (int threads : opt.threads) {
        for (const Runtime& rt : runtimes) rows.emplace_back(&rt, t, size, threads);
      }
    }
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    run_row(row, opt, paths);
    if (row.error.empty()) {
      std::fprintf(stderr, "[%zu/%zu] %s: p50 %s µs, p99 %s µs, %s requests/s\n", i + 1,
                   rows.size(), row.title().c_str(), us(row.p50_us).c_str(), us(row.p99_us).c_str(),
                   us(row.requests_per_s).c_str());
    } else {
      std::fprintf(stderr, "[%zu/%zu] %s: FAILED: %s\n", i + 1, rows.size(), row.title().c_str(),
                   row.error.c_str());
    }
  }
  std::remove(paths.socket_path.c_str());
  rmdir(socket_dir.c_str());
  if (!paths.stats_file.empty()) std::remove(paths.stats_file.c_str());

  print_report(opt, runtimes, rows);
  std::fflush(stdout);

  int status = 0;
  for (const Row& row : rows) {
    if (!row.error.empty()) status = 1;
  }
  const std::string json = rows_json(opt, rows);
  if (!opt.common.json_file.empty() && !write_text_file(opt.common.json_file, json, kBenchName))
    status = 1;
  if (!opt.common.html_file.empty()) {
    std::string error;
    if (!report::write_convoy_chart(opt.common.html_file, json, &error)) {
      std::fprintf(stderr, "gilvm bench convoy: %s\n", error.c_str());
      status = 1;
    }
  }
  if (status) std::fprintf(stderr, "gilvm bench convoy: some rows failed (see above)\n");
  return status;
}

}  // namespace gilvm::bench
