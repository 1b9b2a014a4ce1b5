// The report page (report_page.h): the fixed CSS and JavaScript as raw
// string literals, and the parts that come from the trace, each escaped
// where it is written (html_escape for markup, script_json_string for the
// embedded data).
//
// The data block is JSON in <script type="application/json">, parsed with
// JSON.parse (faster than evaluating a literal of the same size):
//   {"duration_ns": D, "threads": [{"name", "tid", "s": [...], "i": [...]}]}
// where "s" holds one triple per span — the gap since the previous span's
// end, the duration, the SpanKind code — and "i" one pair per instant — the
// time since the previous instant, the InstantKind code. Consecutive spans
// of a thread usually touch, so most gaps are a single "0".
#include "report/report_page.h"

#include <charconv>
#include <cinttypes>
#include <cstdio>

#include "report/escape.h"

namespace gilvm::report {
namespace {

constexpr std::string_view kStyle = R"CSS(
:root { --run: #2ca02c; --wait: #d62728; --block: #1f77b4; --sleep: #a3a3a3; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 16px 24px; color: #222; background: #fff; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; }
dl.meta dt { color: #666; }
dl.meta dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.warning { background: #fff3cd; border: 1px solid #e0b400; padding: 8px 12px; margin: 8px 0 12px; border-radius: 4px; }
.toolbar { display: flex; align-items: center; gap: 8px; margin: 8px 0; flex-wrap: wrap; }
.toolbar button { font: inherit; min-width: 32px; padding: 2px 10px; cursor: pointer; }
#range { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: #444; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 4px 0 8px; font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 5px; }
.legend i { display: inline-block; width: 14px; height: 12px; border-radius: 2px; }
.legend i.mark { width: 3px; height: 12px; border-radius: 0; }
.timeline { display: flex; border: 1px solid #ccc; border-radius: 4px; user-select: none; }
#labels { flex: none; width: 180px; border-right: 1px solid #ddd; background: #fafafa; }
#labels div { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; padding: 0 8px; font-size: 13px; }
#plot { flex: 1; position: relative; min-width: 0; }
#canvas { display: block; width: 100%; cursor: grab; }
#canvas.dragging { cursor: grabbing; }
#tooltip { position: fixed; display: none; pointer-events: none; background: rgba(20, 20, 20, 0.92); color: #fff; padding: 6px 8px; border-radius: 4px; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre; z-index: 10; max-width: 480px; overflow: hidden; }
table.summary { border-collapse: collapse; font-size: 13px; }
table.summary th, table.summary td { border: 1px solid #ddd; padding: 3px 8px; }
table.summary th { background: #f3f3f3; font-weight: 600; }
table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.summary td.name { max-width: 260px; overflow-wrap: anywhere; }
table.summary tr.total td { font-weight: 600; background: #fafafa; }
.help { color: #555; font-size: 13px; max-width: 900px; }
)CSS";

// The timeline. Kept free of any name from the trace: those arrive through
// the JSON data block and reach the page only as textContent.
constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('gilvm-data').textContent);
  const AXIS_H = 26, ROW_H = 50, BAR_Y = 4, BAR_H = 20, LANE_Y = 27, LANE_H = 4;
  // Drawing classes of the span kinds: 0 running, 1 waiting, 2 blocked, 3 sleep.
  const SPAN_CLASS = [0, 1, 3, 2, 2, 2, 2, 2, 2, 2, 2];
  const CLASS_COLOR = ['#2ca02c', '#d62728', '#1f77b4', '#a3a3a3'];
  const INSTANT_COLOR = data.instant_colors;
  const NK = INSTANT_COLOR.length;  // instant kinds
  const LANES = data.instant_lanes;  // instant kinds 0..LANES-1 (GIL counters) each get a lane under the bar
  const BINS = 4096;       // the per-thread overview used when zoomed out
  const span_names = data.span_kinds, instant_names = data.instant_kinds;
  const D = Math.max(1, data.duration_ns);

  // --- decoding -----------------------------------------------------------
  const threads = data.threads.map(function (t) {
    const s = t.s, n = Math.floor(s.length / 3);
    const start = new Float64Array(n), end = new Float64Array(n), maxEnd = new Float64Array(n);
    const kind = new Uint8Array(n);
    let prevEnd = 0, runMax = -Infinity;
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      const st = prevEnd + s[j];
      start[i] = st; end[i] = st + s[j + 1]; kind[i] = s[j + 2];
      prevEnd = end[i];
      runMax = Math.max(runMax, end[i]); maxEnd[i] = runMax;
    }
    const is = t.i, m = Math.floor(is.length / 2);
    const its = new Float64Array(m), ikind = new Uint8Array(m);
    let prev = 0;
    for (let i = 0, j = 0; i < m; i++, j += 2) { prev += is[j]; its[i] = prev; ikind[i] = is[j + 1]; }
    // Overview: time per drawing class and instant counts per bin.
    const binW = D / BINS, binTime = new Float64Array(BINS * 4), binMarks = new Uint32Array(BINS * NK);
    for (let i = 0; i < n; i++) {
      const a = Math.max(0, start[i]), b = Math.min(D, end[i]), c = SPAN_CLASS[kind[i]] || 0;
      if (!(b > a)) continue;
      let b0 = Math.min(BINS - 1, Math.floor(a / binW)); const b1 = Math.min(BINS - 1, Math.floor(b / binW));
      if (b0 === b1) { binTime[b0 * 4 + c] += b - a; continue; }
      binTime[b0 * 4 + c] += (b0 + 1) * binW - a;
      for (let k = b0 + 1; k < b1; k++) binTime[k * 4 + c] += binW;
      binTime[b1 * 4 + c] += b - b1 * binW;
    }
    for (let i = 0; i < m; i++) {
      const b = Math.min(BINS - 1, Math.max(0, Math.floor(its[i] / binW)));
      binMarks[b * NK + ikind[i]]++;
    }
    return { name: t.name, tid: t.tid, n: n, start: start, end: end, maxEnd: maxEnd, kind: kind,
             m: m, its: its, ikind: ikind, binW: binW, binTime: binTime, binMarks: binMarks };
  });

  // --- the page's elements ---------------------------------------------------
  const canvas = document.getElementById('canvas'), ctx = canvas.getContext('2d');
  const labels = document.getElementById('labels'), tooltip = document.getElementById('tooltip');
  const rangeText = document.getElementById('range');
  labels.style.paddingTop = AXIS_H + 'px';
  threads.forEach(function (t, r) {
    const div = document.createElement('div');
    div.className = 'row-label';
    div.dataset.row = String(r);
    div.dataset.tid = String(t.tid);
    div.style.height = ROW_H + 'px';
    div.style.lineHeight = (BAR_Y * 2 + BAR_H) + 'px';
    div.textContent = t.name;
    div.title = t.name;
    labels.appendChild(div);
  });

  let v0 = 0, v1 = D, width = 0;

  // --- time formatting ---------------------------------------------------------
  const UNITS = [[1e9, 's'], [1e6, 'ms'], [1e3, '\u00b5s'], [1, 'ns']];
  // A duration or time, with three significant decimals at most.
  function fmt(ns) {
    if (ns === 0) return '0';
    const a = Math.abs(ns);
    for (const [scale, unit] of UNITS) {
      if (a >= scale || scale === 1) {
        const rel = a / scale;
        return (ns / scale).toFixed(scale === 1 ? 0 : rel >= 100 ? 1 : rel >= 10 ? 2 : 3) + ' ' + unit;
      }
    }
    return ns + ' ns';
  }
  // The axis' labels: one unit for the whole axis (that of its far end),
  // with as many decimals as the tick step needs.
  function axisFormat(far, step) {
    let scale = 1, unit = 'ns';
    for (const [s, u] of UNITS) { if (Math.max(far, step) >= s) { scale = s; unit = u; break; } }
    let decimals = Math.max(0, Math.ceil(-Math.log10(step / scale) - 1e-9));
    if (decimals > 6) {
      for (const [s, u] of UNITS) { if (step >= s) { scale = s; unit = u; break; } }
      decimals = Math.max(0, Math.ceil(-Math.log10(step / scale) - 1e-9));
    }
    return function (t) { return t === 0 ? '0' : (t / scale).toFixed(decimals) + ' ' + unit; };
  }

  // --- drawing -------------------------------------------------------------------
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    width = Math.max(100, canvas.clientWidth);
    const height = AXIS_H + threads.length * ROW_H + 4;
    canvas.style.height = height + 'px';
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  function drawAxis(nsPerPx, height) {
    const target = nsPerPx * 110;
    let step = Math.pow(10, Math.floor(Math.log10(target)));
    for (const m of [1, 2, 5, 10]) { if (step * m >= target) { step *= m; break; } }
    step = Math.max(1, step);
    ctx.fillStyle = '#444'; ctx.font = '11px system-ui, sans-serif'; ctx.textBaseline = 'middle';
    ctx.strokeStyle = '#e6e6e6'; ctx.lineWidth = 1;
    const label = axisFormat(v1, step);
    for (let t = Math.ceil(v0 / step) * step; t <= v1; t += step) {
      const x = Math.round((t - v0) / nsPerPx) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, height); ctx.stroke();
      ctx.fillText(label(t), x + 3, AXIS_H / 2 - 2);
    }
    ctx.strokeStyle = '#bbb';
    ctx.beginPath(); ctx.moveTo(0, AXIS_H - 0.5); ctx.lineTo(width, AXIS_H - 0.5); ctx.stroke();
  }

  // Column accumulators, reused: time per class, and instant marks per kind.
  let colTime = new Float64Array(0), colMarks = new Uint8Array(0);

  function drawColumns(y, nsPerPx) {
    for (let x = 0; x < width; x++) {
      let yy = y + BAR_Y;
      for (let c = 0; c < 4; c++) {
        const t = colTime[x * 4 + c];
        if (t <= 0) continue;
        const h = Math.min(1, t / nsPerPx) * BAR_H;
        ctx.fillStyle = CLASS_COLOR[c];
        ctx.fillRect(x, yy, 1, h);
        yy += h;
      }
    }
  }

  function drawMarks(y) {
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < NK; k++) {
        if (!colMarks[x * NK + k]) continue;
        ctx.fillStyle = INSTANT_COLOR[k];
        // Three pixels wide: a lone mark must be visible.
        if (k < LANES) ctx.fillRect(x - 1, y + LANE_Y + k * LANE_H, 3, LANE_H);
        else ctx.fillRect(x, y + BAR_Y - 2, 2, BAR_H + 4);
      }
    }
  }

  // The first span that may end after t (spans are sorted by start).
  function firstEndingAfter(t, th) {
    let lo = 0, hi = th.n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (th.maxEnd[mid] <= t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function firstInstantAtOrAfter(t, th) {
    let lo = 0, hi = th.m;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (th.its[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function drawRow(th, r, nsPerPx) {
    const y = AXIS_H + r * ROW_H;
    colTime.fill(0); colMarks.fill(0);
    if (r % 2) { ctx.fillStyle = '#fbfbfb'; ctx.fillRect(0, y, width, ROW_H); }
    if (nsPerPx >= th.binW) {
      // Zoomed out: every pixel column sums whole overview bins.
      for (let x = 0; x < width; x++) {
        const a = v0 + x * nsPerPx, b = a + nsPerPx;
        const k0 = Math.max(0, Math.floor(a / th.binW)), k1 = Math.min(BINS, Math.ceil(b / th.binW));
        for (let k = k0; k < k1; k++) {
          const lo = Math.max(a, k * th.binW), hi = Math.min(b, (k + 1) * th.binW);
          if (hi <= lo) continue;
          const w = (hi - lo) / th.binW;
          for (let c = 0; c < 4; c++) colTime[x * 4 + c] += th.binTime[k * 4 + c] * w;
          for (let q = 0; q < NK; q++) if (th.binMarks[k * NK + q]) colMarks[x * NK + q] = 1;
        }
      }
      drawColumns(y, nsPerPx);
      drawMarks(y);
      return;
    }
    // Zoomed in: spans wider than a pixel are drawn as they are, narrower
    // ones add their time to their pixel column.
    let last = -1;
    for (let i = firstEndingAfter(v0, th); i < th.n && th.start[i] < v1; i++) {
      const a = Math.max(th.start[i], v0), b = Math.min(th.end[i], v1);
      if (!(b > a)) continue;
      const c = SPAN_CLASS[th.kind[i]] || 0;
      const x0 = (a - v0) / nsPerPx, x1 = (b - v0) / nsPerPx;
      if (x1 - x0 >= 1) {
        if (c !== last) { ctx.fillStyle = CLASS_COLOR[c]; last = c; }
        ctx.fillRect(x0, y + BAR_Y, x1 - x0, BAR_H);
      } else {
        const col = Math.min(width - 1, Math.floor(x0)), next = Math.floor(x1);
        if (next === col || next >= width) colTime[col * 4 + c] += b - a;
        else {
          const split = v0 + next * nsPerPx;
          colTime[col * 4 + c] += split - a;
          colTime[next * 4 + c] += b - split;
        }
      }
    }
    drawColumns(y, nsPerPx);
    for (let i = firstInstantAtOrAfter(v0, th); i < th.m && th.its[i] <= v1; i++) {
      const x = Math.min(width - 1, Math.floor((th.its[i] - v0) / nsPerPx));
      colMarks[x * NK + th.ikind[i]] = 1;
    }
    drawMarks(y);
  }

  let pending = false;
  function draw() {
    pending = false;
    const height = AXIS_H + threads.length * ROW_H + 4;
    ctx.clearRect(0, 0, width, height);
    const nsPerPx = (v1 - v0) / width;
    if (colTime.length !== width * 4) { colTime = new Float64Array(width * 4); colMarks = new Uint8Array(width * NK); }
    drawAxis(nsPerPx, height);
    threads.forEach(function (th, r) { drawRow(th, r, nsPerPx); });
    rangeText.textContent = fmt(v0) + ' \u2013 ' + fmt(v1) + '  (' + fmt(v1 - v0) + ' of ' + fmt(D) + ')';
    canvas.dataset.viewStart = String(Math.round(v0));
    canvas.dataset.viewEnd = String(Math.round(v1));
  }
  function redraw() { if (!pending) { pending = true; requestAnimationFrame(draw); } }

  // --- the view -------------------------------------------------------------
  const MIN_SPAN_NS = 50;
  function setView(a, b) {
    let w = Math.min(D, Math.max(MIN_SPAN_NS, b - a));
    a = Math.max(0, Math.min(D - w, a));
    v0 = a; v1 = a + w;
    redraw();
  }
  function zoom(factor, centerNs) {
    const c = centerNs === undefined ? (v0 + v1) / 2 : centerNs;
    setView(c - (c - v0) * factor, c + (v1 - c) * factor);
  }
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(2); });
  document.getElementById('zoom-reset').addEventListener('click', function () { setView(0, D); });

  function timeAt(clientX) {
    const rect = canvas.getBoundingClientRect();
    return v0 + (clientX - rect.left) * (v1 - v0) / width;
  }
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
    zoom(Math.exp(Math.max(-2, Math.min(2, delta * 0.002))), timeAt(e.clientX));
  }, { passive: false });

  let drag = null;
  canvas.addEventListener('mousedown', function (e) {
    drag = { x: e.clientX, v0: v0, v1: v1 };
    canvas.classList.add('dragging');
    hideTooltip();
  });
  window.addEventListener('mouseup', function () { drag = null; canvas.classList.remove('dragging'); });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    const shift = (drag.x - e.clientX) * (drag.v1 - drag.v0) / width;
    setView(drag.v0 + shift, drag.v1 + shift);
  });
  window.addEventListener('keydown', function (e) {
    if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA')) return;
    if (e.key === '+' || e.key === '=') zoom(0.5);
    else if (e.key === '-') zoom(2);
    else if (e.key === '0') setView(0, D);
  });

  // --- the tooltip ------------------------------------------------------------
  function spanAt(th, t) {
    let lo = 0, hi = th.n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (th.start[mid] <= t) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && th.maxEnd[i] > t; i--) {
      if (th.start[i] <= t && t < th.end[i]) return i;
    }
    return -1;
  }
  function describeSpan(th, i) {
    const name = span_names[th.kind[i]] || 'span';
    const lines = [name, 'thread   ' + th.name,
                   'start    ' + fmt(th.start[i]), 'duration ' + fmt(th.end[i] - th.start[i])];
    if (name.indexOf('blocked: ') === 0) lines.push('cause    ' + name.slice(9));
    return lines;
  }
  function hideTooltip() { tooltip.style.display = 'none'; tooltip.dataset.kind = ''; }
  canvas.addEventListener('mouseleave', hideTooltip);
  canvas.addEventListener('mousemove', function (e) {
    if (drag) return;
    const rect = canvas.getBoundingClientRect();
    const x = e.clientX - rect.left, y = e.clientY - rect.top;
    const r = Math.floor((y - AXIS_H) / ROW_H);
    if (y < AXIS_H || r < 0 || r >= threads.length) { hideTooltip(); return; }
    const th = threads[r], nsPerPx = (v1 - v0) / width, t = v0 + x * nsPerPx;
    let lines = [], kind = '';
    // An instant within 3 pixels takes precedence: marks are small targets.
    const j = firstInstantAtOrAfter(t - 3 * nsPerPx, th);
    if (j < th.m && th.its[j] <= t + 3 * nsPerPx) {
      let count = 0;
      for (let k = j; k < th.m && th.its[k] <= t + 3 * nsPerPx; k++) count++;
      kind = instant_names[th.ikind[j]] || 'instant';
      lines = [kind, 'thread   ' + th.name, 'at       ' + fmt(th.its[j])];
      if (count > 1) lines.push('(' + count + ' marks within 3 px)');
    } else {
      const i = spanAt(th, t);
      if (i < 0) { hideTooltip(); return; }
      kind = span_names[th.kind[i]] || 'span';
      lines = describeSpan(th, i);
      if ((th.end[i] - th.start[i]) < nsPerPx) lines.push('(narrower than a pixel: zoom in)');
    }
    tooltip.textContent = lines.join('\n');
    tooltip.dataset.kind = kind;
    tooltip.style.display = 'block';
    const tw = tooltip.offsetWidth, tx = e.clientX + 14 + tw > window.innerWidth ? e.clientX - tw - 10 : e.clientX + 14;
    tooltip.style.left = tx + 'px';
    tooltip.style.top = (e.clientY + 14) + 'px';
  });

