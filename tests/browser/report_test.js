#!/usr/bin/env node
// Opens what `gilvm report` and `gilvm bench seed --html` write in headless
// Chromium and checks what a reader would see: one row per thread, zoom,
// pan and the tooltip working, hostile thread names shown as text with no
// script run, the seed chart drawn, and no console or page errors.
//
//   node tests/browser/report_test.js --gilvm build/gilvm --out build
//
// Screenshots and pages are left in --out (report-legacy.png, ...). Installs
// chromium and playwright-core on first use (setup.js). Exit status: 0 ok,
// 1 a check failed, 77 skipped (chromium missing and we are not root).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { launch } = require('./setup.js');

const ROOT = path.resolve(__dirname, '..', '..');
const HOSTILE = '<img src=x onerror=alert(1)>';

function parseArgs() {
  const args = { gilvm: path.join(ROOT, 'build', 'gilvm'), out: path.join(ROOT, 'build') };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--gilvm') args.gilvm = path.resolve(argv[++i]);
    else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else { console.error('usage: report_test.js [--gilvm PATH] [--out DIR]'); process.exit(2); }
  }
  return args;
}

const failures = [];
function check(condition, message) {
  if (!condition) { failures.push(message); console.log('  FAIL: ' + message); }
  return condition;
}

