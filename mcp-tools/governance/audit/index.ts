export type { AuditEntry, AuditOutcome, RecordedAuditEntry } from './audit-entry.js';
export { auditOutcomes } from './audit-entry.js';
export { listAuditEntries } from './list-audit-entries.js';
export { recordAuditEntry } from './record-audit-entry.js';
