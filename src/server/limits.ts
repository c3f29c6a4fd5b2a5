/**
 * Per-visitor limits over the store's windows. Routes say which limit they count against; a
 * visitor is a `visitorKey` (IPv6 by /64), so one subscriber cannot multiply their allowance.
 */
import type { ProxyStore } from './store.js';

export interface Limit {
  /** Requests allowed per visitor per window. */
  limit: number;
  windowMs: number;
}

/** Seconds until the visitor may try again, or null when this request is within the limit. */
export type Limiter = (visitor: string) => Promise<number | null>;

export function limiter(store: ProxyStore, name: string, { limit, windowMs }: Limit, now: () => number): Limiter {
  return async (visitor) => {
    const hit = await store.consume(`${name}:${visitor}`, limit, windowMs);
    return hit.allowed ? null : Math.max(1, Math.ceil((hit.resetAt - now()) / 1000));
  };
}

/** No limit at all (`rateLimit: false`). */
export const unlimited: Limiter = async () => null;
