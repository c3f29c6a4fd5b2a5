/**
 * The manage routes behind a booking's manage link: read, cancel, reschedule and edit one
 * booking with nothing but its token. Everything the routes need comes in as `ManageDeps`, so
 * the proxy and the mock API (standing in for the proxy) run this same code.
 *
 *   GET    /v1/manage/{token}             the booking, its service and its time slot
 *   POST   /v1/manage/{token}/cancel      { reason? }
 *   POST   /v1/manage/{token}/reschedule  { date, time_slot_id }
 *   PATCH  /v1/manage/{token}/customer    { name?, email?, phone? }
 *
 * Every answer is `{ data: { booking, service, time_slot } }`. A token that is garbled,
 * tampered, expired, signed with another secret, or names a booking that is gone or not of an
 * allow-listed service gets one and the same 404.
 */
import { ReserveKitError } from '../api/errors.js';
import type { Booking, CreateBookingInput, Customer, Service, TimeSlot, UpdateBookingInput, UpdateCustomerInput } from '../api/schemas.js';
import { isIsoDate, MAX_LENGTH, validateCustomerBody } from '../form/validate.js';
import { parseClock } from '../schedule/clock.js';
import { findSlot, placeBooking } from './new-booking.js';
import { manageExpiry, manageUrl, type ManageTokens } from './manage-token.js';

export { createManageTokens, manageExpiry, manageUrl, MIN_SECRET_BYTES, type ManageTokens } from './manage-token.js';

export const DEFAULT_CANCEL_REASON = 'Cancelled by the customer';
/** Recorded on the new booking when the old one could not be released and the move is undone. */
export const UNDONE_RESCHEDULE_REASON = 'Reschedule undone: the previous booking could not be released';

/**
 * The upstream calls the routes make, by booking id; the proxy passes its guarded, cached client.
 * A read's `signal` is the visitor's request: once they leave, the read need not go on. Writes,
 * and the read that checks a write, get none: stopping those half-way would leave a move half done.
 */
export interface ManageUpstream {
  getBooking(id: number, signal?: AbortSignal): Promise<Booking>;
  getService(serviceId: string, signal?: AbortSignal): Promise<Service>;
  /** `fresh` reads past any cache, to see a slot the owner has just added. */
  timeSlots(serviceId: string, signal?: AbortSignal, fresh?: boolean): Promise<readonly TimeSlot[]>;
  createBooking(serviceId: string, input: CreateBookingInput): Promise<Booking>;
  updateBooking(id: number, input: UpdateBookingInput): Promise<Booking>;
  updateCustomer(id: number, input: UpdateCustomerInput): Promise<Customer>;
}

/** How answers are written, so manage answers look exactly like the rest of the host's. */
export interface ManageReplies {
  json(status: number, body: unknown): Response;
  fail(status: number, code: string, message: string): Response;
  notFound(): Response;
  /** Field -> FieldError code ('required', 'invalid', 'too_long') or a message. */
  invalid(fields: Record<string, string>): Response;
  /** An upstream failure the routes do not handle themselves. */
  fromUpstream(error: ReserveKitError): Response;
}

export interface ManageDeps {
  upstream: ManageUpstream;
  tokens: ManageTokens;
  replies: ManageReplies;
  /** Template with `{token}` for `manage_url`, e.g. 'https://example.com/booking/manage?token={token}'. */
  url?: string;
  /** Services whose bookings may be managed (the allow-list); others look like missing bookings. */
  allows(serviceId: string): boolean;
  /** The request body as parsed JSON, or the answer to give when it is too large or not JSON. */
  readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }>;
  /** Why a new time may not be booked (past, inside the notice, beyond the horizon): field -> message, or null. */
  checkWindow?(date: string, slot: TimeSlot, service: Service): Record<string, string> | null;
  /** Epoch ms; for token expiry. */
  now(): number;
  /** Keeps cached availability counts current: a new booking was made, or its time was found full. */
  record?(serviceId: string, slot: TimeSlot, date: string, outcome: 'booked' | 'full'): Promise<void>;
  /** Faults the owner must hear about (an undone or half-done reschedule). */
  onError(error: unknown): void;
}

export type ManageAction = 'view' | 'cancel' | 'reschedule' | 'customer';

/** The routes, for a host's route table; `:token` is the one path parameter. */
export const MANAGE_ENDPOINTS: readonly { action: ManageAction; method: 'GET' | 'POST' | 'PATCH'; path: string }[] = [
  { action: 'view', method: 'GET', path: '/v1/manage/:token' },
  { action: 'cancel', method: 'POST', path: '/v1/manage/:token/cancel' },
  { action: 'reschedule', method: 'POST', path: '/v1/manage/:token/reschedule' },
  { action: 'customer', method: 'PATCH', path: '/v1/manage/:token/customer' },
];

