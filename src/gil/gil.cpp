// Policy selection, counters and the --gil-stats reports.
#include "gil/gil.h"

#include <fmt/core.h>
#include <time.h>

#include <cstdio>
#include <fstream>
#include <vector>

#include "trace/trace.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

GilCounters& GilCounters::operator+=(const GilCounters& o) {
  acquisitions += o.acquisitions;
  contended += o.contended;
  failed_wakeups += o.failed_wakeups;
  signals += o.signals;
  drop_requests += o.drop_requests;
  forced_switches += o.forced_switches;
  check_releases += o.check_releases;
  wait_ns += o.wait_ns;
  hold_ns += o.hold_ns;
  io_preemptions += o.io_preemptions;
  handoffs += o.handoffs;
  if (o.worst_wait_ns > worst_wait_ns) worst_wait_ns = o.worst_wait_ns;
  return *this;
}

uint64_t gil_now_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1000000000u + static_cast<uint64_t>(t.tv_nsec);
}

void Gil::count_acquired(ThreadState& ts, uint64_t wait_start, uint64_t failed_wakeups) {
  uint64_t now = gil_now_ns();
  ++ts.gil_counters.acquisitions;
  ts.gil_counters.wait_ns += now - wait_start;
  ts.gil_acquired_at = now;
  if (ts.trace) [[unlikely]] {
    ts.trace->span(TraceKind::Waiting, wait_start, now, static_cast<uint32_t>(failed_wakeups));
  }
}

void Gil::count_released(ThreadState& ts, uint32_t how) {
  uint64_t now = gil_now_ns();
  ts.gil_counters.hold_ns += now - ts.gil_acquired_at;
  ts.gil_released_at = now;
  if (ts.trace) [[unlikely]] {
    if (ts.ending) how |= kReleaseThreadEnd;
    ts.trace->span(TraceKind::Running, ts.gil_acquired_at, now, how);
  }
}

void Gil::trace_instant(ThreadState& ts, TraceKind kind) { ts.trace->instant(kind, gil_now_ns()); }

std::unique_ptr<Gil> make_gil(const InterpreterConfig& config) {
  std::unique_ptr<Gil> gil = config.gil_policy == "legacy" ? make_legacy_gil()
                             : config.gil_policy == "fair" ? make_fair_gil()
                                                           : make_interval_gil();
  gil->set_check_interval(config.check_interval);
  gil->set_switch_interval_us(static_cast<int64_t>(config.switch_interval * 1e6));
  return gil;
}

namespace {

struct Row {
  std::string name;
  GilCounters c;
};

// Finished threads plus live ones. Called by the main thread at exit,
// holding the GIL; a daemon thread still waiting for the GIL may be
// counting its wait, so its row is a snapshot.
std::vector<Row> collect(Interpreter& interp) {
  std::vector<Row> rows;
  std::lock_guard<std::mutex> lock(interp.threads_mutex);
  for (ThreadState* ts : interp.threads) {
    GilCounters c = ts->gil_counters;
    if (ts == interp.main_thread) c.hold_ns += gil_now_ns() - ts->gil_acquired_at;
    rows.push_back({ts->name, c});
  }
  for (const auto& f : interp.finished_threads) rows.push_back({f.name, f.counters});
  return rows;
}

std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

void print_gil_stats(Interpreter& interp) {
  std::vector<Row> rows = collect(interp);
  GilCounters total;
  for (const Row& r : rows) total += r.c;
  std::string out = fmt::format("GIL statistics: policy {} ({})\n", interp.gil->name(), interp.gil->parameters());
  out += fmt::format("{:<20} {:>12} {:>11} {:>12} {:>11} {:>9} {:>9} {:>10} {:>10}\n", "thread", "acquisitions",
                     "contended", "failed wake", "signals", "drop req", "forced", "wait ms", "hold ms");
  auto line = [&](const std::string& name, const GilCounters& c) {
    out += fmt::format("{:<20} {:>12} {:>11} {:>12} {:>11} {:>9} {:>9} {:>10.1f} {:>10.1f}\n", name.substr(0, 20),
                       grouped(c.acquisitions), grouped(c.contended), grouped(c.failed_wakeups), grouped(c.signals),
                       grouped(c.drop_requests), grouped(c.forced_switches), c.wait_ns.get() / 1e6,
                       c.hold_ns.get() / 1e6);
  };
  for (const Row& r : rows) line(r.name, r.c);
  line("total", total);
  if (total.check_releases) out += fmt::format("check-interval releases: {}\n", grouped(total.check_releases));
  if (total.handoffs || total.io_preemptions) {
    out += fmt::format("handoffs: {}, I/O preemptions: {}, worst wait: {:.3f} ms\n", grouped(total.handoffs),
                       grouped(total.io_preemptions), total.worst_wait_ns.get() / 1e6);
  }
  std::fflush(stdout);
  std::fputs(out.c_str(), stderr);
}

bool write_gil_stats_json(Interpreter& interp, const std::string& path) {
  std::vector<Row> rows = collect(interp);
  GilCounters total;
  for (const Row& r : rows) total += r.c;
  auto counters = [](const GilCounters& c) {
    return fmt::format(
        "{{\"acquisitions\": {}, \"contended\": {}, \"failed_wakeups\": {}, \"signals\": {}, "
        "\"drop_requests\": {}, \"forced_switches\": {}, \"check_releases\": {}, \"wait_ns\": {}, "
        "\"hold_ns\": {}, \"io_preemptions\": {}, \"handoffs\": {}, \"worst_wait_ns\": {}}}",
        c.acquisitions.get(), c.contended.get(), c.failed_wakeups.get(), c.signals.get(), c.drop_requests.get(),
        c.forced_switches.get(), c.check_releases.get(), c.wait_ns.get(), c.hold_ns.get(), c.io_preemptions.get(),
        c.handoffs.get(), c.worst_wait_ns.get());
  };
  auto escape = [](const std::string& s) {
    std::string out;
    for (unsigned char ch : s) {
      if (ch == '"' || ch == '\\') {
        out += '\\';
        out += static_cast<char>(ch);
      } else if (ch < 0x20) {
        out += fmt::format("\\u{:04x}", ch);
      } else {
        out += static_cast<char>(ch);
      }
    }
    return out;
  };
  std::string out = fmt::format("{{\"policy\": \"{}\", \"parameters\": \"{}\", \"totals\": {}, \"threads\": [",
                                interp.gil->name(), escape(interp.gil->parameters()), counters(total));
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string c = counters(rows[i].c);
    out += fmt::format("{}{{\"name\": \"{}\", {}", i ? ", " : "", escape(rows[i].name), c.substr(1));
  }
  out += "]}\n";
  std::ofstream f(path);
  if (!f) return false;
  f << out;
  return static_cast<bool>(f);
}

}  // namespace gilvm
