import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';

/** An API token as listed: never the token itself, which only its creator saw once. */
export interface ApiTokenRecord {
  tokenId: string;
  user: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Tokens look like `hale_<id>_<secret>`, so leaked ones are easy to recognise and to revoke by id. */
const tokenPattern = /^hale_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The SHA-256 digest stored in place of a token. The secret has 256 random bits: no salt needed. */
export function digestApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a bearer token has the shape of a Hale API token (as opposed to a JWT). */
export function looksLikeApiToken(token: string): boolean {
  return token.startsWith('hale_');
}

/** The id part of a Hale API token, or undefined when it is not one. */
export function apiTokenId(token: string): string | undefined {
  return tokenPattern.exec(token)?.[1];
}

/**
 * Creates a token for a principal and returns it: the only time it is ever visible. The database
 * keeps its digest, its owner and its expiry.
 */
export async function createApiToken(
  database: Queryable,
  { user, label, expiresInDays }: { user: string; label: string; expiresInDays: number },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const tokenId = randomBytes(6).toString('hex');
  const token = `hale_${tokenId}_${randomBytes(32).toString('base64url')}`;
  const result = await database.query<TokenRow>(
    `INSERT INTO hale.api_token (token_id, token_digest, principal, label, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5::int))
     RETURNING ${tokenColumns}`,
    [tokenId, digestApiToken(token), user, label, expiresInDays],
  );
  return { token, record: toRecord(firstRow(result.rows)) };
}

/** Revokes a token by id (or by the token itself); resolves to the record, or undefined if none. */
export async function revokeApiToken(
  database: Queryable,
  tokenOrId: string,
): Promise<ApiTokenRecord | undefined> {
  const tokenId = apiTokenId(tokenOrId) ?? tokenOrId;
  const result = await database.query<TokenRow>(
    `UPDATE hale.api_token SET revoked_at = coalesce(revoked_at, now())
      WHERE token_id = $1 RETURNING ${tokenColumns}`,
    [tokenId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** Every token, newest first. */
export async function listApiTokens(database: Queryable): Promise<ApiTokenRecord[]> {
  const result = await database.query<TokenRow>(
    `SELECT ${tokenColumns} FROM hale.api_token ORDER BY created_at DESC, token_id`,
  );
  return result.rows.map(toRecord);
}

/** Why a presented token does not authenticate anyone. */
export type ApiTokenRejection = 'unknown' | 'revoked' | 'expired';

/**
 * Looks a presented token up by its digest. Resolves to its owner and expiry (seconds since the
 * epoch), or to the reason it is refused. Marks the token used, at most once a minute.
 */
export async function verifyApiToken(
  database: Queryable,
  token: string,
): Promise<{ user: string; tokenId: string; expiresAt: number } | { rejected: ApiTokenRejection }> {
  const result = await database.query<{
    token_id: string;
    principal: string;
    expires_epoch: number | string;
    revoked: boolean;
    expired: boolean;
    stale: boolean;
  }>(
    `SELECT token_id, principal, extract(epoch FROM expires_at)::bigint AS expires_epoch,
            revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired,
            last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
       FROM hale.api_token WHERE token_digest = $1`,
    [digestApiToken(token)],
  );
  const [row] = result.rows;
  if (!row) return { rejected: 'unknown' };
  if (row.revoked) return { rejected: 'revoked' };
  if (row.expired) return { rejected: 'expired' };
  if (row.stale)
    await database.query('UPDATE hale.api_token SET last_used_at = now() WHERE token_id = $1', [
      row.token_id,
    ]);
  return { user: row.principal, tokenId: row.token_id, expiresAt: Number(row.expires_epoch) };
}

type TokenRow = {
  token_id: string;
  principal: string;
  label: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const tokenColumns = 'token_id, principal, label, created_at, expires_at, last_used_at, revoked_at';

function firstRow(rows: TokenRow[]): TokenRow {
  const [row] = rows;
  if (!row) throw new Error('INSERT … RETURNING into hale.api_token returned no row');
  return row;
}

function toRecord(row: TokenRow): ApiTokenRecord {
  return {
    tokenId: row.token_id,
    user: row.principal,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
