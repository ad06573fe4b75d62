// Finds a Chromium for the E2E tests, the bench and the screenshot scripts, and provisions one when the machine has
// none (`npm test` on a fresh machine must pass): CHROMIUM_PATH, the system browsers, Playwright's own cache, then
// `playwright install chromium`, then apt-get on Debian/Ubuntu as root. One module serves every caller.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Names of system browsers, looked up on PATH (and in /usr/bin, which a trimmed PATH may lack). */
export const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Features Playwright's own launcher turns off (playwright-core's chromiumSwitches.ts, 1.65), repeated here because
 * Chromium keeps only the last `--disable-features` on its command line: ours comes after Playwright's, so it must
 * carry Playwright's list too (chromium.test.ts launches a browser and checks that nothing of Playwright's is lost).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium's headless mode still builds the browser's own WebUI (the omnibox popup, the toolbar) in a renderer of
 * its own, and preloads it some time after launch: traced here, that renderer took 2.4–3.1 s of CPU while a page of
 * ours loaded (2 of 3 traces), on a machine of 2 cores. A headless browser has no omnibox or toolbar to show.
 */
export const HEADLESS_DISABLED_FEATURES = [
  'InitialWebUI',
  'WebUIToolbarProcessOverheadExperiment',
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

/** Flags for headless runs here: no sandbox (containers, root), software raster (no GPU), nothing phoning home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HEADLESS_DISABLED_FEATURES].join(',')}`,
];

export class ChromiumNotFound extends Error {
  constructor(message) {
    super(message);
    this.name = 'ChromiumNotFound';
  }
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The real machine, injectable for tests. */
export const realSystem = {
  env: process.env,
  isExecutable,
  exists: existsSync,
  listDir(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  readFile(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  uid: () => (typeof process.getuid === 'function' ? process.getuid() : -1),
  home: () => os.homedir(),
  /**
   * Runs a command with its progress hidden (apt and Playwright print hundreds of lines); returns its exit status
   * (null if it did not start) and its last output line, for the one-line summary of a failure.
   */
  run(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs,
      env: opts.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim());
    const last = lines.filter((l) => /error|fail|unable|denied|could not/i.test(l)).pop() ?? '';
    return { status: r.error ? null : r.status, last: r.error ? r.error.message : last };
  },
  log: (line) => console.error(line),
};

function onPath(name, sys) {
  const dirs = (sys.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (!dirs.includes('/usr/bin')) dirs.push('/usr/bin');
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (sys.isExecutable(file)) return file;
  }
  return null;
}

/** Playwright's browser cache: $PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright (Linux), newest build first. */
function playwrightCached(sys) {
  const base = sys.env.PLAYWRIGHT_BROWSERS_PATH || path.join(sys.home(), '.cache', 'ms-playwright');
  const builds = sys
    .listDir(base)
    .filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
    .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()));
  const inside = [
    'chrome-linux64/chrome',
    'chrome-linux/chrome',
    'chrome-headless-shell-linux64/chrome-headless-shell',
    'chrome-linux/headless_shell',
  ];
  for (const build of builds) {
    for (const rel of inside) {
      const file = path.join(base, build, rel);
      if (sys.isExecutable(file)) return file;
    }
  }
  return null;
}

/**
 * Looks for a Chromium without installing anything. Returns `{ path, source }` or null.
 * A CHROMIUM_PATH that points nowhere is an error: the user asked for that browser.
 */
export function findChromium(sys = realSystem) {
  const fromEnv = sys.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!sys.isExecutable(fromEnv))
      throw new ChromiumNotFound(`CHROMIUM_PATH points to ${fromEnv}, which is not an executable file`);
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  for (const name of SYSTEM_BROWSERS) {
    const file = onPath(name, sys);
    if (file) return { path: file, source: `system (${name})` };
  }
  const cached = playwrightCached(sys);
  if (cached) return { path: cached, source: "Playwright's browser cache" };
  return null;
}

/** The path of a Chromium, or a ChromiumNotFound with one line that says what to do. For code that must not install. */
export function chromiumPath(sys = realSystem) {
  const found = findChromium(sys);
  if (!found)
    throw new ChromiumNotFound(
      'No Chromium found: run `npm test` (it installs one), install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH',
    );
  return found.path;
}

function failure(r) {
  return r.last ? `failed: ${r.last.slice(0, 160)}` : `failed, exit ${r.status}`;
}

function isDebianLike(sys) {
  const text = sys.readFile('/etc/os-release');
  if (!text) return false;
  const field = (key) => (new RegExp(`^${key}="?([^"\\n]*)"?`, 'm').exec(text)?.[1] ?? '').toLowerCase();
  return [field('ID'), ...field('ID_LIKE').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu');
}

/**
 * Finds a Chromium, or installs one: `playwright install chromium` first (works wherever its download site is
 * reachable), then `apt-get install -y chromium` on Debian/Ubuntu as root. Returns the path and sets
 * CHROMIUM_PATH in `sys.env` so that child processes (Playwright's workers) use the same browser.
 * Throws ChromiumNotFound with one line naming every way tried.
 */
export function provisionChromium(sys = realSystem) {
  const found = findChromium(sys);
  if (found) {
    sys.env.CHROMIUM_PATH = found.path;
    return found.path;
  }
  const tried = [
    'CHROMIUM_PATH (not set)',
    `system browsers (${SYSTEM_BROWSERS.join(', ')})`,
    "Playwright's cache",
  ];

  const cli = path.join(root, 'node_modules', 'playwright-core', 'cli.js');
  if (sys.exists(cli)) {
    sys.log('No Chromium found: trying `playwright install chromium` (downloads Chrome for Testing)');
    const r = sys.run(process.execPath, [cli, 'install', 'chromium'], { timeoutMs: 10 * 60_000 });
    const cached = r.status === 0 ? playwrightCached(sys) : null;
    if (cached) {
      sys.env.CHROMIUM_PATH = cached;
      return cached;
    }
    tried.push(
      `playwright install chromium (${r.status === 0 ? 'no browser where it says it put one' : failure(r)})`,
    );
  } else {
    tried.push('playwright install chromium (playwright-core is not installed: run npm install)');
  }

  if (!isDebianLike(sys)) {
    tried.push('apt-get (not a Debian or Ubuntu machine)');
  } else if (sys.uid() !== 0) {
    tried.push('apt-get (needs root: run `sudo apt-get install -y chromium`)');
  } else {
    sys.log(
      'Installing Chromium with apt-get (apt-get update && apt-get install -y chromium), for the E2E tests',
    );
    const env = { ...sys.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = sys.run('apt-get', ['update', '-qq'], { env, timeoutMs: 10 * 60_000 });
    if (r.status === 0)
      r = sys.run('apt-get', ['install', '-y', '-qq', 'chromium'], { env, timeoutMs: 20 * 60_000 });
    const file = r.status === 0 ? onPath('chromium', sys) : null;
    if (file) {
      sys.env.CHROMIUM_PATH = file;
      return file;
    }
    tried.push(
      `apt-get install chromium (${r.status === 0 ? 'installed, but no chromium binary found' : failure(r)})`,
    );
  }
  throw new ChromiumNotFound(`No Chromium could be found or installed; tried: ${tried.join('; ')}`);
}

// `node tools/chromium.mjs`: provisions and prints the path (for .ci/run and shell scripts); exit 1 with one line.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(provisionChromium());
  } catch (err) {
    console.error(err instanceof ChromiumNotFound ? err.message : String(err));
    process.exit(1);
  }
}
