// The browser every E2E test, bench and screenshot runs in: Chromium keeps only the last `--disable-features` on its
// command line, so ours (after Playwright's) must carry every feature Playwright turns off, and the headless
// WebUI features that cost seconds of CPU on 2 cores (tools/chromium.mjs). Read back from the running process.
import { readFileSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import { HEADLESS_DISABLED_FEATURES, chromiumArgs, chromiumPath } from '../../tools/chromium.mjs';

const SWITCH = '--disable-features=';

test("the browser keeps Playwright's disabled features and ours in the one list Chromium honours", async () => {
  test.skip(process.platform !== 'linux', 'reads the command line from /proc');
  const server = await chromium.launchServer({
    executablePath: chromiumPath(),
    args: [...chromiumArgs],
    headless: true,
  });
  try {
    const argv = readFileSync(`/proc/${server.process().pid}/cmdline`, 'utf8').split('\0');
    const lists = argv.filter((a) => a.startsWith(SWITCH)).map((a) => a.slice(SWITCH.length).split(','));
    expect(lists.length).toBeGreaterThan(1);
    const honoured = new Set(lists.at(-1));
    const lost = lists.flat().filter((f) => !honoured.has(f));
    expect(lost, 'features an earlier --disable-features named that the last one drops').toEqual([]);
    expect(HEADLESS_DISABLED_FEATURES.filter((f) => !honoured.has(f))).toEqual([]);
  } finally {
    await server.close();
  }
});
