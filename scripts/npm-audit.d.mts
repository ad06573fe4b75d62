export type AuditVerdict = { outcome: 'pass' | 'fail' | 'unavailable'; message: string };
export function auditVerdict(stdout: string): AuditVerdict;
