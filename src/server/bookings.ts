/**
 * `POST /v1/bookings?service_id=`: the body is checked the way the widget checks it (its own
 * rules, the slot belongs to the service, the date is on the slot's weekday and inside the
 * owner's booking window) before it costs an API call.
 */
import { ReserveKitError } from '../api/errors.js';
import { validateBookingBody } from '../form/validate.js';
import { checkBookingWindow } from './booking-window.js';
import type { ProxyDeps } from './deps.js';
import type { Replies } from './replies.js';
import type { TimeSlot } from './upstream.js';

const MAX_BODY_CHARS = 16_384;

const WINDOW_MESSAGES = {
  past: 'This time has already started; choose a later one',
  too_soon: 'This time is too soon to book; choose a later one',
  too_far: 'This date is too far ahead to book',
} as const;

export async function createBooking(request: Request, url: URL, deps: ProxyDeps): Promise<Response> {
  const { replies: r, reads } = deps;
  const serviceId = url.searchParams.get('service_id');
  if (!serviceId) return r.invalid({ service_id: 'service_id is required' });
  if (!deps.services.has(serviceId)) return r.notFound();

  const read = await readJson(request, r);
  if (!read.ok) return read.response;
  // The widget's own rules, so a body it would never send is refused before it costs an API call.
  const checked = validateBookingBody(read.body, { requireName: true, requireEmail: true });
  if (!checked.ok) return r.invalid(checked.fields);
  const input = checked.value;

  const owns = (slots: TimeSlot[]) => slots.find((s) => s.id === input.time_slot_id);
  const signal = request.signal;
  // A miss re-reads once, so a slot the owner added a minute ago is not refused for the TTL.
  const slot = owns((await reads.timeSlots(serviceId, signal)).value) ?? owns((await reads.timeSlots(serviceId, signal, true)).value);
  if (!slot) return r.invalid({ time_slot_id: 'Time slot does not belong to this service' });
  if (new Date(input.date).getUTCDay() !== slot.day_of_week) return r.invalid({ date: "Date is not on the time slot's day of the week" });
  const zone = (await reads.service(serviceId, signal)).value.timezone;
  const error = bookingWindowError(input.date, slot, zone, deps);
  if (error) return r.invalid({ date: error });

  // The counts are a courtesy to the next visitor; failing to update them must not fail a booking
  // that was made (the shared store logs its own failures).
  const record = (outcome: 'booked' | 'full') => reads.recordBooking(serviceId, slot, input.date, outcome).catch(() => {});
  let booking;
  try {
    booking = await deps.up.createBooking(serviceId, input);
  } catch (error) {
    if (error instanceof ReserveKitError && error.code === 'slot_full') await record('full');
    throw error;
  }
  await record('booked');
  return r.json(201, { data: deps.link ? await deps.link(booking, slot, zone) : booking });
}

/** The JSON body of a write, or the answer for one that is too large or not JSON. */
export async function readJson(request: Request, r: Replies): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: r.fail(413, 'payload_too_large', 'request body too large') });
  if (Number(request.headers.get('Content-Length')) > MAX_BODY_CHARS) return tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: r.invalid({ body: 'invalid' }) };
  }
}

/** Why the date cannot be booked now, in words for the visitor, or null. */
export function bookingWindowError(date: string, slot: TimeSlot, zone: string, deps: Pick<ProxyDeps, 'window' | 'now'>): string | null {
  const problem = checkBookingWindow(date, slot.start_time, zone, deps.now(), deps.window);
  return problem && WINDOW_MESSAGES[problem];
}
