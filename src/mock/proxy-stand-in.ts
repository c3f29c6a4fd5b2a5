/**
 * Routes only our server proxy answers, so the mock can stand in for the proxy offline (the
 * demo, widget tests, users' own tests): availability counts, and with `manage` set, manage
 * tokens on new bookings and the manage routes. Both run the proxy's own code (its availability
 * counts, manage routes, upstream client, body reader and error answers; none of it Node-only)
 * over the mock's store and its own API: the manage routes call the mock's booking endpoints
 * in-process, as the proxy calls the real API, so `failNext` on those endpoints reaches them too.
 */
import { availabilityBetween, countBookings, parseRange } from '../server/availability.js';
import { readJson } from '../server/bookings.js';
import { createManageRoutes, createManageTokens, MANAGE_ENDPOINTS, withManageLink, type ManageTokens } from '../server/manage.js';
import { replies as createReplies } from '../server/replies.js';
import { withUpstreamFailures } from '../server/upstream-errors.js';
import { upstream, UPSTREAM_DEFAULTS, type UpstreamOptions } from '../server/upstream.js';
import { MockHttpError } from './responses.js';
import type { Route, RouteContext } from './routes.js';
import type { MockBooking, MockStore } from './store.js';

export interface ManageStandInOptions {
  /** At least 32 bytes, as the proxy requires. */
  secret: string;
  /** Template with `{token}` for `manage_url`. */
  url?: string;
}

export interface StandInRuntime {
  store: MockStore;
  manage?: ManageStandInOptions;
  availability: boolean;
  now(): Date;
  /** This mock's own API, with its key; `fetch` skips latency and rate limits. */
  upstream: Pick<UpstreamOptions, 'apiBase' | 'apiKey' | 'fetch'>;
}

/**
 * Answers exactly as the proxy writes them (its own helpers), whatever the mock's errorShape.
 * Upstream failures here are the ones a test injected with failNext: nothing to report.
 */
const replies = withUpstreamFailures(createReplies('', () => Date.now(), ['availability', 'manage']), () => {});
/** What the plain API answers for a path it does not serve, as the catch-all does. */
const noSuchRoute = () => new MockHttpError(404, 'not_found', 'not found');

/** The stand-in's routes, and `link` for new bookings when manage links are on. */
export function createStandIn(runtime: () => StandInRuntime) {
  const tokensFor = new Map<string, ManageTokens>();
  const tokens = (secret: string) => tokensFor.get(secret) ?? tokensFor.set(secret, createManageTokens(secret)).get(secret)!;

  function manageOf(rt: StandInRuntime, manage: ManageStandInOptions) {
    const up = upstream({ ...rt.upstream, ...UPSTREAM_DEFAULTS });
    return createManageRoutes({
      upstream: { ...up, getService: up.service },
      tokens: tokens(manage.secret),
      replies,
      url: manage.url,
      // Every service of the mock is "allow-listed".
      allows: () => true,
      readJson: (request) => readJson(request, replies),
      now: () => rt.now().getTime(),
      onError: (error) => console.warn('reservekit mock (manage):', error instanceof Error ? error.message : error),
    });
  }

  const manageRoutes = MANAGE_ENDPOINTS.map(
    ({ action, method, path }): Route => ({
      method,
      pattern: path,
      run(ctx: RouteContext) {
        const rt = runtime();
        // Without `manage` this is the plain API, which has no such route.
        if (!rt.manage) throw noSuchRoute();
        return manageOf(rt, rt.manage)(action, ctx.params.token, ctx.request);
      },
    }),
  );

  const availabilityRoute: Route = {
    method: 'GET',
    pattern: '/v1/services/:id/availability',
    run(ctx) {
      const rt = runtime();
      if (!rt.availability && !rt.manage) throw noSuchRoute();
      const id = Number(ctx.params.id);
      if (!rt.store.services.some((s) => s.id === id)) return replies.notFound();
      const range = parseRange(ctx.url.searchParams.get('from'), ctx.url.searchParams.get('to'));
      if (!range.ok) return replies.invalid(range.fields);
      const slots = rt.store.timeSlots.filter((s) => s.service_id === id);
      const counts = Object.fromEntries(countBookings(rt.store.bookings.filter((b) => b.service_id === id), new Map()));
      return { data: { from: range.from, to: range.to, availability: availabilityBetween(slots, counts, range.from, range.to) } };
    },
  };

  return {
    routes: [...manageRoutes, availabilityRoute],
    /** The booking as the proxy answers it, or undefined when manage links are off. */
    link(): ((booking: MockBooking) => Promise<MockBooking>) | undefined {
      const rt = runtime();
      const manage = rt.manage;
      if (!manage) return undefined;
      return async (booking) => {
        const slot = rt.store.timeSlots.find((s) => s.id === booking.time_slot_id)!;
        const service = rt.store.services.find((s) => s.id === booking.service_id)!;
        return withManageLink(tokens(manage.secret), manage.url, booking, slot, service.timezone);
      };
    },
  };
}
