// The bench charts' shared helpers (chart.h).
#include "report/chart.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "report/escape.h"

namespace gilvm::report {

bool parse_rows(const std::string& rows_json, std::string_view what, nlohmann::json* root,
                std::string* error) {
  *root = nlohmann::json::parse(rows_json, nullptr, /*allow_exceptions=*/false);
  if (root->is_discarded()) {
    *error = "the " + std::string(what) + " results are not valid JSON";
    return false;
  }
  if (!root->is_object() || !root->contains("rows") || !(*root)["rows"].is_array()) {
    *error = "the " + std::string(what) + " results have no \"rows\" array";
    return false;
  }
  return true;
}

std::optional<double> row_number(const nlohmann::json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_number()) return std::nullopt;
  double v = it->get<double>();
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

std::string row_text(const nlohmann::json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string series_name(const nlohmann::json& row) {
  std::string runtime = row_text(row, "runtime"), policy = row_text(row, "policy");
  return policy.empty() ? runtime : runtime + " " + policy;
}

void add_unique(std::vector<std::string>* list, const std::string& v) {
  if (std::find(list->begin(), list->end(), v) == list->end()) list->push_back(v);
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

const char* series_colour(size_t i) {
  constexpr const char* kPalette[] = {"#d62728", "#2ca02c", "#1f77b4", "#ff7f0e",
                                      "#9467bd", "#8c564b", "#e377c2"};
  return kPalette[i % (sizeof kPalette / sizeof kPalette[0])];
}

namespace {

constexpr std::string_view kChartStyle = R"CSS(
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 16px 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 6px; }
p.note { color: #555; max-width: 900px; margin: 4px 0 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 8px 0; font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i { display: inline-block; width: 14px; height: 12px; border-radius: 2px; }
svg { display: block; margin: 8px 0 16px; }
svg text { font-family: system-ui, sans-serif; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
)CSS";

}  // namespace

std::string page_start(std::string_view bench_name, const std::string& title,
                       std::string_view own_style, const std::string& heading,
                       std::string_view note_html) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"generator\" content=\"gilvm bench " +
      html_escape(bench_name) + "\">\n<title>" + html_escape(title) + "</title>\n<style>";
  out += kChartStyle;
  out += own_style;
  out += "</style>\n</head>\n<body>\n<h1>" + html_escape(heading) + "</h1>\n<p class=\"note\">";
  out += note_html;
  return out + "</p>\n";
}

std::string legend_start(const std::vector<std::string>& series) {
  std::string out = "<div class=\"legend\">";
  for (size_t s = 0; s < series.size(); ++s) {
    out += "<span><i style=\"background:" + std::string(series_colour(s)) + "\"></i>" +
           html_escape(series[s]) + "</span>";
  }
  return out;
}

bool write_page(const std::string& path, const std::string& page, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  out << page;
  out.close();
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace gilvm::report
