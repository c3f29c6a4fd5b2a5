/**
 * The contact form's data: what the visitor typed, checked with the same rules the proxy uses,
 * and the server's field errors mapped back onto the form. No DOM.
 */
import { COUNTRY_CODES, defaultCountryFor, normalizePhone } from '../../form/phone.js';
import { BODY_FIELDS, validateBooking, type BookingField } from '../../form/validate.js';
import type { CreateBookingInput } from '../../api/schemas.js';
import type { Strings } from '../../i18n/index.js';
import { fieldMessage } from './messages.js';

export type Field = BookingField;
export type FormValues = Record<Field, string> & { country: string };
export type FieldMessages = Partial<Record<Field, string>>;

export const FIELDS: readonly Field[] = ['name', 'email', 'phone', 'message'];
export const emptyValues = (): FormValues => ({ name: '', email: '', phone: '', message: '', country: '' });

/** `errors` without the one for `name` (the visitor is changing that field); the same object when it had none. */
export function withoutError(errors: FieldMessages, name: Field | 'country'): FieldMessages {
  if (!(name in errors)) return errors;
  const { [name as Field]: _, ...rest } = errors;
  return rest;
}

/** The country the phone field assumes: the visitor's choice, else the locale's region. */
export const countryOf = (v: FormValues, locale: string) => v.country || defaultCountryFor(locale);

export interface CheckedForm {
  /** Messages by field, in form order (the first is the field to focus); empty when all is well. */
  errors: FieldMessages;
  /** The request's customer fields: trimmed, the phone in E.164, empty optional ones left out. */
  body: Pick<CreateBookingInput, 'customer_name' | 'customer_email' | 'customer_phone' | 'message'>;
}

/** Checks the form as the booking needs it (name and email required, phone optional). */
export function checkForm(v: FormValues, locale: string, t: Strings): CheckedForm {
  const calling = COUNTRY_CODES.find(([iso]) => iso === countryOf(v, locale))?.[1];
  const phone = v.phone.trim() ? normalizePhone(v.phone, calling) : ({ ok: true, e164: '' } as const);
  const problems = validateBooking({ name: v.name, email: v.email, phone: phone.ok ? phone.e164 : '+', message: v.message }, { requireName: true, requireEmail: true });
  const errors: FieldMessages = {};
  for (const f of FIELDS) if (problems[f]) errors[f] = fieldMessage(t, f, problems[f]!);
  const body: CheckedForm['body'] = { customer_name: v.name.trim(), customer_email: v.email.trim() };
  if (phone.ok && phone.e164) body.customer_phone = phone.e164;
  if (v.message.trim()) body.message = v.message.trim();
  return { errors, body };
}

/** A server's field map (`customer_email` or `email` → message) on the form's fields. */
export function serverFieldErrors(fields: Record<string, string>): FieldMessages {
  const out: FieldMessages = {};
  for (const [body, field] of BODY_FIELDS) {
    const message = fields[body] ?? fields[field];
    if (message) out[field] = message;
  }
  return out;
}

/** Name and email from `customer_name` / `customer_email` in a page's query string, where the form has none yet. */
export function prefillFromUrl(v: FormValues, search: string): FormValues {
  const params = new URLSearchParams(search);
  return { ...v, name: v.name || params.get('customer_name') || '', email: v.email || params.get('customer_email') || '' };
}
