/**
 * One error type for every failure, with the stable codes of SPEC 4. The widget, its events
 * and SPA developers switch on `code`; `message` is the server's own words when it gave any.
 */
export type ReserveKitErrorCode =
  | 'slot_full'
  | 'duplicate'
  | 'validation'
  | 'rate_limited'
  | 'unauthorized'
  | 'not_found'
  | 'network'
  | 'timeout'
  | 'server'
  | 'bad_response';

export interface ReserveKitErrorInit {
  status?: number;
  /** Field -> message, when the server named the fields at fault. */
  fields?: Record<string, string>;
  /** Seconds to wait, from `Retry-After` or the body's `retry_after`. */
  retryAfter?: number;
  /** The server's own error code, when it sent one. */
  serverCode?: string;
  cause?: unknown;
}

export class ReserveKitError extends Error {
  override readonly name = 'ReserveKitError';
  readonly code: ReserveKitErrorCode;
  readonly status?: number;
  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;
  readonly serverCode?: string;

  constructor(code: ReserveKitErrorCode, message: string, init: ReserveKitErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.fields = init.fields;
    this.retryAfter = init.retryAfter;
    this.serverCode = init.serverCode;
  }
}

export function isReserveKitError(value: unknown): value is ReserveKitError {
  return value instanceof ReserveKitError;
}
