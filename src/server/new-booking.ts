/**
 * Making a booking, whichever route asks for it (the booking form's POST, a reschedule): the
 * slot must be one of the service's (re-read once before refusing, as the slots may be cached
 * from before the owner added it), the date on its weekday and inside the owner's booking
 * window, and what the API answers (booked, or full) goes into the counts the next visitor's
 * availability comes from. Whether places are left is the API's to say (`slot_full`).
 */
import { ReserveKitError } from '../api/errors.js';
import type { CreateBookingInput } from '../api/schemas.js';

type Fields = Record<string, string>;

export interface NewBooking<S extends { id: number; day_of_week: number }, B> {
  serviceId: string;
  input: CreateBookingInput;
  /** The service's slots; `fresh` past any cache, asked for when `input.time_slot_id` is not among the others. */
  slots(fresh: boolean): readonly S[] | Promise<readonly S[]>;
  /** A refusal only this route makes, once slot and weekday are right (a reschedule to the time it has). */
  refuse?(slot: S): Fields | null;
  /** Why the date is outside the owner's booking window, field -> message, or null; without it there is no window. */
  window?(slot: S): Fields | null | Promise<Fields | null>;
  create(serviceId: string, input: CreateBookingInput): Promise<B>;
  /** Keeps the cached counts current: a booking was made, or its time was found full. */
  record?(serviceId: string, slot: S, date: string, outcome: 'booked' | 'full'): Promise<void>;
}

/**
 * The slot `id` and the list of the service's slots it was found in, read from the cache and, on
 * a miss, once past it: a slot the owner added a minute ago is found before the cache expires.
 */
export async function findSlot<S extends { id: number }>(slots: (fresh: boolean) => readonly S[] | Promise<readonly S[]>, id: number) {
  for (const fresh of [false, true]) {
    const list = await slots(fresh);
    const slot = list.find((s) => s.id === id);
    if (slot) return { slot, slots: list };
  }
  return undefined;
}

/** The booking made, or the fields to refuse; upstream failures (full, duplicate, down) are thrown. */
export async function placeBooking<S extends { id: number; day_of_week: number }, B>(
  n: NewBooking<S, B>,
): Promise<{ ok: true; booking: B; slot: S } | { ok: false; fields: Fields }> {
  const { serviceId, input } = n;
  const found = await findSlot(n.slots, input.time_slot_id);
  if (!found) return { ok: false, fields: { time_slot_id: 'Time slot does not belong to this service' } };
  const { slot } = found;
  if (new Date(input.date).getUTCDay() !== slot.day_of_week) return { ok: false, fields: { date: "Date is not on the time slot's day of the week" } };
  const refused = n.refuse?.(slot) ?? (await n.window?.(slot));
  if (refused) return { ok: false, fields: refused };

  // The counts are a courtesy to the next visitor; failing to update them must not fail a booking
  // that was made (the shared store logs its own failures).
  const record = (outcome: 'booked' | 'full') => n.record?.(serviceId, slot, input.date, outcome).catch(() => {});
  let booking: B;
  try {
    booking = await n.create(serviceId, input);
  } catch (error) {
    if (error instanceof ReserveKitError && error.code === 'slot_full') await record('full');
    throw error;
  }
  await record('booked');
  return { ok: true, booking, slot };
}
