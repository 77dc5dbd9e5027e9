import { applicationStateMigration } from './0001-application-state.js';
import { documentsMigration } from './0002-documents.js';
import { auditLogMigration } from './0003-audit-log.js';
import { toolsAndTokensMigration } from './0004-tools-and-tokens.js';
import { fhirChannelMigration } from './0005-fhir-channel.js';
import { documentStoreMigration } from './0006-document-store.js';
import { chunkEmbeddingsMigration } from './0007-chunk-embeddings.js';
import { conversationsMigration } from './0008-conversations.js';
import type { Migration } from './migration.js';

/** Every migration of the `hale` schema, in version order. Append only. */
export const migrations: readonly Migration[] = [
  applicationStateMigration,
  documentsMigration,
  auditLogMigration,
  toolsAndTokensMigration,
  fhirChannelMigration,
  documentStoreMigration,
  chunkEmbeddingsMigration,
  conversationsMigration,
];

export type { DatabaseExtension, Migration } from './migration.js';
