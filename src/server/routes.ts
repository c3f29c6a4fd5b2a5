/**
 * The route table and its dispatcher. A route names its method, a path pattern (`:name` matches
 * one segment, decoded), and which per-visitor limit it counts against. The dispatcher does what
 * every route needs, in this order: unknown path 404; a `:serviceId` not allow-listed 404 (it
 * looks exactly like one that does not exist); OPTIONS preflight; other methods 405; writes from
 * foreign pages 403 / without JSON 415; over the visitor's limit 429. Handlers see only
 * requests that passed all of that.
 */
import type { ProxyContext } from './client-ip.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteInput {
  request: Request;
  url: URL;
  /** Decoded `:name` segments of the path. */
  params: Record<string, string>;
  context?: ProxyContext;
}

export interface ProxyRoute<D = unknown> {
  method: Method;
  /** Below `basePath`, e.g. `/v1/services/:serviceId/time-slots`. A `:serviceId` is checked against the allow-list. */
  path: string;
  /** Which per-visitor limit a request counts against: `read` (generous) or `write` (bookings, changes). */
  limit: 'read' | 'write';
  /** An extension of the plain API this route serves, announced in the `X-ReserveKit-Proxy` header. */
  feature?: string;
  handle(input: RouteInput, deps: D): Promise<Response>;
}

export interface Match<D> {
  /** Every route on this path (for OPTIONS, 405 and `Allow`). */
  routes: ProxyRoute<D>[];
  params: Record<string, string>;
}

/** Finds the routes of a path below `basePath`, or null. */
export function router<D>(routes: readonly ProxyRoute<D>[], basePath: string): (pathname: string) => Match<D> | null {
  const base = '/' + basePath.replace(/^\/+|\/+$/g, '');
  const compiled = routes.map((route) => ({
    route,
    names: [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!),
    re: new RegExp('^' + route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '([^/]+)') + '$'),
  }));
  return (pathname) => {
    if (base !== '/' && !pathname.startsWith(base + '/')) return null;
    const path = base === '/' ? pathname : pathname.slice(base.length);
    let match: Match<D> | null = null;
    for (const { route, names, re } of compiled) {
      const m = re.exec(path);
      if (!m) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      } catch {
        continue;
      }
      if (!match) match = { routes: [], params };
      match.routes.push(route);
    }
    return match;
  };
}

export const allowHeader = (match: Match<unknown>): string => [...new Set(match.routes.map((r) => r.method)), 'OPTIONS'].join(', ');
