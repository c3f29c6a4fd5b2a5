/**
 * Every ReserveKit endpoint of the seeds, as pure functions of (store, request data). Both the
 * msw handlers and `handle()` reach these through the same pipeline (handlers.ts).
 */
import type { BookingStatus } from '../api/schemas.js';
import { FieldErrors, MockHttpError, notFound } from './responses.js';
import { checkDate, isDayOfWeek, isE164, isEmail, isPositiveInt, isSlotTime, isTimeZone, placeConflict } from './rules.js';
import {
  deleteService,
  insertBooking,
  insertService,
  insertTimeSlot,
  removeWhere,
  type MockBooking,
  type MockService,
  type MockStore,
  type MockTimeSlot,
} from './store.js';

export type RouteContext = {
  store: MockStore;
  /** Timestamp for records this request creates or updates. */
  at: string;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
  /** A body was sent but is not JSON. */
  bodyInvalid: boolean;
  /** The request itself, unread, for routes that answer like our proxy (./proxy-stand-in). */
  request: Request;
  /** With manage links on: the booking with its `manage_token` (and `manage_url`). */
  link?: (booking: MockBooking) => Promise<MockBooking>;
};

export type RouteResult = { status?: number; data: unknown };

export type Route = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below apiBase; `:name` matches one segment. */
  pattern: string;
  /** A whole Response is passed on as it is (with CORS headers added). */
  run: (ctx: RouteContext) => RouteResult | Response | Promise<RouteResult | Response>;
};

const STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'cancelled'];
const DEFAULT_PAGE_SIZE = 10;

// ---- request parsing -------------------------------------------------------------------

type Body = Record<string, unknown>;

function objectBody(ctx: RouteContext): Body {
  const { body } = ctx;
  if (ctx.bodyInvalid || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new MockHttpError(400, 'validation_error', 'invalid request body');
  }
  return body as Body;
}

function pathId(ctx: RouteContext, what: string): number {
  const raw = ctx.params.id;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new MockHttpError(400, 'validation_error', `invalid ${what} ID`);
  return Number(raw);
}

/** A positive integer query parameter; `fallback` undefined makes it required. */
function queryInt(ctx: RouteContext, name: string, errors: FieldErrors, fallback?: number): number {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') {
    if (fallback === undefined) errors.add(name, `${name} is required`);
    return fallback ?? 0;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) errors.add(name, `${name} must be a positive integer`);
  return Number(raw);
}

function optionalString(body: Body, field: string, errors: FieldErrors): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors.add(field, `${field} must be a string`);
    return undefined;
  }
  return value;
}

function paginate<T>(items: T[], page: number, pageSize: number) {
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    pagination: {
      current_page: page,
      total_pages: Math.ceil(items.length / pageSize),
      total_count: items.length,
      page_size: pageSize,
    },
  };
}

// ---- lookups ---------------------------------------------------------------------------

function findService(store: MockStore, id: number): MockService {
  const service = store.services.find((s) => s.id === id);
  if (!service) throw notFound('service');
  return service;
}

function findBooking(store: MockStore, id: number): MockBooking {
  const booking = store.bookings.find((b) => b.id === id);
  if (!booking) throw notFound('booking');
  return booking;
}

function findSlot(store: MockStore, id: number): MockTimeSlot {
  const slot = store.timeSlots.find((s) => s.id === id);
  if (!slot) throw notFound('time slot');
  return slot;
}

/** Cancelling is final: the place may already be someone else's. */
function refuseIfCancelled(booking: MockBooking): void {
  if (booking.status === 'cancelled') throw new MockHttpError(409, 'booking_cancelled', 'booking is cancelled');
}

function conflictError(conflict: 'duplicate_booking' | 'time_slot_full'): MockHttpError {
  return conflict === 'duplicate_booking'
    ? new MockHttpError(400, 'duplicate_booking', 'duplicate booking')
    : new MockHttpError(400, 'time_slot_full', 'time slot is full');
}

function checkBookingDate(value: unknown, errors: FieldErrors): number | undefined {
  if (typeof value !== 'string' || value === '') {
    errors.add('date', 'date is required');
    return undefined;
  }
  const check = checkDate(value);
  if (check.ok) return check.weekday;
  errors.add('date', check.reason === 'format' ? 'invalid date format, expected YYYY-MM-DD' : 'invalid date');
  return undefined;
}

