// What the bench charts (seed_chart.cpp, convoy_chart.cpp) share: reading
// the rows back from a bench's --json text, the page's style and palette,
// and writing the page. Each chart reads JSON rather than the bench's own
// structures, so it depends on nothing inside the bench and draws whatever
// rows it is given.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gilvm::report {

// Parses `rows_json` into *root and checks it has a "rows" array; false with
// *error set ("the WHAT results are not valid JSON", ...) otherwise.
bool parse_rows(const std::string& rows_json, std::string_view what, nlohmann::json* root,
                std::string* error);

// A finite number or a string member of a row; nullopt or "" otherwise.
std::optional<double> row_number(const nlohmann::json& row, const char* key);
std::string row_text(const nlohmann::json& row, const char* key);

// "gilvm legacy", "python3": the runtime, and the policy when there is one.
std::string series_name(const nlohmann::json& row);

// Appends v unless present, keeping first-seen order: the benches write
// their plan in order, and the charts follow it.
void add_unique(std::vector<std::string>* list, const std::string& v);

std::string fixed(double v, int decimals);

// The colour of the i-th series.
const char* series_colour(size_t i);

// The page up to its legend: <head> (generator "gilvm bench NAME", the
// shared style and `own_style`), the <h1> heading and a note. `title` and
// `heading` are text; `note_html` is HTML.
std::string page_start(std::string_view bench_name, const std::string& title,
                       std::string_view own_style, const std::string& heading,
                       std::string_view note_html);

// The legend's opening and a swatch per series, in series_colour order; the
// caller adds its own entries and the closing "</div>".
std::string legend_start(const std::vector<std::string>& series);

// Writes `page` to `path`; false with *error set when it cannot.
bool write_page(const std::string& path, const std::string& page, std::string* error);

}  // namespace gilvm::report
