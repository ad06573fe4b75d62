// The browser provisioning order of `npm test` (#11): env, system, Playwright's cache, playwright install, apt-get.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium, provisionChromium, type ChromiumSystem } from './chromium.mjs';
import { thrownBy } from '../tests/support/thrown';

type Call = { cmd: string; args: string[] };

function fakeSystem(opts: {
  env?: Record<string, string>;
  executables?: string[];
  dirs?: Record<string, string[]>;
  osRelease?: string | null;
  uid?: number;
  /** What each command does: its exit status, and executables it makes appear. */
  commands?: Record<string, { status: number | null; creates?: string[]; dirs?: Record<string, string[]> }>;
}): ChromiumSystem & { calls: Call[]; lines: string[] } {
  const executables = new Set(opts.executables ?? []);
  const dirs: Record<string, string[]> = { ...opts.dirs };
  const calls: Call[] = [];
  const lines: string[] = [];
  return {
    calls,
    lines,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
    isExecutable: (f) => executables.has(f),
    exists: (f) => executables.has(f) || f.endsWith(path.join('playwright-core', 'cli.js')),
    listDir: (d) => dirs[d] ?? [],
    readFile: (f) => (f === '/etc/os-release' ? (opts.osRelease ?? null) : null),
    uid: () => opts.uid ?? 0,
    home: () => '/home/u',
    run(cmd, args) {
      calls.push({ cmd, args });
      const key =
        cmd.endsWith('node') || cmd === process.execPath
          ? `node ${args.slice(1).join(' ')}`
          : `${cmd} ${args.join(' ')}`;
      const spec = Object.entries(opts.commands ?? {}).find(([k]) => key.startsWith(k))?.[1];
      if (!spec) return { status: 1, last: 'Error: Download failure, code=1' };
      for (const f of spec.creates ?? []) executables.add(f);
      Object.assign(dirs, spec.dirs);
      return { status: spec.status, last: spec.status === 0 ? '' : 'E: Unable to locate package chromium' };
    },
    log: (line) => lines.push(line),
  };
}

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that points nowhere', () => {
    const sys = fakeSystem({
      env: { CHROMIUM_PATH: '/opt/c/chrome' },
      executables: ['/opt/c/chrome', '/usr/bin/chromium'],
    });
    expect(findChromium(sys)).toEqual({ path: '/opt/c/chrome', source: 'CHROMIUM_PATH' });
    expect(() => findChromium(fakeSystem({ env: { CHROMIUM_PATH: '/nope' } }))).toThrow(
      /CHROMIUM_PATH points to \/nope/,
    );
  });

  it('then the system browsers in order, on PATH and in /usr/bin', () => {
    const both = fakeSystem({ executables: ['/usr/bin/google-chrome', '/usr/local/bin/chromium-browser'] });
    expect(findChromium(both)?.path).toBe('/usr/local/bin/chromium-browser');
    const trimmedPath = fakeSystem({ env: { PATH: '/opt/node/bin' }, executables: ['/usr/bin/chromium'] });
    expect(findChromium(trimmedPath)?.path).toBe('/usr/bin/chromium');
  });

  it("then Playwright's cache, newest build first, honouring PLAYWRIGHT_BROWSERS_PATH", () => {
    const sys = fakeSystem({
      dirs: { '/home/u/.cache/ms-playwright': ['chromium-1100', 'chromium-1255', 'ffmpeg-1011'] },
      executables: [
        '/home/u/.cache/ms-playwright/chromium-1100/chrome-linux/chrome',
        '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
      ],
    });
    expect(findChromium(sys)).toEqual({
      path: '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
      source: "Playwright's browser cache",
    });
    const custom = fakeSystem({
      env: { PLAYWRIGHT_BROWSERS_PATH: '/pw' },
      dirs: { '/pw': ['chromium_headless_shell-1255'] },
      executables: ['/pw/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell'],
    });
    expect(findChromium(custom)?.path).toMatch(/^\/pw\//);
  });

  it('finds nothing on a bare machine', () => {
    expect(findChromium(fakeSystem({}))).toBeNull();
  });
});

describe('provisionChromium', () => {
  it('installs nothing when a browser is there, and hands its path to child processes', () => {
    const sys = fakeSystem({ executables: ['/usr/bin/chromium'] });
    expect(provisionChromium(sys)).toBe('/usr/bin/chromium');
    expect(sys.calls).toEqual([]);
    expect(sys.env.CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });

  it('uses `playwright install chromium` where its download works', () => {
    const exe = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    const sys = fakeSystem({
      osRelease: debian,
      commands: {
        'node install chromium': {
          status: 0,
          creates: [exe],
          dirs: { '/home/u/.cache/ms-playwright': ['chromium-1255'] },
        },
      },
    });
    expect(provisionChromium(sys)).toBe(exe);
    expect(sys.calls.map((c) => c.cmd)).toEqual([process.execPath]);
    expect(sys.env.CHROMIUM_PATH).toBe(exe);
  });

  it('falls back to apt-get on Debian as root, saying so on one line first', () => {
    const sys = fakeSystem({
      osRelease: debian,
      commands: {
        'node install chromium': { status: 1 },
        'apt-get update': { status: 0 },
        'apt-get install -y -qq chromium': { status: 0, creates: ['/usr/bin/chromium'] },
      },
    });
    expect(provisionChromium(sys)).toBe('/usr/bin/chromium');
    expect(
      sys.calls.map(
        (c) =>
          `${c.cmd === process.execPath ? 'node' : c.cmd} ${c.args[0] === 'update' || c.args[0] === 'install' ? c.args[0] : c.args[1]}`,
      ),
    ).toEqual(['node install', 'apt-get update', 'apt-get install']);
    expect(sys.lines.filter((l) => l.includes('apt-get'))).toHaveLength(1);
  });

  it('works on Ubuntu (ID_LIKE) too', () => {
    const sys = fakeSystem({
      osRelease: ubuntu,
      commands: {
        'apt-get update': { status: 0 },
        'apt-get install -y -qq chromium': { status: 0, creates: ['/usr/bin/chromium'] },
      },
    });
    expect(provisionChromium(sys)).toBe('/usr/bin/chromium');
  });

  it('stops with one line naming every way tried when all fail', () => {
    const cases: { sys: ReturnType<typeof fakeSystem>; why: RegExp }[] = [
      { sys: fakeSystem({ osRelease: 'ID=fedora\n' }), why: /apt-get \(not a Debian or Ubuntu machine\)/ },
      { sys: fakeSystem({ osRelease: debian, uid: 1000 }), why: /apt-get \(needs root/ },
      {
        sys: fakeSystem({ osRelease: debian, commands: { 'apt-get update': { status: 100 } } }),
        why: /apt-get install chromium \(failed: E: Unable to locate package chromium\)/,
      },
    ];
    for (const { sys, why } of cases) {
      const message = thrownBy(() => provisionChromium(sys), ChromiumNotFound).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(
        /CHROMIUM_PATH \(not set\); system browsers \(chromium, chromium-browser, google-chrome/,
      );
      expect(message).toContain(
        "Playwright's cache; playwright install chromium (failed: Error: Download failure, code=1)",
      );
      expect(message).toMatch(why);
    }
  });
});
