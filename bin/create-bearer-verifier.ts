import type { Queryable } from '../mcp-tools/db/index.js';
import type { GovernancePolicy } from '../mcp-tools/governance/index.js';
import { createTokenVerifier, type JwtSettings } from '../mcp-tools/mcp/index.js';
import { InvalidCredentialsError } from '../server/identity/authenticate-request.js';

/**
 * The chat API's bearer check: the same verifier as `/mcp` (API tokens by digest, JWTs against the
 * identity provider's keys). A refused token becomes `InvalidCredentialsError` (401); the database
 * or the JWKS being unreachable stays an error of the server (500).
 */
export function createBearerVerifier({
  database,
  policy,
  jwt,
}: {
  database: Queryable;
  policy: () => GovernancePolicy | undefined;
  jwt?: JwtSettings;
}): (token: string) => Promise<string> {
  const verifier = createTokenVerifier({ database, policy, ...(jwt ? { jwt } : {}) });
  return async (token) => {
    try {
      const info = await verifier.verifyAccessToken(token);
      return String((info.extra as { user?: unknown } | undefined)?.user);
    } catch (error) {
      // The MCP SDK's InvalidTokenError (and its OAuth siblings) mean "this token is not valid".
      if (error instanceof Error && /InvalidToken|OAuthError/.test(error.constructor.name + error.name))
        throw new InvalidCredentialsError(error.message);
      throw error;
    }
  };
}
