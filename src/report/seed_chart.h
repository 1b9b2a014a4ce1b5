// The seed's experiment as a chart (`gilvm bench seed --html FILE`): for
// each CPU setting, grouped bars per case (one bar per runtime or policy)
// of the time relative to the same runtime's sequential run, with
// Beazley's published ratios marked and a line at 1.0.
//
// The chart reads the rows from the JSON that `bench seed --json` writes,
// so it depends on nothing inside seed.cpp and draws whatever cases and
// runtimes the rows hold. It is inline SVG in one HTML file: no script
// is needed to draw a few dozen bars.
#pragma once

#include <string>
#include <vector>

namespace gilvm::report {

// A published reference ratio for one case and CPU setting ("all", "one").
struct PublishedRatio {
  std::string case_name;
  std::string cpus;
  double ratio;
};

// The page for `rows_json` ({"count": N, "rows": [{"runtime", "policy",
// "case", "cpus", "seconds", "ratio", ...}]}); false with *error set when
// the JSON is not of that shape.
bool seed_chart_page(const std::string& rows_json, const std::vector<PublishedRatio>& published,
                     std::string* page, std::string* error);

// seed_chart_page written to `path`.
bool write_seed_chart(const std::string& path, const std::string& rows_json,
                      const std::vector<PublishedRatio>& published, std::string* error);

}  // namespace gilvm::report
