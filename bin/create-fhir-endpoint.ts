import type { RequestHandler } from 'express';
import type { Queryable } from '../mcp-tools/db/index.js';
import { type GovernedWarehouse, resolvePrincipal } from '../mcp-tools/governance/index.js';
import { createTokenVerifier } from '../mcp-tools/mcp/index.js';
import { createFhirRouter } from '../server/index.js';
import type { Config } from './config/load-config.js';
import { jwtSettings } from './create-mcp-endpoint.js';
import type { ToolRuntime } from './create-tool-runtime.js';

/**
 * The `/fhir` terminology endpoint of `hale start`: the same bearer tokens as `/mcp` (API tokens,
 * and JWTs when configured), the ontology tools of the process's registry, channel `fhir`.
 */
export function createFhirEndpoint({
  config,
  applicationDatabase,
  current,
}: {
  config: Config;
  applicationDatabase: Queryable;
  current: () => { governed: GovernedWarehouse; runtime: ToolRuntime } | undefined;
}): RequestHandler {
  const jwt = jwtSettings(config);
  const verifier = createTokenVerifier({
    database: applicationDatabase,
    policy: () => current()?.governed.policy,
    ...(jwt ? { jwt } : {}),
  });
  return createFhirRouter({
    isReady: () => current() !== undefined,
    async authenticate(authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (!token) return undefined;
      try {
        const info = await verifier.verifyAccessToken(token);
        const user = (info.extra as { user?: unknown } | undefined)?.user;
        return typeof user === 'string' ? user : undefined;
      } catch {
        return undefined;
      }
    },
    async execute(user, tool, input, signal) {
      const state = current();
      if (!state) throw new Error('the FHIR endpoint was used before the warehouse was ready');
      const principal = resolvePrincipal(state.governed.policy, user);
      const result = await state.runtime.registry.execute(tool, input, {
        principal,
        channel: 'fhir',
        signal,
        ports: state.runtime.ports,
      });
      return result.isError
        ? { isError: true, error: { code: result.error.code, message: result.error.message } }
        : { isError: false, structuredContent: result.structuredContent };
    },
  });
}
