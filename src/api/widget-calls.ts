/**
 * The four calls the widget makes, as plain functions over `request`. ReserveKitClient's methods
 * of the same names delegate here; the widget imports these directly so that the script bundle
 * carries four calls, not the whole client.
 */
import * as z from 'zod/mini';
import { request, type ClientOptions, type RequestOptions } from './http.js';
import { AvailabilitySchema, BookingSchema, ServiceSchema, TimeSlotSchema, type CreateBookingInput } from './schemas.js';

export type Id = number | string;

const TimeSlotArraySchema = z.array(TimeSlotSchema);
export const servicePath = (id: Id) => `/v1/services/${encodeURIComponent(id)}`;

export const getService = (c: ClientOptions, id: Id, o?: RequestOptions) => request(c, 'GET', servicePath(id), ServiceSchema, o);

/** `GET /v1/services/{id}/time-slots`: every weekly slot of one service, unpaginated. */
export const listServiceTimeSlots = (c: ClientOptions, id: Id, o?: RequestOptions) =>
  request(c, 'GET', servicePath(id) + '/time-slots', TimeSlotArraySchema, o);

/** Never retried by itself: a repeated POST could book twice. */
export const createBooking = (c: ClientOptions, input: CreateBookingInput, { serviceId, ...o }: RequestOptions & { serviceId?: Id } = {}) =>
  // The official SDKs send service_id in the query as well as implying it by the slot.
  request(c, 'POST', '/v1/bookings', BookingSchema, { ...o, query: { service_id: serviceId }, body: input });

/** Our proxy's extension; the plain ReserveKit API answers 404. */
export const getAvailability = (c: ClientOptions, id: Id, q: { from: string; to: string }, o?: RequestOptions) =>
  request(c, 'GET', servicePath(id) + '/availability', AvailabilitySchema, { ...o, query: q });
