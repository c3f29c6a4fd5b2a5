/**
 * The calls a manage page makes to our server proxy's manage routes, as plain functions (like
 * ./widget-calls) so a bundle carries only the ones it uses. `token` is the booking's
 * `manage_token`; every route answers the booking with its service and time slot. A token that
 * is wrong, expired or for a booking that no longer exists is a `not_found` error.
 */
import { request, type ClientOptions, type RequestOptions } from './http.js';
import { ManagedBookingSchema, type ManagedBooking, type RescheduleInput, type UpdateCustomerInput } from './schemas.js';

const managePath = (token: string) => `/v1/manage/${encodeURIComponent(token)}`;

/** `GET /v1/manage/{token}`. */
export const getManaged = (c: ClientOptions, token: string, o?: RequestOptions): Promise<ManagedBooking> =>
  request(c, 'GET', managePath(token), ManagedBookingSchema, o);

/** `POST /v1/manage/{token}/cancel`; without a reason the proxy records "Cancelled by the customer". Cancelling twice answers the cancelled booking. */
export const cancelManaged = (c: ClientOptions, token: string, reason?: string, o?: RequestOptions): Promise<ManagedBooking> =>
  request(c, 'POST', managePath(token) + '/cancel', ManagedBookingSchema, { ...o, body: reason ? { reason } : {} });

/**
 * `POST /v1/manage/{token}/reschedule`: books the new time, then cancels the old one. Answers the
 * new booking, whose `manage_token` (and `manage_url`) replace the old ones. Never retried by
 * itself: a repeated POST could book twice.
 */
export const rescheduleManaged = (c: ClientOptions, token: string, input: RescheduleInput, o?: RequestOptions): Promise<ManagedBooking> =>
  request(c, 'POST', managePath(token) + '/reschedule', ManagedBookingSchema, { ...o, body: input });

/** `PATCH /v1/manage/{token}/customer`: only the fields given change; an empty `phone` removes it. */
export const updateManagedCustomer = (
  c: ClientOptions,
  token: string,
  input: UpdateCustomerInput,
  o?: RequestOptions,
): Promise<ManagedBooking> => request(c, 'PATCH', managePath(token) + '/customer', ManagedBookingSchema, { ...o, body: input });
