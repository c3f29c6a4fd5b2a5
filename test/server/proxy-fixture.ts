/**
 * The proxy over the mock API, called the way a server runtime calls it. Shared by the browser
 * proxy tests and the Node ones, so it holds no assertions and touches no DOM; the browser's
 * assertion helpers are in proxy-env.ts.
 */
import { ReserveKitClient } from '../../src/api/client';
import { createMockApi, type MockApi, type SeedServiceInput } from '../../src/mock/index';
import { createBookingProxy, type BookingProxyHandler, type BookingProxyOptions } from '../../src/server/index';

export const KEY = 'sk_rsv_secret';
export const SITE = 'https://shop.example';
export const BASE = `${SITE}/api/booking`;
export const NOW = Date.parse('2026-12-01T12:00:00Z');
/** Monday and Wednesday of the week after NOW; slot 11 is Monday (2 places), slot 12 Wednesday (1). */
export const MON = '2026-12-07';
export const WED = '2026-12-09';
export const jane = { customer_name: 'Jane Doe', customer_email: 'jane@example.com', customer_phone: '+12025550185', message: 'First visit' };
export const monday = { date: MON, time_slot_id: 11, ...jane };

/** Service 1 is the allow-listed one; service 2 exists upstream but is not listed. */
export const SERVICES: SeedServiceInput[] = [
  {
    id: 1,
    name: 'Consultation',
    timezone: 'America/New_York',
    time_slots: [
      { id: 11, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 2 },
      { id: 12, day_of_week: 3, start_time: '2023-01-01 14:00:00', end_time: '2023-01-01 15:00:00', max_bookings: 1 },
    ],
  },
  {
    id: 2,
    name: 'Not listed',
    timezone: 'Europe/Paris',
    time_slots: [{ id: 21, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 3 }],
  },
];

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary JSON shapes; typing each would only restate the assertions.
  body: any;
}

export interface Env {
  api: MockApi;
  proxy: BookingProxyHandler;
  /** Every reply the proxy gave in this test, checked for the key after each test. */
  replies: Reply[];
  errors: unknown[];
  clock: { t: number };
  /** `signal` is the visitor's: aborting it is the visitor leaving. */
  call(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string>; ip?: string; url?: string; signal?: AbortSignal }): Promise<Reply>;
  /** The real API client, talking to the proxy the way the widget does. */
  client(ip?: string): ReserveKitClient;
  upstream(method?: string): MockApi['requests'];
}

/** `services` is what the mock API holds; the proxy allow-lists service 1 unless `extra` says otherwise. */
export function setup(extra: Partial<BookingProxyOptions> = {}, services: SeedServiceInput[] = SERVICES): Env {
  const api = createMockApi({ apiKey: KEY, now: () => new Date(NOW) });
  for (const service of services) api.seedService(service);
  const replies: Reply[] = [];
  const errors: unknown[] = [];
  const clock = { t: NOW };
  const proxy = createBookingProxy({
    apiKey: KEY,
    services: [1],
    basePath: '/api/booking',
    fetch: api.fetch,
    now: () => clock.t,
    onError: (e) => errors.push(e),
    // High enough to stay out of the way, so every test still runs the limiter.
    rateLimit: { limit: 100 },
    ...extra,
  });
  const record = async (response: Response): Promise<Response> => {
    const text = await response.clone().text();
    replies.push({ status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null });
    return response;
  };
  return {
    api,
    proxy,
    replies,
    errors,
    clock,
    async call(method, path, { body, headers, ip = '203.0.113.7', url, signal } = {}) {
      const all = new Headers({ ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
      const request = new Request(url ?? BASE + path, { method, headers: all, signal, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      // A browser drops Origin and Cookie from a Request it builds (they are forbidden headers);
      // a server runtime's Request has them, so put them back the way a server would see them.
      Object.defineProperty(request, 'headers', { value: all });
      await record(await proxy(request, { clientIp: ip }));
      return replies[replies.length - 1]!;
    },
    client: (ip = '203.0.113.7') =>
      new ReserveKitClient({
        apiBase: BASE,
        retries: 0,
        fetch: async (input, init) => record(await proxy(new Request(input, init), { clientIp: ip })),
      }),
    upstream: (method) => api.requests.filter((r) => !method || r.method === method),
  };
}
