/**
 * reservekit-booking: the `<reservekit-booking>` element and the typed ReserveKit client.
 * Importing this module registers the element (see `sideEffects` in package.json).
 */
export { ReserveKitBooking } from './components/booking/reservekit-booking.js';
export type { BookedDetail, ErrorDetail, OccurrenceDetail, RescheduledDetail, RkEvent, RkEventMap } from './components/shared/events.js';
export * from './api/index.js';
export type { Strings } from './i18n/strings.js';
/** Loads a translation before rendering on a server (Lit SSR); browsers load theirs on demand. */
export { loadLocale } from './i18n/index.js';
