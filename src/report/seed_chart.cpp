// The seed chart (seed_chart.h): rows read back from bench seed's JSON,
// laid out as one SVG panel per CPU setting.
#include "report/seed_chart.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "report/chart.h"
#include "report/escape.h"

namespace gilvm::report {
namespace {

struct Bar {
  std::string series;  // "gilvm legacy", "python3", ...
  std::string kase, cpus;
  std::optional<double> seconds, ratio;
};

std::string cpus_title(const std::string& cpus) {
  if (cpus == "all") return "all CPUs";
  if (cpus == "one") return "one CPU (every thread pinned to the same CPU)";
  return "CPUs: " + cpus;
}

// The seed chart's own rules, after the shared style (chart.h).
constexpr std::string_view kSeedStyle = R"CSS(
.legend i.published { height: 0; width: 18px; border-top: 2px dashed #000; border-radius: 0; }
)CSS";

struct Layout {
  static constexpr double kWidth = 980, kLeft = 64, kRight = 24, kTop = 36, kPlotHeight = 260,
                          kBottom = 46;
  static constexpr double kHeight = kTop + kPlotHeight + kBottom;
  double y_max = 2;
  double y(double v) const { return kTop + kPlotHeight * (1 - std::min(v, y_max) / y_max); }
};

void panel(std::string* out, const std::string& cpus, const std::vector<std::string>& cases,
           const std::vector<std::string>& series, const std::vector<Bar>& bars,
           const std::vector<PublishedRatio>& published, const Layout& L) {
  const double plot_w = Layout::kWidth - Layout::kLeft - Layout::kRight;
  const double group_w = plot_w / static_cast<double>(std::max<size_t>(1, cases.size()));
  const double bar_w =
      std::min(44.0, group_w * 0.78 / static_cast<double>(std::max<size_t>(1, series.size())));
  auto num = [](double v) { return fixed(v, 1); };

  *out += "<svg class=\"panel\" data-cpus=\"" + html_escape(cpus) + "\" width=\"" +
          num(Layout::kWidth) + "\" height=\"" + num(Layout::kHeight) + "\" viewBox=\"0 0 " +
          num(Layout::kWidth) + " " + num(Layout::kHeight) + "\" role=\"img\">\n";
  *out += "<text x=\"" + num(Layout::kLeft) + "\" y=\"20\" font-size=\"15\" font-weight=\"600\">" +
          html_escape(cpus_title(cpus)) + "</text>\n";
  // The ratio axis: grid lines every 0.5 (every 1 past 5, every 2 past 10).
  const double step = L.y_max > 10 ? 2 : L.y_max > 5 ? 1 : 0.5;
  for (double v = 0; v <= L.y_max + 1e-9; v += step) {
    *out += "<line x1=\"" + num(Layout::kLeft) + "\" x2=\"" + num(Layout::kWidth - Layout::kRight) +
            "\" y1=\"" + num(L.y(v)) + "\" y2=\"" + num(L.y(v)) + "\" stroke=\"" +
            (v == 0 ? "#888" : "#e8e8e8") + "\"/>\n";
    *out += "<text x=\"" + num(Layout::kLeft - 8) + "\" y=\"" + num(L.y(v) + 4) +
            "\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">" + fixed(v, 1) +
            "\xc3\x97</text>\n";
  }
  *out += "<text transform=\"translate(16 " + num(Layout::kTop + Layout::kPlotHeight / 2) +
          ") rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444\">time / sequential "
          "time</text>\n";

  for (size_t g = 0; g < cases.size(); ++g) {
    const double gx = Layout::kLeft + group_w * static_cast<double>(g);
    const double bars_x = gx + (group_w - bar_w * static_cast<double>(series.size())) / 2;
    for (size_t s = 0; s < series.size(); ++s) {
      const Bar* bar = nullptr;
      for (const Bar& b : bars) {
        if (b.cpus == cpus && b.kase == cases[g] && b.series == series[s]) bar = &b;
      }
      if (!bar) continue;
      const double x = bars_x + bar_w * static_cast<double>(s);
      const std::string who = html_escape(bar->series + ", " + bar->kase + ", " + cpus_title(cpus));
      if (!bar->ratio) {
        *out += "<text class=\"missing\" x=\"" + num(x + bar_w / 2) + "\" y=\"" + num(L.y(0) - 4) +
                "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#a00\"><title>" + who +
                ": no result</title>failed</text>\n";
        continue;
      }
      const double top = L.y(*bar->ratio);
      *out += "<rect class=\"bar\" data-series=\"" + html_escape(bar->series) + "\" data-case=\"" +
              html_escape(bar->kase) + "\" data-cpus=\"" + html_escape(cpus) + "\" data-ratio=\"" +
              fixed(*bar->ratio, 4) + "\" x=\"" + num(x + 1) + "\" y=\"" + num(top) +
              "\" width=\"" + num(std::max(1.0, bar_w - 2)) + "\" height=\"" + num(L.y(0) - top) +
              "\" fill=\"" + series_colour(s) + "\"><title>" + who + ": " + fixed(*bar->ratio, 2) +
              "\xc3\x97" + (bar->seconds ? " (" + fixed(*bar->seconds, 3) + " s)" : "") +
              "</title></rect>\n";
      *out += "<text x=\"" + num(x + bar_w / 2) + "\" y=\"" + num(top - 4) +
              "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">" + fixed(*bar->ratio, 2) +
              "</text>\n";
    }
    for (const PublishedRatio& p : published) {
      if (p.cpus != cpus || p.case_name != cases[g]) continue;
      const double y = L.y(p.ratio);
      *out += "<g class=\"published\" data-case=\"" + html_escape(p.case_name) +
              "\" data-ratio=\"" + fixed(p.ratio, 2) + "\"><title>Beazley 2010, " +
              html_escape(p.case_name) + ": " + fixed(p.ratio, 2) + "\xc3\x97</title>";
      *out += "<line x1=\"" + num(gx + 6) + "\" x2=\"" + num(gx + group_w - 6) + "\" y1=\"" +
              num(y) + "\" y2=\"" + num(y) +
              "\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
      // Named under the case label: above the line it would collide with the bars' values.
      *out += "<text x=\"" + num(gx + group_w / 2) + "\" y=\"" +
              num(Layout::kTop + Layout::kPlotHeight + 36) +
              "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">Beazley 2010: " +
              fixed(p.ratio, 2) + "\xc3\x97</text></g>\n";
    }
    *out += "<text class=\"case\" x=\"" + num(gx + group_w / 2) + "\" y=\"" +
            num(Layout::kTop + Layout::kPlotHeight + 20) +
            "\" font-size=\"13\" text-anchor=\"middle\">" + html_escape(cases[g]) + "</text>\n";
  }
  // Sequential on all CPUs is 1 by definition: the line every bar is read against.
  const double y1 = L.y(1);
  *out += "<line class=\"sequential\" x1=\"" + num(Layout::kLeft) + "\" x2=\"" +
          num(Layout::kWidth - Layout::kRight) + "\" y1=\"" + num(y1) + "\" y2=\"" + num(y1) +
          "\" stroke=\"#444\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n";
  *out += "</svg>\n";
}

}  // namespace

bool seed_chart_page(const std::string& rows_json, const std::vector<PublishedRatio>& published,
                     std::string* page, std::string* error) {
  nlohmann::json root;
  if (!parse_rows(rows_json, "seed", &root, error)) return false;
  std::vector<Bar> bars;
  std::vector<std::string> series, cases, cpus_list;
  for (const nlohmann::json& row : root["rows"]) {
    if (!row.is_object()) continue;
    Bar b;
    b.series = series_name(row);
    b.kase = row_text(row, "case");
    b.cpus = row_text(row, "cpus");
    b.seconds = row_number(row, "seconds");
    b.ratio = row_number(row, "ratio");
    if (b.series.empty() || b.kase.empty() || b.cpus.empty()) continue;
    add_unique(&series, b.series);
    add_unique(&cases, b.kase);
    add_unique(&cpus_list, b.cpus);
    bars.push_back(std::move(b));
  }
  Layout layout;
  double highest = 1;
  for (const Bar& b : bars) highest = std::max(highest, b.ratio.value_or(0));
  for (const PublishedRatio& p : published) highest = std::max(highest, p.ratio);
  layout.y_max = std::max(2.0, std::ceil(highest * 1.12 * 2) / 2);

  std::string count;
  if (auto it = root.find("count"); it != root.end() && it->is_number_integer())
    count = std::to_string(it->get<int64_t>());

  std::string& out = *page;
  out = page_start(
      "seed", "gilvm bench seed: countdown(" + count + ")", kSeedStyle,
      "The seed's experiment: countdown(" + count + ")",
      "Each bar is one runtime's time for a case divided by the same runtime's sequential time on "
      "all CPUs: below the dotted line at 1.0 splitting the work helped, above it it cost. Dashed "
      "black lines mark the ratios Beazley published in 2010 (Python 2.6, quad-core Mac Pro).");
  out += legend_start(series);
  if (!published.empty()) out += "<span><i class=\"published\"></i>Beazley 2010 (published)</span>";
  out += "</div>\n";
  if (bars.empty()) out += "<p class=\"note\" id=\"empty\">No results to draw.</p>\n";
  for (const std::string& cpus : cpus_list)
    panel(&out, cpus, cases, series, bars, published, layout);

  out +=
      "<table "
      "id=\"seed-rows\"><thead><tr><th>runtime</th><th>case</th><th>cpus</th><th>seconds</th>"
      "<th>ratio</th><th>Beazley 2010</th></tr></thead><tbody>\n";
  for (const Bar& b : bars) {
    std::optional<double> ref;
    for (const PublishedRatio& p : published) {
      if (p.case_name == b.kase && p.cpus == b.cpus) ref = p.ratio;
    }
    out += "<tr><td>" + html_escape(b.series) + "</td><td>" + html_escape(b.kase) + "</td><td>" +
           html_escape(b.cpus) + "</td><td class=\"num\">" +
           (b.seconds ? fixed(*b.seconds, 3) : "failed") + "</td><td class=\"num\">" +
           (b.ratio ? fixed(*b.ratio, 2) : "-") + "</td><td class=\"num\">" +
           (ref ? fixed(*ref, 2) : "-") + "</td></tr>\n";
  }
  out += "</tbody></table>\n</body>\n</html>\n";
  return true;
}

bool write_seed_chart(const std::string& path, const std::string& rows_json,
                      const std::vector<PublishedRatio>& published, std::string* error) {
  std::string page;
  return seed_chart_page(rows_json, published, &page, error) && write_page(path, page, error);
}

}  // namespace gilvm::report
