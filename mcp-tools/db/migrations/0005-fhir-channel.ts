import type { Migration } from './migration.js';

/**
 * The FHIR terminology endpoint (`/fhir`) is a channel of its own in the audit log and the tool-call
 * log, so a reviewer can tell a FHIR client's lookups from an IDE's MCP calls.
 */
export const fhirChannelMigration: Migration = {
  version: 5,
  name: 'fhir channel',
  sql: `
    ALTER TABLE hale.audit_log DROP CONSTRAINT audit_log_channel_check;
    ALTER TABLE hale.audit_log ADD CONSTRAINT audit_log_channel_check
      CHECK (channel IN ('chat', 'mcp', 'cli', 'eval', 'fhir'));
    ALTER TABLE hale.tool_call DROP CONSTRAINT tool_call_channel_check;
    ALTER TABLE hale.tool_call ADD CONSTRAINT tool_call_channel_check
      CHECK (channel IN ('chat', 'mcp', 'cli', 'eval', 'fhir'));
  `,
};
