/**
 * Entry of dist/reservekit-booking.js, the self-contained module for
 * `<script type="module" src="…/reservekit-booking.js">`: one file, one integrity hash, nothing
 * else fetched. It registers `<reservekit-booking>` (inline) and `<reservekit-booking-button>`
 * (popup), exports both classes and `openBooking()`, and carries every translation.
 */
export { ReserveKitBooking } from './components/booking/reservekit-booking.js';
export type { BookedDetail, ErrorDetail, OccurrenceDetail, RkEvent, RkEventMap } from './components/shared/events.js';
export * from './components/booking-button/index.js';
