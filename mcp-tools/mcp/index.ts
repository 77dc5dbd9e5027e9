export {
  type ApiTokenRecord,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from './api-tokens.js';
export {
  createMcpHttpRouter,
  type McpHttpOptions,
  protectedResourceMetadataPath,
} from './create-mcp-http-router.js';
export { createMcpServer } from './create-mcp-server.js';
export { createTokenVerifier, type JwtSettings } from './create-token-verifier.js';
export { serveMcpOverStdio } from './serve-mcp-over-stdio.js';
