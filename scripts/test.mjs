// `npm test`: unit + integration tests (Vitest), then a build and the E2E tests in Chromium (Playwright); a machine
// without Chromium gets one first (tools/chromium.mjs: Playwright's download, else apt-get on Debian/Ubuntu as root).
// Ends with one line "N passed, N failed" (also written to test-results/summary.json) and a non-zero exit on
// any failure. Arguments after `--` go to Vitest only (e.g. `npm test -- src-main/hub`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChromiumNotFound, provisionChromium } from '../tools/chromium.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'test-results');
const args = process.argv.slice(2);
mkdirSync(out, { recursive: true });

function run(label, cmd, cmdArgs) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, [cmd, ...cmdArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

// 1. Vitest
const vitestJson = path.join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
const vStatus = run('unit + integration (Vitest)', path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  ...args,
]);
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed +=
    (v.numFailedTests ?? 0) + (v.numTotalTestSuites && v.success === false && !v.numFailedTests ? 1 : 0);
} else {
  failed += 1;
  problems.push(`Vitest produced no report (exit ${vStatus})`);
}
if (vStatus !== 0 && v && !v.numFailedTests) {
  failed += 1;
  problems.push(
    `Vitest exited with ${vStatus} without a failed test (a suite failed to load, or an unhandled error)`,
  );
}

// 2. E2E, only when running the whole suite; the browser first (it may have to be installed)
let browser = null;
if (args.length === 0) {
  console.log('\n=== Chromium for the E2E tests ===');
  try {
    browser = provisionChromium();
    console.log(`Chromium: ${browser}`);
  } catch (err) {
    if (!(err instanceof ChromiumNotFound)) throw err;
    failed += 1;
    problems.push(err.message);
  }
}
if (browser) {
  const bStatus = run('build', path.join(root, 'scripts', 'build.mjs'), []);
  if (bStatus !== 0) {
    failed += 1;
    problems.push('the build failed, so the E2E tests did not run');
  } else {
    const pwJson = path.join(out, 'playwright.json');
    rmSync(pwJson, { force: true });
    const pStatus = run(
      'E2E (Playwright in Chromium)',
      path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
      ['test'],
    );
    const p = readJson(pwJson);
    if (p?.stats) {
      passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
      failed += p.stats.unexpected ?? 0;
      if ((p.errors ?? []).length > 0) {
        failed += 1;
        problems.push(
          `Playwright reported errors outside tests: ${p.errors.map((e) => e.message).join('; ')}`,
        );
      }
    } else {
      failed += 1;
      problems.push(`Playwright produced no report (exit ${pStatus})`);
    }
  }
}

writeFileSync(path.join(out, 'summary.json'), JSON.stringify({ passed, failed, problems }, null, 2));
for (const p of problems) console.log(`problem: ${p}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