function checkWeekday(slot: MockTimeSlot, weekday: number): void {
  if (slot.day_of_week !== weekday) {
    throw new MockHttpError(400, 'validation_error', "date does not match the time slot's day of week", {
      date: "date does not match the time slot's day of week",
    });
  }
}

/** Empty strings mean "not given": forms often send blank optional fields. */
function checkContact(email: string | undefined, phone: string | undefined, errors: FieldErrors, prefix: string): void {
  if (email && !isEmail(email)) errors.add(`${prefix}email`, 'invalid email format');
  if (phone && !isE164(phone)) errors.add(`${prefix}phone`, 'invalid phone number, expected E.164 format');
}

// ---- services --------------------------------------------------------------------------

function validateSlotInput(value: unknown, prefix: string, errors: FieldErrors): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.add(prefix, 'time slot must be an object');
    return;
  }
  const slot = value as Body;
  if (!isDayOfWeek(slot.day_of_week)) {
    errors.add(`${prefix}.day_of_week`, 'day_of_week must be an integer from 0 (Sunday) to 6 (Saturday)');
  }
  for (const field of ['start_time', 'end_time']) {
    const time = slot[field];
    if (typeof time !== 'string' || !isSlotTime(time)) errors.add(`${prefix}.${field}`, `${field} must be "YYYY-MM-DD HH:MM:SS"`);
  }
  if (!isPositiveInt(slot.max_bookings)) {
    errors.add(`${prefix}.max_bookings`, 'max_bookings must be an integer of at least 1');
  }
}

const createServiceRoute: Route = {
  method: 'POST',
  pattern: '/v1/services',
  run(ctx) {
    const body = objectBody(ctx);
    const malformed = new FieldErrors();
    const name = body.name;
    if (typeof name !== 'string' || name.trim() === '') malformed.add('name', 'name is required');
    const description = optionalString(body, 'description', malformed);
    const timezone = body.timezone;
    if (typeof timezone !== 'string' || timezone === '') malformed.add('timezone', 'timezone is required');
    const slots = body.time_slots ?? [];
    if (!Array.isArray(slots)) malformed.add('time_slots', 'time_slots must be an array');
    malformed.throwIfAny(400);

    // Well-formed but unacceptable values are 422, as the Services seed distinguishes.
    const invalid = new FieldErrors();
    if (!isTimeZone(timezone as string)) invalid.add('timezone', `unknown timezone "${timezone as string}"`);
    (slots as unknown[]).forEach((slot, i) => validateSlotInput(slot, `time_slots[${i}]`, invalid));
    invalid.throwIfAny(422);

    const service = insertService(ctx.store, { name: name as string, description, timezone: timezone as string }, ctx.at);
    for (const slot of slots as Body[]) {
      insertTimeSlot(
        ctx.store,
        service.id,
        {
          day_of_week: slot.day_of_week as number,
          start_time: slot.start_time as string,
          end_time: slot.end_time as string,
          max_bookings: slot.max_bookings as number,
        },
        ctx.at,
      );
    }
    return { status: 201, data: service };
  },
};

const listServicesRoute: Route = {
  method: 'GET',
  pattern: '/v1/services',
  run(ctx) {
    const errors = new FieldErrors();
    const page = queryInt(ctx, 'page', errors, 1);
    const pageSize = queryInt(ctx, 'page_size', errors, DEFAULT_PAGE_SIZE);
    errors.throwIfAny();
    const { items, pagination } = paginate(ctx.store.services, page, pageSize);
    return { data: { services: items, pagination } };
  },
};

const getServiceRoute: Route = {
  method: 'GET',
  pattern: '/v1/services/:id',
  run: (ctx) => ({ data: findService(ctx.store, pathId(ctx, 'service')) }),
};