function run(cmd, args, what, okStatuses) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300000, maxBuffer: 64 << 20 });
  const seconds = ((Date.now() - t0) / 1000).toFixed(2);
  console.log(`  ${what}: exit ${r.status} in ${seconds} s`);
  if (!(okStatuses || [0]).includes(r.status)) {
    throw new Error(`${what} failed (exit ${r.status}, ${r.error || ''}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

// A page with listeners for everything that must not happen.
async function openPage(browser, file, problems) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('dialog', async (d) => { problems.push(`dialog (${d.type()}): ${d.message()}`); await d.dismiss(); });
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push('network request: ' + r.url()); });
  const t0 = Date.now();
  await page.goto('file://' + file);
  return { page, t0 };
}

async function waitReady(page, t0, what) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });
  console.log(`  ${what}: ready in ${Date.now() - t0} ms`);
}

async function checkTimeline(browser, opts) {
  const { html, summaryFile, expectedRows, screenshot, what } = opts;
  console.log(`${what}:`);
  const problems = [];
  const { page, t0 } = await openPage(browser, html, problems);
  await waitReady(page, t0, what);
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));

  // One row per thread, in the summary's order, labelled with its name as text.
  const rows = await page.evaluate(() => window.gilvmReport.rows());
  const labels = await page.$$eval('#labels .row-label', (els) => els.map((e) => e.textContent));
  check(JSON.stringify(rows) === JSON.stringify(summary.threads.map((t) => t.name)),
        `rows ${JSON.stringify(rows)} differ from the summary's threads`);
  check(JSON.stringify(labels) === JSON.stringify(rows), `row labels ${JSON.stringify(labels)} differ from rows`);
  for (const name of expectedRows) check(rows.includes(name), `no row for thread ${JSON.stringify(name)}`);
  const injected = await page.$$eval('img, iframe, object, embed', (els) => els.length);
  check(injected === 0, `${injected} elements injected by thread names`);
  const scripts = await page.$$eval('script', (els) => els.length);
  check(scripts === 2, `${scripts} <script> elements, expected 2 (data and code)`);

  // Zoom with the button, then with the wheel: the visible range must shrink.
  const full = await page.evaluate(() => window.gilvmReport.view());
  check(full.start_ns === 0 && full.end_ns > 0, `initial view ${JSON.stringify(full)}`);
  await page.click('#zoom-in');
  await page.waitForFunction((w) => {
    const v = window.gilvmReport.view();
    return v.end_ns - v.start_ns < w * 0.75;
  }, full.end_ns - full.start_ns, { timeout: 5000 }).catch(() => {});
  const zoomed = await page.evaluate(() => window.gilvmReport.view());
  check(zoomed.end_ns - zoomed.start_ns < (full.end_ns - full.start_ns) * 0.75,
        `+ did not zoom in: ${JSON.stringify(full)} -> ${JSON.stringify(zoomed)}`);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + 40);
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(200);
  const wheeled = await page.evaluate(() => window.gilvmReport.view());
  check(wheeled.end_ns - wheeled.start_ns < (zoomed.end_ns - zoomed.start_ns) * 0.9,
        `the wheel did not zoom in: ${JSON.stringify(zoomed)} -> ${JSON.stringify(wheeled)}`);
  const rangeText = await page.textContent('#range');
  check(/\d/.test(rangeText) && /(ns|µs|ms|s)\b/.test(rangeText), `range text ${JSON.stringify(rangeText)}`);
  // Drag to pan: same width, later start.
  await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + 40, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(100);
  const panned = await page.evaluate(() => window.gilvmReport.view());
  check(panned.start_ns > wheeled.start_ns &&
        Math.abs((panned.end_ns - panned.start_ns) - (wheeled.end_ns - wheeled.start_ns)) < 2,
        `dragging did not pan: ${JSON.stringify(wheeled)} -> ${JSON.stringify(panned)}`);

  // Hover over a running span made wide: the tooltip names it.
  const row = opts.hoverRow;
  const span = await page.evaluate((r) => window.gilvmReport.findSpan(r, 'running (holds GIL)', 1000), row);
  if (check(span !== null, `no running span of 1 µs or more in row ${row}`)) {
    const width = span.end_ns - span.start_ns;
    await page.evaluate((s) => { window.gilvmReport.setView(s.start_ns - (s.end_ns - s.start_ns) * 0.5,
                                                             s.end_ns + (s.end_ns - s.start_ns) * 0.5);
                                 window.gilvmReport.drawNow(); }, span);
    const p = await page.evaluate((a) => window.gilvmReport.pointAt(a.r, a.t),
                                  { r: row, t: span.start_ns + width / 2 });
    await page.mouse.move(p.x, p.y);
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    const visible = await tip.isVisible();
    const text = visible ? await tip.textContent() : '';
    check(visible && text.startsWith('running') && text.includes(rows[row]) && /duration/.test(text),
          `tooltip over a running span: visible ${visible}, text ${JSON.stringify(text)}`);
  }
  if (opts.blockedRow !== undefined) {
    const sleep = await page.evaluate((r) => window.gilvmReport.findSpan(r, 'blocked: sleep', 0), opts.blockedRow);
    check(sleep !== null, `no "blocked: sleep" span in row ${opts.blockedRow}`);
  }

  await page.evaluate(() => { window.gilvmReport.setView(0, window.gilvmReport.durationNs); window.gilvmReport.drawNow(); });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`  screenshot: ${screenshot}`);
  for (const p of problems) check(false, `${what}: ${p}`);
  await page.close();
}

async function checkSeedChart(browser, html, screenshot) {
  console.log('seed chart:');
  const problems = [];
  const { page } = await openPage(browser, html, problems);
  const bars = await page.$$eval('rect.bar', (els) => els.map((e) => ({
    series: e.dataset.series, kase: e.dataset.case, cpus: e.dataset.cpus, ratio: Number(e.dataset.ratio),
    height: e.getBoundingClientRect().height })));
  const series = [...new Set(bars.map((b) => b.series))];
  const cases = [...new Set(bars.map((b) => b.kase))];
  console.log(`  ${bars.length} bars; series ${JSON.stringify(series)}; cases ${JSON.stringify(cases)}`);
  check(series.includes('gilvm legacy') && series.includes('gilvm interval'), `series ${JSON.stringify(series)}`);
  check(cases.includes('sequential') && cases.includes('2 threads'), `cases ${JSON.stringify(cases)}`);
  check(bars.length > 0 && bars.every((b) => b.ratio > 0 && b.height > 0), 'no bars, or one with no ratio or height');
  const panels = await page.$$eval('svg.panel', (els) => els.map((e) => e.dataset.cpus));
  check(JSON.stringify(panels) === '["all","one"]', `panels ${JSON.stringify(panels)}`);
  const published = await page.$$eval('g.published', (els) => els.length);
  check(published >= 4, `${published} published marks, expected Beazley's 5`);
  const sequential = await page.$$eval('line.sequential', (els) => els.length);
  check(sequential === panels.length, `${sequential} lines at 1.0 for ${panels.length} panels`);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`  screenshot: ${screenshot}`);
  for (const p of problems) check(false, `seed chart: ${p}`);
  await page.close();
}

