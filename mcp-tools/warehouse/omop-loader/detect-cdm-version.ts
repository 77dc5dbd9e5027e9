import type { CdmVersion } from './load-report.js';

/**
 * The CDM version of a dataset (pure): what CDM_SOURCE.cdm_version declares (`v5.3.1`, `5.4`) wins;
 * otherwise the visit tables' column names (5.3 `admitting_source_*` or 5.4 `admitted_from_*`).
 */
export function detectCdmVersion({
  declared,
  headerEvidence,
}: {
  declared: readonly (string | null)[];
  headerEvidence: readonly ('5.3' | '5.4')[];
}): CdmVersion {
  for (const text of declared) {
    const match = /^\s*v?(\d+)\.(\d+)/i.exec(text ?? '');
    if (match?.[1] === '5' && (match[2] === '3' || match[2] === '4')) return `5.${match[2]}`;
  }
  if (headerEvidence.includes('5.3')) return '5.3';
  if (headerEvidence.includes('5.4')) return '5.4';
  return 'unknown';
}
