// Writing the recorded events as Chrome Trace Event JSON
// (docs/trace-format.md is the contract with `gilvm report`).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "gil/blocking.h"
#include "trace/trace.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

const char* kind_name(TraceKind k) {
  switch (k) {
    case TraceKind::Running:
      return "running (holds GIL)";
    case TraceKind::Waiting:
      return "waiting for GIL";
    case TraceKind::Blocked:
      return "blocked";
#define GILVM_INSTANT_NAME_(field, Enumerator, name, colour) \
  case TraceKind::Enumerator:                                \
    return name;
      GILVM_GIL_INSTANTS(GILVM_INSTANT_NAME_)
#undef GILVM_INSTANT_NAME_
    case TraceKind::ThreadStart:
      return "thread start";
    case TraceKind::ThreadEnd:
      return "thread end";
  }
  return "?";
}

bool is_span(TraceKind k) {
  return k == TraceKind::Running || k == TraceKind::Waiting || k == TraceKind::Blocked;
}

// JSON string contents. Names come from the script, so everything below
// 0x20 is escaped, and '<' too, so that the text can be embedded in HTML.
void append_escaped(fmt::memory_buffer& out, std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out.append(std::string_view("\\\""));
        break;
      case '\\':
        out.append(std::string_view("\\\\"));
        break;
      case '\n':
        out.append(std::string_view("\\n"));
        break;
      case '\r':
        out.append(std::string_view("\\r"));
        break;
      case '\t':
        out.append(std::string_view("\\t"));
        break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        } else {
          out.push_back(ch);
        }
    }
  }
}

std::string escaped(std::string_view s) {
  fmt::memory_buffer b;
  append_escaped(b, s);
  return fmt::to_string(b);
}

// Microseconds since the trace began, to the nanosecond.
// (Per event, so no format string is parsed: a million-event trace is
// written in about a tenth of a second.)
void append_us(fmt::memory_buffer& out, uint64_t ns) {
  fmt::format_int whole(ns / 1000);
  out.append(whole.data(), whole.data() + whole.size());
  unsigned frac = static_cast<unsigned>(ns % 1000);
  char digits[4] = {'.', static_cast<char>('0' + frac / 100),
                    static_cast<char>('0' + frac / 10 % 10), static_cast<char>('0' + frac % 10)};
  out.append(digits, digits + 4);
}

void append_uint(fmt::memory_buffer& out, uint64_t v) {
  fmt::format_int n(v);
  out.append(n.data(), n.data() + n.size());
}

class Output {
 public:
  explicit Output(std::FILE* f) : f_(f) {}
  fmt::memory_buffer& buf() { return buf_; }
  // Keeps memory flat however many events there are.
  void maybe_flush() {
    if (buf_.size() > (1u << 20)) flush();
  }
  bool flush() {
    if (!buf_.size()) return true;
    bool ok = std::fwrite(buf_.data(), 1, buf_.size(), f_) == buf_.size();
    buf_.clear();
    ok_ = ok_ && ok;
    return ok_;
  }
  bool ok() const { return ok_; }

 private:
  std::FILE* f_;
  fmt::memory_buffer buf_;
  bool ok_ = true;
};

}  // namespace

