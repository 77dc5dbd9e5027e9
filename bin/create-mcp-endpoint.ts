import type { RequestHandler } from 'express';
import type { Queryable } from '../mcp-tools/db/index.js';
import { type GovernedWarehouse, resolvePrincipal } from '../mcp-tools/governance/index.js';
import {
  createMcpHttpRouter,
  createMcpServer,
  createTokenVerifier,
  type JwtSettings,
} from '../mcp-tools/mcp/index.js';
import type { CommandOutput } from './cli/command.js';
import { type Config, ConfigError } from './config/load-config.js';
import type { ToolRuntime } from './create-tool-runtime.js';

/** Largest MCP request body: a tool call is a question or a query, not a payload. */
const maxRequestBytes = 1_000_000;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The JWT settings, when an identity provider is configured; all three values or none. */
export function jwtSettings(config: Config): JwtSettings | undefined {
  if (!config.jwksUrl) {
    if (config.jwtIssuer || config.jwtAudience)
      throw new ConfigError(
        'jwksUrl',
        'HALE_JWT_ISSUER and HALE_JWT_AUDIENCE need HALE_JWKS_URL (--jwks-url)',
      );
    return undefined;
  }
  if (!config.jwtIssuer)
    throw new ConfigError('jwtIssuer', 'HALE_JWKS_URL needs the issuer: set HALE_JWT_ISSUER (--jwt-issuer)');
  if (!config.jwtAudience)
    throw new ConfigError(
      'jwtAudience',
      'HALE_JWKS_URL needs the audience: set HALE_JWT_AUDIENCE (--jwt-audience)',
    );
  return {
    jwksUrl: new URL(config.jwksUrl),
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    userClaim: config.jwtUserClaim,
  };
}

/** The host names `/mcp` answers to; undefined means any host (Origin is then checked against Host). */
export function allowedHosts(config: Config): string[] | undefined {
  if (config.allowedHosts) return [...config.allowedHosts];
  if (loopbackHosts.has(config.host)) return ['localhost', '127.0.0.1', '[::1]'];
  if (config.publicUrl) return [new URL(config.publicUrl).hostname];
  return undefined;
}

/**
 * The `/mcp` endpoint of `hale start`: bearer tokens (API tokens, and JWTs when configured), one
 * MCP server per request over the process's tool registry. `current` is undefined until the
 * warehouse is ready; until then `/mcp` answers 503.
 */
export function createMcpEndpoint({
  config,
  applicationDatabase,
  version,
  log,
  current,
  listeningUrl,
}: {
  config: Config;
  /** Where API tokens are kept. */
  applicationDatabase: Queryable;
  version: string;
  log: CommandOutput['log'];
  current: () => { governed: GovernedWarehouse; runtime: ToolRuntime } | undefined;
  /** The URL the server listens on, known once it listens. */
  listeningUrl: () => URL;
}): RequestHandler {
  const jwt = jwtSettings(config);
  const hosts = allowedHosts(config);
  if (!hosts)
    log('warn', 'no HALE_ALLOWED_HOSTS: /mcp answers any Host header (set it when exposed beyond a proxy)');
  const ready = () => {
    const state = current();
    if (!state) throw new Error('the MCP endpoint was used before the warehouse was ready');
    return state;
  };
  return createMcpHttpRouter({
    isReady: () => current() !== undefined,
    serverFor(user) {
      const { governed, runtime } = ready();
      return createMcpServer({
        registry: runtime.registry,
        ports: runtime.ports,
        principal: resolvePrincipal(governed.policy, user),
        version,
      });
    },
    verifier: createTokenVerifier({
      database: applicationDatabase,
      policy: () => current()?.governed.policy,
      ...(jwt ? { jwt } : {}),
    }),
    resourceUrl: () => new URL('/mcp', config.publicUrl ?? listeningUrl()),
    authorizationServers: jwt ? [jwt.issuer] : [],
    ...(hosts ? { allowedHosts: hosts } : {}),
    maxRequestBytes,
    log,
  });
}
