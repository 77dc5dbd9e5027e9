import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { Queryable } from '../db/index.js';
import type { GovernancePolicy } from '../governance/index.js';
import { digestApiToken, looksLikeApiToken, verifyApiToken } from './api-tokens.js';

/** How JWTs from an organisation's identity provider are checked. */
export interface JwtSettings {
  /** Where the provider publishes its signing keys (JWKS). */
  jwksUrl: URL;
  /** The `iss` a token must carry. */
  issuer: string;
  /** The `aud` a token must carry (usually Hale's MCP URL). */
  audience: string;
  /** The claim that names the Hale principal (default `sub`). */
  userClaim: string;
}

/**
 * The bearer-token verifier of `/mcp`: Hale API tokens (`hale_…`, looked up by digest) and, when
 * configured, JWTs signed by the organisation's identity provider. Either way the token must name a
 * principal of the policy; the principal is then taken from the token alone.
 */
export function createTokenVerifier({
  database,
  policy,
  jwt,
  cacheMilliseconds = 10_000,
  now = Date.now,
}: {
  database: Queryable;
  policy: () => GovernancePolicy | undefined;
  jwt?: JwtSettings;
  /**
   * How long a verified API token is trusted without asking the database again: a revocation takes
   * effect within this time. Refusals are never cached.
   */
  cacheMilliseconds?: number;
  now?: () => number;
}): OAuthTokenVerifier {
  const keys = jwt ? createRemoteJWKSet(jwt.jwksUrl) : undefined;
  const verifiedTokens = new Map<
    string,
    { user: string; tokenId: string; expiresAt: number; until: number }
  >();

  function authInfoFor(token: string, user: string, expiresAt: number, clientId: string): AuthInfo {
    const current = policy();
    if (!current?.principals.has(user))
      throw new InvalidTokenError(
        `the token's user ${JSON.stringify(user)} is not a principal of the policy`,
      );
    return { token, clientId, scopes: [], expiresAt, extra: { user } };
  }

  return {
    async verifyAccessToken(token) {
      if (looksLikeApiToken(token)) {
        const key = digestApiToken(token);
        const cached = verifiedTokens.get(key);
        const time = now();
        if (cached && cached.until > time && cached.expiresAt * 1000 > time)
          return authInfoFor(token, cached.user, cached.expiresAt, `hale-token:${cached.tokenId}`);
        verifiedTokens.delete(key);
        const verified = await verifyApiToken(database, token);
        if ('rejected' in verified)
          throw new InvalidTokenError(
            verified.rejected === 'unknown' ? 'unknown API token' : `the API token is ${verified.rejected}`,
          );
        // Bounded: an attacker cycling valid tokens cannot grow it past a few thousand entries.
        if (verifiedTokens.size >= 4096) verifiedTokens.clear();
        verifiedTokens.set(key, { ...verified, until: time + cacheMilliseconds });
        return authInfoFor(token, verified.user, verified.expiresAt, `hale-token:${verified.tokenId}`);
      }
      if (!jwt || !keys) throw new InvalidTokenError('unknown API token');
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: jwt.issuer,
          audience: jwt.audience,
          requiredClaims: ['exp'],
        });
        const user = payload[jwt.userClaim];
        if (typeof user !== 'string' || user === '')
          throw new InvalidTokenError(`the token has no ${jwt.userClaim} claim naming a user`);
        return authInfoFor(token, user, payload.exp as number, `jwt:${payload.iss}`);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('the token has expired');
        if (error instanceof joseErrors.JOSEError)
          throw new InvalidTokenError(`the token was refused (${error.code})`);
        throw error;
      }
    },
  };
}
