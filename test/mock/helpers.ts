/** Calls a mock API through its `fetch`, as a client would, and reads the reply once. */
import type { MockApi } from '../../src/mock/index';

export const BASE = 'https://api.reservekit.io';
/** Monday, Sunday and Tuesday of the seeds' example week (0 = Sunday). */
export const MONDAY = '2023-07-10';
export const SUNDAY = '2023-07-09';
export const TUESDAY = '2023-07-11';
export const NOW = new Date('2023-06-20T09:15:00.250Z');

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON shapes; typing each one would only restate the assertions.
  body: any;
}

export async function call(
  api: MockApi,
  method: string,
  path: string,
  body?: unknown,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Reply> {
  const response = await api.fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? init.headers : { 'Content-Type': 'application/json', ...init.headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A service (id 123) with a Monday slot (id 456, two places) and a Sunday slot (id 457, one place). */
export function seedWeek(api: MockApi) {
  return api.seedService({
    id: 123,
    name: 'Consultation',
    description: '30-minute initial consultation',
    timezone: 'America/New_York',
    time_slots: [
      { id: 456, day_of_week: 1, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 17:00:00', max_bookings: 2 },
      { id: 457, day_of_week: 0, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 15:00:00', max_bookings: 1 },
    ],
  });
}

export function book(api: MockApi, input: Record<string, unknown>, query = '') {
  return call(api, 'POST', `/v1/bookings${query}`, { date: MONDAY, time_slot_id: 456, ...input });
}
