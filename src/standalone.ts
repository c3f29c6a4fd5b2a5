/**
 * Entry of dist/reservekit-booking.js, the self-contained module for
 * `<script type="module" src="…/reservekit-booking.js">`: registers `<reservekit-booking>` and
 * exposes the element class. Translations are sibling files it fetches only for their language.
 * The popup lives in dist/reservekit-booking-button.js, which loads this file: pages that embed
 * inline do not pay for it.
 */
export { ReserveKitBooking } from './components/booking/reservekit-booking';
export type { BookedDetail, OccurrenceDetail, RkEvent, RkEventMap } from './components/booking/events';