  // --- what tests (and curious readers, from the console) can ask --------------
  window.gilvmReport = {
    rows: function () { return threads.map(function (t) { return t.name; }); },
    view: function () { return { start_ns: v0, end_ns: v1 }; },
    durationNs: D,
    setView: setView,
    zoom: zoom,
    // The first span of the named kind in row r at least minNs long that
    // starts at or after afterNs: {start_ns, end_ns}, or null.
    findSpan: function (r, kindName, minNs, afterNs) {
      const th = threads[r];
      for (let i = 0; th && i < th.n; i++) {
        if (th.start[i] < (afterNs || 0)) continue;
        if (span_names[th.kind[i]] === kindName && th.end[i] - th.start[i] >= (minNs || 0))
          return { start_ns: th.start[i], end_ns: th.end[i] };
      }
      return null;
    },
    // The page coordinates of time t in the middle of row r's bar.
    pointAt: function (r, t) {
      const rect = canvas.getBoundingClientRect();
      return { x: rect.left + (t - v0) * width / (v1 - v0), y: rect.top + AXIS_H + r * ROW_H + BAR_Y + BAR_H / 2 };
    },
    drawNow: function () { draw(); },
  };

  window.addEventListener('resize', function () { resize(); redraw(); });
  resize();
  draw();
  document.body.dataset.ready = '1';
})();
)JS";

