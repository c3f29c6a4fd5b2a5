/**
 * Typed client for every ReserveKit endpoint the seeds document, plus our proxy's extensions
 * (availability, manage routes). Each method is one line over `request`, which owns all the HTTP behaviour.
 */
import { request, type CallInit, type ClientOptions, type RequestOptions, type Schema } from './http.js';
import {
  BookingListSchema,
  BookingSchema,
  CustomerSchema,
  OkSchema,
  ServiceListSchema,
  ServiceSchema,
  TimeSlotListSchema,
  type Availability,
  type Booking,
  type CreateBookingInput,
  type CreateServiceInput,
  type Customer,
  type ManagedBooking,
  type Page,
  type Pagination,
  type Service,
  type RescheduleInput,
  type TimeSlot,
  type UpdateBookingInput,
  type UpdateCustomerInput,
  type UpdateServiceInput,
} from './schemas.js';

import * as calls from './widget-calls.js';
import * as manage from './manage-calls.js';

export { DEFAULT_API_BASE, type ClientOptions, type RequestOptions } from './http.js';

type Id = calls.Id;

const services = calls.servicePath;
const bookings = (id: Id) => `/v1/bookings/${encodeURIComponent(id)}`;

export class ReserveKitClient {
  /** Read on every call, so changing e.g. `apiKey` later takes effect on the next request. */
  options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.options = options;
  }

  private call<T>(method: string, path: string, schema: Schema<T>, o?: RequestOptions, extra?: CallInit): Promise<T> {
    return request(this.options, method, path, schema, { ...o, ...extra });
  }

  // Services

  listServices(q: { page?: number; page_size?: number } = {}, o?: RequestOptions): Promise<Page<'services', Service>> {
    return this.call('GET', '/v1/services', ServiceListSchema, o, { query: q });
  }

  /** Every service, walking all pages of `listServices`. */
  listAllServices(o?: RequestOptions): Promise<Service[]> {
    return calls.listAllServices(this.options, o);
  }

  createService(input: CreateServiceInput, o?: RequestOptions): Promise<Service> {
    return this.call('POST', '/v1/services', ServiceSchema, o, { body: input });
  }

  getService(id: Id, o?: RequestOptions): Promise<Service> {
    return calls.getService(this.options, id, o);
  }

  updateService(id: Id, input: UpdateServiceInput, o?: RequestOptions): Promise<Service> {
    return this.call('PATCH', services(id), ServiceSchema, o, { body: input });
  }

  async deleteService(id: Id, o?: RequestOptions): Promise<void> {
    await this.call('DELETE', services(id), OkSchema, o);
  }

  /** `GET /v1/services/{id}/time-slots`: every weekly slot of one service, unpaginated. */
  listServiceTimeSlots(serviceId: Id, o?: RequestOptions): Promise<TimeSlot[]> {
    return calls.listServiceTimeSlots(this.options, serviceId, o);
  }

  // Time slots

  /** `GET /v1/time-slots`; with `no_pagination: true` the server returns all slots and may omit `pagination`. */
  listTimeSlots(
    q: { service_id?: Id; page?: number; page_size?: number; no_pagination?: boolean },
    o?: RequestOptions,
  ): Promise<{ time_slots: TimeSlot[]; pagination?: Pagination }> {
    return this.call('GET', '/v1/time-slots', TimeSlotListSchema, o, { query: q });
  }

  // Bookings

  /** Never retried automatically: a repeated POST could book twice. */
  createBooking(input: CreateBookingInput, o: RequestOptions & { serviceId?: Id } = {}): Promise<Booking> {
    return calls.createBooking(this.options, input, o);
  }

  listBookings(q: { service_id: Id; page: number; page_size: number }, o?: RequestOptions): Promise<Page<'bookings', Booking>> {
    return this.call('GET', '/v1/bookings', BookingListSchema, o, { query: q });
  }

  getBooking(id: Id, o?: RequestOptions): Promise<Booking> {
    return this.call('GET', bookings(id), BookingSchema, o);
  }

  updateBooking(id: Id, input: UpdateBookingInput, o?: RequestOptions): Promise<Booking> {
    return this.call('PATCH', bookings(id), BookingSchema, o, { body: input });
  }

  cancelBooking(id: Id, reason: string, o?: RequestOptions): Promise<Booking> {
    return this.updateBooking(id, { status: 'cancelled', cancel_reason: reason }, o);
  }

  async deleteBooking(id: Id, o?: RequestOptions): Promise<void> {
    await this.call('DELETE', bookings(id), OkSchema, o);
  }

  getBookingCustomer(id: Id, o?: RequestOptions): Promise<Customer> {
    return this.call('GET', bookings(id) + '/customer', CustomerSchema, o);
  }

  updateBookingCustomer(id: Id, input: UpdateCustomerInput, o?: RequestOptions): Promise<Customer> {
    return this.call('PATCH', bookings(id) + '/customer', CustomerSchema, o, { body: input });
  }

  // Our proxy's extension: the plain ReserveKit API answers 404, i.e. `not_found`.

  getAvailability(serviceId: Id, q: { from: string; to: string }, o?: RequestOptions): Promise<Availability> {
    return calls.getAvailability(this.options, serviceId, q, o);
  }

  // Proxy manage routes (manage links): `token` is a booking's `manage_token`.

  getManaged(token: string, o?: RequestOptions): Promise<ManagedBooking> {
    return manage.getManaged(this.options, token, o);
  }

  cancelManaged(token: string, reason?: string, o?: RequestOptions): Promise<ManagedBooking> {
    return manage.cancelManaged(this.options, token, reason, o);
  }

  /** Never retried automatically: a repeated POST could book twice. */
  rescheduleManaged(token: string, input: RescheduleInput, o?: RequestOptions): Promise<ManagedBooking> {
    return manage.rescheduleManaged(this.options, token, input, o);
  }

  updateManagedCustomer(token: string, input: UpdateCustomerInput, o?: RequestOptions): Promise<ManagedBooking> {
    return manage.updateManagedCustomer(this.options, token, input, o);
  }
}
