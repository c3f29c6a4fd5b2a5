/**
 * The ReserveKit API's input rules, as pure functions. Kept apart from the routes so the
 * store-level booking rules (capacity, duplicates) can be reused by anything that needs the
 * same answer the API would give, e.g. availability counts.
 */
import { DATE_RE, isIsoDate } from '../schedule/dates.js';
import type { MockBooking, MockStore, MockTimeSlot } from './store.js';

const SLOT_TIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const E164_RE = /^\+[1-9]\d{1,14}$/;
// Deliberately loose: the API rejects obvious garbage, not unusual but valid addresses.
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export type DateCheck = { ok: true; weekday: number } | { ok: false; reason: 'format' | 'calendar' };

/** `YYYY-MM-DD` naming a real calendar day; weekday 0 = Sunday (the Services seed). */
export function checkDate(value: string): DateCheck {
  if (!DATE_RE.test(value)) return { ok: false, reason: 'format' };
  if (!isIsoDate(value)) return { ok: false, reason: 'calendar' };
  return { ok: true, weekday: new Date(value).getUTCDay() };
}

/** Slot times as the seeds send them: `"YYYY-MM-DD HH:MM:SS"`; the date part is a placeholder but must still be real. */
export function isSlotTime(value: string): boolean {
  const m = SLOT_TIME_RE.exec(value);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) && hour < 24 && minute < 60 && second < 60;
}

export function isE164(value: string): boolean {
  return E164_RE.test(value);
}

export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value);
}

/** Whatever the running JS engine's IANA database accepts, which is what a user's browser can render. */
export function isTimeZone(value: string): boolean {
  if (value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isDayOfWeek(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;
}

export function isPositiveInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

/** Bookings holding a place on (slot, date): cancelled ones free their place. */
export function activeBookings(store: MockStore, timeSlotId: number, date: string, exceptId?: number): MockBooking[] {
  return store.bookings.filter(
    (b) => b.time_slot_id === timeSlotId && b.date === date && b.status !== 'cancelled' && b.id !== exceptId,
  );
}

function sameCustomer(a: { email: string; phone: string }, b: { email: string; phone: string }): boolean {
  const email = a.email.trim().toLowerCase();
  if (email !== '' && email === b.email.trim().toLowerCase()) return true;
  return a.phone !== '' && a.phone === b.phone;
}

/**
 * Why a booking cannot hold a place on (slot, date), or null. Duplicate is checked first so a
 * customer re-submitting into a now-full slot learns they are already booked.
 */
export function placeConflict(
  store: MockStore,
  slot: MockTimeSlot,
  date: string,
  customer: { email: string; phone: string },
  exceptId?: number,
): 'duplicate_booking' | 'time_slot_full' | null {
  const active = activeBookings(store, slot.id, date, exceptId);
  if (active.some((b) => sameCustomer(customer, b.customer))) return 'duplicate_booking';
  if (active.length >= slot.max_bookings) return 'time_slot_full';
  return null;
}
