/**
 * A mock ReserveKit API: msw handlers plus an in-memory store that apply the real API's rules
 * (validation, capacity, duplicates, 404, 401, 429). Usable in the browser and in Node; the
 * service-worker helper lives in ./browser so this module never pulls in msw/browser.
 */
import { getResponse } from 'msw';
import { DEFAULT_API_BASE } from '../api/http.js';
import type { HttpHandler } from 'msw';
import type { BookingStatus, CreateBookingInput, CreateServiceInput, TimeSlotInput } from '../api/schemas.js';
import { abortReason, createHandlers, type FailMatch, type InjectedFailure, type MockRequestLogEntry, type MockRuntime, type RateLimitOptions, type ResolvedMockApiOptions } from './handlers.js';
import type { ErrorShape } from './responses.js';
import { clearStore, createStore, insertBooking, insertService, insertTimeSlot, timestamp } from './store.js';
import type { MockBooking, MockService, MockStore, MockTimeSlot } from './store.js';

export type { ErrorShape } from './responses.js';
export type { FailMatch, InjectedFailure, MockRequestLogEntry, RateLimitOptions, ResolvedMockApiOptions } from './handlers.js';
export type { MockBooking, MockCustomer, MockService, MockStore, MockTimeSlot } from './store.js';
export { activeBookings, placeConflict } from './rules.js';
export { seedConsultation, consultationTimeSlots } from './fixtures.js';

export { DEFAULT_API_BASE };

export interface MockApiOptions {
  /** Default 'https://api.reservekit.io'. May be relative in the browser (proxy mode). */
  apiBase?: string;
  /** Added before every response; aborting the request during it rejects with the signal's reason. */
  latencyMs?: number;
  /** Body shape of error responses (SPEC 2); default 'string', as the seeds and JS SDK. */
  errorShape?: ErrorShape;
  rateLimit?: RateLimitOptions | null;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Clock for created_at / updated_at. */
  now?: () => Date;
}

export type SeedServiceInput = Omit<CreateServiceInput, 'time_slots'> & {
  id?: number;
  time_slots?: (TimeSlotInput & { id?: number })[];
};

export type SeedBookingInput = CreateBookingInput & {
  id?: number;
  status?: BookingStatus;
  cancel_reason?: string;
};

export interface MockApi {
  /** msw 2 handlers for every endpoint, then a catch-all 404 for the rest of apiBase. */
  readonly handlers: HttpHandler[];
  /** Same behaviour as the handlers, without a service worker. */
  handle(request: Request): Promise<Response>;
  /** A drop-in `fetch` for clients: `(input, init) => handle(new Request(input, init))`. */
  readonly fetch: typeof fetch;
  readonly store: MockStore;
  /** Every request that reached the API, oldest first. */
  readonly requests: MockRequestLogEntry[];
  readonly options: Readonly<ResolvedMockApiOptions>;
  /** Creates a service and its slots without validation; returns the live stored records. */
  seedService(input: SeedServiceInput): { service: MockService; slots: MockTimeSlot[] };
  /** Creates a booking without any rule (capacity, duplicates, weekday); throws for an unknown slot. */
  seedBooking(input: SeedBookingInput): MockBooking;
  /** Makes the next matching request(s) fail; matched in the order registered. */
  failNext(match: FailMatch, failure: InjectedFailure): void;
  setOptions(partial: Partial<MockApiOptions>): void;
  /** Empties the store, request log, pending failures and rate-limit window; options are kept. */
  reset(): void;
}

function resolveOptions(options: MockApiOptions, base?: ResolvedMockApiOptions): ResolvedMockApiOptions {
  const merged = { ...base, ...options };
  return {
    apiBase: (merged.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, ''),
    latencyMs: Math.max(0, merged.latencyMs ?? 0),
    errorShape: merged.errorShape ?? 'string',
    rateLimit: merged.rateLimit ?? null,
    apiKey: merged.apiKey || undefined,
    now: merged.now ?? (() => new Date()),
  };
}

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const rt: MockRuntime = {
    options: resolveOptions(options),
    store: createStore(),
    requests: [],
    failures: [],
    rateWindow: { start: 0, count: 0 },
  };
  const handlers = createHandlers(rt);

  async function handle(request: Request): Promise<Response> {
    if (request.signal.aborted) throw abortReason(request.signal);
    const response = await getResponse(handlers, request);
    // Outside apiBase there is no such server; injected 'network' failures look the same.
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  }

  return {
    handlers,
    handle,
    fetch: async (input, init) => handle(new Request(input, init)),
    store: rt.store,
    requests: rt.requests,
    get options() {
      return rt.options;
    },
    seedService(input) {
      const at = timestamp(rt.options.now());
      const service = insertService(rt.store, input, at);
      const slots = (input.time_slots ?? []).map((slot) => insertTimeSlot(rt.store, service.id, slot, at));
      return { service, slots };
    },
    seedBooking(input) {
      const slot = rt.store.timeSlots.find((s) => s.id === input.time_slot_id);
      if (!slot) throw new Error(`seedBooking: no time slot ${input.time_slot_id}`);
      return insertBooking(rt.store, slot, input, timestamp(rt.options.now()));
    },
    failNext(match, failure) {
      rt.failures.push({ match, failure, remaining: match.times ?? 1 });
    },
    setOptions(partial) {
      rt.options = resolveOptions(partial, rt.options);
      // A new limit starts a new window, so tests can switch limiting on mid-scenario.
      if ('rateLimit' in partial) rt.rateWindow = { start: 0, count: 0 };
    },
    reset() {
      clearStore(rt.store);
      rt.requests.length = 0;
      rt.failures.length = 0;
      rt.rateWindow = { start: 0, count: 0 };
    },
  };
}