const updateServiceRoute: Route = {
  method: 'PATCH',
  pattern: '/v1/services/:id',
  run(ctx) {
    const service = findService(ctx.store, pathId(ctx, 'service'));
    const body = objectBody(ctx);
    const errors = new FieldErrors();
    const name = optionalString(body, 'name', errors);
    if (name !== undefined && name.trim() === '') errors.add('name', 'name must not be empty');
    const description = optionalString(body, 'description', errors);
    const timezone = optionalString(body, 'timezone', errors);
    errors.throwIfAny(400);
    if (timezone !== undefined && !isTimeZone(timezone)) {
      throw new MockHttpError(422, 'validation_error', `unknown timezone "${timezone}"`, {
        timezone: `unknown timezone "${timezone}"`,
      });
    }
    if (name !== undefined) service.name = name;
    if (description !== undefined) service.description = description;
    if (timezone !== undefined) service.timezone = timezone;
    service.updated_at = ctx.at;
    return { data: service };
  },
};

const deleteServiceRoute: Route = {
  method: 'DELETE',
  pattern: '/v1/services/:id',
  run(ctx) {
    const service = findService(ctx.store, pathId(ctx, 'service'));
    deleteService(ctx.store, service.id);
    return { data: 'ok' };
  },
};

const serviceTimeSlotsRoute: Route = {
  method: 'GET',
  pattern: '/v1/services/:id/time-slots',
  run(ctx) {
    const service = findService(ctx.store, pathId(ctx, 'service'));
    return { data: ctx.store.timeSlots.filter((s) => s.service_id === service.id) };
  },
};


// ---- time slots ------------------------------------------------------------------------

const listTimeSlotsRoute: Route = {
  method: 'GET',
  pattern: '/v1/time-slots',
  run(ctx) {
    const errors = new FieldErrors();
    const hasServiceId = ctx.url.searchParams.has('service_id');
    const serviceId = hasServiceId ? queryInt(ctx, 'service_id', errors) : undefined;
    const all = ['true', '1'].includes(ctx.url.searchParams.get('no_pagination') ?? '');
    const page = all ? 1 : queryInt(ctx, 'page', errors);
    const pageSize = all ? 0 : queryInt(ctx, 'page_size', errors);
    errors.throwIfAny();
    if (serviceId !== undefined) findService(ctx.store, serviceId);
    const slots = ctx.store.timeSlots.filter((s) => serviceId === undefined || s.service_id === serviceId);
    const { items, pagination } = paginate(slots, page, all ? Math.max(slots.length, 1) : pageSize);
    return { data: { time_slots: items, pagination } };
  },
};

// ---- bookings --------------------------------------------------------------------------

const createBookingRoute: Route = {
  method: 'POST',
  pattern: '/v1/bookings',
  async run(ctx) {
    const body = objectBody(ctx);
    const errors = new FieldErrors();
    const serviceParam = ctx.url.searchParams.get('service_id');
    if (serviceParam !== null && !/^\d+$/.test(serviceParam)) errors.add('service_id', 'service_id must be a positive integer');
    const weekday = checkBookingDate(body.date, errors);
    const slotId = body.time_slot_id;
    if (slotId === undefined || slotId === null) errors.add('time_slot_id', 'time_slot_id is required');
    else if (!isPositiveInt(slotId)) errors.add('time_slot_id', 'time_slot_id must be a positive integer');
    const name = optionalString(body, 'customer_name', errors);
    const email = optionalString(body, 'customer_email', errors);
    const phone = optionalString(body, 'customer_phone', errors);
    const message = optionalString(body, 'message', errors);
    checkContact(email, phone, errors, 'customer_');
    errors.throwIfAny();

    const slot = findSlot(ctx.store, slotId as number);
    if (serviceParam !== null && Number(serviceParam) !== slot.service_id) {
      throw new MockHttpError(400, 'validation_error', 'time slot does not belong to this service', {
        time_slot_id: 'time slot does not belong to this service',
      });
    }
    checkWeekday(slot, weekday as number);
    const date = body.date as string;
    const conflict = placeConflict(ctx.store, slot, date, { email: email ?? '', phone: phone ?? '' });
    if (conflict) throw conflictError(conflict);

    const booking = insertBooking(
      ctx.store,
      slot,
      { date, message, customer_name: name, customer_email: email, customer_phone: phone },
      ctx.at,
    );
    return { status: 201, data: ctx.link ? await ctx.link(booking) : booking };
  },
};