// Appends v in decimal (std::to_chars: no locale, no allocation).
void append_int(std::string* out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void append_data(std::string* out, const Trace& trace, const Summary& summary) {
  *out += "{\"duration_ns\":";
  append_int(out, trace.duration_ns);
  *out += ",\"span_kinds\":[";
  for (int k = 0; k < kSpanKindCount; ++k) {
    if (k) *out += ',';
    *out += script_json_string(kSpanKindNames[k]);
  }
  *out += "],\"instant_kinds\":[";
  for (int k = 0; k < kInstantKindCount; ++k) {
    if (k) *out += ',';
    *out += script_json_string(kInstantKindNames[k]);
  }
  *out += "],\"instant_colors\":[";
  for (int k = 0; k < kInstantKindCount; ++k) {
    if (k) *out += ',';
    *out += script_json_string(kInstantKindColors[k]);
  }
  *out += "],\"instant_lanes\":" + std::to_string(kCounterInstantCount);
  *out += ",\"threads\":[";
  for (size_t t = 0; t < trace.threads.size(); ++t) {
    const ThreadTrace& th = trace.threads[t];
    if (t) *out += ",\n";
    *out += "{\"name\":" + script_json_string(summary.threads[t].label) + ",\"tid\":";
    append_int(out, th.tid);
    *out += ",\"s\":[";
    int64_t prev_end = 0;
    bool first = true;
    for (const Span& s : th.spans) {
      if (!first) *out += ',';
      first = false;
      append_int(out, s.start_ns - prev_end);
      *out += ',';
      append_int(out, s.dur_ns);
      *out += ',';
      append_int(out, static_cast<int>(s.kind));
      prev_end = s.start_ns + s.dur_ns;
    }
    *out += "],\"i\":[";
    int64_t prev = 0;
    first = true;
    for (const Instant& i : th.instants) {
      if (!first) *out += ',';
      first = false;
      append_int(out, i.ts_ns - prev);
      *out += ',';
      append_int(out, static_cast<int>(i.kind));
      prev = i.ts_ns;
    }
    *out += "]}";
  }
  *out += "]}";
}

std::string with_commas(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return v < 0 ? "-" + out : out;
}

std::string percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, " (%.0f%%)",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

// One <td> holding a duration; data-ns keeps the exact value for scripts.
std::string duration_cell(int64_t ns, int64_t whole) {
  return "<td class=\"num\" data-ns=\"" + std::to_string(ns) + "\">" +
         html_escape(format_duration(ns)) + percent(ns, whole) + "</td>";
}

std::string count_cell(int64_t n) {
  return "<td class=\"num\" data-n=\"" + std::to_string(n) + "\">" + with_commas(n) + "</td>";
}

// The report's labels of the counters that the trace records as instants
// (gil/counters.h), each between `open` and `close`, separated by `sep`:
// the summary table's headers and the timeline's help.
std::string counter_instant_labels(const char* open, const char* close, const char* sep) {
  std::string out;
#define GILVM_LABEL_(field, header, label, unit, combine, show, bench, instant) \
  GILVM_IF_INSTANT(instant, GILVM_LABEL_ROW_, label)
#define GILVM_LABEL_ROW_(label, ...) \
  if (!out.empty()) out += sep;      \
  out += std::string(open) + label + close;
  GILVM_GIL_COUNTERS(GILVM_LABEL_)
#undef GILVM_LABEL_ROW_
#undef GILVM_LABEL_
  return out;
}

void append_summary_row(std::string* out, const ThreadSummary& s, int64_t duration, bool total) {
  *out += total ? "<tr class=\"total\">" : "<tr>";
  *out += "<td class=\"name\">" + html_escape(s.label) + "</td>";
  *out += duration_cell(s.running_ns, total ? 0 : duration);
  *out += duration_cell(s.waiting_ns, total ? 0 : duration);
  *out += duration_cell(s.blocked_ns, total ? 0 : duration);
  *out += count_cell(s.acquisitions);
  for (int k = 0; k < kCounterInstantCount; ++k) *out += count_cell(s.instants[k]);
  *out += count_cell(s.waits);
  *out += duration_cell(s.wait_p50_ns, 0);
  *out += duration_cell(s.wait_p99_ns, 0);
  *out += duration_cell(s.wait_max_ns, 0);
  *out += "</tr>\n";
}

void append_summary_table(std::string* out, const Trace& trace, const Summary& summary) {
  *out +=
      "<table class=\"summary\" id=\"summary\">\n<thead><tr><th>thread</th><th>running</th>"
      "<th>waiting for GIL</th><th>blocked</th><th>acquisitions</th>";
  *out += counter_instant_labels("<th>", "</th>", "");
  *out +=
      "<th>waits</th><th>wait p50</th><th>wait p99</th><th>wait max</th></tr></thead>\n<tbody>\n";
  for (const ThreadSummary& s : summary.threads)
    append_summary_row(out, s, trace.duration_ns, false);
  if (summary.threads.size() > 1) append_summary_row(out, summary.total, trace.duration_ns, true);
  *out += "</tbody></table>\n";
}

void append_meta(std::string* out, const char* term, const std::string& value) {
  if (value.empty()) return;
  *out += "<dt>";
  *out += term;
  *out += "</dt><dd>" + html_escape(value) + "</dd>\n";
}

std::string legend_item(const char* color, const char* text, bool mark) {
  return std::string("<span><i") + (mark ? " class=\"mark\"" : "") +
         " style=\"background:" + color + "\"></i>" + text + "</span>";
}

}  // namespace

