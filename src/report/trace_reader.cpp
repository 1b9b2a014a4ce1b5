// Reading a `--trace` file into a Trace (trace.h).
//
// The file is read with nlohmann-json's SAX interface rather than into a
// DOM: a DOM of a few million events costs gigabytes (every event an
// std::map), while the SAX handler below keeps one event's fields at a time
// and turns it straight into a Span or an Instant. The handler tracks where
// it is with a small stack of contexts (the root, traceEvents, otherData, an
// event, an event's args); anything else is skipped whatever its depth, and
// nlohmann's parser is iterative, so hostile nesting costs memory, not stack.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <utility>

#include "report/trace.h"

namespace gilvm::report {

const char* const kSpanKindNames[kSpanKindCount] = {
    "running (holds GIL)", "waiting for GIL", "blocked: sleep", "blocked: lock",
    "blocked: join",       "blocked: queue",  "blocked: file",  "blocked: stdout",
    "blocked: socket",     "blocked: input",  "blocked: other",
};

#define GILVM_INSTANT_NAME_(field, Enumerator, name, colour) name,
#define GILVM_INSTANT_COLOUR_(field, Enumerator, name, colour) colour,
const char* const kInstantKindNames[kInstantKindCount] = {
    GILVM_GIL_INSTANTS(GILVM_INSTANT_NAME_) "thread start",
    "thread end",
    "trace limit reached",
};
const char* const kInstantKindColors[kInstantKindCount] = {
    GILVM_GIL_INSTANTS(GILVM_INSTANT_COLOUR_) "#17becf",
    "#17becf",
    "#bcbd22",
};
#undef GILVM_INSTANT_NAME_
#undef GILVM_INSTANT_COLOUR_

namespace {

// Timestamps beyond this many microseconds (about 115 days) are treated as
// corrupt: converted to nanoseconds they would come close to overflowing
// the int64 arithmetic of the summary and the page.
constexpr double kMaxMicroseconds = 1e13;

// One event's fields as the parser meets them.
struct RawEvent {
  std::string ph, name, cat;
  int64_t pid = 0, tid = 0;
  double ts = NAN, dur = NAN;
  std::string arg_name, arg_cause;  // args.name (metadata), args.cause (blocked)
  int64_t arg_sort_index = -1;
  bool has_sort_index = false;
};

enum class Context { Root, TraceEvents, OtherData, Event, EventArgs, Skipped };

class TraceSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit TraceSax(Trace* trace) : trace_(trace) {}

  bool saw_trace_events() const { return saw_trace_events_; }
  const std::string& error() const { return error_; }

  // Regroups the threads in display order and sorts their events.
  void finish() {
    std::vector<ThreadTrace>& threads = trace_->threads;
    for (ThreadTrace& t : threads) {
      auto by_start = [](const Span& a, const Span& b) { return a.start_ns < b.start_ns; };
      if (!std::is_sorted(t.spans.begin(), t.spans.end(), by_start))
        std::stable_sort(t.spans.begin(), t.spans.end(), by_start);
      auto by_ts = [](const Instant& a, const Instant& b) { return a.ts_ns < b.ts_ns; };
      if (!std::is_sorted(t.instants.begin(), t.instants.end(), by_ts))
        std::stable_sort(t.instants.begin(), t.instants.end(), by_ts);
    }
    // Threads with a sort index first, in its order; then by first event.
    std::stable_sort(threads.begin(), threads.end(),
                     [](const ThreadTrace& a, const ThreadTrace& b) {
                       bool ai = a.sort_index >= 0, bi = b.sort_index >= 0;
                       if (ai != bi) return ai;
                       if (ai && a.sort_index != b.sort_index) return a.sort_index < b.sort_index;
                       return a.first_seen < b.first_seen;
                     });
    int64_t last_end = 0;
    for (const ThreadTrace& t : threads) {
      for (const Span& s : t.spans) last_end = std::max(last_end, s.start_ns + s.dur_ns);
      if (!t.instants.empty()) last_end = std::max(last_end, t.instants.back().ts_ns);
    }
    if (trace_->has_bounds && trace_->end_ns >= trace_->start_ns) {
      trace_->duration_ns = std::max(trace_->end_ns - trace_->start_ns, last_end);
    } else {
      trace_->duration_ns = last_end;
    }
  }