bool TraceRecorder::write(Interpreter& interp, ThreadState& caller) {
  uint64_t end_ns = gil_now_ns();
  ThreadState* self = &caller;

  // Live threads are named by their ThreadState; read under the GIL, which
  // the caller holds, so no name is being changed.
  std::unordered_map<const ThreadTrace*, std::string> live_names;
  {
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    for (ThreadState* ts : interp.threads) {
      if (ts->trace) live_names[ts->trace] = ts->name;
    }
  }
  // The caller's own turn with the GIL is still open: close it now.
  if (self && self->trace) {
    self->trace->span(TraceKind::Running, self->gil_acquired_at, end_ns);
    self->trace->instant(TraceKind::ThreadEnd, end_ns);
  }

  std::FILE* f = std::fopen(path_.c_str(), "wb");
  if (!f) {
    std::perror(("gilvm: cannot write trace " + path_).c_str());
    return false;
  }
  Output out(f);
  auto& b = out.buf();
  auto put = [&b](std::string_view s) { b.append(s); };
  int pid = static_cast<int>(getpid());

  std::lock_guard<std::mutex> lock(threads_mutex_);
  uint64_t dropped = 0;
  for (auto& t : threads_) dropped += t->dropped_.load(std::memory_order_relaxed);

  put("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"gilvm\",\"policy\":\"");
  put(escaped(interp.gil ? interp.gil->name() : ""));
  put("\",\"parameters\":\"");
  put(escaped(interp.gil ? interp.gil->parameters() : ""));
  put("\",\"command_line\":\"");
  put(escaped(command_line_));
  fmt::format_to(std::back_inserter(b),
                 "\",\"start_ns\":{},\"end_ns\":{},\"trace_limit_bytes\":{},\"truncated\":{},"
                 "\"dropped_events\":{}}},",
                 start_ns_, end_ns, limit_bytes_, dropped ? "true" : "false", dropped);
  put("\n\"traceEvents\":[\n");
  std::string script = interp.config.argv.empty() ? "" : interp.config.argv[0];
  fmt::format_to(
      std::back_inserter(b),
      "{{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":{},\"tid\":{},\"args\":{{\"name\":\"", pid,
      pid);
  put(escaped("gilvm " + script));
  put("\"}}");

  std::vector<TraceEvent> events;
  for (auto& t : threads_) {
    std::string name;
    if (auto it = live_names.find(t.get()); it != live_names.end()) {
      name = it->second;
    } else {
      std::lock_guard<std::mutex> name_lock(t->name_mutex_);
      name = t->final_name_;
    }
    uint64_t tid = t->native_id_;
    fmt::format_to(
        std::back_inserter(b),
        ",\n{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":{},\"tid\":{},\"args\":{{\"name\":\"",
        pid, tid);
    append_escaped(b, name);
    fmt::format_to(std::back_inserter(b),
                   "\"}}}},\n{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":{},\"tid\":{},"
                   "\"args\":{{\"sort_index\":{}}}}}",
                   pid, tid, t->sort_index_);

    // The part every event of this thread repeats.
    std::string ids = fmt::format("\",\"pid\":{},\"tid\":{},\"ts\":", pid, tid);

    // Copy what has been published; daemon threads may still be adding.
    events.clear();
    for (auto* c = t->head_.load(std::memory_order_acquire); c;
         c = c->next.load(std::memory_order_acquire)) {
      uint32_t n = c->count.load(std::memory_order_acquire);
      events.insert(events.end(), c->events, c->events + n);
    }
    // Spans are recorded when they end: order by start for readers.
    std::stable_sort(events.begin(), events.end(),
                     [](const TraceEvent& x, const TraceEvent& y) { return x.start < y.start; });
    auto instant = [&](TraceKind kind, uint64_t at) {
      bool thread_event = kind == TraceKind::ThreadStart || kind == TraceKind::ThreadEnd;
      put(",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"");
      put(thread_event ? "thread" : "gil");
      put("\",\"name\":\"");
      put(kind_name(kind));
      put(ids);
      append_us(b, at);
      put("}");
    };
    for (const TraceEvent& e : events) {
      TraceKind kind = e.kind();
      uint64_t start = e.start > start_ns_ ? e.start - start_ns_ : 0;
      uint64_t end = e.end() > start_ns_ ? e.end() - start_ns_ : 0;
      if (!is_span(kind)) {
        instant(kind, start);
        out.maybe_flush();
        continue;
      }
      auto cause = static_cast<BlockCause>(e.cause());
      put(",\n{\"ph\":\"X\",\"cat\":\"");
      put(kind == TraceKind::Blocked ? "blocked" : "gil");
      put("\",\"name\":\"");
      if (kind == TraceKind::Blocked) {
        put("blocked: ");
        put(block_cause_name(cause));
      } else {
        put(kind_name(kind));
      }
      put(ids);
      append_us(b, start);
      put(",\"dur\":");
      append_us(b, end - start);
      if (kind == TraceKind::Waiting) {
        put(",\"args\":{\"failed_wakeups\":");
        append_uint(b, e.arg());
        put("}");
      } else if (kind == TraceKind::Blocked) {
        put(",\"args\":{\"cause\":\"");
        put(block_cause_name(cause));
        put("\"}");
      }
      put("}");
      // What the release did was folded into the running span when it was
      // recorded; its instants come at the span's end, before anything the
      // thread did next (which starts at or after the release).
      if (kind == TraceKind::Running) {
        if (e.arg() & kReleaseSignals) instant(TraceKind::Signal, end);
        if (e.arg() & kReleaseCheckInterval) instant(TraceKind::CheckRelease, end);
        if (e.arg() & kReleaseThreadEnd) instant(TraceKind::ThreadEnd, end);
      }
      out.maybe_flush();
    }
    if (uint64_t stopped = t->stopped_at_.load(std::memory_order_relaxed)) {
      put(",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"trace\",\"name\":\"trace limit reached\",");
      fmt::format_to(std::back_inserter(b), "\"pid\":{},\"tid\":{},\"ts\":", pid, tid);
      append_us(b, stopped > start_ns_ ? stopped - start_ns_ : 0);
      fmt::format_to(std::back_inserter(b), ",\"args\":{{\"dropped_events\":{}}}}}",
                     t->dropped_.load(std::memory_order_relaxed));
      std::fprintf(
          stderr,
          "gilvm: the trace limit (--trace-limit=%llu bytes) was reached: thread '%s' stopped "
          "recording %.3f s into the trace; %llu events were not recorded\n",
          static_cast<unsigned long long>(limit_bytes_), name.c_str(),
          static_cast<double>(stopped - start_ns_) / 1e9,
          static_cast<unsigned long long>(t->dropped_.load(std::memory_order_relaxed)));
    }
  }
  put("\n]}\n");
  bool ok = out.flush();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) std::fprintf(stderr, "gilvm: cannot write trace %s\n", path_.c_str());
  return ok;
}

}  // namespace gilvm
