/**
 * The proxy's routes. Each names its method, path, limit and, for extensions of the plain API,
 * the feature it announces; `createBookingProxy` dispatches them (see ./routes for what the
 * dispatcher checks before a handler runs). New routes go here, with their handlers in a file
 * of their own.
 */
import { parseRange } from './availability';
import { createBooking } from './bookings';
import type { ProxyDeps } from './deps';
import type { ProxyRoute } from './routes';

export const BOOKING_ROUTES: readonly ProxyRoute<ProxyDeps>[] = [
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
