/** Stable codes for warehouse failures the user can act on. */
export type WarehouseErrorCode = 'warehouse_not_empty';

/** A warehouse failure with a stable `code` and an actionable message. */
export class WarehouseError extends Error {
  readonly code: WarehouseErrorCode;

  constructor(code: WarehouseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WarehouseError';
    this.code = code;
  }
}
