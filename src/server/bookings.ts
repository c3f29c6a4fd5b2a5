/**
 * `POST /v1/bookings?service_id=`: the body is checked the way the widget checks it (its own
 * rules, the slot belongs to the service, the date is on the slot's weekday and inside the
 * owner's booking window) before it costs an API call.
 */
import { validateBookingBody } from '../form/validate.js';
import { checkBookingWindow } from './booking-window.js';
import type { ProxyDeps } from './deps.js';
import { placeBooking } from './new-booking.js';
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

  const signal = request.signal;
  // Read once the slot checks pass, so a refused slot costs no service read; the link needs it too.
  let zone = '';
  const placed = await placeBooking({
    serviceId,
    input,
    slots: async (fresh) => (await reads.timeSlots(serviceId, signal, fresh)).value,
    async window(slot) {
      zone = (await reads.service(serviceId, signal)).value.timezone;
      return bookingWindowFields(input.date, slot, zone, deps);
    },
    create: deps.up.createBooking,
    record: reads.recordBooking,
  });
  if (!placed.ok) return r.invalid(placed.fields);
  return r.json(201, { data: deps.link ? await deps.link(placed.booking, placed.slot, zone) : placed.booking });
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

/** Why the date cannot be booked now, in words for the visitor (`{ date: message }`), or null. */
export function bookingWindowFields(date: string, slot: TimeSlot, zone: string, deps: Pick<ProxyDeps, 'window' | 'now'>): Record<string, string> | null {
  const problem = checkBookingWindow(date, slot.start_time, zone, deps.now(), deps.window);
  return problem && { date: WINDOW_MESSAGES[problem] };
}