type Loaded = { booking: Booking; service: Service; slot: TimeSlot; slots: readonly TimeSlot[]; serviceId: string };

/** The fields a manage page shows, and nothing else: upstream extras never reach the browser. */
export function managedView(booking: Booking, service: Service, slot: TimeSlot) {
  const c = booking.customer;
  return {
    booking: {
      id: booking.id,
      service_id: booking.service_id,
      date: booking.date,
      time_slot_id: booking.time_slot_id,
      status: booking.status,
      cancel_reason: booking.cancel_reason ?? undefined,
      message: booking.message ?? undefined,
      created_at: booking.created_at,
      updated_at: booking.updated_at,
      customer: c ? { name: c.name ?? '', email: c.email ?? '', phone: c.phone ?? '' } : undefined,
      manage_token: booking.manage_token,
      manage_url: booking.manage_url,
    },
    service: { id: service.id, name: service.name, description: service.description ?? '', timezone: service.timezone },
    time_slot: {
      id: slot.id,
      service_id: slot.service_id,
      day_of_week: slot.day_of_week,
      start_time: slot.start_time,
      end_time: slot.end_time,
      max_bookings: slot.max_bookings,
    },
  };
}

/** `booking` with its `manage_token` (and `manage_url` when there is a template). */
export async function withManageLink<B extends Booking>(
  tokens: ManageTokens,
  urlTemplate: string | undefined,
  booking: B,
  slot: TimeSlot,
  timezone: string,
): Promise<B> {
  const token = await tokens.sign(booking.id, manageExpiry(booking.date, slot.start_time, timezone));
  return { ...booking, manage_token: token, manage_url: urlTemplate ? manageUrl(urlTemplate, token) : undefined };
}

