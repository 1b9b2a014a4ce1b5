// libFuzzer target: one input is the text of a `--trace` file, read by
// `gilvm report`'s trace reader and, when it is accepted, summarised and
// drawn as the report page and the summary JSON (docs/fuzzing.md). A trace
// the reader rejects must be rejected with a message; nothing may crash or
// throw (report_main turns an escaped C++ exception into "internal error",
// a bug, so here it is left to reach libFuzzer).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "report/report_page.h"
#include "report/summary.h"
#include "report/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gilvm::report;
  std::string text(reinterpret_cast<const char*>(data), size);
  Trace trace;
  std::string error;
  if (!parse_trace(text, &trace, &error)) {
    if (error.empty()) {
      std::fputs("trace_fuzzer: a trace was rejected without a message\n", stderr);
      std::abort();
    }
    return 0;
  }
  Summary summary = summarise(trace);
  std::string page = report_page(trace, summary, "fuzz.json");
  std::string json = summary_json(trace, summary);
  if (page.empty() || json.empty()) std::abort();
  return 0;
}
