// The static Electron audit in CI: electronegativity over the shell's TypeScript sources and over the bundles the
// app ships (main and preload, built here the way scripts/build.mjs builds them, plus the renderer's HTML). Fails
// on any HIGH finding not accepted with a written reason in electronegativity-exceptions.json, on a stale entry
// there, and on a file the tool could not parse (it would not have been audited).
import { build } from 'esbuild';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditElectron, EXCLUDED_CHECKS, type AuditFinding } from './electron-audit';

type Exceptions = {
  exceptions: { check: string; file: string; reason: string }[];
  reviewed: { check: string; severity: string; reason: string }[];
};

const root = process.cwd();

async function bundleShell(out: string): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const [src, file, external] of [
    ['src-main/electron/main.ts', 'electron-main.js', true],
    ['src-main/electron/preload.ts', 'preload.js', false],
  ] as const)
    await build({
      entryPoints: [path.join(root, src)],
      outfile: path.join(out, file),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      ...(external ? { packages: 'external' as const } : {}),
      external: ['electron'],
      define: { __IBDESK_VERSION__: '"0.0.0-audit"' },
      logLevel: 'warning',
    });
  await copyFile(path.join(root, 'src-renderer', 'index.html'), path.join(out, 'index.html'));
}

describe('electronegativity', () => {
  it('finds no HIGH issue in the Electron shell that is not accepted with a reason', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const electronVersion = pkg.devDependencies.electron!.replace(/^[^\d]*/, '');
    const exceptions = JSON.parse(
      await readFile(path.join(root, 'tests', 'security', 'electronegativity-exceptions.json'), 'utf8'),
    ) as Exceptions;
    for (const e of [...exceptions.exceptions, ...exceptions.reviewed])
      expect(e.reason.length, `a written reason for ${e.check}`).toBeGreaterThan(30);
    for (const reason of Object.values(EXCLUDED_CHECKS)) expect(reason.length).toBeGreaterThan(30);

    // Not under node_modules: the tool skips every file whose path contains it.
    const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-audit-'));
    await bundleShell(bundleDir);
    const runs = [
      {
        label: 'src-main/electron',
        ...(await auditElectron(path.join(root, 'src-main', 'electron'), electronVersion)),
      },
      { label: 'bundle', ...(await auditElectron(bundleDir, electronVersion)) },
    ];

    await rm(bundleDir, { recursive: true, force: true });
    const all: (AuditFinding & { where: string })[] = [];
    for (const r of runs) {
      expect(r.checks, 'checks loaded').toBeGreaterThan(30);
      expect(r.errors, `files ${r.label} the tool could not parse`).toEqual([]);
      for (const f of r.findings) all.push({ ...f, where: `${r.label}/${f.file}:${f.line}` });
    }
    const accepted = (f: AuditFinding) =>
      exceptions.exceptions.some((e) => e.check === f.id && path.basename(f.file) === path.basename(e.file));
    const high = all.filter((f) => f.severity === 'HIGH');
    const open = high.filter((f) => !accepted(f));
    const stale = exceptions.exceptions.filter(
      (e) => !high.some((f) => f.id === e.check && path.basename(f.file) === path.basename(e.file)),
    );
    const bySeverity: Record<string, number> = {};
    for (const f of all) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    console.log(
      `electronegativity ${runs.map((r) => `${r.label}: ${r.checks} checks`).join(', ')}; findings ${JSON.stringify(bySeverity)}\n` +
        all
          .map(
            (f) => `  ${f.severity} ${f.confidence} ${f.id} ${f.where}${f.manualReview ? ' (review)' : ''}`,
          )
          .join('\n'),
    );
    expect(
      open.map((f) => `${f.id} ${f.where}: ${f.description}`),
      'HIGH findings without an exception',
    ).toEqual([]);
    expect(stale, 'exceptions that no longer match a finding').toEqual([]);
    // Every MEDIUM finding's check has been reviewed and its reason written down.
    const unreviewed = all.filter(
      (f) => f.severity === 'MEDIUM' && !exceptions.reviewed.some((r) => r.check === f.id),
    );
    expect(
      unreviewed.map((f) => `${f.id} ${f.where}`),
      'MEDIUM findings never reviewed',
    ).toEqual([]);
  }, 120_000);
});
