// `npm install` on npm 11 runs only the install scripts package.json's allowScripts approves, and warns about every
// package with one it does not mention: each must be decided (README "Install scripts" gives the reasons).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
};

function withInstallScripts(): string[] {
  return Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && p.hasInstallScript)
    .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

describe('install scripts', () => {
  it('every dependency with an install script is allowed or denied in package.json', () => {
    const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(?<=.)@.*$/, '')));
    const undecided = withInstallScripts().filter((name) => !decided.has(name));
    expect(undecided).toEqual([]);
  });

  it('allows only what the build needs (esbuild: its native binary); denies the rest', () => {
    const allowed = Object.entries(pkg.allowScripts ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k);
    expect(allowed).toEqual(['esbuild']);
  });

  it('names no package that is no longer installed with a script (npm install-scripts prune)', () => {
    const present = new Set(withInstallScripts());
    const stale = Object.keys(pkg.allowScripts ?? {}).filter(
      (k) => !present.has(k.replace(/(?<=.)@.*$/, '')),
    );
    expect(stale).toEqual([]);
  });
});
