// A GIL trace as `gilvm report` sees it: the events of a `--trace` file
// (docs/trace-format.md), regrouped per thread into compact arrays of spans
// and instants in integer nanoseconds since the start of recording.
//
// The trade-off: only what the report draws or counts is kept (a span is 24
// bytes, an instant 16, against about 100 bytes of JSON each), so a trace of
// millions of events fits in memory several times smaller than its file; events of unknown names
// are counted and dropped rather than carried along.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gil/counters.h"

namespace gilvm::report {

// What a thread was doing during a span. The order is the code the page's
// JavaScript receives; kSpanKindNames below must follow it.
enum class SpanKind : uint8_t {
  Running,
  Waiting,
  BlockedSleep,
  BlockedLock,
  BlockedJoin,
  BlockedQueue,
  BlockedFile,
  BlockedStdout,
  BlockedSocket,
  BlockedInput,
  BlockedOther,
};
constexpr int kSpanKindCount = 11;
// The event names of the trace format, one per SpanKind.
extern const char* const kSpanKindNames[kSpanKindCount];

inline bool is_blocked(SpanKind k) { return k >= SpanKind::BlockedSleep; }

// Instant events, in the order the page receives them (kInstantKindNames):
// first one per GIL counter that the trace records as an instant
// (gil/counters.h: FailedWakeup, Signal, DropRequest, ForcedSwitch,
// CheckRelease, IoPreemption, IoPaced), then the others.
enum class InstantKind : uint8_t {
#define GILVM_INSTANT_KIND_(field, Enumerator, ...) Enumerator,
  GILVM_GIL_INSTANTS(GILVM_INSTANT_KIND_)
#undef GILVM_INSTANT_KIND_
      ThreadStart,
  ThreadEnd,
  TraceLimit,
};
// The counters' instants, each drawn in a lane of its own under the bar.
constexpr int kCounterInstantCount = static_cast<int>(InstantKind::ThreadStart);
constexpr int kInstantKindCount = static_cast<int>(InstantKind::TraceLimit) + 1;
// Event names (the trace format's) and the report's colours, by InstantKind.
extern const char* const kInstantKindNames[kInstantKindCount];
extern const char* const kInstantKindColors[kInstantKindCount];

struct Span {
  int64_t start_ns;
  int64_t dur_ns;
  SpanKind kind;
};

struct Instant {
  int64_t ts_ns;
  InstantKind kind;
};

struct ThreadTrace {
  int64_t pid = 0;
  int64_t tid = 0;
  std::string name;               // from thread_name metadata; empty when the trace has none
  int64_t sort_index = -1;        // from thread_sort_index metadata; -1 when absent
  int64_t first_seen = 0;         // position of its first event, to order unsorted threads
  std::vector<Span> spans;        // sorted by start
  std::vector<Instant> instants;  // sorted by time
};

struct Trace {
  // otherData (docs/trace-format.md, "Top level"); empty or zero when absent.
  std::string policy, parameters, command_line, generator;
  int64_t start_ns = 0, end_ns = 0;
  bool has_bounds = false;  // start_ns and end_ns were both present
  bool truncated = false;
  int64_t dropped_events = 0;
  // Nanoseconds from the start of recording to its end (end_ns - start_ns),
  // or to the end of the last event when the bounds are missing.
  int64_t duration_ns = 0;
  std::vector<ThreadTrace> threads;  // in display order
  int64_t events = 0;                // trace events read
  int64_t ignored_events = 0;        // of which neither a known span, instant nor metadata
};

// Reads a trace file. On failure returns false and sets *error to one line
// that names the problem (missing file, invalid JSON and where, not a trace).
bool read_trace(const std::string& path, Trace* trace, std::string* error);

// The same from text already in memory (used by read_trace and the tests).
bool parse_trace(const std::string& text, Trace* trace, std::string* error);

}  // namespace gilvm::report
