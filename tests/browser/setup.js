// Makes sure the browser tests can run: Debian's chromium (apt-get, as
// root) and playwright-core (npm ci, from package-lock.json). Both are
// installed on first use so that `make test` works on a fresh Debian 12
// machine with only Node.js and npm. Exits 77 (ctest's "skipped") when
// chromium is missing and cannot be installed because we are not root.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;

function run(cmd, args, options) {
  console.log('+ ' + [cmd].concat(args).join(' '));
  const r = spawnSync(cmd, args, Object.assign({ stdio: 'inherit' }, options));
  return r.status === 0;
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.log(`SKIPPED: ${CHROMIUM} is missing and installing it needs root: sudo apt-get install chromium`);
    process.exit(SKIP);
  }
  const env = Object.assign({}, process.env, { DEBIAN_FRONTEND: 'noninteractive' });
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: env });
  // The package lists of a fresh machine may be empty or stale: update and retry once.
  if (!install() && !(run('apt-get', ['update'], { env: env }) && install())) {
    throw new Error('could not install chromium with apt-get');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

function ensurePlaywright() {
  const here = __dirname;
  if (fs.existsSync(path.join(here, 'node_modules', 'playwright-core', 'package.json'))) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  if (!run(npm, ['ci'].concat(quiet), { cwd: here }) && !run(npm, ['install'].concat(quiet), { cwd: here })) {
    throw new Error('npm could not install playwright-core in ' + here);
  }
}

// Returns playwright-core's chromium launcher, installing what is missing.
function setup() {
  ensureChromium();
  ensurePlaywright();
  return require(path.join(__dirname, 'node_modules', 'playwright-core')).chromium;
}

async function launch() {
  const chromium = setup();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
           '--disable-background-networking'],
  });
}

module.exports = { setup, launch, SKIP };

if (require.main === module) {
  setup();
  console.log('chromium and playwright-core are ready');
}
