/** What the visitor reads for each failure: one plain sentence per error code and field problem. */
import type { ReserveKitError } from '../../api/errors.js';
import { MAX_LENGTH, type BookingField, type FieldError } from '../../form/validate.js';
import { format, type Strings } from '../../i18n/index.js';

/** `waitSeconds`: what is left of a rate-limit wait (0 when it is over). */
export function errorMessage(e: ReserveKitError, t: Strings, waitSeconds: number, locale: string): string {
  switch (e.code) {
    case 'slot_full':
      return t.slotFull;
    case 'duplicate':
      return t.duplicate;
    case 'rate_limited':
      return waitSeconds ? format(t.rateLimited, { seconds: waitSeconds.toLocaleString(locale) }) : t.rateLimitedDone;
    case 'network':
      return t.network;
    case 'timeout':
      return t.timeout;
    case 'unauthorized':
    case 'not_found':
      return t.unavailable;
    case 'validation':
      return t.validationSummary;
    default:
      return t.error;
  }
}

export function fieldMessage(t: Strings, field: BookingField, problem: FieldError): string {
  if (problem === 'required') return field === 'name' ? t.nameRequired : t.emailRequired;
  if (problem === 'too_long') return format(field === 'name' ? t.nameTooLong : t.messageTooLong, { max: field === 'name' ? MAX_LENGTH.name : MAX_LENGTH.message });
  return field === 'email' ? t.emailInvalid : field === 'phone' ? t.phoneInvalid : t.nameRequired;
}
