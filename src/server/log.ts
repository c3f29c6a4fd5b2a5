/**
 * The owner's log: one line per failure, saying what failed and why (the cause chain: "fetch
 * failed: connect ECONNREFUSED 127.0.0.1:443"), with no stack for failures that are not bugs
 * in this code (upstream faults, a visitor leaving) and never the key.
 */
import { ReserveKitError } from '../api/errors.js';

export const LOG_PREFIX = '[reservekit-booking/server]';

/** A visitor who left (closed the tab, navigated away): not a failure, not worth a line. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** One line for an upstream fault or an operational problem; the stack only for what looks like a bug. */
export function describe(error: unknown): string {
  const parts: string[] = [];
  let bug = false;
  for (let e: unknown = error, depth = 0; e != null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ReserveKitError) parts.push(`upstream ${e.code}${e.status ? ` (HTTP ${e.status})` : ''}: ${e.message}`);
    else if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      parts.push(`${e.message}${typeof code === 'string' && !e.message.includes(code) ? ` (${code})` : ''}`);
      // Our own operational errors carry a cause; a bare TypeError at the top is a bug worth its stack.
      if (depth === 0 && !(e as { cause?: unknown }).cause && /^(TypeError|RangeError|ReferenceError|SyntaxError)$/.test(e.name)) bug = true;
    } else parts.push(String(e));
  }
  const line = parts.join(': caused by ').replace(/\s*\n\s*/g, ' ');
  return bug && error instanceof Error && error.stack ? error.stack : line;
}
