// The CI check around `npm audit --omit=dev` (scripts/npm-audit.mjs): how it reads npm's answers, including the
// one this machine's registry gives (405 on the advisory endpoint), which must read "not checked", never a pass.
import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/npm-audit.mjs';

const report = (vulns: Record<string, { name: string; severity: string }>, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: vulns,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
      dependencies: { prod: 40 },
    },
  });

describe('npm audit check', () => {
  it('passes with low or moderate advisories only', () => {
    expect(auditVerdict(report({ a: { name: 'a', severity: 'moderate' } }, { moderate: 1 }))).toMatchObject({
      outcome: 'pass',
      message: expect.stringMatching(/40 production dependencies/),
    });
  });

  it('fails on a high or critical advisory, naming the package', () => {
    const v = auditVerdict(report({ ws: { name: 'ws', severity: 'high' } }, { high: 1 }));
    expect(v).toMatchObject({ outcome: 'fail', message: expect.stringMatching(/ws \(high\)/) });
    expect(auditVerdict(report({}, { critical: 2 })).outcome).toBe('fail');
  });

  it('an endpoint that refuses audits (this registry: 405) or no output is "not checked", not a pass', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(auditVerdict(refused)).toMatchObject({
      outcome: 'unavailable',
      message: expect.stringMatching(/405/),
    });
    expect(auditVerdict('').outcome).toBe('unavailable');
    expect(auditVerdict('npm error code ENOTFOUND').outcome).toBe('unavailable');
  });
});
