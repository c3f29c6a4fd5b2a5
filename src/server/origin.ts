/**
 * Who may call the proxy from a browser. Reads are harmless to share (CORS decides who may read
 * them cross-origin); writes are not: a foreign page can make its visitors' browsers POST with a
 * `no-cors` fetch or an auto-submitted form, which skip CORS entirely. Such requests are told
 * apart by what a browser always sends with them (`Origin`, `Sec-Fetch-Site`) and by what they
 * cannot send without a preflight (`Content-Type: application/json`).
 */

export interface Origins {
  /** Allowed to call from another origin (the configured list, or `*`). */
  allows(origin: string | null): boolean;
  /** Why this write must be refused, or null when it may go on. */
  refuseWrite(request: Request): { status: 403 | 415; code: string; message: string } | null;
  /** Headers of a same-or-allowed-origin preflight answer, or null when the origin is refused. */
  preflight(request: Request, methods: string): Record<string, string> | null;
  /** Adds CORS headers to an answer for an allowed origin. */
  decorate(request: Request, response: Response, expose: readonly string[]): void;
}

export function origins(allowed: readonly string[]): Origins {
  const list = new Set(allowed.map((o) => (o === '*' ? o : originOf(o))));
  const allows = (origin: string | null) => !!origin && (list.has('*') || list.has(origin));

  return {
    allows,

    refuseWrite(request) {
      const origin = request.headers.get('Origin');
      const site = request.headers.get('Sec-Fetch-Site');
      const own = new URL(request.url);
      let foreign: boolean;
      if (allows(origin)) foreign = false;
      // Browsers that send Sec-Fetch-Site say it outright; it survives a reverse proxy that
      // rewrites Host or the scheme, where comparing Origin with our own URL would not.
      else if (site) foreign = site !== 'same-origin';
      // No browser POSTs without Origin any more; a server-side caller is no cross-site forgery.
      else if (origin === null) foreign = false;
      else foreign = origin === 'null' || originOf(origin) !== own.origin;
      if (foreign) return { status: 403, code: 'forbidden', message: 'Bookings are accepted only from the pages of this site' };
      // POST is the one write a form or a no-cors fetch can send; PATCH, PUT and DELETE always
      // need a preflight, so a body-less DELETE need not say it is JSON.
      const type = request.headers.get('Content-Type')?.split(';')[0]!.trim().toLowerCase();
      if (request.method === 'POST' && type !== 'application/json') {
        return { status: 415, code: 'unsupported_media_type', message: 'Send the booking as JSON (Content-Type: application/json)' };
      }
      return null;
    },

    preflight(request, methods): Record<string, string> | null {
      const origin = request.headers.get('Origin');
      if (!origin) return { Allow: methods };
      if (!allows(origin)) return null;
      return {
        Allow: methods,
        'Access-Control-Allow-Methods': methods,
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      };
    },

    decorate(request, response, expose) {
      const origin = request.headers.get('Origin');
      if (allows(origin)) {
        response.headers.set('Access-Control-Allow-Origin', origin!);
        // Without this a cross-origin widget could not read Retry-After (its countdown) or
        // whether the proxy serves availability.
        response.headers.set('Access-Control-Expose-Headers', expose.join(', '));
      }
      if (list.size) response.headers.append('Vary', 'Origin');
    },
  };
}

function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}
