import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/index.js';

/** A conversation as listed: its owner never changes, and only its owner sees it. */
export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

/**
 * A stored message: the AI SDK UI message parts as streamed to the person, and metadata (model,
 * prompt version, grounding verdict, trace id) for answers.
 */
export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: unknown[];
  metadata: Record<string, unknown>;
  createdAt: string;
}

/** A conversation with its messages in order. */
export interface StoredConversation extends ConversationSummary {
  messages: StoredMessage[];
}

/** Conversations and messages in `hale.conversation` / `hale.message`, scoped to their owner. */
export interface ConversationStore {
  create(principal: string, title: string): Promise<ConversationSummary>;
  list(principal: string, options?: { limit?: number }): Promise<ConversationSummary[]>;
  /** Undefined when it does not exist or belongs to someone else: the caller cannot tell which. */
  get(principal: string, conversationId: string): Promise<StoredConversation | undefined>;
  rename(principal: string, conversationId: string, title: string): Promise<ConversationSummary | undefined>;
  /** Removes it with its messages and feedback; traces stay. False when not found for this principal. */
  remove(principal: string, conversationId: string): Promise<boolean>;
  /** Appends messages after the last one, in one transaction. */
  append(
    principal: string,
    conversationId: string,
    messages: readonly Omit<StoredMessage, 'createdAt'>[],
  ): Promise<void>;
  /**
   * Puts `message` in the place of the message `replacedId` (a regenerated answer), dropping the
   * feedback on the replaced one, which was about other words. False when it is not there.
   */
  replaceMessage(
    principal: string,
    conversationId: string,
    replacedId: string,
    message: Omit<StoredMessage, 'createdAt'>,
  ): Promise<boolean>;
  /** The owner, conversation and role of a message, for feedback. */
  messageOwner(
    messageId: string,
  ): Promise<{ principal: string; conversationId: string; role: 'user' | 'assistant' } | undefined>;
}

interface ConversationRow extends Record<string, unknown> {
  conversation_id: string;
  title: string;
  created_at: Date | string;
  updated_at: Date | string;
  message_count: number | string;
}

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function summary(row: ConversationRow): ConversationSummary {
  return {
    id: row.conversation_id,
    title: row.title,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    messageCount: Number(row.message_count),
  };
}

const summaryColumns = `c.conversation_id, c.title, c.created_at, c.updated_at,
  (SELECT count(*) FROM hale.message m WHERE m.conversation_id = c.conversation_id)::int AS message_count`;

/** jsonb refuses the NUL character; a hostile message must still be stored. */
function json(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/\\u0000/g, '\\ufffd');
}

/** The conversation store over the application database. Every value is bound. */
export function createConversationStore(database: Database): ConversationStore {
  async function ownedSummary(
    queryable: Queryable,
    principal: string,
    conversationId: string,
  ): Promise<ConversationSummary | undefined> {
    const { rows } = await queryable.query<ConversationRow>(
      `SELECT ${summaryColumns} FROM hale.conversation c WHERE c.conversation_id = $1 AND c.principal = $2`,
      [conversationId, principal],
    );
    return rows[0] ? summary(rows[0]) : undefined;
  }

  return {
    async create(principal, title) {
      const { rows } = await database.query<ConversationRow>(
        `INSERT INTO hale.conversation (conversation_id, principal, title) VALUES ($1, $2, $3)
         RETURNING conversation_id, title, created_at, updated_at, 0 AS message_count`,
        [randomUUID(), principal, title],
      );
      const created = rows[0];
      if (!created) throw new Error('a conversation just created could not be read back');
      return summary(created);
    },

    async list(principal, { limit = 200 } = {}) {
      const { rows } = await database.query<ConversationRow>(
        `SELECT ${summaryColumns} FROM hale.conversation c WHERE c.principal = $1
         ORDER BY c.updated_at DESC, c.conversation_id LIMIT $2`,
        [principal, limit],
      );
      return rows.map(summary);
    },

    async get(principal, conversationId) {
      const found = await ownedSummary(database, principal, conversationId);
      if (!found) return undefined;
      const { rows } = await database.query<{
        message_id: string;
        role: 'user' | 'assistant';
        parts: unknown;
        metadata: unknown;
        created_at: Date | string;
      }>(
        `SELECT message_id, role, parts, metadata, created_at FROM hale.message
         WHERE conversation_id = $1 ORDER BY position`,
        [conversationId],
      );
      return {
        ...found,
        messages: rows.map((row) => ({
          id: row.message_id,
          role: row.role,
          parts: (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as unknown[],
          metadata: (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata) as Record<
            string,
            unknown
          >,
          createdAt: iso(row.created_at),
        })),
      };
    },

    async rename(principal, conversationId, title) {
      const { rowCount } = await database.query(
        `UPDATE hale.conversation SET title = $3, updated_at = now()
         WHERE conversation_id = $1 AND principal = $2`,
        [conversationId, principal, title],
      );
      return rowCount > 0 ? ownedSummary(database, principal, conversationId) : undefined;
    },

    async remove(principal, conversationId) {
      const { rowCount } = await database.query(
        'DELETE FROM hale.conversation WHERE conversation_id = $1 AND principal = $2',
        [conversationId, principal],
      );
      return rowCount > 0;
    },

    async append(principal, conversationId, messages) {
      await database.transaction(async (transaction) => {
        // Locks the conversation row: two writers of one conversation append one after the other.
        // Each INSERT then reads the last position with a fresh snapshot, taken after the lock.
        const { rowCount } = await transaction.query(
          'UPDATE hale.conversation SET updated_at = now() WHERE conversation_id = $1 AND principal = $2',
          [conversationId, principal],
        );
        if (rowCount === 0) throw new Error(`conversation ${conversationId} does not exist for ${principal}`);
        for (const message of messages)
          await transaction.query(
            `INSERT INTO hale.message (message_id, conversation_id, position, role, parts, metadata)
             VALUES ($1, $2, (SELECT coalesce(max(position) + 1, 0) FROM hale.message WHERE conversation_id = $2),
                     $3, $4::jsonb, $5::jsonb)`,
            [message.id, conversationId, message.role, json(message.parts), json(message.metadata)],
          );
      });
    },

    async replaceMessage(principal, conversationId, replacedId, message) {
      return database.transaction(async (transaction) => {
        const owned = await transaction.query(
          `SELECT 1 FROM hale.conversation WHERE conversation_id = $1 AND principal = $2 FOR UPDATE`,
          [conversationId, principal],
        );
        if (owned.rowCount === 0) return false;
        await transaction.query('DELETE FROM hale.feedback WHERE message_id = $1', [replacedId]);
        const { rowCount } = await transaction.query(
          `UPDATE hale.message SET message_id = $3, parts = $4::jsonb, metadata = $5::jsonb, created_at = now()
           WHERE message_id = $1 AND conversation_id = $2`,
          [replacedId, conversationId, message.id, json(message.parts), json(message.metadata)],
        );
        await transaction.query(
          'UPDATE hale.conversation SET updated_at = now() WHERE conversation_id = $1',
          [conversationId],
        );
        return rowCount > 0;
      });
    },

    async messageOwner(messageId) {
      const { rows } = await database.query<{
        principal: string;
        conversation_id: string;
        role: 'user' | 'assistant';
      }>(
        `SELECT c.principal, c.conversation_id, m.role FROM hale.message m
         JOIN hale.conversation c USING (conversation_id) WHERE m.message_id = $1`,
        [messageId],
      );
      const row = rows[0];
      return row
        ? { principal: row.principal, conversationId: row.conversation_id, role: row.role }
        : undefined;
    },
  };
}
