// `gilvm report TRACE.json [-o REPORT.html]`: turns a `--trace` file
// (docs/trace-format.md) into a self-contained HTML page — the timeline of
// every thread and a summary table — and prints the summary as text.
#pragma once

namespace gilvm::report {

// argv holds the arguments after "report". Returns the exit status: 0 ok,
// 1 when the trace cannot be read or the page cannot be written, 2 on a
// usage error. Messages go to stderr, prefixed "gilvm report: ".
int report_main(int argc, char** argv);

}  // namespace gilvm::report
