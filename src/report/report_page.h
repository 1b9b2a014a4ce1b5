// The HTML page of `gilvm report`: one self-contained file (inline CSS,
// JavaScript and data; nothing fetched) with the trace's timeline drawn on a
// <canvas> in the manner of Beazley's GIL plots, and the summary table.
//
// The trade-off: the page embeds every span (delta-encoded integers, about
// 8 bytes a span) rather than pre-rendered pictures, so a reader can zoom
// down to single spans; the script aggregates what is narrower than a pixel
// when it draws, so millions of spans still open in a second or two.
#pragma once

#include <string>
#include <string_view>

#include "report/summary.h"
#include "report/trace.h"

namespace gilvm::report {

// `source` names the trace file in the page's title.
std::string report_page(const Trace& trace, const Summary& summary, std::string_view source);

// Nanoseconds as a short human duration ("1.23 s", "45.6 µs", "789 ns").
std::string format_duration(int64_t ns);

}  // namespace gilvm::report
