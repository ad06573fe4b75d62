// Runs Doyensec's electronegativity (static audit of Electron apps) over the shell's sources and its bundles, the
// way it is run in CI: offline (the tool fetches translations and Electron's release list over the network; both
// are stubbed to fail fast, which it tolerates) and with the version check that needs that list left out.
import { createRequire } from 'node:module';
import path from 'node:path';

export type AuditFinding = {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
  description: string;
};

type RawIssue = {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number };
  manualReview: boolean;
  description: string;
};

type Runner = (options: Record<string, unknown>) => Promise<{
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}>;

/** Checks left out, each with why. */
export const EXCLUDED_CHECKS: Record<string, string> = {
  AvailableSecurityFixesGlobalCheck:
    "needs Electron's release list from the network; the Electron version is pinned in package.json and watched by npm audit",
};

const require = createRequire(import.meta.url);

function offlineRunner(): Runner {
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
  const local = createRequire(runnerPath);
  // Both network uses of the tool go through `got`: a stub that fails at once keeps the audit offline.
  for (const from of [
    runnerPath,
    local.resolve('./finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'),
  ]) {
    const gotPath = createRequire(from).resolve('got');
    const fail = () => Promise.reject(new Error('offline: the audit does not use the network'));
    require.cache[gotPath] = {
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: Object.assign(fail, { default: fail }),
    } as never;
  }
  return local(runnerPath) as Runner;
}

export async function auditElectron(
  input: string,
  electronVersion: string,
): Promise<{ checks: number; errors: string[]; findings: AuditFinding[] }> {
  const run = offlineRunner();
  const log = console.log;
  console.log = () => undefined; // the tool prints its offline notices; the test prints the findings itself
  try {
    const r = await run({
      input,
      electronVersionOverride: electronVersion,
      isRelative: true,
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
    });
    return {
      checks: r.globalChecks + r.atomicChecks,
      errors: r.errors.filter((e) => !e.tolerable).map((e) => `${path.basename(e.file)}: ${e.message}`),
      findings: r.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location.line,
        manualReview: i.manualReview,
        description: i.description,
      })),
    };
  } finally {
    console.log = log;
  }
}
