import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { type ErrorRequestHandler, type RequestHandler, type Response, Router } from 'express';

/** The path of the protected-resource metadata (RFC 9728 §3) of a resource at `/mcp`. */
export const protectedResourceMetadataPath = '/.well-known/oauth-protected-resource/mcp';

/** What the `/mcp` endpoint needs from the composition root. */
export interface McpHttpOptions {
  /** False while the warehouse is not ready: requests get 503 before authentication. */
  isReady(): boolean;
  /** Builds the MCP server for an authenticated user (a principal of the policy). */
  serverFor(user: string): Server;
  verifier: OAuthTokenVerifier;
  /** The public URL of `/mcp`, as clients reach it (the `resource` of RFC 9728). */
  resourceUrl(): URL;
  /** Issuers of accepted JWTs, advertised as authorization servers. */
  authorizationServers: readonly string[];
  /** Host names `/mcp` answers to (DNS-rebinding protection); undefined: any host. */
  allowedHosts?: readonly string[];
  /** Largest request body accepted, in bytes. */
  maxRequestBytes: number;
  log: (level: 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
}

function sendJsonRpcError(response: Response, status: number, code: number, message: string): void {
  response.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });
}

/**
 * MCP Streamable HTTP at `/mcp`, stateless: each POST gets its own server and transport, so any
 * replica can answer any request and nothing is kept between requests. Bearer authentication
 * (RFC 6750, with RFC 9728 metadata in `WWW-Authenticate`), Host and Origin validation against DNS
 * rebinding, and a request size limit come before any MCP processing.
 */
export function createMcpHttpRouter(options: McpHttpOptions): Router {
  const router = Router();
  const metadataUrl = () => new URL(protectedResourceMetadataPath, options.resourceUrl()).href;

  const metadata: RequestHandler = (_request, response) => {
    response.json({
      resource: options.resourceUrl().href,
      authorization_servers: [...options.authorizationServers],
      bearer_methods_supported: ['header'],
      resource_name: 'Hale MCP server',
    });
  };
  router.get(protectedResourceMetadataPath, metadata);
  router.get('/.well-known/oauth-protected-resource', metadata);

  if (options.allowedHosts) router.use('/mcp', hostHeaderValidation([...options.allowedHosts]));
  // A browser page on another site must not drive a local server (DNS rebinding, CSRF): an Origin,
  // when sent, must name a host this server answers to.
  router.use('/mcp', (request, response, next) => {
    const origin = request.headers.origin;
    if (origin === undefined) return next();
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    const allowed =
      parsed !== undefined &&
      (options.allowedHosts
        ? options.allowedHosts.includes(parsed.hostname)
        : parsed.host === request.headers.host);
    if (!allowed)
      return sendJsonRpcError(response, 403, -32000, `Forbidden: origin ${origin} is not allowed`);
    next();
  });

  const refuseMethod: RequestHandler = (_request, response) => {
    response.setHeader('Allow', 'POST');
    sendJsonRpcError(response, 405, -32000, 'Method not allowed: this server is stateless, use POST');
  };
  router.get('/mcp', refuseMethod);
  router.delete('/mcp', refuseMethod);

  let bearerAuth: RequestHandler | undefined;
  router.post(
    '/mcp',
    (request, response, next) => {
      if (!options.isReady())
        return sendJsonRpcError(response, 503, -32000, 'Hale is starting: the warehouse is not ready yet');
      // Built on first use: the public URL is known only once the server listens (port 0).
      bearerAuth ??= requireBearerAuth({ verifier: options.verifier, resourceMetadataUrl: metadataUrl() });
      bearerAuth(request, response, next);
    },
    express.json({ limit: options.maxRequestBytes }),
    async (request, response) => {
      const server = options.serverFor(String(request.auth?.extra?.user));
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      // A client that goes away aborts its requests: the running SQL is cancelled.
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        await transport.handleRequest(request, response, request.body);
      } catch (error) {
        options.log('error', 'MCP request failed', {
          error: error instanceof Error ? error.stack : String(error),
        });
        if (!response.headersSent) sendJsonRpcError(response, 500, -32603, 'Internal error');
      }
    },
  );

  const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large')
      return sendJsonRpcError(
        response,
        413,
        -32600,
        `Request too large: at most ${options.maxRequestBytes.toLocaleString('en')} bytes`,
      );
    if (type === 'entity.parse.failed')
      return sendJsonRpcError(response, 400, -32700, 'Parse error: invalid JSON');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return sendJsonRpcError(response, 415, -32600, 'Unsupported encoding');
    next(error);
  };
  router.use('/mcp', bodyErrors);
  return router;
}
