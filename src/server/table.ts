/**
 * The proxy's routes. Each names its method, path, limit and, for extensions of the plain API,
 * the feature it announces; `createBookingProxy` dispatches them (see ./routes for what the
 * dispatcher checks before a handler runs). New routes go here, with their handlers in a file
 * of their own.
 */
import { ReserveKitError } from '../api/errors.js';
import { parseRange } from './availability.js';
import { createBooking } from './bookings.js';
import type { ProxyDeps } from './deps.js';
import { MANAGE_ENDPOINTS } from './manage.js';
import type { ProxyRoute } from './routes.js';

export const BOOKING_ROUTES: readonly ProxyRoute<ProxyDeps>[] = [
  {
    // The allow-listed services only, in the owner's order, as one page; one gone upstream is left out.
    method: 'GET',
    path: '/v1/services',
    limit: 'read',
    async handle({ request }, { reads, replies, services, now }) {
      const found = await Promise.all(
        [...services].map((id) =>
          reads.service(id, request.signal).catch((e) => {
            if (e instanceof ReserveKitError && e.code === 'not_found') return null;
            throw e;
          }),
        ),
      );
      const listed = found.filter((f) => f !== null);
      const expiresAt = Math.min(now() + 60_000, ...listed.map((f) => f.expiresAt));
      const pagination = { current_page: 1, total_pages: 1, total_count: listed.length, page_size: listed.length };
      return replies.cached({ data: { services: listed.map((f) => f.value), pagination } }, expiresAt);
    },
  },
  {
    method: 'GET',
    path: '/v1/services/:serviceId',
    limit: 'read',
    async handle({ request, params }, { reads, replies }) {
      const { value, expiresAt } = await reads.service(params.serviceId!, request.signal);
      return replies.cached({ data: value }, expiresAt);
    },
  },
  {
    method: 'GET',
    path: '/v1/services/:serviceId/time-slots',
    limit: 'read',
    async handle({ request, params }, { reads, replies }) {
      const { value, expiresAt } = await reads.timeSlots(params.serviceId!, request.signal);
      return replies.cached({ data: value }, expiresAt);
    },
  },
  {
    method: 'GET',
    path: '/v1/services/:serviceId/availability',
    limit: 'read',
    feature: 'availability',
    async handle({ request, url, params }, { reads, replies }) {
      const range = parseRange(url.searchParams.get('from'), url.searchParams.get('to'));
      if (!range.ok) return replies.invalid(range.fields);
      const { value, expiresAt } = await reads.availability(params.serviceId!, range.from, range.to, request.signal);
      return replies.cached({ data: value }, expiresAt);
    },
  },
  {
    method: 'POST',
    path: '/v1/bookings',
    limit: 'write',
    handle: ({ request, url }, deps) => createBooking(request, url, deps),
  },
];

/** Manage links (`manage` option): reading is a read, every change counts like a booking attempt. */
export const MANAGE_ROUTES: readonly ProxyRoute<ProxyDeps>[] = MANAGE_ENDPOINTS.map(({ action, method, path }) => ({
  method,
  path,
  limit: method === 'GET' ? 'read' : 'write',
  feature: 'manage',
  handle: ({ request, params }, deps) => deps.manage!(action, params.token!, request),
}));