async function main() {
  const args = parseArgs();
  const work = path.join(args.out, 'browser-test');
  fs.mkdirSync(work, { recursive: true });
  const browser = await launch();
  try {
    const scene = path.join(__dirname, 'gil_scene.py');
    for (const policy of ['legacy', 'interval']) {
      const trace = path.join(work, `${policy}.json`);
      const html = path.join(work, `report-${policy}.html`);
      const summary = path.join(work, `report-${policy}.summary.json`);
      run(args.gilvm, [`--gil=${policy}`, `--trace=${trace}`, scene], `gilvm --gil=${policy} --trace gil_scene.py`);
      run(args.gilvm, ['report', trace, '-o', html, '--summary-json', summary, '--quiet'], 'gilvm report');
      fs.rmSync(trace);  // tens of megabytes under legacy; the page holds what is checked
      const rows = JSON.parse(fs.readFileSync(summary, 'utf8')).threads.map((t) => t.name);
      await checkTimeline(browser, {
        what: `${policy} report`, html: html, summaryFile: summary,
        expectedRows: ['MainThread', 'countdown-1', 'countdown-2', 'sleeper', HOSTILE],
        hoverRow: rows.indexOf('countdown-1'), blockedRow: rows.indexOf('sleeper'),
        screenshot: path.join(args.out, `report-${policy}.png`),
      });
    }

    // Hostile names of every kind, from the synthetic generator.
    const synthetic = path.join(work, 'hostile.json');
    run('python3', [path.join(ROOT, 'tests', 'report', 'make_synthetic_trace.py'), '-o', synthetic,
                    '--hostile', '--truncated', '--threads', '4'], 'make_synthetic_trace.py --hostile');
    const hostileHtml = path.join(work, 'report-hostile.html');
    const hostileSummary = path.join(work, 'report-hostile.summary.json');
    run(args.gilvm, ['report', synthetic, '-o', hostileHtml, '--summary-json', hostileSummary, '--quiet'],
        'gilvm report (hostile)');
    await checkTimeline(browser, {
      what: 'hostile names', html: hostileHtml, summaryFile: hostileSummary,
      expectedRows: ['<script>alert(1)</script>', '"quotes" & ampersands', HOSTILE,
                     "</script><script>alert('x')</script>"],
      hoverRow: 1, screenshot: path.join(args.out, 'report-hostile.png'),
    });

    const seedHtml = path.join(args.out, 'seed-chart.html');
    // Exit 1 means some run failed (its row is drawn as "failed"): bench
    // seed's own test judges the runs; this one judges the chart.
    fs.rmSync(seedHtml, { force: true });
    const seed = run(args.gilvm, ['bench', 'seed', '--count', '200000', '--repeat', '1', '--html', seedHtml],
                     'gilvm bench seed --html', [0, 1]);
    if (seed.status !== 0) console.log('  (some bench runs failed:)\n' + seed.stderr.split('\n').filter((l) => /FAILED/.test(l)).join('\n'));
    check(fs.existsSync(seedHtml), 'bench seed --html wrote no page');
    await checkSeedChart(browser, seedHtml, path.join(args.out, 'seed-chart.png'));
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(`\n${failures.length} check(s) failed:\n  ` + failures.join('\n  '));
    process.exit(1);
  }
  console.log('\nall browser checks passed');
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