const listBookingsRoute: Route = {
  method: 'GET',
  pattern: '/v1/bookings',
  run(ctx) {
    const errors = new FieldErrors();
    const serviceId = queryInt(ctx, 'service_id', errors);
    const page = queryInt(ctx, 'page', errors);
    const pageSize = queryInt(ctx, 'page_size', errors);
    errors.throwIfAny();
    findService(ctx.store, serviceId);
    const { items, pagination } = paginate(
      ctx.store.bookings.filter((b) => b.service_id === serviceId),
      page,
      pageSize,
    );
    return { data: { bookings: items, pagination } };
  },
};

const getBookingRoute: Route = {
  method: 'GET',
  pattern: '/v1/bookings/:id',
  run: (ctx) => ({ data: findBooking(ctx.store, pathId(ctx, 'booking')) }),
};

const updateBookingRoute: Route = {
  method: 'PATCH',
  pattern: '/v1/bookings/:id',
  run(ctx) {
    const booking = findBooking(ctx.store, pathId(ctx, 'booking'));
    const body = objectBody(ctx);
    const errors = new FieldErrors();
    const weekday = body.date === undefined ? undefined : checkBookingDate(body.date, errors);
    const status = body.status;
    if (status !== undefined && !STATUSES.includes(status as BookingStatus)) {
      errors.add('status', 'invalid status, expected pending, confirmed or cancelled');
    }
    const cancelReason = optionalString(body, 'cancel_reason', errors);
    const message = optionalString(body, 'message', errors);
    if (status === 'cancelled' && !cancelReason?.trim()) {
      errors.add('cancel_reason', 'cancel_reason is required when cancelling a booking');
    }
    errors.throwIfAny();

    const date = (body.date as string | undefined) ?? booking.date;
    const nextStatus = (status as BookingStatus | undefined) ?? booking.status;
    if (nextStatus !== 'cancelled' || date !== booking.date) refuseIfCancelled(booking);
    const slot = findSlot(ctx.store, booking.time_slot_id);
    if (weekday !== undefined) checkWeekday(slot, weekday);
    // Moving a booking claims a place again, under the same rules as creating one.
    if (nextStatus !== 'cancelled' && date !== booking.date) {
      const conflict = placeConflict(ctx.store, slot, date, booking.customer, booking.id);
      if (conflict) throw conflictError(conflict);
    }

    booking.date = date;
    booking.status = nextStatus;
    if (nextStatus === 'cancelled') booking.cancel_reason = cancelReason ?? booking.cancel_reason;
    else delete booking.cancel_reason;
    if (message !== undefined) booking.message = message;
    booking.updated_at = ctx.at;
    return { data: booking };
  },
};

const deleteBookingRoute: Route = {
  method: 'DELETE',
  pattern: '/v1/bookings/:id',
  run(ctx) {
    const booking = findBooking(ctx.store, pathId(ctx, 'booking'));
    removeWhere(ctx.store.bookings, (b) => b.id === booking.id);
    return { data: 'ok' };
  },
};

const getCustomerRoute: Route = {
  method: 'GET',
  pattern: '/v1/bookings/:id/customer',
  run: (ctx) => ({ data: findBooking(ctx.store, pathId(ctx, 'booking')).customer }),
};

const updateCustomerRoute: Route = {
  method: 'PATCH',
  pattern: '/v1/bookings/:id/customer',
  run(ctx) {
    const booking = findBooking(ctx.store, pathId(ctx, 'booking'));
    const { customer } = booking;
    const body = objectBody(ctx);
    const errors = new FieldErrors();
    const name = optionalString(body, 'name', errors);
    const email = optionalString(body, 'email', errors);
    const phone = optionalString(body, 'phone', errors);
    checkContact(email, phone, errors, '');
    errors.throwIfAny();
    refuseIfCancelled(booking);
    if (name !== undefined) customer.name = name;
    if (email !== undefined) customer.email = email;
    if (phone !== undefined) customer.phone = phone;
    customer.updated_at = ctx.at;
    return { data: customer };
  },
};

export const routes: readonly Route[] = [
  createServiceRoute,
  listServicesRoute,
  getServiceRoute,
  updateServiceRoute,
  deleteServiceRoute,
  serviceTimeSlotsRoute,
  listTimeSlotsRoute,
  createBookingRoute,
  listBookingsRoute,
  getBookingRoute,
  updateBookingRoute,
  deleteBookingRoute,
  getCustomerRoute,
  updateCustomerRoute,
];

/** Params when `path` (below apiBase) matches `pattern`, else null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') return null;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== '*' && want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}
