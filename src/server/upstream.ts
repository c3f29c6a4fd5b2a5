/**
 * The proxy's side of the ReserveKit API. Upstream answers are data, never instructions: a
 * redirect is not followed (it would carry the key elsewhere, or fetch a service that is not
 * allow-listed), a body past `maxBytes` is cut off, and only the fields our schemas name are
 * kept, nested objects included, so nothing the API adds later can reach a browser by accident.
 */
import * as z from 'zod/mini';
import { request, type ClientOptions } from '../api/http.js';
import {
  BookingListSchema,
  BookingSchema,
  CustomerSchema,
  ServiceSchema,
  TimeSlotSchema,
  type CreateBookingInput,
  type UpdateBookingInput,
  type UpdateCustomerInput,
} from '../api/schemas.js';

/** An upstream answer the proxy will not use (too large, a redirect); the client wraps it as a network failure. */
export class UpstreamRefused extends Error {
  override readonly name = 'UpstreamRefused';
}

// The client's schemas are loose on purpose (a newer API may add fields); these strip them.
const Service = z.object(ServiceSchema().shape);
const TimeSlots = z.array(z.object(TimeSlotSchema().shape));
// manage_token / manage_url are ours to add: whatever upstream says under those names is dropped.
const { manage_token: _token, manage_url: _url, ...bookingShape } = BookingSchema().shape;
const Customer = z.object(CustomerSchema().shape);
const Booking = z.object({ ...bookingShape, customer: z.optional(z.nullable(Customer)) });
export type Service = z.infer<typeof Service>;
export type TimeSlot = z.infer<typeof TimeSlots>[number];

/** The proxy's limits on an upstream call unless its options say otherwise: a 10 s timeout and a 1 MiB answer. */
export const UPSTREAM_DEFAULTS = { timeoutMs: 10_000, maxBytes: 1_048_576 };

export interface UpstreamOptions {
  apiBase: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

/** A fetch that never follows redirects and reads at most `maxBytes`; both refusals reject with UpstreamRefused. */
export function guardedFetch(base: typeof fetch | undefined, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await (base ?? globalThis.fetch)(input, { ...init, redirect: 'manual' });
    // Browsers hide a manual redirect as an opaque response with status 0.
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      const to = response.headers.get('location');
      throw new UpstreamRefused(`the API answered HTTP ${status}${to ? ` to ${to}` : ''}; redirects are not followed`);
    }
    const body = status === 204 || status === 205 ? (await response.body?.cancel(), null) : await readCapped(response, maxBytes);
    return new Response(body, { status, statusText: response.statusText, headers: response.headers });
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return null;
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body.cancel();
    throw new UpstreamRefused(`the API answered more than ${maxBytes} bytes`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Cancelling closes the connection: the rest of an endless body is never read.
      await reader.cancel();
      throw new UpstreamRefused(`the API answered more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) out.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return out;
}

export type Upstream = ReturnType<typeof upstream>;

export function upstream(options: UpstreamOptions) {
  const client: ClientOptions = {
    apiBase: options.apiBase,
    apiKey: options.apiKey,
    fetch: guardedFetch(options.fetch, options.maxBytes),
    timeoutMs: options.timeoutMs,
    // The widget retries its own reads with backoff; retrying here too would multiply the wait.
    retries: 0,
  };
  const path = (id: string) => `/v1/services/${encodeURIComponent(id)}`;
  return {
    service: (id: string, signal?: AbortSignal) => request(client, 'GET', path(id), Service, { signal }),
    timeSlots: (id: string, signal?: AbortSignal) => request(client, 'GET', path(id) + '/time-slots', TimeSlots, { signal }),
    bookings: (serviceId: string, page: number, pageSize: number, signal?: AbortSignal) =>
      request(client, 'GET', '/v1/bookings', BookingListSchema, { signal, query: { service_id: serviceId, page, page_size: pageSize } }),
    // The official SDKs send service_id in the query as well as implying it by the slot.
    createBooking: (serviceId: string, input: CreateBookingInput) =>
      request(client, 'POST', '/v1/bookings', Booking, { query: { service_id: serviceId }, body: input }),
    // For manage links: one booking by id, never cached (it is the visitor's own, and changes).
    getBooking: (id: number, signal?: AbortSignal) => request(client, 'GET', `/v1/bookings/${id}`, Booking, { signal }),
    updateBooking: (id: number, input: UpdateBookingInput) => request(client, 'PATCH', `/v1/bookings/${id}`, Booking, { body: input }),
    updateCustomer: (id: number, input: UpdateCustomerInput) => request(client, 'PATCH', `/v1/bookings/${id}/customer`, Customer, { body: input }),
  };
}
