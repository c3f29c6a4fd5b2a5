/**
 * One error type for every failure, with stable codes. The widget, its events and SPA
 * developers switch on `code`; `message` is the server's own words when it gave any. The
 * families of codes below are the one place that says which failure means what.
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

/**
 * The code an API error body carries for each of ours (`{"error": {"code": "time_slot_full"}}`):
 * what ReserveKit sends, what the mock API sends and what a proxy should send when it answers
 * in the API's name. The codes a gateway adds (bad_gateway, gateway_timeout, upstream_error)
 * are never ReserveKit's own.
 */
export const SERVER_CODES = {
  slot_full: 'time_slot_full',
  duplicate: 'duplicate_booking',
  validation: 'validation_error',
  rate_limited: 'rate_limit_exceeded',
  unauthorized: 'unauthorized',
  not_found: 'not_found',
  network: 'bad_gateway',
  timeout: 'gateway_timeout',
  server: 'upstream_error',
  bad_response: 'bad_gateway',
} as const satisfies Record<ReserveKitErrorCode, string>;
export type ServerErrorCode = (typeof SERVER_CODES)[ReserveKitErrorCode];

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

/**
 * Failures where we cannot tell what the server did: no answer, a late one, a server fault or an
 * answer we cannot read. A read may simply be tried again; a write may have been carried out.
 */
export function isUncertain(error: ReserveKitError): boolean {
  return error.code === 'network' || error.code === 'timeout' || error.code === 'server' || error.code === 'bad_response';
}

/** The key or the service is refused: the visitor cannot fix it, the site owner can. */
export function isUnavailable(error: ReserveKitError): boolean {
  return error.code === 'unauthorized' || error.code === 'not_found';
}

/** Anything thrown, as a ReserveKitError (unexpected throws count as a bad response). */
export function asError(error: unknown): ReserveKitError {
  return error instanceof ReserveKitError ? error : new ReserveKitError('bad_response', String((error as Error)?.message ?? error), { cause: error });
}
