/**
 * Field rules shared by the widget (on what the visitor typed) and the server proxy (on the
 * JSON body it is asked to forward), so both sides reject the same things.
 */
import type { CreateBookingInput } from '../api/schemas.js';
import { isIsoDate } from '../schedule/dates.js';
import { E164_RE, normalizePhone } from './phone.js';

// The proxy imports it from here.
export { isIsoDate };

export const MAX_LENGTH = { name: 200, email: 254, message: 1000 } as const;

export type BookingField = 'name' | 'email' | 'phone' | 'message';
export type FieldError = 'required' | 'invalid' | 'too_long';
export type FieldErrors = Partial<Record<BookingField, FieldError>>;

export interface ValidateOptions {
  requireName?: boolean;
  requireEmail?: boolean;
  /** Calling code of the visitor's chosen country, for numbers typed without "+". */
  callingCode?: string;
}

/** Pragmatic: one "@", a non-empty local part, a dotted domain, no spaces, at most 254 chars. */
export function isEmail(v: string): boolean {
  return v.length <= MAX_LENGTH.email && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v);
}

/**
 * The fields at fault, in form order (so the first key is the field to focus). Values are
 * trimmed first; empty optional fields are fine. The phone may be national when
 * `opts.callingCode` is given (see `normalizePhone`).
 */
export function validateBooking(
  input: { name: string; email: string; phone: string; message: string },
  opts: ValidateOptions = {},
): FieldErrors {
  const out: FieldErrors = {};
  const name = input.name.trim();
  const email = input.email.trim();
  const phone = input.phone.trim();
  if (!name) {
    if (opts.requireName) out.name = 'required';
  } else if (name.length > MAX_LENGTH.name) out.name = 'too_long';
  if (!email) {
    if (opts.requireEmail) out.email = 'required';
  } else if (!isEmail(email)) out.email = 'invalid';
  if (phone && !normalizePhone(phone, opts.callingCode).ok) out.phone = 'invalid';
  if (input.message.trim().length > MAX_LENGTH.message) out.message = 'too_long';
  return out;
}

/** Request body field -> form field. */
export const BODY_FIELDS = [
  ['customer_name', 'name'],
  ['customer_email', 'email'],
  ['customer_phone', 'phone'],
  ['message', 'message'],
] as const;


/**
 * The booking rules for fields from an untrusted client (the proxy's routes): as the form's, but
 * the phone must already be E.164, since a server has no country to read a local number in.
 */
function validateUntrusted(text: { name: string; email: string; phone: string; message: string }, opts: Omit<ValidateOptions, 'callingCode'>) {
  const errors = validateBooking({ ...text, phone: '' }, opts);
  if (text.phone && !E164_RE.test(text.phone)) errors.phone = 'invalid';
  return errors;
}

/**
 * A create-booking body from an untrusted client, for the proxy: `date` a real YYYY-MM-DD,
 * `time_slot_id` a positive integer, optional customer fields and message as strings that pass
 * `validateBooking` (the phone must already be E.164). Strings are trimmed, empty or null
 * optional fields dropped, unknown fields stripped. `fields` maps body field -> FieldError code.
 */
export function validateBookingBody(
  body: unknown,
  opts: Omit<ValidateOptions, 'callingCode'> = {},
): { ok: true; value: CreateBookingInput } | { ok: false; fields: Record<string, string> } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, fields: { body: 'invalid' } };
  const b = body as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const id = b.time_slot_id;
  if (!isIsoDate(b.date)) fields.date = b.date == null ? 'required' : 'invalid';
  if (!(typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) fields.time_slot_id = id == null ? 'required' : 'invalid';

  const value = { date: b.date, time_slot_id: id } as CreateBookingInput;
  const text = { name: '', email: '', phone: '', message: '' };
  for (const [key, field] of BODY_FIELDS) {
    const v = b[key];
    if (v == null) continue;
    if (typeof v !== 'string') fields[key] = 'invalid';
    else if ((text[field] = v.trim())) value[key] = text[field];
  }
  const errors = validateUntrusted(text, opts);
  for (const [key, field] of BODY_FIELDS) if (errors[field]) fields[key] ??= errors[field];

  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}

const CUSTOMER_FIELDS = ['name', 'email', 'phone'] as const;

/**
 * A change-customer body from an untrusted client (the proxy's manage route): `name`, `email`
 * and `phone`, each optional, at least one given. Given fields follow the booking rules: name
 * and email cannot be emptied, the phone must be E.164 or empty (which removes it). Strings are
 * trimmed, unknown fields stripped. `fields` maps body field -> FieldError code.
 */
export function validateCustomerBody(
  body: unknown,
): { ok: true; value: { name?: string; email?: string; phone?: string } } | { ok: false; fields: Record<string, string> } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, fields: { body: 'invalid' } };
  const b = body as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const value: { name?: string; email?: string; phone?: string } = {};
  for (const key of CUSTOMER_FIELDS) {
    const v = b[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') fields[key] = 'invalid';
    else value[key] = v.trim();
  }
  if (!Object.keys(value).length && !Object.keys(fields).length) return { ok: false, fields: { body: 'invalid' } };
  const errors = validateUntrusted(
    { name: value.name ?? '', email: value.email ?? '', phone: value.phone ?? '', message: '' },
    { requireName: value.name !== undefined, requireEmail: value.email !== undefined },
  );
  for (const key of CUSTOMER_FIELDS) if (errors[key]) fields[key] ??= errors[key];
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}