std::string format_duration(int64_t ns) {
  char buf[48];
  double v = static_cast<double>(ns);
  double a = v < 0 ? -v : v;
  if (a >= 1e9)
    std::snprintf(buf, sizeof buf, "%.3f s", v / 1e9);
  else if (a >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3f ms", v / 1e6);
  else if (a >= 1e3)
    std::snprintf(buf, sizeof buf, "%.3f \xc2\xb5s", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%" PRId64 " ns", ns);
  return buf;
}

std::string report_page(const Trace& trace, const Summary& summary, std::string_view source) {
  std::string out;
  // The data dominates: about 8 bytes a span and 4 an instant.
  size_t spans = 0, instants = 0;
  for (const ThreadTrace& t : trace.threads) {
    spans += t.spans.size();
    instants += t.instants.size();
  }
  out.reserve(64 * 1024 + spans * 12 + instants * 6);

  std::string title = "GIL trace";
  if (!trace.policy.empty()) title += " (" + trace.policy + ")";
  title += ": " + std::string(source);

  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"generator\" content=\"gilvm report\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n";
  if (trace.truncated) {
    out +=
        "<div class=\"warning\" id=\"truncated\"><strong>Truncated trace.</strong> A thread "
        "reached the "
        "trace size limit (--trace-limit) and stopped recording";
    if (trace.dropped_events > 0)
      out += ": " + with_commas(trace.dropped_events) + " events were not recorded";
    out +=
        ". Time after a thread's \"trace limit reached\" mark is missing from its row and from the "
        "summary.</div>\n";
  }
  out += "<dl class=\"meta\">\n";
  append_meta(&out, "policy", trace.policy.empty() ? "(not recorded)" : trace.policy);
  append_meta(&out, "parameters", trace.parameters);
  append_meta(&out, "command line", trace.command_line);
  append_meta(&out, "duration", format_duration(trace.duration_ns));
  append_meta(&out, "events",
              with_commas(trace.events) + " in " + std::to_string(trace.threads.size()) +
                  (trace.threads.size() == 1 ? " thread" : " threads") +
                  (trace.ignored_events
                       ? " (" + with_commas(trace.ignored_events) + " of unknown kinds ignored)"
                       : ""));
  out += "</dl>\n";

  out +=
      "<section id=\"timeline-section\">\n<h2>Timeline</h2>\n<div class=\"toolbar\">"
      "<button id=\"zoom-out\" title=\"zoom out (-)\">\xe2\x88\x92</button>"
      "<button id=\"zoom-in\" title=\"zoom in (+)\">+</button>"
      "<button id=\"zoom-reset\" title=\"whole trace (0)\">whole trace</button>"
      "<span id=\"range\"></span></div>\n";
  out += "<div class=\"legend\">";
  out += legend_item("#2ca02c", "running (holds the GIL)", false);
  out += legend_item("#d62728", "waiting for the GIL", false);
  out += legend_item("#1f77b4", "blocked (lock, join, I/O…)", false);
  out += legend_item("#a3a3a3", "blocked: sleep", false);
  for (int k = 0; k < kCounterInstantCount; ++k)
    out += legend_item(kInstantKindColors[k], kInstantKindNames[k], true);
  out += legend_item("#17becf", "thread start / end", true);
  out += legend_item("#bcbd22", "trace limit reached", true);
  out += "</div>\n";
  out +=
      "<div class=\"timeline\"><div id=\"labels\"></div><div id=\"plot\"><canvas "
      "id=\"canvas\"></canvas>"
      "</div></div>\n<div id=\"tooltip\"></div>\n";
  out +=
      "<p class=\"help\">Scroll to zoom around the pointer (or use + and \xe2\x88\x92), drag to "
      "pan, hover "
      "for details. Where spans are narrower than a pixel, each pixel column shows the share of "
      "its time "
      "spent running, waiting and blocked, stacked in that order. Marks under a bar, one lane "
      "each: " +
      counter_instant_labels("", "", ", ") + ".</p>\n</section>\n";

  out += "<h2>Summary</h2>\n";
  append_summary_table(&out, trace, summary);
  out +=
      "<p class=\"help\">Acquisitions count the thread's <em>running</em> spans. Wait latencies "
      "are the "
      "durations of its <em>waiting for GIL</em> spans (nearest-rank percentiles). Percentages are "
      "of "
      "the trace's duration.</p>\n";

  out += "<script type=\"application/json\" id=\"gilvm-data\">";
  append_data(&out, trace, summary);
  out += "</script>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace gilvm::report