  // --- nlohmann::json_sax ---
  bool null() override { return scalar(Scalar{}); }
  bool boolean(bool v) override {
    Scalar s;
    s.is_bool = true;
    s.boolean = v;
    return scalar(s);
  }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v), v); }
  bool number_unsigned(number_unsigned_t v) override {
    return number(static_cast<double>(v),
                  v > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(v));
  }
  bool number_float(number_float_t v, const string_t&) override {
    double clamped = std::clamp(v, -9.0e18, 9.0e18);
    return number(v, static_cast<int64_t>(clamped));
  }
  bool string(string_t& v) override {
    Scalar s;
    s.is_string = true;
    s.text = &v;
    return scalar(s);
  }
  bool binary(binary_t&) override { return scalar(Scalar{}); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t) override { return open(/*object=*/true); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(/*object=*/false); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse
    // error at line L, column C: ..."; the bracketed id means nothing to a user.
    if (size_t close = what.find("] ");
        what.rfind("[json.exception", 0) == 0 && close != std::string::npos)
      what = what.substr(close + 2);
    // The message quotes the last token read, which may be any bytes at all.
    std::string printable;
    for (unsigned char c : what) {
      if (c >= 0x20 && c < 0x7f) {
        printable.push_back(static_cast<char>(c));
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        printable += buf;
      }
    }
    error_ = "invalid JSON: " + printable + " (byte " + std::to_string(position) + ")";
    return false;
  }

 private:
  struct Scalar {
    bool is_number = false, is_string = false, is_bool = false, boolean = false;
    double number = 0;
    int64_t integer = 0;
    const std::string* text = nullptr;
  };

  bool number(double v, int64_t i) {
    Scalar s;
    s.is_number = true;
    s.number = v;
    s.integer = i;
    return scalar(s);
  }

  Context top() const { return stack_.back(); }

  bool open(bool object) {
    Context next = Context::Skipped;
    if (stack_.empty()) {
      // The JSON Object Format, or the bare JSON Array Format of the spec.
      next = object ? Context::Root : Context::TraceEvents;
      if (!object) saw_trace_events_ = true;
    } else {
      switch (top()) {
        case Context::Root:
          if (!object && key_ == "traceEvents") {
            next = Context::TraceEvents;
            saw_trace_events_ = true;
          } else if (object && key_ == "otherData") {
            next = Context::OtherData;
          }
          break;
        case Context::TraceEvents:
          if (object) {
            next = Context::Event;
            event_ = RawEvent{};
          }
          break;
        case Context::Event:
          if (object && key_ == "args") next = Context::EventArgs;
          break;
        default:
          break;
      }
    }
    stack_.push_back(next);
    key_.clear();
    return true;
  }

  bool close() {
    if (stack_.empty()) return true;  // the parser reports the imbalance itself
    Context done = top();
    stack_.pop_back();
    if (done == Context::Event) add_event();
    return true;
  }

  bool scalar(const Scalar& v) {
    if (stack_.empty()) {
      root_is_scalar_ = true;
      return true;
    }
    switch (top()) {
      case Context::OtherData:
        other_data(v);
        break;
      case Context::Event:
        event_field(v);
        break;
      case Context::EventArgs:
        if (key_ == "name" && v.is_string) event_.arg_name = *v.text;
        if (key_ == "cause" && v.is_string) event_.arg_cause = *v.text;
        if (key_ == "sort_index" && v.is_number) {
          event_.arg_sort_index = v.integer;
          event_.has_sort_index = true;
        }
        break;
      default:
        break;
    }
    return true;
  }

  void other_data(const Scalar& v) {
    auto text = [&](std::string* out) {
      if (v.is_string) *out = *v.text;
    };
    if (key_ == "policy") text(&trace_->policy);
    if (key_ == "parameters") text(&trace_->parameters);
    if (key_ == "command_line") text(&trace_->command_line);
    if (key_ == "generator") text(&trace_->generator);
    if (key_ == "truncated" && v.is_bool) trace_->truncated = v.boolean;
    if (key_ == "dropped_events" && v.is_number) trace_->dropped_events = v.integer;
    if (key_ == "start_ns" && v.is_number) {
      trace_->start_ns = v.integer;
      has_start_ = true;
    }
    if (key_ == "end_ns" && v.is_number) {
      trace_->end_ns = v.integer;
      has_end_ = true;
    }
    trace_->has_bounds = has_start_ && has_end_;
  }

  void event_field(const Scalar& v) {
    if (v.is_string) {
      if (key_ == "ph")
        event_.ph = *v.text;
      else if (key_ == "name")
        event_.name = *v.text;
      else if (key_ == "cat")
        event_.cat = *v.text;
    } else if (v.is_number) {
      if (key_ == "ts")
        event_.ts = v.number;
      else if (key_ == "dur")
        event_.dur = v.number;
      else if (key_ == "pid")
        event_.pid = v.integer;
      else if (key_ == "tid")
        event_.tid = v.integer;
    }
  }

  ThreadTrace& thread_of(int64_t pid, int64_t tid) {
    auto [it, inserted] = thread_index_.try_emplace({pid, tid}, trace_->threads.size());
    if (inserted) {
      ThreadTrace t;
      t.pid = pid;
      t.tid = tid;
      t.first_seen = trace_->events;
      trace_->threads.push_back(std::move(t));
    }
    return trace_->threads[it->second];
  }

  static bool valid_time(double us) {
    return std::isfinite(us) && std::fabs(us) <= kMaxMicroseconds;
  }
  static int64_t to_ns(double us) { return std::llround(us * 1000.0); }

  static bool span_kind(const RawEvent& e, SpanKind* kind) {
    // "running" too: the name before the trace format settled on the issue's.
    if (e.name == "running (holds GIL)" || e.name == "running")
      return *kind = SpanKind::Running, true;
    if (e.name == "waiting for GIL") return *kind = SpanKind::Waiting, true;
    if (e.name.rfind("blocked", 0) != 0) return false;
    // The cause is args.cause; the name's suffix stands in when args lack it.
    std::string_view cause = e.arg_cause;
    if (cause.empty() && e.name.rfind("blocked: ", 0) == 0)
      cause = std::string_view(e.name).substr(9);
    static constexpr std::pair<std::string_view, SpanKind> kCauses[] = {
        {"sleep", SpanKind::BlockedSleep},   {"lock", SpanKind::BlockedLock},
        {"join", SpanKind::BlockedJoin},     {"queue", SpanKind::BlockedQueue},
        {"file", SpanKind::BlockedFile},     {"stdout", SpanKind::BlockedStdout},
        {"socket", SpanKind::BlockedSocket}, {"input", SpanKind::BlockedInput},
    };
    *kind = SpanKind::BlockedOther;
    for (const auto& [name, k] : kCauses) {
      if (cause == name) *kind = k;
    }
    return true;
  }

  void add_event() {
    const RawEvent& e = event_;
    ++trace_->events;
    if (e.ph == "M") {
      if (e.name == "thread_name") {
        thread_of(e.pid, e.tid).name = e.arg_name;
      } else if (e.name == "thread_sort_index" && e.has_sort_index) {
        thread_of(e.pid, e.tid).sort_index = std::max<int64_t>(e.arg_sort_index, 0);
      } else if (e.name != "process_name") {
        ++trace_->ignored_events;
      }
      return;
    }
    SpanKind span;
    if (e.ph == "X" && valid_time(e.ts) && span_kind(e, &span)) {
      double dur = valid_time(e.dur) ? std::max(e.dur, 0.0) : 0.0;
      thread_of(e.pid, e.tid).spans.push_back(Span{to_ns(e.ts), to_ns(dur), span});
      return;
    }
    if ((e.ph == "i" || e.ph == "I") && valid_time(e.ts)) {
      for (int k = 0; k < kInstantKindCount; ++k) {
        if (e.name == kInstantKindNames[k]) {
          thread_of(e.pid, e.tid)
              .instants.push_back(Instant{to_ns(e.ts), static_cast<InstantKind>(k)});
          return;
        }
      }
    }
    ++trace_->ignored_events;
  }

  Trace* trace_;
  std::vector<Context> stack_;
  std::string key_;
  RawEvent event_;
  std::map<std::pair<int64_t, int64_t>, size_t> thread_index_;
  bool saw_trace_events_ = false;
  bool root_is_scalar_ = false;
  bool has_start_ = false, has_end_ = false;
  std::string error_;
};

}  // namespace

bool parse_trace(const std::string& text, Trace* trace, std::string* error) {
  *trace = Trace{};
  TraceSax sax(trace);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const std::exception& ex) {
    // sax_parse reports syntax through parse_error; this is a last resort
    // (nlohmann throws for a few limits, e.g. numbers it cannot store).
    *error = std::string("invalid JSON: ") + ex.what();
    return false;
  }
  if (!ok) {
    *error = sax.error().empty() ? "invalid JSON" : sax.error();
    return false;
  }
  if (!sax.saw_trace_events()) {
    *error =
        "not a trace: expected a JSON object with a \"traceEvents\" array (docs/trace-format.md)";
    return false;
  }
  sax.finish();
  return true;
}

bool read_trace(const std::string& path, Trace* trace, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    *error = path + " is a directory, not a trace file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string text;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
  } else {
    std::ostringstream ss;  // not seekable (a pipe): read it as a stream
    ss << in.rdbuf();
    text = ss.str();
  }
  if (in.bad()) {
    *error = "cannot read " + path;
    return false;
  }
  if (text.empty()) {
    *error = path + " is empty (not a trace)";
    return false;
  }
  if (!parse_trace(text, trace, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace gilvm::report
