// Per-thread totals of a trace (summary.h).
#include "report/summary.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace gilvm::report {

int64_t percentile(std::vector<int64_t>& values, double p) {
  if (values.empty()) return 0;
  // Rank ceil(p/100 * n), 1-based, at least 1.
  double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
  size_t index = rank < 1 ? 0 : std::min(values.size() - 1, static_cast<size_t>(rank) - 1);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return values[index];
}

namespace {

void add_waits(ThreadSummary* s, std::vector<int64_t>& waits) {
  s->waits = static_cast<int64_t>(waits.size());
  if (waits.empty()) return;
  s->wait_max_ns = *std::max_element(waits.begin(), waits.end());
  s->wait_p99_ns = percentile(waits, 99);
  s->wait_p50_ns = percentile(waits, 50);
}

}  // namespace

Summary summarise(const Trace& trace) {
  Summary summary;
  summary.total.label = "all threads";
  std::vector<int64_t> all_waits;
  for (const ThreadTrace& t : trace.threads) {
    ThreadSummary s;
    s.tid = t.tid;
    s.label = t.name.empty() ? "thread " + std::to_string(t.tid) : t.name;
    std::vector<int64_t> waits;
    for (const Span& span : t.spans) {
      if (span.kind == SpanKind::Running) {
        s.running_ns += span.dur_ns;
        ++s.acquisitions;
      } else if (span.kind == SpanKind::Waiting) {
        s.waiting_ns += span.dur_ns;
        waits.push_back(span.dur_ns);
      } else {
        s.blocked_ns += span.dur_ns;
      }
    }
    for (const Instant& i : t.instants) ++s.instants[static_cast<int>(i.kind)];
    all_waits.insert(all_waits.end(), waits.begin(), waits.end());
    add_waits(&s, waits);

    ThreadSummary& total = summary.total;
    total.running_ns += s.running_ns;
    total.waiting_ns += s.waiting_ns;
    total.blocked_ns += s.blocked_ns;
    total.acquisitions += s.acquisitions;
    for (int k = 0; k < kInstantKindCount; ++k) total.instants[k] += s.instants[k];
    summary.threads.push_back(std::move(s));
  }
  add_waits(&summary.total, all_waits);
  return summary;
}

namespace {

nlohmann::json thread_json(const ThreadSummary& s) {
  nlohmann::json j = {
      {"name", s.label},
      {"tid", s.tid},
      {"running_ns", s.running_ns},
      {"waiting_ns", s.waiting_ns},
      {"blocked_ns", s.blocked_ns},
      {"acquisitions", s.acquisitions},
      {"waits", s.waits},
      {"wait_p50_ns", s.wait_p50_ns},
      {"wait_p99_ns", s.wait_p99_ns},
      {"wait_max_ns", s.wait_max_ns},
  };
  nlohmann::json instants = nlohmann::json::object();
  for (int k = 0; k < kInstantKindCount; ++k) instants[kInstantKindNames[k]] = s.instants[k];
  j["instants"] = std::move(instants);
  return j;
}

}  // namespace

std::string summary_json(const Trace& trace, const Summary& summary) {
  nlohmann::json threads = nlohmann::json::array();
  for (const ThreadSummary& s : summary.threads) threads.push_back(thread_json(s));
  nlohmann::json j = {
      {"policy", trace.policy},
      {"parameters", trace.parameters},
      {"command_line", trace.command_line},
      {"duration_ns", trace.duration_ns},
      {"truncated", trace.truncated},
      {"dropped_events", trace.dropped_events},
      {"events", trace.events},
      {"ignored_events", trace.ignored_events},
      {"threads", std::move(threads)},
      {"total", thread_json(summary.total)},
  };
  // Replace, not throw, should a name hold invalid UTF-8 (the reader only
  // accepts valid JSON, but a Trace can be built by other code).
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace gilvm::report
