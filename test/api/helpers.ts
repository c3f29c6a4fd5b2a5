/** A recording fetch double and canned API data shared by the API client tests. */
import { ReserveKitClient, type ClientOptions } from '../../src/api/client';

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal?: AbortSignal | null;
}

/** One canned answer: a JSON body (or raw text) with status and headers, a network failure, or a function. */
export type Reply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | 'network'
  | 'hang'
  | ((call: Recorded) => Response | Promise<Response>);

/** Answers with `replies` in order; the last one repeats. */
export function fakeFetch(...replies: Reply[]) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body == 'string' ? JSON.parse(init.body) : init.body,
      signal: init.signal,
    };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === 'network') throw new TypeError('Failed to fetch');
    // Ignores the signal on purpose: the client must not depend on fetch honouring it.
    if (reply === 'hang') return new Promise<Response>(() => {});
    if (typeof reply == 'function') return reply(call);
    const { status = 200, json, text, headers } = reply ?? {};
    // A 204 must have a null body or the Response constructor throws.
    return new Response(status == 204 ? null : (text ?? JSON.stringify(json)), { status, headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Records requested retry delays instead of waiting. */
export function fakeSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { sleep, delays };
}

export function clientWith(replies: Reply[], options: ClientOptions = {}) {
  const f = fakeFetch(...replies);
  const s = fakeSleep();
  const client = new ReserveKitClient({ fetch: f.fetch, sleep: s.sleep, ...options });
  return { client, calls: f.calls, delays: s.delays };
}

export const ok = (data: unknown, status = 200): Reply => ({ status, json: { data } });

/** Resolves with the rejection of `promise`; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export const service = {
  id: 123,
  name: 'Consultation',
  description: '30-minute initial consultation',
  timezone: 'America/New_York',
  created_at: '2023-06-15T14:22:00Z',
  updated_at: '2023-06-15T14:22:00Z',
};

export const slot = {
  id: 456,
  service_id: 123,
  day_of_week: 1,
  start_time: '2023-01-01 09:00:00',
  end_time: '2023-01-01 17:00:00',
  max_bookings: 8,
  created_at: '2023-06-15T14:22:00Z',
  updated_at: '2023-06-15T14:22:00Z',
};

export const customer = {
  id: 321,
  name: 'Jane Doe',
  email: 'jane.doe@example.com',
  phone: '+12025550185',
  created_at: '2023-06-20T09:15:00Z',
  updated_at: '2023-06-20T09:15:00Z',
};

export const booking = {
  id: 789,
  service_id: 123,
  date: '2023-07-10',
  time_slot_id: 456,
  status: 'pending',
  message: 'First-time client consultation',
  created_at: '2023-06-20T09:15:00Z',
  updated_at: '2023-06-20T09:15:00Z',
  customer,
};

export const pagination = { current_page: 1, total_pages: 3, total_count: 25, page_size: 10 };

export const availability = {
  from: '2023-07-01',
  to: '2023-07-31',
  availability: [{ time_slot_id: 456, date: '2023-07-10', booked: 3, remaining: 5 }],
};
