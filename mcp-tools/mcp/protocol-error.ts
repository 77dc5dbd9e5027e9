/**
 * A JSON-RPC error answered as is. The SDK's `McpError` prefixes its message with "MCP error <code>:",
 * and clients add that prefix again when they report it; this class keeps the message as written.
 */
export class ProtocolError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
    this.data = data;
  }
}

/** JSON-RPC "invalid params" (unknown tool, unknown prompt, missing argument). */
export const invalidParams = -32602;
/** MCP's "resource not found". */
export const resourceNotFound = -32002;
