#!/usr/bin/env node
// The pictures of docs/seeing-the-gil.md: records the seed's two-thread
// countdown under each GIL policy (and the convoy scene under interval),
// turns each trace into a report, and saves the timeline, whole and zoomed,
// as PNGs. Prints each report's summary so that the guide quotes measured
// numbers. `make screenshots` runs it.
//
// The convoy pictures come from `gilvm bench convoy`: a short traced run of
// its echo server beside one CPU-bound thread, and its chart (of
// --convoy-chart PAGE when given, e.g. a full run's; else of a short run).
//
//   node tests/browser/screenshot.js --gilvm build/gilvm --out docs/images [--work build/screenshots]
//        [--convoy-chart build/convoy.html]
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { launch } = require('./setup.js');

const ROOT = path.resolve(__dirname, '..', '..');
const COUNT = '20000000';  // legacy: ~0.3 s and ~2.4 million events; more would pass the trace limit

function parseArgs() {
  const a = { gilvm: path.join(ROOT, 'build', 'gilvm'), out: path.join(ROOT, 'docs', 'images'),
              work: path.join(ROOT, 'build', 'screenshots'), 'convoy-chart': '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in a) || i + 1 >= argv.length) {
      console.error('usage: screenshot.js [--gilvm PATH] [--out DIR] [--work DIR] [--convoy-chart PAGE]');
      process.exit(2);
    }
    a[key] = path.resolve(argv[++i]);
  }
  return a;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

// Records `script` under `policy` and writes its report; returns the summary.
function record(args, name, policy, script, scriptArgs) {
  const trace = path.join(args.work, `${name}.json`);
  const html = path.join(args.work, `${name}.html`);
  const summary = path.join(args.work, `${name}.summary.json`);
  const r = run(args.gilvm, [`--gil=${policy}`, `--trace=${trace}`, script].concat(scriptArgs));
  process.stdout.write(`\n== ${name}: ${r.stdout}`);
  const rep = run(args.gilvm, ['report', trace, '-o', html, '--summary-json', summary]);
  process.stdout.write(rep.stdout);
  fs.rmSync(trace);
  return { html: html, summary: JSON.parse(fs.readFileSync(summary, 'utf8')) };
}

// The echo server of `gilvm bench convoy` under interval with one CPU-bound
// thread, traced; returns its report as record() does.
function recordConvoy(args) {
  const dir = path.join(args.work, 'convoy-traces');
  fs.rmSync(dir, { recursive: true, force: true });
  const r = run(args.gilvm, ['bench', 'convoy', '--gil=interval', '--threads=1', '--sizes=1',
                             '--transports=tcp', '--duration', '0.3', '--no-python3', '--trace', dir]);
  process.stdout.write(`\n== convoy-interval (bench convoy --trace):\n${r.stdout}`);
  const trace = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.json')));
  const html = path.join(args.work, 'convoy-interval.html');
  const summary = path.join(args.work, 'convoy-interval.summary.json');
  const rep = run(args.gilvm, ['report', trace, '-o', html, '--summary-json', summary]);
  process.stdout.write(rep.stdout);
  return { html: html, summary: JSON.parse(fs.readFileSync(summary, 'utf8')) };
}

// The chart page of a bench convoy run (a short one unless given).
function convoyChart(args) {
  if (args['convoy-chart']) return args['convoy-chart'];
  const html = path.join(args.work, 'convoy-chart.html');
  run(args.gilvm, ['bench', 'convoy', '--duration', '0.5', '--html', html]);
  return html;
}

async function shoot(page, file, view) {
  await page.evaluate((v) => {
    const r = window.gilvmReport;
    if (v) r.setView(v[0], v[1]); else r.setView(0, r.durationNs);
    r.drawNow();
  }, view || null);
  await page.mouse.move(0, 0);
  await page.locator('#timeline-section').screenshot({ path: file });
  const v = await page.evaluate(() => window.gilvmReport.view());
  console.log(`   ${path.relative(ROOT, file)}: ${((v.end_ns - v.start_ns) / 1e3).toFixed(1)} µs from ` +
              `${(v.start_ns / 1e6).toFixed(3)} ms`);
}

async function open(browser, html) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('pageerror', (e) => { throw e; });
  await page.goto('file://' + html);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });
  return page;
}

async function main() {
  const args = parseArgs();
  fs.mkdirSync(args.out, { recursive: true });
  fs.mkdirSync(args.work, { recursive: true });
  const countdown = path.join(ROOT, 'examples', 'countdown_threads.py');
  const legacy = record(args, 'legacy-countdown', 'legacy', countdown, [COUNT]);
  const interval = record(args, 'interval-countdown', 'interval', countdown, [COUNT]);
  const scene = path.join(__dirname, 'three_policies_scene.py');
  const three = ['legacy', 'interval', 'fair'].map(
      (p) => [p, record(args, `three-${p}`, p, scene, [COUNT, '200'])]);
  const convoy = recordConvoy(args);
  const chart = convoyChart(args);

  const browser = await launch();
  try {
    let page = await open(browser, legacy.html);
    await shoot(page, path.join(args.out, 'legacy-countdown.png'));
    const mid = legacy.summary.duration_ns / 2;
    await shoot(page, path.join(args.out, 'legacy-countdown-zoom.png'), [mid, mid + 200e3]);
    await page.close();

    page = await open(browser, interval.html);
    await shoot(page, path.join(args.out, 'interval-countdown.png'));
    // A hand-over between the two counting threads, half-way through: the
    // drop request, the release, the forced switch.
    const t = await page.evaluate(() => {
      const rep = window.gilvmReport, rows = rep.rows();
      const r = rows.findIndex((n) => n.indexOf('countdown') >= 0);
      const s = rep.findSpan(r, 'running (holds GIL)', 1e6, rep.durationNs / 2);
      return s ? s.start_ns : rep.durationNs / 2;
    });
    await shoot(page, path.join(args.out, 'interval-countdown-zoom.png'), [t - 150e3, t + 50e3]);
    await page.close();

    // The same program under each policy, 20 ms a third of the way in.
    for (const [policy, rec] of three) {
      page = await open(browser, rec.html);
      const at = rec.summary.duration_ns / 3;
      await shoot(page, path.join(args.out, `three-${policy}.png`), [at, at + 20e6]);
      await page.close();
    }

    page = await open(browser, convoy.html);
    await shoot(page, path.join(args.out, 'convoy-interval.png'));
    // 25 ms in the middle of the traffic: a few round trips.
    const half = convoy.summary.duration_ns / 2;
    await shoot(page, path.join(args.out, 'convoy-interval-zoom.png'), [half, half + 25e6]);
    await page.close();

    page = await browser.newPage({ viewport: { width: 1100, height: 1200 } });
    page.on('pageerror', (e) => { throw e; });
    await page.goto('file://' + path.resolve(chart));
    // The panels only: the page's table repeats the numbers of docs/benchmarks.md.
    const table = await page.locator('table').first().boundingBox();
    await page.screenshot({ path: path.join(args.out, 'convoy-chart.png'),
                            clip: { x: 0, y: 0, width: 1100, height: Math.ceil(table.y) } });
    console.log(`   ${path.relative(ROOT, path.join(args.out, 'convoy-chart.png'))}: ${chart}`);
    await page.close();
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
