// `npm audit --omit=dev` as a CI check: passes with no high or critical advisory in the production dependencies,
// fails with the list otherwise. When the registry cannot answer audits (a mirror or proxy without the advisory
// endpoint, no network) it says so plainly and exits 2 ("not checked"), so CI can report it instead of a pass or an
// unexplained failure. Usage: node scripts/npm-audit.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What an `npm audit --json` output means for the check. Pure (unit-tested). */
export function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return {
      outcome: 'unavailable',
      message: 'npm audit printed no report (no network, or npm failed before asking the registry)',
    };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? report?.error?.summary ?? 'no vulnerability counts in the answer';
    return { outcome: 'unavailable', message: `the registry's audit endpoint did not answer: ${why}` };
  }
  const bad = Object.values(report.vulnerabilities ?? {}).filter(
    (v) => v.severity === 'high' || v.severity === 'critical',
  );
  const total = report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total ?? '?';
  if (bad.length === 0 && (counts.high ?? 0) === 0 && (counts.critical ?? 0) === 0)
    return {
      outcome: 'pass',
      message: `no high or critical advisories in ${total} production dependencies (low ${counts.low ?? 0}, moderate ${counts.moderate ?? 0})`,
    };
  return {
    outcome: 'fail',
    message: `${counts.high ?? 0} high and ${counts.critical ?? 0} critical advisories: ${bad
      .map((v) => `${v.name} (${v.severity}${v.fixAvailable ? ', fix available' : ''})`)
      .join(', ')}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const v = auditVerdict(r.stdout ?? '');
  if (v.outcome === 'pass') console.log(`npm audit: ${v.message}`);
  else if (v.outcome === 'fail') console.log(`npm audit: FAILED: ${v.message}`);
  else
    console.log(
      `npm audit: NOT CHECKED: ${v.message}. The production dependencies were not audited; run \`npm audit --omit=dev\` where the npm registry is reachable.`,
    );
  process.exit(v.outcome === 'pass' ? 0 : v.outcome === 'fail' ? 1 : 2);
}
