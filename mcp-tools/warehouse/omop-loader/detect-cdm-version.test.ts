import { describe, expect, it } from 'vitest';
import { detectCdmVersion } from './detect-cdm-version.js';

describe('detectCdmVersion', () => {
  it('prefers what CDM_SOURCE declares, then the visit column names', () => {
    expect(detectCdmVersion({ declared: ['v5.3.1'], headerEvidence: ['5.4'] })).toBe('5.3');
    expect(detectCdmVersion({ declared: ['5.4'], headerEvidence: [] })).toBe('5.4');
    expect(detectCdmVersion({ declared: [null], headerEvidence: ['5.3'] })).toBe('5.3');
    expect(detectCdmVersion({ declared: ['6.0'], headerEvidence: ['5.4'] })).toBe('5.4');
    expect(detectCdmVersion({ declared: [], headerEvidence: [] })).toBe('unknown');
  });
});
