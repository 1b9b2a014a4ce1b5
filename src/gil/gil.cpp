// Policy selection, counters and the --gil-stats reports.
#include "gil/gil.h"

#include <fmt/core.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <vector>

#include "gil/policies.h"
#include "trace/trace.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

GilCounters& GilCounters::operator+=(const GilCounters& o) {
#define GILVM_COMBINE_(field, header, label, unit, combine, ...) \
  if constexpr (GilCombine::combine == GilCombine::Max) {        \
    field.raise_to(o.field);                                     \
  } else {                                                       \
    field += o.field;                                            \
  }
  GILVM_GIL_COUNTERS(GILVM_COMBINE_)
#undef GILVM_COMBINE_
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
  const GilPolicy* policy = find_gil_policy(config.gil_policy);
  if (!policy) {  // main.cpp checks the name; only a caller's bug gets here
    std::fprintf(stderr, "gilvm: %s\n", unknown_gil_policy(config.gil_policy).c_str());
    std::abort();
  }
  std::unique_ptr<Gil> gil = policy->make();
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

// The columns of the --gil-stats table: every counter of GILVM_GIL_COUNTERS
// but the IfNonzero ones that are zero in every row (a policy-specific
// counter stays out of the other policies' tables).
struct Column {
  const char* header;
  GilCounterUnit unit;
  uint64_t (*get)(const GilCounters&);
  size_t width;
};

std::vector<Column> stats_columns(const std::vector<Row>& rows) {
  std::vector<Column> columns;
#define GILVM_COLUMN_(field, header, label, unit, combine, show, ...)             \
  {                                                                               \
    auto get = [](const GilCounters& c) { return c.field.get(); };                \
    bool shown = GilShow::show == GilShow::Always;                                \
    for (const Row& r : rows) shown |= get(r.c) != 0;                             \
    if (shown)                                                                    \
      columns.push_back({header, GilCounterUnit::unit, get,                       \
                         std::max<size_t>(std::string_view(header).size(), 10)}); \
  }
  GILVM_GIL_COUNTERS(GILVM_COLUMN_)
#undef GILVM_COLUMN_
  return columns;
}

}  // namespace

void print_gil_stats(Interpreter& interp) {
  std::vector<Row> rows = collect(interp);
  GilCounters total;
  for (const Row& r : rows) total += r.c;
  std::vector<Column> columns = stats_columns(rows);
  std::string out =
      fmt::format("GIL statistics: policy {} ({})\n", interp.gil->name(), interp.gil->parameters());
  out += fmt::format("{:<20}", "thread");
  for (const Column& col : columns) out += fmt::format(" {:>{}}", col.header, col.width);
  out += '\n';
  auto line = [&](const std::string& name, const GilCounters& c) {
    out += fmt::format("{:<20}", name.substr(0, 20));
    for (const Column& col : columns) {
      uint64_t v = col.get(c);
      if (col.unit == GilCounterUnit::Ns) {
        out += fmt::format(" {:>{}.1f}", v / 1e6, col.width);
      } else {
        out += fmt::format(" {:>{}}", grouped(v), col.width);
      }
    }
    out += '\n';
  };
  for (const Row& r : rows) line(r.name, r.c);
  line("total", total);
  std::fflush(stdout);
  std::fputs(out.c_str(), stderr);
}

bool write_gil_stats_json(Interpreter& interp, const std::string& path) {
  std::vector<Row> rows = collect(interp);
  GilCounters total;
  for (const Row& r : rows) total += r.c;
  // Every counter, keyed by its field name, in the X-macro's order.
  auto counters = [](const GilCounters& c) {
    std::string out;
#define GILVM_JSON_FIELD_(field, ...) \
  out += fmt::format("{}\"" #field "\": {}", out.empty() ? "{" : ", ", c.field.get());
    GILVM_GIL_COUNTERS(GILVM_JSON_FIELD_)
#undef GILVM_JSON_FIELD_
    return out + "}";
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
  std::string out =
      fmt::format("{{\"policy\": \"{}\", \"parameters\": \"{}\", \"totals\": {}, \"threads\": [",
                  interp.gil->name(), escape(interp.gil->parameters()), counters(total));
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string c = counters(rows[i].c);
    out +=
        fmt::format("{}{{\"name\": \"{}\", {}", i ? ", " : "", escape(rows[i].name), c.substr(1));
  }
  out += "]}\n";
  std::ofstream f(path);
  if (!f) return false;
  f << out;
  return static_cast<bool>(f);
}

}  // namespace gilvm
