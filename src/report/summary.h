// The numbers of a trace report: per thread, where its time went and what
// the GIL did to it, computed from the spans and instants alone (so they
// can be checked against the trace independently, tests/report_test.py).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/trace.h"

namespace gilvm::report {

struct ThreadSummary {
  std::string label;  // the thread's name, or "thread TID" when it has none
  int64_t tid = 0;
  int64_t running_ns = 0, waiting_ns = 0, blocked_ns = 0;
  int64_t acquisitions = 0;  // "running" spans: each began with a successful acquisition
  int64_t instants[kInstantKindCount] = {};
  // GIL wait latency: the durations of the "waiting for GIL" spans.
  int64_t waits = 0;
  int64_t wait_p50_ns = 0, wait_p99_ns = 0, wait_max_ns = 0;
};

struct Summary {
  std::vector<ThreadSummary> threads;  // in the trace's display order
  ThreadSummary total;                 // sums; latencies over every wait of every thread
};

Summary summarise(const Trace& trace);

// The summary as JSON (`gilvm report --summary-json`), for scripts and tests.
std::string summary_json(const Trace& trace, const Summary& summary);

// Nearest-rank percentile (the smallest value with at least p% of the values
// at or below it) of `values`, which it reorders; 0 for no values.
int64_t percentile(std::vector<int64_t>& values, double p);

}  // namespace gilvm::report
