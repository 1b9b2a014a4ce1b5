// The convoy chart (convoy_chart.h): rows read back from bench convoy's
// JSON, laid out as one SVG panel per transport and message size.
#include "report/convoy_chart.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "report/chart.h"
#include "report/escape.h"

namespace gilvm::report {
namespace {

struct Point {
  std::string series;  // "gilvm interval", "python3", ...
  std::string panel;   // "tcp, 1 byte"
  int threads = 0;
  std::optional<double> p50, p99, max, requests_per_s, cpu_work_ratio, echo_wait_us;
  std::string error;
};

std::string panel_name(const std::string& transport, int bytes) {
  return transport + ", " + std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

// "70 µs", "5.1 ms", "1 s": one decimal below 10, none on a whole number.
std::string duration_label(double us) {
  auto amount = [](double v) { return fixed(v, v < 10 && v != std::floor(v) ? 1 : 0); };
  if (us >= 1e6) return amount(us / 1e6) + " s";
  if (us >= 1e3) return amount(us / 1e3) + " ms";
  return amount(us) + " \xc2\xb5s";
}

constexpr std::string_view kConvoyStyle = R"CSS(
.panels { display: flex; flex-wrap: wrap; gap: 0 24px; }
.legend i.p99 { height: 0; width: 18px; border-top: 2px dashed #555; border-radius: 0; background: none; }
.legend i.p50 { height: 0; width: 18px; border-top: 2px solid #555; border-radius: 0; background: none; }
td.error { color: #a00; }
)CSS";

struct Layout {
  static constexpr double kWidth = 480, kLeft = 64, kRight = 20, kTop = 36, kPlotHeight = 230,
                          kBottom = 48;
  static constexpr double kHeight = kTop + kPlotHeight + kBottom;
  double lo_decade = 1, hi_decade = 5;  // log10 of the axis's ends, in µs
  size_t columns = 1;                   // the distinct thread counts

  double y(double us) const {
    double v = std::log10(std::max(us, 1e-3));
    double f = (v - lo_decade) / (hi_decade - lo_decade);
    return kTop + kPlotHeight * (1 - std::clamp(f, 0.0, 1.0));
  }
  double x(size_t column) const {
    const double plot_w = kWidth - kLeft - kRight;
    return kLeft + plot_w * (static_cast<double>(column) + 0.5) / static_cast<double>(columns);
  }
};

// The switch interval of CPython 3.2+ and of gilvm's interval policy: a
// convoyed round trip waits about this long per GIL acquisition.
constexpr double kSwitchIntervalUs = 5000;

void panel(std::string* out, const std::string& name, const std::vector<int>& threads,
           const std::vector<std::string>& series, const std::vector<Point>& points,
           const Layout& L) {
  auto num = [](double v) { return fixed(v, 1); };
  *out += "<svg class=\"panel\" data-panel=\"" + html_escape(name) + "\" width=\"" +
          num(Layout::kWidth) + "\" height=\"" + num(Layout::kHeight) + "\" viewBox=\"0 0 " +
          num(Layout::kWidth) + " " + num(Layout::kHeight) + "\" role=\"img\">\n";
  *out += "<text x=\"" + num(Layout::kLeft) + "\" y=\"20\" font-size=\"15\" font-weight=\"600\">" +
          html_escape(name) + "</text>\n";
  // The log axis: a line per decade, labelled.
  for (double d = L.lo_decade; d <= L.hi_decade + 1e-9; d += 1) {
    const double y = L.y(std::pow(10, d));
    *out += "<line x1=\"" + num(Layout::kLeft) + "\" x2=\"" + num(Layout::kWidth - Layout::kRight) +
            "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\" stroke=\"" +
            (d == L.lo_decade ? "#888" : "#e8e8e8") + "\"/>\n";
    *out += "<text x=\"" + num(Layout::kLeft - 8) + "\" y=\"" + num(y + 4) +
            "\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">" +
            duration_label(std::pow(10, d)) + "</text>\n";
  }
  *out += "<text transform=\"translate(16 " + num(Layout::kTop + Layout::kPlotHeight / 2) +
          ") rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444\">echo round "
          "trip</text>\n";
  const double ys = L.y(kSwitchIntervalUs);
  *out += "<g class=\"switch-interval\"><line x1=\"" + num(Layout::kLeft) + "\" x2=\"" +
          num(Layout::kWidth - Layout::kRight) + "\" y1=\"" + num(ys) + "\" y2=\"" + num(ys) +
          "\" stroke=\"#999\" stroke-dasharray=\"2 3\"/><text x=\"" +
          num(Layout::kWidth - Layout::kRight - 4) + "\" y=\"" + num(ys - 4) +
          "\" font-size=\"10\" text-anchor=\"end\" fill=\"#777\">5 ms switch interval</text></g>\n";
  for (size_t c = 0; c < threads.size(); ++c) {
    *out += "<text class=\"threads\" x=\"" + num(L.x(c)) + "\" y=\"" +
            num(Layout::kTop + Layout::kPlotHeight + 18) +
            "\" font-size=\"12\" text-anchor=\"middle\">" + std::to_string(threads[c]) +
            "</text>\n";
  }
  *out += "<text x=\"" +
          num(Layout::kLeft + (Layout::kWidth - Layout::kLeft - Layout::kRight) / 2) + "\" y=\"" +
          num(Layout::kTop + Layout::kPlotHeight + 38) +
          "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444\">CPU-bound threads beside the "
          "echo thread</text>\n";

  for (size_t s = 0; s < series.size(); ++s) {
    const char* colour = series_colour(s);
    // The median solid, the 99th percentile dashed; a failed row breaks no
    // line, it is simply not drawn (the table says why).
    for (bool p99 : {true, false}) {
      std::string path;
      for (size_t c = 0; c < threads.size(); ++c) {
        for (const Point& p : points) {
          if (p.panel != name || p.series != series[s] || p.threads != threads[c]) continue;
          std::optional<double> v = p99 ? p.p99 : p.p50;
          if (!v) continue;
          path += (path.empty() ? "M" : " L") + num(L.x(c)) + " " + num(L.y(*v));
        }
      }
      if (path.empty()) continue;
      *out += "<path class=\"" + std::string(p99 ? "p99" : "p50") + "\" data-series=\"" +
              html_escape(series[s]) + "\" d=\"" + path + "\" fill=\"none\" stroke=\"" + colour +
              "\" stroke-width=\"" + (p99 ? "1.2" : "2") + "\"" +
              (p99 ? " stroke-dasharray=\"5 3\" opacity=\"0.8\"" : "") + "/>\n";
    }
    for (size_t c = 0; c < threads.size(); ++c) {
      for (const Point& p : points) {
        if (p.panel != name || p.series != series[s] || p.threads != threads[c] || !p.p50) continue;
        std::string tip = series[s] + ", " + name + ", " + std::to_string(p.threads) +
                          " CPU threads: median " + duration_label(*p.p50);
        if (p.p99) tip += ", p99 " + duration_label(*p.p99);
        if (p.max) tip += ", max " + duration_label(*p.max);
        if (p.echo_wait_us)
          tip += "; the echo thread waited " + duration_label(*p.echo_wait_us) +
                 " for the GIL per acquisition";
        *out += "<circle class=\"point\" data-series=\"" + html_escape(series[s]) +
                "\" data-threads=\"" + std::to_string(p.threads) + "\" data-p50=\"" +
                fixed(*p.p50, 1) + "\" cx=\"" + num(L.x(c)) + "\" cy=\"" + num(L.y(*p.p50)) +
                "\" r=\"3.5\" fill=\"" + colour + "\"><title>" + html_escape(tip) +
                "</title></circle>\n";
      }
    }
  }
  *out += "</svg>\n";
}

std::string cell(std::optional<double> v, int decimals) {
  return "<td class=\"num\">" + (v ? fixed(*v, decimals) : std::string("-")) + "</td>";
}

}  // namespace

bool convoy_chart_page(const std::string& rows_json, std::string* page, std::string* error) {
  nlohmann::json root;
  if (!parse_rows(rows_json, "convoy", &root, error)) return false;
  std::vector<Point> points;
  std::vector<std::string> series, panels;
  std::vector<int> threads;
  for (const nlohmann::json& row : root["rows"]) {
    if (!row.is_object()) continue;
    Point p;
    p.series = series_name(row);
    std::optional<double> bytes = row_number(row, "message_bytes"),
                          cpu = row_number(row, "cpu_threads");
    std::string transport = row_text(row, "transport");
    if (p.series.empty() || transport.empty() || !bytes || !cpu) continue;
    p.panel = panel_name(transport, static_cast<int>(*bytes));
    p.threads = static_cast<int>(*cpu);
    p.p50 = row_number(row, "rtt_p50_us");
    p.p99 = row_number(row, "rtt_p99_us");
    p.max = row_number(row, "rtt_max_us");
    p.requests_per_s = row_number(row, "requests_per_s");
    p.cpu_work_ratio = row_number(row, "cpu_work_ratio");
    p.error = row_text(row, "error");
    if (auto gil = row.find("gil"); gil != row.end() && gil->is_object()) {
      if (auto echo = gil->find("echo"); echo != gil->end() && echo->is_object())
        p.echo_wait_us = row_number(*echo, "mean_wait_us");
    }
    add_unique(&series, p.series);
    add_unique(&panels, p.panel);
    if (std::find(threads.begin(), threads.end(), p.threads) == threads.end())
      threads.push_back(p.threads);
    points.push_back(std::move(p));
  }
  std::sort(threads.begin(), threads.end());

  Layout layout;
  layout.columns = std::max<size_t>(1, threads.size());
  double lo = kSwitchIntervalUs, hi = kSwitchIntervalUs;
  for (const Point& p : points) {
    for (std::optional<double> v : {p.p50, p.p99}) {
      if (v && *v > 0) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
  }
  layout.lo_decade = std::floor(std::log10(lo));
  layout.hi_decade = std::max(layout.lo_decade + 1, std::ceil(std::log10(hi)));

  std::string& out = *page;
  out = page_start(
      "convoy", "gilvm bench convoy: the convoy effect", kConvoyStyle,
      "The convoy effect: an echo server beside CPU-bound threads",
      "Each point is one server process: an echo thread and that many threads spinning the seed's "
      "countdown, with one client sending a message and waiting for its echo, again and again. "
      "Every recv and send releases the GIL; the round trip then waits for the echo thread to win "
      "it back from the CPU-bound threads. Solid lines: the median round trip; dashed: the 99th "
      "percentile (log scale).");
  out += legend_start(series);
  out +=
      "<span><i class=\"p50\"></i>median</span><span><i class=\"p99\"></i>99th "
      "percentile</span></div>\n";
  if (points.empty()) out += "<p class=\"note\" id=\"empty\">No results to draw.</p>\n";
  out += "<div class=\"panels\">\n";
  for (const std::string& name : panels) panel(&out, name, threads, series, points, layout);
  out += "</div>\n";

  out +=
      "<table id=\"convoy-rows\"><thead><tr><th>runtime</th><th>transport, size</th>"
      "<th>CPU threads</th><th>p50 \xc2\xb5s</th><th>p99 \xc2\xb5s</th><th>max \xc2\xb5s</th>"
      "<th>requests/s</th><th>CPU work ratio</th><th>echo GIL wait \xc2\xb5s</th><th></th></tr>"
      "</thead><tbody>\n";
  for (const Point& p : points) {
    out += "<tr><td>" + html_escape(p.series) + "</td><td>" + html_escape(p.panel) +
           "</td><td class=\"num\">" + std::to_string(p.threads) + "</td>" + cell(p.p50, 0) +
           cell(p.p99, 0) + cell(p.max, 0) + cell(p.requests_per_s, 0) + cell(p.cpu_work_ratio, 2) +
           cell(p.echo_wait_us, 0) + "<td class=\"error\">" +
           (p.error.empty() ? "" : "failed: " + html_escape(p.error)) + "</td></tr>\n";
  }
  out += "</tbody></table>\n</body>\n</html>\n";
  return true;
}

bool write_convoy_chart(const std::string& path, const std::string& rows_json, std::string* error) {
  std::string page;
  return convoy_chart_page(rows_json, &page, error) && write_page(path, page, error);
}

}  // namespace gilvm::report
