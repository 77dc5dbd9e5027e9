import { randomUUID } from 'node:crypto';
import type { Database } from '../db/index.js';

/** What a person said about an answer: a rating, a comment, the answer they expected. */
export interface Feedback {
  id: string;
  messageId: string;
  conversationId: string;
  principal: string;
  rating?: 'up' | 'down';
  comment?: string;
  correctedAnswer?: string;
  createdAt: string;
  updatedAt: string;
}

/** Feedback in `hale.feedback`: one item per person and answer, updated when they change their mind. */
export interface FeedbackStore {
  /** Creates or updates the person's feedback on a message (fields left undefined are kept). */
  save(entry: {
    messageId: string;
    principal: string;
    rating?: 'up' | 'down' | null;
    comment?: string | null;
    correctedAnswer?: string | null;
  }): Promise<Feedback>;
  get(feedbackId: string): Promise<Feedback | undefined>;
  list(options: { principal?: string; limit: number }): Promise<Feedback[]>;
}

function feedbackOf(row: Record<string, unknown>): Feedback {
  const iso = (value: unknown) =>
    value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
  return {
    id: String(row.feedback_id),
    messageId: String(row.message_id),
    conversationId: String(row.conversation_id),
    principal: String(row.principal),
    ...(row.rating ? { rating: row.rating as 'up' | 'down' } : {}),
    ...(row.comment ? { comment: String(row.comment) } : {}),
    ...(row.corrected_answer ? { correctedAnswer: String(row.corrected_answer) } : {}),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const selectFeedback = `SELECT f.*, m.conversation_id FROM hale.feedback f JOIN hale.message m USING (message_id)`;

/** The feedback store over the application database. */
export function createFeedbackStore(database: Database): FeedbackStore {
  async function get(feedbackId: string): Promise<Feedback | undefined> {
    const { rows } = await database.query(`${selectFeedback} WHERE f.feedback_id = $1`, [feedbackId]);
    return rows[0] ? feedbackOf(rows[0]) : undefined;
  }

  return {
    get,
    async save({ messageId, principal, rating, comment, correctedAnswer }) {
      // undefined keeps the stored value; null clears it.
      const { rows } = await database.query<{ feedback_id: string }>(
        `INSERT INTO hale.feedback (feedback_id, message_id, principal, rating, comment, corrected_answer)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (message_id, principal) DO UPDATE SET
           rating = CASE WHEN $7 THEN EXCLUDED.rating ELSE hale.feedback.rating END,
           comment = CASE WHEN $8 THEN EXCLUDED.comment ELSE hale.feedback.comment END,
           corrected_answer = CASE WHEN $9 THEN EXCLUDED.corrected_answer ELSE hale.feedback.corrected_answer END,
           updated_at = now()
         RETURNING feedback_id`,
        [
          randomUUID(),
          messageId,
          principal,
          rating ?? null,
          comment ?? null,
          correctedAnswer ?? null,
          rating !== undefined,
          comment !== undefined,
          correctedAnswer !== undefined,
        ],
      );
      const saved = await get(String(rows[0]?.feedback_id));
      if (!saved) throw new Error('feedback just saved could not be read back');
      return saved;
    },

    async list({ principal, limit }) {
      const { rows } = await database.query(
        `${selectFeedback} WHERE ($1::text IS NULL OR f.principal = $1) ORDER BY f.updated_at DESC LIMIT $2`,
        [principal ?? null, limit],
      );
      return rows.map(feedbackOf);
    },
  };
}
