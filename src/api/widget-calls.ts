/**
 * The calls the widget makes, as plain functions over `request`. ReserveKitClient's methods
 * of the same names delegate here; the widget imports these directly so that the script bundle
 * carries these calls, not the whole client.
 */
import { bySchema, checkAvailability, eachOf, request, requestWith, type ClientOptions, type RequestOptions } from './http.js';
import { AvailabilityListSchema, BookingSchema, ServiceListSchema, ServiceSchema, TimeSlotSchema, type Availability, type CreateBookingInput, type Service } from './schemas.js';

export type Id = number | string;

export const servicePath = (id: Id) => `/v1/services/${encodeURIComponent(id)}`;

/** Services per page when walking the list; the API's default is 10. */
const SERVICES_PAGE_SIZE = 100;
/** A server that keeps saying "more pages" cannot keep us walking: 50 pages is 5000 services. */
const MAX_SERVICE_PAGES = 50;

/** Every service, walking all pages of `GET /v1/services` (in proxy mode: the allow-listed ones). */
export async function listAllServices(c: ClientOptions, o?: RequestOptions): Promise<Service[]> {
  const all: Service[] = [];
  for (let page = 1; page <= MAX_SERVICE_PAGES; page++) {
    const { services, pagination } = await request(c, 'GET', '/v1/services', ServiceListSchema, {
      ...o,
      query: { page, page_size: SERVICES_PAGE_SIZE },
    });
    all.push(...services);
    if (!services.length || page >= pagination.total_pages) break;
  }
  return all;
}

export const getService = (c: ClientOptions, id: Id, o?: RequestOptions) => request(c, 'GET', servicePath(id), ServiceSchema, o);

/** `GET /v1/services/{id}/time-slots`: every weekly slot of one service, unpaginated (checked a few at a time: there can be hundreds). */
export const listServiceTimeSlots = (c: ClientOptions, id: Id, o?: RequestOptions) =>
  requestWith(c, 'GET', servicePath(id) + '/time-slots', eachOf(TimeSlotSchema), o);

/** Never retried by itself: a repeated POST could book twice. */
export const createBooking = (c: ClientOptions, input: CreateBookingInput, { serviceId, ...o }: RequestOptions & { serviceId?: Id } = {}) =>
  // The official SDKs send service_id in the query as well as implying it by the slot.
  request(c, 'POST', '/v1/bookings', BookingSchema, { ...o, query: { service_id: serviceId }, body: input });

/** The header every answer of our server proxy carries, listing the extensions it serves. */
export const PROXY_HEADER = 'X-ReserveKit-Proxy';

/**
 * Whether the answer these headers came with is from a proxy that serves `getAvailability`. The
 * plain ReserveKit API does not, so asking it would only put a 404 in the console: pass
 * `onHeaders` to the first call (e.g. `getService`) and ask for availability only when this is true.
 */
export const servesAvailability = (headers: Headers): boolean => /(^|[\s,])availability($|[\s,])/.test(headers.get(PROXY_HEADER) ?? '');

/** Our proxy's extension; the plain ReserveKit API answers 404. Its entries (one per booked time) are checked a few at a time. */
export const getAvailability = (c: ClientOptions, id: Id, q: { from: string; to: string }, o?: RequestOptions): Promise<Availability> =>
  requestWith(
    c,
    'GET',
    servicePath(id) + '/availability',
    async (json, status, signal) => checkAvailability(await bySchema(AvailabilityListSchema)(json, status), ['data'], status, signal),
    { ...o, query: q },
  );
