import type { Request, RequestHandler } from 'express';
import type { GovernancePolicy, Principal } from '../../mcp-tools/governance/index.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import { sendProblem } from '../problem.js';

/**
 * How people prove who they are. `demo`: the embedded default, where the person picks one of the
 * policy's demo users in the UI (header `X-Hale-Demo-User`) — clearly not authentication, for a
 * laptop or a demo only. `token`: bearer API tokens (`hale token create`) or JWTs of the
 * organisation's identity provider; the demo header is refused.
 */
export type IdentityMode = 'demo' | 'token';

/** The demo-user header of demo mode. */
export const demoUserHeader = 'x-hale-demo-user';

export interface IdentitySettings {
  mode: IdentityMode;
  /** The loaded policy; undefined while the server is starting. */
  policy: () => GovernancePolicy | undefined;
  /** Checks a bearer token (API token or JWT) and returns its user; throws when it is not valid. */
  verifyBearer?: (token: string) => Promise<string>;
  /** Failed sign-ins allowed per remote address; past them a failure is answered 429, not 401. */
  failedSignIns?: RateLimiter;
}

/** A failed authentication, answered 401 with `WWW-Authenticate`. */
class AuthenticationFailure extends Error {}

/**
 * What `verifyBearer` throws for a token that is not valid (unknown, revoked, expired, badly
 * signed): answered 401. Anything else it throws (the database or the identity provider
 * unreachable) is a server fault, answered 500 without its details.
 */
export class InvalidCredentialsError extends Error {
  readonly code = 'invalid_credentials';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCredentialsError';
  }
}

async function principalOf(request: Request, settings: IdentitySettings): Promise<Principal | undefined> {
  const policy = settings.policy();
  if (!policy) return undefined;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new AuthenticationFailure('the Authorization header must be "Bearer <token>"');
    if (!settings.verifyBearer) throw new AuthenticationFailure('bearer tokens are not accepted here');
    let user: string;
    try {
      user = await settings.verifyBearer(match[1]);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw new AuthenticationFailure(error.message);
      throw error;
    }
    return resolvePrincipal(policy, user);
  }
  const demoUser = request.headers[demoUserHeader];
  if (typeof demoUser === 'string' && demoUser !== '') {
    if (settings.mode !== 'demo')
      throw new AuthenticationFailure('demo users are disabled on this server: sign in with a token');
    if (!policy.principals.has(demoUser))
      throw new AuthenticationFailure(
        `there is no demo user named ${JSON.stringify(demoUser.slice(0, 100))}`,
      );
    return resolvePrincipal(policy, demoUser);
  }
  throw new AuthenticationFailure(
    settings.mode === 'demo'
      ? `choose a demo user (header X-Hale-Demo-User) or send a bearer token`
      : 'send a bearer token (Authorization: Bearer …)',
  );
}

/**
 * Middleware that puts the authenticated principal in `response.locals.principal`, or answers 401
 * (`unauthenticated`) / 503 (`starting`). The principal comes from the request's credentials only;
 * nothing in a body or a conversation can change it.
 */
export function authenticateRequest(settings: IdentitySettings): RequestHandler {
  return async (request, response, next) => {
    try {
      const principal = await principalOf(request, settings);
      if (!principal) {
        sendProblem(response, {
          status: 503,
          code: 'starting',
          title: 'Hale is starting',
          detail: 'the policy is not loaded yet; try again in a few seconds',
        });
        return;
      }
      response.locals.principal = principal;
      next();
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) {
        next(error);
        return;
      }
      const allowance = settings.failedSignIns?.take(`address:${request.ip ?? 'unknown'}`);
      if (allowance && !allowance.allowed) {
        response.setHeader('Retry-After', String(allowance.retryAfterSeconds));
        sendProblem(response, {
          status: 429,
          code: 'rate_limited',
          title: 'Too many failed sign-ins',
          detail: `too many failed sign-ins from this address; try again in ${allowance.retryAfterSeconds} s`,
        });
        return;
      }
      response.setHeader('WWW-Authenticate', 'Bearer realm="hale"');
      sendProblem(response, {
        status: 401,
        code: 'unauthenticated',
        title: 'Not signed in',
        detail: error.message,
      });
    }
  };
}

/** The principal `authenticateRequest` established. */
export function principalOfResponse(locals: Record<string, unknown>): Principal {
  const principal = locals.principal as Principal | undefined;
  if (!principal) throw new Error('a handler ran without authentication in front of it');
  return principal;
}
