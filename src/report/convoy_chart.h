// The convoy experiment as a chart (`gilvm bench convoy --html FILE`): one
// panel per transport and message size, the echo round trip (log scale)
// against the number of CPU-bound threads, one line per runtime or policy
// (solid: median; dashed: 99th percentile), a mark at the 5 ms switch
// interval, and every row in a table below.
//
// Like the seed chart it reads the rows from the JSON the bench writes
// (chart.h), and it is inline SVG: a few dozen points need no script.
#pragma once

#include <string>

namespace gilvm::report {

// The page for `rows_json` ({"rows": [{"runtime", "policy", "transport",
// "message_bytes", "cpu_threads", "rtt_p50_us", "rtt_p99_us", ...}]});
// false with *error set when the JSON is not of that shape.
bool convoy_chart_page(const std::string& rows_json, std::string* page, std::string* error);

// convoy_chart_page written to `path`.
bool write_convoy_chart(const std::string& path, const std::string& rows_json, std::string* error);

}  // namespace gilvm::report
