/**
 * One request through the route table: what every route needs before its handler runs (see
 * ./routes for the order), and the failures no handler should have to think about (upstream
 * errors, bugs, visitors who left), turned into answers.
 */
import { ReserveKitError } from '../api/errors.js';
import type { ProxyContext } from './client-ip.js';
import type { ProxyDeps } from './deps.js';
import type { Limiter } from './limits.js';
import { isAbort } from './log.js';
import type { Origins } from './origin.js';
import { PROXY_HEADER } from './replies.js';
import { allowHeader, router, type ProxyRoute } from './routes.js';

export interface DispatchOptions {
  routes: readonly ProxyRoute<ProxyDeps>[];
  basePath: string;
  deps: ProxyDeps;
  origins: Origins;
  limits: Record<ProxyRoute['limit'], Limiter>;
  /** The limit key of the visitor making this request. */
  visitor: (request: Request, context?: ProxyContext) => string;
  report: (error: unknown) => void;
}

export function dispatcher({ routes, basePath, deps, origins, limits, visitor, report }: DispatchOptions) {
  const r = deps.replies;
  const match = router(routes, basePath);

  async function answer(request: Request, context?: ProxyContext): Promise<Response> {
    const url = new URL(request.url);
    const m = match(url.pathname);
    // Not allow-listed looks exactly like not existing, so the proxy does not reveal which ids exist.
    if (!m || ('serviceId' in m.params && !deps.services.has(m.params.serviceId!))) return r.notFound();
    const allow = allowHeader(m);
    if (request.method === 'OPTIONS') {
      const headers = origins.preflight(request, allow);
      return headers ? new Response(null, { status: 204, headers }) : r.fail(403, 'forbidden', 'origin not allowed');
    }
    const route = m.routes.find((candidate) => candidate.method === request.method);
    if (!route) return r.fail(405, 'method_not_allowed', 'method not allowed', { headers: { Allow: allow } });
    if (route.method !== 'GET') {
      const refused = origins.refuseWrite(request);
      if (refused) return r.fail(refused.status, refused.code, refused.message);
    }
    const wait = await limits[route.limit](visitor(request, context));
    if (wait != null) {
      const what = route.limit === 'write' ? 'booking attempts' : 'requests';
      return r.fail(429, 'rate_limit_exceeded', `Too many ${what}, please wait`, { retryAfter: wait });
    }
    return route.handle({ request, url, params: m.params, context }, deps);
  }

  return async (request: Request, context?: ProxyContext): Promise<Response> => {
    let response: Response;
    try {
      response = await answer(request, context);
    } catch (error) {
      // A visitor who left is not a failure: no log line, and nobody reads the answer.
      if (request.signal?.aborted || isAbort(error)) response = r.fail(499, 'client_closed_request', 'request aborted');
      else if (error instanceof ReserveKitError) response = r.fromUpstream(error);
      else {
        report(error);
        response = r.fail(500, 'internal_error', 'internal error');
      }
    }
    origins.decorate(request, response, ['Retry-After', PROXY_HEADER]);
    return response;
  };
}
