/** Why a route description cannot be served or documented. */
export type InvalidApiRouteReason =
  | 'unsupported_path_syntax'
  | 'undeclared_path_parameter'
  | 'unknown_path_parameter'
  | 'duplicate_route'
  | 'duplicate_operation_id'
  | 'unrepresentable_schema';

/**
 * A route description that contradicts itself or another route. It is a programming error found when
 * the routes are mounted or documented (at startup, or by the OpenAPI test), never at request time.
 */
export class InvalidApiRouteError extends Error {
  readonly code = 'invalid_api_route';
  readonly operationId: string;
  readonly reason: InvalidApiRouteReason;

  constructor({
    operationId,
    reason,
    message,
    cause,
  }: {
    operationId: string;
    reason: InvalidApiRouteReason;
    message: string;
    cause?: unknown;
  }) {
    super(`route ${operationId}: ${message}`, { cause });
    this.name = 'InvalidApiRouteError';
    this.operationId = operationId;
    this.reason = reason;
  }
}
