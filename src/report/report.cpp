// `gilvm report`: the command line around read_trace, summarise and
// report_page (report.h).
#include "common/option_reader.h"
#include "report/report.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "report/report_page.h"
#include "report/summary.h"
#include "report/trace.h"

namespace gilvm::report {
namespace {

constexpr const char* kUsage =
    "usage: gilvm report TRACE.json [-o REPORT.html] [options]\n"
    "Draws a GIL trace (written by gilvm --trace=TRACE.json) as a self-contained HTML page:\n"
    "one timeline row per thread, and a summary table, also printed on stdout.\n"
    "options:\n"
    "  -o, --output FILE      the page to write (default: TRACE with .json replaced by .html)\n"
    "  --summary-json FILE    also write the summary as JSON\n"
    "  -q, --quiet            do not print the summary\n"
    "  -h, --help             this help\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gilvm report: %s\n%s", message.c_str(), kUsage);
  return 2;
}

int failure(const std::string& message) {
  std::fprintf(stderr, "gilvm report: %s\n", message.c_str());
  return 1;
}

struct Options {
  std::string trace, output, summary_json;
  bool quiet = false;
};

// Returns -1 when the options are good, else the exit status (0 for --help).
int parse_options(int argc, char** argv, Options* opt) {
  bool only_files = false;
  OptionReader args(argc, argv);
  std::string value;
  // An empty value is no file name.
  auto take_value = [&]() { return args.take_value(&value) && !value.empty(); };
  while (args.next()) {
    const std::string& a = args.arg();
    const std::string& name = args.name();
    if (only_files || a.empty() || a[0] != '-' || a == "-") {
      if (!opt->trace.empty()) return usage_error("more than one trace file given ('" + a + "')");
      opt->trace = a;
    } else if (a == "--") {
      only_files = true;
    } else if (name == "-h" || name == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (name == "-o" || name == "--output") {
      if (!take_value()) return usage_error(name + " needs a file name");
      opt->output = value;
    } else if (name == "--summary-json") {
      if (!take_value()) return usage_error("--summary-json needs a file name");
      opt->summary_json = value;
    } else if ((name == "-q" || name == "--quiet") && !args.has_value()) {
      opt->quiet = true;
    } else {
      return usage_error("unknown option '" + a + "'");
    }
  }
  if (opt->trace.empty()) return usage_error("no trace file given");
  if (opt->trace == "-") opt->trace = "/dev/stdin";
  if (opt->output.empty()) {
    std::string base = opt->trace == "/dev/stdin" ? "trace" : opt->trace;
    if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0)
      base.resize(base.size() - 5);
    opt->output = base + ".html";
  }
  return -1;
}

bool write_file(const std::string& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    *error = "cannot write " + path + " (disk full?)";
    return false;
  }
  return true;
}

void print_summary(const Trace& trace, const Summary& summary) {
  std::printf("policy %s%s%s, %s, %lld events, %zu threads%s\n",
              trace.policy.empty() ? "(not recorded)" : trace.policy.c_str(),
              trace.parameters.empty() ? "" : ": ", trace.parameters.c_str(),
              format_duration(trace.duration_ns).c_str(), static_cast<long long>(trace.events),
              trace.threads.size(), trace.truncated ? " (TRUNCATED)" : "");
  // One column per GIL counter that the trace records as an instant
  // (gil/counters.h), under its --gil-stats header.
  std::printf("  %-20s %12s %12s %12s %9s", "thread", "running", "waiting", "blocked", "acquired");
#define GILVM_HEADER_(field, header, label, unit, combine, show, bench, instant) \
  GILVM_IF_INSTANT(instant, GILVM_HEADER_ROW_, header)
#define GILVM_HEADER_ROW_(header, ...) std::printf(" %11s", header);
  GILVM_GIL_COUNTERS(GILVM_HEADER_)
#undef GILVM_HEADER_ROW_
#undef GILVM_HEADER_
  std::printf(" %11s %11s\n", "wait p50", "wait p99");
  auto row = [](const ThreadSummary& s) {
    std::string label = s.label.size() > 20 ? s.label.substr(0, 19) + "~" : s.label;
    std::printf("  %-20s %12s %12s %12s %9lld", label.c_str(),
                format_duration(s.running_ns).c_str(), format_duration(s.waiting_ns).c_str(),
                format_duration(s.blocked_ns).c_str(), static_cast<long long>(s.acquisitions));
    for (int k = 0; k < kCounterInstantCount; ++k)
      std::printf(" %11lld", static_cast<long long>(s.instants[k]));
    std::printf(" %11s %11s\n", format_duration(s.wait_p50_ns).c_str(),
                format_duration(s.wait_p99_ns).c_str());
  };
  for (const ThreadSummary& s : summary.threads) row(s);
  if (summary.threads.size() > 1) row(summary.total);
}

}  // namespace

int report_main(int argc, char** argv) {
  Options opt;
  if (int status = parse_options(argc, argv, &opt); status >= 0) return status;
  try {
    auto t0 = std::chrono::steady_clock::now();
    Trace trace;
    std::string error;
    if (!read_trace(opt.trace, &trace, &error)) return failure(error);
    Summary summary = summarise(trace);
    if (!write_file(opt.output, report_page(trace, summary, opt.trace), &error))
      return failure(error);
    if (!opt.summary_json.empty() &&
        !write_file(opt.summary_json, summary_json(trace, summary), &error))
      return failure(error);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!opt.quiet) {
      print_summary(trace, summary);
      std::printf("wrote %s in %.2f s\n", opt.output.c_str(), seconds);
    }
    if (trace.truncated)
      std::fprintf(stderr, "gilvm report: warning: the trace is truncated (%lld events dropped)\n",
                   static_cast<long long>(trace.dropped_events));
    return 0;
  } catch (const std::bad_alloc&) {
    return failure("out of memory (the trace is too large for this machine)");
  } catch (const std::exception& ex) {
    return failure(std::string("internal error: ") + ex.what());
  }
}

}  // namespace gilvm::report