/** "Rescheduled to 2026-12-08 09:00": the new service-local date and start, for the owner's records. */
export function rescheduleReason(date: string, slot: TimeSlot): string {
  const { hour, minute } = parseClock(slot.start_time);
  return `Rescheduled to ${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Answers one manage route; the host has matched it and checked method, origin, content type and the visitor's limit. */
export function createManageRoutes(deps: ManageDeps) {
  const { upstream, replies } = deps;

  const cancelledConflict = () =>
    replies.fail(409, 'booking_cancelled', 'This booking is cancelled, so it can no longer be changed');

  /** The booking a token names, or the one 404 for every way that can fail. */
  async function load(token: string, signal: AbortSignal): Promise<Loaded | Response> {
    const id = await deps.tokens.verify(token, deps.now());
    if (id === null) return replies.notFound();
    let booking: Booking;
    try {
      booking = await upstream.getBooking(id, signal);
    } catch (error) {
      if (error instanceof ReserveKitError && error.code === 'not_found') return replies.notFound();
      throw error;
    }
    const serviceId = booking.service_id == null ? '' : String(booking.service_id);
    if (!serviceId || !deps.allows(serviceId)) return replies.notFound();
    const [service, cached] = await Promise.all([upstream.getService(serviceId, signal), upstream.timeSlots(serviceId, signal)]);
    // A booking made on a slot added since the slots were cached (not through this proxy) is found too.
    const found = await findSlot((fresh) => (fresh ? upstream.timeSlots(serviceId, signal, true) : cached), booking.time_slot_id);
    // A slot the owner has deleted leaves nothing to show or move.
    if (!found) return replies.notFound();
    return { booking, service, ...found, serviceId };
  }

  const answer = (status: number, booking: Booking, at: Loaded, slot = at.slot) =>
    replies.json(status, { data: managedView(booking, at.service, slot) });

  async function cancel(at: Loaded, body: unknown): Promise<Response> {
    const reason = body && typeof body === 'object' && !Array.isArray(body) ? (body as { reason?: unknown }).reason : undefined;
    if (reason != null && typeof reason !== 'string') return replies.invalid({ reason: 'invalid' });
    if ((reason ?? '').trim().length > MAX_LENGTH.message) return replies.invalid({ reason: 'too_long' });
    // A repeated cancel (a retry after a lost answer) finds the work done.
    if (at.booking.status === 'cancelled') return answer(200, at.booking, at);
    const cancelled = await upstream.updateBooking(at.booking.id, {
      status: 'cancelled',
      cancel_reason: reason?.trim() || DEFAULT_CANCEL_REASON,
    });
    return answer(200, { ...at.booking, ...cancelled }, at);
  }

  async function reschedule(at: Loaded, body: unknown, signal: AbortSignal): Promise<Response> {
    if (at.booking.status === 'cancelled') return cancelledConflict();
    if (!body || typeof body !== 'object' || Array.isArray(body)) return replies.invalid({ body: 'invalid' });
    const { date, time_slot_id: slotId } = body as { date?: unknown; time_slot_id?: unknown };
    const fields: Record<string, string> = {};
    if (!isIsoDate(date)) fields.date = date == null ? 'required' : 'invalid';
    if (!(typeof slotId === 'number' && Number.isSafeInteger(slotId) && slotId > 0)) fields.time_slot_id = slotId == null ? 'required' : 'invalid';
    if (Object.keys(fields).length) return replies.invalid(fields);
    const old = at.booking;
    const c = old.customer;
    const input: CreateBookingInput = { date: date as string, time_slot_id: slotId as number };
    if (c?.name) input.customer_name = c.name;
    if (c?.email) input.customer_email = c.email;
    if (c?.phone) input.customer_phone = c.phone;
    if (old.message) input.message = old.message;
    // New first: if it cannot be had (full, duplicate, down), the visitor keeps the old one.
    const placed = await placeBooking({
      serviceId: at.serviceId,
      input,
      slots: (fresh) => (fresh ? upstream.timeSlots(at.serviceId, signal, true) : at.slots),
      refuse: (slot) => (input.date === old.date && slot.id === old.time_slot_id ? { date: 'This is already the time of the booking' } : null),
      window: deps.checkWindow && ((slot) => deps.checkWindow!(input.date, slot, at.service)),
      create: (id, newBooking) => upstream.createBooking(id, newBooking),
      record: deps.record?.bind(deps),
    });
    if (!placed.ok) return replies.invalid(placed.fields);
    const { booking: created, slot } = placed;
    const released = await release(old, rescheduleReason(input.date, slot));
    if (released.state !== 'cancelled') return undo(created, old, released);
    const linked = await withManageLink(deps.tokens, deps.url, created, slot, at.service.timezone);
    return answer(201, linked, at, slot);
  }

  type Release = { state: 'cancelled' } | { state: 'live' | 'unknown'; error: unknown };

  /** Cancels the old booking and says where it stands: a failed answer may still have cancelled it. */
  async function release(old: Booking, reason: string): Promise<Release> {
    try {
      await upstream.updateBooking(old.id, { status: 'cancelled', cancel_reason: reason });
      return { state: 'cancelled' };
    } catch (error) {
      try {
        // A timeout does not say whether the cancel happened: ask before undoing anything.
        return (await upstream.getBooking(old.id)).status === 'cancelled' ? { state: 'cancelled' } : { state: 'live', error };
      } catch {
        return { state: 'unknown', error };
      }
    }
  }

  /** The old booking could not be released: cancel the new one, so the visitor never holds two. */
  async function undo(created: Booking, old: Booking, released: Exclude<Release, { state: 'cancelled' }>): Promise<Response> {
    try {
      await upstream.updateBooking(created.id, { status: 'cancelled', cancel_reason: UNDONE_RESCHEDULE_REASON });
    } catch (error) {
      deps.onError(new Error(`manage: a reschedule left booking ${created.id} (new) and booking ${old.id} (old) both live; cancel one`, { cause: error }));
      return replies.fail(502, 'reschedule_incomplete', 'The new time was booked, but the old booking could not be cancelled. Please contact us so we can sort it out.');
    }
    if (released.state === 'unknown') {
      deps.onError(new Error(`manage: reschedule undone (booking ${created.id} cancelled); booking ${old.id} may or may not be cancelled`, { cause: released.error }));
      return replies.fail(502, 'reschedule_incomplete', 'Your booking could not be moved, and we could not check whether it is still booked. Please open your link again to see it.');
    }
    deps.onError(new Error(`manage: reschedule undone, booking ${old.id} could not be cancelled (new booking ${created.id} cancelled)`, { cause: released.error }));
    return replies.fail(502, 'reschedule_failed', 'Your booking could not be moved, so it stays at its original time. Please try again later.');
  }

  async function editCustomer(at: Loaded, body: unknown): Promise<Response> {
    if (at.booking.status === 'cancelled') return cancelledConflict();
    const checked = validateCustomerBody(body);
    if (!checked.ok) return replies.invalid(checked.fields);
    const customer = await upstream.updateCustomer(at.booking.id, checked.value);
    return answer(200, { ...at.booking, customer }, at);
  }

  return async function manage(action: ManageAction, token: string, request: Request): Promise<Response> {
    try {
      const at = await load(token, request.signal);
      if (at instanceof Response) return at;
      if (action === 'view') return answer(200, at.booking, at);
      const read = await deps.readJson(request);
      if (!read.ok) return read.response;
      if (action === 'cancel') return await cancel(at, read.body);
      if (action === 'reschedule') return await reschedule(at, read.body, request.signal);
      return await editCustomer(at, read.body);
    } catch (error) {
      if (error instanceof ReserveKitError) return replies.fromUpstream(error);
      throw error;
    }
  };
}
